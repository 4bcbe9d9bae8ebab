package ner

import (
	"context"
	"math"
	"math/bits"
	"strings"
	"testing"
)

// TestBrownClusters clusters a small made-up text in which weekdays and
// cities occur in contexts of their own: each group must share a cluster
// that holds no word of the other.
func TestBrownClusters(t *testing.T) {
	days := []string{"monday", "tuesday", "friday", "sunday"}
	cities := []string{"paris", "lagos", "lima", "oslo"}
	var text [][]string
	for i := range 40 {
		d, c := days[i%len(days)], cities[(i*3)%len(cities)]
		text = append(text,
			strings.Fields("we met on "+d+" in "+c+" ."),
			strings.Fields("on "+d+" morning the rain stopped ."),
			strings.Fields("she flew to "+c+" and stayed in "+c+" ."),
		)
	}
	cl, err := brownClusters(context.Background(), text, clusterOptions{Window: 6, MinCount: 2})
	if err != nil {
		t.Fatal(err)
	}
	// The deepest cluster holding all the days must hold no city, and the
	// other way round.
	common := func(words []string) uint64 {
		p := cl[words[0]]
		for _, w := range words[1:] {
			for q := cl[w]; pathPrefix(p, depth(p)) != pathPrefix(q, depth(p)); {
				p = pathPrefix(p, depth(p)-1)
			}
		}
		return p
	}
	within := func(p uint64, w string) bool { return pathPrefix(cl[w], depth(p)) == p }
	dp, cp := common(days), common(cities)
	for _, c := range cities {
		if within(dp, c) {
			t.Errorf("%s is in the days' cluster %b", c, dp)
		}
	}
	for _, d := range days {
		if within(cp, d) {
			t.Errorf("%s is in the cities' cluster %b", d, cp)
		}
	}
	for _, w := range append(days, cities...) {
		if cl[w] == 0 {
			t.Errorf("%s has no cluster", w)
		}
	}
	if _, ok := cl["nowhere"]; ok {
		t.Error("a word not in the text has a cluster")
	}
	again, err := brownClusters(context.Background(), text, clusterOptions{Window: 6, MinCount: 2})
	if err != nil {
		t.Fatal(err)
	}
	for w, p := range cl {
		if again[w] != p {
			t.Fatalf("clustering twice gave %s the paths %b and %b", w, p, again[w])
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := brownClusters(ctx, text, clusterOptions{Window: 6, MinCount: 2}); err == nil {
		t.Error("cancelled clustering: no error")
	}
}

func depth(code uint64) int { return 63 - bits.LeadingZeros64(code) }

func TestPathPrefix(t *testing.T) {
	code := pathCode(0b1011, 4)
	for _, c := range []struct {
		k    int
		want uint64
	}{{1, 0b11}, {2, 0b110}, {3, 0b1101}, {4, 0b11011}, {10, 0b11011}} {
		if got := pathPrefix(code, c.k); got != c.want {
			t.Errorf("pathPrefix(%b, %d) = %b, want %b", code, c.k, got, c.want)
		}
	}
}

// TestClustererDeltas checks the merge gains the clusterer keeps up to
// date as clusters are added, merged and moved against gains computed
// from scratch.
func TestClustererDeltas(t *testing.T) {
	S := 6
	c := &clusterer{S: S, N: 0, n: make([]float64, S*S), pq: make([]float64, S*S), nl: make([]float64, S), nr: make([]float64, S), delta: make([]float64, S*S), node: make([]int32, S), used: make([]bool, S)}
	// Pseudo-random bigram counts.
	x := uint64(7)
	rnd := func() float64 { x = x*6364136223846793005 + 1442695040888963407; return float64(x >> 60) }
	full := make([]float64, S*S)
	for a := range S {
		for b := range S {
			full[a*S+b] = rnd()
		}
	}
	for a := range S {
		for b := range S {
			c.nl[a] += full[a*S+b]
			c.nr[b] += full[a*S+b]
			c.N += full[a*S+b]
		}
	}
	check := func(step string) {
		for a := range S {
			for b := a + 1; b < S; b++ {
				if c.used[a] && c.used[b] {
					if d := c.fullDelta(a, b); math.Abs(d-c.delta[a*S+b]) > 1e-9 {
						t.Errorf("%s: delta(%d,%d) = %v, full %v", step, a, b, c.delta[a*S+b], d)
					}
				}
			}
		}
	}
	for s := range S {
		c.used[s] = true
		for t := 0; t <= s; t++ {
			c.n[s*S+t] = full[s*S+t]
			c.n[t*S+s] = full[t*S+s]
		}
		c.added(s)
		check("add")
	}
	c.merge(1, 3)
	check("merge")
	c.move(5, 3)
	check("move")
	c.merge(0, 2)
	check("merge2")
}
