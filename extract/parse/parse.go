// Package parse is newsgraph's dependency parser: it gives every word of a
// tagged sentence its head and its Universal Dependencies relation (with
// subtypes, as in English-EWT: nsubj:pass, obl:tmod, acl:relcl, ...).
//
// The parser is greedy and transition-based (arc-hybrid with the root at
// the bottom of the stack, see system.go), so it parses in linear time and
// always outputs a well-formed tree with one word attached to the root with
// "root". Two averaged perceptrons score it: one chooses each move from
// hashed conjunctions of the words, tags, suffixes, dependents, labels and
// distances around the stack top and the buffer front (Zhang & Nivre 2011
// templates adapted to arc-hybrid, with both Penn and universal tags), the
// other labels each arc as it is made, from the head, the dependent and the
// dependent's own dependents. Training follows Goldberg & Nivre's dynamic
// oracle with exploration, so the parser learns to continue well after its
// own mistakes; non-projective training trees are made projective by
// lifting. Train it on jack-knifed predicted tags: that is what it meets at
// run time.
//
// Speed comes from the scoring tables (table.go), which keep each
// feature's small integer weights next to its key in sparse open-addressing
// tables, and from issuing all of a configuration's lookups before using
// any; features of a single word's position are scored once per word and
// cached, forced moves are not scored, and arcs whose tags make the
// relation certain skip the label model.
package parse

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"sync"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/modelfile"
	"github.com/newsgraph/newsgraph/extract/perceptron"
)

// fileKind names parser models in model files.
const fileKind = "parser"

// rootLabel is the relation of the word attached to the root.
const rootLabel = "root"

// Model is a trained parser. It is immutable and safe for concurrent use.
//
// It is two perceptrons: one chooses the move (SHIFT, LEFT, RIGHT) from
// the configuration, the other the relation of each arc as it is made.
// Splitting them keeps the move model's rows three weights long, which is
// what makes parsing fast.
type Model struct {
	labels    []string // relation names, the classes of the label model
	root      int32    // index of "root" in labels
	vocab     vocab
	sure      sureLabels
	moves     *perceptron.Model
	relations *perceptron.Model
	moveTab   *moveTable
	labelTab  *labelTable
	pool      sync.Pool // *worker
}

// moveClasses names the move model's classes, in move-kind order.
var moveClasses = []string{"SHIFT", "LEFT", "RIGHT"}

// newModel wraps trained weights over the given labels.
func newModel(labels []string, voc vocab, sure sureLabels, moves, relations *perceptron.Model) (*Model, error) {
	root := slices.Index(labels, rootLabel)
	if root < 0 {
		return nil, fmt.Errorf("parse: no %q relation among %d labels", rootLabel, len(labels))
	}
	if !slices.Equal(moves.Classes(), moveClasses) {
		return nil, fmt.Errorf("parse: move model has classes %v", moves.Classes())
	}
	if !slices.Equal(relations.Classes(), labels) {
		return nil, errors.New("parse: label model does not match the relations")
	}
	if len(labels) > 8*maxLabelWords {
		return nil, fmt.Errorf("parse: %d relations, at most %d supported", len(labels), 8*maxLabelWords)
	}
	m := &Model{labels: labels, root: int32(root), vocab: voc, sure: sure, moves: moves, relations: relations,
		moveTab: newMoveTable(moves), labelTab: newLabelTable(relations)}
	m.pool.New = func() any { return &worker{labelScores: make([]int32, len(labels))} }
	return m, nil
}

// Labels returns the relations the model can assign.
func (m *Model) Labels() []string { return slices.Clone(m.labels) }

// WriteTo writes the model as a model file.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	mw := modelfile.NewWriter(w, fileKind)
	mw.Strings(m.labels)
	m.vocab.write(mw)
	m.sure.write(mw)
	mw.Model(m.moves)
	mw.Model(m.relations)
	return mw.Close()
}

// Load reads a model written by WriteTo.
func Load(r io.Reader) (*Model, error) {
	mr, err := modelfile.NewReader(r, fileKind)
	if err != nil {
		return nil, fmt.Errorf("parse: %w", err)
	}
	labels := mr.Strings()
	voc := readVocab(mr)
	sure := readSureLabels(mr, len(labels))
	moves := mr.Model()
	relations := mr.Model()
	if err := mr.Err(); err != nil {
		return nil, fmt.Errorf("parse: reading model: %w", err)
	}
	m, err := newModel(labels, voc, sure, moves, relations)
	if err != nil {
		return nil, err
	}
	return m, nil
}

// worker holds the scratch memory of one parse.
type worker struct {
	words       []word
	sent        sentence
	state       state
	feats       []uint64
	moveScores  [3]int32
	labelScores []int32
	// cache holds the move scores of each static feature group, per
	// position (index i+1 for position i, 0 for an empty role).
	cache [groups][]cached
}

type cached struct {
	scores [3]int32
	ok     bool
}

// Process parses every sentence of doc, setting each token's Head and
// DepRel from its form and tags.
func (m *Model) Process(ctx context.Context, doc *extract.Document) error {
	wk := m.pool.Get().(*worker)
	defer m.pool.Put(wk)
	for i, s := range doc.Sentences {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		toks := doc.Words(s)
		wk.words = wk.words[:0]
		for j := range toks {
			t := &toks[j]
			wk.words = append(wk.words, word{form: doc.Form(t), upos: t.UPOS, xpos: t.XPOS})
		}
		m.parse(wk)
		for j := range toks {
			toks[j].Head = int(wk.state.head[j+1])
			toks[j].DepRel = m.labels[wk.state.label[j+1]]
		}
		repair(toks, wk.words)
	}
	return nil
}

// parse runs the parser over wk.words, leaving the tree in wk.state.
func (m *Model) parse(wk *worker) {
	wk.sent.prepare(wk.words, m.vocab)
	st := &wk.state
	st.reset(len(wk.words))
	for g := range wk.cache {
		wk.cache[g] = fill(wk.cache[g], len(wk.words)+2, cached{})
	}
	for !st.final() {
		kind, forced := st.forced()
		if !forced {
			m.scoreMoves(wk)
			kind = chooseMove(st, wk.moveScores[:], nil)
		}
		l := int32(-1)
		switch {
		case st.rootArc(kind):
			l = m.root
		case kind != shift:
			h, d := st.arc(kind)
			var sure bool
			if l, sure = m.sure[wk.sent.sureKey(h, d)]; !sure {
				wk.feats = wk.sent.labelFeatures(st, h, d, wk.feats[:0])
				clear(wk.labelScores)
				m.labelTab.score(wk.feats, wk.labelScores)
				l = chooseLabel(wk.labelScores, m.root)
			}
		}
		st.apply(kind, l)
	}
}

// scoreMoves sets wk.moveScores for the configuration in wk.state: the
// dynamic features, plus the cached scores of the static groups, scoring
// those not cached yet. All features are fetched from the table together.
func (m *Model) scoreMoves(wk *worker) {
	st := &wk.state
	wk.feats = wk.sent.features(st, wk.feats[:0])
	dynamic := len(wk.feats)
	pos := st.positions()
	var end [groups]int
	for g, i := range pos {
		if !wk.cache[g][i+1].ok {
			wk.feats = wk.sent.staticFeatures(g, i, wk.feats)
		}
		end[g] = len(wk.feats)
	}
	wk.moveScores = [3]int32{}
	known := m.moveTab.fetch(wk.feats) // if not, every score is 0
	if known {
		m.moveTab.add(wk.feats[:dynamic], &wk.moveScores)
	}
	start := dynamic
	for g, i := range pos {
		c := &wk.cache[g][i+1]
		if !c.ok {
			if known {
				m.moveTab.add(wk.feats[start:end[g]], &c.scores)
			}
			c.ok = true
		}
		start = end[g]
		for k, v := range c.scores {
			wk.moveScores[k] += v
		}
	}
}

// chooseMove returns the highest-scoring legal move. When cost is not nil, only moves of minimal
// cost are considered: that is the oracle's choice during training.
func chooseMove[S int32 | float32](st *state, scores []S, cost *[3]int) int {
	canShift, canLeft, canRight := st.legal()
	legal := [3]bool{canShift, canLeft, canRight}
	kind := -1
	for k, ok := range legal {
		if !ok {
			continue
		}
		better := kind < 0
		switch {
		case better:
		case cost != nil && cost[k] != cost[kind]:
			better = cost[k] < cost[kind]
		default:
			better = scores[k] > scores[kind]
		}
		if better {
			kind = k
		}
	}
	return kind
}

// chooseLabel returns the highest-scoring label other than root.
func chooseLabel[S int32 | float32](scores []S, root int32) int32 {
	best := int32(-1)
	for l, sc := range scores {
		if int32(l) != root && (best < 0 || sc > scores[best]) {
			best = int32(l)
		}
	}
	return best
}
