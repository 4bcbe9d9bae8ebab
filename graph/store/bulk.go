package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"time"

	ckv "github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
	bolt "go.etcd.io/bbolt"
)

// The bbolt stores' writes bypass Cayley's key-value layer, which spends
// most of a write on bookkeeping that ReplaceGraphs does not need (Bloom
// filters of 100 million entries, a read of every index entry before it is
// rewritten, one lookup of each new quad in every index to skip duplicates,
// protobuf reflection) and keeps per-call state in memory. The loader
// writes the same layout, which Cayley (graph/kv, data version 2) reads and
// writes as its own, in the batch's bbolt transaction. In hidalgo's mapping
// of Cayley's keys to bbolt, the first part of a key names a top-level
// bucket and the second is the key in it:
//
//	meta/version, meta/size, meta/horizon
//	        little-endian int64s: the layout's version, the number of live
//	        quads, the last ID given to a node or a quad
//	meta/indexes
//	        the JSON list of quad indexes
//	log/ID  (ID as 8 big-endian bytes) a protobuf Primitive: a node (ID,
//	        Value, the value in pquads' encoding) or a quad (ID and the IDs
//	        of its Subject, Predicate, Object and Label; Deleted once Cayley
//	        deletes it)
//	v<h0><h1>/HASH
//	        the uvarint ID of the node whose value hashes (quad.HashOf,
//	        SHA-1 of its N-Quads form) to HASH = h0 h1 ...
//	n<h0><h1>/HASH
//	        the uvarint number of references to that node: one per live
//	        quad and direction; the node is deleted when it reaches 0
//	<dirs>/IDs
//	        for each quad index ("sp", "ops", and the label index "cs"):
//	        key the 8-byte big-endian IDs of the values in those
//	        directions, value the ascending uvarint IDs of the quads with
//	        them
//
// Cayley deletes a quad by marking its log entry Deleted and leaves its ID
// in the index lists; the loader removes deleted quads from the log and
// the lists, which Cayley reads as quads that never were, so that
// replacing articles again and again does not grow the store. Quads that
// Cayley marked deleted are skipped as Cayley skips them.

// Bucket and key names of the layout.
var (
	bucketMeta = []byte("meta")
	bucketLog  = []byte("log")
	keySize    = []byte("size")
	keyHorizon = []byte("horizon")
)

// valueHash identifies a value in Cayley's layout: quad.HashOf's SHA-1 of
// its N-Quads form.
type valueHash [quad.HashSize]byte

// node is a value written or read by a batch.
type node struct {
	val  quad.Value // nil until known for a node found by ID
	hash valueHash
	id   uint64 // 0 while the store has no such node
	// delta is the change of the node's reference count in the batch.
	delta   int64
	created bool // by the batch
}

// prim is a quad's log entry: its ID and the IDs of its values, in the
// order of quad.Directions (subject, predicate, object, label).
type prim struct {
	id      uint64
	dirs    [4]uint64
	deleted bool
}

// loader is one batch of graph replacements written into a bbolt
// transaction.
type loader struct {
	tx      *bolt.Tx
	indexes []ckv.QuadIndex
	byValue map[quad.Value]*node
	byHash  map[valueHash]*node
	byID    map[uint64]*node
	buckets map[string]*bolt.Bucket
	now     int64  // the Timestamp of new log entries, which Cayley never reads
	horizon uint64 // the last ID given before the batch
	arena   arena
	scratch []byte
	touches int // reads of the file since the batch began, see touched
}

// newLoader returns a loader over tx that knows no nodes yet; reads need
// no more, a batch sets its indexes and timestamp.
func newLoader(tx *bolt.Tx) *loader {
	return &loader{
		tx:      tx,
		byValue: make(map[quad.Value]*node),
		byHash:  make(map[valueHash]*node),
		byID:    make(map[uint64]*node),
		buckets: make(map[string]*bolt.Bucket),
	}
}

// load makes each of graphs (prepared, with distinct labels) hold exactly
// its quads, writing into tx, and returns how many quads it added and
// removed. indexes are the store's quad indexes, the label index among
// them.
func load(ctx context.Context, tx *bolt.Tx, indexes []ckv.QuadIndex, graphs []Graph) (added, removed int, err error) {
	l := newLoader(tx)
	l.indexes, l.now = indexes, time.Now().UnixNano()
	h, err := l.meta(keyHorizon)
	if err != nil {
		return 0, 0, err
	}
	l.horizon = uint64(h)
	labels := make([]*node, len(graphs))
	wanted := make([][][4]*node, len(graphs))
	for i, g := range graphs {
		labels[i] = l.node(g.Label)
		wanted[i] = make([][4]*node, len(g.Quads))
		for j, q := range g.Quads {
			wanted[i][j] = [4]*node{l.node(q.Subject), l.node(q.Predicate), l.node(q.Object), labels[i]}
		}
	}
	if err := l.resolve(); err != nil {
		return 0, 0, err
	}
	l.releasePages()
	var adds [][4]*node
	var dels []prim
	for i := range graphs {
		if err := ctx.Err(); err != nil {
			return 0, 0, err
		}
		stored, err := l.graphQuads(labels[i].id)
		if err != nil {
			return 0, 0, fmt.Errorf("read graph %s: %w", graphs[i].Label, err)
		}
		for _, n := range wanted[i] {
			if n[0].id != 0 && n[1].id != 0 && n[2].id != 0 && n[3].id != 0 {
				k := [3]uint64{n[0].id, n[1].id, n[2].id}
				if _, ok := stored[k]; ok {
					delete(stored, k) // kept as it is
					continue
				}
			}
			adds = append(adds, n)
		}
		for _, p := range stored {
			dels = append(dels, p)
		}
	}
	slices.SortFunc(dels, func(a, b prim) int { return cmpUint64(a.id, b.id) })
	for _, n := range adds {
		for _, x := range n {
			x.delta++
		}
	}
	for _, p := range dels {
		for _, id := range p.dirs {
			n, err := l.nodeByID(id)
			if err != nil {
				return 0, 0, err
			}
			n.delta--
		}
	}
	if err := ctx.Err(); err != nil {
		return 0, 0, err
	}
	if err := l.writeNodes(); err != nil {
		return 0, 0, err
	}
	l.releasePages()
	if err := l.writeQuads(adds, dels); err != nil {
		return 0, 0, err
	}
	return len(adds), len(dels), nil
}

// releasePages lets the kernel take back the pages of the file's memory
// map that the batch has read so far: on a store of gigabytes, a batch
// reads pages all over the file, which would otherwise all count in the
// process's memory until the batch ends (see releaseMapping).
func (l *loader) releasePages() {
	trimMapping(l.tx.DB(), l.tx.Size())
}

// touched counts one more random read of the file, and releases the pages
// read every releaseEvery of them, which bounds the file pages a batch
// holds (4 KiB each) whatever the batch's and the store's size.
func (l *loader) touched() {
	if l.touches++; l.touches%releaseEvery == 0 {
		l.releasePages()
	}
}

// releaseEvery is the number of reads between two releases of the file's
// pages: each release is one system call over the whole mapping.
const releaseEvery = 8192

// node returns the batch's node for v, a value in the store's canonical
// form.
func (l *loader) node(v quad.Value) *node {
	if n, ok := l.byValue[v]; ok {
		return n
	}
	var h valueHash
	quad.HashTo(v, h[:])
	n, ok := l.byHash[h]
	if !ok {
		n = &node{val: v, hash: h}
		l.byHash[h] = n
	}
	l.byValue[v] = n
	return n
}

// resolve finds the IDs of the batch's values that the store has.
func (l *loader) resolve() error {
	for _, n := range l.sortedNodes() {
		b := l.bucket(valueBucket('v', n.hash))
		if b == nil {
			continue
		}
		l.touched()
		if v := b.Get(n.hash[:]); v != nil {
			id, k := binary.Uvarint(v)
			if k <= 0 || id == 0 {
				return fmt.Errorf("store: bad ID of value %v", n.val)
			}
			n.id = id
			l.byID[id] = n
		}
	}
	return nil
}

// sortedNodes returns the batch's nodes in the order of their hashes, the
// order of their keys.
func (l *loader) sortedNodes() []*node {
	out := make([]*node, 0, len(l.byHash))
	for _, n := range l.byHash {
		out = append(out, n)
	}
	slices.SortFunc(out, func(a, b *node) int { return bytes.Compare(a.hash[:], b.hash[:]) })
	return out
}

// graphQuads returns the live quads of the graph whose label has the given
// ID (none if 0), by their subject, predicate and object IDs, from the
// label index.
func (l *loader) graphQuads(label uint64) (map[[3]uint64]prim, error) {
	out := make(map[[3]uint64]prim)
	if label == 0 {
		return out, nil
	}
	b := l.bucket(indexBucket(labelIndexDirs()))
	if b == nil {
		return nil, errors.New("the store has no label index")
	}
	var prefix [8]byte
	binary.BigEndian.PutUint64(prefix[:], label)
	c := b.Cursor()
	for k, v := c.Seek(prefix[:]); k != nil && bytes.HasPrefix(k, prefix[:]); k, v = c.Next() {
		ids, err := decodeIDs(v)
		if err != nil {
			return nil, fmt.Errorf("label index: %w", err)
		}
		for _, id := range ids {
			l.touched()
			p, err := l.readPrim(id)
			if err != nil {
				return nil, err
			}
			if p.deleted || p.dirs[3] != label {
				continue
			}
			out[[3]uint64{p.dirs[0], p.dirs[1], p.dirs[2]}] = p
		}
	}
	return out, nil
}

// nodeByID returns the batch's node with the given ID, reading its value
// from the log if the batch does not know it yet.
func (l *loader) nodeByID(id uint64) (*node, error) {
	if n, ok := l.byID[id]; ok {
		return n, nil
	}
	v, err := readValue(l.bucket(bucketLog), id)
	if err != nil {
		return nil, err
	}
	n := l.node(v)
	if n.id != 0 && n.id != id {
		return nil, fmt.Errorf("store: value %v has two IDs, %d and %d", v, n.id, id)
	}
	n.id = id
	l.byID[id] = n
	return n, nil
}

// readValue reads the value of node id from the log bucket; it is an
// error for the log to have no such node.
func readValue(log *bolt.Bucket, id uint64) (quad.Value, error) {
	v, err := nodeValue(log, id)
	if err == nil && v == nil {
		err = fmt.Errorf("store: node %d is missing from the log", id)
	}
	return v, err
}

// nodeValue reads the value of node id from the log bucket: nil when the
// log has no entry id, or a quad's, as Cayley's NameOf gives.
func nodeValue(log *bolt.Bucket, id uint64) (quad.Value, error) {
	raw := log.Get(idKey(id))
	if raw == nil {
		return nil, nil
	}
	p, err := decodePrimitive(raw)
	if err != nil {
		return nil, fmt.Errorf("store: node %d: %w", id, err)
	}
	if len(p.value) == 0 {
		return nil, nil
	}
	v, err := pquads.UnmarshalValue(p.value)
	if err != nil {
		return nil, fmt.Errorf("store: value of node %d: %w", id, err)
	}
	return v, nil
}

// readPrim reads the log entry of quad id.
func (l *loader) readPrim(id uint64) (prim, error) {
	return readPrim(l.bucket(bucketLog), id)
}

// readPrim reads the log entry of quad id from the log bucket.
func readPrim(log *bolt.Bucket, id uint64) (prim, error) {
	p, ok, err := lookupPrim(log, id)
	if err == nil && !ok {
		err = fmt.Errorf("store: quad %d is missing from the log", id)
	}
	return p, err
}

// lookupPrim reads the log entry of quad id, if the log has one.
func lookupPrim(log *bolt.Bucket, id uint64) (prim, bool, error) {
	raw := log.Get(idKey(id))
	if raw == nil {
		return prim{}, false, nil
	}
	p, err := decodePrimitive(raw)
	if err != nil {
		return prim{}, false, fmt.Errorf("store: quad %d: %w", id, err)
	}
	if p.value != nil {
		return prim{}, false, fmt.Errorf("store: quad %d is a node", id)
	}
	return prim{id: id, dirs: p.dirs, deleted: p.deleted}, true, nil
}

// writeNodes creates the batch's new nodes, updates the reference counts of
// the others and deletes the nodes no quad refers to any more.
func (l *loader) writeNodes() error {
	nodes := l.sortedNodes()
	var fresh []*node
	for _, n := range nodes {
		if n.id == 0 && n.delta > 0 {
			fresh = append(fresh, n)
		}
	}
	first, err := l.genIDs(len(fresh))
	if err != nil {
		return err
	}
	for i, n := range fresh {
		n.id, n.created = first+uint64(i), true
		l.byID[n.id] = n
		raw, err := pquads.MarshalValue(n.val)
		if err != nil {
			return fmt.Errorf("store: encode %v: %w", n.val, err)
		}
		if err := l.put(valueBucket('v', n.hash), n.hash[:], l.arena.uvarint(n.id)); err != nil {
			return err
		}
		l.scratch = appendPrimitive(l.scratch[:0], primitive{id: n.id, value: raw, timestamp: l.now})
		if err := l.put(bucketLog, l.arena.uint64(n.id), l.arena.copy(l.scratch)); err != nil {
			return err
		}
	}
	for _, n := range nodes {
		if n.id == 0 || n.delta == 0 {
			continue
		}
		l.touched()
		refs := l.bucket(valueBucket('n', n.hash))
		count := n.delta
		if refs != nil && !n.created {
			if v := refs.Get(n.hash[:]); v != nil {
				c, k := binary.Uvarint(v)
				if k <= 0 {
					return fmt.Errorf("store: bad reference count of node %d", n.id)
				}
				count += int64(c)
			}
		}
		if count > 0 {
			if err := l.put(valueBucket('n', n.hash), n.hash[:], l.arena.uvarint(uint64(count))); err != nil {
				return err
			}
			continue
		}
		for _, del := range []struct{ bucket, key []byte }{
			{valueBucket('n', n.hash), n.hash[:]},
			{valueBucket('v', n.hash), n.hash[:]},
			{bucketLog, idKey(n.id)},
		} {
			if b := l.bucket(del.bucket); b != nil {
				if err := b.Delete(del.key); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// writeQuads adds the quads adds with new IDs, deletes dels, updates every
// index and the count of quads.
func (l *loader) writeQuads(adds [][4]*node, dels []prim) error {
	first, err := l.genIDs(len(adds))
	if err != nil {
		return err
	}
	log := l.bucket(bucketLog)
	if log == nil {
		return errors.New("store: no log bucket")
	}
	// New IDs are above every ID given before, so log entries are
	// appended: fill pages whole.
	log.FillPercent = 1
	deleted := make(map[uint64]bool, len(dels))
	for _, p := range dels {
		deleted[p.id] = true
		if err := log.Delete(idKey(p.id)); err != nil {
			return err
		}
	}
	var scratch []byte
	for i, n := range adds {
		id := first + uint64(i)
		scratch = appendPrimitive(scratch[:0], primitive{id: id, dirs: [4]uint64{n[0].id, n[1].id, n[2].id, n[3].id}, timestamp: l.now})
		if err := log.Put(l.arena.uint64(id), l.arena.copy(scratch)); err != nil {
			return err
		}
	}
	// dels are in ascending order of ID, and adds follow with IDs above
	// every stored one: entries are made in ascending order of ID, which
	// sortEntries needs.
	entries := make([]indexEntry, 0, len(adds)+len(dels))
	spare := make([]indexEntry, len(adds)+len(dels))
	for _, ind := range l.indexes {
		b, err := l.tx.CreateBucketIfNotExists(indexBucket(ind.Dirs))
		if err != nil {
			return fmt.Errorf("store: index %s: %w", indexBucket(ind.Dirs), err)
		}
		entries = entries[:0]
		for _, p := range dels {
			entries = append(entries, indexEntryOf(ind, p.dirs, p.id))
		}
		for i, n := range adds {
			entries = append(entries, indexEntryOf(ind, [4]uint64{n[0].id, n[1].id, n[2].id, n[3].id}, first+uint64(i)))
		}
		sorted, rest := sortEntries(entries, spare)
		for todo := sorted; len(todo) > 0; {
			j := 1
			for j < len(todo) && todo[j].key == todo[0].key {
				j++
			}
			if err := l.updateEntry(b, len(ind.Dirs), todo[:j], deleted); err != nil {
				return fmt.Errorf("store: index %s: %w", indexBucket(ind.Dirs), err)
			}
			todo = todo[j:]
		}
		entries, spare = sorted[:0], rest
		l.releasePages()
	}
	return l.addMeta(keySize, int64(len(adds)-len(dels)))
}

// indexEntry is a quad to add to or remove from an index entry.
type indexEntry struct {
	key [3]uint64 // the IDs of the quad's values in the index's directions
	id  uint64    // the quad's
}

func indexEntryOf(ind ckv.QuadIndex, dirs [4]uint64, id uint64) indexEntry {
	e := indexEntry{id: id}
	for i, d := range ind.Dirs {
		e.key[i] = dirs[dirIndex(d)]
	}
	return e
}

// sortEntries sorts entries, given in ascending order of ID, as the index
// orders them: by key, then by ID. It is a stable radix sort on the bytes of
// the keys, last byte first, that skips the bytes every entry has alike:
// IDs are small numbers, so a key of three IDs takes a few passes, where a
// comparison sort took a fifth of a batch's time. spare is a slice of the
// same length; sortEntries returns the sorted entries and the other slice.
func sortEntries(entries, spare []indexEntry) (sorted, other []indexEntry) {
	if len(entries) < 2 {
		return entries, spare
	}
	spare = spare[:len(entries)]
	for k := len(entries[0].key) - 1; k >= 0; k-- {
		var differ uint64 // the bits of key k that differ between entries
		for _, e := range entries {
			differ |= e.key[k] ^ entries[0].key[k]
		}
		for shift := 0; shift < 64; shift += 8 {
			if byte(differ>>shift) == 0 {
				continue
			}
			var start [256]int
			for _, e := range entries {
				start[byte(e.key[k]>>shift)]++
			}
			n := 0
			for i, c := range start {
				start[i], n = n, n+c
			}
			for _, e := range entries {
				b := byte(e.key[k] >> shift)
				spare[start[b]] = e
				start[b]++
			}
			entries, spare = spare, entries
		}
	}
	return entries, spare
}

// updateEntry updates the entry of index bucket b under the key of
// entries, which all have that key, sorted by ID: the IDs in deleted go,
// the others come. A key naming a node made by this batch is new, and is
// written without reading.
func (l *loader) updateEntry(b *bolt.Bucket, dirs int, entries []indexEntry, deleted map[uint64]bool) error {
	l.touched()
	key := l.arena.alloc(8 * dirs)
	fresh := false
	for i := range dirs {
		binary.BigEndian.PutUint64(key[8*i:], entries[0].key[i])
		fresh = fresh || entries[0].key[i] > l.horizon
	}
	var stored []byte
	if !fresh {
		stored = b.Get(key)
	}
	// The entries name the quads of this key that go (those in deleted)
	// and those that come, whose IDs are above every ID stored.
	if !slices.ContainsFunc(entries, func(e indexEntry) bool { return deleted[e.id] }) {
		// The entries of common keys (an entity's rdf:type, in every
		// article naming it) list tens of thousands of quads: new ones
		// go after the list as it is, without decoding it.
		l.scratch = append(l.scratch[:0], stored...)
		for _, e := range entries {
			l.scratch = binary.AppendUvarint(l.scratch, e.id)
		}
		return b.Put(key, l.arena.copy(l.scratch))
	}
	ids, err := decodeIDs(stored)
	if err != nil {
		return err
	}
	// The stored IDs and the entries are both ascending: walk them
	// together.
	j := 0
	ids = slices.DeleteFunc(ids, func(id uint64) bool {
		for j < len(entries) && entries[j].id < id {
			j++
		}
		return j < len(entries) && entries[j].id == id && deleted[id]
	})
	for _, e := range entries {
		if !deleted[e.id] {
			ids = append(ids, e.id)
		}
	}
	if len(ids) == 0 {
		return b.Delete(key)
	}
	l.scratch = appendIDs(l.scratch[:0], ids)
	return b.Put(key, l.arena.copy(l.scratch))
}

// genIDs reserves n IDs and returns the first.
func (l *loader) genIDs(n int) (uint64, error) {
	if n == 0 {
		return 0, nil
	}
	h, err := l.meta(keyHorizon)
	if err != nil {
		return 0, err
	}
	return uint64(h) + 1, l.addMeta(keyHorizon, int64(n))
}

// meta reads one of the layout's counters.
func (l *loader) meta(key []byte) (int64, error) {
	b := l.bucket(bucketMeta)
	if b == nil {
		return 0, errors.New("store: no meta bucket")
	}
	v := b.Get(key)
	switch len(v) {
	case 0:
		return 0, nil
	case 8:
		return int64(binary.LittleEndian.Uint64(v)), nil
	}
	return 0, fmt.Errorf("store: bad meta/%s", key)
}

// addMeta adds n to one of the layout's counters.
func (l *loader) addMeta(key []byte, n int64) error {
	if n == 0 {
		return nil
	}
	v, err := l.meta(key)
	if err != nil {
		return err
	}
	return l.put(bucketMeta, key, binary.LittleEndian.AppendUint64(nil, uint64(v+n)))
}

// bucket returns the top-level bucket name, or nil if there is none.
func (l *loader) bucket(name []byte) *bolt.Bucket {
	if b, ok := l.buckets[string(name)]; ok {
		return b
	}
	b := l.tx.Bucket(name)
	if b != nil {
		l.buckets[string(name)] = b
	}
	return b
}

// put writes key and value in the top-level bucket name, creating it if
// needed. bbolt keeps both slices until the transaction ends: they must
// not be reused.
func (l *loader) put(name, key, value []byte) error {
	b := l.bucket(name)
	if b == nil {
		var err error
		if b, err = l.tx.CreateBucket(name); err != nil {
			return fmt.Errorf("store: create bucket %q: %w", name, err)
		}
		l.buckets[string(name)] = b
	}
	return b.Put(key, value)
}

// arena hands out the byte slices of bbolt's keys and values, which bbolt
// keeps until the transaction ends, from large blocks: one allocation for
// thousands of puts.
type arena struct{ block []byte }

func (a *arena) alloc(n int) []byte {
	if cap(a.block)-len(a.block) < n {
		a.block = make([]byte, 0, max(n, 1<<20))
	}
	a.block = a.block[:len(a.block)+n]
	return a.block[len(a.block)-n : len(a.block) : len(a.block)]
}

func (a *arena) copy(b []byte) []byte {
	out := a.alloc(len(b))
	copy(out, b)
	return out
}

// uint64 returns v in 8 big-endian bytes, as Cayley writes IDs in keys.
func (a *arena) uint64(v uint64) []byte {
	out := a.alloc(8)
	binary.BigEndian.PutUint64(out, v)
	return out
}

func (a *arena) uvarint(v uint64) []byte {
	var buf [binary.MaxVarintLen64]byte
	return a.copy(binary.AppendUvarint(buf[:0], v))
}

func valueBucket(kind byte, h valueHash) []byte { return []byte{kind, h[0], h[1]} }

// indexBucket names the bucket of the index over dirs, as Cayley does.
func indexBucket(dirs []quad.Direction) []byte {
	name := make([]byte, len(dirs))
	for i, d := range dirs {
		name[i] = d.Prefix()
	}
	return name
}

// dirIndex is d's place in quad.Directions and in prim.dirs.
func dirIndex(d quad.Direction) int {
	switch d {
	case quad.Subject:
		return 0
	case quad.Predicate:
		return 1
	case quad.Object:
		return 2
	case quad.Label:
		return 3
	}
	panic(fmt.Sprintf("store: no direction %v", d))
}

func idKey(id uint64) []byte { return binary.BigEndian.AppendUint64(nil, id) }

func cmpUint64(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// decodeIDs reads an index entry: a list of uvarints.
func decodeIDs(b []byte) ([]uint64, error) {
	var out []uint64
	for len(b) > 0 {
		v, n := binary.Uvarint(b)
		if n <= 0 {
			return nil, errors.New("bad list of quad IDs")
		}
		out = append(out, v)
		b = b[n:]
	}
	return out, nil
}

// appendIDs writes an index entry.
func appendIDs(b []byte, ids []uint64) []byte {
	for _, id := range ids {
		b = binary.AppendUvarint(b, id)
	}
	return b
}

// primitive is Cayley's log entry (graph/proto.Primitive), without the
// Replaces field, which Cayley never sets.
type primitive struct {
	id        uint64
	dirs      [4]uint64 // subject, predicate, object, label
	timestamp int64
	value     []byte // a node's value
	deleted   bool
}

// Field numbers of graph/proto.Primitive.
const (
	fieldID        = 1 // then subject, predicate, object, label: 2 to 5
	fieldReplaces  = 6
	fieldTimestamp = 7
	fieldValue     = 8
	fieldDeleted   = 9
)

// appendPrimitive appends p as protobuf writes it: fields in order, zero
// values left out.
func appendPrimitive(b []byte, p primitive) []byte {
	varint := func(field int, v uint64) {
		if v != 0 {
			b = binary.AppendUvarint(append(b, byte(field<<3)), v)
		}
	}
	varint(fieldID, p.id)
	for i, v := range p.dirs {
		varint(fieldID+1+i, v)
	}
	varint(fieldTimestamp, uint64(p.timestamp))
	if len(p.value) > 0 {
		b = append(binary.AppendUvarint(append(b, fieldValue<<3|2), uint64(len(p.value))), p.value...)
	}
	if p.deleted {
		varint(fieldDeleted, 1)
	}
	return b
}

// decodePrimitive reads a log entry.
func decodePrimitive(b []byte) (primitive, error) {
	var p primitive
	for len(b) > 0 {
		tag, n := binary.Uvarint(b)
		if n <= 0 {
			return p, errors.New("bad log entry")
		}
		b = b[n:]
		field, wire := tag>>3, tag&7
		switch wire {
		case 0:
			v, n := binary.Uvarint(b)
			if n <= 0 {
				return p, errors.New("bad log entry")
			}
			b = b[n:]
			switch {
			case field == fieldID:
				p.id = v
			case field > fieldID && field < fieldReplaces:
				p.dirs[field-fieldID-1] = v
			case field == fieldTimestamp:
				p.timestamp = int64(v)
			case field == fieldDeleted:
				p.deleted = v != 0
			}
		case 2:
			size, n := binary.Uvarint(b)
			if n <= 0 || uint64(len(b)-n) < size {
				return p, errors.New("bad log entry")
			}
			if field == fieldValue {
				p.value = b[n : n+int(size)]
			}
			b = b[n+int(size):]
		default:
			return p, fmt.Errorf("bad log entry: wire type %d", wire)
		}
	}
	return p, nil
}
