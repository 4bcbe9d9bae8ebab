package store

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/cayleygraph/cayley/query/shape"
	"github.com/cayleygraph/quad"
)

// TestQuadScanMatchesCayley runs steps along one predicate, which Cayley
// plans as index scans and quadScan reads, through quadScan and through
// Cayley's own scanner: the results must be the same, in the same order
// (ToValue and Limit keep the first ones). The node's name is stated in
// 300 graphs, more than one read of the log takes, with 300 values.
func TestQuadScanMatchesCayley(t *testing.T) {
	ctx := context.Background()
	s := openT(t, "bolt:"+filepath.Join(t.TempDir(), "scan.db"))
	name := quad.IRI(sch + "name")
	star := quad.IRI(ex + "entity/star")
	var graphs []Graph
	for i := range 300 {
		// Values out of order, so that the order of the quads is not
		// the order of their values.
		v := quad.String(fmt.Sprintf("name %03d", (i*7919)%300))
		graphs = append(graphs, Graph{Label: quad.IRI(fmt.Sprintf("%sarticle/%d", ex, i)), Quads: []quad.Quad{
			q(star, name, v),
			q(quad.IRI(fmt.Sprintf("%sentity/%d", ex, i%13)), ng("knows"), star),
			q(quad.IRI(fmt.Sprintf("%sentity/%d", ex, i%13)), name, v),
		}})
	}
	// Written in three batches, so that the entries are extended.
	for part := range 3 {
		if _, _, err := s.ReplaceGraphs(ctx, graphs[part*100:(part+1)*100]); err != nil {
			t.Fatal(err)
		}
	}
	node := func(v quad.Value) string { return strings.ReplaceAll(quad.ToString(v), `"`, `\"`) }
	starID := `"` + node(star) + `"`
	queries := []string{
		"g.Emit(g.V(" + starID + ").Out(\"<" + sch + "name>\").ToValue())",
		"g.V(" + starID + ").Out(\"<" + sch + "name>\").All()",
		"g.V(" + starID + ").Out(\"<" + sch + "name>\").Limit(5).All()",
		"g.V(" + starID + ").Out(\"<" + sch + "name>\").Limit(200).All()",
		"g.V(" + starID + ").Out(\"<" + sch + "name>\").Unique().All()",
		"g.V(" + starID + ").In(\"<" + ngNS + "knows>\").All()",
		"g.V(" + starID + ").In(\"<" + ngNS + "knows>\").Tag(\"who\").Out(\"<" + sch + "name>\").Limit(40).All()",
		"g.V(" + starID + ").LabelContext(\"<" + ex + "article/17>\").Out(\"<" + sch + "name>\").All()",
		"g.V(\"name 005\").In(\"<" + sch + "name>\").All()",
		"g.V(" + starID + ").Out(\"<" + ex + "no-predicate>\").All()",
	}
	for _, src := range queries {
		got, err := s.Query(ctx, src, 100000)
		if err != nil {
			t.Fatalf("%s: %v", src, err)
		}
		want := cayleyQuery(t, s, src)
		if g, w := inOrder(t, got), inOrder(t, want); !slices.Equal(g, w) {
			t.Errorf("%s: quadScan gives %d results:\n%s\nCayley's scanner %d:\n%s", src, len(g), strings.Join(g, "\n"), len(w), strings.Join(w, "\n"))
		} else if len(g) == 0 && !strings.Contains(src, "no-predicate") {
			t.Errorf("%s: no results", src)
		}
	}
	// The steps above are quadScans in the plan.
	qs, done := s.queryStore()
	defer done()
	plan, _ := shape.Optimize(ctx, shape.Out(shape.Lookup{star}, shape.Lookup{name}, nil), qs)
	found := false
	shape.Walk(plan, func(sh shape.Shape) bool {
		_, ok := sh.(quadScan)
		found = found || ok
		return true
	})
	if !found {
		t.Fatalf("no quadScan in the plan %#v", plan)
	}
}

// inOrder is results as JSON, in their order.
func inOrder(t *testing.T, results []any) []string {
	t.Helper()
	out := make([]string, len(results))
	for i, r := range results {
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		out[i] = string(b)
	}
	return out
}
