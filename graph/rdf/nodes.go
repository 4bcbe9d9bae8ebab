package rdf

import "github.com/cayleygraph/quad"

// nodes numbers the nodes of a graph viewer's file (GraphML, DOT): each
// IRI and blank node once, for the whole file, and each literal once per
// quad, since two statements with the same literal (a date, a confidence)
// are not thereby connected. Its memory grows with the number of distinct
// IRIs and blank nodes, which these formats must list once each.
type nodes struct {
	ids  map[string]int // an IRI, or "_:label" → number
	next int
}

// id returns nd's number, and whether it is new and must be declared:
// always for a literal.
func (n *nodes) id(nd node) (int, bool) {
	if nd.kind != "literal" {
		key := nd.iri // IRIs start with a letter, blank nodes with "_:"
		if nd.kind == "blank" {
			key = nd.label
		}
		if id, ok := n.ids[key]; ok {
			return id, false
		}
		if n.ids == nil {
			n.ids = make(map[string]int)
		}
		n.ids[key] = n.next
	}
	n.next++
	return n.next - 1, true
}

// node is what a graph viewer shows of a node (or of a predicate or a
// graph label, which are IRIs or blank nodes).
type node struct {
	kind  string // "iri", "blank" or "literal"
	label string // a short IRI, "_:label", or a literal's text
	iri   string // an IRI node's IRI
	literal
}

// describe returns what a viewer shows of v.
func describe(v quad.Value, p Prefixes) (node, error) {
	switch v := v.(type) {
	case quad.IRI:
		iri, err := CleanIRI(string(v))
		if err != nil {
			return node{}, err
		}
		return node{kind: "iri", label: p.Short(iri), iri: iri}, nil
	case quad.BNode:
		return node{kind: "blank", label: "_:" + blankLabel(v)}, nil
	}
	l, err := literalOf(v)
	if err != nil {
		return node{}, err
	}
	return node{kind: "literal", label: l.lex, literal: l}, nil
}
