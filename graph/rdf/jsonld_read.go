package rdf

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cayleygraph/quad"
	"github.com/newsgraph/newsgraph/graph/vocab"
	"github.com/piprate/json-gold/ld"
)

// ReadJSONLD reads a JSON-LD document, named name (a file's path) in
// errors, and returns its quads in document order; quads of the default
// graph have no label. It expands the document with json-gold, which
// fetches no remote context (a document needing one is an error), and
// turns the expanded form into quads itself, because json-gold's own
// conversion renames every blank node (_:b0, _:b1, ...) and Cayley's
// also turns typed literals into native values: here blank nodes keep
// their labels, nodes without one get labels made from a hash of the
// document (the same document gives the same labels, different ones
// different labels), and literals keep their lexical forms. json-gold
// lower-cases language tags; they come back in BCP 47's canonical case
// ("en-GB", "zh-Hant-TW"), RDF 1.1 comparing tags without regard to case.
// IRIs must be absolute and are cleaned like the writers clean them (see
// CleanIRI). The whole document is held in memory.
func ReadJSONLD(r io.Reader, name string) ([]quad.Quad, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	var doc any
	if err := json.Unmarshal(data, &doc); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			at := max(se.Offset-1, 0) // Offset is just after the offending byte
			line := 1 + bytes.Count(data[:at], []byte("\n"))
			col := 1 + utf8.RuneCount(data[bytes.LastIndexByte(data[:at], '\n')+1:at])
			return nil, &SyntaxError{Name: name, Line: line, Column: col, Msg: "JSON: " + se.Error()}
		}
		return nil, &SyntaxError{Name: name, Msg: "JSON: " + err.Error()}
	}
	expanded, err := expand(doc)
	if err != nil {
		return nil, &SyntaxError{Name: name, Msg: "JSON-LD: " + err.Error()}
	}
	sum := sha256.Sum256(data)
	c := &fromJSONLD{fresh: "j" + hex.EncodeToString(sum[:4]) + "n"}
	for _, item := range expanded {
		if m, ok := item.(map[string]any); ok && m["@value"] == nil && m["@list"] == nil {
			if _, err := c.node(m, nil); err != nil {
				return nil, &SyntaxError{Name: name, Msg: err.Error()}
			}
		}
	}
	return c.quads, nil
}

// expand expands a JSON-LD document with json-gold, which fetches no
// remote context. json-gold (v0.5.0) panics on some malformed documents,
// such as a non-string value where it expects a keyword's string: the
// panic is returned as an error, so that a bad file is refused rather than
// crashing the import.
func expand(doc any) (expanded []any, err error) {
	defer func() {
		if r := recover(); r != nil {
			expanded, err = nil, fmt.Errorf("malformed document (%v)", r)
		}
	}()
	opts := ld.NewJsonLdOptions("")
	opts.DocumentLoader = noRemote{}
	return ld.NewJsonLdProcessor().Expand(doc, opts)
}

// noRemote refuses to load remote contexts: a file import must not reach
// the network.
type noRemote struct{}

func (noRemote) LoadDocument(u string) (*ld.RemoteDocument, error) {
	return nil, ld.NewJsonLdError(ld.LoadingDocumentFailed, "remote context "+strconv.Quote(u)+" not loaded: put the context in the document")
}

// fromJSONLD turns expanded JSON-LD into quads (JSON-LD 1.1's
// "Deserialize JSON-LD to RDF", without relabelling blank nodes).
type fromJSONLD struct {
	quads []quad.Quad
	fresh string // prefix of made-up blank node labels
	n     int
}

func (c *fromJSONLD) add(s quad.Value, p quad.IRI, o quad.Value, g quad.Value) {
	c.quads = append(c.quads, quad.Quad{Subject: s, Predicate: p, Object: o, Label: g})
}

func (c *fromJSONLD) blank() quad.BNode {
	c.n++
	return quad.BNode(c.fresh + strconv.Itoa(c.n))
}

// node adds the quads of a node object in graph g and returns its subject.
func (c *fromJSONLD) node(obj map[string]any, g quad.Value) (quad.Value, error) {
	var subj quad.Value
	if id, ok := obj["@id"].(string); ok {
		var err error
		if subj, err = ref(id); err != nil {
			return nil, fmt.Errorf("@id: %w", err)
		}
	} else {
		subj = c.blank()
	}
	for _, k := range sortedKeys(obj) {
		var err error
		switch k {
		case "@type":
			for _, t := range list(obj[k]) {
				s, _ := t.(string)
				var tv quad.Value
				if tv, err = ref(s); err != nil {
					return nil, fmt.Errorf("@type of %v: %w", subj, err)
				}
				c.add(subj, vocab.Type, tv, g)
			}
		case "@graph":
			err = c.nodes(obj[k], subj)
		case "@included":
			err = c.nodes(obj[k], g)
		case "@reverse":
			rev, _ := obj[k].(map[string]any)
			for _, rk := range sortedKeys(rev) {
				if err = c.property(rk, rev[rk], subj, g, true); err != nil {
					break
				}
			}
		default:
			if !strings.HasPrefix(k, "@") {
				err = c.property(k, obj[k], subj, g, false)
			}
		}
		if err != nil {
			return nil, err
		}
	}
	return subj, nil
}

// nodes adds the quads of an array of node objects in graph g.
func (c *fromJSONLD) nodes(v any, g quad.Value) error {
	for _, item := range list(v) {
		if m, ok := item.(map[string]any); ok && m["@value"] == nil && m["@list"] == nil {
			if _, err := c.node(m, g); err != nil {
				return err
			}
		}
	}
	return nil
}

// sortedKeys returns m's keys in order: Go maps have none, and quads must
// come in the same order every time.
func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// property adds the quads of subj's property key with the given values
// (or, reversed, those of which subj is the object).
func (c *fromJSONLD) property(key string, values any, subj, g quad.Value, reverse bool) error {
	p, err := ref(key)
	if err != nil {
		return fmt.Errorf("property: %w", err)
	}
	pred, ok := p.(quad.IRI)
	if !ok {
		return fmt.Errorf("property %s: a blank node cannot be a predicate in RDF", key)
	}
	for _, v := range list(values) {
		o, err := c.object(v, g)
		if err != nil {
			return fmt.Errorf("%v %s: %w", subj, key, err)
		}
		if reverse {
			switch o.(type) {
			case quad.IRI, quad.BNode:
			default:
				return fmt.Errorf("@reverse %s: literal %v cannot be a subject", key, o)
			}
			c.add(o, pred, subj, g)
		} else {
			c.add(subj, pred, o, g)
		}
	}
	return nil
}

// object returns the value of an expanded property value: a literal for
// a value object, an rdf:List for a list object, else a node.
func (c *fromJSONLD) object(v any, g quad.Value) (quad.Value, error) {
	m, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("unexpected value %v in expanded JSON-LD", v)
	}
	if val, ok := m["@value"]; ok {
		return valueLiteral(val, m)
	}
	if items, ok := m["@list"]; ok {
		elems := list(items)
		if len(elems) == 0 {
			return quad.IRI(vocab.RDF + "nil"), nil
		}
		cells := make([]quad.Value, len(elems)+1)
		for i := range elems {
			cells[i] = c.blank()
		}
		cells[len(elems)] = quad.IRI(vocab.RDF + "nil")
		for i, e := range elems {
			o, err := c.object(e, g)
			if err != nil {
				return nil, err
			}
			c.add(cells[i], quad.IRI(vocab.RDF+"first"), o, g)
			c.add(cells[i], quad.IRI(vocab.RDF+"rest"), cells[i+1], g)
		}
		return cells[0], nil
	}
	return c.node(m, g)
}

// valueLiteral returns the literal of a value object.
func valueLiteral(val any, m map[string]any) (quad.Value, error) {
	typ, _ := m["@type"].(string)
	if typ == "@json" {
		b, err := json.Marshal(val)
		if err != nil {
			return nil, err
		}
		return quad.TypedString{Value: quad.String(b), Type: quad.IRI(vocab.RDF + "JSON")}, nil
	}
	var lex string
	switch v := val.(type) {
	case string:
		lex = v
	case bool:
		lex = strconv.FormatBool(v)
		if typ == "" {
			typ = vocab.XSD + "boolean"
		}
	case float64:
		if v == math.Trunc(v) && math.Abs(v) < 1e21 && typ != vocab.XSD+"double" {
			lex = strconv.FormatFloat(v, 'f', -1, 64)
			if typ == "" {
				typ = vocab.XSD + "integer"
			}
		} else {
			lex = canonicalDouble(v)
			if typ == "" {
				typ = vocab.XSD + "double"
			}
		}
	default:
		return nil, fmt.Errorf("@value %v is not a string, number or boolean", val)
	}
	if lang, ok := m["@language"].(string); ok {
		if !validLang(lang) {
			return nil, fmt.Errorf("invalid language tag %q", lang)
		}
		return quad.LangString{Value: quad.String(lex), Lang: canonicalLang(lang)}, nil
	}
	if typ == "" || typ == xsdString {
		return quad.String(lex), nil
	}
	dt, err := CleanIRI(typ) // json-gold has checked it is absolute
	if err != nil {
		return nil, fmt.Errorf("datatype: %w", err)
	}
	return quad.TypedString{Value: quad.String(lex), Type: quad.IRI(dt)}, nil
}

// canonicalDouble writes f in XSD's canonical form for doubles, as
// JSON-LD asks: "1.5E1".
func canonicalDouble(f float64) string {
	s := strconv.FormatFloat(f, 'E', -1, 64) // "1.5E+01"
	mant, exp, _ := strings.Cut(s, "E")
	if !strings.Contains(mant, ".") {
		mant += ".0"
	}
	e, _ := strconv.Atoi(exp)
	return mant + "E" + strconv.Itoa(e)
}

// ref returns an expanded @id: a blank node ("_:label") or an absolute
// IRI, cleaned.
func ref(id string) (quad.Value, error) {
	if label, ok := strings.CutPrefix(id, "_:"); ok {
		if label == "" {
			return nil, errors.New("empty blank node label")
		}
		return quad.BNode(label), nil
	}
	iri, err := CleanIRI(id)
	if err != nil {
		return nil, err
	}
	return quad.IRI(iri), nil
}

// list returns v as an array: expanded JSON-LD has arrays where compact
// JSON-LD may have single values.
func list(v any) []any {
	if a, ok := v.([]any); ok {
		return a
	}
	return []any{v}
}

// canonicalLang returns a language tag in BCP 47's canonical case
// (RFC 5646, 2.1.1): lower case, but regions (two letters) in upper case
// and scripts (four letters) in title case, except in extensions and
// private use (after a one-letter subtag).
func canonicalLang(tag string) string {
	parts := strings.Split(strings.ToLower(tag), "-")
	for i := 1; i < len(parts); i++ {
		switch len(parts[i]) {
		case 1:
			return strings.Join(parts, "-")
		case 2:
			parts[i] = strings.ToUpper(parts[i])
		case 4:
			parts[i] = strings.ToUpper(parts[i][:1]) + parts[i][1:]
		}
	}
	return strings.Join(parts, "-")
}
