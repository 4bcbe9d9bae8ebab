package main

import (
	"bufio"
	"context"
	"fmt"
	"os"

	"github.com/cayleygraph/quad"
	"github.com/newsgraph/newsgraph/graph/store"
)

func runExport(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "export", "[flags]",
		"Writes the store's quads, each labelled with its article's graph, as N-Quads.",
		"newsgraph export --db newsgraph.db -o graph.nq")
	dsn := fs.String("db", store.DefaultPath, "the store: a bbolt `FILE`")
	format := fs.String("format", "nquads", "output format (nquads)")
	out := fs.String("o", "", "write to `FILE` instead of standard output")
	graph := fs.String("graph", "", "export only the named graph (an article) `IRI`")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *format != "nquads" {
		return fmt.Errorf("unknown format %q (supported: nquads)", *format)
	}
	if _, err := os.Stat(*dsn); err != nil {
		return fmt.Errorf("no store at %s: %w", *dsn, err)
	}
	st, err := store.Open(ctx, *dsn)
	if err != nil {
		return err
	}
	defer st.Close()
	return writeOutput(e, *out, func(w *bufio.Writer) error {
		n, err := st.WriteQuads(ctx, w, quad.IRI(*graph))
		e.log.Info("exported", "quads", n)
		return err
	})
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
