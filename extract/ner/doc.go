package ner

import (
	"context"

	"github.com/newsgraph/newsgraph/extract"
)

// source is a document to label.
type source interface {
	sentences() int
	// sentence appends the forms and the UPOS tags of sentence i to forms
	// and upos; upos is returned nil when the words have no tags.
	sentence(i int, forms, upos []string) ([]string, []string)
}

// sentenceSource is a document given as labelled sentences.
type sentenceSource []Sentence

func (s sentenceSource) sentences() int { return len(s) }

func (s sentenceSource) sentence(i int, forms, upos []string) ([]string, []string) {
	if s[i].UPOS == nil {
		upos = nil
	} else {
		upos = append(upos[:0], s[i].UPOS...)
	}
	return append(forms[:0], s[i].Forms...), upos
}

// docSource is a pipeline document.
type docSource struct{ doc *extract.Document }

func (d docSource) sentences() int { return len(d.doc.Sentences) }

func (d docSource) sentence(i int, forms, upos []string) ([]string, []string) {
	s := d.doc.Sentences[i]
	forms, upos = forms[:0], upos[:0]
	tagged := false
	for k := s.First; k < s.Last; k++ {
		t := &d.doc.Tokens[k]
		forms = append(forms, d.doc.Form(t))
		upos = append(upos, t.UPOS)
		tagged = tagged || t.UPOS != ""
	}
	if !tagged {
		upos = nil
	}
	return forms, upos
}

// scorer scores features: a trained model, or the trainer's current
// weights during training.
type scorer interface {
	Score(feats []uint64, scores []float32)
}

// labeller labels documents with one set of weights.
type labeller struct {
	labels *labelSet
	lex    *lexicon
	emit   scorer
	trans  []float32 // transition weights, as viterbi takes them
}

// scratch is the working memory of labelling one document.
type scratch struct {
	forms, upos []string
	toks        []token
	feats       []uint64
	offsets     []int // word i's features are feats[offsets[i]:offsets[i+1]]
	emit        []float32
	back        []int32
	labels      []int
	ents        []Entity
	dc          docContext

	// What the first pass found, for the second: the labels and word
	// hashes of the whole document, sentence s at [starts[s], starts[s+1]),
	// and how often each word was labelled inside a name of each type.
	first  []int
	words  []uint64
	starts []int
	found  map[uint64]*[maxTypes]int32
	// The first pass's word scores and what the second pass's extra
	// features need of each word, so that it can score just those.
	emits []float32
	looks []look
}

// look is what the features of foundFeatures need of a word.
type look struct{ short, first, capBucket uint64 }

func newScratch() *scratch {
	return &scratch{dc: newDocContext(), found: map[uint64]*[maxTypes]int32{}}
}

// labelDoc labels a document in two passes. The first labels every
// sentence on its own; the second labels again, with features telling how
// the first pass labelled each word in the document's other sentences, so
// that a name recognised in one place helps with it everywhere (a person
// named in full, then by surname; a place in a clear context, then in a
// headline). After the second pass over sentence s, done(s) is called with
// the sentence's features and labels in sc.
//
// A sentence whose words occur in no name found elsewhere has the same
// features in both passes; unless all is set, it is not labelled again.
// A cancelled context stops the labelling between sentences.
func (lb *labeller) labelDoc(ctx context.Context, sc *scratch, src source, all bool, done func(s int)) error {
	n := src.sentences()
	sc.dc.reset()
	for s := range n {
		sc.forms, sc.upos = src.sentence(s, sc.forms, sc.upos)
		sc.dc.add(sc.forms)
	}
	clear(sc.found)
	sc.first, sc.words, sc.starts = sc.first[:0], sc.words[:0], sc.starts[:0]
	sc.emits, sc.looks = sc.emits[:0], sc.looks[:0]
	for s := range n {
		if err := ctx.Err(); err != nil {
			return err
		}
		sc.forms, sc.upos = src.sentence(s, sc.forms, sc.upos)
		lb.decode(sc, s, false)
		sc.starts = append(sc.starts, len(sc.first))
		sc.first = append(sc.first, sc.labels...)
		sc.emits = append(sc.emits, sc.emit...)
		for i := range sc.toks {
			t := &sc.toks[i]
			sc.looks = append(sc.looks, look{t.short, t.first, profCap(t.prof)})
			sc.words = append(sc.words, sc.toks[i].word)
			if t, _ := lb.labels.split(sc.labels[i]); t >= 0 {
				c := sc.found[sc.toks[i].word]
				if c == nil {
					c = new([maxTypes]int32)
					sc.found[sc.toks[i].word] = c
				}
				c[t]++
			}
		}
	}
	sc.starts = append(sc.starts, len(sc.first))
	for s := range n {
		switch {
		case all:
			sc.forms, sc.upos = src.sentence(s, sc.forms, sc.upos)
			lb.decode(sc, s, true)
		case lb.affected(sc, s):
			lb.rescore(sc, s)
		default:
			sc.labels = append(sc.labels[:0], sc.first[sc.starts[s]:sc.starts[s+1]]...)
		}
		done(s)
	}
	return nil
}

// affected tells whether a word of sentence s was labelled inside a name
// in another sentence by the first pass.
func (lb *labeller) affected(sc *scratch, s int) bool {
	for i := sc.starts[s]; i < sc.starts[s+1]; i++ {
		if lb.foundElsewhere(sc, s, i-sc.starts[s]) != 0 {
			return true
		}
	}
	return false
}

// foundElsewhere codes how the first pass labelled word i of sentence s
// in the document's other sentences: per type, none, once, or more often.
// It is 0 when the word was not found in any name there.
func (lb *labeller) foundElsewhere(sc *scratch, s, i int) uint64 {
	base := sc.starts[s]
	w := sc.words[base+i]
	c := sc.found[w]
	if c == nil {
		return 0
	}
	counts := *c
	for j := base; j < sc.starts[s+1]; j++ {
		if sc.words[j] == w {
			if t, _ := lb.labels.split(sc.first[j]); t >= 0 {
				counts[t]--
			}
		}
	}
	var code uint64
	for t := range lb.labels.types {
		code = code*3 + uint64(min(counts[t], 2))
	}
	return code
}

// rescore labels sentence s again for the second pass, adding the scores
// of the features of what the first pass found elsewhere to the first
// pass's scores: the same as decode, without computing the words'
// other features again. It leaves only the labels in sc.labels.
func (lb *labeller) rescore(sc *scratch, s int) {
	n := lb.labels.n
	base, end := sc.starts[s], sc.starts[s+1]
	sc.emit = append(sc.emit[:0], sc.emits[base*n:end*n]...)
	for i := base; i < end; i++ {
		code := lb.foundElsewhere(sc, s, i-base)
		if code == 0 {
			continue
		}
		l := &sc.looks[i]
		sc.feats = foundFeatures(sc.feats[:0], code, l.short, l.first, l.capBucket)
		lb.emit.Score(sc.feats, sc.emit[(i-base)*n:])
	}
	sc.back, sc.labels = lb.labels.viterbi(sc.emit, lb.trans, end-base, sc.back, sc.labels)
}

// decode labels the sentence in sc.forms and sc.upos, sentence s of the
// document, leaving its words in sc.toks, their features in sc.feats and
// the labels in sc.labels. In the second pass (second set), the words get
// the features of what the first pass found elsewhere.
func (lb *labeller) decode(sc *scratch, s int, second bool) {
	n := lb.labels.n
	sc.toks = lb.lex.prepare(sc.forms, sc.upos, sc.dc, sc.toks)
	if second {
		for i := range sc.toks {
			sc.toks[i].found = lb.foundElsewhere(sc, s, i)
		}
	}
	sc.feats, sc.offsets, sc.emit = sc.feats[:0], sc.offsets[:0], sc.emit[:0]
	for i := range sc.toks {
		sc.offsets = append(sc.offsets, len(sc.feats))
		sc.feats = features(sc.feats, sc.toks, i, len(lb.labels.types))
		for range n {
			sc.emit = append(sc.emit, 0)
		}
		lb.emit.Score(sc.feats[sc.offsets[i]:], sc.emit[i*n:])
	}
	sc.offsets = append(sc.offsets, len(sc.feats))
	sc.back, sc.labels = lb.labels.viterbi(sc.emit, lb.trans, len(sc.toks), sc.back, sc.labels)
}
