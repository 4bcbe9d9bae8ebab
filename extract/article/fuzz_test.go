package article

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// The seed corpora are in testdata/fuzz/FuzzReadHTML,
// testdata/fuzz/FuzzReadText and testdata/fuzz/FuzzReadJSONL.

// FuzzReadHTML checks that no page crashes the HTML reader or breaks the
// promises an article makes.
func FuzzReadHTML(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		checkRead(t, "fuzz.html", data, formatHTML)
	})
}

// FuzzReadText does the same for plain text and Markdown.
func FuzzReadText(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte, markdown bool) {
		format := formatText
		if markdown {
			format = formatMarkdown
		}
		checkRead(t, "fuzz.txt", data, format)
	})
}

// FuzzReadJSONL checks that no JSON Lines file crashes its reader, that
// every article names its line, and that every error names the file (and
// the line, for a broken line) in one line.
func FuzzReadJSONL(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		const name = "fuzz.jsonl"
		arts, errs := read(name, data, formatJSONL)
		if len(arts)+len(errs) == 0 {
			t.Fatal("neither an article nor an error")
		}
		lines := bytes.Count(data, []byte("\n")) + 1
		seen := map[string]bool{}
		for _, a := range arts {
			var n int
			if _, err := fmt.Sscanf(a.Source, name+"#L%d", &n); err != nil || n < 1 || n > lines {
				t.Fatalf("source %q does not name one of the %d lines", a.Source, lines)
			}
			if seen[a.Source] {
				t.Fatalf("two articles from %s", a.Source)
			}
			seen[a.Source] = true
			checkInvariants(t, a)
		}
		for _, err := range errs {
			msg := err.Error()
			if !strings.HasPrefix(msg, name+":") || strings.Contains(msg, "\n") {
				t.Fatalf("error %q does not name the file in one line", msg)
			}
		}
	})
}

func checkRead(t *testing.T, name string, data []byte, f format) {
	arts, errs := read(name, data, f)
	if len(arts)+len(errs) == 0 {
		t.Fatal("neither an article nor an error")
	}
	for _, a := range arts {
		if a.Source != name {
			t.Fatalf("source %q", a.Source)
		}
		checkInvariants(t, a)
	}
	for _, err := range errs {
		msg := err.Error()
		if !strings.HasPrefix(msg, name+": ") || strings.Contains(msg, "\n") {
			t.Fatalf("error %q does not name the file in one line", msg)
		}
	}
}
