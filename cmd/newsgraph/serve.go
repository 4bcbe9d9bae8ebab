package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/extract/pipeline"
	"github.com/newsgraph/newsgraph/graph/merge"
	"github.com/newsgraph/newsgraph/graph/server"
	"github.com/newsgraph/newsgraph/graph/store"
	"github.com/newsgraph/newsgraph/graph/vocab"
)

// defaultAddr is where `newsgraph serve` listens: this machine only, on
// Cayley's usual port.
const defaultAddr = "127.0.0.1:64210"

func runServe(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "serve", "[flags]",
		"Serves the store over HTTP: the explorer page at /, a Cayley-compatible Gizmo endpoint\n"+
			"(POST /api/v1/query/gizmo), and JSON endpoints for entity search, a node's\n"+
			"neighbourhood, a fact's provenance, an actor's timeline and the ready-made queries\n"+
			"(see package graph/server). Read-only unless --allow-write is given with a token\n"+
			"(--token or $NEWSGRAPH_TOKEN); then POST /api/v1/ingest?name=NAME with\n"+
			"\"Authorization: Bearer TOKEN\" stores the articles in the body. Every query runs\n"+
			"under --timeout and --limit; a script that never ends is stopped and answered with\n"+
			"an error. Stops on Ctrl-C, letting running requests finish.",
		"newsgraph serve --db newsgraph.db   # then open http://127.0.0.1:64210/")
	dsn := storeFlag(fs)
	base := baseFlag(fs)
	addr := fs.String("addr", defaultAddr, "listen on `HOST:PORT`")
	timeout := fs.Duration("timeout", server.DefaultQueryTimeout, "stop a query after this long")
	limit := fs.Int("limit", server.DefaultMaxResults, "the most results a query may return")
	maxBody := fs.Int64("max-body", server.DefaultMaxBody, "refuse query bodies larger than this many bytes")
	maxIngest := fs.Int64("max-ingest", server.DefaultMaxIngestBody, "refuse ingest bodies larger than this many bytes")
	allowWrite := fs.Bool("allow-write", false, "accept POST /api/v1/ingest (needs --token)")
	token := fs.String("token", "", "bearer `TOKEN` for writes (default $NEWSGRAPH_TOKEN)")
	models := fs.String("models", "", "load models from `DIR` instead of the embedded ones (for ingest)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		fs.Usage()
		return errUsage
	}
	if *token == "" {
		*token = os.Getenv("NEWSGRAPH_TOKEN")
	}
	if *allowWrite && *token == "" {
		return errors.New("--allow-write needs a bearer token: give --token or set NEWSGRAPH_TOKEN")
	}
	if _, err := os.Stat(*dsn); err != nil && !strings.Contains(*dsn, ":") && !*allowWrite {
		return fmt.Errorf("no store at %s (run `newsgraph ingest` first): %w", *dsn, err)
	}
	st, err := store.Open(ctx, *dsn)
	if err != nil {
		return err
	}
	defer st.Close()
	v := vocab.New(*base)
	cfg := server.Config{
		Store: st, Vocab: v, Log: e.log,
		QueryTimeout: *timeout, MaxResults: *limit, MaxBody: *maxBody, MaxIngestBody: *maxIngest,
	}
	if *allowWrite {
		m, err := loadModels(*models)
		if err != nil {
			return err
		}
		cfg.Ingester = &uploadIngester{e: e, st: st, v: v, models: m, maxBytes: *maxIngest}
		cfg.Token = *token
	}
	srv, err := server.New(cfg)
	if err != nil {
		return err
	}
	defer srv.Close()
	start := time.Now()
	if err := srv.Prepare(ctx); err != nil {
		return err
	}
	e.log.Debug("search index built", "seconds", time.Since(start).Seconds())
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	e.log.Info("serving", "url", "http://"+ln.Addr().String()+"/", "store", *dsn, "writes", srv.Writable())
	return serve(ctx, ln, srv, *timeout)
}

// serve answers on ln until ctx is done, then lets running requests end.
func serve(ctx context.Context, ln net.Listener, h http.Handler, timeout time.Duration) error {
	hs := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       time.Minute,
		IdleTimeout:       2 * time.Minute,
	}
	done := make(chan error, 1)
	go func() { done <- hs.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), timeout+5*time.Second)
	defer cancel()
	if err := hs.Shutdown(shutdown); err != nil {
		return fmt.Errorf("stopping the server: %w", err)
	}
	if err := <-done; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// uploadIngester stores uploaded articles as `newsgraph ingest` stores
// files: the same reader, extraction, entity merge and store writes.
type uploadIngester struct {
	e        *env
	st       *store.Store
	v        vocab.Vocab
	models   *pipeline.Models
	maxBytes int64
}

// extensions names upload formats as the article reader knows them.
var uploadExtensions = map[string]string{"text": ".txt", "markdown": ".md", "html": ".html", "jsonl": ".jsonl"}

// Ingest writes the upload to a temporary file, reads it as ingest reads
// files, and stores its articles keyed by the upload's name (or their
// URL), so that sending the same name again replaces their facts.
func (u *uploadIngester) Ingest(ctx context.Context, up server.Upload) (server.IngestResult, error) {
	var res server.IngestResult
	dir, err := os.MkdirTemp("", "newsgraph-upload-")
	if err != nil {
		return res, err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "upload"+uploadExtensions[up.Format])
	if err := os.WriteFile(path, up.Body, 0o600); err != nil {
		return res, err
	}
	src := newSource(u.e, []string{path}, u.maxBytes)
	named := func(yield func(input) bool) {
		src.articles(func(in input) bool {
			_, line, _ := strings.Cut(in.meta.Source, "#")
			in.meta.Source = up.Name
			if line != "" {
				in.meta.Source += "#" + line
			}
			in.doc.Name = in.meta.Source
			if in.meta.URL == "" {
				in.meta.Key = "upload:" + in.meta.Source
			}
			return yield(in)
		})
	}
	var graphs []store.Graph
	err = extractAll(ctx, u.models, u.v, named, func(x extracted) error {
		if x.err != nil {
			src.fail(x.err)
			return nil
		}
		graphs = append(graphs, store.Graph{Label: x.label, Quads: x.quads})
		res.Graphs = append(res.Graphs, "<"+string(x.label)+">")
		return nil
	})
	if err != nil {
		return res, err
	}
	for _, f := range src.failed {
		res.Refused = append(res.Refused, strings.ReplaceAll(f, path, up.Name))
	}
	if len(graphs) == 0 {
		return res, nil
	}
	merged, err := merge.New(u.st, u.v, nil).Merge(ctx, graphs)
	if err != nil {
		return res, err
	}
	res.QuadsAdded, res.QuadsRemoved, err = u.st.ReplaceGraphs(ctx, merged)
	if err != nil {
		return res, err
	}
	res.Articles = len(graphs)
	u.e.log.Info("ingested upload", "name", up.Name, "articles", res.Articles, "quads_added", res.QuadsAdded, "refused", len(res.Refused))
	return res, nil
}
