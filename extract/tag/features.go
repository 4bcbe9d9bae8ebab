package tag

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract/perceptron"
)

// Feature templates. The numbers are part of the model file format: append
// new ones, never renumber.
const (
	fBias uint64 = iota + 1
	fWord
	fWordPrev
	fWordNext
	fWordPrev2
	fWordNext2
	fSuffix1
	fSuffix2
	fSuffix3
	fSuffix4
	fPrefix1
	fPrefix2
	fPrefix3
	fShape
	fShapePrev
	fShapeNext
	fTagPrev
	fTagPrev2Prev
	fTagPrevWord
	fWordPrevWord
	fWordWordNext
	fSuffix3Prev
	fSuffix3Next
	fAmbigNext
	fAmbigNext2
	fAmbig
	fTagPrevAmbigNext
	fForm
	fFirstShape
	fTagPrev2
	fWordPrevNext
	fTagPrevSuffix3
	fLength
	fCapsShape
	fCapsAmbig
)

// token holds the per-word hashes features are built from, computed once
// per sentence so that building a feature is a couple of multiplications.
type token struct {
	norm                   string // the normalised form
	word, form, shape, amb uint64
	suffix                 [4]uint64
	prefix                 [3]uint64
	length                 uint64
	// caps buckets the share of the sentence's words that are
	// capitalised: in a headline set in title case, capitals say little
	// about proper nouns.
	caps uint64
}

// Special context words beyond the sentence edges.
var (
	hStart  = perceptron.Hash("<s>")
	hStart2 = perceptron.Hash("<s2>")
	hEnd    = perceptron.Hash("</s>")
	hEnd2   = perceptron.Hash("</s2>")
)

// normalize maps a form to the key word features use: lower case, with
// typographic quotes and dashes folded to their ASCII twins, and digits
// folded to 0 in longer numbers, since "1987" and "1986" behave alike.
func normalize(form string) string {
	var b strings.Builder
	b.Grow(len(form))
	digits := 0
	for _, r := range form {
		if unicode.IsDigit(r) {
			digits++
		}
	}
	for _, r := range form {
		switch {
		case r == '’' || r == '‘' || r == '`':
			r = '\''
		case r == '“' || r == '”':
			r = '"'
		case r == '–' || r == '—':
			r = '-'
		case digits > 1 && unicode.IsDigit(r):
			r = '0'
		default:
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// shape abstracts a form's characters (X upper, x lower, d digit, others as
// themselves), collapsing runs longer than two: "McCain" → "XxXx",
// "2025-06-14" → "dd-dd-dd".
func shape(form string) string {
	var b strings.Builder
	var last rune
	run := 0
	for _, r := range form {
		var c rune
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		default:
			c = r
		}
		if c == last {
			run++
		} else {
			run = 1
			last = c
		}
		if run <= 2 {
			b.WriteRune(c)
		}
	}
	return b.String()
}

// lexicon is what the tagger knows about words from training data.
type lexicon struct {
	// ambiguity maps a normalised word to the hash of the set of classes
	// it was seen with: a strong hint for the words to the right, whose
	// tags are not yet known when tagging left to right.
	ambiguity map[string]uint64
	sets      map[string][]int // the class sets the hashes stand for
}

// prepare computes the per-token hashes of a sentence.
func (lx *lexicon) prepare(forms []string, toks []token) []token {
	toks = toks[:0]
	for _, f := range forms {
		n := normalize(f)
		t := token{
			norm:   n,
			word:   perceptron.Hash(n),
			form:   perceptron.Hash(f),
			shape:  perceptron.Hash(shape(f)),
			amb:    lx.ambiguity[n],
			length: uint64(min(utf8.RuneCountInString(f), 12)),
		}
		// Affixes by runes, so they never split a character.
		runes := 0
		for i := len(n); i > 0 && runes < 4; {
			_, size := utf8.DecodeLastRuneInString(n[:i])
			i -= size
			t.suffix[runes] = perceptron.Hash(n[i:])
			runes++
		}
		for k := runes; k < 4; k++ {
			t.suffix[k] = t.suffix[runes-1]
		}
		runes = 0
		for i := 0; i < len(n) && runes < 3; {
			_, size := utf8.DecodeRuneInString(n[i:])
			i += size
			t.prefix[runes] = perceptron.Hash(n[:i])
			runes++
		}
		for k := runes; k < 3; k++ {
			t.prefix[k] = t.prefix[max(runes-1, 0)]
		}
		toks = append(toks, t)
	}
	words, capitalised := 0, 0
	for _, f := range forms {
		r, _ := utf8.DecodeRuneInString(f)
		if unicode.IsLetter(r) {
			words++
			if unicode.IsUpper(r) {
				capitalised++
			}
		}
	}
	caps := uint64(4 * capitalised / max(words, 1))
	for i := range toks {
		toks[i].caps = caps
	}
	return toks
}

// features appends the features of word i to buf, given the classes
// already chosen for the words before it.
func features(buf []uint64, toks []token, i int, prev []int) []uint64 {
	F := perceptron.Feature
	w := func(j int) uint64 {
		switch {
		case j == -1:
			return hStart
		case j < -1:
			return hStart2
		case j == len(toks):
			return hEnd
		case j > len(toks):
			return hEnd2
		}
		return toks[j].word
	}
	tag := func(j int) uint64 {
		if j < 0 {
			return 1 << 20
		}
		return uint64(prev[j])
	}
	t := &toks[i]
	shapePrev, shapeNext, sufPrev, sufNext, ambNext, ambNext2 := hStart, hEnd, hStart, hEnd, hEnd, hEnd
	if i > 0 {
		p := &toks[i-1]
		shapePrev, sufPrev = p.shape, p.suffix[2]
	}
	if i+1 < len(toks) {
		n := &toks[i+1]
		shapeNext, sufNext, ambNext = n.shape, n.suffix[2], n.amb
	}
	if i+2 < len(toks) {
		ambNext2 = toks[i+2].amb
	}
	first := uint64(0)
	if i == 0 {
		first = 1
	}
	buf = append(buf,
		F(fBias),
		F(fWord, t.word),
		F(fWordPrev, w(i-1)),
		F(fWordNext, w(i+1)),
		F(fWordPrev2, w(i-2)),
		F(fWordNext2, w(i+2)),
		F(fSuffix1, t.suffix[0]),
		F(fSuffix2, t.suffix[1]),
		F(fSuffix3, t.suffix[2]),
		F(fSuffix4, t.suffix[3]),
		F(fPrefix1, t.prefix[0]),
		F(fPrefix2, t.prefix[1]),
		F(fPrefix3, t.prefix[2]),
		F(fShape, t.shape),
		F(fShapePrev, shapePrev, t.shape),
		F(fShapeNext, t.shape, shapeNext),
		F(fTagPrev, tag(i-1)),
		F(fTagPrev2Prev, tag(i-2), tag(i-1)),
		F(fTagPrevWord, tag(i-1), t.word),
		F(fWordPrevWord, w(i-1), t.word),
		F(fWordWordNext, t.word, w(i+1)),
		F(fSuffix3Prev, sufPrev),
		F(fSuffix3Next, sufNext),
		F(fAmbigNext, ambNext),
		F(fAmbigNext2, ambNext, ambNext2),
		F(fAmbig, t.amb),
		F(fTagPrevAmbigNext, tag(i-1), ambNext),
		F(fForm, t.form),
		F(fFirstShape, first, t.shape),
		F(fTagPrev2, tag(i-2)),
		F(fWordPrevNext, w(i-1), w(i+1)),
		F(fTagPrevSuffix3, tag(i-1), t.suffix[2]),
		F(fLength, t.length),
		F(fCapsShape, t.caps, first, t.shape),
		F(fCapsAmbig, t.caps, t.amb),
	)
	return buf
}
