package parse

import (
	"strings"

	"github.com/newsgraph/newsgraph/extract"
)

// repair mends mistakes the parser makes on news text, which its training
// data, English-EWT's web text, has few of: each repair below finds a
// shape no Universal Dependencies tree has (a verb with two subjects or
// objects, a sentence with no verb, "her" as a subject) and rebuilds the
// tree news text means there. They run in this order because the later
// ones read the earlier ones' trees: prepositions and coordination first,
// then the words' tags, then the clauses, then the arguments in them.
func repair(toks []extract.Token, words []word) {
	headedPrepositions(toks)
	verbCompounds(toks)
	subordinatedClauses(toks, words)
	coordinatedClauses(toks)
	verbConjuncts(toks)
	possessiveHer(toks, words)
	herNoun(toks, words)
	relativeSubjects(toks)
	relativeConjuncts(toks)
	appositiveNames(toks)
	appositiveConjuncts(toks)
	titledNames(toks)
	nameAppositions(toks)
	objectAppositions(toks)
	namedObjects(toks)
	appositiveSubjects(toks)
	relativeAsides(toks)
	relativeParticiples(toks)
	relativeReductions(toks)
	gerundSubjects(toks)
	nounClauses(toks)
	adjectiveRoots(toks)
	coordinatedSubjects(toks)
	indefiniteAdjectives(toks, words)
	determinedSubjects(toks)
	participleMains(toks)
	finiteModifiers(toks)
	headlineInfinitives(toks, words)
	reportingClauses(toks)
	reportingConjuncts(toks)
	finiteComplements(toks)
	participleComplements(toks)
	subjectRelatives(toks, words)
	contentClauses(toks, words)
	timedContents(toks, words)
	mediumContents(toks, words)
	describedNames(toks)
	strandedObjects(toks)
	reportedSubjects(toks)
}

// reportedSubjects repairs the subject of a clause reported without
// "that", read as the reporting verb's object ("Critics say the change
// will weaken the courts": change → obj of say, weaken → ccomp with no
// subject). A clausal complement without a marker begins with its
// subject; when it has none, and the verb's object stands right before
// it with only the complement's auxiliaries between, the object is that
// subject.
func reportedSubjects(toks []extract.Token) {
	for c := range toks {
		comp := &toks[c]
		if comp.DepRel != "ccomp" || comp.Head == 0 || comp.UPOS != "VERB" || hasDependent(toks, c+1, -1, "mark") ||
			hasDependent(toks, c+1, -1, "nsubj") || hasDependent(toks, c+1, -1, "nsubj:pass") || hasDependent(toks, c+1, -1, "expl") {
			continue
		}
		v := comp.Head - 1
		o := -1
		for j := v + 1; j < c; j++ {
			if toks[j].Head == v+1 && toks[j].DepRel == "obj" {
				o = j
			}
		}
		if o < 0 || toks[o].UPOS != "NOUN" && toks[o].UPOS != "PROPN" {
			continue
		}
		_, last := phraseBounds(toks, o)
		between := last < c
		for j := last + 1; j < c && between; j++ {
			between = toks[j].Head == c+1 && (toks[j].DepRel == "aux" || toks[j].DepRel == "aux:pass")
		}
		if !between {
			continue
		}
		toks[o].Head, toks[o].DepRel = c+1, "nsubj"
		if hasDependent(toks, c+1, -1, "aux:pass") {
			toks[o].DepRel = "nsubj:pass"
		}
	}
}

// timedContents repairs a clause with "that" read as a clause on a bare
// time before it ("warned last month that the reform posed a risk":
// posed → acl of month). A time hung on a verb without a preposition
// says when; it has no content to tell: the clause is the verb's
// complement.
func timedContents(toks []extract.Token, words []word) {
	for c := range toks {
		comp := &toks[c]
		if comp.DepRel != "acl" || comp.Head == 0 {
			continue
		}
		that := false
		for j := range toks {
			that = that || toks[j].Head == c+1 && toks[j].DepRel == "mark" && strings.EqualFold(words[j].form, "that")
		}
		h := comp.Head - 1
		if !that || toks[h].DepRel != "obl:unmarked" && toks[h].DepRel != "obl:tmod" || toks[h].Head == 0 {
			continue
		}
		v := toks[h].Head - 1
		if toks[v].UPOS != "VERB" || hasDependent(toks, v+1, -1, "ccomp") {
			continue
		}
		comp.Head, comp.DepRel = v+1, "ccomp"
	}
}

// strandedObjects repairs the object of a reported clause that comes before
// its reporting verb ("The carrier moved four ships to Rotterdam, a
// spokesman said"): the parser attaches the object to the reporting verb,
// as a second subject or as a clausal complement, which a Universal
// Dependencies tree never has (a verb takes one subject, and a noun
// complement clause has a subject or copula of its own). When such a noun
// follows a verb that is itself a dependent of the same reporting verb,
// has no object, and only the noun's own dependents stand between the two,
// the noun becomes that verb's object; so does a number or a determiner
// heading the object ("repaid all of the victims, a spokeswoman said").
func strandedObjects(toks []extract.Token) {
	for n := range toks {
		noun := &toks[n]
		switch noun.UPOS {
		case "NOUN", "PROPN", "NUM", "DET": // "four ships", "all of the victims"
		default:
			continue
		}
		if noun.Head == 0 {
			continue
		}
		switch noun.DepRel {
		case "nsubj":
			if !hasDependent(toks, noun.Head, n+1, "nsubj") {
				continue
			}
		case "ccomp":
			if hasDependent(toks, n+1, -1, "nsubj") || hasDependent(toks, n+1, -1, "cop") {
				continue
			}
		default:
			continue
		}
		// The verb: the nearest word before the noun that is not the
		// noun's own dependent.
		v := n - 1
		for v >= 0 && toks[v].Head == n+1 {
			v--
		}
		if v < 0 || toks[v].UPOS != "VERB" || toks[v].Head != noun.Head || hasDependent(toks, v+1, -1, "obj") {
			continue
		}
		noun.Head, noun.DepRel = v+1, "obj"
	}
}

// hasDependent tells whether the word at position head (1-based) has a
// dependent with relation rel other than the word at position except.
func hasDependent(toks []extract.Token, head, except int, rel string) bool {
	for j := range toks {
		if toks[j].Head == head && j+1 != except && toks[j].DepRel == rel {
			return true
		}
	}
	return false
}

// describedNames repairs a common noun that describes the name after it
// ("Shipping company Maersk diverted …", "bought rival Airbus", "Housing
// Minister Sara Lindqvist resigned") read as a second subject or object of
// the verb, or as a bare oblique or a bare singular object before its
// subject ("German carmaker Holtz Motoren is recalling …"): a verb has at
// most one of each in a Universal Dependencies tree, and an oblique noun
// without a preposition says when or how much, which a noun before a name
// does not.
// The noun becomes a compound of the name, as EWT writes titles before
// names, so that the name heads the argument.
func describedNames(toks []extract.Token) {
	for n := 0; n+1 < len(toks); n++ {
		// The name's head may come after words of its own ("biotech
		// firm Arvex Therapeutics": Arvex a compound of Therapeutics).
		m := n + 1
		for m+1 < len(toks) && toks[m].Head == m+2 && (toks[m].DepRel == "compound" || toks[m].DepRel == "flat") && toks[m].UPOS == "PROPN" {
			m++
		}
		noun, name := &toks[n], &toks[m]
		if noun.UPOS != "NOUN" || name.UPOS != "PROPN" || noun.Head != name.Head {
			continue
		}
		switch {
		case noun.DepRel == name.DepRel && (noun.DepRel == "nsubj" || noun.DepRel == "nsubj:pass" || noun.DepRel == "obj"):
		case noun.DepRel == "obl" && !hasDependent(toks, n+1, -1, "case") && (name.DepRel == "nsubj" || name.DepRel == "nsubj:pass"):
		case noun.DepRel == "obj" && noun.XPOS == "NN" && noun.Head > m+1 && (name.DepRel == "nsubj" || name.DepRel == "nsubj:pass") &&
			!hasDependent(toks, n+1, -1, "det") && !hasDependent(toks, n+1, -1, "nmod:poss"):
			// "German carmaker Holtz Motoren is recalling": an object
			// before its subject and verb is a relative clause's noun
			// ("the workers Maersk hired"), which a singular count noun
			// can only be with a determiner.
		default:
			continue
		}
		noun.Head, noun.DepRel = m+1, "compound"
	}
}

// namedObjects repairs a name after an object that it names, read as the
// subject of the noun after it ("fined the mining company Vale Norte 250
// million reais": Vale Norte the subject of reais). A noun takes a subject
// only with a copula in a Universal Dependencies tree, so a name right
// after a verb's object, the subject of a noun without one that hangs on
// the same verb, is the object's apposition, as "arrested the opposition
// leader Tomas Brill" is parsed.
func namedObjects(toks []extract.Token) {
	for m := range toks {
		name := &toks[m]
		if name.UPOS != "PROPN" || name.DepRel != "nsubj" || name.Head <= m+1 {
			continue
		}
		h := name.Head - 1
		if toks[h].UPOS != "NOUN" || toks[h].Head == 0 || hasDependent(toks, h+1, -1, "cop") {
			continue
		}
		first := m // the name's first word: "Vale" of "Vale Norte" heads it here
		for first > 0 && toks[first-1].Head == m+1 && (toks[first-1].DepRel == "compound" || toks[first-1].DepRel == "flat") {
			first--
		}
		if first == 0 {
			continue
		}
		obj := &toks[first-1]
		if obj.UPOS != "NOUN" || obj.DepRel != "obj" || obj.Head != toks[h].Head {
			continue
		}
		name.Head, name.DepRel = first, "appos"
	}
}

// possessiveHer repairs "her" read as an object pronoun where it is the
// possessive of the noun after it ("congratulated her counterpart"): the
// tagger's PRP leads the parser to give the verb two objects, which a
// Universal Dependencies tree never has. When "her" and a noun after it
// are both objects of one verb, and the words between are the noun's own,
// "her" becomes the noun's nmod:poss, with the possessive's tag, lemma and
// features as EWT writes them. "gave her flowers" (iobj, then obj) is left
// as it is.
func possessiveHer(toks []extract.Token, words []word) {
	for h := range toks {
		her := &toks[h]
		if her.DepRel != "obj" || her.XPOS != "PRP" || !strings.EqualFold(words[h].form, "her") {
			continue
		}
		n := h + 1
		for n < len(toks) && !(toks[n].Head == her.Head && toks[n].DepRel == "obj") {
			n++
		}
		if n == len(toks) || (toks[n].UPOS != "NOUN" && toks[n].UPOS != "PROPN") {
			continue
		}
		between := true
		for j := h + 1; j < n; j++ {
			between = between && toks[j].Head == n+1
		}
		if !between {
			continue
		}
		her.Head, her.DepRel = n+1, "nmod:poss"
		her.XPOS, her.Lemma, her.Feats = "PRP$", "her", "Case=Gen|Gender=Fem|Number=Sing|Person=3|Poss=Yes|PronType=Prs"
	}
}

// herNoun repairs "her" read as the subject of a finite verb that is the
// noun it possesses ("told her aides to prepare …", "told her U.S.
// counterpart that …"): the tagger reads "her" as a pronoun and the
// unknown noun after it as a verb (aides → VBZ, counterpart → VBD). "her"
// is never the subject of a finite verb, so the "verb" is a noun: it
// becomes the object of the verb above it, with its tag, "her" becomes its
// possessive, the names between become its compounds, and the
// clauses hung on it (to prepare …, that …) go to the verb above.
func herNoun(toks []extract.Token, words []word) {
	for h := range toks {
		her := &toks[h]
		if her.DepRel != "nsubj" || her.XPOS != "PRP" || !strings.EqualFold(words[h].form, "her") {
			continue
		}
		n := her.Head - 1
		if n <= h || n >= len(toks) {
			continue
		}
		noun := &toks[n]
		finite := noun.XPOS == "VBZ" || noun.XPOS == "VBD" || noun.XPOS == "VBP"
		if noun.UPOS != "VERB" || !finite || noun.Head == 0 || noun.Head-1 == h || toks[noun.Head-1].UPOS != "VERB" || hasDependent(toks, noun.Head, n+1, "obj") {
			continue
		}
		between := true
		for j := h + 1; j < n; j++ {
			u := toks[j].UPOS
			// A common noun may be the verb's real subject ("said her
			// plan works").
			between = between && toks[j].Head == n+1 && (u == "PROPN" || u == "ADJ")
		}
		if !between {
			continue
		}
		verb := noun.Head
		for j := h + 1; j < n; j++ {
			if toks[j].UPOS == "ADJ" {
				toks[j].DepRel = "amod"
			} else {
				toks[j].DepRel = "compound"
			}
		}
		for j := range toks {
			if toks[j].Head != n+1 || j < n {
				continue
			}
			switch toks[j].DepRel {
			case "ccomp", "xcomp", "advcl", "punct", "parataxis", "conj", "cc":
				toks[j].Head = verb
			}
		}
		noun.DepRel, noun.UPOS = "obj", "NOUN"
		if noun.XPOS == "VBZ" && strings.HasSuffix(words[n].form, "s") {
			noun.XPOS, noun.Feats = "NNS", "Number=Plur"
		} else {
			noun.XPOS, noun.Feats, noun.Lemma = "NN", "Number=Sing", strings.ToLower(words[n].form)
		}
		her.DepRel = "nmod:poss"
		her.XPOS, her.Lemma, her.Feats = "PRP$", "her", "Case=Gen|Gender=Fem|Number=Sing|Person=3|Poss=Yes|PronType=Prs"
	}
}

// relativeSubjects repairs a relative clause between a subject and its
// verb read as the main clause ("The mayor, who has asked the government
// to intervene, criticised the plan": mayor and who both subjects of
// asked, criticised a conjunct of asked). A verb has one subject in a
// Universal Dependencies tree; when its two are a noun and, after it, a
// relative pronoun, and the verb has a conjunct after it that has no
// subject of its own, the verb is the noun's relative clause (acl:relcl)
// and the conjunct takes the verb's place in the tree, with the noun as
// its subject.
func relativeSubjects(toks []extract.Token) {
	for rel := range toks {
		// Most sentences have no relative pronoun as a subject: start
		// from one, and look at its verb's other dependents only then.
		if toks[rel].DepRel != "nsubj" || (toks[rel].XPOS != "WP" && toks[rel].XPOS != "WDT") || toks[rel].Head == 0 {
			continue
		}
		v := toks[rel].Head - 1
		noun, conj := -1, -1
		for j := range toks {
			if toks[j].Head != v+1 {
				continue
			}
			switch {
			case toks[j].DepRel == "nsubj" && (toks[j].UPOS == "NOUN" || toks[j].UPOS == "PROPN"):
				noun = j
			case toks[j].DepRel == "conj" && toks[j].UPOS == "VERB" && j > v && conj < 0:
				conj = j
			}
		}
		if noun < 0 || conj < 0 || noun > rel || hasDependent(toks, conj+1, -1, "nsubj") {
			continue
		}
		for j := range toks {
			if toks[j].Head == v+1 && j > conj {
				toks[j].Head = conj + 1 // the sentence's end is the main clause's
			}
		}
		toks[conj].Head, toks[conj].DepRel = toks[v].Head, toks[v].DepRel
		toks[v].Head, toks[v].DepRel = noun+1, "acl:relcl"
		toks[noun].Head, toks[noun].DepRel = conj+1, "nsubj"
	}
}

// participleMains repairs a main verb in the past tense read as a
// participle modifying its subject, the garden path of "Analysts
// estimated the strike would cost millions" and "The airline cancelled
// hundreds of flights" (estimated, cancelled → VBN, an acl of the noun
// before). A participle modifying a noun takes no clause and, being
// passive, no object of its own: when one has either and the noun is the
// root, so that the sentence would have no verb, or when its object is
// followed by a modal and a verb whose subject is the noun ("estimated the
// stoppage | would cost"), the participle is the main verb in the past
// tense, the noun its subject, and the clause after it (with the object
// as that clause's subject) its complement. A participle read as an
// adjective between a noun and the noun it compounds ("The central bank
// raised interest rates": bank → compound of rates, raised → amod) is the
// main verb too, when the noun before it has a determiner of its own: a
// modifier does not stand inside a compound, and a compound has no
// determiner.
func participleMains(toks []extract.Token) {
	for v := range toks {
		verb := &toks[v]
		if verb.DepRel != "acl" || verb.XPOS != "VBN" || verb.Head == 0 || verb.Head-1 > v || hasDependent(toks, v+1, -1, "aux:pass") {
			continue
		}
		n := verb.Head - 1
		noun := &toks[n]
		if noun.UPOS != "NOUN" && noun.UPOS != "PROPN" && noun.UPOS != "PRON" {
			continue
		}
		if noun.Head == 0 {
			// "The union called a strike": a noun with a determiner
			// is an object, where "a union called Unite" names.
			for x := range toks {
				if toks[x].Head == v+1 && toks[x].DepRel == "xcomp" && toks[x].UPOS == "NOUN" && hasDependent(toks, x+1, -1, "det") {
					toks[x].DepRel = "obj"
				}
			}
		}
		switch {
		case noun.Head == 0 && (hasDependent(toks, v+1, -1, "ccomp") || hasDependent(toks, v+1, -1, "obj")):
			for j := range toks {
				if toks[j].Head == n+1 && j > v {
					toks[j].Head = v + 1 // what follows the verb is the clause's
				}
			}
			verb.Head, verb.DepRel = 0, "root"
		case noun.DepRel == "nsubj" && noun.Head-1 > v:
			obj, clause := -1, noun.Head-1
			for j := v + 1; j < clause; j++ {
				if toks[j].Head == v+1 && toks[j].DepRel == "obj" {
					obj = j
				}
			}
			// The object's phrase runs up to the clause's modal.
			if obj < 0 || toks[clause-1].XPOS != "MD" || toks[clause-1].Head != clause+1 || !within(toks, obj, v+1, clause-1) {
				continue
			}
			for j := range toks {
				if toks[j].Head == clause+1 && j > clause && toks[j].DepRel == "punct" {
					toks[j].Head = v + 1
				}
			}
			verb.Head, verb.DepRel = toks[clause].Head, toks[clause].DepRel
			toks[clause].Head, toks[clause].DepRel = v+1, "ccomp"
			toks[obj].Head, toks[obj].DepRel = clause+1, "nsubj"
		default:
			continue
		}
		verb.XPOS, verb.Feats = "VBD", "Mood=Ind|Tense=Past|VerbForm=Fin"
		noun.Head, noun.DepRel = v+1, "nsubj"
	}
	for v := range toks {
		verb := &toks[v]
		if verb.DepRel != "amod" || verb.XPOS != "VBN" || verb.Head-1 <= v {
			continue
		}
		obj := verb.Head - 1
		if toks[obj].Head != 0 || toks[obj].UPOS != "NOUN" {
			continue
		}
		subj := -1
		for j := v - 1; j >= 0; j-- {
			if toks[j].Head == obj+1 && toks[j].DepRel == "compound" && (toks[j].UPOS == "NOUN" || toks[j].UPOS == "PROPN") {
				subj = j
				break
			}
		}
		// A compound modifier has no determiner of its own; a subject
		// ("The central bank") does.
		if subj < 0 || !hasDependent(toks, subj+1, -1, "det") {
			continue
		}
		for j := range toks {
			if toks[j].Head == obj+1 && (j < subj || toks[j].DepRel == "punct") && j != subj {
				if j < subj {
					toks[j].Head = subj + 1 // the subject's determiner and modifiers
				} else {
					toks[j].Head = v + 1
				}
			}
		}
		verb.Head, verb.DepRel = 0, "root"
		verb.XPOS, verb.Feats = "VBD", "Mood=Ind|Tense=Past|VerbForm=Fin"
		toks[subj].Head, toks[subj].DepRel = v+1, "nsubj"
		toks[obj].Head, toks[obj].DepRel = v+1, "obj"
	}
}

// appositiveNames repairs a subject with an apposition that names it or
// describes it ("The transport minister, Erik Dahl, criticised …",
// "Erik Dahl, the minister, criticised …"), which the parser reads as two
// subjects of the verb. A verb has one subject in a Universal Dependencies
// tree; when its two are nouns, one of them a name, and nothing but commas
// stands between the first phrase, the second and the verb, the second is
// the first's apposition. When nothing at all stands between them and the
// second is a name right before the verb, the first is the name's title
// ("Brightline chief executive Omar Haddad said"), a compound as EWT
// writes titles.
func appositiveNames(toks []extract.Token) {
	for v := range toks {
		var subjects []int
		for j := range toks {
			if toks[j].Head == v+1 && toks[j].DepRel == "nsubj" {
				subjects = append(subjects, j)
			}
		}
		if len(subjects) != 2 {
			continue
		}
		s1, s2 := subjects[0], subjects[1]
		nominal := func(i int) bool { return toks[i].UPOS == "NOUN" || toks[i].UPOS == "PROPN" }
		if s2 > v || !nominal(s1) || !nominal(s2) || (toks[s1].UPOS != "PROPN" && toks[s2].UPOS != "PROPN") {
			continue
		}
		_, end1 := phraseBounds(toks, s1)
		first2, end2 := phraseBounds(toks, s2)
		if end1+1 == first2 && end2+1 == v && toks[s2].UPOS == "PROPN" {
			// No commas: the first phrase is the name's title
			// ("Brightline chief executive Omar Haddad said").
			toks[s1].Head, toks[s1].DepRel = s2+1, "compound"
			continue
		}
		if !onlyCommas(toks, end1+1, first2) || !onlyCommas(toks, end2+1, v) {
			continue
		}
		for j := end1 + 1; j < first2; j++ {
			toks[j].Head = s2 + 1
		}
		for j := end2 + 1; j < v; j++ {
			toks[j].Head = s2 + 1
		}
		toks[s2].Head, toks[s2].DepRel = s1+1, "appos"
	}
}

// appositiveConjuncts repairs a subject with a name in apposition, or a
// name with its description, read as two coordinated subjects ("A Chinese
// carmaker, Lianfeng Motors, opened …": Motors a conjunct of carmaker).
// Coordinated subjects are joined by "and" or "or", at least before the
// last; a noun and a name side by side between commas, the second with no
// coordinator, the only conjunct of the first and followed by the verb,
// are one thing named twice: the second becomes the first's apposition.
func appositiveConjuncts(toks []extract.Token) {
	for c := range toks {
		conj := &toks[c]
		if conj.DepRel != "conj" || conj.Head == 0 || hasDependent(toks, c+1, -1, "cc") {
			continue
		}
		s := conj.Head - 1
		subj := &toks[s]
		if subj.DepRel != "nsubj" && subj.DepRel != "nsubj:pass" || subj.Head == 0 {
			continue
		}
		pair := subj.UPOS == "NOUN" && conj.UPOS == "PROPN" || subj.UPOS == "PROPN" && conj.UPOS == "NOUN"
		if !pair || hasDependent(toks, s+1, c+1, "conj") {
			continue
		}
		v := subj.Head - 1
		first, last := phraseBounds(toks, c)
		for first < c && toks[first].UPOS == "PUNCT" {
			first++ // the comma before, which the parser may hang on it
		}
		switch toks[first].UPOS {
		case "ADP", "ADV", "CCONJ", "SCONJ":
			continue // "Zane, along with friend Derek Stevens, announced"
		}
		if s > first || first < 1 || toks[first-1].XPOS != "," || !within(toks, s, s, first-1) ||
			last+2 != v || toks[last+1].XPOS != "," {
			continue
		}
		toks[first-1].Head, toks[last+1].Head = c+1, c+1
		conj.DepRel = "appos"
	}
}

// titledNames repairs a name read as the head of the phrase of another
// name that follows it with its title ("Pellion chief executive Sofia
// Brandt said": Brandt an apposition of Pellion; "Arvex founder Leon Marsh
// will join": Marsh in parataxis to Arvex). Nothing stands between the two
// phrases, no comma, no dash, which an apposition or a parataxis always
// has, and the second starts with a title; the first name is the
// organisation or place of that title. The second name takes the first's
// place in the sentence, and the first becomes a compound of it, as EWT
// writes titles before names.
func titledNames(toks []extract.Token) {
	for j := range toks {
		y := &toks[j]
		if y.UPOS != "PROPN" || (y.DepRel != "appos" && y.DepRel != "parataxis") || y.Head == 0 || y.Head-1 >= j {
			continue
		}
		i := y.Head - 1
		x := &toks[i]
		if x.UPOS != "PROPN" {
			continue
		}
		// The first name's own words (flat, compound) end right where
		// the second name's phrase starts.
		first, _ := phraseBounds(toks, j)
		end := i
		for end+1 < first && toks[end+1].Head == i+1 && (toks[end+1].DepRel == "flat" || toks[end+1].DepRel == "compound") {
			end++
		}
		if end+1 != first || !hasTitle(toks, first, j) {
			continue
		}
		for k := range toks {
			if toks[k].Head == i+1 && k > j {
				toks[k].Head = j + 1 // what follows the second name is its
			}
		}
		y.Head, y.DepRel = x.Head, x.DepRel
		x.Head, x.DepRel = j+1, "compound"
	}
}

// hasTitle tells whether the words from first up to the name at j include a
// common noun or an adjective: a title ("chief executive", "founder").
// The words are the title's alone: no punctuation.
func hasTitle(toks []extract.Token, first, j int) bool {
	title := false
	for k := first; k < j; k++ {
		switch toks[k].UPOS {
		case "PUNCT":
			return false
		case "NOUN", "ADJ":
			title = true
		}
	}
	return title
}

// objectAppositions repairs a name in apposition to an object ("hosted
// his counterpart, Elena Prado, in Lisbon", "met Portugal's president,
// Ana Lobo") read as an oblique of the verb with no preposition: an
// oblique noun without one says when or how much, which a name does not.
// A proper noun oblique of a verb with no case marker, right after a comma
// that follows the verb's object, is the object's apposition; what the
// parser hung on it after a further comma goes back to the verb.
func objectAppositions(toks []extract.Token) {
	for n := range toks {
		name := &toks[n]
		if name.UPOS != "PROPN" || name.DepRel != "obl" || name.Head == 0 || hasDependent(toks, n+1, -1, "case") {
			continue
		}
		v := name.Head - 1
		first, end := phraseBounds(toks, n)
		for j := first; j < n; j++ {
			if toks[j].Head != n+1 || (toks[j].DepRel != "compound" && toks[j].DepRel != "flat") {
				first = j + 1 // the name's words start after anything else
			}
		}
		obj := -1
		for j := range toks {
			if toks[j].Head == v+1 && toks[j].DepRel == "obj" && (toks[j].UPOS == "NOUN" || toks[j].UPOS == "PROPN") && j < n {
				obj = j
			}
		}
		if obj < 0 || first < 1 || toks[first-1].XPOS != "," {
			continue
		}
		if _, objEnd := phraseBounds(toks, obj); objEnd != first-2 {
			continue
		}
		// The name ends at its last own word; a comma after it closes
		// the apposition, and what follows belongs to the verb.
		last := n
		for last+1 <= end && toks[last+1].Head == n+1 && (toks[last+1].DepRel == "flat" || toks[last+1].DepRel == "compound") {
			last++
		}
		for j := last + 1; j <= end; j++ {
			if toks[j].Head == n+1 {
				toks[j].Head = v + 1
				if toks[j].DepRel == "nmod" {
					toks[j].DepRel = "obl"
				}
			}
		}
		toks[first-1].Head = n + 1
		name.Head, name.DepRel = obj+1, "appos"
	}
}

// phraseBounds returns the first word and the last word but punctuation
// of the phrase headed by word h.
func phraseBounds(toks []extract.Token, h int) (first, last int) {
	first, last = h, h
	for j := range toks {
		if under(toks, j, h) {
			first = min(first, j)
			if toks[j].UPOS != "PUNCT" {
				last = max(last, j)
			}
		}
	}
	return first, last
}

// onlyCommas tells whether the words from first to last-1 are commas,
// at least one.
func onlyCommas(toks []extract.Token, first, last int) bool {
	if first >= last {
		return false
	}
	for j := first; j < last; j++ {
		if toks[j].XPOS != "," {
			return false
		}
	}
	return true
}

// indefiniteAdjectives retags an adjective that heads a subject or an
// object after "a" or "an" and has modifiers of its own ("A former
// executive at the bank was sentenced": executive → JJ): an indefinite
// article does not stand before a modified adjective alone, so the word
// is the noun of its phrase, which later stages look for. (Without
// modifiers it may be a quantity, "bought a few", which EWT tags ADJ.)
func indefiniteAdjectives(toks []extract.Token, words []word) {
	for i := range toks {
		adj := &toks[i]
		switch adj.DepRel {
		case "nsubj", "nsubj:pass", "obj":
		default:
			continue
		}
		if adj.UPOS != "ADJ" || adj.XPOS != "JJ" {
			continue
		}
		article, modified := false, false
		for d := range toks {
			if toks[d].Head != i+1 {
				continue
			}
			switch toks[d].DepRel {
			case "det":
				article = article || d < i && (strings.EqualFold(words[d].form, "a") || strings.EqualFold(words[d].form, "an"))
			case "amod", "nmod", "compound", "acl", "acl:relcl":
				modified = true
			}
		}
		if article && modified {
			adj.UPOS, adj.XPOS, adj.Feats = "NOUN", "NN", "Number=Sing"
		}
	}
}

// appositiveSubjects repairs a subject with an apposition before its verb
// ("The minister, a former judge, signed the decree"), which the parser
// reads as a sentence with no verb: the noun is the root, and the verb
// hangs on the apposition as a conjunct or a participle. A root noun with
// no copula and no subject of its own, whose apposition is followed by a
// comma and a verb with no subject, is that verb's subject: the verb
// becomes the root, in the past tense when it was read as a participle
// without an auxiliary.
func appositiveSubjects(toks []extract.Token) {
	for n := range toks {
		if !verblessRoot(toks, n) {
			continue
		}
		for a := n + 1; a < len(toks); a++ {
			if toks[a].Head != n+1 || toks[a].DepRel != "appos" {
				continue
			}
			v := a + 1
			for v < len(toks) && !(toks[v].Head == a+1 && toks[v].UPOS == "VERB" && (toks[v].DepRel == "acl" || toks[v].DepRel == "conj") && !asideBefore(toks, a, v)) {
				v++
			}
			if v == len(toks) || toks[v-1].XPOS != "," || !within(toks, a, a, v-1) ||
				hasDependent(toks, v+1, -1, "nsubj") || hasDependent(toks, v+1, -1, "nsubj:pass") {
				break
			}
			switch {
			case finite(toks[v].XPOS):
			case toks[v].XPOS == "VBN":
				if !hasDependent(toks, v+1, -1, "aux") && !hasDependent(toks, v+1, -1, "aux:pass") {
					toks[v].XPOS, toks[v].Feats = "VBD", "Mood=Ind|Tense=Past|VerbForm=Fin"
				}
			default:
				continue
			}
			raiseVerb(toks, n, v)
			break
		}
	}
}

// relativeConjuncts repairs a relative clause read as a conjunct of the
// noun it describes ("The frog, which is about the size of a thumbnail,
// was found": size → conj of frog, with "which" as its subject), which
// makes the clause part of the subject. A clause whose subject is a
// relative pronoun, right after the comma that opens it, is a relative
// clause (acl:relcl) of the noun it hangs on.
func relativeConjuncts(toks []extract.Token) {
	for v := range toks {
		if toks[v].DepRel != "conj" || toks[v].Head == 0 || toks[v].Head-1 > v {
			continue
		}
		n := toks[v].Head - 1
		if toks[n].UPOS != "NOUN" && toks[n].UPOS != "PROPN" {
			continue
		}
		for r := n + 1; r < v; r++ {
			if toks[r].Head != v+1 || !strings.HasPrefix(toks[r].DepRel, "nsubj") {
				continue
			}
			if (toks[r].XPOS == "WDT" || toks[r].XPOS == "WP") && toks[r-1].XPOS == "," {
				toks[v].DepRel = "acl:relcl"
			}
			break
		}
	}
}

// finite tells whether a Penn tag is a verb's past or present tense.
func finite(xpos string) bool { return xpos == "VBD" || xpos == "VBZ" || xpos == "VBP" }

// verblessRoot tells whether word n is a noun at the root of a sentence
// with no verb over it: no copula and no subject of its own.
func verblessRoot(toks []extract.Token, n int) bool {
	return toks[n].Head == 0 && (toks[n].UPOS == "NOUN" || toks[n].UPOS == "PROPN") &&
		!hasDependent(toks, n+1, -1, "cop") && !hasDependent(toks, n+1, -1, "nsubj")
}

// raiseVerb makes verb v the root of the sentence whose root was noun n,
// with n its subject (a passive one when v has a passive auxiliary); what
// hung on n after v, the sentence's end, goes with v.
func raiseVerb(toks []extract.Token, n, v int) {
	for j := range toks {
		if toks[j].Head == n+1 && j > v {
			toks[j].Head = v + 1
		}
	}
	toks[v].Head, toks[v].DepRel = 0, "root"
	toks[n].Head, toks[n].DepRel = v+1, "nsubj"
	if hasDependent(toks, v+1, -1, "aux:pass") {
		toks[n].DepRel = "nsubj:pass"
	}
}

// relativeAsides repairs a relative clause set off by commas between a
// subject and its verb read as the sentence's only clause ("Transport
// Minister Ivo Baran, who had been criticised for staying out, welcomed
// the deal": the name the root, criticised its relative clause, welcomed
// a conjunct of criticised), which leaves the sentence without a main
// verb. A root noun with no copula or subject of its own, whose relative
// clause has a finite conjunct after a comma with no subject and no
// coordinator, is that conjunct's subject: the conjunct becomes the root.
func relativeAsides(toks []extract.Token) {
	for n := range toks {
		if !verblessRoot(toks, n) {
			continue
		}
		for v := n + 1; v < len(toks); v++ {
			if toks[v].Head != n+1 || toks[v].DepRel != "acl:relcl" {
				continue
			}
			f := v + 1
			for f < len(toks) && !(toks[f].Head == v+1 && toks[f].DepRel == "conj") {
				f++
			}
			if f == len(toks) || toks[f].UPOS != "VERB" || toks[f-1].XPOS != "," ||
				hasDependent(toks, f+1, -1, "nsubj") || hasDependent(toks, f+1, -1, "nsubj:pass") || hasDependent(toks, f+1, -1, "cc") {
				break
			}
			if !finite(toks[f].XPOS) && !hasDependent(toks, f+1, -1, "aux") {
				break // a participle: "…, who was elected in 2020, seeking …"
			}
			raiseVerb(toks, n, f)
			break
		}
	}
}

// relativeParticiples repairs the main verb after a relative clause set
// off by commas read as a participle before a noun ("Local residents, who
// lost their homes in the flood, demanded compensation": "demanded" an
// adjective of "compensation", made a second object of "lost", or a noun
// conjunct of it), which leaves the sentence without a main verb. A verb
// takes one object in a Universal Dependencies tree, and is conjoined to
// a noun without a coordinator in none: when a root noun with no copula
// or subject of its own has a relative clause with such a noun, which has
// a past-tense or participle modifier right after a comma, that word is
// the sentence's verb and the noun its object.
func relativeParticiples(toks []extract.Token) {
	for n := range toks {
		if !verblessRoot(toks, n) {
			continue
		}
		for a := n + 2; a+1 < len(toks); a++ {
			p := &toks[a]
			if (p.XPOS != "VBN" && p.XPOS != "VBD") || p.DepRel != "amod" || p.Head <= a+1 || toks[a-1].XPOS != "," {
				continue
			}
			o := p.Head - 1
			if !within(toks, o, a+1, o) {
				continue
			}
			v := toks[o].Head - 1
			if v < 0 || toks[v].DepRel != "acl:relcl" || toks[v].Head != n+1 {
				continue
			}
			secondObject := toks[o].DepRel == "obj" && hasDependent(toks, v+1, o+1, "obj")
			nounConjunct := toks[o].DepRel == "conj" && toks[o].UPOS == "NOUN" && toks[v].UPOS == "VERB" && !hasDependent(toks, o+1, -1, "cc")
			if !secondObject && !nounConjunct {
				continue
			}
			toks[o].DepRel = "obj"
			p.UPOS, p.XPOS, p.Feats = "VERB", "VBD", "Mood=Ind|Tense=Past|VerbForm=Fin"
			toks[o].Head = a + 1
			raiseVerb(toks, n, a)
			break
		}
	}
}

// relativeReductions repairs the main verb after a relative clause read
// as a reduced relative clause on the relative clause's last noun ("Two
// businessmen who paid the bribes received suspended sentences":
// "received" a clause on "bribes"), which leaves the sentence without a
// main verb. A reduced relative clause is a participle ("the bribes
// received by officials"); when a root noun with no copula or subject of
// its own has a relative clause, and a verb in a past or present tense
// with no subject hangs on a noun of that clause as such, right after the
// noun's phrase, that verb is the sentence's.
func relativeReductions(toks []extract.Token) {
	for n := range toks {
		if !verblessRoot(toks, n) {
			continue
		}
		for f := n + 2; f < len(toks); f++ {
			verb := &toks[f]
			if !finite(verb.XPOS) || verb.DepRel != "acl" || verb.Head == 0 ||
				hasDependent(toks, f+1, -1, "nsubj") || hasDependent(toks, f+1, -1, "nsubj:pass") {
				continue
			}
			h := verb.Head - 1
			v := h
			for v >= 0 && toks[v].DepRel != "acl:relcl" {
				v = toks[v].Head - 1
			}
			if v < 0 || toks[v].Head != n+1 || h >= f || !within(toks, h, h, f) {
				continue
			}
			raiseVerb(toks, n, f)
			break
		}
	}
}

// gerundSubjects repairs a gerund that opens a sentence and is its verb's
// subject, read as an adverbial clause ("Fighting between the two forces
// has killed more than 9,000 people": Fighting → advcl of killed), which
// leaves the verb without a subject. A participle clause that opens a
// sentence is set off by a comma and the main clause has its own subject
// ("Fighting back tears, she thanked the crowd"); a gerund with neither,
// before a finite verb with no subject, is that subject.
func gerundSubjects(toks []extract.Token) {
	if len(toks) == 0 {
		return
	}
	g := &toks[0]
	if g.XPOS != "VBG" || g.DepRel != "advcl" || g.Head == 0 || hasDependent(toks, 1, -1, "mark") || hasDependent(toks, 1, -1, "nsubj") {
		return
	}
	v := g.Head - 1
	if hasDependent(toks, v+1, -1, "nsubj") || hasDependent(toks, v+1, -1, "nsubj:pass") || hasDependent(toks, v+1, -1, "expl") ||
		!finite(toks[v].XPOS) && !hasDependent(toks, v+1, -1, "aux") {
		return
	}
	_, last := phraseBounds(toks, 0)
	if !within(toks, 0, 0, last+1) {
		return
	}
	for j := last + 1; j < v; j++ { // only the verb's auxiliaries between
		if toks[j].Head != v+1 || toks[j].DepRel != "aux" && toks[j].DepRel != "advmod" {
			return
		}
	}
	g.DepRel = "nsubj"
}

// nounClauses repairs a clause read as one noun phrase because the
// tagger took its verb for a participle ("Georgian police detained
// opposition leader Nika Beridze, his party said": police, detained and
// opposition all modifiers of leader, the complement of said). A noun
// phrase puts its adjectives before its compound nouns, so a participle
// between two nouns that modify the same noun is out of place; when that
// noun heads a reported clause, with no subject or copula of its own,
// which a noun can only do as a clause, the participle is the clause's
// verb, the noun before it its subject and the noun after it its object.
// (A noun at the root may be a title or a fragment: EWT has "West-Coast
// specialized server".)
func nounClauses(toks []extract.Token) {
	for h := range toks {
		n := &toks[h]
		if n.UPOS != "NOUN" && n.UPOS != "PROPN" || n.DepRel != "ccomp" ||
			hasDependent(toks, h+1, -1, "cop") || hasDependent(toks, h+1, -1, "nsubj") {
			continue
		}
		for a := 1; a < h; a++ {
			p, c := &toks[a], &toks[a-1]
			if p.XPOS != "VBN" && p.XPOS != "VBD" || p.DepRel != "amod" || p.Head != h+1 ||
				c.UPOS != "NOUN" && c.UPOS != "PROPN" || c.DepRel != "compound" || c.Head != h+1 || !within(toks, h, a+1, h) {
				continue
			}
			for j := 0; j < a-1; j++ { // the subject's own modifiers
				if toks[j].Head == h+1 {
					toks[j].Head = a
				}
			}
			p.UPOS, p.XPOS, p.Feats = "VERB", "VBD", "Mood=Ind|Tense=Past|VerbForm=Fin"
			p.Head, p.DepRel = n.Head, "ccomp"
			c.Head, c.DepRel = a+1, "nsubj"
			for j := range toks {
				if toks[j].Head == h+1 && (toks[j].DepRel == "punct" && j > h || toks[j].DepRel == "parataxis") {
					toks[j].Head = a + 1
				}
			}
			n.Head, n.DepRel = a+1, "obj"
			break
		}
	}
}

// adjectiveRoots repairs a demonym before a title and a name read as the
// root, with the name as its object ("Portuguese Prime Minister Luis
// Carvalho and Spanish Prime Minister Elena Ruiz signed the deal":
// Portuguese → root, Luis → obj). An adjective takes no object: when the
// root is an adjective with a proper noun object right after its own
// words, the adjective modifies the words after it and the name takes
// its place in the sentence, with what hung on the adjective.
func adjectiveRoots(toks []extract.Token) {
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].UPOS != "ADJ" || toks[i].Head != 0 {
			continue
		}
		o := -1
		for j := i + 1; j < len(toks); j++ {
			if toks[j].Head == i+1 && toks[j].DepRel == "obj" && toks[j].UPOS == "PROPN" {
				o = j
				break
			}
		}
		if o < 0 {
			continue
		}
		if first, _ := phraseBounds(toks, o); first != i+1 {
			continue
		}
		for j := range toks {
			if toks[j].Head == i+1 && j != o {
				toks[j].Head = o + 1
			}
		}
		toks[o].Head, toks[o].DepRel = 0, "root"
		toks[i].Head, toks[i].DepRel = toks[i+1].Head, "amod"
		if toks[i+1].Head-1 < i+1 || toks[i+1].Head-1 > o {
			toks[i].Head = i + 2
		}
		return
	}
}

// coordinatedSubjects repairs two coordinated subjects read as a noun and
// a clause coordinated with it ("Luis Carvalho and Elena Ruiz signed the
// deal": Carvalho the root, signed its conjunct with Ruiz as subject),
// which leaves the first name outside every clause. EWT coordinates a
// noun phrase with a clause ("Great food and the staff were friendly"),
// but not two names that way: when the root is a proper noun and its
// conjunct a verb whose subject, a proper noun too, and "and" come
// between them, the verb is the root and the two names its coordinated
// subjects. (Common nouns there cost dev UAS 0.21.)
func coordinatedSubjects(toks []extract.Token) {
	for n := range toks {
		if toks[n].Head != 0 || toks[n].UPOS != "PROPN" {
			continue
		}
		for f := n + 1; f < len(toks); f++ {
			verb := &toks[f]
			if verb.Head != n+1 || verb.DepRel != "conj" || verb.UPOS != "VERB" {
				continue
			}
			subj, cc := -1, -1
			for j := n + 1; j < f; j++ {
				switch {
				case toks[j].Head == f+1 && toks[j].DepRel == "nsubj":
					subj = j
				case toks[j].Head == f+1 && toks[j].DepRel == "cc" && subj < 0:
					cc = j
				}
			}
			if subj < 0 || cc < 0 || toks[subj].UPOS != "PROPN" {
				break
			}
			raiseVerb(toks, n, f)
			toks[subj].Head, toks[subj].DepRel = n+1, "conj"
			toks[cc].Head = subj + 1
			break
		}
	}
}

// asideBefore tells whether the verb at v hanging on the apposition at a
// is a participle set off by commas before the apposition's finite verb
// ("The Citizens' Alliance, led by Maria Kovac, took 54 percent": led, an
// acl without an auxiliary, then took, a conjunct): it is an aside, and
// the finite verb the one to look for.
func asideBefore(toks []extract.Token, a, v int) bool {
	if toks[v].DepRel != "acl" || toks[v].XPOS != "VBN" || hasDependent(toks, v+1, -1, "aux") || hasDependent(toks, v+1, -1, "aux:pass") {
		return false
	}
	for f := v + 1; f < len(toks); f++ {
		if toks[f].Head == a+1 && toks[f].DepRel == "conj" && toks[f-1].XPOS == "," && finite(toks[f].XPOS) {
			return true
		}
	}
	return false
}

// headlineInfinitives repairs a headline's "to" for what a name will do
// ("Drugmaker Pellion to buy Arvex for $12 billion", "Veloria to hold
// snap election"), read as an infinitive modifying the name, which is left
// the root of a sentence without a verb. Headlines drop the verb "be" of
// "is to buy"; a name takes no infinitive modifier the way a common noun
// does ("plans to buy", "things to do"). When a proper noun without a
// determiner is the root, no word of the sentence is a finite verb, and an
// infinitive with "to" hangs on the name after it, the infinitive is the
// root and the name its subject.
func headlineInfinitives(toks []extract.Token, words []word) {
	root := -1
	for i := range toks {
		if finite(toks[i].XPOS) || toks[i].XPOS == "MD" {
			return
		}
		if toks[i].Head == 0 {
			root = i
		}
	}
	if root < 0 || toks[root].UPOS != "PROPN" || hasDependent(toks, root+1, -1, "det") {
		return
	}
	for v := root + 1; v < len(toks); v++ {
		verb := &toks[v]
		if verb.Head != root+1 || verb.DepRel != "acl" || verb.XPOS != "VB" {
			continue
		}
		to := false
		for j := range toks {
			to = to || toks[j].Head == v+1 && toks[j].DepRel == "mark" && strings.EqualFold(words[j].form, "to")
		}
		if !to {
			continue
		}
		raiseVerb(toks, root, v)
		return
	}
}

// finiteModifiers repairs a main verb in the past tense read as an
// adjective of its object ("Rail operator Ceske Drahy suspended services
// on two lines": suspended → amod of services, the name the root of a
// sentence without a verb). A past tense is finite, and a finite verb
// modifies no noun: when the root is a noun with no copula or subject of
// its own, and the verb's noun hangs on it after the verb, the verb is
// the root, the root noun its subject and the verb's noun its object.
func finiteModifiers(toks []extract.Token) {
	for v := range toks {
		verb := &toks[v]
		if verb.UPOS != "VERB" || verb.XPOS != "VBD" || verb.DepRel != "amod" || verb.Head-1 <= v {
			continue
		}
		obj := verb.Head - 1
		r := toks[obj].Head - 1
		if r < 0 || r >= v || toks[r].Head != 0 || (toks[r].UPOS != "NOUN" && toks[r].UPOS != "PROPN") ||
			hasDependent(toks, r+1, -1, "cop") || hasDependent(toks, r+1, -1, "nsubj") {
			continue
		}
		for j := range toks {
			if toks[j].Head == r+1 && j > v && j != obj {
				toks[j].Head = v + 1 // what follows the verb is the clause's
				if toks[j].DepRel == "acl:relcl" && hasDependent(toks, j+1, -1, "cc") {
					toks[j].DepRel = "conj" // ", and schools were closed"
				}
			}
		}
		verb.Head, verb.DepRel = 0, "root"
		toks[r].Head, toks[r].DepRel = v+1, "nsubj"
		toks[obj].Head, toks[obj].DepRel = v+1, "obj"
	}
}

// within tells whether every word from first to last-1 is word obj or
// under it in the tree.
func within(toks []extract.Token, obj, first, last int) bool {
	for j := first; j < last; j++ {
		if !under(toks, j, obj) {
			return false
		}
	}
	return true
}

// reportingClauses repairs a reporting clause at the end of a sentence
// read as an adverbial clause of what it reports ("The company will close
// two plants, the chief executive announced": announced → advcl of
// close). An adverbial clause opens with its subordinator ("after",
// "because", "when"); a clause with none, set off by a comma, that ends
// the sentence and has a subject but no object or complement of its own,
// says who said the rest. It becomes the root, and the clause before it
// its complement (ccomp), as the parser most often reads "…, the union
// said" (EWT has both this and parataxis, which the clause reader reads
// as reporting too; made parataxis, these clauses lower EWT's LAS).
func reportingClauses(toks []extract.Token) {
	for v := range toks {
		verb := &toks[v]
		if verb.DepRel != "advcl" || verb.UPOS != "VERB" || verb.Head == 0 || verb.Head-1 > v || toks[verb.Head-1].Head != 0 {
			continue
		}
		if !hasDependent(toks, v+1, -1, "nsubj") || hasDependent(toks, v+1, -1, "mark") || hasDependent(toks, v+1, -1, "obj") ||
			hasDependent(toks, v+1, -1, "ccomp") || hasDependent(toks, v+1, -1, "xcomp") {
			continue
		}
		// The clause is set off by a comma and ends the sentence.
		first := v
		for first > 0 && under(toks, first-1, v) && toks[first-1].UPOS != "PUNCT" {
			first--
		}
		if first == 0 || toks[first-1].XPOS != "," {
			continue
		}
		if !endsSentence(toks, v) {
			continue
		}
		reports(toks, v, verb.Head-1)
	}
}

// endsSentence tells whether nothing but v's own words and punctuation
// follows word v.
func endsSentence(toks []extract.Token, v int) bool {
	for j := v + 1; j < len(toks); j++ {
		if toks[j].UPOS != "PUNCT" && !under(toks, j, v) {
			return false
		}
	}
	return true
}

// reports makes verb v the root, reporting the clause headed by main,
// which becomes its complement (ccomp); the sentence's end punctuation,
// hung on main after v, goes to v.
func reports(toks []extract.Token, v, main int) {
	for j := v + 1; j < len(toks); j++ {
		if toks[j].Head == main+1 && toks[j].UPOS == "PUNCT" {
			toks[j].Head = v + 1
		}
	}
	toks[v].Head, toks[v].DepRel = 0, "root"
	toks[main].Head, toks[main].DepRel = v+1, "ccomp"
}

// reportingConjuncts repairs a reporting clause after what it reports
// read as a conjunct of the reported clause, with its subject hung on the
// reported clause's verb ("'My client has done nothing wrong,' the lawyer,
// Nadia Ilic, told reporters": lawyer → obl:unmarked of done, told → conj
// of done; "Troops withdrew, the spokesman told state radio": spokesman
// → conj of withdrew). Clauses joined without "and" or "or" are a list,
// and the noun between is then a bare oblique of the first verb, which
// says when or how much, not who, or a noun conjunct of a verb, which no
// tree has. When the noun's phrase stands right before the second
// verb, set off by a comma from the first clause, and the second verb has
// no subject or complement clause of its own and ends the sentence, the
// noun is its subject, the second verb the root, and the first clause
// what it reports. A verb with an object of its own is no reporting verb
// ("pokes around a bit, asks a few questions": a list of verbs).
func reportingConjuncts(toks []extract.Token) {
	for v := range toks {
		verb := &toks[v]
		if verb.DepRel != "conj" || verb.UPOS != "VERB" || verb.Head == 0 || verb.Head-1 > v || toks[verb.Head-1].Head != 0 {
			continue
		}
		main := verb.Head
		if hasDependent(toks, v+1, -1, "cc") || hasDependent(toks, v+1, -1, "nsubj") || hasDependent(toks, v+1, -1, "mark") ||
			hasDependent(toks, v+1, -1, "ccomp") || hasDependent(toks, v+1, -1, "xcomp") || hasDependent(toks, v+1, -1, "obj") {
			continue
		}
		subj := -1
		for j := v - 1; j >= 0; j-- {
			if toks[j].Head == main && (toks[j].DepRel == "obl:unmarked" || toks[j].DepRel == "conj" && !hasDependent(toks, j+1, -1, "cc")) &&
				(toks[j].UPOS == "NOUN" || toks[j].UPOS == "PROPN") {
				subj = j
				break
			}
		}
		if subj < 0 {
			continue
		}
		first, last := phraseBounds(toks, subj)
		for first < subj && toks[first].UPOS == "PUNCT" {
			first++ // a comma the parser gave the noun
		}
		if first > 1 && toks[first-1].XPOS == "''" {
			first-- // the quotation's end: "…," the lawyer told
		}
		if first == 0 || toks[first-1].XPOS != "," || !onlyCommas(toks, last+1, v) && last+1 != v {
			continue
		}
		if !endsSentence(toks, v) {
			continue
		}
		for j := last + 1; j < v; j++ {
			toks[j].Head = v + 1 // the comma before the verb
		}
		reports(toks, v, main-1)
		toks[subj].Head, toks[subj].DepRel = v+1, "nsubj"
	}
}

// verbCompounds repairs a plural noun tagged as a verb in the present
// tense and read as a compound of the verb after it ("but strong winds
// pushed it across a highway": winds → compound of pushed), which leaves
// the verb without a subject, so that it took the subject of the clause
// before. A verb with no subject takes no plural noun right before it
// as a compound, unless joined by a hyphen ("fume-filled", "oil-producing"):
// that noun is its subject.
func verbCompounds(toks []extract.Token) {
	for w := range toks {
		n := &toks[w]
		if n.DepRel != "compound" || n.Head <= w+1 || toks[n.Head-1].UPOS != "VERB" {
			continue
		}
		v := n.Head - 1
		if n.XPOS != "VBZ" && n.XPOS != "NNS" || toks[v].XPOS == "VBG" || w+1 < len(toks) && toks[w+1].XPOS == "HYPH" ||
			hasDependent(toks, v+1, -1, "nsubj") || hasDependent(toks, v+1, -1, "nsubj:pass") || !within(toks, v, w, v) {
			continue // "oil-producing plants", "man-made snow": compounds
		}
		if n.XPOS == "VBZ" {
			n.UPOS, n.XPOS, n.Feats = "NOUN", "NNS", "Number=Plur"
		}
		n.DepRel = "nsubj"
	}
}

// subordinatedClauses repairs a clause after "after", "before", "since",
// "until" or "till" read as the word's noun phrase, its verb left a
// conjunct of the verb before ("cancelled flights after its pilots went
// on strike": pilots → nmod with "after", went → conj of cancelled), or
// an adverbial clause without a subject ("returned to work after their
// union reached an agreement").
// These words head clauses as well as nouns; a finite verb right after
// the noun, joined to a verb before without "and", "or" or a comma, is
// the verb of that clause: it becomes an adverbial clause with the word
// as its marker and the noun as its subject.
func subordinatedClauses(toks []extract.Token, words []word) {
	for v := 1; v < len(toks); v++ {
		verb := &toks[v]
		if !finite(verb.XPOS) || verb.DepRel != "conj" && verb.DepRel != "advcl" || verb.Head == 0 || verb.Head-1 >= v || hasDependent(toks, v+1, -1, "cc") ||
			hasDependent(toks, v+1, -1, "nsubj") || toks[v-1].UPOS == "PUNCT" {
			continue
		}
		// The noun whose phrase ends right before the verb.
		n := v - 1
		for n >= 0 && toks[n].Head-1 > n && toks[n].Head-1 < v {
			n = toks[n].Head - 1
		}
		if n < 0 || (toks[n].UPOS != "NOUN" && toks[n].UPOS != "PROPN" && toks[n].UPOS != "PRON") {
			continue
		}
		first, last := phraseBounds(toks, n)
		if last != v-1 {
			continue
		}
		mark := -1
		for j := first; j < n; j++ {
			if toks[j].Head == n+1 && toks[j].DepRel == "case" && subordinators[strings.ToLower(words[j].form)] {
				mark = j
			}
		}
		if mark < 0 {
			continue
		}
		toks[mark].Head, toks[mark].DepRel, toks[mark].UPOS = v+1, "mark", "SCONJ"
		toks[n].Head, toks[n].DepRel = v+1, "nsubj"
		verb.DepRel = "advcl"
	}
}

// subordinators are the prepositions that also introduce clauses.
var subordinators = map[string]bool{"after": true, "before": true, "since": true, "until": true, "till": true}

// nameAppositions repairs a person's name in apposition to the noun
// phrase before it, attached to the name inside that phrase ("The mayor
// of Eastfield, Rachel Dunmore, defended …": Dunmore → appos of
// Eastfield). A name in apposition to a name is the same thing named
// twice, which news writes with "or", in parentheses or not at all; after
// "the mayor of Eastfield" the name is the mayor's. A proper noun
// apposition of two words or more (a person's name: "Lawrence, KS" and
// "CCNG, Inc." are a place's and a company's) of a proper noun that is
// the nmod of a common noun goes to the common noun.
func nameAppositions(toks []extract.Token) {
	for a := range toks {
		app := &toks[a]
		if app.UPOS != "PROPN" || app.DepRel != "appos" || app.Head == 0 {
			continue
		}
		m := app.Head - 1
		if toks[m].UPOS != "PROPN" || toks[m].DepRel != "nmod" || toks[m].Head == 0 || m > a {
			continue
		}
		n := toks[m].Head - 1
		if toks[n].UPOS != "NOUN" || n > m {
			continue
		}
		// A person's name has two words or more; one word after a
		// name is often the name's own: "Lawrence, KS", "CCNG, Inc.".
		if a+1 == len(toks) || toks[a+1].DepRel != "flat" || toks[a+1].Head != a+1 && toks[a+1].Head != m+1 {
			continue
		}
		app.Head = n + 1
		for j := a + 1; j < len(toks); j++ {
			switch {
			case toks[j].Head == m+1 && toks[j].DepRel == "flat":
				toks[j].Head = a + 1 // the rest of the name: "Rachel Dunmore"
				continue
			case toks[j].Head == m+1 && toks[j].UPOS == "PUNCT":
				toks[j].Head = a + 1 // the comma closing the apposition
			}
			break
		}
	}
}

// finiteComplements repairs a finite verb read as an open complement
// (xcomp), with its subject read as the object of the verb before it
// ("saying the city had no choice": city → obj of saying, had → xcomp).
// An open complement has no tense and no subject of its own: a verb in
// the past or present tense there with an object of its own and, right
// before it, the object of the verb it hangs on is a clause, the
// complement (ccomp) of that verb, and the noun its subject.
func finiteComplements(toks []extract.Token) {
	for v := range toks {
		verb := &toks[v]
		switch verb.XPOS {
		case "VBD", "VBZ": // not VBP, which the tagger confuses with VB
		default:
			continue
		}
		if verb.DepRel != "xcomp" || verb.Head == 0 || verb.Head-1 > v || hasDependent(toks, v+1, -1, "nsubj") {
			continue
		}
		// A past participle the tagger took for a past tense ("had
		// them embroidered", "get them added") takes no object: the
		// verb must have one, and the noun before it must be there.
		if !hasDependent(toks, v+1, -1, "obj") {
			continue
		}
		h := verb.Head - 1
		for o := h + 1; o < v; o++ {
			if toks[o].Head == h+1 && toks[o].DepRel == "obj" {
				if _, last := phraseBounds(toks, o); last == v-1 {
					toks[o].Head, toks[o].DepRel = v+1, "nsubj"
					verb.DepRel = "ccomp"
				}
			}
		}
	}
}

// participleComplements repairs a participle clause after a reporting
// verb's complement read as a second complement ("…," he said, adding
// that …": adding → ccomp of said, beside the quotation). A verb has one
// complement clause; a second one that is a participle in "-ing" with no
// subject or subordinator of its own, after a comma, is an adverbial
// clause (advcl), which shares the verb's subject.
func participleComplements(toks []extract.Token) {
	for v := range toks {
		verb := &toks[v]
		if verb.DepRel != "ccomp" || verb.XPOS != "VBG" || verb.Head == 0 || v == 0 || toks[v-1].XPOS != "," ||
			hasDependent(toks, v+1, -1, "nsubj") || hasDependent(toks, v+1, -1, "mark") {
			continue
		}
		other := false
		for j := range toks {
			other = other || j != v && toks[j].Head == verb.Head && toks[j].DepRel == "ccomp"
		}
		if other {
			verb.DepRel = "advcl"
		}
	}
}

// subjectRelatives repairs a clause a verb reports, without "that", read
// as a relative clause on the verb's object ("Aid agencies say half the
// population needs food": population → obj of say, needs → acl:relcl of
// population). English drops the relative pronoun only when it is not
// the subject ("the food people need"): a relative clause whose verb is
// finite and has neither a subject nor a relative pronoun, but an object
// of its own, is no relative clause. It is the complement (ccomp) of the
// verb, and the noun its subject.
func subjectRelatives(toks []extract.Token, words []word) {
	for v := range toks {
		verb := &toks[v]
		if !finite(verb.XPOS) || verb.DepRel != "acl:relcl" || verb.Head == 0 || verb.Head-1 > v || hasDependent(toks, v+1, -1, "nsubj") ||
			hasDependent(toks, v+1, -1, "nsubj:pass") || !hasDependent(toks, v+1, -1, "obj") {
			continue
		}
		n := verb.Head - 1
		if toks[n].DepRel != "obj" || toks[n].Head == 0 {
			continue
		}
		relative := false
		for j := n + 1; j < v; j++ {
			switch strings.ToLower(words[j].form) {
			case "that", "which", "who", "whom", "whose":
				relative = true
			}
		}
		if relative {
			continue
		}
		h := toks[n].Head
		verb.Head, verb.DepRel = h, "ccomp"
		toks[n].Head, toks[n].DepRel = v+1, "nsubj"
	}
}

// under tells whether word j is word v or in its subtree.
func under(toks []extract.Token, j, v int) bool {
	for k, steps := j, 0; steps <= len(toks); steps++ {
		if k == v {
			return true
		}
		if toks[k].Head == 0 {
			return false
		}
		k = toks[k].Head - 1
	}
	return false
}

// headedPrepositions repairs a mistake the parser makes on news text:
// a preposition heading its noun phrase ("spoken with → obj Netanyahu")
// where Universal Dependencies, and every later stage, wants the noun to
// head and the preposition to be its case marker ("spoken → obl
// Netanyahu → case with"). A preposition with one nominal dependent
// (obj, obl or nmod), itself attached as an oblique or nominal modifier,
// is turned around; its other dependents follow the noun.
func headedPrepositions(toks []extract.Token) {
	for p := range toks {
		prep := &toks[p]
		if prep.UPOS != "ADP" || prep.Head == 0 || (prep.DepRel != "obl" && prep.DepRel != "nmod") {
			continue
		}
		noun := -1
		for j := range toks {
			if toks[j].Head != p+1 {
				continue
			}
			switch toks[j].DepRel {
			case "obj", "obl", "nmod":
				if u := toks[j].UPOS; u == "NOUN" || u == "PROPN" || u == "PRON" || u == "NUM" {
					if noun >= 0 {
						noun = -2 // two of them: leave the tree alone
					} else if noun == -1 {
						noun = j
					}
				}
			}
		}
		if noun < 0 {
			continue
		}
		for j := range toks {
			if j != noun && toks[j].Head == p+1 {
				toks[j].Head = noun + 1
			}
		}
		toks[noun].Head, toks[noun].DepRel = prep.Head, prep.DepRel
		prep.Head, prep.DepRel = noun+1, "case"
	}
}

// verbConjuncts repairs a verb phrase coordinated with the verb before it
// read as a conjunct of that verb's object ("denied the charge and
// blamed provocations": charge → conj blamed): conjuncts are alike, and a
// noun does not coordinate with a verb that has an object of its own. The
// verb becomes a conjunct of the object's verb, in the past tense when
// that verb is and it was read as a participle without an auxiliary.
func verbConjuncts(toks []extract.Token) {
	for v := range toks {
		verb := &toks[v]
		if verb.UPOS != "VERB" || verb.DepRel != "conj" || verb.Head == 0 {
			continue
		}
		switch verb.XPOS {
		case "VBD", "VBN", "VBZ", "VBP":
		default:
			continue
		}
		n := verb.Head - 1
		if n > v || (toks[n].UPOS != "NOUN" && toks[n].UPOS != "PROPN") || toks[n].DepRel != "obj" || toks[n].Head == 0 {
			continue
		}
		g := toks[n].Head - 1
		if toks[g].UPOS != "VERB" || g > n || !hasDependent(toks, v+1, -1, "obj") ||
			hasDependent(toks, v+1, -1, "nsubj") || hasDependent(toks, v+1, -1, "nsubj:pass") {
			continue
		}
		if verb.XPOS == "VBN" && toks[g].XPOS == "VBD" && !hasDependent(toks, v+1, -1, "aux") && !hasDependent(toks, v+1, -1, "aux:pass") {
			verb.XPOS, verb.Feats = "VBD", "Mood=Ind|Tense=Past|VerbForm=Fin"
		}
		verb.Head = g + 1
	}
}

// coordinatedClauses repairs another mistake the parser makes on news
// text: two clauses joined by "and" read as two nouns joined by "and",
// the second clause's subject taken for a conjunct of the first clause's
// object ("congratulated Trump on his birthday and both leaders
// mentioned …": birthday → conj leaders), its verb left without a
// subject. A noun conjunct followed at once by a finite verb that has no
// subject becomes that verb's subject, and the verb a conjunct of the
// first clause's verb, taking the "and" along.
func coordinatedClauses(toks []extract.Token) {
	for n := 0; n+1 < len(toks); n++ {
		noun, verb := &toks[n], &toks[n+1]
		if noun.DepRel != "conj" || (noun.UPOS != "NOUN" && noun.UPOS != "PROPN" && noun.UPOS != "PRON") ||
			verb.UPOS != "VERB" || (verb.XPOS != "VBD" && verb.XPOS != "VBZ" && verb.XPOS != "VBP") || verb.Head == n+1 {
			continue
		}
		cc, hasSubject := -1, false
		for j := range toks {
			switch {
			case toks[j].Head == n+2 && strings.HasPrefix(toks[j].DepRel, "nsubj"):
				hasSubject = true
			case toks[j].Head == n+1 && toks[j].DepRel == "cc" && cc < 0:
				cc = j
			}
		}
		if cc < 0 || hasSubject {
			continue
		}
		// The first clause's verb: up from the first conjunct.
		c := noun.Head - 1
		for steps := 0; c >= 0 && toks[c].UPOS != "VERB" && steps < len(toks); steps++ {
			c = toks[c].Head - 1
		}
		if c < 0 || c >= n {
			continue
		}
		heads := make([]int32, len(toks)+1)
		for j, t := range toks {
			heads[j+1] = int32(t.Head)
		}
		if dominates(heads, int32(n+2), int32(c+1)) {
			continue // the verb heads the first clause: a cycle
		}
		verb.Head, verb.DepRel = c+1, "conj"
		noun.Head, noun.DepRel = n+2, "nsubj"
		toks[cc].Head = n + 2
	}
}

// contentClauses repairs a content clause read as a relative clause
// ("reports that her ministry had awarded contracts": that → obj of
// awarded, awarded → acl:relcl of reports, so that the ministry awarded
// the reports). A relative pronoun stands for a missing subject or object
// of its clause; when the clause has that subject or object already,
// "that" is the conjunction of a clause saying what the noun is about:
// it becomes the clause's mark, and the clause the noun's acl.
func contentClauses(toks []extract.Token, words []word) {
	for t := range toks {
		that := &toks[t]
		if !strings.EqualFold(words[t].form, "that") || that.Head == 0 || (that.DepRel != "obj" && that.DepRel != "nsubj") {
			continue
		}
		v := that.Head - 1
		if toks[v].DepRel != "acl:relcl" || !hasDependent(toks, v+1, t+1, that.DepRel) {
			continue
		}
		that.DepRel, that.UPOS, that.XPOS, that.Feats = "mark", "SCONJ", "IN", ""
		toks[v].DepRel = "acl"
	}
}

// determinedSubjects repairs a subject whose noun the tagger read as an
// adjective, leaving its words to the verb ("…, the chief executive
// announced": the → det of announced, executive → amod): a determiner
// belongs to a noun, never to a verb. When a verb in the past tense
// without a subject has a determiner before it, and only adjectives and
// nouns between, the last of them is the subject's noun, with the
// determiner and the words between as its modifiers. (A present tense
// there is most often a noun itself: "share the same taste", taste →
// VBZ.)
func determinedSubjects(toks []extract.Token) {
	for d := range toks {
		det := &toks[d]
		v := det.Head - 1
		if det.DepRel != "det" || v <= d+1 || toks[v].XPOS != "VBD" || hasDependent(toks, v+1, -1, "nsubj") {
			continue
		}
		between := true
		for j := d + 1; j < v; j++ {
			u := toks[j].UPOS
			between = between && toks[j].Head == v+1 && (u == "ADJ" || u == "NOUN" || u == "PROPN")
		}
		if !between {
			continue
		}
		n := v - 1
		noun := &toks[n]
		if noun.UPOS == "ADJ" {
			noun.UPOS, noun.XPOS, noun.Feats = "NOUN", "NN", "Number=Sing"
		}
		noun.Head, noun.DepRel = v+1, "nsubj"
		det.Head = n + 1
		for j := d + 1; j < n; j++ {
			toks[j].Head = n + 1
			if toks[j].UPOS == "ADJ" {
				toks[j].DepRel = "amod"
			} else {
				toks[j].DepRel = "compound"
			}
		}
	}
}

// mediumContents repairs what a verb says read as the content of the
// medium it says it in ("The company said in a statement that it would
// cooperate": the that-clause → acl of statement). A clause that opens
// with "that" and has a subject of its own, hung on the noun of an "in"
// phrase right after a verb that has no complement clause or object, is
// that verb's complement (ccomp), as EWT writes "said in an interview
// that …".
func mediumContents(toks []extract.Token, words []word) {
	for c := range toks {
		clause := &toks[c]
		if clause.DepRel != "acl" || clause.Head == 0 || !hasDependent(toks, c+1, -1, "nsubj") {
			continue
		}
		that := false
		for j := range toks {
			that = that || toks[j].Head == c+1 && toks[j].DepRel == "mark" && strings.EqualFold(words[j].form, "that")
		}
		n := clause.Head - 1
		if !that || toks[n].DepRel != "obl" || toks[n].Head == 0 || n > c {
			continue
		}
		// The "in" phrase follows the verb right away ("said in a
		// statement that"): "differ from …, in the fact that …" is the
		// fact's content.
		v := toks[n].Head
		in := v < len(toks) && toks[v].Head == n+1 && toks[v].DepRel == "case" && strings.EqualFold(words[v].form, "in")
		if !in || toks[v-1].UPOS != "VERB" || hasDependent(toks, v, -1, "ccomp") || hasDependent(toks, v, -1, "obj") {
			continue
		}
		clause.Head, clause.DepRel = v, "ccomp"
	}
}
