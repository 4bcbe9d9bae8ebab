package ner

import (
	"fmt"
	"sort"
)

// Score counts the entities of one type (or of all types) that a
// recogniser found, that the gold standard has, and that match exactly:
// same first word, same last word, same type.
type Score struct {
	Type                     string // "" for the overall score
	Gold, Predicted, Correct int
}

// Precision is Correct/Predicted (0 when nothing was predicted).
func (s Score) Precision() float64 { return ratio(s.Correct, s.Predicted) }

// Recall is Correct/Gold (0 when the gold standard has no entity).
func (s Score) Recall() float64 { return ratio(s.Correct, s.Gold) }

// F1 is the harmonic mean of precision and recall.
func (s Score) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// String formats the score as percentages, as the CoNLL script prints it.
func (s Score) String() string {
	name := s.Type
	if name == "" {
		name = "overall"
	}
	return fmt.Sprintf("%-8s P %6.2f  R %6.2f  F1 %6.2f  (gold %d, predicted %d, correct %d)",
		name, 100*s.Precision(), 100*s.Recall(), 100*s.F1(), s.Gold, s.Predicted, s.Correct)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Evaluation is the CoNLL-style micro-averaged evaluation of a recogniser.
type Evaluation struct {
	Overall Score
	ByType  []Score // sorted by type name
}

// Evaluate compares the entities of predicted with those of gold, sentence
// by sentence, counting exact matches of span and type (CoNLL micro F1).
// Both slices must hold the same sentences in the same order.
func Evaluate(gold, predicted []Sentence) (Evaluation, error) {
	if len(gold) != len(predicted) {
		return Evaluation{}, fmt.Errorf("ner: evaluate: %d gold sentences, %d predicted", len(gold), len(predicted))
	}
	byType := map[string]*Score{}
	get := func(t string) *Score {
		if byType[t] == nil {
			byType[t] = &Score{Type: t}
		}
		return byType[t]
	}
	var ev Evaluation
	for i := range gold {
		g, p := &gold[i], &predicted[i]
		if len(g.Labels) != len(p.Labels) {
			return Evaluation{}, fmt.Errorf("ner: evaluate: sentence %d has %d gold labels, %d predicted", i+1, len(g.Labels), len(p.Labels))
		}
		ge, pe := Entities(g.Labels), Entities(p.Labels)
		want := make(map[Entity]bool, len(ge))
		for _, e := range ge {
			want[e] = true
			get(e.Type).Gold++
		}
		for _, e := range pe {
			s := get(e.Type)
			s.Predicted++
			if want[e] {
				s.Correct++
			}
		}
	}
	types := make([]string, 0, len(byType))
	for t := range byType {
		types = append(types, t)
	}
	sort.Strings(types)
	for _, t := range types {
		s := *byType[t]
		ev.ByType = append(ev.ByType, s)
		ev.Overall.Gold += s.Gold
		ev.Overall.Predicted += s.Predicted
		ev.Overall.Correct += s.Correct
	}
	return ev, nil
}
