package merge

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/newsgraph/newsgraph/graph/store"
	"github.com/newsgraph/newsgraph/graph/store/pgtest"
	"github.com/newsgraph/newsgraph/graph/vocab"
)

var v = vocab.New("http://kg.example/")

// person is an entity as graph/facts writes it.
type person struct {
	name string
	typ  quad.IRI
}

// article builds an article graph mentioning people, with one fact from
// the first to every other.
func article(label string, people ...person) store.Graph {
	g := store.Graph{Label: quad.IRI(label)}
	add := func(s quad.Value, p quad.IRI, o quad.Value) {
		g.Quads = append(g.Quads, quad.Quad{Subject: s, Predicate: p, Object: o, Label: g.Label})
	}
	for i, p := range people {
		iri := v.Entity(p.name)
		add(iri, vocab.Type, p.typ)
		add(iri, vocab.Name, quad.String(p.name))
		if w := strings.Fields(p.name); len(w) > 1 && p.typ == vocab.Person {
			add(iri, vocab.FamilyName, quad.String(w[len(w)-1]))
		}
		add(g.Label, vocab.Mentions, iri)
		if i > 0 {
			add(v.Entity(people[0].name), v.Relation("meet"), iri)
		}
	}
	return g
}

// stores are the kinds of store the merge is tested on, each by a
// function giving a new empty store's DSN: the merge asks the store
// questions that each backend answers in its own way (see
// store.SubjectsOf), and must give the same answers on all.
var stores = []struct {
	name string
	dsn  func(t *testing.T) string
}{
	{"memory", func(*testing.T) string { return "memory:" }},
	{"bolt", func(t *testing.T) string { return filepath.Join(t.TempDir(), "merge.db") }},
	{"postgres", func(t *testing.T) string { return pgtest.DSN(t) }},
}

// forStores runs test once per kind of store, as a subtest, with newStore
// giving the DSN of a new empty store of that kind.
func forStores(t *testing.T, test func(t *testing.T, newStore func() string)) {
	for _, s := range stores {
		t.Run(s.name, func(t *testing.T) {
			test(t, func() string { return s.dsn(t) })
		})
	}
}

// ingest merges and stores the graphs one batch after the other into the
// empty store dsn, and returns the store's quads as sorted N-Quads lines.
func ingest(t *testing.T, dsn string, aliases map[string]quad.IRI, batches ...[]store.Graph) []string {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	m := New(st, v, aliases)
	for _, b := range batches {
		gs, err := m.Merge(ctx, b)
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := st.ReplaceGraphs(ctx, gs); err != nil {
			t.Fatal(err)
		}
	}
	var lines []string
	for q, err := range st.Quads(ctx, "") {
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, q.NQuad())
	}
	slices.Sort(lines)
	return lines
}

func TestOrderDoesNotMatter(t *testing.T) {
	forStores(t, testOrderDoesNotMatter)
}

func testOrderDoesNotMatter(t *testing.T, newStore func() string) {
	full := article("a:full", person{"Vladimir Putin", vocab.Person}, person{"Donald Trump", vocab.Person})
	short := article("a:short", person{"Putin", vocab.Thing}, person{"Trump", vocab.Person})
	first := ingest(t, newStore(), nil, []store.Graph{full}, []store.Graph{short})
	second := ingest(t, newStore(), nil, []store.Graph{short}, []store.Graph{full})
	together := ingest(t, newStore(), nil, []store.Graph{short, full})
	if !slices.Equal(first, second) || !slices.Equal(first, together) {
		t.Fatalf("order changed the store:\nfull first:\n%s\nshort first:\n%s", strings.Join(first, "\n"), strings.Join(second, "\n"))
	}
	all := strings.Join(first, "\n")
	if strings.Contains(all, "entity/putin>") || strings.Contains(all, "entity/trump>") {
		t.Errorf("one-word names not merged:\n%s", all)
	}
	if !strings.Contains(all, `<http://kg.example/entity/vladimir-putin> <http://kg.example/rel/meet> <http://kg.example/entity/donald-trump> <a:short>`) {
		t.Errorf("the short article's fact does not join the full names:\n%s", all)
	}
	if strings.Contains(all, `<http://kg.example/entity/vladimir-putin> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://schema.org/Thing>`) {
		t.Errorf("the merged node kept the one-word name's vague type:\n%s", all)
	}
	if !strings.Contains(all, `<http://kg.example/entity/vladimir-putin> <https://schema.org/alternateName> "Putin" <a:short>`) {
		t.Errorf("the short name is not an alternate name:\n%s", all)
	}
}

func TestAmbiguousNameLeftAlone(t *testing.T) {
	forStores(t, testAmbiguousNameLeftAlone)
}

func testAmbiguousNameLeftAlone(t *testing.T, newStore func() string) {
	got := strings.Join(ingest(t, newStore(), nil,
		[]store.Graph{article("a:1", person{"Anna Berg", vocab.Person}), article("a:2", person{"Lars Berg", vocab.Person})},
		[]store.Graph{article("a:3", person{"Berg", vocab.Person})}), "\n")
	if !strings.Contains(got, "entity/berg>") {
		t.Errorf("Berg was merged though two people share the name:\n%s", got)
	}
}

func TestPlacesAreNotPeople(t *testing.T) {
	forStores(t, testPlacesAreNotPeople)
}

func testPlacesAreNotPeople(t *testing.T, newStore func() string) {
	got := strings.Join(ingest(t, newStore(), nil,
		[]store.Graph{article("a:1", person{"Jack London", vocab.Person})},
		[]store.Graph{article("a:2", person{"London", vocab.Place})}), "\n")
	if !strings.Contains(got, "entity/london>") {
		t.Errorf("the city was merged into a person:\n%s", got)
	}
}

func TestAliases(t *testing.T) {
	aliases, err := ReadAliases(strings.NewReader("# people\nVlad Putin\t<http://www.wikidata.org/entity/Q7747>\n\n"), "aliases.tsv")
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(ingest(t, "memory:", aliases, []store.Graph{article("a:1", person{"Vlad Putin", vocab.Person})}), "\n")
	if !strings.Contains(got, `<http://www.wikidata.org/entity/Q7747> <https://schema.org/name> "Vlad Putin"`) {
		t.Errorf("alias not applied:\n%s", got)
	}
	if _, err := ReadAliases(strings.NewReader("no tab here\n"), "bad.tsv"); err == nil || !strings.Contains(err.Error(), "bad.tsv:1") {
		t.Errorf("malformed alias file: err = %v, want one naming bad.tsv:1", err)
	}
}

// TestRereadKeepsMerge checks that an article merged into the one person
// of a family name keeps that merge when it is read again after a
// namesake arrived.
func TestRereadKeepsMerge(t *testing.T) {
	forStores(t, testRereadKeepsMerge)
}

func testRereadKeepsMerge(t *testing.T, newStore func() string) {
	anna := article("a:1", person{"Anna Berg", vocab.Person})
	short := article("a:2", person{"Berg", vocab.Person})
	lars := article("a:3", person{"Lars Berg", vocab.Person})
	once := ingest(t, newStore(), nil, []store.Graph{anna}, []store.Graph{short}, []store.Graph{lars})
	again := ingest(t, newStore(), nil, []store.Graph{anna}, []store.Graph{short}, []store.Graph{lars}, []store.Graph{short})
	if !slices.Equal(once, again) {
		t.Fatalf("reading an article again changed the store:\n%s\nthen\n%s", strings.Join(once, "\n"), strings.Join(again, "\n"))
	}
	if !strings.Contains(strings.Join(once, "\n"), `<http://kg.example/entity/anna-berg> <https://schema.org/alternateName> "Berg" <a:2>`) {
		t.Errorf("Berg not merged into the only Berg of the time:\n%s", strings.Join(once, "\n"))
	}
}
