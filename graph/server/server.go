// Package server serves a newsgraph store over HTTP: a Cayley-compatible
// Gizmo endpoint, JSON endpoints for exploring the graph (entity search, a
// node's neighbourhood, a fact's provenance, an actor's timeline, the
// ready-made queries of package queries), an optional ingest endpoint, and
// the browser explorer at "/" (the files of web/static, embedded).
//
// The API, all under /api/v1 and answering JSON:
//
//	POST /api/v1/query/gizmo?limit=N   the body is a Gizmo script, run with the
//	                                   prelude of package queries; answers
//	                                   {"result": [...]} or {"error": "..."}
//	                                   exactly as Cayley's HTTP API v1 does
//	GET  /api/v1/search?q=TEXT         entities by name or alias, ranked
//	GET  /api/v1/neighbourhood?id=ID   a node's edges, counts and paging
//	GET  /api/v1/provenance?subject=S&predicate=P&object=O (or ?id=NODE)
//	                                   the sentences and articles of a fact
//	GET  /api/v1/timeline?id=ID        the dated events and facts of an actor
//	GET  /api/v1/queries               the ready-made queries
//	GET  /api/v1/queries/NAME          one of them
//	POST /api/v1/queries/NAME          run it: body {"args": {"name": "..."}}
//	POST /api/v1/ingest?name=NAME      store articles (only with an Ingester
//	                                   and a bearer token)
//	GET  /api/v1/health                {"ok": true}
//
// Node IDs are RDF terms in N-Quads form, as Gizmo results give them:
// "<https://…/entity/vladimir-putin>", "_:b0", "\"the situation\"@en";
// a bare IRI is accepted as input too.
//
// Every script runs under a time limit and a result limit, and at most a
// few at once; a script that never ends is stopped at the time limit and
// answered with an error while other requests go on. Request bodies are
// size-limited, every error is a JSON object with a message, and a panic in
// a handler becomes a 500 answer (its stack goes to the log only).
package server

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/graph/store"
	"github.com/newsgraph/newsgraph/graph/vocab"
)

// Defaults for the zero fields of Config.
const (
	DefaultQueryTimeout  = 10 * time.Second
	DefaultMaxResults    = 1000
	DefaultMaxBody       = 1 << 20
	DefaultMaxIngestBody = 16 << 20
	DefaultSearchRefresh = 30 * time.Second
	DefaultIngestTimeout = 5 * time.Minute
)

// Config says what a Server serves and within which limits.
type Config struct {
	Store *store.Store
	// Vocab is the vocabulary the graph was built with.
	Vocab vocab.Vocab
	Log   *slog.Logger
	// QueryTimeout bounds every request's work: a script still running
	// then is stopped and answered with an error.
	QueryTimeout time.Duration
	// MaxResults is the most results a script may return (its ?limit is
	// capped to it), and the most edges a neighbourhood page holds.
	MaxResults int
	// MaxScripts is how many scripts run at once; others wait for a turn
	// within their time limit. 0 means twice the number of processors.
	MaxScripts int
	// MaxBody bounds the body of a query request, in bytes.
	MaxBody int64
	// MaxIngestBody bounds the body of an ingest request, in bytes.
	MaxIngestBody int64
	// SearchRefresh is how old the entity-name index may get before a
	// search rebuilds it (the store may be written by other processes).
	SearchRefresh time.Duration
	// Ingester, when set together with Token, enables POST /api/v1/ingest.
	Ingester Ingester
	// Token is the bearer token that ingest requests must carry.
	Token string
	// IngestTimeout bounds one ingest request.
	IngestTimeout time.Duration
}

// Server is the HTTP handler of a store. It is safe for concurrent use.
type Server struct {
	cfg     Config
	st      *store.Store
	v       vocab.Vocab
	log     *slog.Logger
	mux     *http.ServeMux
	scripts chan struct{} // a token per running script
	ingests chan struct{} // one ingest at a time
	index   *searchIndex
}

// New returns a server for cfg. Writes are enabled only when both an
// Ingester and a Token are given; an Ingester without a Token is an error.
func New(cfg Config) (*Server, error) {
	if cfg.Store == nil {
		return nil, errors.New("server: no store")
	}
	if cfg.Ingester != nil && cfg.Token == "" {
		return nil, errors.New("server: writes need a bearer token")
	}
	if cfg.Vocab.Base() == "" {
		cfg.Vocab = vocab.New("")
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	if cfg.QueryTimeout <= 0 {
		cfg.QueryTimeout = DefaultQueryTimeout
	}
	if cfg.MaxResults <= 0 {
		cfg.MaxResults = DefaultMaxResults
	}
	if cfg.MaxScripts <= 0 {
		cfg.MaxScripts = 2 * runtime.GOMAXPROCS(0)
	}
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = DefaultMaxBody
	}
	if cfg.MaxIngestBody <= 0 {
		cfg.MaxIngestBody = DefaultMaxIngestBody
	}
	if cfg.IngestTimeout <= 0 {
		cfg.IngestTimeout = DefaultIngestTimeout
	}
	if cfg.SearchRefresh <= 0 {
		cfg.SearchRefresh = DefaultSearchRefresh
	}
	s := &Server{
		cfg:     cfg,
		st:      cfg.Store,
		v:       cfg.Vocab,
		log:     cfg.Log,
		mux:     http.NewServeMux(),
		scripts: make(chan struct{}, cfg.MaxScripts),
		ingests: make(chan struct{}, 1),
	}
	s.index = newSearchIndex(cfg.Store, cfg.Vocab, cfg.SearchRefresh)
	s.routes()
	return s, nil
}

// Prepare builds the entity-name index that searches use, so that the
// first searches need not wait for it.
func (s *Server) Prepare(ctx context.Context) error {
	_, err := s.index.get(ctx)
	return err
}

// Close stops the server's background work (a running build of the search
// index): call it before closing the store.
func (s *Server) Close() { s.index.close() }

// Writable tells whether the server accepts ingest requests.
func (s *Server) Writable() bool { return s.cfg.Ingester != nil }

func (s *Server) routes() {
	s.api("/api/v1/query/gizmo", map[string]apiFunc{http.MethodPost: s.serveGizmo})
	s.api("/api/v1/search", map[string]apiFunc{http.MethodGet: s.serveSearch})
	s.api("/api/v1/neighbourhood", map[string]apiFunc{http.MethodGet: s.serveNeighbourhood})
	s.api("/api/v1/provenance", map[string]apiFunc{http.MethodGet: s.serveProvenance})
	s.api("/api/v1/timeline", map[string]apiFunc{http.MethodGet: s.serveTimeline})
	s.api("/api/v1/queries", map[string]apiFunc{http.MethodGet: s.serveQueryList})
	s.api("/api/v1/queries/{name}", map[string]apiFunc{http.MethodGet: s.serveQueryGet, http.MethodPost: s.serveQueryRun})
	s.apiTimeout("/api/v1/ingest", map[string]apiFunc{http.MethodPost: s.serveIngest}, s.cfg.IngestTimeout)
	s.api("/api/v1/health", map[string]apiFunc{http.MethodGet: func(w http.ResponseWriter, r *http.Request) error {
		writeJSON(w, http.StatusOK, map[string]bool{"ok": true, "writable": s.Writable()})
		return nil
	}})
	s.api("/api/", nil) // anything else under /api: a JSON 404
	s.mux.Handle("/", staticHandler())
}

// ServeHTTP serves one request, turning a panic into a 500 JSON answer.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	rw := &statusWriter{ResponseWriter: w}
	defer func() {
		if p := recover(); p != nil {
			if p == http.ErrAbortHandler {
				panic(p)
			}
			s.log.Error("panic serving request", "method", r.Method, "path", r.URL.Path, "panic", p, "stack", string(debug.Stack()))
			if !rw.wrote {
				writeError(rw, http.StatusInternalServerError, "internal error")
			}
		}
		s.log.Debug("request", "method", r.Method, "path", r.URL.Path, "status", rw.status, "duration", time.Since(start))
	}()
	h := rw.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	s.mux.ServeHTTP(rw, r)
}

// statusWriter remembers whether and what a handler wrote.
type statusWriter struct {
	http.ResponseWriter
	status int
	wrote  bool
}

func (w *statusWriter) WriteHeader(code int) {
	if !w.wrote {
		w.status, w.wrote = code, true
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if !w.wrote {
		w.status, w.wrote = http.StatusOK, true
	}
	return w.ResponseWriter.Write(b)
}

// apiFunc serves an API request; an error it returns is answered as JSON
// (with its status when it is an *apiError, else 500).
type apiFunc func(w http.ResponseWriter, r *http.Request) error

// apiError is an error answered with an HTTP status.
type apiError struct {
	status int
	msg    string
}

func (e *apiError) Error() string { return e.msg }

func errorf(status int, format string, args ...any) error {
	return &apiError{status: status, msg: fmt.Sprintf(format, args...)}
}

// api registers the handlers of one path, by method, each request bounded
// by the query time limit; other methods get a JSON 405, and a nil map a
// JSON 404.
func (s *Server) api(pattern string, methods map[string]apiFunc) {
	s.apiTimeout(pattern, methods, s.cfg.QueryTimeout)
}

// apiTimeout is api with another time limit.
func (s *Server) apiTimeout(pattern string, methods map[string]apiFunc, timeout time.Duration) {
	s.mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
		if methods == nil {
			writeError(w, http.StatusNotFound, "no such API endpoint: "+r.URL.Path)
			return
		}
		fn, ok := methods[r.Method]
		if !ok && r.Method == http.MethodHead {
			fn, ok = methods[http.MethodGet]
		}
		if !ok {
			allow := make([]string, 0, len(methods))
			for m := range methods {
				allow = append(allow, m)
			}
			w.Header().Set("Allow", strings.Join(allow, ", "))
			writeError(w, http.StatusMethodNotAllowed, "method "+r.Method+" not allowed here")
			return
		}
		ctx, cancel := context.WithTimeout(r.Context(), timeout)
		defer cancel()
		if err := fn(w, r.WithContext(ctx)); err != nil {
			s.answerError(w, r, err)
		}
	})
}

// answerError writes err as a JSON error.
func (s *Server) answerError(w http.ResponseWriter, r *http.Request, err error) {
	var ae *apiError
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &ae):
		writeError(w, ae.status, ae.msg)
	case errors.As(err, &tooLarge):
		writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("request body larger than %d bytes", tooLarge.Limit))
	case errors.Is(err, context.DeadlineExceeded):
		writeError(w, http.StatusServiceUnavailable, "stopped at the server's time limit")
	case errors.Is(err, context.Canceled):
		// The client went away: nobody reads the answer.
		writeError(w, http.StatusServiceUnavailable, "request cancelled")
	default:
		s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
		writeError(w, http.StatusInternalServerError, oneLine(err.Error()))
	}
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// writeJSON writes v as the JSON body of an answer.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v) // the client may have gone; nothing to do then
}

// writeError writes {"error": msg}, the shape of Cayley's errors.
func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, struct {
		Error string `json:"error"`
	}{msg})
}

// readBody reads a request body of at most limit bytes.
func readBody(w http.ResponseWriter, r *http.Request, limit int64) ([]byte, error) {
	b, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			return nil, err
		}
		return nil, errorf(http.StatusBadRequest, "reading the request body: %v", err)
	}
	return b, nil
}

// intParam reads an integer query parameter between lo and hi, def when
// absent.
func intParam(r *http.Request, name string, def, lo, hi int) (int, error) {
	s := r.URL.Query().Get(name)
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo {
		return 0, errorf(http.StatusBadRequest, "parameter %s must be an integer ≥ %d, got %q", name, lo, s)
	}
	return min(n, hi), nil
}

// authorized tells whether r carries the server's bearer token.
func (s *Server) authorized(r *http.Request) bool {
	tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	return ok && subtle.ConstantTimeCompare([]byte(strings.TrimSpace(tok)), []byte(s.cfg.Token)) == 1
}
