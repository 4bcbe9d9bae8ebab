package pipeline

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
)

// newsTagCases are news-shaped sentences written for this test, with the
// UPOS their key words must get, marked "[word|UPOS]". They are the shapes
// news is made of and EWT (web text) has few of: long titled names as
// subjects, coordinated names, "X said" and "X told Y", passives, quotes
// followed by their speaker, datelines, numbers and title-case headlines.
// A wrong tag on one of these words (above all a verb tagged as a noun)
// leaves the parser without a predicate.
var newsTagCases = []struct {
	shape string
	text  string
}{
	// Names and titles as subjects, alone and coordinated.
	{"coordinated names", "Vladimir [Putin|PROPN] and Donald [Trump|PROPN] [spoke|VERB|VBD] by telephone on [Saturday|PROPN]."},
	{"coordinated titled names", "[Russian|ADJ] President Vladimir [Putin|PROPN] and U.S. President Donald Trump [spoke|VERB] by [telephone|NOUN] on Saturday."},
	{"plural subject", "The two [presidents|NOUN] [spoke|VERB|VBD] by telephone on Saturday."},
	{"titled name", "German Chancellor Olaf [Scholz|PROPN] [met|VERB] French President Emmanuel [Macron|PROPN] in [Berlin|PROPN] on Tuesday."},
	{"titled name", "Turkish President Recep Tayyip Erdogan [spoke|VERB] with Ukrainian President Volodymyr Zelensky about grain [exports|NOUN]."},
	{"titled name", "U.S. Secretary of State Antony Blinken [arrived|VERB] in [Cairo|PROPN] on Monday for [talks|NOUN] on the crisis."},
	{"titled name", "Defense Minister Ilana Roth [visited|VERB] [troops|NOUN] near the northern border on Wednesday."},
	{"titled name", "Secretary-General Amara Osei [called|VERB] for an immediate [ceasefire|NOUN] and the release of all hostages."},
	{"titled name", "Former Secretary of State Helen Marsh [said|VERB] she [would|AUX] not [run|VERB] for office again."},
	{"titled name", "President Joe Biden [signed|VERB] the executive [order|NOUN] at the White House on Friday."},
	{"titled name", "Kenyan runner Faith Wanjiru [won|VERB] the women's 1,500 metres in a championship [record|NOUN]."},
	{"long name with apposition", "Sen. Laura Whitfield, a Democrat from Oregon, [criticized|VERB] the [plan|NOUN] as too costly."},
	{"long name with apposition", "The mayor of Chicago, Daniel Reyes Ortiz, [said|VERB] on Friday that the city [would|AUX] [appeal|VERB] the ruling."},
	{"coordinated organisations", "Apple and Google [agreed|VERB] to [settle|VERB] the lawsuit out of court."},
	{"coordinated organisations", "The European Union and the United Kingdom [reached|VERB] a trade [deal|NOUN] late on Thursday."},
	{"coordinated places", "Officials in Kyiv and Warsaw [confirmed|VERB] the [meeting|NOUN] but gave no details."},
	{"coordinated names", "Hamas and Israel [exchanged|VERB] [fire|NOUN] overnight along the border."},
	{"long name", "Chinese Foreign Ministry spokesman Lin Jian [told|VERB] a regular news [briefing|NOUN] in Beijing that the talks [had|AUX] [gone|VERB] well."},

	{"titled name, present tense", "NATO Secretary General Mark Rutte [urges|VERB|VBZ] allies to [spend|VERB] more on [defence|NOUN]."},
	{"titled name, present tense", "House Speaker Mike Johnson [faces|VERB|VBZ] a [revolt|NOUN] from his own party."},
	{"titled name, present tense", "Fed Chair Jerome Powell [warns|VERB|VBZ] of slower [growth|NOUN] ahead."},
	{"titled name", "Apple Chief Executive Tim Cook [unveiled|VERB|VBD] the new [phone|NOUN] on Tuesday."},
	{"titled name", "Bank of England Governor Andrew Bailey [signalled|VERB|VBD] that [rates|NOUN] [could|AUX] [fall|VERB] soon."},
	{"name, present tense", "Ukraine [says|VERB|VBZ] Russian [drones|NOUN] [hit|VERB] its power grid overnight."},
	{"name, present tense", "Putin [vows|VERB|VBZ] a tough [response|NOUN] after the attack on Moscow."},
	{"names, present tense", "Microsoft and OpenAI [face|VERB|VBP] a new [lawsuit|NOUN] over training data."},
	{"name, present tense", "Acme Industries [plans|VERB|VBZ] to [cut|VERB] 500 jobs in Ohio."},
	{"name, present tense", "Taylor Swift [tops|VERB|VBZ] the [charts|NOUN] for a tenth week."},
	{"organisation", "The United Nations Security Council [votes|VERB|VBZ] on the [resolution|NOUN] on Monday."},
	{"possessive organisation", "Russia's Defence Ministry [said|VERB|VBD] its [forces|NOUN] [had|AUX] [captured|VERB|VBN] two villages."},
	{"fronted participle", "Speaking to reporters, Johnson [said|VERB|VBD] the vote [would|AUX] [go|VERB] ahead."},

	// Reported speech: "X said", "X told Y", quotes followed by the speaker.
	{"X said", "Unemployment [fell|VERB] to 3.9 percent in March, the Labor Department [said|VERB]."},
	{"X said", "Police [said|VERB] the [suspect|NOUN] [had|AUX] [fled|VERB] the scene on foot."},
	{"X said", "Microsoft [said|VERB] it [would|AUX] [cut|VERB] 10,000 [jobs|NOUN] by the end of the year."},
	{"X said", "North Korea [fired|VERB] a ballistic [missile|NOUN] into the sea, South Korea's military [said|VERB]."},
	{"X said", "The company [said|VERB] in a statement that no [customer|NOUN] [data|NOUN] [had|AUX] [been|AUX] [stolen|VERB]."},
	{"X told Y", "Chief Executive Mark Ellison [told|VERB] [investors|NOUN] the company [expected|VERB] higher [sales|NOUN] next year."},
	{"X told Y", "A senior official [told|VERB] [Reuters|PROPN] that the [talks|NOUN] [would|AUX] [resume|VERB] next week."},
	{"quote then X said", "\"We will not back down,\" Prime Minister Anna Lindqvist [said|VERB]."},
	{"quote then X said", "\"The talks were productive,\" the [spokesman|NOUN] [told|VERB] [reporters|NOUN]."},
	{"quote then said X", "\"It is a sad day for our country,\" [said|VERB] Senator Tom Walsh."},
	{"quote then X added", "\"Nobody expected this,\" she [added|VERB]."},

	// Passives.
	{"passive", "The [bill|NOUN] [was|AUX] [passed|VERB] by the Senate on Thursday."},
	{"passive", "Three people [were|AUX] [killed|VERB] when a bus [overturned|VERB] near Lyon."},
	{"passive", "The [suspect|NOUN] [was|AUX] [arrested|VERB] on Tuesday, police [said|VERB]."},
	{"passive", "More than 200 [flights|NOUN] [were|AUX] [cancelled|VERB] at Heathrow Airport."},
	{"passive", "The hurricane [is|AUX] [expected|VERB] to [make|VERB] [landfall|NOUN] on Friday."},

	// Datelines.
	{"dateline", "LONDON — British Prime Minister Keir Starmer [announced|VERB] new [sanctions|NOUN] on Monday."},
	{"dateline", "WASHINGTON (AP) — The Federal Reserve [raised|VERB] interest [rates|NOUN] by a quarter point on Wednesday."},
	{"dateline", "NAIROBI, Kenya — Heavy [rains|NOUN] [have|AUX] [displaced|VERB] more than 40,000 people."},

	// Numbers.
	{"numbers", "The death [toll|NOUN] [rose|VERB] to [41|NUM] on Wednesday."},
	{"numbers", "Shares of Tesla [fell|VERB] [5|NUM] percent after the report."},
	{"numbers", "The company [reported|VERB] a net [loss|NOUN] of $[42|NUM] [million|NUM] for the quarter."},
	{"numbers", "Thousands of [protesters|NOUN] [marched|VERB] through central Paris on Sunday."},

	// Plain news sentences.
	{"plain", "The [ceasefire|NOUN] [took|VERB] effect at midnight."},
	{"plain", "Rescue [workers|NOUN] [searched|VERB] through the rubble for survivors."},
	{"plain", "The [ministry|NOUN] [has|AUX] not [commented|VERB] on the reports."},
	{"plain", "Investigators [believe|VERB] the [fire|NOUN] [started|VERB] in the kitchen."},
	{"plain", "The prime [minister|NOUN] [spoke|VERB] to reporters after the meeting."},
	{"plain", "Judge Maria Alvarez [ruled|VERB] that the [law|NOUN] [was|AUX] unconstitutional."},

	// Headlines in title case.
	{"headline", "[Putin|PROPN] and Trump [Discuss|VERB] Ukraine in Phone Call"},
	{"headline", "Storm [Leaves|VERB] Thousands Without Power in Texas"},
	{"headline", "Senate [Passes|VERB] Budget Bill After Long Night"},
	{"headline", "Oil Prices [Rise|VERB] as Supply Fears [Grow|VERB]"},
}

// newsTagHard are news sentences the tagger still gets wrong, kept to
// measure progress: TestNewsTags logs how they are tagged and says when
// one comes right, so that it can move to newsTagCases. They share a
// trouble: a present-tense verb that EWT train has only as a plural noun
// ("steps" 15 times, "forces" 32), after a run of capitalised words; or a
// past tense read as a participle modifying the noun after it ("raised
// rates", as in "newly raised rates"), when no other verb is in sight.
var newsTagHard = []struct {
	shape string
	text  string
}{
	{"titled name, present tense", "Boeing CEO Dave Calhoun [steps|VERB|VBZ] down after a year of crises."},
	{"headline", "Flooding [Forces|VERB] Evacuations in Northern Italy"},
	{"headline", "[Biden|PROPN] [Signs|VERB] Climate Bill Into Law"},
	{"common-noun subject, past tense", "The central bank [raised|VERB|VBD] rates on June 22."},
}

// keyTag is one marked word of a news sentence: its byte offset in the
// plain text, the UPOS it must have and, if marked "[word|UPOS|XPOS]", the
// XPOS (where it decides the parse: "spoke" as VBN makes a participle).
type keyTag struct {
	start            int
	form, upos, xpos string
}

var keyTagMark = regexp.MustCompile(`\[([^|\]]+)\|([A-Z]+)(?:\|([A-Z$]+))?\]`)

// unmark returns a sentence without its marks, and the marked words.
func unmark(marked string) (string, []keyTag) {
	var b strings.Builder
	var keys []keyTag
	last := 0
	for _, m := range keyTagMark.FindAllStringSubmatchIndex(marked, -1) {
		b.WriteString(marked[last:m[0]])
		k := keyTag{start: b.Len(), form: marked[m[2]:m[3]], upos: marked[m[4]:m[5]]}
		if m[6] >= 0 {
			k.xpos = marked[m[6]:m[7]]
		}
		keys = append(keys, k)
		b.WriteString(k.form)
		last = m[1]
	}
	b.WriteString(marked[last:])
	return b.String(), keys
}

// TestNewsTags runs the shipped tokenizer, sentence splitter and tagger on
// news-shaped sentences and checks the tags of their key words.
func TestNewsTags(t *testing.T) {
	m := models(t)
	stages := extract.Pipeline{m.Tokenizer, m.Segmenter, m.Tagger}
	keys := 0
	for _, tc := range newsTagCases {
		text, want := unmark(tc.text)
		keys += len(want)
		t.Run(tc.shape, func(t *testing.T) {
			for _, msg := range wrongKeyTags(t, stages, text, want) {
				t.Error(msg)
			}
		})
	}
	if len(newsTagCases) < 40 || keys < 100 {
		t.Errorf("only %d sentences with %d key words", len(newsTagCases), keys)
	}
	for _, tc := range newsTagHard {
		text, want := unmark(tc.text)
		if wrong := wrongKeyTags(t, stages, text, want); len(wrong) > 0 {
			t.Logf("known hard case, still wrong: %s", strings.Join(wrong, "; "))
		} else {
			t.Logf("known hard case now right, move it to newsTagCases: %q", text)
		}
	}
}

// wrongKeyTags tags text with stages and describes the key words whose
// tags are not those wanted.
func wrongKeyTags(t *testing.T, stages extract.Pipeline, text string, want []keyTag) []string {
	t.Helper()
	doc := &extract.Document{Text: text}
	if err := stages.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	var wrong []string
	for _, k := range want {
		i := tokenAt(doc, k.start)
		if i < 0 || doc.Form(&doc.Tokens[i]) != k.form {
			wrong = append(wrong, fmt.Sprintf("%q: no token %q at byte %d", text, k.form, k.start))
			continue
		}
		tok := &doc.Tokens[i]
		if tok.UPOS != k.upos || k.xpos != "" && tok.XPOS != k.xpos {
			wrong = append(wrong, fmt.Sprintf("%q: %q tagged %s %s, want %s %s\n%s", text, k.form, tok.UPOS, tok.XPOS, k.upos, k.xpos, tagged(doc)))
		}
	}
	return wrong
}

// tokenAt returns the index of the token starting at byte start, or -1.
func tokenAt(doc *extract.Document, start int) int {
	for i, tok := range doc.Tokens {
		if tok.Start == start {
			return i
		}
	}
	return -1
}

// tagged renders a document as "form/UPOS/XPOS" words.
func tagged(doc *extract.Document) string {
	var b strings.Builder
	for i := range doc.Tokens {
		tok := &doc.Tokens[i]
		fmt.Fprintf(&b, "%s/%s/%s ", doc.Form(tok), tok.UPOS, tok.XPOS)
	}
	return b.String()
}

func TestUnmark(t *testing.T) {
	text, keys := unmark("The [bill|NOUN] passed, [he|PRON] [said|VERB|VBD].")
	if text != "The bill passed, he said." {
		t.Errorf("text %q", text)
	}
	want := []keyTag{{4, "bill", "NOUN", ""}, {17, "he", "PRON", ""}, {20, "said", "VERB", "VBD"}}
	if fmt.Sprint(keys) != fmt.Sprint(want) {
		t.Errorf("keys %v, want %v", keys, want)
	}
}
