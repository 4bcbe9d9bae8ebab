// Package openie writes propositions as Open IE tuples — a relation phrase
// and its arguments, in the words of the sentence — the form benchmarks
// such as CaRB score.
//
// Open IE keeps the sentence's surface: a passive stays passive ("was
// described by | the call | Ushakov"), and the preposition of the first
// argument after the verb joins the relation ("taught at | Rodan | the
// University"), as annotators write tuples.
package openie

import (
	"context"
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/carb"
	"github.com/newsgraph/newsgraph/extract/clause"
	"github.com/newsgraph/newsgraph/extract/timex"
)

// Tuple is one Open IE extraction.
type Tuple struct {
	Confidence float64
	Relation   string
	// Args are the arguments, the subject first.
	Args []string
}

// ptbUnescape maps Penn Treebank token escapes to the characters the
// models were trained on.
var ptbUnescape = map[string]string{
	"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}",
	"``": `"`, "''": `"`,
}

// Tokenized makes a one-sentence document from a line of white-space
// separated tokens (Penn Treebank escapes such as -LRB- and “ allowed),
// for the analysis stages of the pipeline. It returns the document and the
// line's tokens, in which tuples are written.
func Tokenized(line string) (*extract.Document, []string) {
	words := strings.Fields(line)
	var b strings.Builder
	doc := &extract.Document{}
	for i, w := range words {
		if i > 0 {
			b.WriteByte(' ')
		}
		form := w
		if u, ok := ptbUnescape[w]; ok {
			form = u
		}
		start := b.Len()
		b.WriteString(form)
		doc.Tokens = append(doc.Tokens, extract.Token{Start: start, End: b.Len(), SpaceAfter: i < len(words)-1})
	}
	doc.Text = b.String()
	if len(words) > 0 {
		doc.Sentences = []extract.Sentence{{First: 0, Last: len(words)}}
	}
	return doc, words
}

// Tuples returns the Open IE tuples of a document's propositions, written
// with words[i] for token i. Propositions with fewer than two arguments
// are left out: a tuple needs a subject and something said of it.
func Tuples(doc *extract.Document, words []string) []Tuple {
	var out []Tuple
	for k := range doc.Propositions {
		if t, ok := tuple(doc, &doc.Propositions[k], words); ok {
			out = append(out, t)
		}
	}
	return out
}

func tuple(doc *extract.Document, p *extract.Proposition, words []string) (Tuple, bool) {
	text := func(sp extract.Span) string { return strings.Join(words[sp.First:sp.Last], " ") }
	// The surface subject: the passive subject of a passive clause.
	first := -1
	for i, a := range p.Args {
		if surfaceSubject(doc, p, a) {
			first = i
			break
		}
	}
	if first < 0 || len(p.Args) < 2 {
		return Tuple{}, false
	}
	rel := make([]string, 0, len(p.Words)+1)
	for _, w := range p.Words {
		rel = append(rel, words[w])
	}
	if len(rel) == 0 {
		rel = append(rel, "is")
	}
	var args []string
	args = append(args, text(p.Args[first].Span))
	folded := false
	for i, a := range p.Args {
		if i == first {
			continue
		}
		prep := a.Prep
		if a.Role == extract.Content {
			prep = mark(doc, doc.Sentences[p.Sentence], a, words)
		}
		if a.Role == extract.Subject && prep == "" {
			prep = "by"
		}
		if prep != "" && !folded && len(args) == 1 && a.First > p.Head {
			// The first argument after the verb gives its preposition to
			// the relation: "taught at | Rodan | the University".
			rel = append(rel, prep)
			prep = ""
		}
		folded = true
		arg := text(a.Span)
		if prep != "" {
			arg = prep + " " + arg
		}
		args = append(args, arg)
	}
	return Tuple{Confidence: p.Confidence, Relation: strings.Join(rel, " "), Args: args}, true
}

// surfaceSubject tells whether a is the subject as the sentence has it:
// the active subject, or the subject of a passive clause.
func surfaceSubject(doc *extract.Document, p *extract.Proposition, a extract.Argument) bool {
	if !p.Passive {
		return a.Role == extract.Subject
	}
	if a.Role != extract.Object {
		return false
	}
	if a.Inherited {
		return true
	}
	r := doc.Tokens[a.Head].DepRel
	return strings.HasPrefix(r, "nsubj") || strings.HasPrefix(r, "csubj")
}

// mark returns the subordinator of a content clause ("that"), or "".
func mark(doc *extract.Document, s extract.Sentence, a extract.Argument, words []string) string {
	for i := s.First; i < a.First; i++ {
		t := &doc.Tokens[i]
		if t.DepRel == "mark" && s.First+t.Head-1 == a.Head {
			return words[i]
		}
	}
	return ""
}

// Sentences runs the analysis stages (tagger, lemmatiser, parser, then
// the time expressions, which the clause reader tells from what verbs act
// on, and package clause) over tokenised sentences, one a line, and
// returns their tuples as CaRB extractions of the lines as given. A
// sentence the stages fail on stops the run with an error naming its line.
func Sentences(ctx context.Context, analysis extract.Pipeline, lines []string) ([]carb.Extraction, error) {
	docs := make([]*extract.Document, len(lines))
	words := make([][]string, len(lines))
	for i, l := range lines {
		docs[i], words[i] = Tokenized(l)
	}
	p := append(analysis[:len(analysis):len(analysis)], timex.New(), clause.Extractor{})
	var out []carb.Extraction
	for i, err := range p.ProcessBatch(ctx, docs) {
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", i+1, err)
		}
		for _, t := range Tuples(docs[i], words[i]) {
			out = append(out, carb.Extraction{Sentence: lines[i], Confidence: t.Confidence, Relation: t.Relation, Args: t.Args})
		}
	}
	return out, nil
}
