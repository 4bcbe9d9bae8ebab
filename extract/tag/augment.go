package tag

import (
	"math/rand/v2"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract/conllu"
)

// News is written in shapes that the web text of EWT has few of: subjects
// that are long titled names ("Russian President Vladimir Putin"), two
// names joined by "and", quotes put before their speaker (`"We are
// ready," the minister said.`), headlines in title case, and present-tense
// verbs that EWT has mostly as nouns ("Acme plans to cut jobs"). A tagger
// that rarely saw a verb right after a run of names takes "spoke" or
// "plans" there for a noun. augment rebuilds treebank sentences into these
// shapes: the words and their tags come from the treebank, only their
// order, their case and a few punctuation marks and conjunctions change,
// and a verb may give way to another form with the same tag.

// example is one training sentence: a treebank sentence or one rebuilt
// from the treebank sentence src.
type example struct {
	src   int
	words []conllu.Word
}

// augment returns news-shaped sentences rebuilt from train, about
// rate×len(train) of each kind, chosen with seed.
func augment(train []conllu.Sentence, rate float64, seed uint64) []example {
	rng := rand.New(rand.NewPCG(seed, 0x6e657773))
	want := int(rate * float64(len(train)))
	names, titles := namePhrases(train)
	if len(names) == 0 || want == 0 {
		return nil
	}
	var out []example
	// gather adds up to want examples that build makes from training
	// sentences taken in a random order.
	gather := func(build func(s *conllu.Sentence) ([]conllu.Word, bool)) {
		made := 0
		for _, i := range rng.Perm(len(train)) {
			if made >= want {
				break
			}
			if w, ok := build(&train[i]); ok {
				out = append(out, example{src: i, words: w})
				made++
			}
		}
	}
	// A subject replaced by a name, a titled name or two of them.
	gather(func(s *conllu.Sentence) ([]conllu.Word, bool) { return withNamedSubject(s, names, titles, rng) })
	// A quote put before its speaker. (Named speakers here made the
	// tagger worse on EWT dev.)
	gather(func(s *conllu.Sentence) ([]conllu.Word, bool) { return frontQuote(s, rng) })
	// A named subject before a present-tense verb that the treebank
	// mostly has as a noun ("Acme plans", "Putin vows").
	verbs := nounlikeVerbs(train)
	gather(func(s *conllu.Sentence) ([]conllu.Word, bool) { return withNounlikeVerb(s, verbs, names, titles, rng) })
	// A short sentence set as a headline, half the time with a named
	// subject.
	gather(func(s *conllu.Sentence) ([]conllu.Word, bool) {
		if len(s.Words) > 14 || !isClause(s) {
			return nil, false
		}
		words := s.Words
		if rng.IntN(2) == 0 {
			if w, ok := withNamedSubject(s, names, titles, rng); ok {
				words = w
			}
		}
		return headline(words, rng), true
	})
	return out
}

// tree indexes a sentence's dependency structure by 0-based word index.
type tree struct {
	words []conllu.Word
	conllu.Tree
}

func newTree(words []conllu.Word) tree {
	return tree{words: words, Tree: conllu.NewTree(words)}
}

// finite returns the word that carries a clause's tense: the root's first
// auxiliary or copula before it, else the root itself.
func (t tree) finite() int {
	for _, c := range t.Children[t.Root] {
		switch t.words[c].DepRel {
		case "aux", "aux:pass", "cop":
			if c < t.Root {
				return c
			}
		}
	}
	return t.Root
}

// isClause reports whether a sentence is a clause with a finite verb.
func isClause(s *conllu.Sentence) bool {
	t := newTree(s.Words)
	if t.Root < 0 {
		return false
	}
	switch t.words[t.finite()].XPOS {
	case "VBD", "VBZ", "VBP", "MD":
		return true
	}
	return false
}

// namePhrases collects from train the subjects made only of capitalised
// names ("Enron", "Kenneth Lay") and the titles put before names
// ("President", "Prime Minister").
func namePhrases(train []conllu.Sentence) (names, titles [][]conllu.Word) {
	for k := range train {
		t := newTree(train[k].Words)
		for i, w := range t.words {
			first, last, ok := t.Span(i)
			if !ok || last-first >= 4 {
				continue
			}
			phrase := t.words[first : last+1]
			switch {
			case (w.DepRel == "nsubj" || w.DepRel == "nsubj:pass") && allCapitalised(phrase, "PROPN"):
				names = append(names, phrase)
			case w.DepRel == "nmod:desc" && w.Head == last+2 && t.words[last+1].UPOS == "PROPN" &&
				allCapitalised(phrase, "PROPN", "NOUN", "ADJ"):
				titles = append(titles, phrase)
			}
		}
	}
	return names, titles
}

// allCapitalised reports whether every word of phrase is capitalised and
// has one of the UPOS tags given.
func allCapitalised(phrase []conllu.Word, upos ...string) bool {
	for _, w := range phrase {
		r, _ := utf8.DecodeRuneInString(w.Form)
		if !unicode.IsUpper(r) || !slices.Contains(upos, w.UPOS) {
			return false
		}
	}
	return true
}

// withNamedSubject replaces the subject of a clause with a named one (see
// namedSubject). The words keep their tags; the result has no tree.
func withNamedSubject(s *conllu.Sentence, names, titles [][]conllu.Word, rng *rand.Rand) ([]conllu.Word, bool) {
	t := newTree(s.Words)
	if t.Root < 0 {
		return nil, false
	}
	subj := -1
	for _, c := range t.Children[t.Root] {
		if rel := t.words[c].DepRel; (rel == "nsubj" || rel == "nsubj:pass") && c < t.Root {
			subj = c
		}
	}
	if subj < 0 {
		return nil, false
	}
	first, last, ok := t.Span(subj)
	if !ok {
		return nil, false
	}
	subject, ok := namedSubject(t.words[t.finite()], names, titles, rng)
	if !ok {
		return nil, false
	}
	out := make([]conllu.Word, 0, len(s.Words)+len(subject))
	out = append(out, s.Words[:first]...)
	out = append(out, subject...)
	return append(out, s.Words[last+1:]...), true
}

// namedSubject makes a subject for a clause whose tense fin carries: a
// name, a titled name, or two of them joined by "and", as the agreement
// of fin allows (two names only before a plural or tenseless verb, one
// before "-s").
func namedSubject(fin conllu.Word, names, titles [][]conllu.Word, rng *rand.Rand) ([]conllu.Word, bool) {
	var two bool
	switch {
	case fin.XPOS == "VBZ" || fin.Form == "was" || fin.Form == "am":
		two = false
	case fin.XPOS == "VBP":
		two = true
	case fin.XPOS == "VBD" || fin.XPOS == "MD":
		two = rng.IntN(2) == 0
	default:
		return nil, false
	}
	name := func() []conllu.Word {
		var p []conllu.Word
		if len(titles) > 0 && rng.IntN(2) == 0 {
			p = append(p, titles[rng.IntN(len(titles))]...)
		}
		return append(p, names[rng.IntN(len(names))]...)
	}
	subject := name()
	if two {
		subject = append(subject, conllu.Word{Form: "and", UPOS: "CCONJ", XPOS: "CC"})
		subject = append(subject, name()...)
	}
	return subject, true
}

// frontQuote turns `S said (that) CLAUSE.` into `"CLAUSE," S said.`,
// keeping an object of the verb (`S told Y that CLAUSE` → `"CLAUSE," S
// told Y.`).
func frontQuote(s *conllu.Sentence, rng *rand.Rand) ([]conllu.Word, bool) {
	t := newTree(s.Words)
	r := t.Root
	if r < 0 || t.words[r].UPOS != "VERB" {
		return nil, false
	}
	subj, comp, final := -1, -1, -1
	for _, c := range t.Children[r] {
		switch rel := t.words[c].DepRel; {
		case rel == "nsubj" && c < r:
			subj = c
		case rel == "ccomp" && c > r:
			comp = c
		case rel == "punct" && c == len(t.words)-1:
			final = c
		case rel == "obj" || rel == "iobj" || rel == "aux" || rel == "advmod":
		default:
			return nil, false
		}
	}
	if subj < 0 || comp < 0 || final < 0 {
		return nil, false
	}
	sFirst, sLast, ok := t.Span(subj)
	if !ok || sFirst != 0 {
		return nil, false
	}
	cFirst, cLast, ok := t.Span(comp)
	if !ok || cLast != final-1 || cLast-cFirst < 2 {
		return nil, false
	}
	// A direct quote drops the complementiser ("that"), and must not
	// start with punctuation, which would end up outside the marks.
	if w := t.words[cFirst]; w.DepRel == "mark" && w.Head-1 == comp {
		cFirst++
	}
	if t.words[cFirst].UPOS == "PUNCT" {
		return nil, false
	}
	open, close := `"`, `"`
	if rng.IntN(3) == 0 {
		open, close = "“", "”"
	}
	out := []conllu.Word{{Form: open, UPOS: "PUNCT", XPOS: "``"}}
	out = append(out, t.words[cFirst:cLast+1]...)
	out[1].Form = upperFirst(out[1].Form)
	out = append(out, conllu.Word{Form: ",", UPOS: "PUNCT", XPOS: ","}, conllu.Word{Form: close, UPOS: "PUNCT", XPOS: "''"})
	speaker := len(out)
	out = append(out, t.words[:sLast+1]...)
	// The speaker no longer starts the sentence.
	if w := &out[speaker]; w.UPOS != "PROPN" && w.Form != "I" {
		w.Form = lowerFirst(w.Form)
	}
	// Then the verb, and whatever came between it and the clause (an
	// object).
	clause, _, _ := t.Span(comp)
	out = append(out, t.words[sLast+1:r+1]...)
	out = append(out, t.words[r+1:clause]...)
	return append(out, t.words[final]), true
}

// headlineLower are the short words that title case leaves in lower case.
var headlineLower = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "or": true, "but": true, "nor": true,
	"of": true, "in": true, "on": true, "at": true, "to": true, "for": true, "by": true,
	"as": true, "up": true, "off": true, "via": true,
}

// headline sets a sentence as a headline: without its final full stop,
// without most of its articles, every other word capitalised.
func headline(words []conllu.Word, rng *rand.Rand) []conllu.Word {
	out := make([]conllu.Word, 0, len(words))
	for i, w := range words {
		lower := strings.ToLower(w.Form)
		switch {
		case i == len(words)-1 && w.UPOS == "PUNCT" && w.Form == ".":
			continue
		case (lower == "the" || lower == "a" || lower == "an") && w.UPOS == "DET" && rng.IntN(4) != 0:
			continue
		case len(out) == 0 || !headlineLower[lower]:
			w.Form = upperFirst(w.Form)
		}
		out = append(out, w)
	}
	return out
}

func upperFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}

func lowerFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) || size == len(s) {
		return s
	}
	// An acronym ("US", "NATO") keeps its capitals.
	if r2, _ := utf8.DecodeRuneInString(s[size:]); unicode.IsUpper(r2) {
		return s
	}
	return string(unicode.ToLower(r)) + s[size:]
}

// nounlikeVerbs lists, by XPOS (VBZ, VBP), the present-tense forms of
// the treebank's verbs that it has as nouns ("plans", "votes", "face").
func nounlikeVerbs(train []conllu.Sentence) map[string][]string {
	lemmas := map[string]bool{}
	nouns := map[string]bool{}
	for _, s := range train {
		for _, w := range s.Words {
			switch {
			case w.UPOS == "VERB" && isWord(w.Lemma):
				lemmas[w.Lemma] = true
			case w.XPOS == "NN" || w.XPOS == "NNS":
				nouns[w.Form] = true
			}
		}
	}
	out := map[string][]string{}
	for l := range lemmas {
		if s := thirdPerson(l); nouns[s] {
			out["VBZ"] = append(out["VBZ"], s)
		}
		if nouns[l] {
			out["VBP"] = append(out["VBP"], l)
		}
	}
	for _, forms := range out {
		slices.Sort(forms)
	}
	return out
}

// isWord reports whether s is a lower-case word of letters.
func isWord(s string) bool {
	for _, r := range s {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return s != ""
}

// thirdPerson returns the "-s" form of a regular verb.
func thirdPerson(lemma string) string {
	switch {
	case strings.HasSuffix(lemma, "s") || strings.HasSuffix(lemma, "x") || strings.HasSuffix(lemma, "z") ||
		strings.HasSuffix(lemma, "ch") || strings.HasSuffix(lemma, "sh"):
		return lemma + "es"
	case strings.HasSuffix(lemma, "y") && len(lemma) > 1 && !strings.ContainsRune("aeiou", rune(lemma[len(lemma)-2])):
		return lemma[:len(lemma)-1] + "ies"
	}
	return lemma + "s"
}

// withNounlikeVerb gives a clause whose root is a present-tense verb
// after its subject a named subject and one of verbs in place of the
// root.
func withNounlikeVerb(s *conllu.Sentence, verbs map[string][]string, names, titles [][]conllu.Word, rng *rand.Rand) ([]conllu.Word, bool) {
	t := newTree(s.Words)
	if t.Root < 0 || t.finite() != t.Root {
		return nil, false
	}
	root := t.words[t.Root]
	forms := verbs[root.XPOS]
	if root.UPOS != "VERB" || len(forms) == 0 {
		return nil, false
	}
	// The root keeps its place: the new subject replaces the old one,
	// which comes before it.
	w, ok := withNamedSubject(s, names, titles, rng)
	if !ok {
		return nil, false
	}
	shift := len(w) - len(s.Words)
	w[t.Root+shift].Form = forms[rng.IntN(len(forms))]
	return w, true
}
