package parse

import (
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract/conllu"
	"github.com/newsgraph/newsgraph/extract/modelfile"
	"github.com/newsgraph/newsgraph/extract/perceptron"
)

// vocab is the set of normalised word forms (as hashes) seen often enough
// in training to have features of their own. Rarer and unseen words share
// the features of their shape: a word seen once teaches little about its
// own attachments, and its features would crowd the model's tables.
type vocab map[uint64]struct{}

// maxVocab bounds the vocabulary read from a model file.
const maxVocab = 1 << 24

// newVocab returns the words of train that occur at least min times.
func newVocab(train []conllu.Sentence, min int) vocab {
	counts := make(map[uint64]int)
	var buf []byte
	for _, s := range train {
		for _, w := range s.Words {
			buf = normalize(buf[:0], w.Form)
			counts[perceptron.Hash(string(buf))]++
		}
	}
	v := make(vocab)
	for h, n := range counts {
		if n >= min {
			v[h] = struct{}{}
		}
	}
	return v
}

// word returns the hash word features use for a word whose normalised
// form hashes to h: h itself for a known word, else its shape's. A nil
// vocabulary knows every word.
func (v vocab) word(h uint64, form string) uint64 {
	if _, ok := v[h]; ok || v == nil {
		return h
	}
	return perceptron.Mix(hUnknown, shape(form))
}

// shape classifies an unknown word by its first letter's case and whether
// it has digits, hyphens or non-letters.
func shape(form string) uint64 {
	var s uint64
	if r, _ := utf8.DecodeRuneInString(form); unicode.IsUpper(r) {
		s |= 1
	}
	for _, r := range form {
		switch {
		case unicode.IsDigit(r):
			s |= 2
		case r == '-':
			s |= 4
		case !unicode.IsLetter(r):
			s |= 8
		}
	}
	return s
}

// write writes the vocabulary sorted, as deltas.
func (v vocab) write(w *modelfile.Writer) {
	hs := make([]uint64, 0, len(v))
	for h := range v {
		hs = append(hs, h)
	}
	slices.Sort(hs)
	w.Uvarint(uint64(len(hs)))
	var prev uint64
	for _, h := range hs {
		w.Uvarint(h - prev)
		prev = h
	}
}

// readVocab reads a vocabulary written by write.
func readVocab(r *modelfile.Reader) vocab {
	n := r.Int(maxVocab)
	v := make(vocab, n)
	var h uint64
	for i := 0; i < n && r.Err() == nil; i++ {
		h += r.Uvarint()
		v[h] = struct{}{}
	}
	return v
}
