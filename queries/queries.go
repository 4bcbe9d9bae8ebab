// Package queries holds newsgraph's ready-made Gizmo queries (the .js files
// of this directory) and the prelude every query runs with.
//
// Each query starts with a comment: its first line is the question it
// answers, and a line "// Arguments: ..." names the arguments it takes
// (`--arg name=VALUE`, args.name in the script), if any.
//
// The prelude defines helpers so that queries do not spell out IRIs and
// keep working under any base IRI: rel("call") is the relation call,
// schema("name"), ng("confidence"), rdf("type"), prov("wasDerivedFrom")
// the terms of schema.org, newsgraph's own vocabulary, RDF and PROV-O, and
// named("Vladimir Putin") the nodes with that schema:name; relations() the
// graph's relation predicates, for Out and In (named(X).Out(relations()));
// label(id) is a node's name, or the value itself for a literal; plain(v)
// is a literal's text without its datatype ("PT50M" for
// "PT50M"^^xsd:duration); need("name") is the query's argument name, or an
// error saying it is missing, and opt("hops", "3") an argument with a
// default. For the questions most
// queries ask, it also has isNode(v) (an IRI or blank node, not a literal),
// value(id, predicate) (a node's first value of a predicate, plain),
// names(path) (the sorted, distinct labels of a path's nodes), links(id)
// (the relations of a node in both directions: {direction, relation,
// other}), event(id) (an event described: name, participants, date,
// duration, topics, sentence, article) and headline(id) (the headline of
// the article a node was read from, or its URL or file if it has none).
//
// The relation predicates are listed by the store before the query runs
// (see Relations) and given to the prelude as fixed values, for speed on
// large stores (see BENCHMARKS.md, "Gizmo query shapes"). With the set of
// relations as the path g.V().Has(rdf:type, ng:Relation), Cayley took 43 s
// to follow one actor's relation edges on a 10M-quad store: it reads every
// quad of a relation predicate; with the fixed set alone (an array), a
// tagged step (Out(relations(), "rel")) ran for more than 90 s on a
// 1M-quad store. relations() is the
// union of the two, which Cayley follows from the actor's own quads,
// tagged or not (16-37 ms there), and which stays right if a relation was
// added after the list was made; isRelation and links read the list alone.
package queries

import (
	"context"
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/newsgraph/newsgraph/graph/vocab"
)

//go:embed *.js
var files embed.FS

// Query is one ready-made query.
type Query struct {
	Name     string // file name without .js: "who-talked-to-whom"
	Question string // the question it answers, from its first comment line
	// Arguments describes the arguments it takes, from its comment line
	// "// Arguments: ..."; "" if it takes none.
	Arguments string
	Source    string
}

// All returns the ready-made queries sorted by name.
func All() []Query {
	entries, _ := fs.ReadDir(files, ".")
	var out []Query
	for _, e := range entries {
		src, err := files.ReadFile(e.Name())
		if err != nil {
			continue
		}
		question, arguments := header(string(src))
		out = append(out, Query{Name: strings.TrimSuffix(e.Name(), ".js"), Question: question, Arguments: arguments, Source: string(src)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Get returns the ready-made query called name.
func Get(name string) (Query, error) {
	for _, q := range All() {
		if q.Name == name {
			return q, nil
		}
	}
	return Query{}, fmt.Errorf("no ready-made query %q", name)
}

// header reads the leading comment of a query: its first line (the
// question) and the text of its "Arguments:" line.
func header(src string) (question, arguments string) {
	for _, line := range strings.Split(src, "\n") {
		line = strings.TrimSpace(line)
		text, ok := strings.CutPrefix(line, "//")
		if !ok {
			break
		}
		text = strings.TrimSpace(text)
		if question == "" {
			question = text
		} else if a, ok := strings.CutPrefix(text, "Arguments:"); ok {
			arguments = strings.TrimSpace(a)
		}
	}
	return question, arguments
}

// Subjecter is what Relations needs of a store (store.Store has it): the
// distinct subjects of the quads with predicate p and object o.
type Subjecter interface {
	Subjects(ctx context.Context, p quad.IRI, o quad.Value) ([]quad.Value, error)
}

// Relations lists the relation predicates of the graph in st, the nodes
// typed ng:Relation, for Prelude. The store reads them from its indexes
// (the keys of one index prefix on bbolt, one statement on PostgreSQL).
func Relations(ctx context.Context, st Subjecter, v vocab.Vocab) ([]quad.Value, error) {
	rels, err := st.Subjects(ctx, vocab.Type, v.Term("Relation"))
	if err != nil {
		return nil, fmt.Errorf("list relations: %w", err)
	}
	return rels, nil
}

// Prelude returns the JavaScript run before every query, for the
// vocabulary v and relations, the relation predicates of the graph the
// query runs on (see Relations: a relation missing from the list is still
// in relations(), but isRelation and links miss it; one the graph no
// longer has costs nothing). Queries may also define their own functions.
func Prelude(v vocab.Vocab, relations []quad.Value) string {
	ids := make([]string, len(relations))
	for i, r := range relations {
		ids[i] = quad.ToString(r)
	}
	list, _ := json.Marshal(ids) // a slice of strings always marshals
	return fmt.Sprintf(`var NG = %s;
function iri(s) { return "<" + s + ">"; }
function rel(name) { return iri(NG + "rel/" + name); }
function ng(term) { return iri(NG + "ns#" + term); }
function schema(term) { return iri(%s + term); }
function rdf(term) { return iri(%s + term); }
function prov(term) { return iri(%s + term); }
function named(name) { return g.V().Has(schema("name"), name).Unique(); }
function need(name) {
  if (typeof args === "undefined" || args[name] === undefined) throw new Error("this query needs --arg " + name + "=VALUE");
  return args[name];
}
var relationList = %s;
var relationSet = Object.create(null);
relationList.forEach(function (p) { relationSet[p] = true; });
function relations() {
  var typed = g.V().Has(rdf("type"), ng("Relation"));
  if (relationList.length === 0) return typed.Unique(); // g.V() of nothing would be every node
  return g.V.apply(g, relationList).Union(typed).Unique();
}
function isRelation(pred) { return relationSet[pred] === true; }
function plain(v) {
  if (typeof v !== "string") return v;
  var m = /^"([\s\S]*)"(\^\^<[^>]*>|@[A-Za-z-]+)?$/.exec(v);
  return m ? m[1] : v;
}
var labels = Object.create(null); // a literal's id is its text: any word, "constructor" too
function label(id) {
  if (typeof id === "string" && id in labels) return labels[id];
  // One predicate at a time: Out of a single predicate is an index lookup,
  // Out of two about 2 ms a node on a large store.
  var n = g.V(id).Out(schema("name")).ToValue();
  if (n === null) n = g.V(id).Out(iri("http://www.w3.org/2000/01/rdf-schema#label")).ToValue();
  n = n === null ? plain(id) : n;
  if (typeof id === "string") labels[id] = n;
  return n;
}
function opt(name, fallback) {
  return typeof args === "undefined" || args[name] === undefined ? fallback : args[name];
}
function isNode(v) { return typeof v === "string" && /^(<[^>]*>|_:.+)$/.test(v); }
function value(id, pred) { return plain(g.V(id).Out(pred).ToValue()); }
function names(path) {
  var seen = {};
  path.ToArray().forEach(function (id) { seen[label(id)] = true; });
  return Object.keys(seen).sort();
}
function links(id) {
  var out = [];
  g.V(id).OutPredicates().Unique().ForEach(function (p) {
    if (isRelation(p.id)) g.V(id).Out(p.id).Unique().ForEach(function (o) { out.push({direction: "out", relation: p.id, other: o.id}); });
  });
  g.V(id).InPredicates().Unique().ForEach(function (p) {
    if (isRelation(p.id)) g.V(id).In(p.id).Unique().ForEach(function (o) { out.push({direction: "in", relation: p.id, other: o.id}); });
  });
  return out;
}
function event(id) {
  return {
    event: label(id),
    participants: names(g.V(id).Out(schema("participant"))),
    date: value(id, schema("startDate")),
    duration: value(id, schema("duration")),
    about: names(g.V(id).Out(schema("about"))),
    sentence: value(id, ng("sentence")),
    article: headline(id)
  };
}
function headline(id) {
  var a = g.V(id).Out(prov("wasDerivedFrom")).ToValue();
  if (a === null) return null;
  // Plain-text articles may have no headline: their URL or file then
  // says which article it is.
  return value(a, schema("headline")) || value(a, schema("url")) || value(a, ng("source")) || plain(a);
}
`, strconv.Quote(v.Base()), strconv.Quote(vocab.Schema), strconv.Quote(vocab.RDF), strconv.Quote(vocab.PROV), list)
}

// Args returns the JavaScript that gives a query its arguments, as the
// object args: Args({"name": "Vladimir Putin"}) defines args.name.
func Args(args map[string]string) string {
	if args == nil {
		args = map[string]string{}
	}
	b, _ := json.Marshal(args) // a map of strings always marshals
	return "var args = " + string(b) + ";\n"
}
