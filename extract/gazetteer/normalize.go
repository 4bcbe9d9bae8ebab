package gazetteer

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A word is one unit of matching. A name or a token is cut into words at
// white space and hyphens, and punctuation that tokenizers keep apart
// ("," "(" "&") makes words of its own, so "Guinea-Bissau" as one token and
// "Guinea" "-" "Bissau" as three match alike. Dots are dropped ("U.S." =
// "US"), and so are accents ("Türkiye" = "Turkiye").
type word struct {
	// key is the word folded and in lower case: what the tries index.
	key string
	// form is the word folded with its case kept: what cased names are
	// checked against.
	form string
}

// foldTable maps the accented Latin letters news writes names with to
// their base letters. It is never modified.
var foldTable = map[rune]rune{
	'À': 'A', 'Á': 'A', 'Â': 'A', 'Ã': 'A', 'Ä': 'A', 'Å': 'A', 'Ā': 'A', 'Ă': 'A', 'Ą': 'A',
	'à': 'a', 'á': 'a', 'â': 'a', 'ã': 'a', 'ä': 'a', 'å': 'a', 'ā': 'a', 'ă': 'a', 'ą': 'a',
	'Ç': 'C', 'Ć': 'C', 'Ĉ': 'C', 'Ċ': 'C', 'Č': 'C', 'ç': 'c', 'ć': 'c', 'ĉ': 'c', 'ċ': 'c', 'č': 'c',
	'Ď': 'D', 'Đ': 'D', 'ď': 'd', 'đ': 'd',
	'È': 'E', 'É': 'E', 'Ê': 'E', 'Ë': 'E', 'Ē': 'E', 'Ĕ': 'E', 'Ė': 'E', 'Ę': 'E', 'Ě': 'E',
	'è': 'e', 'é': 'e', 'ê': 'e', 'ë': 'e', 'ē': 'e', 'ĕ': 'e', 'ė': 'e', 'ę': 'e', 'ě': 'e',
	'Ĝ': 'G', 'Ğ': 'G', 'Ġ': 'G', 'Ģ': 'G', 'ĝ': 'g', 'ğ': 'g', 'ġ': 'g', 'ģ': 'g',
	'Ĥ': 'H', 'Ħ': 'H', 'ĥ': 'h', 'ħ': 'h',
	'Ì': 'I', 'Í': 'I', 'Î': 'I', 'Ï': 'I', 'Ĩ': 'I', 'Ī': 'I', 'Ĭ': 'I', 'Į': 'I', 'İ': 'I',
	'ì': 'i', 'í': 'i', 'î': 'i', 'ï': 'i', 'ĩ': 'i', 'ī': 'i', 'ĭ': 'i', 'į': 'i', 'ı': 'i',
	'Ĵ': 'J', 'ĵ': 'j', 'Ķ': 'K', 'ķ': 'k',
	'Ĺ': 'L', 'Ļ': 'L', 'Ľ': 'L', 'Ŀ': 'L', 'Ł': 'L', 'ĺ': 'l', 'ļ': 'l', 'ľ': 'l', 'ŀ': 'l', 'ł': 'l',
	'Ñ': 'N', 'Ń': 'N', 'Ņ': 'N', 'Ň': 'N', 'ñ': 'n', 'ń': 'n', 'ņ': 'n', 'ň': 'n',
	'Ò': 'O', 'Ó': 'O', 'Ô': 'O', 'Õ': 'O', 'Ö': 'O', 'Ø': 'O', 'Ō': 'O', 'Ŏ': 'O', 'Ő': 'O',
	'ò': 'o', 'ó': 'o', 'ô': 'o', 'õ': 'o', 'ö': 'o', 'ø': 'o', 'ō': 'o', 'ŏ': 'o', 'ő': 'o',
	'Ŕ': 'R', 'Ŗ': 'R', 'Ř': 'R', 'ŕ': 'r', 'ŗ': 'r', 'ř': 'r',
	'Ś': 'S', 'Ŝ': 'S', 'Ş': 'S', 'Š': 'S', 'Ș': 'S', 'ś': 's', 'ŝ': 's', 'ş': 's', 'š': 's', 'ș': 's',
	'Ţ': 'T', 'Ť': 'T', 'Ŧ': 'T', 'Ț': 'T', 'ţ': 't', 'ť': 't', 'ŧ': 't', 'ț': 't',
	'Ù': 'U', 'Ú': 'U', 'Û': 'U', 'Ü': 'U', 'Ũ': 'U', 'Ū': 'U', 'Ŭ': 'U', 'Ů': 'U', 'Ű': 'U', 'Ų': 'U',
	'ù': 'u', 'ú': 'u', 'û': 'u', 'ü': 'u', 'ũ': 'u', 'ū': 'u', 'ŭ': 'u', 'ů': 'u', 'ű': 'u', 'ų': 'u',
	'Ŵ': 'W', 'ŵ': 'w', 'Ý': 'Y', 'Ÿ': 'Y', 'Ŷ': 'Y', 'ý': 'y', 'ÿ': 'y', 'ŷ': 'y',
	'Ź': 'Z', 'Ż': 'Z', 'Ž': 'Z', 'ź': 'z', 'ż': 'z', 'ž': 'z',
	// Apostrophes and quotes that stand for an apostrophe.
	'’': '\'', '‘': '\'', 'ʼ': '\'', '`': '\'',
}

// runeClass tells how splitting treats a rune.
type runeClass uint8

const (
	keep     runeClass = iota // part of a word
	drop                      // left out: dots, combining accents
	separate                  // ends the word: spaces, hyphens and dashes
	alone                     // a word by itself: "," "(" "&"
)

func classify(r rune) runeClass {
	if r < utf8.RuneSelf {
		switch r {
		case '.':
			return drop
		case '-', ' ', '\t', '\n', '\r', '\v', '\f':
			return separate
		case ',', '(', ')', '&', '/', ':', ';', '"':
			return alone
		}
		return keep
	}
	switch r {
	case '.':
		return drop
	case '-', '‐', '‑', '‒', '–', '—':
		return separate
	case ',', '(', ')', '&', '/', ':', ';', '"', '“', '”':
		return alone
	}
	if unicode.IsSpace(r) {
		return separate
	}
	if unicode.Is(unicode.Mn, r) {
		return drop
	}
	return keep
}

// appendWords cuts s into words and appends them to dst.
func appendWords(dst []word, s string) []word {
	start := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch c := classify(r); c {
		case separate, alone:
			if start < i {
				dst = append(dst, makeWord(s[start:i]))
			}
			if c == alone {
				dst = append(dst, makeWord(s[i:i+size]))
			}
			start = i + size
		}
		i += size
	}
	if start < len(s) {
		dst = append(dst, makeWord(s[start:]))
	}
	return dst
}

// makeWord builds the word of a run of runes with no separator in it; "&"
// is the word "and". A run of only dropped runes (".") gives a word with an
// empty key, which appendWords's callers skip.
func makeWord(s string) word {
	if s == "&" {
		return word{key: "and", form: "&"}
	}
	if plainASCII(s) {
		if !hasUpper(s) {
			return word{key: s, form: s}
		}
		return word{key: strings.ToLower(s), form: s}
	}
	var form strings.Builder
	form.Grow(len(s))
	for _, r := range s {
		if classify(r) == drop {
			continue
		}
		if f, ok := foldTable[r]; ok {
			r = f
		}
		form.WriteRune(r)
	}
	f := form.String()
	return word{key: strings.ToLower(f), form: f}
}

// plainASCII reports whether s is ASCII with nothing to fold or drop.
func plainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || c == '.' || c == '`' {
			return false
		}
	}
	return true
}

func hasUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			return true
		}
	}
	return false
}

// hasLower reports whether s has a lower-case letter.
func hasLower(s string) bool {
	for _, r := range s {
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}

// isAcronym reports whether a word of a name is written as an acronym: two
// or more letters and none in lower case ("US", "NATO"), or a capital after
// the first letter ("MoD", "PBoC"). Only the part after an apostrophe
// counts, so "N'Djamena" and "d'Ivoire" are not acronyms.
func isAcronym(form string) bool {
	if i := strings.LastIndexByte(form, '\''); i >= 0 {
		form = form[i+1:]
	}
	letters, lower, innerUpper := 0, false, false
	for _, r := range form {
		if !unicode.IsLetter(r) {
			continue
		}
		if unicode.IsLower(r) {
			lower = true
		} else if letters > 0 {
			innerUpper = true
		}
		letters++
	}
	return letters >= 2 && (!lower || innerUpper)
}

// keyOf returns the words of s as one key, the words' keys joined by
// spaces.
func keyOf(s string) string {
	var buf [16]word
	ws := appendWords(buf[:0], s)
	var b strings.Builder
	for _, w := range ws {
		if w.key == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w.key)
	}
	return b.String()
}
