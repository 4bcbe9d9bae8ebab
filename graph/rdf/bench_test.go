package rdf

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/newsgraph/newsgraph/graph/vocab"
)

// benchQuads returns n quads shaped like newsgraph's facts: articles of
// 200 quads, entities shared between articles, statements with sentences,
// offsets and confidences.
func benchQuads(n int) []quad.Quad {
	qs := make([]quad.Quad, 0, n)
	for a := 0; len(qs) < n; a++ {
		art := quad.IRI(ex + "article/" + strconv.Itoa(a))
		add := func(s quad.Value, p quad.IRI, o quad.Value) {
			if len(qs) < n {
				qs = append(qs, quad.Quad{Subject: s, Predicate: p, Object: o, Label: art})
			}
		}
		add(art, vocab.Type, vocab.NewsArticle)
		add(art, vocab.Headline, quad.LangString{Value: quad.String(fmt.Sprintf("Headline number %d, with \"quotes\"", a)), Lang: "en"})
		for i := 0; i < 20; i++ {
			e := quad.IRI(fmt.Sprintf("%sentity/person-%d", ex, (a*7+i)%5000))
			stmt := quad.IRI(fmt.Sprintf("%s#s%d", string(art), i))
			add(e, vocab.Type, vocab.Person)
			add(e, vocab.Name, quad.String(fmt.Sprintf("Person %d", (a*7+i)%5000)))
			add(art, vocab.Mentions, e)
			add(e, quad.IRI(ex+"rel/meet"), quad.IRI(fmt.Sprintf("%sentity/person-%d", ex, (a*3+i)%5000)))
			add(stmt, vocab.Type, vocab.Statement)
			add(stmt, vocab.Subject, e)
			add(stmt, quad.IRI(ex+"ns#sentence"), quad.LangString{Value: "The minister met her counterpart in Brussels on Tuesday to discuss the ceasefire.", Lang: "en"})
			add(stmt, quad.IRI(ex+"ns#start"), quad.TypedString{Value: quad.String(strconv.Itoa(i * 80)), Type: vocab.XSD + "integer"})
			add(stmt, quad.IRI(ex+"ns#confidence"), quad.TypedString{Value: "0.875", Type: vocab.XSD + "decimal"})
			add(stmt, vocab.DerivedFrom, art)
		}
	}
	return qs
}

// BenchmarkWrite measures each writer on 100,000 fact-like quads.
func BenchmarkWrite(b *testing.B) {
	qs := benchQuads(100_000)
	p := prefixes(b)
	for _, f := range []struct {
		name   string
		writer func(io.Writer) Writer
	}{
		{"nquads", NewNQuads},
		{"ntriples", NewNTriples},
		{"turtle", func(w io.Writer) Writer { return NewTurtle(w, p) }},
		{"trig", func(w io.Writer) Writer { return NewTriG(w, p) }},
		{"jsonld", func(w io.Writer) Writer { return NewJSONLD(w, p) }},
		{"graphml", func(w io.Writer) Writer { return NewGraphML(w, p) }},
		{"dot", func(w io.Writer) Writer { return NewDOT(w, p) }},
		{"csv", func(w io.Writer) Writer { return NewCSV(io.Discard, w) }},
	} {
		b.Run(f.name, func(b *testing.B) {
			var out countWriter
			for b.Loop() {
				w := f.writer(&out)
				for _, q := range qs {
					if err := w.WriteQuad(q); err != nil {
						b.Fatal(err)
					}
				}
				if err := w.Close(); err != nil {
					b.Fatal(err)
				}
			}
			b.SetBytes(out.n / int64(b.N))
			b.ReportMetric(float64(len(qs))*float64(b.N)/b.Elapsed().Seconds(), "quads/s")
		})
	}
}

// countWriter counts what is written to it.
type countWriter struct{ n int64 }

func (c *countWriter) Write(p []byte) (int, error) {
	c.n += int64(len(p))
	return len(p), nil
}

// BenchmarkRead measures the readers on 100,000 fact-like quads.
func BenchmarkRead(b *testing.B) {
	qs := benchQuads(100_000)
	for _, f := range []struct {
		name  string
		write func(io.Writer) Writer
		read  func(io.Reader) (int, error)
	}{
		{"nquads", NewNQuads, func(r io.Reader) (int, error) {
			nr := NewNQuadsReader(r, "bench")
			n := 0
			for {
				if _, err := nr.Read(); err == io.EOF {
					return n, nil
				} else if err != nil {
					return n, err
				}
				n++
			}
		}},
		{"jsonld", func(w io.Writer) Writer { return NewJSONLD(w, prefixes(b)) }, func(r io.Reader) (int, error) {
			got, err := ReadJSONLD(r, "bench")
			return len(got), err
		}},
	} {
		b.Run(f.name, func(b *testing.B) {
			var doc bytes.Buffer
			w := f.write(&doc)
			for _, q := range qs {
				if err := w.WriteQuad(q); err != nil {
					b.Fatal(err)
				}
			}
			if err := w.Close(); err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(doc.Len()))
			for b.Loop() {
				n, err := f.read(bytes.NewReader(doc.Bytes()))
				if err != nil || n != len(qs) {
					b.Fatalf("read %d quads, %v", n, err)
				}
			}
			b.ReportMetric(float64(len(qs))*float64(b.N)/b.Elapsed().Seconds(), "quads/s")
		})
	}
}
