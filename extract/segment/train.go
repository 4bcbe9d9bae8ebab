package segment

import (
	"context"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"time"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/conllu"
	"github.com/newsgraph/newsgraph/extract/perceptron"
	"github.com/newsgraph/newsgraph/extract/tokenize"
	"github.com/newsgraph/newsgraph/extract/udeval"
)

// TrainOptions tune Train. The zero value gives the defaults.
type TrainOptions struct {
	// Epochs is the number of passes over the training text (default 10).
	Epochs int
	// Seed seeds the order in which paragraphs are visited in each epoch;
	// the same data, options and seed give the same model.
	Seed uint64
	// Quantum is the precision the averaged weights are rounded to in the
	// trained model (default 1/256); weights that round to zero are
	// dropped, so a larger quantum makes a smaller model.
	Quantum float64
}

func (o TrainOptions) withDefaults() TrainOptions {
	if o.Epochs <= 0 {
		o.Epochs = 10
	}
	if o.Quantum <= 0 {
		o.Quantum = 1.0 / 256
	}
	return o
}

// example is the training material: the tokenized text, its units, which
// of them end a gold sentence, and where paragraphs start.
type example struct {
	us    []unit
	gold  []bool
	paras []int // the first unit of each paragraph, then len(us)
}

// prepare lays sents out as raw text (varied by rng, see layout),
// tokenizes it with tok and marks the units that end a gold sentence,
// matching them by character offsets.
func prepare(ctx context.Context, sents []conllu.Sentence, tok *tokenize.Tokenizer, rng *rand.Rand) (*example, error) {
	text, ends := layout(sents, rng)
	doc := &extract.Document{Text: text}
	if err := tok.Process(ctx, doc); err != nil {
		return nil, err
	}
	ex := &example{us: units(doc)}
	ex.gold = make([]bool, len(ex.us))
	e := 0
	for i, u := range ex.us {
		end := doc.Tokens[u.last-1].End
		for e < len(ends) && ends[e] < end {
			e++
		}
		ex.gold[i] = e < len(ends) && ends[e] == end
		if i == 0 || ex.us[i-1].gap >= gapPara {
			ex.paras = append(ex.paras, i)
		}
	}
	ex.paras = append(ex.paras, len(ex.us))
	return ex, nil
}

// Train trains a sentence splitter on the gold sentences train, laid out as
// RawText does and tokenized by tok (a new Tokenizer if nil). When dev is
// not empty, the Sentences F1 on it is logged after each epoch.
func Train(ctx context.Context, train, dev []conllu.Sentence, tok *tokenize.Tokenizer, opts TrainOptions, log *slog.Logger) (*Model, error) {
	opts = opts.withDefaults()
	if tok == nil {
		tok = tokenize.New()
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	start := time.Now()
	rng := rand.New(rand.NewPCG(opts.Seed, opts.Seed^0x5e65e65e))
	ex, err := prepare(ctx, train, tok, rng)
	if err != nil {
		return nil, fmt.Errorf("segment: preparing training text: %w", err)
	}
	log.Info("segment: training", "sentences", len(train), "tokens", len(ex.us), "paragraphs", len(ex.paras)-1,
		"epochs", opts.Epochs, "seed", opts.Seed)

	tr := perceptron.NewTrainer(classes)
	order := make([]int, len(ex.paras)-1)
	for i := range order {
		order[i] = i
	}
	var feats []uint64
	scores := make([]float32, len(classes))
	var m *Model
	for epoch := 1; epoch <= opts.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs, n := 0, 0
		for _, p := range order {
			a, b := ex.paras[p], ex.paras[p+1]
			err := walk(ctx, ex.us[a:b], func(i, para int, h history) bool {
				if i == b-a-1 {
					return true // a paragraph's end is no decision
				}
				feats = features(feats[:0], ex.us[a:b], i, para, h)
				clear(scores)
				tr.Score(feats, scores)
				guess, truth := perceptron.Best(scores), inside
				if ex.gold[a+i] {
					truth = ends
				}
				if guess != truth {
					errs++
					tr.Update(feats, truth, guess, 1)
				}
				tr.Tick()
				n++
				return guess == ends
			})
			if err != nil {
				return nil, fmt.Errorf("segment: training: %w", err)
			}
		}
		m = &Model{p: tr.Average(opts.Quantum)}
		attrs := []any{"epoch", epoch, "train_error", float64(errs) / float64(max(n, 1)), "features", tr.Features()}
		if len(dev) > 0 {
			rep, err := evaluate(ctx, m, tok, dev)
			if err != nil {
				return nil, fmt.Errorf("segment: evaluating on dev: %w", err)
			}
			attrs = append(attrs, "dev_sentences_f1", rep.Get("Sentences").F1())
		}
		log.Info("segment: epoch done", attrs...)
	}
	log.Info("segment: trained", "features", m.p.Features(), "weights", m.p.Weights(), "elapsed", time.Since(start).Round(time.Millisecond))
	return m, nil
}

// evaluate splits the raw text of gold with tok and m and scores the
// result against gold.
func evaluate(ctx context.Context, m *Model, tok *tokenize.Tokenizer, gold []conllu.Sentence) (udeval.Report, error) {
	doc := &extract.Document{Text: RawText(gold)}
	if err := tok.Process(ctx, doc); err != nil {
		return udeval.Report{}, err
	}
	if err := m.Process(ctx, doc); err != nil {
		return udeval.Report{}, err
	}
	return udeval.Evaluate(gold, conllu.FromDocument(doc))
}
