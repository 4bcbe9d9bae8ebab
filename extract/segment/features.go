package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/perceptron"
)

// Gaps: what separates a token from the next one.
const (
	gapNone   = iota // nothing: "word" + ","
	gapSpace         // one space
	gapSpaces        // several spaces or tabs
	gapLine          // a line break
	gapPara          // a blank line: a paragraph break, always a boundary
	gapEnd           // the end of the text
)

// Token flags.
const (
	fStop   = 1 << iota // ends in a stop: ".", "!", "?", "…"
	fUpper              // starts with an upper-case letter
	fLower              // starts with a lower-case letter
	fPunct              // has no letter or digit
	fClose              // a closing quote or bracket
	fBullet             // a list marker: "-", "*", "•", "1."
)

// unit is a surface token: a word, or the words of a multi-word token,
// which a sentence boundary never separates.
type unit struct {
	first, last int // the words Tokens[first:last]
	form        uint64
	shape       uint64
	suffix      uint64
	flags       uint8
	gap         uint8
}

// units groups doc's words into surface tokens and describes each.
func units(doc *extract.Document) []unit {
	toks := doc.Tokens
	us := make([]unit, 0, len(toks))
	for i := 0; i < len(toks); {
		j := i + 1
		if mw := toks[i].MultiWord; mw != 0 {
			for j < len(toks) && toks[j].MultiWord == mw {
				j++
			}
		}
		start, end := toks[i].Start, toks[j-1].End
		next := len(doc.Text)
		if j < len(toks) {
			next = toks[j].Start
		}
		u := describe(doc.Text[start:end])
		u.first, u.last = i, j
		u.gap = gapOf(doc.Text[end:next], j == len(toks))
		us = append(us, u)
		i = j
	}
	return us
}

// gapOf classifies the text between two tokens.
func gapOf(s string, last bool) uint8 {
	if last {
		return gapEnd
	}
	lines := 0
	for _, r := range s {
		switch r {
		case '\n', '\r', '\u2028':
			lines++
		case '\u2029':
			lines += 2
		}
	}
	lines -= strings.Count(s, "\r\n")
	switch {
	case lines >= 2:
		return gapPara
	case lines == 1:
		return gapLine
	case s == "":
		return gapNone
	case s == " ":
		return gapSpace
	}
	return gapSpaces
}

// FNV-1a, as perceptron.Hash, over lower-cased bytes.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// describe computes the features of a token's form: its lower-cased hash,
// its shape ("Xxx", "dd.dd", "X.X."), the hash of its last three bytes,
// and flags.
func describe(form string) unit {
	var u unit
	h := uint64(fnvOffset)
	for i := 0; i < len(form); i++ {
		c := form[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h = (h ^ uint64(c)) * fnvPrime
	}
	u.form = h
	suffix := form
	if len(suffix) > 3 {
		suffix = suffix[len(suffix)-3:]
	}
	h = fnvOffset
	for i := 0; i < len(suffix); i++ {
		h = (h ^ uint64(suffix[i]|0x20)) * fnvPrime
	}
	u.suffix = h

	// The shape maps letters to X or x and digits to d, keeps other
	// characters, and shortens runs of one symbol to two.
	h = fnvOffset
	var prev rune
	run, n, alnum := 0, 0, false
	for i, r := range form {
		s := r
		switch {
		case unicode.IsUpper(r):
			s = 'X'
			alnum = true
		case unicode.IsLetter(r):
			s = 'x'
			alnum = true
		case unicode.IsDigit(r):
			s = 'd'
			alnum = true
		}
		if i == 0 {
			switch s {
			case 'X':
				u.flags |= fUpper
			case 'x':
				u.flags |= fLower
			}
		}
		if s == prev {
			run++
		} else {
			run = 1
		}
		prev = s
		if run <= 2 && n < 8 {
			h = (h ^ uint64(s)) * fnvPrime
			n++
		}
	}
	u.shape = h
	if !alnum {
		u.flags |= fPunct
	}
	last, _ := utf8.DecodeLastRuneInString(form)
	switch last {
	case '.', '!', '?', '…':
		u.flags |= fStop
	case '"', '”', '’', '\'', ')', ']', '}', '»':
		u.flags |= fClose
	}
	switch form {
	case "-", "*", "•", "·", "--", "o", ">":
		u.flags |= fBullet
	}
	if len(form) >= 2 && last == '.' && form[0] >= '0' && form[0] <= '9' {
		u.flags |= fBullet // "1."
	}
	return u
}

// Feature templates.
const (
	tBias = iota
	tForm
	tNext
	tPrev
	tNext2
	tShape
	tNextShape
	tPrevShape
	tGap
	tFormNextShape
	tShapeNextShape
	tFormNext
	tPrevForm
	tGapNextShape
	tFormGap
	tGapShapes
	tNextShapeForm
	tSince
	tSinceForm
	tUntilStop
	tQuote
	tShapes3
	tNextGap
	tSuffix
	tNextSuffix
	tFlags
	tNextFlags
	tNextLast
	tParaStart
)

// history is what features see besides the units: decisions made so far.
type history struct {
	since int  // units since the last boundary
	quote bool // inside a double quote opened in this paragraph
}

// bucket maps a count to a small number of bins.
func bucket(n int) uint64 {
	switch {
	case n <= 4:
		return uint64(n)
	case n <= 7:
		return 5
	case n <= 12:
		return 6
	case n <= 20:
		return 7
	case n <= 35:
		return 8
	}
	return 9
}

// features appends the features of the boundary after unit i of us, whose
// paragraph starts at unit para.
func features(dst []uint64, us []unit, i, para int, h history) []uint64 {
	none := unit{form: 1, shape: 1, suffix: 1}
	u := &us[i]
	prev, next, next2 := &none, &none, &none
	if i > para {
		prev = &us[i-1]
	}
	if i+1 < len(us) {
		next = &us[i+1]
	}
	if i+2 < len(us) && us[i+1].gap < gapPara {
		next2 = &us[i+2]
	}
	until := 0
	for k := i + 1; k < len(us) && until < 40; k++ {
		until++
		if us[k].flags&fStop != 0 || us[k].gap >= gapPara {
			break
		}
	}
	gap := uint64(u.gap)
	f := perceptron.Feature
	dst = append(dst,
		f(tBias),
		f(tForm, u.form),
		f(tNext, next.form),
		f(tPrev, prev.form),
		f(tNext2, next2.form),
		f(tShape, u.shape),
		f(tNextShape, next.shape),
		f(tPrevShape, prev.shape),
		f(tGap, gap),
		f(tFormNextShape, u.form, next.shape),
		f(tShapeNextShape, u.shape, next.shape),
		f(tFormNext, u.form, next.form),
		f(tPrevForm, prev.form, u.form),
		f(tGapNextShape, gap, next.shape),
		f(tFormGap, u.form, gap),
		f(tGapShapes, gap, u.shape, next.shape),
		f(tNextShapeForm, u.shape, next.form),
		f(tSince, bucket(h.since)),
		f(tSinceForm, bucket(h.since), u.form),
		f(tUntilStop, bucket(until), uint64(u.flags)),
		f(tQuote, boolBit(h.quote), u.form, next.shape),
		f(tShapes3, prev.shape, u.shape, next.shape),
		f(tNextGap, next.form, gap),
		f(tSuffix, u.suffix, next.shape),
		f(tNextSuffix, u.shape, next.suffix),
		f(tFlags, uint64(u.flags), uint64(next.flags), gap),
		f(tNextFlags, uint64(next.flags), uint64(next2.flags)),
		f(tNextLast, boolBit(next.gap >= gapPara), u.form),
		f(tParaStart, bucket(i-para), u.shape),
	)
	return dst
}

func boolBit(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}
