package ner

import (
	"slices"
	"sort"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract/gazetteer"
	"github.com/newsgraph/newsgraph/extract/perceptron"
)

// lexicon is what the recogniser knows about words from its training data:
// how each word is used (how often, how often capitalised, how often inside
// a name of each type), and the names seen, as a gazetteer.
type lexicon struct {
	// words maps a normalised word to its profile (see profile).
	words map[string]uint64
	// names maps a name, its normalised words joined by spaces, to the
	// set of types it was seen with (bit i for type i).
	names map[string]uint8
	// nameIndex is names keyed by the hash of the word sequence, so that
	// matching needs no string building.
	nameIndex map[uint64]uint8
	maxName   int // words in the longest name
	grams     gramModel
	// gramCounts are the counts grams was made from, kept to be saved.
	gramCounts gramCounts
	// world is the project's gazetteer of countries, cities,
	// organisations, regions and titles.
	world *gazetteer.Gazetteer
	// clusters maps a normalised word to its Brown cluster path (see
	// brownClusters).
	clusters map[string]uint64
}

// maxNameWords bounds the names kept in the gazetteer: longer ones are
// titles and slogans that never recur.
const maxNameWords = 6

// wordCount is what counting the training data finds about one word.
type wordCount struct {
	n        int           // occurrences
	inner    int           // occurrences not at the start of a sentence
	capInner int           // of those, capitalised
	inside   [maxTypes]int // occurrences inside a name, by type
}

// maxTypes bounds the entity types: type sets are bytes.
const maxTypes = 8

// buildLexicon counts words and names in labelled sentences. types are the
// entity types in class order.
func buildLexicon(sents []Sentence, types []string) lexicon {
	typeIndex := make(map[string]int, len(types))
	for i, t := range types {
		typeIndex[t] = i
	}
	counts := map[string]*wordCount{}
	names := map[string]uint8{}
	gc := newGramCounts(len(types) + 1)
	var norms []string
	for si := range sents {
		s := &sents[si]
		norms = norms[:0]
		for _, f := range s.Forms {
			norms = append(norms, normalize(f))
		}
		start := sentenceStart(s.Forms)
		for i, n := range norms {
			c := counts[n]
			if c == nil {
				c = &wordCount{}
				counts[n] = c
			}
			c.n++
			if i > start {
				c.inner++
				if capitalised(s.Forms[i]) {
					c.capInner++
				}
			}
		}
		inside := make([]bool, len(norms))
		for _, e := range Entities(s.Labels) {
			t, ok := typeIndex[e.Type]
			if !ok {
				continue
			}
			for i := e.First; i < e.Last; i++ {
				inside[i] = true
				gc.add(norms[i], t)
				counts[norms[i]].inside[t]++
			}
			if e.Last-e.First <= maxNameWords {
				names[joinWords(norms[e.First:e.Last])] |= 1 << t
			}
		}
		for i, f := range s.Forms {
			if !inside[i] && capitalised(f) {
				gc.add(norms[i], len(types))
			}
		}
	}
	words := make(map[string]uint64, len(counts))
	for w, c := range counts {
		words[w] = profile(c, len(types))
	}
	lx := newLexicon(words, names)
	lx.setGrams(gc)
	return lx
}

// newLexicon indexes a lexicon's tables.
func newLexicon(words map[string]uint64, names map[string]uint8) lexicon {
	lx := lexicon{words: words, names: names, nameIndex: make(map[uint64]uint8, len(names)), world: gazetteer.Default()}
	// Sorted, so that the index is built the same way every time.
	keys := make([]string, 0, len(names))
	for k := range names {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		h, n := hashWords(k)
		lx.nameIndex[h] |= names[k]
		lx.maxName = max(lx.maxName, n)
	}
	return lx
}

// Profile layout: the frequency bucket, the capitalisation bucket, and a
// share bucket per type, each in its own bits.
const (
	profFreqBits  = 2
	profCapBits   = 3
	profShareBits = 2
	profCapShift  = profFreqBits
	profTypeShift = profCapShift + profCapBits
)

// profile condenses a word's counts into a small code: how frequent it is,
// how often it is capitalised inside a sentence, and for each type how
// large a share of its occurrences lie inside names of that type.
func profile(c *wordCount, ntypes int) uint64 {
	var freq uint64
	switch {
	case c.n >= 20:
		freq = 3
	case c.n >= 5:
		freq = 2
	case c.n >= 2:
		freq = 1
	}
	code := freq | capBucket(c.capInner, c.inner)<<profCapShift
	for t := 0; t < ntypes; t++ {
		code |= shareBucket(c.inside[t], c.n) << (profTypeShift + profShareBits*t)
	}
	return code
}

// profFreq, profCap and profShare take a profile apart.
func profFreq(code uint64) uint64 { return code & (1<<profFreqBits - 1) }
func profCap(code uint64) uint64  { return code >> profCapShift & (1<<profCapBits - 1) }
func profShare(code uint64, t int) uint64 {
	return code >> (profTypeShift + profShareBits*t) & (1<<profShareBits - 1)
}

// capBucket buckets the share of capitalised occurrences; 0 means the word
// was never seen inside a sentence.
func capBucket(caps, n int) uint64 {
	switch {
	case n == 0:
		return 0
	case caps == 0:
		return 1
	case caps*10 < n:
		return 2
	case caps*2 < n:
		return 3
	case caps*10 < 9*n:
		return 4
	case caps < n:
		return 5
	}
	return 6
}

// shareBucket buckets a share: none, under a third, under two thirds, more.
func shareBucket(k, n int) uint64 {
	switch {
	case k == 0:
		return 0
	case 3*k < n:
		return 1
	case 3*k < 2*n:
		return 2
	}
	return 3
}

// joinWords joins normalised words with spaces, the gazetteer's key.
func joinWords(words []string) string {
	n := 0
	for _, w := range words {
		n += len(w) + 1
	}
	b := make([]byte, 0, n)
	for i, w := range words {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, w...)
	}
	return string(b)
}

// hashWords hashes a gazetteer key word by word, as matching does, and
// returns the number of words.
func hashWords(key string) (uint64, int) {
	var h uint64
	n := 0
	for len(key) > 0 {
		w := key
		if i := indexSpace(key); i >= 0 {
			w, key = key[:i], key[i+1:]
		} else {
			key = ""
		}
		h = extendName(h, n, perceptron.Hash(w))
		n++
	}
	return h, n
}

func indexSpace(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' {
			return i
		}
	}
	return -1
}

// extendName adds the k-th word (by its hash) to the hash h of a name.
func extendName(h uint64, k int, word uint64) uint64 {
	if k == 0 {
		return perceptron.Mix(0x51ed27, word)
	}
	return perceptron.Mix(h, word)
}

// capitalised tells whether a form starts with an upper-case letter.
func capitalised(form string) bool {
	r, _ := utf8.DecodeRuneInString(form)
	return unicode.IsUpper(r)
}

// sentenceStart is the index of a sentence's first word that starts with a
// letter or digit: the one that is capitalised whatever it is. Leading
// quotes, dashes and bullets are skipped.
func sentenceStart(forms []string) int {
	for i, f := range forms {
		r, _ := utf8.DecodeRuneInString(f)
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return i
		}
	}
	return 0
}

// sortedTypes lists the entity types of labelled sentences, sorted.
func sortedTypes(sents []Sentence) []string {
	seen := map[string]bool{}
	for i := range sents {
		for _, e := range Entities(sents[i].Labels) {
			seen[e.Type] = true
		}
	}
	types := make([]string, 0, len(seen))
	for t := range seen {
		types = append(types, t)
	}
	slices.Sort(types)
	return types
}
