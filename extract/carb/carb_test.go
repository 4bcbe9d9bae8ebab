package carb

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

const (
	cafe   = "Lena Ortiz opened a café in Lisbon ."
	bakery = "Her brother runs a bakery in Porto ."
	storm  = "The storm closed the harbour for two days ."
)

// sysEx builds a system extraction.
func sysEx(sentence string, conf float64, rel string, args ...string) Extraction {
	return Extraction{Sentence: sentence, Confidence: conf, Relation: rel, Args: args}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-12 }

func TestScoreThresholds(t *testing.T) {
	gold := map[string][]Extraction{
		cafe:   {ex("opened", "Lena Ortiz", "a café in Lisbon")},
		bakery: {ex("runs", "Her brother", "a bakery in Porto")},
	}
	system := []Extraction{
		// Against the café tuple: 5 of 5 tokens, 5 of 7 gold tokens.
		sysEx(cafe, 0.9, "opened", "Lena Ortiz", "a café"),
		sysEx(cafe, 0.5, "visited", "Lena Ortiz", "Lisbon"), // no match
		// A sentence without gold: ignored, but 0.7 and 0.95 are
		// thresholds, and at 0.95 no extraction is left: precision 1.
		sysEx(storm, 0.7, "closed", "The storm", "the harbour"),
		sysEx(storm, 0.95, "closed for", "The storm", "two days"),
	}
	got := Score(gold, system)
	// Recall counts both gold tuples, though the bakery has no extraction.
	r := (5.0 / 7) / 2
	want := []Point{
		{Threshold: 0.5, Precision: 0.5, Recall: r},
		{Threshold: 0.7, Precision: 1, Recall: r},
		{Threshold: 0.9, Precision: 1, Recall: r},
		{Threshold: 0.95, Precision: 1, Recall: 0},
	}
	if len(got.Curve) != len(want) {
		t.Fatalf("curve = %v, want %v", got.Curve, want)
	}
	for i, p := range want {
		g := got.Curve[i]
		if g.Threshold != p.Threshold || !near(g.Precision, p.Precision) || !near(g.Recall, p.Recall) {
			t.Errorf("curve[%d] = %+v, want %+v", i, g, p)
		}
	}
	// F1 ties at 0.7 and 0.9: the lowest threshold is taken.
	if got.Threshold != 0.7 || !near(got.Precision, 1) || !near(got.Recall, r) || !near(got.F1, 2*r/(1+r)) {
		t.Errorf("best = (t %v, P %v, R %v, F1 %v), want (t 0.7, P 1, R %v, F1 %v)",
			got.Threshold, got.Precision, got.Recall, got.F1, r, 2*r/(1+r))
	}
	// The curve is flat at recall r, then drops to (0, 1).
	if !near(got.AUC, r) {
		t.Errorf("AUC = %v, want %v", got.AUC, r)
	}
}

func TestScoreOneToOnePrecision(t *testing.T) {
	gold := map[string][]Extraction{cafe: {
		ex("opened", "Lena Ortiz", "a café"),
		ex("opened", "Lena Ortiz", "a bar"),
	}}
	tests := []struct {
		name      string
		system    []Extraction
		prec, rec float64
	}{
		{
			// One extraction is the best match of both gold tuples for
			// recall (1 and 4 of 5 tokens) but pairs with one for precision.
			name:   "one extraction",
			system: []Extraction{sysEx(cafe, 1, "opened", "Lena Ortiz", "a café")},
			prec:   1, rec: (1 + 4.0/5) / 2,
		},
		{
			// The duplicate pairs with the bar tuple: 4 of 5 tokens.
			name: "a duplicate",
			system: []Extraction{
				sysEx(cafe, 1, "opened", "Lena Ortiz", "a café"),
				sysEx(cafe, 1, "opened", "Lena Ortiz", "a café"),
			},
			prec: (1 + 4.0/5) / 2, rec: (1 + 4.0/5) / 2,
		},
		{
			// Three extractions, two gold tuples: the third pairs with
			// nothing and counts 0.
			name: "more extractions than gold tuples",
			system: []Extraction{
				sysEx(cafe, 1, "opened", "Lena Ortiz", "a café"),
				sysEx(cafe, 1, "opened", "Lena Ortiz", "a bar"),
				sysEx(cafe, 1, "opened", "Lena Ortiz", "a bar"),
			},
			prec: 2.0 / 3, rec: 1,
		},
		{
			// The bar extraction fits the bar tuple best (1) and the café
			// tuple well (4 of 5); pairing takes the best pair first, so the
			// café tuple gets the other extraction (3 of 4 tokens).
			name: "the best pair is taken first",
			system: []Extraction{
				sysEx(cafe, 1, "opened", "Lena Ortiz", "a bar"),
				sysEx(cafe, 1, "opened", "Ana", "a café"),
			},
			prec: (1 + 3.0/4) / 2, rec: (4.0/5 + 1) / 2,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Score(gold, tt.system)
			if !near(got.Precision, tt.prec) || !near(got.Recall, tt.rec) {
				t.Errorf("(P, R) = (%v, %v), want (%v, %v)", got.Precision, got.Recall, tt.prec, tt.rec)
			}
		})
	}
}

func TestScoreSentenceMatching(t *testing.T) {
	gold := map[string][]Extraction{cafe: {ex("opened", "Lena Ortiz", "a café in Lisbon")}}
	tuple := func(s string) []Extraction {
		return []Extraction{sysEx(s, 1, "opened", "Lena Ortiz", "a café in Lisbon")}
	}
	tests := []struct {
		sentence string
		found    bool
	}{
		{cafe, true},
		{"Lena Ortiz opened a café in Lisbon.", true},   // spacing
		{"Lena Ortiz opened a café in Lisbon", true},    // punctuation
		{"lena ortiz opened a café in Lisbon .", false}, // case
		{"Lena Ortiz opened a cafe in Lisbon .", false}, // a letter
	}
	for _, tt := range tests {
		got := Score(gold, tuple(tt.sentence))
		if found := got.Recall == 1; found != tt.found {
			t.Errorf("%q: recall %v, want found = %v", tt.sentence, got.Recall, tt.found)
		}
	}
}

func TestScoreRepeatedSentenceString(t *testing.T) {
	// Two spellings of one sentence: as the reference, only the extractions
	// of the spelling that appeared last are scored.
	gold := map[string][]Extraction{cafe: {ex("opened", "Lena Ortiz", "a café in Lisbon")}}
	system := []Extraction{
		sysEx(cafe, 1, "opened", "Lena Ortiz", "a café in Lisbon"),
		sysEx(cafe+" ", 1, "visited", "Lena Ortiz", "Lisbon"),
		sysEx(cafe, 1, "opened", "Lena Ortiz", "a café in Lisbon"),
	}
	if got := Score(gold, system); got.Recall != 0 || got.Precision != 0 {
		t.Errorf("(P, R) = (%v, %v), want (0, 0)", got.Precision, got.Recall)
	}
}

func TestScoreContextArgumentDropped(t *testing.T) {
	gold, err := ReadGold(strings.NewReader(
		"The ferry leaves at noon if the sea is calm .\tleaves at\tThe ferry\tnoon\tC: if the sea is calm\n"))
	if err != nil {
		t.Fatal(err)
	}
	system := []Extraction{sysEx("The ferry leaves at noon if the sea is calm .", 1, "leaves at", "The ferry", "noon")}
	if got := Score(gold, system); got.Precision != 1 || got.Recall != 1 {
		t.Errorf("(P, R) = (%v, %v), want (1, 1)", got.Precision, got.Recall)
	}
}

func TestScoreNoOutput(t *testing.T) {
	gold := map[string][]Extraction{cafe: {ex("opened", "Lena Ortiz", "a café")}}
	for _, system := range [][]Extraction{nil, {sysEx(cafe, math.NaN(), "opened", "Lena Ortiz", "a café")}} {
		if got := Score(gold, system); got.F1 != 0 || got.AUC != 0 || len(got.Curve) != 0 {
			t.Errorf("Score(%v) = %+v, want zero", system, got)
		}
	}
}

func ExampleScore() {
	gold := map[string][]Extraction{
		"Mara Quist painted the mural in 2019 .": {
			{Relation: "painted", Args: []string{"Mara Quist", "the mural", "in 2019"}},
		},
	}
	system := []Extraction{
		{Sentence: "Mara Quist painted the mural in 2019 .", Confidence: 0.8,
			Relation: "painted", Args: []string{"Mara Quist", "the mural in 2019"}},
		{Sentence: "Mara Quist painted the mural in 2019 .", Confidence: 0.3,
			Relation: "was painted", Args: []string{"the mural", "in 2019"}},
	}
	r := Score(gold, system)
	fmt.Printf("P %.3f R %.3f F1 %.3f AUC %.3f at confidence %v\n", r.Precision, r.Recall, r.F1, r.AUC, r.Threshold)
	// Output: P 1.000 R 1.000 F1 1.000 AUC 1.000 at confidence 0.8
}
