package udeval

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph/extract/conllu"
)

func read(t *testing.T, path string) []conllu.Sentence {
	t.Helper()
	s, err := conllu.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestPerfectThroughDocument(t *testing.T) {
	paths := []string{"testdata/small.conllu", filepath.Join("..", "..", "..", "shared", "data", "ud-ewt", "en_ewt-ud-dev.conllu")}
	for _, p := range paths {
		if _, err := os.Stat(p); err != nil {
			t.Logf("skipping %s: %v (needs ../shared)", p, err)
			continue
		}
		gold := read(t, p)
		// Through a Document and back: the same analysis, so every measure
		// must be perfect.
		sys := conllu.FromDocument(conllu.ToDocument(gold))
		rep, err := Evaluate(gold, sys)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range rep.Scores {
			if s.F1() != 1 {
				t.Errorf("%s: %s F1 = %.4f, want 1", p, s.Name, s.F1())
			}
		}
	}
}

func TestErrorsCounted(t *testing.T) {
	gold := read(t, "testdata/small.conllu")
	sys := read(t, "testdata/small.conllu")
	// Merge the two sentences into one, split "don't" differently, and
	// mislabel one word.
	sys[0].Words[0].UPOS = "NOUN"
	sys[0].Words[4].Head = 1
	n := len(sys[0].Words)
	for _, w := range sys[1].Words {
		w.ID += n
		if w.Head > 0 {
			w.Head += n
		}
		sys[0].Words = append(sys[0].Words, w)
	}
	sys = sys[:1]
	rep, err := Evaluate(gold, sys)
	if err != nil {
		t.Fatal(err)
	}
	check := func(name string, correct, goldN, sysN int) {
		t.Helper()
		s := rep.Get(name)
		if s.Correct != correct || s.Gold != goldN || s.System != sysN {
			t.Errorf("%s: correct/gold/system = %d/%d/%d, want %d/%d/%d", name, s.Correct, s.Gold, s.System, correct, goldN, sysN)
		}
	}
	check("Tokens", 7, 7, 7)
	check("Sentences", 0, 2, 1)
	check("Words", 8, 8, 8)
	check("UPOS", 7, 8, 8)
	// The full stop after "know" now points at "I".
	check("UAS", 7, 8, 8)
}

func TestTextMismatch(t *testing.T) {
	gold := read(t, "testdata/small.conllu")
	sys := read(t, "testdata/small.conllu")
	sys[1].Words[0].Form = "Boats"
	if _, err := Evaluate(gold, sys); err == nil {
		t.Fatal("different texts were not reported")
	}
}
