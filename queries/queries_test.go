package queries_test

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/newsgraph/newsgraph/graph/store"
	"github.com/newsgraph/newsgraph/graph/store/pgtest"
	"github.com/newsgraph/newsgraph/graph/vocab"
	"github.com/newsgraph/newsgraph/queries"
)

// TestPreludeRelations checks the prelude's relation helpers, which follow
// the relation predicates the store lists, on every kind of store: the
// same answers on bbolt, in memory and on PostgreSQL, predicates not typed
// ng:Relation never followed, and a graph without relations following
// nothing (Out of an empty list would follow every predicate).
func TestPreludeRelations(t *testing.T) {
	v := vocab.New(vocab.DefaultBase)
	ann, bob, cid := v.Entity("Ann Lee"), v.Entity("Bob Roe"), v.Entity("Cid Poe")
	call, tell, ghost := v.Relation("call"), v.Relation("tell"), v.Relation("ghost")
	people := []quad.Quad{
		{Subject: ann, Predicate: vocab.Name, Object: quad.String("Ann Lee")},
		{Subject: bob, Predicate: vocab.Name, Object: quad.String("Bob Roe")},
		{Subject: cid, Predicate: vocab.Name, Object: quad.String("Cid Poe")},
		{Subject: ann, Predicate: vocab.Mentions, Object: bob}, // not a relation
		{Subject: ann, Predicate: ghost, Object: cid},          // not typed ng:Relation
	}
	relations := []quad.Quad{
		{Subject: call, Predicate: vocab.Type, Object: v.Term("Relation")},
		{Subject: call, Predicate: vocab.Label, Object: quad.String("call")},
		{Subject: tell, Predicate: vocab.Type, Object: v.Term("Relation")},
		{Subject: tell, Predicate: vocab.Label, Object: quad.String("tell")},
		{Subject: ann, Predicate: call, Object: bob},
		// A literal whose text is a property of every JavaScript object.
		{Subject: ann, Predicate: call, Object: quad.String("constructor")},
		{Subject: cid, Predicate: tell, Object: ann},
	}
	const (
		links = `named("Ann Lee").ForEach(function (a) { links(a.id).forEach(function (l) {
  g.Emit([l.direction, label(l.relation), label(l.other)].join(" "));
}) })`
		out    = `named("Ann Lee").Out(relations()).ForEach(function (o) { g.Emit(label(o.id)) })`
		in     = `named("Ann Lee").In(relations()).ForEach(function (o) { g.Emit(label(o.id)) })`
		tagged = `named("Ann Lee").Out(relations(), "r").ForEach(function (o) { g.Emit(label(o.r) + " " + label(o.id)) })`
		isRe   = `g.Emit([isRelation(rel("call")), isRelation(rel("ghost")), isRelation(schema("mentions"))].join(" "))`
	)
	cases := []struct {
		name   string
		quads  []quad.Quad
		script string
		want   []string
	}{
		{"links", append(slices.Clone(people), relations...), links, []string{"in tell Cid Poe", "out call Bob Roe", "out call constructor"}},
		{"out", append(slices.Clone(people), relations...), out, []string{"Bob Roe", "constructor"}},
		{"in", append(slices.Clone(people), relations...), in, []string{"Cid Poe"}},
		{"tagged", append(slices.Clone(people), relations...), tagged, []string{"call Bob Roe", "call constructor"}},
		{"isRelation", append(slices.Clone(people), relations...), isRe, []string{"true false false"}},
		{"no relations: links", people, links, nil},
		{"no relations: out", people, out, nil},
		{"no relations: tagged", people, tagged, nil},
	}
	stores := map[string]func(t *testing.T) string{
		"bolt":       func(t *testing.T) string { return filepath.Join(t.TempDir(), "g.db") },
		"memory":     func(*testing.T) string { return "memory:" },
		"postgresql": func(t *testing.T) string { return pgtest.DSN(t) },
	}
	for kind, dsn := range stores {
		t.Run(kind, func(t *testing.T) {
			for _, tc := range cases {
				t.Run(tc.name, func(t *testing.T) {
					ctx := context.Background()
					st, err := store.Open(ctx, dsn(t))
					if err != nil {
						t.Fatal(err)
					}
					defer st.Close()
					if _, _, err := st.ReplaceGraph(ctx, v.Article("a"), tc.quads); err != nil {
						t.Fatal(err)
					}
					rels, err := queries.Relations(ctx, st, v)
					if err != nil {
						t.Fatal(err)
					}
					res, err := st.Query(ctx, queries.Prelude(v, rels)+tc.script, 100)
					if err != nil {
						t.Fatal(err)
					}
					var got []string
					for _, r := range res {
						got = append(got, fmt.Sprint(r))
					}
					slices.Sort(got)
					if !slices.Equal(got, tc.want) {
						t.Errorf("got %q, want %q", got, tc.want)
					}
				})
			}
		})
	}
}

// TestHeadline checks that the prelude's headline(id) names the article a
// node was read from by its headline, or, for an article without one, by
// its URL, its file, or its IRI (as Gizmo writes an IRI, in brackets).
func TestHeadline(t *testing.T) {
	ctx := context.Background()
	v := vocab.New(vocab.DefaultBase)
	st, err := store.Open(ctx, "memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	articles := []struct {
		key  string
		meta []quad.Quad // about the article
		want string
	}{
		{"a", []quad.Quad{{Predicate: vocab.Headline, Object: quad.String("Port strike ends")}, {Predicate: vocab.URL, Object: quad.String("https://news.example/a")}}, "Port strike ends"},
		{"b", []quad.Quad{{Predicate: vocab.URL, Object: quad.String("https://news.example/b")}, {Predicate: v.Term("source"), Object: quad.String("b.html")}}, "https://news.example/b"},
		{"c", []quad.Quad{{Predicate: v.Term("source"), Object: quad.String("notes/c.txt")}}, "notes/c.txt"},
		{"d", nil, quad.ToString(v.Article("d"))},
	}
	var script string
	for _, a := range articles {
		art, fact := v.Article(a.key), quad.IRI(string(v.Article(a.key))+"#f0")
		quads := []quad.Quad{{Subject: fact, Predicate: vocab.DerivedFrom, Object: art}}
		for _, m := range a.meta {
			m.Subject = art
			quads = append(quads, m)
		}
		if _, _, err := st.ReplaceGraph(ctx, art, quads); err != nil {
			t.Fatal(err)
		}
		script += fmt.Sprintf("g.Emit(headline(%q));\n", quad.ToString(fact))
	}
	res, err := st.Query(ctx, queries.Prelude(v, nil)+script, 100)
	if err != nil {
		t.Fatal(err)
	}
	for i, a := range articles {
		if i >= len(res) || res[i] != a.want {
			t.Errorf("article %s: headline = %v, want %q", a.key, res, a.want)
		}
	}
}
