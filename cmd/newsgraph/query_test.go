package main

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph/vocab"
	"github.com/newsgraph/newsgraph/queries"
)

var update = flag.Bool("update", false, "rewrite the golden files of TestQueryAnswers with the answers found")

// answerCases gives every ready-made query the arguments its golden answer
// in testdata/queries/NAME.golden is for. ordered marks the queries whose
// order of results is part of the answer; the others' lines are compared
// sorted.
var answerCases = map[string]struct {
	args    []string
	ordered bool
}{
	"actor-relations":    {args: []string{"name=Vladimir Putin"}},
	"co-mentioned":       {args: []string{"name=Benjamin Netanyahu"}, ordered: true},
	"events-about":       {args: []string{"name=Ukraine"}},
	"facts":              {},
	"path-between":       {args: []string{"from=Yuri Ushakov", "to=Israel"}, ordered: true},
	"provenance":         {args: []string{"subject=Vladimir Putin", "relation=offer_to_mediate_between", "object=Israel"}},
	"quotes-about":       {args: []string{"name=Russia"}},
	"quotes-by":          {args: []string{"name=Donald Trump"}},
	"relations-of":       {},
	"roles":              {},
	"timeline":           {args: []string{"name=Vladimir Putin"}, ordered: true},
	"who-said-what":      {},
	"who-talked-to-whom": {},
}

// sampleStore ingests testdata/articles into a new store and returns its
// path.
func sampleStore(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "g.db")
	ingest(t, "--db", db, filepath.Join("..", "..", "testdata", "articles"))
	return db
}

// queryOut runs `newsgraph query` and returns its output, failing the test
// on a non-zero status.
func queryOut(t *testing.T, args ...string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if status := run(context.Background(), append([]string{"query"}, args...), &stdout, &stderr); status != 0 {
		t.Fatalf("query %q: status %d\n%s", args, status, stderr.String())
	}
	return stdout.String()
}

// TestQueryAnswers runs every ready-made query on a store of the sample
// articles and compares its answer with its golden file (`go test
// ./cmd/newsgraph -run TestQueryAnswers -update` rewrites them). The
// answers depend on what extraction reads from the articles: check a
// changed golden file by reading it against the articles.
func TestQueryAnswers(t *testing.T) {
	db := sampleStore(t)
	for name := range answerCases {
		if _, err := queries.Get(name); err != nil {
			t.Errorf("answerCases has %s: %v", name, err)
		}
	}
	for _, q := range queries.All() {
		t.Run(q.Name, func(t *testing.T) {
			tc, ok := answerCases[q.Name]
			if !ok {
				t.Fatalf("query %s has no expected answer: add it to answerCases and run with -update", q.Name)
			}
			args := []string{"--db", db, "-q", q.Name}
			for _, a := range tc.args {
				args = append(args, "--arg", a)
			}
			out := strings.TrimSpace(queryOut(t, args...))
			if out == "" {
				t.Fatalf("no answer: a golden answer must show the query at work")
			}
			lines := strings.Split(out, "\n")
			if !tc.ordered {
				slices.Sort(lines)
			}
			got := strings.Join(lines, "\n") + "\n"
			// Article IRIs are made from the absolute path an article was
			// read from: an answer holding one would pass only here.
			if strings.Contains(got, vocab.DefaultBase+"article/") {
				t.Errorf("the answer depends on where the articles were read from:\n%s", got)
			}
			golden := filepath.Join("testdata", "queries", q.Name+".golden")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to write it)", err)
			}
			if got != string(want) {
				t.Errorf("answer differs from %s:\ngot:\n%swant:\n%s", golden, got, want)
			}
		})
	}
}

// TestReadyMadeQueries checks that every query of queries/ starts with a
// comment asking its question and naming the arguments it reads.
func TestReadyMadeQueries(t *testing.T) {
	reads := regexp.MustCompile(`\b(?:need|opt)\("(\w+)"`)
	for _, q := range queries.All() {
		t.Run(q.Name, func(t *testing.T) {
			if !strings.HasSuffix(q.Question, "?") {
				t.Errorf("query %s does not start with a comment asking its question: %q", q.Name, q.Question)
			}
			if q.Arguments == "" {
				t.Errorf("query %s has no comment line \"// Arguments: ...\" (\"none.\" if it takes none)", q.Name)
			}
			for _, m := range reads.FindAllStringSubmatch(q.Source, -1) {
				if !regexp.MustCompile(`\b` + m[1] + `\b`).MatchString(q.Arguments) {
					t.Errorf("query %s reads the argument %s but its Arguments line does not name it: %q", q.Name, m[1], q.Arguments)
				}
			}
		})
	}
}

// TestQueryTable checks --table: columns in the order the query gives its
// keys, then keys first seen in later results; arrays joined; null empty;
// results that are not objects under "value".
func TestQueryTable(t *testing.T) {
	db := sampleStore(t)
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"emitted objects", []string{`g.Emit({zeta: "a", alpha: [1, "two"], mid: null}); g.Emit({alpha: [], extra: true, zeta: "longer text"})`},
			"zeta         alpha   mid  extra\n" +
				"-----------  ------  ---  -----\n" +
				"a            1, two\n" +
				"longer text               true\n"},
		{"not objects", []string{`g.Emit("x\ty"); g.Emit({n: 1.5})`},
			"value  n\n" +
				"-----  ---\n" +
				"x y\n" +
				"       1.5\n"},
		{"path results: tags sorted", []string{`named("Masoud Pezeshkian").Tag("person").Out(rel("role")).Tag("role").All()`},
			"id                 person                                                    role\n" +
				"-----------------  --------------------------------------------------------  -----------------\n" +
				"Iranian President  <https://example.org/newsgraph/entity/masoud-pezeshkian>  Iranian President\n"},
		{"ready-made query", []string{"-q", "path-between", "--arg", "from=Yuri Ushakov", "--arg", "to=Israel"},
			"step  from            direction  relation                  to\n" +
				"----  --------------  ---------  ------------------------  --------------\n" +
				"1     Yuri Ushakov    out        describe                  talk\n" +
				"2     talk            out        participant               Vladimir Putin\n" +
				"3     Vladimir Putin  out        offer_to_mediate_between  Israel\n"},
		{"no results", []string{`named("Nobody").All()`}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := queryOut(t, append([]string{"--db", db, "--table"}, tc.args...)...)
			if got != tc.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

// TestQueryErrors checks that a query refusing its arguments or its flags
// fails with a one-line error.
func TestQueryErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		want string // in the last stderr line
	}{
		{"missing argument", []string{"-q", "path-between", "--arg", "from=Vladimir Putin"}, "needs --arg to=VALUE"},
		{"bad hops", []string{"-q", "path-between", "--arg", "from=Vladimir Putin", "--arg", "to=Donald Trump", "--arg", "hops=many"}, "hops wants a whole number"},
		{"unknown query", []string{"-q", "who-called-whom"}, `no ready-made query "who-called-whom"`},
		{"negative limit", []string{"--limit", "-1", "g.V().All()"}, "--limit must be 0"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			status := run(context.Background(), append([]string{"query", "--db", "memory:"}, tc.args...), &stdout, &stderr)
			lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
			if status != 1 || !strings.Contains(lines[len(lines)-1], tc.want) {
				t.Errorf("status %d, stderr %q; want status 1 and %q", status, stderr.String(), tc.want)
			}
		})
	}
}

// TestQueryLimit checks that --limit cuts the results and that 0 means no
// limit.
func TestQueryLimit(t *testing.T) {
	const src = `for (var i = 0; i < 5; i++) g.Emit(i)`
	for _, tc := range []struct {
		limit string
		want  int
	}{{"2", 2}, {"0", 5}} {
		if got := strings.Count(queryOut(t, "--db", "memory:", "--limit", tc.limit, src), "\n"); got != tc.want {
			t.Errorf("--limit %s: %d results, want %d", tc.limit, got, tc.want)
		}
	}
}

// TestQueriesAcrossArticles checks that the queries count an entity named
// in several articles once: its node is typed and named in each
// article's graph, and Gizmo yields it once per quad unless told not to.
func TestQueriesAcrossArticles(t *testing.T) {
	text, err := os.ReadFile(filepath.Join("..", "..", "testdata", "articles", "leaders-call.txt"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, name := range []string{"a.txt", "b.txt"} {
		if err := os.WriteFile(filepath.Join(dir, name), text, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(t.TempDir(), "g.db")
	ingest(t, "--db", db, dir)
	single := filepath.Join(t.TempDir(), "one.db")
	ingest(t, "--db", single, filepath.Join(dir, "a.txt"))
	for _, tc := range []struct {
		name string
		args []string
		// each says that each article gives its own answer (its event, its
		// quote): the same lines twice.
		each bool
	}{
		{"actor-relations", []string{"-q", "actor-relations", "--arg", "name=Donald Trump"}, false},
		{"relations-of", []string{"-q", "relations-of"}, false},
		{"roles", []string{"-q", "roles"}, false},
		{"path-between", []string{"-q", "path-between", "--arg", "from=Yuri Ushakov", "--arg", "to=Israel"}, false},
		{"timeline", []string{"-q", "timeline", "--arg", "name=Vladimir Putin"}, true},
		{"events-about", []string{"-q", "events-about", "--arg", "name=Ukraine"}, true},
		{"quotes-by", []string{"-q", "quotes-by", "--arg", "name=Donald Trump"}, true},
		{"quotes-about", []string{"-q", "quotes-about", "--arg", "name=Russia"}, true},
		{"provenance", []string{"-q", "provenance", "--arg", "subject=Vladimir Putin", "--arg", "relation=offer_to_mediate_between", "--arg", "object=Israel"}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := queryOut(t, append([]string{"--db", db}, tc.args...)...)
			want := queryOut(t, append([]string{"--db", single}, tc.args...)...)
			if tc.each {
				want += want
			}
			if sortedLines(got) != sortedLines(want) {
				t.Errorf("two copies of an article:\n%s\none:\n%s", got, want)
			}
		})
	}
	got := queryOut(t, "--db", db, "-q", "co-mentioned", "--arg", "name=Benjamin Netanyahu")
	if !strings.Contains(got, `{"actor":"Donald Trump","articles":2}`) || strings.Contains(got, `"articles":1`) || strings.Contains(got, `"articles":4`) {
		t.Errorf("co-mentioned in two articles:\n%s", got)
	}
}

// sortedLines returns the lines of s sorted.
func sortedLines(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}
