package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/pipeline"
	"github.com/newsgraph/newsgraph/graph/rdf"
)

// The seed corpus is in testdata/fuzz/FuzzExtract.

// fuzzFormats are the file names FuzzExtract writes its input under: the
// extension chooses the reader, none makes it sniff the content.
var fuzzFormats = []string{"a.txt", "a.md", "a.html", "a.jsonl", "a"}

// FuzzExtract runs `newsgraph extract`, the whole extraction that ingest
// stores (article reader → NLP pipeline → entities, relations, events,
// quotes → merged quads), on arbitrary bytes. It must not crash; it must
// exit 0, or 1 with one line naming the refused input; and what it writes
// must be N-Quads that read back, every quad in its article's named graph.
func FuzzExtract(f *testing.F) {
	// Load the models before fuzzing: a first input that took the seconds
	// this takes would be reported as a hang.
	if _, err := pipeline.Embedded(); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte, format uint8, maxWords uint8) {
		path := filepath.Join(t.TempDir(), fuzzFormats[int(format)%len(fuzzFormats)])
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		var stdout, stderr bytes.Buffer
		args := []string{"extract", "--max-bytes", "65536", "--max-sentence-words", strconv.Itoa(int(maxWords % 64)), path}
		status := run(context.Background(), args, &stdout, &stderr)
		switch status {
		case 0:
		case 1:
			lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
			last := lines[len(lines)-1]
			if !strings.HasPrefix(last, "newsgraph extract: ") || !strings.Contains(last, " input(s) refused") || !strings.Contains(last, path) {
				t.Fatalf("refusal %q does not name the input", last)
			}
		default:
			t.Fatalf("status %d\n%s", status, stderr.String())
		}
		r := rdf.NewNQuadsReader(&stdout, "extract output")
		graphs := map[string]bool{}
		for {
			q, err := r.Read()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatalf("output is not N-Quads: %v", err)
			}
			if q.Label == nil {
				t.Fatalf("quad %v outside any article's graph", q)
			}
			graphs[q.Label.String()] = true
		}
		if status == 0 && len(graphs) == 0 {
			t.Fatal("exit status 0 but no article extracted")
		}
	})
}
