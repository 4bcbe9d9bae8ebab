package server

import (
	"context"
	"mime"
	"net/http"
	"strings"
)

// Upload is what an ingest request sends: the text of one article (plain
// text with an optional header block, Markdown or HTML) or of many (JSON
// Lines, one article a line).
type Upload struct {
	// Name identifies the upload, as a file name does ("report.html"):
	// articles without a URL are keyed by it, so sending the same name
	// again replaces their facts.
	Name string
	// Format is "text", "markdown", "html", "jsonl", or "" to tell by the
	// content.
	Format string
	Body   []byte
}

// IngestResult says what an ingest stored.
type IngestResult struct {
	Articles     int      `json:"articles"`
	QuadsAdded   int      `json:"quads_added"`
	QuadsRemoved int      `json:"quads_removed"`
	Graphs       []string `json:"graphs"`
	// Refused lists the articles not stored, each with its reason.
	Refused []string `json:"refused"`
}

// Ingester extracts the facts of uploaded articles and stores them. The
// server calls it for one upload at a time.
type Ingester interface {
	Ingest(ctx context.Context, u Upload) (IngestResult, error)
}

// formats maps media types and format names to Upload formats.
var formats = map[string]string{
	"text/plain": "text", "text": "text",
	"text/markdown": "markdown", "markdown": "markdown",
	"text/html": "html", "application/xhtml+xml": "html", "html": "html",
	"application/jsonl": "jsonl", "application/x-ndjson": "jsonl", "application/x-jsonlines": "jsonl", "jsonl": "jsonl",
}

// serveIngest answers POST /api/v1/ingest?name=NAME[&format=F]: the body is
// the article(s), their format given by ?format or the Content-Type (else
// told by the content). It needs the server's bearer token, and answers 403
// when the server is read-only.
func (s *Server) serveIngest(w http.ResponseWriter, r *http.Request) error {
	if s.cfg.Ingester == nil {
		return errorf(http.StatusForbidden, "the server is read-only (start it with --allow-write and a token to ingest)")
	}
	if !s.authorized(r) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="newsgraph"`)
		return errorf(http.StatusUnauthorized, "ingest needs the server's bearer token (Authorization: Bearer TOKEN)")
	}
	name := strings.TrimSpace(r.URL.Query().Get("name"))
	if name == "" {
		return errorf(http.StatusBadRequest, "missing parameter name (the upload's name, e.g. report.html)")
	}
	format := r.URL.Query().Get("format")
	if format == "" {
		if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err == nil {
			format = formats[mt]
		}
	} else if formats[format] == "" {
		return errorf(http.StatusBadRequest, "unknown format %q (text, markdown, html, jsonl)", format)
	}
	body, err := readBody(w, r, s.cfg.MaxIngestBody)
	if err != nil {
		return err
	}
	if len(strings.TrimSpace(string(body))) == 0 {
		return errorf(http.StatusBadRequest, "empty body: send the article's text")
	}
	select {
	case s.ingests <- struct{}{}:
		defer func() { <-s.ingests }()
	case <-r.Context().Done():
		return r.Context().Err()
	}
	res, err := s.cfg.Ingester.Ingest(r.Context(), Upload{Name: name, Format: formats[format], Body: body})
	if err != nil {
		return err
	}
	// Searches right after the answer find what was stored.
	if err := s.index.update(r.Context()); err != nil {
		return err
	}
	if res.Graphs == nil {
		res.Graphs = []string{}
	}
	if res.Refused == nil {
		res.Refused = []string{}
	}
	status := http.StatusOK
	if res.Articles == 0 && len(res.Refused) > 0 {
		status = http.StatusUnprocessableEntity
	}
	writeJSON(w, status, res)
	return nil
}
