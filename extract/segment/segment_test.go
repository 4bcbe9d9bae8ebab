package segment

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/conllu"
	"github.com/newsgraph/newsgraph/extract/tokenize"
)

// tinyCorpus is a handful of sentences in a few paragraphs: enough for the
// splitter to learn that a period before a capital ends a sentence, while
// one after a title does not.
var tinyCorpus = [][]string{
	{"The cat sat on the mat.", "It was warm.", "Mr. Brown fed the cat.", "Then he left for work."},
	{"The market fell on Monday.", "Investors were worried about rates.", "Dr. Lee said the drop was small."},
	{"Is it going to rain?", "Nobody knows.", "We will see tomorrow!", "The forecast was wrong again."},
	{"She bought apples, pears and plums.", "Mrs. Green sold them.", "They were cheap."},
	{"Our team won the game.", "The coach was happy.", "Fans cheered in the street."},
}

func tinySentences() []conllu.Sentence {
	var sents []conllu.Sentence
	for p, para := range tinyCorpus {
		for i, text := range para {
			sents = append(sents, conllu.Sentence{Text: text, NewDoc: p == 0 && i == 0, NewPar: i == 0})
		}
	}
	return sents
}

func trainTiny(t *testing.T) *Model {
	t.Helper()
	m, err := Train(context.Background(), tinySentences(), nil, nil, TrainOptions{Epochs: 10, Seed: 7}, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// split runs the tokenizer and m on text and returns the sentences' texts.
func split(t *testing.T, m *Model, text string) []string {
	t.Helper()
	doc := &extract.Document{Text: text}
	if err := tokenize.New().Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if err := m.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	checkPartition(t, doc)
	var out []string
	for _, s := range doc.Sentences {
		out = append(out, doc.SentenceText(s))
	}
	return out
}

// checkPartition checks that the sentences cover the tokens in order
// without gaps and never split a multi-word token.
func checkPartition(t *testing.T, doc *extract.Document) {
	t.Helper()
	next := 0
	for i, s := range doc.Sentences {
		if s.First != next || s.Last <= s.First {
			t.Fatalf("sentence %d is [%d,%d), want it to start at %d and not be empty", i, s.First, s.Last, next)
		}
		if s.Last < len(doc.Tokens) {
			if mw := doc.Tokens[s.Last].MultiWord; mw != 0 && doc.Tokens[s.Last-1].MultiWord == mw {
				t.Fatalf("sentence %d ends inside multi-word token %d", i, mw)
			}
		}
		next = s.Last
	}
	if next != len(doc.Tokens) {
		t.Fatalf("sentences cover %d of %d tokens", next, len(doc.Tokens))
	}
}

func TestTinyModelSplitsObviousText(t *testing.T) {
	m := trainTiny(t)
	tests := []struct {
		text string
		want []string
	}{
		{"The dog ran home. It was late. Mr. White opened the door.",
			[]string{"The dog ran home.", "It was late.", "Mr. White opened the door."}},
		{"Will it snow? Nobody knows!", []string{"Will it snow?", "Nobody knows!"}},
		// A blank line always ends a sentence, even without punctuation.
		{"A title without a period\n\nThe story starts here.", []string{"A title without a period", "The story starts here."}},
		{"", nil},
		{"   ", nil},
	}
	for _, tt := range tests {
		got := split(t, m, tt.text)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%q:\n got %q\nwant %q", tt.text, got, tt.want)
		}
	}
}

func TestNeverSplitsMultiWordTokens(t *testing.T) {
	m := trainTiny(t)
	for _, text := range []string{"I don't. Know.", "The cat's. Dog's.", "We can't! Won't? Cannot."} {
		split(t, m, text) // checkPartition fails the test on a split token
	}
}

func TestTrainingIsDeterministic(t *testing.T) {
	var a, b bytes.Buffer
	if _, err := trainTiny(t).WriteTo(&a); err != nil {
		t.Fatal(err)
	}
	if _, err := trainTiny(t).WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two trainings with the same seed gave different model files")
	}
}

func TestWriteToLoadRoundTrip(t *testing.T) {
	m := trainTiny(t)
	var buf bytes.Buffer
	n, err := m.WriteTo(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if n != int64(buf.Len()) {
		t.Errorf("WriteTo reported %d bytes, wrote %d", n, buf.Len())
	}
	loaded, err := Load(&buf)
	if err != nil {
		t.Fatal(err)
	}
	text := "The dog ran home. It was late. Mr. White opened the door. Will it snow? Nobody knows!"
	if got, want := split(t, loaded, text), split(t, m, text); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("loaded model splits %q, trained one %q", got, want)
	}
}

func TestLoadRejectsGarbage(t *testing.T) {
	for _, data := range [][]byte{nil, []byte("not a model"), gzipped("newsgraph tagger 1\n")} {
		if _, err := Load(bytes.NewReader(data)); err == nil {
			t.Errorf("Load(%q) succeeded", data)
		}
	}
}

func gzipped(s string) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write([]byte(s))
	zw.Close()
	return buf.Bytes()
}

func TestProcessWithoutModel(t *testing.T) {
	var m *Model
	if err := m.Process(context.Background(), &extract.Document{}); err == nil {
		t.Error("a nil model processed a document")
	}
}

func TestProcessCancelled(t *testing.T) {
	m := trainTiny(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	doc := &extract.Document{Text: "One. Two."}
	if err := tokenize.New().Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if err := m.Process(ctx, doc); !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want context.Canceled", err)
	}
}

func TestRawText(t *testing.T) {
	sents := []conllu.Sentence{
		{Text: "First one.", NewDoc: true, NewPar: true},
		{Text: "Second one."},
		{Text: "New paragraph.", NewPar: true},
		{Text: "New document.", NewDoc: true},
		{Text: "Last."},
	}
	want := "First one. Second one.\n\nNew paragraph.\n\nNew document. Last."
	if got := RawText(sents); got != want {
		t.Errorf("RawText:\n got %q\nwant %q", got, want)
	}
	if got := RawText(nil); got != "" {
		t.Errorf("RawText(nil) = %q", got)
	}
}

// ewtDir is where the UD English-EWT treebank is, relative to this package.
const ewtDir = "../../../shared/data/ud-ewt"

func readEWT(t *testing.T, part string) []conllu.Sentence {
	t.Helper()
	path := filepath.Join(ewtDir, "en_ewt-ud-"+part+".conllu")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("UD English-EWT not available (%v); it is expected in %s", err, ewtDir)
	}
	sents, err := conllu.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sents
}

// TestEWT trains on EWT train and checks the Sentences F1 on EWT dev, from
// raw text through our tokenizer, and that a written and reloaded model
// splits the same way.
func TestEWT(t *testing.T) {
	if testing.Short() {
		t.Skip("trains on all of EWT train; skipped with -short")
	}
	train, dev := readEWT(t, "train"), readEWT(t, "dev")
	ctx := context.Background()
	tok := tokenize.New()
	log := slog.New(slog.NewTextHandler(testWriter{t}, nil))
	m, err := Train(ctx, train, nil, tok, TrainOptions{Seed: 1}, log)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := evaluate(ctx, m, tok, dev)
	if err != nil {
		t.Fatal(err)
	}
	f1 := rep.Get("Sentences").F1()
	t.Logf("EWT dev: Sentences F1 %.2f, Tokens F1 %.2f", 100*f1, 100*rep.Get("Tokens").F1())
	if f1 < 0.85 {
		t.Errorf("Sentences F1 %.4f < 0.85", f1)
	}

	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	t.Logf("model file: %d bytes", buf.Len())
	loaded, err := Load(&buf)
	if err != nil {
		t.Fatal(err)
	}
	text := RawText(dev)
	a, b := &extract.Document{Text: text}, &extract.Document{Text: text}
	for _, run := range []struct {
		doc *extract.Document
		m   *Model
	}{{a, m}, {b, loaded}} {
		if err := tok.Process(ctx, run.doc); err != nil {
			t.Fatal(err)
		}
		if err := run.m.Process(ctx, run.doc); err != nil {
			t.Fatal(err)
		}
	}
	if len(a.Sentences) != len(b.Sentences) {
		t.Fatalf("trained model: %d sentences, reloaded: %d", len(a.Sentences), len(b.Sentences))
	}
	for i := range a.Sentences {
		if a.Sentences[i] != b.Sentences[i] {
			t.Fatalf("sentence %d: trained model %v, reloaded %v", i, a.Sentences[i], b.Sentences[i])
		}
	}
}

// testWriter sends log output to the test log.
type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimSuffix(string(p), "\n"))
	return len(p), nil
}

// BenchmarkProcess splits EWT dev with a model trained on EWT train, or,
// without the treebank, a text of our own with the tiny model.
func BenchmarkProcess(b *testing.B) {
	ctx := context.Background()
	var m *Model
	var text string
	train, dev, err := ewtTrainDev()
	if err == nil {
		m, err = Train(ctx, train, nil, nil, TrainOptions{Seed: 1}, nil)
		text = RawText(dev)
	} else {
		sents := tinySentences()
		m, err = Train(ctx, sents, nil, nil, TrainOptions{Epochs: 5}, nil)
		text = strings.Repeat(RawText(sents)+"\n\n", 2000)
	}
	if err != nil {
		b.Fatal(err)
	}
	doc := &extract.Document{Text: text}
	if err := tokenize.New().Process(ctx, doc); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if err := m.Process(ctx, doc); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(doc.Tokens))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func ewtTrainDev() (train, dev []conllu.Sentence, err error) {
	if train, err = conllu.ReadFile(filepath.Join(ewtDir, "en_ewt-ud-train.conllu")); err != nil {
		return nil, nil, err
	}
	dev, err = conllu.ReadFile(filepath.Join(ewtDir, "en_ewt-ud-dev.conllu"))
	return train, dev, err
}

// TestSplitDatelines checks that the dateline opening a wire story becomes
// a sentence of its own, and that lookalikes stay whole. Each paragraph of
// the input is given as one sentence, as the classifier would leave it.
func TestSplitDatelines(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		// A dateline is marked "D:".
		{"ROTTERDAM, March 3 (Newswire) - Dock workers walked off the job.",
			[]string{"D:ROTTERDAM, March 3 (Newswire) -", "Dock workers walked off the job."}},
		{"Title\n\nNEW YORK (Wire Service) — Stocks rose on Friday.",
			[]string{"Title", "D:NEW YORK (Wire Service) —", "Stocks rose on Friday."}},
		{"KYIV/WARSAW, Ukraine -- Talks resumed.",
			[]string{"D:KYIV/WARSAW, Ukraine --", "Talks resumed."}},
		// Not at the start of a line.
		{"He said: ROME - it was over.", []string{"He said: ROME - it was over."}},
		// A word in lower case before the dash: no dateline.
		{"NATO officials - two of them - left.", []string{"NATO officials - two of them - left."}},
		// A hyphen inside a word, not a dash set apart.
		{"US-China talks resumed.", []string{"US-China talks resumed."}},
		// Not in capitals.
		{"Rotterdam - Dock workers walked off.", []string{"Rotterdam - Dock workers walked off."}},
		// The dateline is already a sentence, on its own line.
		{"LONDON -", []string{"D:LONDON -"}},
		{"LONDON -\nTalks resumed.", []string{"D:LONDON -", "Talks resumed."}},
		// A dash at the end of a line, but lower case before it.
		{"Talks -\nresumed.", []string{"Talks -\nresumed."}},
	}
	for _, tt := range tests {
		doc := &extract.Document{Text: tt.text}
		if err := tokenize.New().Process(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		// One sentence a paragraph.
		first := 0
		for i := range doc.Tokens {
			last := i == len(doc.Tokens)-1
			if last || strings.Contains(doc.Text[doc.Tokens[i].End:doc.Tokens[i+1].Start], "\n\n") {
				doc.Sentences = append(doc.Sentences, extract.Sentence{First: first, Last: i + 1})
				first = i + 1
			}
		}
		splitDatelines(doc)
		var got []string
		for _, s := range doc.Sentences {
			start, end := doc.Span(s)
			mark := ""
			if s.Dateline {
				mark = "D:"
			}
			got = append(got, mark+doc.Text[start:end])
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q: sentences %q, want %q", tt.text, got, tt.want)
		}
	}
}
