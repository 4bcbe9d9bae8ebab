package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cayleygraph/quad/nquads"
	"github.com/chromedp/chromedp"
	"github.com/newsgraph/newsgraph/graph/server"
	"github.com/newsgraph/newsgraph/graph/vocab"
	"github.com/newsgraph/newsgraph/queries"
)

var (
	screenshotDir = flag.String("screenshots", "", "TestExplorer writes screenshots of the explorer's views to `DIR` (docs/)")
	loadDuration  = flag.Duration("load-duration", 30*time.Second, "how long TestServeLoad sends requests")
	loadClients   = flag.Int("load-clients", 50, "how many clients TestServeLoad runs at once")
)

// syncBuffer is a bytes.Buffer safe for a writer and a reader.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// startServe runs `newsgraph serve` with args on a free port and returns
// its base URL; the server is stopped, and must exit with status 0, when
// the test ends.
func startServe(t testing.TB, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	var stderr syncBuffer
	status := make(chan int, 1)
	go func() {
		status <- run(ctx, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...), io.Discard, pw)
		pw.Close()
	}()
	urls := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(pr)
		found := false
		for sc.Scan() {
			stderr.Write(append(sc.Bytes(), '\n'))
			if m := regexp.MustCompile(`msg=serving url=(\S+)`).FindStringSubmatch(sc.Text()); m != nil && !found {
				found = true
				urls <- strings.TrimSuffix(m[1], "/")
			}
		}
		io.Copy(io.Discard, pr)
		close(urls)
	}()
	var base string
	select {
	case base = <-urls:
	case s := <-status:
		cancel()
		t.Fatalf("serve exited with status %d:\n%s", s, stderr.String())
	case <-time.After(time.Minute):
		cancel()
		t.Fatalf("serve did not start:\n%s", stderr.String())
	}
	if base == "" {
		cancel()
		t.Fatalf("serve stopped:\n%s", stderr.String())
	}
	t.Cleanup(func() {
		cancel()
		if s := <-status; s != 0 {
			t.Errorf("serve exited with status %d:\n%s", s, stderr.String())
		}
	})
	return base
}

// servedStore ingests the sample articles into a new bbolt store.
func servedStore(t testing.TB, extra ...string) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "g.db")
	var stdout, stderr bytes.Buffer
	args := append([]string{"ingest", "--db", db, filepath.Join("..", "..", "testdata", "articles")}, extra...)
	if status := run(context.Background(), args, &stdout, &stderr); status != 0 {
		t.Fatalf("ingest: status %d\n%s", status, stderr.String())
	}
	return db
}

// getJSON sends a request and decodes its JSON answer, failing the test
// unless the status is want.
func getJSON(t testing.TB, method, u, body string, header http.Header, want int, out any) {
	t.Helper()
	req, err := http.NewRequest(method, u, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header[k] = v
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != want {
		t.Fatalf("%s %s: status %d, want %d: %s", method, u, resp.StatusCode, want, data)
	}
	if out != nil {
		if err := json.Unmarshal(data, out); err != nil {
			t.Fatalf("%s %s: %v: %s", method, u, err, data)
		}
	}
}

func TestServeFlags(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name   string
		args   []string
		status int
		last   string
	}{
		{"help", []string{"serve", "--help"}, 0, ""},
		{"no store", []string{"serve", "--db", filepath.Join(dir, "none.db")}, 1, "no store"},
		{"write without token", []string{"serve", "--db", "memory:", "--allow-write"}, 1, "token"},
		{"stray argument", []string{"serve", "x"}, 2, ""},
		{"bad address", []string{"serve", "--db", "memory:", "--addr", "256.1.1.1:http"}, 1, "listen"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("NEWSGRAPH_TOKEN", "")
			var stdout, stderr bytes.Buffer
			if status := run(context.Background(), tc.args, &stdout, &stderr); status != tc.status {
				t.Fatalf("status %d, want %d: %s", status, tc.status, stderr.String())
			}
			lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
			if !strings.Contains(lines[len(lines)-1], tc.last) {
				t.Errorf("last line %q lacks %q", lines[len(lines)-1], tc.last)
			}
		})
	}
}

// TestServeIngest ingests an article over HTTP through the real pipeline
// and finds its entities with the search API.
func TestServeIngest(t *testing.T) {
	t.Setenv("NEWSGRAPH_TOKEN", "test-token")
	base := startServe(t, "--db", filepath.Join(t.TempDir(), "w.db"), "--allow-write")
	article := "Title: Harbour deal signed\nDate: 2025-09-02\n\n" +
		"Mayor Ingrid Solberg signed a deal with the Norwegian shipping firm Fjordline on Tuesday.\n\n" +
		"\"The harbour will grow,\" Solberg told reporters."
	auth := http.Header{"Authorization": {"Bearer test-token"}, "Content-Type": {"text/plain"}}
	getJSON(t, "POST", base+"/api/v1/ingest?name=harbour.txt", article, http.Header{"Content-Type": {"text/plain"}}, 401, nil)
	var res struct {
		Articles   int      `json:"articles"`
		QuadsAdded int      `json:"quads_added"`
		Graphs     []string `json:"graphs"`
		Refused    []string `json:"refused"`
	}
	getJSON(t, "POST", base+"/api/v1/ingest?name=harbour.txt", article, auth, 200, &res)
	if res.Articles != 1 || res.QuadsAdded == 0 || len(res.Graphs) != 1 || len(res.Refused) != 0 {
		t.Fatalf("ingest answer %+v", res)
	}
	var sr struct {
		Results []struct{ Label, Type string }
	}
	getJSON(t, "GET", base+"/api/v1/search?q=solberg", "", nil, 200, &sr)
	if len(sr.Results) == 0 || sr.Results[0].Label != "Ingrid Solberg" {
		t.Errorf("search after ingest: %+v", sr.Results)
	}
	// The same name again replaces the article's facts.
	getJSON(t, "POST", base+"/api/v1/ingest?name=harbour.txt", article, auth, 200, &res)
	if res.QuadsAdded != 0 {
		t.Errorf("re-ingesting the same upload added %d quads", res.QuadsAdded)
	}
	// Nothing readable: refused, with the upload's name in the reason.
	getJSON(t, "POST", base+"/api/v1/ingest?name=empty.jsonl&format=jsonl", "{\"text\": 3}\n", auth, 422, &res)
	if len(res.Refused) != 1 || !strings.Contains(res.Refused[0], "empty.jsonl") {
		t.Errorf("refused %+v", res.Refused)
	}
}

// chromium finds a Chromium or Chrome to drive, or skips the test.
func chromium(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("NEWSGRAPH_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "headless_shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no chromium found (apt-get install chromium, or set NEWSGRAPH_CHROMIUM): skipping the browser test")
	return ""
}

// browser starts a headless Chromium for the test.
func browser(t *testing.T) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium(t)), chromedp.NoSandbox, chromedp.WindowSize(1400, 860),
		chromedp.Flag("disable-gpu", true), chromedp.Flag("hide-scrollbars", true))
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	t.Cleanup(cancel)
	ctx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(cancelAlloc)
	ctx, cancelTab := chromedp.NewContext(ctx)
	t.Cleanup(cancelTab)
	return ctx
}

// TestExplorer drives the page in headless Chromium over a store of the
// sample articles: search an actor, expand a neighbour, read an edge's
// sources, export the view, see the timeline, run a query from the library
// and one in the Gizmo editor.
func TestExplorer(t *testing.T) {
	ctx := browser(t)
	base := startServe(t, "--db", servedStore(t))
	v := vocab.New("")
	putin, trump := "<"+string(v.Entity("Vladimir Putin"))+">", "<"+string(v.Entity("Donald Trump"))+">"
	must := func(step string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	}
	shot := func(name string) {
		t.Helper()
		if *screenshotDir == "" {
			return
		}
		must("settle", chromedp.Do(ctx, chromedp.Sleep(300*time.Millisecond)))
		png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		must("screenshot", err)
		must("write screenshot", os.WriteFile(filepath.Join(*screenshotDir, name), png, 0o644))
	}
	poll := func(step, expr string) int {
		t.Helper()
		n, err := chromedp.Run(ctx, chromedp.Poll[int](expr, chromedp.WithPollingTimeout(30*time.Second)))
		must(step, err)
		return n
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(sel))
		must("text of "+sel, err)
		return s
	}

	// Search with suggestions.
	must("open the page", chromedp.Do(ctx, chromedp.Navigate(base+"/"), chromedp.WaitVisible("#search"),
		chromedp.SendKeys("#search", "Puti"), chromedp.WaitVisible("#suggestions li")))
	if got := text("#suggestions li .label"); got != "Vladimir Putin" {
		t.Errorf("first suggestion for Puti: %q", got)
	}
	must("choose the suggestion", chromedp.Do(ctx, chromedp.Click("#suggestions li")))
	n := poll("Putin's neighbourhood drawn", `explorer.state.selected && explorer.state.selected.id === `+jsString(putin)+` && explorer.cy.nodes().length`)
	if n < 5 {
		t.Errorf("Putin's neighbourhood has %d nodes", n)
	}
	if got := text("#details h2"); !strings.Contains(got, "Vladimir Putin") || !strings.Contains(got, "Person") {
		t.Errorf("details title %q", got)
	}
	if got := text("#details .counts"); !strings.Contains(got, "offer_to_mediate_between") || !strings.Contains(got, "mentions") {
		t.Errorf("edge counts %q lack offer_to_mediate_between and mentions", got)
	}

	// Click a node to expand it.
	must("tap Trump", chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`void explorer.cy.getElementById(`+jsString(trump)+`).emit("tap")`)))
	m := poll("Trump expanded", `explorer.cy.getElementById(`+jsString(trump)+`).hasClass("expanded") && explorer.state.selected.id === `+jsString(trump)+` && explorer.cy.nodes().length`)
	if m <= n {
		t.Errorf("expanding Trump left %d nodes (had %d)", m, n)
	}

	// Click an edge to read its sentences and article.
	wish := `#edge-list li[data-edge*="rel/wish>"]`
	must("open an edge", chromedp.Do(ctx, chromedp.WaitVisible(wish), chromedp.Click(wish), chromedp.WaitVisible("#details .source .sentence")))
	if got := text("#details .source .sentence"); !strings.Contains(got, "Putin also wished Trump a happy birthday") {
		t.Errorf("the wish edge's sentence: %q", got)
	}
	if got := text("#details .articles"); !strings.Contains(got, "Putin and Trump talk Iran and Ukraine by phone") || !strings.Contains(got, "2025-06-14") {
		t.Errorf("the wish edge's article: %q", got)
	}
	shot("explorer-graph.png")
	// An edge tapped on the canvas opens the same panel.
	must("tap an edge", chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`void explorer.cy.edges('[label = "offer_to_mediate_between"]')[0].emit("tap")`)))
	poll("offer_to_mediate_between sources", `document.querySelector("#details .edge-title") && document.querySelector("#details .edge-title").textContent.includes("offer_to_mediate_between") && document.querySelectorAll("#details .source").length`)

	// Export: N-Quads of the facts in view, and a PNG.
	nq, err := chromedp.Run(ctx, chromedp.Evaluate[string](`explorer.nquads()`))
	must("N-Quads export", err)
	edges := poll("edge count", `explorer.cy.edges().length`)
	lines := strings.Split(strings.TrimSpace(nq), "\n")
	if len(lines) < edges {
		t.Errorf("N-Quads export has %d lines for %d edges", len(lines), edges)
	}
	for _, l := range lines {
		if _, err := nquads.ParseRaw(l); err != nil {
			t.Errorf("export line %q: %v", l, err)
		}
	}
	if !slices.ContainsFunc(lines, func(l string) bool {
		return strings.HasPrefix(l, putin+" <"+string(v.Relation("wish"))+"> "+trump+" <")
	}) {
		t.Errorf("the export lacks Putin -wish-> Trump")
	}
	png, err := chromedp.Run(ctx, chromedp.Evaluate[string](`explorer.cy.png({full: true})`))
	must("PNG export", err)
	if data, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(png, "data:image/png;base64,")); err != nil || len(data) < 1000 || string(data[1:4]) != "PNG" {
		t.Errorf("PNG export: %d bytes, %v", len(data), err)
	}

	// The timeline of the selected actor (Trump).
	must("timeline", chromedp.Do(ctx, chromedp.Click(`nav button[data-tab="timeline"]`), chromedp.WaitVisible("#timeline li .date")))
	if got := text("#timeline"); !strings.Contains(got, "2025-06-14") || !strings.Contains(got, "wish by Vladimir Putin") {
		t.Errorf("Trump's timeline: %q", got)
	}
	shot("explorer-timeline.png")

	// A query from the library: the page shows as many rows as the API
	// gives.
	name, want := libraryQueryWithResults(t, base)
	run := `#library li[data-query="` + name + `"] button.run`
	must("library", chromedp.Do(ctx, chromedp.Click(`nav button[data-tab="library"]`), chromedp.WaitVisible(run)))
	shot("explorer-library.png")
	must("run "+name, chromedp.Do(ctx, chromedp.Click(run)))
	rows := poll("library results", `document.querySelector("#gizmo-status").textContent.startsWith(`+jsString(name+":")+`) && document.querySelectorAll("#gizmo-table tbody tr").length`)
	if rows != want {
		t.Errorf("%s: the page shows %d rows, the API gives %d", name, rows, want)
	}

	// The Gizmo editor, as a table and as a graph.
	src := `named("Vladimir Putin").Tag("subject").Out(relations(), "relation").Tag("object").All()`
	var ans struct{ Result []any }
	getJSON(t, "POST", base+"/api/v1/query/gizmo?limit=100", src, nil, 200, &ans)
	must("gizmo", chromedp.Do(ctx, chromedp.SetValue("#gizmo-src", src), chromedp.Click("#gizmo-run")))
	rows = poll("gizmo results", `document.querySelector("#gizmo-status").textContent.includes("result") && document.querySelectorAll("#gizmo-table tbody tr").length`)
	if rows != len(ans.Result) {
		t.Errorf("gizmo: the page shows %d rows, the API gives %d", rows, len(ans.Result))
	}
	if got := text("#gizmo-table thead"); !strings.Contains(got, "relation") || !strings.Contains(got, "id") {
		t.Errorf("gizmo table header %q", got)
	}
	must("graph view", chromedp.Do(ctx, chromedp.Click("#gizmo-as-graph"), chromedp.WaitVisible("#gizmo-graph")))
	if n := poll("gizmo graph", `explorer.resultGraph && explorer.resultGraph.nodes().length`); n < 3 {
		t.Errorf("the results graph has %d nodes", n)
	}
	shot("explorer-gizmo.png")
	// A broken script shows the server's error.
	must("gizmo error", chromedp.Do(ctx, chromedp.SetValue("#gizmo-src", "g.V(."), chromedp.Click("#gizmo-run"), chromedp.WaitVisible("#gizmo-error")))
	if got := text("#gizmo-error"); !strings.Contains(got, "SyntaxError") {
		t.Errorf("gizmo error shown: %q", got)
	}
}

// libraryQueryWithResults picks a ready-made query that takes no arguments
// and has results on the sample store, and returns its name and how many.
func libraryQueryWithResults(t *testing.T, base string) (string, int) {
	t.Helper()
	for _, q := range queries.All() {
		if strings.Contains(q.Source, "need(") {
			continue
		}
		var ans struct{ Result []any }
		getJSON(t, "POST", base+"/api/v1/queries/"+url.PathEscape(q.Name), "", nil, 200, &ans)
		if len(ans.Result) > 0 {
			return q.Name, len(ans.Result)
		}
	}
	t.Fatal("no ready-made query without arguments has results on the sample articles")
	return "", 0
}

// jsString quotes s as a JavaScript string.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// TestServeLoad runs 50 clients (-load-clients) for 30 s (-load-duration)
// against `newsgraph serve` on 127.0.0.1, plus one client sending a script
// that never ends, and checks that every well-formed request is answered
// and every runaway script stopped. It logs the latencies (go test -v).
func TestServeLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("the load test takes about a minute")
	}
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	corpus := filepath.Join(dir, "corpus")
	if status := run(context.Background(), []string{"bench", "gen", "-n", "200", "-o", corpus}, &stdout, &stderr); status != 0 {
		t.Fatalf("bench gen: %s", stderr.String())
	}
	db := servedStore(t, corpus)
	const timeout = server.DefaultQueryTimeout
	base := startServe(t, "--db", db, "--timeout", timeout.String())

	// What to ask about: the people of the store, and some of their facts.
	var people struct{ Result []map[string]string }
	getJSON(t, "POST", base+"/api/v1/query/gizmo?limit=300", `g.V().Has(rdf("type"), schema("Person")).Tag("person").Out(schema("name")).Tag("name").All()`, nil, 200, &people)
	var facts struct{ Result []map[string]string }
	getJSON(t, "POST", base+"/api/v1/query/gizmo?limit=300", `g.V().Has(rdf("type"), rdf("Statement")).ForEach(function (st) {
		var o = g.V(st.id).Out(rdf("object")).ToValue();
		if (isNode(o)) g.Emit({s: g.V(st.id).Out(rdf("subject")).ToValue(), p: g.V(st.id).Out(rdf("predicate")).ToValue(), o: o});
	})`, nil, 200, &facts)
	if len(people.Result) < 20 || len(facts.Result) < 20 {
		t.Fatalf("too small a store: %d people, %d facts", len(people.Result), len(facts.Result))
	}
	requests := func(i int) (kind, method, path, body string) {
		p := people.Result[i%len(people.Result)]
		f := facts.Result[i%len(facts.Result)]
		name := p["name"]
		switch i % 7 {
		case 0:
			return "search", "GET", "/api/v1/search?" + url.Values{"q": {name[:min(len(name), 3+i%4)]}}.Encode(), ""
		case 1:
			return "neighbourhood", "GET", "/api/v1/neighbourhood?" + url.Values{"id": {p["person"]}}.Encode(), ""
		case 2:
			return "provenance", "GET", "/api/v1/provenance?" + url.Values{"subject": {f["s"]}, "predicate": {f["p"]}, "object": {f["o"]}}.Encode(), ""
		case 3:
			return "gizmo", "POST", "/api/v1/query/gizmo", `named(` + jsString(name) + `).Out(relations(), "relation").All()`
		case 4:
			return "timeline", "GET", "/api/v1/timeline?" + url.Values{"id": {p["person"]}}.Encode(), ""
		case 5:
			return "library", "POST", "/api/v1/queries/who-said-what?limit=50", ""
		default:
			return "page", "GET", "/", ""
		}
	}
	if _, err := queries.Get("who-said-what"); err != nil {
		t.Fatalf("the load test asks who-said-what: %v", err)
	}

	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 2 * *loadClients}, Timeout: time.Minute}
	ctx, cancel := context.WithTimeout(context.Background(), *loadDuration)
	defer cancel()
	type result struct {
		kind    string
		latency time.Duration
		err     string
	}
	results := make(chan []result, *loadClients+1)
	var wg sync.WaitGroup
	send := func(kind, method, path, body string) result {
		start := time.Now()
		req, _ := http.NewRequest(method, base+path, strings.NewReader(body))
		resp, err := client.Do(req)
		if err != nil {
			return result{kind, time.Since(start), err.Error()}
		}
		data, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		r := result{kind: kind, latency: time.Since(start)}
		switch {
		case err != nil:
			r.err = err.Error()
		case resp.StatusCode != 200:
			r.err = fmt.Sprintf("status %d: %.200s", resp.StatusCode, data)
		case kind != "page" && !json.Valid(data):
			r.err = "invalid JSON"
		}
		return r
	}
	for c := range *loadClients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var out []result
			for i := c; ctx.Err() == nil; i += *loadClients {
				out = append(out, send(requests(i)))
			}
			results <- out
		}()
	}
	// The runaway client: each script is stopped at the time limit.
	var runaways []string
	wg.Add(1)
	go func() {
		defer wg.Done()
		for ctx.Err() == nil {
			req, _ := http.NewRequest("POST", base+"/api/v1/query/gizmo", strings.NewReader(`var i = 0; while (true) { i++; }`))
			resp, err := client.Do(req)
			if err != nil {
				runaways = append(runaways, err.Error())
				continue
			}
			var e struct{ Error string }
			json.NewDecoder(resp.Body).Decode(&e)
			resp.Body.Close()
			runaways = append(runaways, fmt.Sprintf("%d %s", resp.StatusCode, e.Error))
		}
	}()
	wg.Wait()
	close(results)

	byKind := map[string][]time.Duration{}
	var all []time.Duration
	failures := map[string]int{}
	failed := 0
	for rs := range results {
		for _, r := range rs {
			if r.err != "" {
				if failed < 5 {
					t.Errorf("%s: %s", r.kind, r.err)
				}
				failures[r.kind]++
				failed++
				continue
			}
			byKind[r.kind] = append(byKind[r.kind], r.latency)
			all = append(all, r.latency)
		}
	}
	if failed > 0 {
		t.Errorf("%d of %d well-formed requests failed: %v", failed, failed+len(all), failures)
	}
	for _, r := range runaways {
		if !strings.HasPrefix(r, "400 query stopped") {
			t.Errorf("runaway script answered %q, want 400 and an error saying it was stopped", r)
		}
	}
	if len(runaways) == 0 {
		t.Error("no runaway script was answered")
	}
	t.Logf("%d clients for %s on 127.0.0.1, plus 1 runaway script at a time (time limit %s): %d requests answered, %d failed, %.0f requests/s; runaway scripts stopped: %d",
		*loadClients, *loadDuration, timeout, len(all), failed, float64(len(all))/loadDuration.Seconds(), len(runaways))
	t.Logf("all: %s", percentiles(all))
	kinds := make([]string, 0, len(byKind))
	for k := range byKind {
		kinds = append(kinds, k)
	}
	slices.Sort(kinds)
	for _, k := range kinds {
		t.Logf("%-13s %s", k+":", percentiles(byKind[k]))
	}
}

// percentiles summarises latencies: count, p50, p90, p99, max.
func percentiles(ds []time.Duration) string {
	if len(ds) == 0 {
		return "none"
	}
	slices.Sort(ds)
	at := func(p float64) time.Duration { return ds[min(len(ds)-1, int(p*float64(len(ds))))] }
	r := func(d time.Duration) string { return d.Round(100 * time.Microsecond).String() }
	return fmt.Sprintf("n=%d p50=%s p90=%s p99=%s max=%s", len(ds), r(at(0.50)), r(at(0.90)), r(at(0.99)), r(ds[len(ds)-1]))
}
