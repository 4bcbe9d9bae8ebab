package gazetteer

// maxWords bounds the words a match can span; no phrase of the data is
// longer.
const maxWords = 24

// A trie indexes phrases word by word, so that the longest phrase at a
// position of a token sequence is found in one left-to-right walk.
type trie struct {
	edges map[edge]int32 // node and next word key → child node; node 0 is the root
	ends  [][]cand       // the phrases ending at each node, nil for most
}

type edge struct {
	node int32
	key  string
}

// A cand is one phrase that ends at a trie node: a name, demonym or title,
// and how it must be written.
type cand struct {
	val int32 // index of the entry or title
	// forms are the phrase's words as written where a word is cased (an
	// acronym, or a word of cased.txt) and "" elsewhere; nil if no word is.
	forms []string
	// demonym marks a demonym rather than a name.
	demonym bool
	// secondary marks a phrase the data marked "~": it may mean this entry,
	// but usually means another.
	secondary bool
	// plural marks the plural of a title.
	plural bool
}

func newTrie() *trie {
	return &trie{edges: make(map[edge]int32), ends: make([][]cand, 1)}
}

// insert adds the phrase made of words, returning its end node.
func (t *trie) insert(words []word) int32 {
	node := int32(0)
	for _, w := range words {
		next, ok := t.edges[edge{node, w.key}]
		if !ok {
			next = int32(len(t.ends))
			t.ends = append(t.ends, nil)
			t.edges[edge{node, w.key}] = next
		}
		node = next
	}
	return node
}

// accepts reports whether the words as written fit the phrase's cased
// words: each must be written as in the data, or all in capitals.
func (c *cand) accepts(words []word) bool {
	for i, f := range c.forms {
		if f != "" && words[i].form != f && hasLower(words[i].form) {
			return false
		}
	}
	return true
}

// A cursor feeds the words of a token sequence to a trie walk, cutting
// tokens into words only as far as the walk goes.
type cursor struct {
	tokens []string
	next   int // next token to cut
	n      int // words cut so far
	words  [maxWords]word
	tok    [maxWords]int32 // token index of each word
	last   [maxWords]bool  // whether the word is its token's last
}

func (c *cursor) reset(tokens []string) {
	c.tokens, c.next, c.n = tokens, 0, 0
}

// word returns word i of the sequence, cutting more tokens if needed; ok is
// false past the end or past maxWords. Tokens that make no words ("." "-")
// are skipped, except that the first token must make one: a match starts
// at a word.
func (c *cursor) word(i int) (w word, ok bool) {
	for c.n <= i {
		if c.next >= len(c.tokens) {
			return word{}, false
		}
		var buf [8]word
		ws := appendWords(buf[:0], c.tokens[c.next])
		start := c.n
		for _, w := range ws {
			if w.key == "" {
				continue
			}
			if c.n == maxWords {
				return word{}, false
			}
			c.words[c.n], c.tok[c.n] = w, int32(c.next)
			c.last[c.n] = false
			c.n++
		}
		if c.n > start {
			c.last[c.n-1] = true
		} else if c.next == 0 {
			return word{}, false
		}
		c.next++
	}
	return c.words[i], true
}

// walk follows the trie from word `from`, calling fn at each node where
// phrases end, with the index of the phrase's last word; if whole is set,
// only where the phrase ends a token. fn returns false to stop the walk.
func (t *trie) walk(c *cursor, from int, whole bool, fn func(last int, cands []cand) bool) {
	node := int32(0)
	for i := from; ; i++ {
		w, ok := c.word(i)
		if !ok {
			return
		}
		next, ok := t.edges[edge{node, w.key}]
		if !ok {
			return
		}
		node = next
		if t.ends[node] != nil && (c.last[i] || !whole) && !fn(i, t.ends[node]) {
			return
		}
	}
}
