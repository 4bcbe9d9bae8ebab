package segment

import (
	"context"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract"
)

// Limit is a stage that runs right after the sentence splitter and cuts
// every sentence longer than Words words into consecutive sentences of at
// most Words words. A run of thousands of words without a sentence end is a
// table, a list or a page that lost its punctuation, not prose, and the
// stages after the splitter (tagger, parser, entity and fact extraction)
// cost more than linear time in a sentence's length: the limit keeps the
// whole pipeline linear in the length of the text.
//
// A cut is made after the last punctuation token of the second half of the
// Words words, if there is one, else after exactly Words words; it never
// splits a multi-word token (a piece then ends before the token, or, for a
// token longer than the limit, after it). Words <= 0 means no limit.
type Limit struct {
	Words int
}

// Process cuts doc's long sentences.
func (l Limit) Process(ctx context.Context, doc *extract.Document) error {
	if l.Words <= 0 {
		return nil
	}
	var out []extract.Sentence
	for i, s := range doc.Sentences {
		if s.Len() <= l.Words {
			if out != nil {
				out = append(out, s)
			}
			continue
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if out == nil {
			out = append(make([]extract.Sentence, 0, len(doc.Sentences)+s.Len()/l.Words), doc.Sentences[:i]...)
		}
		for first := s.First; first < s.Last; {
			last := l.cut(doc, first, s.Last)
			out = append(out, extract.Sentence{First: first, Last: last})
			first = last
		}
	}
	if out != nil {
		doc.Sentences = out
	}
	return nil
}

// cut returns where the piece of a sentence starting at word first and
// ending at most at end is to end.
func (l Limit) cut(doc *extract.Document, first, end int) int {
	if end-first <= l.Words {
		return end
	}
	last := first + l.Words
	for j := last; j > first+l.Words/2; j-- {
		if isPunct(doc.Form(&doc.Tokens[j-1])) && !splitsToken(doc, j) {
			return j
		}
	}
	for j := last; j > first; j-- {
		if !splitsToken(doc, j) {
			return j
		}
	}
	// One multi-word token longer than the limit: keep it whole.
	for last < end && splitsToken(doc, last) {
		last++
	}
	return last
}

// splitsToken tells whether a cut before word j would split a multi-word token.
func splitsToken(doc *extract.Document, j int) bool {
	if j <= 0 || j >= len(doc.Tokens) {
		return false
	}
	mw := doc.Tokens[j].MultiWord
	return mw != 0 && doc.Tokens[j-1].MultiWord == mw
}

// isPunct tells whether a word is punctuation only: ",", ";", "--".
func isPunct(form string) bool {
	if form == "" {
		return false
	}
	for _, r := range form {
		if !unicode.IsPunct(r) || r == utf8.RuneError {
			return false
		}
	}
	return true
}
