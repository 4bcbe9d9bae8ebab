package carb

import (
	"slices"
	"strings"
	"unicode"
)

// tuple is an extraction prepared for matching: the whitespace tokens of its
// relation and of its arguments binarised to (arg1, rest).
type tuple struct {
	conf float64
	rel  []string
	args [][]string
	// reversed holds the arguments swapped to (rest, arg1), tried when the
	// gold relation is a reporting verb; it is args when there are fewer
	// than two arguments.
	reversed [][]string
	// reporting is set when the relation contains a reporting verb, which
	// lets a system tuple match it with its arguments reversed.
	reporting bool
}

// reportingVerbs make a gold relation one whose arguments may be matched in
// reversed order ("X said Y" against "Y, said X"). The reference tests them
// as substrings of the relation, case-sensitively.
var reportingVerbs = []string{"said", "told", "added", "adds", "says"}

// beForms are the forms of "be" that a system relation "be" matches.
var beForms = []string{"be", "is", "am", "are", "was", "were", "been", "being"}

// newTuple prepares e for matching, binarising its arguments as the
// reference's binary lenient match does.
func newTuple(e Extraction) tuple {
	t := tuple{conf: e.Confidence, rel: fields(e.Relation)}
	if len(e.Args) < 2 {
		for _, a := range e.Args {
			t.args = append(t.args, fields(a))
		}
		t.reversed = t.args
	} else {
		first, rest := fields(e.Args[0]), fields(strings.Join(e.Args[1:], " "))
		t.args = [][]string{first, rest}
		t.reversed = [][]string{rest, first}
	}
	for _, v := range reportingVerbs {
		if strings.Contains(e.Relation, v) {
			t.reporting = true
			break
		}
	}
	return t
}

// score is a match score: the fraction of the system tuple's tokens found in
// the gold tuple (for precision) and of the gold tuple's tokens found in the
// system tuple (for recall).
type score struct{ prec, rec float64 }

// match is the reference's binary lenient tuple match of a system tuple
// against a gold tuple. For a reporting gold relation it also tries the
// system arguments reversed and keeps the better score, comparing precision
// first and recall on ties, as Python compares the two [prec, rec] lists.
func match(gold, sys *tuple) score {
	s := lenient(gold, sys.rel, sys.args)
	if !gold.reporting {
		return s
	}
	if r := lenient(gold, sys.rel, sys.reversed); r.prec > s.prec || r.prec == s.prec && r.rec > s.rec {
		return r
	}
	return s
}

// lenient scores a system tuple with relation tokens sysRel and arguments
// sysArgs against gold. The relations must share a token, or the system
// relation have a "be" left over and the gold one contain a form of "be";
// the system must have an argument wherever the gold has one, though it need
// not share any token with it. Tokens count once each (multiset overlap). A
// system argument beyond the gold's arguments is not counted at all, not
// even against precision.
func lenient(gold *tuple, sysRel []string, sysArgs [][]string) score {
	left := slices.Clone(sysRel) // system relation tokens not yet matched
	n := 0
	for _, w := range gold.rel {
		if j := slices.Index(left, w); j >= 0 {
			left = slices.Delete(left, j, j+1)
			n++
		}
	}
	if slices.Contains(left, "be") && slices.ContainsFunc(beForms, func(f string) bool { return slices.Contains(gold.rel, f) }) {
		n++
	}
	if n == 0 {
		return score{}
	}
	precNum, precDen := n, len(sysRel)
	recNum, recDen := n, len(gold.rel)
	for i, g := range gold.args {
		recDen += len(g)
		if i >= len(sysArgs) {
			return score{}
		}
		precDen += len(sysArgs[i])
		k := overlap(g, sysArgs[i])
		precNum += k
		recNum += k
	}
	var s score
	if precDen > 0 {
		s.prec = float64(precNum) / float64(precDen)
	}
	if recDen > 0 {
		s.rec = float64(recNum) / float64(recDen)
	}
	return s
}

// overlap counts the tokens of gold found in sys, each token of sys used at
// most once.
func overlap(gold, sys []string) int {
	used := make([]bool, len(sys))
	n := 0
	for _, w := range gold {
		for j, v := range sys {
			if !used[j] && v == w {
				used[j] = true
				n++
				break
			}
		}
	}
	return n
}

// fields splits s on white space as Python's str.split() does.
func fields(s string) []string {
	return strings.FieldsFunc(s, isPySpace)
}

// pyStrip trims white space as Python's str.strip() does.
func pyStrip(s string) string {
	return strings.TrimFunc(s, isPySpace)
}

// isPySpace reports whether Python's str.isspace holds for r: Unicode white
// space plus the ASCII information separators U+001C to U+001F.
func isPySpace(r rune) bool {
	return unicode.IsSpace(r) || r >= 0x1c && r <= 0x1f
}
