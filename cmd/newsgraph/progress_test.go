package main

import (
	"bytes"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestProgressLeft checks the time left that progress reports: from the
// share of the input's bytes read, across files and within a JSON Lines
// file, and "?" when the input's size is unknown.
func TestProgressLeft(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.jsonl"), filepath.Join(dir, "b.txt")
	for _, f := range []struct {
		path string
		size int
	}{{a, 1000}, {b, 3000}} {
		if err := os.WriteFile(f.path, bytes.Repeat([]byte("x"), f.size), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		name  string
		files []string
		file  string
		end   int64
		want  string
	}{
		// 250 of the 4000 bytes in 20 s: the 3750 left take 300 s.
		{"within a JSON Lines file", []string{a, b}, a, 250, "left=5m0s"},
		// a whole and half of b, 2500 bytes in 20 s: 1500 left take 12 s.
		{"second file", []string{a, b}, b, 1500, "left=12s"},
		{"unknown size", []string{filepath.Join(dir, "missing")}, filepath.Join(dir, "missing"), 10, "left=?"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			e := &env{stderr: &out, log: slog.New(slog.NewTextHandler(&out, nil))}
			p := newProgress(e, "ingest", tc.files)
			clock := p.start
			p.now = func() time.Time { return clock }
			clock = clock.Add(20 * time.Second)
			p.step(tc.file, tc.end, 100)
			if !strings.Contains(out.String(), tc.want) {
				t.Fatalf("progress logged %q, want %s", out.String(), tc.want)
			}
		})
	}
}
