package clause

import (
	"cmp"
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/extract"
)

// proposition builds the proposition headed by word i.
func (c *clauses) proposition(i int) (extract.Proposition, bool) {
	p := extract.Proposition{Sentence: c.si, Head: c.base + i, Parent: -1}
	p.Copular = c.child(i, "cop") >= 0
	var words []int
	var lemmas []string
	c.relationWords(i, &p, &words)
	if c.sharedPassive(i) {
		p.Passive = true
	}
	if p.Copular {
		lemmas = append(lemmas, "be")
	} else {
		lemmas = append(lemmas, c.verbLemma(i))
	}
	p.Args = c.arguments(i, &p)
	if m := c.reported(i); m >= 0 {
		p.Args = append(p.Args, extract.Argument{Role: extract.Content, Head: c.base + m, Span: c.contentSpan(m)})
	}

	// Follow chained infinitives: "offered to mediate between X" is one
	// relation, offer_to_mediate, whose obliques are the infinitive's.
	for x, at := c.chainChild(i), i; x >= 0; x, at = c.chainChild(x), x {
		if at == i && p.Copular {
			// "was willing to hold": the adjective joins the relation.
			words = append(words, i)
			lemmas = append(lemmas, c.lemma(i))
		}
		if m := c.child(x, "mark"); m >= 0 {
			words = append(words, m)
			lemmas = append(lemmas, c.lemma(m))
		}
		var sub extract.Proposition
		c.relationWords(x, &sub, &words)
		lemmas = append(lemmas, c.verbLemma(x))
		p.Negated = p.Negated || sub.Negated
		for _, a := range c.arguments(x, &sub) {
			if a.Role != extract.Subject {
				p.Args = append(p.Args, a)
			}
		}
	}
	if p.Copular && len(lemmas) == 1 {
		if a, ok := c.complement(i); ok {
			p.Args = append(p.Args, a)
		}
	}
	// A clause without a subject takes one through the parse; a passive
	// one with its agent but no object takes its object so ("signed by
	// the president", of the bill).
	_, hasSubject := p.Arg(extract.Subject)
	_, hasObject := p.Arg(extract.Object)
	if (!hasSubject || p.Passive && !hasObject) && c.subjectOf(i) < 0 {
		if a, ok := c.inheritedSubject(i, &p); ok && (!hasSubject || a.Role == extract.Object) {
			p.Args = append(p.Args, a)
		}
	}
	if len(p.Args) == 0 {
		return p, false
	}
	slices.Sort(words)
	for j := range words {
		words[j] += c.base // sentence to document indices
	}
	p.Words = slices.Compact(words)
	p.Lemma = strings.Join(lemmas, "_")
	slices.SortStableFunc(p.Args, func(a, b extract.Argument) int { return a.First - b.First })
	return p, true
}

// verbLemma is a verb's lemma with its particle: "give_up".
func (c *clauses) verbLemma(i int) string {
	l := c.lemma(i)
	if prt := c.child(i, "compound:prt"); prt >= 0 {
		l += "_" + c.lemma(prt)
	}
	return l
}

// relationWords adds to words the relation phrase of the clause headed by
// word i — auxiliaries, negation, copula, the verb and its particle — and
// sets p's flags from them.
func (c *clauses) relationWords(i int, p *extract.Proposition, words *[]int) {
	if !p.Copular {
		*words = append(*words, i)
	}
	for _, k := range c.kids[i] {
		switch c.w[k].DepRel {
		case "aux", "aux:pass", "cop", "compound:prt":
			*words = append(*words, k)
			if c.w[k].XPOS == "MD" && p.Modal == "" {
				p.Modal = strings.ToLower(c.form(k))
			}
			if c.w[k].DepRel == "aux:pass" {
				p.Passive = true
			}
		case "advmod":
			if c.negation(k) {
				*words = append(*words, k)
				p.Negated = true
			}
		case "nsubj:pass", "csubj:pass":
			p.Passive = true
		}
	}
}

// negation tells whether word k negates its head ("not", "n't", "never").
func (c *clauses) negation(k int) bool {
	switch c.lemma(k) {
	case "not", "never", "n't":
		return true
	}
	return c.hasFeat(k, "Polarity=Neg") && c.w[k].UPOS == "PART"
}

// arguments returns the arguments word i's own dependents give.
func (c *clauses) arguments(i int, p *extract.Proposition) []extract.Argument {
	var args []extract.Argument
	for _, k := range c.kids[i] {
		a := extract.Argument{Head: c.base + k}
		switch c.w[k].DepRel {
		case "nsubj", "csubj", "nsubj:outer":
			a.Role = extract.Subject
		case "nsubj:pass", "csubj:pass":
			a.Role = extract.Object
		case "obj":
			a.Role = extract.Object
		case "iobj":
			a.Role = extract.Recipient
		case "ccomp":
			a.Role = extract.Content
		case "xcomp":
			if c.chained(k) {
				continue
			}
			a.Role = extract.Complement
		case "obl:agent":
			a.Role = extract.Subject
			a.Prep = c.preposition(k)
		default:
			if c.rel(k) != "obl" {
				continue
			}
			a.Role = extract.Oblique
			a.Prep = c.preposition(k)
		}
		a.Span = c.argSpan(k)
		if a.Role == extract.Content {
			a.Span = c.contentSpan(k)
		}
		if a.Span.Len() == 0 || c.article(k) {
			continue
		}
		c.resolveRelative(i, k, &a)
		args = append(args, a)
	}
	if p.Passive {
		// "X was called by Y": without an agent the passive subject is
		// still the object, and the clause has no subject.
		for j := range args {
			if args[j].Role == extract.Subject && args[j].Prep == "" && c.w[args[j].Head-c.base].DepRel != "obl:agent" {
				args[j].Role = extract.Object
			}
		}
	}
	return args
}

// article tells whether word k is an article, which heads an argument
// only in a broken parse ("mentioned the \"brotherhood in arms\"" with
// "brotherhood" tagged a verb): "the" says nothing as an object.
func (c *clauses) article(k int) bool {
	switch c.lemma(k) {
	case "the", "a", "an":
		return c.w[k].UPOS == "DET"
	}
	return false
}

// appeals tells whether verb h has an oblique with "on" that is no time
// ("called on all sides", "relied on donors"): someone appealed to, who
// may be the one to act.
func (c *clauses) appeals(h int) bool {
	for _, k := range c.kids[h] {
		if c.rel(k) == "obl" && c.preposition(k) == "on" && !c.isTime(k) {
			return true
		}
	}
	return false
}

// isTime tells whether word k is part of a time expression ("on
// Thursday").
func (c *clauses) isTime(k int) bool {
	_, ok := c.doc.TimeAt(c.base + k)
	return ok
}

// preposition returns the lower-cased case marker of word k, fixed
// expressions included ("according to").
func (c *clauses) preposition(k int) string {
	var parts []string
	for _, m := range c.kids[k] {
		if c.w[m].DepRel != "case" {
			continue
		}
		parts = append(parts, strings.ToLower(c.form(m)))
		for _, f := range c.kids[m] {
			if c.w[f].DepRel == "fixed" {
				parts = append(parts, strings.ToLower(c.form(f)))
			}
		}
	}
	return strings.Join(parts, " ")
}

// resolveRelative replaces a relative pronoun argument ("who", "which") of
// a relative clause headed by word i with the noun the clause modifies.
func (c *clauses) resolveRelative(i, k int, a *extract.Argument) {
	if !c.hasFeat(k, "PronType=Rel") {
		return
	}
	// The clause hangs on the noun it describes, as a relative clause
	// (acl:relcl) or, when the parser missed that, by another relation.
	if n := c.head(i); n >= 0 && (strings.HasPrefix(c.w[i].DepRel, "acl") || nominal(c.w[n].UPOS)) {
		if strings.EqualFold(c.form(k), "which") {
			n = c.thingAbove(n)
		}
		a.Head, a.Span, a.Inherited = c.base+n, c.argSpan(n), true
	}
}

// thingAbove returns word n, or, when n is part of a person's name, the
// nearest noun above it that is not: "which" never stands for a person, so
// a clause it opens that hangs on a name ("calls with Prime Minister
// Benjamin Netanyahu, during which he condemned …") was attached to the
// wrong noun by the parser, and belongs to the noun the name modifies
// ("calls"). Without such a noun, n stays.
func (c *clauses) thingAbove(n int) int {
	m := n
	for c.isPerson(m) {
		switch c.w[m].DepRel {
		case "nmod", "conj", "flat", "appos", "compound":
		default:
			return n
		}
		if m = c.head(m); m < 0 || !nominal(c.w[m].UPOS) {
			return n
		}
	}
	return m
}

// isPerson tells whether word i is part of a name the entity recogniser
// found to be a person's.
func (c *clauses) isPerson(i int) bool {
	t := c.base + i
	k, _ := slices.BinarySearchFunc(c.doc.Mentions, t, func(m extract.Mention, t int) int {
		return cmp.Compare(m.Last, t+1) // the first mention ending after t
	})
	return k < len(c.doc.Mentions) && c.doc.Mentions[k].First <= t && c.doc.Mentions[k].Type == "PER"
}

// complement returns what a copular clause headed by word i says of its
// subject: the head word with its modifiers ("an aide to Putin").
func (c *clauses) complement(i int) (extract.Argument, bool) {
	sp := c.span(i, func(k int) bool {
		switch c.rel(k) {
		case "nsubj", "csubj", "cop", "aux", "punct", "mark", "cc", "conj", "parataxis", "advcl", "ccomp", "obl", "discourse", "expl":
			return true
		case "advmod":
			return c.negation(k)
		}
		return false
	})
	return extract.Argument{Role: extract.Complement, Head: c.base + i, Span: sp}, sp.Len() > 0
}

// sharedPassive tells whether word i is a participle coordinated with a
// passive verb whose auxiliary it shares ("was passed by parliament and
// signed by the president"): it is passive too, though no auxiliary of
// its own says so.
func (c *clauses) sharedPassive(i int) bool {
	h := c.head(i)
	return c.w[i].DepRel == "conj" && c.w[i].XPOS == "VBN" && h >= 0 && c.child(h, "aux:pass") >= 0 &&
		c.child(i, "aux") < 0 && c.child(i, "aux:pass") < 0 && c.subjectOf(i) < 0
}

// inheritedSubject finds the subject of a clause that has none of its own
// through the parse: the first of coordinated verbs, the main clause's of
// an adverbial participle, the noun a relative clause or participle
// modifies.
func (c *clauses) inheritedSubject(i int, p *extract.Proposition) (extract.Argument, bool) {
	h := c.head(i)
	if h < 0 {
		return extract.Argument{}, false
	}
	switch c.w[i].DepRel {
	case "conj":
		if !c.isPredicate(h) {
			return extract.Argument{}, false
		}
		if s := c.subjectOf(h); s >= 0 {
			a := extract.Argument{Role: extract.Subject, Head: c.base + s, Span: c.argSpan(s), Inherited: true}
			if c.w[s].DepRel == "nsubj:pass" || c.w[s].DepRel == "csubj:pass" {
				if !p.Passive {
					return extract.Argument{}, false
				}
				a.Role = extract.Object
			} else if p.Passive {
				// "scored 31 goals and was named the best player": the
				// subject is what the passive conjunct was done to.
				a.Role = extract.Object
			}
			c.resolveRelative(h, s, &a)
			return a, true
		}
		var hp extract.Proposition
		c.relationWords(h, &hp, new([]int))
		return c.inheritedSubject(h, &hp)
	case "advcl":
		// A participle clause without a subject of its own has the
		// main clause's ("the coach told reporters …, adding that …"),
		// and so has an infinitive with "to" ("agreed on Thursday to
		// buy Corvex", which the parser reads as an adverbial clause)
		// when the main verb has no object, which could be the one
		// acting ("urged both sides to reach a deal") or an appeal to
		// someone ("called on both sides to reach a deal"); a passive
		// subject too ("soldiers were sent to reinforce the barriers").
		participle := c.w[i].XPOS == "VBG" && c.child(i, "mark") < 0
		mark := c.child(i, "mark")
		infinitive := c.w[i].XPOS == "VB" && mark >= 0 && c.lemma(mark) == "to" && c.child(h, "obj") < 0 && c.child(h, "iobj") < 0 && !c.appeals(h)
		if !participle && !infinitive || !c.isPredicate(h) {
			return extract.Argument{}, false
		}
		if s := c.subjectOf(h); s >= 0 && (c.w[s].DepRel == "nsubj" || infinitive && c.w[s].DepRel == "nsubj:pass") {
			a := extract.Argument{Role: extract.Subject, Head: c.base + s, Span: c.argSpan(s), Inherited: true}
			c.resolveRelative(h, s, &a)
			return a, true
		}
		return extract.Argument{}, false
	case "acl", "acl:relcl":
		if !nominal(c.w[h].UPOS) || c.purpose(i, h) {
			return extract.Argument{}, false
		}
		a := extract.Argument{Role: extract.Subject, Head: c.base + h, Span: c.argSpan(h), Inherited: true}
		if _, hasObj := p.Arg(extract.Object); !hasObj && (c.w[i].XPOS == "VBN" || p.Passive) {
			// "the agreements reached in Istanbul": the noun is what the
			// participle's action was done to.
			a.Role = extract.Object
			p.Passive = true
		}
		return a, true
	}
	return extract.Argument{}, false
}

// purpose tells whether clause i, hung on noun h, is an infinitive that
// says what the noun is for ("the revenue to pay its debts", "efforts to
// end the war"), whose subject is not the noun, unless the noun is the
// first, last or only one to do it ("the first woman to win the prize").
func (c *clauses) purpose(i, h int) bool {
	mark := c.child(i, "mark")
	if c.w[i].XPOS != "VB" || mark < 0 || c.lemma(mark) != "to" {
		return false
	}
	for _, d := range c.kids[h] {
		if c.hasFeat(d, "NumType=Ord") || c.w[d].XPOS == "JJS" || c.lemma(d) == "only" {
			return false
		}
	}
	return true
}

// apposition makes "Yuri Ushakov, a Kremlin aide," and "Kremlin aide Yuri
// Ushakov" into the copular proposition Ushakov is a Kremlin aide.
func (c *clauses) apposition(i int) (extract.Proposition, bool) {
	n := c.head(i)
	if n < 0 {
		return extract.Proposition{}, false
	}
	subj, compl := n, i
	if c.w[i].DepRel == "nmod:desc" {
		// A title before a name is attached to the name.
		if c.w[n].UPOS != "PROPN" {
			return extract.Proposition{}, false
		}
	}
	if c.w[i].DepRel == "appos" && c.w[subj].UPOS == "PROPN" && c.w[compl].UPOS == "PROPN" {
		return extract.Proposition{}, false // "Paris, France": two names side by side
	}
	if c.w[i].DepRel == "appos" && c.w[subj].UPOS == "NOUN" && c.w[compl].UPOS == "PROPN" {
		// "The regional governor, Ines Carvalho,": the name is who the
		// description describes.
		subj, compl = compl, subj
	}
	s := c.span(subj, func(d int) bool {
		switch c.rel(d) {
		case "conj", "cc", "punct", "case", "appos", "acl", "parataxis", "advcl", "nmod":
			return true
		}
		return d == compl
	})
	o := c.span(compl, func(k int) bool {
		switch c.rel(k) {
		case "punct", "appos", "acl", "conj", "cc":
			return true
		case "case", "mark":
			// The description's own preposition, not its phrase's:
			// "head of the workers' union" is the whole role.
			return c.head(k) == compl
		}
		return false
	})
	if s.Len() == 0 || o.Len() == 0 || overlaps(s, o) {
		return extract.Proposition{}, false
	}
	return extract.Proposition{
		Sentence: c.si, Head: c.base + compl, Lemma: "be", Copular: true, Parent: -1,
		Args: []extract.Argument{
			{Role: extract.Subject, Head: c.base + subj, Span: s},
			{Role: extract.Complement, Head: c.base + compl, Span: o},
		},
	}, true
}

func overlaps(a, b extract.Span) bool { return a.First < b.Last && b.First < a.Last }

// argSpan returns the words of the argument headed by word k: its subtree
// without the preposition (but for a copular clause's), clauses hung on it
// (relative clauses, appositions, asides) and edge punctuation.
func (c *clauses) argSpan(k int) extract.Span {
	return c.span(k, func(d int) bool {
		switch c.rel(d) {
		case "case":
			// The preposition of a copular clause's predicate is inside
			// the clause: "the storm was [at] the centre of the talks".
			return c.head(d) == k && c.child(k, "cop") < 0
		case "punct", "cc", "mark":
			return c.head(d) == k
		case "appos", "parataxis", "advcl", "dep", "reparandum":
			return true
		case "acl":
			return c.w[d].DepRel == "acl:relcl"
		case "nmod":
			// Who says so is no part of the thing: "won the election
			// with 34 percent, according to preliminary results".
			if c.preposition(d) == "according to" {
				return true
			}
			// A time the parser hung on the noun before it says when,
			// not which: a bare one ("handed to the council last
			// month"), and a day on the subject ("A federal judge on
			// Friday blocked …") or an oblique ("raised rates by a
			// point on Friday"); the fact reader dates the clause with
			// a time left out so. A date's own parts ("July 1985")
			// stay, and so do times with "of" or "in", which do tell
			// which ("the rock band of the 1980s", "the champions in
			// 2005").
			if !c.isTime(d) || c.isTime(c.head(d)) {
				return false
			}
			switch c.w[d].DepRel {
			case "nmod:unmarked", "nmod:tmod":
				return true
			case "nmod":
				return c.head(d) == k && (c.rel(k) == "nsubj" || c.rel(k) == "obl") && c.preposition(d) == "on"
			}
			return false
		}
		return false
	})
}

// reported returns the clause a reporting clause set beside it reports,
// or -1. Universal Dependencies attaches a reporting clause that follows
// what was said to it as parataxis ("Dozens were killed, officials said
// on Sunday": said → parataxis of killed), where a clause that comes
// first takes it as its complement (ccomp). A parataxis verb reports its
// head when it comes after it, set off by a comma, ends the sentence, and
// has a subject but no object or complement of its own.
func (c *clauses) reported(i int) int {
	m := c.head(i)
	if c.w[i].DepRel != "parataxis" || m < 0 || m > i || c.subjectOf(i) < 0 {
		return -1
	}
	for _, rel := range []string{"obj", "ccomp", "xcomp", "mark"} {
		if c.child(i, rel) >= 0 {
			return -1
		}
	}
	first := i
	for j := i - 1; j >= 0 && c.dominates(i, j) && c.w[j].UPOS != "PUNCT"; j-- {
		first = j
	}
	if first == 0 || c.form(first-1) != "," {
		return -1
	}
	for j := i + 1; j < len(c.w); j++ {
		if !c.dominates(i, j) && c.w[j].UPOS != "PUNCT" {
			return -1
		}
	}
	return m
}

// contentSpan returns the words of the clause headed by word k that a
// verb reports: all that was said, with its adverbial and relative
// clauses and appositions ("walked out [after talks broke down]"), and
// without its "that" and edge punctuation.
func (c *clauses) contentSpan(k int) extract.Span {
	return c.span(k, func(d int) bool {
		switch c.rel(d) {
		case "punct", "cc", "mark":
			return c.head(d) == k
		case "parataxis", "dep", "reparandum":
			return true
		}
		return false
	})
}

// span returns the longest run of words around word k, all in k's
// subtree, that does not cross a dependent skip rejects, trimmed of
// punctuation and conjunctions at either end. The result is in document
// indices.
func (c *clauses) span(k int, skip func(d int) bool) extract.Span {
	in := make([]bool, len(c.w))
	var mark func(h int)
	mark = func(h int) {
		in[h] = true
		for _, d := range c.kids[h] {
			if !skip(d) {
				mark(d)
			}
		}
	}
	mark(k)
	first, last := k, k+1
	for first > 0 && in[first-1] {
		first--
	}
	for last < len(c.w) && in[last] {
		last++
	}
	for first < last && first != k && c.edge(first) {
		first++
	}
	for last > first && last-1 != k && c.edge(last-1) {
		last--
	}
	return extract.Span{First: c.base + first, Last: c.base + last}
}

// edge tells whether word i is trimmed off the ends of a span.
func (c *clauses) edge(i int) bool {
	switch c.w[i].UPOS {
	case "PUNCT", "CCONJ":
		return true
	}
	return false
}

// nominal tells whether a part of speech heads noun phrases.
func nominal(upos string) bool { return upos == "NOUN" || upos == "PROPN" || upos == "PRON" }
