// Package udeval scores a system's CoNLL-U analysis against a gold one with
// the measures of the CoNLL 2018 shared task (conll18_ud_eval.py): tokens,
// sentences and words are matched by their character spans in the text with
// white space removed, words inside multi-word tokens by the longest common
// subsequence of their forms, and tags, lemmas and heads are compared on the
// aligned words. As in the shared task, LAS compares the universal part of
// the relation ("nsubj" for "nsubj:pass"); LAS with subtypes is reported too.
package udeval

import (
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/extract/conllu"
)

// Score counts one measure: gold and system items, and how many match.
// Aligned is the number of aligned words the measure was computed over.
type Score struct {
	Name                           string
	Gold, System, Correct, Aligned int
}

// Precision is Correct/System.
func (s Score) Precision() float64 { return ratio(s.Correct, s.System) }

// Recall is Correct/Gold.
func (s Score) Recall() float64 { return ratio(s.Correct, s.Gold) }

// F1 is the harmonic mean of precision and recall.
func (s Score) F1() float64 { return ratio(2*s.Correct, s.Gold+s.System) }

// AlignedAccuracy is Correct/Aligned: the accuracy on words both sides have,
// which equals F1 when tokenisation is gold.
func (s Score) AlignedAccuracy() float64 { return ratio(s.Correct, s.Aligned) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Report holds every measure, in the shared task's order.
type Report struct {
	Scores []Score
}

// Get returns the score with the given name (zero Score if absent).
func (r Report) Get(name string) Score {
	for _, s := range r.Scores {
		if s.Name == name {
			return s
		}
	}
	return Score{Name: name}
}

// Write prints the report as the shared task's script does, in percent.
func (r Report) Write(w io.Writer) error {
	if _, err := fmt.Fprintf(w, "%-11s| %9s | %9s | %9s | %9s\n", "Metric", "Precision", "Recall", "F1 Score", "AligndAcc"); err != nil {
		return err
	}
	fmt.Fprintln(w, strings.Repeat("-", 11)+"+"+strings.Repeat("-", 11)+"+"+strings.Repeat("-", 11)+"+"+strings.Repeat("-", 11)+"+"+strings.Repeat("-", 11))
	for _, s := range r.Scores {
		acc := ""
		if s.Aligned > 0 {
			acc = fmt.Sprintf("%9.2f", 100*s.AlignedAccuracy())
		}
		if _, err := fmt.Fprintf(w, "%-11s| %9.2f | %9.2f | %9.2f | %9s\n", s.Name, 100*s.Precision(), 100*s.Recall(), 100*s.F1(), acc); err != nil {
			return err
		}
	}
	return nil
}

type span struct{ start, end int }

// word is a syntactic word with its position in the white-space-free text.
// Words of a multi-word token carry the whole token's span.
type word struct {
	span  span
	multi bool
	form  string
	w     *conllu.Word
	head  int // index of the head in the same word list, -1 for the root
}

type side struct {
	text      strings.Builder
	tokens    []span
	sentences []span
	words     []word
}

func load(sents []conllu.Sentence) *side {
	sd := &side{}
	for si := range sents {
		s := &sents[si]
		base := len(sd.words)
		sentStart := -1
		for _, tok := range s.Tokens() {
			start := sd.text.Len()
			for _, r := range tok.Form {
				if !unicode.IsSpace(r) {
					sd.text.WriteRune(r)
				}
			}
			sp := span{start, sd.text.Len()}
			if sentStart < 0 {
				sentStart = start
			}
			sd.tokens = append(sd.tokens, sp)
			for wi := tok.First; wi < tok.Last; wi++ {
				w := &s.Words[wi]
				head := -1
				switch {
				case w.Head > len(s.Words) || w.Head < 0:
					head = -2 // invalid: matches nothing
				case w.Head > 0:
					head = base + w.Head - 1
				}
				sd.words = append(sd.words, word{span: sp, multi: tok.Last-tok.First > 1, form: strings.ToLower(w.Form), w: w, head: head})
			}
		}
		if sentStart >= 0 {
			sd.sentences = append(sd.sentences, span{sentStart, sd.text.Len()})
		}
	}
	return sd
}

// Evaluate scores system against gold. The two must contain the same text
// up to white space.
func Evaluate(gold, system []conllu.Sentence) (Report, error) {
	g, s := load(gold), load(system)
	gt, st := g.text.String(), s.text.String()
	if gt != st {
		i := 0
		for i < len(gt) && i < len(st) && gt[i] == st[i] {
			i++
		}
		return Report{}, fmt.Errorf("gold and system texts differ at character %d: gold %q, system %q",
			i, clip(gt[i:]), clip(st[i:]))
	}
	var r Report
	r.Scores = append(r.Scores, spanScore("Tokens", g.tokens, s.tokens), spanScore("Sentences", g.sentences, s.sentences))
	align := alignWords(g.words, s.words)
	words := Score{Name: "Words", Gold: len(g.words), System: len(s.words), Correct: len(align), Aligned: len(align)}
	r.Scores = append(r.Scores, words)

	// sysToGold maps a system word index to its aligned gold word, or -1.
	sysToGold := make([]int, len(s.words))
	for i := range sysToGold {
		sysToGold[i] = -1
	}
	for _, a := range align {
		sysToGold[a.s] = a.g
	}
	measure := func(name string, same func(gw, sw *word) bool) Score {
		sc := Score{Name: name, Gold: len(g.words), System: len(s.words), Aligned: len(align)}
		for _, a := range align {
			if same(&g.words[a.g], &s.words[a.s]) {
				sc.Correct++
			}
		}
		return sc
	}
	headOK := func(gw, sw *word) bool {
		if sw.head < 0 {
			return sw.head == -1 && gw.head == -1
		}
		return sysToGold[sw.head] == gw.head && gw.head >= 0
	}
	r.Scores = append(r.Scores,
		measure("UPOS", func(gw, sw *word) bool { return gw.w.UPOS == sw.w.UPOS }),
		measure("XPOS", func(gw, sw *word) bool { return gw.w.XPOS == sw.w.XPOS }),
		measure("UFeats", func(gw, sw *word) bool { return feats(gw.w.Feats) == feats(sw.w.Feats) }),
		measure("AllTags", func(gw, sw *word) bool {
			return gw.w.UPOS == sw.w.UPOS && gw.w.XPOS == sw.w.XPOS && feats(gw.w.Feats) == feats(sw.w.Feats)
		}),
		measure("Lemmas", func(gw, sw *word) bool { return gw.w.Lemma == "_" || gw.w.Lemma == sw.w.Lemma }),
		measure("UAS", headOK),
		measure("LAS", func(gw, sw *word) bool { return headOK(gw, sw) && universal(gw.w.DepRel) == universal(sw.w.DepRel) }),
		measure("LAS:full", func(gw, sw *word) bool { return headOK(gw, sw) && gw.w.DepRel == sw.w.DepRel }),
	)
	return r, nil
}

func clip(s string) string {
	if len(s) > 20 {
		return s[:20]
	}
	return s
}

func feats(f string) string {
	if f == "_" {
		return ""
	}
	return f
}

func universal(rel string) string {
	u, _, _ := strings.Cut(rel, ":")
	return u
}

func spanScore(name string, gold, sys []span) Score {
	sc := Score{Name: name, Gold: len(gold), System: len(sys)}
	gi, si := 0, 0
	for gi < len(gold) && si < len(sys) {
		switch {
		case gold[gi].start < sys[si].start:
			gi++
		case sys[si].start < gold[gi].start:
			si++
		default:
			if gold[gi].end == sys[si].end {
				sc.Correct++
			}
			gi++
			si++
		}
	}
	return sc
}

type pair struct{ g, s int }

// alignWords follows conll18_ud_eval.py's align_words.
func alignWords(gold, sys []word) []pair {
	var out []pair
	gi, si := 0, 0
	for gi < len(gold) && si < len(sys) {
		if gold[gi].multi || sys[si].multi {
			gs, ss, ge, se := multiwordRegion(gold, sys, gi, si)
			out = append(out, lcsAlign(gold[gs:ge], sys[ss:se], gs, ss)...)
			gi, si = ge, se
			continue
		}
		switch {
		case gold[gi].span == sys[si].span:
			out = append(out, pair{gi, si})
			gi++
			si++
		case gold[gi].span.start <= sys[si].span.start:
			gi++
		default:
			si++
		}
	}
	return out
}

func multiwordRegion(gold, sys []word, gi, si int) (gs, ss, ge, se int) {
	var end int
	if gold[gi].multi {
		end = gold[gi].span.end
		if !sys[si].multi && sys[si].span.start < gold[gi].span.start {
			si++
		}
	} else {
		end = sys[si].span.end
		if !gold[gi].multi && gold[gi].span.start < sys[si].span.start {
			gi++
		}
	}
	gs, ss = gi, si
	beyond := func(ws []word, i int) bool {
		if i >= len(ws) {
			return true
		}
		if ws[i].multi {
			return ws[i].span.start >= end
		}
		return ws[i].span.end > end
	}
	extend := func(w word) {
		if w.multi && w.span.end > end {
			end = w.span.end
		}
	}
	for !beyond(gold, gi) || !beyond(sys, si) {
		if gi < len(gold) && (si >= len(sys) || gold[gi].span.start <= sys[si].span.start) {
			extend(gold[gi])
			gi++
		} else {
			extend(sys[si])
			si++
		}
	}
	return gs, ss, gi, si
}

func lcsAlign(gold, sys []word, gOff, sOff int) []pair {
	n, m := len(gold), len(sys)
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for g := n - 1; g >= 0; g-- {
		for s := m - 1; s >= 0; s-- {
			if gold[g].form == sys[s].form {
				lcs[g][s] = 1 + lcs[g+1][s+1]
			}
			lcs[g][s] = max(lcs[g][s], lcs[g+1][s], lcs[g][s+1])
		}
	}
	var out []pair
	g, s := 0, 0
	for g < n && s < m {
		switch {
		case gold[g].form == sys[s].form:
			out = append(out, pair{gOff + g, sOff + s})
			g++
			s++
		case lcs[g][s] == lcs[g+1][s]:
			g++
		default:
			s++
		}
	}
	return out
}
