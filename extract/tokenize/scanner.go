package tokenize

import (
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract"
)

// scanner holds the state of one tokenization.
type scanner struct {
	text string
	toks []extract.Token
	// mw numbers the multi-word tokens found so far.
	mw int32
	// suf collects the trailing punctuation of the current chunk, from the
	// outside in.
	suf []span
	// quote is set while a single quote opened in the current paragraph has
	// not been closed; an apostrophe after "s" then closes it rather than
	// marking a plural possessive ("the 'best friends'").
	quote bool
}

type span struct{ start, end int }

func newScanner(text string) *scanner {
	return &scanner{text: text, toks: make([]extract.Token, 0, len(text)/4+1)}
}

// emit appends the single-word token text[start:end].
func (sc *scanner) emit(start, end int) {
	sc.toks = append(sc.toks, extract.Token{Start: start, End: end})
}

// scan tokenizes text[from:to]; neither end may fall inside a chunk of
// non-space characters.
func (sc *scanner) scan(from, to int) {
	t := sc.text
	for i := from; i < to; {
		start := i
		for i < to {
			c := t[i]
			if c < utf8.RuneSelf {
				if asciiClass[c] != cSpace {
					break
				}
				if c == '\n' {
					sc.quote = false // quotes do not run across paragraphs
				}
				i++
				continue
			}
			r, n := utf8.DecodeRuneInString(t[i:])
			if !isSpace(r) {
				break
			}
			i += n
		}
		if i > start && len(sc.toks) > 0 && sc.toks[len(sc.toks)-1].End == start {
			sc.toks[len(sc.toks)-1].SpaceAfter = true
		}
		if i >= to {
			break
		}
		j := i
		for j < to {
			r, n := decode(t, j)
			if isSpace(r) {
				break
			}
			j += n
		}
		sc.chunk(i, j)
		i = j
	}
}

// chunk tokenizes text[start:end], a maximal run of non-space characters.
func (sc *scanner) chunk(start, end int) {
	t := sc.text
	if end-start <= maxWhole {
		if s := t[start:end]; isEmoticon(s) || isWholeToken(s) {
			sc.emit(start, end)
			return
		}
	}
	// Leading punctuation, up to where the word starts.
	i, j := start, end
	for i < j {
		r, n := decode(t, i)
		if isWord(r) || sc.wordStart(i, j, r, n) {
			break
		}
		k := sc.punctEnd(i, j, r, n)
		if isApos(r) && k == i+n {
			sc.quote = true
		}
		sc.emit(i, k)
		i = k
	}
	// Trailing punctuation, from the end back to where the word ends.
	sc.suf = sc.suf[:0]
	url := i < j && isURLStart(t[i:j])
trailing:
	for j > i {
		if j-i <= maxWhole && isWholeToken(t[i:j]) {
			break
		}
		if m := emoticonSuffix(t[i:j]); m > 0 && m < j-i {
			sc.suf = append(sc.suf, span{j - m, j})
			j -= m
			continue
		}
		r, n := decodeLast(t, j)
		if isWord(r) || url && !urlTrailing(r) {
			break
		}
		k := j - n
		switch {
		case r == '.' && (k == i || !isStop(lastRune(t, k))):
			if sc.abbreviation(i, k, j, end) {
				if !sc.sentenceFinal(i, k, j, end) {
					break trailing
				}
			}
		case isStop(r):
			for k > i && isStop(lastRune(t, k)) {
				k -= utf8.RuneLen(lastRune(t, k))
			}
			// An abbreviation keeps its period before another stop
			// ("T.V." + "?", "Inc." + "."), and an ellipsis before a
			// question or exclamation mark is a token of its own ("..." +
			// "?").
			switch {
			case j-k == 2 && t[k] == '.' && sc.abbreviation(i, k, k+1, end):
				k++
			case r != '.' && j-n-k >= 2 && t[j-n-1] == '.':
				k = j - n
			}
		case isApos(r):
			if sc.possessive(i, k) {
				break trailing
			}
			for k > i && isApos(lastRune(t, k)) {
				_, w := decodeLast(t, k)
				k -= w
			}
			if k == j-n {
				sc.quote = false
			}
		default:
			for k > i {
				p, w := decodeLast(t, k)
				if p != r {
					break
				}
				k -= w
			}
		}
		sc.suf = append(sc.suf, span{k, j})
		j = k
	}
	if i < j {
		if url {
			sc.emit(i, j)
		} else {
			sc.core(i, j)
		}
	}
	for k := len(sc.suf) - 1; k >= 0; k-- {
		sc.emit(sc.suf[k].start, sc.suf[k].end)
	}
}

// lastRune returns the rune ending at byte offset j of s (j > 0).
func lastRune(s string, j int) rune {
	r, _ := decodeLast(s, j)
	return r
}

// wordStart reports whether the non-word character r at i (of width n)
// begins a word rather than being punctuation of its own: the apostrophe of
// "'s" or "'90s", the sign of "+44", the dot of ".doc", the at sign of a
// user name.
func (sc *scanner) wordStart(i, j int, r rune, n int) bool {
	t := sc.text
	if i+n >= j {
		return false
	}
	next, _ := decode(t, i+n)
	switch {
	case isApos(r):
		rest := t[i+n : j]
		if isDigit(next) {
			d := 0
			for d < len(rest) && isDigit(rune(rest[d])) {
				d++
			}
			return d == 2 && (d == len(rest) || !isDigit(rune(rest[d])))
		}
		w := 0
		for w < len(rest) && w <= maxClitic && asciiClass[rest[w]] == cLetter {
			w++
		}
		if w == 0 || w > maxClitic || (w < len(rest) && isWord(decodeRune(rest, w))) {
			return false
		}
		return inFolded(leadingClitics, rest[:w])
	case r == '.':
		// A file extension or a decimal fraction: ".doc", ".5".
		k := i + n
		for k < j && isWord(decodeRune(t, k)) {
			k += runeWidth(t, k)
		}
		return isWord(next) && k-(i+n) <= 4 && (k == j || !isApos(decodeRune(t, k)))
	case r == '+':
		return isDigit(next) && (i == 0 || isSpace(lastRune(t, i)))
	case r == '@' || r == '#':
		// A user name or a hash tag.
		return isLetter(next)
	}
	return false
}

// decodeRune returns the rune at byte offset i of s.
func decodeRune(s string, i int) rune {
	r, _ := decode(s, i)
	return r
}

// runeWidth returns the width of the rune at byte offset i of s.
func runeWidth(s string, i int) int {
	_, n := decode(s, i)
	return n
}

// punctEnd returns the end of the punctuation token that starts with r (of
// width n) at i, not beyond j: an emoticon, a run of stops ("...", "?!"), a
// run of apostrophes and single quotes (a doubled apostrophe), or a run of
// the same character ("--", "**").
func (sc *scanner) punctEnd(i, j int, r rune, n int) int {
	t := sc.text
	if m := emoticonPrefix(t[i:j]); m > 0 {
		return i + m
	}
	k := i + n
	for k < j {
		p, w := decode(t, k)
		if !(p == r || isStop(r) && isStop(p) || isApos(r) && isApos(p)) {
			break
		}
		if p == utf8.RuneError && w == 1 {
			break // invalid bytes stay one per token
		}
		k += w
	}
	return k
}

// abbreviation reports whether the period at k (followed by j) belongs to
// an abbreviation ending there: a word of the lexicon ("Mr", "etc"), an
// initial ("W."), or letters separated by periods ("U.S", "p.m").
func (sc *scanner) abbreviation(i, k, j, end int) bool {
	switch abbrevKind(sc.abbrevStem(i, k)) {
	case abbrNone:
		return false
	case abbrNumber:
		// "No. 5", "Vol. 2": only before a number.
		return j == end && nextChunkStartsWith(sc.text, end, func(r rune) bool { return isDigit(r) || r == '#' })
	}
	return true
}

// abbrevKind returns the class of the abbreviation w (without its final
// period): its class in the lexicon, abbrTitle for an initial, abbrFinal
// for letters separated by periods, abbrNone for other words.
func abbrevKind(w string) uint8 {
	if w == "" {
		return abbrNone
	}
	if c := abbreviations[w]; c != abbrNone {
		return c
	}
	if c := upperAbbreviation(w); c != abbrNone {
		return c
	}
	if len(w) == 1 {
		if isUpper(rune(w[0])) && w != "I" {
			return abbrTitle
		}
		return abbrNone
	}
	if dotted(w) {
		return abbrFinal
	}
	return abbrNone
}

// abbrevStem returns the candidate abbreviation before the period at k:
// the letters, periods and apostrophes back to the last other character,
// which must not be a letter-like one either.
func (sc *scanner) abbrevStem(i, k int) string {
	t := sc.text
	s := k
	for s > i && k-s <= maxAbbrev {
		c := t[s-1]
		if !(asciiClass[c] == cLetter || c == '.' || c == '\'') {
			break
		}
		s--
	}
	if s == k || k-s > maxAbbrev || t[s] == '.' || t[s] == '\'' {
		return ""
	}
	if s > i && t[s-1] >= utf8.RuneSelf && isWord(lastRune(t, s)) {
		return ""
	}
	return t[s:k]
}

// dotted reports whether w is letters in groups of one or two separated by
// single periods, as in "U.S", "i.e", "Ph.D".
func dotted(w string) bool {
	groups, run := 0, 0
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case asciiClass[c] == cLetter:
			run++
			if run > 2 {
				return false
			}
		case c == '.' && run > 0:
			groups++
			run = 0
		default:
			return false
		}
	}
	return groups > 0 && run > 0
}

// sentenceFinal reports whether the abbreviation whose period is at k
// probably also ends a sentence, in which case EWT splits the period off
// ("etc" + "."): it ends the chunk and is followed by the end of the text, a
// line break, or a word that usually starts sentences.
func (sc *scanner) sentenceFinal(i, k, j, end int) bool {
	if j != end {
		return false
	}
	t := sc.text
	w := sc.abbrevStem(i, k)
	kind := abbrevKind(w)
	if kind == abbrTitle {
		return false
	}
	e := end
	for e < len(t) {
		r, n := decode(t, e)
		if !isSpace(r) {
			break
		}
		if r == '\n' {
			return true
		}
		e += n
	}
	if e == len(t) {
		return true
	}
	f := e
	for f < len(t) && f-e <= maxStarter && asciiClass[t[f]] == cLetter {
		f++
	}
	if f == e || f < len(t) && isWord(decodeRune(t, f)) {
		return false
	}
	// "etc." is hardly ever followed by a name.
	return sentenceStarters[t[e:f]] || kind == abbrEnd && isUpper(rune(t[e]))
}

// nextChunkStartsWith reports whether the first non-space character after
// end satisfies ok.
func nextChunkStartsWith(t string, end int, ok func(rune) bool) bool {
	for e := end; e < len(t); {
		r, n := decode(t, e)
		if !isSpace(r) {
			return ok(r)
		}
		e += n
	}
	return false
}

// possessive reports whether the apostrophe at k ends the word text[i:k]
// as the possessive of a plural ("parents'") rather than closing a quote.
func (sc *scanner) possessive(i, k int) bool {
	if sc.quote || k-i < 2 {
		return false
	}
	t := sc.text
	return (t[k-1] == 's' || t[k-1] == 'S') && asciiClass[t[k-2]] == cLetter
}

// isURLStart reports whether s begins with a URL scheme or "www.", so that
// its slashes, hyphens and such stay inside it.
func isURLStart(s string) bool {
	if len(s) < 5 {
		return false
	}
	switch s[0] | 0x20 {
	case 'h', 'w', 'f', 'm':
	default:
		return false
	}
	p := s[:min(len(s), 8)]
	return hasPrefixFold(p, "http://") || hasPrefixFold(p, "https://") || hasPrefixFold(p, "ftp://") ||
		hasPrefixFold(p, "www.") || hasPrefixFold(p, "mailto:")
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// urlTrailing reports whether r is split off the end of a URL: sentence
// punctuation, quotes and closing brackets.
func urlTrailing(r rune) bool {
	switch r {
	case '.', ',', ';', ':', '!', '?', ')', ']', '>', '"', '\'', '’', '”', '»':
		return true
	}
	return false
}

// upperAbbreviation returns the class of an abbreviation of the lexicon
// written in capitals ("LTD" for "Ltd"), or abbrNone.
func upperAbbreviation(w string) uint8 {
	var buf [maxAbbrev]byte
	if len(w) < 2 || len(w) > len(buf) {
		return abbrNone
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c < 'A' || c > 'Z' {
			return abbrNone
		}
		if i > 0 {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return abbreviations[string(buf[:len(w)])]
}
