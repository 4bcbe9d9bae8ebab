package segment

import (
	"context"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/tokenize"
)

func TestLimit(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		words int
		want  []string // the sentences' texts
	}{
		{"short sentences are kept", "One two three. Four five.", 4,
			[]string{"One two three.", "Four five."}},
		{"no limit", "a b c d e f g", 0, []string{"a b c d e f g"}},
		{"cut at the limit", "a b c d e f g", 3, []string{"a b c", "d e f", "g"}},
		{"cut after punctuation in the second half", "a b , c d e f", 4,
			[]string{"a b ,", "c d e f"}},
		{"punctuation in the first half is ignored", "a , b c d e f", 4,
			[]string{"a , b c", "d e f"}},
		// "don't" is "do" + "n't": a cut between them moves before "do".
		{"never inside a multi-word token", "a b don't c", 3,
			[]string{"a b", "don't c"}},
		{"a multi-word token longer than the limit stays whole", "don't", 1,
			[]string{"don't"}},
		{"only long sentences change", "Short one. a b c d e f g. Short two.", 4,
			[]string{"Short one.", "a b c d", "e f g.", "Short two."}},
	}
	tok := tokenize.New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := &extract.Document{Text: tt.text}
			if err := tok.Process(context.Background(), doc); err != nil {
				t.Fatal(err)
			}
			// One sentence per period-ended run, as a splitter would give.
			first := 0
			for i := range doc.Tokens {
				if doc.Form(&doc.Tokens[i]) == "." || i == len(doc.Tokens)-1 {
					doc.Sentences = append(doc.Sentences, extract.Sentence{First: first, Last: i + 1})
					first = i + 1
				}
			}
			if err := (Limit{Words: tt.words}).Process(context.Background(), doc); err != nil {
				t.Fatal(err)
			}
			checkPartition(t, doc)
			var got []string
			for _, s := range doc.Sentences {
				got = append(got, doc.SentenceText(s))
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestLimitLinear checks that a 100,000-word sentence is cut into pieces
// of at most the limit, in one pass.
func TestLimitLinear(t *testing.T) {
	doc := &extract.Document{Text: strings.Repeat("word ", 100_000)}
	if err := tokenize.New().Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	doc.Sentences = []extract.Sentence{{First: 0, Last: len(doc.Tokens)}}
	if err := (Limit{Words: 250}).Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	checkPartition(t, doc)
	if len(doc.Sentences) != 400 {
		t.Errorf("%d sentences, want 400 of 250 words", len(doc.Sentences))
	}
}

func TestLimitCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	doc := &extract.Document{Text: "a b c d"}
	if err := tokenize.New().Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	doc.Sentences = []extract.Sentence{{First: 0, Last: len(doc.Tokens)}}
	if err := (Limit{Words: 2}).Process(ctx, doc); err == nil {
		t.Error("no error from a cancelled context")
	}
}
