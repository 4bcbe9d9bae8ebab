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
	fCasedAmbig
	fNextTag
	fNextTags
	fPrevNextTag
	fNextTagWord
	fOtherFinite
)

// token holds the per-word hashes features are built from, computed once
// per sentence so that building a feature is a couple of multiplications.
type token struct {
	norm                   string // the normalised form
	word, form, shape, amb uint64
	// cased is the hash of the class set of the form as written, for
	// forms with capitals: "Apple" and "apple" are tagged differently.
	cased   uint64
	suffix  [4]uint64
	prefix  [3]uint64
	length  uint64
	lower   bool // written without capitals
	revisit bool // see lexEntry.revisit
	common  bool // see lexEntry.common
	// caps tells whether the sentence is set in title case (see
	// titleCase): in a headline, capitals say little about proper nouns.
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
	entries   map[string]lexEntry
	cased     map[string]uint64 // class-set hashes of capitalised forms as written
	sets      map[string][]int  // the class sets of the words
	casedSets map[string][]int  // the class sets of capitalised forms
	finite    []bool            // per class: a finite verb or modal
}

// lexEntry is what the lexicon knows about one normalised word.
type lexEntry struct {
	// amb is the hash of the set of classes the word was seen with: a
	// strong hint for the words to the right, whose tags are not yet
	// known when tagging left to right.
	amb uint64
	// revisit tells whether the word is tagged a second time, once the
	// first pass has tagged the words to its right: words seen with
	// classes of more than one UPOS ("plans": noun or verb). Words not
	// seen at all and written with capitals are revisited too (see prepare):
	// unknown capitalised words are where names and headline words mix.
	revisit bool
	// common tells whether the word is never a proper noun: capitalised
	// in the middle of a sentence, it is a sign of title case.
	common bool
}

// prepare computes the per-token hashes of a sentence.
func (lx *lexicon) prepare(forms []string, toks []token) []token {
	toks = toks[:0]
	for _, f := range forms {
		n := normalize(f)
		e, known := lx.entries[n]
		lower := strings.IndexFunc(f, unicode.IsUpper) < 0
		t := token{
			norm:    n,
			word:    perceptron.Hash(n),
			form:    perceptron.Hash(f),
			shape:   perceptron.Hash(shape(f)),
			amb:     e.amb,
			cased:   lx.cased[f],
			lower:   lower,
			revisit: e.revisit || !known && !lower,
			common:  e.common,
			length:  uint64(min(utf8.RuneCountInString(f), 12)),
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
	caps := titleCase(forms, toks)
	for i := range toks {
		toks[i].caps = caps
	}
	return toks
}

// titleCase tells how much a sentence looks like a title-case headline:
// 0 if no common word (one never tagged as a proper noun) is capitalised
// in it after the first word, 1 if some are but fewer than the words in
// lower case, 2 if more ("Storm Leaves Thousands Without Power in
// Texas"). A sentence full of names ("Vladimir Putin and Donald Trump
// spoke") is not title case.
func titleCase(forms []string, toks []token) uint64 {
	titled, lower := 0, 0
	for i, f := range forms {
		r, _ := utf8.DecodeRuneInString(f)
		switch {
		case unicode.IsLower(r):
			lower++
		case i > 0 && unicode.IsUpper(r) && toks[i].common:
			titled++
		}
	}
	switch {
	case titled == 0:
		return 0
	case titled <= lower:
		return 1
	}
	return 2
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
	return append(buf,
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
		F(fCasedAmbig, first, t.cased),
	)
}

// rightFeatures appends the features of word i's second pass to buf: the
// classes chosen in the first pass for the words around it.
func (lx *lexicon) rightFeatures(buf []uint64, toks []token, i int, tags []int) []uint64 {
	F := perceptron.Feature
	tag := func(j int) uint64 {
		if j < 0 || j >= len(tags) {
			return 1 << 20
		}
		return uint64(tags[j])
	}
	other := uint64(0) // a finite verb elsewhere in the sentence
	for j, c := range tags {
		if j != i && lx.finite[c] {
			other = 1
			break
		}
	}
	t := &toks[i]
	return append(buf,
		F(fNextTag, tag(i+1)),
		F(fNextTags, tag(i+1), tag(i+2)),
		F(fPrevNextTag, tag(i-1), tag(i+1)),
		F(fNextTagWord, tag(i+1), t.word),
		F(fOtherFinite, other, t.amb),
	)
}
