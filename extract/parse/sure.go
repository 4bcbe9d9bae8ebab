package parse

import (
	"slices"

	"github.com/newsgraph/newsgraph/extract/modelfile"
	"github.com/newsgraph/newsgraph/extract/perceptron"
)

// sureLabels maps the tags of an arc (its direction, the dependent's tag
// and the head's) to the relation such arcs carry in training nearly
// always, as a determiner under a noun is "det" and a comma "punct".
// These arcs, about a third of all, skip the label model: it could only
// agree.
type sureLabels map[uint64]int32

// Thresholds for a sure label: the tag triple must occur sureMinCount
// times in training, sureShare of them with one relation.
const (
	sureMinCount = 20
	sureShare    = 0.995
)

// sureKey returns the key of the arc from head h to dependent d.
func (sn *sentence) sureKey(h, d int32) uint64 {
	dir := uint64(1)
	if h < d {
		dir = 2
	}
	return perceptron.Mix(perceptron.Mix(dir, sn.tag[d+1]), sn.tag[h+1])
}

// newSureLabels collects the sure labels of the examples' arcs, leaving
// out the root's.
func newSureLabels(examples []example) sureLabels {
	counts := make(map[uint64]map[int32]int)
	var sn sentence
	for i := range examples {
		ex := &examples[i]
		sn.prepare(ex.words, nil)
		for d := int32(1); d < int32(len(ex.heads)); d++ {
			h := ex.heads[d]
			if h == 0 {
				continue
			}
			k := sn.sureKey(h, d)
			if counts[k] == nil {
				counts[k] = make(map[int32]int)
			}
			counts[k][ex.labels[d]]++
		}
	}
	sure := make(sureLabels)
	for k, byLabel := range counts {
		total, best, bestN := 0, int32(-1), 0
		for l, n := range byLabel {
			total += n
			if n > bestN || n == bestN && l < best {
				best, bestN = l, n
			}
		}
		if total >= sureMinCount && float64(bestN) >= sureShare*float64(total) {
			sure[k] = best
		}
	}
	return sure
}

// write writes the table sorted by key, keys as deltas.
func (s sureLabels) write(w *modelfile.Writer) {
	keys := make([]uint64, 0, len(s))
	for k := range s {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	w.Uvarint(uint64(len(keys)))
	var prev uint64
	for _, k := range keys {
		w.Uvarint(k - prev)
		w.Uvarint(uint64(s[k]))
		prev = k
	}
}

// readSureLabels reads a table written by write for a model with the given
// number of relations.
func readSureLabels(r *modelfile.Reader, labels int) sureLabels {
	n := r.Int(maxVocab)
	s := make(sureLabels, n)
	var k uint64
	for i := 0; i < n && r.Err() == nil; i++ {
		k += r.Uvarint()
		s[k] = int32(r.Int(labels - 1))
	}
	return s
}
