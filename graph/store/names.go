package store

import (
	"context"
	"fmt"
	"sync"

	"github.com/cayleygraph/cayley/graph"
	ckv "github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
	bolt "go.etcd.io/bbolt"
)

// queryValues reads nodes' values for one Gizmo query on a bbolt store:
// Gizmo asks the value of every result and tag, one at a time, and
// Cayley's store opens a transaction, looks up its bucket and decodes a
// protobuf message for each (150 ms of a 390 ms query returning 29,413
// nodes). queryValues reads them in one read transaction, opened at the
// first value and closed with the query, decodes log entries with the
// loader's decoder, and remembers the values of the query's nodes, which
// come back again and again as tags. The store's read lock, held for the
// whole query, keeps writes out meanwhile.
type queryValues struct {
	db *bolt.DB
	mu sync.Mutex // Gizmo asks from the goroutine that runs the script and from the caller's
	tx *bolt.Tx
	// log is the transaction's log bucket; nil in a store without one.
	log    *bolt.Bucket
	values map[uint64]quad.Value
}

// maxQueryValues bounds the values a query remembers.
const maxQueryValues = 1 << 16

// value returns the value of node id, or nil when id is not a node of the
// store, as Cayley's NameOf does.
func (q *queryValues) value(id uint64) (quad.Value, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if v, ok := q.values[id]; ok {
		return v, nil
	}
	if q.tx == nil {
		tx, err := q.db.Begin(false)
		if err != nil {
			return nil, err
		}
		q.tx, q.log, q.values = tx, tx.Bucket(bucketLog), make(map[uint64]quad.Value)
	}
	if q.log == nil {
		return nil, nil
	}
	raw := q.log.Get(idKey(id))
	if raw == nil {
		return nil, nil
	}
	p, err := decodePrimitive(raw)
	if err != nil {
		return nil, fmt.Errorf("store: node %d: %w", id, err)
	}
	var v quad.Value
	if len(p.value) > 0 { // else a quad's entry, not a node's
		if v, err = pquads.UnmarshalValue(p.value); err != nil {
			return nil, fmt.Errorf("store: value of node %d: %w", id, err)
		}
	}
	if len(q.values) >= maxQueryValues {
		clear(q.values)
	}
	q.values[id] = v
	return v, nil
}

// close ends the transaction, if one was opened.
func (q *queryValues) close() {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.tx != nil {
		q.tx.Rollback()
		q.tx, q.log, q.values = nil, nil, nil
	}
}

// NameOf returns the value of node v, reading it with the query's
// queryValues.
func (q boltQueries) NameOf(v graph.Ref) (quad.Value, error) {
	id, ok := v.(ckv.Int64Value)
	if !ok || q.values == nil {
		return q.QuadStore.NameOf(v)
	}
	return q.values.value(uint64(id))
}

// ValuesOf returns the values of nodes vals as NameOf does.
func (q boltQueries) ValuesOf(ctx context.Context, vals []graph.Ref) ([]quad.Value, error) {
	out := make([]quad.Value, len(vals))
	for i, v := range vals {
		if v == nil {
			continue
		}
		var err error
		if out[i], err = q.NameOf(v); err != nil {
			return out, err
		}
	}
	return out, nil
}
