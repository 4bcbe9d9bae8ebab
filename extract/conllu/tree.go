package conllu

// Tree is a sentence's dependency structure read the other way round:
// each word's dependents, which is what walking a parse needs.
type Tree struct {
	// Root is the index of the root word, -1 if the sentence has none.
	Root int
	// Children lists the indices of each word's dependents, in order.
	Children [][]int
}

// NewTree builds the tree of words. Heads out of range are ignored.
func NewTree(words []Word) Tree {
	t := Tree{Root: -1, Children: make([][]int, len(words))}
	for i, w := range words {
		switch {
		case w.Head == 0:
			t.Root = i
		case w.Head > 0 && w.Head <= len(words):
			t.Children[w.Head-1] = append(t.Children[w.Head-1], i)
		}
	}
	return t
}

// Span returns the first and last word of the subtree of i, and whether
// the subtree is contiguous.
func (t Tree) Span(i int) (first, last int, ok bool) {
	first, last = i, i
	size := 0
	var walk func(int)
	walk = func(j int) {
		size++
		first, last = min(first, j), max(last, j)
		for _, c := range t.Children[j] {
			walk(c)
		}
	}
	walk(i)
	return first, last, last-first+1 == size
}
