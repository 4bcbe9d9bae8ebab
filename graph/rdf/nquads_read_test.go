package rdf

import (
	"bytes"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
)

// readNQuads reads every quad of an N-Quads text.
func readNQuads(t testing.TB, text string) ([]quad.Quad, error) {
	t.Helper()
	r := NewNQuadsReader(strings.NewReader(text), "test.nq")
	var out []quad.Quad
	for {
		q, err := r.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, q)
	}
}

func TestNQuadsReader(t *testing.T) {
	s, p, g := quad.IRI("http://e.org/s"), quad.IRI("http://e.org/p"), quad.IRI("http://e.org/g")
	for _, tt := range []struct {
		name, text string
		want       []quad.Quad
	}{
		{"triple and quad", "<http://e.org/s> <http://e.org/p> <http://e.org/o> .\n<http://e.org/s> <http://e.org/p> _:b1 <http://e.org/g> .\n",
			[]quad.Quad{{Subject: s, Predicate: p, Object: quad.IRI("http://e.org/o")}, {Subject: s, Predicate: p, Object: quad.BNode("b1"), Label: g}}},
		{"comments, blank lines, no final newline", "# a comment\n\n  \t<http://e.org/s> <http://e.org/p> \"x\" . # trailing\n<http://e.org/s><http://e.org/p>\"y\"<http://e.org/g>.",
			[]quad.Quad{{Subject: s, Predicate: p, Object: quad.String("x")}, {Subject: s, Predicate: p, Object: quad.String("y"), Label: g}}},
		{"CRLF and lone CR", "_:a <http://e.org/p> \"1\" .\r\n_:b.c <http://e.org/p> \"2\" .\r_:c <http://e.org/p> \"3\" .",
			[]quad.Quad{{Subject: quad.BNode("a"), Predicate: p, Object: quad.String("1")}, {Subject: quad.BNode("b.c"), Predicate: p, Object: quad.String("2")}, {Subject: quad.BNode("c"), Predicate: p, Object: quad.String("3")}}},
		{"escapes", `<http://e.org/s> <http://e.org/p> "q\" b\\ n\n r\r t\t b\b f\f a\' u\u00E9 U\U0001F600 raw é" .`,
			[]quad.Quad{{Subject: s, Predicate: p, Object: quad.String("q\" b\\ n\n r\r t\t b\b f\f a' u\u00e9 U\U0001F600 raw é")}}},
		{"language and datatype kept as written", `<http://e.org/s> <http://e.org/p> "colour"@en-GB .` + "\n" +
			`<http://e.org/s> <http://e.org/p> "007"^^<http://www.w3.org/2001/XMLSchema#integer> .` + "\n" +
			`<http://e.org/s> <http://e.org/p> "2024-03-08"^^<http://www.w3.org/2001/XMLSchema#date> .` + "\n" +
			`<http://e.org/s> <http://e.org/p> "x"^^<http://www.w3.org/2001/XMLSchema#string> .`,
			[]quad.Quad{
				{Subject: s, Predicate: p, Object: quad.LangString{Value: "colour", Lang: "en-GB"}},
				{Subject: s, Predicate: p, Object: quad.TypedString{Value: "007", Type: "http://www.w3.org/2001/XMLSchema#integer"}},
				{Subject: s, Predicate: p, Object: quad.TypedString{Value: "2024-03-08", Type: "http://www.w3.org/2001/XMLSchema#date"}},
				{Subject: s, Predicate: p, Object: quad.String("x")},
			}},
		{"IRIs cleaned", `<http://e.org/a\u0020b> <http://e.org/p> <http://e.org/c\u0022d#e#f> .`,
			[]quad.Quad{{Subject: quad.IRI("http://e.org/a%20b"), Predicate: p, Object: quad.IRI("http://e.org/c%22d#e%23f")}}},
		{"Unicode IRI", "<http://e.org/владимир> <http://e.org/p> <http://e.org/😀> .",
			[]quad.Quad{{Subject: quad.IRI("http://e.org/владимир"), Predicate: p, Object: quad.IRI("http://e.org/😀")}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := readNQuads(t, tt.text)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("read\n%v\nwant\n%v", got, tt.want)
			}
		})
	}
}

func TestNQuadsReaderErrors(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"<http://e.org/s> <http://e.org/p> <http://e.org/o>", `test.nq:1:51: expected "." to end the statement`},
		{"\n\n<http://e.org/s> <http://e.org/p> \"o\" . x", `test.nq:3:41: unexpected text after the statement's "."`},
		{"<http://e.org/s> <http://e.org/p> <http://e.org/o> .\n<s> <http://e.org/p> \"o\" .", `test.nq:2:1: IRI "s" is not absolute`},
		{"<http://e.org/a b> <http://e.org/p> \"o\" .", `test.nq:1:16: character ' ' is not allowed in an IRI`},
		{"<http://e.org/s<http://e.org/p> \"o\" .", `test.nq:1:16: character '<' is not allowed in an IRI`},
		{"<http://e.org/s> <http://e.org/p> <http://e.org/o", `test.nq:1:35: IRI not closed by ">"`},
		{"\"s\" <http://e.org/p> \"o\" .", "test.nq:1:1: expected an IRI or a blank node as the subject"},
		{"<http://e.org/s> _:p \"o\" .", "test.nq:1:18: expected an IRI as the predicate"},
		{"<http://e.org/s> <http://e.org/p> 42 .", "test.nq:1:35: expected an IRI, a blank node or a literal as the object"},
		{"<http://e.org/s> <http://e.org/p> \"o\" \"g\" .", "test.nq:1:39: expected an IRI or a blank node as the graph label"},
		{"<http://e.org/s> <http://e.org/p> \"o .", `test.nq:1:35: string not closed by '"'`},
		{"<http://e.org/s> <http://e.org/p> \"a\\qb\" .", `test.nq:1:37: invalid escape: expected \uXXXX or \UXXXXXXXX`},
		{"<http://e.org/s> <http://e.org/p> \"\\uD800\" .", `test.nq:1:36: invalid escape \uD800`},
		{"<http://e.org/s> <http://e.org/p> \"o\"@1en .", `test.nq:1:39: invalid language tag "1en"`},
		{"<http://e.org/s> <http://e.org/p> \"o\"@en_GB .", "test.nq:1:41: expected \"_:\" to start a blank node"},
		{"<http://e.org/s> <http://e.org/p> \"o\"@ .", `test.nq:1:39: invalid language tag ""`},
		{"<http://e.org/s> <http://e.org/p> \"o\"^^xsd:int .", `test.nq:1:40: expected a datatype IRI after "^^"`},
		{"_:-a <http://e.org/p> \"o\" .", "test.nq:1:3: invalid blank node label"},
		{"<http://e.org/s> <http://e.org/p> \"\xff\" .", "test.nq:1:36: invalid UTF-8"},
	} {
		_, err := readNQuads(t, tt.text)
		var se *SyntaxError
		if !errors.As(err, &se) || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("reading %q: %v; want %s", tt.text, err, tt.want)
		}
	}
}

// TestNQuadsReaderLongLine reads a line longer than the reader's buffer.
func TestNQuadsReaderLongLine(t *testing.T) {
	long := strings.Repeat("é", 100_000)
	text := "<http://e.org/s> <http://e.org/p> \"" + long + "\" .\n<http://e.org/s> <http://e.org/p> \"short\" .\n"
	got, err := readNQuads(t, text)
	if err != nil || len(got) != 2 || got[0].Object != quad.String(long) || got[1].Object != quad.String("short") {
		t.Fatalf("read %d quads, %v", len(got), err)
	}
}

// TestNQuadsRoundTrip checks that the N-Quads writer's output reads back
// as the quads written, the nasty ones included.
func TestNQuadsRoundTrip(t *testing.T) {
	var b bytes.Buffer
	writeAll(t, NewNQuads(&b), nasty())
	got, err := readNQuads(t, b.String())
	if err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	if want := nastyWant(); !slices.Equal(got, want) {
		t.Errorf("read back\n%v\nwant\n%v", got, want)
	}
}
