package main

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// query runs a Gizmo query with `newsgraph query` and returns its results.
func query(t *testing.T, db, src string) []map[string]any {
	t.Helper()
	var out []map[string]any
	dec := json.NewDecoder(strings.NewReader(queryOut(t, "--db", db, src)))
	for dec.More() {
		var r map[string]any
		if err := dec.Decode(&r); err != nil {
			t.Fatal(err)
		}
		out = append(out, r)
	}
	return out
}

// TestSampleArticleAnswers ingests our sample article about a phone call
// between two presidents and asks the graph the questions analysts ask:
// who called whom, when and for how long, what about, who condemned what,
// who offered to mediate between whom, who said what, who holds which
// role. The answers must be exactly the facts the article states.
func TestSampleArticleAnswers(t *testing.T) {
	db := filepath.Join(t.TempDir(), "g.db")
	ingest(t, "--db", db, filepath.Join("..", "..", "testdata", "articles", "leaders-call.txt"))

	// Who called whom, when, for how long, about what?
	calls := query(t, db, `g.V().Has(rdf("type"), schema("CommunicateAction")).ForEach(function (c) {
		g.Emit({who: g.V(c.id).Out(schema("participant")).Out(schema("name")).ToArray().sort().join(" & "),
			date: plain(g.V(c.id).Out(schema("startDate")).ToValue()),
			duration: plain(g.V(c.id).Out(schema("duration")).ToValue()),
			about: g.V(c.id).Out(schema("about")).ToArray().map(label).sort().join("; ")});
	})`)
	var call map[string]any
	for _, c := range calls {
		if c["who"] == "Donald Trump & Vladimir Putin" {
			call = c
		}
	}
	if call == nil {
		t.Fatalf("no call between Putin and Trump: %v", calls)
	}
	if call["date"] != "2025-06-14" || call["duration"] != "PT50M" {
		t.Errorf("call date %v, duration %v; want 2025-06-14 and PT50M", call["date"], call["duration"])
	}
	if about, _ := call["about"].(string); !strings.Contains(about, "the war in Ukraine") {
		t.Errorf("call about %q, want the war in Ukraine among its topics", about)
	}
	// The call of the day before, with its three participants ("Putin had
	// spoken with Israeli Prime Minister Benjamin Netanyahu and ...",
	// where the parser makes "with" the head of the names: see
	// parse.headedPrepositions).
	if !slices.ContainsFunc(calls, func(c map[string]any) bool {
		return c["who"] == "Benjamin Netanyahu & Masoud Pezeshkian & Vladimir Putin" && c["date"] == "2025-06-13"
	}) {
		t.Errorf("no call of Putin with Netanyahu and Pezeshkian dated the day before: %v", calls)
	}

	facts := func(subject, relation string) []string {
		var out []string
		for _, r := range query(t, db, `named(`+quote(subject)+`).Out(rel(`+quote(relation)+`)).ForEach(function (o) {
			g.Emit({object: label(o.id)}); })`) {
			out = append(out, r["object"].(string))
		}
		slices.Sort(out)
		return out
	}
	for _, tc := range []struct {
		subject, relation string
		want              []string
	}{
		{"Russia", "condemn", []string{"the Israeli strikes on Iran"}},
		{"Vladimir Putin", "offer_to_mediate_between", []string{"Iran", "Israel"}},
		{"Vladimir Putin", "wish", []string{"Donald Trump"}},
		{"Yuri Ushakov", "role", []string{"Kremlin aide"}},
		{"Benjamin Netanyahu", "role", []string{"Israeli Prime Minister"}},
		{"Masoud Pezeshkian", "role", []string{"Iranian President"}},
		{"Yuri Ushakov", "describe_as", []string{"useful and businesslike"}},
	} {
		if got := facts(tc.subject, tc.relation); !slices.Equal(got, tc.want) {
			t.Errorf("%s –%s→ %q, want %q", tc.subject, tc.relation, got, tc.want)
		}
	}

	// One node per actor, whatever the article called them ("Putin",
	// "the Russian president", "he"), and no node for a demonym or a
	// description.
	nodes := map[string][]string{} // name → IRIs
	for _, r := range query(t, db, `["Person", "Organization", "Place"].forEach(function (type) {
		g.V().Has(rdf("type"), schema(type)).Unique().ForEach(function (n) {
			g.V(n.id).Out(schema("name")).Unique().ForEach(function (m) { g.Emit({iri: n.id, name: m.id}); }); }); })`) {
		name := r["name"].(string)
		if !slices.Contains(nodes[name], r["iri"].(string)) {
			nodes[name] = append(nodes[name], r["iri"].(string))
		}
	}
	for _, name := range []string{"Vladimir Putin", "Donald Trump", "Yuri Ushakov", "Benjamin Netanyahu",
		"Masoud Pezeshkian", "Russia", "United States", "Israel", "Iran", "Ukraine"} {
		if len(nodes[name]) != 1 {
			t.Errorf("%d nodes named %q, want 1: %v", len(nodes[name]), name, nodes[name])
		}
	}
	for name := range nodes {
		switch strings.ToLower(name) {
		case "russian", "israeli", "iranian", "american", "the two leaders", "the russian president", "putin", "trump":
			t.Errorf("a node is named %q", name)
		}
	}

	// Who said what, with the quote.
	quotes := query(t, db, `named("Vladimir Putin").Out(rel("say")).ForEach(function (q) {
		g.Emit({text: plain(g.V(q.id).Out(schema("text")).ToValue()), cue: plain(g.V(q.id).Out(ng("cue")).ToValue())}); })`)
	if !slices.ContainsFunc(quotes, func(q map[string]any) bool {
		return q["text"] == "Russia condemns the Israeli strikes on Iran" && q["cue"] == "tell"
	}) {
		t.Errorf("Putin's quote to Trump missing: %v", quotes)
	}
	if !slices.ContainsFunc(quotes, func(q map[string]any) bool {
		return q["text"] == "Moscow was willing to hold a new round of talks with Kyiv after June 22"
	}) {
		t.Errorf("Putin's reported statement missing: %v", quotes)
	}
}

// quote makes a JavaScript string literal.
func quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
