package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"time"

	"github.com/newsgraph/newsgraph/graph/store"
	"github.com/newsgraph/newsgraph/graph/vocab"
)

// printSummary tells what an ingest found and what the store now holds,
// then shows a query to try, with its answer.
func printSummary(ctx context.Context, e *env, st *store.Store, v vocab.Vocab, c counts, dsn string) error {
	w := e.stdout
	fmt.Fprintf(w, "Ingested %d article(s): %d entities, %d relations, %d events, %d quotes (%d quads).\n",
		c.articles, c.entities, c.relations, c.events, c.quotes, c.quads)
	stats, err := st.Stats(ctx)
	if err != nil {
		return err
	}
	dsn = redacted(dsn)
	fmt.Fprintf(w, "The store %s holds %d quads about %d nodes in %d article graphs.\n", dsn, stats.Quads, stats.Nodes, stats.Graphs)
	const sample = `named("Vladimir Putin").Out(relations(), "rel").ForEach(function (o) { g.Emit({relation: label(o.rel), object: label(o.id)}) })`
	res, err := runGizmo(ctx, st, v, sample, 8, 30*time.Second)
	if err != nil {
		return fmt.Errorf("sample query: %w", err)
	}
	fmt.Fprintf(w, "\nWhat did Vladimir Putin do, and to whom? Try:\n  newsgraph query --db %s '%s'\n", dsn, sample)
	if len(res) == 0 {
		fmt.Fprintln(w, "(no answers yet)")
	}
	for _, r := range res {
		b, err := json.Marshal(r)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "  %s\n", b)
	}
	fmt.Fprintf(w, "\nMore ready-made questions: newsgraph query -q list; then newsgraph query --db %s -q who-said-what\n", dsn)
	return nil
}

// redacted hides the password of a database URL, which must not end up in
// terminals and logs.
func redacted(dsn string) string {
	if u, err := url.Parse(dsn); err == nil && u.User != nil {
		return u.Redacted()
	}
	return dsn
}
