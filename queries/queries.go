// Package queries holds newsgraph's ready-made Gizmo queries (the .js files
// of this directory, each starting with a comment saying what question it
// answers) and the prelude every query runs with.
//
// The prelude defines helpers so that queries do not spell out IRIs and
// keep working under any base IRI: rel("call") is the relation call,
// schema("name"), ng("confidence"), rdf("type") the terms of schema.org,
// newsgraph's own vocabulary and RDF, and named("Vladimir Putin") the
// nodes with that schema:name; label(id) is a node's name, or the value
// itself for a literal; plain(v) is a literal's text without its datatype
// ("PT50M" for "PT50M"^^xsd:duration); need("name") is the query's
// argument name (`--arg name=VALUE`), or an error saying it is missing.
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
	Name     string // file name without .js: "who-called-whom"
	Question string // the question it answers, from its first comment
	Source   string
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
		out = append(out, Query{Name: strings.TrimSuffix(e.Name(), ".js"), Question: question(string(src)), Source: string(src)})
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

// question reads the first comment line of a query.
func question(src string) string {
	for _, line := range strings.Split(src, "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "//") {
			return strings.TrimSpace(strings.TrimPrefix(line, "//"))
		}
	}
	return ""
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
function named(name) { return g.V().Has(schema("name"), name); }
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
