package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/newsgraph/newsgraph/graph/rdf"
	"github.com/newsgraph/newsgraph/graph/store"
)

// exportFormat is a format export writes to one stream.
type exportFormat struct {
	name, help string
	writer     func(io.Writer, rdf.Prefixes) rdf.Writer
}

// exportFormats are export's formats but csv, which writes two files.
func exportFormats() []exportFormat {
	return []exportFormat{
		{"nquads", "N-Quads, each quad labelled with its article's graph (the default)",
			func(w io.Writer, _ rdf.Prefixes) rdf.Writer { return rdf.NewNQuads(w) }},
		{"ntriples", "N-Triples, graph labels dropped; a triple in several graphs is written once\n" +
			"for each graph, not merged (RDF readers merge them)",
			func(w io.Writer, _ rdf.Prefixes) rdf.Writer { return rdf.NewNTriples(w) }},
		{"turtle", "Turtle with @prefix lines, graph labels dropped (as ntriples); consecutive\n" +
			"triples of a subject share a block",
			rdf.NewTurtle},
		{"trig", "TriG: Turtle with a graph block for each run of consecutive quads of a graph",
			rdf.NewTriG},
		{"jsonld", "JSON-LD with an @context of the prefixes and a graph object for each run\n" +
			"of consecutive quads of a graph",
			rdf.NewJSONLD},
		{"graphml", "GraphML for Gephi and yEd: IRIs and blank nodes are nodes, each literal is\n" +
			"a node of its own (kind=literal), quads are edges labelled by predicate",
			rdf.NewGraphML},
		{"dot", "Graphviz DOT: as graphml, literals as boxes, graph labels left out",
			rdf.NewDOT},
	}
}

func exportHelp() string {
	var b strings.Builder
	b.WriteString("Writes the store's quads (or one article's graph) in an RDF or graph format, streaming:\n" +
		"memory stays small whatever the store's size, except for graphml, dot and csv, which\n" +
		"remember each node once. Formats that group (turtle, trig, jsonld) group the quads\n" +
		"consecutive in the store, which keeps an article's quads together. IRIs holding\n" +
		"characters IRIs forbid (spaces, quotes, ...) are written percent-encoded; a value that\n" +
		"cannot be written validly (an IRI without a scheme) stops the export with an error.\n\nFormats:\n")
	indent := strings.Repeat(" ", 12)
	for _, f := range exportFormats() {
		fmt.Fprintf(&b, "  %-9s %s\n", f.name, strings.ReplaceAll(f.help, "\n", "\n"+indent))
	}
	b.WriteString("  csv       two tables in the directory given by -o: edges.csv (source,predicate,\n" +
		indent + "target,graph,datatype,language), a row for each quad, the datatype empty when\n" +
		indent + "the target is a node; nodes.csv (id,label,type), a row for each IRI and blank node")
	return b.String()
}

func runExport(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "export", "[flags]", exportHelp(),
		"newsgraph export --db newsgraph.db --format turtle -o graph.ttl")
	dsn := storeFlag(fs)
	format := fs.String("format", "nquads", "output `FORMAT`: nquads, ntriples, turtle, trig, jsonld, graphml, dot or csv")
	out := fs.String("o", "", "write to `FILE` instead of standard output (csv: to the directory FILE)")
	graph := fs.String("graph", "", "export only the named graph (an article) `IRI`")
	base := baseFlag(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return errUsage
	}
	prefixes, err := rdf.NewPrefixes(*base)
	if err != nil {
		return err
	}
	var newWriter func(io.Writer, rdf.Prefixes) rdf.Writer
	for _, f := range exportFormats() {
		if f.name == *format {
			newWriter = f.writer
		}
	}
	switch {
	case *format == "csv" && *out == "":
		return fmt.Errorf("csv writes two files: give their directory with -o DIR")
	case *format != "csv" && newWriter == nil:
		return fmt.Errorf("unknown format %q (see newsgraph export --help)", *format)
	}
	if _, err := os.Stat(*dsn); err != nil && !strings.Contains(*dsn, ":") {
		return fmt.Errorf("no store at %s: %w", *dsn, err)
	}
	st, err := store.Open(ctx, *dsn)
	if err != nil {
		return err
	}
	defer st.Close()
	export := func(w rdf.Writer) error {
		n, err := exportQuads(ctx, st, quad.IRI(*graph), w)
		e.log.Info("exported", "format", *format, "quads", n)
		return err
	}
	if *format == "csv" {
		return exportCSV(*out, export)
	}
	return writeOutput(e, *out, func(w *bufio.Writer) error {
		return export(newWriter(w, prefixes))
	})
}

// exportQuads writes the quads of graph label (all if empty) to w and
// closes it, returning how many quads it wrote.
func exportQuads(ctx context.Context, st *store.Store, label quad.IRI, w rdf.Writer) (int, error) {
	n := 0
	for q, err := range st.Quads(ctx, label) {
		if err == nil {
			err = w.WriteQuad(q)
		}
		if err != nil {
			return n, fmt.Errorf("export: %w", err)
		}
		n++
	}
	if err := w.Close(); err != nil {
		return n, fmt.Errorf("export: %w", err)
	}
	return n, nil
}

// exportCSV runs export on a CSV writer of dir/nodes.csv and
// dir/edges.csv, making dir if needed.
func exportCSV(dir string, export func(rdf.Writer) error) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var files [2]*os.File
	var bufs [2]*bufio.Writer
	for i, name := range []string{"nodes.csv", "edges.csv"} {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			return err
		}
		defer f.Close()
		files[i], bufs[i] = f, bufio.NewWriter(f)
	}
	if err := export(rdf.NewCSV(bufs[0], bufs[1])); err != nil {
		return err
	}
	for i, f := range files {
		if err := bufs[i].Flush(); err != nil {
			return err
		}
		if err := f.Close(); err != nil {
			return err
		}
	}
	return nil
}

// writeOutput runs write on a buffered standard output, or on file when
// it is set, and reports a failure to write or close.
func writeOutput(e *env, file string, write func(*bufio.Writer) error) error {
	f := e.stdout
	var osf *os.File
	if file != "" {
		var err error
		if osf, err = os.Create(file); err != nil {
			return err
		}
		defer osf.Close()
		f = osf
	}
	w := bufio.NewWriter(f)
	if err := write(w); err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if osf != nil {
		return osf.Close()
	}
	return nil
}
