package ner

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"strconv"

	"github.com/newsgraph/newsgraph/extract/perceptron"
)

// TrainOptions control training.
type TrainOptions struct {
	Epochs int     // passes over the training data (default 6)
	Seed   uint64  // shuffling seed of the first member; member k uses Seed+k
	Prune  float64 // weight quantum: averaged weights are rounded to multiples of it (default 0.05)
	Folds  int     // folds of the held-out lexicons (default 10)
	// Members is how many models are trained, each with its own shuffling
	// of the data, and summed into the one model returned (default 3).
	// Their errors differ, so the sum errs less; it is no slower to run.
	Members int
	// ClusterWindow and ClusterMinCount control the Brown clustering of
	// the training text's words: the clusters kept active while words are
	// added (default 100), and how often a word must occur to be
	// clustered (default 2).
	ClusterWindow, ClusterMinCount int
}

func (o *TrainOptions) defaults() {
	if o.Epochs == 0 {
		o.Epochs = 6
	}
	if o.Prune == 0 {
		o.Prune = 0.05
	}
	if o.Folds == 0 {
		o.Folds = 10
	}
	if o.Members == 0 {
		o.Members = 3
	}
	if o.ClusterWindow == 0 {
		o.ClusterWindow = 100
	}
	if o.ClusterMinCount == 0 {
		o.ClusterMinCount = 2
	}
}

// Train learns a recogniser from labelled sentences, read as documents
// that start at the sentences marked NewDoc. The sentences' UPOS tags
// should be set the way they will be at run time (see Tag). When dev is
// not empty, its scores are logged at the end, and each member's F1 after
// every epoch at debug level.
func Train(ctx context.Context, train, dev []Sentence, opts TrainOptions, log *slog.Logger) (*Model, error) {
	opts.defaults()
	types := sortedTypes(train)
	if len(types) == 0 {
		return nil, errors.New("ner: training data has no entities")
	}
	if len(types) > maxTypes {
		return nil, fmt.Errorf("ner: %d entity types, at most %d supported", len(types), maxTypes)
	}
	// The clusters come from the words alone, so every lexicon, held out
	// or not, shares them.
	text := make([][]string, len(train))
	for i := range train {
		for _, f := range train[i].Forms {
			text[i] = append(text[i], normalize(f))
		}
	}
	clusters, err := brownClusters(ctx, text, clusterOptions{Window: opts.ClusterWindow, MinCount: opts.ClusterMinCount})
	if err != nil {
		return nil, err
	}
	log.Debug("ner clusters", "words", len(clusters))
	docs := documents(train)
	lexicons := heldOutLexicons(train, docs, types, opts.Folds)
	for i := range lexicons {
		lexicons[i].clusters = clusters
	}
	full := buildLexicon(train, types)
	full.clusters = clusters
	t := &trainer{train: train, dev: dev, docs: docs, lexicons: lexicons, full: full, types: types, opts: opts, log: log}
	var emits, transs []*perceptron.Model
	for k := range opts.Members {
		emit, trans, err := t.member(ctx, opts.Seed+uint64(k))
		if err != nil {
			return nil, err
		}
		emits, transs = append(emits, emit), append(transs, trans)
	}
	emit, err := perceptron.Sum(emits...)
	if err != nil {
		return nil, err
	}
	trans, err := perceptron.Sum(transs...)
	if err != nil {
		return nil, err
	}
	model, err := newModel(types, full, emit, trans)
	if err != nil {
		return nil, err
	}
	attrs := []any{"sentences", len(train), "documents", len(docs), "members", opts.Members, "clustered_words", len(clusters),
		"features", model.emit.Features(), "weights", model.emit.Weights()}
	if len(dev) > 0 {
		ev, err := Evaluate(dev, model.Predict(dev))
		if err != nil {
			return nil, err
		}
		attrs = append(attrs, "dev_p", pct(ev.Overall.Precision()), "dev_r", pct(ev.Overall.Recall()), "dev_f1", pct(ev.Overall.F1()))
	}
	log.Info("ner trained", attrs...)
	return model, nil
}

// trainer is what training one member needs.
type trainer struct {
	train, dev []Sentence
	docs       []docRange
	lexicons   []lexicon // held out: document d is read with lexicons[d%len]
	full       lexicon
	types      []string
	opts       TrainOptions
	log        *slog.Logger
}

// member trains one structured perceptron, shuffling the documents with
// seed, and returns its averaged emission and transition models.
func (t *trainer) member(ctx context.Context, seed uint64) (emit, trans *perceptron.Model, err error) {
	ls := newLabelSet(t.types)
	n := ls.n
	pairs := make([]string, 0, (n+1)*n)
	for p := 0; p <= n; p++ {
		for y := 0; y < n; y++ {
			pairs = append(pairs, strconv.Itoa(p)+">"+strconv.Itoa(y))
		}
	}
	emitTr := perceptron.NewTrainer(ls.names())
	transTr := perceptron.NewTrainer(pairs)
	transW := make([]float32, len(pairs))
	transKey := []uint64{fTransition}
	lb := &labeller{labels: &ls, emit: emitTr, trans: transW}
	sc := newScratch()
	var gold []int
	order := make([]int, len(t.docs))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(seed, 0x3e7))
	for epoch := 1; epoch <= t.opts.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		wrong, total := 0, 0
		for _, di := range order {
			d := t.docs[di]
			lb.lex = &t.lexicons[di%len(t.lexicons)]
			sents := t.train[d.first:d.last]
			err := lb.labelDoc(ctx, sc, sentenceSource(sents), true, func(si int) {
				gold = ls.encode(sents[si].Labels, gold)
				for i := range gold {
					pred := sc.labels[i]
					total++
					if pred != gold[i] {
						wrong++
						emitTr.Update(sc.feats[sc.offsets[i]:sc.offsets[i+1]], gold[i], pred, 1)
					}
					gp, pp := n, n
					if i > 0 {
						gp, pp = gold[i-1], sc.labels[i-1]
					}
					transTr.Update(transKey, gp*n+gold[i], pp*n+pred, 1)
				}
				emitTr.Tick()
				transTr.Tick()
				clear(transW)
				transTr.Score(transKey, transW)
			})
			if err != nil {
				return nil, nil, err
			}
		}
		attrs := []any{"seed", seed, "epoch", epoch, "word_errors", wrong, "words", total, "features", emitTr.Features()}
		if len(t.dev) > 0 && t.log.Enabled(ctx, slog.LevelDebug) {
			m, err := newModel(t.types, t.full, emitTr.Average(t.opts.Prune), transTr.Average(0))
			if err != nil {
				return nil, nil, err
			}
			if ev, err := Evaluate(t.dev, m.Predict(t.dev)); err == nil {
				attrs = append(attrs, "dev_f1", pct(ev.Overall.F1()))
			}
		}
		t.log.Debug("ner epoch", attrs...)
	}
	return emitTr.Average(t.opts.Prune), transTr.Average(0), nil
}

func pct(x float64) string { return fmt.Sprintf("%.2f", 100*x) }

// heldOutLexicons builds one lexicon per fold from the documents outside
// it. Document d is read with lexicon d%folds during training, so that the
// names and words it shares with no other document are as unknown to the
// lexicon as the new names of new text will be.
func heldOutLexicons(sents []Sentence, docs []docRange, types []string, folds int) []lexicon {
	folds = min(folds, len(docs))
	if folds < 2 {
		return []lexicon{buildLexicon(nil, types)}
	}
	out := make([]lexicon, folds)
	for f := range out {
		var part []Sentence
		for di, d := range docs {
			if di%folds != f {
				part = append(part, sents[d.first:d.last]...)
			}
		}
		out[f] = buildLexicon(part, types)
	}
	return out
}
