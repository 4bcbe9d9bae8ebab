package main

import (
	"fmt"
	"os"
	"strings"
	"time"
)

// progress reports the advance of a long run on standard error: a line
// redrawn in place on a terminal, a log line every few seconds otherwise,
// with articles and words per second and, from the share of input files
// done, the time left.
type progress struct {
	e      *env
	what   string
	n      int // articles done
	tokens int
	// files counts the input files started, of total.
	files, total int
	lastFile     string
	start, last  time.Time
	tty          bool
}

func newProgress(e *env, what string, total int) *progress {
	tty := false
	if f, ok := e.stderr.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			tty = true
		}
	}
	now := time.Now()
	return &progress{e: e, what: what, total: total, start: now, last: now, tty: tty}
}

// step counts one article of file done, with its number of words.
func (p *progress) step(file string, tokens int) {
	p.n++
	p.tokens += tokens
	if f, _, _ := strings.Cut(file, "#"); f != p.lastFile {
		p.files++
		p.lastFile = f
	}
	now := time.Now()
	if p.tty && now.Sub(p.last) < 200*time.Millisecond || !p.tty && now.Sub(p.last) < 10*time.Second {
		return
	}
	p.last = now
	secs := now.Sub(p.start).Seconds()
	left := "?"
	if p.files > 0 && p.total > 0 {
		left = time.Duration(secs * float64(p.total-p.files) / float64(p.files) * float64(time.Second)).Round(time.Second).String()
	}
	if p.tty {
		fmt.Fprintf(p.e.stderr, "\r%s: %d articles, file %d/%d, %.0f articles/s, %.0f words/s, %s left   ",
			p.what, p.n, p.files, p.total, float64(p.n)/secs, float64(p.tokens)/secs, left)
		return
	}
	p.e.log.Info(p.what, "articles", p.n, "files", p.files, "of", p.total,
		"articles/s", int(float64(p.n)/secs), "words/s", int(float64(p.tokens)/secs), "left", left)
}

// done ends the report with the totals.
func (p *progress) done() {
	secs := time.Since(p.start).Seconds()
	if p.tty && p.n > 0 {
		fmt.Fprintln(p.e.stderr)
	}
	if p.n > 0 {
		p.e.log.Info(p.what+" done", "articles", p.n, "words", p.tokens, "seconds", fmt.Sprintf("%.1f", secs),
			"words/s", int(float64(p.tokens)/secs))
	}
}
