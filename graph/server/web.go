package server

import (
	"embed"
	"io/fs"
	"net/http"
)

// static holds the explorer page: index.html, app.js, style.css and the
// front-end libraries copied from npm (see web/package.json).
//
//go:embed web/static
var static embed.FS

// staticHandler serves the page. It is strict about what the page may
// load: only its own files, and images it makes itself (the PNG export).
func staticHandler() http.Handler {
	sub, err := fs.Sub(static, "web/static")
	if err != nil {
		panic(err) // the directory is embedded above
	}
	files := http.FileServerFS(sub)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			writeError(w, http.StatusMethodNotAllowed, "method "+r.Method+" not allowed here")
			return
		}
		files.ServeHTTP(w, r)
	})
}
