package article

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchmarkRead measures read on a test file repeated to about 1 MiB (for
// HTML, its paragraphs repeated inside one page), the size of a long
// article collection rather than one story.
func benchmarkRead(b *testing.B, file string, f format, grow func(string) string) {
	data, err := os.ReadFile(filepath.Join("testdata", file))
	if err != nil {
		b.Fatal(err)
	}
	in := []byte(grow(string(data)))
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		if _, errs := read(file, in, f); len(errs) != 0 {
			b.Fatal(errs)
		}
	}
}

func repeat(s string) string { return strings.Repeat(s+"\n\n", 1<<20/len(s)) }

func BenchmarkReadHTML(b *testing.B) {
	benchmarkRead(b, "page.html", formatHTML, func(s string) string {
		start, end := strings.Index(s, "<p class=\"lead\">"), strings.Index(s, "<h2>")
		return s[:start] + strings.Repeat(s[start:end], 1<<20/(end-start)) + s[start:]
	})
}

func BenchmarkReadMarkdown(b *testing.B) {
	benchmarkRead(b, "story.md", formatMarkdown, func(s string) string {
		body := s[strings.Index(s, "# "):]
		return s + repeat(body)
	})
}

func BenchmarkReadText(b *testing.B) { benchmarkRead(b, "header.txt", formatText, repeat) }

func BenchmarkReadJSONL(b *testing.B) {
	benchmarkRead(b, "feed.jsonl", formatJSONL, func(s string) string {
		good, _, _ := strings.Cut(s, "\n")
		return strings.Repeat(good+"\n", 1<<20/len(good))
	})
}

// BenchmarkReadJSONLFile measures Read streaming a JSON Lines file of 8 MiB
// from disk, eight times its size limit.
func BenchmarkReadJSONLFile(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "feed.jsonl"))
	if err != nil {
		b.Fatal(err)
	}
	good, _, _ := strings.Cut(string(data), "\n")
	in := strings.Repeat(good+"\n", 8<<20/(len(good)+1))
	path := filepath.Join(b.TempDir(), "feed.jsonl")
	if err := os.WriteFile(path, []byte(in), 0o644); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		for _, err := range Read(path, Options{MaxBytes: 1 << 20}) {
			if err != nil {
				b.Fatal(err)
			}
		}
	}
}
