// Package entity groups an article's name mentions into entities: one
// entity per actor or place, whatever the name the article uses for it
// ("Vladimir Putin", "Putin"), with the titles the article gives it.
//
// Mentions come from the named-entity recogniser (Document.Mentions) when
// it ran; otherwise runs of proper nouns stand in for them. Titles are cut
// off names ("U.S. President" in "U.S. President Donald Trump"), using the
// parse (a title is attached to the name as nmod:desc) and the gazetteer's
// titles; a country or organisation before a title is a mention of its own
// ("U.S."). Names the gazetteer knows get its canonical name, type and
// Wikidata item, so "U.S." and "the United States" are one entity.
package entity

import (
	"context"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/gazetteer"
)

// Resolver is the pipeline stage that fills Document.Entities. It is safe
// for concurrent use.
type Resolver struct {
	gaz *gazetteer.Gazetteer
}

// New returns a resolver using the gazetteer g.
func New(g *gazetteer.Gazetteer) *Resolver { return &Resolver{gaz: g} }

// Process groups the document's name mentions into entities. Roles are
// left to the stage that reads facts.
func (r *Resolver) Process(ctx context.Context, doc *extract.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	mentions := doc.Mentions
	if len(mentions) == 0 {
		mentions = properNouns(doc)
	}
	mentions = r.known(doc, mentions)
	var named []named
	for _, m := range mentions {
		named = append(named, r.split(doc, m)...)
	}
	doc.Entities = group(doc, named)
	r.unpersoned(doc)
	echoes(doc)
	for e := range doc.Entities {
		ent := &doc.Entities[e]
		if ent.Type != "" && ent.Type != "PER" {
			continue
		}
		for _, m := range ent.Mentions {
			if t, ok := r.titleBefore(doc, m); ok {
				ent.Titles = append(ent.Titles, t)
			}
		}
		if ent.Type == "" && len(ent.Titles) > 0 {
			ent.Type = "PER" // only people carry a person's title
		}
	}
	doc.Groups = r.coref(doc)
	return nil
}

// unpersoned makes an organisation of a person the recogniser found that
// the article does not write as one. News names a person in full at the
// first mention, or with a title ("Emmanuel Macron", "Judge Ashdown"), and
// only then by family name: a name written only as one word and never
// after a title ("Volkswagen said", "Airbus delivered 60 jets") is a
// company's, an agency's or a team's. So is a name the article points
// back to with "its" in the clause it is the subject of ("Goldman Sachs
// raised its forecast"), or with "it" as the subject of what it reports
// ("Pellion Pharma said it had agreed to …"): a person's are "his",
// "her", "he" and "she". The recogniser, trained on web text with few
// company names, takes many for people's.
func (r *Resolver) unpersoned(doc *extract.Document) {
	for e := range doc.Entities {
		ent := &doc.Entities[e]
		if ent.Type != "PER" {
			continue
		}
		oneWord, pointed := true, false
		for _, m := range ent.Mentions {
			oneWord = oneWord && m.Len() == 1
			pointed = pointed || pointedAtAsThing(doc, m)
		}
		if (oneWord || pointed) && !r.titled(doc, ent) {
			ent.Type = "ORG"
		}
	}
}

// pointedAtAsThing tells whether the name at m is the subject of a verb
// whose clause has "its" after the name ("raised its forecast"), or that
// reports a clause whose subject is "it" acting ("said it would cut 3,000
// jobs", not "said it was difficult", where "it" is no one). A conjunct
// verb with no subject of its own has the name as subject too ("denied
// the accusation and said it would appeal").
func pointedAtAsThing(doc *extract.Document, m extract.Span) bool {
	s := doc.Sentences[sentenceOf(doc, m.First)]
	h := m.Last - 1 // the name's last word, or the word its others hang on
	for i := m.First; i < m.Last; i++ {
		if t := doc.Tokens[i].Head; t == 0 || s.First+t-1 < m.First || s.First+t-1 >= m.Last {
			h = i
		}
	}
	if !strings.HasPrefix(doc.Tokens[h].DepRel, "nsubj") || doc.Tokens[h].Head == 0 {
		return false
	}
	verbs := subjectVerbs(doc, s, s.First+doc.Tokens[h].Head-1)
	for i := m.Last; i < s.Last; i++ {
		t := &doc.Tokens[i]
		form := strings.ToLower(doc.Form(t))
		switch {
		case form == "its" && t.DepRel == "nmod:poss" && t.Head != 0:
			n := s.First + t.Head - 1
			if nt := &doc.Tokens[n]; !slices.Contains(verbs, n) && nt.Head != 0 && slices.Contains(verbs, s.First+nt.Head-1) {
				return true // "raised its forecast": its → forecast → raised
			}
		case form == "it" && strings.HasPrefix(t.DepRel, "nsubj") && t.Head != 0:
			c := s.First + t.Head - 1
			ct := &doc.Tokens[c]
			if ct.DepRel == "ccomp" && ct.Head != 0 && slices.Contains(verbs, s.First+ct.Head-1) && ct.UPOS == "VERB" && doc.Acts(s, c) {
				return true
			}
		}
	}
	return false
}

// subjectVerbs returns verb, a token of sentence s, and the verbs
// conjoined to it that have no subject of their own, which share its.
func subjectVerbs(doc *extract.Document, s extract.Sentence, verb int) []int {
	verbs := []int{verb}
	for c := verb + 1; c < s.Last; c++ {
		ct := &doc.Tokens[c]
		if ct.DepRel != "conj" || s.First+ct.Head-1 != verb || ct.UPOS != "VERB" {
			continue
		}
		own := false
		for i := s.First; i < s.Last; i++ {
			if d := &doc.Tokens[i]; s.First+d.Head-1 == c && d.Head != 0 && strings.HasPrefix(d.DepRel, "nsubj") {
				own = true
			}
		}
		if !own {
			verbs = append(verbs, c)
		}
	}
	return verbs
}

// titled tells whether a title is written before any of entity ent's
// mentions.
func (r *Resolver) titled(doc *extract.Document, ent *extract.Entity) bool {
	for _, m := range ent.Mentions {
		if _, ok := r.titleBefore(doc, m); ok {
			return true
		}
	}
	return false
}

// titleBefore returns the title written right before a name, with the
// country or organisation it belongs to ("Kremlin foreign policy aide",
// "Russian President").
func (r *Resolver) titleBefore(doc *extract.Document, m extract.Span) (extract.Span, bool) {
	s := doc.Sentences[sentenceOf(doc, m.First)]
	from := max(s.First, m.First-6)
	words := make([]string, m.First-from)
	for i := range words {
		words[i] = doc.Form(&doc.Tokens[from+i])
	}
	for k := range words {
		t, ok := r.gaz.MatchTitle(words[k:])
		if !ok || t.Len != len(words)-k || !t.Title.Person {
			continue
		}
		first := from + k
		// An affiliation before the title: a demonym, a known name, or a
		// proper noun ("Kremlin").
		for first > s.First {
			prev := &doc.Tokens[first-1]
			w := doc.Form(prev)
			if _, ok := r.gaz.Demonym(w); ok || prev.UPOS == "PROPN" {
				first--
				continue
			}
			break
		}
		return extract.Span{First: first, Last: m.First}, true
	}
	return extract.Span{}, false
}

// sentenceOf returns the index of the sentence holding token i.
func sentenceOf(doc *extract.Document, i int) int {
	k, _ := slices.BinarySearchFunc(doc.Sentences, i, func(s extract.Sentence, i int) int {
		switch {
		case s.Last <= i:
			return -1
		case s.First > i:
			return 1
		}
		return 0
	})
	return min(k, len(doc.Sentences)-1)
}

// known adds to mentions the names the gazetteer knows that they miss or
// cut short ("States" of "the United States" when "United" was not tagged
// a proper noun), widening a mention a known name overlaps.
func (r *Resolver) known(doc *extract.Document, mentions []extract.Mention) []extract.Mention {
	out := make([]extract.Mention, 0, len(mentions))
	next := 0 // mentions[next:] start after the scan position
	for _, s := range doc.Sentences {
		words := make([]string, s.Len())
		for i := range words {
			words[i] = doc.Form(&doc.Tokens[s.First+i])
		}
		for i := 0; i < len(words); i++ {
			for next < len(mentions) && mentions[next].Last <= s.First+i {
				out = append(out, mentions[next])
				next++
			}
			w := words[i]
			if w == "" || !unicode.IsUpper([]rune(w)[0]) {
				continue
			}
			g, ok := r.gaz.Match(words[i:])
			if !ok || g.Demonym {
				continue
			}
			span := extract.Span{First: s.First + i, Last: s.First + i + g.Len}
			typ := entryType(g.Entry.Kind)
			// Swallow the mentions the name overlaps, keeping their span
			// when it is wider (a name that contains a country's).
			for next < len(mentions) && mentions[next].First < span.Last {
				m := mentions[next]
				if m.First < span.First || m.Last > span.Last {
					span.First, span.Last = min(span.First, m.First), max(span.Last, m.Last)
					typ = m.Type
				}
				next++
			}
			if n := len(out); n > 0 && out[n-1].Last > span.First {
				continue // inside a mention already kept
			}
			out = append(out, extract.Mention{Span: span, Type: typ})
			i = span.Last - s.First - 1
		}
	}
	return append(out, mentions[next:]...)
}

// named is a mention with what the gazetteer knows of it.
type named struct {
	extract.Mention
	entry *gazetteer.Entry
	// metonym marks a name standing for entry without naming it ("Moscow"
	// for Russia): not one of entry's names.
	metonym bool
}

// split cuts the titles off a mention and looks its names up:
// "U.S. President Donald Trump" gives the United States and "Donald
// Trump".
func (r *Resolver) split(doc *extract.Document, m extract.Mention) []named {
	words := make([]string, m.Len())
	for i := range words {
		words[i] = doc.Form(&doc.Tokens[m.First+i])
	}
	var out []named
	i := 0
	for i < len(words) {
		if t, ok := r.gaz.MatchTitle(words[i:]); ok && i+t.Len < len(words) {
			i += t.Len
			continue
		}
		if g, ok := r.gaz.Match(words[i:]); ok && !g.Demonym && i+g.Len < len(words) {
			if _, title := r.gaz.MatchTitle(words[i+g.Len:]); title {
				// An affiliation before a title: "U.S." in "U.S. President".
				e := g.Entry
				out = append(out, named{extract.Mention{Span: extract.Span{First: m.First + i, Last: m.First + i + g.Len}, Type: entryType(e.Kind)}, &e, false})
				i += g.Len
				continue
			}
		}
		break
	}
	if i == len(words) {
		return out
	}
	rest := extract.Mention{Span: extract.Span{First: m.First + i, Last: m.Last}, Type: m.Type}
	n := named{Mention: rest}
	if g, ok := r.gaz.Match(words[i:]); ok && g.Len == len(words)-i && !g.Demonym {
		e := r.metonymy(doc, rest.Span, g.Entry)
		n.entry, n.metonym = &e, e.ID != g.Entry.ID
		n.Type = entryType(e.Kind)
	}
	return append(out, n)
}

// metonymy reads a capital that acts — the subject of a clause, as in
// "Moscow was ready to mediate" — as its state, which is what news means
// by it; a capital anywhere else ("talks in Moscow") stays the city.
func (r *Resolver) metonymy(doc *extract.Document, sp extract.Span, e gazetteer.Entry) gazetteer.Entry {
	if e.Kind != gazetteer.City || e.Country == "" {
		return e
	}
	acts := false
	for i := sp.First; i < sp.Last; i++ {
		if rel := doc.Tokens[i].DepRel; rel == "nsubj" || rel == "nsubj:outer" || rel == "obl:agent" {
			acts = true
		}
	}
	if !acts {
		return e
	}
	if c, ok := r.gaz.ByID(e.Country); ok {
		return c
	}
	return e
}

// entryType is the UniversalNER type of a gazetteer entry.
func entryType(k gazetteer.Kind) string {
	switch k {
	case gazetteer.Organisation, gazetteer.Body:
		return "ORG"
	}
	return "LOC"
}

// properNouns finds names where no recogniser ran: maximal runs of proper
// nouns within a sentence, without the titles the parse attaches to them.
func properNouns(doc *extract.Document) []extract.Mention {
	var out []extract.Mention
	for _, s := range doc.Sentences {
		for i := s.First; i < s.Last; {
			if !nameWord(doc, s, i) {
				i++
				continue
			}
			j := i + 1
			for j < s.Last && nameWord(doc, s, j) {
				j++
			}
			out = append(out, extract.Mention{Span: extract.Span{First: i, Last: j}})
			i = j
		}
	}
	return out
}

// nameWord tells whether token i belongs to a name: a proper noun that is
// not a title of the name it is attached to.
func nameWord(doc *extract.Document, s extract.Sentence, i int) bool {
	t := &doc.Tokens[i]
	if t.UPOS != "PROPN" {
		return false
	}
	if _, ok := doc.TimeAt(i); ok {
		return false // "Saturday", "June"
	}
	return !isTitle(doc, s, i)
}

// isTitle tells whether token i is inside a title attached to a name
// (nmod:desc), such as "President" or "U.S. President" in "U.S. President
// Donald Trump".
func isTitle(doc *extract.Document, s extract.Sentence, i int) bool {
	for n := 0; n < 4 && i >= s.First && i < s.Last; n++ {
		t := &doc.Tokens[i]
		if t.DepRel == "nmod:desc" {
			return true
		}
		if t.DepRel != "compound" && t.DepRel != "amod" && t.DepRel != "flat" {
			return false
		}
		i = s.First + t.Head - 1
	}
	return false
}

// group clusters mentions into entities: the same name, or a shorter name
// that ends a longer one of a person ("Putin" → "Vladimir Putin"), is one
// entity.
func group(doc *extract.Document, mentions []named) []extract.Entity {
	var ents []extract.Entity
	byKey := map[string]int{}
	type pending struct {
		m   extract.Mention
		key string
	}
	var short []pending
	for _, n := range mentions {
		m := n.Mention
		name := doc.SpanText(m.Span)
		key := Key(name)
		if key == "" {
			continue
		}
		if n.entry != nil {
			// A known name: one entity per gazetteer entry, under its
			// canonical name.
			key = "gazetteer:" + n.entry.ID
			e, ok := byKey[key]
			if !ok {
				ents = append(ents, extract.Entity{Name: n.entry.Name, Type: m.Type, Wikidata: n.entry.Wikidata})
				e = len(ents) - 1
				byKey[key] = e
			}
			ents[e].Mentions = append(ents[e].Mentions, m.Span)
			if name != n.entry.Name && !n.metonym {
				ents[e].Aliases = append(ents[e].Aliases, name)
			}
			continue
		}
		if m.Len() == 1 {
			short = append(short, pending{m, key})
			continue
		}
		byKey[key] = addMention(&ents, byKey, key, name, m)
	}
	// One-word names join the longer name they end or start, when exactly
	// one entity fits, so that "Putin" is Vladimir Putin and "Kremlin"
	// stays itself.
	for _, p := range short {
		if e, ok := byKey[p.key]; ok {
			addTo(&ents[e], doc.SpanText(p.m.Span), p.m)
			continue
		}
		match := -1
		for e := range ents {
			if ents[e].Type != "" && ents[e].Type != "PER" && ents[e].Type != p.m.Type {
				continue
			}
			words := strings.Fields(Key(ents[e].Name))
			if len(words) > 1 && words[len(words)-1] == p.key {
				if match >= 0 && match != e {
					match = -2 // ambiguous: two Smiths
					break
				}
				match = e
			}
		}
		if match == -1 {
			// An organisation goes by its first word ("Kessler" for
			// Kessler Automotive), whatever type the recogniser
			// guessed for the bare word.
			match = echoed(ents, func(e extract.Entity) bool {
				words := strings.Fields(Key(e.Name))
				return e.Type == "ORG" && len(words) > 1 && words[0] == p.key
			})
		}
		if match >= 0 {
			addTo(&ents[match], doc.SpanText(p.m.Span), p.m)
			byKey[p.key] = match
			continue
		}
		byKey[p.key] = addMention(&ents, byKey, p.key, doc.SpanText(p.m.Span), p.m)
	}
	for e := range ents {
		slices.SortFunc(ents[e].Mentions, func(a, b extract.Span) int { return a.First - b.First })
		slices.Sort(ents[e].Aliases)
		ents[e].Aliases = slices.Compact(ents[e].Aliases)
	}
	// Entities in order of first mention, so indices read like the text.
	order := make([]int, len(ents))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return ents[a].Mentions[0].First - ents[b].Mentions[0].First })
	out := make([]extract.Entity, len(ents))
	for i, o := range order {
		out[i] = ents[o]
	}
	return out
}

// echoes adds as mentions the names the recogniser missed that repeat a
// name it found in the article: the whole name, a person's family name
// ("Vogt" for Martina Vogt), or the first word of an organisation's
// longer name ("Kessler" for Kessler Automotive). Within one article a
// name keeps one sense, and the recogniser, reading a sentence at a time,
// misses a bare name it found with more context elsewhere. A capitalised
// word inside a sentence that the tagger took for a common noun ("Swiss
// drugmaker Pellam recalled …") counts when it is a whole name found. A
// whole name goes before a part of one; a name that could repeat two
// entities either way is left alone. Entities stay in order of first
// mention.
func echoes(doc *extract.Document) {
	covered := map[int]bool{}
	for _, e := range doc.Entities {
		for _, m := range e.Mentions {
			for i := m.First; i < m.Last; i++ {
				covered[i] = true
			}
		}
	}
	type candidate struct {
		sp    extract.Span
		whole bool // only a whole name may match
	}
	var cands []candidate
	for _, m := range properNouns(doc) {
		cands = append(cands, candidate{sp: m.Span})
	}
	for _, s := range doc.Sentences {
		for i := s.First + 1; i < s.Last; i++ {
			if t := &doc.Tokens[i]; t.UPOS == "NOUN" {
				if r, _ := utf8.DecodeRuneInString(doc.Form(t)); unicode.IsUpper(r) {
					cands = append(cands, candidate{sp: extract.Span{First: i, Last: i + 1}, whole: true})
				}
			}
		}
	}
	added := false
	for _, c := range cands {
		if slices.ContainsFunc(spanTokens(c.sp), func(i int) bool { return covered[i] }) {
			continue
		}
		key := Key(doc.SpanText(c.sp))
		// The entity with the whole name, else the one it is part of.
		match := echoed(doc.Entities, func(e extract.Entity) bool { return key == Key(e.Name) })
		if match == -1 && !c.whole {
			match = echoed(doc.Entities, func(e extract.Entity) bool { return echoOf(e, key) })
		}
		if match >= 0 {
			ent := &doc.Entities[match]
			addTo(ent, doc.SpanText(c.sp), extract.Mention{Span: c.sp})
			slices.SortFunc(ent.Mentions, func(a, b extract.Span) int { return a.First - b.First })
			slices.Sort(ent.Aliases)
			ent.Aliases = slices.Compact(ent.Aliases)
			added = true
		}
	}
	if added {
		slices.SortStableFunc(doc.Entities, func(a, b extract.Entity) int { return a.Mentions[0].First - b.Mentions[0].First })
	}
}

// echoed returns the one entity that matches, -1 when none does and -2
// when several do.
func echoed(ents []extract.Entity, matches func(extract.Entity) bool) int {
	match := -1
	for e := range ents {
		if matches(ents[e]) {
			if match >= 0 {
				return -2
			}
			match = e
		}
	}
	return match
}

// echoOf tells whether a name with key repeats part of entity e's name
// (see echoes).
func echoOf(e extract.Entity, key string) bool {
	words := strings.Fields(Key(e.Name))
	switch {
	case len(words) < 2:
		return false
	case e.Type == "PER":
		return key == words[len(words)-1]
	case e.Type == "ORG":
		return key == words[0]
	}
	return false
}

// spanTokens returns the token indices of sp.
func spanTokens(sp extract.Span) []int {
	out := make([]int, 0, sp.Len())
	for i := sp.First; i < sp.Last; i++ {
		out = append(out, i)
	}
	return out
}

// addMention adds m to the entity with key, creating it, and returns the
// entity's index.
func addMention(ents *[]extract.Entity, byKey map[string]int, key, name string, m extract.Mention) int {
	if e, ok := byKey[key]; ok {
		addTo(&(*ents)[e], name, m)
		return e
	}
	*ents = append(*ents, extract.Entity{Name: name, Type: m.Type, Mentions: []extract.Span{m.Span}})
	return len(*ents) - 1
}

// addTo adds a mention to e, keeping the fullest name as e's name.
func addTo(e *extract.Entity, name string, m extract.Mention) {
	e.Mentions = append(e.Mentions, m.Span)
	if e.Type == "" {
		e.Type = m.Type
	}
	if name == e.Name {
		return
	}
	if len(strings.Fields(name)) > len(strings.Fields(e.Name)) {
		e.Aliases = append(e.Aliases, e.Name)
		e.Name = name
		return
	}
	e.Aliases = append(e.Aliases, name)
}

// Key normalises a name for matching: lower case, dots and possessive
// endings dropped, white space collapsed ("U.S." and "US" match).
func Key(name string) string {
	name = strings.ToLower(name)
	name = strings.TrimSuffix(strings.TrimSuffix(name, "'s"), "’s")
	name = strings.ReplaceAll(name, ".", "")
	return strings.Join(strings.Fields(name), " ")
}

// At returns the index of the entity with a mention containing token i,
// or -1.
func At(doc *extract.Document, i int) int {
	for e := range doc.Entities {
		for _, m := range doc.Entities[e].Mentions {
			if m.First <= i && i < m.Last {
				return e
			}
		}
	}
	return -1
}
