package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"

	ckv "github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"
	bolt "go.etcd.io/bbolt"
)

// Reads of the loader's stores straight from Cayley's layout (see load),
// where Cayley's iterators would read every quad: Stats and Subjects must
// stay fast on stores of tens of millions of quads, since ingest calls
// them for every batch and every summary.

// stats counts the store's quads (Cayley's own count), nodes (the entries
// of the value buckets) and graphs (the labels in the label index with a
// live quad).
func (k *boltKV) stats(ctx context.Context) (Stats, error) {
	var st Stats
	var size int64
	err := k.db.View(func(tx *bolt.Tx) error {
		size = tx.Size()
		// The count reads a large part of the file: let the kernel take
		// back the pages read as it goes, or they would all count in
		// the process's memory at once (0.7 GB on a 1 GB store).
		read := 0
		release := func() {
			if read++; read%256 == 0 {
				trimMapping(k.db, size)
			}
		}
		l := newLoader(tx)
		quads, err := l.meta(keySize)
		if err != nil {
			return err
		}
		st.Quads = quads
		c := tx.Cursor()
		for name, v := c.Seek([]byte{'v'}); name != nil && name[0] == 'v'; name, v = c.Next() {
			if v == nil && len(name) == 3 {
				st.Nodes += int64(tx.Bucket(name).Stats().KeyN)
				release()
			}
		}
		labels := tx.Bucket(indexBucket(labelIndexDirs()))
		if labels == nil {
			return nil
		}
		c = labels.Cursor()
		key, v := c.First()
		for key != nil {
			if err := ctx.Err(); err != nil {
				return err
			}
			label := binary.BigEndian.Uint64(key)
			live := false
			for ; key != nil && binary.BigEndian.Uint64(key) == label; key, v = c.Next() {
				if live, err = l.anyLive(v); err != nil || live {
					break
				}
			}
			if err != nil {
				return err
			}
			release()
			if !live {
				continue // key is the next label's
			}
			st.Graphs++
			if label == ^uint64(0) {
				break
			}
			key, v = c.Seek(binary.BigEndian.AppendUint64(nil, label+1))
		}
		return nil
	})
	if err != nil {
		return Stats{}, fmt.Errorf("store stats: %w", err)
	}
	trimMapping(k.db, size)
	return st, ctx.Err()
}

// anyLive tells whether an index entry names a live quad: the loader
// removes the quads it deletes, but Cayley, writing through the handle,
// only marks them deleted. It reads the entry's IDs one at a time and
// stops at the first live quad, usually the first: an entry of a common
// key (rdf:type ng:Relation of a relation used in every article) lists
// tens of thousands of quads, and decoding them all cost about 0.3 ms
// an entry.
func (l *loader) anyLive(entry []byte) (bool, error) {
	for len(entry) > 0 {
		id, n := binary.Uvarint(entry)
		if n <= 0 {
			return false, errors.New("bad list of quad IDs")
		}
		entry = entry[n:]
		p, err := l.readPrim(id)
		if err != nil {
			return false, err
		}
		if !p.deleted {
			return true, nil
		}
	}
	return false, nil
}

// subjectIndex is the index giving subjects by object and predicate, one
// of Cayley's defaults.
func (k *boltKV) subjectIndex() bool {
	return slices.ContainsFunc(k.list, func(ind ckv.QuadIndex) bool {
		return slices.Equal(ind.Dirs, []quad.Direction{quad.Object, quad.Predicate, quad.Subject})
	})
}

// subjects returns the distinct subjects of the live quads with predicate p
// and object o (both canonical), sorted by their N-Quads form, reading
// them from the keys of the object-predicate-subject index.
func (k *boltKV) subjects(ctx context.Context, p quad.IRI, o quad.Value) ([]quad.Value, error) {
	var out []quad.Value
	err := k.db.View(func(tx *bolt.Tx) error {
		l := newLoader(tx)
		pn, on := l.node(p), l.node(o)
		if err := l.resolve(); err != nil {
			return err
		}
		if pn.id == 0 || on.id == 0 {
			return nil
		}
		b := tx.Bucket(indexBucket([]quad.Direction{quad.Object, quad.Predicate, quad.Subject}))
		if b == nil {
			return nil
		}
		prefix := binary.BigEndian.AppendUint64(binary.BigEndian.AppendUint64(nil, on.id), pn.id)
		c := b.Cursor()
		for key, v := c.Seek(prefix); key != nil && bytes.HasPrefix(key, prefix); key, v = c.Next() {
			if err := ctx.Err(); err != nil {
				return err
			}
			if live, err := l.anyLive(v); err != nil || !live {
				if err != nil {
					return err
				}
				continue
			}
			s, err := l.nodeByID(binary.BigEndian.Uint64(key[16:]))
			if err != nil {
				return err
			}
			out = append(out, s.val)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("subjects: %w", err)
	}
	slices.SortFunc(out, func(a, b quad.Value) int {
		return bytes.Compare([]byte(quad.ToString(a)), []byte(quad.ToString(b)))
	})
	return out, ctx.Err()
}

// quadsWith calls fn with every live quad whose predicate is one of preds
// (canonical), in the order of their IDs, until fn returns false. Cayley's
// layout has no index that starts with the predicate, so its iterators
// read every quad once per predicate; this reads the log once, in key
// order, and looks up only the values of the quads it keeps.
func (k *boltKV) quadsWith(ctx context.Context, preds []quad.IRI, fn func(quad.Quad) bool) error {
	return k.db.View(func(tx *bolt.Tx) error {
		l := newLoader(tx)
		want := map[uint64]bool{}
		nodes := make([]*node, len(preds))
		for i, p := range preds {
			nodes[i] = l.node(p)
		}
		if err := l.resolve(); err != nil {
			return err
		}
		for _, n := range nodes {
			if n.id != 0 {
				want[n.id] = true
			}
		}
		log := tx.Bucket(bucketLog)
		if len(want) == 0 || log == nil {
			return nil
		}
		size := tx.Size()
		defer trimMapping(k.db, size)
		values := valueCache{log: log, max: maxCachedValues}
		c := log.Cursor()
		read := 0
		for key, raw := c.First(); key != nil; key, raw = c.Next() {
			if read++; read%(64<<10) == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
				// A scan reads the whole log: let the kernel take back
				// the pages behind it.
				trimMapping(k.db, size)
			}
			p, err := decodePrimitive(raw)
			if err != nil {
				return fmt.Errorf("log entry %x: %w", key, err)
			}
			if p.value != nil || p.deleted || !want[p.dirs[1]] {
				continue
			}
			var q quad.Quad
			for i, id := range p.dirs {
				if id == 0 {
					continue // no label
				}
				v, err := values.get(id)
				if err == nil && v == nil {
					err = fmt.Errorf("store: node %d is missing from the log", id)
				}
				if err != nil {
					return err
				}
				q.Set(quad.Directions[i], v)
			}
			if !fn(q) {
				return nil
			}
		}
		return ctx.Err()
	})
}

// valueCache reads nodes' values from the log by ID (nil for an ID that is
// no node, see nodeValue), remembering up to max of them: a scan or a query
// meets the same predicates, labels and entities again and again.
type valueCache struct {
	log    *bolt.Bucket
	max    int
	values map[uint64]quad.Value
}

// maxCachedValues is the most values a scan of the store remembers.
const maxCachedValues = 1 << 20

func (c *valueCache) get(id uint64) (quad.Value, error) {
	if v, ok := c.values[id]; ok {
		return v, nil
	}
	v, err := nodeValue(c.log, id)
	if err != nil {
		return nil, err
	}
	if c.values == nil {
		c.values = make(map[uint64]quad.Value)
	} else if len(c.values) >= c.max {
		clear(c.values)
	}
	c.values[id] = v
	return v, nil
}
