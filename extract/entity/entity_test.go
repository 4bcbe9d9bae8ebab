package entity_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/entity"
	"github.com/newsgraph/newsgraph/extract/gazetteer"
	"github.com/newsgraph/newsgraph/extract/pipeline"
	"github.com/newsgraph/newsgraph/extract/timex"
)

func resolve(t *testing.T, text string) *extract.Document {
	t.Helper()
	m, err := pipeline.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	doc := &extract.Document{Text: text}
	p := append(m.Pipeline(), timex.New(), entity.New(gazetteer.Default()))
	if err := p.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestEntities checks names, aliases, types and titles on sentences
// written for this test. Each entity is described as
// "Name [alias, ...] TYPE Qid titles=(...)".
func TestEntities(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		// A title is cut off the name and kept; a shorter name joins the
		// longer one; a known country gets its canonical name.
		{"On Monday, U.S. President Joe Biden met Olaf Scholz in Berlin. Biden thanked the United States Congress.",
			[]string{"United States [U.S.] LOC Q30", "Joe Biden [Biden] PER  titles=(U.S. President)", "Olaf Scholz []"}},
		// A capital that acts is its state; one that is a place stays a city.
		{"Oslo rejected the plan after talks in Oslo.",
			[]string{"Norway [] LOC Q20", "Oslo [] LOC"}},
		// Two people with the same family name keep a one-word mention apart.
		{"Anna Berg met Lars Berg. Berg left.",
			[]string{"Anna Berg []", "Lars Berg []", "Berg []"}},
	}
	for _, tt := range tests {
		doc := resolve(t, tt.text)
		var got []string
		for _, e := range doc.Entities {
			d := e.Name + " [" + strings.Join(e.Aliases, ", ") + "]"
			if e.Type != "" || e.Wikidata != "" {
				d += " " + e.Type
			}
			if e.Wikidata != "" {
				d += " " + e.Wikidata
			}
			if len(e.Titles) > 0 {
				var ts []string
				for _, s := range e.Titles {
					ts = append(ts, doc.SpanText(s))
				}
				d += "  titles=(" + strings.Join(ts, ", ") + ")"
			}
			got = append(got, d)
		}
		for _, w := range tt.want {
			if !slices.Contains(got, w) {
				t.Errorf("%s\nmissing %s\ngot %s", tt.text, w, strings.Join(got, "\n    "))
			}
		}
		for _, g := range got {
			if strings.HasPrefix(g, "Monday") {
				t.Errorf("a date is not an entity: %s", g)
			}
		}
	}
}

// TestCoreference checks pronouns, descriptions by title and pairs on
// sentences written for this test: each want is "phrase → entity".
func TestCoreference(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"On Monday, French President Emmanuel Macron and German Chancellor Olaf Scholz met in Paris. " +
			"The two leaders discussed energy prices. The French president said he was confident.",
			[]string{"The two leaders → Emmanuel Macron + Olaf Scholz", "The French president → Emmanuel Macron", "he → Emmanuel Macron"}},
		// The pair named as subject and partner of one verb rather than
		// coordinated.
		{"Indian Prime Minister Narendra Modi spoke by phone with Brazilian President Luiz Lula on Friday. " +
			"The two leaders agreed to meet in July.",
			[]string{"The two leaders → Narendra Modi + Luiz Lula"}},
		{"Chancellor Karl Nehammer called Prime Minister Petr Fiala on Monday. Both men condemned the attack.",
			[]string{"Both men → Karl Nehammer + Petr Fiala"}},
		{"Kremlin spokesman Dmitry Peskov spoke to reporters on Tuesday. His remarks were brief.",
			[]string{"His → Dmitry Peskov"}},
		{"Fighting between Armenia and Azerbaijan resumed. Turkey offered to mediate between the two countries.",
			[]string{"the two countries → Armenia + Azerbaijan"}},
		// "It" reporting something is the organisation that reported
		// last, a sentence or more before.
		{"The European Commission said the rules would apply from June. Member states have a year to adapt. " +
			"It added that small firms would get more time.",
			[]string{"It → European Commission"}},
	}
	for _, tt := range tests {
		doc := resolve(t, tt.text)
		var got []string
		for _, e := range doc.Entities {
			for _, m := range e.Mentions {
				if text := doc.SpanText(m); !strings.Contains(e.Name, text) && !slices.Contains(e.Aliases, text) {
					got = append(got, text+" → "+e.Name)
				}
			}
		}
		for _, g := range doc.Groups {
			var names []string
			for _, m := range g.Members {
				names = append(names, doc.Entities[m].Name)
			}
			got = append(got, doc.SpanText(g.Span)+" → "+strings.Join(names, " + "))
		}
		for _, w := range tt.want {
			if !slices.Contains(got, w) {
				t.Errorf("%s\nmissing %s\ngot %s", tt.text, w, strings.Join(got, "\n    "))
			}
		}
	}
}

// TestUnpersoned checks that a name the article does not write as a
// person's is an organisation's, and that people's names stay theirs.
func TestUnpersoned(t *testing.T) {
	tests := []struct{ text, name, want string }{
		{"Volkswagen said on Tuesday it would cut 3,000 jobs in Germany.", "Volkswagen", "ORG"},
		{"Airbus delivered 60 jets in March.", "Airbus", "ORG"},
		{"Goldman Sachs raised its forecast for oil prices.", "Goldman Sachs", "ORG"},
		{"Pellion Pharma said on Monday it had agreed to acquire a rival.", "Pellion Pharma", "ORG"},
		// "it" reported by a conjunct that shares the name's subject.
		{"Vale Norte denied the accusation and said it would challenge the fine in court.", "Vale Norte", "ORG"},
		{"Kestrel Foods closed two plants and moved its headquarters to Leeds.", "Kestrel Foods", "ORG"},
		// A person: a full name, a title, "his" or "her", "it" as no one.
		{"Maria Lopez raised her forecast for oil prices.", "Maria Lopez", "PER"},
		{"Turkish President Erdogan welcomed the plan.", "Erdogan", "PER"},
		{"Maria Lopez said it was too early to tell.", "Maria Lopez", "PER"},
		{"Maria Lopez said it seemed unlikely.", "Maria Lopez", "PER"},
		// A conjunct with a subject of its own reports for that one.
		{"Maria Lopez left early and the board said it would meet again.", "Maria Lopez", "PER"},
	}
	m, err := pipeline.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	p := append(m.Pipeline(), m.NER, timex.New(), entity.New(gazetteer.Default()))
	for _, tt := range tests {
		doc := &extract.Document{Text: tt.text}
		if err := p.Process(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		got := "none"
		for _, e := range doc.Entities {
			if e.Name == tt.name {
				got = e.Type
			}
		}
		if got != tt.want {
			t.Errorf("%s: %s is %s, want %s", tt.text, tt.name, got, tt.want)
		}
	}
}
