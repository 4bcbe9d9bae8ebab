package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/graph/store"
	"github.com/newsgraph/newsgraph/graph/vocab"
	"github.com/newsgraph/newsgraph/queries"
)

func runQuery(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "query", "[flags] [GIZMO | -f FILE | -q NAME]",
		"Runs a Gizmo (JavaScript) query on the store and prints its results as JSON, one\n"+
			"object a line. Queries run with a prelude of helpers: rel(\"call\"), schema(\"name\"),\n"+
			"ng(\"confidence\"), rdf(\"type\"), named(\"Vladimir Putin\"), relations(). Ready-made\n"+
			"queries live in queries/; -q NAME runs one of them (-q list lists them).",
		`newsgraph query 'named("Vladimir Putin").Out(relations(), "relation").All()'`)
	dsn := fs.String("db", store.DefaultPath, "the store: a bbolt `FILE`")
	base := fs.String("base", vocab.DefaultBase, "base `IRI` the graph was built with")
	file := fs.String("f", "", "read the query from `FILE`")
	name := fs.String("q", "", "run the ready-made query `NAME` (list: show them)")
	limit := fs.Int("limit", 1000, "print at most this many results (0: no limit)")
	timeout := fs.Duration("timeout", 30*time.Second, "stop the query after this long")
	qargs := queryArgs{}
	fs.Var(qargs, "arg", "give the query an argument `NAME=VALUE` (args.NAME in the query; repeatable)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	var src string
	switch {
	case *name == "list":
		for _, q := range queries.All() {
			fmt.Fprintf(e.stdout, "%-22s %s\n", q.Name, q.Question)
		}
		return nil
	case *name != "":
		q, err := queries.Get(*name)
		if err != nil {
			return err
		}
		src = q.Source
	case *file != "":
		b, err := os.ReadFile(*file)
		if err != nil {
			return err
		}
		src = string(b)
	case fs.NArg() == 1:
		src = fs.Arg(0)
	default:
		fs.Usage()
		return errUsage
	}
	if _, err := os.Stat(*dsn); err != nil && !strings.Contains(*dsn, ":") {
		return fmt.Errorf("no store at %s (run `newsgraph ingest` first): %w", *dsn, err)
	}
	st, err := store.Open(ctx, *dsn)
	if err != nil {
		return err
	}
	defer st.Close()
	results, err := runGizmo(ctx, st, vocab.New(*base), queries.Args(qargs)+src, *limit, *timeout)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(e.stdout)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, r := range results {
		if err := enc.Encode(r); err != nil {
			return err
		}
	}
	return w.Flush()
}

// runGizmo runs a query with the prelude, within timeout.
func runGizmo(ctx context.Context, st *store.Store, v vocab.Vocab, src string, limit int, timeout time.Duration) ([]any, error) {
	if timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, timeout)
		defer cancel()
	}
	res, err := st.Query(ctx, queries.Prelude(v)+src, limit)
	if errors.Is(err, context.DeadlineExceeded) {
		return nil, fmt.Errorf("query stopped after %s (see --timeout)", timeout)
	}
	return res, err
}

// queryArgs collects --arg NAME=VALUE flags.
type queryArgs map[string]string

func (a queryArgs) String() string { return "" }

func (a queryArgs) Set(s string) error {
	name, value, ok := strings.Cut(s, "=")
	if !ok || name == "" {
		return fmt.Errorf("want NAME=VALUE, got %q", s)
	}
	a[name] = value
	return nil
}
