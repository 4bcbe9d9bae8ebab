package ner

import "math"

// Labels are coded BILOU: class 0 is O ("outside"), and type k has classes
// 1+4k to 4+4k for the Beginning, Inside and Last word of a longer name and
// for a Unit name of one word. BILOU makes the last word of a name a
// decision of its own, which suits English names (heads come last).
const (
	placeB = iota
	placeI
	placeL
	placeU
)

// labelSet is the label coding of a set of entity types.
type labelSet struct {
	types []string
	n     int // number of labels, 1+4·len(types)
	// allowed[p*n+y] tells whether label y may follow label p; p == n is
	// the start of the sentence.
	allowed []bool
	// final[y] tells whether a sentence may end with label y.
	final []bool
	// from[y] lists the labels y may follow (not the start).
	from [][]int
}

func newLabelSet(types []string) labelSet {
	ls := labelSet{types: types, n: 1 + 4*len(types)}
	ls.allowed = make([]bool, (ls.n+1)*ls.n)
	ls.final = make([]bool, ls.n)
	for p := 0; p <= ls.n; p++ {
		for y := 0; y < ls.n; y++ {
			ls.allowed[p*ls.n+y] = ls.follows(p, y)
		}
	}
	ls.from = make([][]int, ls.n)
	for y := range ls.from {
		for p := 0; p < ls.n; p++ {
			if ls.allowed[p*ls.n+y] {
				ls.from[y] = append(ls.from[y], p)
			}
		}
	}
	for y := range ls.final {
		_, place := ls.split(y)
		ls.final[y] = y == 0 || place == placeL || place == placeU
	}
	return ls
}

// split returns a label's type index and place; O has type -1.
func (ls *labelSet) split(y int) (typ, place int) {
	if y == 0 || y >= ls.n {
		return -1, -1
	}
	return (y - 1) / 4, (y - 1) % 4
}

func (ls *labelSet) label(typ, place int) int { return 1 + 4*typ + place }

// follows tells whether label y may come after label p (p == n: start).
func (ls *labelSet) follows(p, y int) bool {
	pt, pp := ls.split(p)
	yt, yp := ls.split(y)
	open := pp == placeB || pp == placeI // p leaves a name unfinished
	if open {
		return yt == pt && (yp == placeI || yp == placeL)
	}
	return y == 0 || yp == placeB || yp == placeU
}

// names returns the class names of the labels ("O", "B-LOC", ...).
func (ls *labelSet) names() []string {
	out := []string{"O"}
	for _, t := range ls.types {
		for _, p := range "BILU" {
			out = append(out, string(p)+"-"+t)
		}
	}
	return out
}

// encode turns IOB2 labels into label indices; entities of unknown types
// are left out.
func (ls *labelSet) encode(iob []string, out []int) []int {
	out = out[:0]
	for range iob {
		out = append(out, 0)
	}
	for _, e := range Entities(iob) {
		t := -1
		for k, name := range ls.types {
			if name == e.Type {
				t = k
			}
		}
		if t < 0 {
			continue
		}
		if e.Last-e.First == 1 {
			out[e.First] = ls.label(t, placeU)
			continue
		}
		for i := e.First; i < e.Last; i++ {
			place := placeI
			switch i {
			case e.First:
				place = placeB
			case e.Last - 1:
				place = placeL
			}
			out[i] = ls.label(t, place)
		}
	}
	return out
}

// entities decodes a well-formed label sequence (as viterbi returns) into
// entities.
func (ls *labelSet) entities(labels []int, out []Entity) []Entity {
	start := 0
	for i, y := range labels {
		t, place := ls.split(y)
		switch place {
		case placeB:
			start = i
		case placeU:
			out = append(out, Entity{First: i, Last: i + 1, Type: ls.types[t]})
		case placeL:
			out = append(out, Entity{First: start, Last: i + 1, Type: ls.types[t]})
		}
	}
	return out
}

// viterbi finds the best well-formed label sequence given the emission
// scores of every word (emit[i*n+y]) and the transition weights
// (trans[p*n+y], p == n for the start). back is working memory.
func (ls *labelSet) viterbi(emit, trans []float32, words int, back []int32, out []int) ([]int32, []int) {
	n := ls.n
	out = out[:0]
	if words == 0 {
		return back, out
	}
	back = back[:0]
	for range words * n {
		back = append(back, 0)
	}
	negInf := float32(math.Inf(-1))
	var curBuf, prevBuf [64]float32
	cur, prev := curBuf[:n], prevBuf[:n]
	for y := 0; y < n; y++ {
		if ls.allowed[n*n+y] {
			prev[y] = trans[n*n+y] + emit[y]
		} else {
			prev[y] = negInf
		}
	}
	for i := 1; i < words; i++ {
		for y := 0; y < n; y++ {
			best, arg := negInf, int32(0)
			for _, p := range ls.from[y] {
				if s := prev[p] + trans[p*n+y]; s > best {
					best, arg = s, int32(p)
				}
			}
			if best != negInf {
				best += emit[i*n+y]
			}
			cur[y], back[i*n+y] = best, arg
		}
		cur, prev = prev, cur
	}
	best, arg := negInf, 0
	for y := 0; y < n; y++ {
		if ls.final[y] && prev[y] > best {
			best, arg = prev[y], y
		}
	}
	for range words {
		out = append(out, 0)
	}
	for i := words - 1; i >= 0; i-- {
		out[i] = arg
		arg = int(back[i*n+arg])
	}
	return back, out
}
