package server

import (
	"context"
	"fmt"
	"net/http"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"

	"github.com/cayleygraph/quad"
	"github.com/newsgraph/newsgraph/graph/store"
	"github.com/newsgraph/newsgraph/graph/vocab"
	"golang.org/x/text/unicode/norm"
)

// Match is one search result.
type Match struct {
	Node
	// Matched is the name or alias that matched; MatchKind says how:
	// "exact", "prefix", "word" (a word of it starts with the query),
	// "substring" or "fuzzy" (within one or two typing errors).
	Matched   string  `json:"matched"`
	MatchKind string  `json:"match"`
	Score     float64 `json:"score"`
	// Articles counts the articles that mention the entity.
	Articles int `json:"articles"`
}

// serveSearch answers GET /api/v1/search?q=TEXT&limit=N: the entities
// whose name or alias (schema:name, schema:alternateName) matches, best
// first: exact, then prefix, word prefix, substring and fuzzy matches, ties
// broken by how many articles mention them, then by name.
func (s *Server) serveSearch(w http.ResponseWriter, r *http.Request) error {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if q == "" {
		return errorf(http.StatusBadRequest, "missing parameter q")
	}
	if len(q) > 200 {
		return errorf(http.StatusBadRequest, "query text longer than 200 bytes")
	}
	limit, err := intParam(r, "limit", 10, 1, 100)
	if err != nil {
		return err
	}
	entries, err := s.index.get(r.Context())
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"query": q, "results": search(entries, q, limit)})
	return nil
}

// entry is a searchable entity.
type entry struct {
	node     Node
	names    []string // the name first, then the aliases
	folded   []string // names folded for matching
	articles int
}

// searchIndex caches the entities' names. It is rebuilt in the background
// when older than refresh (the store may be written by other processes):
// searches meanwhile use the previous entries, and only the first searches
// wait for the first build. An ingest through the server rebuilds it before
// answering (update).
type searchIndex struct {
	st      *store.Store
	v       vocab.Vocab
	refresh time.Duration
	// life is the context of the builds, which outlive the requests that
	// start them but not the server: close cancels it, so that a server
	// stopped during a long first build stops at once rather than
	// holding the store until the build ends.
	life  context.Context
	close context.CancelFunc

	mu       sync.Mutex
	entries  []*entry
	built    time.Time
	building chan struct{} // closed when the running build ends; nil if none
	err      error         // of the last build
	stale    atomic.Bool
}

// buildTimeout bounds one build of the index, which does not depend on the
// request that started it.
const buildTimeout = 5 * time.Minute

func newSearchIndex(st *store.Store, v vocab.Vocab, refresh time.Duration) *searchIndex {
	ix := &searchIndex{st: st, v: v, refresh: refresh}
	ix.life, ix.close = context.WithCancel(context.Background())
	return ix
}

// get returns the entries, starting a rebuild when one is due and waiting
// for it only when there are no entries yet.
func (ix *searchIndex) get(ctx context.Context) ([]*entry, error) {
	ix.mu.Lock()
	if (ix.built.IsZero() || time.Since(ix.built) > ix.refresh || ix.stale.Load()) && ix.building == nil {
		ix.building = make(chan struct{})
		ix.stale.Store(false)
		go ix.rebuild(ix.life, ix.building)
	}
	entries, built, building := ix.entries, ix.built, ix.building
	ix.mu.Unlock()
	if !built.IsZero() {
		return entries, nil
	}
	select {
	case <-building:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.built.IsZero() {
		return nil, fmt.Errorf("building the search index: %w", ix.err)
	}
	return ix.entries, nil
}

// update rebuilds the index and waits until it holds what the store held
// when update was called.
func (ix *searchIndex) update(ctx context.Context) error {
	ix.stale.Store(true)
	for {
		ix.mu.Lock()
		if ix.building == nil {
			if !ix.stale.Load() {
				ix.mu.Unlock()
				return nil
			}
			ix.building = make(chan struct{})
			ix.stale.Store(false)
			go ix.rebuild(ix.life, ix.building)
		}
		building := ix.building
		ix.mu.Unlock()
		select {
		case <-building:
		case <-ctx.Done():
			return ctx.Err()
		}
		ix.mu.Lock()
		err := ix.err
		ix.mu.Unlock()
		if err != nil {
			return fmt.Errorf("building the search index: %w", err)
		}
	}
}

// rebuild loads the entries and closes done.
func (ix *searchIndex) rebuild(ctx context.Context, done chan struct{}) {
	ctx, cancel := context.WithTimeout(ctx, buildTimeout)
	defer cancel()
	entries, err := ix.load(ctx)
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if err != nil {
		ix.err = err
		ix.stale.Store(true)
	} else {
		ix.entries, ix.built, ix.err = entries, time.Now(), nil
	}
	ix.building = nil
	close(done)
}

// excluded are the types of named nodes that are not entities.
var excluded = map[string]bool{"Statement": true, "NewsArticle": true, "Event": true, "CommunicateAction": true, "Quotation": true, "Relation": true}

// load reads every named node's names, types and mentions, in two reads
// of the store: the names, then the types and mentions of the named nodes
// (other nodes' types, a statement's for each fact, are not kept).
func (ix *searchIndex) load(ctx context.Context) ([]*entry, error) {
	byID := map[string]*entry{}
	types := map[string][]string{}
	mentions := map[string]map[string]bool{}
	for q, err := range ix.st.QuadsWith(ctx, []quad.IRI{vocab.Name, vocab.AlternateName}) {
		if err != nil {
			return nil, err
		}
		id := termID(q.Subject)
		e := byID[id]
		if e == nil {
			e = &entry{node: Node{ID: id, Kind: "iri"}}
			if _, ok := q.Subject.(quad.BNode); ok {
				e.node.Kind = "blank"
			}
			byID[id] = e
		}
		name := text(q.Object)
		if q.Predicate == vocab.Name && e.node.Label == "" {
			e.node.Label = name
			e.names = append([]string{name}, e.names...)
		} else if !contains(e.names, name) {
			e.names = append(e.names, name)
		}
	}
	for q, err := range ix.st.QuadsWith(ctx, []quad.IRI{vocab.Type, vocab.Mentions}) {
		if err != nil {
			return nil, err
		}
		if q.Predicate == vocab.Type {
			if id := termID(q.Subject); byID[id] != nil {
				types[id] = append(types[id], shortName(text(q.Object)))
			}
			continue
		}
		if id := termID(q.Object); byID[id] != nil {
			if mentions[id] == nil {
				mentions[id] = map[string]bool{}
			}
			mentions[id][termID(q.Subject)] = true
		}
	}
	out := make([]*entry, 0, len(byID))
	for id, e := range byID {
		skip := false
		for _, t := range types[id] {
			if excluded[t] {
				skip = true
			}
			if e.node.Type == "" || rankOf(t) < rankOf(e.node.Type) {
				e.node.Type = t
			}
		}
		if skip {
			continue
		}
		if e.node.Label == "" {
			e.node.Label = e.names[0]
		}
		e.names = dedupe(e.names)
		for _, n := range e.names {
			e.folded = append(e.folded, fold(n))
		}
		e.articles = len(mentions[id])
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].node.ID < out[j].node.ID })
	return out, nil
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func dedupe(xs []string) []string {
	var out []string
	for _, x := range xs {
		if !contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}

// fold prepares text for matching: lower case, accents removed ("Erdoğan"
// matches "erdogan"), punctuation dropped, spaces collapsed.
func fold(s string) string {
	var b strings.Builder
	space := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r), r == '.', r == '\'', r == '’':
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		default:
			space = true
		}
	}
	return b.String()
}

// Scores of the kinds of match.
const (
	scoreExact     = 100
	scorePrefix    = 80
	scoreWord      = 60
	scoreSubstring = 40
	scoreFuzzy     = 30 // less 10 per edit
)

// search ranks the entries matching q.
func search(entries []*entry, q string, limit int) []Match {
	fq := fold(q)
	if fq == "" {
		return []Match{}
	}
	maxEdits := 0
	switch n := len([]rune(fq)); {
	case n >= 7:
		maxEdits = 2
	case n >= 4:
		maxEdits = 1
	}
	var out []Match
	for _, e := range entries {
		best := Match{}
		for i, name := range e.folded {
			score, kind := matchScore(fq, name, maxEdits)
			if score == 0 {
				continue
			}
			if i == 0 {
				score += 5 // the entity's own name beats an alias
			}
			if score > best.Score {
				best = Match{Node: e.node, Matched: e.names[i], MatchKind: kind, Score: score, Articles: e.articles}
			}
		}
		if best.Score > 0 {
			out = append(out, best)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		if a.Articles != b.Articles {
			return a.Articles > b.Articles
		}
		if a.Label != b.Label {
			return a.Label < b.Label
		}
		return a.ID < b.ID
	})
	if len(out) > limit {
		out = out[:limit]
	}
	if out == nil {
		out = []Match{}
	}
	return out
}

// matchScore scores a folded name against a folded query; 0 is no match.
func matchScore(q, name string, maxEdits int) (float64, string) {
	switch {
	case name == q:
		return scoreExact, "exact"
	case strings.HasPrefix(name, q):
		return scorePrefix, "prefix"
	}
	words := strings.Fields(name)
	for _, w := range words[min(1, len(words)):] {
		if strings.HasPrefix(w, q) {
			return scoreWord, "word"
		}
	}
	if strings.Contains(name, q) {
		return scoreSubstring, "substring"
	}
	if maxEdits == 0 {
		return 0, ""
	}
	// Fuzzy: the query against the whole name, its start, and each word
	// (or run of words as long as the query).
	rq := []rune(q)
	best := maxEdits + 1
	try := func(cand string) {
		rc := []rune(cand)
		if abs(len(rc)-len(rq)) > maxEdits {
			return
		}
		if d := editDistance(rq, rc, maxEdits); d < best {
			best = d
		}
	}
	try(name)
	if rn := []rune(name); len(rn) > len(rq) {
		try(string(rn[:len(rq)]))
	}
	for i := range words {
		try(words[i])
		if rw := []rune(strings.Join(words[i:], " ")); len(rw) > len(rq) {
			try(string(rw[:len(rq)]))
		}
	}
	if best > maxEdits {
		return 0, ""
	}
	return float64(scoreFuzzy - 10*best), "fuzzy"
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// editDistance is the Damerau–Levenshtein distance (adjacent swaps count
// one) between a and b, or max+1 once it is sure to exceed max.
func editDistance(a, b []rune, max int) int {
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d = min(d, prev2[j-2]+1)
			}
			cur[j] = d
			rowMin = min(rowMin, d)
		}
		if rowMin > max {
			return max + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(b)], max+1)
}
