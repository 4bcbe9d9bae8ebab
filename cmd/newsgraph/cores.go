package main

import "context"

// cores hands the processors out to the goroutines of a run that use them
// for long stretches, one token a processor. An ingest's store writer is its
// serial part: bbolt has a single writer, so once the NLP workers are done,
// whatever the writer still has to do is done on one processor while the
// others wait. Taking a token before each batch lets the writer run as soon
// as it has work, on a processor of its own, rather than sharing the
// processors with the workers and falling behind them. Tokens are handed to
// waiting goroutines in the order they asked (a channel's receivers are
// served first come, first served), so a worker finishing a chunk hands its
// processor to a waiting writer. A nil cores limits nothing.
type cores chan struct{}

// newCores returns n tokens.
func newCores(n int) cores {
	c := make(cores, n)
	for range n {
		c <- struct{}{}
	}
	return c
}

// acquire waits for a token, or for ctx to end.
func (c cores) acquire(ctx context.Context) error {
	if c == nil {
		return nil
	}
	select {
	case <-c:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// release gives back a token taken by acquire.
func (c cores) release() {
	if c != nil {
		c <- struct{}{}
	}
}
