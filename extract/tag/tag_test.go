package tag

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/conllu"
	"github.com/newsgraph/newsgraph/extract/perceptron"
)

// tiny is a small hand-tagged corpus: "form/UPOS/XPOS" tokens.
var tiny = []string{
	"The/DET/DT minister/NOUN/NN said/VERB/VBD talks/NOUN/NNS would/AUX/MD resume/VERB/VB ./PUNCT/.",
	"Officials/NOUN/NNS in/ADP/IN Paris/PROPN/NNP confirmed/VERB/VBD the/DET/DT meeting/NOUN/NN ./PUNCT/.",
	"She/PRON/PRP called/VERB/VBD the/DET/DT president/NOUN/NN on/ADP/IN Monday/PROPN/NNP ./PUNCT/.",
	"The/DET/DT two/NUM/CD leaders/NOUN/NNS discussed/VERB/VBD trade/NOUN/NN and/CCONJ/CC security/NOUN/NN ./PUNCT/.",
	"They/PRON/PRP will/AUX/MD meet/VERB/VB again/ADV/RB in/ADP/IN June/PROPN/NNP ./PUNCT/.",
	"A/DET/DT spokesman/NOUN/NN declined/VERB/VBD to/PART/TO comment/VERB/VB ./PUNCT/.",
}

func tinyCorpus(t testing.TB) []conllu.Sentence {
	t.Helper()
	var out []conllu.Sentence
	for _, line := range tiny {
		var s conllu.Sentence
		for i, tok := range strings.Fields(line) {
			p := strings.Split(tok, "/")
			s.Words = append(s.Words, conllu.Word{ID: i + 1, Form: p[0], UPOS: p[1], XPOS: p[2]})
		}
		out = append(out, s)
	}
	return out
}

func quiet() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

func train(t testing.TB) *Model {
	t.Helper()
	m, err := Train(context.Background(), tinyCorpus(t), nil, TrainOptions{Seed: 1, Folds: 2}, quiet())
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestLearnsTrainingSentences(t *testing.T) {
	m := train(t)
	u, x := m.Accuracy(tinyCorpus(t))
	if u < 0.97 || x < 0.97 {
		t.Errorf("accuracy on its own training data: UPOS %.3f XPOS %.3f", u, x)
	}
	// A new sentence made of known words in a known frame.
	upos, _ := m.Tag(strings.Fields("The officials discussed the meeting ."))
	want := []string{"DET", "NOUN", "VERB", "DET", "NOUN", "PUNCT"}
	if strings.Join(upos, " ") != strings.Join(want, " ") {
		t.Errorf("got %v, want %v", upos, want)
	}
}

func TestRoundTripAndDeterminism(t *testing.T) {
	var b1, b2 bytes.Buffer
	if _, err := train(t).WriteTo(&b1); err != nil {
		t.Fatal(err)
	}
	if _, err := train(t).WriteTo(&b2); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b1.Bytes(), b2.Bytes()) {
		t.Fatal("two trainings with the same seed wrote different files")
	}
	m, err := Load(bytes.NewReader(b1.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	doc := &extract.Document{Text: "They called the minister ."}
	for _, f := range strings.Fields(doc.Text) {
		start := strings.Index(doc.Text, f)
		doc.Tokens = append(doc.Tokens, extract.Token{Start: start, End: start + len(f)})
	}
	doc.Sentences = []extract.Sentence{{First: 0, Last: len(doc.Tokens)}}
	if err := m.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	upos, xpos := train(t).Tag(strings.Fields(doc.Text))
	for i, tok := range doc.Tokens {
		if tok.UPOS != upos[i] || tok.XPOS != xpos[i] {
			t.Errorf("word %d: loaded model says %s/%s, trained model %s/%s", i, tok.UPOS, tok.XPOS, upos[i], xpos[i])
		}
	}
}

func TestLoadRejectsGarbage(t *testing.T) {
	for _, in := range []string{"", "not a model", "\x1f\x8b\x08\x00garbage"} {
		if _, err := Load(strings.NewReader(in)); err == nil {
			t.Errorf("Load(%q) succeeded", in)
		}
	}
	var buf bytes.Buffer
	if _, err := train(t).WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(bytes.NewReader(buf.Bytes()[:buf.Len()/2])); err == nil {
		t.Error("a truncated model loaded")
	}
}

func TestJackknifeTagsEveryWord(t *testing.T) {
	sents := tinyCorpus(t)
	out, err := Jackknife(context.Background(), sents, 3, TrainOptions{Seed: 1, Epochs: 2, Folds: 2}, quiet())
	if err != nil {
		t.Fatal(err)
	}
	for i := range out {
		for k, w := range out[i].Words {
			if w.UPOS == "" || w.XPOS == "" {
				t.Fatalf("sentence %d word %d untagged", i, k)
			}
			if w.Form != sents[i].Words[k].Form {
				t.Fatalf("sentence %d word %d changed form", i, k)
			}
		}
	}
	if &out[0].Words[0] == &sents[0].Words[0] {
		t.Error("Jackknife shares words with its input")
	}
}

// TestEWT checks the accuracy of a tagger trained on EWT; it needs
// ../shared and takes about a minute.
func TestEWT(t *testing.T) {
	if testing.Short() {
		t.Skip("trains on EWT: skipped in -short mode")
	}
	dir := filepath.Join("..", "..", "..", "shared", "data", "ud-ewt")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("EWT data not found at %s (needs ../shared): %v", dir, err)
	}
	train, err := conllu.ReadFile(filepath.Join(dir, "en_ewt-ud-train.conllu"))
	if err != nil {
		t.Fatal(err)
	}
	dev, err := conllu.ReadFile(filepath.Join(dir, "en_ewt-ud-dev.conllu"))
	if err != nil {
		t.Fatal(err)
	}
	m, err := Train(context.Background(), train, nil, TrainOptions{Seed: 1}, quiet())
	if err != nil {
		t.Fatal(err)
	}
	if u, x := m.Accuracy(dev); u < 0.95 || x < 0.94 {
		t.Errorf("EWT dev: UPOS %.2f%%, XPOS %.2f%%; want at least 95 and 94", 100*u, 100*x)
	}
	// The second pass reuses first-pass scores; it must tag exactly as
	// scoring every revisited word afresh does.
	revised := 0
	for _, s := range dev {
		forms := sentenceForms(nil, &s)
		want, changed := tagAfresh(m, forms)
		if changed {
			revised++
		}
		if got, _ := m.Tag(forms); strings.Join(got, " ") != strings.Join(want, " ") {
			t.Fatalf("%q: tagged %v, afresh %v", forms, got, want)
		}
	}
	if revised == 0 {
		t.Error("the second pass never changed a tag")
	}
}

// tagAfresh tags a sentence in two passes as Model.tag does, but scoring
// every word of the second pass from all its features; it also tells
// whether the second pass changed a tag.
func tagAfresh(m *Model, forms []string) (upos []string, changed bool) {
	toks := m.lex.prepare(forms, nil)
	var tags []int
	scores := make([]float32, len(m.upos))
	var feats []uint64
	for i := range toks {
		if e, ok := m.sure[toks[i].norm]; ok && (toks[i].lower || !e.lowerOnly) {
			tags = append(tags, e.class)
			continue
		}
		clear(scores)
		m.weights.Score(features(feats[:0], toks, i, tags), scores)
		tags = append(tags, perceptron.Best(scores))
	}
	for i := range toks {
		if toks[i].revisit {
			feats = features(feats[:0], toks, i, tags)
			clear(scores)
			m.weights.Score(m.lex.rightFeatures(feats, toks, i, tags), scores)
			c := perceptron.Best(scores)
			changed = changed || c != tags[i]
			tags[i] = c
		}
	}
	for _, c := range tags {
		upos = append(upos, m.upos[c])
	}
	return upos, changed
}
