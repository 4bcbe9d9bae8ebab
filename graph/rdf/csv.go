package rdf

import (
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/newsgraph/newsgraph/graph/vocab"
)

// NewCSV returns a Writer of two CSV tables (RFC 4180 quoting, a header
// line, LF line ends) for pandas and spreadsheets:
//
//   - edges: source,predicate,target,graph,datatype,language — one row per
//     quad, written as it comes. Source, predicate and graph are full IRIs
//     or "_:label" blank nodes. When the object is an IRI or a blank node,
//     target is written the same way and datatype is empty; when it is a
//     literal, target is its text and datatype its datatype IRI (xsd:string
//     for plain text, rdf:langString with the tag in language), so the
//     graph's edges are the rows with an empty datatype.
//   - nodes: id,label,type — one row per IRI or blank node that is the
//     subject or the IRI/blank-node object of some quad, in the order first
//     met, written by Close: label is its rdfs:label, else schema:name,
//     else schema:headline (the first met), type its rdf:type IRIs
//     separated by spaces (IRIs have none).
//
// Values are written as they are, text starting with "=" included:
// spreadsheets may take such cells for formulas. The node table is kept in
// memory until Close; it grows with the number of distinct nodes.
func NewCSV(nodes, edges io.Writer) Writer {
	c := &csvWriter{nodes: csv.NewWriter(nodes), edges: csv.NewWriter(edges), index: map[string]int{}}
	c.edges.Write([]string{"source", "predicate", "target", "graph", "datatype", "language"})
	return c
}

type csvWriter struct {
	nodes, edges *csv.Writer
	index        map[string]int // node id → row
	rows         []csvNode
}

type csvNode struct {
	id, label string
	rank      int // of label among labelPredicates; len(labelPredicates) when none
	types     []string
}

// labelPredicates give a node's label, best first.
var labelPredicates = []quad.IRI{vocab.Label, vocab.Name, vocab.Headline}

func (c *csvWriter) WriteQuad(q quad.Quad) error {
	if err := checkQuad(q); err != nil {
		return err
	}
	src, err := csvID(q.Subject)
	if err != nil {
		return err
	}
	pred, err := csvID(q.Predicate)
	if err != nil {
		return err
	}
	graph := ""
	if q.Label != nil {
		if graph, err = csvID(q.Label); err != nil {
			return err
		}
	}
	row := []string{src, pred, "", graph, "", ""}
	switch q.Object.(type) {
	case quad.IRI, quad.BNode:
		if row[2], err = csvID(q.Object); err != nil {
			return err
		}
	default:
		l, err := literalOf(q.Object)
		if err != nil {
			return err
		}
		row[2], row[4], row[5] = l.lex, l.rdfDatatype(), l.lang
	}
	if err := c.edges.Write(row); err != nil {
		return err
	}
	s := c.node(src)
	if row[4] == "" {
		c.node(row[2])
		if pred == string(vocab.Type) && !slices.Contains(c.rows[s].types, row[2]) {
			c.rows[s].types = append(c.rows[s].types, row[2])
		}
		return nil
	}
	n := &c.rows[s]
	if rank := slices.Index(labelPredicates, quad.IRI(pred)); rank >= 0 && rank < n.rank {
		n.label, n.rank = row[2], rank
	}
	return nil
}

// node returns the row of node id, adding it if new.
func (c *csvWriter) node(id string) int {
	i, ok := c.index[id]
	if !ok {
		i = len(c.rows)
		c.index[id] = i
		c.rows = append(c.rows, csvNode{id: id, rank: len(labelPredicates)})
	}
	return i
}

// csvID returns an IRI, cleaned, or a blank node as "_:label".
func csvID(v quad.Value) (string, error) {
	if b, ok := v.(quad.BNode); ok {
		return "_:" + blankLabel(b), nil
	}
	return CleanIRI(string(v.(quad.IRI)))
}

// Close writes the nodes table and flushes both tables.
func (c *csvWriter) Close() error {
	c.edges.Flush()
	if err := c.edges.Error(); err != nil {
		return fmt.Errorf("edges table: %w", err)
	}
	c.nodes.Write([]string{"id", "label", "type"})
	for _, n := range c.rows {
		c.nodes.Write([]string{n.id, n.label, strings.Join(n.types, " ")})
	}
	c.nodes.Flush()
	if err := c.nodes.Error(); err != nil {
		return fmt.Errorf("nodes table: %w", err)
	}
	return nil
}
