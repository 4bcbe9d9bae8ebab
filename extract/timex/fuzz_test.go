package timex_test

import (
	"context"
	"github.com/newsgraph/newsgraph/extract/timex"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/extract"
)

// vocabulary is what random documents are made of: every kind of word the
// grammar reads, in and out of place, and odd forms around the digit
// readers.
var vocabulary = strings.Fields(`Monday Saturday sunday June May March Jan. Sept mid-June early-May
	mid-2026 late-1999 2025 1990s 2025-06-14 2025-02-30 2025-13 2025-06 22 22nd 31st 0 1.5 1,000 1,00 007
	9999 12345678901234567890 .5 3. 2024-25 a an the half and , - – of on in since last next this past
	coming previous following same that ago earlier later before after afterwards today yesterday
	Today tomorrow tonight night morning day days week weeks month months year years decade century
	hour hours minute minutes second seconds one two twenty five hundred thousand first about more than
	at least up to over for long old twice per $ % Xinhua Good Black Times . ? 's`)

var (
	uposes  = strings.Fields("NOUN PROPN VERB AUX ADP DET NUM PUNCT ADJ ADV CCONJ PART PRON SYM X")
	xposes  = strings.Fields("NN NNS NNP VB VBD VBN VBZ VBP VBG MD IN DT CD JJ RB CC TO PRP$ , .")
	deprels = strings.Fields("root nsubj obj obl obl:tmod nmod aux aux:pass cop mark case det nummod punct amod")
)

// randomDocument builds a document of random tokens with random tags, a
// random and possibly malformed parse (heads out of range, cycles), and
// random sentence boundaries.
func randomDocument(r *rand.Rand) *extract.Document {
	var b strings.Builder
	doc := &extract.Document{}
	n := r.IntN(60)
	for range n {
		w := vocabulary[r.IntN(len(vocabulary))]
		start := b.Len()
		b.WriteString(w)
		space := r.IntN(3) > 0
		if space {
			b.WriteByte(' ')
		}
		doc.Tokens = append(doc.Tokens, extract.Token{
			Start: start, End: start + len(w), SpaceAfter: space,
			UPOS: uposes[r.IntN(len(uposes))], XPOS: xposes[r.IntN(len(xposes))],
			Head: r.IntN(12) - 2, DepRel: deprels[r.IntN(len(deprels))],
		})
	}
	doc.Text = b.String()
	for first := 0; first < n; {
		last := min(n, first+1+r.IntN(20))
		doc.Sentences = append(doc.Sentences, extract.Sentence{First: first, Last: last})
		first = last
	}
	if r.IntN(4) > 0 {
		doc.Published = time.Date(1990+r.IntN(60), time.Month(1+r.IntN(12)), 1+r.IntN(31), 0, 0, 0, 0, time.UTC)
	}
	return doc
}

// TestRandomTokens checks that random token sequences never make the
// recogniser panic or break the invariants of its output.
func TestRandomTokens(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	rec := timex.New()
	found := 0
	for range 5000 {
		doc := randomDocument(r)
		if err := rec.Process(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		checkTimes(t, doc)
		found += len(doc.Times)
	}
	if found == 0 {
		t.Error("no expression found in 5000 random documents: the generator misses the grammar")
	}
}

// FuzzProcess lets the fuzzer drive the random document generator.
func FuzzProcess(f *testing.F) {
	for _, seed := range []uint64{0, 1, 42, 1 << 40} {
		f.Add(seed, seed^0x9e3779b97f4a7c15)
	}
	rec := timex.New()
	f.Fuzz(func(t *testing.T, a, b uint64) {
		doc := randomDocument(rand.New(rand.NewPCG(a, b)))
		if err := rec.Process(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		checkTimes(t, doc)
	})
}

// FuzzForms runs the recogniser on arbitrary token forms, the input the
// digit and word readers see, cut at spaces and given tags in turn.
func FuzzForms(f *testing.F) {
	for _, seed := range []string{
		"on Saturday for about 50 minutes", "June 22 , 2025", "2025-06-14 2025-1 2025-06-3x",
		"mid-2026 mid- early-9 1990s 199s 22nd 1st 1,000,000 1,00 1.5. 3.", "two and a half hours",
		"twenty - five years later", "a day earlier", "the day before ,",
	} {
		f.Add(seed, int64(20250614))
	}
	rec := timex.New()
	f.Fuzz(func(t *testing.T, text string, day int64) {
		doc := &extract.Document{Text: text, Published: time.Unix(day*86400%(1<<40), 0).UTC()}
		for i, start := 0, 0; start < len(text); i++ {
			for start < len(text) && text[start] == ' ' {
				start++
			}
			end := start
			for end < len(text) && text[end] != ' ' {
				end++
			}
			if end == start {
				break
			}
			doc.Tokens = append(doc.Tokens, extract.Token{
				Start: start, End: end, SpaceAfter: end < len(text),
				UPOS: uposes[i%len(uposes)], XPOS: xposes[i%len(xposes)],
				Head: i % 5, DepRel: deprels[i%len(deprels)],
			})
			start = end
		}
		doc.Sentences = []extract.Sentence{{First: 0, Last: len(doc.Tokens)}}
		if err := rec.Process(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		checkTimes(t, doc)
	})
}
