package server

import (
	"context"
	"errors"
	"net/http"
	"sort"
	"strings"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
	"github.com/newsgraph/newsgraph/graph/vocab"
)

// maxScan bounds the quads one request reads around one node, so that a
// hub (an article mentioning thousands of entities) costs a bounded time.
const maxScan = 50000

// maxDescribe bounds the quads read to label or describe a node.
const maxDescribe = 2000

// reader reads the store through Cayley's quad indexes; it is only used
// inside store.Locked.
type reader struct {
	ctx context.Context
	qs  graph.QuadStore
	v   vocab.Vocab
}

// read runs fn with a reader holding the store's read lock.
func (s *Server) read(ctx context.Context, fn func(rd *reader) error) error {
	return s.st.Locked(false, func() error {
		return fn(&reader{ctx: ctx, qs: s.st.Handle().QuadStore, v: s.v})
	})
}

// each calls fn with the quads having val in direction dir, at most max of
// them (fn returning false stops early); it tells whether it stopped at max.
func (rd *reader) each(dir quad.Direction, val quad.Value, max int, fn func(quad.Quad) bool) (truncated bool, err error) {
	ref, err := rd.qs.ValueOf(val)
	if err != nil || ref == nil {
		return false, err
	}
	it := rd.qs.QuadIterator(dir, ref).Iterate()
	defer it.Close()
	n := 0
	for it.Next(rd.ctx) {
		if n == max {
			return true, nil
		}
		// Cayley's iterators do not all watch the context: a read of
		// every name of a big store must still stop when asked.
		if n++; n%1024 == 0 && rd.ctx.Err() != nil {
			return false, rd.ctx.Err()
		}
		q, err := rd.qs.Quad(it.Result())
		if err != nil {
			return false, err
		}
		if !fn(q) {
			return false, nil
		}
	}
	if err := it.Err(); err != nil {
		return false, err
	}
	return false, rd.ctx.Err()
}

// props reads a node's outgoing quads, grouped by predicate.
func (rd *reader) props(val quad.Value) (map[quad.IRI][]quad.Quad, error) {
	out := map[quad.IRI][]quad.Quad{}
	_, err := rd.each(quad.Subject, val, maxDescribe, func(q quad.Quad) bool {
		if p, ok := q.Predicate.(quad.IRI); ok {
			out[p] = append(out[p], q)
		}
		return true
	})
	return out, err
}

// first returns the first value of p among props, nil if none.
func first(props map[quad.IRI][]quad.Quad, p quad.IRI) quad.Value {
	if qs := props[p]; len(qs) > 0 {
		return qs[0].Object
	}
	return nil
}

// text returns a value's text: a literal's lexical form, an IRI's string.
func text(v quad.Value) string {
	switch v := v.(type) {
	case nil:
		return ""
	case quad.String:
		return string(v)
	case quad.LangString:
		return string(v.Value)
	case quad.TypedString:
		return string(v.Value)
	case quad.IRI:
		return string(v)
	case quad.BNode:
		return v.String()
	}
	return quad.StringOf(v)
}

// termID is a value's ID in the API: its N-Quads form.
func termID(v quad.Value) string {
	if v == nil {
		return ""
	}
	return v.String()
}

// parseID reads a node ID: an RDF term in N-Quads form, or a bare IRI.
func parseID(id string) (quad.Value, error) {
	id = strings.TrimSpace(id)
	if id == "" {
		return nil, errorf(http.StatusBadRequest, "missing node id")
	}
	switch id[0] {
	case '<', '"':
	default:
		if strings.HasPrefix(id, "_:") {
			break
		}
		if strings.ContainsAny(id, "<>\" \n") {
			return nil, errorf(http.StatusBadRequest, "bad node id %q", id)
		}
		return quad.IRI(id), nil
	}
	q, err := nquads.ParseRaw("_:s <urn:p> " + id + " .")
	if err != nil || q.Object == nil {
		return nil, errorf(http.StatusBadRequest, "bad node id %q: want an IRI, <IRI>, _:blank or an N-Quads literal", id)
	}
	return q.Object, nil
}

// idParam reads the node ID in parameter name.
func idParam(r *http.Request, name string) (quad.Value, error) {
	v, err := parseID(r.URL.Query().Get(name))
	var ae *apiError
	if errors.As(err, &ae) && r.URL.Query().Get(name) == "" {
		return nil, errorf(http.StatusBadRequest, "missing parameter %s", name)
	}
	return v, err
}

// Node is a node as the API shows it.
type Node struct {
	ID   string `json:"id"`
	Kind string `json:"kind"` // "iri", "blank" or "literal"
	// Label is the node's name (schema:name, rdfs:label, schema:headline,
	// a quote's schema:text), a literal's text, else the end of its IRI.
	Label string `json:"label"`
	// Type is the short name of its main type: Person, Organization,
	// Place, Thing, Event, CommunicateAction, Quotation, Statement,
	// NewsArticle, Relation; "Literal" for a literal; "" if untyped.
	Type string `json:"type,omitempty"`
	// Aliases are its schema:alternateName values.
	Aliases []string `json:"aliases,omitempty"`
	// Properties are its other literal values (a quote's text, an event's
	// date); only the node a request is about has them.
	Properties []Property `json:"properties,omitempty"`
}

// Property is a literal value of a node.
type Property struct {
	Predicate string `json:"predicate"`
	Label     string `json:"label"`
	Value     string `json:"value"`
}

// typeRank orders types so that a node typed twice shows the more telling
// one.
var typeRank = map[string]int{
	"Person": 1, "Organization": 2, "Place": 3, "CommunicateAction": 4, "Event": 5,
	"Quotation": 6, "NewsArticle": 7, "Statement": 8, "Relation": 9, "Thing": 10,
}

// shortName is the last segment of an IRI: "Person" for schema:Person.
func shortName(iri string) string {
	if i := strings.LastIndexAny(iri, "#/"); i >= 0 && i < len(iri)-1 {
		return iri[i+1:]
	}
	return iri
}

// predicateLabel names a predicate for people: "speak_with" for
// rel/speak_with, "participant" for schema:participant.
func (rd *reader) predicateLabel(p quad.Value) string {
	iri, ok := p.(quad.IRI)
	if !ok {
		return text(p)
	}
	if rel, ok := strings.CutPrefix(string(iri), rd.v.Base()+"rel/"); ok {
		return rel
	}
	return shortName(string(iri))
}

// isRelation tells whether p is one of the graph's open relations.
func (rd *reader) isRelation(p quad.Value) bool {
	iri, ok := p.(quad.IRI)
	return ok && strings.HasPrefix(string(iri), rd.v.Base()+"rel/")
}

// node describes v; full adds aliases and properties.
func (rd *reader) node(v quad.Value, full bool) (Node, error) {
	n := Node{ID: termID(v)}
	switch v.(type) {
	case quad.IRI:
		n.Kind = "iri"
	case quad.BNode:
		n.Kind = "blank"
	default:
		n.Kind, n.Type, n.Label = "literal", "Literal", text(v)
		return n, nil
	}
	props, err := rd.props(v)
	if err != nil {
		return n, err
	}
	for _, p := range []quad.IRI{vocab.Name, vocab.Label, vocab.Headline, vocab.Text} {
		if l := first(props, p); l != nil {
			n.Label = text(l)
			break
		}
	}
	if n.Label == "" {
		n.Label = shortName(text(v))
	}
	for _, q := range props[vocab.Type] {
		t := shortName(text(q.Object))
		if n.Type == "" || rankOf(t) < rankOf(n.Type) {
			n.Type = t
		}
	}
	if !full {
		return n, nil
	}
	seen := map[string]bool{n.Label: true}
	for _, q := range props[vocab.AlternateName] {
		if a := text(q.Object); !seen[a] {
			seen[a] = true
			n.Aliases = append(n.Aliases, a)
		}
	}
	sort.Strings(n.Aliases)
	seenProp := map[[2]string]bool{}
	for p, qs := range props {
		switch p {
		case vocab.Type, vocab.Name, vocab.AlternateName:
			continue
		}
		if rd.isRelation(p) {
			continue
		}
		for _, q := range qs {
			switch q.Object.(type) {
			case quad.IRI, quad.BNode:
				continue
			}
			k := [2]string{termID(p), termID(q.Object)}
			if seenProp[k] {
				continue
			}
			seenProp[k] = true
			n.Properties = append(n.Properties, Property{Predicate: termID(p), Label: rd.predicateLabel(p), Value: text(q.Object)})
		}
	}
	sort.Slice(n.Properties, func(i, j int) bool {
		a, b := n.Properties[i], n.Properties[j]
		if a.Label != b.Label {
			return a.Label < b.Label
		}
		return a.Value < b.Value
	})
	return n, nil
}

func rankOf(t string) int {
	if r, ok := typeRank[t]; ok {
		return r
	}
	return 100
}
