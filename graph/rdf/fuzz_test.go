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

// The seed corpora are in testdata/fuzz/FuzzNQuadsReader and
// testdata/fuzz/FuzzReadJSONLD.

// FuzzNQuadsReader reads arbitrary bytes as N-Quads, as `newsgraph import`
// does: the reader must stop at the first error with a *SyntaxError that
// names the input and the line in one line, and whatever it read before
// must be writable as N-Quads and read back the same.
func FuzzNQuadsReader(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		const name = "fuzz.nq"
		r := NewNQuadsReader(bytes.NewReader(data), name)
		var quads []quad.Quad
		for {
			q, err := r.Read()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				var se *SyntaxError
				if !errors.As(err, &se) || se.Name != name || se.Line < 1 {
					t.Fatalf("error %v (%T) is not a syntax error naming %s and a line", err, err, name)
				}
				checkMessage(t, err, name)
				break
			}
			quads = append(quads, q)
		}
		checkRoundTrip(t, quads)
	})
}

// FuzzReadJSONLD does the same for JSON-LD documents, which json-gold
// expands before ReadJSONLD reads them.
func FuzzReadJSONLD(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		const name = "fuzz.jsonld"
		quads, err := ReadJSONLD(bytes.NewReader(data), name)
		if err != nil {
			checkMessage(t, err, name)
			return
		}
		checkRoundTrip(t, quads)
	})
}

// checkMessage checks that an error names the input in one line.
func checkMessage(t *testing.T, err error, name string) {
	t.Helper()
	if msg := err.Error(); !strings.HasPrefix(msg, name+":") || strings.Contains(msg, "\n") {
		t.Fatalf("error %q does not name %s in one line", msg, name)
	}
}

// checkRoundTrip writes quads as N-Quads, which must succeed since the
// readers only return quads every writer can write, and reads them back.
func checkRoundTrip(t *testing.T, quads []quad.Quad) {
	t.Helper()
	var b bytes.Buffer
	w := NewNQuads(&b)
	for _, q := range quads {
		if err := w.WriteQuad(q); err != nil {
			t.Fatalf("quad %v was read but cannot be written: %v", q, err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	back, err := readNQuads(t, b.String())
	if err != nil {
		t.Fatalf("reading back what was written: %v\n%s", err, b.String())
	}
	if g, w := sortedNQuads(back), sortedNQuads(quads); !slices.Equal(g, w) {
		t.Fatalf("read back\n%s\nwant\n%s", strings.Join(g, "\n"), strings.Join(w, "\n"))
	}
}
