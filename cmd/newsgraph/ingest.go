package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/cayleygraph/quad"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/article"
	"github.com/newsgraph/newsgraph/extract/pipeline"
	"github.com/newsgraph/newsgraph/graph/facts"
	"github.com/newsgraph/newsgraph/graph/merge"
	"github.com/newsgraph/newsgraph/graph/store"
	"github.com/newsgraph/newsgraph/graph/vocab"
)

// input is one article to extract facts from.
type input struct {
	doc  *extract.Document
	meta facts.Article
}

// extracted is one article's named graph, or why it could not be built.
type extracted struct {
	in    input
	label quad.IRI
	quads []quad.Quad
	err   error
}

// readArticles reads the articles of the given files and directories.
// Inputs that cannot be read are logged and listed in failed; the rest are
// returned.
func readArticles(e *env, paths []string, maxBytes int64) (ins []input, failed []string) {
	files, skipped, err := article.Walk(paths)
	for _, s := range skipped {
		e.log.Warn("skipped", "path", s.Path, "reason", s.Reason)
	}
	if err != nil {
		e.log.Error("unreadable input", "err", err)
		failed = append(failed, oneLine(err))
	}
	for _, f := range files {
		arts, errs := article.ReadFile(f, article.Options{MaxBytes: maxBytes})
		for _, err := range errs {
			e.log.Error("input refused", "err", err)
			failed = append(failed, oneLine(err))
		}
		for _, a := range arts {
			for _, w := range a.Warnings {
				e.log.Warn("article", "input", a.Source, "warning", w)
			}
			ins = append(ins, input{
				doc:  &extract.Document{Name: a.Source, Text: a.Text, Published: a.Date},
				meta: facts.Article{Key: articleKey(a), URL: a.URL, Title: a.Title, Published: a.Date, Publisher: a.Publisher, Source: a.Source},
			})
		}
	}
	return ins, failed
}

// articleKey identifies an article across runs: its URL, else its absolute
// path (with the line for JSON Lines), so that the same file read from
// another directory is the same article.
func articleKey(a article.Article) string {
	if a.URL != "" {
		return a.URL
	}
	src, line, _ := strings.Cut(a.Source, "#")
	if abs, err := filepath.Abs(src); err == nil {
		src = abs
	}
	if line != "" {
		return "file://" + filepath.ToSlash(src) + "#" + line
	}
	return "file://" + filepath.ToSlash(src)
}

// extractAll runs the extraction pipeline over ins on all processors, a
// chunk of articles at a time, and calls emit with each article's graph
// in input order. It stops early when ctx is cancelled or emit fails.
func extractAll(ctx context.Context, m *pipeline.Models, v vocab.Vocab, ins []input, emit func(extracted) error) error {
	const chunk = 16
	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	p := m.Extraction()
	type job struct {
		from int
		out  chan []extracted
	}
	jobs := make(chan job)
	results := make(chan chan []extracted, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				batch := ins[j.from:min(j.from+chunk, len(ins))]
				docs := make([]*extract.Document, len(batch))
				for i, in := range batch {
					docs[i] = in.doc
				}
				errs := p.ProcessBatch(ctx, docs)
				out := make([]extracted, len(batch))
				for i, in := range batch {
					out[i] = extracted{in: in, err: errs[i]}
					if errs[i] == nil {
						out[i].label, out[i].quads = facts.Quads(v, in.meta, in.doc)
					}
					// The graph is built: drop the analysis to keep memory
					// flat over a long run.
					in.doc.Tokens, in.doc.Sentences = nil, nil
				}
				j.out <- out
			}
		}()
	}
	go func() {
		defer close(results)
		defer close(jobs)
		for from := 0; from < len(ins); from += chunk {
			out := make(chan []extracted, 1)
			select {
			case results <- out:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- job{from, out}:
			case <-ctx.Done():
				return
			}
		}
	}()
	var err error
	for out := range results {
		batch := <-out
		for _, x := range batch {
			if err == nil {
				err = emit(x)
			}
		}
		if err != nil {
			cancel()
			break
		}
	}
	// Drain so that the workers finish before returning.
	go func() {
		for out := range results {
			<-out
		}
	}()
	wg.Wait()
	if err == nil {
		err = parent.Err()
	}
	return err
}

// counts sums what was extracted.
type counts struct {
	articles, entities, relations, events, quotes, quads int
}

func (c *counts) add(d *extract.Document, quads int) {
	c.articles++
	c.entities += len(d.Entities)
	c.relations += len(d.Relations)
	c.events += len(d.Events)
	c.quotes += len(d.Quotes)
	c.quads += quads
}

func runIngest(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "ingest", "[flags] FILE|DIR...",
		"Reads the articles of the files and directories given (text, Markdown, HTML, JSON\n"+
			"Lines), extracts their entities, relations, events and quotes, and stores them in a\n"+
			"Cayley graph, one named graph per article: ingesting an article again replaces its\n"+
			"facts. Inputs that cannot be read are reported by name and the rest still loaded.\n"+
			"Prints a summary and a sample query.",
		"newsgraph ingest --db newsgraph.db testdata/articles")
	dsn := fs.String("db", store.DefaultPath, "the store: a bbolt `FILE`, or memory: for a throwaway run")
	base := fs.String("base", vocab.DefaultBase, "base `IRI` of the graph's own IRIs")
	models := fs.String("models", "", "load models from `DIR` instead of the embedded ones")
	maxBytes := fs.Int64("max-bytes", defaultMaxInput, "refuse inputs larger than this many bytes")
	batch := fs.Int("batch", 64, "store this many articles per transaction")
	aliasFile := fs.String("aliases", "", "alias `FILE` of NAME<TAB>IRI lines giving entities their IRI")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	m, err := loadModels(*models)
	if err != nil {
		return err
	}
	st, err := store.Open(ctx, *dsn)
	if err != nil {
		return err
	}
	defer st.Close()
	v := vocab.New(*base)
	aliases, err := readAliases(*aliasFile)
	if err != nil {
		return err
	}
	merger := merge.New(st, v, aliases)
	ins, failed := readArticles(e, fs.Args(), *maxBytes)
	var total counts
	var pending []store.Graph
	bar := newProgress(e, "ingest", len(ins))
	flush := func() error {
		if len(pending) == 0 {
			return nil
		}
		graphs, err := merger.Merge(ctx, pending)
		if err != nil {
			return err
		}
		if _, _, err := st.ReplaceGraphs(ctx, graphs); err != nil {
			return err
		}
		pending = pending[:0]
		return nil
	}
	err = extractAll(ctx, m, v, ins, func(x extracted) error {
		bar.step()
		if x.err != nil {
			e.log.Error("input refused", "input", x.in.doc.Name, "err", x.err)
			failed = append(failed, oneLine(x.err))
			return nil
		}
		total.add(x.in.doc, len(x.quads))
		pending = append(pending, store.Graph{Label: x.label, Quads: x.quads})
		if len(pending) >= *batch {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	bar.done()
	if err != nil {
		return err
	}
	if err := printSummary(ctx, e, st, v, total, *dsn); err != nil {
		return err
	}
	if len(failed) > 0 {
		return fmt.Errorf("%d input(s) refused, the others were stored: %s", len(failed), strings.Join(failed, "; "))
	}
	return nil
}

// readAliases reads the alias file at path, if one is given.
func readAliases(path string) (map[string]quad.IRI, error) {
	if path == "" {
		return nil, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return merge.ReadAliases(f, path)
}
