package rdf

import (
	"bytes"
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/newsgraph/newsgraph/graph/vocab"
)

func TestReadJSONLD(t *testing.T) {
	s, p, g := quad.IRI("http://e.org/s"), quad.IRI("http://e.org/p"), quad.IRI("http://e.org/g")
	xsd := func(t string) quad.IRI { return quad.IRI(vocab.XSD + t) }
	first, rest, nil_ := quad.IRI(vocab.RDF+"first"), quad.IRI(vocab.RDF+"rest"), quad.IRI(vocab.RDF+"nil")
	for _, tt := range []struct {
		name, doc string
		want      []quad.Quad
	}{
		{"compact IRIs, named graph, blank node labels kept",
			`{"@context": {"e": "http://e.org/"}, "@graph": [{"@id": "e:g", "@graph": [
				{"@id": "e:s", "@type": "e:T", "e:p": [{"@id": "_:keep"}, "text"]}]}]}`,
			[]quad.Quad{
				{Subject: s, Predicate: vocab.Type, Object: quad.IRI("http://e.org/T"), Label: g},
				{Subject: s, Predicate: p, Object: quad.BNode("keep"), Label: g},
				{Subject: s, Predicate: p, Object: quad.String("text"), Label: g},
			}},
		{"literals keep their lexical forms; native values get XSD's canonical ones",
			`{"@id": "http://e.org/s", "http://e.org/p": [
				{"@value": "007", "@type": "http://www.w3.org/2001/XMLSchema#integer"},
				{"@value": "2024-03-08", "@type": "http://www.w3.org/2001/XMLSchema#date"},
				{"@value": "x", "@type": "http://www.w3.org/2001/XMLSchema#string"},
				{"@value": "colour", "@language": "en-GB"},
				{"@value": "漢字", "@language": "ZH-hant-tw"},
				{"@value": "priv", "@language": "en-x-Ab-cd"},
				42, 1.5, 1e21, true, {"@value": 3, "@type": "http://www.w3.org/2001/XMLSchema#double"}]}`,
			[]quad.Quad{
				{Subject: s, Predicate: p, Object: quad.TypedString{Value: "007", Type: xsd("integer")}},
				{Subject: s, Predicate: p, Object: quad.TypedString{Value: "2024-03-08", Type: xsd("date")}},
				{Subject: s, Predicate: p, Object: quad.String("x")},
				{Subject: s, Predicate: p, Object: quad.LangString{Value: "colour", Lang: "en-GB"}},
				{Subject: s, Predicate: p, Object: quad.LangString{Value: "漢字", Lang: "zh-Hant-TW"}},
				{Subject: s, Predicate: p, Object: quad.LangString{Value: "priv", Lang: "en-x-ab-cd"}},
				{Subject: s, Predicate: p, Object: quad.TypedString{Value: "42", Type: xsd("integer")}},
				{Subject: s, Predicate: p, Object: quad.TypedString{Value: "1.5E0", Type: xsd("double")}},
				{Subject: s, Predicate: p, Object: quad.TypedString{Value: "1.0E21", Type: xsd("double")}},
				{Subject: s, Predicate: p, Object: quad.TypedString{Value: "true", Type: xsd("boolean")}},
				{Subject: s, Predicate: p, Object: quad.TypedString{Value: "3.0E0", Type: xsd("double")}},
			}},
		{"nodes without @id get labels from the document's hash; lists; reverse",
			`{"@context": {"e": "http://e.org/", "items": {"@id": "e:p", "@container": "@list"}},
			  "@id": "e:s", "items": ["a", {"e:p": "nested"}],
			  "@reverse": {"e:p": {"@id": "e:g"}}}`,
			nil}, // checked below: labels depend on the hash
		{"JSON literal", `{"@id": "http://e.org/s", "http://e.org/p": {"@value": {"b": [1, true], "a": null}, "@type": "@json"}}`,
			[]quad.Quad{{Subject: s, Predicate: p, Object: quad.TypedString{Value: `{"a":null,"b":[1,true]}`, Type: quad.IRI(vocab.RDF + "JSON")}}}},
		{"IRIs cleaned", `{"@id": "http://e.org/a b", "http://e.org/p": {"@id": "http://e.org/\"q\""}}`,
			[]quad.Quad{{Subject: quad.IRI("http://e.org/a%20b"), Predicate: p, Object: quad.IRI("http://e.org/%22q%22")}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadJSONLD(strings.NewReader(tt.doc), "test.jsonld")
			if err != nil {
				t.Fatal(err)
			}
			if tt.want == nil {
				if len(got) != 7 {
					t.Fatalf("got %d quads, want 7:\n%v", len(got), got)
				}
				// The list's cells, then the node nested in it.
				l1, l2, n3 := got[1].Subject, got[2].Object, got[3].Subject
				for i, v := range []quad.Value{l1, l2, n3} {
					if b, ok := v.(quad.BNode); !ok || !strings.HasPrefix(string(b), "j") || !strings.HasSuffix(string(b), "n"+strconv.Itoa(i+1)) {
						t.Fatalf("made-up blank node %v", v)
					}
				}
				tt.want = []quad.Quad{
					{Subject: g, Predicate: p, Object: s},
					{Subject: l1, Predicate: first, Object: quad.String("a")},
					{Subject: l1, Predicate: rest, Object: l2},
					{Subject: n3, Predicate: p, Object: quad.String("nested")},
					{Subject: l2, Predicate: first, Object: n3},
					{Subject: l2, Predicate: rest, Object: nil_},
					{Subject: s, Predicate: p, Object: l1},
				}
				// The same document gives the same labels.
				again, err := ReadJSONLD(strings.NewReader(tt.doc), "again.jsonld")
				if err != nil || !slices.Equal(again, got) {
					t.Errorf("read again: %v, %v", again, err)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("read\n%v\nwant\n%v", got, tt.want)
			}
		})
	}
}

func TestReadJSONLDErrors(t *testing.T) {
	for _, tt := range []struct{ doc, want string }{
		{"{\n  \"@id\": \"http://e.org/s\",\n  \"http://e.org/p\": [1,]\n}", "test.jsonld:3:24: JSON: invalid character ']'"},
		{`{"@context": "https://example.org/context.jsonld", "@id": "x"}`, "test.jsonld: JSON-LD: loading remote context failed"},
		{`{"@id": "relative", "http://e.org/p": "x"}`, `test.jsonld: @id: IRI "relative" is not absolute`},
		{`{"@id": "http://e.org/s", "_:p": "x"}`, "test.jsonld: property _:p: a blank node cannot be a predicate"},
		{`{"@id": "http://e.org/s", "http://e.org/p": {"@value": "x", "@type": "_:t"}}`, "test.jsonld: JSON-LD: invalid typed value"},
		{`{"@id": "http://e.org/s", "@reverse": {"http://e.org/p": {"@value": "lit"}}}`, "test.jsonld: JSON-LD: invalid reverse property value"},
		{`[1, 2`, "test.jsonld:1:5: JSON: unexpected end of JSON input"},
	} {
		_, err := ReadJSONLD(strings.NewReader(tt.doc), "test.jsonld")
		var se *SyntaxError
		if !errors.As(err, &se) || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("reading %s: %v; want %s", tt.doc, err, tt.want)
		}
	}
}

// TestJSONLDRoundTrip checks that the JSON-LD writer's output reads back
// as the quads written, the nasty ones included.
func TestJSONLDRoundTrip(t *testing.T) {
	for _, tt := range []struct {
		name  string
		quads []quad.Quad
		want  []quad.Quad
	}{
		{"sample", sample(), sample()},
		{"nasty", nasty(), nastyWant()},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			writeAll(t, NewJSONLD(&b, prefixes(t)), tt.quads)
			got, err := ReadJSONLD(&b, "out.jsonld")
			if err != nil {
				t.Fatal(err)
			}
			if g, w := sortedNQuads(got), sortedNQuads(tt.want); !slices.Equal(g, w) {
				t.Errorf("read back\n%s\nwant\n%s", strings.Join(g, "\n"), strings.Join(w, "\n"))
			}
		})
	}
}

// sortedNQuads returns quads in N-Quads, sorted: a set to compare.
func sortedNQuads(qs []quad.Quad) []string {
	var out []string
	for _, q := range qs {
		b, err := appendNTerm(nil, q.Subject)
		for _, v := range []quad.Value{q.Predicate, q.Object, q.Label} {
			if v != nil && err == nil {
				b, err = appendNTerm(append(b, ' '), v)
			}
		}
		if err != nil {
			out = append(out, "ERROR "+err.Error())
			continue
		}
		out = append(out, string(b))
	}
	slices.Sort(out)
	return out
}
