package parse

import (
	"math/rand/v2"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract/conllu"
)

// News has constructions that the web text of EWT has few of: direct
// quotes put before their speaker (`"We are ready," Ushakov told
// reporters.`) and subjects made of two titled names ("President X and
// Prime Minister Y met ..."). Augment rebuilds training trees into these
// shapes, so that the parser sees enough of them: the words, tags and
// relations all come from the treebank, only their order and a few
// punctuation marks and conjunctions change, each with the relation the
// treebank gives such words.

// Augment returns new training sentences made from train: up to
// rate×len(train) of each kind, chosen with seed.
func Augment(train []conllu.Sentence, rate float64, seed uint64) []conllu.Sentence {
	rng := rand.New(rand.NewPCG(seed, 0xa09e))
	want := int(rate * float64(len(train)))
	var out []conllu.Sentence
	order := rng.Perm(len(train))
	quoted := 0
	for _, i := range order {
		if quoted >= want {
			break
		}
		if s, ok := frontQuote(&train[i], rng); ok {
			out = append(out, s)
			quoted++
		}
	}
	// Donor subjects for coordination are the treebank's short nominal
	// subjects; titles are its titles of names.
	var donors, titles []phrase
	for i := range train {
		t := newTree(&train[i])
		for j, w := range train[i].Words {
			if p, ok := t.title(j); ok {
				titles = append(titles, p)
			}
			if (w.DepRel == "nsubj" || w.DepRel == "nsubj:pass") && w.Head-1 == t.Root {
				if p, ok := t.nominal(j); ok {
					donors = append(donors, p)
				}
			}
		}
	}
	coordinated := 0
	for _, i := range rng.Perm(len(train)) {
		if coordinated >= want || len(donors) == 0 {
			break
		}
		donor := donors[rng.IntN(len(donors))]
		if len(titles) > 0 && rng.IntN(2) == 0 {
			donor = titled(donor, titles[rng.IntN(len(titles))])
		}
		s, ok := coordinateSubject(&train[i], donor)
		if !ok {
			continue
		}
		// Half the time the first subject gets a title too.
		if len(titles) > 0 && rng.IntN(2) == 0 {
			t := newTree(&s)
			for j, w := range s.Words {
				if w.DepRel == "nsubj" && w.Head-1 == t.Root {
					if ts, ok := withTitle(&s, j, titles[rng.IntN(len(titles))]); ok {
						s = ts
					}
					break
				}
			}
		}
		out = append(out, s)
		coordinated++
	}
	return out
}

// titled returns name with title before it, when name is a bare name.
func titled(name, title phrase) phrase {
	h := name.head()
	if name.words[h].UPOS != "PROPN" || name.words[0].UPOS == "DET" {
		return name
	}
	for _, w := range name.words {
		if w.DepRel == "nmod:desc" {
			return name
		}
	}
	var words []conllu.Word
	for _, w := range title.words {
		if w.Head == 0 {
			w.Head, w.DepRel = len(title.words)+h+1, "nmod:desc"
		}
		words = append(words, w)
	}
	for _, w := range name.words {
		if w.Head != 0 {
			w.Head += len(title.words)
		}
		words = append(words, w)
	}
	return phrase{words: words}
}

// tree indexes a sentence's dependency structure; positions are 0-based
// word indices, heads -1 for the root.
type tree struct {
	s     *conllu.Sentence
	heads []int
	conllu.Tree
}

func newTree(s *conllu.Sentence) tree {
	t := tree{s: s, heads: make([]int, len(s.Words)), Tree: conllu.NewTree(s.Words)}
	for i, w := range s.Words {
		t.heads[i] = w.Head - 1
	}
	return t
}

// phrase is a contiguous run of words taken out of a sentence. Its words'
// Head fields are relative: k+1 for the phrase's k-th word, 0 for the
// phrase's head.
type phrase struct {
	words []conllu.Word
}

// head returns the index of the phrase's head word.
func (p phrase) head() int {
	for k, w := range p.words {
		if w.Head == 0 {
			return k
		}
	}
	return 0
}

// cut takes the contiguous subtree of word i out as a phrase.
func (t tree) cut(i int) phrase {
	first, last, _ := t.Span(i)
	words := make([]conllu.Word, 0, last-first+1)
	for j := first; j <= last; j++ {
		w := t.s.Words[j]
		if j == i {
			w.Head = 0
		} else {
			w.Head -= first
		}
		words = append(words, w)
	}
	return phrase{words: words}
}

// nominal returns the subtree of i if it is a short noun phrase: a noun or
// name with only nominal, adjectival and determiner words under it.
func (t tree) nominal(i int) (phrase, bool) {
	first, last, ok := t.Span(i)
	if !ok || last-first+1 > 6 {
		return phrase{}, false
	}
	if u := t.s.Words[i].UPOS; u != "PROPN" && u != "NOUN" {
		return phrase{}, false
	}
	for j := first; j <= last; j++ {
		switch t.s.Words[j].UPOS {
		case "PROPN", "NOUN", "ADJ", "DET", "NUM":
		default:
			return phrase{}, false
		}
	}
	return t.cut(i), true
}

// title returns the subtree of i if it is a title before a name
// ("President", "Russian President", "Prime Minister"): a nmod:desc
// dependent of a name, made of nouns, names and adjectives, ending just
// before its name.
func (t tree) title(i int) (phrase, bool) {
	w := t.s.Words[i]
	if w.DepRel != "nmod:desc" || w.Head < 1 || t.s.Words[w.Head-1].UPOS != "PROPN" {
		return phrase{}, false
	}
	first, last, ok := t.Span(i)
	if !ok || last-first+1 > 4 || last+1 != w.Head-1 && !(last+1 < len(t.s.Words) && t.heads[last+1] == w.Head-1) {
		return phrase{}, false
	}
	for j := first; j <= last; j++ {
		switch t.s.Words[j].UPOS {
		case "PROPN", "NOUN", "ADJ":
		default:
			return phrase{}, false
		}
	}
	return t.cut(i), true
}

// insert returns s with phrase p laid in before word at (len(s.Words) to
// append), its head attached to word to of s with relation rel.
func insert(s *conllu.Sentence, at int, p phrase, to int, rel string) conllu.Sentence {
	var items []item
	for j := 0; j < at; j++ {
		items = append(items, item{src: j})
	}
	start := len(items)
	for _, w := range p.words {
		items = append(items, item{src: -1, word: w, head: to})
	}
	for j := at; j < len(s.Words); j++ {
		items = append(items, item{src: j})
	}
	out := rebuild(s, items)
	for k, w := range p.words {
		nw := &out.Words[start+k]
		if w.Head == 0 {
			nw.DepRel = rel // attached to "to" by rebuild
		} else {
			nw.Head = start + w.Head
		}
	}
	return out
}

// hasChild reports whether word i has a dependent with relation rel.
func (t tree) hasChild(i int, rel string) bool {
	for _, c := range t.Children[i] {
		if t.s.Words[c].DepRel == rel {
			return true
		}
	}
	return false
}

// withTitle puts a title before the name that word i of s heads, if it
// has none.
func withTitle(s *conllu.Sentence, i int, title phrase) (conllu.Sentence, bool) {
	t := newTree(s)
	if s.Words[i].UPOS != "PROPN" || t.hasChild(i, "nmod:desc") || t.hasChild(i, "det") {
		return conllu.Sentence{}, false
	}
	first, _, ok := t.Span(i)
	if !ok {
		return conllu.Sentence{}, false
	}
	out := insert(s, first, title, i, "nmod:desc")
	if first == 0 {
		// The title now starts the sentence.
		out.Words[0].Form = upperFirst(out.Words[0].Form)
	}
	return out, true
}

// item is one word of a sentence being rebuilt: a word of the source
// sentence (src ≥ 0) or a new one attached to a source word.
type item struct {
	src  int
	word conllu.Word // for new words: form, tags, relation
	head int         // for new words: source index of the head
}

// rebuild lays out items as a new sentence, renumbering heads.
func rebuild(s *conllu.Sentence, items []item) conllu.Sentence {
	newID := make(map[int]int, len(items))
	for k, it := range items {
		if it.src >= 0 {
			newID[it.src] = k + 1
		}
	}
	out := conllu.Sentence{ID: s.ID + "-aug"}
	for k, it := range items {
		w := it.word
		if it.src >= 0 {
			w = s.Words[it.src]
			if w.Head > 0 {
				w.Head = newID[w.Head-1]
			}
		} else {
			w.Head = newID[it.head]
		}
		w.ID, w.SpaceAfter, w.Misc, w.Deps = k+1, true, "_", "_"
		out.Words = append(out.Words, w)
	}
	return out
}

func punct(form, xpos string, head int) item {
	return item{src: -1, head: head, word: conllu.Word{Form: form, Lemma: form, UPOS: "PUNCT", XPOS: xpos, DepRel: "punct"}}
}

// frontQuote turns `S said (that) CLAUSE.` into `"CLAUSE," S said.`,
// keeping an object of the verb (`S told Y that CLAUSE` → `"CLAUSE," S
// told Y.`).
func frontQuote(s *conllu.Sentence, rng *rand.Rand) (conllu.Sentence, bool) {
	t := newTree(s)
	r := t.Root
	if r < 0 || s.Words[r].UPOS != "VERB" {
		return conllu.Sentence{}, false
	}
	subj, comp, final := -1, -1, -1
	for _, c := range t.Children[r] {
		switch rel := s.Words[c].DepRel; {
		case rel == "nsubj" && c < r:
			subj = c
		case rel == "ccomp" && c > r:
			comp = c
		case rel == "punct" && c == len(s.Words)-1:
			final = c
		case rel == "obj" || rel == "iobj" || rel == "aux" || rel == "advmod":
		default:
			return conllu.Sentence{}, false
		}
	}
	if subj < 0 || comp < 0 || final < 0 {
		return conllu.Sentence{}, false
	}
	sFirst, _, ok := t.Span(subj)
	if !ok || sFirst != 0 {
		return conllu.Sentence{}, false
	}
	cFirst, cLast, ok := t.Span(comp)
	if !ok || cLast != final-1 || cLast-cFirst < 2 {
		return conllu.Sentence{}, false
	}
	// The clause may start with its complementiser ("that"), which a
	// direct quote drops; it must not start with punctuation, which would
	// end up outside the quote marks.
	mark := -1
	if w := s.Words[cFirst]; w.DepRel == "mark" && w.Head-1 == comp {
		mark = cFirst
	}
	if s.Words[cFirst].UPOS == "PUNCT" || mark >= 0 && s.Words[cFirst+1].UPOS == "PUNCT" {
		return conllu.Sentence{}, false
	}
	open, close := `"`, `"`
	if rng.IntN(3) == 0 {
		open, close = "“", "”"
	}
	items := []item{punct(open, "``", comp)}
	for j := cFirst; j <= cLast; j++ {
		if j != mark {
			items = append(items, item{src: j})
		}
	}
	items = append(items, punct(",", ",", comp), punct(close, "''", comp))
	for j := 0; j < cFirst; j++ {
		items = append(items, item{src: j})
	}
	items = append(items, item{src: final})
	out := rebuild(s, items)
	// Sentence case moves with the words: the quote starts the sentence,
	// the speaker no longer does.
	out.Words[1].Form = upperFirst(out.Words[1].Form)
	for k, it := range items {
		if it.src == 0 {
			lowerFirst(out.Words[k:])
		}
	}
	return out, true
}

// coordinateSubject turns `S VERBed ...` into `S and D VERBed ...`, with D
// a noun phrase from another sentence. Only verbs without agreement (past
// tense, modals) are used, so the result stays grammatical.
func coordinateSubject(s *conllu.Sentence, donor phrase) (conllu.Sentence, bool) {
	t := newTree(s)
	r := t.Root
	if r < 0 || s.Words[r].XPOS != "VBD" && s.Words[r].XPOS != "VB" {
		return conllu.Sentence{}, false
	}
	subj := -1
	for _, c := range t.Children[r] {
		w := s.Words[c]
		if w.DepRel == "nsubj" && c < r {
			subj = c
		}
		if (w.DepRel == "aux" || w.DepRel == "cop" || w.DepRel == "aux:pass") && w.XPOS != "MD" {
			return conllu.Sentence{}, false // "was", "has": agreement
		}
	}
	if subj < 0 {
		return conllu.Sentence{}, false
	}
	if _, ok := t.nominal(subj); !ok {
		return conllu.Sentence{}, false
	}
	_, last, _ := t.Span(subj)
	// "and" joins the donor as its cc; the donor's head becomes a conj of
	// the subject.
	and := conllu.Word{Form: "and", Lemma: "and", UPOS: "CCONJ", XPOS: "CC", DepRel: "cc", Head: donor.head() + 2}
	p := phrase{words: []conllu.Word{and}}
	for _, w := range donor.words {
		if w.Head != 0 {
			w.Head++
		}
		p.words = append(p.words, w)
	}
	lowerFirst(p.words[1:])
	return insert(s, last+1, p, subj, "conj"), true
}

func upperFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}

// lowerFirst lower-cases the first of words, which no longer starts the
// sentence, unless it is a name, "I", or the start of a capitalised run
// ("New Orleans mayor").
func lowerFirst(words []conllu.Word) {
	w := &words[0]
	if w.UPOS == "PROPN" || w.Form == "I" {
		return
	}
	if len(words) > 1 {
		if r, _ := utf8.DecodeRuneInString(words[1].Form); unicode.IsUpper(r) {
			return
		}
	}
	r, size := utf8.DecodeRuneInString(w.Form)
	w.Form = string(unicode.ToLower(r)) + w.Form[size:]
}
