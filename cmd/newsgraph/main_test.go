package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
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

// TestIngestBatchSizes checks that how the articles are cut into
// transactions, by articles or by quads, changes nothing in the store.
func TestIngestBatchSizes(t *testing.T) {
	dir := t.TempDir()
	articles := filepath.Join("..", "..", "testdata", "articles")
	var want []string
	for i, args := range [][]string{
		{"--batch", "64"},
		{"--batch", "1"},
		{"--batch-quads", "1"},
		{"--batch", "2", "--batch-quads", "300"},
	} {
		db := filepath.Join(dir, fmt.Sprintf("g%d.db", i))
		ingest(t, append(append([]string{"--db", db}, args...), articles)...)
		got := storeQuads(t, db)
		if i == 0 {
			want = got
			continue
		}
		if !slices.Equal(got, want) {
			t.Errorf("ingest %v: %d quads, want the %d of one transaction", args, len(got), len(want))
		}
	}
	if len(want) == 0 {
		t.Fatal("nothing stored")
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
	var stdout, stderr bytes.Buffer
	if status := run(context.Background(), []string{"ingest", "--db", db, "--report", rep, good, empty}, &stdout, &stderr); status != 1 {
		t.Fatalf("status %d, want 1 (one input refused): %s", status, stderr.String())
	}
	r := readReport(t, rep)
	if r.Articles != 1 || r.Stored != 1 || r.Words == 0 || r.QuadsAdded == 0 || len(r.Refused) != 1 || !strings.Contains(r.Refused[0], "empty.txt") {
		t.Errorf("first report %+v", r)
	}
	ingest(t, "--db", db, "--report", rep, good)
	if r := readReport(t, rep); r.Stored != 1 || r.QuadsAdded != 0 || r.QuadsRemoved != 0 || len(r.Refused) != 0 {
		t.Errorf("second ingest of the same article: report %+v, want no change", r)
	}
}

// readReport reads the JSON report `ingest --report FILE` wrote.
func readReport(t testing.TB, file string) report {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var r report
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatalf("report %s: %v", file, err)
	}
	return r
}
