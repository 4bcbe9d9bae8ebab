package ner

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
)

func quiet() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

func TestReadIOB2(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    []Sentence
		wantErr string // a substring of the error, "" for success
	}{
		{
			name: "two sentences, comments, extra column, CRLF",
			in: "# newdoc id = d1\n# sent_id = d1-1\n# text = Ann met Bob Li .\n" +
				"1\tAnn\tB-PER\n2\tmet\tO\n3\tBob\tB-PER\n4\tLi\tI-PER\textra\n5\t.\tO\n\n" +
				"# sent_id = d1-2\r\n1\tOslo\tB-LOC\r\n\r\n",
			want: []Sentence{
				{ID: "d1-1", NewDoc: true, Forms: []string{"Ann", "met", "Bob", "Li", "."}, Labels: []string{"B-PER", "O", "B-PER", "I-PER", "O"}},
				{ID: "d1-2", Forms: []string{"Oslo"}, Labels: []string{"B-LOC"}},
			},
		},
		{
			name: "no final blank line, several blank lines",
			in:   "1\tHi\tO\n\n\n\n1\tParis\tB-LOC",
			want: []Sentence{
				{Forms: []string{"Hi"}, Labels: []string{"O"}},
				{Forms: []string{"Paris"}, Labels: []string{"B-LOC"}},
			},
		},
		{name: "empty input", in: "", want: nil},
		{name: "two columns", in: "# c\n1\tHi\tO\n2\tthere\n", wantErr: "line 3"},
		{name: "unknown prefix", in: "1\tHi\tX-PER\n", wantErr: `line 1: bad IOB2 label "X-PER"`},
		{name: "prefix without type", in: "1\tHi\tO\n2\tBob\tB-\n", wantErr: "line 2"},
		{name: "empty form", in: "1\t\tO\n", wantErr: "line 1: empty form"},
		{name: "comment inside a sentence", in: "1\tHi\tO\n# x\n", wantErr: "line 2: comment inside a sentence"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadIOB2(strings.NewReader(tt.in))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestEntities(t *testing.T) {
	tests := []struct {
		labels string
		want   []Entity
	}{
		{"O O", nil},
		{"B-PER I-PER O B-LOC", []Entity{{0, 2, "PER"}, {3, 4, "LOC"}}},
		// An I- that continues nothing starts an entity, as in conlleval.
		{"I-LOC I-LOC O I-ORG", []Entity{{0, 2, "LOC"}, {3, 4, "ORG"}}},
		// An I- of another type starts a new entity.
		{"B-PER I-LOC I-LOC", []Entity{{0, 1, "PER"}, {1, 3, "LOC"}}},
		// B- after B- of the same type: two entities.
		{"B-ORG B-ORG I-ORG", []Entity{{0, 1, "ORG"}, {1, 3, "ORG"}}},
		// Labels that are not IOB2 end an entity.
		{"B-PER junk I-PER", []Entity{{0, 1, "PER"}, {2, 3, "PER"}}},
	}
	for _, tt := range tests {
		got := Entities(strings.Fields(tt.labels))
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Entities(%s) = %v, want %v", tt.labels, got, tt.want)
		}
	}
}

func TestLabelsRoundTrip(t *testing.T) {
	ents := []Entity{{0, 1, "LOC"}, {1, 3, "PER"}, {5, 9, "ORG"}}
	labels := Labels(10, ents)
	if want := "B-LOC B-PER I-PER O O B-ORG I-ORG I-ORG I-ORG O"; strings.Join(labels, " ") != want {
		t.Fatalf("Labels = %v, want %s", labels, want)
	}
	if got := Entities(labels); !reflect.DeepEqual(got, ents) {
		t.Errorf("Entities(Labels(e)) = %v, want %v", got, ents)
	}
	// The BILOU coding the model uses decodes to the same entities,
	// ill-formed input included.
	ls := newLabelSet([]string{"LOC", "ORG", "PER"})
	for _, in := range []string{
		"B-LOC B-PER I-PER O O B-ORG I-ORG I-ORG I-ORG O",
		"I-PER O I-LOC I-LOC B-LOC",
	} {
		iob := strings.Fields(in)
		if got, want := ls.entities(ls.encode(iob, nil), nil), Entities(iob); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: BILOU round trip gives %v, want %v", in, got, want)
		}
	}
}

// TestViterbiWellFormed decodes random scores and checks that the labels
// always form well-formed BILOU sequences, and that they are the best
// ones (checked by brute force on short sentences).
func TestViterbiWellFormed(t *testing.T) {
	ls := newLabelSet([]string{"LOC", "PER"})
	n := ls.n
	rng := rand.New(rand.NewPCG(1, 2))
	var back []int32
	var out []int
	for trial := 0; trial < 200; trial++ {
		words := 1 + rng.IntN(3)
		emit := make([]float32, words*n)
		trans := make([]float32, (n+1)*n)
		for i := range emit {
			emit[i] = float32(rng.NormFloat64())
		}
		for i := range trans {
			trans[i] = float32(rng.NormFloat64())
		}
		back, out = ls.viterbi(emit, trans, words, back, out)
		score := func(labels []int) (float32, bool) {
			var s float32
			prev := n
			for i, y := range labels {
				if !ls.allowed[prev*n+y] {
					return 0, false
				}
				s += trans[prev*n+y] + emit[i*n+y]
				prev = y
			}
			return s, ls.final[prev]
		}
		got, ok := score(out)
		if !ok {
			t.Fatalf("ill-formed labels %v", out)
		}
		// Brute force over all sequences.
		seq := make([]int, words)
		var best float32 = -1e30
		var rec func(i int)
		rec = func(i int) {
			if i == words {
				if s, ok := score(seq); ok && s > best {
					best = s
				}
				return
			}
			for y := 0; y < n; y++ {
				seq[i] = y
				rec(i + 1)
			}
		}
		rec(0)
		if got < best-1e-4 {
			t.Fatalf("viterbi found %v scoring %v, best is %v", out, got, best)
		}
	}
}

func TestEvaluate(t *testing.T) {
	sent := func(labels string) Sentence { return Sentence{Labels: strings.Fields(labels)} }
	gold := []Sentence{sent("B-PER I-PER O B-LOC"), sent("B-ORG O O")}
	pred := []Sentence{sent("B-PER I-PER O B-ORG"), sent("B-ORG O B-LOC")}
	ev, err := Evaluate(gold, pred)
	if err != nil {
		t.Fatal(err)
	}
	// Gold: PER, LOC, ORG. Predicted: PER (right), ORG (wrong span),
	// ORG (right), LOC (wrong).
	if o := ev.Overall; o.Gold != 3 || o.Predicted != 4 || o.Correct != 2 {
		t.Fatalf("overall %+v", o)
	}
	if p, r, f := ev.Overall.Precision(), ev.Overall.Recall(), ev.Overall.F1(); p != 0.5 || r != 2.0/3 || f < 0.5714 || f > 0.5715 {
		t.Errorf("P %v R %v F1 %v", p, r, f)
	}
	want := []Score{{"LOC", 1, 1, 0}, {"ORG", 1, 2, 1}, {"PER", 1, 1, 1}}
	if !reflect.DeepEqual(ev.ByType, want) {
		t.Errorf("by type %+v, want %+v", ev.ByType, want)
	}
	if _, err := Evaluate(gold, pred[:1]); err == nil {
		t.Error("sentence count mismatch not reported")
	}
	if _, err := Evaluate(gold[:1], []Sentence{sent("O")}); err == nil {
		t.Error("label count mismatch not reported")
	}
}

func TestGramGuess(t *testing.T) {
	gc := newGramCounts(2)
	for _, w := range []string{"springfield", "greenfield", "mansfield"} {
		gc.add(w, 0)
	}
	for _, w := range []string{"johnson", "peterson", "jackson"} {
		gc.add(w, 1)
	}
	var lx lexicon
	lx.setGrams(gc)
	// The guess hashes trigrams without building strings; it must agree
	// with the strings counted.
	for g := range trigramStrings("ümlaut") {
		if len([]rune(g)) != 3 {
			t.Errorf("trigram %q", g)
		}
	}
	for word, class := range map[string]uint64{"westfield": 0, "anderson": 1} {
		if got := (lx.grams.guess(word) - 1) / 4; got != class {
			t.Errorf("guess(%s) = class %d, want %d", word, got, class)
		}
	}
}

// readTrain reads UniversalNER EWT train, skipping the test without it.
func readTrain(t testing.TB) []Sentence {
	t.Helper()
	path := filepath.Join("..", "..", "..", "shared", "data", "uner-ewt", "uner_en_ewt-train.iob2")
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("UniversalNER data not found at %s (needs ../shared): %v", path, err)
	}
	defer f.Close()
	sents, err := ReadIOB2(f)
	if err != nil {
		t.Fatal(err)
	}
	return sents
}

var small struct {
	sync.Once
	model *Model
	file  []byte
	err   error
}

// smallModel trains, once, a model on the first 4,000 sentences of train
// (no tags): enough to find common names, in a few seconds.
func smallModel(t *testing.T) (*Model, []byte) {
	t.Helper()
	train := readTrain(t)
	small.Do(func() {
		small.model, small.err = Train(context.Background(), train[:4000], nil, TrainOptions{Seed: 1, Epochs: 3, Folds: 4, Members: 2, ClusterWindow: 30, ClusterMinCount: 3}, quiet())
		if small.err == nil {
			var buf bytes.Buffer
			_, small.err = small.model.WriteTo(&buf)
			small.file = buf.Bytes()
		}
	})
	if small.err != nil {
		t.Fatal(small.err)
	}
	return small.model, small.file
}

func TestTrainingDeterministic(t *testing.T) {
	_, first := smallModel(t)
	m, err := Train(context.Background(), readTrain(t)[:4000], nil, TrainOptions{Seed: 1, Epochs: 3, Folds: 4, Members: 2, ClusterWindow: 30, ClusterMinCount: 3}, quiet())
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), first) {
		t.Fatal("two trainings with the same seed wrote different model files")
	}
}

// document lays out words separated by spaces as a tokenised document,
// starting a new sentence at each "|".
func document(text string) *extract.Document {
	doc := &extract.Document{}
	var b strings.Builder
	first := 0
	for _, f := range strings.Fields(text) {
		if f == "|" {
			doc.Sentences = append(doc.Sentences, extract.Sentence{First: first, Last: len(doc.Tokens)})
			first = len(doc.Tokens)
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		doc.Tokens = append(doc.Tokens, extract.Token{Start: b.Len(), End: b.Len() + len(f), SpaceAfter: true})
		b.WriteString(f)
	}
	doc.Sentences = append(doc.Sentences, extract.Sentence{First: first, Last: len(doc.Tokens)})
	doc.Text = b.String()
	return doc
}

// TestFindsNames trains a small model and checks that it finds the names
// of sentences written for the test, and that the mentions it reports are
// well placed.
func TestFindsNames(t *testing.T) {
	m, file := smallModel(t)
	loaded, err := Load(bytes.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	doc := document("President Bush spoke with reporters in Washington on Tuesday . | " +
		"Microsoft said its profits rose in Europe and Japan . | " +
		"I flew from Houston to London with my friend Sarah Johnson .")
	want := map[string]string{
		"Bush": "PER", "Washington": "LOC", "Microsoft": "ORG", "Europe": "LOC",
		"Japan": "LOC", "Houston": "LOC", "London": "LOC", "Sarah Johnson": "PER",
	}
	for name, model := range map[string]*Model{"trained": m, "loaded": loaded} {
		if err := model.Process(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for k, mn := range doc.Mentions {
			got[doc.SpanText(mn.Span)] = mn.Type
			if k > 0 && doc.Mentions[k-1].Last > mn.First {
				t.Errorf("%s: mentions overlap or are out of order: %v", name, doc.Mentions)
			}
			inside := false
			for _, s := range doc.Sentences {
				inside = inside || s.First <= mn.First && mn.Last <= s.Last
			}
			if !inside || mn.Len() <= 0 {
				t.Errorf("%s: mention %v is not within one sentence", name, mn)
			}
		}
		right := 0
		for text, typ := range want {
			if got[text] == typ {
				right++
			}
		}
		// A model trained on a third of the data misses some.
		if right < 6 {
			t.Errorf("%s: found %v, want most of %v", name, got, want)
		}
	}
	var ents []string
	for _, mn := range doc.Mentions {
		ents = append(ents, doc.SpanText(mn.Span)+"/"+mn.Type)
	}
	t.Logf("mentions: %v", ents)
	if !slices.Equal(m.Types(), []string{"LOC", "ORG", "PER"}) {
		t.Errorf("types %v", m.Types())
	}
}

func TestProcessCancelled(t *testing.T) {
	m, _ := smallModel(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := m.Process(ctx, document("Hello Paris .")); err == nil {
		t.Error("Process ignored a cancelled context")
	}
}

func TestLoadRejectsGarbage(t *testing.T) {
	for _, in := range []string{"", "not a model", "\x1f\x8b\x08\x00garbage"} {
		if _, err := Load(strings.NewReader(in)); err == nil {
			t.Errorf("Load(%q) succeeded", in)
		}
	}
}

func TestLoadRejectsTruncated(t *testing.T) {
	_, file := smallModel(t)
	if _, err := Load(bytes.NewReader(file[:len(file)/2])); err == nil {
		t.Error("a truncated model loaded")
	}
}

// TestConcurrentUse runs one model on several documents at once, as
// ingest does; run it with -race.
func TestConcurrentUse(t *testing.T) {
	m, _ := smallModel(t)
	text := "Officials in Paris met Angela Merkel . | Google hired John Smith in London ."
	want := document(text)
	if err := m.Process(context.Background(), want); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 20 {
				doc := document(text)
				if err := m.Process(context.Background(), doc); err != nil {
					errs <- err
					return
				}
				if !reflect.DeepEqual(doc.Mentions, want.Mentions) {
					errs <- fmt.Errorf("mentions %v, want %v", doc.Mentions, want.Mentions)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// TestDatelinePlace checks that a dateline's words before its first comma
// become one LOC entity, whatever the model read there, and that the
// model's entities after the comma are kept.
func TestDatelinePlace(t *testing.T) {
	tests := []struct {
		dateline string
		model    []Entity
		want     []Entity
	}{
		{"BRISTOL , March 3 ( Wire ) -", []Entity{{0, 1, "PER"}, {5, 6, "ORG"}},
			[]Entity{{0, 1, "LOC"}, {5, 6, "ORG"}}},
		{"RIO DE JANEIRO , May 2 -", []Entity{{0, 1, "LOC"}, {2, 3, "PER"}},
			[]Entity{{0, 3, "LOC"}}},
		{"KYIV/WARSAW , Ukraine --", nil,
			[]Entity{{0, 1, "LOC"}}},
		// No comma: the model's entities stand.
		{"NEW YORK ( Wire ) -", []Entity{{0, 2, "ORG"}},
			[]Entity{{0, 2, "ORG"}}},
	}
	for _, tt := range tests {
		doc := document(tt.dateline)
		got := datelinePlace(doc, doc.Sentences[0], slices.Clone(tt.model))
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: entities %v, want %v", tt.dateline, got, tt.want)
		}
	}
}
