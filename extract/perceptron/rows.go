package perceptron

import "iter"

// Quantum is the step weights were rounded to when the model was compiled
// (0 when they were kept exact).
func (m *Model) Quantum() float64 { return m.quantum }

// Rows yields every feature that has weights, with its non-zero weights in
// class order, so that a stage can lay the model out in its own scoring
// structure. The order of features is fixed for a given model; the yielded
// slice is reused between calls.
func (m *Model) Rows() iter.Seq2[uint64, []Weight] {
	return func(yield func(uint64, []Weight) bool) {
		var row []Weight
		for _, sl := range m.slots {
			k := sl.key
			if k == 0 {
				continue
			}
			if k == zeroKey {
				k = 0
			}
			row = row[:0]
			for _, e := range m.entries[sl.start:sl.end] {
				row = append(row, Weight{Class: int(e.class), W: float64(e.w)})
			}
			if !yield(k, row) {
				return
			}
		}
	}
}
