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
// named("Vladimir Putin") the nodes with that schema:name; label(id) is a
// node's name, or the value itself for a literal; plain(v) is a literal's
// text without its datatype ("PT50M" for "PT50M"^^xsd:duration); need("name")
// is the query's argument name, or an error saying it is missing, and
// opt("hops", "3") an argument with a default. For the questions most
// queries ask, it also has isNode(v) (an IRI or blank node, not a literal),
// value(id, predicate) (a node's first value of a predicate, plain),
// names(path) (the sorted, distinct labels of a path's nodes), links(id)
// (the relations of a node in both directions: {direction, relation,
// other}), event(id) (an event described: name, participants, date,
// duration, topics, sentence, article) and headline(id) (the headline of
// the article a node was read from).
package queries

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"

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

// Prelude returns the JavaScript run before every query, for the
// vocabulary v. Queries may also define their own functions.
func Prelude(v vocab.Vocab) string {
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
function relations() { return g.V().Has(rdf("type"), ng("Relation")).Unique(); }
function plain(v) {
  if (typeof v !== "string") return v;
  var m = /^"([\s\S]*)"(\^\^<[^>]*>|@[A-Za-z-]+)?$/.exec(v);
  return m ? m[1] : v;
}
function label(id) {
  var n = g.V(id).Out([schema("name"), iri("http://www.w3.org/2000/01/rdf-schema#label")]).ToValue();
  return n === null ? plain(id) : n;
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
var relationType = {};
function isRelation(pred) {
  if (!(pred in relationType)) relationType[pred] = g.V(pred).Has(rdf("type"), ng("Relation")).Count() > 0;
  return relationType[pred];
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
  return a === null ? null : value(a, schema("headline"));
}
`, strconv.Quote(v.Base()), strconv.Quote(vocab.Schema), strconv.Quote(vocab.RDF), strconv.Quote(vocab.PROV))
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
