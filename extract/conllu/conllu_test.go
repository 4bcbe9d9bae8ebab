package conllu

import (
	"bytes"
	"strings"
	"testing"
)

const sample = `# newdoc id = d1
# sent_id = s1
# text = I don't know.
1	I	I	PRON	PRP	Case=Nom	4	nsubj	_	_
2-3	don't	_	_	_	_	_	_	_	_
2	do	do	AUX	VBP	_	4	aux	_	_
3	n't	not	PART	RB	_	4	advmod	_	_
4	know	know	VERB	VB	VerbForm=Inf	0	root	_	SpaceAfter=No
5	.	.	PUNCT	.	_	4	punct	_	_

`

func TestReadWriteRoundTrip(t *testing.T) {
	sents, err := Read(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	s := sents[0]
	if !s.NewDoc || s.ID != "s1" || s.Text != "I don't know." || len(s.Words) != 5 || len(s.Multi) != 1 {
		t.Fatalf("read %+v", s)
	}
	if s.Words[3].SpaceAfter || !s.Words[0].SpaceAfter {
		t.Errorf("SpaceAfter wrong: %+v", s.Words)
	}
	toks := s.Tokens()
	if len(toks) != 4 || toks[1].Form != "don't" || toks[1].Last-toks[1].First != 2 {
		t.Errorf("tokens %+v", toks)
	}
	// Through a Document and back gives the same sentence text and words.
	back := FromDocument(ToDocument(sents))
	if back[0].Text != s.Text || len(back[0].Words) != 5 || len(back[0].Multi) != 1 || back[0].Multi[0].Form != "don't" {
		t.Errorf("round trip through Document: %+v", back[0])
	}
	var buf bytes.Buffer
	if err := Write(&buf, back); err != nil {
		t.Fatal(err)
	}
	again, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for i, w := range again[0].Words {
		if w.Form != s.Words[i].Form || w.Head != s.Words[i].Head || w.DepRel != s.Words[i].DepRel || w.SpaceAfter != s.Words[i].SpaceAfter {
			t.Errorf("word %d: %+v, want %+v", i, w, s.Words[i])
		}
	}
}

func TestReadErrors(t *testing.T) {
	for _, in := range []string{
		"1\tI\tI\tPRON\n",                        // too few columns
		"2\tI\tI\tPRON\tPRP\t_\t0\troot\t_\t_\n", // out of sequence
		"1\tI\tI\tPRON\tPRP\t_\tx\troot\t_\t_\n", // bad head
		"2-1\tab\t_\t_\t_\t_\t_\t_\t_\t_\n",      // bad range
	} {
		if _, err := Read(strings.NewReader(in)); err == nil {
			t.Errorf("Read(%q) succeeded", in)
		}
	}
}
