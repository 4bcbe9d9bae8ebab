package pipeline

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/conllu"
	"github.com/newsgraph/newsgraph/extract/morph"
	"github.com/newsgraph/newsgraph/extract/tag"
)

func models(t testing.TB) *Models {
	t.Helper()
	m, err := Embedded()
	if err != nil {
		t.Fatalf("loading the embedded models: %v", err)
	}
	return m
}

func analyse(t testing.TB, text string) *extract.Document {
	t.Helper()
	doc := &extract.Document{Name: t.Name(), Text: text}
	if err := models(t).Pipeline().Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

// parsed is one sentence's analysis with helpers to find words by form.
type parsed struct {
	t     *testing.T
	doc   *extract.Document
	words []extract.Token
}

func parseOne(t *testing.T, text string) parsed {
	t.Helper()
	doc := analyse(t, text)
	if len(doc.Sentences) != 1 {
		t.Fatalf("%q: %d sentences, want 1", text, len(doc.Sentences))
	}
	return parsed{t: t, doc: doc, words: doc.Words(doc.Sentences[0])}
}

// find returns the 1-based ID of the first word with the given form.
func (p parsed) find(form string) int {
	p.t.Helper()
	for i := range p.words {
		if p.doc.Form(&p.words[i]) == form {
			return i + 1
		}
	}
	p.t.Fatalf("no word %q in %s", form, p)
	return 0
}

// span returns the ID of the word of a consecutive phrase that is attached
// outside it: the phrase's head, whatever the internal convention (flat,
// compound, nmod:desc) for names and titles.
func (p parsed) span(phrase string) int {
	p.t.Helper()
	forms := strings.Fields(phrase)
	first := p.find(forms[0])
	last := first + len(forms) - 1
	head := 0
	for id := first; id <= last; id++ {
		if h := p.words[id-1].Head; h < first || h > last {
			if head != 0 {
				p.t.Errorf("phrase %q has two heads (%d and %d) in %s", phrase, head, id, p)
			}
			head = id
		}
	}
	return head
}

// expect checks that word dep is attached to head (0 for the root) with
// one of the relations given.
func (p parsed) expect(dep, head int, rels ...string) {
	p.t.Helper()
	w := p.words[dep-1]
	for _, r := range rels {
		if w.Head == head && w.DepRel == r {
			return
		}
	}
	headForm := "ROOT"
	if head > 0 {
		headForm = p.doc.Form(&p.words[head-1])
	}
	p.t.Errorf("%q: want head %q with %v, got head %d %q\n%s", p.doc.Form(&w), headForm, rels, w.Head, w.DepRel, p)
}

func (p parsed) String() string {
	var b strings.Builder
	for i := range p.words {
		w := &p.words[i]
		fmt.Fprintf(&b, "  %d %s %s %s %d %s\n", i+1, p.doc.Form(w), w.UPOS, w.Lemma, w.Head, w.DepRel)
	}
	return b.String()
}

func TestNewsParses(t *testing.T) {
	t.Run("coordinated titled names", func(t *testing.T) {
		p := parseOne(t, "On Saturday, Russian President Vladimir Putin and U.S. President Donald Trump held a 50-minute phone call.")
		held := p.find("held")
		p.expect(held, 0, "root")
		putin := p.span("Russian President Vladimir Putin")
		trump := p.span("U.S. President Donald Trump")
		p.expect(putin, held, "nsubj")
		p.expect(trump, putin, "conj")
		p.expect(p.find("call"), held, "obj")
		p.expect(p.find("Saturday"), held, "obl")
	})
	t.Run("quote then X told Y", func(t *testing.T) {
		p := parseOne(t, `"We are ready to resume the negotiations," Ushakov told reporters in Moscow.`)
		told := p.find("told")
		p.expect(told, 0, "root")
		p.expect(p.find("Ushakov"), told, "nsubj")
		p.expect(p.find("reporters"), told, "obj", "iobj")
		p.expect(p.find("ready"), told, "ccomp", "parataxis")
	})
	t.Run("passive with agent", func(t *testing.T) {
		p := parseOne(t, "The agreement was signed on Sunday by the two unions.")
		signed := p.find("signed")
		p.expect(signed, 0, "root")
		p.expect(p.find("agreement"), signed, "nsubj:pass")
		p.expect(p.find("was"), signed, "aux:pass")
		p.expect(p.find("unions"), signed, "obl:agent")
	})
	t.Run("reported speech", func(t *testing.T) {
		p := parseOne(t, "The minister said the government would not intervene in the dispute.")
		said := p.find("said")
		p.expect(said, 0, "root")
		p.expect(p.find("minister"), said, "nsubj")
		intervene := p.find("intervene")
		p.expect(intervene, said, "ccomp")
		p.expect(p.find("government"), intervene, "nsubj")
		p.expect(p.find("not"), intervene, "advmod")
	})
}

func TestLemmasAndTags(t *testing.T) {
	p := parseOne(t, "The leaders discussed the escalating crisis and were meeting again.")
	for _, tc := range []struct{ form, upos, lemma string }{
		{"leaders", "NOUN", "leader"},
		{"discussed", "VERB", "discuss"},
		{"escalating", "VERB", "escalate"},
		{"were", "AUX", "be"},
		{"meeting", "VERB", "meet"},
	} {
		w := p.words[p.find(tc.form)-1]
		if w.UPOS != tc.upos || w.Lemma != tc.lemma {
			t.Errorf("%s: got %s %q, want %s %q", tc.form, w.UPOS, w.Lemma, tc.upos, tc.lemma)
		}
	}
}

// TestSampleArticles runs the pipeline over the bundled articles and checks
// the invariants every analysis must keep.
func TestSampleArticles(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("..", "..", "testdata", "articles", "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no sample articles: %v", err)
	}
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		doc := analyse(t, string(data))
		if len(doc.Sentences) < 5 {
			t.Errorf("%s: only %d sentences", path, len(doc.Sentences))
		}
		checkDocument(t, path, doc)
	}
}

// checkDocument verifies that sentences partition the tokens, that tokens
// are in order inside the text, and that every sentence is one tree.
func checkDocument(t *testing.T, name string, doc *extract.Document) {
	t.Helper()
	next := 0
	for _, s := range doc.Sentences {
		if s.First != next || s.Last <= s.First {
			t.Fatalf("%s: sentence %v does not follow token %d", name, s, next)
		}
		next = s.Last
		roots := 0
		words := doc.Words(s)
		for i, w := range words {
			if w.Head < 0 || w.Head > len(words) || w.Head == i+1 || w.DepRel == "" || w.UPOS == "" || w.Lemma == "" {
				t.Fatalf("%s: bad word %d %+v", name, i+1, w)
			}
			if w.Head == 0 {
				roots++
			}
			// Following heads from any word must reach the root.
			h, steps := w.Head, 0
			for h != 0 && steps <= len(words) {
				h = words[h-1].Head
				steps++
			}
			if h != 0 {
				t.Fatalf("%s: word %d is on a cycle", name, i+1)
			}
		}
		if roots != 1 {
			t.Errorf("%s: sentence %q has %d roots", name, doc.SentenceText(s), roots)
		}
	}
	if next != len(doc.Tokens) {
		t.Fatalf("%s: sentences cover %d of %d tokens", name, next, len(doc.Tokens))
	}
	prevEnd := 0
	for _, tok := range doc.Tokens {
		if tok.Start < prevEnd || tok.End <= tok.Start || tok.End > len(doc.Text) {
			t.Fatalf("%s: token %+v out of order", name, tok)
		}
		prevEnd = tok.End
	}
}

// TestConcurrentUse runs the shared models from many goroutines at once;
// every result must equal the sequential one (run with -race to check the
// models are really read-only).
func TestConcurrentUse(t *testing.T) {
	texts := []string{
		"The union accepted the offer on Monday. Work resumed at once.",
		`"It was a useful call," the aide said.`,
		"Ships were delayed by the strike, which lasted a week.",
	}
	want := make([]string, len(texts))
	for i, text := range texts {
		want[i] = render(t, analyse(t, text))
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 20; k++ {
				i := (g + k) % len(texts)
				doc := &extract.Document{Text: texts[i]}
				if err := models(t).Pipeline().Process(context.Background(), doc); err != nil {
					t.Error(err)
					return
				}
				if got := render(t, doc); got != want[i] {
					t.Errorf("goroutine %d: analysis differs from the sequential one:\n%s\nwant\n%s", g, got, want[i])
					return
				}
			}
		}()
	}
	wg.Wait()
}

func render(t testing.TB, doc *extract.Document) string {
	var b bytes.Buffer
	if err := conllu.Write(&b, conllu.FromDocument(doc)); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestGarbageInput(t *testing.T) {
	p := models(t).Pipeline()
	for name, text := range map[string]string{
		"empty":        "",
		"spaces":       " \n\t\n ",
		"invalid utf8": "abc \xff\xfe def",
		"binary":       "\x00\x01\x02\x03ELF\x00\x00",
		"punctuation":  strings.Repeat("?! ", 2000),
	} {
		doc := &extract.Document{Name: name, Text: text}
		err := p.Process(context.Background(), doc)
		if err == nil {
			checkDocument(t, name, doc)
		} else if !strings.Contains(err.Error(), name) {
			t.Errorf("%s: error does not name the input: %v", name, err)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	if _, err := LoadDir(t.TempDir()); err == nil {
		t.Error("loading an empty directory succeeded")
	}
	dir := t.TempDir()
	sub, _ := fs.Sub(embedded, "models")
	entries, _ := fs.ReadDir(sub, ".")
	for _, e := range entries {
		data, _ := fs.ReadFile(sub, e.Name())
		if e.Name() == TaggerFile {
			data = data[:len(data)/3]
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, err := LoadDir(dir)
	if err == nil || !strings.Contains(err.Error(), TaggerFile) {
		t.Errorf("a truncated tagger: got error %v, want one naming %s", err, TaggerFile)
	}
}

func ewt(t *testing.T, split string) []conllu.Sentence {
	t.Helper()
	path := filepath.Join("..", "..", "..", "shared", "data", "ud-ewt", "en_ewt-ud-"+split+".conllu")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("EWT not found at %s (needs ../shared): %v", path, err)
	}
	s, err := conllu.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestShippedModelsOnDev scores the embedded models on EWT dev: a model
// that slipped (a bad retraining, a broken feature) shows up here.
func TestShippedModelsOnDev(t *testing.T) {
	dev := ewt(t, "dev")
	m := models(t)
	tok, err := m.EvaluateGoldTokens(context.Background(), dev)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := m.EvaluateRaw(context.Background(), dev)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		ev      Evaluation
		measure string
		min     float64
	}{
		{tok, "UPOS", 0.95},
		{tok, "XPOS", 0.94},
		{tok, "Lemmas", 0.97},
		{tok, "UAS", 0.84},
		{tok, "LAS", 0.80},
		{raw, "Tokens", 0.99},
		{raw, "Sentences", 0.80},
	} {
		if got := c.ev.Report.Get(c.measure).F1(); got < c.min {
			t.Errorf("%s F1 %.2f%%, want at least %.1f%%", c.measure, 100*got, 100*c.min)
		}
	}
}

// TestTrainingReproducible retrains the tagger and the lemmatiser with the
// options `newsgraph train` uses and checks the result is byte for byte the
// shipped model. (The parser and sentence splitter take minutes to train;
// `newsgraph train` rebuilds them.)
func TestTrainingReproducible(t *testing.T) {
	if testing.Short() {
		t.Skip("retrains models: skipped in -short mode")
	}
	train := ewt(t, "train")
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	tagger, err := tag.Train(context.Background(), train, nil, tag.TrainOptions{Seed: 1}, log)
	if err != nil {
		t.Fatal(err)
	}
	lemmatiser, err := morph.Train(context.Background(), train, nil, log)
	if err != nil {
		t.Fatal(err)
	}
	for name, m := range map[string]io.WriterTo{TaggerFile: tagger, MorphFile: lemmatiser} {
		var buf bytes.Buffer
		if _, err := m.WriteTo(&buf); err != nil {
			t.Fatal(err)
		}
		shipped, err := embedded.ReadFile("models/" + name)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(buf.Bytes(), shipped) {
			t.Errorf("%s: retraining gives a different file (%d bytes, shipped %d): run `newsgraph train`", name, buf.Len(), len(shipped))
		}
	}
}
