package server

import (
	"net/http"
	"sort"

	"github.com/cayleygraph/quad"
	"github.com/newsgraph/newsgraph/graph/vocab"
)

// TimelineItem is one dated event or fact involving an actor.
type TimelineItem struct {
	// Date is ISO 8601 ("2025-06-13", "2011"); DateOf says where it
	// comes from: "event" or "fact" for a date the article gives the
	// event or fact, "article" for the article's publication date when it
	// gives none.
	Date   string `json:"date"`
	DateOf string `json:"dateOf"`
	// Kind is "event" (a call, a meeting...) or "fact" (a relation).
	Kind string `json:"kind"`
	// ID is the event or statement node.
	ID string `json:"id"`
	// Label says what happened: the event's name, the relation's.
	Label string `json:"label"`
	// Others are the other participants, or the other end of the fact.
	Others   []Node   `json:"others"`
	Role     string   `json:"role,omitempty"` // "subject" or "object" of a fact
	Sentence string   `json:"sentence,omitempty"`
	Article  *Article `json:"article,omitempty"`
}

// Timeline is the answer of /api/v1/timeline.
type Timeline struct {
	Node  Node           `json:"node"`
	Items []TimelineItem `json:"items"`
	// Undated counts the events and facts without any date.
	Undated   int  `json:"undated"`
	Truncated bool `json:"truncated,omitempty"`
}

// serveTimeline answers GET /api/v1/timeline?id=ID: the events the node
// takes part in (schema:participant) and the facts it is the subject or
// object of, each dated by its own date or its article's, oldest first.
func (s *Server) serveTimeline(w http.ResponseWriter, r *http.Request) error {
	id, err := idParam(r, "id")
	if err != nil {
		return err
	}
	limit, err := intParam(r, "limit", s.cfg.MaxResults, 1, s.cfg.MaxResults)
	if err != nil {
		return err
	}
	out := Timeline{Items: []TimelineItem{}}
	err = s.read(r.Context(), func(rd *reader) error {
		var err error
		if out.Node, err = rd.node(id, false); err != nil {
			return err
		}
		type ref struct {
			node quad.Value
			kind string // "event", "subject", "object"
		}
		var refs []ref
		trunc, err := rd.each(quad.Object, id, maxScan, func(q quad.Quad) bool {
			switch q.Predicate {
			case vocab.Participant:
				refs = append(refs, ref{q.Subject, "event"})
			case vocab.Subject:
				refs = append(refs, ref{q.Subject, "subject"})
			case vocab.Object:
				refs = append(refs, ref{q.Subject, "object"})
			}
			return true
		})
		if err != nil {
			return err
		}
		out.Truncated = trunc
		seen := map[string]bool{}
		articles := map[string]*Article{}
		for _, rf := range refs {
			key := termID(rf.node) + " " + rf.kind
			if seen[key] {
				continue
			}
			seen[key] = true
			item, ok, err := rd.timelineItem(rf.node, rf.kind, id, articles)
			if err != nil {
				return err
			}
			if !ok {
				out.Undated++
				continue
			}
			out.Items = append(out.Items, item)
		}
		return nil
	})
	if err != nil {
		return err
	}
	sort.SliceStable(out.Items, func(i, j int) bool {
		a, b := out.Items[i], out.Items[j]
		if a.Date != b.Date {
			return a.Date < b.Date
		}
		return a.ID < b.ID
	})
	if len(out.Items) > limit {
		out.Items, out.Truncated = out.Items[:limit], true
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// timelineItem describes an event or statement node for the timeline of
// actor; ok is false when it has no date at all.
func (rd *reader) timelineItem(node quad.Value, kind string, actor quad.Value, articles map[string]*Article) (TimelineItem, bool, error) {
	props, err := rd.props(node)
	if err != nil {
		return TimelineItem{}, false, err
	}
	item := TimelineItem{ID: termID(node), Kind: "event", Others: []Node{}, Sentence: text(first(props, rd.v.Term("sentence")))}
	var others []quad.Value
	if kind == "event" {
		item.Label = text(first(props, vocab.Name))
		for _, q := range props[vocab.Participant] {
			if termID(q.Object) != termID(actor) {
				others = append(others, q.Object)
			}
		}
	} else {
		item.Kind, item.Role = "fact", kind
		item.Label = rd.predicateLabel(first(props, vocab.Predicate))
		other := vocab.Object
		if kind == "object" {
			other = vocab.Subject
		}
		if o := first(props, other); o != nil {
			others = append(others, o)
		}
	}
	seen := map[string]bool{}
	for _, o := range others {
		if seen[termID(o)] {
			continue
		}
		seen[termID(o)] = true
		n, err := rd.node(o, false)
		if err != nil {
			return item, false, err
		}
		item.Others = append(item.Others, n)
	}
	if from := first(props, vocab.DerivedFrom); from != nil {
		a := articles[termID(from)]
		if a == nil {
			art, err := rd.article(from)
			if err != nil {
				return item, false, err
			}
			a = &art
			articles[termID(from)] = a
		}
		item.Article = a
	}
	switch {
	case first(props, vocab.StartDate) != nil:
		item.Date, item.DateOf = text(first(props, vocab.StartDate)), item.Kind
	case item.Article != nil && item.Article.Published != "":
		item.Date, item.DateOf = item.Article.Published, "article"
	default:
		return item, false, nil
	}
	return item, true, nil
}
