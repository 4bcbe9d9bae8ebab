// Package vocab names things in newsgraph's graph: the IRIs of articles,
// entities, events, quotes and statements, and the terms of the
// vocabularies the graph uses (RDF, XSD, schema.org, PROV-O and
// newsgraph's own).
//
// newsgraph's own IRIs live under a base the user chooses (DefaultBase
// unless told otherwise): entities at base+"entity/…", open relations at
// base+"rel/…" (named by lemma: rel/call, rel/mediate_between), its own
// terms at base+"ns#…", and everything read from one article under that
// article's IRI (base+"article/…", with "#s3", "#e0", "#q1", "#n2" for its
// statements, events, quotes, and the noun phrases that act without naming
// an entity).
package vocab

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"unicode"

	"github.com/cayleygraph/quad"
)

// DefaultBase is the base IRI used when none is configured. It is a
// placeholder under example.org, the domain reserved for examples:
// deployments that publish their graph set their own.
const DefaultBase = "https://example.org/newsgraph/"

// Namespaces of the standard vocabularies.
const (
	RDF    = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	RDFS   = "http://www.w3.org/2000/01/rdf-schema#"
	XSD    = "http://www.w3.org/2001/XMLSchema#"
	Schema = "https://schema.org/"
	PROV   = "http://www.w3.org/ns/prov#"
	OWL    = "http://www.w3.org/2002/07/owl#"
	// Wikidata is the namespace of Wikidata items, which entities the
	// gazetteer knows are owl:sameAs.
	Wikidata = "http://www.wikidata.org/entity/"
)

// Terms of the standard vocabularies the graph uses.
var (
	Type      = quad.IRI(RDF + "type")
	Statement = quad.IRI(RDF + "Statement")
	Subject   = quad.IRI(RDF + "subject")
	Predicate = quad.IRI(RDF + "predicate")
	Object    = quad.IRI(RDF + "object")
	Label     = quad.IRI(RDFS + "label")
	SameAs    = quad.IRI(OWL + "sameAs")

	DerivedFrom = quad.IRI(PROV + "wasDerivedFrom")

	NewsArticle       = quad.IRI(Schema + "NewsArticle")
	Person            = quad.IRI(Schema + "Person")
	Organization      = quad.IRI(Schema + "Organization")
	Place             = quad.IRI(Schema + "Place")
	Thing             = quad.IRI(Schema + "Thing")
	Event             = quad.IRI(Schema + "Event")
	CommunicateAction = quad.IRI(Schema + "CommunicateAction")
	Quotation         = quad.IRI(Schema + "Quotation")

	Name          = quad.IRI(Schema + "name")
	AlternateName = quad.IRI(Schema + "alternateName")
	FamilyName    = quad.IRI(Schema + "familyName")
	Headline      = quad.IRI(Schema + "headline")
	DatePublished = quad.IRI(Schema + "datePublished")
	URL           = quad.IRI(Schema + "url")
	Publisher     = quad.IRI(Schema + "publisher")
	Mentions      = quad.IRI(Schema + "mentions")
	Participant   = quad.IRI(Schema + "participant")
	About         = quad.IRI(Schema + "about")
	StartDate     = quad.IRI(Schema + "startDate")
	Duration      = quad.IRI(Schema + "duration")
	Location      = quad.IRI(Schema + "location")
	Text          = quad.IRI(Schema + "text")
	Creator       = quad.IRI(Schema + "creator")
	JobTitle      = quad.IRI(Schema + "jobTitle")
)

// Vocab makes newsgraph's own IRIs under a base.
type Vocab struct {
	base string
}

// New returns the vocabulary under base ("" for DefaultBase). A base that
// does not end in "/" or "#" gets a "/".
func New(base string) Vocab {
	if base == "" {
		base = DefaultBase
	}
	if !strings.HasSuffix(base, "/") && !strings.HasSuffix(base, "#") {
		base += "/"
	}
	return Vocab{base: base}
}

// Base returns the base IRI.
func (v Vocab) Base() string { return v.base }

// Term returns one of newsgraph's own terms: Term("confidence") is
// base+"ns#confidence".
func (v Vocab) Term(name string) quad.IRI { return quad.IRI(v.base + "ns#" + name) }

// Relation returns the IRI of an open relation named by lemma:
// Relation("mediate_between") is base+"rel/mediate_between".
func (v Vocab) Relation(name string) quad.IRI { return quad.IRI(v.base + "rel/" + Slug(name, '_')) }

// Entity returns the IRI of the entity with a canonical name:
// Entity("Vladimir Putin") is base+"entity/vladimir-putin".
func (v Vocab) Entity(name string) quad.IRI { return quad.IRI(v.base + "entity/" + Slug(name, '-')) }

// Article returns the IRI of an article identified by key, its URL when it
// has one, else the path it was read from: the same key always gives the
// same IRI, so re-reading an article replaces its graph.
func (v Vocab) Article(key string) quad.IRI {
	sum := sha256.Sum256([]byte(key))
	return quad.IRI(v.base + "article/" + hex.EncodeToString(sum[:10]))
}

// Part returns the IRI of something read from an article: kind "s" for a
// statement, "e" for an event, "q" for a quote, "n" for a noun phrase;
// Part(a, "s", 3) is a+"#s3".
func Part(article quad.IRI, kind string, n int) quad.IRI {
	return quad.IRI(string(article) + "#" + kind + strconv.Itoa(n))
}

// Slug turns a name into an IRI path segment: lower-case letters and
// digits (any script), everything else folded into single sep characters,
// dots dropped so that "U.S." and "US" meet. An empty result is "_".
func Slug(name string, sep rune) string {
	var b strings.Builder
	pending := false
	for _, r := range name {
		switch {
		case r == '.' || r == '\'' || r == '’':
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if pending && b.Len() > 0 {
				b.WriteRune(sep)
			}
			pending = false
			b.WriteRune(unicode.ToLower(r))
		default:
			pending = true
		}
	}
	if b.Len() == 0 {
		return "_"
	}
	return b.String()
}
