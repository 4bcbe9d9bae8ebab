package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/queries"
)

func TestExitStatus(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.txt")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	good := filepath.Join("..", "..", "testdata", "articles", "port-strike.txt")
	for _, tc := range []struct {
		name       string
		args       []string
		status     int
		stdout     string // a substring the output must have
		stderrLine string // a substring of the last stderr line
	}{
		{"no command", nil, 2, "", "--help"},
		{"help", []string{"help"}, 0, "", "--help"},
		{"unknown command", []string{"frobnicate"}, 2, "", `unknown command "frobnicate"`},
		{"command help", []string{"parse", "--help"}, 0, "", "standard output"},
		{"bad flag", []string{"parse", "--no-such-flag"}, 2, "", ""},
		{"parse", []string{"parse", good}, 0, "# newdoc id = " + good, ""},
		{"partial failure", []string{"parse", good, empty, filepath.Join(dir, "missing.txt")}, 1, "Rotterdam", "2 input(s) refused"},
		{"eval usage", []string{"eval"}, 2, "", "eval carb"},
		{"ingest needs inputs", []string{"ingest", "--db", "memory:"}, 2, "", ""},
		{"ingest partial failure", []string{"ingest", "--db", "memory:", good, empty}, 1, "Ingested 1 article(s)", "1 input(s) refused"},
		{"extract", []string{"extract", good}, 0, "<https://schema.org/NewsArticle>", ""},
		{"query without store", []string{"query", "--db", filepath.Join(dir, "none.db"), "g.V().All()"}, 1, "", "no store"},
		{"query list", []string{"query", "-q", "list"}, 0, "who-said-what", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			status := run(context.Background(), tc.args, &stdout, &stderr)
			if status != tc.status {
				t.Errorf("status %d, want %d; stderr:\n%s", status, tc.status, stderr.String())
			}
			if !strings.Contains(stdout.String(), tc.stdout) {
				t.Errorf("stdout lacks %q", tc.stdout)
			}
			lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
			if last := lines[len(lines)-1]; !strings.Contains(last, tc.stderrLine) {
				t.Errorf("last stderr line %q lacks %q", last, tc.stderrLine)
			}
		})
	}
}

// ingest runs `newsgraph ingest` and fails the test on a non-zero status.
func ingest(t *testing.T, args ...string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if status := run(context.Background(), append([]string{"ingest"}, args...), &stdout, &stderr); status != 0 {
		t.Fatalf("ingest %v: status %d\n%s", args, status, stderr.String())
	}
	return stdout.String()
}

// storeQuads exports the store and returns its N-Quads lines, sorted.
func storeQuads(t *testing.T, db string) []string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if status := run(context.Background(), []string{"export", "--db", db}, &stdout, &stderr); status != 0 {
		t.Fatalf("export: status %d\n%s", status, stderr.String())
	}
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	slices.Sort(lines)
	return lines
}

// TestIngestIdempotentAndReplacing checks that ingesting the same articles
// twice changes nothing, and that a changed article replaces its facts.
func TestIngestIdempotentAndReplacing(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "g.db")
	art := filepath.Join(dir, "a.txt")
	write := func(text string) {
		if err := os.WriteFile(art, []byte("Title: Test\nDate: 2025-03-02\n\n"+text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("Chancellor Olaf Scholz met Emmanuel Macron in Paris. Scholz thanked Macron.")
	other := filepath.Join("..", "..", "testdata", "articles", "port-strike.txt")
	ingest(t, "--db", db, art, other)
	first := storeQuads(t, db)
	ingest(t, "--db", db, art, other)
	if second := storeQuads(t, db); !slices.Equal(first, second) {
		t.Fatalf("second ingest changed the store: %d quads, then %d", len(first), len(second))
	}
	write("Chancellor Olaf Scholz criticised Giorgia Meloni.")
	ingest(t, "--db", db, art)
	changed := strings.Join(storeQuads(t, db), "\n")
	if strings.Contains(changed, "entity/emmanuel-macron") {
		t.Errorf("facts of the old version survived the change")
	}
	if !strings.Contains(changed, "rel/criticise") {
		t.Errorf("facts of the new version missing")
	}
	if !strings.Contains(changed, "Rotterdam") {
		t.Errorf("the other article's facts were lost")
	}
}

// TestReadyMadeQueries runs every query of queries/ on the sample articles:
// each must say what question it answers and give answers.
func TestReadyMadeQueries(t *testing.T) {
	db := filepath.Join(t.TempDir(), "g.db")
	ingest(t, "--db", db, filepath.Join("..", "..", "testdata", "articles"))
	for _, q := range queries.All() {
		t.Run(q.Name, func(t *testing.T) {
			if q.Question == "" || !strings.HasSuffix(q.Question, "?") && !strings.Contains(q.Question, "?") {
				t.Errorf("query %s does not start with a comment asking its question: %q", q.Name, q.Question)
			}
			var stdout, stderr bytes.Buffer
			args := []string{"query", "--db", db, "-q", q.Name, "--arg", "name=Vladimir Putin"} // ignored by queries without arguments
			if status := run(context.Background(), args, &stdout, &stderr); status != 0 {
				t.Fatalf("status %d: %s", status, stderr.String())
			}
			if strings.TrimSpace(stdout.String()) == "" {
				t.Errorf("no answers")
			}
		})
	}
}

// TestQueriesWithArguments checks the exact answers of the ready-made
// queries that take an actor's name, on the sample articles.
func TestQueriesWithArguments(t *testing.T) {
	db := filepath.Join(t.TempDir(), "g.db")
	ingest(t, "--db", db, filepath.Join("..", "..", "testdata", "articles"))
	for _, tc := range []struct {
		query, name string
		want        []string // the JSON lines, sorted
	}{
		{"actor-relations", "Masoud Pezeshkian", []string{
			`{"direction":"in","other":"Vladimir Putin","relation":"speak_with"}`,
			`{"direction":"out","other":"Iranian President","relation":"role"}`,
		}},
		{"quotes-by", "Donald Trump", []string{
			`{"cue":"say","direct":false,"sentence":"Trump said American negotiators were prepared to return to talks with Iran on its nuclear programme.","text":"American negotiators were prepared to return to talks with Iran on its nuclear programme"}`,
		}},
		{"co-mentioned", "Benjamin Netanyahu", []string{
			`{"actor":"Donald Trump","articles":1}`, `{"actor":"Iran","articles":1}`, `{"actor":"Israel","articles":1}`,
			`{"actor":"Kremlin","articles":1}`, `{"actor":"Kyiv","articles":1}`, `{"actor":"Masoud Pezeshkian","articles":1}`,
			`{"actor":"Russia","articles":1}`, `{"actor":"Ukraine","articles":1}`, `{"actor":"United States","articles":1}`,
			`{"actor":"Vladimir Putin","articles":1}`, `{"actor":"Yuri Ushakov","articles":1}`,
		}},
	} {
		var stdout, stderr bytes.Buffer
		if status := run(context.Background(), []string{"query", "--db", db, "-q", tc.query, "--arg", "name=" + tc.name}, &stdout, &stderr); status != 0 {
			t.Fatalf("%s: status %d: %s", tc.query, status, stderr.String())
		}
		got := strings.Split(strings.TrimSpace(stdout.String()), "\n")
		slices.Sort(got)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s %s:\ngot  %s\nwant %s", tc.query, tc.name, strings.Join(got, "\n     "), strings.Join(tc.want, "\n     "))
		}
	}
}

// TestIngestReport checks --report: counts, refused inputs with their
// reason, and no change to the store when the same articles come again.
func TestIngestReport(t *testing.T) {
	dir := t.TempDir()
	db, rep := filepath.Join(dir, "g.db"), filepath.Join(dir, "report.json")
	empty := filepath.Join(dir, "empty.txt")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	good := filepath.Join("..", "..", "testdata", "articles", "port-strike.txt")
	read := func() report {
		b, err := os.ReadFile(rep)
		if err != nil {
			t.Fatal(err)
		}
		var r report
		if err := json.Unmarshal(b, &r); err != nil {
			t.Fatal(err)
		}
		return r
	}
	var stdout, stderr bytes.Buffer
	if status := run(context.Background(), []string{"ingest", "--db", db, "--report", rep, good, empty}, &stdout, &stderr); status != 1 {
		t.Fatalf("status %d, want 1 (one input refused): %s", status, stderr.String())
	}
	r := read()
	if r.Articles != 1 || r.Stored != 1 || r.Words == 0 || r.QuadsAdded == 0 || len(r.Refused) != 1 || !strings.Contains(r.Refused[0], "empty.txt") {
		t.Errorf("first report %+v", r)
	}
	ingest(t, "--db", db, "--report", rep, good)
	if r := read(); r.Stored != 1 || r.QuadsAdded != 0 || r.QuadsRemoved != 0 || len(r.Refused) != 0 {
		t.Errorf("second ingest of the same article: report %+v, want no change", r)
	}
}
