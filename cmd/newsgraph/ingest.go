package main

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

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
	// file is the input file the article was read from, and end the byte
	// offset in it just past the article, for progress reports.
	file string
	end  int64
}

// extracted is one article's named graph, or why it could not be built.
type extracted struct {
	in    input
	label quad.IRI
	quads []quad.Quad
	// tokens is the number of words the article had.
	tokens int
	err    error
}

// source lists the articles of files and directories and reads them one
// file at a time, so that a corpus of any size streams through in bounded
// memory. Inputs that cannot be read are logged and collected in failed.
type source struct {
	e        *env
	files    []string
	maxBytes int64
	failed   []string
	// skipped lists the paths Walk left out, each with its reason.
	skipped []string
}

// newSource walks paths for article files.
func newSource(e *env, paths []string, maxBytes int64) *source {
	files, skipped, err := article.Walk(paths)
	src := &source{e: e, files: files, maxBytes: maxBytes}
	for _, s := range skipped {
		e.log.Warn("skipped", "path", s.Path, "reason", s.Reason)
		src.skipped = append(src.skipped, s.Path+": "+s.Reason)
	}
	if err != nil {
		src.fail(err)
	}
	return src
}

func (src *source) fail(err error) {
	src.e.log.Error("input refused", "err", err)
	src.failed = append(src.failed, oneLine(err))
}

// articles yields the articles of the files in order.
func (src *source) articles(yield func(input) bool) {
	for _, f := range src.files {
		for a, err := range article.Read(f, article.Options{MaxBytes: src.maxBytes}) {
			if err != nil {
				src.fail(err)
				continue
			}
			for _, w := range a.Warnings {
				src.e.log.Warn("article", "input", a.Source, "warning", w)
			}
			in := input{
				doc:  &extract.Document{Name: a.Source, Text: a.Text, Published: a.Date},
				meta: facts.Article{Key: articleKey(a), URL: a.URL, Title: a.Title, Published: a.Date, Publisher: a.Publisher, Source: a.Source},
				file: f,
				end:  a.End,
			}
			if !yield(in) {
				return
			}
		}
	}
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

// extractAll is extractWith with m's extraction pipeline and the default
// sentence length limit.
func extractAll(ctx context.Context, m *pipeline.Models, v vocab.Vocab, ins iter.Seq[input], emit func(extracted) error) error {
	return extractWith(ctx, extraction(m, defaultMaxSentenceWords), v, ins, nil, emit)
}

// extractWith runs the extraction pipeline p over the inputs on all
// processors, a chunk of articles at a time, and calls emit with each
// article's graph in input order. At most a few chunks are in flight, so
// memory stays flat however many articles there are. Each chunk's analysis
// takes a token of cpu (nil: none). It stops early when ctx is cancelled or
// emit fails.
func extractWith(ctx context.Context, p extract.Pipeline, v vocab.Vocab, ins iter.Seq[input], cpu cores, emit func(extracted) error) error {
	const chunk = 16
	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type job struct {
		batch []input
		out   chan []extracted
	}
	workers := runtime.GOMAXPROCS(0)
	jobs := make(chan job)
	results := make(chan chan []extracted, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				if cpu.acquire(ctx) != nil {
					j.out <- nil
					continue
				}
				docs := make([]*extract.Document, len(j.batch))
				for i, in := range j.batch {
					docs[i] = in.doc
				}
				errs := p.ProcessBatch(ctx, docs)
				out := make([]extracted, len(j.batch))
				for i, in := range j.batch {
					out[i] = extracted{in: in, err: errs[i], tokens: len(in.doc.Tokens)}
					if errs[i] == nil {
						out[i].label, out[i].quads = facts.Quads(v, in.meta, in.doc)
					}
					// The graph is built: drop the analysis.
					in.doc.Tokens, in.doc.Sentences, in.doc.Propositions = nil, nil, nil
				}
				cpu.release()
				j.out <- out
			}
		}()
	}
	send := func(batch []input) bool {
		j := job{batch, make(chan []extracted, 1)}
		select {
		case results <- j.out:
		case <-ctx.Done():
			return false
		}
		select {
		case jobs <- j:
			return true
		case <-ctx.Done():
			return false
		}
	}
	go func() {
		defer close(results)
		defer close(jobs)
		var batch []input
		for in := range ins {
			if batch = append(batch, in); len(batch) == chunk {
				if !send(batch) {
					return
				}
				batch = nil
			}
		}
		if len(batch) > 0 {
			send(batch)
		}
	}()
	var err error
	for out := range results {
		for _, x := range <-out {
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
	dsn := storeFlag(fs)
	base := baseFlag(fs)
	models := modelsFlag(fs)
	maxBytes := fs.Int64("max-bytes", defaultMaxInput, maxBytesUsage)
	maxWords := fs.Int("max-sentence-words", defaultMaxSentenceWords, "cut sentences longer than this many words into pieces (0: no limit)")
	batch := fs.Int("batch", 512, "store at most this many articles per transaction")
	batchQuads := fs.Int("batch-quads", 0, "end a transaction once it holds this many quads (0: from what the last commit wrote a quad, about 64 MiB a commit, 8,192 to 65,536 quads; 8,192 on PostgreSQL)")
	aliasFile := fs.String("aliases", "", "alias `FILE` of NAME<TAB>IRI lines giving entities their IRI")
	reportFile := fs.String("report", "", "also write the ingest's counts and refused inputs as JSON to `FILE`")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	limitMemory()
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
	src := newSource(e, fs.Args(), *maxBytes)
	var total counts
	var pending []store.Graph
	pendingQuads := 0
	start := time.Now()
	var rep report
	bar := newProgress(e, "ingest", src.files)
	cpu := newCores(runtime.GOMAXPROCS(0))
	w := startStorer(ctx, merge.New(st, v, aliases), st, cpu, &rep)
	err = extractWith(ctx, extraction(m, *maxWords), v, src.articles, cpu, func(x extracted) error {
		bar.step(x.in.file, x.in.end, x.tokens)
		if x.err != nil {
			src.fail(x.err)
			return nil
		}
		total.add(x.in.doc, len(x.quads))
		pending = append(pending, store.Graph{Label: x.label, Quads: x.quads})
		limit := *batchQuads
		if limit <= 0 {
			limit = st.BatchQuads(commitBudget)
		}
		if pendingQuads += len(x.quads); len(pending) >= *batch || pendingQuads >= limit {
			err := w.store(pending)
			pending, pendingQuads = nil, 0
			return err
		}
		return nil
	})
	if err == nil && len(pending) > 0 {
		err = w.store(pending)
	}
	if werr := w.close(); err == nil {
		err = werr
	}
	bar.finish()
	if err != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("interrupted: the %d article(s) stored before are kept; run the same command again to finish", rep.Stored)
		}
		return err
	}
	if *reportFile != "" {
		rep.Articles, rep.Words, rep.Refused, rep.Skipped = total.articles, bar.tokens, src.failed, src.skipped
		rep.Seconds = time.Since(start).Seconds()
		if err := rep.write(*reportFile); err != nil {
			return err
		}
	}
	if err := printSummary(ctx, e, st, v, total, *dsn); err != nil {
		return err
	}
	if len(src.failed) > 0 {
		return fmt.Errorf("%d input(s) refused, the others were stored: %s", len(src.failed), strings.Join(src.failed, "; "))
	}
	return nil
}

// commitBudget is the bytes a transaction's commit should write, which
// bounds the pages bbolt holds in memory until then: store.BatchQuads
// turns it into a number of quads from what the last commit wrote a quad.
const commitBudget = 64 << 20

// storer merges batches of article graphs into the store on a goroutine of
// its own, one batch at a time and in order, so that the next articles are
// analysed while a batch is written: the store's single writer then runs
// beside the NLP instead of stopping it. At most one batch waits while
// another is written, which keeps memory bounded.
type storer struct {
	batches chan []store.Graph
	done    chan struct{}
	// err is the first failure; it is set before done is closed, and
	// read after.
	err error
}

// startStorer starts storing batches with merger into st, each with a token
// of cpu, counting what was stored in rep (which is only read after close).
func startStorer(ctx context.Context, merger *merge.Merger, st *store.Store, cpu cores, rep *report) *storer {
	w := &storer{batches: make(chan []store.Graph, 1), done: make(chan struct{})}
	write := func(pending []store.Graph) (added, removed int, err error) {
		if err := cpu.acquire(ctx); err != nil {
			return 0, 0, err
		}
		defer cpu.release()
		graphs, err := merger.Merge(ctx, pending)
		if err != nil {
			return 0, 0, err
		}
		return st.ReplaceGraphs(ctx, graphs)
	}
	go func() {
		defer close(w.done)
		for pending := range w.batches {
			added, removed, err := write(pending)
			if err != nil {
				w.err = err
				return
			}
			rep.Stored += len(pending)
			rep.QuadsAdded += added
			rep.QuadsRemoved += removed
		}
	}()
	return w
}

// store queues a batch of graphs, waiting while another batch waits. It
// returns the error of an earlier batch, if one failed.
func (w *storer) store(graphs []store.Graph) error {
	select {
	case w.batches <- graphs:
		return nil
	case <-w.done:
		return w.err
	}
}

// close waits for the queued batches to be stored and returns the first
// error; after an error the batches still queued are dropped.
func (w *storer) close() error {
	close(w.batches)
	<-w.done
	return w.err
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

// report is what `ingest --report FILE` writes: what was read, stored and
// refused, for scripts that watch a pipeline of ingests.
type report struct {
	// Articles were read and analysed; Stored of them are in the store
	// (fewer only when the ingest was stopped).
	Articles int `json:"articles"`
	Stored   int `json:"stored"`
	Words    int `json:"words"`
	// QuadsAdded and QuadsRemoved are the changes to the store: both 0
	// when every article was already stored unchanged.
	QuadsAdded   int `json:"quads_added"`
	QuadsRemoved int `json:"quads_removed"`
	// Refused lists the inputs not ingested, each with its reason.
	Refused []string `json:"refused"`
	// Skipped lists the paths left out of the inputs (special files,
	// unusable links, link loops, hidden files), each with its reason.
	Skipped []string `json:"skipped"`
	Seconds float64  `json:"seconds"`
}

func (r *report) write(path string) error {
	if r.Refused == nil {
		r.Refused = []string{}
	}
	if r.Skipped == nil {
		r.Skipped = []string{}
	}
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(b, '\n'), 0o644)
}
