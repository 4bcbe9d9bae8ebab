package timex

import "strings"

// form returns token i's text, "" outside the sentence.
func (s *scan) form(i int) string {
	if i < 0 || i >= len(s.toks) {
		return ""
	}
	return s.doc.Text[s.toks[i].Start:s.toks[i].End]
}

// after reports whether the token before i has one of the universal tags
// upos.
func (s *scan) after(i int, upos ...string) bool {
	p := s.tok(i - 1).UPOS
	for _, u := range upos {
		if p == u {
			return true
		}
	}
	return false
}

// head returns the sentence index of token i's head, -1 for the root or a
// head outside the sentence.
func (s *scan) head(i int) int {
	h := s.toks[i].Head - 1
	if h < 0 || h >= len(s.toks) {
		return -1
	}
	return h
}

// tense tells which way the clause of the span [first, last) looks from
// the time it is told at, through the parse: the span's head is followed
// up to the verb that governs it (past a bare gerund, to the verb that
// governs that), and that verb's auxiliaries, or without any its tag,
// decide. Past tense ("spoke", "had spoken", "was held", "has said", "the
// strikes launched on Friday") looks back, OnOrBefore; "will", "shall" and
// a "to" infinitive ("agreed to meet on Monday") look ahead, OnOrAfter;
// anything else (present tense, "are scheduled", "would") is Nearest.
// When the walk finds no verb that tells, the sentence's first finite
// verb does.
func (s *scan) tense(first, last int) Dir {
	j := last - 1
	for k := first; k < last; k++ {
		if h := s.head(k); h < first || h >= last {
			j = k
			break
		}
	}
	// The walk is bounded: a malformed parse may have a cycle.
	for range len(s.toks) {
		if j < 0 {
			break
		}
		if d, ok := s.auxTense(j); ok {
			return d
		}
		t := &s.toks[j]
		if t.UPOS == "VERB" {
			switch {
			case t.XPOS == "VBD" || t.XPOS == "VBN":
				return OnOrBefore
			case t.XPOS == "VB" && s.hasChild(j, "mark", "to"):
				return OnOrAfter
			case t.XPOS != "VBG":
				return Nearest
			}
			// A bare gerund or participle ("after brushing the coast on
			// Tuesday, the storm hit") takes the tense of the clause it
			// depends on.
		}
		j = s.head(j)
	}
	return s.finiteTense()
}

// finiteTense returns the tense of the sentence's first finite verb or
// auxiliary, Nearest if it has none.
func (s *scan) finiteTense() Dir {
	for k := range s.toks {
		t := &s.toks[k]
		if t.UPOS != "VERB" && t.UPOS != "AUX" {
			continue
		}
		switch t.XPOS {
		case "MD":
			if s.isFuture(k) {
				return OnOrAfter
			}
			return Nearest
		case "VBD":
			return OnOrBefore
		case "VBZ", "VBP":
			return Nearest
		}
	}
	return Nearest
}

// auxTense reads the tense of word j from its auxiliaries and copula. It
// reports false when j has none; with auxiliaries that tell no direction
// ("are scheduled", "would meet") it returns Nearest.
func (s *scan) auxTense(j int) (Dir, bool) {
	found := false
	for k := range s.toks {
		if s.head(k) != j {
			continue
		}
		rel := s.toks[k].DepRel
		if rel != "aux" && rel != "aux:pass" && rel != "cop" {
			continue
		}
		found = true
		switch {
		case s.isFuture(k):
			return OnOrAfter, true
		case s.toks[k].XPOS == "VBD":
			return OnOrBefore, true
		case s.toks[j].XPOS == "VBN" && (s.toks[k].XPOS == "VBZ" || s.toks[k].XPOS == "VBP") && rel == "aux":
			return OnOrBefore, true // "has said"
		}
	}
	return Nearest, found
}

// hasChild reports whether word j has a dependent by relation rel whose
// form is, ignoring case, form.
func (s *scan) hasChild(j int, rel, form string) bool {
	for k := range s.toks {
		if s.head(k) == j && s.toks[k].DepRel == rel && strings.EqualFold(s.form(k), form) {
			return true
		}
	}
	return false
}

// isFuture reports whether token k is an auxiliary of the future: "will",
// "'ll", "shall", "wo" (of "won't").
func (s *scan) isFuture(k int) bool {
	f := s.form(k)
	return strings.EqualFold(f, "will") || strings.EqualFold(f, "'ll") ||
		strings.EqualFold(f, "shall") || strings.EqualFold(f, "wo")
}
