package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sync/atomic"
	"time"

	"github.com/cayleygraph/cayley/graph"
	ckv "github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"
	hkv "github.com/hidal-go/hidalgo/kv"
	hbolt "github.com/hidal-go/hidalgo/kv/bbolt"
	bolt "go.etcd.io/bbolt"
)

// lockTimeout is how long Open waits for another process to release a bbolt
// file before saying it is in use. Cayley's own bbolt opener waits forever.
const lockTimeout = time.Second

// Keys of Cayley's key-value metadata (graph/kv, data version 2): the JSON
// list of quad indexes, and the number of live quads.
var (
	metaIndexesKey = hkv.Key{[]byte("meta"), []byte("indexes")}
	metaSizeKey    = hkv.Key{[]byte("meta"), []byte("size")}
)

// labelIndexDirs returns the directions of the index added to new bbolt
// stores. Cayley's default indexes start with the subject or the object, so
// without it every lookup by graph label (ReplaceGraphs, DeleteGraph, export
// of one graph, Gizmo's LabelContext) scans all quads. Putting the subject
// second also serves lookups by label and subject.
func labelIndexDirs() []quad.Direction { return []quad.Direction{quad.Label, quad.Subject} }

// boltKV is the key-value store under a bbolt-backed Cayley store. Outside a
// batch it is the bbolt file. A store with the label index is written by
// the loader (see load) in one bbolt transaction per batch; during a batch
// of a store without it, every transaction Cayley asks for is the batch's
// own, so that all the ApplyDeltas calls of a batch commit together, with
// one sync to disk.
type boltKV struct {
	hkv.KV
	db      *bolt.DB
	h       *graph.Handle   // over this KV
	indexes map[string]bool // names of the quad index buckets; read-only once open
	list    []ckv.QuadIndex // the quad indexes, in Cayley's order
	direct  bool            // the store has the label index: load writes it
	tx      hkv.Tx          // a Cayley batch's transaction, or nil; set under the Store's write lock
	btx     *bolt.Tx        // a loader batch's transaction, or nil; likewise
	// batchQuads counts the quads the loader batch under way adds and
	// removes, under the Store's write lock; bytesPerQuad is what the
	// last commit that changed quads wrote for each (0 before the first),
	// read without the lock by Store.BatchQuads.
	batchQuads   int
	bytesPerQuad atomic.Int64
}

// openBolt opens or creates the bbolt file at path as a Cayley quad store.
// It opens the file itself rather than through Cayley's registry, which
// would wait forever for another process's lock and would make path a
// directory.
func openBolt(ctx context.Context, path string) (*boltKV, error) {
	db, err := bolt.Open(path, 0o644, &bolt.Options{
		Timeout: lockTimeout,
		// Mapping address space (not memory, not disk) at once spares
		// bbolt its remaps, which copy every node the write transaction
		// touched, each time the file grows (see mapSize).
		InitialMmapSize: initialMmapSize(),
	})
	if errors.Is(err, bolt.ErrTimeout) {
		return nil, fmt.Errorf("store %s is in use by another process", path)
	}
	if err != nil {
		return nil, err
	}
	k := &boltKV{KV: hbolt.New(db), db: db}
	if err := ckv.Init(k, nil); err != nil && !errors.Is(err, graph.ErrDatabaseExists) {
		db.Close()
		return nil, fmt.Errorf("initialise %s: %w", path, err)
	}
	indexes, err := ensureLabelIndex(ctx, k)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("add label index to %s: %w", path, err)
	}
	k.list = indexes
	k.indexes = make(map[string]bool, len(indexes))
	for _, ind := range indexes {
		k.indexes[string(indexBucket(ind.Dirs))] = true
		k.direct = k.direct || slices.Equal(ind.Dirs, labelIndexDirs())
	}
	k.h = &graph.Handle{}
	if err := k.reopen(); err != nil {
		db.Close()
		return nil, err
	}
	return k, nil
}

// reopen makes a new Cayley quad store over the file, forgetting what the
// old one kept in memory: after a batch of the loader, which Cayley does
// not see, its cache from IRIs to node IDs may name deleted nodes.
//
// Cayley's Bloom filters are turned off: they take 400 MB of memory (sized
// for 100 million quads whatever the store), a scan of every quad when the
// store is opened, and are only used by Cayley's own writes, which are
// correct without them.
func (k *boltKV) reopen() error {
	qs, err := ckv.New(k, graph.Options{ckv.OptNoBloom: true})
	if err != nil {
		return err
	}
	h := newHandle(qs)
	k.h.QuadStore, k.h.QuadWriter = h.QuadStore, h.QuadWriter
	return nil
}

// Tx returns the batch's transaction during a batch and a new transaction
// otherwise.
func (k *boltKV) Tx(ctx context.Context, rw bool) (hkv.Tx, error) {
	if k.tx != nil {
		return kvTx{Tx: k.tx, indexes: k.indexes, shared: true, wrote: new(bool)}, nil
	}
	tx, err := k.KV.Tx(ctx, rw)
	if err != nil {
		return nil, err
	}
	return kvTx{Tx: tx, indexes: k.indexes, wrote: new(bool)}, nil
}

// kvTx is a transaction as given to Cayley. A shared one is the batch's,
// which only the batch commits or discards.
type kvTx struct {
	hkv.Tx
	indexes map[string]bool
	shared  bool
	wrote   *bool // the transaction wrote to the log
}

// Put notes writes to the log, which Cayley makes to add a quad or to
// mark one deleted.
func (tx kvTx) Put(ctx context.Context, key hkv.Key, val hkv.Value) error {
	if len(key) == 2 && bytes.Equal(key[0], bucketLog) && len(key[1]) > 0 { // not the bucket, which Init makes
		*tx.wrote = true
	}
	return tx.Tx.Put(ctx, key, val)
}

// Commit records in the file that Cayley has written quads (see
// cayleyWrote), then commits.
func (tx kvTx) Commit(ctx context.Context) error {
	if *tx.wrote {
		if err := tx.Tx.Put(ctx, hkv.Key{bucketMeta, keyCayleyWrote}, hkv.Value{1}); err != nil {
			return err
		}
	}
	if tx.shared {
		return nil
	}
	return tx.Tx.Commit(ctx)
}

// keyCayleyWrote, in the meta bucket, marks a store to which Cayley's own
// writer has written quads: it may have marked quads deleted in the log
// and left them in the index lists, which then cannot be trusted alone.
var keyCayleyWrote = []byte("newsgraph-cayley-wrote")

// cayleyWrote tells whether Cayley's writer has written to the store.
func cayleyWrote(tx *bolt.Tx) bool {
	meta := tx.Bucket(bucketMeta)
	return meta == nil || meta.Get(keyCayleyWrote) != nil
}

func (tx kvTx) Close() error {
	if tx.shared {
		return nil
	}
	return tx.Tx.Close()
}

// Get reads an absent entry of a quad index as an empty list of quads.
// Cayley only reads single index entries to size an iterator, and fails on
// an absent one: g.V(x).Out(p).Count() was an error "kv: not found" instead
// of 0 when x had no p.
func (tx kvTx) Get(ctx context.Context, key hkv.Key) (hkv.Value, error) {
	v, err := tx.Tx.Get(ctx, key)
	if errors.Is(err, hkv.ErrNotFound) && len(key) == 2 && tx.indexes[string(key[0])] {
		return hkv.Value{}, nil
	}
	return v, err
}

// batch runs fn in one bbolt transaction, committed if fn succeeds and
// discarded otherwise.
//
// Cayley's key-value store keeps state in memory that it updates as it
// writes, before committing, and that the loader's writes make stale: a
// cache from IRIs to node IDs. After a Cayley batch is discarded, it would
// describe writes that never happened (new quads would point to nodes that
// do not exist), and after a loader batch, nodes that may have been
// deleted; so the quad store is then reopened from the file.
func (k *boltKV) batch(ctx context.Context, fn func(context.Context) error) (err error) {
	if k.direct {
		return k.loaderBatch(ctx, fn)
	}
	tx, err := k.KV.Tx(ctx, true)
	if err != nil {
		return err
	}
	k.tx = tx
	committed := false
	defer func() { // also when fn panics, or the file would stay locked
		k.tx = nil
		if committed {
			return
		}
		tx.Close()
		if rerr := k.reopen(); rerr != nil {
			err = errors.Join(err, fmt.Errorf("reopen after a failed write: %w", rerr))
		}
	}()
	if err := fn(ctx); err != nil {
		return err
	}
	if err := tx.Commit(ctx); err != nil {
		return err
	}
	committed = true
	return nil
}

// loaderBatch runs fn, which writes with load, in one bbolt transaction.
func (k *boltKV) loaderBatch(ctx context.Context, fn func(context.Context) error) (err error) {
	tx, err := k.db.Begin(true)
	if err != nil {
		return err
	}
	k.btx, k.batchQuads = tx, 0
	defer func() { // also when fn panics, or the file would stay locked
		k.btx = nil
		if tx.DB() != nil { // not committed
			tx.Rollback()
		}
		if rerr := k.reopen(); rerr != nil {
			err = errors.Join(err, fmt.Errorf("reopen after a write: %w", rerr))
		}
	}()
	if err := fn(ctx); err != nil {
		return err
	}
	size := tx.Size()
	if err := releaseDuring(k.db, size, tx.Commit); err != nil {
		return err
	}
	trimMapping(k.db, size)
	if k.batchQuads > 0 {
		// PageAlloc is the bytes of the pages the commit wrote: bbolt
		// writes every page a transaction changed, whole.
		st := tx.Stats()
		k.bytesPerQuad.Store(max(1, st.GetPageAlloc()/int64(k.batchQuads)))
	}
	return nil
}

// load replaces prepared graphs with distinct labels during a loader
// batch.
func (k *boltKV) load(ctx context.Context, graphs []Graph) (added, removed int, err error) {
	if k.btx == nil {
		return 0, 0, errors.New("store: write outside a batch")
	}
	added, removed, err = load(ctx, k.btx, k.list, graphs)
	k.batchQuads += added + removed
	return added, removed, err
}

// ensureLabelIndex adds the label index to the list of indexes of a Cayley
// key-value store that has no live quads yet, and returns the list. Cayley
// reads the list when it opens the store and maintains every index in it
// from then on. A store that already has quads without the index (one made
// by Cayley's own tools) is left as it is: it works, but lookups by label
// scan it.
func ensureLabelIndex(ctx context.Context, db hkv.KV) (indexes []ckv.QuadIndex, err error) {
	err = hkv.Update(ctx, db, func(tx hkv.Tx) error {
		raw, err := tx.Get(ctx, metaIndexesKey)
		if err != nil {
			return fmt.Errorf("read index list: %w", err)
		}
		if err := json.Unmarshal(raw, &indexes); err != nil {
			return fmt.Errorf("decode index list: %w", err)
		}
		for _, ind := range indexes {
			if slices.Equal(ind.Dirs, labelIndexDirs()) {
				return nil
			}
		}
		size, err := tx.Get(ctx, metaSizeKey)
		switch {
		case errors.Is(err, hkv.ErrNotFound):
		case err != nil:
			return fmt.Errorf("read quad count: %w", err)
		case len(size) == 8 && binary.LittleEndian.Uint64(size) == 0:
		default:
			return nil
		}
		indexes = append(indexes, ckv.QuadIndex{Dirs: labelIndexDirs()})
		raw, err = json.Marshal(indexes)
		if err != nil {
			return err
		}
		return tx.Put(ctx, metaIndexesKey, raw)
	})
	return indexes, err
}
