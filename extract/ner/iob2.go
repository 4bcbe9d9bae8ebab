package ner

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Sentence is one sentence of an IOB2 file: its words and their labels.
type Sentence struct {
	ID string // the "# sent_id" comment, or ""
	// NewDoc marks the first sentence of a document (a "# newdoc" comment).
	// Sentences of one document share context: a name written in full in
	// one sentence helps to recognise it in the next.
	NewDoc bool
	Forms  []string
	// Labels are IOB2 labels, one per form: "O", "B-PER", "I-PER", ...
	Labels []string
	// UPOS are the words' universal part-of-speech tags, one per form, or
	// nil when unknown. IOB2 files have none: see Tag.
	UPOS []string
}

// ReadIOB2 reads sentences in the CoNLL-like IOB2 format of UniversalNER:
// comment lines starting with "#", one word a line as tab-separated
// ID, FORM and LABEL (further columns are ignored), and a blank line after
// each sentence. Malformed lines give an error naming the line.
func ReadIOB2(r io.Reader) ([]Sentence, error) {
	var (
		out  []Sentence
		cur  Sentence
		line int
	)
	flush := func() {
		if len(cur.Forms) > 0 {
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		switch {
		case strings.TrimSpace(text) == "":
			flush()
		case strings.HasPrefix(text, "#"):
			if len(cur.Forms) > 0 {
				return nil, fmt.Errorf("ner: line %d: comment inside a sentence", line)
			}
			key, value, _ := strings.Cut(strings.TrimPrefix(text, "#"), "=")
			switch strings.TrimSpace(key) {
			case "sent_id":
				cur.ID = strings.TrimSpace(value)
			case "newdoc", "newdoc id":
				cur.NewDoc = true
			}
		default:
			cols := strings.Split(text, "\t")
			if len(cols) < 3 {
				return nil, fmt.Errorf("ner: line %d: want ID, FORM and LABEL separated by tabs, got %q", line, text)
			}
			if cols[1] == "" {
				return nil, fmt.Errorf("ner: line %d: empty form", line)
			}
			label := cols[2]
			if !validLabel(label) {
				return nil, fmt.Errorf("ner: line %d: bad IOB2 label %q", line, label)
			}
			cur.Forms = append(cur.Forms, cols[1])
			cur.Labels = append(cur.Labels, label)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("ner: line %d: %w", line+1, err)
	}
	flush()
	return out, nil
}

// validLabel tells whether label is "O" or "B-TYPE"/"I-TYPE" with a
// non-empty type.
func validLabel(label string) bool {
	if label == "O" {
		return true
	}
	prefix, typ, ok := strings.Cut(label, "-")
	return ok && typ != "" && (prefix == "B" || prefix == "I")
}

// Entity is a typed span of a sentence's words, Forms[First:Last].
type Entity struct {
	First, Last int
	Type        string
}

// Entities decodes IOB2 labels into entities the way the CoNLL evaluation
// script does: an entity starts at B-, or at an I- that does not continue
// an entity of its type (an ill-formed "I-" without "B-" starts a new one),
// and runs over the I- labels of its type that follow. Anything else,
// including labels that are not IOB2, ends it.
func Entities(labels []string) []Entity {
	var out []Entity
	open := -1 // index in out of the entity that may continue, or -1
	for i, l := range labels {
		prefix, typ, _ := strings.Cut(l, "-")
		switch {
		case prefix == "I" && typ != "" && open >= 0 && out[open].Type == typ:
			out[open].Last = i + 1
		case (prefix == "B" || prefix == "I") && typ != "":
			out = append(out, Entity{First: i, Last: i + 1, Type: typ})
			open = len(out) - 1
		default:
			open = -1
		}
	}
	return out
}

// Labels encodes entities of a sentence of n words as IOB2 labels.
// Entities must not overlap.
func Labels(n int, ents []Entity) []string {
	labels := make([]string, n)
	for i := range labels {
		labels[i] = "O"
	}
	for _, e := range ents {
		for i := e.First; i < e.Last; i++ {
			if i == e.First {
				labels[i] = "B-" + e.Type
			} else {
				labels[i] = "I-" + e.Type
			}
		}
	}
	return labels
}

// Tag sets the UPOS tags of sents with tag, which returns the tags of a
// sentence's forms: the recogniser uses part-of-speech tags, so training
// and evaluation data must be tagged the way text is tagged at run time,
// by the pipeline's tagger.
func Tag(sents []Sentence, tag func(forms []string) []string) {
	for i := range sents {
		sents[i].UPOS = tag(sents[i].Forms)
	}
}
