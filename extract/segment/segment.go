// Package segment splits a tokenized document into sentences.
//
// A blank line always ends a sentence, and so does the dateline opening a
// wire story (see splitDatelines). Elsewhere, after every surface token
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
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

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
	splitDatelines(doc)
	return nil
}

// maxDateline is the most tokens a dateline has, its dash included.
const maxDateline = 16

// splitDatelines ends a sentence after the dateline that opens a wire
// story ("ROTTERDAM, March 3 (Newswire) - Dock workers walked off …"). The
// classifier, trained on web text, which has none, keeps the dateline in
// the story's first sentence, where the parser takes the city for the
// subject of the lead, the sentence that matters most. A dateline starts a
// line with a word in capitals, holds no word in lower case, and ends with
// a dash set apart by spaces within its first maxDateline tokens.
func splitDatelines(doc *extract.Document) {
	for k := 0; k < len(doc.Sentences); k++ {
		s := doc.Sentences[k]
		d := datelineEnd(doc, s)
		if d == 0 {
			continue
		}
		doc.Sentences[k].Dateline = true
		if d < s.Last {
			doc.Sentences = slices.Insert(doc.Sentences, k+1, extract.Sentence{First: d, Last: s.Last})
			doc.Sentences[k].Last = d
			k++
		}
	}
}

// datelineEnd returns the index of the token after the dash that ends the
// dateline opening sentence s (s.Last if s is the dateline alone), or 0 if
// s opens with none.
func datelineEnd(doc *extract.Document, s extract.Sentence) int {
	if s.Len() < 2 {
		return 0
	}
	start := doc.Tokens[s.First].Start
	if before := strings.TrimRight(doc.Text[:start], " \t"); before != "" && !strings.HasSuffix(before, "\n") {
		return 0 // not at the start of a line
	}
	if !capitals(doc.Form(&doc.Tokens[s.First])) {
		return 0
	}
	for j := s.First + 1; j < s.Last && j < s.First+maxDateline; j++ {
		t := &doc.Tokens[j]
		form := doc.Form(t)
		switch form {
		case "-", "--", "–", "—":
			if t.Start > 0 && doc.Text[t.Start-1] == ' ' && (t.End == len(doc.Text) || unicode.IsSpace(rune(doc.Text[t.End]))) {
				return j + 1
			}
			return 0
		}
		if r, _ := utf8.DecodeRuneInString(form); unicode.IsLower(r) {
			return 0
		}
	}
	return 0
}

// capitals tells whether a word is written in capitals: two letters or
// more, none of them lower case ("WASHINGTON", "ST.", "RIO DE").
func capitals(w string) bool {
	letters := 0
	for _, r := range w {
		switch {
		case unicode.IsLower(r):
			return false
		case unicode.IsLetter(r):
			letters++
		}
	}
	return letters >= 2
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
