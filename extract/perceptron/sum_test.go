package perceptron

import (
	"slices"
	"testing"
)

func TestSum(t *testing.T) {
	classes := []string{"a", "b", "c"}
	train := func(feats []uint64, truth, guess int) *Model {
		tr := NewTrainer(classes)
		tr.Update(feats, truth, guess, 1)
		tr.Tick()
		return tr.Average(0)
	}
	m1 := train([]uint64{1, 2}, 0, 1)
	m2 := train([]uint64{2, 3}, 2, 0)
	sum, err := Sum(m1, m2)
	if err != nil {
		t.Fatal(err)
	}
	for _, feats := range [][]uint64{{1}, {2}, {3}, {1, 2, 3}, {4}} {
		want := make([]float32, len(classes))
		m1.Score(feats, want)
		m2.Score(feats, want)
		got := make([]float32, len(classes))
		sum.Score(feats, got)
		if !slices.Equal(got, want) {
			t.Errorf("Score(%v) = %v, want the sum %v", feats, got, want)
		}
	}
	// Features 1 and 3 have two weights each; feature 2 too, its weights
	// for class a cancelling (+1 -1).
	if got, want := sum.Weights(), 6; got != want {
		t.Errorf("Sum has %d weights, want %d", got, want)
	}
	if _, err := Sum(m1, NewTrainer([]string{"x"}).Average(0)); err == nil {
		t.Error("Sum of models with other classes: no error")
	}
	if _, err := Sum(); err == nil {
		t.Error("Sum of no models: no error")
	}
}
