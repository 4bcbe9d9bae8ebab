package tokenize

import (
	"unicode"
	"unicode/utf8"
)

// Character classes of bytes, looked up in asciiClass.
const (
	cPunct  uint8 = iota // ASCII punctuation and symbols
	cSpace               // white space and control characters: separators
	cLetter              // A-Z, a-z
	cDigit               // 0-9
	cHigh                // a byte of a multi-byte UTF-8 sequence
)

// asciiClass classifies bytes. Control characters separate tokens like
// white space, so no token ever contains one.
var asciiClass = func() (t [256]uint8) {
	for c := range t {
		switch {
		case c >= utf8.RuneSelf:
			t[c] = cHigh
		case c <= ' ' || c == 0x7f:
			t[c] = cSpace
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
			t[c] = cLetter
		case '0' <= c && c <= '9':
			t[c] = cDigit
		default:
			t[c] = cPunct
		}
	}
	return t
}()

// decode returns the rune at byte offset i of s and its width. An invalid
// byte decodes as utf8.RuneError of width 1.
func decode(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// decodeLast returns the rune ending at byte offset j of s and its width.
func decodeLast(s string, j int) (rune, int) {
	if c := s[j-1]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeLastRuneInString(s[:j])
}

// isSpace reports whether r separates tokens: Unicode white space (which
// includes the no-break and typographic spaces), control characters and
// the invisible zero-width space, word joiner and byte-order mark.
func isSpace(r rune) bool {
	if uint32(r) < utf8.RuneSelf {
		return asciiClass[r] == cSpace
	}
	switch r {
	case 0x200b, 0x2060, 0xfeff:
		return true
	}
	return unicode.IsSpace(r) || unicode.IsControl(r)
}

// isWord reports whether r belongs to words: letters, digits and other
// numbers, combining marks, and invisible format characters such as the
// soft hyphen. An invalid byte (utf8.RuneError) is not a word character.
func isWord(r rune) bool {
	if uint32(r) < utf8.RuneSelf {
		c := asciiClass[r]
		return c == cLetter || c == cDigit
	}
	if r == utf8.RuneError {
		return false
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r) || unicode.Is(unicode.Cf, r)
}

func isLetter(r rune) bool {
	if uint32(r) < utf8.RuneSelf {
		return asciiClass[r] == cLetter
	}
	return unicode.IsLetter(r) || unicode.IsMark(r)
}

func isDigit(r rune) bool { return '0' <= r && r <= '9' }

func isUpper(r rune) bool {
	if uint32(r) < utf8.RuneSelf {
		return 'A' <= r && r <= 'Z'
	}
	return unicode.IsUpper(r)
}

// isApos reports whether r can be an apostrophe or a single quote: the
// straight ', the curly ’ and ‘, the backtick and the acute accent, all of
// which web text uses for both.
func isApos(r rune) bool {
	switch r {
	case '\'', '’', '‘', '`', '´', 'ʼ':
		return true
	}
	return false
}

func isHyphen(r rune) bool { return r == '-' || r == '‐' || r == '‑' }

// isStop reports whether r is one of the characters whose runs form one
// token however they mix, as in "...", "?!" or "!!!.".
func isStop(r rune) bool { return r == '.' || r == '!' || r == '?' || r == '…' }
