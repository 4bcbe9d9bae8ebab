// Package clause reads propositions — a predicate and its arguments — off
// the dependency parse of each sentence. It is the layer both the graph's
// relations and the Open IE output are built from.
//
// The rules follow Universal Dependencies: a clause is headed by a verb, or
// by the word a copula ("is") links its subject to; its arguments are its
// core dependents (nsubj, obj, iobj, xcomp, ccomp) and its obliques (obl,
// with their prepositions). The parse also tells where an argument a clause
// does not spell out can be found: the subject coordinated verbs share
// ("Putin called and thanked Trump"), the controller of an infinitive
// ("Putin offered to mediate"), the noun a relative clause or a participle
// modifies ("the strikes targeting Iran"). Passive clauses are turned
// active, and appositions ("Yuri Ushakov, a Kremlin aide,") become copular
// propositions, since they state what someone is.
package clause

import (
	"context"
	"strings"

	"github.com/newsgraph/newsgraph/extract"
)

// Extractor is the pipeline stage that fills Document.Propositions. Its
// zero value is ready to use and safe for concurrent use.
type Extractor struct{}

// Process reads the propositions of every sentence of a parsed document.
func (Extractor) Process(ctx context.Context, doc *extract.Document) error {
	doc.Propositions = doc.Propositions[:0]
	for si, s := range doc.Sentences {
		if si%64 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if s.Dateline {
			continue // where and when, not what happened
		}
		c := newClauses(doc, si, s)
		doc.Propositions = c.extract(doc.Propositions)
	}
	return nil
}

// clauses holds one sentence's parse in the shape the rules need.
type clauses struct {
	doc  *extract.Document
	si   int
	base int             // document index of the sentence's first word
	w    []extract.Token // the sentence's words; word i has CoNLL-U ID i+1
	kids [][]int         // sentence-local indices of each word's dependents, in order
}

func newClauses(doc *extract.Document, si int, s extract.Sentence) *clauses {
	c := &clauses{doc: doc, si: si, base: s.First, w: doc.Words(s)}
	c.kids = make([][]int, len(c.w))
	for i, t := range c.w {
		if h := t.Head - 1; h >= 0 && h < len(c.w) && h != i {
			c.kids[h] = append(c.kids[h], i)
		}
	}
	return c
}

// head returns the sentence-local index of word i's head, -1 for the root.
func (c *clauses) head(i int) int {
	h := c.w[i].Head - 1
	if h < 0 || h >= len(c.w) {
		return -1
	}
	return h
}

// rel returns word i's relation without its subtype ("nsubj" for
// "nsubj:pass").
func (c *clauses) rel(i int) string {
	r := c.w[i].DepRel
	if k := strings.IndexByte(r, ':'); k >= 0 {
		return r[:k]
	}
	return r
}

func (c *clauses) form(i int) string  { return c.doc.Form(&c.w[i]) }
func (c *clauses) lemma(i int) string { return strings.ToLower(c.w[i].Lemma) }

// child returns word i's first dependent with relation rel (subtype
// included), or -1.
func (c *clauses) child(i int, rel string) int {
	for _, k := range c.kids[i] {
		if c.w[k].DepRel == rel {
			return k
		}
	}
	return -1
}

// hasFeat tells whether word i has the morphological feature f ("Tense=Past").
func (c *clauses) hasFeat(i int, f string) bool {
	for _, x := range strings.Split(c.w[i].Feats, "|") {
		if x == f {
			return true
		}
	}
	return false
}

// isPredicate tells whether word i heads a clause of its own.
func (c *clauses) isPredicate(i int) bool {
	if c.child(i, "cop") >= 0 {
		return true
	}
	if c.w[i].UPOS != "VERB" {
		return false
	}
	switch c.rel(i) {
	case "amod", "compound", "det", "case", "mark", "fixed", "flat", "goeswith", "reparandum", "nmod", "obl", "nsubj", "obj", "iobj":
		// Verbs tagged as nominal modifiers ("the escalating crisis") or
		// standing as nouns do not head clauses.
		return false
	}
	return true
}

// extract appends the sentence's propositions to props.
func (c *clauses) extract(props []extract.Proposition) []extract.Proposition {
	first := len(props)
	at := map[int]int{} // sentence-local predicate head → index in props
	for i := range c.w {
		if !c.isPredicate(i) {
			continue
		}
		if c.chained(i) {
			continue
		}
		p, ok := c.proposition(i)
		if !ok {
			continue
		}
		at[i] = len(props)
		props = append(props, p)
	}
	for i := range c.w {
		if c.w[i].DepRel == "appos" || c.w[i].DepRel == "nmod:desc" {
			if p, ok := c.apposition(i); ok {
				props = append(props, p)
			}
		}
	}
	// Link reported clauses to the proposition that reports them: the
	// nearest one above whose content holds them, or a reporting clause
	// beside them (see reported).
	for k := first; k < len(props); k++ {
		props[k].Parent = -1
		i := props[k].Head - c.base
		for h := c.head(i); h >= 0; h = c.head(h) {
			if j, ok := at[h]; ok {
				if a, ok := props[j].Arg(extract.Content); ok && c.dominates(a.Head-c.base, i) {
					props[k].Parent = j
				}
				break
			}
		}
	}
	for j := first; j < len(props); j++ {
		v := props[j].Head - c.base
		m := c.reported(v)
		if at[v] != j || m < 0 {
			continue
		}
		for k := first; k < len(props); k++ {
			i := props[k].Head - c.base
			if k != j && props[k].Parent < 0 && c.dominates(m, i) && !c.dominates(v, i) {
				props[k].Parent = j
			}
		}
	}
	for k := first; k < len(props); k++ {
		props[k].Confidence = c.confidence(&props[k])
	}
	return props
}

// dominates tells whether word a is word b or one of its ancestors.
func (c *clauses) dominates(a, b int) bool {
	for n := 0; b >= 0 && n <= len(c.w); n++ {
		if a == b {
			return true
		}
		b = c.head(b)
	}
	return false
}

// chained tells whether word i is an infinitive complement ("to mediate"
// in "offered to mediate", "to hold" in "was willing to hold") that shares
// its subject with the word it completes: its proposition is told through
// that word's, as one relation phrase.
func (c *clauses) chained(i int) bool {
	h := c.head(i)
	return c.w[i].DepRel == "xcomp" && c.w[i].UPOS == "VERB" && h >= 0 && c.isPredicate(h) &&
		c.subjectOf(i) < 0 && c.child(i, "cop") < 0
}

// chainChild returns the infinitive chained to word i, or -1.
func (c *clauses) chainChild(i int) int {
	for _, k := range c.kids[i] {
		if c.chained(k) {
			return k
		}
	}
	return -1
}

// subjectOf returns the sentence-local index of word i's own subject, or -1.
func (c *clauses) subjectOf(i int) int {
	for _, k := range c.kids[i] {
		switch c.w[k].DepRel {
		case "nsubj", "nsubj:pass", "csubj", "csubj:pass", "nsubj:outer":
			return k
		}
	}
	return -1
}

// confidence estimates how likely a proposition is right, from what makes
// the parse and the rules err: arguments found through the parse rather
// than attached to the predicate, long sentences, long arguments, nesting.
func (c *clauses) confidence(p *extract.Proposition) float64 {
	conf := 0.9
	if n := len(c.w); n > 50 {
		conf *= 0.75
	} else if n > 30 {
		conf *= 0.9
	}
	for _, a := range p.Args {
		if a.Inherited {
			conf *= 0.85
		}
		if a.Len() > 8 {
			conf *= 0.95
		}
	}
	if p.Parent >= 0 {
		conf *= 0.95
	}
	if len(p.Words) == 0 {
		conf *= 0.9 // an apposition
	}
	return conf
}
