// Package merge keeps one node per real entity across the whole store.
//
// Each article names its entities by the fullest name it uses ("Vladimir
// Putin"), but an article may only ever say "Putin". Before a batch of
// article graphs is stored, Merger rewrites their entity IRIs so that:
//
//   - a name listed in the user's alias file gets the IRI the file gives;
//   - a person known only by one word ("Putin") is the person of the store
//     or batch with that family name, when there is exactly one;
//   - when a person with a full name arrives, the articles stored earlier
//     that knew them by family name alone are rewritten to point to them.
//
// The result does not depend on the order articles arrive in: "Putin"
// before "Vladimir Putin" ends as "Vladimir Putin" after. A one-word name
// that fits several people ("Berg" with Anna and Lars Berg stored) is left
// alone, and a merge once made is kept when a second namesake arrives,
// also when the article is read again, so that reading it again changes
// nothing.
package merge

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/newsgraph/newsgraph/graph/store"
	"github.com/newsgraph/newsgraph/graph/vocab"
)

// Merger rewrites the entity IRIs of article graphs; see the package
// documentation. It is not safe for concurrent use: one ingest at a time.
type Merger struct {
	st      *store.Store // nil: aliases only
	v       vocab.Vocab
	aliases map[string]quad.IRI // entity.Key of a name → IRI
}

// New returns a Merger over the store st (nil to apply aliases only) with
// the user's aliases, from ReadAliases.
func New(st *store.Store, v vocab.Vocab, aliases map[string]quad.IRI) *Merger {
	return &Merger{st: st, v: v, aliases: aliases}
}

// ReadAliases reads an alias file: one "name<TAB>IRI" a line, blank lines
// and lines starting with # ignored. Names match whatever their case and
// dots ("U.S." = "us").
func ReadAliases(r io.Reader, name string) (map[string]quad.IRI, error) {
	out := map[string]quad.IRI{}
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		alias, iri, ok := strings.Cut(line, "\t")
		iri = strings.Trim(strings.TrimSpace(iri), "<>")
		if !ok || key(alias) == "" || !strings.Contains(iri, ":") || strings.ContainsAny(iri, " <>\"") {
			return nil, fmt.Errorf("%s:%d: want NAME<TAB>IRI", name, n)
		}
		out[key(alias)] = quad.IRI(iri)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return out, nil
}

// key normalises a name as the entity stage does: lower case, no dots or
// possessive, single spaces.
func key(name string) string {
	name = strings.ToLower(name)
	name = strings.TrimSuffix(strings.TrimSuffix(name, "'s"), "’s")
	name = strings.ReplaceAll(name, ".", "")
	return strings.Join(strings.Fields(name), " ")
}

// entity is what a graph says of one of its entities.
type entity struct {
	iri        quad.IRI
	person     bool
	typed      bool     // typed as something else than a person or a thing
	names      []string // schema:name and schema:alternateName values
	familyName string
}

// entities lists the entities a graph mentions, with what it says of them.
func entities(g store.Graph) map[quad.IRI]*entity {
	out := map[quad.IRI]*entity{}
	get := func(v quad.Value) *entity {
		iri, ok := v.(quad.IRI)
		if !ok {
			return nil
		}
		e := out[iri]
		if e == nil {
			e = &entity{iri: iri}
			out[iri] = e
		}
		return e
	}
	mentioned := map[quad.IRI]bool{}
	for _, q := range g.Quads {
		if q.Predicate == vocab.Mentions {
			if iri, ok := q.Object.(quad.IRI); ok {
				mentioned[iri] = true
			}
		}
	}
	for _, q := range g.Quads {
		iri, ok := q.Subject.(quad.IRI)
		if !ok || !mentioned[iri] {
			continue
		}
		e := get(q.Subject)
		switch q.Predicate {
		case vocab.Type:
			e.person = e.person || q.Object == vocab.Person
			e.typed = e.typed || q.Object != vocab.Person && q.Object != vocab.Thing
		case vocab.Name, vocab.AlternateName:
			e.names = append(e.names, text(q.Object))
		case vocab.FamilyName:
			e.familyName = text(q.Object)
		}
	}
	return out
}

func text(v quad.Value) string {
	switch v := v.(type) {
	case quad.String:
		return string(v)
	case quad.LangString:
		return string(v.Value)
	case quad.TypedString:
		return string(v.Value)
	}
	return quad.ToString(v)
}

// Merge returns the batch with its entity IRIs rewritten, followed by the
// graphs already stored that must be rewritten with it; store them all in
// one ReplaceGraphs call.
//
// It asks the store three questions per batch, each about all the names or
// graphs at once (see store.SubjectsOf and store.ReadGraphs), since on
// PostgreSQL every question is a round trip to the server: who has each
// family name, which stored articles mention each one-word person who now
// has a full name, and what those articles, and the stored versions of the
// batch's articles with an ambiguous one-word name, hold.
func (m *Merger) Merge(ctx context.Context, batch []store.Graph) ([]store.Graph, error) {
	ents := make([]map[quad.IRI]*entity, len(batch))
	inBatch := map[quad.IRI]bool{}
	// Family names of the batch's people: family name → IRIs.
	family := map[string][]quad.IRI{}
	for i, g := range batch {
		inBatch[g.Label] = true
		ents[i] = entities(g)
		for _, e := range ents[i] {
			if e.familyName != "" && !slices.Contains(family[e.familyName], e.iri) {
				family[e.familyName] = append(family[e.familyName], e.iri)
			}
		}
	}
	// The names to look up: the batch's family names and one-word names.
	asked := map[string]bool{}
	for n := range family {
		asked[n] = true
	}
	for _, es := range ents {
		for _, e := range es {
			if n, ok := oneWord(e); ok {
				asked[n] = true
			}
		}
	}
	// The stored people of each of those names.
	stored := map[string][]quad.IRI{}
	if m.st != nil {
		ask := slices.Sorted(maps.Keys(asked))
		objects := make([]quad.Value, len(ask))
		for i, n := range ask {
			objects[i] = quad.String(n)
		}
		subjects, err := m.st.SubjectsOf(ctx, vocab.FamilyName, objects)
		if err != nil {
			return nil, fmt.Errorf("merge: find people by family name: %w", err)
		}
		for i, n := range ask {
			for _, s := range subjects[i] {
				if iri, ok := s.(quad.IRI); ok {
					stored[n] = append(stored[n], iri)
				}
			}
		}
	}
	people := func(familyName string) []quad.IRI {
		out := slices.Clone(family[familyName])
		for _, iri := range stored[familyName] {
			if !slices.Contains(out, iri) {
				out = append(out, iri)
			}
		}
		slices.Sort(out)
		return out
	}

	// The batch's rewrites, but for the one-word names that fit several
	// people: those keep the choice made when the article was stored, if
	// it was, so that re-reading an article changes nothing.
	type ambiguous struct {
		iri   quad.IRI
		name  string
		cands []quad.IRI
	}
	to := make([]map[quad.IRI]target, len(batch))
	undecided := make([][]ambiguous, len(batch))
	var reread []quad.IRI // stored graphs to read
	for i, g := range batch {
		to[i] = map[quad.IRI]target{}
		for iri, e := range ents[i] {
			if t, ok := m.alias(e); ok && t != iri {
				to[i][iri] = target{iri: t}
				continue
			}
			name, ok := oneWord(e)
			if !ok {
				continue
			}
			// A one-word name of a person (or of something of unknown
			// type): the one person with that family name.
			cands := people(name)
			if len(cands) > 1 {
				undecided[i] = append(undecided[i], ambiguous{iri, name, cands})
				continue
			}
			if len(cands) == 1 && cands[0] != iri {
				to[i][iri] = target{iri: cands[0], merged: true}
			}
		}
		if len(undecided[i]) > 0 && m.st != nil {
			reread = append(reread, g.Label)
		}
	}

	// Articles stored earlier that knew a newly complete person by family
	// name alone.
	redo := map[quad.IRI]map[quad.IRI]target{} // stored graph → its rewrites
	if m.st != nil {
		var shorts []quad.Value
		var fulls []quad.IRI
		for _, n := range slices.Sorted(maps.Keys(family)) {
			cands := people(n)
			if short := m.v.Entity(n); len(cands) == 1 && cands[0] != short {
				shorts = append(shorts, short)
				fulls = append(fulls, cands[0])
			}
		}
		mentioning, err := m.st.SubjectsOf(ctx, vocab.Mentions, shorts)
		if err != nil {
			return nil, fmt.Errorf("merge: find articles mentioning one-word names: %w", err)
		}
		for i, labels := range mentioning {
			short := shorts[i].(quad.IRI)
			for _, l := range labels {
				label, ok := l.(quad.IRI)
				if !ok || inBatch[label] {
					continue
				}
				if redo[label] == nil {
					redo[label] = map[quad.IRI]target{}
				}
				redo[label][short] = target{iri: fulls[i], merged: true}
			}
		}
	}
	redoLabels := slices.Sorted(maps.Keys(redo))

	var storedGraphs map[quad.IRI]store.Graph
	if len(reread)+len(redoLabels) > 0 {
		gs, err := m.st.ReadGraphs(ctx, append(reread, redoLabels...))
		if err != nil {
			return nil, fmt.Errorf("merge: read stored articles: %w", err)
		}
		storedGraphs = make(map[quad.IRI]store.Graph, len(gs))
		for _, g := range gs {
			storedGraphs[g.Label] = g
		}
	}

	out := make([]store.Graph, 0, len(batch)+len(redoLabels))
	for i, g := range batch {
		for _, a := range undecided[i] {
			if iri, ok := previous(storedGraphs[g.Label], a.name, a.cands); ok && iri != a.iri {
				to[i][a.iri] = target{iri: iri, merged: true}
			}
		}
		out = append(out, rewrite(g, to[i]))
	}
	for _, label := range redoLabels {
		out = append(out, rewrite(storedGraphs[label], redo[label]))
	}
	return out, nil
}

// oneWord returns the one-word name of an entity that may be a person
// known by family name alone: one not typed as something else, without a
// family name of its own, whose first name is a single word.
func oneWord(e *entity) (string, bool) {
	if e.typed || e.familyName != "" || len(e.names) == 0 || len(strings.Fields(e.names[0])) != 1 {
		return "", false
	}
	return e.names[0], true
}

// previous returns the one of cands that g, an article's stored version,
// merged the one-word name into, if any.
func previous(g store.Graph, name string, cands []quad.IRI) (quad.IRI, bool) {
	for _, q := range g.Quads {
		if iri, ok := q.Subject.(quad.IRI); ok && q.Predicate == vocab.AlternateName && text(q.Object) == name && slices.Contains(cands, iri) {
			return iri, true
		}
	}
	return "", false
}

// alias returns the IRI the alias file gives one of e's names.
func (m *Merger) alias(e *entity) (quad.IRI, bool) {
	for _, n := range e.names {
		if iri, ok := m.aliases[key(n)]; ok {
			return iri, true
		}
	}
	return "", false
}

// target is the IRI an entity gets. When merged into a person known by a
// fuller name, its name becomes one of their alternate names.
type target struct {
	iri    quad.IRI
	merged bool
}

// rewrite replaces IRIs in a graph's quads.
func rewrite(g store.Graph, to map[quad.IRI]target) store.Graph {
	if len(to) == 0 {
		return g
	}
	out := store.Graph{Label: g.Label, Quads: make([]quad.Quad, 0, len(g.Quads))}
	for _, q := range g.Quads {
		if iri, ok := q.Subject.(quad.IRI); ok {
			if t, ok := to[iri]; ok {
				q.Subject = t.iri
				if t.merged && q.Predicate == vocab.Type && q.Object == vocab.Thing {
					continue // the person it joins has a better type
				}
				if t.merged && q.Predicate == vocab.Name {
					q.Predicate = vocab.AlternateName
				}
			}
		}
		if iri, ok := q.Object.(quad.IRI); ok {
			if t, ok := to[iri]; ok {
				q.Object = t.iri
			}
		}
		out.Quads = append(out.Quads, q)
	}
	return out
}
