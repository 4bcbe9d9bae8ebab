// Package segment splits a tokenized document into sentences.
//
// A blank line always ends a sentence. Elsewhere, after every surface token
// a trained classifier (an averaged perceptron, see package perceptron)
// decides whether a sentence ends: it looks at the token, its neighbours,
// their shapes and case, the white space between them, and how long the
// current sentence already is. Web and news text is too messy for rules
// alone: sentences end without punctuation, abbreviations end with periods,
// headlines and sign-offs stand alone.
//
// The classifier is trained on UD treebank sentences laid out as raw text
// (see RawText) and tokenized by the same tokenizer the pipeline uses, so it
// learns from the tokens it will see.
package segment

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/modelfile"
	"github.com/newsgraph/newsgraph/extract/perceptron"
)

// Classes of the boundary classifier.
const (
	inside = iota // the sentence goes on after the token
	ends          // a sentence ends after the token
)

var classes = []string{"inside", "ends"}

// Model is a trained sentence splitter. It is immutable after Train or
// Load and safe for concurrent use.
type Model struct {
	p *perceptron.Model
}

// Process fills doc.Sentences from doc.Tokens, which a tokenizer must have
// filled. Sentences never split a multi-word token.
func (m *Model) Process(ctx context.Context, doc *extract.Document) error {
	if m == nil || m.p == nil {
		return errors.New("segment: no model loaded")
	}
	doc.Sentences = nil
	us := units(doc)
	var feats []uint64
	scores := make([]float32, len(classes))
	first := 0 // the first word of the current sentence
	err := walk(ctx, us, func(i, para int, c history) bool {
		end := us[i].gap >= gapPara
		if !end {
			feats = features(feats[:0], us, i, para, c)
			clear(scores)
			m.p.Score(feats, scores)
			end = perceptron.Best(scores) == ends
		}
		if end {
			doc.Sentences = append(doc.Sentences, extract.Sentence{First: first, Last: us[i].last})
			first = us[i].last
		}
		return end
	})
	if err != nil {
		return fmt.Errorf("segment: %w", err)
	}
	return nil
}

// checkEvery is how many units walk handles between checks of its context.
const checkEvery = 4096

// walk calls decide for the boundary after every unit in order, with the
// start of its paragraph and the context of decisions so far; decide
// reports whether a sentence ends there. A paragraph break or the end of
// the text always ends one, whatever decide says.
func walk(ctx context.Context, us []unit, decide func(i, para int, c history) bool) error {
	var c history
	para := 0
	for i := range us {
		if i%checkEvery == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if isQuote(us[i].form) {
			c.quote = !c.quote
		}
		end := decide(i, para, c)
		c.since++
		if end || us[i].gap >= gapPara {
			c.since = 0
		}
		if us[i].gap >= gapPara {
			para = i + 1
			c.quote = false
		}
	}
	return nil
}

// Hashes of the double quotes, which toggle the quote context.
var (
	hashQuote      = hashLower(`"`)
	hashOpenQuote  = hashLower("“")
	hashCloseQuote = hashLower("”")
)

func isQuote(form uint64) bool {
	return form == hashQuote || form == hashOpenQuote || form == hashCloseQuote
}

func hashLower(s string) uint64 { return describe(s).form }

// WriteTo writes the model in newsgraph's model file format.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	mw := modelfile.NewWriter(w, "segmenter")
	mw.Model(m.p)
	return mw.Close()
}

// Load reads a model written by WriteTo.
func Load(r io.Reader) (*Model, error) {
	mr, err := modelfile.NewReader(r, "segmenter")
	if err != nil {
		return nil, fmt.Errorf("segment: %w", err)
	}
	p := mr.Model()
	if err := mr.Err(); err != nil {
		return nil, fmt.Errorf("segment: reading model: %w", err)
	}
	if len(p.Classes()) != len(classes) {
		return nil, fmt.Errorf("segment: model has %d classes, want %d", len(p.Classes()), len(classes))
	}
	return &Model{p: p}, nil
}
