package parse

import (
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract/perceptron"
)

// sentence is what the parser sees of a sentence: per position 0..n (0 is
// the root) the hashes of the word's normalised form, of its tags, and of
// the two together, computed once so that features are a few Mix calls.
// Index i+1 holds position i; index 0 stands for "no word there".
type sentence struct {
	n              int
	word, tag, pos []uint64
	wordTag        []uint64
	suffix         []uint64
	buf            []byte // scratch for normalised forms
}

// Hashes of the placeholders for absent words and for the root.
var (
	hNone    = perceptron.Hash("<none>")
	hRoot    = perceptron.Hash("<root>")
	hUnknown = perceptron.Hash("<unknown>")
)

// word is one input word.
type word struct {
	form, upos, xpos string
}

// prepare fills sn with the hashes of words; words outside voc are known
// by their shape only.
func (sn *sentence) prepare(words []word, voc vocab) {
	n := len(words)
	sn.n = n
	sn.word = fill(sn.word, n+2, hNone)
	sn.tag = fill(sn.tag, n+2, hNone)
	sn.pos = fill(sn.pos, n+2, hNone)
	sn.wordTag = fill(sn.wordTag, n+2, hNone)
	sn.suffix = fill(sn.suffix, n+2, hNone)
	sn.word[1], sn.tag[1], sn.pos[1], sn.wordTag[1], sn.suffix[1] = hRoot, hRoot, hRoot, hRoot, hRoot
	for i, w := range words {
		j := i + 2
		sn.buf = normalize(sn.buf[:0], w.form)
		sn.word[j] = voc.word(perceptron.Hash(string(sn.buf)), w.form)
		sn.pos[j] = perceptron.Hash(w.upos)
		sn.tag[j] = perceptron.Mix(perceptron.Hash(w.xpos), sn.pos[j])
		sn.wordTag[j] = perceptron.Mix(sn.word[j], sn.tag[j])
		sn.suffix[j] = perceptron.Hash(string(suffix(sn.buf, 3)))
	}
}

// normalize appends to buf the key of word features for form: lower case,
// digits folded to 0 (numbers behave alike whatever their value) and
// typographic quotes folded to ASCII.
func normalize(buf []byte, form string) []byte {
	for _, r := range form {
		switch {
		case r >= '0' && r <= '9' || unicode.IsDigit(r):
			r = '0'
		case r == '’' || r == '‘':
			r = '\''
		case r == '“' || r == '”':
			r = '"'
		default:
			r = unicode.ToLower(r)
		}
		buf = utf8.AppendRune(buf, r)
	}
	return buf
}

// suffix returns the last k runes of s.
func suffix(s []byte, k int) []byte {
	i := len(s)
	for ; k > 0 && i > 0; k-- {
		i--
		for i > 0 && s[i]&0xC0 == 0x80 {
			i--
		}
	}
	return s[i:]
}

// Feature templates; the numbers are part of the model: append, never
// renumber.
const (
	tS0WT uint64 = iota + 1
	tS0W
	tS0T
	tB0WT
	tB0W
	tB0T
	tB1WT
	tB1W
	tB1T
	tB2W
	tB2T
	tS1WT
	tS1W
	tS1T
	tS2W
	tS2T
	tS0WTB0WT
	tS0WTB0T
	tS0TB0WT
	tS0WB0W
	tS0TB0T
	tB0TB1T
	tS1WTS0WT
	tS1WTS0T
	tS1TS0WT
	tS1WS0W
	tS1TS0T
	tB0TB1TB2T
	tS0TB0TB1T
	tS1TS0TB0T
	tS2TS1TS0T
	tS0TS0LTB0T
	tS0TS0RTB0T
	tS0TB0TB0LT
	tS1TS1RTS0T
	tS1TS0TS0LT
	tS1TS0TS0RT
	tS1TS1LTS0T
	tS0TDist
	tB0TDist
	tS0WB0WDist
	tS0TB0TDist
	tS1TDist1
	tS1WS0WDist1
	tS1TS0TDist1
	tS0WVR
	tS0TVR
	tS0WVL
	tS0TVL
	tB0WVL
	tB0TVL
	tS1TVR
	tS1TVL
	tS0LW
	tS0LT
	tS0LL
	tS0RW
	tS0RT
	tS0RL
	tB0LW
	tB0LT
	tB0LL
	tS1RW
	tS1RT
	tS1RL
	tS1LT
	tS1LL
	tS0L2T
	tS0L2L
	tS0R2T
	tS0R2L
	tB0L2T
	tB0L2L
	tS0TS0LTS0L2T
	tS0TS0RTS0R2T
	tB0TB0LTB0L2T
	tS1TS1RTS1R2T
	tS0TSR
	tS0TSL
	tB0WSL
	tB0TSL
	tS1TSR
	tS1TSL
	tS0SufB0Suf
	tS1SufS0Suf
	tS0PB0PB1P
	tS1PS0PB0P
	tB0Suf
	tS0Suf
	tS1Suf
	tB1Suf
	tS0WTB0WTB1T
	tS1WTS0WTB0T
	tB0P
	tB1P
	tB0WP
	tB0PB1P
	tB0PB1PB2P
	tB0WB1W
	tB0WB1T
	tB0TB1W
	tS0P
	tS0WP
	tS1P
	tS1WP
	tS2P
	tS0PB0P
	tS1PS0P
	tS2PS1PS0P
	tS0WB0P
	tS0PB0W
	tS1WS0P
	tS1PS0W
	tS0PS0LPB0P
	tS0PB0PB0LP
	tB0PrevTB0T
	tB0PrevWB0W
	tS0TS0NextT
	tS0PrevTS0T
	tS0PrevTS0TS0NextT
	tS1TS1NextT
	tS0WS0NextT
)

// seed starts the hash of a feature of template t.
func seed(t uint64) uint64 { return t * 0x9e3779b97f4a7c15 }

func f1(t, a uint64) uint64       { return perceptron.Mix(seed(t), a) }
func f2(t, a, b uint64) uint64    { return perceptron.Mix(perceptron.Mix(seed(t), a), b) }
func f3(t, a, b, c uint64) uint64 { return perceptron.Mix(f2(t, a, b), c) }

// dist buckets a distance between two words.
func dist(a, b int32) uint64 {
	if a < 0 || b < 0 {
		return 0
	}
	d := b - a
	switch {
	case d <= 4:
		return uint64(d)
	case d <= 6:
		return 5
	case d <= 9:
		return 6
	case d <= 14:
		return 7
	}
	return 8
}

// count buckets a number of dependents.
func count(v int32) uint64 { return uint64(min(v, 5)) }

// Static feature groups: features that depend only on the words at one
// position of the configuration, not on the arcs built. The parser scores
// each group once per word and role and caches the result, since the same
// word fills a role in several consecutive configurations.
const (
	groupBuffer = iota // the first three buffer words, keyed by b0
	groupS0
	groupS1
	groupS2
	groups
)

// positions returns the position keying each static group in s (-1 when
// the role is empty).
func (s *state) positions() (pos [groups]int32) {
	k := len(s.stack)
	pos[groupBuffer], pos[groupS0], pos[groupS1], pos[groupS2] = -1, -1, -1, -1
	if s.next <= s.n {
		pos[groupBuffer] = s.next
	}
	for depth := 1; depth <= 3 && depth <= k; depth++ {
		pos[groupS0+depth-1] = s.stack[k-depth]
	}
	return pos
}

// staticFeatures appends the features of group g for the word at i.
func (sn *sentence) staticFeatures(g int, i int32, fs []uint64) []uint64 {
	w, t, wt, sf := sn.word, sn.tag, sn.wordTag, sn.suffix
	W := func(i int32) uint64 { return w[i+1] }
	T := func(i int32) uint64 { return t[i+1] }
	WT := func(i int32) uint64 { return wt[i+1] }
	SF := func(i int32) uint64 { return sf[i+1] }
	P := func(i int32) uint64 { return sn.pos[i+1] }
	// prev and next are the linear neighbours of i (-1 at the edges).
	prev, next := int32(-1), int32(-1)
	if i > 1 {
		prev = i - 1
	}
	if i > 0 && i < int32(sn.n) {
		next = i + 1
	}
	switch g {
	case groupBuffer:
		b0, b1, b2 := i, int32(-1), int32(-1)
		if b0 >= 0 && b0+1 <= int32(sn.n) {
			b1 = b0 + 1
			if b0+2 <= int32(sn.n) {
				b2 = b0 + 2
			}
		}
		return append(fs,
			f1(tB0WT, WT(b0)), f1(tB0W, W(b0)), f1(tB0T, T(b0)),
			f1(tB1WT, WT(b1)), f1(tB1W, W(b1)), f1(tB1T, T(b1)),
			f1(tB2W, W(b2)), f1(tB2T, T(b2)),
			f2(tB0TB1T, T(b0), T(b1)), f3(tB0TB1TB2T, T(b0), T(b1), T(b2)),
			f1(tB0Suf, SF(b0)), f1(tB1Suf, SF(b1)),
			f1(tB0P, P(b0)), f1(tB1P, P(b1)), f2(tB0WP, W(b0), P(b0)),
			f2(tB0PB1P, P(b0), P(b1)), f3(tB0PB1PB2P, P(b0), P(b1), P(b2)),
			f2(tB0WB1W, W(b0), W(b1)), f2(tB0WB1T, W(b0), T(b1)), f2(tB0TB1W, T(b0), W(b1)),
			f2(tB0PrevTB0T, T(prev), T(b0)), f2(tB0PrevWB0W, W(prev), W(b0)))
	case groupS0:
		return append(fs, f1(tS0WT, WT(i)), f1(tS0W, W(i)), f1(tS0T, T(i)), f1(tS0Suf, SF(i)),
			f1(tS0P, P(i)), f2(tS0WP, W(i), P(i)),
			f2(tS0TS0NextT, T(i), T(next)), f2(tS0PrevTS0T, T(prev), T(i)),
			f3(tS0PrevTS0TS0NextT, T(prev), T(i), T(next)), f2(tS0WS0NextT, W(i), T(next)))
	case groupS1:
		return append(fs, f1(tS1WT, WT(i)), f1(tS1W, W(i)), f1(tS1T, T(i)), f1(tS1Suf, SF(i)),
			f1(tS1P, P(i)), f2(tS1WP, W(i), P(i)), f2(tS1TS1NextT, T(i), T(next)))
	}
	return append(fs, f1(tS2W, W(i)), f1(tS2T, T(i)), f1(tS2P, P(i)))
}

// allFeatures appends every feature of configuration s: the dynamic ones
// and those of the static groups.
func (sn *sentence) allFeatures(s *state, fs []uint64) []uint64 {
	fs = sn.features(s, fs)
	for g, i := range s.positions() {
		fs = sn.staticFeatures(g, i, fs)
	}
	return fs
}

// features appends the dynamic features of configuration s over sentence
// sn: those that look at more than one role or at the arcs built.
func (sn *sentence) features(s *state, fs []uint64) []uint64 {
	s0, s1 := s.top()
	s2 := int32(-1)
	if k := len(s.stack); k > 2 {
		s2 = s.stack[k-3]
	}
	b0, b1 := int32(-1), int32(-1)
	if s.next <= s.n {
		b0 = s.next
		if b0+1 <= s.n {
			b1 = b0 + 1
		}
	}
	child := func(arr []int32, i int32) int32 {
		if i < 0 {
			return -1
		}
		return arr[i]
	}
	lab := func(i int32) uint64 {
		if i < 0 {
			return 0
		}
		return uint64(s.label[i] + 1)
	}
	nl := func(i int32) uint64 {
		if i < 0 {
			return 9
		}
		return count(s.nleft[i])
	}
	nr := func(i int32) uint64 {
		if i < 0 {
			return 9
		}
		return count(s.nright[i])
	}
	ls := func(i int32) uint64 {
		if i < 0 {
			return 1 << 63
		}
		return s.lset[i]
	}
	rs := func(i int32) uint64 {
		if i < 0 {
			return 1 << 63
		}
		return s.rset[i]
	}
	s0L, s0L2 := child(s.left1, s0), child(s.left2, s0)
	s0R, s0R2 := child(s.right1, s0), child(s.right2, s0)
	s1L, s1R, s1R2 := child(s.left1, s1), child(s.right1, s1), child(s.right2, s1)
	b0L, b0L2 := child(s.left1, b0), child(s.left2, b0)

	w, t, wt, p, sf := sn.word, sn.tag, sn.wordTag, sn.pos, sn.suffix
	W := func(i int32) uint64 { return w[i+1] }
	T := func(i int32) uint64 { return t[i+1] }
	WT := func(i int32) uint64 { return wt[i+1] }
	P := func(i int32) uint64 { return p[i+1] }
	SF := func(i int32) uint64 { return sf[i+1] }

	d0 := dist(s0, b0)
	d1 := dist(s1, s0)
	fs = append(fs,

		f2(tS0WTB0WT, WT(s0), WT(b0)), f2(tS0WTB0T, WT(s0), T(b0)), f2(tS0TB0WT, T(s0), WT(b0)), f2(tS0WB0W, W(s0), W(b0)),
		f2(tS0TB0T, T(s0), T(b0)),
		f2(tS1WTS0WT, WT(s1), WT(s0)), f2(tS1WTS0T, WT(s1), T(s0)), f2(tS1TS0WT, T(s1), WT(s0)), f2(tS1WS0W, W(s1), W(s0)),
		f2(tS1TS0T, T(s1), T(s0)),

		f3(tS0TB0TB1T, T(s0), T(b0), T(b1)),
		f3(tS1TS0TB0T, T(s1), T(s0), T(b0)), f3(tS2TS1TS0T, T(s2), T(s1), T(s0)),
		f3(tS0TS0LTB0T, T(s0), T(s0L), T(b0)), f3(tS0TS0RTB0T, T(s0), T(s0R), T(b0)),
		f3(tS0TB0TB0LT, T(s0), T(b0), T(b0L)), f3(tS1TS1RTS0T, T(s1), T(s1R), T(s0)),
		f3(tS1TS0TS0LT, T(s1), T(s0), T(s0L)), f3(tS1TS0TS0RT, T(s1), T(s0), T(s0R)),
		f3(tS1TS1LTS0T, T(s1), T(s1L), T(s0)),

		f2(tS0TDist, T(s0), d0), f2(tB0TDist, T(b0), d0),
		f3(tS0WB0WDist, W(s0), W(b0), d0), f3(tS0TB0TDist, T(s0), T(b0), d0),
		f2(tS1TDist1, T(s1), d1),
		f3(tS1WS0WDist1, W(s1), W(s0), d1), f3(tS1TS0TDist1, T(s1), T(s0), d1),

		f2(tS0WVR, W(s0), nr(s0)), f2(tS0TVR, T(s0), nr(s0)), f2(tS0WVL, W(s0), nl(s0)), f2(tS0TVL, T(s0), nl(s0)),
		f2(tB0WVL, W(b0), nl(b0)), f2(tB0TVL, T(b0), nl(b0)), f2(tS1TVR, T(s1), nr(s1)), f2(tS1TVL, T(s1), nl(s1)),

		f1(tS0LW, W(s0L)), f1(tS0LT, T(s0L)), f1(tS0LL, lab(s0L)),
		f1(tS0RW, W(s0R)), f1(tS0RT, T(s0R)), f1(tS0RL, lab(s0R)),
		f1(tB0LW, W(b0L)), f1(tB0LT, T(b0L)), f1(tB0LL, lab(b0L)),
		f1(tS1RW, W(s1R)), f1(tS1RT, T(s1R)), f1(tS1RL, lab(s1R)),
		f1(tS1LT, T(s1L)), f1(tS1LL, lab(s1L)),
		f1(tS0L2T, T(s0L2)), f1(tS0L2L, lab(s0L2)),
		f1(tS0R2T, T(s0R2)), f1(tS0R2L, lab(s0R2)),
		f1(tB0L2T, T(b0L2)), f1(tB0L2L, lab(b0L2)),
		f3(tS0TS0LTS0L2T, T(s0), T(s0L), T(s0L2)), f3(tS0TS0RTS0R2T, T(s0), T(s0R), T(s0R2)),
		f3(tB0TB0LTB0L2T, T(b0), T(b0L), T(b0L2)), f3(tS1TS1RTS1R2T, T(s1), T(s1R), T(s1R2)),

		f2(tS0TSR, T(s0), rs(s0)), f2(tS0TSL, T(s0), ls(s0)),
		f2(tB0WSL, W(b0), ls(b0)), f2(tB0TSL, T(b0), ls(b0)), f2(tS1TSR, T(s1), rs(s1)), f2(tS1TSL, T(s1), ls(s1)),

		f2(tS0SufB0Suf, SF(s0), SF(b0)), f2(tS1SufS0Suf, SF(s1), SF(s0)),
		f3(tS0PB0PB1P, P(s0), P(b0), P(b1)), f3(tS1PS0PB0P, P(s1), P(s0), P(b0)),
		f3(tS0WTB0WTB1T, WT(s0), WT(b0), T(b1)), f3(tS1WTS0WTB0T, WT(s1), WT(s0), T(b0)),
		f2(tS0PB0P, P(s0), P(b0)), f2(tS1PS0P, P(s1), P(s0)), f3(tS2PS1PS0P, P(s2), P(s1), P(s0)),
		f2(tS0WB0P, W(s0), P(b0)), f2(tS0PB0W, P(s0), W(b0)), f2(tS1WS0P, W(s1), P(s0)), f2(tS1PS0W, P(s1), W(s0)),
		f3(tS0PS0LPB0P, P(s0), P(s0L), P(b0)), f3(tS0PB0PB0LP, P(s0), P(b0), P(b0L)),
	)
	return fs
}

// Label feature templates, numbered apart from the move templates.
const (
	lDW uint64 = iota + 1001
	lDT
	lDWT
	lHW
	lHT
	lHWT
	lHTDT
	lHWDW
	lHWTDT
	lHTDWT
	lHWDT
	lHTDW
	lDistHTDT
	lDLset
	lDRset
	lDTDLset
	lDTDRset
	lHTHLset
	lHTHRset
	lDTHTDLset
	lDL1WDT
	lDL1TDT
	lDL1LDT
	lDR1TDT
	lDR1LDT
	lDSuf
	lDSufHT
	lDPrevTDT
	lDNextTDT
	lHPrevTHT
	lHNextTHT
	lDTHTB0T
	lDWHW
	lDLnR
	lDP
	lHP
	lHPDP
	lHWDP
	lHPDW
	lDWDP
	lDL1WDP
	lDR1WDP
	lDPDLset
	lHPHLset
	lDistHPDP
	lDPHPB0P
)

// labelFeatures appends the features for labelling the arc from head h to
// dependent d in configuration s (before the arc is added). In arc-hybrid
// the dependent is complete when it is attached, so its dependents' labels
// say much about its own (a "case" dependent suggests obl or nmod, "mark"
// advcl, "aux:pass" a passive clause).
func (sn *sentence) labelFeatures(s *state, h, d int32, fs []uint64) []uint64 {
	dir := uint64(1)
	if h < d {
		dir = 2
	}
	w, t, wt, sf := sn.word, sn.tag, sn.wordTag, sn.suffix
	W := func(i int32) uint64 { return w[i+1] }
	T := func(i int32) uint64 { return t[i+1] }
	WT := func(i int32) uint64 { return wt[i+1] }
	P := func(i int32) uint64 { return sn.pos[i+1] }
	lab := func(i int32) uint64 {
		if i < 0 {
			return 0
		}
		return uint64(s.label[i] + 1)
	}
	g1 := func(tm, a uint64) uint64 { return f2(tm, dir, a) }
	g2 := func(tm, a, b uint64) uint64 { return f3(tm, dir, a, b) }
	g3 := func(tm, a, b, c uint64) uint64 { return perceptron.Mix(f3(tm, dir, a, b), c) }
	dl1, dr1 := s.left1[d], s.right1[d]
	b0 := int32(-1)
	if s.next <= s.n {
		b0 = s.next
	}
	prev := func(i int32) int32 {
		if i <= 1 {
			return -1
		}
		return i - 1
	}
	next := func(i int32) int32 {
		if i <= 0 || i >= s.n {
			return -1
		}
		return i + 1
	}
	lo, hi := min(h, d), max(h, d)
	return append(fs,
		g1(lDW, W(d)), g1(lDT, T(d)), g1(lDWT, WT(d)),
		g1(lHW, W(h)), g1(lHT, T(h)), g1(lHWT, WT(h)),
		g2(lHTDT, T(h), T(d)), g2(lHWDW, W(h), W(d)), g2(lHWTDT, WT(h), T(d)), g2(lHTDWT, T(h), WT(d)),
		g2(lHWDT, W(h), T(d)), g2(lHTDW, T(h), W(d)),
		g3(lDistHTDT, dist(lo, hi), T(h), T(d)),
		g1(lDLset, s.lset[d]), g1(lDRset, s.rset[d]),
		g2(lDTDLset, T(d), s.lset[d]), g2(lDTDRset, T(d), s.rset[d]),
		g2(lHTHLset, T(h), s.lset[h]), g2(lHTHRset, T(h), s.rset[h]),
		g3(lDTHTDLset, T(d), T(h), s.lset[d]),
		g2(lDL1WDT, W(dl1), T(d)), g2(lDL1TDT, T(dl1), T(d)), g2(lDL1LDT, lab(dl1), T(d)),
		g2(lDR1TDT, T(dr1), T(d)), g2(lDR1LDT, lab(dr1), T(d)),
		g1(lDSuf, sf[d+1]), g2(lDSufHT, sf[d+1], T(h)),
		g2(lDPrevTDT, T(prev(d)), T(d)), g2(lDNextTDT, T(next(d)), T(d)),
		g2(lHPrevTHT, T(prev(h)), T(h)), g2(lHNextTHT, T(next(h)), T(h)),
		g3(lDTHTB0T, T(d), T(h), T(b0)),
		g2(lDWHW, WT(d), WT(h)),
		g3(lDLnR, T(d), count(s.nleft[d]), count(s.nright[d])),
		g1(lDP, P(d)), g1(lHP, P(h)), g2(lHPDP, P(h), P(d)), g2(lHWDP, W(h), P(d)), g2(lHPDW, P(h), W(d)),
		g2(lDWDP, W(d), P(d)), g2(lDL1WDP, W(dl1), P(d)), g2(lDR1WDP, W(dr1), P(d)),
		g2(lDPDLset, P(d), s.lset[d]), g2(lHPHLset, P(h), s.lset[h]),
		g3(lDistHPDP, dist(lo, hi), P(h), P(d)), g3(lDPHPB0P, P(d), P(h), P(b0)),
	)
}
