// Package ner is newsgraph's named-entity recogniser: it finds the names of
// persons (PER), organisations (ORG) and places (LOC) in tokenised text,
// following the UniversalNER guidelines it is trained on.
//
// The recogniser is a linear-chain model trained as a structured averaged
// perceptron (Collins 2002): every word gets a score for each BILOU label
// from hashed features of the words around it, label pairs get transition
// weights, and Viterbi decoding finds the best well-formed labelling of a
// sentence. Besides the usual word, affix and shape features, it uses what
// training data teaches about words (how often each is capitalised inside
// a sentence and how often it is part of a name of each type), a gazetteer
// of the names seen in training, the project's own gazetteer of countries,
// capitals, organisations, regions and titles (package gazetteer), Brown
// clusters of the training text's words (learnt without labels: words used
// alike share cluster prefixes, so what is learnt of one carries to the
// others), a character-trigram guess at the type of unseen words, and what
// the rest of the document says of each word: how it is written elsewhere
// (which tells a name from a capitalised common word at the start of a
// sentence or in a headline), the words around its other occurrences, and,
// in a second pass, how the first pass labelled it elsewhere. The lexicon
// features are learnt from held-out folds of the training documents, so
// that the model learns how far to trust them on words it has not seen.
// Several perceptrons are trained on differently shuffled data and summed
// into one model: the ensemble errs less than its members and, the model
// being linear, runs as fast as one of them.
//
// The recogniser also uses the words' UPOS tags when they are set (a
// proper noun is a strong hint), so it should be trained on text tagged
// the way it will be tagged at run time, by the pipeline's tagger (see
// Tag). It runs without tags too, less accurately.
package ner

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"sync"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/modelfile"
	"github.com/newsgraph/newsgraph/extract/perceptron"
)

// fTransition is the feature that carries the transition weights in the
// transition model, whose classes are label pairs.
const fTransition = 1

// Model is a trained recogniser. It is immutable and safe for concurrent
// use.
type Model struct {
	labels labelSet
	lex    lexicon
	emit   *perceptron.Model // classes: the labels
	trans  *perceptron.Model // classes: label pairs, previous·n + next
	transW []float32         // trans's weights, laid out for viterbi
	pool   sync.Pool
}

func newModel(types []string, lex lexicon, emit, trans *perceptron.Model) (*Model, error) {
	m := &Model{labels: newLabelSet(types), lex: lex, emit: emit, trans: trans}
	n := m.labels.n
	if len(emit.Classes()) != n || len(trans.Classes()) != (n+1)*n {
		return nil, fmt.Errorf("ner: %d types but %d labels and %d label pairs", len(types), len(emit.Classes()), len(trans.Classes()))
	}
	m.transW = make([]float32, (n+1)*n)
	trans.Score([]uint64{fTransition}, m.transW)
	m.pool.New = func() any { return newScratch() }
	return m, nil
}

func (m *Model) labeller() *labeller {
	return &labeller{labels: &m.labels, lex: &m.lex, emit: m.emit, trans: m.transW}
}

// Types returns the entity types the model recognises, sorted.
func (m *Model) Types() []string { return m.labels.types }

// Process finds the names in doc, whose tokens and sentences must be set,
// and stores them in doc.Mentions, replacing what was there. Each mention
// lies within one sentence. The words' UPOS tags are used when set.
func (m *Model) Process(ctx context.Context, doc *extract.Document) error {
	sc := m.pool.Get().(*scratch)
	defer m.pool.Put(sc)
	doc.Mentions = doc.Mentions[:0]
	return m.labeller().labelDoc(ctx, sc, docSource{doc}, false, func(s int) {
		first := doc.Sentences[s].First
		sc.ents = m.labels.entities(sc.labels, sc.ents[:0])
		if doc.Sentences[s].Dateline {
			sc.ents = datelinePlace(doc, doc.Sentences[s], sc.ents)
		}
		for _, e := range sc.ents {
			doc.Mentions = append(doc.Mentions, extract.Mention{
				Span: extract.Span{First: first + e.First, Last: first + e.Last},
				Type: e.Type,
			})
		}
	})
}

// Predict returns copies of sents labelled by the model. Sentences are
// read as documents, a new one starting at every sentence marked NewDoc.
func (m *Model) Predict(sents []Sentence) []Sentence {
	sc := m.pool.Get().(*scratch)
	defer m.pool.Put(sc)
	out := make([]Sentence, len(sents))
	lb := m.labeller()
	for _, d := range documents(sents) {
		// A background context is never cancelled: no error.
		_ = lb.labelDoc(context.Background(), sc, sentenceSource(sents[d.first:d.last]), false, func(s int) {
			i := d.first + s
			out[i] = sents[i]
			out[i].Labels = Labels(len(sents[i].Forms), m.labels.entities(sc.labels, sc.ents[:0]))
		})
	}
	return out
}

// docRange is a document of a list of sentences, sents[first:last].
type docRange struct{ first, last int }

// documents splits sentences into documents at the sentences marked NewDoc.
func documents(sents []Sentence) []docRange {
	var out []docRange
	for i := range sents {
		if i == 0 || sents[i].NewDoc {
			out = append(out, docRange{first: i})
		}
		out[len(out)-1].last = i + 1
	}
	return out
}

// WriteTo writes the model in newsgraph's model file format.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	mw := modelfile.NewWriter(w, "ner")
	mw.Strings(m.labels.types)
	words := make([]string, 0, len(m.lex.words))
	for word := range m.lex.words {
		words = append(words, word)
	}
	sort.Strings(words)
	mw.Strings(words)
	for _, word := range words {
		mw.Uvarint(m.lex.words[word])
	}
	names := make([]string, 0, len(m.lex.names))
	for name := range m.lex.names {
		names = append(names, name)
	}
	sort.Strings(names)
	mw.Strings(names)
	for _, name := range names {
		mw.Uvarint(uint64(m.lex.names[name]))
	}
	gc := m.lex.gramCounts
	grams := make([]string, 0, len(gc.counts))
	for g := range gc.counts {
		grams = append(grams, g)
	}
	sort.Strings(grams)
	mw.Uvarint(uint64(gc.classes))
	mw.Strings(grams)
	for _, g := range grams {
		for _, c := range gc.counts[g][:gc.classes] {
			mw.Uvarint(uint64(c))
		}
	}
	clustered := make([]string, 0, len(m.lex.clusters))
	for word := range m.lex.clusters {
		clustered = append(clustered, word)
	}
	sort.Strings(clustered)
	mw.Strings(clustered)
	for _, word := range clustered {
		mw.Uvarint(m.lex.clusters[word])
	}
	mw.Model(m.emit)
	mw.Model(m.trans)
	return mw.Close()
}

// Load reads a model written by WriteTo.
func Load(r io.Reader) (*Model, error) {
	mr, err := modelfile.NewReader(r, "ner")
	if err != nil {
		return nil, err
	}
	types := mr.Strings()
	if len(types) > maxTypes {
		return nil, fmt.Errorf("ner model: %d entity types, at most %d supported", len(types), maxTypes)
	}
	wordList := mr.Strings()
	words := make(map[string]uint64, len(wordList))
	for _, w := range wordList {
		words[w] = mr.Uvarint()
	}
	nameList := mr.Strings()
	names := make(map[string]uint8, len(nameList))
	for _, n := range nameList {
		names[n] = uint8(mr.Int(1<<maxTypes - 1))
	}
	gc := newGramCounts(mr.Int(maxTypes + 1))
	for _, g := range mr.Strings() {
		c := new([maxTypes + 1]uint32)
		for k := range gc.classes {
			c[k] = uint32(mr.Int(math.MaxUint32))
		}
		gc.counts[g] = c
	}
	clusterList := mr.Strings()
	clusters := make(map[string]uint64, len(clusterList))
	for _, w := range clusterList {
		clusters[w] = mr.Uvarint()
	}
	emit := mr.Model()
	trans := mr.Model()
	if err := mr.Err(); err != nil {
		return nil, fmt.Errorf("ner model: %w", err)
	}
	if len(types) == 0 {
		return nil, errors.New("ner model: no entity types")
	}
	if gc.classes != len(types)+1 {
		return nil, fmt.Errorf("ner model: %d spelling classes for %d types", gc.classes, len(types))
	}
	lex := newLexicon(words, names)
	lex.setGrams(gc)
	lex.clusters = clusters
	m, err := newModel(types, lex, emit, trans)
	if err != nil {
		return nil, fmt.Errorf("ner model: %w", err)
	}
	return m, nil
}

// datelinePlace returns the entities of dateline sentence s with its place,
// the words before the first comma ("BRISTOL", "RIO DE JANEIRO"), as one
// LOC entity in place of whatever the model read there: the model, trained
// on mixed-case web text, reads a city in capitals as anything, most often
// a person.
func datelinePlace(doc *extract.Document, s extract.Sentence, ents []Entity) []Entity {
	end := 0
	for end < s.Len() && doc.Form(&doc.Tokens[s.First+end]) != "," {
		end++
	}
	if end == 0 || end == s.Len() {
		return ents // no comma: not the usual shape, leave it to the model
	}
	out := []Entity{{First: 0, Last: end, Type: "LOC"}}
	for _, e := range ents {
		if e.First >= end {
			out = append(out, e)
		}
	}
	return out
}
