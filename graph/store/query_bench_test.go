package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"testing"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/newsgraph/newsgraph/graph/vocab"
	"github.com/newsgraph/newsgraph/queries"
)

// Environment of BenchmarkQueryShapes: a bbolt store to query, made once
// outside the repository (see BENCHMARKS.md), and the name of an actor in
// it.
const (
	envBenchStore = "NEWSGRAPH_BENCH_STORE"
	envBenchActor = "NEWSGRAPH_BENCH_ACTOR"
)

// BenchmarkQueryShapes times the query shapes of queries/ from one actor
// on a large store: the store named by $NEWSGRAPH_BENCH_STORE (base IRI
// vocab.DefaultBase; the actor is $NEWSGRAPH_BENCH_ACTOR, "Amir Fischer"
// by default, a person of the corpus of `newsgraph bench gen`), or with
// -short a store of 2,000 synthetic articles built for the run. A query is
// timed as the CLI and the server run it: the store lists its relation
// predicates for the prelude (queries.Relations), then runs the script. It
// reports the median time of a query (ms/query) besides the mean.
func BenchmarkQueryShapes(b *testing.B) {
	ctx := context.Background()
	v := vocab.New(vocab.DefaultBase)
	path, actor := os.Getenv(envBenchStore), os.Getenv(envBenchActor)
	if actor == "" {
		actor = "Amir Fischer"
	}
	switch {
	case path != "":
	case testing.Short():
		path = filepath.Join(b.TempDir(), "shapes.db")
		actor = buildNewsStore(b, path, v, 2000)
	default:
		b.Skipf("no store to query: set %s to a bbolt store (see BENCHMARKS.md: bench gen, extract, import), or run with -short for a small one", envBenchStore)
	}
	s, err := Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	named := fmt.Sprintf("named(%s)", strconv.Quote(actor))
	shapes := []struct{ name, src string }{
		// The shapes the ready-made queries are made of.
		{"named", named + ".All()"},
		// The same nodes found from the name: In reads the index by object.
		{"named-in", fmt.Sprintf("g.V(%s).In(schema(\"name\")).Unique().All()", strconv.Quote(actor))},
		// The actor's relation edges, each way: relations() is a fixed
		// set of predicates.
		{"out-relations", named + ".Out(relations()).All()"},
		{"in-relations", named + ".In(relations()).All()"},
		// The relation of each edge as a tag, as README's example does.
		{"out-relations-tagged", named + ".Out(relations(), \"relation\").All()"},
		// 2-hop through relations: every name quad of every partner
		// (one per article naming it), then one name per partner.
		{"out-2hop", named + ".Out(relations()).Out(schema(\"name\")).All()"},
		{"both-2hop-labels", named + ".Both(relations()).Unique().ForEach(function (o) { g.Emit(label(o.id)) })"},
		// Two relation edges away, both ways: the partners' partners.
		{"both-both-2hop", named + ".Both(relations()).Both(relations()).Unique().All()"},
		{"in-out-2hop", named + ".In(schema(\"mentions\")).Out(schema(\"mentions\")).Unique().All()"},
		{"statements", named + ".In(rdf(\"subject\")).Has(rdf(\"type\"), rdf(\"Statement\")).Out(rdf(\"predicate\")).Unique().All()"},
		{"links", named + ".ForEach(function (a) { g.Emit(links(a.id).length) })"},
	}
	for _, name := range []string{"actor-relations", "co-mentioned", "events-about", "quotes-by", "timeline"} {
		q, err := queries.Get(name)
		if err != nil {
			b.Fatal(err)
		}
		shapes = append(shapes, struct{ name, src string }{"query:" + name, queries.Args(map[string]string{"name": actor}) + q.Source})
	}
	for _, sh := range shapes {
		b.Run(sh.name, func(b *testing.B) {
			timeQuery(b, func() ([]any, error) {
				rels, err := queries.Relations(ctx, s, v)
				if err != nil {
					return nil, err
				}
				return s.Query(ctx, queries.Prelude(v, rels)+sh.src, 100000)
			})
		})
	}
}

// buildNewsStore writes a store of articles shaped as ingest makes them,
// over a pool of people, and returns the name of the most mentioned one:
// each article mentions six people, relates them by statements and direct
// relation edges, and reports a call.
func buildNewsStore(b *testing.B, path string, v vocab.Vocab, articles int) string {
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	const people = 400
	person := func(i int) (quad.IRI, string) {
		name := fmt.Sprintf("Person%d Family%d", i, i%50)
		return v.Entity(name), name
	}
	rels := []quad.IRI{v.Relation("meet"), v.Relation("say"), v.Relation("call")}
	var batch []Graph
	for a := range articles {
		art := v.Article(fmt.Sprintf("bench/%d", a))
		qs := []quad.Quad{{Subject: art, Predicate: vocab.Type, Object: vocab.NewsArticle}}
		var who []quad.IRI
		for k := range 6 {
			p, name := person((a*7 + k*k*13) % people)
			if k == 0 {
				p, name = person(a % 3) // a few people in many articles
			}
			who = append(who, p)
			qs = append(qs,
				quad.Quad{Subject: art, Predicate: vocab.Mentions, Object: p},
				quad.Quad{Subject: p, Predicate: vocab.Type, Object: vocab.Person},
				quad.Quad{Subject: p, Predicate: vocab.Name, Object: quad.String(name)})
		}
		for k, r := range rels {
			st := vocab.Part(art, "s", k)
			qs = append(qs,
				quad.Quad{Subject: r, Predicate: vocab.Type, Object: v.Term("Relation")},
				quad.Quad{Subject: who[k], Predicate: r, Object: who[k+1]},
				quad.Quad{Subject: st, Predicate: vocab.Type, Object: vocab.Statement},
				quad.Quad{Subject: st, Predicate: vocab.Subject, Object: who[k]},
				quad.Quad{Subject: st, Predicate: vocab.Predicate, Object: r},
				quad.Quad{Subject: st, Predicate: vocab.Object, Object: who[k+1]},
				quad.Quad{Subject: st, Predicate: vocab.DerivedFrom, Object: art})
		}
		ev := vocab.Part(art, "e", 0)
		qs = append(qs,
			quad.Quad{Subject: ev, Predicate: vocab.Type, Object: vocab.CommunicateAction},
			quad.Quad{Subject: ev, Predicate: vocab.Participant, Object: who[0]},
			quad.Quad{Subject: ev, Predicate: vocab.Participant, Object: who[2]})
		batch = append(batch, Graph{Label: art, Quads: qs})
		if len(batch) == 200 || a == articles-1 {
			if _, _, err := s.ReplaceGraphs(ctx, batch); err != nil {
				b.Fatal(err)
			}
			batch = nil
		}
	}
	names := []string{}
	for i := range 3 {
		_, name := person(i)
		names = append(names, name)
	}
	sort.Strings(names)
	return names[0]
}

// BenchmarkGizmoResults measures what Gizmo costs a result, apart from
// the store: one node with as many out-edges as the partners' partners of
// BenchmarkQueryShapes' actor on the 10M-quad store (29,413), in a store
// small enough to stay in memory. "out-all" is the cheapest query with
// that many results, one step from one node; "out-count" the same
// traversal without the results' values and Gizmo's delivery of each;
// "emit-loop" delivery alone, a script emitting as many strings. What
// "out-all" takes is a floor under any Gizmo query giving as many nodes.
func BenchmarkGizmoResults(b *testing.B) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(b.TempDir(), "results.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	const n = 29413
	hub, p := quad.IRI("https://example.org/hub"), quad.IRI("https://example.org/p")
	qs := make([]quad.Quad, n)
	for i := range qs {
		qs[i] = quad.Quad{Subject: hub, Predicate: p, Object: quad.IRI(fmt.Sprintf("https://example.org/node/%d", i))}
	}
	if _, _, err := s.ReplaceGraphs(ctx, []Graph{{Label: quad.IRI("https://example.org/g"), Quads: qs}}); err != nil {
		b.Fatal(err)
	}
	out := fmt.Sprintf("g.V(%q).Out(%q)", hub.String(), p.String())
	for _, sh := range []struct{ name, src string }{
		{"out-all", out + ".All()"},
		{"out-count", "g.Emit(" + out + ".Count())"},
		{"emit-loop", fmt.Sprintf(`for (var i = 0; i < %d; i++) { g.Emit("<https://example.org/node/" + i + ">") }`, n)},
	} {
		b.Run(sh.name, func(b *testing.B) {
			timeQuery(b, func() ([]any, error) { return s.Query(ctx, sh.src, 100000) })
		})
	}
}

// timeQuery runs query b.N times and reports the median time of a run
// (ms/query) and the number of results besides the mean.
func timeQuery(b *testing.B, query func() ([]any, error)) {
	var times []time.Duration
	results := 0
	for b.Loop() {
		start := time.Now()
		res, err := query()
		if err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(start))
		results = len(res)
	}
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "ms/query")
	b.ReportMetric(float64(results), "results")
}
