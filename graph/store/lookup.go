package store

import (
	"context"
	"fmt"

	"github.com/cayleygraph/quad"
)

// Batched lookups, for callers that ask the store many small questions per
// batch of articles (graph/merge): on PostgreSQL each is one SQL statement,
// where asking Subjects or Quads once per value would cost a round trip
// and a query plan each; on bbolt and memory stores, where a lookup is a
// few map or B-tree reads in the process, they loop over the single-value
// methods.

// SubjectsOf is Subjects for several objects at once: for each of objects,
// in the same order, the distinct subjects of the quads, in any graph, with
// predicate p and that object, sorted by their N-Quads form (nil when there
// are none). On PostgreSQL all of them are read in one statement, hence
// from one snapshot.
func (s *Store) SubjectsOf(ctx context.Context, p quad.IRI, objects []quad.Value) ([][]quad.Value, error) {
	if s.pg == nil {
		out := make([][]quad.Value, len(objects))
		for i, o := range objects {
			subj, err := s.Subjects(ctx, p, o)
			if err != nil {
				return nil, err
			}
			out[i] = subj
		}
		return out, nil
	}
	norm := make([]quad.Value, len(objects))
	for i, o := range objects {
		var err error
		if norm[i], err = normalizeValue(o); err != nil {
			return nil, fmt.Errorf("subjects: %w", err)
		}
	}
	s.rlock()
	defer s.runlock()
	if s.closed {
		return nil, ErrClosed
	}
	return s.pg.subjectsOf(ctx, p.Full(), norm)
}

// ReadGraphs returns the stored quads of the named graphs labels, one
// Graph per label in the same order (with no quads when the store has no
// such graph), each graph's quads as Quads gives them and in its order. On
// PostgreSQL all of them are read in one statement, hence from one
// snapshot.
func (s *Store) ReadGraphs(ctx context.Context, labels []quad.IRI) ([]Graph, error) {
	out := make([]Graph, len(labels))
	if s.pg == nil {
		for i, l := range labels {
			out[i].Label = l
			for q, err := range s.Quads(ctx, l) {
				if err != nil {
					return nil, err
				}
				out[i].Quads = append(out[i].Quads, q)
			}
		}
		return out, nil
	}
	norm := make([]quad.IRI, len(labels))
	for i, l := range labels {
		out[i].Label = l
		var err error
		if norm[i], err = normalizeLabel(l); err != nil {
			return nil, fmt.Errorf("read graphs: %w", err)
		}
	}
	s.rlock()
	defer s.runlock()
	if s.closed {
		return nil, ErrClosed
	}
	var failed error
	err := s.pg.graphQuads(ctx, norm, func(i int, q quad.Quad) bool {
		nq, err := exportQuad(q)
		if err != nil {
			failed = err
			return false
		}
		out[i].Quads = append(out[i].Quads, nq)
		return true
	})
	if err == nil {
		err = failed
	}
	if err != nil {
		return nil, fmt.Errorf("read graphs: %w", err)
	}
	return out, nil
}
