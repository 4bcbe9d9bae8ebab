package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	ckv "github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/cayley/query/shape"
	"github.com/cayleygraph/quad"
	bolt "go.etcd.io/bbolt"
)

// A step from a set of nodes along a set of predicates (Gizmo's
// Out(preds), In(preds), Both(preds)) is, in Cayley's
// plan, the intersection of two quad sets: the quads of the nodes, and
// the quads of the predicates. Cayley's bbolt layout has no index that
// starts with the predicate, so its planner reads every quad of every node
// from the log to check its predicate: from a node in tens of thousands of
// articles, tens of thousands of log reads for a handful of relation
// edges (the partners' partners of an actor took a minute on a 10M-quad
// store). Yet both of Cayley's default indexes start with a node and then
// the predicate (subject–predicate, object–predicate–subject): the
// predicates of a node are in the keys. linkStep reads them there,
// checks each distinct predicate once, and reads the log only for the
// quads of the predicates it keeps.

// boltQueries is the quad store a bbolt store's Gizmo queries run on:
// Cayley's, whose shape optimiser it extends with linkStep.
type boltQueries struct {
	*ckv.QuadStore
	k      *boltKV
	values *queryValues // the query's read transaction, for NameOf and quadScan
}

// queryStore returns the quad store for one Gizmo query, and a function
// to call once the query is over: s's own store, or for a bbolt store with
// both of Cayley's default indexes, boltQueries.
func (s *Store) queryStore() (graph.QuadStore, func()) {
	kqs, ok := s.h.QuadStore.(*ckv.QuadStore)
	if !ok || s.bolt == nil || !s.bolt.linkIndexes() {
		return s.h.QuadStore, func() {}
	}
	values := &queryValues{db: s.bolt.db}
	return boltQueries{QuadStore: kqs, k: s.bolt, values: values}, values.close
}

// linkIndexes tells whether the store has the two indexes linkStep reads.
func (k *boltKV) linkIndexes() bool {
	return k.indexes[string(linkIndex(quad.Subject))] && k.indexes[string(linkIndex(quad.Object))]
}

// linkIndex is the name of the index whose keys start with a node in
// direction d and then the predicate.
func linkIndex(d quad.Direction) []byte { return indexBucket(linkDirs(d)) }

// linkDirs are the directions of linkIndex(d), the default index of
// Cayley's that starts with d (a subject or an object).
func linkDirs(d quad.Direction) []quad.Direction {
	if d == quad.Subject {
		return []quad.Direction{quad.Subject, quad.Predicate}
	}
	return []quad.Direction{quad.Object, quad.Predicate, quad.Subject}
}

// OptimizeShape replaces steps along predicates with linkStep and lets
// Cayley optimise the rest.
func (q boltQueries) OptimizeShape(ctx context.Context, s shape.Shape) (shape.Shape, bool) {
	switch s := s.(type) {
	case shape.NodesFrom:
		if step, ok := q.linkStep(s); ok {
			return step, true
		}
	case shape.Unique:
		if from, ok := distinct(s.From); ok {
			return shape.Unique{From: from}, true
		}
	}
	out, opt := q.QuadStore.OptimizeShape(ctx, s)
	return q.own(out), opt
}

// own makes the index scans of Cayley's optimiser quadScans, which build
// Cayley's iterators on Cayley's quad store (they refuse any other, and
// the query hands them boltQueries) with a scanner of their own. The
// optimiser returns them as the quads of a NodesFrom, alone or in an
// Intersect.
func (q boltQueries) own(s shape.Shape) shape.Shape {
	switch s := s.(type) {
	case ckv.IndexScan:
		return quadScan{Scan: s, qs: q.QuadStore, values: q.values}
	case shape.NodesFrom:
		s.Quads = q.own(s.Quads)
		return s
	case shape.Intersect:
		out := make(shape.Intersect, len(s))
		for i, sub := range s {
			out[i] = q.own(sub)
		}
		return out
	}
	return s
}

// distinct marks the steps under a Unique as Distinct, through unions,
// tags and the steps' own nodes: Unique keeps the first path to each
// result and drops the others, so how many paths lead to a result does
// not matter there.
func distinct(s shape.Shape) (shape.Shape, bool) {
	switch s := s.(type) {
	case linkStep:
		if s.Distinct {
			return s, false
		}
		s.Distinct = true
		s.Nodes, _ = distinct(s.Nodes)
		return s, true
	case shape.Save:
		from, ok := distinct(s.From)
		s.From = from
		return s, ok
	case shape.Union:
		out, changed := make(shape.Union, len(s)), false
		for i, sub := range s {
			var ok bool
			out[i], ok = distinct(sub)
			changed = changed || ok
		}
		return out, changed
	}
	return s, false
}

// linkStep is the nodes at the To end of the quads whose From end is one
// of Nodes and whose predicate is one of Preds: one result per quad and
// path to its node, as Cayley's own plan gives them, or each node once
// if Distinct.
type linkStep struct {
	k            *boltKV
	From, To     quad.Direction // subject and object, either way
	Nodes, Preds shape.Shape
	Distinct     bool
}

// linkStep recognises a step: the nodes at one end of quads filtered by
// their other end and their predicate only.
func (q boltQueries) linkStep(s shape.NodesFrom) (linkStep, bool) {
	quads, ok := s.Quads.(shape.Quads)
	if !ok || len(quads) != 2 || (s.Dir != quad.Subject && s.Dir != quad.Object) {
		return linkStep{}, false
	}
	step := linkStep{k: q.k, To: s.Dir, From: quad.Subject}
	if s.Dir == quad.Subject {
		step.From = quad.Object
	}
	for _, f := range quads {
		switch f.Dir {
		case step.From:
			step.Nodes = f.Values
		case quad.Predicate:
			step.Preds = f.Values
		}
	}
	if step.Nodes == nil || step.Preds == nil || shape.IsNull(step.Nodes) || shape.IsNull(step.Preds) {
		return linkStep{}, false
	}
	// Along one predicate Cayley's plan reads only that predicate's
	// quads, and its planner weighs it against the rest of the query
	// better than it weighs a linkStep (which made a step along
	// rdf:subject followed by Has(rdf:type, rdf:Statement) a hundred
	// times slower).
	if _, one := shape.One(unsaved(step.Preds)); one {
		return linkStep{}, false
	}
	return step, true
}

// unsaved is s without the tags a Save puts on it.
func unsaved(s shape.Shape) shape.Shape {
	if sv, ok := s.(shape.Save); ok {
		return unsaved(sv.From)
	}
	return s
}

func (s linkStep) BuildIterator(qs graph.QuadStore) iterator.Shape {
	return &linkIterator{step: s, nodes: s.Nodes.BuildIterator(qs), preds: s.Preds.BuildIterator(qs)}
}

func (s linkStep) Optimize(ctx context.Context, r shape.Optimizer) (shape.Shape, bool) {
	return s, false
}

// linkIterator is linkStep's iterator.
type linkIterator struct {
	step         linkStep
	nodes, preds iterator.Shape
}

func (it *linkIterator) String() string {
	return fmt.Sprintf("LinkStep(%v→%v)", it.step.From, it.step.To)
}

func (it *linkIterator) SubIterators() []iterator.Shape { return []iterator.Shape{it.nodes, it.preds} }

func (it *linkIterator) Optimize(ctx context.Context) (iterator.Shape, bool) {
	nodes, n := it.nodes.Optimize(ctx)
	preds, p := it.preds.Optimize(ctx)
	if !n && !p {
		return it, false
	}
	return &linkIterator{step: it.step, nodes: nodes, preds: preds}, true
}

// Stats guesses as Cayley's HasA over LinksTo does: a node has a few
// edges of the predicates, and a lookup reads the node's keys.
func (it *linkIterator) Stats(ctx context.Context) (iterator.Costs, error) {
	st, err := it.nodes.Stats(ctx)
	const fanout = 4
	return iterator.Costs{
		NextCost:     st.NextCost + 1,
		ContainsCost: fanout * (st.ContainsCost + 2),
		Size:         refs.Size{Value: fanout * st.Size.Value, Exact: false},
	}, err
}

func (it *linkIterator) Iterate() iterator.Scanner {
	next := &linkNext{linkState: newLinkState(it), nodes: it.nodes.Iterate()}
	if it.step.Distinct {
		next.seen = map[uint64]bool{}
	}
	return next
}

func (it *linkIterator) Lookup() iterator.Index {
	return &linkContains{linkState: newLinkState(it), nodes: it.nodes.Lookup()}
}

// edge is one quad of a step: its end away from the node it was reached
// from, and its predicate.
type edge struct{ end, pred uint64 }

// linkState is what a step's scanner and index share: the predicates'
// index, which predicates it holds, and the edges read for one node.
type linkState struct {
	k        *boltKV
	from, to quad.Direction
	preds    iterator.Index
	keep     map[uint64]bool // by predicate ID, once asked
	tagged   uint64          // the predicate preds last matched, for its tags
	edges    []edge
	// cache holds the edges already read by node, up to maxCachedEdges
	// in all: a step's nodes come once per path to them, often many
	// times each.
	cache  map[uint64][]edge
	cached int
	result refs.Ref
	err    error
}

func newLinkState(it *linkIterator) linkState {
	return linkState{k: it.step.k, from: it.step.From, to: it.step.To, preds: it.preds.Lookup(), keep: map[uint64]bool{}, cache: map[uint64][]edge{}}
}

// read sets edges to the live quads whose end at dir is the node id and
// whose predicate preds holds, with their end at the other direction.
// It reads the node's distinct predicates from the keys of the index
// starting with dir, skipping past each predicate it does not keep, asks
// preds about the new ones outside bbolt's transaction (preds may run
// Cayley's iterators, which open their own), and then reads the log
// entries of the kept predicates' quads.
func (l *linkState) read(ctx context.Context, dir quad.Direction, id uint64) error {
	if edges, ok := l.cache[id]; ok {
		l.edges = edges
		return nil
	}
	l.edges = nil
	other := l.to
	if dir == l.to {
		other = l.from
	}
	var preds []uint64
	err := l.k.db.View(func(tx *bolt.Tx) error {
		return l.scan(tx, dir, id, func(p uint64) bool {
			if _, asked := l.keep[p]; !asked {
				preds = append(preds, p)
			}
			return false
		}, nil)
	})
	if err != nil {
		return err
	}
	for _, p := range preds {
		l.keep[p] = l.preds.Contains(ctx, ckv.Int64Value(p))
		if err := l.preds.Err(); err != nil {
			return err
		}
		l.tagged = 0 // preds's tags are p's now
	}
	err = l.k.db.View(func(tx *bolt.Tx) error {
		log := tx.Bucket(bucketLog)
		// The keys of the object index end with the subject, and the
		// loader keeps only live quads in the lists: their quads need
		// no reading unless Cayley has written (and maybe deleted).
		fromKey := dir == quad.Object && l.k.direct && !cayleyWrote(tx)
		return l.scan(tx, dir, id, func(p uint64) bool { return l.keep[p] }, func(key, entry []byte) error {
			p := binary.BigEndian.Uint64(key[8:16])
			ids, err := decodeIDs(entry)
			if err != nil {
				return fmt.Errorf("index entry of node %d: %w", id, err)
			}
			for _, qid := range ids {
				if fromKey && len(key) == 24 {
					l.edges = append(l.edges, edge{end: binary.BigEndian.Uint64(key[16:24]), pred: p})
					continue
				}
				q, err := readPrim(log, qid)
				if err != nil {
					return err
				}
				if !q.deleted {
					l.edges = append(l.edges, edge{end: q.dirs[dirIndex(other)], pred: p})
				}
			}
			return ctx.Err()
		})
	})
	if err == nil && l.cached+len(l.edges) <= maxCachedEdges {
		l.cache[id] = l.edges
		l.cached += len(l.edges)
	}
	return err
}

// maxCachedEdges bounds a step's cache: 16 MB.
const maxCachedEdges = 1 << 20

// scan walks the keys of the index starting with dir under the node id:
// for each distinct predicate it asks want, and gives the entries of the
// wanted ones to entry; it seeks past the others.
func (l *linkState) scan(tx *bolt.Tx, dir quad.Direction, id uint64, want func(p uint64) bool, entry func(key, ids []byte) error) error {
	b := tx.Bucket(linkIndex(dir))
	if b == nil {
		return nil
	}
	prefix := binary.BigEndian.AppendUint64(make([]byte, 0, 16), id)
	c := b.Cursor()
	key, ids := c.Seek(prefix)
	for key != nil && bytes.HasPrefix(key, prefix) && len(key) >= 16 {
		p := binary.BigEndian.Uint64(key[8:16])
		if !want(p) {
			if p == ^uint64(0) {
				return nil
			}
			key, ids = c.Seek(binary.BigEndian.AppendUint64(prefix, p+1))
			continue
		}
		if err := entry(key, ids); err != nil {
			return err
		}
		key, ids = c.Next()
	}
	return nil
}

// matchPred makes preds' tags those of predicate p.
func (l *linkState) matchPred(ctx context.Context, p uint64) {
	if p != l.tagged {
		l.preds.Contains(ctx, ckv.Int64Value(p))
		l.tagged = p
	}
}

func (l *linkState) Result() refs.Ref { return l.result }

func (l *linkState) Err() error { return l.err }

// linkNext lists a step's results: for each node, its edges.
type linkNext struct {
	linkState
	nodes iterator.Scanner
	next  int             // in edges
	seen  map[uint64]bool // the results given, if the step is Distinct
}

func (it *linkNext) String() string { return "LinkStepNext" }

func (it *linkNext) Next(ctx context.Context) bool {
	for {
		for it.next >= len(it.edges) {
			if it.err != nil || !it.nodes.Next(ctx) {
				if it.err == nil {
					it.err = it.nodes.Err()
				}
				it.result = nil
				return false
			}
			id, ok := it.nodes.Result().(ckv.Int64Value)
			if !ok {
				continue // not a node of this store
			}
			it.next = 0
			if it.err = it.read(ctx, it.from, uint64(id)); it.err != nil {
				it.edges = nil
			}
		}
		e := it.edges[it.next]
		it.next++
		if it.seen != nil {
			if it.seen[e.end] {
				continue
			}
			it.seen[e.end] = true
		}
		it.matchPred(ctx, e.pred)
		it.result = ckv.Int64Value(e.end)
		return true
	}
}

// NextPath gives the same result again for another path to its node,
// unless the step is Distinct.
func (it *linkNext) NextPath(ctx context.Context) bool {
	return it.seen == nil && it.nodes.NextPath(ctx)
}

func (it *linkNext) TagResults(dst map[string]refs.Ref) {
	it.nodes.TagResults(dst)
	it.preds.TagResults(dst)
}

func (it *linkNext) Close() error {
	return closeAll(it.nodes, it.preds)
}

// linkContains checks a node by reading its own edges back towards the
// step's nodes: a quad whose end at To is the node, whose predicate preds
// holds, and whose end at From nodes holds.
type linkContains struct {
	linkState
	nodes iterator.Index
	next  int // the edge to try after the current one
}

func (it *linkContains) String() string { return "LinkStepContains" }

func (it *linkContains) Contains(ctx context.Context, v refs.Ref) bool {
	it.result, it.next = nil, 0
	id, ok := v.(ckv.Int64Value)
	if !ok || it.err != nil {
		return false
	}
	if it.err = it.read(ctx, it.to, uint64(id)); it.err != nil {
		return false
	}
	if !it.nextEdge(ctx) {
		return false
	}
	it.result = v
	return true
}

// nextEdge moves to the next edge whose end nodes holds.
func (it *linkContains) nextEdge(ctx context.Context) bool {
	for it.next < len(it.edges) {
		e := it.edges[it.next]
		it.next++
		if it.nodes.Contains(ctx, ckv.Int64Value(e.end)) {
			it.matchPred(ctx, e.pred)
			return true
		}
		if it.err = it.nodes.Err(); it.err != nil {
			return false
		}
	}
	return false
}

// NextPath gives the other paths to the node: through the same edge, then
// through its other edges.
func (it *linkContains) NextPath(ctx context.Context) bool {
	if it.result == nil {
		return false
	}
	return it.nodes.NextPath(ctx) || it.nextEdge(ctx)
}

func (it *linkContains) TagResults(dst map[string]refs.Ref) {
	it.nodes.TagResults(dst)
	it.preds.TagResults(dst)
}

func (it *linkContains) Close() error {
	return closeAll(it.nodes, it.preds)
}

// closeAll closes every iterator and returns the first error.
func closeAll(its ...iterator.Base) error {
	var first error
	for _, it := range its {
		if err := it.Close(); err != nil && first == nil {
			first = err
		}
	}
	return first
}
