package rdf

import (
	"bufio"
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/cayleygraph/quad"
)

// NewDOT returns a Writer of Graphviz DOT: a digraph whose nodes are the
// IRIs and blank nodes (ellipses labelled with prefixed names, IRIs as
// their URL), declared once when first met, and the literals, one box per
// quad labelled with its text; each quad is an edge labelled with its
// predicate as a prefixed name. Graph labels are left out: use GraphML or
// CSV to keep them. Line breaks in text are written as DOT's \n, tabs as
// spaces, other control characters and bytes that are not UTF-8 as U+FFFD.
func NewDOT(w io.Writer, p Prefixes) Writer {
	d := &dotWriter{w: bufio.NewWriter(w), p: p}
	d.w.WriteString("digraph newsgraph {\n  node [shape=ellipse];\n")
	return d
}

type dotWriter struct {
	w   *bufio.Writer
	p   Prefixes
	n   nodes
	buf []byte
}

func (d *dotWriter) WriteQuad(q quad.Quad) error {
	if err := checkQuad(q); err != nil {
		return err
	}
	var ends [2]node
	var err error
	for i, v := range []quad.Value{q.Subject, q.Object} {
		if ends[i], err = describe(v, d.p); err != nil {
			return err
		}
	}
	pred, err := describe(q.Predicate, d.p)
	if err != nil {
		return err
	}
	b := d.buf[:0]
	var ids [2]int
	for i, nd := range ends {
		var isNew bool
		if ids[i], isNew = d.n.id(nd); isNew {
			b = append(b, "  n"...)
			b = strconv.AppendInt(b, int64(ids[i]), 10)
			b = appendDOTString(append(b, " [label="...), nd.label)
			switch nd.kind {
			case "iri":
				b = appendDOTString(append(b, ", URL="...), nd.iri)
			case "literal":
				b = append(b, ", shape=box"...)
			}
			b = append(b, "];\n"...)
		}
	}
	b = strconv.AppendInt(append(b, "  n"...), int64(ids[0]), 10)
	b = strconv.AppendInt(append(b, " -> n"...), int64(ids[1]), 10)
	b = appendDOTString(append(b, " [label="...), pred.label)
	b = append(b, "];\n"...)
	d.buf = b
	_, err = d.w.Write(b)
	return err
}

func (d *dotWriter) Close() error {
	d.w.WriteString("}\n")
	return d.w.Flush()
}

// appendDOTString appends s as a DOT quoted string meant as a label (an
// escString): quotes and backslashes escaped, line breaks as \n.
func appendDOTString(b []byte, s string) []byte {
	b = append(b, '"')
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '"':
			b = append(b, `\"`...)
		case r == '\\':
			b = append(b, `\\`...)
		case r == '\n' || r == '\r':
			b = append(b, `\n`...)
		case r == '\t':
			b = append(b, ' ')
		case r < 0x20 || r == 0x7F || r == utf8.RuneError && size == 1:
			b = utf8.AppendRune(b, utf8.RuneError)
		default:
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return append(b, '"')
}
