// Package gazetteer holds newsgraph's lists of the world's countries,
// capitals, international organisations, government bodies, regions and
// the titles of people in the news, with lookups that tie the ways news
// writes a name to one entry: "U.S.", "US", "the United States" and
// "America" are the United States; "Russian" and "Russians" point to
// Russia; "Moscow" and "the Kremlin" stand for the Russian state; "foreign
// policy aide" is a title.
//
// The lists are plain tab-separated files under data/, written for this
// project (see each file's header for its sources and licence), and are
// embedded in the binary; Default loads them once. A Gazetteer is
// immutable and safe for concurrent use.
//
// Names match whatever their case, dots and accents ("u.s." = "US",
// "Turkiye" = "Türkiye"), with one exception: a name that is an acronym
// ("US", "WHO", "MoD") or that is an ordinary word in lower case
// ("Turkey", "China", "Fed", listed in data/cased.txt) matches only as
// written or all in capitals, so that "us", "who" and "turkey" are not
// countries or organisations. Titles match in any case.
package gazetteer

import (
	"embed"
	"fmt"
	"io/fs"
	"iter"
	"sync"
)

// Kind is what an entry names.
type Kind uint8

const (
	// Country is a state, a territory or a constituent country of the UK.
	Country Kind = iota + 1
	// City is a capital or seat of government.
	City
	// Organisation is an international or non-governmental organisation.
	Organisation
	// Body is an institution of one state, often named for the state's
	// leadership: "the Kremlin", "Downing Street", "the Pentagon".
	Body
	// Region is a continent or a region of several countries.
	Region
)

var kindNames = [...]string{Country: "country", City: "city", Organisation: "organisation", Body: "body", Region: "region"}

func (k Kind) String() string {
	if int(k) < len(kindNames) && kindNames[k] != "" {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", k)
}

// Status is the standing of a country entry.
type Status uint8

const (
	// State is a member state of the United Nations.
	State Status = iota + 1
	// Observer is a UN observer state: Vatican City, Palestine.
	Observer
	// Partial is a partially recognised state: Kosovo, Taiwan.
	Partial
	// Territory is any other entry of ISO 3166-1: a dependent territory, a
	// special administrative region, a disputed territory, Antarctica.
	Territory
	// Constituent is a constituent country of the United Kingdom.
	Constituent
)

var statusNames = [...]string{State: "state", Observer: "observer", Partial: "partial", Territory: "territory", Constituent: "constituent"}

func (s Status) String() string {
	if int(s) < len(statusNames) && statusNames[s] != "" {
		return statusNames[s]
	}
	return fmt.Sprintf("Status(%d)", s)
}

// Entry is one place, organisation or body.
type Entry struct {
	// ID identifies the entry: the ISO code for a country ("RU",
	// "GB-SCT"), a lower-case slug otherwise ("moscow", "un", "kremlin").
	ID   string
	Kind Kind
	// Name is the canonical English name: "United States", "Kyiv".
	Name string
	// Status is a country's standing, zero for other kinds.
	Status Status
	// Code and Alpha3 are a country's ISO 3166-1 alpha-2 and alpha-3
	// codes (ISO 3166-2 for a constituent country, which has no alpha-3);
	// empty for other kinds.
	Code, Alpha3 string
	// Wikidata is the entry's Wikidata item ("Q159"), empty where the data
	// does not give it.
	Wikidata string
	// Country is the ID of the country the entry belongs to: a city's or
	// body's state, the state a territory or constituent country is part
	// of. It is empty for states, organisations and regions.
	Country string
	// Role is what a city or body stands for: "capital" or "seat" (of
	// government) for a city, "presidency", "parliament", "central bank"
	// for a body.
	Role string
}

// Match is a name or demonym found at the start of a token sequence.
type Match struct {
	Entry Entry
	// Len is the number of tokens the name spans.
	Len int
	// Demonym tells that the tokens are a demonym ("Russian", "Russians")
	// of the entry rather than its name.
	Demonym bool
	// Ambiguous tells that the tokens also name other entries; Entry is
	// the one they usually mean in news, and LookupAll lists them all.
	Ambiguous bool
}

//go:embed data/*.tsv data/*.txt
var embedded embed.FS

// Default returns the gazetteer of the embedded data, loading it on first
// use. The data is checked by the package's tests, so a failure to load it
// is a bug in the build and panics.
var Default = sync.OnceValue(func() *Gazetteer {
	sub, err := fs.Sub(embedded, "data")
	if err == nil {
		var g *Gazetteer
		if g, err = Load(sub); err == nil {
			return g
		}
	}
	panic(fmt.Sprintf("gazetteer: embedded data: %v", err))
})

// Gazetteer is a loaded set of lists. It is immutable.
type Gazetteer struct {
	entries []Entry
	byID    map[string]int32
	names   *trie // names and demonyms of entries

	titles     []Title
	titleTrie  *trie // roles, offices, honorifics
	modifiers  *trie // modifiers before a title; cand.val indexes titles
	suffixes   *trie // modifiers after a title
	titleWords map[string]bool
}

// ByID returns the entry with the given ID.
func (g *Gazetteer) ByID(id string) (Entry, bool) {
	i, ok := g.byID[id]
	if !ok {
		return Entry{}, false
	}
	return g.entries[i], true
}

// All yields every entry, in the order of the data files: countries,
// cities, organisations and bodies, regions.
func (g *Gazetteer) All() iter.Seq[Entry] {
	return func(yield func(Entry) bool) {
		for _, e := range g.entries {
			if !yield(e) {
				return
			}
		}
	}
}

// Lookup returns the place, organisation or body a name denotes, the one
// it usually means if it names several. The name may be any of the
// entry's aliases, with or without a leading "the". Demonyms are not
// names: see Demonym.
func (g *Gazetteer) Lookup(name string) (Entry, bool) {
	all := g.lookup(name, false, 1)
	if len(all) == 0 {
		return Entry{}, false
	}
	return all[0], true
}

// LookupAll returns every entry a name may denote, the usual one first:
// "Congo" gives the Democratic Republic of the Congo, then the Republic of
// the Congo.
func (g *Gazetteer) LookupAll(name string) []Entry {
	return g.lookup(name, false, -1)
}

// Demonym returns the country or region of a demonym, an adjective or noun
// for its people: "Russian", "Russians", "Briton", "South Korean".
func (g *Gazetteer) Demonym(word string) (Entry, bool) {
	all := g.lookup(word, true, 1)
	if len(all) == 0 {
		return Entry{}, false
	}
	return all[0], true
}

// lookup returns up to limit (all if negative) entries whose names, or
// demonyms, are the whole of s; a leading "the" is tried without.
func (g *Gazetteer) lookup(s string, demonym bool, limit int) []Entry {
	var c cursor
	c.reset([]string{s})
	if out := g.whole(&c, 0, demonym, limit); out != nil {
		return out
	}
	if w, ok := c.word(0); ok && w.key == "the" {
		return g.whole(&c, 1, demonym, limit)
	}
	return nil
}

// whole returns the entries of the phrases that span all the words of c
// from word `from`.
func (g *Gazetteer) whole(c *cursor, from int, demonym bool, limit int) []Entry {
	var out []Entry
	g.names.walk(c, from, true, func(last int, cands []cand) bool {
		if _, more := c.word(last + 1); more {
			return true
		}
		for i := range cands {
			k := &cands[i]
			if k.demonym != demonym || !k.accepts(c.words[from:last+1]) || containsID(out, g.entries[k.val].ID) {
				continue
			}
			if out = append(out, g.entries[k.val]); len(out) == limit {
				break
			}
		}
		return false
	})
	return out
}

func containsID(es []Entry, id string) bool {
	for _, e := range es {
		if e.ID == id {
			return true
		}
	}
	return false
}

// Match finds the longest name or demonym at the start of tokens, the
// words of a text in order: Match of ["United", "Nations", "Security",
// "Council", "met"] is the Security Council, with Len 4. Tokens may be
// split at hyphens or not ("Guinea-Bissau" or "Guinea", "-", "Bissau"),
// and punctuation tokens with no letters (".", "-") inside a name are
// part of the match. A leading "the" is not part of any name (except
// "The Hague"): call Match on the token after it.
func (g *Gazetteer) Match(tokens []string) (Match, bool) {
	var c cursor
	c.reset(tokens)
	var best Match
	found := false
	g.names.walk(&c, 0, true, func(last int, cands []cand) bool {
		m, ok := g.pick(cands, c.words[:last+1])
		if ok {
			m.Len = int(c.tok[last]) + 1
			best, found = m, true
		}
		return true
	})
	return best, found
}

// pick chooses among the phrases ending at a node the first the words fit:
// the data lists the usual sense of an ambiguous name first.
func (g *Gazetteer) pick(cands []cand, words []word) (Match, bool) {
	var m Match
	found := false
	for i := range cands {
		k := &cands[i]
		if !k.accepts(words) {
			continue
		}
		if !found {
			m = Match{Entry: g.entries[k.val], Demonym: k.demonym}
			found = true
		} else if g.entries[k.val].ID != m.Entry.ID {
			m.Ambiguous = true
		}
	}
	return m, found
}
