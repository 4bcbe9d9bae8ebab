package rdf

import (
	"encoding/hex"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/cayleygraph/quad"
	"github.com/newsgraph/newsgraph/graph/vocab"
)

// Datatypes of literals without one of their own (RDF 1.1).
const (
	xsdString  = vocab.XSD + "string"
	langString = vocab.RDF + "langString"
)

// CleanIRI returns iri as a valid absolute IRI (RFC 3987), so that every
// format can write it: characters IRIs do not allow — spaces, control
// characters, <>"{}|\^` and the like, "%" not starting a %XX escape, a
// second "#", brackets outside the host, Unicode outside the ranges IRIs
// allow, and the bidirectional formatting characters RFC 3987 forbids
// (which could make an IRI display as another) — are percent-encoded as
// their UTF-8 bytes, as are bytes that are not UTF-8. A valid IRI comes
// back unchanged. An IRI without a scheme cannot be repaired: the error
// names it.
func CleanIRI(iri string) (string, error) {
	n := schemeLen(iri)
	if n == 0 {
		return "", fmt.Errorf("IRI %q is not absolute: it does not start with a scheme such as \"https:\"", iri)
	}
	// The authority, where brackets may enclose an IPv6 host.
	authStart, authEnd := -1, -1
	if strings.HasPrefix(iri[n:], "//") {
		authStart = n + 2
		authEnd = len(iri)
		if i := strings.IndexAny(iri[authStart:], "/?#"); i >= 0 {
			authEnd = authStart + i
		}
	}
	var b *strings.Builder // nil until a character needs encoding
	fragment := false
	for i := n; i < len(iri); {
		if iriASCII(iri[i]) {
			if b != nil {
				b.WriteByte(iri[i])
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(iri[i:])
		ok := false // for the other ASCII characters and bytes that are not UTF-8
		switch {
		case r == '%':
			ok = i+2 < len(iri) && isHex(iri[i+1]) && isHex(iri[i+2])
		case r == '#':
			ok = !fragment
			fragment = true
		case r == '[' || r == ']':
			ok = authStart <= i && i < authEnd
		case size > 1:
			ok = ucschar(r)
		}
		if !ok && b == nil {
			b = new(strings.Builder)
			b.Grow(len(iri) + 8)
			b.WriteString(iri[:i])
		}
		if b != nil {
			if ok {
				b.WriteString(iri[i : i+size])
			} else {
				for j := i; j < i+size; j++ {
					fmt.Fprintf(b, "%%%02X", iri[j])
				}
			}
		}
		i += size
	}
	if b == nil {
		return iri, nil
	}
	return b.String(), nil
}

// schemeLen returns the length of iri's scheme with its colon (RFC 3986:
// a letter, then letters, digits, "+", "-" or "."), or 0 if it has none.
func schemeLen(iri string) int {
	for i := 0; i < len(iri); i++ {
		c := iri[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
		case i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		case i > 0 && c == ':':
			return i + 1
		default:
			return 0
		}
	}
	return 0
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// iriASCII tells whether c may appear in an IRI as it is: RFC 3986's
// unreserved and reserved characters ("%", "#" and brackets are dealt with
// apart).
func iriASCII(c byte) bool { return c < utf8.RuneSelf && iriSafe[c] }

var iriSafe = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
			strings.IndexByte("-._~:/?@!$&'()*+,;=", byte(c)) >= 0
	}
	return t
}()

// ucschar tells whether the non-ASCII r may appear in an IRI as it is
// (RFC 3987's ucschar), leaving out the bidirectional formatting
// characters it forbids. Private-use characters, allowed only in queries,
// are encoded everywhere.
func ucschar(r rune) bool {
	switch {
	case r == 0x200E || r == 0x200F || 0x202A <= r && r <= 0x202E || 0x2066 <= r && r <= 0x2069:
		return false
	case 0xA0 <= r && r <= 0xD7FF, 0xF900 <= r && r <= 0xFDCF, 0xFDF0 <= r && r <= 0xFFEF:
		return true
	case 0x10000 <= r && r <= 0xEFFFD:
		return r&0xFFFF <= 0xFFFD && !(0xE0000 <= r && r < 0xE1000)
	}
	return false
}

// Character classes of the Turtle and N-Triples grammars.

func pnCharsBase(r rune) bool {
	switch {
	case 'A' <= r && r <= 'Z', 'a' <= r && r <= 'z':
		return true
	case r < 0xC0:
		return false
	}
	return r <= 0xD6 || 0xD8 <= r && r <= 0xF6 || 0xF8 <= r && r <= 0x2FF ||
		0x370 <= r && r <= 0x37D || 0x37F <= r && r <= 0x1FFF || 0x200C <= r && r <= 0x200D ||
		0x2070 <= r && r <= 0x218F || 0x2C00 <= r && r <= 0x2FEF || 0x3001 <= r && r <= 0xD7FF ||
		0xF900 <= r && r <= 0xFDCF || 0xFDF0 <= r && r <= 0xFFFD || 0x10000 <= r && r <= 0xEFFFF
}

func pnCharsU(r rune) bool { return r == '_' || pnCharsBase(r) }

func pnChars(r rune) bool {
	return pnCharsU(r) || r == '-' || '0' <= r && r <= '9' || r == 0xB7 ||
		0x300 <= r && r <= 0x36F || 0x203F <= r && r <= 0x2040
}

// validLocal tells whether s is a Turtle PN_LOCAL written without
// backslash escapes, so that prefix:s is a prefixed name.
func validLocal(s string) bool {
	if s == "" {
		return true
	}
	last := ' '
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '%':
			if i+2 >= len(s) || !isHex(s[i+1]) || !isHex(s[i+2]) {
				return false
			}
			size = 3
		case r == ':' || pnChars(r):
			if i == 0 && !(r == ':' || pnCharsU(r) || '0' <= r && r <= '9') {
				return false
			}
		case r == '.' && i > 0:
		default:
			return false
		}
		last = r
		i += size
	}
	return last != '.'
}

// validBlank tells whether s is a blank node label as N-Triples, Turtle
// and TriG write it after "_:".
func validBlank(s string) bool {
	if s == "" || !utf8.ValidString(s) {
		return false
	}
	last := ' '
	for i, r := range s {
		switch {
		case i == 0:
			if !pnCharsU(r) && !('0' <= r && r <= '9') {
				return false
			}
		case r != '.' && !pnChars(r):
			return false
		}
		last = r
	}
	return last != '.'
}

// blankLabel returns a blank node's label as written: the label itself
// when valid, else "x" and the hex of its bytes, so that distinct labels
// stay distinct.
func blankLabel(b quad.BNode) string {
	if validBlank(string(b)) {
		return string(b)
	}
	return "x" + hex.EncodeToString([]byte(b))
}

// validLang tells whether s is a language tag as RDF syntaxes allow
// ([a-zA-Z]+ ("-" [a-zA-Z0-9]+)*).
func validLang(s string) bool {
	for i, part := range strings.Split(s, "-") {
		if part == "" {
			return false
		}
		for _, c := range []byte(part) {
			if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || i > 0 && '0' <= c && c <= '9') {
				return false
			}
		}
	}
	return true
}

// literal is a literal's parts, checked: its lexical form (valid UTF-8),
// its datatype IRI (empty for a plain string, which is an xsd:string) and
// its language tag (for an rdf:langString).
type literal struct {
	lex, datatype, lang string
}

// rdfDatatype returns the literal's datatype as RDF 1.1 has it:
// xsd:string for plain text, rdf:langString with a language tag.
func (l literal) rdfDatatype() string {
	switch {
	case l.lang != "":
		return langString
	case l.datatype == "":
		return xsdString
	}
	return l.datatype
}

// literalOf returns the parts of a literal value, or an error naming a
// value that is not a literal RDF can write: an invalid language tag or
// datatype, or a value that is not a string (the quad library's native
// numbers and times print non-standard forms; package store gives typed
// strings instead). Text that is not UTF-8 gets U+FFFD in place of the
// bad bytes.
func literalOf(v quad.Value) (literal, error) {
	switch v := v.(type) {
	case quad.String:
		return literal{lex: strings.ToValidUTF8(string(v), "\uFFFD")}, nil
	case quad.LangString:
		if !validLang(v.Lang) {
			return literal{}, fmt.Errorf("literal %v: invalid language tag %q", v, v.Lang)
		}
		return literal{lex: strings.ToValidUTF8(string(v.Value), "\uFFFD"), lang: v.Lang}, nil
	case quad.TypedString:
		dt, err := CleanIRI(string(v.Type))
		if err != nil {
			return literal{}, fmt.Errorf("literal %v: datatype: %w", v, err)
		}
		if dt == xsdString {
			dt = ""
		}
		return literal{lex: strings.ToValidUTF8(string(v.Value), "\uFFFD"), datatype: dt}, nil
	}
	return literal{}, fmt.Errorf("value %v of type %T is not an IRI, a blank node or a string literal", v, v)
}

// appendQuoted appends s as an N-Triples/Turtle string literal: quotes,
// backslashes and line breaks escaped as \" \\ \n \r, tab, backspace and
// form feed as \t \b \f, the other control characters as \u00XX. s is
// valid UTF-8.
func appendQuoted(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		var esc string
		switch c {
		case '"':
			esc = `\"`
		case '\\':
			esc = `\\`
		case '\n':
			esc = `\n`
		case '\r':
			esc = `\r`
		case '\t':
			esc = `\t`
		case '\b':
			esc = `\b`
		case '\f':
			esc = `\f`
		default:
			if c >= 0x20 && c != 0x7F {
				continue
			}
		}
		b = append(b, s[start:i]...)
		if esc != "" {
			b = append(b, esc...)
		} else {
			b = fmt.Appendf(b, `\u%04X`, c)
		}
		start = i + 1
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
