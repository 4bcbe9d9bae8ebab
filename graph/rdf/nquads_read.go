package rdf

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cayleygraph/quad"
)

// SyntaxError is input that is not valid RDF, with where it was found.
type SyntaxError struct {
	Name   string // the input's name, a file's path
	Line   int    // 1-based; 0 when not known
	Column int    // 1-based, in characters; 0 when not known
	Msg    string
}

// Error gives the input's name, the position when known and the message.
// The message is always one line: text quoted from the input (an IRI, a
// value) has its line breaks escaped.
func (e *SyntaxError) Error() string {
	msg := oneLine.Replace(e.Msg)
	switch {
	case e.Line == 0:
		return e.Name + ": " + msg
	case e.Column == 0:
		return fmt.Sprintf("%s:%d: %s", e.Name, e.Line, msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.Name, e.Line, e.Column, msg)
}

// oneLine escapes line breaks.
var oneLine = strings.NewReplacer("\r\n", `\r\n`, "\n", `\n`, "\r", `\r`)

// NQuadsReader reads RDF 1.1 N-Quads, and so N-Triples, which is N-Quads
// without graph labels. Unlike Cayley's reader it keeps literals as they
// are written (Cayley's turns "007"^^xsd:integer into 7 and xsd:date
// into a time), reports errors with their line and column, and checks
// what it reads: IRIs must be absolute, and are cleaned like the writers
// clean them (see CleanIRI), so that the store only holds IRIs every
// format can write; language tags, blank node labels and escapes must
// follow the grammar.
type NQuadsReader struct {
	r       *bufio.Reader
	name    string
	line    int      // of the last line parsed
	pending []string // lines read but not parsed yet
	buf     []byte
}

// NewNQuadsReader returns a reader of r, named name (a file's path) in
// errors.
func NewNQuadsReader(r io.Reader, name string) *NQuadsReader {
	return &NQuadsReader{r: bufio.NewReaderSize(r, 64<<10), name: name}
}

// Line returns the line of the quad Read returned last.
func (r *NQuadsReader) Line() int { return r.line }

// Read returns the next quad, whose Label is nil for a triple; io.EOF at
// the end; a *SyntaxError for input that is not N-Quads.
func (r *NQuadsReader) Read() (quad.Quad, error) {
	for {
		for len(r.pending) > 0 {
			s := r.pending[0]
			r.pending = r.pending[1:]
			r.line++
			q, ok, err := parseStatement(s)
			if err != nil {
				err.Name, err.Line = r.name, r.line
				return quad.Quad{}, err
			}
			if ok {
				return q, nil
			}
		}
		line, err := r.readLine()
		if len(line) == 0 && err != nil {
			if errors.Is(err, io.EOF) {
				return quad.Quad{}, io.EOF
			}
			return quad.Quad{}, fmt.Errorf("%s: %w", r.name, err)
		}
		line = strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r")
		r.pending = strings.Split(line, "\r") // a lone CR ends a line too
	}
}

// readLine returns the next line, with its "\n" if it has one.
func (r *NQuadsReader) readLine() (string, error) {
	b, err := r.r.ReadSlice('\n')
	if !errors.Is(err, bufio.ErrBufferFull) {
		return string(b), err
	}
	r.buf = append(r.buf[:0], b...)
	for errors.Is(err, bufio.ErrBufferFull) {
		b, err = r.r.ReadSlice('\n')
		r.buf = append(r.buf, b...)
	}
	return string(r.buf), err
}

// parseStatement parses one line: a statement, or nothing but white space
// and a comment (ok is false).
func parseStatement(s string) (q quad.Quad, ok bool, err *SyntaxError) {
	p := &ntParser{s: s}
	if p.ws(); p.end() {
		return q, false, nil
	}
	if q.Subject, err = p.term("subject", "<_"); err != nil {
		return q, false, err
	}
	p.ws()
	if q.Predicate, err = p.term("predicate", "<"); err != nil {
		return q, false, err
	}
	p.ws()
	if q.Object, err = p.term("object", "<_\""); err != nil {
		return q, false, err
	}
	p.ws()
	if p.i < len(s) && s[p.i] != '.' {
		if q.Label, err = p.term("graph label", "<_"); err != nil {
			return q, false, err
		}
		p.ws()
	}
	if p.i >= len(s) || s[p.i] != '.' {
		return q, false, p.errorf("expected \".\" to end the statement")
	}
	p.i++
	if p.ws(); !p.end() {
		return q, false, p.errorf("unexpected text after the statement's \".\"")
	}
	return q, true, nil
}

// ntParser parses the terms of one N-Quads line.
type ntParser struct {
	s string
	i int
}

func (p *ntParser) errorf(format string, args ...any) *SyntaxError {
	return &SyntaxError{Column: utf8.RuneCountInString(p.s[:p.i]) + 1, Msg: fmt.Sprintf(format, args...)}
}

// ws skips white space.
func (p *ntParser) ws() {
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == '\t') {
		p.i++
	}
}

// end tells whether only a comment, if anything, is left.
func (p *ntParser) end() bool { return p.i >= len(p.s) || p.s[p.i] == '#' }

// term parses the term in position pos, which starts with one of starts:
// "<" for an IRI, "_" for a blank node, `"` for a literal.
func (p *ntParser) term(pos, starts string) (quad.Value, *SyntaxError) {
	if p.i >= len(p.s) || strings.IndexByte(starts, p.s[p.i]) < 0 {
		what := "an IRI"
		switch starts {
		case "<_":
			what = "an IRI or a blank node"
		case "<_\"":
			what = "an IRI, a blank node or a literal"
		}
		return nil, p.errorf("expected %s as the %s", what, pos)
	}
	switch p.s[p.i] {
	case '<':
		iri, err := p.iri()
		return iri, err
	case '_':
		return p.blank()
	}
	return p.literal()
}

// iri parses an IRIREF and cleans it.
func (p *ntParser) iri() (quad.IRI, *SyntaxError) {
	start := p.i
	p.i++ // '<'
	var b strings.Builder
	plain := true // no escapes so far: the IRI is p.s[start+1:p.i]
	for {
		if p.i >= len(p.s) {
			p.i = start
			return "", p.errorf("IRI not closed by \">\"")
		}
		c := p.s[p.i]
		switch {
		case c == '>':
			raw := p.s[start+1 : p.i]
			if !plain {
				raw = b.String()
			}
			p.i++
			iri, err := CleanIRI(raw)
			if err != nil {
				p.i = start
				return "", p.errorf("%v", err)
			}
			return quad.IRI(iri), nil
		case c == '\\':
			if plain {
				b.WriteString(p.s[start+1 : p.i])
				plain = false
			}
			r, err := p.uchar()
			if err != nil {
				return "", err
			}
			b.WriteRune(r)
		case c <= ' ' || strings.IndexByte("<\"{}|^`", c) >= 0:
			return "", p.errorf("character %q is not allowed in an IRI", c)
		case c < utf8.RuneSelf:
			if !plain {
				b.WriteByte(c)
			}
			p.i++
		default:
			r, size := utf8.DecodeRuneInString(p.s[p.i:])
			if r == utf8.RuneError && size == 1 {
				return "", p.errorf("invalid UTF-8")
			}
			if !plain {
				b.WriteString(p.s[p.i : p.i+size])
			}
			p.i += size
		}
	}
}

// uchar parses \uXXXX or \UXXXXXXXX at p.i.
func (p *ntParser) uchar() (rune, *SyntaxError) {
	n := 0
	if p.i+1 < len(p.s) {
		switch p.s[p.i+1] {
		case 'u':
			n = 4
		case 'U':
			n = 8
		}
	}
	if n == 0 || p.i+2+n > len(p.s) {
		return 0, p.errorf("invalid escape: expected \\uXXXX or \\UXXXXXXXX")
	}
	v, err := strconv.ParseUint(p.s[p.i+2:p.i+2+n], 16, 32)
	if err != nil || !utf8.ValidRune(rune(v)) {
		return 0, p.errorf("invalid escape %s", p.s[p.i:p.i+2+n])
	}
	p.i += 2 + n
	return rune(v), nil
}

// blank parses a blank node label.
func (p *ntParser) blank() (quad.BNode, *SyntaxError) {
	if !strings.HasPrefix(p.s[p.i:], "_:") {
		return "", p.errorf("expected \"_:\" to start a blank node")
	}
	start := p.i + 2
	end := start
	for end < len(p.s) {
		r, size := utf8.DecodeRuneInString(p.s[end:])
		if !pnChars(r) && r != '.' && !('0' <= r && r <= '9') || r == utf8.RuneError {
			break
		}
		end += size
	}
	for end > start && p.s[end-1] == '.' { // a final "." ends the statement
		end--
	}
	label := p.s[start:end]
	if !validBlank(label) {
		p.i = start
		return "", p.errorf("invalid blank node label")
	}
	p.i = end
	return quad.BNode(label), nil
}

// literal parses a quoted literal with its language tag or datatype.
func (p *ntParser) literal() (quad.Value, *SyntaxError) {
	start := p.i
	p.i++ // '"'
	// Most strings have no escapes: find the closing quote first.
	end := p.i
	for end < len(p.s) && p.s[end] != '"' && p.s[end] != '\\' {
		end++
	}
	var lex quad.String
	if end < len(p.s) && p.s[end] == '"' {
		if !utf8.ValidString(p.s[p.i:end]) {
			return nil, p.errorf("invalid UTF-8 in string")
		}
		lex = quad.String(p.s[p.i:end])
		p.i = end + 1
	} else {
		var b strings.Builder
		for {
			if p.i >= len(p.s) {
				p.i = start
				return nil, p.errorf("string not closed by '\"'")
			}
			c := p.s[p.i]
			if c == '"' {
				p.i++
				break
			}
			if c != '\\' {
				b.WriteByte(c)
				p.i++
				continue
			}
			if p.i+1 < len(p.s) {
				if e := strings.IndexByte(`tbnrf"'\`, p.s[p.i+1]); e >= 0 {
					b.WriteByte("\t\b\n\r\f\"'\\"[e])
					p.i += 2
					continue
				}
			}
			r, err := p.uchar()
			if err != nil {
				return nil, err
			}
			b.WriteRune(r)
		}
		if !utf8.ValidString(b.String()) {
			p.i = start
			return nil, p.errorf("invalid UTF-8 in string")
		}
		lex = quad.String(b.String())
	}
	switch {
	case strings.HasPrefix(p.s[p.i:], "@"):
		start := p.i + 1
		end := start
		for end < len(p.s) && (isAlnum(p.s[end]) || p.s[end] == '-') {
			end++
		}
		p.i = start
		if !validLang(p.s[start:end]) {
			return nil, p.errorf("invalid language tag %q", p.s[start:end])
		}
		p.i = end
		return quad.LangString{Value: lex, Lang: p.s[start:end]}, nil
	case strings.HasPrefix(p.s[p.i:], "^^"):
		p.i += 2
		if p.i >= len(p.s) || p.s[p.i] != '<' {
			return nil, p.errorf("expected a datatype IRI after \"^^\"")
		}
		dt, err := p.iri()
		if err != nil {
			return nil, err
		}
		if dt == xsdString {
			return lex, nil
		}
		return quad.TypedString{Value: lex, Type: dt}, nil
	}
	return lex, nil
}

func isAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}
