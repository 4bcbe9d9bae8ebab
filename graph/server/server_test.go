package server

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/newsgraph/newsgraph/graph/store"
	"github.com/newsgraph/newsgraph/graph/vocab"
	"github.com/newsgraph/newsgraph/queries"
)

var v = vocab.New("")

// IRIs of the sample graph.
var (
	putin     = v.Entity("Vladimir Putin")
	trump     = v.Entity("Donald Trump")
	iran      = v.Entity("Iran")
	erdogan   = v.Entity("Recep Tayyip Erdoğan")
	putina    = v.Entity("Anna Putina")
	rotterdam = v.Entity("Rotterdam")
	port      = v.Entity("Port of Rotterdam")
	artA      = quad.IRI(v.Base() + "article/a1")
	artB      = quad.IRI(v.Base() + "article/b2")
	call      = v.Relation("call")
)

func str(s string) quad.Value { return quad.String(s) }
func en(s string) quad.Value  { return quad.LangString{Value: quad.String(s), Lang: "en"} }
func typed(s, t string) quad.Value {
	return quad.TypedString{Value: quad.String(s), Type: quad.IRI(vocab.XSD + t)}
}

// graphBuilder collects the quads of one article graph.
type graphBuilder struct{ g store.Graph }

func (b *graphBuilder) add(s quad.Value, p quad.IRI, o quad.Value) {
	b.g.Quads = append(b.g.Quads, quad.Quad{Subject: s, Predicate: p, Object: o, Label: b.g.Label})
}

func (b *graphBuilder) entity(iri quad.IRI, typ quad.IRI, name string, aliases ...string) {
	b.add(iri, vocab.Type, typ)
	b.add(iri, vocab.Name, str(name))
	for _, a := range aliases {
		b.add(iri, vocab.AlternateName, str(a))
	}
	b.add(b.g.Label, vocab.Mentions, iri)
}

func (b *graphBuilder) statement(n int, s quad.Value, p quad.IRI, o quad.Value, sentence string, start, end int, conf string) quad.IRI {
	node := vocab.Part(b.g.Label, "s", n)
	b.add(s, p, o)
	b.add(p, vocab.Type, v.Term("Relation"))
	b.add(node, vocab.Type, vocab.Statement)
	b.add(node, vocab.Subject, s)
	b.add(node, vocab.Predicate, p)
	b.add(node, vocab.Object, o)
	b.add(node, vocab.DerivedFrom, b.g.Label)
	b.add(node, v.Term("sentence"), en(sentence))
	b.add(node, v.Term("start"), typed(strconv.Itoa(start), "integer"))
	b.add(node, v.Term("end"), typed(strconv.Itoa(end), "integer"))
	b.add(node, v.Term("confidence"), typed(conf, "decimal"))
	b.add(node, v.Term("extractor"), str("newsgraph-extract/1"))
	return node
}

// sampleGraphs is a small graph written for these tests, in the shapes
// graph/facts makes: two articles, entities with aliases, a fact stated
// in both, a negated fact about a literal, an event and a quote.
func sampleGraphs() []store.Graph {
	a := &graphBuilder{g: store.Graph{Label: artA}}
	a.add(artA, vocab.Type, vocab.NewsArticle)
	a.add(artA, vocab.Headline, en("Leaders talk by phone"))
	a.add(artA, vocab.DatePublished, typed("2025-06-14", "date"))
	a.add(artA, v.Term("source"), str("a1.txt"))
	a.entity(putin, vocab.Person, "Vladimir Putin", "Putin")
	a.entity(trump, vocab.Person, "Donald Trump", "Trump")
	a.entity(iran, vocab.Place, "Iran", "Islamic Republic of Iran")
	a.entity(erdogan, vocab.Person, "Recep Tayyip Erdoğan", "Erdoğan")
	s0 := a.statement(0, putin, call, trump, "Vladimir Putin called Donald Trump on Friday.", 23, 56, "0.900")
	a.add(s0, vocab.StartDate, typed("2025-06-13", "date"))
	a.add(s0, v.Term("wording"), en("called"))
	e0 := vocab.Part(artA, "e", 0)
	a.add(e0, vocab.Type, vocab.CommunicateAction)
	a.add(e0, vocab.Name, str("call"))
	a.add(e0, vocab.Participant, putin)
	a.add(e0, vocab.Participant, trump)
	a.add(e0, vocab.About, iran)
	a.add(e0, vocab.StartDate, typed("2025-06-13", "date"))
	a.add(e0, vocab.Duration, typed("PT50M", "duration"))
	a.add(e0, vocab.DerivedFrom, artA)
	a.add(e0, v.Term("sentence"), en("The two presidents spoke for 50 minutes about Iran."))
	q0 := vocab.Part(artA, "q", 0)
	a.add(q0, vocab.Type, vocab.Quotation)
	a.add(q0, vocab.Text, en("The talks were useful"))
	a.add(q0, vocab.Creator, putin)
	a.add(putin, v.Relation("say"), q0)
	a.add(q0, vocab.DerivedFrom, artA)
	a.add(q0, v.Term("sentence"), en("\"The talks were useful,\" Putin said."))

	b := &graphBuilder{g: store.Graph{Label: artB}}
	b.add(artB, vocab.Type, vocab.NewsArticle)
	b.add(artB, vocab.Headline, en("Dock workers strike in Rotterdam"))
	b.add(artB, vocab.DatePublished, typed("2025-07-01", "date"))
	b.entity(putin, vocab.Person, "Vladimir Putin", "Putin")
	b.entity(trump, vocab.Person, "Donald Trump")
	b.entity(putina, vocab.Person, "Anna Putina")
	b.entity(rotterdam, vocab.Place, "Rotterdam")
	b.entity(port, vocab.Organization, "Port of Rotterdam")
	b.statement(0, putin, v.Relation("not_rule_out"), en("sanctions"), "Putin did not rule out sanctions.", 0, 33, "0.700")
	b.add(vocab.Part(artB, "s", 0), v.Term("negated"), typed("true", "boolean"))
	b.statement(1, putin, call, trump, "Putin had called Trump a week earlier.", 34, 72, "0.800")
	b.statement(2, port, v.Relation("close"), rotterdam, "The Port of Rotterdam closed two terminals.", 73, 116, "0.850")
	return []store.Graph{a.g, b.g}
}

// newTestStore builds a bbolt store holding the sample graph.
func newTestStore(t testing.TB) *store.Store {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "g.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, _, err := st.ReplaceGraphs(ctx, sampleGraphs()); err != nil {
		t.Fatal(err)
	}
	return st
}

// newTestServer starts a server over the sample graph.
func newTestServer(t testing.TB, cfg Config) *httptest.Server {
	t.Helper()
	if cfg.Store == nil {
		cfg.Store = newTestStore(t)
	}
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	return ts
}

// do sends a request and decodes its JSON answer into out (if not nil),
// checking that every answer is JSON.
func do(t testing.TB, method, u string, body string, header http.Header, out any) int {
	t.Helper()
	req, err := http.NewRequest(method, u, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for k, vs := range header {
		req.Header[k] = vs
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "application/json" {
		t.Fatalf("%s %s: Content-Type %q, body %s", method, u, ct, data)
	}
	if out != nil {
		if err := json.Unmarshal(data, out); err != nil {
			t.Fatalf("%s %s: %v in %s", method, u, err, data)
		}
	}
	return resp.StatusCode
}

type errorAnswer struct {
	Error string `json:"error"`
}

func TestGizmo(t *testing.T) {
	ts := newTestServer(t, Config{Vocab: v})
	endpoint := ts.URL + "/api/v1/query/gizmo"
	for _, tc := range []struct {
		name, query, params string
		status              int
		result              string // the answer's JSON, exactly
		errPart             string
	}{
		{"tags", `g.V("<` + string(putin) + `>").Out(schema("name")).Unique().All()`, "", 200,
			`{"result":[{"id":"Vladimir Putin"}]}`, ""},
		{"prelude helper", `named("Donald Trump").In(rel("call")).Out(schema("name")).Unique().All()`, "", 200,
			`{"result":[{"id":"Vladimir Putin"}]}`, ""},
		{"emit", `g.Emit({n: named("Iran").Count()})`, "", 200, `{"result":[{"n":1}]}`, ""},
		{"limit", `g.V().Has(rdf("type"), schema("Person")).All()`, "?limit=2", 200, "", ""},
		{"no result is null, as in Cayley", `named("Nobody").All()`, "", 200, `{"result":null}`, ""},
		{"syntax error", `g.V(.All()`, "", 400, "", "SyntaxError"},
		{"script error", `throw new Error("boom")`, "", 400, "", "boom"},
		{"empty", "  ", "", 400, "", "query is empty"},
		{"bad limit", `g.V().All()`, "?limit=x", 400, "", "limit"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req, _ := http.NewRequest("POST", endpoint+tc.params, strings.NewReader(tc.query))
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			data, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != tc.status {
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, tc.status, data)
			}
			got := strings.TrimSpace(string(data))
			if tc.result != "" && got != tc.result {
				t.Errorf("answer %s, want %s", got, tc.result)
			}
			if tc.name == "limit" {
				var ans struct{ Result []map[string]string }
				if err := json.Unmarshal(data, &ans); err != nil || len(ans.Result) != 2 {
					t.Errorf("limit=2 gave %s", got)
				}
			}
			if tc.errPart != "" {
				var e errorAnswer
				if err := json.Unmarshal(data, &e); err != nil || !strings.Contains(e.Error, tc.errPart) {
					t.Errorf("error answer %s, want one containing %q", got, tc.errPart)
				}
				if strings.Contains(got, "goroutine ") || strings.Contains(got, ".go:") {
					t.Errorf("error answer shows a stack: %s", got)
				}
			}
		})
	}
	var e errorAnswer
	if status := do(t, "GET", endpoint, "", nil, &e); status != 405 || e.Error == "" {
		t.Errorf("GET: status %d, error %q; want 405 with a message", status, e.Error)
	}
	if status := do(t, "GET", ts.URL+"/api/v1/nothing", "", nil, &e); status != 404 || e.Error == "" {
		t.Errorf("unknown endpoint: status %d, error %q", status, e.Error)
	}
}

// TestRunaway checks that a script that never ends is stopped at the time
// limit and answered with an error, while other requests are answered
// meanwhile.
func TestRunaway(t *testing.T) {
	ts := newTestServer(t, Config{Vocab: v, QueryTimeout: 3 * time.Second})
	runaway := make(chan struct {
		status int
		err    string
	}, 1)
	started := time.Now()
	go func() {
		resp, err := http.Post(ts.URL+"/api/v1/query/gizmo", "text/plain", strings.NewReader(`while (true) {}`))
		if err != nil {
			runaway <- struct {
				status int
				err    string
			}{0, err.Error()}
			return
		}
		defer resp.Body.Close()
		var e errorAnswer
		json.NewDecoder(resp.Body).Decode(&e)
		runaway <- struct {
			status int
			err    string
		}{resp.StatusCode, e.Error}
	}()
	// Other requests are answered while the runaway script runs.
	for i := range 5 {
		var ans struct{ Result []map[string]string }
		if status := do(t, "POST", ts.URL+"/api/v1/query/gizmo", `named("Iran").All()`, nil, &ans); status != 200 || len(ans.Result) != 1 {
			t.Fatalf("query %d during the runaway: status %d, %v", i, status, ans.Result)
		}
		var sr struct{ Results []Match }
		if status := do(t, "GET", ts.URL+"/api/v1/search?q=trump", "", nil, &sr); status != 200 || len(sr.Results) == 0 {
			t.Fatalf("search %d during the runaway: status %d", i, status)
		}
	}
	select {
	case r := <-runaway:
		t.Fatalf("the runaway script was answered (%d %s) before the others were done", r.status, r.err)
	default:
	}
	r := <-runaway
	if r.status != 400 || !strings.Contains(r.err, "stopped") {
		t.Errorf("runaway: status %d, error %q; want 400 saying it was stopped", r.status, r.err)
	}
	if elapsed := time.Since(started); elapsed > 30*time.Second {
		t.Errorf("the runaway script was answered after %s", elapsed)
	}
}

func TestBodyLimit(t *testing.T) {
	ts := newTestServer(t, Config{Vocab: v, MaxBody: 64})
	var e errorAnswer
	big := "g.V().All(); //" + strings.Repeat("x", 1000)
	if status := do(t, "POST", ts.URL+"/api/v1/query/gizmo", big, nil, &e); status != 413 || !strings.Contains(e.Error, "64 bytes") {
		t.Errorf("big body: status %d, error %q; want 413", status, e.Error)
	}
	if status := do(t, "POST", ts.URL+"/api/v1/query/gizmo", `g.V().All()`, nil, nil); status != 200 {
		t.Errorf("small body: status %d", status)
	}
	if status := do(t, "POST", ts.URL+"/api/v1/queries/facts", `{"args": {"x": "`+strings.Repeat("y", 100)+`"}}`, nil, &e); status != 413 && status != 404 {
		t.Errorf("big query-run body: status %d, error %q", status, e.Error)
	}
}

func TestSearch(t *testing.T) {
	ts := newTestServer(t, Config{Vocab: v})
	for _, tc := range []struct {
		q     string
		first string // label of the first result, "" for none
		kind  string
		all   []string // labels of all results, in order, when given
	}{
		{"Trump", "Donald Trump", "exact", []string{"Donald Trump"}},
		{"put", "Vladimir Putin", "prefix", []string{"Vladimir Putin", "Anna Putina"}},
		{"vladimir p", "Vladimir Putin", "prefix", nil},
		{"erdogan", "Recep Tayyip Erdoğan", "exact", nil},
		{"Puttin", "Vladimir Putin", "fuzzy", nil},
		{"Dnoald Trump", "Donald Trump", "fuzzy", nil},
		{"rotterdam", "Rotterdam", "exact", []string{"Rotterdam", "Port of Rotterdam"}},
		{"islamic", "Iran", "prefix", nil},
		{"call", "", "", []string{}}, // an event's name, not an entity
		{"xyzzy", "", "", []string{}},
	} {
		t.Run(tc.q, func(t *testing.T) {
			var ans struct {
				Query   string
				Results []Match
			}
			if status := do(t, "GET", ts.URL+"/api/v1/search?q="+url.QueryEscape(tc.q), "", nil, &ans); status != 200 {
				t.Fatalf("status %d", status)
			}
			var labels []string
			for _, m := range ans.Results {
				labels = append(labels, m.Label)
			}
			if tc.first == "" {
				if len(ans.Results) != 0 {
					t.Errorf("results %v, want none", labels)
				}
				return
			}
			if len(ans.Results) == 0 || ans.Results[0].Label != tc.first || ans.Results[0].MatchKind != tc.kind {
				t.Fatalf("results %+v, want %s first (%s)", ans.Results, tc.first, tc.kind)
			}
			if tc.all != nil && !slices.Equal(labels, tc.all) {
				t.Errorf("results %v, want %v", labels, tc.all)
			}
		})
	}
	var ans struct{ Results []Match }
	do(t, "GET", ts.URL+"/api/v1/search?q=putin", "", nil, &ans)
	if m := ans.Results[0]; m.ID != "<"+string(putin)+">" || m.Type != "Person" || m.Articles != 2 || m.Matched != "Putin" {
		t.Errorf("first result for putin: %+v", m)
	}
	var e errorAnswer
	if status := do(t, "GET", ts.URL+"/api/v1/search", "", nil, &e); status != 400 || e.Error == "" {
		t.Errorf("no q: status %d", status)
	}
}

func TestNeighbourhood(t *testing.T) {
	ts := newTestServer(t, Config{Vocab: v})
	var n Neighbourhood
	if status := do(t, "GET", ts.URL+"/api/v1/neighbourhood?id="+url.QueryEscape(string(putin)), "", nil, &n); status != 200 {
		t.Fatalf("status %d", status)
	}
	if n.Node.Label != "Vladimir Putin" || n.Node.Type != "Person" || !slices.Equal(n.Node.Aliases, []string{"Putin"}) {
		t.Errorf("node %+v", n.Node)
	}
	var got []string
	for _, e := range n.Edges {
		other := e.Object
		if e.Direction == "in" {
			other = e.Subject
		}
		got = append(got, e.Direction+" "+e.Label+" "+other+" "+strconv.Itoa(len(e.Graphs)))
	}
	want := []string{
		"out call <" + string(trump) + "> 2",
		`out not_rule_out "sanctions"@en 1`,
		"out say <" + string(vocab.Part(artA, "q", 0)) + "> 1",
		"in creator <" + string(vocab.Part(artA, "q", 0)) + "> 1",
		"in mentions <" + string(artA) + "> 1",
		"in mentions <" + string(artB) + "> 1",
		"in participant <" + string(vocab.Part(artA, "e", 0)) + "> 1",
	}
	if !slices.Equal(got, want) {
		t.Errorf("edges:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if n.Total != 7 || len(n.Nodes) != 6 {
		t.Errorf("total %d, %d nodes", n.Total, len(n.Nodes))
	}
	labels := map[string]string{}
	for _, o := range n.Nodes {
		labels[o.ID] = o.Label + "/" + o.Type
	}
	if labels["<"+string(trump)+">"] != "Donald Trump/Person" || labels["<"+string(artB)+">"] != "Dock workers strike in Rotterdam/NewsArticle" ||
		labels[`"sanctions"@en`] != "sanctions/Literal" || labels["<"+string(vocab.Part(artA, "e", 0))+">"] != "call/CommunicateAction" {
		t.Errorf("node labels %v", labels)
	}
	var mentions EdgeCount
	for _, c := range n.Counts {
		if c.Label == "mentions" {
			mentions = c
		}
	}
	if mentions.Count != 2 || mentions.Direction != "in" || n.Counts[0].Count != 2 {
		t.Errorf("counts %+v", n.Counts)
	}

	// Paging and filters.
	var page Neighbourhood
	do(t, "GET", ts.URL+"/api/v1/neighbourhood?limit=2&offset=3&id="+url.QueryEscape("<"+string(putin)+">"), "", nil, &page)
	if page.Total != 7 || len(page.Edges) != 2 || page.Edges[0].Label != "creator" || page.Edges[1].Label != "mentions" {
		t.Errorf("page 2: %+v", page.Edges)
	}
	do(t, "GET", ts.URL+"/api/v1/neighbourhood?direction=in&predicate="+url.QueryEscape(string(vocab.Mentions))+"&id="+url.QueryEscape(string(putin)), "", nil, &page)
	if page.Total != 2 || len(page.Counts) != 6 {
		t.Errorf("filtered: total %d, counts %+v", page.Total, page.Counts)
	}

	// A literal can be expanded too; an event shows its properties.
	var lit Neighbourhood
	if status := do(t, "GET", ts.URL+"/api/v1/neighbourhood?id="+url.QueryEscape(`"sanctions"@en`), "", nil, &lit); status != 200 || lit.Total != 1 || lit.Node.Type != "Literal" {
		t.Errorf("literal: status %d, %+v", status, lit)
	}
	var ev Neighbourhood
	do(t, "GET", ts.URL+"/api/v1/neighbourhood?id="+url.QueryEscape(string(vocab.Part(artA, "e", 0))), "", nil, &ev)
	props := map[string]string{}
	for _, p := range ev.Node.Properties {
		props[p.Label] = p.Value
	}
	if props["startDate"] != "2025-06-13" || props["duration"] != "PT50M" || ev.Node.Type != "CommunicateAction" {
		t.Errorf("event node %+v", ev.Node)
	}

	var e errorAnswer
	for _, tc := range []struct {
		query  string
		status int
	}{
		{"id=" + url.QueryEscape(string(v.Entity("Nobody"))), 404},
		{"", 400},
		{"id=%3Cbroken", 400},
		{"id=" + url.QueryEscape(string(putin)) + "&direction=sideways", 400},
		{"id=" + url.QueryEscape(string(putin)) + "&limit=-1", 400},
	} {
		if status := do(t, "GET", ts.URL+"/api/v1/neighbourhood?"+tc.query, "", nil, &e); status != tc.status || e.Error == "" {
			t.Errorf("%s: status %d (%q), want %d", tc.query, status, e.Error, tc.status)
		}
	}
}

func TestProvenance(t *testing.T) {
	ts := newTestServer(t, Config{Vocab: v})
	edge := func(s, p, o string) string {
		return ts.URL + "/api/v1/provenance?subject=" + url.QueryEscape(s) + "&predicate=" + url.QueryEscape(p) + "&object=" + url.QueryEscape(o)
	}
	var p Provenance
	if status := do(t, "GET", edge(string(putin), string(call), string(trump)), "", nil, &p); status != 200 {
		t.Fatalf("status %d", status)
	}
	if len(p.Articles) != 2 || p.Articles[0].Headline != "Leaders talk by phone" || p.Articles[0].Published != "2025-06-14" || p.Articles[0].Source != "a1.txt" {
		t.Errorf("articles %+v", p.Articles)
	}
	if len(p.Sources) != 2 {
		t.Fatalf("sources %+v", p.Sources)
	}
	s := p.Sources[0]
	if s.Kind != "Statement" || s.Sentence != "Vladimir Putin called Donald Trump on Friday." || *s.Start != 23 || *s.End != 56 ||
		*s.Confidence != 0.9 || s.Wording != "called" || s.Date != "2025-06-13" || s.Article.ID != "<"+string(artA)+">" {
		t.Errorf("first source %+v", s)
	}
	if p.Sources[1].Sentence != "Putin had called Trump a week earlier." || p.Sources[1].Article.Headline != "Dock workers strike in Rotterdam" {
		t.Errorf("second source %+v", p.Sources[1])
	}

	// A negated fact about a literal.
	do(t, "GET", edge("<"+string(putin)+">", "<"+string(v.Relation("not_rule_out"))+">", `"sanctions"@en`), "", nil, &p)
	if len(p.Sources) != 1 || !p.Sources[0].Negated {
		t.Errorf("negated fact: %+v", p.Sources)
	}
	// An event's edge: the event's own record.
	do(t, "GET", edge(string(vocab.Part(artA, "e", 0)), string(vocab.Participant), string(putin)), "", nil, &p)
	if len(p.Sources) != 1 || p.Sources[0].Kind != "CommunicateAction" || !strings.Contains(p.Sources[0].Sentence, "50 minutes") {
		t.Errorf("event edge: %+v", p.Sources)
	}
	// A statement by its ID.
	do(t, "GET", ts.URL+"/api/v1/provenance?id="+url.QueryEscape(string(vocab.Part(artB, "s", 2))), "", nil, &p)
	if len(p.Sources) != 1 || !strings.Contains(p.Sources[0].Sentence, "two terminals") || len(p.Articles) != 1 {
		t.Errorf("by id: %+v", p)
	}
	var e errorAnswer
	if status := do(t, "GET", edge(string(trump), string(call), string(putin)), "", nil, &e); status != 404 {
		t.Errorf("a fact not in the graph: status %d", status)
	}
	if status := do(t, "GET", ts.URL+"/api/v1/provenance?subject=x", "", nil, &e); status != 400 || !strings.Contains(e.Error, "predicate") {
		t.Errorf("missing parameters: status %d, %q", status, e.Error)
	}
}

func TestTimeline(t *testing.T) {
	ts := newTestServer(t, Config{Vocab: v})
	var tl Timeline
	if status := do(t, "GET", ts.URL+"/api/v1/timeline?id="+url.QueryEscape(string(putin)), "", nil, &tl); status != 200 {
		t.Fatalf("status %d", status)
	}
	var got []string
	for _, it := range tl.Items {
		var others []string
		for _, o := range it.Others {
			others = append(others, o.Label)
		}
		got = append(got, it.Date+" "+it.DateOf+" "+it.Kind+" "+it.Label+" "+strings.Join(others, ","))
	}
	want := []string{
		"2025-06-13 event event call Donald Trump",
		"2025-06-13 fact fact call Donald Trump",
		"2025-07-01 article fact not_rule_out sanctions",
		"2025-07-01 article fact call Donald Trump",
	}
	if !slices.Equal(got, want) {
		t.Errorf("timeline:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestQueryLibrary(t *testing.T) {
	st := newTestStore(t)
	ts := newTestServer(t, Config{Vocab: v, Store: st})
	var list struct{ Queries []libraryQuery }
	if status := do(t, "GET", ts.URL+"/api/v1/queries", "", nil, &list); status != 200 || len(list.Queries) != len(queries.All()) {
		t.Fatalf("status %d, %d queries, want %d", status, len(list.Queries), len(queries.All()))
	}
	var noArgs, withName *libraryQuery
	for i, q := range list.Queries {
		if q.Question == "" || q.Source == "" {
			t.Errorf("query %s lacks its question or source", q.Name)
		}
		if len(q.Args) == 0 && noArgs == nil {
			noArgs = &list.Queries[i]
		}
		if slices.Equal(q.Args, []string{"name"}) && withName == nil {
			withName = &list.Queries[i]
		}
	}
	if noArgs == nil || withName == nil {
		t.Fatal("the library should have a query without arguments and one taking a name")
	}
	// Running one through the API gives what the store gives.
	rels, err := queries.Relations(context.Background(), st, v)
	if err != nil {
		t.Fatal(err)
	}
	want, err := st.Query(context.Background(), queries.Prelude(v, rels)+queries.Args(nil)+noArgs.Source, DefaultMaxResults)
	if err != nil {
		t.Fatal(err)
	}
	var ans struct{ Result []any }
	if status := do(t, "POST", ts.URL+"/api/v1/queries/"+noArgs.Name, "", nil, &ans); status != 200 || len(ans.Result) != len(want) {
		t.Errorf("%s: status %d, %d results, want %d", noArgs.Name, status, len(ans.Result), len(want))
	}
	if status := do(t, "POST", ts.URL+"/api/v1/queries/"+withName.Name, `{"args": {"name": "Vladimir Putin"}}`, nil, &ans); status != 200 {
		t.Errorf("%s with a name: status %d", withName.Name, status)
	}
	var e errorAnswer
	if status := do(t, "POST", ts.URL+"/api/v1/queries/"+withName.Name, "", nil, &e); status != 400 || !strings.Contains(e.Error, "name") {
		t.Errorf("%s without its argument: status %d, %q", withName.Name, status, e.Error)
	}
	if status := do(t, "POST", ts.URL+"/api/v1/queries/"+withName.Name, `{"args": 3}`, nil, &e); status != 400 {
		t.Errorf("bad body: status %d", status)
	}
	var one libraryQuery
	if status := do(t, "GET", ts.URL+"/api/v1/queries/"+withName.Name, "", nil, &one); status != 200 || one.Name != withName.Name {
		t.Errorf("get: status %d, %+v", status, one)
	}
	if status := do(t, "GET", ts.URL+"/api/v1/queries/no-such-query", "", nil, &e); status != 404 {
		t.Errorf("unknown query: status %d", status)
	}
}

// fakeIngester stores one entity per upload, named after the upload.
type fakeIngester struct {
	st    *store.Store
	mu    sync.Mutex
	got   []Upload
	panic bool
}

func (f *fakeIngester) Ingest(ctx context.Context, u Upload) (IngestResult, error) {
	if f.panic {
		panic("ingester bug")
	}
	f.mu.Lock()
	f.got = append(f.got, u)
	f.mu.Unlock()
	label := quad.IRI(v.Base() + "article/upload")
	e := v.Entity(u.Name)
	added, removed, err := f.st.ReplaceGraph(ctx, label, []quad.Quad{
		{Subject: e, Predicate: vocab.Type, Object: vocab.Organization, Label: label},
		{Subject: e, Predicate: vocab.Name, Object: str(u.Name), Label: label},
	})
	if err != nil {
		return IngestResult{}, err
	}
	return IngestResult{Articles: 1, QuadsAdded: added, QuadsRemoved: removed, Graphs: []string{termID(label)}}, nil
}

func TestIngestAuth(t *testing.T) {
	if _, err := New(Config{Store: newTestStore(t), Ingester: &fakeIngester{}}); err == nil {
		t.Error("New accepted an ingester without a token")
	}
	readOnly := newTestServer(t, Config{Vocab: v})
	var e errorAnswer
	if status := do(t, "POST", readOnly.URL+"/api/v1/ingest?name=x", "Some text.", http.Header{"Authorization": {"Bearer secret"}}, &e); status != 403 {
		t.Errorf("read-only server: status %d, %q", status, e.Error)
	}

	st := newTestStore(t)
	ing := &fakeIngester{st: st}
	ts := newTestServer(t, Config{Vocab: v, Store: st, Ingester: ing, Token: "s3cret", MaxIngestBody: 1000})
	// Search once so that the index is built before the upload.
	var sr struct{ Results []Match }
	do(t, "GET", ts.URL+"/api/v1/search?q=acme", "", nil, &sr)
	if len(sr.Results) != 0 {
		t.Fatalf("acme found before the upload: %+v", sr.Results)
	}
	for _, tc := range []struct {
		name   string
		auth   string
		params string
		body   string
		status int
	}{
		{"no token", "", "?name=Acme", "text", 401},
		{"wrong token", "Bearer nope", "?name=Acme", "text", 401},
		{"basic auth", "Basic czNjcmV0", "?name=Acme", "text", 401},
		{"no name", "Bearer s3cret", "", "text", 400},
		{"bad format", "Bearer s3cret", "?name=Acme&format=pdf", "text", 400},
		{"empty", "Bearer s3cret", "?name=Acme", " ", 400},
		{"too large", "Bearer s3cret", "?name=Acme", strings.Repeat("word ", 300), 413},
		{"ok", "Bearer s3cret", "?name=Acme%20Corp", "<p>Acme Corp opened a plant.</p>", 200},
	} {
		h := http.Header{"Content-Type": {"text/html; charset=utf-8"}}
		if tc.auth != "" {
			h.Set("Authorization", tc.auth)
		}
		var res IngestResult
		if status := do(t, "POST", ts.URL+"/api/v1/ingest"+tc.params, tc.body, h, &res); status != tc.status {
			t.Errorf("%s: status %d, want %d", tc.name, status, tc.status)
		}
	}
	if len(ing.got) != 1 || ing.got[0].Name != "Acme Corp" || ing.got[0].Format != "html" {
		t.Errorf("uploads %+v", ing.got)
	}
	// The search index sees what was ingested.
	do(t, "GET", ts.URL+"/api/v1/search?q=acme", "", nil, &sr)
	if len(sr.Results) != 1 || sr.Results[0].Label != "Acme Corp" {
		t.Errorf("after the upload: %+v", sr.Results)
	}
}

func TestPanicRecovered(t *testing.T) {
	ts := newTestServer(t, Config{Vocab: v, Ingester: &fakeIngester{panic: true}, Token: "t"})
	var e errorAnswer
	if status := do(t, "POST", ts.URL+"/api/v1/ingest?name=x", "text", http.Header{"Authorization": {"Bearer t"}}, &e); status != 500 || e.Error != "internal error" {
		t.Errorf("panic: status %d, %q", status, e.Error)
	}
	// The server goes on.
	if status := do(t, "GET", ts.URL+"/api/v1/health", "", nil, nil); status != 200 {
		t.Errorf("after a panic: status %d", status)
	}
}

func TestPage(t *testing.T) {
	ts := newTestServer(t, Config{Vocab: v})
	for _, tc := range []struct{ path, contentType, contains string }{
		{"/", "text/html", `<script src="cytoscape.min.js" defer>`},
		{"/app.js", "text/javascript", "/api/v1/neighbourhood"},
		{"/cytoscape.min.js", "text/javascript", "cytoscape"},
		{"/style.css", "text/css", "#graph"},
	} {
		resp, err := http.Get(ts.URL + tc.path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), tc.contentType) || !strings.Contains(string(body), tc.contains) {
			t.Errorf("%s: status %d, type %q, has %q: %v", tc.path, resp.StatusCode, resp.Header.Get("Content-Type"), tc.contains, strings.Contains(string(body), tc.contains))
		}
		if resp.Header.Get("Content-Security-Policy") == "" {
			t.Errorf("%s: no Content-Security-Policy", tc.path)
		}
	}
}

// TestVendoredLibrary checks that the embedded cytoscape.js is the version
// package-lock.json pins.
func TestVendoredLibrary(t *testing.T) {
	lock, err := static.ReadFile("web/static/cytoscape.min.js")
	if err != nil {
		t.Fatal(err)
	}
	var pkg struct {
		Packages map[string]struct{ Version string }
	}
	data, err := os.ReadFile(filepath.Join("web", "package-lock.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &pkg); err != nil {
		t.Fatal(err)
	}
	version := pkg.Packages["node_modules/cytoscape"].Version
	if version == "" || !strings.Contains(string(lock), `"`+version+`"`) {
		t.Errorf("web/static/cytoscape.min.js is not cytoscape %q of package-lock.json: run npm ci && npm run vendor in graph/server/web", version)
	}
}

// TestClientGoesAway checks that a client that stops waiting for a
// runaway script does not break the server.
func TestClientGoesAway(t *testing.T) {
	ts := newTestServer(t, Config{Vocab: v, QueryTimeout: 5 * time.Second})
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "POST", ts.URL+"/api/v1/query/gizmo", strings.NewReader(`while (true) {}`))
	if _, err := http.DefaultClient.Do(req); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("want the client's deadline, got %v", err)
	}
	if status := do(t, "GET", ts.URL+"/api/v1/health", "", nil, nil); status != 200 {
		t.Errorf("after a client went away: status %d", status)
	}
}

// TestCloseStopsIndexBuild checks that a closed server builds no search
// index: `newsgraph serve` stopped during the first build of a big store's
// index must not wait for it to end.
func TestCloseStopsIndexBuild(t *testing.T) {
	s, err := New(Config{Store: newTestStore(t), Vocab: v})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if err := s.Prepare(context.Background()); !errors.Is(err, context.Canceled) {
		t.Errorf("Prepare after Close: %v, want context.Canceled", err)
	}
	open, err := New(Config{Store: newTestStore(t), Vocab: v})
	if err != nil {
		t.Fatal(err)
	}
	defer open.Close()
	if err := open.Prepare(context.Background()); err != nil {
		t.Errorf("Prepare of an open server: %v", err)
	}
}
