package rdf

import (
	"bufio"
	"io"

	"github.com/cayleygraph/quad"
)

// NewNQuads returns a Writer of RDF 1.1 N-Quads: one statement a line,
// full IRIs, each quad with its graph label (a quad without one is a
// triple of the default graph).
func NewNQuads(w io.Writer) Writer { return &lineWriter{w: bufio.NewWriter(w)} }

// NewNTriples returns a Writer of RDF 1.1 N-Triples: N-Quads without the
// graph labels. A triple found in several graphs is written once for each
// (a streaming writer cannot know it saw it before); RDF readers merge
// them, a graph being a set of triples.
func NewNTriples(w io.Writer) Writer {
	return &lineWriter{w: bufio.NewWriter(w), triples: true}
}

// lineWriter writes N-Quads or N-Triples.
type lineWriter struct {
	w       *bufio.Writer
	triples bool
	buf     []byte
}

func (w *lineWriter) WriteQuad(q quad.Quad) error {
	if err := checkQuad(q); err != nil {
		return err
	}
	b := w.buf[:0]
	var err error
	for i, v := range []quad.Value{q.Subject, q.Predicate, q.Object, q.Label} {
		if v == nil || i == 3 && w.triples {
			continue
		}
		if b, err = appendNTerm(b, v); err != nil {
			return err
		}
		b = append(b, ' ')
	}
	b = append(b, ".\n"...)
	w.buf = b
	_, err = w.w.Write(b)
	return err
}

func (w *lineWriter) Close() error { return w.w.Flush() }

// appendNTerm appends v as N-Triples writes it: <IRI>, _:label, or a
// literal with its language tag or datatype.
func appendNTerm(b []byte, v quad.Value) ([]byte, error) {
	switch v := v.(type) {
	case quad.IRI:
		iri, err := CleanIRI(string(v))
		if err != nil {
			return b, err
		}
		return appendIRIRef(b, iri), nil
	case quad.BNode:
		return append(append(b, "_:"...), blankLabel(v)...), nil
	}
	l, err := literalOf(v)
	if err != nil {
		return b, err
	}
	b = appendQuoted(b, l.lex)
	switch {
	case l.lang != "":
		b = append(append(b, '@'), l.lang...)
	case l.datatype != "":
		b = appendIRIRef(append(b, "^^"...), l.datatype)
	}
	return b, nil
}

// appendIRIRef appends a clean IRI between angle brackets: it has none of
// the characters IRIREF must escape.
func appendIRIRef(b []byte, iri string) []byte {
	return append(append(append(b, '<'), iri...), '>')
}
