package main

import (
	"fmt"
	"os"
	"time"
)

// progress reports the advance of a long run on standard error: a line
// redrawn in place on a terminal, a log line every few seconds otherwise.
type progress struct {
	e        *env
	what     string
	n, total int
	start    time.Time
	last     time.Time
	tty      bool
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

// step counts one item done.
func (p *progress) step() {
	p.n++
	now := time.Now()
	switch {
	case p.tty && now.Sub(p.last) > 100*time.Millisecond:
		fmt.Fprintf(p.e.stderr, "\r%s %d/%d (%.0f/s)", p.what, p.n, p.total, float64(p.n)/now.Sub(p.start).Seconds())
		p.last = now
	case !p.tty && now.Sub(p.last) > 10*time.Second:
		p.e.log.Info(p.what, "done", p.n, "of", p.total)
		p.last = now
	}
}

// done ends the report.
func (p *progress) done() {
	if p.tty && p.n > 0 {
		fmt.Fprintf(p.e.stderr, "\r%s %d/%d in %s\n", p.what, p.n, p.total, time.Since(p.start).Round(time.Millisecond))
	}
}
