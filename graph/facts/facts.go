// Package facts turns what was read from one article — its entities,
// relations, events and quotes (package extract) — into the quads of the
// article's named graph.
//
// Every fact is stored in two shapes. The direct edge (<putin> <rel/call>
// <trump>) makes simple traversals work; a statement node (rdf:Statement,
// with rdf:subject, rdf:predicate and rdf:object) carries what a reader
// needs to judge the fact: the sentence it was read from, the character
// offsets of its words in the article, the words themselves, a confidence,
// negation and modality, the extractor's version, and prov:wasDerivedFrom
// the article. A negated fact's direct edge is named "not_" + the relation
// (rel/not_rule_out), so that a traversal never mistakes it for the fact
// asserted.
//
// Every quad is labelled with the article's IRI: re-reading an article
// replaces exactly its quads.
package facts

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/cayleygraph/quad"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph/vocab"
)

// Article is what is known about an article besides its text.
type Article struct {
	// Key identifies the article across runs: its URL if it has one, else
	// the path it was read from. It makes the article's IRI.
	Key       string
	URL       string
	Title     string
	Published time.Time
	Publisher string
	// Source is where the article was read from (a path, "file#L3").
	Source string
}

// Extractor names the code that read the facts, recorded on every
// statement so that facts from different versions can be told apart.
const Extractor = "newsgraph-extract/1"

// builder accumulates one article's quads.
type builder struct {
	v       vocab.Vocab
	doc     *extract.Document
	article quad.IRI
	quads   []quad.Quad
	// runeAt[i] is the character offset of byte i of the text, for the
	// byte offsets tokens carry.
	runes     []int
	entityIRI []quad.IRI
	eventIRI  []quad.IRI
	stmt      int
	// stmtOf maps a proposition to the statements read from it, for
	// quotes to point at.
	stmtOf map[int][]quad.IRI
	// phrases maps the noun phrases that act without naming an entity to
	// their nodes.
	phrases map[string]quad.IRI
}

// Quads returns the quads of an article's named graph, labelled with its
// IRI (which it also returns).
func Quads(v vocab.Vocab, a Article, doc *extract.Document) (quad.IRI, []quad.Quad) {
	b := &builder{v: v, doc: doc, article: v.Article(a.Key), stmtOf: map[int][]quad.IRI{}, phrases: map[string]quad.IRI{}}
	b.articleQuads(a)
	b.entities()
	b.events()
	for i := range doc.Relations {
		b.relation(&doc.Relations[i])
	}
	for i := range doc.Quotes {
		b.quote(i)
	}
	return b.article, dedupe(b.quads)
}

// dedupe drops repeated quads (the same direct edge read from two
// sentences), keeping the first of each.
func dedupe(qs []quad.Quad) []quad.Quad {
	seen := make(map[[3]string]bool, len(qs))
	out := qs[:0]
	for _, q := range qs {
		k := [3]string{quad.ToString(q.Subject), quad.ToString(q.Predicate), quad.ToString(q.Object)}
		if !seen[k] {
			seen[k] = true
			out = append(out, q)
		}
	}
	return out
}

func (b *builder) add(s quad.Value, p quad.IRI, o quad.Value) {
	b.quads = append(b.quads, quad.Quad{Subject: s, Predicate: p, Object: o, Label: b.article})
}

func (b *builder) articleQuads(a Article) {
	b.add(b.article, vocab.Type, vocab.NewsArticle)
	if a.Title != "" {
		b.add(b.article, vocab.Headline, en(a.Title))
	}
	if !a.Published.IsZero() {
		b.add(b.article, vocab.DatePublished, dateValue(a.Published))
	}
	if a.URL != "" {
		b.add(b.article, vocab.URL, urlValue(a.URL))
	}
	if a.Publisher != "" {
		b.add(b.article, vocab.Publisher, quad.String(a.Publisher))
	}
	if a.Source != "" {
		b.add(b.article, b.v.Term("source"), quad.String(a.Source))
	}
}

// en marks text as English: newsgraph reads English articles, and RDF
// tools use the tag to pick labels.
func en(s string) quad.Value { return quad.LangString{Value: quad.String(s), Lang: "en"} }

// urlValue is an article's URL as an IRI when it is an absolute URL, with
// the characters IRIs forbid percent-encoded; other text is kept as a
// plain literal rather than written as a broken IRI.
func urlValue(s string) quad.Value {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || !u.IsAbs() || u.Host == "" {
		return quad.String(s)
	}
	var b strings.Builder
	for _, r := range u.String() {
		if r <= ' ' || strings.ContainsRune("<>\"{}|^`\\", r) {
			fmt.Fprintf(&b, "%%%02X", r)
			continue
		}
		b.WriteRune(r)
	}
	return quad.IRI(b.String())
}

// dateValue is an xsd:date for a time at midnight UTC, else an
// xsd:dateTime.
func dateValue(t time.Time) quad.Value {
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Location() == time.UTC {
		return quad.TypedString{Value: quad.String(t.Format("2006-01-02")), Type: quad.IRI(vocab.XSD + "date")}
	}
	return quad.TypedString{Value: quad.String(t.Format(time.RFC3339)), Type: quad.IRI(vocab.XSD + "dateTime")}
}

// isoDate types an ISO 8601 date value by its precision.
func isoDate(v string) quad.Value {
	typ := "date"
	switch len(v) {
	case 4:
		typ = "gYear"
	case 7:
		typ = "gYearMonth"
	}
	if len(v) != 4 && len(v) != 7 && len(v) != 10 {
		return quad.String(v) // a week ("2025-W24"): no XSD type fits
	}
	return quad.TypedString{Value: quad.String(v), Type: quad.IRI(vocab.XSD + typ)}
}

// integer and boolean write values with full XSD datatype IRIs, which
// every RDF tool reads back (the quad library's own Int and Bool print
// prefixed datatypes).
func integer(n int) quad.Value {
	return quad.TypedString{Value: quad.String(strconv.Itoa(n)), Type: quad.IRI(vocab.XSD + "integer")}
}

func boolean(b bool) quad.Value {
	return quad.TypedString{Value: quad.String(strconv.FormatBool(b)), Type: quad.IRI(vocab.XSD + "boolean")}
}

func duration(v string) quad.Value {
	return quad.TypedString{Value: quad.String(v), Type: quad.IRI(vocab.XSD + "duration")}
}

func entityType(t string) quad.IRI {
	switch t {
	case "PER":
		return vocab.Person
	case "ORG":
		return vocab.Organization
	case "LOC":
		return vocab.Place
	}
	return vocab.Thing
}

func (b *builder) entities() {
	b.entityIRI = make([]quad.IRI, len(b.doc.Entities))
	for i, e := range b.doc.Entities {
		iri := b.v.Entity(e.Name)
		b.entityIRI[i] = iri
		b.add(iri, vocab.Type, entityType(e.Type))
		b.add(iri, vocab.Name, quad.String(e.Name))
		for _, a := range e.Aliases {
			b.add(iri, vocab.AlternateName, quad.String(a))
		}
		if words := strings.Fields(e.Name); e.Type == "PER" && len(words) > 1 {
			// The family name lets other articles that say only "Putin"
			// find this node (see package merge).
			b.add(iri, vocab.FamilyName, quad.String(words[len(words)-1]))
		}
		if e.Wikidata != "" {
			b.add(iri, vocab.SameAs, quad.IRI(vocab.Wikidata+e.Wikidata))
		}
		b.add(b.article, vocab.Mentions, iri)
	}
}

func (b *builder) events() {
	b.eventIRI = make([]quad.IRI, len(b.doc.Events))
	for i, e := range b.doc.Events {
		iri := vocab.Part(b.article, "e", i)
		b.eventIRI[i] = iri
		typ := vocab.Event
		if e.Type == "CommunicateAction" {
			typ = vocab.CommunicateAction
		}
		b.add(iri, vocab.Type, typ)
		b.add(iri, vocab.Name, quad.String(e.Name))
		for _, p := range e.Participants {
			b.add(iri, vocab.Participant, b.entityIRI[p])
		}
		for _, t := range e.Topics {
			if v := b.ref(t); v != nil {
				b.add(iri, vocab.About, v)
			}
		}
		if e.Date != "" {
			b.add(iri, vocab.StartDate, isoDate(e.Date))
		}
		if e.Duration != "" {
			b.add(iri, vocab.Duration, duration(e.Duration))
		}
		if e.Place >= 0 {
			b.add(iri, vocab.Location, b.entityIRI[e.Place])
		}
		b.provenance(iri, e.Sentence, e.Mentions[0], 0)
	}
}

// phrase returns the node of a noun phrase that acts but names no entity
// ("Irish regulators"): one node per distinct phrase in the article,
// typed schema:Thing and named by the phrase.
func (b *builder) phrase(text string) quad.IRI {
	if iri, ok := b.phrases[text]; ok {
		return iri
	}
	iri := vocab.Part(b.article, "n", len(b.phrases))
	b.phrases[text] = iri
	b.add(iri, vocab.Type, vocab.Thing)
	b.add(iri, vocab.Name, quad.String(text))
	return iri
}

// ref returns the node or literal a Ref stands for.
func (b *builder) ref(r extract.Ref) quad.Value {
	switch r.Kind {
	case extract.EntityRef:
		return b.entityIRI[r.Index]
	case extract.EventRef:
		return b.eventIRI[r.Index]
	case extract.Literal:
		return en(r.Text)
	}
	return nil
}

// provenance records where node's facts come from: the article, the
// sentence, the character offsets of span, and a confidence when non-zero.
func (b *builder) provenance(node quad.IRI, sentence int, span extract.Span, confidence float64) {
	b.add(node, vocab.DerivedFrom, b.article)
	if sentence >= 0 && sentence < len(b.doc.Sentences) {
		b.add(node, b.v.Term("sentence"), en(b.doc.SentenceText(b.doc.Sentences[sentence])))
	}
	if span.Len() > 0 {
		start, end := b.doc.Tokens[span.First].Start, b.doc.Tokens[span.Last-1].End
		b.add(node, b.v.Term("start"), integer(b.charOffset(start)))
		b.add(node, b.v.Term("end"), integer(b.charOffset(end)))
	}
	if confidence > 0 {
		b.add(node, b.v.Term("confidence"), quad.TypedString{
			Value: quad.String(strconv.FormatFloat(confidence, 'f', 3, 64)), Type: quad.IRI(vocab.XSD + "decimal")})
	}
	b.add(node, b.v.Term("extractor"), quad.String(Extractor))
}

// charOffset converts a byte offset of the text into a character (Unicode
// code point) offset, the unit RDF and most tools count in.
func (b *builder) charOffset(byteOff int) int {
	if b.runes == nil {
		b.runes = make([]int, len(b.doc.Text)+1)
		n := 0
		for i := range b.doc.Text {
			b.runes[i] = n
			n++
		}
		// Offsets inside a multi-byte character do not occur (tokens
		// start and end on characters), but fill them monotonically.
		last := 0
		for i := range b.runes {
			if i < len(b.doc.Text) && !utf8.RuneStart(b.doc.Text[i]) {
				b.runes[i] = last
			}
			last = b.runes[i]
		}
		b.runes[len(b.doc.Text)] = n
	}
	return b.runes[byteOff]
}

// relationName is the name of a relation's direct edge.
func relationName(r *extract.Relation) string {
	if r.Negated {
		return "not_" + r.Predicate
	}
	return r.Predicate
}

// cover returns the smallest span holding all of spans.
func cover(spans ...extract.Span) extract.Span {
	var out extract.Span
	for _, s := range spans {
		if s.Len() <= 0 {
			continue
		}
		if out.Len() == 0 {
			out = s
			continue
		}
		out.First, out.Last = min(out.First, s.First), max(out.Last, s.Last)
	}
	return out
}

func (b *builder) relation(r *extract.Relation) {
	s, o := b.ref(r.Subject), b.ref(r.Object)
	if r.Subject.Kind == extract.Literal {
		s = b.phrase(r.Subject.Text) // a literal cannot be a subject in RDF
	}
	if s == nil || o == nil {
		return
	}
	pred := b.v.Relation(relationName(r))
	b.add(s, pred, o)
	// Typing the predicate lets queries ask for "any relation" without
	// listing them: Out(g.V().Has(rdf:type, ns:Relation)).
	b.add(pred, vocab.Type, b.v.Term("Relation"))
	b.add(pred, vocab.Label, quad.String(relationName(r)))
	node := vocab.Part(b.article, "s", b.stmt)
	b.stmt++
	if r.Prop >= 0 {
		b.stmtOf[r.Prop] = append(b.stmtOf[r.Prop], node)
	}
	b.add(node, vocab.Type, vocab.Statement)
	b.add(node, vocab.Subject, s)
	b.add(node, vocab.Predicate, pred)
	b.add(node, vocab.Object, o)
	if r.Negated {
		b.add(node, b.v.Term("negated"), boolean(true))
	}
	if r.Modal != "" {
		b.add(node, b.v.Term("modality"), quad.String(r.Modal))
	}
	if r.Date != "" {
		b.add(node, vocab.StartDate, isoDate(r.Date))
	}
	if r.Duration != "" {
		b.add(node, vocab.Duration, duration(r.Duration))
	}
	spans := []extract.Span{r.Subject.Span, r.Object.Span}
	if len(r.Words) > 0 {
		b.add(node, b.v.Term("wording"), en(b.words(r.Words)))
		spans = append(spans, extract.Span{First: r.Words[0], Last: r.Words[len(r.Words)-1] + 1})
	}
	b.provenance(node, r.Sentence, cover(spans...), r.Confidence)
}

// words joins the forms of tokens.
func (b *builder) words(idx []int) string {
	out := make([]byte, 0, 32)
	for i, t := range idx {
		if i > 0 {
			out = append(out, ' ')
		}
		out = append(out, b.doc.Form(&b.doc.Tokens[t])...)
	}
	return string(out)
}

func (b *builder) quote(i int) {
	q := &b.doc.Quotes[i]
	node := vocab.Part(b.article, "q", i)
	b.add(node, vocab.Type, vocab.Quotation)
	b.add(node, vocab.Text, en(b.doc.SpanText(q.Span)))
	b.add(node, b.v.Term("direct"), boolean(q.Direct))
	b.add(node, b.v.Term("cue"), quad.String(q.CueLemma))
	spans := []extract.Span{q.Span}
	switch q.Speaker.Kind {
	case extract.EntityRef, extract.EventRef:
		speaker := b.ref(q.Speaker)
		b.add(node, vocab.Creator, speaker)
		b.add(speaker, b.v.Relation("say"), node)
		spans = append(spans, q.Speaker.Span)
	case extract.Literal:
		b.add(node, b.v.Term("speakerName"), en(q.Speaker.Text))
		spans = append(spans, q.Speaker.Span)
	}
	for _, p := range q.Props {
		for _, s := range b.stmtOf[p] {
			b.add(node, b.v.Term("states"), s)
		}
	}
	b.provenance(node, q.Sentence, cover(spans...), q.Confidence)
}
