package extract

// Role is what an argument is to its predicate.
type Role uint8

const (
	// Subject is the doer: the active subject, or the agent ("by X") of a
	// passive predicate.
	Subject Role = iota + 1
	// Object is the direct object, or the subject of a passive predicate.
	Object
	// Recipient is the indirect object ("told Trump").
	Recipient
	// Complement is a predicative complement: "called the situation
	// dangerous", or what a copula says of its subject ("was ready").
	Complement
	// Content is a clause said, thought or reported ("said that ...").
	Content
	// Oblique is a prepositional or bare adverbial argument ("between
	// Israel and Iran", "on Saturday"); Argument.Prep holds the preposition.
	Oblique
)

var roleNames = [...]string{"", "subject", "object", "recipient", "complement", "content", "oblique"}

// String returns the role's name ("subject", "object", ...).
func (r Role) String() string {
	if int(r) < len(roleNames) {
		return roleNames[r]
	}
	return "role?"
}

// Argument is one argument of a predicate.
type Argument struct {
	Role Role
	// Prep is the lower-cased preposition of an oblique argument, words
	// joined by a space ("between", "according to"); "" otherwise.
	Prep string
	// Head is the document index of the argument's head token.
	Head int
	// Span covers the argument's words, the preposition excluded. For an
	// argument outside its predicate's clause (the head noun of a relative
	// clause, an inherited subject) it lies where that noun phrase is.
	Span
	// Inherited is set when the argument was not a dependent of the
	// predicate but was found through the parse: the subject a
	// coordinated verb shares with the first, the controller of "to"
	// clauses, the noun a relative clause modifies.
	Inherited bool
}

// Proposition is a predicate and its arguments, as read from one clause of
// the dependency parse: "Putin offered to mediate between the two
// countries" gives offer-to-mediate(subject Putin, between the two
// countries).
type Proposition struct {
	// Sentence is the index of the proposition's sentence in
	// Document.Sentences.
	Sentence int
	// Head is the document index of the predicate's head: the main verb,
	// or for a copular clause the word the copula links to ("ready" in
	// "was ready").
	Head int
	// Words are the document indices of the relation phrase in text order:
	// auxiliaries, negation, the verb, its particle, and the "to" and verb
	// of a chained infinitive ("offered to mediate"). For a copular clause
	// it is the copula alone.
	Words []int
	// Lemma names the predicate by its lemmas joined with "_": "call",
	// "offer_to_mediate", "give_up"; "be" for copular clauses.
	Lemma string
	// Negated marks a negated predicate ("did not rule out").
	Negated bool
	// Modal is the lower-cased modal auxiliary ("may", "could", "will"),
	// or "".
	Modal string
	// Passive marks a passive clause. Its arguments are already in active
	// roles: the agent is the Subject, the passive subject the Object.
	Passive bool
	// Copular marks a clause whose predicate is a copula.
	Copular bool
	// Args are the arguments in text order.
	Args []Argument
	// Parent is the index in Document.Propositions of the proposition
	// whose Content argument this clause is ("Ushakov said [Putin offered
	// ...]"), or -1.
	Parent int
	// Confidence estimates the probability that the proposition is read
	// right.
	Confidence float64
}

// Arg returns the first argument with role r, and whether there is one.
func (p *Proposition) Arg(r Role) (Argument, bool) {
	for _, a := range p.Args {
		if a.Role == r {
			return a, true
		}
	}
	return Argument{}, false
}

// Entity is one actor or place an article talks about: all its mentions,
// the name it goes by, and what the article says it is.
type Entity struct {
	// Name is the canonical name: the fullest name the article uses
	// ("Vladimir Putin" for "Putin").
	Name string
	// Type is "PER", "ORG", "LOC", or "" when unknown.
	Type string
	// Wikidata is the entity's Wikidata item ("Q159") when the gazetteer
	// knows it, else "".
	Wikidata string
	// Mentions are the entity's mentions in text order: its names, and the
	// pronouns and descriptions ("the Russian president") found to refer
	// to it.
	Mentions []Span
	// Aliases are the other names the article uses for it, sorted.
	Aliases []string
	// Roles are titles and descriptions the article gives it ("Kremlin
	// aide"), in text order, without repeats.
	Roles []string
	// Titles are the titles written right before its name ("U.S.
	// President" in "U.S. President Donald Trump"), in text order.
	Titles []Span
}

// Group is a noun phrase that refers to several entities at once: "the
// two leaders" after "Putin and Trump".
type Group struct {
	Span
	// Head is the document index of the phrase's head word.
	Head int
	// Members are indices into Document.Entities.
	Members []int
}

// RefKind tells what a Ref points to.
type RefKind uint8

const (
	// EntityRef points to Document.Entities[Index].
	EntityRef RefKind = iota + 1
	// EventRef points to Document.Events[Index].
	EventRef
	// Literal is text standing for itself (a description, a quantity).
	Literal
)

// Ref is an argument of a fact: an entity, an event or a literal.
type Ref struct {
	Kind  RefKind
	Index int    // into Entities or Events
	Text  string // the words, for a Literal (and for display)
	Span         // where the words are
}

// Relation is a fact between two things: Putin –call→ Trump.
type Relation struct {
	// Prop is the index in Document.Propositions of the clause the fact
	// comes from, or -1 for facts read from a noun phrase.
	Prop     int
	Sentence int
	Subject  Ref
	// Predicate is the relation's name, lemmas joined by "_": "call",
	// "mediate_between", "role"; "be_arrest_in" for a passive without
	// its agent, whose Subject is then the passive subject.
	Predicate string
	Object    Ref
	Negated   bool
	Modal     string
	// Date and Duration are ISO 8601 values the clause gives ("on
	// Saturday", "for 50 minutes"), or "".
	Date, Duration string
	// Words are the document indices of the words the predicate is read
	// from, for display.
	Words []int
	// Confidence is an estimate of the probability the fact is right.
	Confidence float64
}

// Event is something that happened, named by a noun or a verb: "a
// 50-minute phone call", "talks", "Putin spoke with Trump".
type Event struct {
	// Type is the schema.org type: "CommunicateAction" or "Event".
	Type string
	// Name is the lemma of the word naming it ("call", "talks").
	Name     string
	Sentence int
	// Mentions are the words naming the event, in text order.
	Mentions []Span
	// Participants are indices into Document.Entities.
	Participants []int
	// Topics are what the event was about.
	Topics []Ref
	// Date and Duration are ISO 8601 values, or "".
	Date, Duration string
	// Place is an index into Document.Entities, or -1.
	Place int
}

// Quote is something someone said, directly ("...," Ushakov said) or in
// reported speech (Ushakov said that ...; according to Interfax, ...).
type Quote struct {
	Sentence int
	// Speaker is who said it; Speaker.Kind is 0 when no speaker was found.
	Speaker Ref
	// Cue is the document index of the verb that reports it ("said"), or
	// -1 ("according to").
	Cue int
	// CueLemma is the cue's lemma: "say", "tell", "according_to".
	CueLemma string
	// Span is what was said, quotation marks excluded.
	Span
	// Direct is set for words inside quotation marks.
	Direct bool
	// Props are the indices in Document.Propositions of the clauses that
	// make up what was said.
	Props      []int
	Confidence float64
}
