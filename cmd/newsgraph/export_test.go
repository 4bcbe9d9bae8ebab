package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/xml"
	"errors"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/newsgraph/newsgraph/graph/rdf"
	"github.com/newsgraph/newsgraph/graph/store"
	"github.com/newsgraph/newsgraph/graph/vocab"
)

// runCmd runs a command's function as run does and returns its standard
// output and error.
func runCmd(t *testing.T, fn func(context.Context, *env, []string) error, args ...string) (string, error) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	e := &env{stdout: &stdout, stderr: &stderr, log: slog.New(slog.NewTextHandler(&stderr, nil))}
	err := fn(context.Background(), e, args)
	return stdout.String(), err
}

// mustRun is runCmd failing the test on an error.
func mustRun(t *testing.T, fn func(context.Context, *env, []string) error, args ...string) string {
	t.Helper()
	out, err := runCmd(t, fn, args...)
	if err != nil {
		t.Fatalf("%v: %v", args, err)
	}
	return out
}

const nb = vocab.DefaultBase

// nastyGraphs are two articles' graphs holding what article text may
// bring into a store: quotes, backslashes, line breaks, tabs, NUL and
// other control characters, emoji, right-to-left text, IRIs with spaces,
// ">" and quotes, language tags with regions, typed literals with full
// XSD datatypes, blank nodes with invalid labels.
func nastyGraphs() []store.Graph {
	a1, a2 := quad.IRI(nb+"article/nasty1"), quad.IRI(nb+"article/nasty 2")
	s, p := quad.IRI(nb+"entity/x"), quad.IRI(nb+"ns#text")
	xsd := func(t string) quad.IRI { return quad.IRI(vocab.XSD + t) }
	q := func(s quad.Value, p quad.IRI, o quad.Value) quad.Quad {
		return quad.Quad{Subject: s, Predicate: p, Object: o}
	}
	return []store.Graph{
		{Label: a1, Quads: []quad.Quad{
			q(a1, vocab.Type, vocab.NewsArticle),
			q(a1, vocab.Headline, quad.LangString{Value: "Harbour \"to reopen\"\non Monday", Lang: "en-GB"}),
			q(s, p, quad.String("back\\slash, tab\there, CR\rLF\n, NUL\x00, bell\x07, DEL\x7f")),
			q(s, p, quad.String("🎉 emoji 😀, RTL שלום עולם مرحبا, override \u202Eevil\u202C")),
			q(s, p, quad.String("")),
			q(s, p, quad.TypedString{Value: "007", Type: xsd("integer")}),
			q(s, p, quad.TypedString{Value: "2026-11-22", Type: xsd("date")}),
			q(s, p, quad.TypedString{Value: "2026-11-22T10:00:00+01:00", Type: xsd("dateTime")}),
			q(s, p, quad.TypedString{Value: "0.900", Type: xsd("decimal")}),
			q(s, p, quad.IRI(nb+"entity/a b>c")),
			q(s, p, quad.IRI(nb+`entity/"quoted"`)),
			q(s, p, quad.IRI(nb+"entity/владимир-путин")),
			q(quad.BNode("stmt 1"), p, quad.BNode("b.2")),
		}},
		{Label: a2, Quads: []quad.Quad{
			q(a2, vocab.Type, vocab.NewsArticle),
			q(s, vocab.Name, quad.LangString{Value: "Иван", Lang: "ru"}),
		}},
	}
}

// nastyWant has quads of nastyGraphs as every format must write them, in
// N-Quads.
var nastyWant = []string{
	`<` + nb + `entity/x> <` + nb + `ns#text> "back\\slash, tab\there, CR\rLF\n, NUL\u0000, bell\u0007, DEL\u007F" <` + nb + `article/nasty1> .`,
	`<` + nb + `article/nasty1> <https://schema.org/headline> "Harbour \"to reopen\"\non Monday"@en-GB <` + nb + `article/nasty1> .`,
	`<` + nb + `entity/x> <` + nb + `ns#text> "007"^^<http://www.w3.org/2001/XMLSchema#integer> <` + nb + `article/nasty1> .`,
	`<` + nb + `entity/x> <` + nb + `ns#text> <` + nb + `entity/a%20b%3Ec> <` + nb + `article/nasty1> .`,
	`<` + nb + `entity/x> <` + nb + `ns#text> <` + nb + `entity/%22quoted%22> <` + nb + `article/nasty1> .`,
	`_:x73746d742031 <` + nb + `ns#text> _:b.2 <` + nb + `article/nasty1> .`,
	`<` + nb + `entity/x> <https://schema.org/name> "Иван"@ru <` + nb + `article/nasty%202> .`,
}

// nastyStore makes a bbolt store of nastyGraphs and returns its path.
func nastyStore(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "nasty.db")
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := st.ReplaceGraphs(context.Background(), nastyGraphs()); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	return db
}

// readQuads reads an N-Quads or JSON-LD file with package rdf's readers.
func readQuads(t *testing.T, path string) []quad.Quad {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if strings.HasSuffix(path, ".jsonld") {
		qs, err := rdf.ReadJSONLD(f, path)
		if err != nil {
			t.Fatal(err)
		}
		return qs
	}
	r := rdf.NewNQuadsReader(f, path)
	var qs []quad.Quad
	for {
		q, err := r.Read()
		if errors.Is(err, io.EOF) {
			return qs
		}
		if err != nil {
			t.Fatal(err)
		}
		qs = append(qs, q)
	}
}

// nquadLines returns quads as sorted N-Quads lines.
func nquadLines(t *testing.T, qs []quad.Quad) []string {
	t.Helper()
	var b bytes.Buffer
	w := rdf.NewNQuads(&b)
	for _, q := range qs {
		if err := w.WriteQuad(q); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	slices.Sort(lines)
	return lines
}

// TestExportNasty exports a store holding nasty values in every format and
// checks that each output parses, with our readers and, when installed,
// with raptor's rapper, rdflib and Graphviz, into the store's quads.
func TestExportNasty(t *testing.T) {
	db := nastyStore(t)
	dir := t.TempDir()
	total := 0
	for _, g := range nastyGraphs() {
		total += len(g.Quads)
	}
	export := func(format, ext string) string {
		out := filepath.Join(dir, "out"+ext)
		mustRun(t, runExport, "--db", db, "--format", format, "-o", out)
		return out
	}
	nq := readQuads(t, export("nquads", ".nq"))
	lines := nquadLines(t, nq)
	if len(lines) != total {
		t.Fatalf("N-Quads export has %d quads, want %d", len(lines), total)
	}
	for _, want := range nastyWant {
		if !slices.Contains(lines, want) {
			t.Errorf("N-Quads export lacks\n%s\nhas\n%s", want, strings.Join(lines, "\n"))
		}
	}
	jl := readQuads(t, export("jsonld", ".jsonld"))
	if got := nquadLines(t, jl); !slices.Equal(got, lines) {
		t.Errorf("JSON-LD export reads back as\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(lines, "\n"))
	}
	var triples []quad.Quad
	for _, q := range readQuads(t, export("ntriples", ".nt")) {
		if q.Label != nil {
			t.Fatalf("N-Triples export has a graph label: %v", q)
		}
		triples = append(triples, q)
	}
	if len(triples) != total {
		t.Errorf("N-Triples export has %d triples, want %d", len(triples), total)
	}

	t.Run("rapper", func(t *testing.T) {
		if _, err := exec.LookPath("rapper"); err != nil {
			t.Skip("rapper not installed (apt-get install raptor2-utils)")
		}
		count := regexp.MustCompile(`Parsing returned (\d+) triples`)
		for _, f := range []struct{ format, ext, syntax string }{
			{"nquads", ".nq", "nquads"}, {"ntriples", ".nt", "ntriples"}, {"turtle", ".ttl", "turtle"}, {"trig", ".trig", "trig"},
		} {
			path := export(f.format, f.ext)
			var stderr bytes.Buffer
			cmd := exec.Command("rapper", "-i", f.syntax, "-c", path)
			cmd.Stderr = &stderr
			if err := cmd.Run(); err != nil || strings.Contains(stderr.String(), "Error") {
				t.Errorf("rapper -i %s: %v\n%s", f.syntax, err, stderr.String())
			}
			if m := count.FindStringSubmatch(stderr.String()); m == nil || m[1] != strconv.Itoa(total) {
				t.Errorf("rapper -i %s counted %v, want %d triples", f.syntax, m, total)
			}
		}
	})
	t.Run("rdflib", func(t *testing.T) {
		const python = "/usr/bin/python3"
		if err := exec.Command(python, "-c", "import rdflib").Run(); err != nil {
			t.Skip("rdflib not installed (apt-get install python3-rdflib)")
		}
		script := `import sys, rdflib
g = rdflib.ConjunctiveGraph()
g.parse(sys.argv[1], format=sys.argv[2])
print(len(list(g.quads((None, None, None, None)))))`
		for _, f := range []struct{ format, ext, syntax string }{{"jsonld", ".jsonld", "json-ld"}, {"trig", ".trig", "trig"}} {
			out, err := exec.Command(python, "-c", script, export(f.format, f.ext), f.syntax).CombinedOutput()
			if err != nil || strings.TrimSpace(string(out)) != strconv.Itoa(total) {
				t.Errorf("rdflib read %s: %v, %s; want %d quads", f.format, err, out, total)
			}
		}
	})

	t.Run("graphml", func(t *testing.T) {
		data, err := os.ReadFile(export("graphml", ".graphml"))
		if err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Nodes []struct{} `xml:"graph>node"`
			Edges []struct{} `xml:"graph>edge"`
		}
		if err := xml.Unmarshal(data, &doc); err != nil {
			t.Fatalf("GraphML export is not XML: %v", err)
		}
		if len(doc.Edges) != total {
			t.Errorf("GraphML export has %d edges, want %d", len(doc.Edges), total)
		}
	})
	t.Run("dot", func(t *testing.T) {
		path := export("dot", ".dot")
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(string(data), " -> "); n != total {
			t.Errorf("DOT export has %d edges, want %d", n, total)
		}
		if _, err := exec.LookPath("dot"); err != nil {
			t.Skip("Graphviz not installed (apt-get install graphviz)")
		}
		if out, err := exec.Command("dot", "-Tsvg", "-o", os.DevNull, path).CombinedOutput(); err != nil || len(out) > 0 {
			t.Errorf("Graphviz: %v\n%s", err, out)
		}
	})
	t.Run("csv", func(t *testing.T) {
		out := filepath.Join(dir, "csv")
		mustRun(t, runExport, "--db", db, "--format", "csv", "-o", out)
		for file, rows := range map[string]int{"edges.csv": total + 1, "nodes.csv": 0} {
			f, err := os.Open(filepath.Join(out, file))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			recs, err := csv.NewReader(f).ReadAll()
			if err != nil {
				t.Fatalf("%s: %v", file, err)
			}
			if rows > 0 && len(recs) != rows {
				t.Errorf("%s has %d rows, want %d", file, len(recs), rows)
			}
			if file == "edges.csv" && !slices.ContainsFunc(recs, func(r []string) bool {
				return r[2] == "Harbour \"to reopen\"\non Monday" && r[5] == "en-GB"
			}) {
				t.Errorf("edges.csv lacks the headline")
			}
		}
	})
}

// TestExportImportRoundTrip exports a store, imports the export into a
// fresh store and exports that: the same quads must come out. Importing
// twice changes nothing.
func TestExportImportRoundTrip(t *testing.T) {
	db := nastyStore(t)
	first := filepath.Join(t.TempDir(), "first.nq")
	mustRun(t, runExport, "--db", db, "-o", first)
	want := nquadLines(t, readQuads(t, first))
	for _, ext := range []string{".nq", ".jsonld"} {
		t.Run(ext, func(t *testing.T) {
			dir := t.TempDir()
			file := filepath.Join(dir, "export"+ext)
			mustRun(t, runExport, "--db", db, "--format", map[string]string{".nq": "nquads", ".jsonld": "jsonld"}[ext], "-o", file)
			fresh := filepath.Join(dir, "fresh.db")
			out := mustRun(t, runImport, "--db", fresh, file)
			if !strings.Contains(out, strconv.Itoa(len(want))+" added, 0 removed") {
				t.Errorf("first import: %s", out)
			}
			again := filepath.Join(dir, "again.nq")
			mustRun(t, runExport, "--db", fresh, "-o", again)
			if got := nquadLines(t, readQuads(t, again)); !slices.Equal(got, want) {
				t.Errorf("round trip gives\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
			if out := mustRun(t, runImport, "--db", fresh, file); !strings.Contains(out, ": 0 added, 0 removed") {
				t.Errorf("second import changed the store: %s", out)
			}
		})
	}
}

func TestExportGraph(t *testing.T) {
	db := nastyStore(t)
	out := mustRun(t, runExport, "--db", db, "--format", "trig", "--graph", nb+"article/nasty 2")
	if !strings.Contains(out, "\narticle:nasty%202 {\n") || strings.Contains(out, "article:nasty1") || strings.Count(out, " .\n") != 13 {
		t.Errorf("export of one graph:\n%s", out)
	}
	if out := mustRun(t, runExport, "--db", db, "--graph", nb+"article/none"); out != "" {
		t.Errorf("export of a missing graph: %q", out)
	}
}

func TestExportErrors(t *testing.T) {
	db := nastyStore(t)
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"--db", db, "--format", "rdfxml"}, `unknown format "rdfxml"`},
		{[]string{"--db", db, "--format", "csv"}, "-o DIR"},
		{[]string{"--db", filepath.Join(t.TempDir(), "none.db")}, "no store at"},
		{[]string{"--db", db, "--base", "not absolute/"}, "not a valid absolute IRI"},
	} {
		if _, err := runCmd(t, runExport, tt.args...); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("export %v: %v; want an error with %q", tt.args, err, tt.want)
		}
	}
	if _, err := runCmd(t, runExport, "--db", db, "extra"); !errors.Is(err, errUsage) {
		t.Errorf("export with an argument: %v", err)
	}
}

// TestExportArticles exports the graph of the sample articles in every
// RDF format: third-party parsers must count the store's quads.
func TestExportArticles(t *testing.T) {
	if _, err := exec.LookPath("rapper"); err != nil {
		t.Skip("rapper not installed (apt-get install raptor2-utils)")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "g.db")
	ingest(t, "--db", db, filepath.Join("..", "..", "testdata", "articles"))
	total := len(storeQuads(t, db))
	for _, f := range []struct{ format, syntax string }{
		{"nquads", "nquads"}, {"ntriples", "ntriples"}, {"turtle", "turtle"}, {"trig", "trig"},
	} {
		out := filepath.Join(dir, f.format)
		mustRun(t, runExport, "--db", db, "--format", f.format, "-o", out)
		got, err := exec.Command("rapper", "-i", f.syntax, "-c", out).CombinedOutput()
		if err != nil || !strings.Contains(string(got), "returned "+strconv.Itoa(total)+" triples") {
			t.Errorf("rapper -i %s: %v\n%s\nwant %d triples", f.syntax, err, got, total)
		}
	}
	out := filepath.Join(dir, "g.jsonld")
	mustRun(t, runExport, "--db", db, "--format", "jsonld", "-o", out)
	if n := len(readQuads(t, out)); n != total {
		t.Errorf("JSON-LD export reads back as %d quads, want %d", n, total)
	}
}

// BenchmarkExport measures export from a bbolt store of 100,000 quads (500
// articles shaped like newsgraph's facts) in each format: the store's
// iteration and the writer together.
func BenchmarkExport(b *testing.B) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	var graphs []store.Graph
	total := 0
	for a := range 500 {
		art := quad.IRI(nb + "article/" + strconv.Itoa(a))
		g := store.Graph{Label: art}
		add := func(s quad.Value, p quad.IRI, o quad.Value) {
			g.Quads = append(g.Quads, quad.Quad{Subject: s, Predicate: p, Object: o})
		}
		add(art, vocab.Type, vocab.NewsArticle)
		add(art, vocab.Headline, quad.LangString{Value: quad.String("Headline " + strconv.Itoa(a)), Lang: "en"})
		for i := range 22 {
			e := quad.IRI(nb + "entity/person-" + strconv.Itoa((a*7+i)%5000))
			stmt := quad.IRI(string(art) + "#s" + strconv.Itoa(i))
			add(e, vocab.Type, vocab.Person)
			add(e, vocab.Name, quad.String("Person "+strconv.Itoa((a*7+i)%5000)))
			add(art, vocab.Mentions, e)
			add(stmt, vocab.Type, vocab.Statement)
			add(stmt, vocab.Subject, e)
			add(stmt, quad.IRI(nb+"ns#sentence"), quad.LangString{Value: "The minister met her counterpart in Brussels on Tuesday.", Lang: "en"})
			add(stmt, quad.IRI(nb+"ns#start"), quad.TypedString{Value: quad.String(strconv.Itoa(i * 80)), Type: vocab.XSD + "integer"})
			add(stmt, vocab.DerivedFrom, art)
			add(stmt, quad.IRI(nb+"ns#confidence"), quad.TypedString{Value: "0.875", Type: vocab.XSD + "decimal"})
		}
		total += len(g.Quads)
		graphs = append(graphs, g)
	}
	for i := 0; i < len(graphs); i += 50 {
		if _, _, err := st.ReplaceGraphs(ctx, graphs[i:i+50]); err != nil {
			b.Fatal(err)
		}
	}
	prefixes, err := rdf.NewPrefixes("")
	if err != nil {
		b.Fatal(err)
	}
	formats := append(exportFormats(), exportFormat{name: "csv", writer: func(w io.Writer, _ rdf.Prefixes) rdf.Writer {
		return rdf.NewCSV(io.Discard, w)
	}})
	for _, f := range formats {
		b.Run(f.name, func(b *testing.B) {
			for b.Loop() {
				n, err := exportQuads(ctx, st, "", f.writer(io.Discard, prefixes))
				if err != nil || n != total {
					b.Fatalf("exported %d quads, %v; want %d", n, err, total)
				}
			}
			b.ReportMetric(float64(total)*float64(b.N)/b.Elapsed().Seconds(), "quads/s")
		})
	}
}
