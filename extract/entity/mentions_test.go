package entity

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
)

// echoDoc builds a document of one sentence from words written
// "form/UPOS", every word its own token; names lists the entities already
// found, as "Name/TYPE/first/last" token spans.
func echoDoc(words string, names ...string) *extract.Document {
	doc := &extract.Document{}
	var text strings.Builder
	for _, w := range strings.Fields(words) {
		form, upos, _ := strings.Cut(w, "/")
		if text.Len() > 0 {
			text.WriteByte(' ')
		}
		start := text.Len()
		text.WriteString(form)
		doc.Tokens = append(doc.Tokens, extract.Token{Start: start, End: text.Len(), UPOS: upos, DepRel: "nsubj"})
	}
	doc.Text = text.String()
	doc.Sentences = []extract.Sentence{{First: 0, Last: len(doc.Tokens)}}
	for _, n := range names {
		var e extract.Entity
		var sp extract.Span
		p := strings.Split(n, "/")
		e.Name, e.Type = p[0], p[1]
		sp.First, _ = strconv.Atoi(p[2])
		sp.Last, _ = strconv.Atoi(p[3])
		e.Mentions = []extract.Span{sp}
		doc.Entities = append(doc.Entities, e)
	}
	return doc
}

// TestEchoes checks which missed names join an entity found before them.
func TestEchoes(t *testing.T) {
	tests := []struct {
		name, words string
		entities    []string
		want        [][]extract.Span // each entity's mentions after
	}{
		{"an organisation's first word",
			"Kessler/PROPN Automotive/PROPN lost/VERB ./PUNCT Kessler/PROPN said/VERB",
			[]string{"Kessler Automotive/ORG/0/2"},
			[][]extract.Span{{{First: 0, Last: 2}, {First: 4, Last: 5}}}},
		{"a person's family name, not the first name",
			"Martina/PROPN Vogt/PROPN ruled/VERB ./PUNCT Vogt/PROPN and/CCONJ Martina/PROPN left/VERB",
			[]string{"Martina Vogt/PER/0/2"},
			[][]extract.Span{{{First: 0, Last: 2}, {First: 4, Last: 5}}}},
		{"a person's first word is no echo, nor a place's",
			"Anna/PROPN Berg/PROPN saw/VERB New/PROPN York/PROPN ./PUNCT Anna/PROPN left/VERB New/PROPN",
			[]string{"Anna Berg/PER/0/2", "New York/LOC/3/5"},
			[][]extract.Span{{{First: 0, Last: 2}}, {{First: 3, Last: 5}}}},
		{"a name before the entity's first mention",
			"Kessler/PROPN said/VERB ./PUNCT Kessler/PROPN Automotive/PROPN lost/VERB",
			[]string{"Kessler Automotive/ORG/3/5"},
			[][]extract.Span{{{First: 0, Last: 1}, {First: 3, Last: 5}}}},
		{"a whole name tagged as a common noun inside a sentence",
			"Swiss/ADJ drugmaker/NOUN Pellam/NOUN recalled/VERB pills/NOUN ./PUNCT Pellam/PROPN fell/VERB",
			[]string{"Pellam/ORG/6/7"},
			[][]extract.Span{{{First: 2, Last: 3}, {First: 6, Last: 7}}}},
		{"part of a name tagged as a common noun: left alone",
			"The/DET Kessler/NOUN said/VERB ./PUNCT Kessler/PROPN Automotive/PROPN lost/VERB",
			[]string{"Kessler Automotive/ORG/4/6"},
			[][]extract.Span{{{First: 4, Last: 6}}}},
		{"a whole name before a part of one",
			"Kessler/PROPN Automotive/PROPN lost/VERB ./PUNCT Kessler/PROPN said/VERB Kessler/PROPN fell/VERB",
			[]string{"Kessler Automotive/ORG/0/2", "Kessler/PER/6/7"},
			[][]extract.Span{{{First: 0, Last: 2}}, {{First: 4, Last: 5}, {First: 6, Last: 7}}}},
		{"two entities it could repeat: left alone",
			"Anna/PROPN Berg/PROPN met/VERB Lars/PROPN Berg/PROPN ./PUNCT Berg/PROPN left/VERB",
			[]string{"Anna Berg/PER/0/2", "Lars Berg/PER/3/5"},
			[][]extract.Span{{{First: 0, Last: 2}}, {{First: 3, Last: 5}}}},
	}
	for _, tt := range tests {
		doc := echoDoc(tt.words, tt.entities...)
		echoes(doc)
		for e, want := range tt.want {
			if got := doc.Entities[e].Mentions; !slices.Equal(got, want) {
				t.Errorf("%s: %s has mentions %v, want %v", tt.name, doc.Entities[e].Name, got, want)
			}
		}
	}
}

// TestOrganisationFirstWord checks that a one-word name joins the
// organisation whose name it starts, whatever type the recogniser gave it,
// and that a person's family name still goes to the person.
func TestOrganisationFirstWord(t *testing.T) {
	doc := echoDoc("Kessler/PROPN Automotive/PROPN cut/VERB ./PUNCT Kessler/PROPN fell/VERB Anna/PROPN Berg/PROPN Berg/PROPN")
	mention := func(first, last int, typ string) named {
		return named{Mention: extract.Mention{Span: extract.Span{First: first, Last: last}, Type: typ}}
	}
	ents := group(doc, []named{mention(0, 2, "ORG"), mention(4, 5, "PER"), mention(6, 8, "PER"), mention(8, 9, "PER")})
	var got []string
	for _, e := range ents {
		got = append(got, fmt.Sprintf("%s %s %v", e.Name, e.Type, e.Mentions))
	}
	want := []string{"Kessler Automotive ORG [{0 2} {4 5}]", "Anna Berg PER [{6 8} {8 9}]"}
	if !slices.Equal(got, want) {
		t.Errorf("entities %q, want %q", got, want)
	}
}

// TestHeadNamed checks which entity "the X" refers to by the last word of
// its name.
func TestHeadNamed(t *testing.T) {
	tests := []struct {
		name, words string
		entities    []string
		the         extract.Span
		want        int
	}{
		{"the last word of an organisation's name",
			"Thornbury/PROPN Bank/PROPN fined/VERB ./PUNCT the/DET bank/NOUN paid/VERB",
			[]string{"Thornbury Bank/ORG/0/2"}, extract.Span{First: 4, Last: 6}, 0},
		{"the one mentioned last",
			"Alba/PROPN Bank/PROPN and/CCONJ Rhon/PROPN Bank/PROPN met/VERB ./PUNCT the/DET bank/NOUN paid/VERB",
			[]string{"Alba Bank/ORG/0/2", "Rhon Bank/ORG/3/5"}, extract.Span{First: 7, Last: 9}, 1},
		{"a plural: none",
			"Thornbury/PROPN Bank/PROPN fined/VERB ./PUNCT the/DET banks/NOUN paid/VERB",
			[]string{"Thornbury Bank/ORG/0/2"}, extract.Span{First: 4, Last: 6}, -1},
		{"a person's name: none",
			"Anna/PROPN Bank/PROPN spoke/VERB ./PUNCT the/DET bank/NOUN paid/VERB",
			[]string{"Anna Bank/PER/0/2"}, extract.Span{First: 4, Last: 6}, -1},
		{"not after the: none",
			"Thornbury/PROPN Bank/PROPN fined/VERB ./PUNCT a/DET bank/NOUN paid/VERB",
			[]string{"Thornbury Bank/ORG/0/2"}, extract.Span{First: 4, Last: 6}, -1},
	}
	for _, tt := range tests {
		doc := echoDoc(tt.words, tt.entities...)
		if got := headNamed(doc, tt.the); got != tt.want {
			t.Errorf("%s: got entity %d, want %d", tt.name, got, tt.want)
		}
	}
}
