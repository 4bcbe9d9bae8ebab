package store

import (
	"context"
	"sync"

	"github.com/cayleygraph/cayley/graph"
	ckv "github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"
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
	db     *bolt.DB
	mu     sync.Mutex // Gizmo asks from the goroutine that runs the script and from the caller's
	tx     *bolt.Tx
	values valueCache // over tx's log bucket, once tx is open
	closed bool       // the query is over: no transaction may be left open
}

// maxQueryValues bounds the values a query remembers.
const maxQueryValues = 1 << 16

// value returns the value of node id, or nil when id is not a node of the
// store, as Cayley's NameOf does.
func (q *queryValues) value(id uint64) (quad.Value, error) {
	var v quad.Value
	err := q.view(func(_ *bolt.Tx, values *valueCache) error {
		if values.log == nil { // a store without a log has no nodes
			return nil
		}
		var err error
		v, err = values.get(id)
		return err
	})
	return v, err
}

// view calls fn with the query's read transaction and its cache of values,
// opening the transaction at the first call. Calls are one at a time: Gizmo
// asks from the goroutine that runs the script and from the caller's.
func (q *queryValues) view(fn func(tx *bolt.Tx, values *valueCache) error) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.closed {
		// Asked after the query ended (Gizmo's goroutine may still
		// be winding down): a transaction of its own, or the store
		// could never close.
		return q.db.View(func(tx *bolt.Tx) error {
			return fn(tx, &valueCache{log: tx.Bucket(bucketLog)})
		})
	}
	if q.tx == nil {
		tx, err := q.db.Begin(false)
		if err != nil {
			return err
		}
		q.tx, q.values = tx, valueCache{log: tx.Bucket(bucketLog), max: maxQueryValues}
	}
	return fn(q.tx, &q.values)
}

// close ends the transaction, if one was opened.
func (q *queryValues) close() {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.closed = true
	if q.tx != nil {
		q.tx.Rollback()
		q.tx, q.values = nil, valueCache{}
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
