package main

import (
	"bytes"
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/newsgraph/newsgraph/extract/article/synth"
)

// BenchmarkIngest measures the whole ingest — reading, the full NLP on all
// processors, the cross-article merge and the bbolt writes — of a
// generated corpus into a fresh store, as `newsgraph ingest` runs it.
// NEWSGRAPH_BENCH_ARTICLES sets the corpus size (default 500). It reports
// words/s, the figure of issue 6's ingest target.
//
//	go test -run '^$' -bench Ingest -benchtime 1x ./cmd/newsgraph
func BenchmarkIngest(b *testing.B) {
	n := 500
	if s := os.Getenv("NEWSGRAPH_BENCH_ARTICLES"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil {
			b.Fatalf("NEWSGRAPH_BENCH_ARTICLES=%q: %v", s, err)
		}
	}
	dir := b.TempDir()
	corpus := filepath.Join(dir, "corpus.jsonl")
	var buf bytes.Buffer
	g := synth.New(1)
	for range n {
		buf.Write(g.Next().JSON())
		buf.WriteByte('\n')
	}
	if err := os.WriteFile(corpus, buf.Bytes(), 0o644); err != nil {
		b.Fatal(err)
	}
	// Load the models once, outside the timing, as a long ingest would.
	if _, err := loadModels(""); err != nil {
		b.Fatal(err)
	}
	words := 0
	b.ResetTimer()
	for i := range b.N {
		db := filepath.Join(dir, "b"+strconv.Itoa(i)+".db")
		rep := filepath.Join(dir, "r"+strconv.Itoa(i)+".json")
		var out bytes.Buffer
		e := &env{stdout: &out, stderr: &out, log: slog.New(slog.NewTextHandler(&out, nil))}
		if err := runIngest(context.Background(), e, []string{"--db", db, "--report", rep, corpus}); err != nil {
			b.Fatalf("%v\n%s", err, out.String())
		}
		words += readReport(b, rep).Words
	}
	b.ReportMetric(float64(words)/b.Elapsed().Seconds(), "words/s")
}
