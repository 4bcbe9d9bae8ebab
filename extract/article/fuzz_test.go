package article

import (
	"bufio"
	"bytes"
	"fmt"
	"maps"
	"strconv"
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
// the line, for a broken line) in one line. The lines of a UTF-8 file are
// then read again through a tiny buffer with a small size limit: each line
// longer than the limit must be refused as too large, and every other line
// must give the same article or error as before.
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

		if bytes.IndexByte(data, 0) >= 0 || len(data) > 0 && (data[0] == 0xEF || data[0] == 0xFE || data[0] == 0xFF) {
			return // refused whole, or a byte order mark: not read line by line from the start
		}
		const limit = 40
		want := outcomes(arts, errs) // by line, 0 for the file
		for i, line := range bytes.Split(data, []byte("\n")) {
			if i < lines-1 {
				line = bytes.TrimSuffix(line, []byte("\r"))
			}
			if size := int64(len(line)); size > limit {
				want[i+1] = (&Error{Path: name, Line: i + 1, Err: tooLarge(size, limit)}).Error()
				delete(want, 0) // not empty: a line was refused
			}
		}
		got := outcomes(collect(func(yield func(Article, error) bool) {
			readJSONL(name, bufio.NewReaderSize(bytes.NewReader(data), 16), 0, limit, yield)
		}))
		if !maps.Equal(got, want) {
			t.Fatalf("with a %d-byte limit and a tiny buffer, read\n%v\nwant\n%v", limit, got, want)
		}
	})
}

// outcomes maps the line of each article to its text and the line of each
// error (0 for the file) to its message.
func outcomes(arts []Article, errs []error) map[int]string {
	m := map[int]string{}
	for _, a := range arts {
		_, n, _ := strings.Cut(a.Source, "#L")
		line, _ := strconv.Atoi(n)
		m[line] = a.Text
	}
	for _, err := range errs {
		m[err.(*Error).Line] = err.Error()
	}
	return m
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
