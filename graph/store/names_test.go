package store

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/cayleygraph/cayley/graph"
	ckv "github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"
)

// TestQueryValues checks that a query's NameOf and ValuesOf give what
// Cayley's give for every ID of a store, nodes, quads and IDs beyond the
// last alike, and that the query's transaction ends with it.
func TestQueryValues(t *testing.T) {
	s := openT(t, "bolt:"+filepath.Join(t.TempDir(), "values.db"))
	replaceT(t, s, art1, article1(), 17, 0)
	qs, done := s.queryStore()
	t.Cleanup(done) // also when the test fails: an open transaction would keep the store from closing
	q, ok := qs.(boltQueries)
	if !ok {
		t.Fatalf("a bbolt store's queries run on %T", qs)
	}
	cayley := s.h.QuadStore.(*ckv.QuadStore)
	nodes := 0
	var refs []graph.Ref
	for id := range ckv.Int64Value(200) { // article1's store has fewer IDs
		want, werr := cayley.NameOf(id)
		for range 2 { // read, then remembered
			got, err := q.NameOf(id)
			if (err != nil) != (werr != nil) || !quadValuesEqual(got, want) {
				t.Fatalf("NameOf(%d) = %v, %v; Cayley's %v, %v", id, got, err, want, werr)
			}
		}
		if want != nil {
			nodes++
		}
		refs = append(refs, id)
	}
	if nodes < 10 {
		t.Fatalf("only %d of the IDs are nodes: the test reads too few", nodes)
	}
	refs = append(refs, nil)
	got, err := q.ValuesOf(context.Background(), refs)
	want, werr := cayley.ValuesOf(context.Background(), refs)
	if (err != nil) != (werr != nil) || len(got) != len(want) {
		t.Fatalf("ValuesOf: %d values, %v; Cayley's %d, %v", len(got), err, len(want), werr)
	}
	for i := range got {
		if !quadValuesEqual(got[i], want[i]) {
			t.Fatalf("ValuesOf: value %d is %v, Cayley's %v", i, got[i], want[i])
		}
	}
	done()
	if q.values.tx != nil {
		t.Fatal("the query's transaction is still open after it ended")
	}
}

// quadValuesEqual compares two values, either of which may be nil.
func quadValuesEqual(a, b quad.Value) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return quad.ToString(a) == quad.ToString(b)
}
