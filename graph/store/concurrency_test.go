package store

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cayleygraph/quad"
)

// envOpen makes the test binary a helper process that opens the store named
// by the variable, prints the outcome and exits (see TestOpenInUse).
const envOpen = "NEWSGRAPH_STORE_TEST_OPEN"

func TestMain(m *testing.M) {
	if dsn := os.Getenv(envOpen); dsn != "" {
		s, err := Open(context.Background(), dsn)
		if err != nil {
			fmt.Println("open error:", err)
			os.Exit(0)
		}
		s.Close()
		fmt.Println("opened")
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// TestOpenInUse opens a bbolt store from a second process while this one
// holds it: the second process must fail with a clear error, not wait.
func TestOpenInUse(t *testing.T) {
	path := filepath.Join(t.TempDir(), "busy.db")
	run := func() string {
		t.Helper()
		// The deadline only stops a hanging helper; Open gives up after
		// lockTimeout, far sooner.
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), envOpen+"=bolt:"+path)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("helper process: %v\n%s", err, out)
		}
		return strings.TrimSpace(string(out))
	}
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("open error: open store %q: store %s is in use by another process", "bolt:"+path, path)
	if got := run(); got != want {
		t.Errorf("second process while the store is open:\n got %q\nwant %q", got, want)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if got := run(); got != "opened" {
		t.Errorf("second process after Close: %q", got)
	}
}

// TestConcurrentUse runs queries (some stopped by their deadline), exports
// and stats from several goroutines while another goroutine keeps replacing
// a graph between two versions.
// Every reader must see one version or the other, never a mix, and nothing
// may crash or deadlock (Cayley's stores do both without the store's lock).
// Run it with -race.
func TestConcurrentUse(t *testing.T) {
	const (
		readers = 5
		rounds  = 40 // writes; readers run until the writer is done
	)
	label := quad.IRI(ex + "article/live")
	subject := quad.IRI(ex + "event/live")
	version := func(n int) []quad.Quad {
		quads := make([]quad.Quad, n)
		for i := range quads {
			quads[i] = q(subject, ng("mentions"), quad.IRI(fmt.Sprintf("%sperson/p%d", ex, i)))
		}
		return quads
	}
	sizes := []int{10, 25}
	countQuery := fmt.Sprintf(`g.Emit(g.V("%v").LabelContext("%v").Out("%v").Count())`, subject, label, ng("mentions"))
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			ctx := context.Background()
			s := newsStore(t, b.dsn(t))
			replaceT(t, s, label, version(sizes[0]), sizes[0], 0)
			var (
				wg      sync.WaitGroup
				done    = make(chan struct{})
				errs    = make(chan error, readers+1)
				queries = make([]int, readers)
			)
			wg.Add(1)
			go func() {
				defer wg.Done()
				defer close(done)
				for i := 1; i <= rounds; i++ {
					n := sizes[i%2]
					if _, _, err := s.ReplaceGraph(ctx, label, version(n)); err != nil {
						errs <- fmt.Errorf("write %d: %w", i, err)
						return
					}
				}
			}()
			for r := range readers {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for {
						select {
						case <-done:
							return
						default:
						}
						if err := readOnce(ctx, s, r, countQuery, label, sizes); err != nil {
							errs <- fmt.Errorf("reader %d: %w", r, err)
							return
						}
						queries[r]++
					}
				}()
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				t.Error(err)
			}
			t.Logf("%d writes, reads per reader: %v", rounds, queries)
			if got := graphNQ(t, s, label); len(got) != sizes[rounds%2] {
				t.Errorf("final graph has %d quads, want %d", len(got), sizes[rounds%2])
			}
		})
	}
}

// readOnce does one of the reads of TestConcurrentUse, chosen by r, and
// checks that it saw a whole version of the live graph.
func readOnce(ctx context.Context, s *Store, r int, countQuery string, label quad.IRI, sizes []int) error {
	var n int64
	switch r % 5 {
	case 0, 1:
		res, err := s.Query(ctx, countQuery, 10)
		if err != nil {
			return err
		}
		if len(res) != 1 {
			return fmt.Errorf("count query gave %v", res)
		}
		c, ok := res[0].(int64)
		if !ok {
			return fmt.Errorf("count query gave %#v", res[0])
		}
		n = c
	case 2:
		c, err := s.WriteQuads(ctx, io.Discard, label)
		if err != nil {
			return err
		}
		n = int64(c)
	case 3:
		st, err := s.Stats(ctx)
		if err != nil {
			return err
		}
		n = st.Quads - 24 // the two news articles
	case 4:
		// A query stopped by its deadline must be over before a write
		// starts: Gizmo runs it in a goroutine of its own.
		qctx, cancel := context.WithTimeout(ctx, 20*time.Millisecond)
		defer cancel()
		_, err := s.Query(qctx, `while (true) { g.V().Out().Count() }`, 10)
		if !errors.Is(err, context.DeadlineExceeded) {
			return fmt.Errorf("endless query: %v, want a deadline error", err)
		}
		return nil
	}
	if !slices.Contains(sizes, int(n)) {
		return fmt.Errorf("saw %d quads in the live graph, want one of %v", n, sizes)
	}
	return nil
}
