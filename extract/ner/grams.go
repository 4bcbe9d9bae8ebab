package ner

import (
	"math"
	"unicode/utf8"
)

// gramModel is a naive Bayes model of how the words of names of each type
// are spelt, over character trigrams: "-ville" and "-ia" make places,
// "Mc-" and "-son" persons, "-tech" and "-corp" organisations. Its last
// class is capitalised words outside names. It gives words never seen in
// training a guess at their type.
type gramModel struct {
	classes int
	// logp maps the hash of a trigram to log P(trigram | class).
	logp    map[uint64][maxTypes + 1]float32
	unknown [maxTypes + 1]float32 // log P of a trigram never seen
}

// gramCounts counts the trigrams of each class.
type gramCounts struct {
	classes int
	counts  map[string]*[maxTypes + 1]uint32
}

func newGramCounts(classes int) gramCounts {
	return gramCounts{classes: classes, counts: map[string]*[maxTypes + 1]uint32{}}
}

// add counts the trigrams of a normalised word for class.
func (gc *gramCounts) add(norm string, class int) {
	for g := range trigramStrings(norm) {
		c := gc.counts[g]
		if c == nil {
			c = new([maxTypes + 1]uint32)
			gc.counts[g] = c
		}
		c[class]++
	}
}

// setGrams makes the lexicon's trigram model from counts.
func (lx *lexicon) setGrams(gc gramCounts) {
	lx.gramCounts = gc
	gm := gramModel{classes: gc.classes, logp: make(map[uint64][maxTypes + 1]float32, len(gc.counts))}
	var totals [maxTypes + 1]float64
	for _, c := range gc.counts {
		for k := range gc.classes {
			totals[k] += float64(c[k])
		}
	}
	v := float64(len(gc.counts) + 1)
	for k := range gc.classes {
		gm.unknown[k] = float32(math.Log(0.5 / (totals[k] + 0.5*v)))
	}
	for g, c := range gc.counts {
		var lp [maxTypes + 1]float32
		for k := range gc.classes {
			lp[k] = float32(math.Log((float64(c[k]) + 0.5) / (totals[k] + 0.5*v)))
		}
		gm.logp[hashTrigram(g)] = lp
	}
	lx.grams = gm
}

// trigramStrings yields the character trigrams of a word padded with
// boundary marks: "^ab", "abc", ..., "yz$".
func trigramStrings(norm string) func(yield func(string) bool) {
	return func(yield func(string) bool) {
		padded := "^" + norm + "$"
		var starts [3]int // byte offsets of the last three runes
		n := 0
		for i := range padded {
			starts[0], starts[1], starts[2] = starts[1], starts[2], i
			n++
			if n < 3 {
				continue
			}
			_, size := utf8.DecodeRuneInString(padded[i:])
			if !yield(padded[starts[0] : i+size]) {
				return
			}
		}
	}
}

// hashTrigram hashes a trigram (FNV-1a over its bytes, as
// perceptron.Hash), so that trigrams can be hashed rune by rune.
func hashTrigram(g string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(g); i++ {
		h ^= uint64(g[i])
		h *= 1099511628211
	}
	return h
}

// guess returns the most likely class of a word and a bucket of how much
// more likely it is than the next one, coded as 1+4·class+bucket.
func (gm *gramModel) guess(norm string) uint64 {
	if gm.classes == 0 {
		return 0
	}
	var ll [maxTypes + 1]float32
	// Trigrams are hashed from a sliding window of the padded word's
	// bytes, without building strings.
	var win [3 * utf8.UTFMax]byte
	var sizes [3]int
	runes := 0
	add := func(r rune) {
		var buf [utf8.UTFMax]byte
		size := utf8.EncodeRune(buf[:], r)
		if runes >= 3 {
			copy(win[:], win[sizes[0]:sizes[0]+sizes[1]+sizes[2]])
			sizes[0], sizes[1] = sizes[1], sizes[2]
			runes = 2
		}
		off := 0
		for k := 0; k < runes; k++ {
			off += sizes[k]
		}
		copy(win[off:], buf[:size])
		sizes[runes] = size
		runes++
		if runes < 3 {
			return
		}
		h := uint64(14695981039346656037)
		for _, c := range win[:sizes[0]+sizes[1]+sizes[2]] {
			h ^= uint64(c)
			h *= 1099511628211
		}
		lp, ok := gm.logp[h]
		if !ok {
			lp = gm.unknown
		}
		for k := range gm.classes {
			ll[k] += lp[k]
		}
	}
	add('^')
	for _, r := range norm {
		add(r)
	}
	add('$')
	best, second := 0, -1
	for k := 1; k < gm.classes; k++ {
		switch {
		case ll[k] > ll[best]:
			best, second = k, best
		case second < 0 || ll[k] > ll[second]:
			second = k
		}
	}
	var bucket uint64
	if second >= 0 {
		switch d := ll[best] - ll[second]; {
		case d >= 6:
			bucket = 3
		case d >= 3:
			bucket = 2
		case d >= 1:
			bucket = 1
		}
	}
	return 1 + 4*uint64(best) + bucket
}
