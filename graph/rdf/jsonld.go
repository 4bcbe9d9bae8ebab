package rdf

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/cayleygraph/quad"
)

// NewJSONLD returns a Writer of JSON-LD 1.1: one document whose @context
// defines the prefixes and whose top-level @graph holds a graph object
// ({"@id": label, "@graph": [...]}) for each run of consecutive quads of
// one graph, and a node object for each run of consecutive quads of one
// subject within it. Quads without a label are node objects directly in
// the top-level @graph (the default graph). JSON-LD merges graph objects
// and node objects with the same @id, so the same graph or subject may
// come back later. Properties keep their order, the same property never
// twice in one node object; rdf:type is a property like the others
// ("rdf:type": [{"@id": ...}]), and every value keeps its exact lexical
// form: plain strings are JSON strings, other literals value objects with
// their @language or @type.
//
// IRIs are compact IRIs ("schema:name") when they start with a prefix's
// namespace, else full IRIs; a full IRI whose scheme is one of the
// prefixes' names cannot be told from a compact IRI and is an error.
func NewJSONLD(w io.Writer, p Prefixes) Writer {
	j := &jsonldWriter{w: bufio.NewWriter(w), p: p}
	j.w.WriteString("{\n  \"@context\": {")
	for i, pr := range p.List() {
		if i > 0 {
			j.w.WriteByte(',')
		}
		j.w.WriteString("\n    ")
		j.w.Write(appendJSONString(nil, pr.Name))
		j.w.WriteString(": ")
		j.w.Write(appendJSONString(nil, pr.IRI))
	}
	j.w.WriteString("\n  },\n  \"@graph\": [")
	return j
}

type jsonldWriter struct {
	w *bufio.Writer
	p Prefixes
	// entries counts the top-level @graph's entries, nodes the node
	// objects of the open graph object.
	entries, nodes int
	// The open graph object (graph is its JSON @id; "" for the default
	// graph), and the open node object: its JSON @id, the JSON key of its
	// open property and the keys it has used.
	inGraph, inNode   bool
	graph, subj, prop string
	keys              []string
	s, k, o, g        []byte // scratch
}

func (j *jsonldWriter) WriteQuad(q quad.Quad) error {
	if err := checkQuad(q); err != nil {
		return err
	}
	var err error
	if j.s, err = j.appendID(j.s[:0], q.Subject); err != nil {
		return err
	}
	iri, err := j.iri(string(q.Predicate.(quad.IRI)))
	if err != nil {
		return err
	}
	j.k = appendJSONString(j.k[:0], iri)
	if j.o, err = j.appendValue(j.o[:0], q.Object); err != nil {
		return err
	}
	j.g = j.g[:0]
	if q.Label != nil {
		if j.g, err = j.appendID(j.g, q.Label); err != nil {
			return err
		}
	}
	if !j.inGraph || string(j.g) != j.graph {
		j.endNode()
		j.endGraph()
		j.inGraph, j.graph, j.nodes = true, string(j.g), 0
		if len(j.g) > 0 {
			j.entry()
			j.w.WriteString("{\"@id\": ")
			j.w.Write(j.g)
			j.w.WriteString(", \"@graph\": [")
		}
	}
	switch {
	case j.inNode && string(j.s) == j.subj && string(j.k) == j.prop:
		j.w.WriteString(", ")
	case j.inNode && string(j.s) == j.subj && !slices.Contains(j.keys, string(j.k)):
		j.w.WriteString("],\n" + j.indent() + "  ")
		j.w.Write(j.k)
		j.w.WriteString(": [")
		j.prop = string(j.k)
		j.keys = append(j.keys, j.prop)
	default:
		j.endNode()
		if j.graph == "" {
			j.entry()
		} else {
			if j.nodes > 0 {
				j.w.WriteByte(',')
			}
			j.w.WriteString("\n      ")
			j.nodes++
		}
		j.w.WriteString("{\"@id\": ")
		j.w.Write(j.s)
		j.w.WriteString(",\n" + j.indent() + "  ")
		j.w.Write(j.k)
		j.w.WriteString(": [")
		j.inNode, j.subj, j.prop = true, string(j.s), string(j.k)
		j.keys = append(j.keys[:0], j.prop)
	}
	_, err = j.w.Write(j.o)
	return err
}

// entry starts an entry of the top-level @graph.
func (j *jsonldWriter) entry() {
	if j.entries > 0 {
		j.w.WriteByte(',')
	}
	j.w.WriteString("\n    ")
	j.entries++
}

// indent is the indentation of the open node object.
func (j *jsonldWriter) indent() string {
	if j.graph == "" {
		return "    "
	}
	return "      "
}

func (j *jsonldWriter) endNode() {
	if j.inNode {
		j.w.WriteString("]}")
		j.inNode = false
	}
}

func (j *jsonldWriter) endGraph() {
	if j.inGraph && j.graph != "" {
		j.w.WriteString("\n    ]}")
	}
	j.inGraph = false
}

func (j *jsonldWriter) Close() error {
	j.endNode()
	j.endGraph()
	j.w.WriteString("\n  ]\n}\n")
	return j.w.Flush()
}

// appendID appends an IRI or blank node as a JSON string, as @id takes it.
func (j *jsonldWriter) appendID(b []byte, v quad.Value) ([]byte, error) {
	if bn, ok := v.(quad.BNode); ok {
		return appendJSONString(b, "_:"+blankLabel(bn)), nil
	}
	iri, err := j.iri(string(v.(quad.IRI)))
	if err != nil {
		return b, err
	}
	return appendJSONString(b, iri), nil
}

// appendValue appends a property's value: a node reference for an IRI or
// blank node, a JSON string for a plain literal, a value object for other
// literals.
func (j *jsonldWriter) appendValue(b []byte, v quad.Value) ([]byte, error) {
	switch v.(type) {
	case quad.IRI, quad.BNode:
		b = append(b, `{"@id": `...)
		b, err := j.appendID(b, v)
		return append(b, '}'), err
	}
	l, err := literalOf(v)
	if err != nil {
		return b, err
	}
	if l.lang == "" && l.datatype == "" {
		return appendJSONString(b, l.lex), nil
	}
	b = appendJSONString(append(b, `{"@value": `...), l.lex)
	if l.lang != "" {
		b = appendJSONString(append(b, `, "@language": `...), l.lang)
	} else {
		dt, err := j.iri(l.datatype)
		if err != nil {
			return b, err
		}
		b = appendJSONString(append(b, `, "@type": `...), dt)
	}
	return append(b, '}'), nil
}

// iri returns an IRI as this document writes it: cleaned, then compacted
// with the longest matching prefix, or full when JSON-LD reads it back as
// itself.
func (j *jsonldWriter) iri(s string) (string, error) {
	iri, err := CleanIRI(s)
	if err != nil {
		return "", err
	}
	if name, local, ok := j.p.split(iri); ok && !strings.HasPrefix(local, "//") {
		return name + ":" + local, nil
	}
	scheme, rest, _ := strings.Cut(iri, ":")
	if j.p.hasName(scheme) && !strings.HasPrefix(rest, "//") {
		return "", fmt.Errorf("IRI %q: JSON-LD would read it as a compact IRI with prefix %q", iri, scheme)
	}
	return iri, nil
}

// appendJSONString appends s as a JSON string: quotes, backslashes and
// control characters escaped, bytes that are not UTF-8 replaced by U+FFFD.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				b = append(b, `\ufffd`...)
			} else {
				b = append(b, s[i:i+size]...)
			}
			i += size
			continue
		}
		switch c {
		case '"':
			b = append(b, `\"`...)
		case '\\':
			b = append(b, `\\`...)
		case '\n':
			b = append(b, `\n`...)
		case '\r':
			b = append(b, `\r`...)
		case '\t':
			b = append(b, `\t`...)
		default:
			if c < 0x20 {
				b = fmt.Appendf(b, `\u%04x`, c)
			} else {
				b = append(b, c)
			}
		}
		i++
	}
	return append(b, '"')
}
