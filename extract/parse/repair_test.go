package parse

import (
	"fmt"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
)

// TestHeadedPrepositions checks the repair of prepositions parsed as the
// heads of their noun phrases. Each tree is "UPOS:head:deprel" per word.
func TestHeadedPrepositions(t *testing.T) {
	tests := []struct {
		name, tree, want string
	}{
		{"preposition heading a name", // Putin spoke with Netanyahu and Pezeshkian .
			"PROPN:2:nsubj VERB:0:root ADP:2:obl PROPN:3:obj CCONJ:6:cc PROPN:4:conj PUNCT:2:punct",
			"PROPN:2:nsubj VERB:0:root ADP:4:case PROPN:2:obl CCONJ:6:cc PROPN:4:conj PUNCT:2:punct"},
		{"its other dependents follow the noun", // talks right after the vote
			"NOUN:0:root ADV:3:advmod ADP:1:nmod DET:5:det NOUN:3:nmod",
			"NOUN:0:root ADV:5:advmod ADP:5:case DET:5:det NOUN:1:nmod"},
		{"a case marker is left alone", // spoke with Netanyahu
			"VERB:0:root ADP:3:case PROPN:1:obl",
			"VERB:0:root ADP:3:case PROPN:1:obl"},
		{"two nominal dependents: unclear, left alone",
			"VERB:0:root ADP:1:obl NOUN:2:obj NOUN:2:nmod",
			"VERB:0:root ADP:1:obl NOUN:2:obj NOUN:2:nmod"},
		{"a particle with an object is not a preposition phrase", // gave up hope (ADP as compound:prt)
			"VERB:0:root ADP:1:compound:prt NOUN:1:obj",
			"VERB:0:root ADP:1:compound:prt NOUN:1:obj"},
	}
	for _, tt := range tests {
		var toks []extract.Token
		for _, w := range strings.Fields(tt.tree) {
			var tok extract.Token
			parts := strings.SplitN(w, ":", 3)
			tok.UPOS, tok.DepRel = parts[0], parts[2]
			fmt.Sscan(parts[1], &tok.Head)
			toks = append(toks, tok)
		}
		headedPrepositions(toks)
		var got []string
		for _, tok := range toks {
			got = append(got, fmt.Sprintf("%s:%d:%s", tok.UPOS, tok.Head, tok.DepRel))
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, g, tt.want)
		}
	}
}
