package ner

import (
	"slices"
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
	fForm
	fPrefix1
	fPrefix2
	fPrefix3
	fPrefix4
	fSuffix1
	fSuffix2
	fSuffix3
	fSuffix4
	fShape
	fShort
	fFirstShape
	fWordPrev
	fWordNext
	fWordPrev2
	fWordNext2
	fWordPrevWord
	fWordWordNext
	fShapePrev
	fShapeNext
	fShapeTri
	fProfile
	fProfileShape
	fProfilePrev
	fProfileNext
	fShare
	fCap
	fCapFirst
	fGaz
	fGazShape
	fDocCap
	fDocCapFirst
	fShortPrevNext
	fFormPrev
	fFormNext
	fPOS
	fPOSPrev
	fPOSNext
	fPOSShape
	fFound
	fFoundShape
	fFoundFirst
	fRunBefore
	fRunAfter
	fRunPlace
	fCapsShape
	fRunBeforeType
	fChar
	fCharShape
	fCharRun
	fContextPrev
	fContextNext
	fWorld
	fWorldShape
	fWorldPOS
	fTitle
	fAfterTitle
	fCluster
	fClusterShape
	fClusterPrev
	fClusterNext
)

// clusterPrefixes are the lengths of the Brown cluster path prefixes used
// as features, from coarse to fine; the whole path is one too.
var clusterPrefixes = [...]int{4, 6, 10, 20}

// maxGaz bounds the gazetteer matches recorded per word.
const maxGaz = 4

// token holds the per-word hashes features are built from, computed once
// per sentence.
type token struct {
	norm                     string
	word, form, shape, short uint64
	prefix, suffix           [4]uint64
	prof                     uint64    // lexicon profile, or unknownWord
	first                    uint64    // 1 for the sentence's first word
	docCap                   uint64    // how the word is written elsewhere in the document
	pos                      uint64    // hash of the UPOS tag
	ctx                      *contexts // the words around the word's other occurrences, or nil
	found                    uint64    // how the first pass labelled the word elsewhere (see foundElsewhere)
	gaz                      [maxGaz]uint64
	ngaz                     int
	// A run is a maximal sequence of capitalised words: the words around
	// it are the context of a name of several words.
	runBefore, runAfter, runPlace uint64
	char                          uint64 // the trigram model's guess (see gramModel.guess), or 0
	caps                          uint64 // share of the sentence's words that are capitalised, bucketed
	// world marks a word covered by a name of the project's gazetteer
	// (see lexicon.matchWorld), title a word of a title or honorific, and
	// afterTitle the word right after one ("President Macron").
	world, title, afterTitle uint64
	cluster                  uint64 // the word's Brown cluster path (see pathCode), or 0
}

// unknownWord is the profile of words the lexicon does not know; real
// profiles never have all these bits set.
const unknownWord = 1 << 62

// Special context words beyond the sentence edges.
var (
	hStart  = perceptron.Hash("<s>")
	hStart2 = perceptron.Hash("<s2>")
	hEnd    = perceptron.Hash("</s>")
	hEnd2   = perceptron.Hash("</s2>")
)

// normalize maps a form to the key of word features: lower case, with
// typographic quotes and dashes folded to their ASCII twins, and digits
// folded to 0, since "1987" and "1986" behave alike.
func normalize(form string) string {
	plain := true
	for i := 0; i < len(form); i++ {
		c := form[i]
		if c >= 0x80 || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
			plain = false
			break
		}
	}
	if plain {
		return form
	}
	var b strings.Builder
	b.Grow(len(form))
	for _, r := range form {
		switch {
		case r == '’' || r == '‘' || r == '`':
			r = '\''
		case r == '“' || r == '”':
			r = '"'
		case r == '–' || r == '—':
			r = '-'
		case unicode.IsDigit(r):
			r = '0'
		default:
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// shapes abstracts a form's characters (X upper, x lower, d digit, others
// as themselves). The long shape collapses runs longer than two
// ("McCain" → "XxXxx"), the short one every run ("McCain" → "XxXx").
func shapes(form string) (long, short uint64) {
	var lb, sb [32]byte
	l, s := lb[:0], sb[:0]
	var last byte
	run := 0
	for _, r := range form {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case r < utf8.RuneSelf:
			c = byte(r)
		default:
			c = '*'
		}
		if c == last {
			run++
		} else {
			run = 1
			last = c
		}
		if run <= 2 && len(l) < cap(l) {
			l = append(l, c)
		}
		if run == 1 && len(s) < cap(s) {
			s = append(s, c)
		}
	}
	return hashBytes(l), hashBytes(s)
}

func hashBytes(b []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range b {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

// docContext is what the recogniser knows of a document as a whole.
type docContext struct {
	// cases records how the words of the document are written inside
	// sentences: bit 1 if ever capitalised, bit 2 if ever in lower case.
	// A word at the start of a sentence or in a headline says little by
	// its capital; the same word elsewhere in the document tells whether
	// it is a name.
	cases map[string]uint8
	// contexts records the words around the occurrences of each
	// capitalised word: "at Azurix" in one sentence says what Azurix is
	// in another.
	contexts map[string]*contexts
}

// maxContexts bounds the distinct words recorded on each side of a word.
const maxContexts = 4

type contexts struct {
	prev, next   [maxContexts]uint64
	nprev, nnext int
}

func (c *contexts) add(prev, next uint64) {
	if c.nprev < maxContexts && !slices.Contains(c.prev[:c.nprev], prev) {
		c.prev[c.nprev] = prev
		c.nprev++
	}
	if c.nnext < maxContexts && !slices.Contains(c.next[:c.nnext], next) {
		c.next[c.nnext] = next
		c.nnext++
	}
}

func newDocContext() docContext {
	return docContext{cases: map[string]uint8{}, contexts: map[string]*contexts{}}
}

func (dc docContext) reset() {
	clear(dc.cases)
	clear(dc.contexts)
}

// add records a sentence's words.
func (dc docContext) add(forms []string) {
	start := sentenceStart(forms)
	for i := range forms {
		r, _ := utf8.DecodeRuneInString(forms[i])
		var bit uint8
		switch {
		case unicode.IsUpper(r):
			bit = 1
		case unicode.IsLower(r):
			bit = 2
		default:
			continue
		}
		n := normalize(forms[i])
		if i > start {
			dc.cases[n] |= bit
		}
		if bit == 1 {
			prev, next := hStart, hEnd
			if i > 0 {
				prev = perceptron.Hash(normalize(forms[i-1]))
			}
			if i+1 < len(forms) {
				next = perceptron.Hash(normalize(forms[i+1]))
			}
			c := dc.contexts[n]
			if c == nil {
				c = &contexts{}
				dc.contexts[n] = c
			}
			c.add(prev, next)
		}
	}
}

// prepare computes the per-word hashes of a sentence.
func (lx *lexicon) prepare(forms, upos []string, dc docContext, toks []token) []token {
	toks = toks[:0]
	start := sentenceStart(forms)
	for i, f := range forms {
		n := normalize(f)
		t := token{norm: n, word: perceptron.Hash(n), form: perceptron.Hash(f), prof: unknownWord}
		t.shape, t.short = shapes(f)
		if p, ok := lx.words[n]; ok {
			t.prof = p
		}
		if i == start {
			t.first = 1
		}
		t.docCap = uint64(dc.cases[n])
		if capitalised(f) {
			t.ctx = dc.contexts[n]
		}
		t.cluster = lx.clusters[n]
		if t.prof == unknownWord || capitalised(f) {
			t.char = lx.grams.guess(n)
		}
		if upos != nil {
			t.pos = perceptron.Hash(upos[i])
		}
		affixes(&t)
		toks = append(toks, t)
	}
	lx.matchNames(toks)
	lx.matchWorld(toks, forms)
	runs(toks, forms)
	return toks
}

// affixes fills a token's prefixes and suffixes of one to four runes.
func affixes(t *token) {
	n := t.norm
	runes := 0
	for i := len(n); i > 0 && runes < 4; {
		_, size := utf8.DecodeLastRuneInString(n[:i])
		i -= size
		t.suffix[runes] = perceptron.Hash(n[i:])
		runes++
	}
	for k := runes; k < 4; k++ {
		t.suffix[k] = t.suffix[max(runes-1, 0)]
	}
	runes = 0
	for i := 0; i < len(n) && runes < 4; {
		_, size := utf8.DecodeRuneInString(n[i:])
		i += size
		t.prefix[runes] = perceptron.Hash(n[:i])
		runes++
	}
	for k := runes; k < 4; k++ {
		t.prefix[k] = t.prefix[max(runes-1, 0)]
	}
}

// runs finds the runs of capitalised words of a sentence and records, for
// each word of a run, the words before and after the run and its place in
// the run; it also records the share of capitalised words in the sentence,
// which tells a headline set in title case, or a text written all in lower
// case, from ordinary prose.
func runs(toks []token, forms []string) {
	words, capitals := 0, 0
	for i := 0; i < len(toks); {
		if !capitalised(forms[i]) {
			r, _ := utf8.DecodeRuneInString(forms[i])
			if unicode.IsLetter(r) {
				words++
			}
			i++
			continue
		}
		j := i
		for j < len(toks) && capitalised(forms[j]) {
			j++
		}
		words += j - i
		capitals += j - i
		before, after := hStart, hEnd
		if i > 0 {
			before = toks[i-1].word
		}
		if j < len(toks) {
			after = toks[j].word
		}
		for k := i; k < j; k++ {
			var place uint64
			switch {
			case j-i == 1:
				place = 'U'
			case k == i:
				place = 'B'
			case k == j-1:
				place = 'L'
			default:
				place = 'I'
			}
			toks[k].runBefore, toks[k].runAfter, toks[k].runPlace = before, after, place<<8|uint64(min(j-i, 5))
		}
		i = j
	}
	caps := uint64(1 + 4*capitals/max(words, 1))
	if capitals == 0 {
		caps = 0
	}
	for i := range toks {
		toks[i].caps = caps
	}
}

// matchNames marks the words covered by names of the gazetteer: at each
// word, the longest name starting there gives its words a mark of its
// types and of their place in it (first, inside, last, alone).
func (lx *lexicon) matchNames(toks []token) {
	for i := range toks {
		var h uint64
		best, bestTypes := 0, uint8(0)
		for k := 0; k < lx.maxName && i+k < len(toks); k++ {
			h = extendName(h, k, toks[i+k].word)
			if types, ok := lx.nameIndex[h]; ok {
				best, bestTypes = k+1, types
			}
		}
		for k := 0; k < best; k++ {
			t := &toks[i+k]
			if t.ngaz < maxGaz {
				t.gaz[t.ngaz] = bilou(k, best)<<8 | uint64(bestTypes)
				t.ngaz++
			}
		}
	}
}

// matchWorld marks the words covered by names and titles of the project's
// gazetteer (countries, capitals, international organisations, regions):
// at each word the longest name starting there, coded by its kind, whether
// it is a demonym or ambiguous, and the word's place in it; and the titles
// ("foreign minister", "Dr"), whose next word is often a person's name.
func (lx *lexicon) matchWorld(toks []token, forms []string) {
	g := lx.world
	if g == nil {
		return
	}
	for i := 0; i < len(forms); {
		r, _ := utf8.DecodeRuneInString(forms[i])
		if !unicode.IsLetter(r) {
			i++
			continue
		}
		m, ok := g.Match(forms[i:])
		if !ok {
			i++
			continue
		}
		code := uint64(m.Entry.Kind) << 2
		if m.Demonym {
			code |= 2
		}
		if m.Ambiguous {
			code |= 1
		}
		for k := 0; k < m.Len; k++ {
			toks[i+k].world = bilou(k, m.Len)<<8 | code
		}
		i += m.Len
	}
	for i := 0; i < len(forms); i++ {
		r, _ := utf8.DecodeRuneInString(forms[i])
		if !unicode.IsLetter(r) {
			continue
		}
		m, ok := g.MatchTitle(forms[i:])
		if !ok {
			continue
		}
		code := uint64(m.Title.Class)<<1 | uint64(b2u(m.Plural))
		for k := 0; k < m.Len; k++ {
			toks[i+k].title = bilou(k, m.Len)<<8 | code
		}
		if j := i + m.Len; j < len(toks) {
			toks[j].afterTitle = code
		}
		i += m.Len - 1
	}
}

// bilou codes the place of word k in a span of n words.
func bilou(k, n int) uint64 {
	switch {
	case n == 1:
		return 'U'
	case k == 0:
		return 'B'
	case k == n-1:
		return 'L'
	}
	return 'I'
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// features appends the features of word i of a prepared sentence to buf.
// They depend on the words only, not on labels: label interactions are
// the transition weights' job.
func features(buf []uint64, toks []token, i int, ntypes int) []uint64 {
	F := perceptron.Feature
	at := func(j int) *token {
		if j < 0 || j >= len(toks) {
			return nil
		}
		return &toks[j]
	}
	word := func(j int) uint64 {
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
	t := &toks[i]
	shapePrev, shortPrev, profPrev, formPrev, posPrev := hStart, hStart, hStart, hStart, hStart
	if p := at(i - 1); p != nil {
		shapePrev, shortPrev, profPrev, formPrev, posPrev = p.shape, p.short, p.prof, p.form, p.pos
	}
	shapeNext, shortNext, profNext, formNext, posNext := hEnd, hEnd, hEnd, hEnd, hEnd
	if n := at(i + 1); n != nil {
		shapeNext, shortNext, profNext, formNext, posNext = n.shape, n.short, n.prof, n.form, n.pos
	}
	buf = append(buf,
		F(fBias),
		F(fWord, t.word),
		F(fForm, t.form),
		F(fPrefix1, t.prefix[0]),
		F(fPrefix2, t.prefix[1]),
		F(fPrefix3, t.prefix[2]),
		F(fPrefix4, t.prefix[3]),
		F(fSuffix1, t.suffix[0]),
		F(fSuffix2, t.suffix[1]),
		F(fSuffix3, t.suffix[2]),
		F(fSuffix4, t.suffix[3]),
		F(fShape, t.shape),
		F(fShort, t.short),
		F(fFirstShape, t.first, t.shape),
		F(fWordPrev, word(i-1)),
		F(fWordNext, word(i+1)),
		F(fWordPrev2, word(i-2)),
		F(fWordNext2, word(i+2)),
		F(fWordPrevWord, word(i-1), t.word),
		F(fWordWordNext, t.word, word(i+1)),
		F(fShapePrev, shapePrev, t.shape),
		F(fShapeNext, t.shape, shapeNext),
		F(fShapeTri, shortPrev, t.short, shortNext),
		F(fShortPrevNext, shortPrev, shortNext),
		F(fProfile, t.prof),
		F(fProfileShape, t.prof, t.short, t.first),
		F(fProfilePrev, profPrev, t.prof),
		F(fProfileNext, t.prof, profNext),
		F(fCap, profCap(t.prof), t.short),
		F(fCapFirst, profCap(t.prof), t.first, t.short),
		F(fDocCap, t.docCap, t.short),
		F(fDocCapFirst, t.docCap, t.first, profCap(t.prof)),
		F(fFormPrev, formPrev, t.form),
		F(fFormNext, t.form, formNext),
	)
	if t.runPlace != 0 {
		buf = append(buf,
			F(fRunBefore, t.runBefore, t.runPlace>>8),
			F(fRunAfter, t.runAfter, t.runPlace>>8),
			F(fRunPlace, t.runPlace, t.first),
			F(fRunBeforeType, t.runBefore, t.suffix[2]),
		)
	}
	buf = append(buf, F(fCapsShape, t.caps, t.first, t.short))
	if t.char != 0 {
		buf = append(buf,
			F(fChar, t.char),
			F(fCharShape, t.char, t.short, t.first),
			F(fCharRun, t.char, t.runPlace),
		)
	}
	if c := t.ctx; c != nil {
		prev, next := word(i-1), word(i+1)
		for _, p := range c.prev[:c.nprev] {
			if p != prev {
				buf = append(buf, F(fContextPrev, p))
			}
		}
		for _, n := range c.next[:c.nnext] {
			if n != next {
				buf = append(buf, F(fContextNext, n))
			}
		}
	}
	if t.found != 0 {
		buf = foundFeatures(buf, t.found, t.short, t.first, profCap(t.prof))
	}
	if t.pos != 0 {
		buf = append(buf,
			F(fPOS, t.pos),
			F(fPOSPrev, posPrev, t.pos),
			F(fPOSNext, t.pos, posNext),
			F(fPOSShape, t.pos, t.short, t.first),
		)
	}
	if t.prof != unknownWord {
		for k := 0; k < ntypes; k++ {
			buf = append(buf, F(fShare, uint64(k), profShare(t.prof, k), profFreq(t.prof)))
		}
	}
	if t.cluster != 0 {
		for k, n := range clusterPrefixes {
			buf = append(buf, F(fCluster, uint64(k), pathPrefix(t.cluster, n)))
		}
		buf = append(buf,
			F(fCluster, uint64(len(clusterPrefixes)), t.cluster),
			F(fClusterShape, pathPrefix(t.cluster, 6), t.short),
		)
	}
	if p := at(i - 1); p != nil && p.cluster != 0 {
		buf = append(buf, F(fClusterPrev, pathPrefix(p.cluster, 6), t.short))
	}
	if n := at(i + 1); n != nil && n.cluster != 0 {
		buf = append(buf, F(fClusterNext, pathPrefix(n.cluster, 6), t.short))
	}
	if t.world != 0 {
		buf = append(buf, F(fWorld, t.world), F(fWorldShape, t.world, t.short), F(fWorldPOS, t.world, t.pos))
	}
	if t.title != 0 {
		buf = append(buf, F(fTitle, t.title, t.short))
	}
	if t.afterTitle != 0 {
		buf = append(buf, F(fAfterTitle, t.afterTitle, t.short))
	}
	for _, g := range t.gaz[:t.ngaz] {
		buf = append(buf, F(fGaz, g), F(fGazShape, g, t.short))
	}
	return buf
}

// foundFeatures appends the features of what the first pass found
// elsewhere in the document (see labeller.foundElsewhere) for a word of the
// given short shape, sentence-start flag and capitalisation bucket.
func foundFeatures(buf []uint64, found, short, first, capBucket uint64) []uint64 {
	F := perceptron.Feature
	return append(buf,
		F(fFound, found),
		F(fFoundShape, found, short),
		F(fFoundFirst, found, first, capBucket),
	)
}
