package parse

import (
	"encoding/binary"
	"math"
	"slices"

	"github.com/newsgraph/newsgraph/extract/perceptron"
)

// The compiled perceptrons are laid out for fast scoring: the lookups are
// the parser's bottleneck, since the tables are larger than the processor's
// caches and most probes are cache misses. Weights become integer multiples
// of a quantum, so scoring adds integers: exact, and independent of the
// order of features.

// emptyKey marks a free slot; a feature whose hash is emptyKey is stored
// under emptyAlias instead.
const (
	emptyKey   = 0
	emptyAlias = 0x9e3779b97f4a7c15
)

// slotOf spreads the high bits of a feature into the low ones that index
// the tables.
func slotOf(k uint64) uint64 { return k ^ k>>29 }

// quanta converts a weight to a clamped number of quanta.
func quanta(w, q float64) int16 {
	v := math.Round(w / q)
	return int16(max(min(v, math.MaxInt16), math.MinInt16))
}

// quantumOf returns the step a table stores m's weights in: the model's
// own quantum, or a fine one if the model kept exact weights.
func quantumOf(m *perceptron.Model) float64 {
	if q := m.Quantum(); q > 0 {
		return q
	}
	return 1.0 / 1024
}

// moveTable holds a three-class model (the moves) with each feature's
// weights inside its 16-byte slot, in an open-addressing table at most a
// quarter full: most lookups end at the feature's home slot, found or
// empty, so the probe loop's branch is well predicted and a lookup is one
// cache line.
type moveTable struct {
	mask  uint64
	slots []moveSlot
}

type moveSlot struct {
	key uint64
	w   [3]int16
}

func newMoveTable(m *perceptron.Model) *moveTable {
	q := quantumOf(m)
	size := 1
	for size < 4*m.Features()+4 {
		size <<= 1
	}
	t := &moveTable{mask: uint64(size - 1), slots: make([]moveSlot, size)}
	for k, row := range m.Rows() {
		ms := moveSlot{key: k}
		for _, x := range row {
			ms.w[x.Class] = quanta(x.W, q)
		}
		if ms.w == [3]int16{} {
			continue
		}
		if k == emptyKey {
			ms.key = emptyAlias
		}
		s := slotOf(ms.key) & t.mask
		for t.slots[s].key != emptyKey {
			s = (s + 1) & t.mask
		}
		t.slots[s] = ms
	}
	return t
}

// fetch reads the home slot of every feature, with no dependence between
// the reads, so that the processor fetches them all at once and the
// lookups of add then hit the cache. It reports whether any slot is in use
// (if none is, no feature is known).
func (t *moveTable) fetch(feats []uint64) bool {
	slots, mask := t.slots, t.mask
	var sink uint64
	for _, f := range feats {
		sink |= slots[slotOf(f)&mask].key
	}
	return sink != emptyKey
}

// add adds the weights of feats to scores.
func (t *moveTable) add(feats []uint64, scores *[3]int32) {
	slots, mask := t.slots, t.mask
	// The sums live in registers: adding into *scores directly would chain
	// every addition through memory.
	var s0, s1, s2 int32
	for _, f := range feats {
		if f == emptyKey {
			f = emptyAlias
		}
		for s := slotOf(f) & mask; ; s = (s + 1) & mask {
			sl := &slots[s]
			if sl.key == f {
				s0 += int32(sl.w[0])
				s1 += int32(sl.w[1])
				s2 += int32(sl.w[2])
				break
			}
			if sl.key == emptyKey {
				break
			}
		}
	}
	scores[0] += s0
	scores[1] += s1
	scores[2] += s2
}

// labelTable holds a many-class model (the relations) with each feature's
// weights next to its key: one byte per class, so that for up to 56
// classes a feature is exactly one 64-byte cache line and a lookup is one
// cache miss. Weights are stored in steps of the table's own quantum,
// clamped to ±127 steps and biased by 128 to be unsigned; they are added
// eight classes at a time, even and odd bytes into 16-bit lanes of two
// accumulators (SIMD within a register).
type labelTable struct {
	mask    uint64
	classes int
	width   int      // words per feature: the key, then the weight words
	mem     []uint64 // width words per slot; a zero key marks a free slot
}

const (
	lowBytes = 0x00FF_00FF_00FF_00FF
	// maxLabelWords bounds the weight words of a feature, so that the
	// accumulators live on the stack: at most 512 classes.
	maxLabelWords = 64
	// laneBatch features at most are summed in the 16-bit lanes before
	// they are emptied: 255 per feature cannot overflow a lane.
	laneBatch = 256
)

func newLabelTable(m *perceptron.Model) *labelTable {
	classes := len(m.Classes())
	// The step is such that all but the largest 0.5% of weights fit in a
	// byte: a few strong weights are clamped rather than every weight
	// losing precision.
	var mags []float64
	for _, row := range m.Rows() {
		for _, w := range row {
			mags = append(mags, math.Abs(w.W))
		}
	}
	slices.Sort(mags)
	q := quantumOf(m)
	if len(mags) > 0 {
		q = max(q, mags[len(mags)*995/1000]/127)
	}
	size := 1
	for size < 3*m.Features()+2 {
		size <<= 1
	}
	t := &labelTable{mask: uint64(size - 1), classes: classes, width: 1 + (classes+7)/8}
	t.mem = make([]uint64, size*t.width)
	wb := make([]byte, 8*(t.width-1))
	for k, row := range m.Rows() {
		if k == emptyKey {
			k = emptyAlias
		}
		for c := range wb {
			wb[c] = 128
		}
		for _, w := range row {
			v := max(min(math.Round(w.W/q), 127), -127)
			wb[w.Class] = byte(int(v) + 128)
		}
		s := slotOf(k) & t.mask
		for t.mem[int(s)*t.width] != emptyKey {
			s = (s + 1) & t.mask
		}
		base := int(s) * t.width
		t.mem[base] = k
		for i := 1; i < t.width; i++ {
			t.mem[base+i] = binary.LittleEndian.Uint64(wb[8*(i-1):])
		}
	}
	return t
}

// score adds the weights of feats to scores (len = number of classes), in
// the table's own steps. A first pass reads every home slot so that the
// processor fetches them all at once.
func (t *labelTable) score(feats []uint64, scores []int32) {
	mem, mask, width := t.mem, t.mask, t.width
	var sink uint64
	for _, f := range feats {
		sink |= mem[int(slotOf(f)&mask)*width]
	}
	if sink == emptyKey {
		return
	}
	var even, odd [maxLabelWords]uint64 // 16-bit lanes
	found := 0
	for _, f := range feats {
		if f == emptyKey {
			f = emptyAlias
		}
		for s := slotOf(f) & mask; ; s = (s + 1) & mask {
			base := int(s) * width
			k := mem[base]
			if k == f {
				for i, v := range mem[base+1 : base+width] {
					even[i] += v & lowBytes
					odd[i] += v >> 8 & lowBytes
				}
				if found++; found == laneBatch {
					t.drain(&even, &odd, found, scores)
					found = 0
				}
				break
			}
			if k == emptyKey {
				break
			}
		}
	}
	if found > 0 {
		t.drain(&even, &odd, found, scores)
	}
}

// drain adds the lanes, less the bias of n features, to scores and clears
// them.
func (t *labelTable) drain(even, odd *[maxLabelWords]uint64, n int, scores []int32) {
	bias := int32(128 * n)
	for c := range scores[:t.classes] {
		lanes := even
		if c%2 == 1 {
			lanes = odd
		}
		scores[c] += int32(lanes[c/8]>>(16*(c%8/2))&0xFFFF) - bias
	}
	words := t.width - 1
	clear(even[:words])
	clear(odd[:words])
}
