package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/newsgraph/newsgraph/graph/rdf"
	"github.com/newsgraph/newsgraph/graph/store"
)

// importBatch is about how many quads import replaces per transaction:
// a store write is much faster in batches, up to a point (see
// store.BenchmarkReplaceGraph).
const importBatch = 20000

func runImport(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "import", "[flags] FILE...",
		"Loads N-Quads (.nq, .nt) and JSON-LD (.jsonld) files into the store. Each named graph\n"+
			"(an article) in the files replaces the graph of that name in the store, as ingest does,\n"+
			"so importing the same files twice changes nothing; a graph spread over several files\n"+
			"is their union. Triples without a graph (N-Triples, JSON-LD's default graph) need\n"+
			"--graph. IRIs with characters IRIs forbid are stored percent-encoded, as export writes\n"+
			"them. The files are read whole before the store is written: a syntax error, reported\n"+
			"with its file and line, leaves the store untouched.",
		"newsgraph export --db old.db -o graph.nq && newsgraph import --db new.db graph.nq")
	dsn := fs.String("db", store.DefaultPath, "the store: a bbolt `FILE` (created if absent)")
	defaultGraph := fs.String("graph", "", "put triples without a graph into the graph `IRI`")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	var def quad.IRI
	if *defaultGraph != "" {
		iri, err := rdf.CleanIRI(*defaultGraph)
		if err != nil {
			return fmt.Errorf("--graph: %w", err)
		}
		def = quad.IRI(iri)
	}
	g := &graphSet{index: map[quad.IRI]int{}}
	for _, file := range fs.Args() {
		n, err := g.readFile(ctx, file, def)
		if err != nil {
			return err
		}
		e.log.Info("read", "file", file, "quads", n)
	}
	st, err := store.Open(ctx, *dsn)
	if err != nil {
		return err
	}
	defer st.Close()
	added, removed := 0, 0
	for start := 0; start < len(g.graphs); {
		end, size := start, 0
		for end < len(g.graphs) && (end == start || size+len(g.graphs[end].Quads) <= importBatch) {
			size += len(g.graphs[end].Quads)
			end++
		}
		a, r, err := st.ReplaceGraphs(ctx, g.graphs[start:end])
		if err != nil {
			return err
		}
		added, removed = added+a, removed+r
		e.log.Debug("stored", "graphs", end-start, "quads", size)
		start = end
	}
	if err := st.Close(); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Imported %d quad(s) in %d graph(s) from %d file(s) into %s: %d added, %d removed.\n",
		g.quads, len(g.graphs), fs.NArg(), *dsn, added, removed)
	return nil
}

// graphSet gathers quads by graph, in the order graphs are first met.
type graphSet struct {
	graphs []store.Graph
	index  map[quad.IRI]int
	quads  int
}

func (g *graphSet) add(label quad.IRI, q quad.Quad) {
	i, ok := g.index[label]
	if !ok {
		i = len(g.graphs)
		g.index[label] = i
		g.graphs = append(g.graphs, store.Graph{Label: label})
	}
	g.graphs[i].Quads = append(g.graphs[i].Quads, q)
	g.quads++
}

// readFile adds the quads of an N-Quads or JSON-LD file, by its
// extension; def, if set, is the graph of triples without one. It returns
// how many quads it read.
func (g *graphSet) readFile(ctx context.Context, file string, def quad.IRI) (int, error) {
	f, err := os.Open(file)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	n := 0
	// add files q under its graph; line is its line, 0 if not known.
	add := func(q quad.Quad, line int) error {
		var label quad.IRI
		switch l := q.Label.(type) {
		case quad.IRI:
			label = l
		case nil:
			if def == "" {
				return &rdf.SyntaxError{Name: file, Line: line, Msg: "triple outside any named graph: give --graph IRI to import it into one"}
			}
			label = def
		default:
			return &rdf.SyntaxError{Name: file, Line: line, Msg: fmt.Sprintf("graph label %v is a blank node: the store names graphs with IRIs", q.Label)}
		}
		g.add(label, q)
		n++
		return nil
	}
	switch ext := strings.ToLower(filepath.Ext(file)); ext {
	case ".nq", ".nt":
		r := rdf.NewNQuadsReader(f, file)
		for {
			q, err := r.Read()
			if errors.Is(err, io.EOF) {
				return n, nil
			}
			if err == nil {
				err = add(q, r.Line())
			}
			if err == nil && n%10000 == 0 {
				err = ctx.Err()
			}
			if err != nil {
				return n, err
			}
		}
	case ".jsonld":
		qs, err := rdf.ReadJSONLD(f, file)
		if err != nil {
			return 0, err
		}
		for _, q := range qs {
			if err := add(q, 0); err != nil {
				return n, err
			}
		}
		return n, nil
	default:
		return 0, fmt.Errorf("%s: unknown extension %q (import reads .nq, .nt and .jsonld)", file, ext)
	}
}
