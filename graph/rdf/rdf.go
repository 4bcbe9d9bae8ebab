// Package rdf writes newsgraph's quads in the formats other tools read —
// N-Quads, N-Triples, Turtle, TriG, JSON-LD for RDF tools, GraphML and DOT
// for graph viewers (Gephi, Graphviz), CSV for pandas and spreadsheets —
// and reads N-Quads and JSON-LD back.
//
// Every writer streams: it writes each quad as it comes and keeps only
// what the format needs to group consecutive quads (the current subject,
// predicate and graph), except those that must list each node once
// (GraphML, DOT, CSV), which remember the nodes they have seen. Formats
// that group (Turtle subject blocks, TriG graph blocks, JSON-LD node and
// graph objects) group only runs of consecutive quads: given quads in any
// order they still write the same RDF, just less compactly, so a caller
// never has to sort or buffer a store to export it.
//
// Whatever text the quads hold, the output stays valid: IRIs are checked
// and repaired the same way by every writer (see CleanIRI), literals are
// escaped for each syntax, blank node labels and language tags are checked.
// A value that cannot be written validly is an error naming it, never
// written broken. Cayley's own writers do none of this (its N-Quads writer
// prints IRIs and language tags as they are, its JSON-LD writer turns
// blank nodes into IRIs and lower-cases language tags), and its readers
// turn typed literals into native values that lose their lexical forms,
// which is why this package writes and reads every format itself.
package rdf

import (
	"fmt"
	"slices"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/newsgraph/newsgraph/graph/vocab"
)

// Writer writes quads in one format, one at a time.
type Writer interface {
	// WriteQuad writes q, or returns an error, having written nothing of
	// it, when q cannot be written validly.
	WriteQuad(q quad.Quad) error
	// Close ends the document and flushes it; it does not close the
	// underlying io.Writer.
	Close() error
}

// Prefix is a namespace with its short name, as in Turtle's
// "@prefix schema: <https://schema.org/> .".
type Prefix struct {
	Name string // a valid Turtle PN_PREFIX
	IRI  string // a valid absolute IRI
}

// Prefixes is the set of namespaces writers abbreviate IRIs with. The zero
// value has none.
type Prefixes struct {
	list    []Prefix // in the order they are declared
	longest []Prefix // longest IRI first, so that split takes the longest match
}

// NewPrefixes returns the standard vocabularies newsgraph uses (rdf, rdfs,
// xsd, schema, prov, owl, wd for Wikidata) and newsgraph's own namespaces
// under base, as package vocab lays them out: entity/, rel/, ns# and
// article/. An empty base means vocab.DefaultBase. It fails when base is
// not a valid absolute IRI.
func NewPrefixes(base string) (Prefixes, error) {
	b := vocab.New(base).Base()
	if clean, err := CleanIRI(b); err != nil || clean != b {
		return Prefixes{}, fmt.Errorf("base %q is not a valid absolute IRI", base)
	}
	list := []Prefix{
		{"rdf", vocab.RDF},
		{"rdfs", vocab.RDFS},
		{"xsd", vocab.XSD},
		{"schema", vocab.Schema},
		{"prov", vocab.PROV},
		{"owl", vocab.OWL},
		{"wd", vocab.Wikidata},
		{"entity", b + "entity/"},
		{"rel", b + "rel/"},
		{"ns", b + "ns#"},
		{"article", b + "article/"},
	}
	longest := slices.Clone(list)
	slices.SortStableFunc(longest, func(a, b Prefix) int { return len(b.IRI) - len(a.IRI) })
	return Prefixes{list: list, longest: longest}, nil
}

// List returns the prefixes.
func (p Prefixes) List() []Prefix { return p.list }

// split returns the prefix of the longest namespace iri starts with and
// the rest of iri.
func (p Prefixes) split(iri string) (name, local string, ok bool) {
	for _, pr := range p.longest {
		if strings.HasPrefix(iri, pr.IRI) {
			return pr.Name, iri[len(pr.IRI):], true
		}
	}
	return "", "", false
}

// hasName tells whether a prefix is called name.
func (p Prefixes) hasName(name string) bool {
	for _, pr := range p.list {
		if pr.Name == name {
			return true
		}
	}
	return false
}

// Short returns iri abbreviated with the longest matching prefix
// ("entity:vladimir-putin", "article:0a1b#s3"), else iri itself: a label
// for people to read, which need not be a valid Turtle prefixed name.
func (p Prefixes) Short(iri string) string {
	if name, local, ok := p.split(iri); ok {
		return name + ":" + local
	}
	return iri
}

// checkQuad checks that q is an RDF statement: an IRI or blank node
// subject, an IRI predicate, an object, and an IRI, blank node or no
// graph label.
func checkQuad(q quad.Quad) error {
	switch q.Subject.(type) {
	case quad.IRI, quad.BNode:
	default:
		return fmt.Errorf("subject %v is not an IRI or a blank node", q.Subject)
	}
	if _, ok := q.Predicate.(quad.IRI); !ok {
		return fmt.Errorf("predicate %v is not an IRI", q.Predicate)
	}
	if q.Object == nil {
		return fmt.Errorf("quad %v has no object", q)
	}
	switch q.Label.(type) {
	case nil, quad.IRI, quad.BNode:
	default:
		return fmt.Errorf("graph label %v is not an IRI or a blank node", q.Label)
	}
	return nil
}
