package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	ckv "github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/cayley/query/shape"
	"github.com/cayleygraph/quad"
	bolt "go.etcd.io/bbolt"
)

// Cayley plans a step from a node along one predicate (g.V(x).Out(p)) as
// a scan of the index entry of the pair, and its scanner reads the log
// entries of the entry's quads a hundred at a time. A node's name is
// stated once per article naming it, so the entry of (entity, schema:name)
// holds thousands of quads, and label(id), which wants one of them
// (ToValue), made Cayley read and decode a hundred: half a millisecond a
// label, most of a query that names a few hundred actors. quadScan runs
// the same scan and reads the log as results are asked for: one entry for
// the first result, then batches that double up to maxScanBatch. Cayley's
// other plan for a step, each node's quads checked one by one (LinksTo),
// gets them from QuadIterator, the same scan over one node's prefix, which
// boltQueries.QuadIterator makes a quadScan too.

// maxScanBatch is the most log entries a quadScan reads at once.
const maxScanBatch = 128

// quadScan is Cayley's index scan, Scan, with quadScanIterator as its
// iterator.
type quadScan struct {
	Scan   ckv.IndexScan
	qs     *ckv.QuadStore
	values *queryValues
}

func (s quadScan) BuildIterator(graph.QuadStore) iterator.Shape {
	return &quadScanIterator{Shape: s.Scan.BuildIterator(s.qs), scan: s}
}

func (s quadScan) Optimize(ctx context.Context, r shape.Optimizer) (shape.Shape, bool) {
	return s, false
}

// QuadIterator returns the quads whose node in direction d is v: a
// quadScan of the index that starts with d, for subjects and objects, or
// Cayley's iterator.
func (q boltQueries) QuadIterator(d quad.Direction, v graph.Ref) iterator.Shape {
	id, ok := v.(ckv.Int64Value)
	if !ok || (d != quad.Subject && d != quad.Object) {
		return q.QuadStore.QuadIterator(d, v)
	}
	scan := ckv.IndexScan{Index: ckv.QuadIndex{Dirs: linkDirs(d)}, Values: []uint64{uint64(id)}}
	return quadScan{Scan: scan, qs: q.QuadStore, values: q.values}.BuildIterator(q)
}

// quadScanIterator is Cayley's iterator of an index scan, with a scanner
// of its own. Cayley's checks a quad without reading the store, and gives
// the size and costs.
type quadScanIterator struct {
	iterator.Shape
	scan quadScan
}

func (it *quadScanIterator) Iterate() iterator.Scanner {
	key := make([]byte, 0, 8*len(it.scan.Scan.Values))
	for _, v := range it.scan.Scan.Values {
		key = binary.BigEndian.AppendUint64(key, v)
	}
	return &quadScanNext{values: it.scan.values, bucket: indexBucket(it.scan.Scan.Index.Dirs), prefix: key, batch: 1}
}

func (it *quadScanIterator) Optimize(ctx context.Context) (iterator.Shape, bool) {
	return it, false
}

func (it *quadScanIterator) String() string { return "QuadScan(" + it.Shape.String() + ")" }

// quadScanNext lists the live quads under an index prefix, in the order
// of Cayley's scanner: keys in order, and the quads of a key as its entry
// lists them.
type quadScanNext struct {
	values         *queryValues
	bucket, prefix []byte
	ids            []byte // the quads of the prefix still to read, as index entries list them
	listed         bool
	batch          int                // IDs the next read takes
	buf            []*proto.Primitive // read and not yet given
	prim           *proto.Primitive
	err            error
}

func (it *quadScanNext) Next(ctx context.Context) bool {
	it.prim = nil
	if it.err != nil {
		return false
	}
	if !it.listed {
		it.listed = true
		it.err = it.values.view(func(tx *bolt.Tx, _ *valueCache) error {
			return it.list(tx)
		})
	}
	for len(it.buf) == 0 && len(it.ids) > 0 && it.err == nil {
		if it.err = ctx.Err(); it.err != nil {
			break
		}
		it.err = it.values.view(func(tx *bolt.Tx, _ *valueCache) error {
			return it.read(tx)
		})
		it.batch = min(2*it.batch, maxScanBatch)
	}
	if it.err != nil || len(it.buf) == 0 {
		return false
	}
	it.prim, it.buf = it.buf[0], it.buf[1:]
	return true
}

// list copies the index entries under the prefix. Their IDs are decoded
// as they are read: an entry may list thousands of quads, of which a
// query often wants one.
func (it *quadScanNext) list(tx *bolt.Tx) error {
	b := tx.Bucket(it.bucket)
	if b == nil {
		return nil
	}
	c := b.Cursor()
	for key, entry := c.Seek(it.prefix); key != nil && bytes.HasPrefix(key, it.prefix); key, entry = c.Next() {
		it.ids = append(it.ids, entry...) // lists of varints: their concatenation is one
	}
	return nil
}

// read adds the live quads among the next batch of IDs to buf. A quad
// missing from the log is skipped, as Cayley's scanner does.
func (it *quadScanNext) read(tx *bolt.Tx) error {
	log := tx.Bucket(bucketLog)
	if log == nil {
		it.ids = nil
		return nil
	}
	for range it.batch {
		if len(it.ids) == 0 {
			break
		}
		id, n := binary.Uvarint(it.ids)
		if n <= 0 {
			return fmt.Errorf("index %q under %x: bad list of quad IDs", it.bucket, it.prefix)
		}
		it.ids = it.ids[n:]
		p, ok, err := lookupPrim(log, id)
		if err != nil {
			return err
		}
		if ok && !p.deleted {
			it.buf = append(it.buf, &proto.Primitive{ID: p.id, Subject: p.dirs[0], Predicate: p.dirs[1], Object: p.dirs[2], Label: p.dirs[3]})
		}
	}
	return nil
}

func (it *quadScanNext) Result() refs.Ref {
	if it.prim == nil {
		return nil
	}
	return it.prim
}

func (it *quadScanNext) NextPath(ctx context.Context) bool  { return false }
func (it *quadScanNext) TagResults(dst map[string]refs.Ref) {}
func (it *quadScanNext) Err() error                         { return it.err }
func (it *quadScanNext) Close() error                       { return it.err }
func (it *quadScanNext) String() string                     { return "QuadScanNext" }
