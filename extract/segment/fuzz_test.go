package segment

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/tokenize"
)

// The seed corpus is in testdata/fuzz/FuzzSegment.

// FuzzSegment runs the shipped sentence splitter, and Limit after it, on
// arbitrary text: the sentences must partition the words without splitting
// a multi-word token, and no piece Limit leaves may be longer than its
// limit unless it is one multi-word token.
func FuzzSegment(f *testing.F) {
	m := shippedModel(f)
	tok := tokenize.New()
	f.Fuzz(func(t *testing.T, text string, limit uint8) {
		doc := &extract.Document{Text: text}
		if err := tok.Process(context.Background(), doc); err != nil {
			return // invalid UTF-8: the tokenizer's fuzz target checks that
		}
		if err := m.Process(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		checkPartition(t, doc)
		l := Limit{Words: int(limit % 16)}
		if err := l.Process(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		checkPartition(t, doc)
		if l.Words == 0 {
			return
		}
		for i, s := range doc.Sentences {
			if s.Len() > l.Words && !oneToken(doc, s) {
				t.Fatalf("sentence %d has %d words, more than the limit of %d", i, s.Len(), l.Words)
			}
		}
	})
}

// oneToken tells whether a sentence is one multi-word token.
func oneToken(doc *extract.Document, s extract.Sentence) bool {
	mw := doc.Tokens[s.First].MultiWord
	for _, w := range doc.Words(s) {
		if mw == 0 || w.MultiWord != mw {
			return false
		}
	}
	return true
}

// shippedModel loads the splitter newsgraph ships (package pipeline, which
// embeds it, imports this one).
func shippedModel(tb testing.TB) *Model {
	tb.Helper()
	f, err := os.Open(filepath.Join("..", "pipeline", "models", "segment.model"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	m, err := Load(f)
	if err != nil {
		tb.Fatal(err)
	}
	return m
}
