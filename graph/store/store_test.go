package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/cayleygraph/cayley/graph"
	ckv "github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"
	hbolt "github.com/hidal-go/hidalgo/kv/bbolt"
	bolt "go.etcd.io/bbolt"
)

// The test graph: two made-up news articles about a port closure, written
// for these tests. Article 1 has a phone call between two people and a
// quote; article 2 a second call and a new employer.
const (
	ex     = "http://example.org/"
	sch    = "http://schema.org/"
	rdfNS  = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	xsdNS  = "http://www.w3.org/2001/XMLSchema#"
	ngNS   = "http://example.org/ns#"
	art1   = quad.IRI(ex + "article/1")
	art2   = quad.IRI(ex + "article/2")
	ines   = quad.IRI(ex + "person/ines-ferreira")
	tom    = quad.IRI(ex + "person/tom-okafor")
	nfr    = quad.IRI(ex + "org/northgate-freight")
	port   = quad.IRI(ex + "org/port-authority")
	call1  = quad.IRI(ex + "event/call-1")
	call2  = quad.IRI(ex + "event/call-2")
	quote1 = quad.IRI(ex + "quote/1")
)

func ng(s string) quad.IRI { return quad.IRI(ngNS + s) }

// q builds a quad without a label; ReplaceGraph sets it.
func q(s, p, o quad.Value) quad.Quad { return quad.Quad{Subject: s, Predicate: p, Object: o} }

func article1() []quad.Quad {
	typ := quad.IRI("rdf:type") // prefixed on purpose: the store expands it
	return []quad.Quad{
		q(ines, typ, quad.IRI(sch+"Person")),
		q(ines, quad.IRI(sch+"name"), quad.LangString{Value: "Inês Ferreira", Lang: "pt"}),
		q(ines, quad.IRI(sch+"jobTitle"), quad.String("harbour master")),
		q(tom, typ, quad.IRI(sch+"Person")),
		q(tom, quad.IRI(sch+"name"), quad.LangString{Value: "Tom Okafor", Lang: "en-GB"}),
		q(tom, quad.IRI(sch+"worksFor"), nfr),
		q(nfr, typ, quad.IRI(sch+"Organization")),
		q(nfr, quad.IRI(sch+"name"), quad.String("Northgate Freight")),
		q(nfr, ng("employees"), quad.TypedString{Value: "1200", Type: xsdNS + "integer"}),
		q(call1, typ, ng("PhoneCall")),
		q(call1, ng("caller"), ines),
		q(call1, ng("callee"), tom),
		q(call1, ng("date"), quad.TypedString{Value: "2024-03-05", Type: "xsd:date"}),
		q(quote1, typ, ng("Quote")),
		q(quote1, ng("speaker"), tom),
		q(quote1, ng("text"), quad.LangString{Value: "We expect the port to reopen on Monday.", Lang: "en"}),
		q(quote1, ng("during"), call1),
	}
}

func article2() []quad.Quad {
	typ := quad.IRI(rdfNS + "type")
	return []quad.Quad{
		q(ines, quad.IRI(sch+"worksFor"), port),
		q(port, typ, quad.IRI(sch+"Organization")),
		q(port, quad.IRI(sch+"name"), quad.String("Port Authority")),
		q(call2, typ, ng("PhoneCall")),
		q(call2, ng("caller"), tom),
		q(call2, ng("callee"), ines),
		q(call2, ng("date"), quad.TypedString{Value: "2024-03-07", Type: xsdNS + "date"}),
	}
}

// backend is a kind of store; dsn names a new, empty one.
type backend struct {
	name string
	dsn  func(t testing.TB) string
}

// backends are the kinds of store every behaviour is checked on: PostgreSQL
// too when a test server is given (see withPostgres).
var backends = withPostgres([]backend{
	{"memory", func(testing.TB) string { return "memory:" }},
	{"bolt", func(t testing.TB) string { return "bolt:" + filepath.Join(t.TempDir(), "test.db") }},
})

func openT(t testing.TB, dsn string) *Store {
	t.Helper()
	s, err := Open(context.Background(), dsn)
	if err != nil {
		t.Fatalf("Open(%q): %v", dsn, err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return s
}

func replaceT(t testing.TB, s *Store, label quad.IRI, quads []quad.Quad, wantAdded, wantRemoved int) {
	t.Helper()
	added, removed, err := s.ReplaceGraph(context.Background(), label, quads)
	if err != nil {
		t.Fatalf("ReplaceGraph(%s): %v", label, err)
	}
	if added != wantAdded || removed != wantRemoved {
		t.Fatalf("ReplaceGraph(%s) = %d added, %d removed; want %d, %d", label, added, removed, wantAdded, wantRemoved)
	}
}

// graphNQ returns the N-Quads lines of a graph (all graphs if label is
// empty), sorted.
func graphNQ(t testing.TB, s *Store, label quad.IRI) []string {
	t.Helper()
	var out []string
	for q, err := range s.Quads(context.Background(), label) {
		if err != nil {
			t.Fatalf("Quads(%s): %v", label, err)
		}
		out = append(out, q.NQuad())
	}
	slices.Sort(out)
	return out
}

// wantNQ returns the sorted N-Quads lines ReplaceGraph should store for
// quads in graph label.
func wantNQ(t testing.TB, label quad.IRI, quads []quad.Quad) []string {
	t.Helper()
	g, err := prepareGraph(Graph{Label: label, Quads: quads})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, q := range g.Quads {
		out = append(out, q.NQuad())
	}
	slices.Sort(out)
	return out
}

func statsT(t testing.TB, s *Store) Stats {
	t.Helper()
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatalf("Stats: %v", err)
	}
	return st
}

func TestReplaceGraph(t *testing.T) {
	a1, a2 := article1(), article2()
	// Version 2 of article 1: the quote is gone, Inês has a new job title.
	a1v2 := slices.Clone(a1[:13])
	a1v2[2] = q(ines, quad.IRI(sch+"jobTitle"), quad.String("port director"))
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			s := openT(t, b.dsn(t))
			replaceT(t, s, art1, a1, len(a1), 0)
			replaceT(t, s, art2, a2, len(a2), 0)
			other := graphNQ(t, s, art2)
			if want := wantNQ(t, art2, a2); !slices.Equal(other, want) {
				t.Fatalf("graph 2 holds\n%s\nwant\n%s", strings.Join(other, ""), strings.Join(want, ""))
			}
			before := statsT(t, s)
			if want := (Stats{Quads: 24, Graphs: 2}); before.Quads != want.Quads || before.Graphs != want.Graphs {
				t.Fatalf("Stats = %+v, want %d quads in %d graphs", before, want.Quads, want.Graphs)
			}

			// The same quads again, duplicated and with foreign labels: nothing changes.
			again := append(slices.Clone(a1), a1...)
			for i := range again {
				again[i].Label = art2
			}
			replaceT(t, s, art1, again, 0, 0)
			if after := statsT(t, s); after != before {
				t.Fatalf("Stats after idempotent replace = %+v, want %+v", after, before)
			}

			// A changed graph replaces exactly its old quads.
			replaceT(t, s, art1, a1v2, 1, 5)
			if got, want := graphNQ(t, s, art1), wantNQ(t, art1, a1v2); !slices.Equal(got, want) {
				t.Fatalf("graph 1 holds\n%s\nwant\n%s", strings.Join(got, ""), strings.Join(want, ""))
			}
			if got := graphNQ(t, s, art2); !slices.Equal(got, other) {
				t.Fatalf("graph 2 changed to\n%s", strings.Join(got, ""))
			}
			// Back to version 1: deleted quads can be added again.
			replaceT(t, s, art1, a1, 5, 1)
			if got, want := graphNQ(t, s, art1), wantNQ(t, art1, a1); !slices.Equal(got, want) {
				t.Fatalf("graph 1 holds\n%s\nwant\n%s", strings.Join(got, ""), strings.Join(want, ""))
			}
			if after := statsT(t, s); after != before {
				t.Fatalf("Stats after a round trip = %+v, want %+v", after, before)
			}

			// DeleteGraph removes one graph only; deleting it again finds nothing.
			for _, want := range []int{len(a1), 0} {
				n, err := s.DeleteGraph(context.Background(), art1)
				if err != nil || n != want {
					t.Fatalf("DeleteGraph = %d, %v; want %d", n, err, want)
				}
			}
			if got := graphNQ(t, s, art1); len(got) != 0 {
				t.Fatalf("graph 1 still holds\n%s", strings.Join(got, ""))
			}
			if got := graphNQ(t, s, ""); !slices.Equal(got, other) {
				t.Fatalf("store holds\n%s\nwant graph 2 only", strings.Join(got, ""))
			}
			// The 15 nodes of article 2 remain: 4 resources, 7 predicates and
			// classes, 2 literals, 1 typed literal and the label.
			if st := statsT(t, s); st != (Stats{Quads: 7, Nodes: 15, Graphs: 1}) {
				t.Fatalf("Stats after DeleteGraph = %+v", st)
			}
			// An empty quad list empties a graph too.
			replaceT(t, s, art2, nil, 0, len(a2))
			if st := statsT(t, s); st != (Stats{}) {
				t.Fatalf("Stats of an empty store = %+v", st)
			}
		})
	}
}

func TestReplaceGraphRejects(t *testing.T) {
	good := q(ines, quad.IRI(sch+"name"), quad.String("Inês"))
	tests := []struct {
		name  string
		label quad.IRI
		quad  quad.Quad
		want  string
	}{
		{"empty label", "", good, "empty graph label"},
		{"literal subject", art1, q(quad.String("Inês"), quad.IRI(sch+"name"), quad.String("x")), "not an IRI or a blank node"},
		{"literal predicate", art1, q(ines, quad.String("name"), quad.String("x")), "predicate"},
		{"missing object", art1, q(ines, quad.IRI(sch+"name"), nil), "missing value"},
		{"empty IRI", art1, q(ines, quad.IRI(sch+"knows"), quad.IRI("")), "empty IRI"},
		{"empty predicate", art1, q(ines, quad.IRI(""), tom), "empty IRI"},
	}
	s := openT(t, "memory:")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := s.ReplaceGraph(context.Background(), tt.label, []quad.Quad{good, tt.quad})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("ReplaceGraph error = %v, want one containing %q", err, tt.want)
			}
			if st := statsT(t, s); st.Quads != 0 {
				t.Fatalf("a rejected graph left %d quads", st.Quads)
			}
		})
	}
}

func TestNormalizeValue(t *testing.T) {
	tests := []struct {
		in   quad.Value
		want string // N-Quads form
	}{
		{quad.Int(-7), `"-7"^^<` + xsdNS + `integer>`},
		{quad.Float(0.25), `"0.25"^^<` + xsdNS + `double>`},
		{quad.Float(1e21), `"1e+21"^^<` + xsdNS + `double>`},
		{quad.Bool(true), `"true"^^<` + xsdNS + `boolean>`},
		{quad.Time(mustTime(t, "2024-03-05T09:30:00.5+01:00")), `"2024-03-05T09:30:00.5+01:00"^^<` + xsdNS + `dateTime>`},
		{quad.TypedString{Value: "2024-03-05", Type: "xsd:date"}, `"2024-03-05"^^<` + xsdNS + `date>`},
		{quad.TypedString{Value: "plain", Type: "xsd:string"}, `"plain"`},
		{quad.IRI("schema:name"), `<http://schema.org/name>`},
		{quad.IRI("urn:isbn:0451450523"), `<urn:isbn:0451450523>`},
		{quad.LangString{Value: "colour", Lang: "en-GB"}, `"colour"@en-GB`},
		{quad.BNode("stmt1"), `_:stmt1`},
	}
	for _, tt := range tests {
		got, err := normalizeValue(tt.in)
		if err != nil || got.String() != tt.want {
			t.Errorf("normalizeValue(%#v) = %v, %v; want %s", tt.in, got, err, tt.want)
		}
	}
}

func TestOpenReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "news.db")
	for i, dsn := range []string{"bolt:" + path, path} { // both spellings, same file
		s, err := Open(ctx, dsn)
		if err != nil {
			t.Fatalf("Open(%q): %v", dsn, err)
		}
		if i == 0 {
			replaceT(t, s, art1, article1(), 17, 0)
			replaceT(t, s, art2, article2(), 7, 0)
		}
		if st := statsT(t, s); st.Quads != 24 || st.Graphs != 2 {
			t.Fatalf("open %d: Stats = %+v, want 24 quads in 2 graphs", i, st)
		}
		if err := s.Close(); err != nil {
			t.Fatalf("Close: %v", err)
		}
		if err := s.Close(); err != nil {
			t.Fatalf("second Close: %v", err)
		}
	}
	if indexes := readIndexes(t, path); !slices.ContainsFunc(indexes, isLabelIndex) {
		t.Fatalf("indexes = %+v, want a label index", indexes)
	}
}

func TestMemoryStoresAreSeparate(t *testing.T) {
	a, b := openT(t, "memory:"), openT(t, "memory:")
	replaceT(t, a, art1, article1(), 17, 0)
	if st := statsT(t, b); st != (Stats{}) {
		t.Fatalf("second memory store has %+v", st)
	}
}

func TestOpenErrors(t *testing.T) {
	dir := t.TempDir()
	notBolt := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(notBolt, []byte("not a database, just some text that is long enough"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		dsn         string
		unsupported bool
		want        string
	}{
		// Nothing listens on port 1; the password stays out of the message.
		{"postgres://news:secret@127.0.0.1:1/graph?sslmode=disable", false, `"postgres://news:xxxxx@127.0.0.1:1/graph?sslmode=disable": connect: dial tcp 127.0.0.1:1`},
		{"postgresql://127.0.0.1:1/graph?sslmode=disable", false, "127.0.0.1:1"},
		{"postgres://news:secret@127.0.0.1:port/graph", false, `"postgres://(malformed URL)"`},
		{"postgres://news@127.0.0.1:1/graph?password=secret&sslmode=disable", false, "password=xxxxx"},
		{"sqlite:graph.db", true, `unknown scheme "sqlite"`},
		{"memory:graph", false, "takes no path"},
		{"bolt:" + filepath.Join(dir, "missing", "x.db"), false, filepath.Join(dir, "missing", "x.db")},
		{notBolt, false, "notes.txt"},
		{dir, false, dir},
	}
	for _, tt := range tests {
		t.Run(tt.dsn, func(t *testing.T) {
			s, err := Open(context.Background(), tt.dsn)
			if err == nil {
				s.Close()
				t.Fatalf("Open(%q) succeeded", tt.dsn)
			}
			if errors.Is(err, ErrUnsupported) != tt.unsupported || !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), "secret") {
				t.Fatalf("Open(%q) = %v; want an error containing %q (unsupported: %v), and no password", tt.dsn, err, tt.want, tt.unsupported)
			}
		})
	}
}

func TestSplitDSN(t *testing.T) {
	tests := []struct{ dsn, scheme, rest string }{
		{"", "bolt", ""},
		{"newsgraph.db", "bolt", "newsgraph.db"},
		{"./data/a:b.db", "bolt", "./data/a:b.db"},
		{`C:\graphs\news.db`, "bolt", `C:\graphs\news.db`},
		{"bolt:/var/lib/news.db", "bolt", "/var/lib/news.db"},
		{"BOLT:x.db", "bolt", "x.db"},
		{"memory:", "memory", ""},
		{"postgres://h/db", "postgres", "//h/db"},
	}
	for _, tt := range tests {
		if scheme, rest := splitDSN(tt.dsn); scheme != tt.scheme || rest != tt.rest {
			t.Errorf("splitDSN(%q) = %q, %q; want %q, %q", tt.dsn, scheme, rest, tt.scheme, tt.rest)
		}
	}
}

func TestClosedStore(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, "memory:")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	calls := map[string]func() error{
		"ReplaceGraph": func() error { _, _, err := s.ReplaceGraph(ctx, art1, article1()); return err },
		"DeleteGraph":  func() error { _, err := s.DeleteGraph(ctx, art1); return err },
		"Query":        func() error { _, err := s.Query(ctx, `g.V().All()`, 10); return err },
		"WriteQuads":   func() error { _, err := s.WriteQuads(ctx, new(strings.Builder), ""); return err },
		"Stats":        func() error { _, err := s.Stats(ctx); return err },
		"Locked":       func() error { return s.Locked(false, func() error { return nil }) },
	}
	for _, name := range slices.Sorted(maps.Keys(calls)) {
		if err := calls[name](); !errors.Is(err, ErrClosed) {
			t.Errorf("%s on a closed store: %v, want ErrClosed", name, err)
		}
	}
}

func TestLockedHandle(t *testing.T) {
	s := openT(t, "memory:")
	replaceT(t, s, art1, article1(), 17, 0)
	var size int64
	err := s.Locked(false, func() error {
		st, err := s.Handle().Stats(context.Background(), true)
		size = st.Quads.Value
		return err
	})
	if err != nil || size != 17 {
		t.Fatalf("Locked read: %d quads, %v; want 17", size, err)
	}
	err = s.Locked(true, func() error {
		return s.Handle().AddQuad(quad.Make(tom, quad.IRI(sch+"knows"), ines, art1))
	})
	if err != nil {
		t.Fatal(err)
	}
	if st := statsT(t, s); st.Quads != 18 {
		t.Fatalf("after a write through the handle: %d quads, want 18", st.Quads)
	}
	wantErr := fmt.Errorf("from fn")
	if err := s.Locked(true, func() error { return wantErr }); err != wantErr {
		t.Fatalf("Locked returned %v, want fn's error", err)
	}
}

func TestReplaceGraphs(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			s := openT(t, b.dsn(t))
			replaceT(t, s, art2, article2(), 7, 0)
			a1 := article1()
			added, removed, err := s.ReplaceGraphs(context.Background(), []Graph{
				{Label: art1, Quads: a1[:5]},
				{Label: art2, Quads: article2()[:3]},
				{Label: art1, Quads: a1}, // only the last quads of a graph count
			})
			if err != nil || added != 17 || removed != 4 {
				t.Fatalf("ReplaceGraphs = %d added, %d removed, %v; want 17, 4", added, removed, err)
			}
			if got, want := graphNQ(t, s, art1), wantNQ(t, art1, a1); !slices.Equal(got, want) {
				t.Fatalf("graph 1 holds\n%s\nwant\n%s", strings.Join(got, ""), strings.Join(want, ""))
			}
			if got, want := graphNQ(t, s, art2), wantNQ(t, art2, article2()[:3]); !slices.Equal(got, want) {
				t.Fatalf("graph 2 holds\n%s\nwant\n%s", strings.Join(got, ""), strings.Join(want, ""))
			}
			// One bad graph rejects the whole batch before anything is written.
			_, _, err = s.ReplaceGraphs(context.Background(), []Graph{
				{Label: art2, Quads: nil},
				{Label: art1, Quads: []quad.Quad{q(quad.String("x"), quad.IRI(sch+"name"), quad.String("y"))}},
			})
			if err == nil {
				t.Fatal("ReplaceGraphs accepted a literal subject")
			}
			if st := statsT(t, s); st.Quads != 20 {
				t.Fatalf("after a rejected batch: %d quads, want 20", st.Quads)
			}
		})
	}
}

// TestBatchRollback checks that a failed batch on a bbolt store leaves
// nothing behind, and that Cayley's in-memory caches do not remember the
// discarded writes: the same nodes written again must be complete.
func TestBatchRollback(t *testing.T) {
	s := openT(t, "bolt:"+filepath.Join(t.TempDir(), "test.db"))
	replaceT(t, s, art2, article2(), 7, 0)
	failBatch(t, s)
	if got := graphNQ(t, s, ""); !slices.Equal(got, wantNQ(t, art2, article2())) {
		t.Fatalf("after a failed batch the store holds\n%s", strings.Join(got, ""))
	}
	replaceT(t, s, art1, article1(), 17, 0)
	if got, want := graphNQ(t, s, art1), wantNQ(t, art1, article1()); !slices.Equal(got, want) {
		t.Fatalf("graph 1 written after a failed batch holds\n%s\nwant\n%s", strings.Join(got, ""), strings.Join(want, ""))
	}
	if st := statsT(t, s); st.Quads != 24 || st.Graphs != 2 {
		t.Fatalf("Stats = %+v, want 24 quads in 2 graphs", st)
	}
}

// TestOpenCayleyStore opens a bbolt store made by Cayley itself, without
// the label index and already holding quads: it must work as it is.
func TestOpenCayleyStore(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "cayley.db")
	db, err := hbolt.Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := ckv.Init(db, nil); err != nil {
		t.Fatal(err)
	}
	qs, err := ckv.New(db, nil)
	if err != nil {
		t.Fatal(err)
	}
	old := quad.Make(tom, quad.IRI(sch+"worksFor"), nfr, art1)
	if err := qs.ApplyDeltas([]graph.Delta{{Quad: old, Action: graph.Add}}, graph.IgnoreOpts{}); err != nil {
		t.Fatal(err)
	}
	if err := qs.Close(); err != nil {
		t.Fatal(err)
	}

	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	replaceT(t, s, art1, article1(), 16, 0) // the old quad is one of article 1's
	replaceT(t, s, art2, article2(), 7, 0)
	if got, want := graphNQ(t, s, art1), wantNQ(t, art1, article1()); !slices.Equal(got, want) {
		t.Fatalf("graph 1 holds\n%s\nwant\n%s", strings.Join(got, ""), strings.Join(want, ""))
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if indexes := readIndexes(t, path); slices.ContainsFunc(indexes, isLabelIndex) {
		t.Fatalf("indexes of a store with quads changed to %+v", indexes)
	}
}

func isLabelIndex(ind ckv.QuadIndex) bool { return slices.Equal(ind.Dirs, labelIndexDirs()) }

// readIndexes reads the list of quad indexes of a closed bbolt store.
func readIndexes(t *testing.T, path string) []ckv.QuadIndex {
	t.Helper()
	db, err := bolt.Open(path, 0o644, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var indexes []ckv.QuadIndex
	err = db.View(func(tx *bolt.Tx) error {
		return json.Unmarshal(tx.Bucket([]byte("meta")).Get([]byte("indexes")), &indexes)
	})
	if err != nil {
		t.Fatalf("read index list: %v", err)
	}
	return indexes
}

// failBatch runs a batch that adds article 1 and then fails, and checks
// that it failed with its own error after adding article 1's 17 quads.
func failBatch(t *testing.T, s *Store) {
	t.Helper()
	injected := errors.New("injected failure")
	var added int
	err := s.Locked(true, func() error {
		return s.batch(context.Background(), func(ctx context.Context) error {
			g, err := prepareGraph(Graph{Label: art1, Quads: article1()})
			if err != nil {
				return err
			}
			if added, _, err = s.replace(ctx, []Graph{g}); err != nil {
				return err
			}
			return injected
		})
	})
	if !errors.Is(err, injected) || added != 17 {
		t.Fatalf("batch = %v after adding %d quads; want the injected error after 17", err, added)
	}
}

// TestQuadsWith checks that QuadsWith gives the live quads of the
// predicates asked for, on every backend, after replacements and after
// a deletion through Cayley's own writer (which bbolt keeps in the log,
// marked deleted).
func TestQuadsWith(t *testing.T) {
	ctx := context.Background()
	name, typ := quad.IRI(sch+"name"), quad.IRI(rdfNS+"type")
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			s := openT(t, b.dsn(t))
			replaceT(t, s, art1, article1(), 17, 0)
			replaceT(t, s, art2, article2(), 7, 0)
			replaceT(t, s, art1, article1()[4:], 0, 4)
			gone := quad.Make(nfr, name, quad.String("Northgate Freight"), art1)
			if err := s.Locked(true, func() error { return s.Handle().RemoveQuad(gone) }); err != nil {
				t.Fatal(err)
			}
			var want []string
			for _, line := range graphNQ(t, s, "") {
				if strings.Contains(line, "> <"+string(name)+"> ") || strings.Contains(line, "> <"+string(typ)+"> ") {
					want = append(want, line)
				}
			}
			if len(want) != 7 {
				t.Fatalf("test set-up: %d name and type quads stored, want 7:\n%s", len(want), strings.Join(want, ""))
			}
			var got []string
			for q, err := range s.QuadsWith(ctx, []quad.IRI{"rdf:type", name, ng("never-used")}) {
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, q.NQuad())
			}
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Errorf("QuadsWith gave\n%s\nwant\n%s", strings.Join(got, ""), strings.Join(want, ""))
			}
			n := 0
			for _, err := range s.QuadsWith(ctx, []quad.IRI{name}) {
				if err != nil {
					t.Fatal(err)
				}
				if n++; n == 1 {
					break
				}
			}
			if n != 1 {
				t.Errorf("breaking out of QuadsWith after %d quads", n)
			}
		})
	}
}

// TestBatchQuads checks that a bbolt store sizes transactions from what its
// last commit wrote a quad: before any commit, and on other stores, it asks
// for the fewest quads; after one, the bound follows the budget between
// the limits.
func TestBatchQuads(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			s := openT(t, b.dsn(t))
			if got := s.BatchQuads(64 << 20); got != MinBatchQuads {
				t.Fatalf("before any write: BatchQuads = %d, want %d", got, MinBatchQuads)
			}
			var graphs []Graph
			for i := range 50 {
				label := quad.IRI(fmt.Sprintf("http://example.org/a/%d", i))
				var qs []quad.Quad
				for j := range 40 {
					qs = append(qs, q(quad.IRI(fmt.Sprintf("http://example.org/e/%d", i*40+j)), quad.IRI(sch+"name"), quad.String(fmt.Sprintf("name %d %d", i, j))))
				}
				graphs = append(graphs, Graph{Label: label, Quads: qs})
			}
			if _, _, err := s.ReplaceGraphs(context.Background(), graphs); err != nil {
				t.Fatal(err)
			}
			if b.name != "bolt" {
				if got := s.BatchQuads(64 << 20); got != MinBatchQuads {
					t.Fatalf("BatchQuads = %d, want %d on a store that is not bbolt", got, MinBatchQuads)
				}
				return
			}
			if got := s.BatchQuads(1); got != MinBatchQuads {
				t.Errorf("BatchQuads(1) = %d, want %d", got, MinBatchQuads)
			}
			if got := s.BatchQuads(1 << 40); got != MaxBatchQuads {
				t.Errorf("BatchQuads(1 TiB) = %d, want %d", got, MaxBatchQuads)
			}
			// A commit writes some bytes a quad, so some budget falls
			// between the limits, and a larger budget never asks less.
			between, last := false, 0
			for budget := int64(1 << 10); budget <= 1<<34; budget *= 2 {
				got := s.BatchQuads(budget)
				if got < last {
					t.Fatalf("BatchQuads(%d) = %d, less than %d for half the budget", budget, got, last)
				}
				between = between || (got > MinBatchQuads && got < MaxBatchQuads)
				last = got
			}
			if !between {
				t.Fatal("no budget gives a bound between the limits: the commit's bytes a quad are not measured")
			}
		})
	}
}
