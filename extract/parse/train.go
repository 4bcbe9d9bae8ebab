package parse

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/extract/conllu"
	"github.com/newsgraph/newsgraph/extract/perceptron"
)

// TrainOptions control training. Zero values select the defaults.
type TrainOptions struct {
	// Epochs is the number of passes over the training sentences
	// (default 15). When dev sentences are given, the epoch that scores
	// best on them (LAS) is kept, otherwise the last.
	Epochs int
	// Seed fixes the order of sentences and the exploration choices: the
	// same data and seed give a byte-identical model.
	Seed uint64
	// ExploreFrom is the first epoch (counted from 1) in which the parser
	// follows its own wrong predictions while learning (default 2); set
	// it beyond Epochs to train on the oracle's path only.
	ExploreFrom int
	// ExploreRate is the probability of following a wrong prediction in
	// those epochs (default 0.9).
	ExploreRate float64
	// Quantum is the step weights are rounded to in the shipped model;
	// weights that round to zero are dropped (default 0.25).
	Quantum float64
	// MinWordCount is how often a word must occur in train to have
	// features of its own (default 2); rarer words are known by their
	// shape.
	MinWordCount int
	// Augment adds sentences rebuilt into news shapes (see Augment): this
	// many of each kind per training sentence (default 0: none).
	Augment float64
}

func (o *TrainOptions) defaults() {
	if o.Epochs <= 0 {
		o.Epochs = 15
	}
	if o.ExploreFrom <= 0 {
		o.ExploreFrom = 2
	}
	if o.ExploreRate <= 0 {
		o.ExploreRate = 0.9
	}
	if o.Quantum <= 0 {
		o.Quantum = 0.25
	}
	if o.MinWordCount <= 0 {
		o.MinWordCount = 2
	}
}

// example is a training sentence: its words and its gold tree, made
// projective.
type example struct {
	words  []word
	heads  []int32 // per position 0..n, heads[0] = -1
	labels []int32 // label indices, per position
}

// Train learns a parser from train, whose forms and tags are what the parser
// will see at run time (predicted tags, jack-knifed, for a parser that will
// meet predicted tags) and whose heads and relations are gold. After each
// epoch it logs the dev scores; the best epoch's model is returned. dev may
// be empty, in which case the last epoch is kept.
func Train(ctx context.Context, train, dev []conllu.Sentence, opts TrainOptions, log *slog.Logger) (*Model, error) {
	opts.defaults()
	if opts.Augment > 0 {
		train = append(slices.Clip(train), Augment(train, opts.Augment, opts.Seed)...)
	}
	labels := labelSet(train)
	voc := newVocab(train, opts.MinWordCount)
	examples, lifted, skipped := makeExamples(train, labels)
	if len(examples) == 0 {
		return nil, errors.New("parse: no usable training sentence")
	}
	log.Info("parser training data", "sentences", len(examples), "labels", len(labels), "words", len(voc),
		"lifted_arcs", lifted, "skipped_sentences", skipped)

	sure := newSureLabels(examples)
	tr := &trainer{
		opts:        opts,
		voc:         voc,
		sure:        sure,
		root:        int32(slices.Index(labels, rootLabel)),
		moves:       perceptron.NewTrainer(moveClasses),
		relations:   perceptron.NewTrainer(labels),
		rng:         rand.New(rand.NewPCG(opts.Seed, 0x5eed_9a75e)),
		moveScores:  make([]float32, len(moveClasses)),
		labelScores: make([]float32, len(labels)),
	}
	order := make([]int, len(examples))
	for i := range order {
		order[i] = i
	}
	var (
		best    *Model
		bestLAS = -1.0
	)
	for epoch := 1; epoch <= opts.Epochs; epoch++ {
		start := time.Now()
		tr.rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		tr.explore = epoch >= opts.ExploreFrom
		tr.nMoves, tr.moveErrs, tr.nArcs, tr.labelErrs = 0, 0, 0, 0
		for i, ei := range order {
			if i%256 == 0 {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
			}
			tr.learn(&examples[ei])
		}
		m, err := newModel(labels, voc, sure, tr.moves.Average(opts.Quantum), tr.relations.Average(opts.Quantum))
		if err != nil {
			return nil, err
		}
		attrs := []any{"epoch", epoch,
			"move_errors", fmt.Sprintf("%.2f%%", 100*float64(tr.moveErrs)/float64(max(tr.nMoves, 1))),
			"label_errors", fmt.Sprintf("%.2f%%", 100*float64(tr.labelErrs)/float64(max(tr.nArcs, 1))),
			"move_features", m.moves.Features(), "label_features", m.relations.Features(),
			"took", time.Since(start).Round(time.Millisecond)}
		if len(dev) == 0 {
			best = m
			log.Info("parser epoch", attrs...)
			continue
		}
		uas, las, err := m.Evaluate(ctx, dev)
		if err != nil {
			return nil, err
		}
		log.Info("parser epoch", append(attrs, "dev_uas", fmt.Sprintf("%.2f", 100*uas), "dev_las", fmt.Sprintf("%.2f", 100*las))...)
		if las > bestLAS {
			best, bestLAS = m, las
		}
	}
	return best, nil
}

// trainer holds the perceptrons being trained and the scratch memory of
// one training parse.
type trainer struct {
	opts      TrainOptions
	voc       vocab
	sure      sureLabels
	root      int32
	moves     *perceptron.Trainer
	relations *perceptron.Trainer
	rng       *rand.Rand
	explore   bool // follow the model's own wrong moves (with ExploreRate)

	sent        sentence
	st          state
	feats       []uint64
	moveScores  []float32
	labelScores []float32

	nMoves, moveErrs, nArcs, labelErrs int // this epoch's counts
}

// learn parses one example with the dynamic oracle, updating the
// perceptrons wherever the model's choice loses a gold arc (moves) or
// mislabels a gold arc (labels).
func (t *trainer) learn(ex *example) {
	st := &t.st
	t.sent.prepare(ex.words, t.voc)
	st.reset(len(ex.words))
	for !st.final() {
		kind, forced := st.forced()
		if !forced {
			kind = t.move(ex)
		}
		l := int32(-1)
		switch {
		case st.rootArc(kind):
			l = t.root
		case kind != shift:
			l = t.label(ex, kind)
		}
		st.apply(kind, l)
	}
}

// move scores the moves of the current configuration, learns from the
// oracle, and returns the move to make: the model's choice if it loses no
// more gold arcs than the best move, otherwise (unless exploring) the
// oracle's.
func (t *trainer) move(ex *example) int {
	st := &t.st
	t.feats = t.sent.allFeatures(st, t.feats[:0])
	clear(t.moveScores)
	t.moves.Score(t.feats, t.moveScores)
	cost := st.costs(ex.heads)
	guess := chooseMove(st, t.moveScores, nil)
	truth := chooseMove(st, t.moveScores, &cost)
	t.nMoves++
	kind := guess
	if cost[guess] > cost[truth] {
		t.moveErrs++
		t.moves.Update(t.feats, truth, guess, 1)
		if !t.explore || t.rng.Float64() >= t.opts.ExploreRate {
			kind = truth
		}
	}
	t.moves.Tick()
	return kind
}

// label chooses the relation of the arc move kind adds: the sure label of
// its tags if there is one, else the label model's choice, learning from
// it when the arc is gold (and returning the gold relation then).
func (t *trainer) label(ex *example, kind int) int32 {
	h, d := t.st.arc(kind)
	if l, ok := t.sure[t.sent.sureKey(h, d)]; ok {
		return l
	}
	t.feats = t.sent.labelFeatures(&t.st, h, d, t.feats[:0])
	clear(t.labelScores)
	t.relations.Score(t.feats, t.labelScores)
	l := chooseLabel(t.labelScores, t.root)
	if ex.heads[d] != h {
		return l
	}
	t.nArcs++
	if l != ex.labels[d] {
		t.labelErrs++
		t.relations.Update(t.feats, int(ex.labels[d]), int(l), 1)
		l = ex.labels[d]
	}
	t.relations.Tick()
	return l
}

// Evaluate parses gold sentences from their forms and tags and returns the
// unlabeled and labeled attachment scores over all words, the label
// compared without subtype as in the CoNLL 2018 shared task.
func (m *Model) Evaluate(ctx context.Context, gold []conllu.Sentence) (uas, las float64, err error) {
	wk := m.pool.Get().(*worker)
	defer m.pool.Put(wk)
	var total, uhit, lhit int
	for i := range gold {
		if i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return 0, 0, err
			}
		}
		s := &gold[i]
		wk.words = wordsOf(s, wk.words[:0])
		m.parse(wk)
		for j, w := range s.Words {
			total++
			if int(wk.state.head[j+1]) == w.Head {
				uhit++
				if universal(m.labels[wk.state.label[j+1]]) == universal(w.DepRel) {
					lhit++
				}
			}
		}
	}
	if total == 0 {
		return 0, 0, nil
	}
	return float64(uhit) / float64(total), float64(lhit) / float64(total), nil
}

func universal(rel string) string {
	u, _, _ := strings.Cut(rel, ":")
	return u
}

func wordsOf(s *conllu.Sentence, words []word) []word {
	for _, w := range s.Words {
		words = append(words, word{form: w.Form, upos: w.UPOS, xpos: w.XPOS})
	}
	return words
}

// labelSet returns the relations of train, sorted, with "root" among them.
func labelSet(train []conllu.Sentence) []string {
	seen := map[string]bool{rootLabel: true}
	for _, s := range train {
		for _, w := range s.Words {
			seen[w.DepRel] = true
		}
	}
	labels := make([]string, 0, len(seen))
	for l := range seen {
		labels = append(labels, l)
	}
	slices.Sort(labels)
	return labels
}

// makeExamples turns gold sentences into training examples, lifting
// non-projective arcs. Sentences that are not trees with one root word
// attached with "root" are skipped.
func makeExamples(train []conllu.Sentence, labels []string) (ex []example, lifted, skipped int) {
	index := make(map[string]int32, len(labels))
	for i, l := range labels {
		index[l] = int32(i)
	}
	for _, s := range train {
		n := len(s.Words)
		e := example{heads: make([]int32, n+1), labels: make([]int32, n+1)}
		e.heads[0], e.labels[0] = -1, -1
		roots := 0
		ok := true
		for i, w := range s.Words {
			if w.Head < 0 || w.Head > n || w.Head == i+1 {
				ok = false
				break
			}
			e.heads[i+1] = int32(w.Head)
			e.labels[i+1] = index[w.DepRel]
			if w.Head == 0 {
				roots++
				ok = ok && w.DepRel == rootLabel
			} else if w.DepRel == rootLabel {
				ok = false
			}
			e.words = append(e.words, word{form: w.Form, upos: w.UPOS, xpos: w.XPOS})
		}
		if !ok || roots != 1 || !acyclic(e.heads) {
			skipped++
			continue
		}
		lifted += projectivize(e.heads)
		ex = append(ex, e)
	}
	return ex, lifted, skipped
}

// acyclic tells whether every word reaches the root by following heads.
func acyclic(heads []int32) bool {
	n := len(heads) - 1
	for d := 1; d <= n; d++ {
		h, steps := int32(d), 0
		for h > 0 && steps <= n {
			h = heads[h]
			steps++
		}
		if h != 0 {
			return false
		}
	}
	return true
}

// projectivize makes a tree projective by lifting: while some arc is
// crossed, the dependent of the shortest non-projective arc is reattached
// to its head's head. The labels stay. It returns the number of lifts.
func projectivize(heads []int32) int {
	lifts := 0
	for {
		d := shortestNonProjective(heads)
		if d < 0 {
			return lifts
		}
		heads[d] = heads[heads[d]]
		lifts++
	}
}

// shortestNonProjective returns the dependent of the shortest arc that
// some word between its ends is not dominated by, or -1.
func shortestNonProjective(heads []int32) int32 {
	best, bestLen := int32(-1), int32(0)
	for d := int32(1); d < int32(len(heads)); d++ {
		h := heads[d]
		lo, hi := min(h, d), max(h, d)
		if best >= 0 && hi-lo >= bestLen {
			continue
		}
		for k := lo + 1; k < hi; k++ {
			if !dominates(heads, h, k) {
				best, bestLen = d, hi-lo
				break
			}
		}
	}
	return best
}

// dominates tells whether h is an ancestor of k.
func dominates(heads []int32, h, k int32) bool {
	for k > 0 {
		k = heads[k]
		if k == h {
			return true
		}
	}
	return h == 0
}
