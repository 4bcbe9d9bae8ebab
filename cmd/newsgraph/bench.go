package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/newsgraph/newsgraph/extract/article/synth"
)

func runBench(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || args[0] != "gen" {
		fmt.Fprintln(e.stderr, "Usage: newsgraph bench gen [flags] -o DIR|FILE.jsonl")
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
			return nil
		}
		return errUsage
	}
	fs := newFlags(e, "bench gen", "[flags] -o DIR|FILE.jsonl",
		"Writes a synthetic corpus of news-like articles for benchmarks (invented people of real\n"+
			"countries in calls, statements, deals; varied templates and word lists), one text file\n"+
			"an article in DIR, or one JSON Lines file when -o ends in .jsonl. The same seed always\n"+
			"gives the same corpus. Measure ingest on it with: newsgraph ingest --db bench.db DIR",
		"newsgraph bench gen -n 10000 -o corpus.jsonl")
	n := fs.Int("n", 1000, "number of articles")
	seed := fs.Uint64("seed", 1, "random seed")
	out := fs.String("o", "", "output directory, or FILE.jsonl")
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	if *out == "" || *n < 0 {
		fs.Usage()
		return errUsage
	}
	g := synth.New(*seed)
	if filepath.Ext(*out) == ".jsonl" {
		return writeOutput(e, *out, func(w *bufio.Writer) error {
			for i := 0; i < *n; i++ {
				if i%1000 == 0 && ctx.Err() != nil {
					return ctx.Err()
				}
				w.Write(g.Next().JSON())
				if err := w.WriteByte('\n'); err != nil {
					return err
				}
			}
			return nil
		})
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return err
	}
	for i := 0; i < *n; i++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		a := g.Next()
		if err := os.WriteFile(filepath.Join(*out, fmt.Sprintf("%07d.txt", a.N)), []byte(a.Text()), 0o644); err != nil {
			return err
		}
	}
	e.log.Info("corpus written", "articles", *n, "to", *out)
	return nil
}
