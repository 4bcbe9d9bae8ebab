package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/newsgraph/newsgraph/graph/store"
)

// writeFiles writes files named by their names in a new directory and
// returns its path.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestImport(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.nq": "<http://e.org/s> <http://e.org/p> \"one\" <http://e.org/g1> .\n" +
			"<http://e.org/s> <http://e.org/p> \"two\" <http://e.org/g2> .\n",
		"b.nq": "# the rest of g1\n<http://e.org/s> <http://e.org/p> \"three\" <http://e.org/g1> .\n",
		"c.nt": "<http://e.org/s> <http://e.org/p> \"triple\" .\n",
		"d.jsonld": `{"@context": {"e": "http://e.org/"},
			"@graph": [{"@id": "e:g3", "@graph": [{"@id": "e:s", "e:p": "four"}]}]}`,
	})
	db := filepath.Join(dir, "g.db")
	f := func(name string) string { return filepath.Join(dir, name) }
	out := mustRun(t, runImport, "--db", db, "--graph", "http://e.org/default", f("a.nq"), f("b.nq"), f("c.nt"), f("d.jsonld"))
	if !strings.Contains(out, "Imported 5 quad(s) in 4 graph(s) from 4 file(s)") || !strings.Contains(out, "5 added, 0 removed") {
		t.Errorf("import: %s", out)
	}
	want := []string{
		`<http://e.org/s> <http://e.org/p> "four" <http://e.org/g3> .`,
		`<http://e.org/s> <http://e.org/p> "one" <http://e.org/g1> .`,
		`<http://e.org/s> <http://e.org/p> "three" <http://e.org/g1> .`,
		`<http://e.org/s> <http://e.org/p> "triple" <http://e.org/default> .`,
		`<http://e.org/s> <http://e.org/p> "two" <http://e.org/g2> .`,
	}
	if got := storeQuads(t, db); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("store holds\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// A graph imported again replaces the graph in the store: g1 loses
	// "three", which is only in b.nq; g2 and the rest stay.
	out = mustRun(t, runImport, "--db", db, f("a.nq"))
	if !strings.Contains(out, "0 added, 1 removed") {
		t.Errorf("import of a.nq again: %s", out)
	}
	if got := storeQuads(t, db); len(got) != 4 || strings.Contains(strings.Join(got, "\n"), "three") {
		t.Errorf("store after re-import:\n%s", strings.Join(got, "\n"))
	}
}

func TestImportErrors(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"bad.nq":      "<http://e.org/s> <http://e.org/p> \"ok\" <http://e.org/g> .\n\n<http://e.org/s> <http://e.org/p> \"unclosed <http://e.org/g> .\n",
		"rel.nq":      "<s> <http://e.org/p> \"o\" <http://e.org/g> .\n",
		"triples.nt":  "# a triple\n<http://e.org/s> <http://e.org/p> \"o\" .\n",
		"blank.nq":    "<http://e.org/s> <http://e.org/p> \"o\" _:g .\n",
		"bad.jsonld":  "{\n  \"@id\": \"http://e.org/s\",\n  \"http://e.org/p\": \"o\",\n}\n",
		"dflt.jsonld": `{"@id": "http://e.org/s", "http://e.org/p": "o"}`,
		"data.ttl":    "<http://e.org/s> <http://e.org/p> \"o\" .\n",
	})
	db := filepath.Join(dir, "g.db")
	f := func(name string) string { return filepath.Join(dir, name) }
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{f("bad.nq")}, f("bad.nq") + `:3:35: string not closed by '"'`},
		{[]string{f("rel.nq")}, f("rel.nq") + `:1:1: IRI "s" is not absolute`},
		{[]string{f("triples.nt")}, f("triples.nt") + ":2: triple outside any named graph: give --graph IRI"},
		{[]string{f("blank.nq")}, f("blank.nq") + ":1: graph label _:g is a blank node"},
		{[]string{f("bad.jsonld")}, f("bad.jsonld") + ":4:1: JSON: invalid character '}'"},
		{[]string{f("dflt.jsonld")}, f("dflt.jsonld") + ": triple outside any named graph"},
		{[]string{f("data.ttl")}, f("data.ttl") + `: unknown extension ".ttl"`},
		{[]string{f("missing.nq")}, "no such file"},
		{[]string{"--graph", "relative", f("triples.nt")}, `--graph: IRI "relative" is not absolute`},
	} {
		_, err := runCmd(t, runImport, append([]string{"--db", db}, tt.args...)...)
		if err == nil || !strings.HasPrefix(oneLine(err), tt.want) && !strings.Contains(err.Error(), tt.want) {
			t.Errorf("import %v: %v; want %q", tt.args, err, tt.want)
		}
	}
	if _, err := os.Stat(db); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("failed imports created the store: %v", err)
	}
	if _, err := runCmd(t, runImport, "--db", db); !errors.Is(err, errUsage) {
		t.Errorf("import without files: %v", err)
	}
}

// TestStreamGraphs checks the second reading of large imports: each graph
// is sent once it has all its quads, the union of its quads in all files.
func TestStreamGraphs(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.nq": "<http://e.org/s> <http://e.org/p> \"one\" <http://e.org/g1> .\n" +
			"<http://e.org/s> <http://e.org/p> \"two\" <http://e.org/g2> .\n" +
			"<http://e.org/s> <http://e.org/p> \"three\" <http://e.org/g2> .\n",
		"b.nq": "<http://e.org/s> <http://e.org/p> \"four\" <http://e.org/g1> .\n",
	})
	files := []string{filepath.Join(dir, "a.nq"), filepath.Join(dir, "b.nq")}
	left := map[quad.IRI]int{"http://e.org/g1": 2, "http://e.org/g2": 2}
	out := make(chan []store.Graph, 10)
	if err := streamGraphs(context.Background(), files, "", left, 1, out); err != nil {
		t.Fatal(err)
	}
	close(out)
	var got []string
	for b := range out {
		for _, g := range b {
			got = append(got, fmt.Sprintf("%s:%d", g.Label, len(g.Quads)))
		}
	}
	if want := []string{"<http://e.org/g2>:2", "<http://e.org/g1>:2"}; !slices.Equal(got, want) {
		t.Errorf("sent %v, want %v", got, want)
	}
	// A file that changed between the readings is an error.
	left = map[quad.IRI]int{"http://e.org/g1": 1, "http://e.org/g2": 2}
	if err := streamGraphs(context.Background(), files, "", left, 1, make(chan []store.Graph, 10)); err == nil {
		t.Error("streamGraphs accepted more quads than counted")
	}
}
