// Package extract holds the Document that flows through newsgraph's NLP
// pipeline, and the Stage interface every step of the pipeline implements.
//
// A Document starts as raw text. Stages add to it in order: the tokenizer
// fills Tokens, the sentence splitter fills Sentences, the tagger sets the
// part-of-speech fields of every token, the lemmatiser its lemma, the parser
// its head and relation. Every token keeps the byte offsets of its text in
// Document.Text, so anything derived from it can be traced to the source.
//
// The stages live in sub-packages (tokenize, segment, tag, lemma, parse);
// package pipeline assembles them with the models shipped in the binary.
package extract

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"
)

// Document is one text and everything the pipeline has found in it.
type Document struct {
	// Name identifies the input in error messages and provenance (a file
	// name, a URL); it may be empty.
	Name string
	// Text is the document's text, exactly as given: all offsets index it.
	Text string
	// Tokens are the syntactic words of the text in order. Words that share
	// one surface token ("do" and "n't" in "don't") are separate Tokens
	// marked with the same MultiWord number.
	Tokens []Token
	// Sentences partition Tokens into consecutive runs.
	Sentences []Sentence

	// Published is when the text was published, zero if unknown. It anchors
	// relative time expressions ("on Saturday", "the previous day").
	Published time.Time

	// Mentions are the names the entity recogniser found, in text order,
	// not overlapping.
	Mentions []Mention
	// Times are the time expressions found, in text order, not overlapping.
	Times []TimeExpr
	// Propositions are the predicates and arguments of the sentences'
	// clauses, sentence by sentence.
	Propositions []Proposition

	// Entities, Relations, Events and Quotes are the facts read from the
	// propositions: the layer the graph is built from.
	Entities []Entity
	// Groups are the phrases that refer to several entities together.
	Groups    []Group
	Relations []Relation
	Events    []Event
	Quotes    []Quote
}

// Span is a run of consecutive tokens of a document, Tokens[First:Last].
type Span struct {
	First, Last int
}

// Len is the number of tokens in the span.
func (s Span) Len() int { return s.Last - s.First }

// SpanText returns the text from the first token's start to the last
// token's end.
func (d *Document) SpanText(s Span) string {
	if s.Len() <= 0 {
		return ""
	}
	return d.Text[d.Tokens[s.First].Start:d.Tokens[s.Last-1].End]
}

// Mention is a name of a person, organisation or place in the text.
type Mention struct {
	Span
	// Type is the UniversalNER type: "PER", "ORG" or "LOC".
	Type string
}

// TimeKind tells what a time expression denotes.
type TimeKind uint8

const (
	// Date is a calendar date, month or year ("Saturday", "June 2025").
	Date TimeKind = iota + 1
	// Duration is a length of time ("50-minute", "three years").
	Duration
)

// TimeExpr is a time expression and its normalised value.
type TimeExpr struct {
	Span
	Kind TimeKind
	// Value is the ISO 8601 value: "2025-06-14", "2025-06", "2025" for
	// dates, "PT50M", "P3Y" for durations; "" when the expression could not
	// be resolved (a relative date in a text with no publication date).
	Value string
}

// Token is one syntactic word. Its form is always Text[Start:End]: the
// tokenizer never rewrites text, so offsets and forms cannot disagree.
type Token struct {
	Start, End int // byte offsets into Document.Text
	// MultiWord is non-zero for words that make up one surface token
	// together with their neighbours carrying the same number
	// (UD multi-word tokens such as "don't" = "do" + "n't").
	MultiWord int32
	// SpaceAfter tells whether white space follows the token in the text.
	SpaceAfter bool

	UPOS  string // universal part of speech (NOUN, VERB, ...)
	XPOS  string // Penn Treebank tag (NN, VBD, ...)
	Feats string // morphological features, UD style ("Number=Sing"), or ""
	Lemma string

	// Head is the index of the head word within the sentence, 1-based as in
	// CoNLL-U, 0 for the root. DepRel is the UD relation to the head,
	// subtype included ("nsubj:pass").
	Head   int
	DepRel string
}

// Form returns the token's text.
func (d *Document) Form(t *Token) string { return d.Text[t.Start:t.End] }

// Sentence is a run of tokens, Tokens[First:Last] of the document.
type Sentence struct {
	First, Last int
	// Dateline marks the dateline that opens a wire story ("BRISTOL,
	// March 3 (Wire) -"): where and when the story was filed, which
	// states no fact. Its words before the first comma name the place.
	Dateline bool
}

// Len is the number of words in the sentence.
func (s Sentence) Len() int { return s.Last - s.First }

// Span returns the byte offsets of the sentence in the document's text.
func (d *Document) Span(s Sentence) (start, end int) {
	if s.Len() == 0 {
		return 0, 0
	}
	return d.Tokens[s.First].Start, d.Tokens[s.Last-1].End
}

// Words returns the tokens of sentence s; token i of the sentence has CoNLL-U
// ID i+1, which is what Token.Head refers to.
func (d *Document) Words(s Sentence) []Token { return d.Tokens[s.First:s.Last] }

// TimeAt returns the time expression that token i (a document index)
// belongs to, if any. Times are in text order and do not overlap, so it
// is a binary search, not a scan: the clause and fact readers ask it for
// many tokens of long documents.
func (d *Document) TimeAt(i int) (TimeExpr, bool) {
	k := sort.Search(len(d.Times), func(k int) bool { return d.Times[k].First > i }) - 1
	if k < 0 || i >= d.Times[k].Last {
		return TimeExpr{}, false
	}
	return d.Times[k], true
}

// CaseMarker returns the lower-cased case marker of token i (a document
// index) of sentence s: the preposition of a prepositional phrase ("with"
// in "spoke with Trump"), or "" if the parse gives it none.
func (d *Document) CaseMarker(s Sentence, i int) string {
	for j := s.First; j < s.Last; j++ {
		if t := &d.Tokens[j]; t.Head == i-s.First+1 && t.DepRel == "case" {
			return strings.ToLower(d.Form(t))
		}
	}
	return ""
}

// Acts tells whether verb i (a document index) of sentence s has an
// object or a verb as its open complement: "it would cut jobs", "it had
// agreed to buy", not "it seemed unlikely". Later stages use it to tell a
// pronoun that stands for an actor from "it" that stands for no one.
func (d *Document) Acts(s Sentence, i int) bool {
	for j := s.First; j < s.Last; j++ {
		t := &d.Tokens[j]
		if t.Head == i-s.First+1 && (t.DepRel == "obj" || t.DepRel == "xcomp" && t.UPOS == "VERB") {
			return true
		}
	}
	return false
}

// SentenceText returns the text a sentence covers.
func (d *Document) SentenceText(s Sentence) string {
	start, end := d.Span(s)
	return d.Text[start:end]
}

// A Stage is one step of the pipeline. It reads what earlier stages put in
// the document and adds its own layer; it must not change earlier layers.
// Stages are safe for concurrent use on different documents.
type Stage interface {
	Process(ctx context.Context, doc *Document) error
}

// StageFunc adapts a function to the Stage interface.
type StageFunc func(ctx context.Context, doc *Document) error

// Process calls f(ctx, doc).
func (f StageFunc) Process(ctx context.Context, doc *Document) error { return f(ctx, doc) }

// Pipeline runs stages in order, stopping at the first error.
type Pipeline []Stage

// Process runs every stage on doc.
func (p Pipeline) Process(ctx context.Context, doc *Document) error {
	for _, s := range p {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := s.Process(ctx, doc); err != nil {
			if doc.Name != "" {
				return fmt.Errorf("%s: %w", doc.Name, err)
			}
			return err
		}
	}
	return nil
}

// ProcessBatch runs every stage over all of docs, one stage at a time: each
// stage's model then stays in the processor's caches for the whole batch,
// which is markedly faster than running documents through the pipeline one
// by one. errs[i] is document i's error; a document that fails is left
// out of the later stages, and the others go on. A cancelled context stops
// the batch and is returned as every unfinished document's error.
func (p Pipeline) ProcessBatch(ctx context.Context, docs []*Document) (errs []error) {
	errs = make([]error, len(docs))
	for _, s := range p {
		for i, doc := range docs {
			if errs[i] != nil {
				continue
			}
			if err := ctx.Err(); err != nil {
				errs[i] = err
				continue
			}
			if err := s.Process(ctx, doc); err != nil {
				if doc.Name != "" {
					err = fmt.Errorf("%s: %w", doc.Name, err)
				}
				errs[i] = err
			}
		}
	}
	return errs
}
