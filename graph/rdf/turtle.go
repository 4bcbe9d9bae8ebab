package rdf

import (
	"bufio"
	"io"

	"github.com/cayleygraph/quad"
	"github.com/newsgraph/newsgraph/graph/vocab"
)

// NewTurtle returns a Writer of RDF 1.1 Turtle: the prefixes as @prefix
// lines, then the triples, graph labels dropped. Consecutive triples with
// the same subject share a block ("s p1 o1 ; p2 o2 ."), and those with the
// same predicate too ("s p o1 , o2 ."); a triple found in several graphs
// is written once for each. IRIs are prefixed names when the rest is a
// valid local name, else full <IRI>s; rdf:type is "a"; literals are
// quoted, with their language tag or datatype.
func NewTurtle(w io.Writer, p Prefixes) Writer { return newTurtle(w, p, false) }

// turtleWriter writes Turtle, or TriG when trig is set.
type turtleWriter struct {
	w      *bufio.Writer
	p      Prefixes
	trig   bool
	inStmt bool // a statement is open: it needs " .\n" to end
	// The graph block open (TriG), and the terms of the open statement,
	// as written.
	inGraph          bool
	graph, subj, prd string
	s, pr, o, g      []byte // scratch
}

func newTurtle(w io.Writer, p Prefixes, trig bool) *turtleWriter {
	t := &turtleWriter{w: bufio.NewWriter(w), p: p, trig: trig}
	// Write errors stick in the bufio.Writer: WriteQuad or Close reports
	// them.
	for _, pr := range p.List() {
		t.w.WriteString("@prefix " + pr.Name + ": ")
		t.w.Write(appendIRIRef(nil, pr.IRI))
		t.w.WriteString(" .\n")
	}
	t.w.WriteByte('\n')
	return t
}

func (t *turtleWriter) WriteQuad(q quad.Quad) error {
	if err := checkQuad(q); err != nil {
		return err
	}
	var err error
	if t.s, err = t.appendTerm(t.s[:0], q.Subject); err != nil {
		return err
	}
	if q.Predicate == quad.Value(vocab.Type) {
		t.pr = append(t.pr[:0], 'a')
	} else if t.pr, err = t.appendTerm(t.pr[:0], q.Predicate); err != nil {
		return err
	}
	if t.o, err = t.appendTerm(t.o[:0], q.Object); err != nil {
		return err
	}
	indent := ""
	if t.trig {
		indent = "    "
		t.g = t.g[:0]
		if q.Label != nil {
			if t.g, err = t.appendTerm(t.g, q.Label); err != nil {
				return err
			}
		}
		if !t.inGraph || string(t.g) != t.graph {
			t.endStmt()
			if t.inGraph {
				t.w.WriteString("}\n\n")
			}
			if len(t.g) > 0 {
				t.w.Write(t.g)
				t.w.WriteByte(' ')
			}
			t.w.WriteString("{\n")
			t.inGraph, t.graph = true, string(t.g)
		}
	}
	switch {
	case t.inStmt && string(t.s) == t.subj && string(t.pr) == t.prd:
		t.w.WriteString(" ,\n" + indent + "        ")
	case t.inStmt && string(t.s) == t.subj:
		t.w.WriteString(" ;\n" + indent + "    ")
		t.w.Write(t.pr)
		t.w.WriteByte(' ')
		t.prd = string(t.pr)
	default:
		t.endStmt()
		t.w.WriteString(indent)
		t.w.Write(t.s)
		t.w.WriteByte(' ')
		t.w.Write(t.pr)
		t.w.WriteByte(' ')
		t.inStmt, t.subj, t.prd = true, string(t.s), string(t.pr)
	}
	_, err = t.w.Write(t.o)
	return err
}

// endStmt ends the open statement, if any.
func (t *turtleWriter) endStmt() {
	if t.inStmt {
		t.w.WriteString(" .\n")
		t.inStmt = false
	}
}

func (t *turtleWriter) Close() error {
	t.endStmt()
	if t.inGraph {
		t.w.WriteString("}\n")
		t.inGraph = false
	}
	return t.w.Flush()
}

// appendTerm appends v as Turtle writes it: IRIs (and datatypes) as
// prefixed names where possible.
func (t *turtleWriter) appendTerm(b []byte, v quad.Value) ([]byte, error) {
	switch v := v.(type) {
	case quad.IRI:
		iri, err := CleanIRI(string(v))
		if err != nil {
			return b, err
		}
		return t.appendIRI(b, iri), nil
	case quad.BNode:
		return appendNTerm(b, v)
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
		b = t.appendIRI(append(b, "^^"...), l.datatype)
	}
	return b, nil
}

// appendIRI appends a clean IRI as a prefixed name or an <IRI>.
func (t *turtleWriter) appendIRI(b []byte, iri string) []byte {
	if name, local, ok := t.p.split(iri); ok && validLocal(local) {
		return append(append(append(b, name...), ':'), local...)
	}
	return appendIRIRef(b, iri)
}
