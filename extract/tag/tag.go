// Package tag is newsgraph's part-of-speech tagger: a greedy left-to-right
// averaged perceptron (Collins 2002) that gives every word its universal
// (UPOS) and Penn Treebank (XPOS) tag in one decision, choosing among the
// (UPOS, XPOS) pairs seen in training.
//
// Features are the usual ones of perceptron taggers (words in a window of
// five, affixes, word shapes, the tags already chosen on the left) plus the
// "ambiguity class" of the words on the right: the set of tags a word was
// seen with in training, which stands in for the right-hand tags that are
// not known yet. Words that are ambiguous between parts of speech, or
// unknown, are then tagged a second time, knowing the tags the first pass
// chose on their right.
//
// Training adds to the treebank sentences rebuilt into the shapes of news
// (see augment), which EWT's web text has few of.
package tag

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/conllu"
	"github.com/newsgraph/newsgraph/extract/modelfile"
	"github.com/newsgraph/newsgraph/extract/perceptron"
)

// Model is a trained tagger. It is immutable and safe for concurrent use.
type Model struct {
	lex lexicon
	// sure maps the normalised words that training data always tags the
	// same way ("the", ",", "of") to their class: they are tagged without
	// scoring, which spares the model a third of the words of a text.
	sure    map[string]sureEntry
	weights *perceptron.Model
	upos    []string // per class
	xpos    []string // per class
	pool    sync.Pool
}

// scratch is the per-call working memory, pooled to keep tagging
// allocation-free.
type scratch struct {
	forms     []string
	toks      []token
	feats     []uint64
	scores    []float32
	tags      []int
	first     []float32 // first-pass scores, word by word
	firstTags []int     // first-pass tags
}

// sureEntry is the class of a word tagged by look-up; lowerOnly tells
// that the look-up is for its lower-case forms only (see sureCount).
type sureEntry struct {
	class     int
	lowerOnly bool
}

func newModel(lex lexicon, sure map[string]sureEntry, weights *perceptron.Model) *Model {
	// A sure word keeps its look-up class: the second pass, which has no
	// first-pass scores for it, must not revisit it.
	for word := range sure {
		if e, ok := lex.entries[word]; ok && e.revisit {
			e.revisit = false
			lex.entries[word] = e
		}
	}
	m := &Model{lex: lex, sure: sure, weights: weights}
	for _, c := range weights.Classes() {
		u, x, _ := strings.Cut(c, "\t")
		m.upos = append(m.upos, u)
		m.xpos = append(m.xpos, x)
	}
	m.pool.New = func() any { return &scratch{scores: make([]float32, len(m.upos))} }
	return m
}

// Process tags every sentence of doc.
func (m *Model) Process(ctx context.Context, doc *extract.Document) error {
	sc := m.pool.Get().(*scratch)
	defer m.pool.Put(sc)
	for _, s := range doc.Sentences {
		if err := ctx.Err(); err != nil {
			return err
		}
		words := doc.Words(s)
		sc.forms = sc.forms[:0]
		for i := range words {
			sc.forms = append(sc.forms, doc.Form(&words[i]))
		}
		m.tag(sc)
		for i, c := range sc.tags {
			words[i].UPOS, words[i].XPOS = m.upos[c], m.xpos[c]
		}
	}
	return nil
}

// Tag returns the UPOS and XPOS tags of a sentence's words.
func (m *Model) Tag(forms []string) (upos, xpos []string) {
	sc := m.pool.Get().(*scratch)
	defer m.pool.Put(sc)
	sc.forms = append(sc.forms[:0], forms...)
	m.tag(sc)
	for _, c := range sc.tags {
		upos = append(upos, m.upos[c])
		xpos = append(xpos, m.xpos[c])
	}
	return upos, xpos
}

// tag tags a sentence in two passes: left to right, each word knowing the
// classes chosen on its left; then again for the words that are
// ambiguous or unknown, now also knowing the classes the first pass chose
// on their right ("plans" after a run of names is a verb when no other
// word of the sentence is).
//
// The second pass costs little: a word's first-pass features are the same
// unless the second pass changed a tag on its left, so its first-pass
// scores are kept and only the right-context features added to them.
func (m *Model) tag(sc *scratch) {
	sc.toks = m.lex.prepare(sc.forms, sc.toks)
	sc.tags = sc.tags[:0]
	nc := len(m.upos)
	sc.first = slices.Grow(sc.first[:0], len(sc.toks)*nc)[:len(sc.toks)*nc]
	for i := range sc.toks {
		if e, ok := m.sure[sc.toks[i].norm]; ok && (sc.toks[i].lower || !e.lowerOnly) {
			sc.tags = append(sc.tags, e.class)
			continue
		}
		sc.feats = features(sc.feats[:0], sc.toks, i, sc.tags)
		scores := sc.first[i*nc : (i+1)*nc]
		clear(scores)
		m.weights.Score(sc.feats, scores)
		sc.tags = append(sc.tags, perceptron.Best(scores))
	}
	sc.firstTags = append(sc.firstTags[:0], sc.tags...)
	changed := func(j int) bool { return j >= 0 && sc.tags[j] != sc.firstTags[j] }
	for i := range sc.toks {
		if !sc.toks[i].revisit {
			continue
		}
		scores := sc.first[i*nc : (i+1)*nc]
		if changed(i-1) || changed(i-2) {
			sc.feats = features(sc.feats[:0], sc.toks, i, sc.tags)
			clear(scores)
			m.weights.Score(sc.feats, scores)
		}
		copy(sc.scores, scores)
		sc.feats = m.lex.rightFeatures(sc.feats[:0], sc.toks, i, sc.tags)
		m.weights.Score(sc.feats, sc.scores)
		sc.tags[i] = perceptron.Best(sc.scores)
	}
}

// TrainOptions control training.
type TrainOptions struct {
	Epochs int     // passes over the training data (default 8)
	Seed   uint64  // shuffling seed
	Prune  float64 // weight quantum: averaged weights are rounded to multiples of it (default 0.1)
	Folds  int     // folds of the held-out lexicons (default 5)
	// Augment is the share of news-shaped sentences of each kind added to
	// the training data (see augment); default 0.04, negative for none.
	Augment float64
}

func (o *TrainOptions) defaults() {
	if o.Epochs == 0 {
		o.Epochs = 8
	}
	if o.Prune == 0 {
		o.Prune = 0.1
	}
	if o.Folds == 0 {
		o.Folds = 5
	}
	if o.Augment == 0 {
		o.Augment = 0.04
	}
}

// Train learns a tagger from gold sentences. When dev is not empty, the
// accuracy on it is logged.
func Train(ctx context.Context, train, dev []conllu.Sentence, opts TrainOptions, log *slog.Logger) (*Model, error) {
	opts.defaults()
	classes, classOf := tagSet(train)
	tr := perceptron.NewTrainer(classes)
	lexicons := heldOutLexicons(train, classes, classOf, opts.Folds)
	examples := make([]example, len(train))
	for i := range train {
		examples[i] = example{src: i, words: train[i].Words}
	}
	examples = append(examples, augment(train, opts.Augment, opts.Seed)...)
	order := make([]int, len(examples))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(opts.Seed, 0x7a66e4))
	sc := &scratch{scores: make([]float32, len(classes))}
	for epoch := 1; epoch <= opts.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		correct, total := 0, 0
		for _, ei := range order {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			ex := &examples[ei]
			sc.forms = wordForms(sc.forms[:0], ex.words)
			lx := &lexicons[ex.src%len(lexicons)]
			sc.toks = lx.prepare(sc.forms, sc.toks)
			sc.tags = sc.tags[:0]
			for i, w := range ex.words {
				sc.feats = features(sc.feats[:0], sc.toks, i, sc.tags)
				// Condition later words on the prediction, as at run time.
				sc.tags = append(sc.tags, train1(tr, sc, classOf[w.UPOS+"\t"+w.XPOS], &correct))
				total++
			}
			// The second pass, on the first pass's predictions.
			for i, w := range ex.words {
				if sc.toks[i].revisit {
					sc.feats = features(sc.feats[:0], sc.toks, i, sc.tags)
					sc.feats = lx.rightFeatures(sc.feats, sc.toks, i, sc.tags)
					sc.tags[i] = train1(tr, sc, classOf[w.UPOS+"\t"+w.XPOS], nil)
				}
			}
		}
		log.Debug("tagger epoch", "epoch", epoch, "train_acc", pct(correct, total), "features", tr.Features())
	}
	// Training scores every word, sure or not, so that the weights are
	// those the whole data teaches; only tagging takes the short cut.
	m := newModel(newLexicon(wordClasses(train, classOf, normalize), wordClasses(train, classOf, casedKey), classes), sureClasses(train, classOf), tr.Average(opts.Prune))
	attrs := []any{"sentences", len(train), "augmented", len(examples) - len(train), "features", m.weights.Features(), "weights", m.weights.Weights()}
	if len(dev) > 0 {
		u, x := m.Accuracy(dev)
		attrs = append(attrs, "dev_upos", fmt.Sprintf("%.2f", 100*u), "dev_xpos", fmt.Sprintf("%.2f", 100*x))
	}
	log.Info("tagger trained", attrs...)
	return m, nil
}

// train1 scores the features in sc, updates the weights towards gold and
// returns the prediction, counting it in correct if it is right.
func train1(tr *perceptron.Trainer, sc *scratch, gold int, correct *int) int {
	clear(sc.scores)
	tr.Score(sc.feats, sc.scores)
	pred := perceptron.Best(sc.scores)
	tr.Update(sc.feats, gold, pred, 1)
	tr.Tick()
	if pred == gold && correct != nil {
		*correct++
	}
	return pred
}

// forFolds runs fn for each of folds folds, two at a time (this machine's
// cores); in(i) tells whether item i belongs to the fold.
func forFolds(n, folds int, fn func(fold int, in func(int) bool) error) error {
	errs := make([]error, folds)
	sem := make(chan struct{}, 2)
	var wg sync.WaitGroup
	for f := 0; f < folds; f++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			errs[f] = fn(f, func(i int) bool { return i%folds == f })
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

func sentenceForms(forms []string, s *conllu.Sentence) []string {
	return wordForms(forms, s.Words)
}

func wordForms(forms []string, words []conllu.Word) []string {
	for _, w := range words {
		forms = append(forms, w.Form)
	}
	return forms
}

func pct(a, b int) string { return fmt.Sprintf("%.2f", 100*float64(a)/float64(max(b, 1))) }

// Accuracy returns the UPOS and XPOS accuracy on gold sentences.
func (m *Model) Accuracy(gold []conllu.Sentence) (upos, xpos float64) {
	var nu, nx, n int
	var forms []string
	for _, s := range gold {
		forms = sentenceForms(forms[:0], &s)
		u, x := m.Tag(forms)
		for i, w := range s.Words {
			if u[i] == w.UPOS {
				nu++
			}
			if x[i] == w.XPOS {
				nx++
			}
			n++
		}
	}
	return float64(nu) / float64(max(n, 1)), float64(nx) / float64(max(n, 1))
}

// tagSet lists the (UPOS, XPOS) pairs of the training data in a fixed order.
func tagSet(train []conllu.Sentence) ([]string, map[string]int) {
	seen := map[string]bool{}
	for _, s := range train {
		for _, w := range s.Words {
			seen[w.UPOS+"\t"+w.XPOS] = true
		}
	}
	classes := make([]string, 0, len(seen))
	for c := range seen {
		classes = append(classes, c)
	}
	sort.Strings(classes)
	classOf := make(map[string]int, len(classes))
	for i, c := range classes {
		classOf[c] = i
	}
	return classes, classOf
}

// classCounts counts, for every normalised training word, how often it has
// each class.
func classCounts(train []conllu.Sentence, classOf map[string]int, key func(string) string) map[string]map[int]int {
	counts := map[string]map[int]int{}
	for _, s := range train {
		for _, w := range s.Words {
			n := key(w.Form)
			if n == "" {
				continue
			}
			if counts[n] == nil {
				counts[n] = map[int]int{}
			}
			counts[n][classOf[w.UPOS+"\t"+w.XPOS]]++
		}
	}
	return counts
}

// wordClasses maps every training word to the sorted set of classes it was
// tagged with, ignoring classes that make up under 5% of its uses
// (annotation noise would otherwise make every frequent word ambiguous).
func wordClasses(train []conllu.Sentence, classOf map[string]int, key func(string) string) map[string][]int {
	counts := classCounts(train, classOf, key)
	sets := make(map[string][]int, len(counts))
	for word, byClass := range counts {
		total := 0
		for _, c := range byClass {
			total += c
		}
		var set []int
		for class, c := range byClass {
			if c*20 >= total {
				set = append(set, class)
			}
		}
		slices.Sort(set)
		sets[word] = set
	}
	return sets
}

// newLexicon builds the lexicon from the class sets of normalised words
// and of capitalised forms; classes are the "UPOS\tXPOS" names of the
// class numbers.
func newLexicon(sets, casedSets map[string][]int, classes []string) lexicon {
	lx := lexicon{
		entries:   make(map[string]lexEntry, len(sets)),
		cased:     make(map[string]uint64, len(casedSets)),
		sets:      sets,
		casedSets: casedSets,
		finite:    make([]bool, len(classes)),
	}
	upos := make([]string, len(classes))
	for c, name := range classes {
		var xpos string
		upos[c], xpos, _ = strings.Cut(name, "\t")
		switch xpos {
		case "VBD", "VBZ", "VBP", "MD":
			lx.finite[c] = true
		}
	}
	for word, set := range sets {
		e := lexEntry{amb: setHash(set), common: true}
		for _, c := range set {
			e.common = e.common && upos[c] != "PROPN"
			e.revisit = e.revisit || upos[c] != upos[set[0]]
		}
		lx.entries[word] = e
	}
	for form, set := range casedSets {
		lx.cased[form] = setHash(set)
	}
	return lx
}

// casedKey is the key of the cased lexicon: forms with capitals, as
// written.
func casedKey(form string) string {
	if strings.IndexFunc(form, unicode.IsUpper) < 0 {
		return ""
	}
	return form
}

func setHash(set []int) uint64 {
	h := uint64(len(set))
	for _, c := range set {
		h = perceptron.Mix(h, uint64(c))
	}
	return h
}

// Words seen in training at least sureAnyCase times, with one class for
// at least sureShare of them, are tagged by look-up; so are the words seen
// at least sureCount times, when written in lower case. Besides sparing
// the model a third of the words of a text ("the", ","), this keeps words
// such as "spoke", always a verb in its fourteen uses in training, from
// being turned into a noun by a context unlike any of those ("Putin and
// Trump spoke by telephone"). Capitalised, a word seen less often is left
// to the model: "Cat" or "Source" may be part of a name.
const (
	sureCount   = 10
	sureAnyCase = 50
	sureShare   = 0.999
)

// sureClasses finds the words that are tagged by look-up.
func sureClasses(train []conllu.Sentence, classOf map[string]int) map[string]sureEntry {
	counts := classCounts(train, classOf, normalize)
	sure := map[string]sureEntry{}
	for word, byClass := range counts {
		total, best, bestClass := 0, 0, 0
		for class, c := range byClass {
			total += c
			if c > best || c == best && class < bestClass {
				best, bestClass = c, class
			}
		}
		if total >= sureCount && float64(best) >= sureShare*float64(total) {
			sure[word] = sureEntry{class: bestClass, lowerOnly: total < sureAnyCase}
		}
	}
	return sure
}

// heldOutLexicons builds one lexicon per fold from the sentences outside
// it. Training sentence i is tagged with lexicon i%folds, so that its rare
// words are as unknown to the lexicon as new words will be at run time,
// instead of carrying their own gold tags as a feature.
func heldOutLexicons(train []conllu.Sentence, classes []string, classOf map[string]int, folds int) []lexicon {
	lexicons := make([]lexicon, folds)
	for f := range lexicons {
		var part []conllu.Sentence
		for i := range train {
			if i%folds != f {
				part = append(part, train[i])
			}
		}
		lexicons[f] = newLexicon(wordClasses(part, classOf, normalize), wordClasses(part, classOf, casedKey), classes)
	}
	return lexicons
}

// WriteTo writes the model in newsgraph's model file format.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	mw := modelfile.NewWriter(w, "tagger")
	writeSets(mw, m.lex.sets)
	writeSets(mw, m.lex.casedSets)
	sureWords := make([]string, 0, len(m.sure))
	for word := range m.sure {
		sureWords = append(sureWords, word)
	}
	sort.Strings(sureWords)
	mw.Strings(sureWords)
	for _, word := range sureWords {
		e := m.sure[word]
		lowerOnly := uint64(0)
		if e.lowerOnly {
			lowerOnly = 1
		}
		mw.Uvarint(uint64(e.class))
		mw.Uvarint(lowerOnly)
	}
	mw.Model(m.weights)
	return mw.Close()
}

// Load reads a model written by WriteTo.
func Load(r io.Reader) (*Model, error) {
	mr, err := modelfile.NewReader(r, "tagger")
	if err != nil {
		return nil, err
	}
	sets := readSets(mr)
	casedSets := readSets(mr)
	sureWords := mr.Strings()
	sure := make(map[string]sureEntry, len(sureWords))
	for _, word := range sureWords {
		sure[word] = sureEntry{class: mr.Int(1 << 16), lowerOnly: mr.Int(1) == 1}
	}
	weights := mr.Model()
	if err := mr.Err(); err != nil {
		return nil, fmt.Errorf("tagger model: %w", err)
	}
	for _, e := range sure {
		if e.class >= len(weights.Classes()) {
			return nil, errors.New("tagger model: class out of range")
		}
	}
	if len(weights.Classes()) == 0 {
		return nil, errors.New("tagger model: no classes")
	}
	for _, table := range []map[string][]int{sets, casedSets} {
		for _, set := range table {
			for _, c := range set {
				if c >= len(weights.Classes()) {
					return nil, errors.New("tagger model: class out of range")
				}
			}
		}
	}
	return newModel(newLexicon(sets, casedSets, weights.Classes()), sure, weights), nil
}

// Jackknife returns copies of sents whose UPOS and XPOS are predicted by
// taggers that never saw them: the sentences are split into folds, and each
// fold is tagged by a model trained on the others. A parser trained on such
// tags learns to live with the tagger's real mistakes.
func Jackknife(ctx context.Context, sents []conllu.Sentence, folds int, opts TrainOptions, log *slog.Logger) ([]conllu.Sentence, error) {
	out := cloneSentences(sents)
	err := forFolds(len(sents), folds, func(fold int, in func(int) bool) error {
		var train []conllu.Sentence
		for i := range sents {
			if !in(i) {
				train = append(train, sents[i])
			}
		}
		m, err := Train(ctx, train, nil, opts, log.With("fold", fold+1))
		if err != nil {
			return err
		}
		for i := range out {
			if in(i) {
				m.retag(&out[i])
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("jackknife: %w", err)
	}
	return out, nil
}

// TagSentences returns copies of sents with the UPOS and XPOS the model
// predicts.
func (m *Model) TagSentences(sents []conllu.Sentence) []conllu.Sentence {
	out := cloneSentences(sents)
	for i := range out {
		m.retag(&out[i])
	}
	return out
}

// retag overwrites a sentence's tags with the model's.
func (m *Model) retag(s *conllu.Sentence) {
	upos, xpos := m.Tag(sentenceForms(nil, s))
	for k := range s.Words {
		s.Words[k].UPOS, s.Words[k].XPOS = upos[k], xpos[k]
	}
}

func cloneSentences(sents []conllu.Sentence) []conllu.Sentence {
	out := make([]conllu.Sentence, len(sents))
	for i, s := range sents {
		out[i] = s
		out[i].Words = slices.Clone(s.Words)
	}
	return out
}

// writeSets writes a word → class-set table in word order.
func writeSets(mw *modelfile.Writer, sets map[string][]int) {
	words := make([]string, 0, len(sets))
	for word := range sets {
		words = append(words, word)
	}
	sort.Strings(words)
	mw.Strings(words)
	for _, word := range words {
		mw.Uvarint(uint64(len(sets[word])))
		for _, c := range sets[word] {
			mw.Uvarint(uint64(c))
		}
	}
}

// readSets reads a table written by writeSets.
func readSets(mr *modelfile.Reader) map[string][]int {
	words := mr.Strings()
	sets := make(map[string][]int, len(words))
	for _, word := range words {
		set := make([]int, mr.Int(1<<10))
		for i := range set {
			set[i] = mr.Int(1 << 16)
		}
		sets[word] = set
	}
	return sets
}
