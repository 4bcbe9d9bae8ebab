package segment

import (
	"math/rand/v2"
	"strings"

	"github.com/newsgraph/newsgraph/extract/conllu"
)

// RawText lays gold sentences out as the raw text the CoNLL 2018
// evaluation tokenises: the "# text" of each sentence, joined by a single
// space within a paragraph and by a blank line where a "# newpar" or
// "# newdoc" comment starts a new one.
func RawText(sents []conllu.Sentence) string {
	text, _ := layout(sents, nil)
	return text
}

// layout returns RawText(sents) and the byte offsets where the sentences
// end in it. With a random source it varies the layout for training, so
// that the splitter also learns what line breaks mean: half the paragraph
// breaks inside a document become single line breaks, and one space in a
// hundred inside a sentence becomes a line break, as in hard-wrapped text.
func layout(sents []conllu.Sentence, rng *rand.Rand) (string, []int) {
	n := 0
	for i := range sents {
		n += len(sents[i].Text) + 2
	}
	var b strings.Builder
	b.Grow(n)
	ends := make([]int, 0, len(sents))
	for i := range sents {
		s := &sents[i]
		if i > 0 {
			switch {
			case s.NewPar && !s.NewDoc && rng != nil && rng.IntN(2) == 0:
				b.WriteByte('\n')
			case s.NewPar || s.NewDoc:
				b.WriteString("\n\n")
			default:
				b.WriteByte(' ')
			}
		}
		if rng == nil {
			b.WriteString(s.Text)
		} else {
			for _, c := range []byte(s.Text) {
				if c == ' ' && rng.IntN(100) == 0 {
					c = '\n'
				}
				b.WriteByte(c)
			}
		}
		ends = append(ends, b.Len())
	}
	return b.String(), ends
}
