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

// TestUnknownForms checks the fallbacks for forms the tables do not know
// with their tags.
func TestUnknownForms(t *testing.T) {
	var sents []conllu.Sentence
	for _, line := range []string{
		// "-oked" mostly loses "ed", "-ed" mostly "d"; "provoke" is a known
		// lemma, "provok" is not.
		"looked/VERB/VBD/look booked/VERB/VBD/book cooked/VERB/VBD/cook",
		"smoked/VERB/VBD/smoke joked/VERB/VBD/joke liked/VERB/VBD/like saved/VERB/VBD/save moved/VERB/VBD/move",
		"provoke/VERB/VB/provoke won/VERB/VBD/win",
		// "-ened" loses "ed"; "intervene" is seen only as "intervening".
		"opened/VERB/VBD/open happened/VERB/VBD/happen listened/VERB/VBD/listen intervening/VERB/VBG/intervene",
		// "-ped" is "stopped" and the like: a doubled consonant taken off.
		"stopped/VERB/VBD/stop dropped/VERB/VBD/drop shopped/VERB/VBD/shop",
		// "-umed" is seen only as VBN, "-med" as VBD loses "ed".
		"assumed/VERB/VBN/assume consumed/VERB/VBN/consume formed/VERB/VBD/form claimed/VERB/VBD/claim",
		// "stuck" is the only past tense in "-ck": its rule cuts more
		// than that ending.
		"stuck/VERB/VBD/stick",
		// An adjective that is part of a name keeps its capital; one that
		// starts a sentence does not.
		"Upper/ADJ/NNP/Upper Fast/ADJ/JJ/fast Slow/ADJ/JJ/slow",
	} {
		var s conllu.Sentence
		for i, tok := range strings.Fields(line) {
			p := strings.Split(tok, "/")
			s.Words = append(s.Words, conllu.Word{ID: i + 1, Form: p[0], UPOS: p[1], XPOS: p[2], Lemma: p[3]})
		}
		sents = append(sents, s)
	}
	m, err := Train(context.Background(), sents, nil, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ form, upos, xpos, lemma string }{
		{"hooked", "VERB", "VBD", "hook"},          // longest ending: "-oked" loses "ed"
		{"provoked", "VERB", "VBD", "provoke"},     // a shorter ending's rule gives a known lemma
		{"won", "VERB", "VBN", "win"},              // known as VBD, its twin
		{"intervened", "VERB", "VBD", "intervene"}, // the lemma is known from another form
		{"threatened", "VERB", "VBD", "threaten"},  // "threatene" is no known lemma
		{"wiped", "VERB", "VBD", "wipe"},           // "-ped" undoubles, but "wiped" has no double
		{"resumed", "VERB", "VBD", "resume"},       // "-umed" learned from VBN forms
		{"presumed", "VERB", "VBN", "presume"},     // and from them for VBN
		{"sack", "VERB", "VBD", "sack"},            // "uck" → "ick" cuts more than "ck": no rule, not "sick"
		{"Lower", "ADJ", "NNP", "Lower"},           // casing learned for ADJ NNP
		{"Quick", "ADJ", "JJ", "quick"},            // casing learned for ADJ JJ
	} {
		if lemma, _ := m.Analyze(tc.form, tc.upos, tc.xpos, ""); lemma != tc.lemma {
			t.Errorf("Analyze(%q, %s, %s) = %q, want %q", tc.form, tc.upos, tc.xpos, lemma, tc.lemma)
		}
	}
}

// TestIsCVC checks the stems whose "-ed" and "-ing" forms drop a silent
// "e".
func TestIsCVC(t *testing.T) {
	for stem, want := range map[string]bool{
		"fin": true, "tim": true, "hop": true, "shin": true, "quot": true, "us": true,
		"join": false, "open": false, "visit": false, "fix": false, "bow": false, "play": false,
		"plan": true, "a": false, "strengthen": false, "Fin": false, "see": false,
	} {
		if got := isCVC(stem); got != want {
			t.Errorf("isCVC(%q) = %v, want %v", stem, got, want)
		}
	}
}
