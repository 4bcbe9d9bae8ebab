// Package morph is newsgraph's lemmatiser and morphological analyser: it
// gives every tagged word its lemma ("said" → "say") and its UD features
// ("Mood=Ind|Tense=Past|VerbForm=Fin").
//
// Both are learned from the treebank as tables keyed by the word and its
// tags. Words the tables do not know are handled by suffix rules learned
// from the same data: for the word's tag and longest known ending, the edit
// that most often turned such a word into its lemma ("-ies" → "-y" for
// NNS), and the features most often seen with that tag and ending.
package morph

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/conllu"
	"github.com/newsgraph/newsgraph/extract/modelfile"
)

// maxSuffix is the longest word ending, in characters, that rules look at.
const maxSuffix = 6

// Model is a trained lemmatiser; immutable and safe for concurrent use.
type Model struct {
	// known maps "tags\tlower-case form" to the analysis seen most often.
	known map[string]analysis
	// rules maps "tags\tending" to the analysis most often right for words
	// with that ending; the empty ending is the tags' default.
	rules map[string]analysis
}

// analysis is a lemma edit plus features. The edit turns a form into its
// lemma: optionally lower-case it, cut Cut characters off its end, append Add.
type analysis struct {
	Lower bool
	Cut   int
	Add   string
	Feats string
}

func (a analysis) apply(form string) string {
	if a.Lower {
		form = strings.ToLower(form)
	}
	n := utf8.RuneCountInString(form)
	if a.Cut > n {
		return form + a.Add
	}
	cut := len(form)
	for i := 0; i < a.Cut; i++ {
		_, size := utf8.DecodeLastRuneInString(form[:cut])
		cut -= size
	}
	return form[:cut] + a.Add
}

// editFor finds the edit that turns form into lemma.
func editFor(form, lemma string) analysis {
	// Lower-case whenever the lemma is lower case, so that the same edit
	// serves "The" and "the"; names keep their case ("Zaman", "iPhones" →
	// "iPhone").
	a := analysis{Lower: lemma == strings.ToLower(lemma)}
	src := form
	if a.Lower {
		src = strings.ToLower(form)
	}
	// Longest common prefix, in whole characters.
	p := 0
	for p < len(src) && p < len(lemma) {
		r1, s1 := utf8.DecodeRuneInString(src[p:])
		r2, s2 := utf8.DecodeRuneInString(lemma[p:])
		if r1 != r2 || s1 != s2 {
			break
		}
		p += s1
	}
	a.Cut = utf8.RuneCountInString(src[p:])
	a.Add = lemma[p:]
	return a
}

func tagKey(upos, xpos string) string { return upos + " " + xpos }

// Process sets the lemma and features of every word of doc.
func (m *Model) Process(ctx context.Context, doc *extract.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	for i := range doc.Tokens {
		t := &doc.Tokens[i]
		t.Lemma, t.Feats = m.Analyze(doc.Form(t), t.UPOS, t.XPOS)
	}
	return nil
}

// Analyze returns the lemma and features of a form with the given tags.
func (m *Model) Analyze(form, upos, xpos string) (lemma, feats string) {
	tags := tagKey(upos, xpos)
	lower := strings.ToLower(form)
	if a, ok := m.known[tags+"\t"+lower]; ok {
		return a.apply(form), a.Feats
	}
	// Longest known ending first; the whole word counts as an ending too,
	// so short unknown words still find a rule.
	runes := utf8.RuneCountInString(lower)
	for k := min(maxSuffix, runes); k >= 0; k-- {
		if a, ok := m.rules[tags+"\t"+suffix(lower, k)]; ok {
			return a.apply(form), a.Feats
		}
	}
	return form, ""
}

// suffix returns the last k characters of s.
func suffix(s string, k int) string {
	i := len(s)
	for ; k > 0 && i > 0; k-- {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}

// Train learns the tables from gold sentences and logs accuracy on dev.
func Train(ctx context.Context, train, dev []conllu.Sentence, log *slog.Logger) (*Model, error) {
	known := counter{}
	rules := counter{}
	// Rules count word types, not tokens: an ending's rule should be
	// what most different words with that ending do, not what its most
	// frequent word does ("looked" must not teach that "-oked" loses "ed"
	// when "smoked", "joked" and "invoked" lose only "d").
	seen := map[string]bool{}
	for _, s := range train {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		for _, w := range s.Words {
			a := editFor(w.Form, w.Lemma)
			if w.Feats != "_" {
				a.Feats = w.Feats
			}
			tags := tagKey(w.UPOS, w.XPOS)
			lower := strings.ToLower(w.Form)
			known.add(tags+"\t"+lower, a)
			if seen[tags+"\t"+w.Form+"\t"+w.Lemma] {
				continue
			}
			seen[tags+"\t"+w.Form+"\t"+w.Lemma] = true
			for k := 0; k <= min(maxSuffix, utf8.RuneCountInString(lower)); k++ {
				rules.add(tags+"\t"+suffix(lower, k), a)
			}
		}
	}
	m := &Model{known: known.best(1), rules: rules.best(2)}
	attrs := []any{"words", len(m.known), "rules", len(m.rules)}
	if len(dev) > 0 {
		l, f := m.Accuracy(dev)
		attrs = append(attrs, "dev_lemma", fmt.Sprintf("%.2f", 100*l), "dev_feats", fmt.Sprintf("%.2f", 100*f))
	}
	log.Info("lemmatiser trained", attrs...)
	return m, nil
}

// Accuracy returns lemma and feature accuracy on gold sentences, using
// their gold tags.
func (m *Model) Accuracy(gold []conllu.Sentence) (lemma, feats float64) {
	var nl, nf, n int
	for _, s := range gold {
		for _, w := range s.Words {
			l, f := m.Analyze(w.Form, w.UPOS, w.XPOS)
			if l == w.Lemma {
				nl++
			}
			if f == strings.TrimPrefix(w.Feats, "_") {
				nf++
			}
			n++
		}
	}
	return float64(nl) / float64(max(n, 1)), float64(nf) / float64(max(n, 1))
}

// counter counts analyses per key.
type counter map[string]map[analysis]int

func (c counter) add(key string, a analysis) {
	if c[key] == nil {
		c[key] = map[analysis]int{}
	}
	c[key][a]++
}

// best keeps, for every key seen at least minCount times, its most frequent
// analysis (ties broken by a fixed order, so training is deterministic).
func (c counter) best(minCount int) map[string]analysis {
	out := make(map[string]analysis, len(c))
	for key, byA := range c {
		var best analysis
		bestN, total := -1, 0
		for a, n := range byA {
			total += n
			if n > bestN || n == bestN && less(a, best) {
				best, bestN = a, n
			}
		}
		if total >= minCount {
			out[key] = best
		}
	}
	return out
}

func less(a, b analysis) bool {
	return encode(a) < encode(b)
}

// encode writes an analysis as one string, the form it is stored in.
func encode(a analysis) string {
	lower := "0"
	if a.Lower {
		lower = "1"
	}
	return lower + strconv.Itoa(a.Cut) + "\x00" + a.Add + "\x00" + a.Feats
}

func decode(s string) (analysis, error) {
	if len(s) < 2 {
		return analysis{}, fmt.Errorf("bad analysis %q", s)
	}
	parts := strings.SplitN(s[1:], "\x00", 3)
	if len(parts) != 3 {
		return analysis{}, fmt.Errorf("bad analysis %q", s)
	}
	cut, err := strconv.Atoi(parts[0])
	if err != nil || cut < 0 {
		return analysis{}, fmt.Errorf("bad analysis %q", s)
	}
	return analysis{Lower: s[0] == '1', Cut: cut, Add: parts[1], Feats: parts[2]}, nil
}

// WriteTo writes the model in newsgraph's model file format.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	mw := modelfile.NewWriter(w, "lemmatiser")
	for _, table := range []map[string]analysis{m.known, m.rules} {
		// Analyses are few and repeat: write each once, then refer to it.
		keys := make([]string, 0, len(table))
		for k := range table {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		ids := map[string]int{}
		var list []string
		for _, k := range keys {
			e := encode(table[k])
			if _, ok := ids[e]; !ok {
				ids[e] = len(list)
				list = append(list, e)
			}
		}
		mw.Strings(list)
		mw.Strings(keys)
		for _, k := range keys {
			mw.Uvarint(uint64(ids[encode(table[k])]))
		}
	}
	return mw.Close()
}

// Load reads a model written by WriteTo.
func Load(r io.Reader) (*Model, error) {
	mr, err := modelfile.NewReader(r, "lemmatiser")
	if err != nil {
		return nil, err
	}
	var tables [2]map[string]analysis
	for t := range tables {
		list := mr.Strings()
		analyses := make([]analysis, len(list))
		for i, e := range list {
			if analyses[i], err = decode(e); err != nil {
				return nil, fmt.Errorf("lemmatiser model: %w", err)
			}
		}
		keys := mr.Strings()
		if len(keys) > 0 && len(analyses) == 0 {
			return nil, fmt.Errorf("lemmatiser model: no analyses")
		}
		tables[t] = make(map[string]analysis, len(keys))
		for _, k := range keys {
			tables[t][k] = analyses[mr.Int(max(len(analyses)-1, 0))]
		}
	}
	if err := mr.Err(); err != nil {
		return nil, fmt.Errorf("lemmatiser model: %w", err)
	}
	return &Model{known: tables[0], rules: tables[1]}, nil
}
