package main

import (
	"fmt"
	"os"
	"time"
)

// progress reports the advance of a long run on standard error: a line
// redrawn in place on a terminal, a log line every few seconds otherwise,
// with articles and words per second and, from the share of the input's
// bytes read, the time left. Bytes rather than files, so that a single
// JSON Lines file of a hundred thousand articles has a time left too.
type progress struct {
	e      *env
	what   string
	n      int // articles done
	tokens int
	// files counts the input files started, of total; before gives the
	// bytes of the files before each file, and size is all their bytes
	// (0 when unknown, as for pipes).
	files, total int
	before       map[string]int64
	size         int64
	lastFile     string
	done         int64 // bytes of the input read up to the last article
	start, last  time.Time
	tty          bool
	now          func() time.Time
}

func newProgress(e *env, what string, files []string) *progress {
	tty := false
	if f, ok := e.stderr.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			tty = true
		}
	}
	p := &progress{e: e, what: what, total: len(files), before: make(map[string]int64, len(files)), tty: tty, now: time.Now}
	for _, f := range files {
		p.before[f] = p.size
		if fi, err := os.Stat(f); err == nil && fi.Mode().IsRegular() {
			p.size += fi.Size()
		}
	}
	p.start = p.now()
	p.last = p.start
	return p
}

// step counts one article done, with its number of words: the article that
// ends at byte end of file.
func (p *progress) step(file string, end int64, tokens int) {
	p.n++
	p.tokens += tokens
	if file != p.lastFile {
		p.files++
		p.lastFile = file
	}
	p.done = p.before[file] + end
	now := p.now()
	if p.tty && now.Sub(p.last) < 200*time.Millisecond || !p.tty && now.Sub(p.last) < 10*time.Second {
		return
	}
	p.last = now
	secs := now.Sub(p.start).Seconds()
	left := p.left(secs)
	if p.tty {
		fmt.Fprintf(p.e.stderr, "\r%s: %d articles, file %d/%d, %.0f articles/s, %.0f words/s, %s left   ",
			p.what, p.n, p.files, p.total, float64(p.n)/secs, float64(p.tokens)/secs, left)
		return
	}
	p.e.log.Info(p.what, "articles", p.n, "files", p.files, "of", p.total,
		"articles/s", int(float64(p.n)/secs), "words/s", int(float64(p.tokens)/secs), "left", left)
}

// left estimates the time left after secs seconds, at the rate the input's
// bytes have been read so far; "?" when the input's size is unknown.
func (p *progress) left(secs float64) string {
	if p.size <= 0 || p.done <= 0 || p.done > p.size {
		return "?"
	}
	return time.Duration(secs * float64(p.size-p.done) / float64(p.done) * float64(time.Second)).Round(time.Second).String()
}

// finish ends the report with the totals.
func (p *progress) finish() {
	secs := p.now().Sub(p.start).Seconds()
	if p.tty && p.n > 0 {
		fmt.Fprintln(p.e.stderr)
	}
	if p.n > 0 {
		p.e.log.Info(p.what+" done", "articles", p.n, "words", p.tokens, "seconds", fmt.Sprintf("%.1f", secs),
			"words/s", int(float64(p.tokens)/secs))
	}
}
