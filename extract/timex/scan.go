package timex

import (
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph/extract"
)

// shape is what a token written with digits looks like.
type shape uint8

const (
	noDigits shape = iota
	integer        // "22", "2025", "1,000"
	decimal        // "1.5"
	ordinal        // "22nd"
	decade         // "1990s"
	isoDate        // "2025-06-14", "2025-06"
)

// word is one token as the grammar sees it.
type word struct {
	lex    *entry  // the lexicon's entry for the lower-cased form, nil if none
	shape  shape   // digits, if any
	num    float64 // value of an integer, decimal or ordinal in digits
	ndig   int     // digits of an integer, for years
	y, m   int     // year and month of an ISO date ("2025-06-14"); y is also a decade (199 for "1990s")
	d      int     // day of an ISO date, 0 for "2025-06"
	upper  bool    // the form starts with an upper-case letter
	hedged bool    // a year with its own cue ("mid-2026")
	glued  bool    // the next token follows with no space between
}

// low returns the lower-cased form of a known word, "" for the others.
func (w *word) low() string {
	if w.lex == nil {
		return ""
	}
	return w.lex.word
}

// is reports whether w is in class c.
func (w *word) is(c class) bool { return w.lex != nil && w.lex.cls&c != 0 }

// scan is one sentence read for the grammar. It is reused from sentence to
// sentence by one Process call.
type scan struct {
	doc   *extract.Document
	base  int             // document index of the sentence's first token
	toks  []extract.Token // the sentence's tokens; token i has CoNLL-U ID i+1
	words []word
	buf   []byte
	cur   cursor // the rules' cursor, kept here so that it is not allocated per rule
	// none and noTok stand for the word and token outside the sentence;
	// readers never write them.
	none  word
	noTok extract.Token
}

// reset reads sentence sent of doc. It fails on a token whose offsets are
// not in the text.
func (s *scan) reset(doc *extract.Document, sent extract.Sentence) error {
	s.doc, s.base, s.toks = doc, sent.First, doc.Words(sent)
	s.words = s.words[:0]
	for i := range s.toks {
		t := &s.toks[i]
		if t.Start < 0 || t.Start > t.End || t.End > len(doc.Text) {
			return fmt.Errorf("timex: token %d has offsets %d to %d in a text of %d bytes", s.base+i, t.Start, t.End, len(doc.Text))
		}
		w := s.classify(doc.Text[t.Start:t.End])
		w.glued = i+1 < len(s.toks) && s.toks[i+1].Start == t.End
		s.words = append(s.words, w)
	}
	return nil
}

// at returns token i's word, or an empty word outside the sentence so
// that rules may look past either end.
func (s *scan) at(i int) *word {
	if i < 0 || i >= len(s.words) {
		return &s.none
	}
	return &s.words[i]
}

// tok returns token i, or an empty token outside the sentence.
func (s *scan) tok(i int) *extract.Token {
	if i < 0 || i >= len(s.toks) {
		return &s.noTok
	}
	return &s.toks[i]
}

// maxWord bounds the forms looked up in the lexicon; no entry is longer.
const maxWord = 16

func (s *scan) classify(form string) word {
	var w word
	if form == "" {
		return w
	}
	w.upper = form[0] >= 'A' && form[0] <= 'Z'
	if form[0] >= '0' && form[0] <= '9' {
		readDigits(&w, form)
		return w
	}
	for _, cue := range [...]string{"mid-", "early-", "late-"} {
		if len(form) > len(cue) && strings.EqualFold(form[:len(cue)], cue) && form[len(cue)] >= '0' && form[len(cue)] <= '9' {
			readDigits(&w, form[len(cue):]) // "mid-2026"
			w.hedged = w.isYear()
			return w
		}
	}
	if len(form) > maxWord {
		return w
	}
	s.buf = s.buf[:0]
	for i := 0; i < len(form); i++ {
		c := form[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		s.buf = append(s.buf, c)
	}
	w.lex = lexicon[string(s.buf)]
	return w
}

// readDigits reads a form that starts with a digit.
func readDigits(w *word, form string) {
	n, rest := leadingInt(form, true)
	if len(rest) == len(form) {
		return
	}
	digits := len(form) - len(rest)
	switch {
	case rest == "":
		w.shape, w.num = integer, float64(n)
		if !strings.Contains(form, ",") {
			w.ndig = digits
		}
	case rest[0] == '.' && len(rest) > 1:
		frac, tail := leadingInt(rest[1:], false)
		if tail != "" {
			return
		}
		scale := 1.0
		for range len(rest) - 1 {
			scale *= 10
		}
		w.shape, w.num = decimal, float64(n)+float64(frac)/scale
	case digits <= 2 && isOrdinalSuffix(rest):
		w.shape, w.num = ordinal, float64(n)
	case digits == 4 && rest == "s" && n%10 == 0:
		w.shape, w.y = decade, n/10
	case digits == 4 && rest[0] == '-':
		readISODate(w, n, rest)
	}
}

// readISODate reads the "-06-14" or "-06" after a year.
func readISODate(w *word, year int, rest string) {
	var parts [2]int
	k := 0
	for rest != "" && k < 2 {
		if rest[0] != '-' || len(rest) < 3 {
			return
		}
		n, tail := leadingInt(rest[1:3], false)
		if tail != "" {
			return
		}
		parts[k], rest, k = n, rest[3:], k+1
	}
	if rest != "" || parts[0] < 1 || parts[0] > 12 {
		return
	}
	if k == 2 && !validDate(year, parts[0], parts[1]) {
		return
	}
	w.shape, w.y, w.m, w.d = isoDate, year, parts[0], parts[1]
}

// leadingInt reads the digits at the start of s (with thousands commas if
// commas is set) and returns their value and the rest of s. Values are
// capped to stay far from overflow.
func leadingInt(s string, commas bool) (int, string) {
	n, i := 0, 0
	for i < len(s) {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			if n < 1e12 {
				n = n*10 + int(c-'0')
			}
		case c == ',' && commas && i > 0 && i+4 <= len(s) && allDigits(s[i+1:i+4]):
		default:
			return n, s[i:]
		}
		i++
	}
	return n, ""
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func isOrdinalSuffix(s string) bool {
	for _, suffix := range [...]string{"st", "nd", "rd", "th"} {
		if strings.EqualFold(s, suffix) {
			return true
		}
	}
	return false
}
