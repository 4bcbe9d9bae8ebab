package timex_test

import (
	"context"
	"github.com/newsgraph/newsgraph/extract/timex"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/conllu"
)

// isoValue matches every value the recogniser may give: a day, week,
// month, year or decade, a duration, or "" for an unresolved date.
var isoValue = regexp.MustCompile(`^(|\d{4}(-\d{2}(-\d{2})?|-W\d{2})?|\d{3}|P(\d+(\.\d+)?[YMWD])*(T(\d+(\.\d+)?[HMS])+)?)$`)

// TestTreebank runs the recogniser over the EWT development set with its
// gold words, tags and parse (web and news text the rules were not
// written on), dated 2025-06-14. It checks the output's invariants and
// value syntax, and that no expression takes in a word the treebank tags
// as a verb or modal ("may", "march", "last" the verb).
func TestTreebank(t *testing.T) {
	path := filepath.Join("..", "..", "..", "shared", "data", "ud-ewt", "en_ewt-ud-dev.conllu")
	gold, err := conllu.ReadFile(path)
	if err != nil {
		t.Skipf("EWT development set not available (%v): run with ../shared/data next to the repository", err)
	}
	doc := conllu.ToDocument(gold)
	doc.Published = saturday
	if err := timex.New().Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	checkTimes(t, doc)
	kinds := map[extract.TimeKind]int{}
	for _, x := range doc.Times {
		kinds[x.Kind]++
		if !isoValue.MatchString(x.Value) {
			t.Errorf("%q: value %q is not ISO 8601", doc.SpanText(x.Span), x.Value)
		}
		for k := x.First; k < x.Last; k++ {
			tok := &doc.Tokens[k]
			if tok.UPOS == "VERB" || tok.XPOS == "MD" {
				t.Errorf("%q takes in %q, a %s", doc.SpanText(x.Span), doc.Form(tok), tok.XPOS)
			}
		}
	}
	if kinds[extract.Date] < 50 || kinds[extract.Duration] < 20 {
		t.Errorf("found %d dates and %d durations, expected at least 50 and 20", kinds[extract.Date], kinds[extract.Duration])
	}
	t.Logf("%d tokens: %d dates, %d durations", len(doc.Tokens), kinds[extract.Date], kinds[extract.Duration])
	if testing.Verbose() {
		var b strings.Builder
		for _, x := range doc.Times {
			b.WriteString("\n" + doc.SpanText(x.Span) + " = " + x.Value)
		}
		t.Log(b.String())
	}
}
