package rdf

import (
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/newsgraph/newsgraph/graph/vocab"
)

const ex = "https://example.org/newsgraph/"

// sample is a small store's quads, in the order a store gives them: two
// graphs, subjects and predicates in runs and out of them, a blank node,
// a quad without a graph.
func sample() []quad.Quad {
	art, art2 := quad.IRI(ex+"article/a1"), quad.IRI(ex+"article/a2")
	putin := quad.IRI(ex + "entity/vladimir-putin")
	stmt := quad.IRI(ex + "article/a1#s0")
	return []quad.Quad{
		{Subject: art, Predicate: vocab.Type, Object: vocab.NewsArticle, Label: art},
		{Subject: art, Predicate: vocab.Headline, Object: quad.LangString{Value: "Talks \"resume\"", Lang: "en-GB"}, Label: art},
		{Subject: putin, Predicate: vocab.Type, Object: vocab.Person, Label: art},
		{Subject: putin, Predicate: vocab.Name, Object: quad.String("Vladimir Putin"), Label: art},
		{Subject: putin, Predicate: vocab.AlternateName, Object: quad.String("Putin"), Label: art},
		{Subject: putin, Predicate: vocab.AlternateName, Object: quad.String("V. Putin"), Label: art},
		{Subject: putin, Predicate: vocab.Name, Object: quad.LangString{Value: "Путин", Lang: "ru"}, Label: art},
		{Subject: art, Predicate: vocab.Mentions, Object: putin, Label: art},
		{Subject: stmt, Predicate: quad.IRI(ex + "ns#confidence"), Object: quad.TypedString{Value: "0.900", Type: vocab.XSD + "decimal"}, Label: art},
		{Subject: stmt, Predicate: quad.IRI(ex + "ns#sentence"), Object: quad.String("Line one\nline two\t\\ end"), Label: art},
		{Subject: quad.BNode("b1"), Predicate: quad.IRI(ex + "ns#note"), Object: putin, Label: art2},
		{Subject: putin, Predicate: vocab.Name, Object: quad.String("Vladimir Putin")},
	}
}

// badQuads cannot be written validly by any format.
func badQuads() []quad.Quad {
	s, p := quad.IRI(ex+"entity/x"), quad.IRI(ex+"ns#p")
	return []quad.Quad{
		{Subject: quad.String("literal"), Predicate: p, Object: s},
		{Subject: s, Predicate: quad.BNode("p"), Object: s},
		{Subject: s, Predicate: p, Object: quad.IRI("entity/relative")},
		{Subject: quad.IRI("no scheme"), Predicate: p, Object: s},
		{Subject: s, Predicate: quad.IRI("relative"), Object: s},
		{Subject: s, Predicate: p, Object: quad.LangString{Value: "x", Lang: "en_GB"}},
		{Subject: s, Predicate: p, Object: quad.TypedString{Value: "1", Type: "xsd_integer"}},
		{Subject: s, Predicate: p, Object: quad.Int(1)},
		{Subject: s, Predicate: p},
		{Subject: s, Predicate: p, Object: s, Label: quad.String("graph")},
	}
}

// writeAll writes quads to w, with every bad quad tried after each good
// one, and closes it: a bad quad must be refused, leaving no trace.
func writeAll(t *testing.T, w Writer, quads []quad.Quad) {
	t.Helper()
	for _, q := range quads {
		if err := w.WriteQuad(q); err != nil {
			t.Fatalf("WriteQuad(%v): %v", q, err)
		}
		for _, bad := range badQuads() {
			if err := w.WriteQuad(bad); err == nil {
				t.Fatalf("WriteQuad(%v) accepted a quad it cannot write", bad)
			}
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
}

func prefixes(t testing.TB) Prefixes {
	p, err := NewPrefixes("")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestWriters(t *testing.T) {
	p := prefixes(t)
	for _, tt := range []struct {
		name   string
		writer func(io.Writer) Writer
		want   string
	}{
		{"nquads", NewNQuads, wantNQuads},
		{"ntriples", NewNTriples, wantNTriples},
		{"turtle", func(w io.Writer) Writer { return NewTurtle(w, p) }, wantPrefixes + wantTurtle},
		{"trig", func(w io.Writer) Writer { return NewTriG(w, p) }, wantPrefixes + wantTriG},
		{"jsonld", func(w io.Writer) Writer { return NewJSONLD(w, p) }, wantJSONLD},
		{"dot", func(w io.Writer) Writer { return NewDOT(w, p) }, wantDOT},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			writeAll(t, tt.writer(&b), sample())
			if b.String() != tt.want {
				t.Errorf("got\n%s\nwant\n%s", b.String(), tt.want)
			}
		})
	}
}

// TestWritersEmpty checks that no quads still make valid documents.
func TestWritersEmpty(t *testing.T) {
	p := prefixes(t)
	for _, tt := range []struct {
		writer func(io.Writer) Writer
		want   string
	}{
		{NewNQuads, ""},
		{func(w io.Writer) Writer { return NewTriG(w, p) }, wantPrefixes},
		{func(w io.Writer) Writer { return NewJSONLD(w, p) }, wantJSONLD[:strings.Index(wantJSONLD, "[")+1] + "\n  ]\n}\n"},
		{func(w io.Writer) Writer { return NewDOT(w, p) }, "digraph newsgraph {\n  node [shape=ellipse];\n}\n"},
	} {
		var b bytes.Buffer
		w := tt.writer(&b)
		if err := w.Close(); err != nil || b.String() != tt.want {
			t.Errorf("empty document %q, %v; want %q", b.String(), err, tt.want)
		}
	}
}

func TestGraphML(t *testing.T) {
	var b bytes.Buffer
	writeAll(t, NewGraphML(&b, prefixes(t)), sample())
	type data struct {
		Key   string `xml:"key,attr"`
		Value string `xml:",chardata"`
	}
	var doc struct {
		Keys []struct {
			ID string `xml:"id,attr"`
		} `xml:"key"`
		Graph struct {
			Nodes []struct {
				ID   string `xml:"id,attr"`
				Data []data `xml:"data"`
			} `xml:"node"`
			Edges []struct {
				Source string `xml:"source,attr"`
				Target string `xml:"target,attr"`
				Data   []data `xml:"data"`
			} `xml:"edge"`
		} `xml:"graph"`
	}
	if err := xml.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatalf("GraphML is not XML: %v\n%s", err, b.String())
	}
	if len(doc.Keys) != 8 || len(doc.Graph.Edges) != len(sample()) || len(doc.Graph.Nodes) != 14 {
		t.Fatalf("%d keys, %d nodes, %d edges; want 8, 14 (5 IRIs, a blank node, 8 literals), %d", len(doc.Keys), len(doc.Graph.Nodes), len(doc.Graph.Edges), len(sample()))
	}
	attrs := func(ds []data) string {
		var s []string
		for _, d := range ds {
			s = append(s, d.Key+"="+d.Value)
		}
		return strings.Join(s, " ")
	}
	ids := map[string]bool{}
	for _, n := range doc.Graph.Nodes {
		if ids[n.ID] {
			t.Errorf("node %s declared twice", n.ID)
		}
		ids[n.ID] = true
	}
	for _, e := range doc.Graph.Edges {
		if !ids[e.Source] || !ids[e.Target] {
			t.Errorf("edge %s -> %s has an undeclared end", e.Source, e.Target)
		}
	}
	for i, want := range map[int]string{
		3:  "label=entity:vladimir-putin kind=iri iri=" + ex + "entity/vladimir-putin",
		11: "label=Line one\nline two\t\\ end kind=literal datatype=http://www.w3.org/2001/XMLSchema#string",
		12: "label=_:b1 kind=blank",
	} {
		if got := attrs(doc.Graph.Nodes[i].Data); got != want {
			t.Errorf("node %d: %s, want %s", i, got, want)
		}
	}
	if got, want := attrs(doc.Graph.Edges[10].Data), "elabel=ns:note predicate="+ex+"ns#note graph="+ex+"article/a2"; got != want {
		t.Errorf("edge 10: %s, want %s", got, want)
	}
	if got, want := attrs(doc.Graph.Edges[11].Data), "elabel=schema:name predicate=https://schema.org/name"; got != want {
		t.Errorf("edge without a graph: %s, want %s", got, want)
	}
}

func TestGraphMLControlCharacters(t *testing.T) {
	var b bytes.Buffer
	w := NewGraphML(&b, prefixes(t))
	q := quad.Quad{Subject: quad.IRI(ex + "s"), Predicate: quad.IRI(ex + "p"), Object: quad.String("nul\x00 bell\x07 ok\U0001F600")}
	if err := w.WriteQuad(q); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	d := xml.NewDecoder(&b)
	var text []string
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatalf("GraphML with control characters is not XML: %v", err)
		}
		if c, ok := tok.(xml.CharData); ok {
			text = append(text, string(c))
		}
	}
	if !slices.Contains(text, "nul\uFFFD bell\uFFFD ok\U0001F600") {
		t.Errorf("literal text not found in %q", text)
	}
}

func TestCSV(t *testing.T) {
	var nodes, edges bytes.Buffer
	writeAll(t, NewCSV(&nodes, &edges), sample())
	read := func(b *bytes.Buffer) [][]string {
		r := csv.NewReader(b)
		rows, err := r.ReadAll()
		if err != nil {
			t.Fatalf("not CSV: %v", err)
		}
		return rows
	}
	wantNodes := [][]string{
		{"id", "label", "type"},
		{ex + "article/a1", `Talks "resume"`, "https://schema.org/NewsArticle"},
		{"https://schema.org/NewsArticle", "", ""},
		{ex + "entity/vladimir-putin", "Vladimir Putin", "https://schema.org/Person"},
		{"https://schema.org/Person", "", ""},
		{ex + "article/a1#s0", "", ""},
		{"_:b1", "", ""},
	}
	if got := read(&nodes); !slices.EqualFunc(got, wantNodes, slices.Equal) {
		t.Errorf("nodes.csv:\n%q\nwant\n%q", got, wantNodes)
	}
	rows := read(&edges)
	if len(rows) != len(sample())+1 {
		t.Fatalf("edges.csv has %d rows, want a header and %d", len(rows), len(sample()))
	}
	for i, want := range map[int][]string{
		0:  {"source", "predicate", "target", "graph", "datatype", "language"},
		2:  {ex + "article/a1", "https://schema.org/headline", `Talks "resume"`, ex + "article/a1", langString, "en-GB"},
		8:  {ex + "article/a1", "https://schema.org/mentions", ex + "entity/vladimir-putin", ex + "article/a1", "", ""},
		10: {ex + "article/a1#s0", ex + "ns#sentence", "Line one\nline two\t\\ end", ex + "article/a1", xsdString, ""},
		11: {"_:b1", ex + "ns#note", ex + "entity/vladimir-putin", ex + "article/a2", "", ""},
		12: {ex + "entity/vladimir-putin", "https://schema.org/name", "Vladimir Putin", "", xsdString, ""},
	} {
		if !slices.Equal(rows[i], want) {
			t.Errorf("edges.csv row %d = %q, want %q", i, rows[i], want)
		}
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

// TestWriteErrors checks that every writer reports a failing output.
func TestWriteErrors(t *testing.T) {
	p := prefixes(t)
	for name, w := range map[string]Writer{
		"nquads":  NewNQuads(failingWriter{}),
		"turtle":  NewTurtle(failingWriter{}, p),
		"jsonld":  NewJSONLD(failingWriter{}, p),
		"graphml": NewGraphML(failingWriter{}, p),
		"dot":     NewDOT(failingWriter{}, p),
		"csv":     NewCSV(failingWriter{}, failingWriter{}),
	} {
		var err error
		for _, q := range sample() {
			if err = w.WriteQuad(q); err != nil {
				break
			}
		}
		if err == nil {
			err = w.Close()
		}
		if err == nil || !strings.Contains(err.Error(), "disk full") {
			t.Errorf("%s: writing to a failing output gave %v", name, err)
		}
	}
}

const wantNQuads = `<https://example.org/newsgraph/article/a1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://schema.org/NewsArticle> <https://example.org/newsgraph/article/a1> .
<https://example.org/newsgraph/article/a1> <https://schema.org/headline> "Talks \"resume\""@en-GB <https://example.org/newsgraph/article/a1> .
<https://example.org/newsgraph/entity/vladimir-putin> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://schema.org/Person> <https://example.org/newsgraph/article/a1> .
<https://example.org/newsgraph/entity/vladimir-putin> <https://schema.org/name> "Vladimir Putin" <https://example.org/newsgraph/article/a1> .
<https://example.org/newsgraph/entity/vladimir-putin> <https://schema.org/alternateName> "Putin" <https://example.org/newsgraph/article/a1> .
<https://example.org/newsgraph/entity/vladimir-putin> <https://schema.org/alternateName> "V. Putin" <https://example.org/newsgraph/article/a1> .
<https://example.org/newsgraph/entity/vladimir-putin> <https://schema.org/name> "Путин"@ru <https://example.org/newsgraph/article/a1> .
<https://example.org/newsgraph/article/a1> <https://schema.org/mentions> <https://example.org/newsgraph/entity/vladimir-putin> <https://example.org/newsgraph/article/a1> .
<https://example.org/newsgraph/article/a1#s0> <https://example.org/newsgraph/ns#confidence> "0.900"^^<http://www.w3.org/2001/XMLSchema#decimal> <https://example.org/newsgraph/article/a1> .
<https://example.org/newsgraph/article/a1#s0> <https://example.org/newsgraph/ns#sentence> "Line one\nline two\t\\ end" <https://example.org/newsgraph/article/a1> .
_:b1 <https://example.org/newsgraph/ns#note> <https://example.org/newsgraph/entity/vladimir-putin> <https://example.org/newsgraph/article/a2> .
<https://example.org/newsgraph/entity/vladimir-putin> <https://schema.org/name> "Vladimir Putin" .
`

const wantNTriples = `<https://example.org/newsgraph/article/a1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://schema.org/NewsArticle> .
<https://example.org/newsgraph/article/a1> <https://schema.org/headline> "Talks \"resume\""@en-GB .
<https://example.org/newsgraph/entity/vladimir-putin> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://schema.org/Person> .
<https://example.org/newsgraph/entity/vladimir-putin> <https://schema.org/name> "Vladimir Putin" .
<https://example.org/newsgraph/entity/vladimir-putin> <https://schema.org/alternateName> "Putin" .
<https://example.org/newsgraph/entity/vladimir-putin> <https://schema.org/alternateName> "V. Putin" .
<https://example.org/newsgraph/entity/vladimir-putin> <https://schema.org/name> "Путин"@ru .
<https://example.org/newsgraph/article/a1> <https://schema.org/mentions> <https://example.org/newsgraph/entity/vladimir-putin> .
<https://example.org/newsgraph/article/a1#s0> <https://example.org/newsgraph/ns#confidence> "0.900"^^<http://www.w3.org/2001/XMLSchema#decimal> .
<https://example.org/newsgraph/article/a1#s0> <https://example.org/newsgraph/ns#sentence> "Line one\nline two\t\\ end" .
_:b1 <https://example.org/newsgraph/ns#note> <https://example.org/newsgraph/entity/vladimir-putin> .
<https://example.org/newsgraph/entity/vladimir-putin> <https://schema.org/name> "Vladimir Putin" .
`

const wantPrefixes = `@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix schema: <https://schema.org/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix wd: <http://www.wikidata.org/entity/> .
@prefix entity: <https://example.org/newsgraph/entity/> .
@prefix rel: <https://example.org/newsgraph/rel/> .
@prefix ns: <https://example.org/newsgraph/ns#> .
@prefix article: <https://example.org/newsgraph/article/> .

`

const wantTurtle = `article:a1 a schema:NewsArticle ;
    schema:headline "Talks \"resume\""@en-GB .
entity:vladimir-putin a schema:Person ;
    schema:name "Vladimir Putin" ;
    schema:alternateName "Putin" ,
        "V. Putin" ;
    schema:name "Путин"@ru .
article:a1 schema:mentions entity:vladimir-putin .
<https://example.org/newsgraph/article/a1#s0> ns:confidence "0.900"^^xsd:decimal ;
    ns:sentence "Line one\nline two\t\\ end" .
_:b1 ns:note entity:vladimir-putin .
entity:vladimir-putin schema:name "Vladimir Putin" .
`

const wantTriG = `article:a1 {
    article:a1 a schema:NewsArticle ;
        schema:headline "Talks \"resume\""@en-GB .
    entity:vladimir-putin a schema:Person ;
        schema:name "Vladimir Putin" ;
        schema:alternateName "Putin" ,
            "V. Putin" ;
        schema:name "Путин"@ru .
    article:a1 schema:mentions entity:vladimir-putin .
    <https://example.org/newsgraph/article/a1#s0> ns:confidence "0.900"^^xsd:decimal ;
        ns:sentence "Line one\nline two\t\\ end" .
}

article:a2 {
    _:b1 ns:note entity:vladimir-putin .
}

{
    entity:vladimir-putin schema:name "Vladimir Putin" .
}
`

const wantJSONLD = `{
  "@context": {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "schema": "https://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "wd": "http://www.wikidata.org/entity/",
    "entity": "https://example.org/newsgraph/entity/",
    "rel": "https://example.org/newsgraph/rel/",
    "ns": "https://example.org/newsgraph/ns#",
    "article": "https://example.org/newsgraph/article/"
  },
  "@graph": [
    {"@id": "article:a1", "@graph": [
      {"@id": "article:a1",
        "rdf:type": [{"@id": "schema:NewsArticle"}],
        "schema:headline": [{"@value": "Talks \"resume\"", "@language": "en-GB"}]},
      {"@id": "entity:vladimir-putin",
        "rdf:type": [{"@id": "schema:Person"}],
        "schema:name": ["Vladimir Putin"],
        "schema:alternateName": ["Putin", "V. Putin"]},
      {"@id": "entity:vladimir-putin",
        "schema:name": [{"@value": "Путин", "@language": "ru"}]},
      {"@id": "article:a1",
        "schema:mentions": [{"@id": "entity:vladimir-putin"}]},
      {"@id": "article:a1#s0",
        "ns:confidence": [{"@value": "0.900", "@type": "xsd:decimal"}],
        "ns:sentence": ["Line one\nline two\t\\ end"]}
    ]},
    {"@id": "article:a2", "@graph": [
      {"@id": "_:b1",
        "ns:note": [{"@id": "entity:vladimir-putin"}]}
    ]},
    {"@id": "entity:vladimir-putin",
      "schema:name": ["Vladimir Putin"]}
  ]
}
`

const wantDOT = `digraph newsgraph {
  node [shape=ellipse];
  n0 [label="article:a1", URL="https://example.org/newsgraph/article/a1"];
  n1 [label="schema:NewsArticle", URL="https://schema.org/NewsArticle"];
  n0 -> n1 [label="rdf:type"];
  n2 [label="Talks \"resume\"", shape=box];
  n0 -> n2 [label="schema:headline"];
  n3 [label="entity:vladimir-putin", URL="https://example.org/newsgraph/entity/vladimir-putin"];
  n4 [label="schema:Person", URL="https://schema.org/Person"];
  n3 -> n4 [label="rdf:type"];
  n5 [label="Vladimir Putin", shape=box];
  n3 -> n5 [label="schema:name"];
  n6 [label="Putin", shape=box];
  n3 -> n6 [label="schema:alternateName"];
  n7 [label="V. Putin", shape=box];
  n3 -> n7 [label="schema:alternateName"];
  n8 [label="Путин", shape=box];
  n3 -> n8 [label="schema:name"];
  n0 -> n3 [label="schema:mentions"];
  n9 [label="article:a1#s0", URL="https://example.org/newsgraph/article/a1#s0"];
  n10 [label="0.900", shape=box];
  n9 -> n10 [label="ns:confidence"];
  n11 [label="Line one\nline two \\ end", shape=box];
  n9 -> n11 [label="ns:sentence"];
  n12 [label="_:b1"];
  n12 -> n3 [label="ns:note"];
  n13 [label="Vladimir Putin", shape=box];
  n3 -> n13 [label="schema:name"];
}
`
