package entity

import (
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/extract"
)

// Coreference within an article: pronouns ("he", "his"), descriptions by
// title ("the Russian president", "his U.S. counterpart") and pairs ("the
// two leaders", "both men") are linked to the entities named before them.
// The rules use the parse (subjects are preferred antecedents, as in
// centering theory) and what the article itself said about its people
// (their titles); they resolve only what they can resolve with some
// certainty and leave the rest alone.

// personPronouns are the third-person singular pronouns that refer to
// people.
var personPronouns = map[string]bool{
	"he": true, "him": true, "his": true, "himself": true,
	"she": true, "her": true, "hers": true, "herself": true,
}

// pairWords head noun phrases that refer to the two people, or the two
// countries, just named together when they carry "two" or "both": "the two
// leaders", "both men", "the two countries".
var pairWords = map[string]pairKind{
	"leader": people, "man": people, "woman": people, "president": people, "head": people, "minister": people,
	"country": places, "nation": places, "state": places, "government": places, "neighbour": places, "neighbor": places,
}

// pairKind tells which pair a pair word refers to.
type pairKind uint8

const (
	people pairKind = iota + 1
	places
)

// coref adds to the entities the pronouns and descriptions that refer to
// them, and returns the pairs "the two leaders" refer to.
func (r *Resolver) coref(doc *extract.Document) []extract.Group {
	at := make(map[int]int) // token → entity, for name mentions
	for e, ent := range doc.Entities {
		for _, m := range ent.Mentions {
			for i := m.First; i < m.Last; i++ {
				at[i] = e
			}
		}
	}
	var groups []extract.Group
	added := make([][]extract.Span, len(doc.Entities))
	pairs := map[pairKind][]int{} // the last two people, and places, named together
	for si, s := range doc.Sentences {
		for i := s.First; i < s.Last; i++ {
			t := &doc.Tokens[i]
			if e, ok := at[i]; ok {
				p := r.coordinated(doc, s, i, at)
				if p < 0 {
					p = r.counterpart(doc, s, i, at)
				}
				if p >= 0 && p != e {
					if k := r.kind(doc, e); k != 0 && k == r.kind(doc, p) {
						pairs[k] = []int{p, e}
					}
				}
				continue
			}
			form := strings.ToLower(doc.Form(t))
			switch {
			case t.UPOS == "PRON" && personPronouns[form]:
				if e := r.antecedent(doc, si, i, at, func(e int) bool { return r.person(doc, e) }); e >= 0 {
					added[e] = append(added[e], extract.Span{First: i, Last: i + 1})
				}
			case t.UPOS == "PRON" && (form == "it" || form == "they") && strings.HasPrefix(t.DepRel, "nsubj"):
				e := r.reporter(doc, s, i, at)
				if e < 0 && reports(doc, s, i) {
					e = r.lastReporter(doc, si, i, at)
				}
				if e >= 0 {
					added[e] = append(added[e], extract.Span{First: i, Last: i + 1})
				}
			case t.UPOS == "NOUN":
				if k := r.pairPhrase(doc, s, i); len(pairs[k]) == 2 {
					groups = append(groups, extract.Group{Span: r.phrase(doc, s, i), Head: i, Members: slices.Clone(pairs[k])})
					continue
				}
				if e := r.described(doc, si, s, i, at); e >= 0 {
					added[e] = append(added[e], r.phrase(doc, s, i))
				} else if sp := r.phrase(doc, s, i); sp.Len() == 2 {
					if e := headNamed(doc, sp); e >= 0 {
						added[e] = append(added[e], sp)
					}
				}
			}
		}
	}
	for e, spans := range added {
		ent := &doc.Entities[e]
		ent.Mentions = append(ent.Mentions, spans...)
		slices.SortFunc(ent.Mentions, func(a, b extract.Span) int { return a.First - b.First })
	}
	return groups
}

// person tells whether entity e is a person, by type or, where the type is
// unknown, by a title before its name.
func (r *Resolver) person(doc *extract.Document, e int) bool {
	ent := &doc.Entities[e]
	return ent.Type == "PER" || (ent.Type == "" && len(ent.Titles) > 0)
}

// kind tells whether entity e can be one of a pair of people or of
// places, or neither (0).
func (r *Resolver) kind(doc *extract.Document, e int) pairKind {
	switch {
	case r.person(doc, e):
		return people
	case doc.Entities[e].Type == "LOC" || doc.Entities[e].Type == "ORG" && doc.Entities[e].Wikidata != "":
		return places
	}
	return 0
}

// coordinated returns the entity token i's name is coordinated with
// ("Putin and Trump", "Macron and German Chancellor Olaf Scholz"), or -1.
func (r *Resolver) coordinated(doc *extract.Document, s extract.Sentence, i int, at map[int]int) int {
	h := nameHead(doc, s, i)
	if doc.Tokens[h].DepRel != "conj" || doc.Tokens[h].Head == 0 {
		return -1
	}
	other := s.First + doc.Tokens[h].Head - 1
	for j := s.First; j < s.Last; j++ {
		if e, ok := at[j]; ok && nameHead(doc, s, j) == other {
			return e
		}
	}
	return -1
}

// counterpart returns the entity that is the subject of the verb whose
// object, or whose partner "with", the name at token i is: the pair of
// "Putin called Trump", "Modi spoke with Lula", "Macron held talks with
// Scholz", which "the two leaders" then names as much as "Putin and
// Trump" does. It returns -1 when there is none.
func (r *Resolver) counterpart(doc *extract.Document, s extract.Sentence, i int, at map[int]int) int {
	h := nameHead(doc, s, i)
	t := &doc.Tokens[h]
	if t.Head == 0 {
		return -1
	}
	verb := t.Head // 1-based, in the sentence
	switch {
	case t.DepRel == "obj" || t.DepRel == "iobj":
	case (t.DepRel == "obl" || t.DepRel == "nmod") && doc.CaseMarker(s, h) == "with":
		// "talks with Scholz", "by phone with Lula": the partner of the
		// noun's verb.
		if n := &doc.Tokens[s.First+verb-1]; t.DepRel == "nmod" && (n.DepRel == "obj" || n.DepRel == "obl") && n.Head != 0 {
			verb = n.Head
		}
	default:
		return -1
	}
	for j := s.First; j < s.Last; j++ {
		if e, ok := at[j]; ok {
			if sh := &doc.Tokens[nameHead(doc, s, j)]; sh.Head == verb && sh.DepRel == "nsubj" {
				return e
			}
		}
	}
	return -1
}

// nameHead climbs from token i to the head of the name phrase it is part
// of, through the relations that hold names and titles together.
func nameHead(doc *extract.Document, s extract.Sentence, i int) int {
	for n := 0; n < 8; n++ {
		t := &doc.Tokens[i]
		if t.Head == 0 || (t.DepRel != "flat" && t.DepRel != "compound" && t.DepRel != "nmod:desc") {
			break
		}
		i = s.First + t.Head - 1
	}
	return i
}

// reporter resolves "it" or "they" as the subject of a reported clause to
// the organisation or country that reports it: "Meta said it would
// appeal". Elsewhere "it" too often stands for no entity to be guessed.
func (r *Resolver) reporter(doc *extract.Document, s extract.Sentence, i int, at map[int]int) int {
	clause := doc.Tokens[i].Head
	if clause == 0 || doc.Tokens[s.First+clause-1].DepRel != "ccomp" {
		return -1
	}
	verb := doc.Tokens[s.First+clause-1].Head
	if verb == 0 {
		return -1
	}
	for j := s.First; j < s.Last; j++ {
		if doc.Tokens[j].Head != verb || !strings.HasPrefix(doc.Tokens[j].DepRel, "nsubj") {
			continue
		}
		if e := r.organisationAt(doc, s, j, at); e >= 0 {
			return e
		}
	}
	return -1
}

// organisationAt returns the organisation or country a subject at token j
// names (its name may hang on a title or description), or -1 if it names
// none, or a person.
func (r *Resolver) organisationAt(doc *extract.Document, s extract.Sentence, j int, at map[int]int) int {
	e, ok := at[j]
	for k := s.First; k < s.Last && !ok; k++ {
		if nameHead(doc, s, k) == j {
			e, ok = at[k]
		}
	}
	if !ok || r.person(doc, e) {
		return -1
	}
	return e
}

// reports tells whether the verb whose subject is token i reports what
// was said: it has a clause for what was said ("it said the talks went
// well"), or it is the aside of a quoted sentence ("…, it added").
func reports(doc *extract.Document, s extract.Sentence, i int) bool {
	v := doc.Tokens[i].Head
	if v == 0 {
		return false
	}
	if doc.Tokens[s.First+v-1].DepRel == "parataxis" {
		return true
	}
	for j := s.First; j < s.Last; j++ {
		if doc.Tokens[j].Head == v && doc.Tokens[j].DepRel == "ccomp" {
			return true
		}
	}
	return false
}

// lastReporter resolves "it" or "they" reporting something ("It said
// Putin also informed Trump", "…, it added") to the organisation or
// country that last reported something, in its sentence before it or in
// the three sentences before: "the Kremlin said … It added …". Only an
// entity that reported is taken, since "it" stands for too many things
// otherwise.
func (r *Resolver) lastReporter(doc *extract.Document, si, i int, at map[int]int) int {
	for back := 0; back <= 3 && si-back >= 0; back++ {
		s := doc.Sentences[si-back]
		last := s.Last
		if back == 0 {
			last = i
		}
		for j := last - 1; j >= s.First; j-- {
			if !strings.HasPrefix(doc.Tokens[j].DepRel, "nsubj") || !reports(doc, s, j) {
				continue
			}
			if e := r.organisationAt(doc, s, j, at); e >= 0 {
				return e
			}
		}
	}
	return -1
}

// antecedent returns the entity a pronoun at token i refers to: the
// subject of its own clause's sentence before it, else the subject of one
// of the two sentences before, else the nearest entity before it, among
// the entities ok accepts; -1 if none.
func (r *Resolver) antecedent(doc *extract.Document, si, i int, at map[int]int, ok func(int) bool) int {
	for back := 0; back <= 2 && si-back >= 0; back++ {
		s := doc.Sentences[si-back]
		last := s.Last
		if back == 0 {
			last = i
		}
		nearest := -1
		for j := s.First; j < last; j++ {
			e, isEnt := at[j]
			if !isEnt || !ok(e) {
				continue
			}
			if strings.HasPrefix(doc.Tokens[j].DepRel, "nsubj") || doc.Tokens[j].DepRel == "flat" && strings.HasPrefix(doc.Tokens[s.First+doc.Tokens[j].Head-1].DepRel, "nsubj") {
				return e
			}
			nearest = e
		}
		if nearest >= 0 {
			return nearest
		}
	}
	return -1
}

// phrase returns the noun phrase headed by token h: h with the words
// before it that depend on it.
func (r *Resolver) phrase(doc *extract.Document, s extract.Sentence, h int) extract.Span {
	first := h
	for j := h - 1; j >= s.First; j-- {
		if !dependsOn(doc, s, j, h) {
			break
		}
		first = j
	}
	for first < h {
		switch doc.Tokens[first].UPOS {
		case "ADP", "PUNCT", "CCONJ", "SCONJ":
			first++ // "between" in "between the two countries"
			continue
		}
		break
	}
	return extract.Span{First: first, Last: h + 1}
}

// dependsOn tells whether token j is in the subtree of token h.
func dependsOn(doc *extract.Document, s extract.Sentence, j, h int) bool {
	for n := 0; n < s.Len() && j >= s.First; n++ {
		if j == h {
			return true
		}
		hd := doc.Tokens[j].Head
		if hd == 0 {
			return false
		}
		j = s.First + hd - 1
	}
	return false
}

// pairPhrase tells whether the noun at token h is "the two leaders",
// "both men", "the two countries" and the like, and which pair it names.
func (r *Resolver) pairPhrase(doc *extract.Document, s extract.Sentence, h int) pairKind {
	k := pairWords[strings.ToLower(doc.Tokens[h].Lemma)]
	if k == 0 {
		return 0
	}
	for j := s.First; j < h; j++ {
		if !dependsOn(doc, s, j, h) || doc.Tokens[j].Head != h-s.First+1 {
			continue
		}
		switch strings.ToLower(doc.Form(&doc.Tokens[j])) {
		case "two", "both":
			return k
		}
	}
	return 0
}

// described returns the person a definite description at noun h refers
// to — "the Russian president", "his U.S. counterpart", "the Kremlin
// aide" — or -1: the latest person named before with the same title and
// the same country or organisation. "counterpart" and "leader" fit any
// title of the affiliation.
func (r *Resolver) described(doc *extract.Document, si int, s extract.Sentence, h int, at map[int]int) int {
	sp := r.phrase(doc, s, h)
	words := make([]string, 0, sp.Len())
	definite := false
	for j := sp.First; j <= h; j++ {
		w := doc.Form(&doc.Tokens[j])
		switch strings.ToLower(w) {
		case "the", "his", "her", "its", "their":
			definite = true
			continue
		}
		words = append(words, w)
	}
	if !definite || len(words) == 0 {
		return -1
	}
	title := strings.ToLower(doc.Tokens[h].Lemma)
	generic := title == "counterpart" || title == "leader"
	if !generic {
		if _, ok := r.gaz.MatchTitle(words[len(words)-1:]); !ok {
			return -1
		}
	}
	affiliation := r.affiliation(words[:len(words)-1])
	if affiliation == "" && generic {
		return -1 // "the leader": too vague
	}
	match := func(e int) bool {
		for _, t := range doc.Entities[e].Titles {
			tw := strings.Fields(doc.SpanText(t))
			if len(tw) == 0 {
				continue
			}
			if !generic && !strings.EqualFold(tw[len(tw)-1], doc.Form(&doc.Tokens[h])) &&
				!strings.EqualFold(strings.TrimSuffix(tw[len(tw)-1], "s"), title) {
				continue
			}
			if affiliation != "" && r.affiliation(tw[:len(tw)-1]) != affiliation {
				continue
			}
			return true
		}
		return false
	}
	return r.antecedent(doc, si, sp.First, at, match)
}

// headNamed returns the organisation or place that "the X" at span sp
// refers to by the last word of its name ("the bank" after Thornbury
// Bank, "the agency" after the International Atomic Energy Agency): the
// one mentioned last before it, or -1.
func headNamed(doc *extract.Document, sp extract.Span) int {
	if !strings.EqualFold(doc.Form(&doc.Tokens[sp.First]), "the") {
		return -1
	}
	word := strings.ToLower(doc.Form(&doc.Tokens[sp.Last-1]))
	best, bestAt := -1, -1
	for e, ent := range doc.Entities {
		if ent.Type != "ORG" && ent.Type != "LOC" {
			continue
		}
		words := strings.Fields(Key(ent.Name))
		if len(words) < 2 || words[len(words)-1] != word {
			continue
		}
		for _, m := range ent.Mentions {
			if m.First < sp.First && m.First > bestAt {
				best, bestAt = e, m.First
			}
		}
	}
	return best
}

// affiliation returns the gazetteer ID of the country or organisation a
// title's modifiers name ("Russian", "U.S.", "Kremlin" → RU, US, RU), or
// the modifiers themselves, lower-cased, when the gazetteer does not know
// them; "" when there are none.
func (r *Resolver) affiliation(words []string) string {
	for _, w := range words {
		if e, ok := r.gaz.Demonym(w); ok {
			return e.ID
		}
		if g, ok := r.gaz.Match([]string{w}); ok {
			if g.Entry.Country != "" {
				return g.Entry.Country
			}
			return g.Entry.ID
		}
	}
	var mods []string
	for _, w := range words {
		if _, ok := r.gaz.MatchTitle([]string{w}); !ok {
			mods = append(mods, strings.ToLower(w))
		}
	}
	return strings.Join(mods, " ")
}
