// Package perceptron is the averaged multi-class perceptron that newsgraph's
// tagger, sentence splitter and parser are trained with.
//
// Features are 64-bit hashes (see Hash and Mix): a stage builds them from its
// own templates without allocating strings, and the model never stores the
// feature text. Training keeps sparse weight rows, since a feature usually
// only ever interacts with a few classes; the trained, averaged weights are
// compiled into a Model, an immutable open-addressing table that is safe for
// concurrent use and serialises compactly by quantising weights.
package perceptron

import (
	"math"
	"slices"
)

// Trainer accumulates perceptron weights and their running averages
// (the "lazy update" trick: each weight remembers when it last changed).
type Trainer struct {
	classes []string
	index   map[uint64]int32
	rows    [][]entry
	clock   int64
}

type entry struct {
	class int32
	stamp int64
	w     float64
	total float64
}

// NewTrainer starts training a model that chooses among classes.
func NewTrainer(classes []string) *Trainer {
	return &Trainer{classes: slices.Clone(classes), index: make(map[uint64]int32)}
}

// Classes returns the class names, indexed as in scores.
func (t *Trainer) Classes() []string { return t.classes }

// Features is the number of distinct features that have weights.
func (t *Trainer) Features() int { return len(t.rows) }

// Score adds the current weights of feats to scores (len = number of classes).
func (t *Trainer) Score(feats []uint64, scores []float32) {
	for _, f := range feats {
		i, ok := t.index[f]
		if !ok {
			continue
		}
		for _, e := range t.rows[i] {
			scores[e.class] += float32(e.w)
		}
	}
}

// Tick marks the end of one training example; averages weigh every weight by
// the number of examples it survived.
func (t *Trainer) Tick() { t.clock++ }

// Update rewards truth and penalises guess on feats by amount (usually 1).
// Nothing happens when they are equal.
func (t *Trainer) Update(feats []uint64, truth, guess int, amount float64) {
	if truth == guess {
		return
	}
	for _, f := range feats {
		i, ok := t.index[f]
		if !ok {
			i = int32(len(t.rows))
			t.index[f] = i
			t.rows = append(t.rows, nil)
		}
		t.rows[i] = t.add(t.rows[i], int32(truth), amount)
		t.rows[i] = t.add(t.rows[i], int32(guess), -amount)
	}
}

func (t *Trainer) add(row []entry, class int32, delta float64) []entry {
	for k := range row {
		e := &row[k]
		if e.class == class {
			e.total += float64(t.clock-e.stamp) * e.w
			e.stamp = t.clock
			e.w += delta
			return row
		}
	}
	return append(row, entry{class: class, stamp: t.clock, w: delta})
}

// Average compiles the averaged weights into a Model. Weights are rounded to
// multiples of quantum (0 keeps them exact); those that round to zero are
// dropped, which is how models are pruned to a shippable size. Training may
// continue afterwards.
func (t *Trainer) Average(quantum float64) *Model {
	keys := make([]uint64, 0, len(t.index))
	for k := range t.index {
		keys = append(keys, k)
	}
	slices.Sort(keys) // map order is random; compiled models must not be
	b := newBuilder(t.classes, quantum)
	clock := float64(max(t.clock, 1))
	var row []Weight
	for _, k := range keys {
		row = row[:0]
		for _, e := range t.rows[t.index[k]] {
			avg := (e.total + float64(t.clock-e.stamp)*e.w) / clock
			row = append(row, Weight{Class: int(e.class), W: avg})
		}
		b.add(k, row)
	}
	return b.build()
}

// Weight is one class's weight in a feature's row.
type Weight struct {
	Class int
	W     float64
}

// builder collects quantised rows and lays them out as a Model.
type builder struct {
	m      *Model
	keys   []uint64
	starts []uint32
}

func newBuilder(classes []string, quantum float64) *builder {
	return &builder{m: &Model{classes: slices.Clone(classes), quantum: quantum}}
}

// add appends a feature's row, quantised; an all-zero row is dropped.
func (b *builder) add(key uint64, row []Weight) {
	start := len(b.m.entries)
	slices.SortFunc(row, func(x, y Weight) int { return x.Class - y.Class })
	for _, w := range row {
		v := w.W
		if b.m.quantum > 0 {
			v = math.Round(v/b.m.quantum) * b.m.quantum
		}
		if v == 0 {
			continue
		}
		b.m.entries = append(b.m.entries, entry32{class: uint32(w.Class), w: float32(v)})
	}
	if len(b.m.entries) == start {
		return
	}
	b.keys = append(b.keys, key)
	b.starts = append(b.starts, uint32(start))
}

// build places the rows in an open-addressing table at most half full.
func (b *builder) build() *Model {
	m := b.m
	size := 1
	for size < 2*len(b.keys)+2 {
		size <<= 1
	}
	m.mask = uint64(size - 1)
	m.slots = make([]slot, size)
	for i, k := range b.keys {
		end := uint32(len(m.entries))
		if i+1 < len(b.keys) {
			end = b.starts[i+1]
		}
		if k == 0 {
			k = zeroKey
		}
		s := hashSlot(k) & m.mask
		for m.slots[s].key != 0 {
			s = (s + 1) & m.mask
		}
		m.slots[s] = slot{key: k, start: b.starts[i], end: end}
	}
	m.n = len(b.keys)
	return m
}

// zeroKey stands in for the feature hash 0, since 0 marks an empty slot.
const zeroKey = 0x9e3779b97f4a7c15

func hashSlot(k uint64) uint64 { return k ^ k>>29 }

// Model is a compiled, read-only perceptron. It is safe for concurrent use.
//
// Its layout is chosen for scoring speed: a probe reads one 16-byte slot,
// and a feature's weights are contiguous (class, weight) pairs.
type Model struct {
	classes []string
	quantum float64
	n       int
	mask    uint64
	slots   []slot
	entries []entry32
}

// slot is one cell of the open-addressing table: a feature and the range
// of entries holding its weights. Key 0 marks an empty slot.
type slot struct {
	key        uint64
	start, end uint32
}

type entry32 struct {
	class uint32
	w     float32
}

// Classes returns the class names, indexed as in scores.
func (m *Model) Classes() []string { return m.classes }

// Features is the number of features with a non-zero weight.
func (m *Model) Features() int { return m.n }

// Weights is the number of non-zero weights.
func (m *Model) Weights() int { return len(m.entries) }

// Score adds the weights of feats to scores (len = number of classes).
func (m *Model) Score(feats []uint64, scores []float32) {
	// Scoring is bound by memory latency: each feature is a probe into a
	// table of megabytes, and its weights a second read. Features are
	// handled in batches, first finding every feature's row, then adding
	// the rows, so that the processor overlaps the cache misses of a batch
	// instead of waiting for each in turn.
	const batch = 32
	var rows [batch]*slot
	for len(feats) > 0 {
		n := min(len(feats), batch)
		for i, f := range feats[:n] {
			rows[i] = m.find(f)
		}
		for _, sl := range rows[:n] {
			if sl != nil {
				for _, e := range m.entries[sl.start:sl.end] {
					scores[e.class] += e.w
				}
			}
		}
		feats = feats[n:]
	}
}

// find returns the slot of feature f, or nil if f has no weights.
func (m *Model) find(f uint64) *slot {
	if f == 0 {
		f = zeroKey
	}
	s := hashSlot(f) & m.mask
	for {
		sl := &m.slots[s]
		if sl.key == f {
			return sl
		}
		if sl.key == 0 {
			return nil
		}
		s = (s + 1) & m.mask
	}
}

// Best returns the index of the highest score; ties go to the lower index.
func Best(scores []float32) int {
	best := 0
	for i, s := range scores {
		if s > scores[best] {
			best = i
		}
	}
	return best
}
