package perceptron

import (
	"bytes"
	"math/rand/v2"
	"testing"
)

// xorish is a small problem a linear model can only solve with conjunction
// features: class = a XOR b, with features for a, b and (a, b).
func xorish(a, b int) []uint64 {
	return []uint64{Feature(1, uint64(a)), Feature(2, uint64(b)), Feature(3, uint64(a), uint64(b))}
}

func train(t *testing.T) *Trainer {
	t.Helper()
	tr := NewTrainer([]string{"zero", "one"})
	rng := rand.New(rand.NewPCG(1, 2))
	scores := make([]float32, 2)
	for i := 0; i < 200; i++ {
		a, b := rng.IntN(2), rng.IntN(2)
		f := xorish(a, b)
		clear(scores)
		tr.Score(f, scores)
		tr.Update(f, a^b, Best(scores), 1)
		tr.Tick()
	}
	return tr
}

func TestLearnsConjunctions(t *testing.T) {
	m := train(t).Average(0)
	for a := 0; a < 2; a++ {
		for b := 0; b < 2; b++ {
			scores := make([]float32, 2)
			m.Score(xorish(a, b), scores)
			if got := Best(scores); got != a^b {
				t.Errorf("%d xor %d: got class %d, scores %v", a, b, got, scores)
			}
		}
	}
}

func TestRoundTripAndDeterminism(t *testing.T) {
	for _, quantum := range []float64{0, 0.01} {
		m1 := train(t).Average(quantum)
		m2 := train(t).Average(quantum)
		var b1, b2 bytes.Buffer
		if _, err := m1.WriteTo(&b1); err != nil {
			t.Fatal(err)
		}
		if _, err := m2.WriteTo(&b2); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(b1.Bytes(), b2.Bytes()) {
			t.Fatalf("quantum %v: two trainings with the same seed wrote different models", quantum)
		}
		back, err := ReadModel(bytes.NewReader(b1.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		if back.Features() != m1.Features() || back.Weights() != m1.Weights() {
			t.Fatalf("read back %d features/%d weights, wrote %d/%d", back.Features(), back.Weights(), m1.Features(), m1.Weights())
		}
		for a := 0; a < 2; a++ {
			for b := 0; b < 2; b++ {
				s1, s2 := make([]float32, 2), make([]float32, 2)
				m1.Score(xorish(a, b), s1)
				back.Score(xorish(a, b), s2)
				if s1[0] != s2[0] || s1[1] != s2[1] {
					t.Errorf("scores differ after round trip: %v vs %v", s1, s2)
				}
			}
		}
	}
}

func TestReadModelRejectsGarbage(t *testing.T) {
	for _, in := range [][]byte{nil, []byte("hello"), append([]byte(magic), 0xff, 0xff, 0xff)} {
		if _, err := ReadModel(bytes.NewReader(in)); err == nil {
			t.Errorf("ReadModel(%q) succeeded", in)
		}
	}
}
