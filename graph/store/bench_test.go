package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

// syntheticGraphs makes n article graphs of size quads each, shaped like
// extracted news facts: entities shared between articles (a pool of 2,000),
// 24 predicates, and a mix of entity, string, date and number objects.
func syntheticGraphs(n, size int) []Graph {
	r := rand.New(rand.NewPCG(1, 2))
	entity := func() quad.IRI { return quad.IRI(fmt.Sprintf("%sentity/%d", ex, r.IntN(2000))) }
	graphs := make([]Graph, n)
	for i := range graphs {
		quads := make([]quad.Quad, size)
		for j := range quads {
			p := ng(fmt.Sprintf("p%d", r.IntN(24)))
			var o quad.Value
			switch r.IntN(4) {
			case 0, 1:
				o = entity()
			case 2:
				o = quad.String(fmt.Sprintf("mention %d of article %d", j, i))
			default:
				o = quad.TypedString{Value: quad.String(fmt.Sprintf("2024-%02d-%02d", 1+r.IntN(12), 1+r.IntN(28))), Type: xsdNS + "date"}
			}
			quads[j] = q(entity(), p, o)
		}
		graphs[i] = Graph{Label: quad.IRI(fmt.Sprintf("%sarticle/%d", ex, i)), Quads: quads}
	}
	return graphs
}

// BenchmarkReplaceGraph loads 100 graphs of 200 quads into a new store per
// iteration, a number of graphs per ReplaceGraphs call, and reports quads
// written per second. The cayley-writer case is the baseline: the same quads
// through Cayley's own batch writer, as "cayley load" does (batches of
// 10,000, no reading of what is stored), into the same kind of store.
func BenchmarkReplaceGraph(b *testing.B) {
	const graphs, size = 100, 200
	data := syntheticGraphs(graphs, size)
	ctx := context.Background()
	tests := []struct {
		backend string
		batch   int // graphs per call; 0 for Cayley's writer
	}{
		{"memory", 1}, {"memory", graphs},
		{"bolt", 1}, {"bolt", 25}, {"bolt", graphs}, {"bolt", 0},
	}
	for _, tt := range tests {
		name := fmt.Sprintf("%s/graphs-per-call=%d", tt.backend, tt.batch)
		if tt.batch == 0 {
			name = tt.backend + "/cayley-writer"
		}
		b.Run(name, func(b *testing.B) {
			total := 0
			for b.Loop() {
				b.StopTimer()
				dsn := "memory:"
				if tt.backend == "bolt" {
					dsn = "bolt:" + filepath.Join(b.TempDir(), "bench.db")
				}
				s, err := Open(ctx, dsn)
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				if tt.batch == 0 {
					total += loadWithCayley(b, s, data)
				}
				for i := 0; tt.batch > 0 && i < len(data); i += tt.batch {
					added, _, err := s.ReplaceGraphs(ctx, data[i:i+tt.batch])
					if err != nil {
						b.Fatal(err)
					}
					total += added
				}
				b.StopTimer()
				if err := s.Close(); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
			}
			b.ReportMetric(float64(total)/b.Elapsed().Seconds(), "quads/s")
		})
	}
}

// loadWithCayley writes the graphs' quads through Cayley's batch writer and
// returns how many it wrote.
func loadWithCayley(b *testing.B, s *Store, data []Graph) int {
	var all []quad.Quad
	for _, g := range data {
		pg, err := prepareGraph(g)
		if err != nil {
			b.Fatal(err)
		}
		all = append(all, pg.Quads...)
	}
	err := s.Locked(true, func() error {
		w := graph.NewWriter(s.Handle().QuadWriter)
		if _, err := quad.CopyBatch(w, quad.NewReader(all), 10000); err != nil {
			return err
		}
		return w.Close()
	})
	if err != nil {
		b.Fatal(err)
	}
	return len(all)
}
