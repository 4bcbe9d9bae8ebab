package fact

import (
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/extract"
)

// findEvents finds the words naming events, in text order, and groups
// those naming the same event: "held a phone call ... The call was
// described as useful" is one call. It runs before relations are read, so
// that "the call" can be an argument.
func (r *reader) findEvents() {
	props := map[int]int{} // predicate head → proposition
	for k, p := range r.doc.Propositions {
		if !p.Copular {
			if _, ok := props[p.Head]; !ok {
				props[p.Head] = k
			}
		}
	}
	for i := range r.doc.Tokens {
		t := r.tok(i)
		lemma := strings.ToLower(t.Lemma)
		switch {
		case t.UPOS == "NOUN" && (communication[lemma] && !r.appeal(i) || r.lightObject(i, props)):
			e := r.nounEvent(i, lemma)
			r.main[e] = r.main[e] || r.lightObject(i, props) || strings.HasPrefix(t.DepRel, "nsubj")
		case t.UPOS == "VERB" && communication[lemma]:
			if k, ok := props[i]; ok && r.communicates(i, k) {
				r.verbEvent(i, k, lemma)
			}
		}
	}
}

// communicates tells whether verb i, heading proposition k, is used in its
// sense of talking to someone. A verb of talking can say something else
// when it takes a complement that describes its object ("called the
// inquiry politically motivated", "called it a betrayal"), a preposition
// that makes it an appeal ("called on both sides to …", "called for
// calm"), or an indefinite thing as its object ("called a strike", "called
// an election"): none of these is a call.
func (r *reader) communicates(i, k int) bool {
	for _, d := range r.dependents(i) {
		t := r.tok(d)
		switch {
		case t.DepRel == "xcomp" && (t.UPOS != "VERB" || t.XPOS == "VBN"),
			t.DepRel == "advcl" && r.after(d, extract.Object, k) && (t.XPOS == "VBN" || t.UPOS == "ADJ") && !r.hasMark(d):
			return false
		}
	}
	for _, a := range r.doc.Propositions[k].Args {
		switch {
		case a.Role == extract.Oblique && (a.Prep == "on" || a.Prep == "for") && !r.isTime(a):
			return false
		case a.Role == extract.Object && r.indefinite(a.Head):
			return false
		}
	}
	return true
}

// appeal tells whether noun i is a call in its sense of a demand: with
// the infinitive or the "for" of what is demanded ("faced calls to
// resign", "growing calls for a ceasefire"), as the verb is in "called
// for early elections" (see communicates). A call of some medium or
// between people ("a phone call", "the call with Trump") is one they
// had, whatever the parser hung on it.
func (r *reader) appeal(i int) bool {
	if !strings.EqualFold(r.tok(i).Lemma, "call") {
		return false
	}
	demand := false
	for _, d := range r.dependents(i) {
		t := r.tok(d)
		switch {
		case t.DepRel == "compound", t.DepRel == "nmod" && (r.caseOf(d) == "with" || r.caseOf(d) == "between"):
			return false
		case t.DepRel == "acl" && t.XPOS == "VB" && r.hasMark(d), t.DepRel == "nmod" && r.caseOf(d) == "for":
			demand = true
		}
	}
	return demand
}

// after tells whether token d comes after the argument of proposition k in
// role role, which it may then describe ("called the inquiry politically
// motivated": "motivated" describes "the inquiry").
func (r *reader) after(d int, role extract.Role, k int) bool {
	a, ok := r.doc.Propositions[k].Arg(role)
	return ok && a.Span.Last <= d
}

// hasMark tells whether token i has a subordinating word ("because",
// "while", "to") that makes it a clause of its own.
func (r *reader) hasMark(i int) bool {
	for _, d := range r.dependents(i) {
		if r.tok(d).DepRel == "mark" {
			return true
		}
	}
	return false
}

// indefinite tells whether noun i is a common noun with the indefinite
// article ("a strike"): a thing introduced, not a person talked to.
func (r *reader) indefinite(i int) bool {
	if r.tok(i).UPOS != "NOUN" {
		return false
	}
	for _, d := range r.dependents(i) {
		if t := r.tok(d); t.DepRel == "det" && (strings.EqualFold(t.Lemma, "a") || strings.EqualFold(t.Lemma, "an")) {
			return true
		}
	}
	return false
}

// lightObject tells whether noun i is the object of a light verb, and
// not a name's description ("hosted his counterpart, Elena Prado": a
// guest, not an event).
func (r *reader) lightObject(i int, props map[int]int) bool {
	if r.tok(i).DepRel != "obj" || len(r.namedByApposition(i)) > 0 {
		return false
	}
	h := r.headOf(i)
	_, isProp := props[h]
	return h >= 0 && isProp && lightVerbs[strings.ToLower(r.tok(h).Lemma)]
}

// definite tells whether noun i is made definite by a determiner or a
// possessive ("the call", "their talks"): it then names an event already
// mentioned, when there is one.
func (r *reader) definite(i int) bool {
	for _, d := range r.dependents(i) {
		t := r.tok(d)
		if t.DepRel == "nmod:poss" {
			return true
		}
		if t.DepRel == "det" || t.DepRel == "det:predet" {
			switch strings.ToLower(t.Lemma) {
			case "the", "this", "that", "these", "those", "both":
				return true
			}
		}
	}
	return false
}

// eventType is the schema.org type of an event named by lemma.
func eventType(lemma string) string {
	if communication[lemma] {
		return "CommunicateAction"
	}
	return "Event"
}

// nounEvent records noun i as naming an event, and returns it: the event
// of the verb it is the occasion of ("discussed Iran in a phone call with
// Trump": one call, in which they discussed; see withinCase), for a
// definite noun the last event of the same name, else of the same kind
// ("the call" after "Putin spoke with Trump"), or a new event.
func (r *reader) nounEvent(i int, lemma string) int {
	typ := eventType(lemma)
	span := extract.Span{First: i, Last: i + 1}
	if h := r.headOf(i); h >= 0 && strings.HasPrefix(r.tok(i).DepRel, "obl") && withinCase[r.caseOf(i)] {
		if e, ok := r.eventAt[h]; ok && r.doc.Events[e].Type == typ {
			r.addEventMention(e, span)
			// The noun says what kind of event it was; the verb, what
			// was done in it.
			r.doc.Events[e].Name = lemma
			r.nounDetails(e, i)
			return e
		}
	}
	if r.definite(i) {
		e := r.lastEvent(func(ev *extract.Event) bool { return ev.Name == lemma })
		if e < 0 {
			e = r.lastMain(typ)
		}
		if e >= 0 {
			r.addEventMention(e, span)
			return e
		}
	}
	e := r.newEvent(typ, lemma, span)
	r.nounDetails(e, i)
	return e
}

// withinCase are the prepositions that make an event noun the occasion of
// the verb it hangs on ("discussed it in a call", "during talks", "on a
// call"), not its topic ("spoke about the call").
var withinCase = map[string]bool{"in": true, "during": true, "on": true, "over": true, "at": true}

// nounDetails adds to event e what the phrase of noun i, which names it,
// says: "a 50-minute call with Trump", "talks between Israel and Iran",
// "a call about trade".
func (r *reader) nounDetails(e, i int) {
	ev := &r.doc.Events[e]
	for _, t := range r.doc.Times {
		if r.within(t.Span, i) && t.Kind == extract.Duration && ev.Duration == "" {
			ev.Duration = t.Value
		}
		if r.within(t.Span, i) && t.Kind == extract.Date && ev.Date == "" {
			ev.Date = t.Value
		}
	}
	for _, d := range r.dependents(i) {
		switch r.tok(d).DepRel {
		case "nmod":
			switch r.caseOf(d) {
			case "with", "between", "among":
				for _, c := range r.conjuncts(d) {
					if en, ok := r.nameEntity(c); ok {
						ev.Participants = append(ev.Participants, en)
					}
				}
			case "on", "about", "over":
				if _, ok := r.timeIn(extract.Argument{Head: d}); ok {
					continue // "a call on Saturday": its date, read above
				}
				ev.Topics = append(ev.Topics, r.refs(extract.Argument{Head: d, Span: extract.Span{First: d, Last: d + 1}})...)
			}
		}
	}
}

// verbEvent records the verb heading proposition k as naming a
// communication: a new event, or the last one when its speakers are
// already part of it or are pointed back to ("the two leaders also
// discussed"); people introduced without names ("fishery officials
// discussed") start one of their own.
func (r *reader) verbEvent(i, k int, lemma string) {
	p := &r.doc.Propositions[k]
	var who []int
	unnamed, strangers := false, false
	for _, a := range p.Args {
		if a.Role != extract.Subject && a.Role != extract.Recipient && (a.Role != extract.Object || topicVerbs[lemma]) &&
			!(a.Role == extract.Oblique && (a.Prep == "with" || a.Prep == "to")) {
			continue
		}
		refs := r.refs(a)
		if refs[0].Kind == extract.Literal && a.Role == extract.Subject {
			if r.anaphoric(a.Head) {
				unnamed = true
			} else {
				strangers = true
			}
		}
		who = append(who, entityRefs(refs)...)
	}
	span := extract.Span{First: i, Last: i + 1}
	date, duration := r.timesOf(k)
	var e int
	if strangers {
		// People the text introduces start an event of their own, which
		// goes on only within their sentence ("officials met and
		// discussed quotas").
		e = r.lastMain("CommunicateAction")
		if e >= 0 && (!r.others[e] || r.doc.Events[e].Sentence != p.Sentence) {
			e = -1
		}
	} else {
		e = r.lastEvent(func(ev *extract.Event) bool {
			k := r.eventAt[ev.Mentions[0].First]
			return ev.Type == "CommunicateAction" && r.main[k] && !r.others[k]
		})
		if e >= 0 && !r.sameEvent(e, who, unnamed, p.Sentence) {
			e = -1
		}
	}
	if e >= 0 && (date == "" || r.doc.Events[e].Date == "" || date == r.doc.Events[e].Date) {
		r.addEventMention(e, span)
	} else {
		e = r.newEvent("CommunicateAction", lemma, span)
		r.main[e] = true
		r.others[e] = strangers
	}
	ev := &r.doc.Events[e]
	ev.Participants = append(ev.Participants, who...)
	if ev.Date == "" {
		ev.Date = date
	}
	if ev.Duration == "" {
		ev.Duration = duration
	}
}

// anaphoric tells whether the phrase headed by token i points back to
// people named before ("the two leaders", "both sides", "they", "his
// counterpart") rather than introducing others ("foreign ministers",
// "officials from both countries"): only the former continue an event.
func (r *reader) anaphoric(i int) bool {
	t := r.tok(i)
	return t.UPOS == "PRON" || strings.EqualFold(t.Lemma, "both") || r.definite(i)
}

// sameEvent tells whether a communication by who (unnamed when its
// subject names no one but points back to people named before) in
// sentence si continues event e.
func (r *reader) sameEvent(e int, who []int, unnamed bool, si int) bool {
	ev := &r.doc.Events[e]
	if si-ev.Sentence > 3 && !unnamed {
		return false
	}
	if len(who) == 0 {
		return unnamed || si == ev.Sentence
	}
	if len(ev.Participants) == 0 {
		return true
	}
	// Either side may know more of the participants: "Sanchez held a call
	// with Scholz. The two leaders discussed trade" names in its second
	// sentence the call's caller, whom the first gives only later.
	contains := func(set, sub []int) bool {
		for _, x := range sub {
			if !slices.Contains(set, x) {
				return false
			}
		}
		return true
	}
	return contains(ev.Participants, who) || contains(who, ev.Participants)
}

func (r *reader) newEvent(typ, lemma string, span extract.Span) int {
	r.doc.Events = append(r.doc.Events, extract.Event{
		Type: typ, Name: lemma, Sentence: r.sentenceIndex(span.First), Mentions: []extract.Span{span}, Place: -1,
	})
	e := len(r.doc.Events) - 1
	r.eventAt[span.First] = e
	return e
}

func (r *reader) addEventMention(e int, span extract.Span) {
	ev := &r.doc.Events[e]
	ev.Mentions = append(ev.Mentions, span)
	ev.Sentence = r.sentenceIndex(span.First)
	r.eventAt[span.First] = e
}

// lastEvent returns the most recent event for which match holds, or -1.
func (r *reader) lastEvent(match func(*extract.Event) bool) int {
	for e := len(r.doc.Events) - 1; e >= 0; e-- {
		if match(&r.doc.Events[e]) {
			return e
		}
	}
	return -1
}

// lastMain returns the most recent main event of type typ, or -1.
func (r *reader) lastMain(typ string) int {
	return r.lastEvent(func(ev *extract.Event) bool {
		return ev.Type == typ && r.main[r.eventAt[ev.Mentions[0].First]]
	})
}

// sentenceIndex returns the index of the sentence containing token i.
func (r *reader) sentenceIndex(i int) int {
	k, _ := slices.BinarySearchFunc(r.doc.Sentences, i, func(s extract.Sentence, i int) int {
		switch {
		case s.Last <= i:
			return -1
		case s.First > i:
			return 1
		}
		return 0
	})
	return k
}

// within tells whether span sp lies in the subtree of token h.
func (r *reader) within(sp extract.Span, h int) bool {
	if sp.Len() == 0 || r.sentenceOf(sp.First) != r.sentenceOf(h) {
		return false
	}
	for i := sp.First; i < sp.Last; i++ {
		for j, n := i, 0; j >= 0 && n < 64; j, n = r.headOf(j), n+1 {
			if j == h {
				return true
			}
		}
	}
	return false
}

// eventDetails adds what proposition k says about an event: who took part
// ("Putin and Trump held a call", "Putin spoke with Trump"), what it was
// about ("the call touched on Ukraine", "they discussed Iran"), when and
// how long.
func (r *reader) eventDetails(k int, subjects []extract.Ref, date, duration string) {
	p := &r.doc.Propositions[k]
	ev := -1
	verbal := false
	if e, ok := r.eventAt[p.Head]; ok && !p.Copular {
		ev, verbal = e, true
	} else if o, ok := p.Arg(extract.Object); ok && lightVerbs[p.Lemma] {
		if e, ok := r.eventAt[o.Head]; ok {
			ev = e
		}
	}
	if ev >= 0 {
		e := &r.doc.Events[ev]
		e.Participants = append(e.Participants, entityRefs(subjects)...)
		for _, a := range p.Args {
			switch {
			case a.Role == extract.Recipient,
				a.Role == extract.Oblique && (a.Prep == "with" || a.Prep == "to" || a.Prep == "between"),
				a.Role == extract.Object && verbal && !topicVerbs[p.Lemma]:
				e.Participants = append(e.Participants, entityRefs(r.refs(a))...)
			case a.Role == extract.Object && verbal && topicVerbs[p.Lemma],
				a.Role == extract.Oblique && verbal && (a.Prep == "about" || a.Prep == "on" || a.Prep == "over") && !r.isTime(a):
				e.Topics = append(e.Topics, r.refs(a)...)
			}
		}
		if e.Date == "" {
			e.Date = date
		}
		if e.Duration == "" {
			e.Duration = duration
		}
	}
	// An event as the subject: "the call touched on the war".
	for _, s := range subjects {
		if s.Kind != extract.EventRef {
			continue
		}
		for _, a := range p.Args {
			if (a.Role == extract.Object && topicVerbs[p.Lemma]) || (a.Role == extract.Oblique && topicVerbs[predicateName(p.Lemma, a.Prep)]) {
				r.doc.Events[s.Index].Topics = append(r.doc.Events[s.Index].Topics, r.refs(a)...)
			}
		}
	}
}

// isTime tells whether an argument is a time expression.
func (r *reader) isTime(a extract.Argument) bool {
	_, ok := r.timeIn(a)
	return ok
}
