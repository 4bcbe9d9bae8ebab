package gazetteer

import (
	"bufio"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strings"
)

// The data files Load reads.
const (
	CountriesFile     = "countries.tsv"
	CitiesFile        = "cities.tsv"
	OrganisationsFile = "organisations.tsv"
	RegionsFile       = "regions.tsv"
	TitlesFile        = "titles.tsv"
	CasedFile         = "cased.txt"
)

var wikidataID = regexp.MustCompile(`^Q[1-9][0-9]*$`)

// functionWords are the words inside titles that are not title words.
var functionWords = map[string]bool{"of": true, "the": true, "for": true, "and": true, "in": true, "to": true}

// Load reads the lists from fsys, which holds the files of the package's
// data directory, and checks them: every row has its columns, ids are
// unique, countries referred to exist, Wikidata ids are well formed, and a
// name shared by several entries is marked "~" on all but one.
func Load(fsys fs.FS) (*Gazetteer, error) {
	l := loader{
		g: &Gazetteer{
			byID:       make(map[string]int32),
			names:      newTrie(),
			titleTrie:  newTrie(),
			modifiers:  newTrie(),
			suffixes:   newTrie(),
			titleWords: make(map[string]bool),
		},
		cased:   make(map[string]bool),
		phrases: make(map[int32]string),
	}
	steps := []struct {
		file string
		cols int
		row  func(f []string) error
	}{
		{CasedFile, 1, l.cased1},
		{CountriesFile, 8, l.country},
		{CitiesFile, 6, l.city},
		{OrganisationsFile, 7, l.organisation},
		{RegionsFile, 5, l.region},
		{TitlesFile, 5, l.title},
	}
	for _, s := range steps {
		if err := readRows(fsys, s.file, s.cols, s.row); err != nil {
			return nil, err
		}
	}
	if err := l.finish(); err != nil {
		return nil, err
	}
	return l.g, nil
}

// readRows calls row with the fields of every line of a file that is not
// blank or a "#" comment.
func readRows(fsys fs.FS, name string, cols int, row func(f []string) error) error {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return fmt.Errorf("gazetteer: %w", err)
	}
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != cols {
			return fmt.Errorf("gazetteer: %s:%d: %d columns, want %d", name, n, len(f), cols)
		}
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		if err := row(f); err != nil {
			return fmt.Errorf("gazetteer: %s:%d: %w", name, n, err)
		}
	}
	return sc.Err()
}

// loader builds a Gazetteer row by row.
type loader struct {
	g     *Gazetteer
	cased map[string]bool
	// refs are the country ids entries refer to, checked once all are read.
	refs []ref
	// phrases are the names ending at each node of the names trie, for
	// error messages.
	phrases map[int32]string
}

type ref struct{ from, to string }

func (l *loader) cased1(f []string) error {
	l.cased[keyOf(f[0])] = true
	return nil
}

// parseName returns the value whose name in names is s.
func parseName[T ~uint8](names []string, s string) (T, bool) {
	for i, n := range names {
		if n != "" && n == s {
			return T(i), true
		}
	}
	return 0, false
}

// country reads code, alpha3, status, name, wikidata, part_of, aliases,
// demonyms.
func (l *loader) country(f []string) error {
	st, ok := parseName[Status](statusNames[:], f[2])
	if !ok {
		return fmt.Errorf("unknown status %q", f[2])
	}
	if f[0] == "" {
		return fmt.Errorf("country %q has no code", f[3])
	}
	e := Entry{ID: f[0], Kind: Country, Name: f[3], Status: st, Code: f[0], Alpha3: f[1], Wikidata: f[4], Country: f[5]}
	if err := l.add(e, f[6], f[7]); err != nil {
		return err
	}
	if (st == Constituent && e.Country == "") || (st != Territory && st != Constituent && e.Country != "") {
		return fmt.Errorf("%s: part_of %q does not fit status %s", e.ID, e.Country, st)
	}
	return nil
}

// city reads id, name, country, role, wikidata, aliases.
func (l *loader) city(f []string) error {
	if f[3] != "capital" && f[3] != "seat" {
		return fmt.Errorf("%s: role %q is neither capital nor seat", f[0], f[3])
	}
	if f[2] == "" {
		return fmt.Errorf("%s: no country", f[0])
	}
	return l.add(Entry{ID: f[0], Kind: City, Name: f[1], Country: f[2], Role: f[3], Wikidata: f[4]}, f[5], "")
}

// organisation reads id, kind, name, country, role, wikidata, aliases.
func (l *loader) organisation(f []string) error {
	e := Entry{ID: f[0], Name: f[2], Country: f[3], Role: f[4], Wikidata: f[5]}
	switch f[1] {
	case "organisation":
		e.Kind = Organisation
		if e.Country != "" || e.Role != "" {
			return fmt.Errorf("%s: an organisation has no country or role", e.ID)
		}
	case "body":
		e.Kind = Body
		if e.Country == "" || e.Role == "" {
			return fmt.Errorf("%s: a body needs a country and a role", e.ID)
		}
	default:
		return fmt.Errorf("%s: unknown kind %q", e.ID, f[1])
	}
	return l.add(e, f[6], "")
}

// region reads id, name, wikidata, aliases, demonyms.
func (l *loader) region(f []string) error {
	return l.add(Entry{ID: f[0], Kind: Region, Name: f[1], Wikidata: f[2]}, f[3], f[4])
}

// add records an entry with its name, aliases and demonyms.
func (l *loader) add(e Entry, aliases, demonyms string) error {
	if e.ID == "" || e.Name == "" {
		return fmt.Errorf("entry with no id or name: %q %q", e.ID, e.Name)
	}
	if _, dup := l.g.byID[e.ID]; dup {
		return fmt.Errorf("duplicate id %q", e.ID)
	}
	if e.Wikidata != "" && !wikidataID.MatchString(e.Wikidata) {
		return fmt.Errorf("%s: malformed Wikidata id %q", e.ID, e.Wikidata)
	}
	if e.Country != "" {
		l.refs = append(l.refs, ref{e.ID, e.Country})
	}
	i := int32(len(l.g.entries))
	l.g.entries = append(l.g.entries, e)
	l.g.byID[e.ID] = i
	if err := l.name(e.Name, i, false); err != nil {
		return err
	}
	for _, a := range splitList(aliases) {
		if err := l.name(a, i, false); err != nil {
			return err
		}
	}
	for _, d := range splitList(demonyms) {
		if err := l.name(d, i, true); err != nil {
			return err
		}
	}
	return nil
}

func splitList(s string) []string {
	var out []string
	for _, x := range strings.Split(s, ";") {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// name indexes one name or demonym of entry i; a leading "~" marks it as
// a secondary sense.
func (l *loader) name(s string, i int32, demonym bool) error {
	k := cand{val: i, demonym: demonym}
	if rest, ok := strings.CutPrefix(s, "~"); ok {
		s, k.secondary = rest, true
	}
	words := phraseWords(s)
	if len(words) == 0 || len(words) > maxWords {
		return fmt.Errorf("%s: bad name %q", l.g.entries[i].ID, s)
	}
	for j, w := range words {
		if isAcronym(w.form) || l.cased[w.key] {
			if k.forms == nil {
				k.forms = make([]string, len(words))
			}
			k.forms[j] = w.form
		}
	}
	node := l.g.names.insert(words)
	l.g.names.ends[node] = append(l.g.names.ends[node], k)
	l.phrases[node] = s
	return nil
}

// phraseWords cuts a phrase of the data into words.
func phraseWords(s string) []word {
	var out []word
	for _, w := range appendWords(nil, s) {
		if w.key != "" {
			out = append(out, w)
		}
	}
	return out
}

// title reads phrase, class, canonical, category, plural.
func (l *loader) title(f []string) error {
	class, ok := parseName[TitleClass](classNames[:], f[1])
	if !ok {
		return fmt.Errorf("%s: unknown class %q", f[0], f[1])
	}
	t := Title{Phrase: f[0], Name: f[2], Class: class, Person: class == Role || class == Honorific, Category: f[3]}
	if t.Name == "" {
		t.Name = t.Phrase
	}
	if _, ok := qualifierOf[t.Category]; ok != (class == modifier || class == suffix) {
		return fmt.Errorf("%s: category %q does not fit class %s", t.Phrase, t.Category, f[1])
	}
	tr := l.g.titleTrie
	switch class {
	case modifier:
		tr = l.g.modifiers
	case suffix:
		tr = l.g.suffixes
	}
	i := int32(len(l.g.titles))
	l.g.titles = append(l.g.titles, t)
	forms := []string{t.Phrase}
	switch f[4] {
	case "-":
	case "":
		forms = append(forms, regularPlural(t.Phrase))
	default:
		forms = append(forms, f[4])
	}
	for n, s := range forms {
		words := phraseWords(s)
		if len(words) == 0 {
			return fmt.Errorf("empty title %q", s)
		}
		node := tr.insert(words)
		if len(tr.ends[node]) > 0 {
			return fmt.Errorf("%q is listed twice (as %q)", s, l.g.titles[tr.ends[node][0].val].Phrase)
		}
		tr.ends[node] = []cand{{val: i, plural: n == 1}}
		for _, w := range words {
			if !functionWords[w.key] {
				l.g.titleWords[w.key] = true
			}
		}
	}
	return nil
}

// regularPlural inflects the head of a title: its last word, or the word
// before "of", "for" or "in" ("secretaries of state").
func regularPlural(phrase string) string {
	ws := strings.Fields(phrase)
	h := len(ws) - 1
	for i := 1; i < len(ws); i++ {
		if w := ws[i]; w == "of" || w == "for" || w == "in" {
			h = i - 1
			break
		}
	}
	ws[h] = pluralWord(ws[h])
	return strings.Join(ws, " ")
}

func pluralWord(w string) string {
	switch {
	case strings.HasSuffix(w, "man"):
		return w[:len(w)-3] + "men"
	case len(w) > 1 && w[len(w)-1] == 'y' && !strings.ContainsRune("aeiou", rune(w[len(w)-2])):
		return w[:len(w)-1] + "ies"
	case strings.HasSuffix(w, "s"), strings.HasSuffix(w, "x"), strings.HasSuffix(w, "z"),
		strings.HasSuffix(w, "ch"), strings.HasSuffix(w, "sh"):
		return w + "es"
	}
	return w + "s"
}

// finish checks the references to countries and orders the senses of
// shared names, the usual one first.
func (l *loader) finish() error {
	for _, r := range l.refs {
		i, ok := l.g.byID[r.to]
		if !ok || l.g.entries[i].Kind != Country {
			return fmt.Errorf("gazetteer: %s refers to unknown country %q", r.from, r.to)
		}
	}
	for node, cands := range l.g.names.ends {
		if len(cands) == 0 {
			continue
		}
		slices.SortStableFunc(cands, func(a, b cand) int {
			switch {
			case a.secondary == b.secondary:
				return 0
			case a.secondary:
				return 1
			}
			return -1
		})
		if err := l.checkSenses(cands); err != nil {
			return fmt.Errorf("gazetteer: %q: %w", l.phrases[int32(node)], err)
		}
	}
	return nil
}

// checkSenses checks the phrases ending at one node: when they belong to
// several entries, exactly one entry's is unmarked.
func (l *loader) checkSenses(cands []cand) error {
	entry := func(k cand) Entry { return l.g.entries[k.val] }
	first := cands[0]
	several := false
	for _, k := range cands[1:] {
		if k.val == first.val {
			continue
		}
		several = true
		if !k.secondary {
			return fmt.Errorf("names both %s and %s: mark the less usual sense with ~", entry(first).ID, entry(k).ID)
		}
	}
	switch {
	case several && first.secondary:
		return fmt.Errorf("every sense is marked ~ (%s...): leave the usual one unmarked", entry(first).ID)
	case !several && first.secondary:
		return fmt.Errorf("marked ~ but names only %s", entry(first).ID)
	}
	return nil
}
