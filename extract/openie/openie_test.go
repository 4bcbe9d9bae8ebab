package openie_test

import (
	"context"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/clause"
	"github.com/newsgraph/newsgraph/extract/openie"
	"github.com/newsgraph/newsgraph/extract/pipeline"
)

func TestTokenized(t *testing.T) {
	doc, words := openie.Tokenized("He said -LRB- quietly -RRB- `` no '' .")
	if len(words) != 9 || len(doc.Tokens) != 9 {
		t.Fatalf("%d words, %d tokens", len(words), len(doc.Tokens))
	}
	var forms []string
	for i := range doc.Tokens {
		forms = append(forms, doc.Form(&doc.Tokens[i]))
	}
	if got := strings.Join(forms, " "); got != `He said ( quietly ) " no " .` {
		t.Errorf("forms %q", got)
	}
	if _, words := openie.Tokenized("   "); len(words) != 0 {
		t.Errorf("blank line gave %v", words)
	}
}

func TestTuples(t *testing.T) {
	m, err := pipeline.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		line string
		want string // relation | arg1 | arg2 ...
	}{
		// The first preposition after the verb joins the relation.
		{"Rodan taught at the university in Boston .", "taught at | Rodan | the university in Boston"},
		// A passive keeps its surface: the passive subject first, the agent with "by".
		{"The plan was rejected by the council .", "was rejected by | The plan | the council"},
		// A content clause keeps its complementiser in the relation.
		{"The report said that prices rose .", "said that | The report | prices rose"},
	}
	for _, tt := range tests {
		doc, words := openie.Tokenized(tt.line)
		p := append(m.Analysis(), clause.Extractor{})
		if err := p.Process(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, tu := range openie.Tuples(doc, words) {
			got = append(got, tu.Relation+" | "+strings.Join(tu.Args, " | "))
			if tu.Confidence <= 0 || tu.Confidence > 1 {
				t.Errorf("confidence %v out of (0, 1]", tu.Confidence)
			}
		}
		found := false
		for _, g := range got {
			found = found || g == tt.want
		}
		if !found {
			t.Errorf("%s\nwant %s\ngot  %s", tt.line, tt.want, strings.Join(got, "\n     "))
		}
	}
}
