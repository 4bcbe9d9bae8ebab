package server

import (
	"net/http"
	"sort"

	"github.com/cayleygraph/quad"
	"github.com/newsgraph/newsgraph/graph/vocab"
)

// Edge is a fact between two nodes, in every article graph that states it.
type Edge struct {
	Subject   string `json:"subject"`
	Predicate string `json:"predicate"`
	Object    string `json:"object"`
	// Label names the predicate: "speak_with", "participant".
	Label string `json:"label"`
	// Direction is "out" when the node asked about is the subject, "in"
	// when it is the object.
	Direction string `json:"direction"`
	// Graphs are the article graphs holding the quad.
	Graphs []string `json:"graphs"`
}

// EdgeCount counts a node's edges of one predicate and direction.
type EdgeCount struct {
	Predicate string `json:"predicate"`
	Label     string `json:"label"`
	Direction string `json:"direction"`
	Count     int    `json:"count"`
}

// Neighbourhood is the answer of /api/v1/neighbourhood.
type Neighbourhood struct {
	Node Node `json:"node"`
	// Edges is one page of the node's edges, sorted by direction,
	// predicate and the other node's label.
	Edges []Edge `json:"edges"`
	// Nodes describes the other ends of the page's edges.
	Nodes []Node `json:"nodes"`
	// Counts counts all the node's edges (not only the page's) by
	// predicate and direction.
	Counts []EdgeCount `json:"counts"`
	Total  int         `json:"total"`
	Offset int         `json:"offset"`
	Limit  int         `json:"limit"`
	// Truncated is set when the node has more quads than one request
	// reads; the counts are then lower bounds.
	Truncated bool `json:"truncated,omitempty"`
}

// hiddenIn are predicates whose incoming edges are bookkeeping, not facts
// to draw: a statement node's pointers to its subject, predicate and object
// (shown as the provenance of the direct edge instead).
var hiddenIn = map[quad.IRI]bool{vocab.Subject: true, vocab.Predicate: true, vocab.Object: true}

// serveNeighbourhood answers GET /api/v1/neighbourhood?id=ID: the node, a
// page of its edges (?offset, ?limit; ?predicate and ?direction=in|out
// filter them), the nodes at their other ends, and the counts of all its
// edges. Outgoing edges to literals are the node's properties unless their
// predicate is a relation (Putin -call→ "dangerous"); rdf:type and names
// are not edges either.
func (s *Server) serveNeighbourhood(w http.ResponseWriter, r *http.Request) error {
	id, err := idParam(r, "id")
	if err != nil {
		return err
	}
	offset, err := intParam(r, "offset", 0, 0, 1<<30)
	if err != nil {
		return err
	}
	limit, err := intParam(r, "limit", 100, 1, s.cfg.MaxResults)
	if err != nil {
		return err
	}
	var pred quad.Value
	if p := r.URL.Query().Get("predicate"); p != "" {
		if pred, err = parseID(p); err != nil {
			return err
		}
	}
	dir := r.URL.Query().Get("direction")
	if dir != "" && dir != "in" && dir != "out" {
		return errorf(http.StatusBadRequest, "direction must be in or out, got %q", dir)
	}
	var out Neighbourhood
	err = s.read(r.Context(), func(rd *reader) error {
		var err error
		if out.Node, err = rd.node(id, true); err != nil {
			return err
		}
		edges, quads, truncated, err := rd.edges(id)
		if err != nil {
			return err
		}
		if quads == 0 {
			return errorf(http.StatusNotFound, "no node %s in the graph", termID(id))
		}
		out.Truncated = truncated
		out.Counts = countEdges(edges)
		var page []Edge
		for _, e := range edges {
			if (pred == nil || e.Predicate == termID(pred)) && (dir == "" || e.Direction == dir) {
				page = append(page, e)
			}
		}
		out.Total, out.Offset, out.Limit = len(page), offset, limit
		page = page[min(offset, len(page)):min(offset+limit, len(page))]
		out.Edges = page
		seen := map[string]bool{out.Node.ID: true}
		out.Nodes = []Node{}
		for _, e := range page {
			other := e.Object
			if e.Direction == "in" {
				other = e.Subject
			}
			if seen[other] {
				continue
			}
			seen[other] = true
			v, err := parseID(other)
			if err != nil {
				return err
			}
			n, err := rd.node(v, false)
			if err != nil {
				return err
			}
			out.Nodes = append(out.Nodes, n)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if out.Edges == nil {
		out.Edges = []Edge{}
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// edges reads the edges of a node, one per (subject, predicate, object)
// with the graphs holding it, sorted by direction, predicate label and
// IDs. It also returns how many quads hold the node (0: not in the graph)
// and whether it stopped reading at maxScan.
func (rd *reader) edges(id quad.Value) (edges []Edge, quads int, truncated bool, err error) {
	byKey := map[[3]string]*Edge{}
	var order []*Edge
	add := func(q quad.Quad, dir string) {
		k := [3]string{termID(q.Subject), termID(q.Predicate), termID(q.Object)}
		e := byKey[k]
		if e == nil {
			e = &Edge{Subject: k[0], Predicate: k[1], Object: k[2], Label: rd.predicateLabel(q.Predicate), Direction: dir, Graphs: []string{}}
			byKey[k] = e
			order = append(order, e)
		}
		if q.Label != nil {
			e.Graphs = append(e.Graphs, termID(q.Label))
		}
	}
	truncOut, err := rd.each(quad.Subject, id, maxScan, func(q quad.Quad) bool {
		quads++
		switch {
		case q.Predicate == vocab.Type || q.Predicate == vocab.Name || q.Predicate == vocab.AlternateName:
		case isLiteral(q.Object) && !rd.isRelation(q.Predicate):
		default:
			add(q, "out")
		}
		return true
	})
	if err != nil {
		return nil, 0, false, err
	}
	truncIn, err := rd.each(quad.Object, id, maxScan, func(q quad.Quad) bool {
		quads++
		p, _ := q.Predicate.(quad.IRI)
		if !hiddenIn[p] && termID(q.Subject) != termID(id) {
			add(q, "in")
		}
		return true
	})
	if err != nil {
		return nil, 0, false, err
	}
	edges = make([]Edge, len(order))
	for i, e := range order {
		sort.Strings(e.Graphs)
		edges[i] = *e
	}
	sort.Slice(edges, func(i, j int) bool {
		a, b := edges[i], edges[j]
		if a.Direction != b.Direction {
			return a.Direction > b.Direction // out first
		}
		if a.Label != b.Label {
			return a.Label < b.Label
		}
		if a.Subject != b.Subject {
			return a.Subject < b.Subject
		}
		return a.Object < b.Object
	})
	return edges, quads, truncOut || truncIn, nil
}

func isLiteral(v quad.Value) bool {
	switch v.(type) {
	case quad.IRI, quad.BNode:
		return false
	}
	return true
}

// countEdges counts edges by predicate and direction, most frequent first.
func countEdges(edges []Edge) []EdgeCount {
	idx := map[[2]string]int{}
	var out []EdgeCount
	for _, e := range edges {
		k := [2]string{e.Predicate, e.Direction}
		i, ok := idx[k]
		if !ok {
			i = len(out)
			idx[k] = i
			out = append(out, EdgeCount{Predicate: e.Predicate, Label: e.Label, Direction: e.Direction})
		}
		out[i].Count++
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		if out[i].Label != out[j].Label {
			return out[i].Label < out[j].Label
		}
		return out[i].Direction > out[j].Direction
	})
	if out == nil {
		out = []EdgeCount{}
	}
	return out
}
