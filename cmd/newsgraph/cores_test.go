package main

import (
	"context"
	"errors"
	"testing"
	"time"
)

// TestCores checks that cores hands out no more tokens than it has, serves
// waiters first come, first served, and lets a waiter go when its context
// ends.
func TestCores(t *testing.T) {
	c := newCores(2)
	ctx := context.Background()
	for range 2 {
		if err := c.acquire(ctx); err != nil {
			t.Fatal(err)
		}
	}
	short, cancel := context.WithTimeout(ctx, 20*time.Millisecond)
	defer cancel()
	if err := c.acquire(short); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("a third acquire of 2 tokens = %v, want the context's end", err)
	}
	// Two waiters, the first queued before the second: one release
	// goes to the first.
	order := make(chan int, 2)
	for i := range 2 {
		go func() {
			if c.acquire(ctx) == nil {
				order <- i
			}
		}()
		time.Sleep(20 * time.Millisecond) // let waiter i queue before the next
	}
	c.release()
	if got := <-order; got != 0 {
		t.Fatalf("the first token released went to waiter %d, want 0", got)
	}
	c.release()
	if got := <-order; got != 1 {
		t.Fatalf("the second went to waiter %d, want 1", got)
	}
	var none cores
	if err := none.acquire(short); err != nil {
		t.Fatalf("nil cores: acquire = %v, want nil", err)
	}
	none.release()
}
