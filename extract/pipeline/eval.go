package pipeline

import (
	"context"
	"time"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/conllu"
	"github.com/newsgraph/newsgraph/extract/segment"
	"github.com/newsgraph/newsgraph/extract/udeval"
)

// Evaluation is the result of running the pipeline over a treebank.
type Evaluation struct {
	Report  udeval.Report
	Words   int           // words the pipeline produced
	Elapsed time.Duration // time spent in the pipeline (reading and scoring excluded)
}

// EvaluateGoldTokens runs the analysis stages (tagger, lemmatiser, parser)
// on the treebank's own words and sentences and scores the result.
func (m *Models) EvaluateGoldTokens(ctx context.Context, gold []conllu.Sentence) (Evaluation, error) {
	doc := conllu.ToDocument(gold)
	for i := range doc.Tokens {
		t := &doc.Tokens[i]
		*t = extract.Token{Start: t.Start, End: t.End, MultiWord: t.MultiWord, SpaceAfter: t.SpaceAfter}
	}
	start := time.Now()
	if err := m.Analysis().Process(ctx, doc); err != nil {
		return Evaluation{}, err
	}
	return score(gold, []*extract.Document{doc}, time.Since(start))
}

// EvaluateRaw runs the whole pipeline on the treebank's raw text, laid out
// as in the CoNLL 2018 shared task (one text per document, paragraphs
// separated by blank lines), and scores the result.
func (m *Models) EvaluateRaw(ctx context.Context, gold []conllu.Sentence) (Evaluation, error) {
	var docs []*extract.Document
	for _, part := range documents(gold) {
		docs = append(docs, &extract.Document{Text: segment.RawText(part)})
	}
	p := m.Pipeline()
	start := time.Now()
	for _, doc := range docs {
		if err := p.Process(ctx, doc); err != nil {
			return Evaluation{}, err
		}
	}
	return score(gold, docs, time.Since(start))
}

// documents splits a treebank at its "# newdoc" comments.
func documents(sents []conllu.Sentence) [][]conllu.Sentence {
	var out [][]conllu.Sentence
	for i, s := range sents {
		if i == 0 || s.NewDoc {
			out = append(out, nil)
		}
		out[len(out)-1] = append(out[len(out)-1], s)
	}
	return out
}

func score(gold []conllu.Sentence, docs []*extract.Document, elapsed time.Duration) (Evaluation, error) {
	var sys []conllu.Sentence
	words := 0
	for _, d := range docs {
		sys = append(sys, conllu.FromDocument(d)...)
		words += len(d.Tokens)
	}
	rep, err := udeval.Evaluate(gold, sys)
	if err != nil {
		return Evaluation{}, err
	}
	return Evaluation{Report: rep, Words: words, Elapsed: elapsed}, nil
}
