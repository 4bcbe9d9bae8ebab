package perceptron

import (
	"slices"
	"testing"
)

func TestRowsReproduceScores(t *testing.T) {
	for _, quantum := range []float64{0, 0.01} {
		m := train(t).Average(quantum)
		if m.Quantum() != quantum {
			t.Errorf("Quantum() = %v, want %v", m.Quantum(), quantum)
		}
		features, weights := 0, 0
		for a := 0; a < 2; a++ {
			for b := 0; b < 2; b++ {
				want := make([]float32, 2)
				m.Score(xorish(a, b), want)
				rows := map[uint64][]Weight{}
				for k, row := range m.Rows() {
					rows[k] = slices.Clone(row)
				}
				got := make([]float32, 2)
				for _, f := range xorish(a, b) {
					for _, w := range rows[f] {
						got[w.Class] += float32(w.W)
					}
				}
				if !slices.Equal(got, want) {
					t.Errorf("quantum %v, %d xor %d: rows sum to %v, Score gives %v", quantum, a, b, got, want)
				}
			}
		}
		for _, row := range m.Rows() {
			features++
			weights += len(row)
			if !slices.IsSortedFunc(row, func(x, y Weight) int { return x.Class - y.Class }) {
				t.Errorf("row not in class order: %v", row)
			}
		}
		if features != m.Features() || weights != m.Weights() {
			t.Errorf("Rows yields %d features/%d weights, model has %d/%d", features, weights, m.Features(), m.Weights())
		}
	}
}
