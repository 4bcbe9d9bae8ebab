package main

import (
	"bytes"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/extract/article/synth"
)

// TestCrashSafety kills `newsgraph ingest` at random moments — SIGKILL
// twenty times, then SIGINT — and checks after each kill that the store
// opens, and at the end, once the ingest has been run to completion, that
// the store holds exactly the quads of one clean run: nothing lost,
// nothing twice.
func TestCrashSafety(t *testing.T) {
	if testing.Short() {
		t.Skip("starts about thirty ingest processes")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "newsgraph")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	corpus := filepath.Join(dir, "corpus")
	if err := os.Mkdir(corpus, 0o755); err != nil {
		t.Fatal(err)
	}
	g := synth.New(42)
	for range 32 {
		a := g.Next()
		if err := os.WriteFile(filepath.Join(corpus, a.URL[strings.LastIndex(a.URL, "/")+1:]+".txt"), []byte(a.Text()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ingestCmd := func(db string) *exec.Cmd {
		cmd := exec.Command(bin, "ingest", "--db", db, "--batch", "4", corpus)
		cmd.Stdout, cmd.Stderr = new(bytes.Buffer), new(bytes.Buffer)
		return cmd
	}
	export := func(db string) []string {
		t.Helper()
		out, err := exec.Command(bin, "export", "--db", db).Output()
		if err != nil {
			t.Fatalf("export %s after a kill: %v", db, err)
		}
		lines := strings.Split(strings.TrimSpace(string(out)), "\n")
		slices.Sort(lines)
		return lines
	}

	ref := filepath.Join(dir, "ref.db")
	start := time.Now()
	if err := ingestCmd(ref).Run(); err != nil {
		t.Fatalf("clean ingest: %v", err)
	}
	full := time.Since(start)
	want := export(ref)

	db := filepath.Join(dir, "crash.db")
	rng := rand.New(rand.NewPCG(7, 11))
	kill := func(sig syscall.Signal) {
		cmd := ingestCmd(db)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rng.Int64N(int64(full))))
		cmd.Process.Signal(sig)
		err := cmd.Wait()
		if stderr := cmd.Stderr.(*bytes.Buffer).String(); sig == syscall.SIGINT && err != nil &&
			!strings.Contains(stderr, "interrupted") && !strings.Contains(stderr, "canceled") {
			t.Errorf("SIGINT must stop the ingest with a clear message: %v\n%s", err, stderr)
		}
		if _, err := os.Stat(db); err == nil {
			export(db) // the store must open and read after every kill
		}
	}
	for range 20 {
		kill(syscall.SIGKILL)
	}
	kill(syscall.SIGINT)
	if err := ingestCmd(db).Run(); err != nil {
		t.Fatalf("completing the ingest: %v", err)
	}
	if got := export(db); !slices.Equal(got, want) {
		t.Fatalf("after the kills the store has %d quads, a clean run %d", len(got), len(want))
	}
}
