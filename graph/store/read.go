package store

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"sort"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/cayley/query"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
)

// Query runs a Gizmo (JavaScript) query and returns at most limit results,
// as Cayley's JSON collation gives them: maps from tag names to values for
// g.V()...All() and the like, and whatever g.Emit was given. IRIs come as
// "<iri>" strings and blank nodes as "_:name", plain and language-tagged
// strings as Go strings (the language is dropped), xsd:integer, xsd:double
// and xsd:boolean literals as int64, float64 and bool, xsd:dateTime as
// time.Time, other typed literals in N-Quads form.
//
// The query stops with an error wrapping ctx.Err() when ctx is done, even in
// the middle of a script that never ends; writes wait while it runs, so
// callers serving untrusted queries should always give a deadline. A
// script that would crash Cayley's Gizmo gets an error instead (see
// gizmoGuard).
func (s *Store) Query(ctx context.Context, gizmoQuery string, limit int) ([]any, error) {
	if limit <= 0 {
		return nil, fmt.Errorf("query: limit must be positive, got %d", limit)
	}
	s.rlock()
	defer s.runlock()
	if s.closed {
		return nil, ErrClosed
	}
	if s.pg != nil {
		s.pgQuery.Lock()
		defer s.pgQuery.Unlock()
	}
	qs, done := s.queryStore()
	defer done() // after finishQuery, deferred below
	it, err := executeGuarded(ctx, qs, gizmoQuery, query.Options{Collation: query.JSON, Limit: limit})
	if err != nil {
		return nil, fmt.Errorf("query: %w", err)
	}
	defer finishQuery(it)
	out := make([]any, 0, min(limit, 64))
	for len(out) < limit && it.Next(ctx) {
		if r := it.Result(); r != nil { // nil: the script's own result value
			out = append(out, r)
		}
	}
	if err := it.Err(); err != nil {
		return nil, fmt.Errorf("query: %w", err)
	}
	return out, nil
}

// finishQuery stops a Gizmo query and waits until it is really over. Gizmo
// runs the script in a goroutine of its own that Close interrupts but does
// not wait for: returning (and releasing the read lock) before it ends
// would let a write run while it still reads the store. Next returns false
// once that goroutine has ended; it ends soon after Close, which cancels
// its iterators and interrupts its JavaScript.
func finishQuery(it query.Iterator) {
	it.Close()
	for it.Next(context.Background()) {
	}
}

// Quads iterates over the quads of the named graph label, or of all graphs
// if label is empty, in the store's canonical form (see ReplaceGraphs). It
// holds the store's read lock until the loop ends, so writes wait for it
// and the loop body must not write to the store. An error, ctx's included,
// is yielded once, as the last element.
func (s *Store) Quads(ctx context.Context, label quad.IRI) iter.Seq2[quad.Quad, error] {
	return s.exported(func(fn func(quad.Quad) bool) error {
		if label != "" {
			lab, err := normalizeLabel(label)
			if err != nil {
				return err
			}
			label = lab
		}
		return s.eachQuad(ctx, label, fn)
	})
}

// QuadsWith iterates over the quads of all graphs whose predicate is one of
// predicates (every name, every type), as Quads does, in no order to rely
// on. Cayley keeps no index that starts with the predicate, so this reads
// every quad of the store, once for all the predicates given; on the stores
// this package writes it reads them straight from the layout, many times
// faster than Cayley's iterators.
func (s *Store) QuadsWith(ctx context.Context, predicates []quad.IRI) iter.Seq2[quad.Quad, error] {
	return s.exported(func(fn func(quad.Quad) bool) error {
		preds := make([]quad.IRI, len(predicates))
		for i, p := range predicates {
			preds[i] = p.Full()
		}
		switch {
		case s.pg != nil:
			return s.pg.quadsWith(ctx, preds, fn)
		case s.bolt != nil && s.bolt.direct:
			return s.bolt.quadsWith(ctx, preds, fn)
		}
		return s.eachWith(ctx, preds, fn)
	})
}

// exported turns read, which calls its argument with stored quads until it
// returns false, into an iterator of the quads in canonical form, run under
// the store's read lock, with any error yielded last.
func (s *Store) exported(read func(fn func(quad.Quad) bool) error) iter.Seq2[quad.Quad, error] {
	return func(yield func(quad.Quad, error) bool) {
		s.rlock()
		defer s.runlock()
		if s.closed {
			yield(quad.Quad{}, ErrClosed)
			return
		}
		var failed error
		err := read(func(q quad.Quad) bool {
			nq, err := exportQuad(q)
			if err != nil {
				failed = err
				return false
			}
			return yield(nq, nil)
		})
		if err == nil {
			err = failed
		}
		if err != nil {
			yield(quad.Quad{}, err)
		}
	}
}

// eachWith is QuadsWith through Cayley's iterators, which read every quad
// once per predicate.
func (s *Store) eachWith(ctx context.Context, preds []quad.IRI, fn func(quad.Quad) bool) error {
	qs := s.h.QuadStore
	var shapes []iterator.Shape
	for _, p := range preds {
		ref, err := qs.ValueOf(p)
		if err != nil {
			return err
		}
		if ref != nil {
			shapes = append(shapes, qs.QuadIterator(quad.Predicate, ref))
		}
	}
	if len(shapes) == 0 {
		return ctx.Err()
	}
	return eachOf(ctx, qs, iterator.NewOr(shapes...), fn)
}

// exportQuad returns a stored quad in canonical form. Quads written through
// ReplaceGraphs already are; a store filled by other tools may hold
// quad.Int and the like, which N-Quads writers print with datatype IRIs
// that are not absolute ("xsd:integer").
func exportQuad(q quad.Quad) (quad.Quad, error) {
	var err error
	for _, d := range quad.Directions {
		v := q.Get(d)
		if v == nil {
			continue // a quad without a label
		}
		if v, err = normalizeValue(v); err != nil {
			return q, fmt.Errorf("export %v: %w", q, err)
		}
		q.Set(d, v)
	}
	return q, nil
}

// WriteQuads writes the quads of the named graph label, or of all graphs if
// label is empty, to w in N-Quads, one at a time, and returns how many it
// wrote. Writes to the store wait until it is done.
func (s *Store) WriteQuads(ctx context.Context, w io.Writer, label quad.IRI) (int, error) {
	nw := nquads.NewWriter(w)
	n := 0
	for q, err := range s.Quads(ctx, label) {
		if err == nil {
			err = nw.WriteQuad(q)
		}
		if err != nil {
			return n, fmt.Errorf("write quads: %w", err)
		}
		n++
	}
	if err := nw.Close(); err != nil {
		return n, fmt.Errorf("write quads: %w", err)
	}
	return n, nil
}

// eachQuad calls fn with every stored quad of graph label (all quads if
// label is empty), as stored, until fn returns false. The caller holds the
// lock; label is normalised.
func (s *Store) eachQuad(ctx context.Context, label quad.IRI, fn func(quad.Quad) bool) error {
	if s.pg != nil {
		return s.pg.eachQuad(ctx, label, fn)
	}
	qs := s.h.QuadStore
	var shape iterator.Shape
	if label == "" {
		shape = qs.QuadsAllIterator()
	} else {
		ref, err := qs.ValueOf(label)
		if err != nil {
			return err
		}
		if ref == nil {
			return ctx.Err() // no such graph
		}
		shape = qs.QuadIterator(quad.Label, ref)
	}
	return eachOf(ctx, qs, shape, fn)
}

// eachOf calls fn with every quad of Cayley's shape, until fn returns
// false.
func eachOf(ctx context.Context, qs graph.QuadStore, shape iterator.Shape, fn func(quad.Quad) bool) error {
	it := shape.Iterate()
	defer it.Close()
	for it.Next(ctx) {
		q, err := qs.Quad(it.Result())
		if err != nil {
			return err
		}
		if !q.IsValid() {
			return errors.New("store returned an incomplete quad")
		}
		if !fn(q) {
			return nil
		}
	}
	if err := it.Err(); err != nil {
		return err
	}
	return ctx.Err()
}

// Subjects returns the distinct subjects of the quads, in any graph, with
// predicate p and object o, sorted by their N-Quads form: who has
// schema:familyName "Putin", which articles schema:mentions an entity. It
// reads the object index, so it costs what the matching quads cost.
func (s *Store) Subjects(ctx context.Context, p quad.IRI, o quad.Value) ([]quad.Value, error) {
	o, err := normalizeValue(o)
	if err != nil {
		return nil, fmt.Errorf("subjects: %w", err)
	}
	p = p.Full()
	s.rlock()
	defer s.runlock()
	if s.closed {
		return nil, ErrClosed
	}
	if s.pg != nil {
		return s.pg.subjects(ctx, p, o)
	}
	if s.bolt != nil && s.bolt.direct && s.bolt.subjectIndex() {
		return s.bolt.subjects(ctx, p, o)
	}
	qs := s.h.QuadStore
	ref, err := qs.ValueOf(o)
	if err != nil || ref == nil {
		return nil, err
	}
	it := qs.QuadIterator(quad.Object, ref).Iterate()
	defer it.Close()
	seen := map[string]quad.Value{}
	for it.Next(ctx) {
		q, err := qs.Quad(it.Result())
		if err != nil {
			return nil, err
		}
		if q.Predicate == p {
			seen[quad.ToString(q.Subject)] = q.Subject
		}
	}
	if err := it.Err(); err != nil {
		return nil, err
	}
	keys := make([]string, 0, len(seen))
	for k := range seen {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]quad.Value, len(keys))
	for i, k := range keys {
		out[i] = seen[k]
	}
	return out, ctx.Err()
}
