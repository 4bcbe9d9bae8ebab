package parse

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/conllu"
)

// augmentSource has one sentence of each shape Augment rebuilds:
// reported speech with a complementiser, and a past-tense verb with a
// short nominal subject.
const augmentSource = `# text = The aide told reporters that the talks would resume.
1	The	the	DET	DT	_	2	det	_	_
2	aide	aide	NOUN	NN	_	3	nsubj	_	_
3	told	tell	VERB	VBD	_	0	root	_	_
4	reporters	reporter	NOUN	NNS	_	3	iobj	_	_
5	that	that	SCONJ	IN	_	9	mark	_	_
6	the	the	DET	DT	_	7	det	_	_
7	talks	talk	NOUN	NNS	_	9	nsubj	_	_
8	would	would	AUX	MD	_	9	aux	_	_
9	resume	resume	VERB	VB	_	3	ccomp	_	SpaceAfter=No
10	.	.	PUNCT	.	_	3	punct	_	_

# text = Finance Minister Ana Ruiz signed the budget.
1	Finance	finance	NOUN	NN	_	2	compound	_	_
2	Minister	minister	PROPN	NNP	_	3	nmod:desc	_	_
3	Ana	Ana	PROPN	NNP	_	5	nsubj	_	_
4	Ruiz	Ruiz	PROPN	NNP	_	3	flat	_	_
5	signed	sign	VERB	VBD	_	0	root	_	_
6	the	the	DET	DT	_	7	det	_	_
7	budget	budget	NOUN	NN	_	5	obj	_	SpaceAfter=No
8	.	.	PUNCT	.	_	5	punct	_	_

# text = Rivera resigned.
1	Rivera	Rivera	PROPN	NNP	_	2	nsubj	_	_
2	resigned	resign	VERB	VBD	_	0	root	_	SpaceAfter=No
3	.	.	PUNCT	.	_	2	punct	_	_

`

func TestAugment(t *testing.T) {
	src, err := conllu.Read(strings.NewReader(augmentSource))
	if err != nil {
		t.Fatal(err)
	}
	aug := Augment(src, 1, 1)
	var texts []string
	for _, s := range aug {
		checkSentenceTree(t, s)
		var forms []string
		for _, w := range s.Words {
			forms = append(forms, w.Form)
		}
		texts = append(texts, strings.Join(forms, " "))
	}
	wantQuote := `" The talks would resume , " the aide told reporters .`
	if !contains(texts, wantQuote) && !contains(texts, strings.NewReplacer(`" The`, `“ The`, `, "`, `, ”`).Replace(wantQuote)) {
		t.Errorf("no fronted quote among %q", texts)
	}
	// "Finance Minister Ana Ruiz and <another subject> signed the
	// budget": the new subject's head is a conj of Ana, "and" its cc.
	found := false
	for k, s := range aug {
		if !strings.HasPrefix(texts[k], "Finance Minister Ana Ruiz and ") || !strings.HasSuffix(texts[k], " signed the budget .") {
			continue
		}
		and := s.Words[4]
		donor := s.Words[and.Head-1]
		found = and.DepRel == "cc" && donor.DepRel == "conj" && donor.Head == 3 && s.Words[2].DepRel == "nsubj"
	}
	if !found {
		t.Errorf("no well-formed coordinated subject among %q", texts)
	}
	// Titles of the treebank ("Finance Minister") are put before bare
	// names, as nmod:desc of the name.
	titled := false
	for _, s := range aug {
		for i, w := range s.Words {
			if w.Form == "Rivera" && i >= 2 && s.Words[i-1].Form == "Minister" {
				titled = s.Words[i-1].Head == i+1 && s.Words[i-1].DepRel == "nmod:desc" && s.Words[i-2].Head == i
			}
		}
	}
	if !titled {
		t.Errorf("no title put before a name among %q", texts)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// checkSentenceTree fails unless s is a tree: one root, heads in range, no cycle.
func checkSentenceTree(t *testing.T, s conllu.Sentence) {
	t.Helper()
	roots := 0
	for i, w := range s.Words {
		if w.ID != i+1 || w.Head < 0 || w.Head > len(s.Words) || w.Head == w.ID {
			t.Fatalf("bad word %+v in %+v", w, s.Words)
		}
		if w.Head == 0 {
			roots++
		}
		h, steps := w.Head, 0
		for h != 0 && steps <= len(s.Words) {
			h = s.Words[h-1].Head
			steps++
		}
		if h != 0 {
			t.Fatalf("cycle through word %d in %+v", i+1, s.Words)
		}
	}
	if roots != 1 {
		t.Fatalf("%d roots in %+v", roots, s.Words)
	}
}
