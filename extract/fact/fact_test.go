package fact_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/clause"
	"github.com/newsgraph/newsgraph/extract/conllu"
	"github.com/newsgraph/newsgraph/extract/entity"
	"github.com/newsgraph/newsgraph/extract/fact"
	"github.com/newsgraph/newsgraph/extract/gazetteer"
	"github.com/newsgraph/newsgraph/extract/pipeline"
	"github.com/newsgraph/newsgraph/extract/timex"
)

func analyse(t testing.TB, text string) *extract.Document {
	t.Helper()
	m, err := pipeline.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	doc := &extract.Document{Text: text}
	p := m.Extraction()
	if err := p.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

func refText(doc *extract.Document, r extract.Ref) string {
	switch r.Kind {
	case extract.EntityRef:
		return doc.Entities[r.Index].Name
	case extract.EventRef:
		return fmt.Sprintf("event%d", r.Index)
	}
	return fmt.Sprintf("%q", r.Text)
}

// relations renders a document's relations as "subject -predicate-> object".
func relations(doc *extract.Document) []string {
	var out []string
	for _, r := range doc.Relations {
		s := fmt.Sprintf("%s -%s-> %s", refText(doc, r.Subject), r.Predicate, refText(doc, r.Object))
		if r.Negated {
			s = "NOT " + s
		}
		out = append(out, s)
	}
	return out
}

func TestRelations(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		// Coordination is distributed, prepositions join the predicate.
		{"Angela Merkel and Emmanuel Macron met Joe Biden.",
			[]string{"Angela Merkel -meet-> Joe Biden", "Emmanuel Macron -meet-> Joe Biden"}},
		{"Putin offered to mediate between Israel and Iran.",
			[]string{"Putin -offer_to_mediate_between-> Israel", "Putin -offer_to_mediate_between-> Iran"}},
		// Passives are turned active; negation is kept.
		{"The plan was rejected by Oslo. Oslo did not accept the offer.",
			[]string{"Norway -reject-> \"The plan\"", "NOT Norway -accept-> \"the offer\""}}, // a capital that acts is its state
		// Without its agent, a passive states its facts about the
		// passive subject, in the passive.
		{"Dana Whitfield was elected mayor. A fisherman was arrested in Halden.",
			[]string{"Dana Whitfield -be_elect-> \"mayor\"", "\"A fisherman\" -be_arrest_in-> Halden"}},
		// A generic verb's object is a thing, not an event.
		{"Acme made a profit of 3 million euros.",
			[]string{"Acme -make-> \"a profit of 3 million euros\""}},
		// The last of two names in one phrase is the one it is about.
		{"Argentine President Lucia Ferrante called it a historic step.",
			[]string{"Lucia Ferrante -call-> \"a historic step\""}},
		// A shorter name is the same entity; a title is a role.
		{"On Monday, Finance Minister Maria Lopez met Carlos Ruiz. Lopez thanked Ruiz.",
			[]string{"Maria Lopez -role-> \"Finance Minister\"", "Maria Lopez -thank-> Carlos Ruiz"}},
	}
	for _, tt := range tests {
		doc := analyse(t, tt.text)
		got := relations(doc)
		for _, w := range tt.want {
			if !slices.Contains(got, w) {
				t.Errorf("%s\nmissing %s\ngot %s", tt.text, w, strings.Join(got, "\n    "))
			}
		}
	}
}

// TestAppositionRoles checks that words in scare quotes after a name, and
// appositions to places, are not taken for roles, while a title and a
// plain apposition to a person are.
func TestAppositionRoles(t *testing.T) {
	checkRelations(t, []relationCase{
		{"Critics mocked Governor Ana Ruiz's 'miracle'", `Ana Ruiz -role-> "Governor"`, `Ana Ruiz -role-> "miracle"`},
		{"The senator praised Carla Nunes, the mayor of Recife.", `Carla Nunes -role-> "mayor of Recife"`, `Carla Nunes -role-> "the mayor of Recife"`},
		// A description with the name in apposition: the name holds
		// the role, without the description's determiner.
		{"The regional governor, Ines Carvalho, congratulated the winner.", `Ines Carvalho -role-> "regional governor"`, `Ines Carvalho -role-> "The regional governor"`},
		{"Its chairman, Karl Hoff, resigned on Monday.", `Karl Hoff -role-> "chairman"`, `Karl Hoff -role-> "Its chairman"`},
		{"According to the city's finance director, Paul Whitcombe, the deficit will grow.", `Paul Whitcombe -role-> "finance director"`, `Paul Whitcombe -role-> "'s finance director"`},
		// An apposition to a place is not its role; "Armenia-Azerbaijan
		// truce" can be read as one.
		{"Envoy hopes for Armenia-Azerbaijan truce, urges restraint", "", `Armenia -role-> "Azerbaijan truce"`},
		{"Kenya, a key ally, hosted the talks.", "", `Kenya -role-> "a key ally"`},
		// A predicate with a preposition is a state, not a role; a
		// preposition before a description with a name is the phrase's.
		{"Dana Whitfield was in contact with the families.", `Dana Whitfield -be_in-> "contact with the families"`, `Dana Whitfield -role-> "in contact with the families"`},
		{"According to bank spokesman Tomas Berg, the fund lost money.", `Tomas Berg -role-> "bank spokesman"`, `Tomas Berg -be_according-> "bank spokesman"`},
	})
}

// TestAgentlessPassives checks that a participle hung on a noun states
// no passive fact, while a passive clause does.
func TestAgentlessPassives(t *testing.T) {
	checkRelations(t, []relationCase{
		{"A fisherman was arrested in Halden.", `"A fisherman" -be_arrest_in-> Halden`, ""},
		{"Joseph Kamau, 27, pulled away from Abebe Tola.", "", `Joseph Kamau -be_pull_from-> Abebe Tola`},
	})
}

// TestGerundSubject checks that a gerund subject acts as a noun does,
// and a pronoun left unresolved does not.
func TestGerundSubject(t *testing.T) {
	checkRelations(t, []relationCase{
		{"Fighting has killed more than 9,000 people.", `"Fighting" -kill-> "more than 9,000 people"`, ""},
		{"It has killed more than 9,000 people.", "", `"It" -kill-> "more than 9,000 people"`},
	})
}

// TestLongSubjects checks that a subject of more than six words that
// names no entity acts when it is a plain noun phrase, and not when it
// holds a verb, which a misread clause does.
func TestLongSubjects(t *testing.T) {
	checkRelations(t, []relationCase{
		{"Regulators in the United States and Canada opened investigations.", `"Regulators in the United States and Canada" -open-> "investigations"`, ""},
		{"Workers employed by the three largest firms in the region rejected the offer.", "", `"Workers employed by the three largest firms in the region" -reject-> "the offer"`},
	})
}

// TestUnrecognisedNames checks that a name the recogniser missed acts as
// a phrase does, and a month read as a subject does not.
func TestUnrecognisedNames(t *testing.T) {
	checkRelations(t, []relationCase{
		{"Software maker Orbis Systems will cut about 6,000 jobs, chief executive Laura Chen told staff.", `"Orbis Systems" -cut-> "about 6,000 jobs"`, ""},
		{"Fighting has killed more than 9,000 people since April and displaced over five million.", "", `"April" -displace-> "over five million"`},
	})
}

// TestReporterPronouns checks that "it" or "they" as the subject of what a
// phrase that names no entity reports stands for that phrase, when the
// pronoun acts and agrees with it in number.
func TestReporterPronouns(t *testing.T) {
	checkRelations(t, []relationCase{
		{"The government said it would appeal the decision.", `"The government" -appeal-> "the decision"`, ""},
		{"The lawyers said they would appeal to the supreme court.", `"The lawyers" -appeal_to-> "the supreme court"`, ""},
		{"The ministers said it would cut jobs.", "", `"The ministers" -cut-> "jobs"`},
		{"The minister said it depended on the weather.", "", `"The minister" -depend_on-> "the weather"`},
	})
}

// TestAppositionNamesActor checks that a description naming no entity
// acts as the entity its apposition names, and only then.
func TestAppositionNamesActor(t *testing.T) {
	checkRelations(t, []relationCase{
		{"The regional governor, Ines Carvalho, congratulated Dana Whitfield.", `Ines Carvalho -congratulate-> Dana Whitfield`, `"The regional governor" -congratulate-> Dana Whitfield`},
		{"The senator praised the new mayor, Carla Nunes.", `"The senator" -praise-> Carla Nunes`, `"The senator" -praise-> "the new mayor"`},
		// No name in apposition: the phrase itself acts.
		{"The governor, a former judge, praised the new plan.", `"The governor" -praise-> "the new plan"`, ""},
	})
}

// relationCase is a text, a relation wanted from it and one not wanted
// (either may be empty), written as relations writes them.
type relationCase struct{ text, want, not string }

// checkRelations analyses each case's text and checks its relations.
func checkRelations(t *testing.T, tests []relationCase) {
	t.Helper()
	for _, tt := range tests {
		got := relations(analyse(t, tt.text))
		if tt.want != "" && !slices.Contains(got, tt.want) {
			t.Errorf("%s\nmissing %s\ngot %s", tt.text, tt.want, strings.Join(got, "\n    "))
		}
		if tt.not != "" && slices.Contains(got, tt.not) {
			t.Errorf("%s\ngot %s", tt.text, tt.not)
		}
	}
}

// TestEventDayIsNoTopic checks that the day of a call ("a call on
// Friday") is not taken for what it was about.
func TestEventDayIsNoTopic(t *testing.T) {
	doc := analyse(t, "Maria Lopez and Carlos Ruiz held a 40-minute phone call on Friday, during which the two leaders discussed fishing quotas.")
	if len(doc.Events) != 1 {
		t.Fatalf("events = %+v, want one call", doc.Events)
	}
	var topics []string
	for _, tp := range doc.Events[0].Topics {
		topics = append(topics, tp.Text)
	}
	if !slices.Equal(topics, []string{"fishing quotas"}) {
		t.Errorf("topics = %q, want [fishing quotas]", topics)
	}
	if d := doc.Events[0].Duration; d != "PT40M" {
		t.Errorf("duration = %q, want PT40M", d)
	}
}

func TestEventsAndQuotes(t *testing.T) {
	doc := analyse(t, "Pedro Sanchez held a phone call with Olaf Scholz. The two leaders discussed trade during the call. "+
		"\"We agreed on the next steps,\" Sanchez told reporters.")
	if len(doc.Events) != 1 {
		t.Fatalf("events = %+v, want one call", doc.Events)
	}
	ev := doc.Events[0]
	// Mentioned three times: "a phone call", "discussed", "the call".
	if ev.Type != "CommunicateAction" || ev.Name != "call" || len(ev.Mentions) != 3 {
		t.Errorf("event = %+v, want a CommunicateAction call mentioned three times", ev)
	}
	var who []string
	for _, p := range ev.Participants {
		who = append(who, doc.Entities[p].Name)
	}
	if !slices.Equal(who, []string{"Pedro Sanchez", "Olaf Scholz"}) {
		t.Errorf("participants = %v", who)
	}
	if len(ev.Topics) != 1 || ev.Topics[0].Text != "trade" {
		t.Errorf("topics = %+v, want trade", ev.Topics)
	}
	if len(doc.Quotes) != 1 {
		t.Fatalf("quotes = %+v, want one", doc.Quotes)
	}
	q := doc.Quotes[0]
	if got := doc.SpanText(q.Span); got != "We agreed on the next steps" || !q.Direct || q.CueLemma != "tell" || refText(doc, q.Speaker) != "Pedro Sanchez" {
		t.Errorf("quote %q direct=%v cue=%s speaker=%s", got, q.Direct, q.CueLemma, refText(doc, q.Speaker))
	}
}

// TestStrangersStartAnEvent checks that people the text introduces
// ("fishery officials") start an event of their own, where people it
// points back to ("the two leaders") continue the last one.
func TestStrangersStartAnEvent(t *testing.T) {
	doc := analyse(t, "Pedro Sanchez held a phone call with Olaf Scholz. Spanish and German fishery officials discussed quotas. "+
		"The two leaders discussed trade.")
	var got []string
	for _, ev := range doc.Events {
		var topics []string
		for _, tp := range ev.Topics {
			topics = append(topics, tp.Text)
		}
		got = append(got, fmt.Sprintf("%s %d %s", ev.Name, len(ev.Participants), strings.Join(topics, ",")))
	}
	want := []string{"call 2 trade", "discuss 0 quotas"}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("events (name, participants, topics) = %q, want %q", got, want)
	}
}

// TestCallOfAVerb checks that a call named as where something was done
// ("discussed prices in a phone call with Macron") is the event of the
// verb: one call, with the verb's subject and the noun's partner.
func TestCallOfAVerb(t *testing.T) {
	doc := analyse(t, "Chancellor Olaf Scholz discussed energy prices in a phone call with Emmanuel Macron.")
	if len(doc.Events) != 1 {
		t.Fatalf("events = %+v, want one", doc.Events)
	}
	ev := doc.Events[0]
	var who, topics []string
	for _, p := range ev.Participants {
		who = append(who, doc.Entities[p].Name)
	}
	for _, tp := range ev.Topics {
		topics = append(topics, tp.Text)
	}
	slices.Sort(who)
	if ev.Name != "call" || !slices.Equal(who, []string{"Emmanuel Macron", "Olaf Scholz"}) || !slices.Equal(topics, []string{"energy prices"}) {
		t.Errorf("event %s with %q about %q, want a call with Emmanuel Macron and Olaf Scholz about energy prices", ev.Name, who, topics)
	}
}

// TestCallSenses checks that "call" is a communication only in its sense
// of calling someone: not when it names ("called the inquiry politically
// motivated", "called it a betrayal"), appeals ("called on …", "called
// for …") or convenes ("called a strike").
func TestCallSenses(t *testing.T) {
	for text, want := range map[string]int{
		"Vladimir Putin called Donald Trump on Friday.":                         1,
		"Vladimir Putin called his counterpart on Friday.":                      1,
		"His lawyer, Ana Duarte, called the inquiry politically motivated.":     0,
		"She called it a betrayal.":                                             0,
		"The United Nations called on all armed groups to respect aid workers.": 0,
		"Opposition parties called for early elections.":                        0,
		"The union called a strike for Monday.":                                 0,
		// The noun: a demand with its infinitive or its "for".
		"The minister faced calls to resign.":                0,
		"There were growing calls for a ceasefire.":          0,
		"Putin and Trump held a phone call on Friday.":       1,
		"The call lasted an hour.":                           1,
		"Officials described a phone call for urgent talks.": 2,
	} {
		doc := analyse(t, text)
		calls := 0
		for _, ev := range doc.Events {
			if ev.Type == "CommunicateAction" {
				calls++
			}
		}
		if calls != want {
			t.Errorf("%q: %d communications, want %d", text, calls, want)
		}
	}
}

// TestScareQuoteIsNoQuote checks that words in quotation marks that a
// parse takes for what a verb reports, but that are no clause ("discuss
// 'very alarming' tensions"), are not a quote, while a quoted copular
// sentence is. The parses are written out, as a parser gets them, so that
// the test does not depend on the shipped model.
func TestScareQuoteIsNoQuote(t *testing.T) {
	const headline = `1	Lula	Lula	PROPN	NNP	_	3	nsubj	_	_
2	Modi	Modi	PROPN	NNP	_	1	conj	_	_
3	discuss	discuss	VERB	VBP	_	0	root	_	_
4	'	'	PUNCT	` + "``" + `	_	6	punct	_	SpaceAfter=No
5	very	very	ADV	RB	_	6	advmod	_	_
6	alarming	alarming	ADJ	JJ	_	3	ccomp	_	SpaceAfter=No
7	'	'	PUNCT	''	_	6	punct	_	_
8	tensions	tension	NOUN	NNS	_	6	appos	_	_
`
	const said = `1	"	"	PUNCT	` + "``" + `	_	4	punct	_	SpaceAfter=No
2	Prices	price	NOUN	NNS	_	4	nsubj	_	_
3	are	be	AUX	VBP	_	4	cop	_	_
4	high	high	ADJ	JJ	_	7	ccomp	_	SpaceAfter=No
5	,	,	PUNCT	,	_	4	punct	_	SpaceAfter=No
6	"	"	PUNCT	''	_	4	punct	_	_
7	said	say	VERB	VBD	_	0	root	_	_
8	Ruiz	Ruiz	PROPN	NNP	_	7	nsubj	_	SpaceAfter=No
9	.	.	PUNCT	.	_	7	punct	_	_
`
	stages := extract.Pipeline{timex.New(), clause.Extractor{}, entity.New(gazetteer.Default()), fact.Reader{}}
	for _, tt := range []struct {
		conll string
		want  []string
	}{
		{headline, nil},
		{said, []string{"Prices are high"}},
	} {
		sents, err := conllu.Read(strings.NewReader(tt.conll + "\n"))
		if err != nil {
			t.Fatal(err)
		}
		doc := conllu.ToDocument(sents)
		if err := stages.Process(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, q := range doc.Quotes {
			got = append(got, doc.SpanText(q.Span))
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: quotes %q, want %q", doc.Text, got, tt.want)
		}
	}
}

// TestDirectQuotes checks which reported words are quoted as spoken: a
// quote closed in its sentence but opened in the one before is; reported
// speech ending on a quoted word is not.
func TestDirectQuotes(t *testing.T) {
	for _, tt := range []struct {
		text, quote string
		direct      bool
	}{
		{`Ana Ruiz said the ministry would act "quickly".`, `the ministry would act "quickly"`, false},
		{`"The talks went well. We will meet again in May," Ana Ruiz said.`, "We will meet again in May", true},
		{`"We will meet again in May," Ana Ruiz said.`, "We will meet again in May", true},
	} {
		doc := analyse(t, tt.text)
		found := false
		for _, q := range doc.Quotes {
			if doc.SpanText(q.Span) == tt.quote {
				found = true
				if q.Direct != tt.direct {
					t.Errorf("%s: %q direct = %v, want %v", tt.text, tt.quote, q.Direct, tt.direct)
				}
			}
		}
		if !found {
			var got []string
			for _, q := range doc.Quotes {
				got = append(got, doc.SpanText(q.Span))
			}
			t.Errorf("%s: no quote %q among %q", tt.text, tt.quote, got)
		}
	}
}

func TestQuoteSources(t *testing.T) {
	doc := analyse(t, "A spokesman for the Red Cross said the roads were closed. "+
		"The sanctions will take effect next month, according to a statement from the European Commission. "+
		"Its leader, Maja Ek, said the government had lost the trust of voters. "+
		"According to Ahmed Salah, a spokesman for the ministry, the talks will resume on Monday. "+
		"Parents in Lagos said the schools had closed without notice.")
	var got []string
	for _, q := range doc.Quotes {
		got = append(got, refText(doc, q.Speaker)+": "+doc.SpanText(q.Span))
	}
	for _, w := range []string{
		"International Committee of the Red Cross: the roads were closed",
		"European Commission: The sanctions will take effect next month",
		"Maja Ek: the government had lost the trust of voters",
		"Ahmed Salah: the talks will resume on Monday",
		// Where people are is not whom they speak for.
		`"Parents in Lagos": the schools had closed without notice`,
	} {
		if !slices.Contains(got, w) {
			t.Errorf("missing quote %q; got %q", w, got)
		}
	}
}

// TestContinuedQuotes checks that a sentence wholly inside quotation marks
// right after a direct quote is the same speaker's, and that nothing else
// is.
func TestContinuedQuotes(t *testing.T) {
	doc := analyse(t, `"This is a dark day," said Defence Minister Ilse Brandt. "We will not forget the victims." `+
		`"Nobody was warned." The storm hit at night. "It was chaos."`)
	var got []string
	for _, q := range doc.Quotes {
		got = append(got, refText(doc, q.Speaker)+": "+doc.SpanText(q.Span))
	}
	want := []string{
		"Ilse Brandt: This is a dark day",
		"Ilse Brandt: We will not forget the victims",
		"Ilse Brandt: Nobody was warned",
	}
	if !slices.Equal(got, want) {
		t.Errorf("quotes %q, want %q (the last quote follows a sentence of the writer's)", got, want)
	}
}

// TestArgumentTimes checks that a time the parser hung on an argument
// dates the relation, as one on the verb does, and that a time that says
// which thing is meant does not.
func TestArgumentTimes(t *testing.T) {
	tests := []struct {
		text, predicate string
		dated           bool
	}{
		{"The central bank raised its main rate by half a point on Thursday.", "raise_by", true},
		{"The central bank raised its main rate on Thursday.", "raise", true},
		{"The central bank raised its main rate by half a point.", "raise_by", false},
		{"Kovac praised the champions of 2005.", "praise", false},
	}
	m, err := pipeline.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		// Published on a Monday, so that "Thursday" has a date.
		doc := &extract.Document{Text: tt.text, Published: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)}
		if err := m.Extraction().Process(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		found := false
		for _, r := range doc.Relations {
			if r.Predicate != tt.predicate {
				continue
			}
			found = true
			if (r.Date != "") != tt.dated {
				t.Errorf("%s: %s dated %q, want dated %v", tt.text, r.Predicate, r.Date, tt.dated)
			}
		}
		if !found {
			t.Errorf("%s: no %s relation in %v", tt.text, tt.predicate, relations(doc))
		}
	}
}
