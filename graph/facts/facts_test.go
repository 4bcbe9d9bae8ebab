package facts

import (
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph/vocab"
)

// doc builds by hand the analysis of "Über-Chef Anna Berg did not call
// Oslo." with one negated relation, an event and a quote, so that the
// quads can be checked without the NLP models.
func doc() *extract.Document {
	text := "Über-Chef Anna Berg did not call Oslo. \"It works,\" Berg said."
	d := &extract.Document{Text: text}
	for _, w := range []string{"Über-Chef", "Anna", "Berg", "did", "not", "call", "Oslo", ".", "\"", "It", "works", ",", "\"", "Berg", "said", "."} {
		start := strings.Index(text[tokEnd(d):], w) + tokEnd(d)
		d.Tokens = append(d.Tokens, extract.Token{Start: start, End: start + len(w)})
	}
	d.Sentences = []extract.Sentence{{First: 0, Last: 8}, {First: 8, Last: 16}}
	d.Entities = []extract.Entity{
		{Name: "Anna Berg", Type: "PER", Mentions: []extract.Span{{First: 1, Last: 3}, {First: 13, Last: 14}}, Aliases: []string{"Berg"}},
		{Name: "Oslo", Type: "LOC", Mentions: []extract.Span{{First: 6, Last: 7}}},
	}
	d.Propositions = []extract.Proposition{{Sentence: 0, Head: 5, Words: []int{3, 4, 5}, Lemma: "call", Negated: true, Parent: -1}}
	d.Relations = []extract.Relation{{
		Prop: 0, Sentence: 0, Predicate: "call", Negated: true, Words: []int{3, 4, 5}, Confidence: 0.75,
		Subject: extract.Ref{Kind: extract.EntityRef, Index: 0, Span: extract.Span{First: 1, Last: 3}},
		Object:  extract.Ref{Kind: extract.EntityRef, Index: 1, Span: extract.Span{First: 6, Last: 7}},
	}}
	d.Events = []extract.Event{{Type: "CommunicateAction", Name: "call", Mentions: []extract.Span{{First: 5, Last: 6}}, Participants: []int{0, 1}, Date: "2025-06-14", Duration: "PT50M", Place: -1}}
	d.Quotes = []extract.Quote{{Sentence: 1, Speaker: extract.Ref{Kind: extract.EntityRef, Index: 0, Span: extract.Span{First: 13, Last: 14}}, Cue: 14, CueLemma: "say", Span: extract.Span{First: 9, Last: 11}, Direct: true, Props: []int{0}, Confidence: 0.9}}
	return d
}

func tokEnd(d *extract.Document) int {
	if len(d.Tokens) == 0 {
		return 0
	}
	return d.Tokens[len(d.Tokens)-1].End
}

func TestQuads(t *testing.T) {
	v := vocab.New("http://kg.example/")
	a := Article{Key: "https://news.example/a", URL: "https://news.example/a b?q=\"x\"", Title: "A", Published: time.Date(2025, 6, 14, 0, 0, 0, 0, time.UTC)}
	label, qs := Quads(v, a, doc())
	if label != v.Article(a.Key) {
		t.Fatalf("label %s", label)
	}
	has := func(s quad.Value, p quad.IRI, o quad.Value) bool {
		for _, q := range qs {
			if q.Subject == s && q.Predicate == p && q.Object == o {
				return true
			}
		}
		return false
	}
	berg, oslo := v.Entity("Anna Berg"), v.Entity("Oslo")
	stmt := vocab.Part(label, "s", 0)
	checks := []struct {
		what    string
		s       quad.Value
		p       quad.IRI
		o       quad.Value
		present bool
	}{
		{"negated direct edge", berg, v.Relation("not_call"), oslo, true},
		{"no asserted edge for a negated fact", berg, v.Relation("call"), oslo, false},
		{"statement subject", stmt, vocab.Subject, berg, true},
		{"statement flag", stmt, v.Term("negated"), quad.TypedString{Value: "true", Type: quad.IRI(vocab.XSD + "boolean")}, true},
		{"wording", stmt, v.Term("wording"), quad.LangString{Value: "did not call", Lang: "en"}, true},
		// Offsets count characters: "Ü" is two bytes but one character.
		{"start in characters", stmt, v.Term("start"), quad.TypedString{Value: "10", Type: quad.IRI(vocab.XSD + "integer")}, true},
		{"end in characters", stmt, v.Term("end"), quad.TypedString{Value: "37", Type: quad.IRI(vocab.XSD + "integer")}, true},
		{"confidence", stmt, v.Term("confidence"), quad.TypedString{Value: "0.750", Type: quad.IRI(vocab.XSD + "decimal")}, true},
		{"provenance", stmt, vocab.DerivedFrom, label, true},
		{"person", berg, vocab.Type, vocab.Person, true},
		{"alias", berg, vocab.AlternateName, quad.String("Berg"), true},
		{"event participant", vocab.Part(label, "e", 0), vocab.Participant, oslo, true},
		{"event duration", vocab.Part(label, "e", 0), vocab.Duration, quad.TypedString{Value: "PT50M", Type: quad.IRI(vocab.XSD + "duration")}, true},
		{"event date", vocab.Part(label, "e", 0), vocab.StartDate, quad.TypedString{Value: "2025-06-14", Type: quad.IRI(vocab.XSD + "date")}, true},
		{"speaker says quote", berg, v.Relation("say"), vocab.Part(label, "q", 0), true},
		{"quote text", vocab.Part(label, "q", 0), vocab.Text, quad.LangString{Value: "It works", Lang: "en"}, true},
		{"article URL", label, vocab.URL, quad.IRI("https://news.example/a%20b?q=%22x%22"), true},
		{"quote holds the fact", vocab.Part(label, "q", 0), v.Term("states"), stmt, true},
		{"article date", label, vocab.DatePublished, quad.TypedString{Value: "2025-06-14", Type: quad.IRI(vocab.XSD + "date")}, true},
	}
	for _, c := range checks {
		if has(c.s, c.p, c.o) != c.present {
			t.Errorf("%s: quad %v %v %v present = %v, want %v", c.what, c.s, c.p, c.o, !c.present, c.present)
		}
	}
	seen := map[quad.Quad]bool{}
	for _, q := range qs {
		if q.Label != label {
			t.Errorf("quad %v not labelled with the article", q)
		}
		if seen[q] {
			t.Errorf("duplicate quad %v", q)
		}
		seen[q] = true
	}
}
