package store

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/voc/xsd"
)

// Graph is the complete content of one named graph.
type Graph struct {
	Label quad.IRI // the graph's name: an article's IRI
	Quads []quad.Quad
}

// ReplaceGraph makes the named graph label (an article's IRI) hold exactly
// quads, atomically; see ReplaceGraphs.
func (s *Store) ReplaceGraph(ctx context.Context, label quad.IRI, quads []quad.Quad) (added, removed int, err error) {
	return s.ReplaceGraphs(ctx, []Graph{{Label: label, Quads: quads}})
}

// ReplaceGraphs makes each named graph hold exactly its quads, whose own
// labels are ignored, and returns how many quads it added and removed in
// all. Quads already there and still wanted are left alone, unwanted ones
// are deleted, new ones added, so replacing a graph with the same quads
// changes nothing and reports 0 added and 0 removed. Graphs not named are
// never touched; of a graph named twice, only the last quads count;
// duplicate quads count once.
//
// All the graphs are replaced in one write transaction: on a bbolt store
// they are on disk together or not at all, with one sync to disk for the
// whole batch, so loading tens of graphs per call is faster than one at a
// time (very large transactions get slower again; see
// BenchmarkReplaceGraph). Cancelling ctx while the batch runs discards it
// on a bbolt or PostgreSQL store; a memory store, which has no
// transactions, finishes it. On PostgreSQL, several processes may replace
// graphs at once, the same graphs included: each batch is one transaction,
// applied whole after or before the others'.
//
// Values are stored in a form that N-Quads and other RDF tools read back
// as written: quad.Int, quad.Float, quad.Bool and quad.Time become typed
// strings with full XSD datatype IRIs ("42"^^<http://www.w3.org/2001/XMLSchema#integer>),
// a typed string's datatype and every IRI written with a prefix the quad
// library knows ("xsd:date", "schema:name", "rdf:type") are expanded to the
// full IRI, and xsd:string literals become plain strings. Queries must use
// the full forms. Subjects must be IRIs or blank nodes and predicates IRIs;
// blank nodes are shared by all graphs, so callers should name them per
// article.
func (s *Store) ReplaceGraphs(ctx context.Context, graphs []Graph) (added, removed int, err error) {
	last := make(map[quad.IRI]int, len(graphs)) // label → index of its last graph
	prepared := make([]Graph, len(graphs))
	for i, g := range graphs {
		if prepared[i], err = prepareGraph(g); err != nil {
			return 0, 0, fmt.Errorf("replace graph %s: %w", g.Label, err)
		}
		last[prepared[i].Label] = i
	}
	unique := make([]Graph, 0, len(last))
	for i, g := range prepared {
		if last[g.Label] == i {
			unique = append(unique, g)
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return 0, 0, ErrClosed
	}
	if err := ctx.Err(); err != nil {
		return 0, 0, fmt.Errorf("replace graphs: %w", err)
	}
	err = s.batch(ctx, func(ctx context.Context) error {
		added, removed, err = s.replace(ctx, unique)
		return err
	})
	if err != nil {
		return 0, 0, fmt.Errorf("replace graphs: %w", err)
	}
	return added, removed, nil
}

// Bounds of BatchQuads.
const (
	// MinBatchQuads is the fewest quads BatchQuads asks a transaction to
	// hold, and what it asks of stores other than bbolt, whose
	// transactions do not hold the pages they change.
	MinBatchQuads = 8192
	// MaxBatchQuads is the most: beyond it a bigger transaction saves
	// little and makes the work an interruption throws away longer.
	MaxBatchQuads = 65536
)

// BatchQuads returns how many quads the next ReplaceGraphs should add and
// remove at most for its commit to write about budget bytes, from what
// the last commit wrote a quad, within [MinBatchQuads, MaxBatchQuads].
//
// bbolt holds every page a transaction changes in memory until the commit
// writes them, whole, and how many pages a quad changes grows with the
// store: a new store's small buckets take many quads a page, while on a
// store of gigabytes nearly every quad changes pages of its own (a commit
// of 8,192 quads wrote 15,500 pages, 63 MB, on a 6.6 GB store). A bound
// in bytes rather than quads lets transactions grow while they are cheap,
// which saves commits, and keeps memory flat as the store grows. It does
// not take the store's lock, so that a writer may ask while another
// batch is written.
func (s *Store) BatchQuads(budget int64) int {
	if s.bolt == nil {
		return MinBatchQuads
	}
	per := s.bolt.bytesPerQuad.Load()
	if per <= 0 {
		return MinBatchQuads
	}
	return int(min(max(budget/per, MinBatchQuads), MaxBatchQuads))
}

// replace replaces prepared graphs with distinct labels; the caller holds
// the write lock and runs a batch.
func (s *Store) replace(ctx context.Context, graphs []Graph) (added, removed int, err error) {
	if s.pg != nil {
		return s.pg.replace(ctx, graphs)
	}
	if s.bolt != nil && s.bolt.direct {
		return s.bolt.load(ctx, graphs)
	}
	var del, add []graph.Delta
	for _, g := range graphs {
		stored := make(map[quadKey]bool, len(g.Quads)) // wanted quad → already stored
		for _, q := range g.Quads {
			stored[keyOf(q)] = false
		}
		err = s.eachQuad(ctx, g.Label, func(q quad.Quad) bool {
			k := keyOf(q)
			if _, ok := stored[k]; ok {
				stored[k] = true
			} else {
				del = append(del, graph.Delta{Quad: q, Action: graph.Delete})
			}
			return true
		})
		if err != nil {
			return 0, 0, fmt.Errorf("read graph %s: %w", g.Label, err)
		}
		for _, q := range g.Quads {
			if !stored[keyOf(q)] {
				add = append(add, graph.Delta{Quad: q, Action: graph.Add})
			}
		}
	}
	// One call for all deletions and one for all additions: Cayley's
	// key-value stores spend much of a call updating their indexes, once
	// per call. They must be separate calls: given both, Cayley
	// (v0.7.7-0.20240706181042) drops from the added quads every node whose
	// reference count falls in the call, storing quads without their label
	// (or subject, or object).
	for _, d := range [][]graph.Delta{del, add} {
		if len(d) == 0 {
			continue
		}
		if err := s.h.ApplyDeltas(d, ignoreOpts()); err != nil {
			return 0, 0, err
		}
	}
	return len(add), len(del), nil
}

// DeleteGraph deletes every quad of the named graph label, in one write
// transaction, and returns how many there were.
func (s *Store) DeleteGraph(ctx context.Context, label quad.IRI) (removed int, err error) {
	lab, err := normalizeLabel(label)
	if err != nil {
		return 0, fmt.Errorf("delete graph %s: %w", label, err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return 0, ErrClosed
	}
	if err := ctx.Err(); err != nil {
		return 0, fmt.Errorf("delete graph %s: %w", label, err)
	}
	err = s.batch(ctx, func(ctx context.Context) error {
		_, removed, err = s.replace(ctx, []Graph{{Label: lab}})
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("delete graph %s: %w", label, err)
	}
	return removed, nil
}

// quadKey identifies a quad within one graph by the N-Quads forms of its
// subject, predicate and object, which is how Cayley identifies values.
type quadKey [3]string

func keyOf(q quad.Quad) quadKey {
	return quadKey{q.Subject.String(), q.Predicate.String(), q.Object.String()}
}

// prepareGraph checks and normalises a graph's label and quads, and drops
// duplicates, keeping the caller's order so that a store is built the same
// way every time.
func prepareGraph(g Graph) (Graph, error) {
	lab, err := normalizeLabel(g.Label)
	if err != nil {
		return Graph{}, err
	}
	// Canonical values are equal exactly when their N-Quads forms are,
	// and comparing them costs no string building.
	seen := make(map[[3]quad.Value]struct{}, len(g.Quads))
	out := Graph{Label: lab, Quads: make([]quad.Quad, 0, len(g.Quads))}
	for i, q := range g.Quads {
		nq, err := normalizeQuad(q, lab)
		if err != nil {
			return Graph{}, fmt.Errorf("quad %d (%v): %w", i, q, err)
		}
		k := [3]quad.Value{nq.Subject, nq.Predicate, nq.Object}
		if _, dup := seen[k]; !dup {
			seen[k] = struct{}{}
			out.Quads = append(out.Quads, nq)
		}
	}
	return out, nil
}

func normalizeLabel(label quad.IRI) (quad.IRI, error) {
	if label == "" {
		return "", errors.New("empty graph label")
	}
	return label.Full(), nil
}

// normalizeQuad checks that q is a valid RDF statement and returns it in
// the store's canonical form (see ReplaceGraphs) with the given label.
func normalizeQuad(q quad.Quad, label quad.IRI) (quad.Quad, error) {
	var out quad.Quad
	var err error
	switch q.Subject.(type) {
	case quad.IRI, quad.BNode:
		out.Subject, err = normalizeValue(q.Subject)
	default:
		return out, fmt.Errorf("subject %v is not an IRI or a blank node", q.Subject)
	}
	if err != nil {
		return out, err
	}
	if _, ok := q.Predicate.(quad.IRI); !ok {
		return out, fmt.Errorf("predicate %v is not an IRI", q.Predicate)
	}
	if out.Predicate, err = normalizeValue(q.Predicate); err != nil {
		return out, err
	}
	if out.Object, err = normalizeValue(q.Object); err != nil {
		return out, fmt.Errorf("object: %w", err)
	}
	out.Label = label
	return out, nil
}

// normalizeValue returns v in the store's canonical form (see ReplaceGraphs).
func normalizeValue(v quad.Value) (quad.Value, error) {
	switch v := v.(type) {
	case quad.IRI:
		if v == "" {
			return nil, errors.New("empty IRI")
		}
		// Nearly every IRI is an http(s) one, never a registered short
		// prefix: skip the lookup, a lock and a walk over every prefix.
		if strings.HasPrefix(string(v), "https://") || strings.HasPrefix(string(v), "http://") {
			return v, nil
		}
		return v.Full(), nil
	case quad.BNode:
		if v == "" {
			return nil, errors.New("empty blank node")
		}
		return v, nil
	case quad.String, quad.LangString:
		return v, nil
	case quad.TypedString:
		v.Type = v.Type.Full()
		if v.Type == xsdString {
			return v.Value, nil
		}
		return v, nil
	case quad.Int:
		return typed(strconv.FormatInt(int64(v), 10), xsdInteger), nil
	case quad.Float:
		return typed(formatDouble(float64(v)), xsdDouble), nil
	case quad.Bool:
		return typed(strconv.FormatBool(bool(v)), xsdBoolean), nil
	case quad.Time:
		return typed(time.Time(v).Format(time.RFC3339Nano), xsdDateTime), nil
	case nil:
		return nil, errors.New("missing value")
	default:
		return nil, fmt.Errorf("unsupported value %v of type %T", v, v)
	}
}

// Full XSD datatype IRIs.
const (
	xsdString   = quad.IRI(xsd.NS + "string")
	xsdInteger  = quad.IRI(xsd.NS + "integer")
	xsdDouble   = quad.IRI(xsd.NS + "double")
	xsdBoolean  = quad.IRI(xsd.NS + "boolean")
	xsdDateTime = quad.IRI(xsd.NS + "dateTime")
)

func typed(s string, datatype quad.IRI) quad.TypedString {
	return quad.TypedString{Value: quad.String(s), Type: datatype}
}

// formatDouble writes f in the lexical space of xsd:double.
func formatDouble(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "INF"
	case math.IsInf(f, -1):
		return "-INF"
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}
