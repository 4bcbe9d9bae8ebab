package parse

import (
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph/extract/conllu"
	"github.com/newsgraph/newsgraph/extract/perceptron"
)

func TestShape(t *testing.T) {
	tests := []struct {
		form string
		want uint64
	}{
		{"walrus", 0},
		{"Zanzibar", 1},
		{"B-52", 1 | 2 | 4},
		{"1,000", 2 | 8},
		{"e-mail", 4},
		{"Ünal", 1},
	}
	for _, tc := range tests {
		if got := shape(tc.form); got != tc.want {
			t.Errorf("shape(%q) = %d, want %d", tc.form, got, tc.want)
		}
	}
}

func TestVocab(t *testing.T) {
	sents := tinySet(t)
	voc := newVocab(sents, 2)
	known := func(form string) bool {
		h := perceptron.Hash(string(normalize(nil, form)))
		return voc.word(h, form) == h
	}
	for _, tc := range []struct {
		form string
		want bool
	}{
		{"the", true},       // many times
		{"The", true},       // same normalised form
		{"yesterday", true}, // three times
		{"harbour", false},  // once
		{"zeppelin", false}, // never
	} {
		if got := known(tc.form); got != tc.want {
			t.Errorf("%q known = %v, want %v", tc.form, got, tc.want)
		}
	}
	// Unknown words of the same shape share their hash.
	if voc.word(perceptron.Hash("harbour"), "harbour") != voc.word(perceptron.Hash("zeppelin"), "zeppelin") {
		t.Error("unknown lower-case words hash differently")
	}
}

func TestSureLabels(t *testing.T) {
	var sents []conllu.Sentence
	for range 3 {
		sents = append(sents, tinySet(t)...)
	}
	labels := labelSet(sents)
	examples, _, _ := makeExamples(sents, labels)
	sure := newSureLabels(examples)
	// "the/DT" before "committee/NN" is a determiner 3 times per copy of
	// the set and never anything else: sure. A noun before a verb is
	// nsubj or nsubj:pass: not sure.
	var sn sentence
	sn.prepare([]word{{"the", "DET", "DT"}, {"dog", "NOUN", "NN"}, {"barked", "VERB", "VBD"}}, nil)
	if l, ok := sure[sn.sureKey(2, 1)]; !ok || labels[l] != "det" {
		t.Errorf("DT -> NN: sure %v, label %d, want det", ok, l)
	}
	if l, ok := sure[sn.sureKey(3, 2)]; ok {
		t.Errorf("NN -> VBD is sure (%s), want not sure", labels[l])
	}
	for _, l := range sure {
		if labels[l] == rootLabel || !slices.Contains(labels, labels[l]) {
			t.Errorf("sure label %q", labels[l])
		}
	}
}
