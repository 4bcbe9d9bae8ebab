package store

import (
	"bytes"
	"context"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
)

func mustTime(t testing.TB, s string) time.Time {
	t.Helper()
	tm, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		t.Fatal(err)
	}
	return tm
}

// literals is a graph with every kind of literal the store must export so
// that strict RDF tools read it back.
func literals(t testing.TB) []quad.Quad {
	doc := quad.IRI(ex + "article/3")
	stmt := quad.BNode("a3-stmt1")
	return []quad.Quad{
		q(doc, quad.IRI(sch+"datePublished"), quad.TypedString{Value: "2024-03-08", Type: xsdNS + "date"}),
		q(doc, quad.IRI(sch+"wordCount"), quad.TypedString{Value: "512", Type: xsdNS + "integer"}),
		q(doc, ng("paragraphs"), quad.Int(9)),
		q(doc, ng("sentiment"), quad.Float(-0.125)),
		q(doc, ng("corrected"), quad.Bool(false)),
		q(doc, quad.IRI(sch+"dateModified"), quad.Time(mustTime(t, "2024-03-08T17:04:05Z"))),
		q(doc, quad.IRI(sch+"headline"), quad.LangString{Value: "Harbour \"to reopen\"\non Monday", Lang: "en-GB"}),
		q(doc, quad.IRI(sch+"headline"), quad.LangString{Value: "Le port rouvrira lundi", Lang: "fr"}),
		q(stmt, ng("claims"), quad.String("tab\there, backslash \\ and ünïcödé")),
		q(doc, ng("statement"), stmt),
	}
}

func TestWriteQuads(t *testing.T) {
	ctx := context.Background()
	art3 := quad.IRI(ex + "article/3")
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			s := newsStore(t, b.dsn(t))
			replaceT(t, s, art3, literals(t), 10, 0)
			tests := []struct {
				label quad.IRI
				want  []string
			}{
				{art3, wantNQ(t, art3, literals(t))},
				{art1, wantNQ(t, art1, article1())},
				{"", slices.Sorted(slices.Values(slices.Concat(
					wantNQ(t, art1, article1()), wantNQ(t, art2, article2()), wantNQ(t, art3, literals(t)))))},
				{quad.IRI(ex + "article/404"), nil},
			}
			for _, tt := range tests {
				var buf bytes.Buffer
				n, err := s.WriteQuads(ctx, &buf, tt.label)
				if err != nil || n != len(tt.want) {
					t.Fatalf("WriteQuads(%s) = %d, %v; want %d quads", tt.label, n, err, len(tt.want))
				}
				text := buf.String()
				if strings.Contains(text, "<xsd:") || strings.Contains(text, "True") || strings.Contains(text, "False") {
					t.Errorf("WriteQuads(%s) wrote short datatypes or Cayley booleans:\n%s", tt.label, text)
				}
				// Cayley's N-Quads reader turns integers and the like back into
				// native values: compare in the store's canonical form.
				var got []string
				r := nquads.NewReader(&buf, false)
				for {
					rq, err := r.ReadQuad()
					if errors.Is(err, io.EOF) {
						break
					} else if err != nil {
						t.Fatalf("reading back WriteQuads(%s): %v", tt.label, err)
					}
					nq, err := exportQuad(rq)
					if err != nil {
						t.Fatal(err)
					}
					got = append(got, nq.NQuad())
				}
				slices.Sort(got)
				if !slices.Equal(got, tt.want) {
					t.Fatalf("WriteQuads(%s) read back as\n%s\nwant\n%s", tt.label, strings.Join(got, ""), strings.Join(tt.want, ""))
				}
			}
		})
	}
}

// TestWriteQuadsLiterals checks the exact N-Quads text of literals that
// strict tools would misread in Cayley's own forms.
func TestWriteQuadsLiterals(t *testing.T) {
	s := openT(t, "memory:")
	art3 := quad.IRI(ex + "article/3")
	replaceT(t, s, art3, literals(t), 10, 0)
	var buf bytes.Buffer
	if _, err := s.WriteQuads(context.Background(), &buf, art3); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		` "2024-03-08"^^<http://www.w3.org/2001/XMLSchema#date> `,
		` "512"^^<http://www.w3.org/2001/XMLSchema#integer> `,
		` "9"^^<http://www.w3.org/2001/XMLSchema#integer> `,
		` "-0.125"^^<http://www.w3.org/2001/XMLSchema#double> `,
		` "false"^^<http://www.w3.org/2001/XMLSchema#boolean> `,
		` "2024-03-08T17:04:05Z"^^<http://www.w3.org/2001/XMLSchema#dateTime> `,
		` "Harbour \"to reopen\"\non Monday"@en-GB `,
		` "Le port rouvrira lundi"@fr `,
		`_:a3-stmt1 <http://example.org/ns#claims> "tab\there, backslash \\ and ünïcödé" <http://example.org/article/3> .`,
	} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("N-Quads output lacks %s:\n%s", want, buf.String())
		}
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteQuadsErrors(t *testing.T) {
	s := newsStore(t, "memory:")
	if _, err := s.WriteQuads(context.Background(), failWriter{}, ""); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("WriteQuads to a failing writer: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.WriteQuads(ctx, io.Discard, ""); !errors.Is(err, context.Canceled) {
		t.Errorf("WriteQuads with a cancelled context: %v", err)
	}
}

func TestQuadsBreak(t *testing.T) {
	s := newsStore(t, "memory:")
	n := 0
	for _, err := range s.Quads(context.Background(), "") {
		if err != nil {
			t.Fatal(err)
		}
		if n++; n == 3 {
			break
		}
	}
	// The read lock is released: a write goes through.
	replaceT(t, s, art2, nil, 0, 7)
}
