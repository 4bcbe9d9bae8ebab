// Package entity groups an article's name mentions into entities: one
// entity per actor or place, whatever the name the article uses for it
// ("Vladimir Putin", "Putin"), with the titles the article gives it.
//
// Mentions come from the named-entity recogniser (Document.Mentions) when
// it ran; otherwise runs of proper nouns stand in for them, without the
// titles the parse attaches to names ("U.S. President" in "U.S. President
// Donald Trump").
package entity

import (
	"context"
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/extract"
)

// Resolver is the pipeline stage that fills Document.Entities. Its zero
// value is ready to use and safe for concurrent use.
type Resolver struct{}

// Process groups the document's name mentions into entities. Roles are
// left to the stage that reads facts.
func (Resolver) Process(ctx context.Context, doc *extract.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	mentions := doc.Mentions
	if len(mentions) == 0 {
		mentions = properNouns(doc)
	}
	doc.Entities = group(doc, mentions)
	return nil
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
func group(doc *extract.Document, mentions []extract.Mention) []extract.Entity {
	var ents []extract.Entity
	byKey := map[string]int{}
	type pending struct {
		m   extract.Mention
		key string
	}
	var short []pending
	for _, m := range mentions {
		name := doc.SpanText(m.Span)
		key := Key(name)
		if key == "" {
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
