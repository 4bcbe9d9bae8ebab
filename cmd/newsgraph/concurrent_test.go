package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph/extract/article/synth"
	"github.com/newsgraph/newsgraph/extract/pipeline"
	"github.com/newsgraph/newsgraph/graph/merge"
	"github.com/newsgraph/newsgraph/graph/store"
	"github.com/newsgraph/newsgraph/graph/store/pgtest"
	"github.com/newsgraph/newsgraph/graph/vocab"
)

// statementsQuery gives one result per statement of each article: the
// article as "a". Counted per article, it tells how much of each article's
// graph a reader sees.
var statementsQuery = fmt.Sprintf(`g.V().Has("%s", "%s").Tag("a").In("%s").All()`, vocab.Type, vocab.NewsArticle, vocab.DerivedFrom)

// TestQueriesDuringIngest runs Gizmo queries while an ingest writes, on a
// bbolt store (the ingest and the queries share the process, as a bbolt
// file allows) and on PostgreSQL (the ingest is the `ingest` command, the
// queries use a store of their own, as another process would). Every
// answer must show each article whole or not at all: as many statements
// as a clean run stores for it, or none.
func TestQueriesDuringIngest(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests a corpus several times")
	}
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus")
	writeSynthCorpus(t, corpus, 12)
	ref := filepath.Join(dir, "ref.db")
	ingest(t, "--db", ref, "--batch", "3", corpus)
	want := statementCounts(t, openStore(t, ref))
	if len(want) != 12 {
		t.Fatalf("clean run: %d articles with statements, want 12", len(want))
	}

	t.Run("bolt", func(t *testing.T) {
		st := openStore(t, filepath.Join(t.TempDir(), "live.db"))
		queryDuringIngest(t, st, want, func(ctx context.Context) error {
			return ingestInto(ctx, st, corpus, 3)
		})
	})
	t.Run("postgres", func(t *testing.T) {
		dsn := pgtest.DSN(t)
		st := openStore(t, dsn)
		queryDuringIngest(t, st, want, func(ctx context.Context) error {
			var stdout, stderr strings.Builder
			if status := run(ctx, []string{"ingest", "--db", dsn, "--batch", "3", corpus}, &stdout, &stderr); status != 0 {
				return fmt.Errorf("ingest: status %d\n%s", status, stderr.String())
			}
			return nil
		})
	})
}

// queryDuringIngest runs write, an ingest, while two readers query st in a loop, and
// checks every answer against the statement counts of a clean run, and the
// store against them once the ingest is over.
func queryDuringIngest(t *testing.T, st *store.Store, want map[string]int, write func(context.Context) error) {
	ctx := context.Background()
	done := make(chan struct{})
	errs := make(chan error, 3)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(done)
		if err := write(ctx); err != nil {
			errs <- err
		}
	}()
	var mu sync.Mutex
	seen := map[int]int{} // articles seen whole → answers
	for r := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				got, err := statementCountsErr(ctx, st)
				if err != nil {
					errs <- fmt.Errorf("reader %d: %w", r, err)
					return
				}
				for a, n := range got {
					if n != want[a] {
						errs <- fmt.Errorf("reader %d saw %d statements of %s, want %d or none", r, n, a, want[a])
						return
					}
				}
				mu.Lock()
				seen[len(got)]++
				mu.Unlock()
				select {
				case <-done:
					return
				default:
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	t.Logf("answers by number of articles seen whole: %v", seen)
	got := statementCounts(t, st)
	if len(got) != len(want) {
		t.Errorf("after the ingest: %d articles, want %d", len(got), len(want))
	}
	for a, n := range want {
		if got[a] != n {
			t.Errorf("after the ingest: %d statements of %s, want %d", got[a], a, n)
		}
	}
}

// ingestInto does what `newsgraph ingest --batch BATCH CORPUS` does, on an
// open store: a bbolt file cannot be opened twice, so queries that run
// while it is written share its store.
func ingestInto(ctx context.Context, st *store.Store, corpus string, batch int) error {
	m, err := pipeline.Embedded()
	if err != nil {
		return err
	}
	e := &env{stdout: io.Discard, stderr: io.Discard, log: slog.New(slog.DiscardHandler)}
	v := vocab.New(vocab.DefaultBase)
	merger := merge.New(st, v, nil)
	src := newSource(e, []string{corpus}, defaultMaxInput)
	var pending []store.Graph
	flush := func() error {
		graphs, err := merger.Merge(ctx, pending)
		if err != nil {
			return err
		}
		_, _, err = st.ReplaceGraphs(ctx, graphs)
		pending = pending[:0]
		return err
	}
	err = extractWith(ctx, extraction(m, defaultMaxSentenceWords), v, src.articles, nil, func(x extracted) error {
		if x.err != nil {
			return x.err
		}
		if pending = append(pending, store.Graph{Label: x.label, Quads: x.quads}); len(pending) == batch {
			return flush()
		}
		return nil
	})
	if err == nil && len(pending) > 0 {
		err = flush()
	}
	if err == nil && len(src.failed) > 0 {
		err = fmt.Errorf("refused: %s", strings.Join(src.failed, "; "))
	}
	return err
}

// statementCounts returns the number of statements of each article in st.
func statementCounts(t *testing.T, st *store.Store) map[string]int {
	t.Helper()
	counts, err := statementCountsErr(context.Background(), st)
	if err != nil {
		t.Fatal(err)
	}
	return counts
}

func statementCountsErr(ctx context.Context, st *store.Store) (map[string]int, error) {
	res, err := st.Query(ctx, statementsQuery, 1<<20)
	if err != nil {
		return nil, err
	}
	counts := map[string]int{}
	for _, r := range res {
		m, ok := r.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("result %#v", r)
		}
		a, ok := m["a"].(string)
		if !ok {
			return nil, fmt.Errorf("result %#v has no article", r)
		}
		counts[a]++
	}
	return counts, nil
}

func openStore(t *testing.T, dsn string) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// writeSynthCorpus writes n synthetic news articles into dir.
func writeSynthCorpus(t *testing.T, dir string, n int) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	g := synth.New(42)
	for range n {
		a := g.Next()
		name := a.URL[strings.LastIndex(a.URL, "/")+1:] + ".txt"
		if err := os.WriteFile(filepath.Join(dir, name), []byte(a.Text()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
