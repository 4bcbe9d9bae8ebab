// Package morph is newsgraph's lemmatiser and morphological analyser: it
// gives every tagged word its lemma ("said" → "say") and its UD features
// ("Mood=Ind|Tense=Past|VerbForm=Fin").
//
// Both are learned from the treebank as tables keyed by the word and its
// tags. Words the tables do not know are handled by suffix rules learned
// from the same data: for the word's tag and longest known ending, the edit
// that most often turned such a word into its lemma ("-ies" → "-y" for
// NNS), and the features most often seen with that tag and ending.
package morph

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/conllu"
	"github.com/newsgraph/newsgraph/extract/modelfile"
)

// minInContext is how often a word must be seen before a given next tag
// for its lemma there to be trusted over its usual one.
const minInContext = 3

// maxSuffix is the longest word ending, in characters, that rules look at.
const maxSuffix = 6

// Model is a trained lemmatiser; immutable and safe for concurrent use.
//
// A word is looked up, in order: as written with its tags ("i" PRON → "I");
// lower-cased with its tags; by the longest known ending of its lower-cased
// form. The last two give a lower-case lemma, which is then given the case
// its tags and shape call for (names keep theirs: "Bagels" → "Bagel"; words
// capitalised at the start of a sentence lose it: "Meetings" → "meeting").
type Model struct {
	exact  map[string]analysis // "tags\tform": edit of the form as written
	folded map[string]analysis // "tags\tlower-case form": edit of the lower-cased form
	rules  map[string]analysis // "tags\tending": edit of the lower-cased form
	cases  map[string]casing   // caseKey: how a lemma takes the form's case
	// common holds the words seen written in lower case in training: a
	// capitalised "Fast" is the word "fast" at the start of a sentence,
	// while "Italian", never seen lower-cased, keeps its capital.
	common map[string]bool
	// ungroup tells whether the lemma of a number written with digit
	// groups ("1,250,000") drops the separators, as EWT's do.
	ungroup bool
	// lemmas holds "UPOS\tlemma" for the lemma of every word in folded:
	// the lemmas the treebank has, whatever form they were seen in
	// ("intervene", seen only as "intervening").
	lemmas map[string]bool
}

// knownLemmas returns the lemmas of the words of a folded table, keyed
// as Model.lemmas.
func knownLemmas(folded map[string]analysis) map[string]bool {
	out := make(map[string]bool, len(folded))
	for key, a := range folded {
		tags, lower, _ := strings.Cut(key, "\t")
		upos, _, _ := strings.Cut(tags, " ")
		out[upos+"\t"+a.apply(lower)] = true
	}
	return out
}

// caseKey is what the casing of a lemma is learned and looked up by.
func (m *Model) caseKey(form, lower, upos string) string {
	common := "rare"
	if m.common[lower] {
		common = "common"
	}
	return upos + "\t" + shape(form) + "\t" + common
}

// groupedNumber reports whether form is a number with digit groups,
// such as "1,250,000" or "3,500.75", and returns it without separators.
func groupedNumber(form string) (string, bool) {
	intPart, frac, _ := strings.Cut(form, ".")
	groups := strings.Split(intPart, ",")
	if len(groups) < 2 || len(groups[0]) == 0 || len(groups[0]) > 3 {
		return "", false
	}
	for i, g := range groups {
		if i > 0 && len(g) != 3 || !allDigits(g) {
			return "", false
		}
	}
	if strings.Contains(form, ".") && (frac == "" || !allDigits(frac)) {
		return "", false
	}
	return strings.ReplaceAll(form, ",", ""), true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// analysis is a lemma edit plus features: cut Cut characters off the end
// of the form and append Add.
type analysis struct {
	Cut   int
	Add   string
	Feats string
}

func (a analysis) apply(form string) string {
	cut := len(form)
	for i := 0; i < a.Cut && cut > 0; i++ {
		_, size := utf8.DecodeLastRuneInString(form[:cut])
		cut -= size
	}
	return form[:cut] + a.Add
}

// editFor finds the edit that turns form into lemma.
func editFor(form, lemma, feats string) analysis {
	// Longest common prefix, in whole characters.
	p := 0
	for p < len(form) && p < len(lemma) {
		r1, s1 := utf8.DecodeRuneInString(form[p:])
		r2, _ := utf8.DecodeRuneInString(lemma[p:])
		if r1 != r2 {
			break
		}
		p += s1
	}
	if feats == "_" {
		feats = ""
	}
	return analysis{Cut: utf8.RuneCountInString(form[p:]), Add: lemma[p:], Feats: feats}
}

// casing is how a lemma found for the lower-cased form takes the case of
// the form.
type casing uint8

const (
	lowerCase casing = iota // "Meetings" → "meeting"
	keepCase                // "Bagels" → "Bagel", "NATO" → "NATO"
	titleCase               // "GINSBURG" → "Ginsburg"
)

// shape classes a form by its case and length, the things that decide how
// its lemma is cased.
func shape(form string) string {
	if strings.ContainsAny(form, "0123456789") {
		return "digits" // codes and dates: "EB3326", "01-Feb-02"
	}
	upper, lower, letters := 0, 0, 0
	first := true
	initial := false
	for _, r := range form {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
				if first {
					initial = true
				}
			} else {
				lower++
			}
			first = false
		}
	}
	size := "long"
	switch {
	case letters <= 3:
		size = "short"
	case letters <= 5:
		size = "mid"
	}
	switch {
	case upper == 0:
		return "lower"
	case lower == 0:
		return "caps-" + size
	case initial && upper == 1:
		return "capitalised"
	}
	return "mixed"
}

// casingOf tells how lemma is cased relative to form.
func casingOf(form, lemma string) casing {
	switch {
	case lemma == strings.ToLower(lemma):
		return lowerCase
	case lemma == title(strings.ToLower(lemma)) && form != lemma:
		return titleCase
	}
	return keepCase
}

func title(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if size == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}

// recase gives a lower-case lemma the case c calls for, copying the form's
// case letter by letter where the two agree.
func (c casing) recase(form, lemma string) string {
	switch c {
	case lowerCase:
		return lemma
	case titleCase:
		return title(lemma)
	}
	var b strings.Builder
	rest := form
	for _, r := range lemma {
		f, size := utf8.DecodeRuneInString(rest)
		if size > 0 && unicode.ToLower(f) == r {
			r = f
		}
		rest = rest[size:]
		b.WriteRune(r)
	}
	return b.String()
}

func tagKey(upos, xpos string) string { return upos + " " + xpos }

// Process sets the lemma and features of every word of doc.
func (m *Model) Process(ctx context.Context, doc *extract.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	for _, sent := range doc.Sentences {
		words := doc.Words(sent)
		for i := range words {
			next := ""
			if i+1 < len(words) {
				next = words[i+1].XPOS
			}
			t := &words[i]
			t.Lemma, t.Feats = m.Analyze(doc.Form(t), t.UPOS, t.XPOS, next)
		}
	}
	return nil
}

// Analyze returns the lemma and features of a form with the given tags;
// next is the XPOS of the following word ("" if none), which settles the
// few forms whose lemma depends on it ("'s" is "have" before a participle).
func (m *Model) Analyze(form, upos, xpos, next string) (lemma, feats string) {
	tags := tagKey(upos, xpos)
	if a, ok := m.exact[tags+"\t"+form+"\t"+next]; ok {
		return a.apply(form), a.Feats
	}
	if a, ok := m.exact[tags+"\t"+form]; ok {
		return a.apply(form), a.Feats
	}
	if plain, ok := groupedNumber(form); ok && m.ungroup {
		return plain, m.rules[tags+"\t"].Feats
	}
	lower := strings.ToLower(form)
	// A name written in lower case ("chicago", "italian"), a word the
	// treebank never has in lower case, is looked up as capitalised: its
	// lemma is the name's ("Chicago").
	if form == lower && (upos == "PROPN" || upos == "ADJ") && !m.common[lower] {
		if a, ok := m.exact[tags+"\t"+title(form)]; ok {
			return a.apply(title(form)), a.Feats
		}
	}
	a, ok := m.folded[tags+"\t"+lower]
	if !ok {
		a, ok = m.ruleFor(lower, upos, xpos)
		// A verb form known with its twin tag ("won" as VBD, not VBN)
		// has the same lemma; its features are the rule's.
		if twin, isVerb := verbTwins[xpos]; isVerb && upos == "VERB" {
			if t, known := m.folded[tagKey(upos, twin)+"\t"+lower]; known {
				a.Cut, a.Add, ok = t.Cut, t.Add, true
			}
		}
		if !ok {
			return form, ""
		}
		if upos == "VERB" {
			a = m.silentE(lower, a)
		}
	}
	// The casing learned for the tags and shape, else for the UPOS and
	// shape, else for the shape with any tag, else for the UPOS. XPOS
	// matters for adjectives: "Upper" as NNP (part of a name) keeps its
	// capital, as JJ at the start of a sentence it does not.
	c, ok := m.cases[m.caseKey(form, lower, tags)]
	if !ok {
		c, ok = m.cases[m.caseKey(form, lower, upos)]
	}
	if !ok {
		c, ok = m.cases[m.caseKey(form, lower, "")]
	}
	if !ok {
		c = m.cases[upos]
	}
	return c.recase(form, a.apply(lower)), a.Feats
}

// ruleFor finds the suffix rule for a lower-cased form the tables do
// not know. The longest known ending comes first ("provoked" ends like
// "looked"), unless its lemma is no word the treebank has with that UPOS
// ("provok") and a shorter ending's lemma is ("provoke"). The whole word
// counts as an ending too, so short unknown words still find a rule. A
// rule never cuts more than the ending it was found by: "stuck" → "stick"
// may be the only past tense in "-ck", and "sack" is not "sick".
// A verb's edits are learned from its tag and its twin's forms together
// (past tense and participle: "resumed" ends like "assumed", seen only
// as a participle), its features from its own tag's.
func (m *Model) ruleFor(lower, upos, xpos string) (analysis, bool) {
	tags := tagKey(upos, xpos)
	pooled, isVerb := pooledTags(upos, xpos)
	var first analysis
	found := false
	for k := min(maxSuffix, utf8.RuneCountInString(lower)); k >= 0; k-- {
		a, ok := m.rules[tags+"\t"+suffix(lower, k)]
		if isVerb {
			var edit analysis
			if edit, ok = m.rules[pooled+"\t"+suffix(lower, k)]; ok {
				a.Cut, a.Add = edit.Cut, edit.Add
				if a.Feats == "" {
					a.Feats = m.rules[tags+"\t"].Feats
				}
			}
		}
		if !ok || a.Cut > k || undoubles(lower, a) {
			continue
		}
		if !found {
			first, found = a, true
		}
		if m.isLemma(a.apply(lower), upos) {
			return a, true
		}
	}
	return first, found
}

// undoubles tells whether edit a takes off a consonant that lower does not
// double. English doubles a stem's last consonant before "-ed", "-ing",
// "-er" ("stopped", "stop"), and the rules learn to take the copy off with
// the ending; but a rule learned from such words alone can own an ending
// other words share: "-ped" is "stopped" and "dropped" in the treebank,
// so "wiped" would be "wi". The cut must then begin with the letter
// before it.
func undoubles(lower string, a analysis) bool {
	if a.Add != "" || a.Cut < 3 || a.Cut >= utf8.RuneCountInString(lower) {
		return false
	}
	cut := suffix(lower, a.Cut)
	first, _ := utf8.DecodeRuneInString(cut)
	before, _ := utf8.DecodeLastRuneInString(lower[:len(lower)-len(cut)])
	return unicode.IsLetter(first) && !strings.ContainsRune("aeiouy", unicode.ToLower(first)) && first != before
}

// silentE restores the silent "e" a rule's lemma of an unknown verb form
// lost ("fined" → "fin", "timed" → "tim"): English doubles the last
// consonant of a one-syllable stem of one vowel and one consonant before
// "-ed" and "-ing" ("planned", "hopping"), so a single consonant there
// means the stem ended in "e" ("fine", "hope"). The rules cannot learn
// this: they see endings, and "-ined" is "join" as often as "fine". A
// longer stem takes the "e" when the treebank has the verb with it
// ("intervened": "intervene" is seen as "intervening"). It applies only
// when the rule's lemma is no verb the treebank knows and the form ends
// in "-ed" or "-ing" with the stem left as the form's.
func (m *Model) silentE(lower string, a analysis) analysis {
	lemma := a.apply(lower)
	if a.Add != "" || m.isLemma(lemma, "VERB") || !isCVC(lemma) && !m.isLemma(lemma+"e", "VERB") {
		return a
	}
	if lower != lemma+"ed" && lower != lemma+"ing" {
		return a
	}
	a.Add = "e"
	return a
}

// isCVC tells whether a stem is one syllable ending in a single vowel and a
// single consonant other than w, x and y ("fin", "hop"; not "join",
// "open", "fix").
func isCVC(stem string) bool {
	const vowels = "aeiou"
	n := len(stem)
	if n < 2 || n > 5 || !isASCIILower(stem) {
		return false
	}
	last, prev := stem[n-1], stem[n-2]
	if strings.IndexByte(vowels, last) >= 0 || strings.IndexByte("wxy", last) >= 0 || strings.IndexByte(vowels, prev) < 0 {
		return false
	}
	// One syllable: the vowel before the last consonant is the only one
	// ("join" and "open" have two), the "u" of "qu" being a consonant
	// ("quote").
	for i := 0; i < n-2; i++ {
		if strings.IndexByte(vowels+"y", stem[i]) >= 0 && (stem[i] != 'u' || i == 0 || stem[i-1] != 'q') {
			return false
		}
	}
	return true
}

// isASCIILower tells whether s is all ASCII lower-case letters.
func isASCIILower(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}

// pooledTags returns the key of the rules learned from the forms of a verb
// tag and its twin together ("VERB VBD+VBN"), and whether it has one.
func pooledTags(upos, xpos string) (string, bool) {
	twin, ok := verbTwins[xpos]
	if !ok || upos != "VERB" {
		return "", false
	}
	return tagKey(upos, min(xpos, twin)+"+"+max(xpos, twin)), true
}

// verbTwins pairs the verb tags whose forms share their lemmas' edits.
var verbTwins = map[string]string{"VBD": "VBN", "VBN": "VBD", "VB": "VBP", "VBP": "VB"}

// isLemma reports whether the treebank has lemma as the lemma of a word
// of that UPOS, in any of its forms.
func (m *Model) isLemma(lemma, upos string) bool {
	return m.lemmas[upos+"\t"+lemma]
}

// suffix returns the last k characters of s.
func suffix(s string, k int) string {
	i := len(s)
	for ; k > 0 && i > 0; k-- {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}

// Train learns the tables from gold sentences and logs accuracy on dev.
func Train(ctx context.Context, train, dev []conllu.Sentence, log *slog.Logger) (*Model, error) {
	exact, folded, rules := counter[analysis]{}, counter[analysis]{}, counter[analysis]{}
	cases := counter[casing]{}
	// Rules count word types, not tokens: an ending's rule should be
	// what most different words with that ending do, not what its most
	// frequent word does ("looked" must not teach that "-oked" loses "ed"
	// when "smoked", "joked" and "invoked" lose only "d").
	seen := map[string]bool{}
	m := &Model{common: map[string]bool{}}
	ungroup := 0
	for _, s := range train {
		for _, w := range s.Words {
			if strings.ToLower(w.Form) == w.Form && strings.IndexFunc(w.Form, unicode.IsLetter) >= 0 {
				m.common[w.Form] = true
			}
			if plain, ok := groupedNumber(w.Form); ok {
				if w.Lemma == plain {
					ungroup++
				} else {
					ungroup--
				}
			}
		}
	}
	m.ungroup = ungroup > 0
	inContext := counter[analysis]{}
	for _, s := range train {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		for i, w := range s.Words {
			tags := tagKey(w.UPOS, w.XPOS)
			lower, lowerLemma := strings.ToLower(w.Form), strings.ToLower(w.Lemma)
			next := ""
			if i+1 < len(s.Words) {
				next = s.Words[i+1].XPOS
			}
			exact.add(tags+"\t"+w.Form, editFor(w.Form, w.Lemma, w.Feats))
			inContext.add(tags+"\t"+w.Form+"\t"+next, editFor(w.Form, w.Lemma, w.Feats))
			a := editFor(lower, lowerLemma, w.Feats)
			folded.add(tags+"\t"+lower, a)
			if lower != w.Form {
				c := casingOf(w.Form, w.Lemma)
				cases.add(m.caseKey(w.Form, lower, tags), c)
				cases.add(m.caseKey(w.Form, lower, w.UPOS), c)
				cases.add(m.caseKey(w.Form, lower, ""), c)
				cases.add(w.UPOS, c)
			}
			if key := tags + "\t" + lower + "\t" + lowerLemma; !seen[key] {
				seen[key] = true
				for k := 0; k <= min(maxSuffix, utf8.RuneCountInString(lower)); k++ {
					rules.add(tags+"\t"+suffix(lower, k), a)
					if pooled, ok := pooledTags(w.UPOS, w.XPOS); ok {
						rules.add(pooled+"\t"+suffix(lower, k), analysis{Cut: a.Cut, Add: a.Add})
					}
				}
			}
		}
	}
	m.exact, m.folded, m.rules, m.cases = exact.best(1), folded.best(1), rules.best(2), cases.best(1)
	m.lemmas = knownLemmas(m.folded)
	// Keep a word's lemma in context only where it is seen often and is
	// not the word's usual one.
	for key, a := range inContext.best(minInContext) {
		word := key[:strings.LastIndexByte(key, '\t')]
		if a.Cut != m.exact[word].Cut || a.Add != m.exact[word].Add {
			m.exact[key] = a
		}
	}
	attrs := []any{"words", len(m.exact), "rules", len(m.rules)}
	if len(dev) > 0 {
		l, f := m.Accuracy(dev)
		attrs = append(attrs, "dev_lemma", fmt.Sprintf("%.2f", 100*l), "dev_feats", fmt.Sprintf("%.2f", 100*f))
	}
	log.Info("lemmatiser trained", attrs...)
	return m, nil
}

// Accuracy returns lemma and feature accuracy on gold sentences, using
// their gold tags.
func (m *Model) Accuracy(gold []conllu.Sentence) (lemma, feats float64) {
	var nl, nf, n int
	for _, s := range gold {
		for i, w := range s.Words {
			next := ""
			if i+1 < len(s.Words) {
				next = s.Words[i+1].XPOS
			}
			l, f := m.Analyze(w.Form, w.UPOS, w.XPOS, next)
			if l == w.Lemma {
				nl++
			}
			if f == strings.TrimPrefix(w.Feats, "_") {
				nf++
			}
			n++
		}
	}
	return float64(nl) / float64(max(n, 1)), float64(nf) / float64(max(n, 1))
}

// counter counts values per key.
type counter[V comparable] map[string]map[V]int

func (c counter[V]) add(key string, v V) {
	if c[key] == nil {
		c[key] = map[V]int{}
	}
	c[key][v]++
}

// best keeps, for every key seen at least minCount times, its most frequent
// value (ties broken by the values' encoding, so training is deterministic).
func (c counter[V]) best(minCount int) map[string]V {
	out := make(map[string]V, len(c))
	for key, byV := range c {
		var best V
		bestN, total := -1, 0
		for v, n := range byV {
			total += n
			if n > bestN || n == bestN && fmt.Sprint(v) < fmt.Sprint(best) {
				best, bestN = v, n
			}
		}
		if total >= minCount {
			out[key] = best
		}
	}
	return out
}

// encode writes an analysis as one string, the form it is stored in.
func encode(a analysis) string {
	return strconv.Itoa(a.Cut) + "\x00" + a.Add + "\x00" + a.Feats
}

func decode(s string) (analysis, error) {
	parts := strings.SplitN(s, "\x00", 3)
	if len(parts) != 3 {
		return analysis{}, fmt.Errorf("bad analysis %q", s)
	}
	cut, err := strconv.Atoi(parts[0])
	if err != nil || cut < 0 {
		return analysis{}, fmt.Errorf("bad analysis %q", s)
	}
	return analysis{Cut: cut, Add: parts[1], Feats: parts[2]}, nil
}

// WriteTo writes the model in newsgraph's model file format.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	mw := modelfile.NewWriter(w, "lemmatiser")
	for _, table := range []map[string]analysis{m.exact, m.folded, m.rules} {
		// Analyses are few and repeat: write each once, then refer to it.
		keys := sortedKeys(table)
		ids := map[string]int{}
		var list []string
		for _, k := range keys {
			e := encode(table[k])
			if _, ok := ids[e]; !ok {
				ids[e] = len(list)
				list = append(list, e)
			}
		}
		mw.Strings(list)
		mw.Strings(keys)
		for _, k := range keys {
			mw.Uvarint(uint64(ids[encode(table[k])]))
		}
	}
	keys := sortedKeys(m.cases)
	mw.Strings(keys)
	for _, k := range keys {
		mw.Uvarint(uint64(m.cases[k]))
	}
	mw.Strings(sortedKeys(m.common))
	ungroup := uint64(0)
	if m.ungroup {
		ungroup = 1
	}
	mw.Uvarint(ungroup)
	return mw.Close()
}

func sortedKeys[V any](table map[string]V) []string {
	keys := make([]string, 0, len(table))
	for k := range table {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Load reads a model written by WriteTo.
func Load(r io.Reader) (*Model, error) {
	mr, err := modelfile.NewReader(r, "lemmatiser")
	if err != nil {
		return nil, err
	}
	var tables [3]map[string]analysis
	for t := range tables {
		list := mr.Strings()
		analyses := make([]analysis, len(list))
		for i, e := range list {
			if analyses[i], err = decode(e); err != nil {
				return nil, fmt.Errorf("lemmatiser model: %w", err)
			}
		}
		keys := mr.Strings()
		if len(keys) > 0 && len(analyses) == 0 {
			return nil, fmt.Errorf("lemmatiser model: no analyses")
		}
		tables[t] = make(map[string]analysis, len(keys))
		for _, k := range keys {
			tables[t][k] = analyses[mr.Int(max(len(analyses)-1, 0))]
		}
	}
	keys := mr.Strings()
	cases := make(map[string]casing, len(keys))
	for _, k := range keys {
		cases[k] = casing(mr.Int(int(titleCase)))
	}
	common := map[string]bool{}
	for _, w := range mr.Strings() {
		common[w] = true
	}
	ungroup := mr.Int(1) == 1
	if err := mr.Err(); err != nil {
		return nil, fmt.Errorf("lemmatiser model: %w", err)
	}
	return &Model{exact: tables[0], folded: tables[1], rules: tables[2], cases: cases, common: common, ungroup: ungroup, lemmas: knownLemmas(tables[1])}, nil
}
