package ner

import (
	"context"
	"math"
	"math/bits"
	"slices"
	"strings"
)

// Brown clustering (Brown et al. 1992, in the form of Liang 2005): words
// are merged bottom-up into a binary tree so that a class bigram model of
// the text loses as little mutual information as possible at each merge.
// A word's path from the root, as a bit string, is its cluster; prefixes
// of the path are coarser clusters. Words that occur in the same contexts
// get nearby paths ("Tuesday" near "Friday", "Enron" near "Dynegy"), so
// the recogniser learns from one what it should about the others, even
// for words it saw too rarely in names to learn about alone. The clusters
// need no labels: they are computed from the words of text alone.

// clusterOptions control clustering.
type clusterOptions struct {
	// Window is how many clusters are kept active while words are added;
	// the cost grows with its square.
	Window int
	// MinCount is how often a word must occur to be clustered.
	MinCount int
}

// brownClusters clusters the normalised words of sentences (see normalize)
// and returns each clustered word's path, coded by pathCode. Words are
// added in order of frequency (ties in byte order), so that the result is
// deterministic. A cancelled context stops clustering with its error.
func brownClusters(ctx context.Context, sentences [][]string, opts clusterOptions) (map[string]uint64, error) {
	// Count words, and number those kept by frequency.
	counts := map[string]int{}
	for _, s := range sentences {
		for _, w := range s {
			counts[w]++
		}
	}
	var vocab []string
	for w, c := range counts {
		if c >= opts.MinCount {
			vocab = append(vocab, w)
		}
	}
	slices.SortFunc(vocab, func(a, b string) int {
		if d := counts[b] - counts[a]; d != 0 {
			return d
		}
		return strings.Compare(a, b)
	})
	id := make(map[string]int32, len(vocab))
	for i, w := range vocab {
		id[w] = int32(i)
	}
	// Bigram counts between kept words, as adjacency lists both ways, and
	// the words' left and right marginals.
	type edge struct {
		to int32
		n  float64
	}
	V := len(vocab)
	if V < 2 {
		return map[string]uint64{}, nil
	}
	right := make([]map[int32]float64, V) // right[u][v]: u followed by v
	left := make([]map[int32]float64, V)  // left[v][u]: v preceded by u
	nl := make([]float64, V)              // bigrams starting with u
	nr := make([]float64, V)              // bigrams ending with v
	total := 0.0
	for _, s := range sentences {
		for i := 1; i < len(s); i++ {
			u, ok1 := id[s[i-1]]
			v, ok2 := id[s[i]]
			if !ok1 || !ok2 {
				continue
			}
			if right[u] == nil {
				right[u] = map[int32]float64{}
			}
			if left[v] == nil {
				left[v] = map[int32]float64{}
			}
			right[u][v]++
			left[v][u]++
			nl[u]++
			nr[v]++
			total++
		}
	}
	sorted := func(m map[int32]float64) []edge {
		out := make([]edge, 0, len(m))
		for k, n := range m {
			out = append(out, edge{k, n})
		}
		slices.SortFunc(out, func(a, b edge) int { return int(a.to - b.to) })
		return out
	}
	rightE := make([][]edge, V)
	leftE := make([][]edge, V)
	for i := range V {
		rightE[i], leftE[i] = sorted(right[i]), sorted(left[i])
	}
	if total == 0 {
		return map[string]uint64{}, nil
	}

	K := min(opts.Window, V)
	S := K + 1 // slots: K active clusters and one for the word being added
	c := &clusterer{
		S: S, N: total,
		n:     make([]float64, S*S),
		nl:    make([]float64, S),
		nr:    make([]float64, S),
		delta: make([]float64, S*S),
		pq:    make([]float64, S*S),
		node:  make([]int32, S),
		used:  make([]bool, S),
	}
	// The merge tree: nodes 0..V-1 are the words, later ones merges.
	parent := make([]int32, V, 2*V)
	for i := range parent {
		parent[i] = -1
	}
	isRight := make([]bool, V, 2*V)
	slotOf := make([]int32, V) // the slot of an added word's cluster
	// members lists the words of each slot's cluster, to redirect slotOf
	// on merges.
	members := make([][]int32, S)

	addWord := func(w int32, s int) {
		c.used[s] = true
		c.node[s] = w
		members[s] = append(members[s][:0], w)
		slotOf[w] = int32(s)
		for t := range S {
			c.n[s*S+t], c.n[t*S+s] = 0, 0
		}
		c.nl[s], c.nr[s] = nl[w], nr[w]
		for _, e := range rightE[w] {
			if e.to <= w {
				c.n[s*S+int(slotOf[e.to])] += e.n
			}
		}
		for _, e := range leftE[w] {
			if e.to < w {
				c.n[int(slotOf[e.to])*S+s] += e.n
			}
		}
		c.added(s)
	}
	merge := func() {
		a, b := c.best()
		m := int32(len(parent))
		parent = append(parent, -1)
		isRight = append(isRight, false)
		parent[c.node[a]], parent[c.node[b]] = m, m
		isRight[c.node[b]] = true
		c.merge(a, b)
		c.node[a] = m
		for _, w := range members[b] {
			slotOf[w] = int32(a)
		}
		members[a] = append(members[a], members[b]...)
		members[b] = members[b][:0]
	}
	for w := range V {
		if w%64 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		if w < K {
			addWord(int32(w), w)
			continue
		}
		addWord(int32(w), K)
		merge()
		// The merge freed a slot; keep slot K the free one.
		if free := c.freeSlot(); free != K {
			c.move(K, free)
			c.node[free] = c.node[K]
			members[free], members[K] = members[K], members[free][:0]
			for _, w := range members[free] {
				slotOf[w] = int32(free)
			}
		}
	}
	for active := min(K, V); active > 1; active-- {
		merge()
	}
	// Paths: from each word up to the root, of which the bits nearest the
	// root are kept (words merged into a large cluster one by one lie
	// deep).
	out := make(map[string]uint64, V)
	var steps []bool
	for w := range V {
		steps = steps[:0]
		for x := int32(w); parent[x] >= 0; x = parent[x] {
			steps = append(steps, isRight[x])
		}
		var path uint64
		depth := min(len(steps), maxPathBits)
		for k := range depth {
			path <<= 1
			if steps[len(steps)-1-k] {
				path |= 1
			}
		}
		out[vocab[w]] = pathCode(path, depth)
	}
	return out, nil
}

// maxPathBits bounds the length of a cluster path.
const maxPathBits = 56

// pathCode codes a path of depth bits, the step from the root at bit
// depth-1 and the last step at bit 0, with a leading 1 marking its length.
func pathCode(bits uint64, depth int) uint64 {
	return 1<<depth | bits&(1<<depth-1)
}

// pathPrefix returns the code of the first k bits of a path (the whole
// path when shorter).
func pathPrefix(code uint64, k int) uint64 {
	depth := 63 - bits.LeadingZeros64(code)
	if depth <= k {
		return code
	}
	return code >> (depth - k)
}

// clusterer holds the active clusters of Brown clustering in slots: their
// bigram counts, marginals and the change of mutual information that
// merging each pair would bring.
type clusterer struct {
	S      int
	N      float64
	n      []float64 // n[a*S+b]: bigrams of a word of a followed by one of b
	nl, nr []float64
	delta  []float64 // delta[a*S+b], a < b: mutual information gained by merging
	pq     []float64 // pq[a*S+b]: pairQ(a, b) of used slots, cached
	node   []int32
	used   []bool
}

// q is the term of clusters with bigram count n and marginals l, r in the
// mutual information.
func (c *clusterer) q(n, l, r float64) float64 {
	if n <= 0 {
		return 0
	}
	return n / c.N * math.Log(n*c.N/(l*r))
}

// pairQ is the mutual information terms between distinct slots a and b.
func (c *clusterer) pairQ(a, b int) float64 {
	S := c.S
	return c.q(c.n[a*S+b], c.nl[a], c.nr[b]) + c.q(c.n[b*S+a], c.nl[b], c.nr[a])
}

// mergedQ is the mutual information terms between the merge of a and b
// and a third slot e.
func (c *clusterer) mergedQ(a, b, e int) float64 {
	S := c.S
	return c.q(c.n[a*S+e]+c.n[b*S+e], c.nl[a]+c.nl[b], c.nr[e]) +
		c.q(c.n[e*S+a]+c.n[e*S+b], c.nl[e], c.nr[a]+c.nr[b])
}

// gainWith is the part of delta(a, b) due to slot e.
func (c *clusterer) gainWith(a, b, e int) float64 {
	S := c.S
	return c.mergedQ(a, b, e) - c.pq[a*S+e] - c.pq[b*S+e]
}

// cachePairs caches pairQ of slot s with every used slot.
func (c *clusterer) cachePairs(s int) {
	S := c.S
	for e := range S {
		v := 0.0
		if e != s && c.used[e] && c.used[s] {
			v = c.pairQ(s, e)
		}
		c.pq[s*S+e], c.pq[e*S+s] = v, v
	}
}

// fullDelta computes delta(a, b) from scratch.
func (c *clusterer) fullDelta(a, b int) float64 {
	S := c.S
	d := 0.0
	for e := range S {
		if e != a && e != b && c.used[e] {
			d += c.gainWith(a, b, e)
		}
	}
	self := c.n[a*S+a] + c.n[a*S+b] + c.n[b*S+a] + c.n[b*S+b]
	d += c.q(self, c.nl[a]+c.nl[b], c.nr[a]+c.nr[b])
	d -= c.q(c.n[a*S+a], c.nl[a], c.nr[a]) + c.q(c.n[b*S+b], c.nl[b], c.nr[b]) + c.pq[a*S+b]
	return d
}

// added updates the deltas for a cluster just put in slot s.
func (c *clusterer) added(s int) {
	S := c.S
	c.cachePairs(s)
	for a := range S {
		if a == s || !c.used[a] {
			continue
		}
		for b := a + 1; b < S; b++ {
			if b != s && c.used[b] {
				c.delta[a*S+b] += c.gainWith(a, b, s)
			}
		}
	}
	for a := range S {
		if a != s && c.used[a] {
			c.delta[min(a, s)*S+max(a, s)] = c.fullDelta(a, s)
		}
	}
}

// best returns the pair of slots whose merge loses least (ties: the
// first pair in slot order).
func (c *clusterer) best() (int, int) {
	S := c.S
	ba, bb, bd := -1, -1, math.Inf(-1)
	for a := range S {
		if !c.used[a] {
			continue
		}
		for b := a + 1; b < S; b++ {
			if c.used[b] && c.delta[a*S+b] > bd {
				ba, bb, bd = a, b, c.delta[a*S+b]
			}
		}
	}
	return ba, bb
}

// merge merges slot b into slot a.
func (c *clusterer) merge(a, b int) {
	S := c.S
	// The other pairs' deltas: their terms with a and b give way to
	// terms with the merged cluster.
	for x := range S {
		if x == a || x == b || !c.used[x] {
			continue
		}
		for y := x + 1; y < S; y++ {
			if y != a && y != b && c.used[y] {
				c.delta[x*S+y] -= c.gainWith(x, y, a) + c.gainWith(x, y, b)
			}
		}
	}
	for e := range S {
		if e != a && e != b {
			c.n[a*S+e] += c.n[b*S+e]
			c.n[e*S+a] += c.n[e*S+b]
		}
	}
	c.n[a*S+a] += c.n[a*S+b] + c.n[b*S+a] + c.n[b*S+b]
	c.nl[a] += c.nl[b]
	c.nr[a] += c.nr[b]
	c.used[b] = false
	for e := range S {
		c.n[b*S+e], c.n[e*S+b] = 0, 0
	}
	c.nl[b], c.nr[b] = 0, 0
	c.cachePairs(a)
	c.cachePairs(b)
	for x := range S {
		if x == a || !c.used[x] {
			continue
		}
		for y := x + 1; y < S; y++ {
			if y != a && c.used[y] {
				c.delta[x*S+y] += c.gainWith(x, y, a)
			}
		}
	}
	for x := range S {
		if x != a && c.used[x] {
			c.delta[min(a, x)*S+max(a, x)] = c.fullDelta(a, x)
		}
	}
}

// freeSlot returns the first unused slot.
func (c *clusterer) freeSlot() int {
	for s := range c.S {
		if !c.used[s] {
			return s
		}
	}
	return -1
}

// move moves the cluster of slot from to the free slot to.
func (c *clusterer) move(from, to int) {
	S := c.S
	for e := range S {
		c.n[to*S+e], c.n[e*S+to] = c.n[from*S+e], c.n[e*S+from]
	}
	c.n[to*S+to] = c.n[from*S+from]
	c.nl[to], c.nr[to] = c.nl[from], c.nr[from]
	c.used[to], c.used[from] = true, false
	for e := range S {
		c.n[from*S+e], c.n[e*S+from] = 0, 0
	}
	c.nl[from], c.nr[from] = 0, 0
	c.cachePairs(to)
	c.cachePairs(from)
	for e := range S {
		if e != to && c.used[e] {
			c.delta[min(to, e)*S+max(to, e)] = c.delta[min(from, e)*S+max(from, e)]
		}
	}
}
