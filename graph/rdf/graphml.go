package rdf

import (
	"bufio"
	"encoding/xml"
	"io"
	"strconv"

	"github.com/cayleygraph/quad"
)

// NewGraphML returns a Writer of GraphML for Gephi, yEd or NetworkX: one
// directed graph whose nodes are the IRIs and blank nodes, each declared
// once when first met, and whose edges are the quads. Literals are nodes
// too, one per quad (kind "literal", labelled with their text), so that a
// viewer can show or filter them. Node attributes: label (a prefixed name
// for IRIs), kind (iri, blank or literal), iri for IRIs, and the
// datatype (xsd:string for plain text, rdf:langString with a language)
// and language for literals; edge attributes: label (the predicate as a
// prefixed name), predicate (its IRI) and graph (the quad's graph label).
// Characters XML 1.0 cannot carry (most control characters) become U+FFFD.
func NewGraphML(w io.Writer, p Prefixes) Writer {
	g := &graphmlWriter{w: bufio.NewWriter(w), p: p}
	g.w.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
  <key id="label" for="node" attr.name="label" attr.type="string"/>
  <key id="kind" for="node" attr.name="kind" attr.type="string"/>
  <key id="iri" for="node" attr.name="iri" attr.type="string"/>
  <key id="datatype" for="node" attr.name="datatype" attr.type="string"/>
  <key id="language" for="node" attr.name="language" attr.type="string"/>
  <key id="elabel" for="edge" attr.name="label" attr.type="string"/>
  <key id="predicate" for="edge" attr.name="predicate" attr.type="string"/>
  <key id="graph" for="edge" attr.name="graph" attr.type="string"/>
  <graph id="newsgraph" edgedefault="directed">
`)
	return g
}

type graphmlWriter struct {
	w *bufio.Writer
	p Prefixes
	n nodes
}

func (g *graphmlWriter) WriteQuad(q quad.Quad) error {
	if err := checkQuad(q); err != nil {
		return err
	}
	var ends [2]node
	var pred, label node
	var err error
	for i, v := range []quad.Value{q.Subject, q.Object} {
		if ends[i], err = describe(v, g.p); err != nil {
			return err
		}
	}
	if pred, err = describe(q.Predicate, g.p); err != nil {
		return err
	}
	if q.Label != nil {
		if label, err = describe(q.Label, g.p); err != nil {
			return err
		}
	}
	var ids [2]int
	for i, nd := range ends {
		var isNew bool
		if ids[i], isNew = g.n.id(nd); isNew {
			g.w.WriteString(`    <node id="n` + strconv.Itoa(ids[i]) + `">`)
			g.data("label", nd.label)
			g.data("kind", nd.kind)
			g.data("iri", nd.iri)
			if nd.kind == "literal" {
				g.data("datatype", nd.rdfDatatype())
			}
			g.data("language", nd.lang)
			g.w.WriteString("</node>\n")
		}
	}
	g.w.WriteString(`    <edge source="n` + strconv.Itoa(ids[0]) + `" target="n` + strconv.Itoa(ids[1]) + `">`)
	g.data("elabel", pred.label)
	g.data("predicate", pred.iri)
	graph := label.iri
	if label.kind == "blank" {
		graph = label.label
	}
	g.data("graph", graph)
	_, err = g.w.WriteString("</edge>\n")
	return err
}

// data writes a non-empty attribute value.
func (g *graphmlWriter) data(key, value string) {
	if value == "" {
		return
	}
	g.w.WriteString(`<data key="` + key + `">`)
	xml.EscapeText(g.w, []byte(value)) // errors stick in g.w
	g.w.WriteString(`</data>`)
}

func (g *graphmlWriter) Close() error {
	g.w.WriteString("  </graph>\n</graphml>\n")
	return g.w.Flush()
}
