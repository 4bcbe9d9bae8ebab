package gazetteer

import "fmt"

// TitleClass is what a title phrase denotes.
type TitleClass uint8

const (
	// Role is a person's office or job: "president", "spokesman".
	Role TitleClass = iota + 1
	// Office is an institution, not a person: "presidency", "foreign
	// ministry", "embassy".
	Office
	// Honorific stands before a name: "Mr", "Dr", "Sen.".
	Honorific
	// modifier and suffix are the classes of the words that qualify a
	// title, before and after it; they are never a Title's class.
	modifier
	suffix
)

var classNames = [...]string{Role: "role", Office: "office", Honorific: "honorific", modifier: "modifier", suffix: "suffix"}

func (c TitleClass) String() string {
	if int(c) < len(classNames) && classNames[c] != "" {
		return classNames[c]
	}
	return fmt.Sprintf("TitleClass(%d)", c)
}

// Title is a title, office or honorific of the data.
type Title struct {
	// Phrase is the title as the data lists it: "spokesman", "Sen".
	Phrase string
	// Name is the canonical title the phrase is a variant of: "spokesperson"
	// for "spokesman", "senator" for "Sen"; the phrase itself otherwise.
	Name  string
	Class TitleClass
	// Person tells that the title denotes a person (a role or an
	// honorific), not an institution.
	Person bool
	// Category is the field of the title: "government", "diplomacy",
	// "military", "business", "courtesy"...
	Category string
}

// Qualifier is what the words around a title say of the office.
type Qualifier uint8

const (
	// Past: the office is no longer held ("former", "ex-", "late").
	Past Qualifier = 1 << iota
	// Acting: it is held for the time being ("acting", "interim").
	Acting
	// Deputy: the office is the one below the title ("deputy", "vice").
	Deputy
	// Designate: it is not yet held ("-elect", "-designate", "incoming").
	Designate
)

var qualifierOf = map[string]Qualifier{
	"past": Past, "acting": Acting, "deputy": Deputy, "designate": Designate,
	"rank": 0, "scope": 0, "domain": 0,
}

// TitleMatch is a title found at the start of a token sequence, with the
// words that qualify it.
type TitleMatch struct {
	Title Title
	// Len is the number of tokens spanned, qualifying words included.
	Len int
	// Head is the index of the title's first token, after its modifiers:
	// 2 in "former deputy prime minister".
	Head int
	// Qualifiers gathers what the modifiers and suffixes say.
	Qualifiers Qualifier
	// Plural tells that the title is in the plural: "ministers".
	Plural bool
}

// maxModifiers bounds the modifiers MatchTitle puts before a title, and
// maxReadings the readings of a token sequence it weighs.
const (
	maxModifiers = 6
	maxReadings  = 32
)

// MatchTitle finds the longest title at the start of tokens, with the
// modifiers before it and the suffixes after it: in "Kremlin foreign
// policy aide Yuri Ushakov", MatchTitle of the tokens from "foreign" is
// "aide" with Len 3, so that the caller can read "Kremlin" as the
// affiliation and "Yuri Ushakov" as the name. Of two readings of the same
// length the one with the longer title wins: "foreign minister" is the
// title "foreign minister", not "minister" modified by "foreign". Case is
// ignored.
func (g *Gazetteer) MatchTitle(tokens []string) (TitleMatch, bool) {
	var c cursor
	c.reset(tokens)
	// A state is one reading of the modifiers, tried breadth first so that
	// of two readings of equal length the one with fewer modifiers wins.
	type state struct {
		from  int // word where the title would start
		depth int // modifiers read
		q     Qualifier
	}
	var frontier [maxReadings]state
	states := append(frontier[:0], state{})
	var best TitleMatch
	bestEnd, found := -1, false
	for s := 0; s < len(states); s++ {
		st := states[s]
		g.titleTrie.walk(&c, st.from, false, func(last int, cands []cand) bool {
			k := &cands[0]
			if st.depth > 0 && g.titles[k.val].Class == Honorific {
				return true // "former Mr" is no title
			}
			end, q := g.suffixesAfter(&c, last+1)
			if end <= bestEnd || !c.last[end-1] {
				return true
			}
			bestEnd, found = end, true
			best = TitleMatch{
				Title:      g.titles[k.val],
				Len:        int(c.tok[end-1]) + 1,
				Head:       int(c.tok[st.from]),
				Qualifiers: st.q | q,
				Plural:     k.plural,
			}
			return true
		})
		if st.depth == maxModifiers {
			continue
		}
		g.modifiers.walk(&c, st.from, false, func(last int, cands []cand) bool {
			if len(states) == cap(states) {
				return false
			}
			q := qualifierOf[g.titles[cands[0].val].Category]
			states = append(states, state{from: last + 1, depth: st.depth + 1, q: st.q | q})
			return true
		})
	}
	return best, found
}

// suffixesAfter reads the suffixes from word i on, returning the word after
// them and what they say. Modifiers, titles and suffixes may end inside a
// token ("ex-president", "president-elect"); the whole match may not.
func (g *Gazetteer) suffixesAfter(c *cursor, i int) (end int, q Qualifier) {
	end = i
	for {
		next := -1
		g.suffixes.walk(c, end, false, func(last int, cands []cand) bool {
			next = last + 1
			q |= qualifierOf[g.titles[cands[0].val].Category]
			return true
		})
		if next < 0 {
			return end, q
		}
		end = next
	}
}

// IsTitleWord reports whether a word can be part of a title or of the
// modifiers before it: "president", "prime", "minister", "foreign",
// "policy", "aide", "former", "Mr". Function words inside titles ("of" in
// "secretary of state") are not title words. Case and dots are ignored.
func (g *Gazetteer) IsTitleWord(w string) bool {
	var buf [4]word
	ws := appendWords(buf[:0], w)
	n := 0
	for _, x := range ws {
		if x.key == "" {
			continue
		}
		if !g.titleWords[x.key] {
			return false
		}
		n++
	}
	return n > 0
}
