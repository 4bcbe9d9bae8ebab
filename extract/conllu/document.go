package conllu

import (
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/extract"
)

// ToDocument lays gold sentences out as one document, keeping every gold
// annotation. The text is rebuilt from the surface tokens and their
// SpaceAfter flags; sentences are separated by a space, paragraphs by a
// blank line. Each word's offsets cover its part of the surface token.
func ToDocument(sents []Sentence) *extract.Document {
	var b strings.Builder
	doc := &extract.Document{}
	var multi int32
	for si := range sents {
		s := &sents[si]
		if si > 0 {
			if s.NewPar || s.NewDoc {
				b.WriteString("\n\n")
			} else {
				b.WriteByte(' ')
			}
		}
		first := len(doc.Tokens)
		for _, span := range s.Tokens() {
			start := b.Len()
			b.WriteString(span.Form)
			if span.Last-span.First > 1 {
				multi++
			}
			off := start
			for wi := span.First; wi < span.Last; wi++ {
				w := s.Words[wi]
				t := extract.Token{
					Start: off, End: off + len(w.Form),
					UPOS: w.UPOS, XPOS: w.XPOS, Feats: unset(w.Feats), Lemma: w.Lemma,
					Head: w.Head, DepRel: w.DepRel,
				}
				if span.Last-span.First > 1 {
					t.MultiWord = multi
				}
				// Words of a multi-word token are consecutive pieces of it
				// in English treebanks ("do"+"n't"); clamping keeps offsets
				// inside the token should one not be.
				t.End = min(t.End, start+len(span.Form))
				off = t.End
				if wi == span.Last-1 {
					t.End = start + len(span.Form)
					t.SpaceAfter = span.SpaceAfter
				}
				doc.Tokens = append(doc.Tokens, t)
			}
			if span.SpaceAfter {
				b.WriteByte(' ')
			}
		}
		doc.Sentences = append(doc.Sentences, extract.Sentence{First: first, Last: len(doc.Tokens)})
	}
	doc.Text = b.String()
	return doc
}

func unset(s string) string {
	if s == "_" {
		return ""
	}
	return s
}

// FromDocument turns a processed document into CoNLL-U sentences, with the
// sentence text, multi-word token lines and SpaceAfter=No where the text
// has no space after a token.
func FromDocument(doc *extract.Document) []Sentence {
	out := make([]Sentence, 0, len(doc.Sentences))
	for si, s := range doc.Sentences {
		words := doc.Words(s)
		cs := Sentence{Text: strings.Join(strings.Fields(doc.SentenceText(s)), " ")}
		cs.ID = strconv.Itoa(si + 1)
		for i := 0; i < len(words); i++ {
			t := words[i]
			if t.MultiWord != 0 && (i == 0 || words[i-1].MultiWord != t.MultiWord) {
				j := i
				for j+1 < len(words) && words[j+1].MultiWord == t.MultiWord {
					j++
				}
				if j > i {
					last := words[j]
					cs.Multi = append(cs.Multi, MultiWord{
						First: i + 1, Last: j + 1, Form: doc.Text[t.Start:last.End],
						Misc: spaceMisc(last.SpaceAfter), SpaceAfter: last.SpaceAfter,
					})
				}
			}
			misc := spaceMisc(t.SpaceAfter)
			if t.MultiWord != 0 {
				misc = "_" // carried by the multi-word token line
			}
			cs.Words = append(cs.Words, Word{
				ID: i + 1, Form: doc.Form(&words[i]), Lemma: t.Lemma, UPOS: t.UPOS, XPOS: t.XPOS,
				Feats: t.Feats, Head: t.Head, DepRel: t.DepRel, Misc: misc, SpaceAfter: t.SpaceAfter,
			})
		}
		out = append(out, cs)
	}
	return out
}

func spaceMisc(spaceAfter bool) string {
	if spaceAfter {
		return "_"
	}
	return "SpaceAfter=No"
}
