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
	Seed   uint64  // shuffling seed
	Prune  float64 // weight quantum: averaged weights are rounded to multiples of it (default 0.05)
	Folds  int     // folds of the held-out lexicons (default 10)
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
}

// Train learns a recogniser from labelled sentences, read as documents
// that start at the sentences marked NewDoc. The sentences' UPOS tags
// should be set the way they will be at run time (see Tag). When dev is
// not empty, its scores are logged at the end, and its F1 after every
// epoch at debug level.
func Train(ctx context.Context, train, dev []Sentence, opts TrainOptions, log *slog.Logger) (*Model, error) {
	opts.defaults()
	types := sortedTypes(train)
	if len(types) == 0 {
		return nil, errors.New("ner: training data has no entities")
	}
	if len(types) > maxTypes {
		return nil, fmt.Errorf("ner: %d entity types, at most %d supported", len(types), maxTypes)
	}
	ls := newLabelSet(types)
	n := ls.n
	pairs := make([]string, 0, (n+1)*n)
	for p := 0; p <= n; p++ {
		for y := 0; y < n; y++ {
			pairs = append(pairs, strconv.Itoa(p)+">"+strconv.Itoa(y))
		}
	}
	emitTr := perceptron.NewTrainer(ls.names())
	transTr := perceptron.NewTrainer(pairs)
	docs := documents(train)
	lexicons := heldOutLexicons(train, docs, types, opts.Folds)
	full := buildLexicon(train, types)
	trans := make([]float32, len(pairs))
	transKey := []uint64{fTransition}
	lb := &labeller{labels: &ls, emit: emitTr, trans: trans}
	sc := newScratch()
	var gold []int
	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(opts.Seed, 0x3e7))
	for epoch := 1; epoch <= opts.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		wrong, total := 0, 0
		for _, di := range order {
			d := docs[di]
			lb.lex = &lexicons[di%len(lexicons)]
			sents := train[d.first:d.last]
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
				clear(trans)
				transTr.Score(transKey, trans)
			})
			if err != nil {
				return nil, err
			}
		}
		attrs := []any{"epoch", epoch, "word_errors", wrong, "words", total, "features", emitTr.Features()}
		if len(dev) > 0 && log.Enabled(ctx, slog.LevelDebug) {
			m, err := newModel(types, full, emitTr.Average(opts.Prune), transTr.Average(0))
			if err != nil {
				return nil, err
			}
			if ev, err := Evaluate(dev, m.Predict(dev)); err == nil {
				attrs = append(attrs, "dev_f1", pct(ev.Overall.F1()))
			}
		}
		log.Debug("ner epoch", attrs...)
	}
	model, err := newModel(types, full, emitTr.Average(opts.Prune), transTr.Average(0))
	if err != nil {
		return nil, err
	}
	attrs := []any{"sentences", len(train), "documents", len(docs), "features", model.emit.Features(), "weights", model.emit.Weights()}
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
