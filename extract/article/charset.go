package article

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// declaredCharset finds the charset a page declares in its first bytes,
// as <meta charset=…> or <meta http-equiv=Content-Type content="…;
// charset=…">.
var declaredCharset = regexp.MustCompile(`(?i)<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.-]+)`)

// htmlCharset returns a page as UTF-8; base is the offset of s in its
// file. Pages that are valid UTF-8 are taken as such whatever they declare
// (mislabelled pages are common); others are decoded from the charset they
// declare when it is Windows-1252 or one of the labels HTML maps to it
// (ISO-8859-1, ASCII), and refused otherwise.
func htmlCharset(s string, base int) (string, error) {
	if utf8.ValidString(s) {
		return s, nil
	}
	m := declaredCharset.FindStringSubmatch(s[:min(len(s), 2048)])
	if m == nil {
		return "", checkUTF8(s, int64(base))
	}
	switch label := strings.ToLower(m[1]); label {
	case "windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1",
		"l1", "us-ascii", "ascii", "ansi_x3.4-1968":
		return decodeWindows1252(s), nil
	default:
		return "", fmt.Errorf("%w; the page declares charset %s, which is not supported", checkUTF8(s, int64(base)), label)
	}
}

// windows1252 maps the bytes 0x80–0x9F of Windows-1252 to Unicode; the
// other bytes are the code points of the same value. The five undefined
// bytes map to the C1 controls, as browsers do.
var windows1252 = [32]rune{
	'€', '\u0081', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u008d', 'Ž', '\u008f',
	'\u0090', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u009d', 'ž', 'Ÿ',
}

func decodeWindows1252(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x80:
			b.WriteByte(c)
		case c < 0xA0:
			b.WriteRune(windows1252[c-0x80])
		default:
			b.WriteRune(rune(c))
		}
	}
	return b.String()
}
