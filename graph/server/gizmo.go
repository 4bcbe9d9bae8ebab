package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"strings"

	"github.com/newsgraph/newsgraph/queries"
)

// cayleyDefaultLimit is the result limit of Cayley's API v1 when a query
// gives none.
const cayleyDefaultLimit = 100

// errBusy answers a script that found no free turn within its time limit.
var errBusy = errorf(http.StatusServiceUnavailable, "the server is busy with other queries: try again")

// serveGizmo answers POST /api/v1/query/gizmo as Cayley's API v1 does: the
// body is the script, ?limit its result limit (default 100); the answer is
// {"result": [...]} (null when there are none) or, with status 400,
// {"error": "..."}, a stopped script included.
func (s *Server) serveGizmo(w http.ResponseWriter, r *http.Request) error {
	limit, err := intParam(r, "limit", cayleyDefaultLimit, 1, s.cfg.MaxResults)
	if err != nil {
		return err
	}
	body, err := readBody(w, r, s.cfg.MaxBody)
	if err != nil {
		return err
	}
	src := string(body)
	if strings.TrimSpace(src) == "" {
		return errorf(http.StatusBadRequest, "query is empty")
	}
	return s.answerScript(w, r.Context(), src, limit)
}

// answerScript runs a script and writes Cayley's answer.
func (s *Server) answerScript(w http.ResponseWriter, ctx context.Context, src string, limit int) error {
	res, err := s.runScript(ctx, src, limit)
	if err != nil {
		if errors.Is(err, context.Canceled) {
			return err
		}
		var ae *apiError
		if errors.As(err, &ae) {
			return err
		}
		return errorf(http.StatusBadRequest, "%s", oneLine(err.Error()))
	}
	if len(res) == 0 {
		res = nil // Cayley answers "result": null
	}
	writeJSON(w, http.StatusOK, struct {
		Result []any `json:"result"`
	}{res})
	return nil
}

// runScript runs a Gizmo script with the prelude, waiting for a free turn
// and stopping it at the request's deadline.
func (s *Server) runScript(ctx context.Context, src string, limit int) ([]any, error) {
	select {
	case s.scripts <- struct{}{}:
		defer func() { <-s.scripts }()
	case <-ctx.Done():
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return nil, errBusy
		}
		return nil, ctx.Err()
	}
	var res []any
	rels, err := queries.Relations(ctx, s.st, s.v)
	if err == nil {
		res, err = s.st.Query(ctx, queries.Prelude(s.v, rels)+src, limit)
	}
	if err != nil && errors.Is(ctx.Err(), context.DeadlineExceeded) {
		s.log.Warn("script stopped at the time limit", "limit", s.cfg.QueryTimeout, "bytes", len(src))
		return nil, fmt.Errorf("query stopped: it ran longer than the server's limit of %s", s.cfg.QueryTimeout)
	}
	if err != nil && ctx.Err() != nil {
		return nil, ctx.Err()
	}
	return res, err
}

// libraryQuery is a ready-made query as the API lists it.
type libraryQuery struct {
	Name     string   `json:"name"`
	Question string   `json:"question"`
	Args     []string `json:"args"`
	Source   string   `json:"source,omitempty"`
}

// argPattern finds the arguments a query reads: need("name"), opt("name", …).
var argPattern = regexp.MustCompile(`\b(?:need|opt)\(\s*"([A-Za-z_][A-Za-z0-9_]*)"`)

func describeQuery(q queries.Query, withSource bool) libraryQuery {
	lq := libraryQuery{Name: q.Name, Question: q.Question, Args: []string{}}
	seen := map[string]bool{}
	for _, m := range argPattern.FindAllStringSubmatch(q.Source, -1) {
		if !seen[m[1]] {
			seen[m[1]] = true
			lq.Args = append(lq.Args, m[1])
		}
	}
	if withSource {
		lq.Source = q.Source
	}
	return lq
}

// serveQueryList answers GET /api/v1/queries: {"queries": [...]}, each
// with its name, question, arguments and source.
func (s *Server) serveQueryList(w http.ResponseWriter, r *http.Request) error {
	all := queries.All()
	out := make([]libraryQuery, len(all))
	for i, q := range all {
		out[i] = describeQuery(q, true)
	}
	writeJSON(w, http.StatusOK, map[string]any{"queries": out})
	return nil
}

func libraryGet(r *http.Request) (queries.Query, error) {
	q, err := queries.Get(r.PathValue("name"))
	if err != nil {
		return q, errorf(http.StatusNotFound, "%v", err)
	}
	return q, nil
}

// serveQueryGet answers GET /api/v1/queries/NAME with the query.
func (s *Server) serveQueryGet(w http.ResponseWriter, r *http.Request) error {
	q, err := libraryGet(r)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, describeQuery(q, true))
	return nil
}

// serveQueryRun answers POST /api/v1/queries/NAME?limit=N: the body, if
// any, is {"args": {"name": "value"}}; the answer has the shape of the
// Gizmo endpoint's.
func (s *Server) serveQueryRun(w http.ResponseWriter, r *http.Request) error {
	q, err := libraryGet(r)
	if err != nil {
		return err
	}
	limit, err := intParam(r, "limit", s.cfg.MaxResults, 1, s.cfg.MaxResults)
	if err != nil {
		return err
	}
	body, err := readBody(w, r, s.cfg.MaxBody)
	if err != nil {
		return err
	}
	var req struct {
		Args map[string]string `json:"args"`
	}
	if len(strings.TrimSpace(string(body))) > 0 {
		if err := json.Unmarshal(body, &req); err != nil {
			return errorf(http.StatusBadRequest, "body must be {\"args\": {\"NAME\": \"VALUE\"}}: %v", err)
		}
	}
	for _, name := range describeQuery(q, false).Args {
		if v, ok := req.Args[name]; ok && strings.TrimSpace(v) == "" {
			return errorf(http.StatusBadRequest, "argument %s is empty", name)
		}
	}
	return s.answerScript(w, r.Context(), queries.Args(req.Args)+q.Source, limit)
}
