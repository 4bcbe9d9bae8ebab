package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/quad"
)

// canon returns query results as sorted JSON texts, so that results can be
// compared whatever order the store returns them in.
func canon(t testing.TB, results []any) []string {
	t.Helper()
	out := make([]string, len(results))
	for i, r := range results {
		var b strings.Builder
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(r); err != nil {
			t.Fatalf("result %d (%#v) is not JSON-ready: %v", i, r, err)
		}
		out[i] = strings.TrimSuffix(b.String(), "\n")
	}
	slices.Sort(out)
	return out
}

func newsStore(t testing.TB, dsn string) *Store {
	s := openT(t, dsn)
	replaceT(t, s, art1, article1(), 17, 0)
	replaceT(t, s, art2, article2(), 7, 0)
	return s
}

// expand writes a Gizmo query with short names: "ex:" for example.org,
// "ng:", "schema:", "rdf:type" and "xsd:" become full IRIs.
func expand(src string) string {
	return strings.NewReplacer(
		"<ex:", "<"+ex, "<ng:", "<"+ngNS, "<schema:", "<"+sch, "<rdf:type>", "<"+rdfNS+"type>", "xsd:", xsdNS,
	).Replace(src)
}

func TestQuery(t *testing.T) {
	tests := []struct {
		name  string
		query string
		want  []string // canon of the results
	}{
		{
			"whom Inês called",
			`g.V("<ex:person/ines-ferreira>").In("<ng:caller>").Has("<rdf:type>", "<ng:PhoneCall>").Out("<ng:callee>").Out("<schema:name>").All()`,
			[]string{`{"id":"Tom Okafor"}`},
		},
		{
			"names of people",
			`g.V().Has("<rdf:type>", "<schema:Person>").Out("<schema:name>").All()`,
			[]string{`{"id":"Inês Ferreira"}`, `{"id":"Tom Okafor"}`},
		},
		{
			"what the callee said",
			`g.V("<ex:event/call-1>").Out("<ng:callee>").In("<ng:speaker>").Has("<rdf:type>", "<ng:Quote>").Out("<ng:text>").All()`,
			[]string{`{"id":"We expect the port to reopen on Monday."}`},
		},
		{
			"number of calls",
			`g.Emit(g.V().Has("<rdf:type>", "<ng:PhoneCall>").Count())`,
			[]string{`2`},
		},
		{
			"count of edges that do not exist",
			`g.Emit(g.V("<ex:person/ines-ferreira>").Out("<ng:speaker>").Count())`,
			[]string{`0`},
		},
		{
			"count of a subject's quads in a graph without it",
			`g.Emit(g.V("<ex:quote/1>").LabelContext("<ex:article/2>").Out().Count())`,
			[]string{`0`},
		},
		{
			"count of a subject's quads in a graph",
			`g.Emit(g.V("<ex:event/call-2>").LabelContext("<ex:article/2>").Out().Count())`,
			[]string{`4`},
		},
		{
			"calls with caller and date",
			`g.V().Has("<rdf:type>", "<ng:PhoneCall>").Tag("call").Out("<ng:caller>").Tag("caller").Back("call").Out("<ng:date>").All()`,
			[]string{
				expand(`{"call":"<ex:event/call-1>","caller":"<ex:person/ines-ferreira>","id":"\"2024-03-05\"^^<xsd:date>"}`),
				expand(`{"call":"<ex:event/call-2>","caller":"<ex:person/tom-okafor>","id":"\"2024-03-07\"^^<xsd:date>"}`),
			},
		},
		{
			"integer literal comes as a number",
			`g.V("<ex:org/northgate-freight>").Out("<ng:employees>").All()`,
			[]string{`{"id":1200}`},
		},
		{
			"employer according to article 2",
			`g.V("<ex:person/ines-ferreira>").LabelContext("<ex:article/2>").Out("<schema:worksFor>").All()`,
			[]string{expand(`{"id":"<ex:org/port-authority>"}`)},
		},
		{
			"employer according to article 1",
			`g.V("<ex:person/ines-ferreira>").LabelContext("<ex:article/1>").Out("<schema:worksFor>").All()`,
			[]string{},
		},
		{
			"graphs that mention Tom",
			`g.V("<ex:person/tom-okafor>").In().Labels().All()`,
			[]string{expand(`{"id":"<ex:article/1>"}`), expand(`{"id":"<ex:article/2>"}`)},
		},
		{
			"emitted script values",
			`var n = g.V("<ex:quote/1>").Out("<ng:speaker>").Out("<schema:name>").ToValue(); g.Emit({speaker: n, words: 7})`,
			[]string{`{"speaker":"Tom Okafor","words":7}`},
		},
	}
	for _, b := range backends {
		s := newsStore(t, b.dsn(t))
		for _, tt := range tests {
			t.Run(b.name+"/"+tt.name, func(t *testing.T) {
				got, err := s.Query(context.Background(), expand(tt.query), 100)
				if err != nil {
					t.Fatalf("Query: %v", err)
				}
				if c := canon(t, got); !slices.Equal(c, tt.want) {
					t.Fatalf("Query(%s)\n = %q\nwant %q", tt.query, c, tt.want)
				}
			})
		}
	}
}

func TestQueryLimit(t *testing.T) {
	s := newsStore(t, "memory:")
	tests := []struct {
		query string
		limit int
		want  []string
	}{
		{`for (var i = 0; i < 100; i++) g.Emit(i)`, 5, []string{"0", "1", "2", "3", "4"}},
		{`for (var i = 0; i < 3; i++) g.Emit(i)`, 5, []string{"0", "1", "2"}},
		{`g.V("<ex:person/tom-okafor>").Out().All()`, 2, nil}, // 2 of 4, any
	}
	for _, tt := range tests {
		got, err := s.Query(context.Background(), expand(tt.query), tt.limit)
		if err != nil {
			t.Fatalf("Query(%s): %v", tt.query, err)
		}
		if tt.want != nil && !slices.Equal(canon(t, got), tt.want) || len(got) != min(tt.limit, 4) && tt.want == nil {
			t.Errorf("Query(%s, limit %d) = %v", tt.query, tt.limit, got)
		}
	}
	if _, err := s.Query(context.Background(), `g.V().All()`, 0); err == nil {
		t.Error("Query with limit 0 succeeded")
	}
}

func TestQueryErrors(t *testing.T) {
	s := newsStore(t, "memory:")
	for _, src := range []string{`g.V(`, `g.V().NoSuchStep()`, `throw new Error("boom")`} {
		if got, err := s.Query(context.Background(), src, 10); err == nil {
			t.Errorf("Query(%s) = %v, want an error", src, got)
		}
	}
}

// TestQueryTimeout checks that a script that never ends stops at the
// context's deadline, and that the store is fine afterwards, reads and
// writes alike (a query left running would deadlock or crash them).
func TestQueryTimeout(t *testing.T) {
	tests := []string{
		`while (true) {}`,
		`while (true) { g.V().Has("<rdf:type>", "<ng:PhoneCall>").Count() }`,
		`for (;;) g.Emit(1)`,
	}
	for _, b := range backends {
		s := newsStore(t, b.dsn(t))
		for _, src := range tests {
			t.Run(b.name+"/"+src, func(t *testing.T) {
				ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
				defer cancel()
				got, err := s.Query(ctx, expand(src), 1<<30)
				if !errors.Is(err, context.DeadlineExceeded) {
					t.Fatalf("Query(%s) = %d results, %v; want a deadline error", src, len(got), err)
				}
				replaceT(t, s, art2, article2(), 0, 0)
				got, err = s.Query(context.Background(), expand(`g.Emit(g.V().Has("<rdf:type>", "<ng:PhoneCall>").Count())`), 10)
				if err != nil || !slices.Equal(canon(t, got), []string{"2"}) {
					t.Fatalf("query after a timeout = %v, %v", got, err)
				}
			})
		}
	}
}

// TestQueryLiteralTypes checks the Go values Query gives for literals.
func TestQueryLiteralTypes(t *testing.T) {
	s := openT(t, "memory:")
	doc := quad.IRI(ex + "article/3")
	replaceT(t, s, doc, literals(t), 10, 0)
	tests := []struct {
		pred quad.IRI
		want any
	}{
		{quad.IRI(sch + "wordCount"), int64(512)},
		{ng("paragraphs"), int64(9)},
		{ng("sentiment"), -0.125},
		{ng("corrected"), false},
		{quad.IRI(sch + "dateModified"), mustTime(t, "2024-03-08T17:04:05Z")},
		{quad.IRI(sch + "datePublished"), `"2024-03-08"^^<` + xsdNS + `date>`},
		{ng("statement"), "_:a3-stmt1"},
	}
	for _, tt := range tests {
		src := fmt.Sprintf(`g.Emit(g.V("%v").Out("%v").ToValue())`, doc, tt.pred)
		got, err := s.Query(context.Background(), src, 10)
		if err != nil || len(got) != 1 || !reflect.DeepEqual(got[0], tt.want) {
			t.Errorf("value of %s = %#v, %v; want %#v", tt.pred, got, err, tt.want)
		}
	}
}

func TestSubjects(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, "memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	name := quad.IRI("https://schema.org/familyName")
	q := func(sub, obj string, label string) quad.Quad {
		return quad.Quad{Subject: quad.IRI(sub), Predicate: name, Object: quad.String(obj), Label: quad.IRI(label)}
	}
	if _, _, err := s.ReplaceGraphs(ctx, []Graph{
		{Label: "a1", Quads: []quad.Quad{q("p:b", "Putin", ""), q("p:a", "Putin", ""), q("p:c", "Trump", "")}},
		{Label: "a2", Quads: []quad.Quad{q("p:a", "Putin", ""), {Subject: quad.IRI("p:d"), Predicate: quad.IRI("p:other"), Object: quad.String("Putin")}}},
	}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Subjects(ctx, name, quad.String("Putin"))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0] != quad.IRI("p:a") || got[1] != quad.IRI("p:b") {
		t.Errorf("Subjects = %v, want [p:a p:b] (distinct, sorted, this predicate only)", got)
	}
	if got, err := s.Subjects(ctx, name, quad.String("Nobody")); err != nil || len(got) != 0 {
		t.Errorf("Subjects of an absent value = %v, %v", got, err)
	}
}
