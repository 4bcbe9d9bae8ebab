package parse

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"os"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/conllu"
)

func quiet() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

func tinySet(t testing.TB) []conllu.Sentence {
	t.Helper()
	sents, err := conllu.ReadFile("testdata/tiny.conllu")
	if err != nil {
		t.Fatal(err)
	}
	return sents
}

func trainTiny(t testing.TB) *Model {
	t.Helper()
	m, err := Train(context.Background(), tinySet(t), nil, TrainOptions{Epochs: 20, Seed: 7, Quantum: 0.01}, quiet())
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// parsed returns the sentences' documents parsed by m, with gold heads and
// relations wiped first.
func parsed(t testing.TB, m *Model, sents []conllu.Sentence) []conllu.Sentence {
	t.Helper()
	doc := conllu.ToDocument(sents)
	for i := range doc.Tokens {
		doc.Tokens[i].Head, doc.Tokens[i].DepRel = -7, "junk"
	}
	if err := m.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	return conllu.FromDocument(doc)
}

func TestReproducesTrainingSentences(t *testing.T) {
	gold := tinySet(t)
	m := trainTiny(t)
	got := parsed(t, m, gold)
	for i, g := range gold {
		heads := make([]int32, len(g.Words)+1)
		heads[0] = -1
		for j, w := range g.Words {
			heads[j+1] = int32(w.Head)
		}
		// A non-projective gold tree cannot be built by the transition
		// system: the parser learns its lifted form.
		projectivize(heads)
		for j, w := range got[i].Words {
			if int32(w.Head) != heads[j+1] || w.DepRel != g.Words[j].DepRel {
				t.Errorf("%s word %d %q: got %d %s, want %d %s", g.ID, j+1, w.Form, w.Head, w.DepRel, heads[j+1], g.Words[j].DepRel)
			}
		}
	}
}

func TestProjectivize(t *testing.T) {
	tests := []struct {
		name  string
		heads []int32 // heads[0] = -1
		want  []int32
		lifts int
	}{
		{"projective", []int32{-1, 2, 0, 2}, []int32{-1, 2, 0, 2}, 0},
		// "I saw a dog yesterday which was barking": dog -> barking
		// crosses saw -> yesterday; barking is lifted to saw.
		{"relative clause", []int32{-1, 2, 0, 4, 2, 2, 8, 8, 4}, []int32{-1, 2, 0, 4, 2, 2, 8, 8, 2}, 1},
		{"lifted twice", []int32{-1, 3, 0, 2, 1}, []int32{-1, 2, 0, 2, 2}, 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			heads := slices.Clone(tc.heads)
			n := projectivize(heads)
			if !slices.Equal(heads, tc.want) || n != tc.lifts {
				t.Errorf("got %v after %d lifts, want %v after %d", heads, n, tc.want, tc.lifts)
			}
			if shortestNonProjective(heads) >= 0 {
				t.Errorf("%v is still non-projective", heads)
			}
		})
	}
}

// checkTree fails unless every sentence of doc is a tree over its words
// with exactly one word attached to the root with "root".
func checkTree(t *testing.T, name string, doc *extract.Document) {
	t.Helper()
	for si, s := range doc.Sentences {
		words := doc.Words(s)
		roots := 0
		for i, w := range words {
			if w.Head < 0 || w.Head > len(words) || w.Head == i+1 {
				t.Fatalf("%s: sentence %d word %d has head %d", name, si, i+1, w.Head)
			}
			if (w.Head == 0) != (w.DepRel == rootLabel) {
				t.Fatalf("%s: sentence %d word %d: head %d with relation %q", name, si, i+1, w.Head, w.DepRel)
			}
			if w.DepRel == "" {
				t.Fatalf("%s: sentence %d word %d has no relation", name, si, i+1)
			}
			if w.Head == 0 {
				roots++
			}
			h, steps := i+1, 0
			for h != 0 && steps <= len(words) {
				h = words[h-1].Head
				steps++
			}
			if h != 0 {
				t.Fatalf("%s: sentence %d word %d is on a cycle", name, si, i+1)
			}
		}
		if roots != 1 {
			t.Fatalf("%s: sentence %d has %d root words", name, si, roots)
		}
	}
}

// docOf builds a one-sentence document from tagged words "form/UPOS/XPOS".
func docOf(words []string) *extract.Document {
	doc := &extract.Document{}
	var b strings.Builder
	for _, w := range words {
		parts := strings.Split(w, "/")
		start := b.Len()
		b.WriteString(parts[0])
		doc.Tokens = append(doc.Tokens, extract.Token{Start: start, End: b.Len(), SpaceAfter: true, UPOS: parts[1], XPOS: parts[2], Head: -3})
		b.WriteByte(' ')
	}
	doc.Text = b.String()
	doc.Sentences = []extract.Sentence{{First: 0, Last: len(doc.Tokens)}}
	return doc
}

func TestAlwaysATree(t *testing.T) {
	m := trainTiny(t)
	repeat := func(w string, n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = w
		}
		return out
	}
	tests := []struct {
		name  string
		words []string
	}{
		{"one word", []string{"Hello/INTJ/UH"}},
		{"one punctuation", []string{"./PUNCT/."}},
		{"300 punctuation marks", repeat("!/PUNCT/.", 300)},
		{"repeated noun", repeat("dog/NOUN/NN", 57)},
		{"repeated verb", repeat("said/VERB/VBD", 40)},
		{"unknown tags", []string{"x/X/XX", "y/SYM/$", "z/X/FW"}},
		{"empty tags", []string{"a//", "b//", "c//", "d//"}},
		{"only determiners", repeat("the/DET/DT", 12)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := docOf(tc.words)
			if err := m.Process(context.Background(), doc); err != nil {
				t.Fatal(err)
			}
			checkTree(t, tc.name, doc)
		})
	}
}

func TestEmptySentenceAndCancel(t *testing.T) {
	m := trainTiny(t)
	doc := &extract.Document{Sentences: []extract.Sentence{{}}}
	if err := m.Process(context.Background(), doc); err != nil {
		t.Fatalf("empty sentence: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := m.Process(ctx, docOf([]string{"Hi/INTJ/UH"})); err == nil {
		t.Error("Process with a cancelled context succeeded")
	}
}

func TestRoundTripAndDeterminism(t *testing.T) {
	m1, m2 := trainTiny(t), trainTiny(t)
	var b1, b2 bytes.Buffer
	if _, err := m1.WriteTo(&b1); err != nil {
		t.Fatal(err)
	}
	if _, err := m2.WriteTo(&b2); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b1.Bytes(), b2.Bytes()) {
		t.Fatal("two trainings on the same data and seed wrote different model files")
	}
	back, err := Load(bytes.NewReader(b1.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(back.Labels(), m1.Labels()) {
		t.Errorf("labels after round trip: %v, want %v", back.Labels(), m1.Labels())
	}
	sents := tinySet(t)
	want, got := parsed(t, m1, sents), parsed(t, back, sents)
	for i := range want {
		for j := range want[i].Words {
			w, g := want[i].Words[j], got[i].Words[j]
			if w.Head != g.Head || w.DepRel != g.DepRel {
				t.Errorf("sentence %d word %d: loaded model gives %d %s, trained model %d %s", i, j+1, g.Head, g.DepRel, w.Head, w.DepRel)
			}
		}
	}
	var b3 bytes.Buffer
	if _, err := back.WriteTo(&b3); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b1.Bytes(), b3.Bytes()) {
		t.Error("a loaded model writes a different file")
	}
	if _, err := Load(bytes.NewReader(b1.Bytes()[:b1.Len()/2])); err == nil {
		t.Error("Load accepted a truncated model")
	}
}

const ewt = "../../../shared/data/ud-ewt/"

// BenchmarkParse trains a parser for one epoch on EWT train (a model of
// about half the size of a fully trained one) and measures parsing the EWT
// dev set (gold tags) on one goroutine, in tokens per second.
func BenchmarkParse(b *testing.B) {
	train, err := conllu.ReadFile(ewt + "en_ewt-ud-train.conllu")
	if os.IsNotExist(err) {
		b.Skip("EWT treebank not found at " + ewt + ": benchmark skipped")
	}
	if err != nil {
		b.Fatal(err)
	}
	dev, err := conllu.ReadFile(ewt + "en_ewt-ud-dev.conllu")
	if err != nil {
		b.Fatal(err)
	}
	m, err := Train(context.Background(), train, nil, TrainOptions{Epochs: 1, Seed: 1}, quiet())
	if err != nil {
		b.Fatal(err)
	}
	doc := conllu.ToDocument(dev)
	ctx := context.Background()
	runtime.GC() // the training's garbage must not be collected while timing
	b.ReportAllocs()
	b.ResetTimer()
	start := time.Now()
	for b.Loop() {
		if err := m.Process(ctx, doc); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*len(doc.Tokens))/time.Since(start).Seconds(), "tokens/s")
}
