package morph

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/conllu"
)

func TestEdits(t *testing.T) {
	for _, tc := range []struct{ form, lemma string }{
		{"said", "say"},
		{"The", "the"},
		{"Zaman", "Zaman"},
		{"iPhones", "iPhone"},
		{"countries", "country"},
		{"went", "go"},
		{"n't", "not"},
		{"cafés", "café"},
		{"", ""},
	} {
		a := editFor(tc.form, tc.lemma, "")
		if got := a.apply(tc.form); got != tc.lemma {
			t.Errorf("editFor(%q, %q) = %+v, which gives %q", tc.form, tc.lemma, a, got)
		}
		back, err := decode(encode(a))
		if err != nil || back != a {
			t.Errorf("encode/decode %+v: got %+v, %v", a, back, err)
		}
	}
}

// corpus is "form/UPOS/XPOS/lemma/feats" tokens.
var corpus = []string{
	"Ministers/NOUN/NNS/minister/Number=Plur met/VERB/VBD/meet/Tense=Past",
	"The/DET/DT/the/_ parties/NOUN/NNS/party/Number=Plur talked/VERB/VBD/talk/Tense=Past",
	"Cities/NOUN/NNS/city/Number=Plur walked/VERB/VBD/walk/Tense=Past",
	"studies/NOUN/NNS/study/Number=Plur jumped/VERB/VBD/jump/Tense=Past",
	"Paris/PROPN/NNP/Paris/Number=Sing Rome/PROPN/NNP/Rome/Number=Sing",
}

func train(t *testing.T) *Model {
	t.Helper()
	var sents []conllu.Sentence
	for _, line := range corpus {
		var s conllu.Sentence
		for i, tok := range strings.Fields(line) {
			p := strings.Split(tok, "/")
			s.Words = append(s.Words, conllu.Word{ID: i + 1, Form: p[0], UPOS: p[1], XPOS: p[2], Lemma: p[3], Feats: p[4]})
		}
		sents = append(sents, s)
	}
	m, err := Train(context.Background(), sents, nil, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestAnalyze(t *testing.T) {
	m := train(t)
	for _, tc := range []struct{ form, upos, xpos, lemma, feats string }{
		{"met", "VERB", "VBD", "meet", "Tense=Past"},        // known word
		{"The", "DET", "DT", "the", ""},                     // known, case folded
		{"THE", "DET", "DT", "the", ""},                     // case-insensitive lookup
		{"Parties", "NOUN", "NNS", "party", "Number=Plur"},  // known word, capitalised
		{"armies", "NOUN", "NNS", "army", "Number=Plur"},    // rule: -ies → -y
		{"kicked", "VERB", "VBD", "kick", "Tense=Past"},     // rule: -ed → ""
		{"London", "PROPN", "NNP", "London", "Number=Sing"}, // names keep case
		{"xyz", "X", "FW", "xyz", ""},                       // unknown tags: the form itself
	} {
		lemma, feats := m.Analyze(tc.form, tc.upos, tc.xpos, "")
		if lemma != tc.lemma || feats != tc.feats {
			t.Errorf("Analyze(%q, %s, %s) = %q, %q; want %q, %q", tc.form, tc.upos, tc.xpos, lemma, feats, tc.lemma, tc.feats)
		}
	}
}

func TestRoundTrip(t *testing.T) {
	m := train(t)
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	back, err := Load(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"met", "armies", "kicked", "Paris", "The"} {
		for _, tags := range [][2]string{{"VERB", "VBD"}, {"NOUN", "NNS"}, {"PROPN", "NNP"}, {"DET", "DT"}} {
			l1, f1 := m.Analyze(w, tags[0], tags[1], "")
			l2, f2 := back.Analyze(w, tags[0], tags[1], "")
			if l1 != l2 || f1 != f2 {
				t.Errorf("%s %v: %q %q before, %q %q after", w, tags, l1, f1, l2, f2)
			}
		}
	}
	if _, err := Load(bytes.NewReader(buf.Bytes()[:buf.Len()/2])); err == nil {
		t.Error("a truncated model loaded")
	}
}
