package rdf

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
)

// Third-party parsers read every RDF format written here: raptor's rapper
// (Debian raptor2-utils) and Python's rdflib (Debian python3-rdflib, run
// with /usr/bin/python3, not a python3 of another installation on PATH).
// The tests skip when they are not installed.

// rdfFormat is a format as the writers and the parsers name it.
type rdfFormat struct {
	name, ext      string
	rapper, rdflib string // the parsers' names for it; "" if they do not read it
	triples        bool   // graph labels dropped
	writer         func(io.Writer, Prefixes) Writer
}

func rdfFormats() []rdfFormat {
	return []rdfFormat{
		{"nquads", ".nq", "nquads", "nquads", false, func(w io.Writer, _ Prefixes) Writer { return NewNQuads(w) }},
		{"ntriples", ".nt", "ntriples", "nt", true, func(w io.Writer, _ Prefixes) Writer { return NewNTriples(w) }},
		{"turtle", ".ttl", "turtle", "turtle", true, NewTurtle},
		{"trig", ".trig", "trig", "trig", false, NewTriG},
		{"jsonld", ".jsonld", "", "json-ld", false, NewJSONLD},
	}
}

// thirdPartyQuads are the quads the tests export: the nasty ones and the
// sample, and those every format must write for them.
func thirdPartyQuads() (in, want []quad.Quad) {
	return slices.Concat(nasty(), sample()), slices.Concat(nastyWant(), sample())
}

// writeFile writes quads in format f to a file in dir.
func writeFile(t *testing.T, dir string, f rdfFormat, quads []quad.Quad) string {
	t.Helper()
	var b bytes.Buffer
	writeAll(t, f.writer(&b, prefixes(t)), quads)
	path := filepath.Join(dir, "out"+f.ext)
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// parseNQuads parses a third-party parser's N-Quads output.
func parseNQuads(t *testing.T, out []byte) []quad.Quad {
	t.Helper()
	r := NewNQuadsReader(bytes.NewReader(out), "parser output")
	var qs []quad.Quad
	for {
		q, err := r.Read()
		if errors.Is(err, io.EOF) {
			return qs
		}
		if err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		qs = append(qs, q)
	}
}

// normalize returns quads as a sorted set in N-Quads after fn, and without
// labels if triples is set.
func normalize(qs []quad.Quad, triples bool, fn func(quad.Value) quad.Value) []string {
	out := make([]quad.Quad, 0, len(qs))
	for _, q := range qs {
		if triples {
			q.Label = nil
		}
		for _, d := range quad.Directions {
			if v := q.Get(d); v != nil {
				q.Set(d, fn(v))
			}
		}
		out = append(out, q)
	}
	return sortedNQuads(out)
}

// raptorForms undoes what raptor 2.0.15 changes in what it reads: its
// N-Quads and N-Triples parsers lower-case language tags (which RDF 1.1
// compares without regard to case), and it cuts strings at NUL (C
// strings). Our output keeps both, escaped as the grammar asks.
func raptorForms(v quad.Value) quad.Value {
	cut := func(s quad.String) quad.String {
		before, _, _ := strings.Cut(string(s), "\x00")
		return quad.String(before)
	}
	switch v := v.(type) {
	case quad.String:
		return cut(v)
	case quad.LangString:
		return quad.LangString{Value: cut(v.Value), Lang: strings.ToLower(v.Lang)}
	case quad.TypedString:
		return quad.TypedString{Value: cut(v.Value), Type: v.Type}
	}
	return v
}

func TestRapperParses(t *testing.T) {
	if _, err := exec.LookPath("rapper"); err != nil {
		t.Skip("rapper not installed (apt-get install raptor2-utils): third-party parsing not checked")
	}
	in, want := thirdPartyQuads()
	count := regexp.MustCompile(`Parsing returned (\d+) triples`)
	for _, f := range rdfFormats() {
		if f.rapper == "" {
			continue
		}
		t.Run(f.name, func(t *testing.T) {
			path := writeFile(t, t.TempDir(), f, in)
			cmd := exec.Command("rapper", "-i", f.rapper, "-o", "nquads", path)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			out, err := cmd.Output()
			if err != nil || strings.Contains(stderr.String(), "Error") || strings.Contains(stderr.String(), "Warning") {
				t.Fatalf("rapper: %v\n%s", err, stderr.String())
			}
			m := count.FindStringSubmatch(stderr.String())
			if m == nil || m[1] != strconv.Itoa(len(want)) {
				t.Errorf("rapper counted %v triples, want %d", m, len(want))
			}
			got := normalize(parseNQuads(t, out), f.triples, raptorForms)
			if w := normalize(want, f.triples, raptorForms); !slices.Equal(got, w) {
				t.Errorf("rapper read\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(w, "\n"))
			}
		})
	}
}

// rdflibScript parses a file with rdflib, keeping literals as written,
// and prints its quads in N-Quads; quads of the default graph get the
// label urn:x-test:default.
const rdflibScript = `
import sys, rdflib
rdflib.NORMALIZE_LITERALS = False
path, fmt = sys.argv[1], sys.argv[2]
g = rdflib.ConjunctiveGraph()
g.parse(path, format=fmt, publicID="urn:x-test:default")
out = g.serialize(format="nquads")
sys.stdout.write(out.decode("utf-8") if isinstance(out, bytes) else out)
`

// rdflibForms undoes what rdflib 6 changes in what it reads: it renames
// blank nodes (here all become _:B), and puts quads of the default graph
// in urn:x-test:default.
func rdflibForms(v quad.Value) quad.Value {
	switch v {
	case quad.IRI("urn:x-test:default"):
		return nil
	}
	if _, ok := v.(quad.BNode); ok {
		return quad.BNode("B")
	}
	return v
}

func TestRDFLibParses(t *testing.T) {
	const python = "/usr/bin/python3"
	if err := exec.Command(python, "-c", "import rdflib").Run(); err != nil {
		t.Skipf("rdflib not installed for %s (apt-get install python3-rdflib): third-party parsing not checked: %v", python, err)
	}
	in, want := thirdPartyQuads()
	for _, f := range rdfFormats() {
		t.Run(f.name, func(t *testing.T) {
			path := writeFile(t, t.TempDir(), f, in)
			cmd := exec.Command(python, "-c", rdflibScript, path, f.rdflib)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("rdflib: %v\n%s", err, stderr.String())
			}
			// rdflib keeps sets: a triple of two graphs is one triple.
			got := slices.Compact(normalize(parseNQuads(t, out), f.triples, rdflibForms))
			if w := slices.Compact(normalize(want, f.triples, rdflibForms)); !slices.Equal(got, w) {
				t.Errorf("rdflib read\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(w, "\n"))
			}
		})
	}
}
