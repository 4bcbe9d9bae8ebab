package server

import (
	"net/http"
	"sort"
	"strconv"

	"github.com/cayleygraph/quad"
	"github.com/newsgraph/newsgraph/graph/vocab"
)

// Article is an article as the API shows it.
type Article struct {
	ID        string `json:"id"`
	Headline  string `json:"headline,omitempty"`
	URL       string `json:"url,omitempty"`
	Published string `json:"published,omitempty"`
	Publisher string `json:"publisher,omitempty"`
	Source    string `json:"source,omitempty"`
}

// Source is where one fact, event or quote was read: the node recording
// it (an rdf:Statement, an event, a quotation) and what it says.
type Source struct {
	ID         string   `json:"id"`
	Kind       string   `json:"kind"` // the node's type: Statement, Event, Quotation...
	Article    *Article `json:"article,omitempty"`
	Sentence   string   `json:"sentence,omitempty"`
	Start      *int     `json:"start,omitempty"` // character offsets in the article's text
	End        *int     `json:"end,omitempty"`
	Wording    string   `json:"wording,omitempty"`
	Confidence *float64 `json:"confidence,omitempty"`
	Negated    bool     `json:"negated,omitempty"`
	Modality   string   `json:"modality,omitempty"`
	Date       string   `json:"date,omitempty"`
	Extractor  string   `json:"extractor,omitempty"`
}

// Provenance is the answer of /api/v1/provenance.
type Provenance struct {
	// Edge is the fact asked about (absent for ?id=).
	Edge *Edge `json:"edge,omitempty"`
	// Articles are the articles whose graphs hold the fact.
	Articles []Article `json:"articles"`
	// Sources are the statements recording the fact, or, for an edge of
	// an event or a quote, that event's or quote's own record.
	Sources []Source `json:"sources"`
}

// serveProvenance answers GET /api/v1/provenance, for a fact
// (?subject=S&predicate=P&object=O) or a node that records where it was
// read (?id=, a statement, event or quote).
func (s *Server) serveProvenance(w http.ResponseWriter, r *http.Request) error {
	out := Provenance{Articles: []Article{}, Sources: []Source{}}
	if r.URL.Query().Get("id") != "" {
		id, err := idParam(r, "id")
		if err != nil {
			return err
		}
		err = s.read(r.Context(), func(rd *reader) error {
			src, ok, err := rd.source(id)
			if err != nil || !ok {
				return err
			}
			out.Sources = append(out.Sources, src)
			if src.Article != nil {
				out.Articles = append(out.Articles, *src.Article)
			}
			return nil
		})
		if err != nil {
			return err
		}
		if len(out.Sources) == 0 {
			return errorf(http.StatusNotFound, "%s records no provenance", termID(id))
		}
		writeJSON(w, http.StatusOK, out)
		return nil
	}
	var sub, pred, obj quad.Value
	for _, p := range []struct {
		name string
		v    *quad.Value
	}{{"subject", &sub}, {"predicate", &pred}, {"object", &obj}} {
		v, err := idParam(r, p.name)
		if err != nil {
			return err
		}
		*p.v = v
	}
	err := s.read(r.Context(), func(rd *reader) error {
		// The graphs holding the quad itself.
		var graphs []quad.Value
		_, err := rd.each(quad.Subject, sub, maxScan, func(q quad.Quad) bool {
			if termID(q.Predicate) == termID(pred) && termID(q.Object) == termID(obj) && q.Label != nil {
				graphs = append(graphs, q.Label)
			}
			return true
		})
		if err != nil {
			return err
		}
		if len(graphs) == 0 {
			return errorf(http.StatusNotFound, "no fact %s %s %s in the graph", termID(sub), termID(pred), termID(obj))
		}
		e := Edge{Subject: termID(sub), Predicate: termID(pred), Object: termID(obj), Label: rd.predicateLabel(pred), Direction: "out"}
		for _, g := range graphs {
			e.Graphs = append(e.Graphs, termID(g))
			a, err := rd.article(g)
			if err != nil {
				return err
			}
			out.Articles = append(out.Articles, a)
		}
		out.Edge = &e
		// The statements about it: rdf:subject S, rdf:predicate P,
		// rdf:object O.
		var candidates []quad.Value
		_, err = rd.each(quad.Object, sub, maxScan, func(q quad.Quad) bool {
			if q.Predicate == vocab.Subject {
				candidates = append(candidates, q.Subject)
			}
			return true
		})
		if err != nil {
			return err
		}
		for _, c := range candidates {
			props, err := rd.props(c)
			if err != nil {
				return err
			}
			if termID(first(props, vocab.Predicate)) != termID(pred) || termID(first(props, vocab.Object)) != termID(obj) {
				continue
			}
			src, ok, err := rd.source(c)
			if err != nil {
				return err
			}
			if ok {
				out.Sources = append(out.Sources, src)
			}
		}
		if len(out.Sources) > 0 {
			return nil
		}
		// An edge of an event or a quote: their own record.
		for _, end := range []quad.Value{sub, obj} {
			if isLiteral(end) {
				continue
			}
			src, ok, err := rd.source(end)
			if err != nil {
				return err
			}
			if ok {
				out.Sources = append(out.Sources, src)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	sort.SliceStable(out.Sources, func(i, j int) bool { return out.Sources[i].ID < out.Sources[j].ID })
	writeJSON(w, http.StatusOK, out)
	return nil
}

// article describes an article node.
func (rd *reader) article(id quad.Value) (Article, error) {
	props, err := rd.props(id)
	if err != nil {
		return Article{}, err
	}
	return Article{
		ID:        termID(id),
		Headline:  text(first(props, vocab.Headline)),
		URL:       text(first(props, vocab.URL)),
		Published: text(first(props, vocab.DatePublished)),
		Publisher: text(first(props, vocab.Publisher)),
		Source:    text(first(props, rd.v.Term("source"))),
	}, nil
}

// source reads the record of where a node was read from; ok is false for
// a node with no prov:wasDerivedFrom.
func (rd *reader) source(id quad.Value) (src Source, ok bool, err error) {
	props, err := rd.props(id)
	if err != nil {
		return src, false, err
	}
	from := first(props, vocab.DerivedFrom)
	if from == nil {
		return src, false, nil
	}
	a, err := rd.article(from)
	if err != nil {
		return src, false, err
	}
	src = Source{
		ID:        termID(id),
		Article:   &a,
		Sentence:  text(first(props, rd.v.Term("sentence"))),
		Wording:   text(first(props, rd.v.Term("wording"))),
		Modality:  text(first(props, rd.v.Term("modality"))),
		Date:      text(first(props, vocab.StartDate)),
		Extractor: text(first(props, rd.v.Term("extractor"))),
		Negated:   text(first(props, rd.v.Term("negated"))) == "true",
	}
	for _, q := range props[vocab.Type] {
		t := shortName(text(q.Object))
		if src.Kind == "" || rankOf(t) < rankOf(src.Kind) {
			src.Kind = t
		}
	}
	if n, err := strconv.Atoi(text(first(props, rd.v.Term("start")))); err == nil {
		src.Start = &n
	}
	if n, err := strconv.Atoi(text(first(props, rd.v.Term("end")))); err == nil {
		src.End = &n
	}
	if f, err := strconv.ParseFloat(text(first(props, rd.v.Term("confidence"))), 64); err == nil {
		src.Confidence = &f
	}
	return src, true, nil
}
