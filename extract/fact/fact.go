// Package fact reads an article's facts off its propositions and entities:
// relations between actors (Putin –call→ Trump), events named by nouns or
// verbs (a 50-minute phone call, with its participants, topics, date and
// duration) and quotes with their speakers.
//
// Everything here is read from the structure earlier stages found — the
// dependency parse through package clause, names through package entity —
// and not from the words themselves, with two small exceptions kept as
// tables below: the light verbs whose object names an event ("held a
// call"), and the words that name communication, which schema.org types
// CommunicateAction.
package fact

import (
	"context"
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/extract"
)

// lightVerbs take an event noun as object and add little meaning of their
// own: "held a phone call" is the call. Verbs whose objects are as often
// things ("made a profit", "has a budget", "started a factory") are not
// among them: their objects name an event only when the noun is a
// communication's ("had a call", "began talks").
var lightVerbs = map[string]bool{
	"hold": true, "conduct": true, "host": true, "stage": true,
}

// communication holds the lemmas of nouns and verbs naming communication
// between people: their events are schema.org CommunicateActions. For the
// verbs, the object is what was talked about.
var communication = map[string]bool{
	"call": true, "talk": true, "conversation": true, "meeting": true,
	"meet": true, "speak": true, "discuss": true, "discussion": true, "negotiation": true, "negotiate": true,
	"summit": true, "interview": true, "exchange": true, "consultation": true, "dialogue": true, "chat": true,
}

// topicVerbs say what a communication was about when it is their subject
// ("the call touched on Ukraine") or they are its verb ("talked Iran");
// the objects of other communication verbs are participants ("called
// Trump").
var topicVerbs = map[string]bool{
	"discuss": true, "talk": true, "speak": true, "negotiate": true, "touch_on": true, "address": true, "cover": true, "focus_on": true, "concern": true, "center_on": true,
}

// Reader is the pipeline stage that fills Document.Relations, Events and
// Quotes, and the entities' roles. Its zero value is ready to use and safe
// for concurrent use.
type Reader struct{}

// Process reads the facts of a document whose propositions and entities
// are known.
func (Reader) Process(ctx context.Context, doc *extract.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	r := &reader{doc: doc, entityAt: map[int]int{}, eventAt: map[int]int{}, main: map[int]bool{}, others: map[int]bool{}, groupAt: map[int]int{}}
	for g, gr := range doc.Groups {
		r.groupAt[gr.Head] = g
	}
	for e, ent := range doc.Entities {
		for _, m := range ent.Mentions {
			for i := m.First; i < m.Last; i++ {
				r.entityAt[i] = e
			}
		}
	}
	doc.Relations, doc.Events, doc.Quotes = doc.Relations[:0], doc.Events[:0], doc.Quotes[:0]
	r.findEvents()
	for k := range doc.Propositions {
		if k%256 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		r.proposition(k)
	}
	r.continuedQuotes()
	r.titles()
	for e := range doc.Events {
		ev := &doc.Events[e]
		slices.Sort(ev.Participants)
		ev.Participants = slices.Compact(ev.Participants)
	}
	return nil
}

// reader holds the indexes of one document.
type reader struct {
	doc      *extract.Document
	entityAt map[int]int // token → entity
	eventAt  map[int]int // token naming an event → event
	groupAt  map[int]int // head of a phrase naming several entities → group
	// main marks the events told as happening — named by a verb or the
	// object of a light verb — rather than only mentioned ("a return to
	// talks"): the ones later clauses about communication continue.
	main map[int]bool
	// others marks the events of people the text introduces without
	// naming them ("fishery officials discussed quotas"): named people
	// and people pointed back to do not continue them.
	others map[int]bool
}

func (r *reader) tok(i int) *extract.Token { return &r.doc.Tokens[i] }

// sentenceOf returns the sentence containing token i.
func (r *reader) sentenceOf(i int) extract.Sentence {
	if k := r.sentenceIndex(i); k < len(r.doc.Sentences) {
		return r.doc.Sentences[k]
	}
	return extract.Sentence{}
}

// headOf returns the document index of token i's head, or -1 at the root.
func (r *reader) headOf(i int) int {
	h := r.tok(i).Head
	if h == 0 {
		return -1
	}
	return r.sentenceOf(i).First + h - 1
}

// dependents returns the document indices of token i's dependents.
func (r *reader) dependents(i int) []int {
	s := r.sentenceOf(i)
	var out []int
	for j := s.First; j < s.Last; j++ {
		if r.doc.Tokens[j].Head == i-s.First+1 {
			out = append(out, j)
		}
	}
	return out
}

// continuedQuotes adds the sentences that carry on a direct quote: a
// sentence wholly inside quotation marks, with no reporting verb of its
// own, right after a sentence quoting someone directly ("'This is a dark
// day,' said the minister. 'We will not forget the victims.'") is the same
// speaker's. Quotes are in sentence order, so one pass carries a quote
// over several sentences.
func (r *reader) continuedQuotes() {
	quoted := map[int]bool{}
	for _, q := range r.doc.Quotes {
		quoted[q.Sentence] = true
	}
	var out []extract.Quote
	for _, q := range r.doc.Quotes {
		out = append(out, q)
		for si := q.Sentence + 1; q.Direct && q.Speaker.Kind != 0 && si < len(r.doc.Sentences) && !quoted[si]; si++ {
			s := r.doc.Sentences[si]
			inner := extract.Span{First: s.First + 1, Last: s.Last - 1}
			for inner.Last > inner.First && !r.isQuote(s, inner.Last) && r.tok(inner.Last).UPOS == "PUNCT" {
				inner.Last-- // a full stop after the closing mark
			}
			if s.Len() < 3 || !r.isQuote(s, s.First) || !r.isQuote(s, inner.Last) || r.quoteMarkWithin(s, inner) {
				break
			}
			cont := q
			cont.Sentence, cont.Cue, cont.Span = si, -1, r.trim(inner)
			cont.Props = nil
			from, to := r.sentenceProps(si)
			for k := from; k < to; k++ {
				cont.Props = append(cont.Props, k)
			}
			out = append(out, cont)
			quoted[si] = true
			q = cont
		}
	}
	r.doc.Quotes = out
}

// quoteMarkWithin tells whether a quotation mark stands inside span sp of
// sentence s: then the sentence holds more than one quote, or words of
// the writer's between them.
func (r *reader) quoteMarkWithin(s extract.Sentence, sp extract.Span) bool {
	for i := sp.First; i < sp.Last; i++ {
		if r.isQuote(s, i) {
			return true
		}
	}
	return false
}

// subtreeEnd returns the index after the last token under token i.
func (r *reader) subtreeEnd(i int) int {
	end := i + 1
	for _, d := range r.dependents(i) {
		end = max(end, r.subtreeEnd(d))
	}
	return end
}

// conjuncts returns head token i and the tokens coordinated with it
// ("Israel and Iran").
func (r *reader) conjuncts(i int) []int {
	out := []int{i}
	for k := 0; k < len(out); k++ {
		for _, d := range r.dependents(out[k]) {
			if r.tok(d).DepRel == "conj" {
				out = append(out, d)
			}
		}
	}
	return out
}

// refs resolves an argument to what it stands for: one ref per conjunct
// when its words name entities or events ("Putin and Trump"), the
// entities named by its apposition (see namedByApposition), else the
// words themselves as one literal.
func (r *reader) refs(a extract.Argument) []extract.Ref {
	out := r.ownRefs(a)
	if out[0].Kind == extract.Literal {
		if named := r.namedByApposition(a.Head); len(named) > 0 {
			return named
		}
	}
	return out
}

// ownRefs resolves an argument by its own words, as refs does, without
// looking at an apposition.
func (r *reader) ownRefs(a extract.Argument) []extract.Ref {
	var out []extract.Ref
	for _, h := range r.conjuncts(a.Head) {
		if g, ok := r.groupAt[h]; ok {
			for _, e := range r.doc.Groups[g].Members {
				out = append(out, extract.Ref{Kind: extract.EntityRef, Index: e, Text: r.doc.Entities[e].Name, Span: r.doc.Groups[g].Span})
			}
			continue
		}
		if e, ok := r.nameEntity(h); ok {
			out = append(out, extract.Ref{Kind: extract.EntityRef, Index: e, Text: r.doc.Entities[e].Name, Span: r.mentionAt(e, h)})
			continue
		}
		if ev, ok := r.eventAt[h]; ok {
			out = append(out, extract.Ref{Kind: extract.EventRef, Index: ev, Text: r.doc.Events[ev].Name, Span: extract.Span{First: h, Last: h + 1}})
			continue
		}
		if h == a.Head {
			break // the head names no entity: the whole phrase is a literal
		}
	}
	if len(out) == 0 {
		return []extract.Ref{{Kind: extract.Literal, Text: r.doc.SpanText(a.Span), Span: a.Span}}
	}
	return out
}

// namedByApposition returns the entities an apposition to the phrase
// headed by h names: a description that names no entity stands for them
// ("The regional governor, Ines Carvalho, congratulated …", "the two
// companies, Acme and Zeta,").
func (r *reader) namedByApposition(h int) []extract.Ref {
	var out []extract.Ref
	for _, d := range r.dependents(h) {
		if r.tok(d).DepRel != "appos" {
			continue
		}
		for _, c := range r.conjuncts(d) {
			if e, ok := r.nameEntity(c); ok {
				out = append(out, extract.Ref{Kind: extract.EntityRef, Index: e, Text: r.doc.Entities[e].Name, Span: r.mentionAt(e, c)})
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	return nil
}

// nameEntity returns the entity token h names: its own, or for a word
// that heads a name it is not part of — a title the parser took for the
// head, as in "Chancellor Olaf Scholz" — the entity of the name attached
// to it.
func (r *reader) nameEntity(h int) (int, bool) {
	if e, ok := r.entityAt[h]; ok {
		// English puts a phrase's head last: when the parser heads a
		// name with a name before it ("Argentine President Lucia
		// Ferrante": Argentine → flat Lucia), the phrase is about the
		// last one.
		for _, d := range r.dependents(h) {
			if rel := r.tok(d).DepRel; d > h && (rel == "flat" || rel == "compound") {
				if later, ok := r.entityAt[d]; ok && later != e {
					e = later
				}
			}
		}
		return e, true
	}
	switch r.tok(h).UPOS {
	case "PROPN":
		for _, d := range r.dependents(h) {
			if rel := r.tok(d).DepRel; rel == "flat" || rel == "compound" {
				if e, ok := r.nameEntity(d); ok {
					return e, true
				}
			}
		}
	case "NOUN":
		// A title the parser made the head: "Opposition leader Raila
		// Odinga", the name right after it and hanging on it.
		if e, ok := r.entityAt[h+1]; ok && r.headOf(h+1) == h || ok && r.headOf(r.mentionAt(e, h+1).Last-1) == h {
			return e, true
		}
	}
	return 0, false
}

// mentionAt returns entity e's mention covering token i.
func (r *reader) mentionAt(e, i int) extract.Span {
	for _, m := range r.doc.Entities[e].Mentions {
		if m.First <= i && i < m.Last {
			return m
		}
	}
	return extract.Span{First: i, Last: i + 1}
}

// timesOf returns the date and duration of the time expressions that
// modify proposition k's predicate, whatever the relation: an oblique ("on
// Saturday", "for 50 minutes"), an adverbial ("a day earlier"), a bare
// noun phrase ("Saturday"); and of those the parser hung on one of its
// arguments that the clause reader left out of the argument's words as
// saying when, not which ("raised its rate by half a point on Thursday").
func (r *reader) timesOf(k int) (date, duration string) {
	p := &r.doc.Propositions[k]
	s := r.sentenceOf(p.Head)
	// Times are in text order: look only at the sentence's, so that a
	// document with thousands of them is not read once per fact.
	first, _ := slices.BinarySearchFunc(r.doc.Times, s.First, func(t extract.TimeExpr, i int) int { return t.First - i })
	for _, t := range r.doc.Times[first:] {
		if t.First >= s.Last {
			break
		}
		if !r.dates(p, t) {
			continue
		}
		switch {
		case t.Kind == extract.Date && date == "":
			date = t.Value
		case t.Kind == extract.Duration && duration == "":
			duration = t.Value
		}
	}
	return date, duration
}

// dates tells whether time expression t hangs on proposition p's
// predicate, or on an argument of its own outside the argument's words.
// The expression's head is its word attached outside it.
func (r *reader) dates(p *extract.Proposition, t extract.TimeExpr) bool {
	for i := t.First; i < t.Last; i++ {
		hd := r.headOf(i)
		if hd == p.Head {
			return true
		}
		if hd < 0 || t.First <= hd && hd < t.Last || r.headOf(hd) != p.Head {
			continue
		}
		for _, a := range p.Args {
			if a.Head == hd && (i < a.Span.First || i >= a.Span.Last) {
				return true
			}
		}
	}
	return false
}

// plainPhrase tells whether the words of span, but its head, hold no verb,
// auxiliary or punctuation other than a hyphen.
func (r *reader) plainPhrase(span extract.Span, head int) bool {
	for i := span.First; i < span.Last; i++ {
		t := r.tok(i)
		if i != head && (t.UPOS == "VERB" || t.UPOS == "AUX" || t.UPOS == "PUNCT" && t.XPOS != "HYPH") {
			return false
		}
	}
	return true
}

// caseOf returns the lower-cased case marker of token i ("with" of
// "with Trump"), or "".
func (r *reader) caseOf(i int) string { return r.doc.CaseMarker(r.sentenceOf(i), i) }

// timeIn returns the time expression an argument consists of, if any.
func (r *reader) timeIn(a extract.Argument) (extract.TimeExpr, bool) {
	return r.doc.TimeAt(a.Head)
}

// reporterOf returns the subject of the verb that reports the clause
// whose subject is a, when a is "it" or "they" standing for it: "The
// government said it would appeal the decision", "Lenk's lawyers said
// they would appeal to the supreme court". Coreference links such
// pronouns to names; a reporter named by a common noun ("the
// government") is no entity, so the pronoun is resolved here, to the
// reporter's own words. The noun must agree in number ("it" a singular
// one, "they" a plural one), and "it" must act ("would appeal the
// decision", "had agreed to pay"), since "it" is often no one ("said it
// was too early", "said it depended on the weather").
func (r *reader) reporterOf(a extract.Argument) (extract.Argument, bool) {
	t := r.tok(a.Head)
	form := strings.ToLower(r.doc.Form(t))
	c := r.headOf(a.Head)
	if t.UPOS != "PRON" || (form != "it" && form != "they") || c < 0 || r.tok(c).DepRel != "ccomp" || r.tok(c).UPOS != "VERB" {
		return extract.Argument{}, false
	}
	// "they" is no one only rarely: an oblique will do ("they would
	// appeal to the court").
	acts := r.doc.Acts(r.sentenceOf(c), c)
	for _, d := range r.dependents(c) {
		acts = acts || form == "they" && r.tok(d).DepRel == "obl"
	}
	v := r.headOf(c)
	if !acts || v < 0 {
		return extract.Argument{}, false
	}
	for _, q := range r.doc.Propositions {
		if q.Head != v || q.Copular {
			continue
		}
		s, ok := q.Arg(extract.Subject)
		if !ok || r.tok(s.Head).UPOS != "NOUN" {
			return extract.Argument{}, false
		}
		plural := r.tok(s.Head).XPOS == "NNS"
		if plural != (form == "they") {
			return extract.Argument{}, false
		}
		return s, true
	}
	return extract.Argument{}, false
}

// predicateName joins a proposition's lemma with a preposition:
// mediate_between.
func predicateName(lemma, prep string) string {
	if prep == "" {
		return lemma
	}
	return lemma + "_" + strings.ReplaceAll(prep, " ", "_")
}

// proposition reads the relations, quotes and event details of
// proposition k.
func (r *reader) proposition(k int) {
	p := &r.doc.Propositions[k]
	date, duration := r.timesOf(k)
	subj, hasSubj := p.Arg(extract.Subject)
	var subjects []extract.Ref
	if hasSubj {
		subjects = r.refs(subj)
		if subjects[0].Kind == extract.Literal {
			if rep, ok := r.reporterOf(subj); ok {
				subj, subjects = rep, r.refs(rep)
			}
		}
	}
	r.quotes(k, subjects)
	r.eventDetails(k, subjects, date, duration)
	lemma, conf := p.Lemma, p.Confidence
	if !hasSubj {
		// A passive without its agent ("Three people were killed in
		// the attack", "Whitfield was elected mayor") states its facts
		// about the passive subject, with the predicate in the passive:
		// be_kill_in, be_elect. Only a passive subject of the clause's
		// own: a participle after a noun ("the deal reached in Rome")
		// is as often an active verb the parser hung on its subject
		// ("Kamau, 27, pulled away from …").
		patient, ok := p.Arg(extract.Object)
		if !p.Passive || !ok || r.tok(p.Head).DepRel == "acl" {
			return
		}
		subj, subjects = patient, r.refs(patient)
		lemma, conf = "be_"+p.Lemma, conf*0.9
	}
	if subjects[0].Kind == extract.Literal {
		// A noun phrase that names no entity ("Irish regulators", or a
		// name the recogniser missed) is still an actor; pronouns and
		// clauses left unresolved are not.
		// A gerund subject is a noun too: "Fighting has killed
		// thousands". A long phrase is one only when nothing in it but
		// its head is a verb or punctuation ("Delegations from Sudan's
		// army and the paramilitary Rapid Support Forces"): a misread
		// clause is long too.
		head := r.tok(subj.Head)
		if head.UPOS != "NOUN" && head.UPOS != "PROPN" && !(head.XPOS == "VBG" && strings.HasPrefix(head.DepRel, "nsubj")) ||
			subjects[0].Len() > 6 && (subjects[0].Len() > 12 || !r.plainPhrase(subjects[0].Span, subj.Head)) {
			return
		}
		if _, ok := r.timeIn(subj); ok {
			return // a name the recogniser missed acts, a month does not
		}
		conf *= 0.8
	}
	for _, a := range p.Args {
		if a.Head == subj.Head {
			continue // the actor
		}
		pred := lemma
		switch a.Role {
		case extract.Subject, extract.Content:
			continue
		case extract.Oblique:
			if _, ok := r.timeIn(a); ok || a.Prep == "" || a.Prep == "according to" {
				continue
			}
			pred = predicateName(lemma, a.Prep)
		case extract.Complement:
			if p.Copular {
				r.copular(k, subjects, a, conf)
				continue
			}
		}
		for _, s := range subjects {
			for _, o := range r.refs(a) {
				if s.Kind == o.Kind && s.Index == o.Index && o.Kind != extract.Literal {
					continue
				}
				r.doc.Relations = append(r.doc.Relations, extract.Relation{
					Prop: k, Sentence: p.Sentence, Subject: s, Predicate: pred, Object: o,
					Negated: p.Negated, Modal: p.Modal, Date: date, Duration: duration,
					Words: p.Words, Confidence: conf,
				})
			}
		}
	}
}

// copular reads "X is Y": a role when Y is a noun phrase naming no entity
// ("Yuri Ushakov, a Kremlin aide"), a plain "be" fact otherwise.
func (r *reader) copular(k int, subjects []extract.Ref, a extract.Argument, conf float64) {
	p := &r.doc.Propositions[k]
	resolve := r.refs
	if len(p.Words) == 0 {
		// The description of an apposition is what it says of the name,
		// not the name again.
		resolve = r.ownRefs
	}
	// A predicate with a preposition is read as an oblique is: the
	// preposition names the fact, the words after it are its object.
	// An apposition has no preposition of its own: one before it is
	// the phrase's ("According to Kremlin aide Yuri Ushakov").
	prep := ""
	if len(p.Words) > 0 {
		prep = r.caseOf(a.Head)
	}
	for prep != "" && a.Span.Len() > 1 && r.tok(a.Span.First).DepRel == "case" {
		a.Span.First++
	}
	objs := resolve(a)
	if len(p.Words) == 0 {
		// An apposition describes the one name it is attached to, not the
		// names coordinated with it.
		subjects, objs = subjects[:1], objs[:1]
		if objs[0].Kind != extract.Literal {
			return // "Trump, Ushakov": two names side by side, no fact
		}
		if s := subjects[0]; s.Kind == extract.EntityRef && r.doc.Entities[s.Index].Type != "PER" && r.doc.Entities[s.Index].Type != "" {
			// "Israel-Iran ceasefire" read as "Israel, Iran ceasefire":
			// an apposition gives people their role; next to a place
			// or an organisation it is more often a misreading.
			return
		}
		if r.enclosed(a.Span) {
			// "Tel Aviv's 'defence'": words in scare quotes after a
			// name say what someone calls it, not what it is.
			return
		}
	}
	pred := "be"
	if prep != "" {
		// "said it was in contact with the company": a state, no role.
		pred = predicateName(pred, prep)
	} else if objs[0].Kind == extract.Literal {
		switch r.tok(a.Head).UPOS {
		case "NOUN", "PROPN":
			pred = "role"
		}
	}
	for _, s := range subjects {
		if s.Kind != extract.EntityRef {
			continue
		}
		for _, o := range objs {
			if o.Kind == s.Kind && o.Index == s.Index {
				continue
			}
			if pred == "role" {
				o = r.bareRole(o)
				e := &r.doc.Entities[s.Index]
				e.Roles = addRole(e.Roles, o.Text)
			}
			r.doc.Relations = append(r.doc.Relations, extract.Relation{
				Prop: k, Sentence: p.Sentence, Subject: s, Predicate: pred, Object: o,
				Negated: p.Negated, Modal: p.Modal, Words: p.Words, Confidence: conf,
			})
		}
	}
}

// quotes records what proposition k reports: its Content argument, said
// by its subject, and "according to X" obliques.
func (r *reader) quotes(k int, subjects []extract.Ref) {
	p := &r.doc.Propositions[k]
	speaker := extract.Ref{}
	if subj, ok := p.Arg(extract.Subject); ok && len(subjects) > 0 {
		speaker = r.source(subj, subjects[0])
	}
	if c, ok := p.Arg(extract.Content); ok && r.clausal(c.Head) {
		q := extract.Quote{
			Sentence: p.Sentence, Speaker: speaker, Cue: p.Head, CueLemma: p.Lemma,
			Span: c.Span, Props: r.reported(k), Confidence: p.Confidence,
		}
		q.Span, q.Direct = r.quoted(c.Span)
		r.doc.Quotes = append(r.doc.Quotes, q)
	}
	for _, a := range p.Args {
		if a.Role != extract.Oblique || a.Prep != "according to" {
			continue
		}
		s := r.doc.Sentences[p.Sentence]
		// What the source said is the rest of the clause, after the
		// source and what describes it ("According to Ahmed Salah, a
		// spokesman for the ministry, …").
		span := extract.Span{First: s.First, Last: s.Last}
		if a.First-1 <= s.First+1 {
			span.First = max(a.Last, r.subtreeEnd(a.Head))
			if r.trim(span).Len() == 0 { // the parse hung the clause on the source
				span.First = a.Last
			}
		} else {
			span.Last = a.First - 2
		}
		span = r.trim(span)
		if span.Len() == 0 {
			continue
		}
		q := extract.Quote{
			Sentence: p.Sentence, Speaker: r.source(a, r.refs(a)[0]), Cue: -1, CueLemma: "according_to",
			Span: span, Props: append([]int{k}, r.reported(k)...), Confidence: p.Confidence,
		}
		r.doc.Quotes = append(r.doc.Quotes, q)
	}
}

// clausal tells whether a content argument headed by token i says
// something: an adjective alone is not a clause but a parse of a scare
// quote ("discuss 'very alarming' tensions") as what was said.
func (r *reader) clausal(i int) bool {
	if r.tok(i).UPOS != "ADJ" {
		return true
	}
	for _, d := range r.dependents(i) {
		if rel := r.tok(d).DepRel; strings.HasPrefix(rel, "nsubj") || rel == "cop" {
			return true
		}
	}
	return false
}

// source returns who speaks through argument a, which resolved to ref:
// ref itself, unless a is a phrase naming no entity that stands for one
// ("a spokesman for the ministry", "a statement from the Kremlin",
// "officials at the agency", "critics, including Terra Viva"), whose
// entity then speaks. A phrase that
// says where people are ("Parents in Lagos said") speaks for itself.
// (A phrase named by an apposition, "Its leader, Maja Ek,", already
// resolved to its entity: see namedByApposition.)
func (r *reader) source(a extract.Argument, ref extract.Ref) extract.Ref {
	if ref.Kind != extract.Literal {
		return ref
	}
	for _, d := range r.dependents(a.Head) {
		if r.tok(d).DepRel != "nmod" {
			continue
		}
		switch r.caseOf(d) {
		case "for", "from", "of", "at", "including":
		default:
			continue
		}
		if e, ok := r.nameEntity(d); ok {
			return extract.Ref{Kind: extract.EntityRef, Index: e, Text: r.doc.Entities[e].Name, Span: r.mentionAt(e, d)}
		}
	}
	return ref
}

// reported returns the propositions nested under proposition k's content.
func (r *reader) reported(k int) []int {
	var out []int
	// Propositions report only within their sentence: look at k's
	// sentence alone.
	from, to := r.sentenceProps(r.doc.Propositions[k].Sentence)
	for j := from; j < to; j++ {
		for p := r.doc.Propositions[j].Parent; p >= 0; p = r.doc.Propositions[p].Parent {
			if p == k {
				out = append(out, j)
				break
			}
		}
	}
	return out
}

// sentenceProps returns the range of Document.Propositions, which are in
// sentence order, that sentence si holds.
func (r *reader) sentenceProps(si int) (from, to int) {
	props := r.doc.Propositions
	from, _ = slices.BinarySearchFunc(props, si, func(p extract.Proposition, s int) int { return p.Sentence - s })
	to = from
	for to < len(props) && props[to].Sentence == si {
		to++
	}
	return from, to
}

// quoted trims a content span of its quotation marks and punctuation and
// tells whether it was inside quotation marks.
func (r *reader) quoted(sp extract.Span) (extract.Span, bool) {
	s := r.sentenceOf(sp.First)
	isQuote := func(i int) bool { return r.isQuote(s, i) }
	// A quotation mark just outside the span, past its punctuation
	// ("… in May," she said), opens or closes it too.
	punct := func(i int) bool { return i >= s.First && i < s.Last && r.tok(i).UPOS == "PUNCT" }
	before, after := sp.First-1, sp.Last
	for punct(before) && !isQuote(before) {
		before--
	}
	for punct(after) && !isQuote(after) {
		after++
	}
	opens, closes := isQuote(before), isQuote(after)
	first, last := sp.First, sp.Last
	for first < last && (isQuote(first) || r.tok(first).UPOS == "PUNCT") {
		opens = opens || isQuote(first)
		first++
	}
	for last > first && (isQuote(last-1) || r.tok(last-1).UPOS == "PUNCT") {
		closes = closes || isQuote(last-1)
		last--
	}
	direct := opens || closes
	if direct && !(opens && closes) {
		// One quotation mark at an end: the end of a quote that began in
		// an earlier sentence, unless the mark closes a quoted word
		// inside reported speech (the group would act "pre-emptively").
		inner := false
		for i := first; i < last && !inner; i++ {
			inner = isQuote(i)
		}
		if inner {
			// The closing mark is the quoted word's: keep it.
			for isQuote(last) {
				last++
			}
			return extract.Span{First: first, Last: last}, false
		}
	}
	return extract.Span{First: first, Last: last}, direct
}

// isQuote tells whether token i, in sentence s, is a quotation mark.
func (r *reader) isQuote(s extract.Sentence, i int) bool {
	if i < s.First || i >= s.Last {
		return false
	}
	switch r.doc.Form(r.tok(i)) {
	case `"`, "“", "”", "``", "''", "'", "‘", "’":
		return true
	}
	return false
}

// enclosed tells whether span sp, punctuation aside, is between quotation
// marks: "'defence'" in "Tel Aviv's 'defence'".
func (r *reader) enclosed(sp extract.Span) bool {
	s := r.sentenceOf(sp.First)
	t := r.trim(sp)
	return t.Len() > 0 && r.isQuote(s, t.First-1) && r.isQuote(s, t.Last)
}

// trim drops punctuation from the ends of a span.
func (r *reader) trim(sp extract.Span) extract.Span {
	for sp.First < sp.Last && r.tok(sp.First).UPOS == "PUNCT" {
		sp.First++
	}
	for sp.Last > sp.First && r.tok(sp.Last-1).UPOS == "PUNCT" {
		sp.Last--
	}
	return sp
}

// entityRefs keeps the entity references of refs.
func entityRefs(refs []extract.Ref) []int {
	var out []int
	for _, r := range refs {
		if r.Kind == extract.EntityRef {
			out = append(out, r.Index)
		}
	}
	return out
}

// titles turns the titles written before names into role facts, unless
// the parse already gave the same one.
func (r *reader) titles() {
	for e := range r.doc.Entities {
		for _, t := range r.doc.Entities[e].Titles {
			text := r.doc.SpanText(t)
			ent := &r.doc.Entities[e]
			dup := false
			for k := range r.doc.Relations {
				rel := &r.doc.Relations[k]
				if rel.Predicate != "role" || rel.Subject.Kind != extract.EntityRef || rel.Subject.Index != e ||
					rel.Object.First >= t.Last || t.First >= rel.Object.Last {
					continue
				}
				// The parse read part of the same title ("President" of
				// "Russian President"): keep the fuller one.
				dup = true
				if t.First <= rel.Object.First && rel.Object.Last <= t.Last {
					ent.Roles = slices.DeleteFunc(ent.Roles, func(s string) bool { return s == rel.Object.Text })
					rel.Object = extract.Ref{Kind: extract.Literal, Text: text, Span: t}
					ent.Roles = addRole(ent.Roles, text)
				}
			}
			if dup {
				continue
			}
			ent.Roles = addRole(ent.Roles, text)
			words := make([]int, 0, t.Len())
			for i := t.First; i < t.Last; i++ {
				words = append(words, i)
			}
			r.doc.Relations = append(r.doc.Relations, extract.Relation{
				Prop: -1, Sentence: r.sentenceIndex(t.First), Predicate: "role",
				Subject:    extract.Ref{Kind: extract.EntityRef, Index: e, Text: ent.Name, Span: r.mentionAt(e, t.Last)},
				Object:     extract.Ref{Kind: extract.Literal, Text: text, Span: t},
				Words:      words,
				Confidence: 0.85,
			})
		}
	}
}

// bareRole drops the determiners and possessives a role is written with:
// "a spokeswoman", "The farm minister" and "Its chairman" are the roles
// spokeswoman, farm minister and chairman.
func (r *reader) bareRole(o extract.Ref) extract.Ref {
	sp := o.Span
	for sp.Len() > 1 {
		t := r.tok(sp.First)
		// The possessive's own "'s" goes with it: "the city's finance
		// director" is the role finance director.
		possessive := t.DepRel == "case" && r.headOf(sp.First) >= 0 && r.headOf(sp.First) < sp.First
		if t.UPOS != "DET" && t.DepRel != "nmod:poss" && !possessive {
			break
		}
		sp.First++
	}
	if sp == o.Span {
		return o
	}
	return extract.Ref{Kind: extract.Literal, Text: r.doc.SpanText(sp), Span: sp}
}

// addRole adds role to roles unless it is there already, or a longer role
// ending with it is ("President" and "U.S. President" are one role).
func addRole(roles []string, role string) []string {
	for i, r := range roles {
		switch {
		case r == role || strings.HasSuffix(r, " "+role):
			return roles
		case strings.HasSuffix(role, " "+r):
			roles[i] = role
			return roles
		}
	}
	return append(roles, role)
}
