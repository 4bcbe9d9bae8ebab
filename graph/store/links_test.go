package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/cayleygraph/cayley/query"
	"github.com/cayleygraph/cayley/query/shape"
	"github.com/cayleygraph/quad"
	bolt "go.etcd.io/bbolt"
)

// TestLinkStepMatchesCayley runs queries with steps along predicates on a
// bbolt store through linkStep and quadScan and through Cayley's own plan
// and scanner: the results,
// with their tags and as many times each, must be the same. The store
// holds the same edges in several graphs, quads Cayley's handle deleted
// (left in the indexes, marked in the log) and quads the loader removed.
func TestLinkStepMatchesCayley(t *testing.T) {
	ctx := context.Background()
	s := openT(t, "bolt:"+filepath.Join(t.TempDir(), "links.db"))
	if _, _, err := s.ReplaceGraphs(ctx, linkGraphs(1)); err != nil {
		t.Fatal(err)
	}
	// A second version of half the graphs: the loader removes the quads
	// they no longer hold.
	if _, _, err := s.ReplaceGraphs(ctx, linkGraphs(2)[:4]); err != nil {
		t.Fatal(err)
	}
	entity := func(i int) string { return fmt.Sprintf("%q", "<"+ex+fmt.Sprintf("entity/%d", i)+">") }
	pred := func(i int) string { return fmt.Sprintf("%q", "<"+ngNS+fmt.Sprintf("p%d", i)+">") }
	pair := "[" + pred(0) + ", " + pred(1) + "]"
	queries := []string{
		// Next: from nodes along predicates, each way and both.
		"g.V(" + entity(1) + ").Out(" + pair + ").All()",
		"g.V(" + entity(2) + ", " + entity(3) + ").In(" + pair + ").All()",
		"g.V(" + entity(4) + ").Both(" + pair + ").Both([" + pred(2) + ", " + pred(3) + "]).All()",
		"g.V(" + entity(5) + ").Both(" + pair + ").Both(" + pair + ").Unique().All()",
		"g.Emit(g.V(" + entity(3) + ").In(" + pair + ").Both(" + pair + ").Unique().Count())",
		"g.V(" + entity(7) + ").Out(" + pair + ").Union(g.V(" + entity(8) + ").In(" + pair + ")).Unique().All()",
		// Tags of the start, of the predicate and of a later step.
		"g.V(" + entity(6) + ", " + entity(7) + ").Tag(\"from\").Out(" + pair + ", \"via\").All()",
		"g.V(" + entity(8) + ").Out(" + pred(4) + ").Tag(\"mid\").In(" + pair + ", \"via\").All()",
		// Predicates given by a path, as queries.Prelude's relations() does.
		"g.V(" + entity(9) + ").Out(g.V(" + pred(0) + ").Union(g.V(" + pred(5) + ")).Unique()).All()",
		// Contains: the intersection of two steps, one checked by the other.
		"g.V(" + entity(1) + ", " + entity(10) + ").Out(" + pair + ").Intersect(g.V(" + entity(11) + ", " + entity(12) + ").Out(" + pair + ")).All()",
		"g.V(" + entity(13) + ").Both(" + pair + ", \"a\").Intersect(g.V(" + entity(14) + ").Both([" + pred(0) + ", " + pred(2) + "], \"b\")).All()",
		"g.V(" + entity(15) + ").Out(" + pred(1) + ").Has(" + pred(0) + ").All()",
		// Counts, and a step restricted to a graph (not a link step).
		"g.Emit(g.V(" + entity(16) + ").Both(" + pair + ").Count())",
		"g.V(" + entity(17) + ").LabelContext(\"<" + ex + "article/3>\").Both(" + pair + ").All()",
		// One predicate from one node: quadScan, in Cayley's order
		// (ToValue is the first result), over one key or, by the
		// object index, several.
		"g.V(" + entity(1) + ").Out(" + pred(0) + ").All()",
		"g.V(" + entity(2) + ").In(" + pred(1) + ").All()",
		"g.Emit(g.V(" + entity(3) + ").Out(\"<" + sch + "name>\").ToValue())",
		"g.V(" + entity(4) + ").In(" + pred(2) + ").Limit(3).All()",
		"g.V(" + entity(5) + ").Out(" + pred(3) + ").Tag(\"x\").Out(\"<" + sch + "name>\").All()",
		// Nodes that are no node of the store, and no edges.
		"g.V(\"<" + ex + "nowhere>\").Out(" + pair + ").All()",
		"g.V(" + entity(18) + ").Out(\"<" + ex + "no-predicate>\").All()",
	}
	check := func(stage string) {
		nonEmpty := 0
		for _, src := range queries {
			t.Run(stage+"/"+src, func(t *testing.T) {
				got, err := s.Query(ctx, src, 100000)
				if err != nil {
					t.Fatal(err)
				}
				want := cayleyQuery(t, s, src)
				if g, w := canon(t, got), canon(t, want); !slices.Equal(g, w) {
					t.Fatalf("linkStep gives %d results:\n%s\nCayley's plan %d:\n%s", len(g), strings.Join(g, "\n"), len(w), strings.Join(w, "\n"))
				}
				if len(got) > 0 && !strings.Contains(fmt.Sprint(got), ":0}") {
					nonEmpty++
				}
			})
		}
		if nonEmpty < len(queries)/2 {
			t.Fatalf("%s: only %d of %d queries found anything: the graphs do not exercise the steps", stage, nonEmpty, len(queries))
		}
	}
	// The loader alone wrote the store: the object index is read alone.
	if wrote := cayleyWroteT(t, s); wrote {
		t.Fatal("a store the loader alone wrote is marked as written by Cayley")
	}
	check("loader")
	// Cayley's handle deletes some edges from entity 1 and to entity 2.
	var doomed []quad.Quad
	seen := 0
	for x, err := range s.QuadsWith(ctx, []quad.IRI{ng("p0"), ng("p1")}) {
		if err != nil {
			t.Fatal(err)
		}
		sub, obj := quad.ToString(x.Subject), quad.ToString(x.Object)
		if sub == "<"+ex+"entity/1>" || obj == "<"+ex+"entity/2>" {
			if seen++; seen%2 == 0 {
				doomed = append(doomed, x)
			}
		}
	}
	if len(doomed) == 0 {
		t.Fatal("no edge of entities 1 and 2 to delete")
	}
	err := s.Locked(true, func() error {
		for _, x := range doomed {
			if err := s.Handle().RemoveQuad(x); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if wrote := cayleyWroteT(t, s); !wrote {
		t.Fatal("Cayley's writes are not marked in the store")
	}
	check("cayley")
}

// cayleyWroteT reads the mark of Cayley's writes.
func cayleyWroteT(t *testing.T, s *Store) (wrote bool) {
	t.Helper()
	if err := s.bolt.db.View(func(tx *bolt.Tx) error { wrote = cayleyWrote(tx); return nil }); err != nil {
		t.Fatal(err)
	}
	return wrote
}

// linkGraphs is eight graphs of edges between 20 entities along 6
// predicates, with names; the same edge is in several graphs.
func linkGraphs(seed uint64) []Graph {
	r := rand.New(rand.NewPCG(seed, 11))
	entity := func() quad.IRI { return quad.IRI(fmt.Sprintf("%sentity/%d", ex, r.IntN(20))) }
	out := make([]Graph, 8)
	for i := range out {
		quads := make([]quad.Quad, 0, 60)
		for range 50 {
			quads = append(quads, q(entity(), ng(fmt.Sprintf("p%d", r.IntN(6))), entity()))
		}
		for range 10 {
			quads = append(quads, q(entity(), quad.IRI(sch+"name"), quad.String(fmt.Sprintf("name %d", r.IntN(5)))))
		}
		out[i] = Graph{Label: quad.IRI(fmt.Sprintf("%sarticle/%d", ex, i)), Quads: quads}
	}
	return out
}

// cayleyQuery runs a Gizmo query on Cayley's own quad store, without
// linkStep.
func cayleyQuery(t *testing.T, s *Store, src string) []any {
	t.Helper()
	ctx := context.Background()
	s.rlock()
	defer s.runlock()
	it, err := executeGuarded(ctx, s.h.QuadStore, src, query.Options{Collation: query.JSON, Limit: 100000})
	if err != nil {
		t.Fatal(err)
	}
	defer finishQuery(it)
	var out []any
	for it.Next(ctx) {
		if r := it.Result(); r != nil {
			out = append(out, r)
		}
	}
	if err := it.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestLinkStepPlanned checks that the optimiser of a bbolt store plans
// steps along predicates as linkStep, and leaves the other shapes to
// Cayley.
func TestLinkStepPlanned(t *testing.T) {
	ctx := context.Background()
	s := openT(t, "bolt:"+filepath.Join(t.TempDir(), "plan.db"))
	replaceT(t, s, art1, article1(), 17, 0)
	qs, done := s.queryStore()
	defer done()
	if _, ok := qs.(boltQueries); !ok {
		t.Fatalf("a bbolt store's queries run on %T", qs)
	}
	preds := shape.Lookup{ng("caller"), ng("callee")}
	tests := []struct {
		name string
		in   shape.Shape
		want bool
	}{
		{"out", shape.Out(shape.Lookup{ines}, preds, nil), true},
		{"in, tagged", shape.In(shape.Lookup{tom}, preds, nil, "via"), true},
		{"second hop", shape.Out(shape.Out(shape.Lookup{ines}, preds, nil), preds, nil), true},
		{"one predicate, one node", shape.Out(shape.Lookup{ines}, shape.Lookup{ng("caller")}, nil), false},
		{"one predicate, tagged", shape.Out(shape.Lookup{ines, tom}, shape.Lookup{ng("caller")}, nil, "via"), false},
		{"any predicate", shape.Out(shape.Lookup{ines}, shape.AllNodes{}, nil), false},
		{"in a graph", shape.Out(shape.Lookup{ines}, preds, shape.Lookup{art1}), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := shape.Optimize(ctx, tt.in, qs)
			if found := len(linkSteps(got)); (found > 0) != tt.want {
				t.Fatalf("linkStep in the plan: %v, want %v; plan %#v", found > 0, tt.want, got)
			}
		})
	}
	// Under Unique, the steps and the steps they start from give each
	// node once.
	twoHops := shape.Out(shape.Out(shape.Lookup{ines}, preds, nil), preds, nil)
	for _, tt := range []struct {
		name string
		in   shape.Shape
		want bool
	}{
		{"unique", shape.Unique{From: twoHops}, true},
		{"unique union", shape.Unique{From: shape.Union{twoHops, shape.In(shape.Lookup{tom}, preds, nil)}}, true},
		{"not unique", twoHops, false},
	} {
		got, _ := shape.Optimize(ctx, tt.in, qs)
		steps := linkSteps(got)
		if len(steps) < 2 {
			t.Fatalf("%s: %d steps in the plan %#v", tt.name, len(steps), got)
		}
		for _, step := range steps {
			if step.Distinct != tt.want {
				t.Errorf("%s: a step's Distinct is %v; plan %#v", tt.name, step.Distinct, got)
			}
		}
	}
	mem := openT(t, "memory:")
	memQS, _ := mem.queryStore()
	if _, ok := memQS.(boltQueries); ok {
		t.Fatal("a memory store's queries run on boltQueries")
	}
}

// linkSteps returns the link steps of a plan.
func linkSteps(plan shape.Shape) []linkStep {
	var out []linkStep
	shape.Walk(plan, func(s shape.Shape) bool {
		if step, ok := s.(linkStep); ok {
			out = append(out, step)
		}
		return true
	})
	return out
}
