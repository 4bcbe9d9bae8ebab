package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/newsgraph/newsgraph/graph/rdf"
	"github.com/newsgraph/newsgraph/graph/store"
)

// importBatch is the default number of quads import replaces per
// transaction: a store write is much faster in large batches (see
// store.BenchmarkReplaceGraph), and the batch is what import holds in
// memory.
const importBatch = 100000

func runImport(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "import", "[flags] FILE...",
		"Loads N-Quads (.nq, .nt) and JSON-LD (.jsonld) files into the store. Each named graph\n"+
			"(an article) in the files replaces the graph of that name in the store, as ingest does,\n"+
			"so importing the same files twice changes nothing; a graph spread over several files\n"+
			"is their union. Triples without a graph (N-Triples, JSON-LD's default graph) need\n"+
			"--graph. IRIs with characters IRIs forbid are stored percent-encoded, as export writes\n"+
			"them. The files are read whole before the store is written, so that a syntax error,\n"+
			"reported with its file and line, leaves the store untouched; files of more than a\n"+
			"million quads are then read again, graph by graph, into the store, --batch quads per\n"+
			"transaction. Memory stays flat when each graph's quads are together, as export and\n"+
			"extract write them; a graph spread out is held until its last quad.",
		"newsgraph export --db old.db -o graph.nq && newsgraph import --db new.db graph.nq")
	dsn := storeFlag(fs)
	defaultGraph := fs.String("graph", "", "put triples without a graph into the graph `IRI`")
	batch := fs.Int("batch", importBatch, "store about this many quads per transaction")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 || *batch < 1 {
		fs.Usage()
		return errUsage
	}
	limitMemory()
	var def quad.IRI
	if *defaultGraph != "" {
		iri, err := rdf.CleanIRI(*defaultGraph)
		if err != nil {
			return fmt.Errorf("--graph: %w", err)
		}
		def = quad.IRI(iri)
	}
	// First pass: check every file and count each graph's quads, so that
	// the second knows when a graph is complete.
	left := map[quad.IRI]int{}
	total := 0
	// held keeps the quads read, as long as they are few, to spare
	// reading them again.
	held := &heldGraphs{index: map[quad.IRI]int{}}
	for _, file := range fs.Args() {
		n, err := eachQuad(ctx, file, def, func(label quad.IRI, q quad.Quad) error {
			left[label]++
			if held != nil {
				if held.add(label, q); held.quads > importHold {
					held = nil
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		total += n
		e.log.Info("read", "file", file, "quads", n)
	}
	graphs := len(left)
	st, err := store.Open(ctx, *dsn)
	if err != nil {
		return err
	}
	defer st.Close()
	// Second pass: read the files again in a goroutine, which hands over
	// batches of complete graphs while the store writes the previous one.
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	batches := make(chan []store.Graph, 1)
	readErr := make(chan error, 1)
	go func() {
		defer close(batches)
		if held != nil {
			readErr <- held.send(ctx, *batch, batches)
			return
		}
		readErr <- streamGraphs(ctx, fs.Args(), def, left, *batch, batches)
	}()
	added, removed, done := 0, 0, 0
	start := time.Now()
	for b := range batches {
		a, r, err := st.ReplaceGraphs(ctx, b)
		if err != nil {
			cancel()
			for range batches { // let the reader end
			}
			return err
		}
		added, removed = added+a, removed+r
		for _, g := range b {
			done += len(g.Quads)
		}
		e.log.Info("stored", "graphs", len(b), "quads", done, "of", total, "quads/s", int(float64(done)/time.Since(start).Seconds()))
	}
	if err := <-readErr; err != nil {
		return err
	}
	if err := st.Close(); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Imported %d quad(s) in %d graph(s) from %d file(s) into %s: %d added, %d removed.\n",
		total, graphs, fs.NArg(), *dsn, added, removed)
	return nil
}

// memoryLimit is the Go runtime's soft memory limit during ingest and
// import: the loaded models are about 400 MB of live heap, which the
// garbage collector lets double, and without a limit the runtime is slow
// to give freed memory back, so that the process's resident memory kept
// growing over long runs. It leaves room for the store's mapped pages
// under 1.5 GB: with 1 GiB, an ingest into a store of gigabytes peaked at
// 1.56 GB, with 896 MiB at 1.42 GB (BENCHMARKS.md, tenth session).
const memoryLimit = 896 << 20

// limitMemory sets memoryLimit unless GOMEMLIMIT sets one.
func limitMemory() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
}

// importHold is the number of quads import keeps from its first reading
// of the files rather than reading them again: about 300 MB.
const importHold = 1000000

// heldGraphs are quads gathered by graph, in the order graphs are first
// met.
type heldGraphs struct {
	graphs []store.Graph
	index  map[quad.IRI]int
	quads  int
}

func (h *heldGraphs) add(label quad.IRI, q quad.Quad) {
	i, ok := h.index[label]
	if !ok {
		i = len(h.graphs)
		h.index[label] = i
		h.graphs = append(h.graphs, store.Graph{Label: label})
	}
	h.graphs[i].Quads = append(h.graphs[i].Quads, q)
	h.quads++
}

// send sends the graphs to out in batches of about size quads.
func (h *heldGraphs) send(ctx context.Context, size int, out chan<- []store.Graph) error {
	for start := 0; start < len(h.graphs); {
		end, n := start, 0
		for end < len(h.graphs) && (end == start || n+len(h.graphs[end].Quads) <= size) {
			n += len(h.graphs[end].Quads)
			end++
		}
		select {
		case out <- h.graphs[start:end]:
		case <-ctx.Done():
			return ctx.Err()
		}
		start = end
	}
	return nil
}

// streamGraphs reads the files and sends each graph to out once it has
// all its quads (left counts each graph's quads, and is used up), in
// batches of about size quads.
func streamGraphs(ctx context.Context, files []string, def quad.IRI, left map[quad.IRI]int, size int, out chan<- []store.Graph) error {
	open := map[quad.IRI]*store.Graph{}
	var ready []store.Graph
	quads := 0
	send := func() error {
		select {
		case out <- ready:
		case <-ctx.Done():
			return ctx.Err()
		}
		ready, quads = nil, 0
		return nil
	}
	for _, file := range files {
		_, err := eachQuad(ctx, file, def, func(label quad.IRI, q quad.Quad) error {
			g := open[label]
			if g == nil {
				g = &store.Graph{Label: label}
				open[label] = g
			}
			g.Quads = append(g.Quads, q)
			if left[label]--; left[label] > 0 {
				return nil
			}
			if left[label] < 0 {
				return fmt.Errorf("%s changed while it was imported", file)
			}
			delete(open, label)
			ready = append(ready, *g)
			if quads += len(g.Quads); quads >= size {
				return send()
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	if len(open) > 0 {
		return errors.New("the files changed while they were imported")
	}
	if len(ready) > 0 {
		return send()
	}
	return nil
}

// eachQuad calls fn with each quad of an N-Quads or JSON-LD file, by its
// extension, and its graph; def, if set, is the graph of triples without
// one. It returns how many quads it read.
func eachQuad(ctx context.Context, file string, def quad.IRI, fn func(label quad.IRI, q quad.Quad) error) (int, error) {
	f, err := os.Open(file)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	n := 0
	// add hands q to fn under its graph; line is its line, 0 if not known.
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
		n++
		return fn(label, q)
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
