// Package carb scores Open IE extractions against the CaRB benchmark
// (Bhardwaj, Aggarwal and Mausam, EMNLP 2019). It reimplements the official
// scorer, carb.py of dair-iitd/CaRB, with the options of its command line
// that produced the published tables: the "binary lenient" tuple match, no
// --binary splitting of n-ary extractions. Figures agree with the reference
// to the three decimals it prints.
//
// The reference has quirks that move the figures, and they are kept on
// purpose, since a scorer that fixes them is no longer comparable with
// published numbers:
//
//   - Sentences are matched through a normalised key (ASCII spaces removed,
//     Penn Treebank brackets such as -LRB- unescaped, ASCII punctuation
//     removed), so a system sentence that differs from the input in anything
//     else scores as no output at all.
//   - Extractions of sentences that have no gold tuples are ignored, yet their
//     confidences still count as thresholds.
//   - Only the relation has to overlap for a pair of tuples to match; the
//     arguments may share no token at all.
//   - A gold relation merely containing "said", "told", "added", "says" or
//     "adds" as a substring allows the arguments in reversed order, and of
//     the two matches the one with the higher precision wins.
//   - Matching is case-sensitive and punctuation tokens count as words.
package carb

import (
	"cmp"
	"math"
	"slices"
	"strings"
)

// Extraction is one Open IE tuple: a relation and its arguments, the first
// being the subject. Confidence orders a system's extractions; gold
// extractions have confidence 1.
type Extraction struct {
	Sentence   string
	Confidence float64
	Relation   string
	Args       []string
}

// Point is one point of the precision-recall curve: the scores of the
// extractions whose confidence is at least Threshold.
type Point struct {
	Threshold, Precision, Recall float64
}

// Result is the outcome of scoring a system against the gold standard.
// Precision, Recall and F1 are those of the confidence threshold with the
// best F1; AUC is the area under the precision-recall curve.
type Result struct {
	Precision, Recall, F1, AUC float64
	// Threshold is the confidence threshold at which F1 is best.
	Threshold float64
	// Curve has one point per distinct system confidence, by increasing
	// threshold (so by non-increasing recall).
	Curve []Point
}

// Score scores system extractions against gold extractions, which are keyed
// by sentence (as ReadGold returns them). Gold arguments are used as given:
// ReadGold has already dropped context arguments. System extractions with a
// NaN confidence are ignored.
//
// For each distinct system confidence t, the extractions with confidence at
// least t are compared with the gold tuples of their sentence. Recall sums,
// over gold tuples, the best recall-oriented match score of any such
// extraction, divided by the number of gold tuples. Precision pairs gold and
// system tuples one to one, greedily by best precision-oriented score, and
// divides the sum by the number of extractions considered (1 when there are
// none). F1 is the best over thresholds; AUC is computed as sklearn's auc over
// the curve closed with the point (recall 0, precision 1), which is why a
// system with a single confidence still gets an area.
//
// A system with no extraction at all scores zero everywhere (the reference
// fails on it, as sklearn's auc needs two points).
func Score(gold map[string][]Extraction, system []Extraction) Result {
	sents := goldSentences(gold)
	predicted := systemSentences(system)

	var thresholds []float64
	for _, tuples := range predicted {
		for _, t := range tuples {
			thresholds = append(thresholds, t.conf)
		}
	}
	slices.Sort(thresholds)
	thresholds = slices.Compact(thresholds)

	n := len(thresholds)
	p, pl := make([]float64, n), make([]float64, n)
	r, rl := make([]float64, n), make([]float64, n)
	for _, s := range sents {
		preds := predicted[s.key]
		scores := make([][]score, len(s.tuples))
		for i := range s.tuples {
			scores[i] = make([]score, len(preds))
			for j := range preds {
				scores[i][j] = match(&s.tuples[i], &preds[j])
			}
		}
		confs := make([]float64, len(preds))
		for j, t := range preds {
			confs[j] = t.conf
		}
		slices.Sort(confs)
		// Each of the sentence's confidences c covers the thresholds from
		// just above the previous one up to c: at those thresholds the
		// sentence contributes its extractions with confidence >= c.
		prev := 0
		for _, c := range confs {
			k, _ := slices.BinarySearch(thresholds, c)
			if k < prev {
				continue // a repeated confidence covers no new threshold
			}
			var active []int
			for j, t := range preds {
				if t.conf >= c {
					active = append(active, j)
				}
			}
			precNum, recNum := sentenceNumerators(scores, active)
			for ; prev <= k; prev++ {
				p[prev] += precNum
				pl[prev] += float64(len(active))
				r[prev] += recNum
				rl[prev] += float64(len(s.tuples))
			}
		}
		// Above the sentence's highest confidence it has no extraction, but
		// its gold tuples still count for recall.
		for ; prev < n; prev++ {
			rl[prev] += float64(len(s.tuples))
		}
	}

	res := Result{Curve: make([]Point, n)}
	best := -1
	f1s := make([]float64, n)
	for k := range n {
		pt := Point{Threshold: thresholds[k], Precision: 1}
		if pl[k] > 0 {
			pt.Precision = p[k] / pl[k]
		}
		if rl[k] > 0 {
			pt.Recall = r[k] / rl[k]
		}
		res.Curve[k] = pt
		// NaN when both are 0: numpy's argmax then skips it.
		f1s[k] = f1(pt.Precision, pt.Recall)
		if !math.IsNaN(f1s[k]) && (best < 0 || f1s[k] > f1s[best]) {
			best = k
		}
	}
	if best >= 0 {
		res.Precision, res.Recall, res.F1 = res.Curve[best].Precision, res.Curve[best].Recall, f1s[best]
		res.Threshold = thresholds[best]
	}
	res.AUC = area(res.Curve)
	return res
}

// f1 is the harmonic mean, written as the reference writes it so that the
// rounding is the same.
func f1(p, r float64) float64 {
	if p+r == 0 {
		return math.NaN()
	}
	return 2 * p * r / (p + r)
}

// area is sklearn's auc(recall, precision) over the curve followed by the
// point (recall 0, precision 1), as the reference appends it. Recall never
// increases with the threshold, so sklearn integrates in the decreasing
// direction: the trapezoid sum is negated.
func area(curve []Point) float64 {
	if len(curve) == 0 {
		return 0
	}
	pts := append(slices.Clone(curve), Point{Precision: 1})
	var sum float64
	for i := 1; i < len(pts); i++ {
		d := pts[i].Recall - pts[i-1].Recall
		sum += d * (pts[i].Precision + pts[i-1].Precision) / 2
	}
	return -sum
}

// sentenceNumerators returns one sentence's contribution to the precision
// and recall numerators when only the system tuples active are considered.
// scores is indexed [gold][system].
func sentenceNumerators(scores [][]score, active []int) (precNum, recNum float64) {
	for _, row := range scores {
		var m float64
		for _, j := range active {
			m = max(m, row[j].rec)
		}
		recNum += m
	}
	// One-to-one pairing: repeatedly take the unpaired (gold, system) pair
	// with the highest precision score, the first one found on ties.
	if len(scores) == 0 {
		return precNum, recNum
	}
	rowUsed := make([]bool, len(scores))
	colUsed := make([]bool, len(scores[0]))
	for range min(len(scores), len(active)) {
		bi, bj, bp := -1, -1, -1.0
		for i, row := range scores {
			if rowUsed[i] {
				continue
			}
			for _, j := range active {
				if !colUsed[j] && row[j].prec > bp {
					bi, bj, bp = i, j, row[j].prec
				}
			}
		}
		rowUsed[bi], colUsed[bj] = true, true
		precNum += bp
	}
	return precNum, recNum
}

// sentence is the gold standard of one sentence, under its normalised key.
type sentence struct {
	key    string
	tuples []tuple
}

// goldSentences prepares the gold tuples, by normalised sentence key. When
// several sentences share a key, the reference keeps the one that came last
// in the file; a map has no order, so the greatest sentence wins here
// (ReadGold has already resolved such clashes as the reference does).
// Sentences come out sorted by key, so sums are always taken in one order.
func goldSentences(gold map[string][]Extraction) []sentence {
	raw := make(map[string]string) // normalised key -> sentence
	for s := range gold {
		k := normalizeKey(s)
		if old, ok := raw[k]; !ok || s > old {
			raw[k] = s
		}
	}
	sents := make([]sentence, 0, len(raw))
	for k, s := range raw {
		tuples := make([]tuple, len(gold[s]))
		for i, e := range gold[s] {
			tuples[i] = newTuple(e)
		}
		sents = append(sents, sentence{key: k, tuples: tuples})
	}
	slices.SortFunc(sents, func(a, b sentence) int { return cmp.Compare(a.key, b.key) })
	return sents
}

// systemSentences groups the system tuples by normalised sentence key, in
// input order within a sentence. When several distinct sentence strings
// share a key, the reference keeps the extractions of the string that first
// appeared last, and so does this.
func systemSentences(system []Extraction) map[string][]tuple {
	var order []string
	bySentence := make(map[string][]tuple)
	for _, e := range system {
		if math.IsNaN(e.Confidence) {
			continue
		}
		if _, ok := bySentence[e.Sentence]; !ok {
			order = append(order, e.Sentence)
		}
		bySentence[e.Sentence] = append(bySentence[e.Sentence], newTuple(e))
	}
	out := make(map[string][]tuple, len(order))
	for _, s := range order {
		out[normalizeKey(s)] = bySentence[s]
	}
	return out
}

// ptbEscapes are the Penn Treebank bracket escapes, undone in this order.
var ptbEscapes = []struct{ plain, escaped string }{
	{"(", "-LRB-"}, {")", "-RRB-"},
	{"[", "-LSB-"}, {"]", "-RSB-"},
	{"{", "-LCB-"}, {"}", "-RCB-"},
}

// asciiPunct is Python's string.punctuation.
const asciiPunct = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"

// normalizeKey is the reference's sentence key: ASCII spaces removed, Penn
// Treebank brackets unescaped, then ASCII punctuation removed. Tokenisation
// differences therefore do not matter, but any other change of the text
// (case, a word) makes the sentence unknown.
func normalizeKey(s string) string {
	s = strings.ReplaceAll(s, " ", "")
	for _, e := range ptbEscapes {
		s = strings.ReplaceAll(s, e.escaped, e.plain)
	}
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(asciiPunct, r) {
			return -1
		}
		return r
	}, s)
}
