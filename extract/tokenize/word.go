package tokenize

import (
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract"
)

// core tokenizes text[i:j], a chunk without its leading and trailing
// punctuation. Quotes and brackets always separate tokens; each piece
// between them is a URL, address or file name kept whole, or is split at
// the characters that separate words inside it, and the pieces go to word.
func (sc *scanner) core(i, j int) {
	t := sc.text
	for k := i; k < j; {
		e := k
		marks := false // whether the piece has the characters of an address
		for e < j {
			c := t[e]
			if c < utf8.RuneSelf {
				if c == '.' || c == '@' || c == ':' {
					marks = true
				} else if asciiClass[c] == cPunct && isHard(rune(c)) {
					break
				}
				e++
				continue
			}
			r, n := utf8.DecodeRuneInString(t[e:])
			if isHard(r) {
				break
			}
			e += n
		}
		if k < e {
			if marks && isAddress(t[k:e]) {
				sc.emit(k, e)
			} else {
				sc.inner(i, k, e, j)
			}
		}
		if e < j {
			r, n := decode(t, e)
			p := sc.punctEnd(e, j, r, n)
			sc.emit(e, p)
			e = p
		}
		k = e
	}
}

// isHard reports whether r always is a token of its own: quotes and
// brackets.
func isHard(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '«', '»', '(', ')', '[', ']', '{', '}', '<', '>':
		return true
	}
	return false
}

// inner splits text[k:e], a piece of the core text[i:j] without quotes and
// brackets, at the characters that separate words inside it.
func (sc *scanner) inner(i, k, e, j int) {
	t := sc.text
	seg := k
	for k < e {
		r, n := decode(t, k)
		if isWord(r) {
			k += n
			continue
		}
		switch sc.inside(i, seg, k, e, j, r, n) {
		case join:
			k += n
			continue
		case cut:
			sc.word(seg, k+n)
			seg, k = k+n, k+n
			continue
		}
		if seg < k {
			sc.word(seg, k)
		}
		p := sc.punctEnd(k, e, r, n)
		sc.emit(k, p)
		seg, k = p, p
	}
	if seg < e {
		sc.word(seg, e)
	}
}

// What inside does with a character within a word.
const (
	split = iota // it is a token of its own, with the run it starts
	join         // it stays inside the word: "3.5", "e-mail"
	cut          // it ends the word, keeping it: the period of "Dr.Smith"
)

// inside decides what happens to the non-word character r (of width n) at
// k, in the word that started at seg, in the piece text[:e] of the core
// text[i:j].
func (sc *scanner) inside(i, seg, k, e, j int, r rune, n int) int {
	t := sc.text
	var prev, next rune // 0 where there is none: it is neither word nor digit
	if k > seg {
		prev = lastRune(t, k)
	}
	if k+n < e {
		next = decodeRune(t, k+n)
	}
	pw, nw := isWord(prev), isWord(next)
	switch {
	case k == i:
		// wordStart let this character begin the word ("'s", ".doc").
		return when(nw)
	case k+n == j && (r == '.' || isApos(r)):
		// The trailing punctuation left it: an abbreviation's period, a
		// possessive apostrophe.
		return when(pw)
	case r == '.':
		if !nw || !pw && k > seg {
			return split
		}
		return sc.innerPeriod(seg, k, k+n, e)
	case r == ',' || r == ':':
		return when(isDigit(prev) && isDigit(next))
	case isHyphen(r):
		if !pw || !nw {
			return split
		}
		if isDigit(prev) && isDigit(next) {
			return when(numberHyphen(t, seg, k, e))
		}
		// Only a whole word can be a prefix: "non-" in "non-violent" but
		// not in "canon-law".
		s := k
		for s > seg && asciiClass[t[s-1]] == cLetter {
			s--
		}
		if s == k || s > seg && isWord(lastRune(t, s)) {
			return split
		}
		return when(inFolded(hyphenPrefixes, t[s:k]))
	case r == '/':
		if isDigit(prev) && isDigit(next) {
			return when(dateSlash(t, seg, k, e))
		}
		if pw && nw {
			w := k + n
			for w < e && isWord(decodeRune(t, w)) {
				w += runeWidth(t, w)
			}
			return when(inFolded(slashWords, t[seg:w]))
		}
		return split
	case isApos(r):
		return when(pw && isLetter(next))
	case r == '&', r == '_', r == '*', r == '$', r == '#', r == '+', r == '=', r == '~', r == '^', r == '\\', r == '|', r == '@':
		return when(pw && nw)
	}
	return split
}

func when(ok bool) int {
	if ok {
		return join
	}
	return split
}

// innerPeriod decides about a period at k between word characters, or
// after a bracket at seg: it stays inside numbers, dotted abbreviations and
// names ("3.5", "U.S", "comp.sources"), but a missing space after it shows
// where an abbreviation ("Dr.Smith") or a sentence ("sushi.They") ends.
func (sc *scanner) innerPeriod(seg, k, after, e int) int {
	t := sc.text
	if k == seg {
		return join // ".doc" after a bracket
	}
	// The word after: a capitalised word, or a number after a month.
	c1 := t[after]
	capital := 'A' <= c1 && c1 <= 'Z' && after+1 < e && 'a' <= t[after+1] && t[after+1] <= 'z'
	if !capital && !isDigit(rune(c1)) {
		return join
	}
	stem := sc.abbrevStem(seg, k)
	switch kind := abbrevKind(stem); {
	case kind == abbrNone:
	case capital || kind != abbrNone && len(stem) > 1 && !dotted(stem):
		return cut
	default:
		return join
	}
	if !capital || k-seg < 2 {
		return join
	}
	for s := k - 1; s >= seg && t[s] != '.'; s-- {
		if 'a' <= t[s] && t[s] <= 'z' {
			return split
		}
	}
	return join
}

// numberHyphen reports whether the hyphen at k, between two digits, is
// part of a phone number, date or code ("713-853-3989", "11-20-2000",
// "646-8420"), which EWT keeps whole, rather than a range ("20-25").
func numberHyphen(t string, seg, k, j int) bool {
	const reach = 24 // how far to look, which keeps long runs linear
	hyphens := 1
	for s := k - 1; s >= seg && s >= k-reach; s-- {
		if c := t[s]; c == '-' {
			hyphens++
		} else if !isDigit(rune(c)) {
			break
		}
	}
	right := 0
	for e := k + 1; e < j && e <= k+reach; e++ {
		c := t[e]
		if c == '-' {
			hyphens++
			continue
		}
		if !isDigit(rune(c)) {
			break
		}
		if hyphens == 1 {
			right++
		}
	}
	left := 0
	for s := k - 1; s >= seg && isDigit(rune(t[s])); s-- {
		left++
	}
	// Phone numbers ("646-8420") and ZIP+4 codes ("77030-2707").
	return hyphens >= 2 || right == 4 && (left <= 3 || left == 5)
}

// dateSlash reports whether the slash at k, between two digits, is part of
// a date ("11/28/2000", "9/11"), which EWT keeps whole, rather than a
// fraction or ratio ("1/2", "24/7").
func dateSlash(t string, seg, k, j int) bool {
	const reach = 12 // how far to look, which keeps long runs linear
	slashes := 1
	left, ldigits, unit := 0, 0, 1
	for s := k - 1; s >= seg && s >= k-reach; s-- {
		c := t[s]
		if c == '/' {
			slashes++
			continue
		}
		if !isDigit(rune(c)) {
			break
		}
		if slashes == 1 {
			left += int(c-'0') * unit
			unit *= 10
			ldigits++
		}
	}
	right, rdigits := 0, 0
	e := k + 1
	for ; e < j && e <= k+reach; e++ {
		c := t[e]
		if c == '/' {
			slashes++
			continue
		}
		if !isDigit(rune(c)) {
			break
		}
		if slashes == 1 {
			right = right*10 + int(c-'0')
			rdigits++
		}
	}
	switch {
	case slashes >= 2:
		return true
	case ldigits == 3 && rdigits == 3 && e < j && t[e] == '-':
		return true // a phone number: "713/853-5984"
	}
	return 1 <= left && left <= 12 && 1 <= right && right <= 31 && (ldigits == 2 || rdigits == 2)
}

// inFolded reports whether the lower-case form of the ASCII string s is in
// set, without allocating.
func inFolded(set map[string]bool, s string) bool {
	var buf [maxFolded]byte
	if len(s) > len(buf) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return set[string(buf[:len(s)])]
}

// maxFolded bounds the length of the words looked up by inFolded.
const maxFolded = 24

// maxContraction bounds the length of contractions.
const maxContraction = 8

// isAddress reports whether s is a URL, an e-mail address, a user name or a
// file or host name, which stay whole: it has a URL scheme, an at sign
// inside, or ends in a known extension after a period.
func isAddress(s string) bool {
	if isURLStart(s) || strings.Contains(s, "://") {
		return true
	}
	at := strings.IndexByte(s, '@')
	if at == 0 || at > 0 && at < len(s)-1 && isWord(lastRune(s, at)) {
		return true
	}
	dot := strings.LastIndexByte(s, '.')
	if dot <= 0 || !isWord(lastRune(s, dot)) {
		return false
	}
	return inFolded(extensions, s[dot+1:])
}

// word emits text[a:b] as one token, splitting it into the words of a
// multi-word token when it is a contraction or a possessive.
func (sc *scanner) word(a, b int) {
	t := sc.text
	s := t[a:b]
	if p := cliticAt(s); p > 0 {
		sc.multi(a, a+p, b)
		return
	}
	if p := unitAt(s); p > 0 {
		sc.emit(a, a+p)
		sc.emit(a+p, b)
		return
	}
	if len(s) == 3 && (s[0] == 'i' || s[0] == 'I') && inFolded(its, s) && sc.itIs(b) {
		sc.multi(a, a+2, b) // "its" written for "it's": "it" + "s"
		return
	}
	if p1, p2 := contraction(s); p1 > 0 {
		if p2 > 0 {
			sc.multi(a, a+p1, a+p2, b)
		} else {
			sc.multi(a, a+p1, b)
		}
		return
	}
	sc.emit(a, b)
}

// multi emits a multi-word token whose words are bounded by the offsets
// in bounds.
func (sc *scanner) multi(bounds ...int) {
	sc.mw++
	for k := 0; k+1 < len(bounds); k++ {
		sc.toks = append(sc.toks, extract.Token{Start: bounds[k], End: bounds[k+1], MultiWord: sc.mw})
	}
}

// cliticAt returns where the clitic of s starts ("n't" in "don't", "'s"
// in "Bush's", "'" in "parents'"), or 0 when s has none. The word before
// the clitic must end in a letter: "80's" stays whole.
func cliticAt(s string) int {
	n := len(s)
	if n < 2 {
		return 0
	}
	r, w := decodeLast(s, n)
	if isApos(r) {
		// The possessive of a plural: "parents'".
		if n-w >= 2 && (s[n-w-1] == 's' || s[n-w-1] == 'S') && asciiClass[s[n-w-2]] == cLetter {
			return n - w
		}
		return 0
	}
	// Find the apostrophe: the clitic after it is at most two letters.
	e := n
	for e > 0 && n-e < 3 && asciiClass[s[e-1]] == cLetter {
		e--
	}
	if e == n || e == 0 {
		return 0
	}
	a, aw := decodeLast(s, e)
	if !isApos(a) {
		return 0
	}
	p := e - aw // the apostrophe
	if p == 0 {
		return 0
	}
	tail := s[e:]
	switch {
	case inFolded(clitics, tail):
	case (tail == "t" || tail == "T") && (s[p-1] == 'n' || s[p-1] == 'N'):
		p-- // "n't" takes the n
		if p == 0 {
			return 0
		}
	default:
		return 0
	}
	if !isLetter(lastRune(s, p)) {
		return 0
	}
	return p
}

// contraction looks s up among the contractions written without an
// apostrophe ("cannot", "gonna", "dont") and returns where its second and
// third words start (0 when there is none).
func contraction(s string) (p1, p2 int) {
	if len(s) < 2 || len(s) > maxContraction || !contractionInitials[s[0]] {
		return 0, 0
	}
	var buf [maxFolded]byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if asciiClass[c] != cLetter {
			return 0, 0
		}
		buf[i] = c | 0x20
	}
	split, ok := contractions[string(buf[:len(s)])]
	if !ok {
		return 0, 0
	}
	return int(split[0]), int(split[1])
}

// unitAt returns where the letters after a number start when EWT splits
// them off ("am" in "10am", "m" in "5.5m", "minutes" in "20minutes"), or 0.
// Ordinals ("2nd"), decades ("1990s") and codes ("3801A", "4g") stay whole.
func unitAt(s string) int {
	p := 0
	for p < len(s) && (isDigit(rune(s[p])) || p > 0 && (s[p] == '.' || s[p] == ',' || s[p] == ':') && p+1 < len(s) && isDigit(rune(s[p+1]))) {
		p++
	}
	if p == 0 || p == len(s) {
		return 0
	}
	for i := p; i < len(s); i++ {
		if asciiClass[s[i]] != cLetter {
			return 0
		}
	}
	rest := s[p:]
	switch {
	case len(rest) == 1:
		if !inFolded(units, rest) || rest == "s" || rest == "S" {
			return 0
		}
		if isUpper(rune(rest[0])) && !strings.Contains("KMBCF", rest) {
			return 0
		}
	case inFolded(ordinals, rest):
		return 0
	}
	return p
}

// itIs reports whether the "its" ending at b stands for "it's": the next
// word is one that cannot follow the possessive ("its a", "its not").
func (sc *scanner) itIs(b int) bool {
	t := sc.text
	e := b
	for e < len(t) && (t[e] == ' ' || t[e] == '\t') {
		e++
	}
	if e == b {
		return false
	}
	f := e
	for f < len(t) && f-e <= maxFolded && asciiClass[t[f]] == cLetter {
		f++
	}
	if f == e || f < len(t) && isWord(decodeRune(t, f)) {
		return false
	}
	return inFolded(afterItIs, t[e:f])
}
