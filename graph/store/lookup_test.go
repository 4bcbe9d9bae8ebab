package store

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/cayleygraph/quad"
)

// TestSubjectsOf checks that the batched lookup answers, on every backend,
// what Subjects answers for each object alone, in the order asked, with
// objects repeated, absent or given in a prefixed or typed form.
func TestSubjectsOf(t *testing.T) {
	ctx := context.Background()
	typ := quad.IRI(rdfNS + "type")
	objects := []quad.Value{
		quad.IRI(sch + "Person"),
		ng("PhoneCall"),
		quad.IRI(sch + "Nothing"), // no such object
		quad.IRI("schema:Person"), // prefixed
		quad.IRI(sch + "Person"),  // again
		quad.IRI(sch + "Organization"),
	}
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			s := newsStore(t, b.dsn(t))
			got, err := s.SubjectsOf(ctx, typ, objects)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(objects) {
				t.Fatalf("SubjectsOf gave %d answers for %d objects", len(got), len(objects))
			}
			for i, o := range objects {
				want, err := s.Subjects(ctx, typ, o)
				if err != nil {
					t.Fatal(err)
				}
				if fmt.Sprint(got[i]) != fmt.Sprint(want) {
					t.Errorf("SubjectsOf(%v)[%d] = %v, want %v as Subjects gives", o, i, got[i], want)
				}
			}
			if len(got[0]) != 2 || len(got[2]) != 0 || len(got[5]) != 2 {
				t.Errorf("SubjectsOf = %v, want the 2 people, no Nothing, the 2 organisations", got)
			}
			if none, err := s.SubjectsOf(ctx, typ, nil); err != nil || len(none) != 0 {
				t.Errorf("SubjectsOf(no objects) = %v, %v; want nothing", none, err)
			}
			if _, err := s.SubjectsOf(ctx, typ, []quad.Value{quad.IRI("")}); err == nil {
				t.Error("SubjectsOf(an empty IRI) did not fail")
			}
		})
	}
}

// TestReadGraphs checks that the batched read gives, on every backend,
// each graph's quads as Quads gives them, in the order asked, with a graph
// repeated and one absent.
func TestReadGraphs(t *testing.T) {
	ctx := context.Background()
	absent := quad.IRI(ex + "article/none")
	labels := []quad.IRI{art2, absent, art1, art2}
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			s := newsStore(t, b.dsn(t))
			got, err := s.ReadGraphs(ctx, labels)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(labels) {
				t.Fatalf("ReadGraphs gave %d graphs for %d labels", len(got), len(labels))
			}
			for i, l := range labels {
				var want []quad.Quad
				for q, err := range s.Quads(ctx, l) {
					if err != nil {
						t.Fatal(err)
					}
					want = append(want, q)
				}
				if got[i].Label != l || !slices.Equal(got[i].Quads, want) {
					t.Errorf("ReadGraphs(...)[%d] = %s with %v\nwant %s with %v as Quads gives", i, got[i].Label, got[i].Quads, l, want)
				}
			}
			if n := []int{len(got[0].Quads), len(got[1].Quads), len(got[2].Quads)}; !slices.Equal(n, []int{7, 0, 17}) {
				t.Errorf("ReadGraphs gave %v quads, want 7, 0 and 17", n)
			}
		})
	}
}
