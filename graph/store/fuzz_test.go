package store

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"
)

// The seed corpus is in testdata/fuzz/FuzzQuery.

// FuzzQuery runs arbitrary text as a Gizmo query on a small memory store,
// as `newsgraph query` and the server do with what users type: within its
// deadline the query must return results or an error, never panic or hang,
// and the store must still answer afterwards.
func FuzzQuery(f *testing.F) {
	s := newsStore(f, "memory:")
	const check = `g.Emit(g.V().Count())`
	want, err := s.Query(context.Background(), check, 1)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, script string) {
		ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
		defer cancel()
		done := make(chan struct{})
		go func() {
			defer close(done)
			s.Query(ctx, script, 100) // results or an error: both are fine
		}()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			// The deadline is 200 ms: far longer means Query ignores it.
			t.Fatalf("query still running 10 s after its 200 ms deadline")
		}
		got, err := s.Query(context.Background(), check, 1)
		if err != nil || !slices.Equal(got, want) {
			t.Fatalf("after the query, %s gives %v, %v; want %v", check, got, err, want)
		}
	})
}

// TestQueryGuard checks that scripts that crash Cayley's Gizmo get an
// error (see gizmoGuard), that the guard leaves other queries alone, and
// that syntax errors keep their line and column.
func TestQueryGuard(t *testing.T) {
	s := newsStore(t, "memory:")
	for _, tt := range []struct {
		script string
		err    string // "" for none
	}{
		{`g.V().Out(g).All()`, "the graph object g cannot be an argument"},
		{`var m = g; g.V().Follow(m).All()`, "the graph object g cannot be an argument"},
		{`g.V().Intersect(g).All()`, "the graph object g cannot be an argument"},
		{`g.V().Out([g]).All()`, "the graph object g cannot be an argument"},
		{`var m = g.M; g.V().Follow(m).All()`, "a function cannot be an argument"},
		{`g.V().FollowRecursive(function () {}).All()`, "a function cannot be an argument"},
		{`g.V().Has("").All()`, "Has needs a predicate"},
		{`graph.Vertex().hasR("").All()`, "hasR needs a predicate"},
		{"g.V()\n  .All(", "Line 2:8"},
		{`g.V().Has("<rdf:type>", "<schema:Person>").Count()`, ""},
		{`var m = g.M().Out("<schema:name>"); g.V().Follow(m).FollowRecursive(m).Intersect(g.V()).All()`, ""},
		{`g.V().Out(["<schema:name>"], "t").Filter(regex("Ines")).All()`, ""},
	} {
		_, err := s.Query(context.Background(), expand(tt.script), 10)
		switch {
		case tt.err == "" && err != nil:
			t.Errorf("%s: %v", tt.script, err)
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
			t.Errorf("%s: error %v, want one saying %q", tt.script, err, tt.err)
		}
	}
}
