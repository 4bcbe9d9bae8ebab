package parse

// The transition system is arc-hybrid (Kuhlmann et al. 2011) with the root
// at the bottom of the stack. A configuration has a stack, whose bottom is
// the artificial root (position 0), and a buffer of the words not yet read
// (positions next..n). Three moves:
//
//	SHIFT     push the first buffer word;
//	LEFT(l)   pop the stack top s0 and make it an l-dependent of the first
//	          buffer word;
//	RIGHT(l)  pop s0 and make it an l-dependent of the word below it, s1.
//
// RIGHT onto the root is allowed only once the buffer is empty and with the
// label "root", and no other arc may carry "root". Every configuration that
// is not final has a legal move, and the final one (empty buffer, only the
// root on the stack) is always a tree with exactly one word attached to the
// root: the parser cannot output anything else.
//
// The arc-hybrid system has an exact, arc-decomposable dynamic oracle
// (Goldberg & Nivre 2013): the cost of a move is the number of gold arcs
// that become unreachable through it, computed below for projective gold
// trees.

// Move kinds, which are also the classes of the move model.
const (
	shift = iota
	left
	right
)

// state is a parser configuration over a sentence of n words.
type state struct {
	n     int32
	stack []int32
	next  int32 // first buffer word; the buffer is empty when next > n

	// Per position 0..n: head (-1 while unattached) and label, the two
	// leftmost and two rightmost dependents found so far (-1 for none),
	// how many dependents on each side, and the set of their labels.
	head           []int32
	label          []int32
	left1, left2   []int32
	right1, right2 []int32
	nleft, nright  []int32
	lset, rset     []uint64
}

// reset prepares s for a sentence of n words, reusing its memory.
func (s *state) reset(n int) {
	s.n = int32(n)
	s.stack = append(s.stack[:0], 0)
	s.next = 1
	m := n + 1
	s.head = fill(s.head, m, -1)
	s.label = fill(s.label, m, -1)
	s.left1 = fill(s.left1, m, -1)
	s.left2 = fill(s.left2, m, -1)
	s.right1 = fill(s.right1, m, -1)
	s.right2 = fill(s.right2, m, -1)
	s.nleft = fill(s.nleft, m, 0)
	s.nright = fill(s.nright, m, 0)
	s.lset = fill(s.lset, m, 0)
	s.rset = fill(s.rset, m, 0)
}

func fill[T any](s []T, n int, v T) []T {
	if cap(s) < n {
		s = make([]T, n)
	}
	s = s[:n]
	for i := range s {
		s[i] = v
	}
	return s
}

// final tells whether parsing is over.
func (s *state) final() bool { return s.next > s.n && len(s.stack) == 1 }

// top returns the stack top s0 and the word below it s1 (-1 when absent).
func (s *state) top() (s0, s1 int32) {
	s0, s1 = -1, -1
	if k := len(s.stack); k > 0 {
		s0 = s.stack[k-1]
		if k > 1 {
			s1 = s.stack[k-2]
		}
	}
	return s0, s1
}

// legal reports which move kinds are possible.
func (s *state) legal() (canShift, canLeft, canRight bool) {
	k := len(s.stack)
	buffered := s.next <= s.n
	canShift = buffered
	canLeft = buffered && k >= 2
	canRight = k >= 2 && (s.stack[k-2] != 0 || !buffered)
	return canShift, canLeft, canRight
}

// forced returns the only legal move, if there is just one: SHIFT when
// only the root is on the stack, RIGHT when the buffer is empty. Such
// moves need no scoring.
func (s *state) forced() (kind int, ok bool) {
	switch {
	case len(s.stack) == 1:
		return shift, true
	case s.next > s.n:
		return right, true
	}
	return 0, false
}

// rootArc tells whether move kind attaches the stack top to the root; such
// an arc is labelled "root", and no other arc is.
func (s *state) rootArc(kind int) bool {
	k := len(s.stack)
	return kind == right && k >= 2 && s.stack[k-2] == 0
}

// arc returns the head and dependent of the arc a LEFT or RIGHT would add.
func (s *state) arc(kind int) (h, d int32) {
	s0, s1 := s.top()
	if kind == left {
		return s.next, s0
	}
	return s1, s0
}

// apply performs a move with label l (ignored for SHIFT).
func (s *state) apply(kind int, l int32) {
	switch kind {
	case shift:
		s.stack = append(s.stack, s.next)
		s.next++
	case left:
		d := s.stack[len(s.stack)-1]
		s.stack = s.stack[:len(s.stack)-1]
		s.attach(s.next, d, l)
	case right:
		d := s.stack[len(s.stack)-1]
		s.stack = s.stack[:len(s.stack)-1]
		s.attach(s.stack[len(s.stack)-1], d, l)
	}
}

func (s *state) attach(h, d, l int32) {
	s.head[d] = h
	s.label[d] = l
	bit := uint64(1) << (uint(l) & 63)
	if d < h {
		s.nleft[h]++
		s.lset[h] |= bit
		switch {
		case s.left1[h] < 0 || d < s.left1[h]:
			s.left2[h], s.left1[h] = s.left1[h], d
		case s.left2[h] < 0 || d < s.left2[h]:
			s.left2[h] = d
		}
		return
	}
	s.nright[h]++
	s.rset[h] |= bit
	switch {
	case d > s.right1[h]:
		s.right2[h], s.right1[h] = s.right1[h], d
	case d > s.right2[h]:
		s.right2[h] = d
	}
}

// costs returns, for the current configuration, the cost of each move kind
// under gold heads gold (gold[0] = -1). Illegal moves get no meaningful
// cost: callers check legality.
func (s *state) costs(gold []int32) (c [3]int) {
	s0, s1 := s.top()
	b := s.next
	if b <= s.n {
		for i, k := range s.stack {
			if gold[k] == b {
				c[shift]++
			}
			if gold[b] == k && i < len(s.stack)-1 {
				c[shift]++
			}
		}
	}
	if s0 > 0 {
		// Both LEFT and RIGHT pop s0: its dependents still in the buffer
		// and a head further in the buffer are lost.
		var lost int
		headInRest := false
		for k := b; k <= s.n; k++ {
			if gold[k] == s0 {
				lost++
			}
			if gold[s0] == k && k != b {
				headInRest = true
			}
		}
		c[left], c[right] = lost, lost
		if headInRest {
			c[left]++
			c[right]++
		}
		if gold[s0] == s1 {
			c[left]++
		}
		if b <= s.n && gold[s0] == b {
			c[right]++
		}
	}
	return c
}
