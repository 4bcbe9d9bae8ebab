package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/graph/store"
	"github.com/newsgraph/newsgraph/graph/vocab"
	"github.com/newsgraph/newsgraph/queries"
)

func runQuery(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "query", "[flags] [GIZMO | -f FILE | -q NAME]",
		"Runs a Gizmo (JavaScript) query on the store and prints its results as JSON, one\n"+
			"object a line, or with --table as an aligned text table (one column per key, in\n"+
			"the order the query first gives them; arrays joined with \", \"). Queries run with\n"+
			"a prelude of helpers: rel(\"call\"), schema(\"name\"), ng(\"confidence\"), rdf(\"type\"),\n"+
			"named(\"Vladimir Putin\"), relations(), label(id) (see package queries). Ready-made\n"+
			"queries live in queries/; -q NAME runs one of them (-q list lists them and their\n"+
			"arguments), --arg NAME=VALUE gives it an argument.",
		`newsgraph query --table -q path-between --arg from="Yuri Ushakov" --arg to="Masoud Pezeshkian"`)
	dsn := storeFlag(fs)
	base := baseFlag(fs)
	file := fs.String("f", "", "read the query from `FILE`")
	name := fs.String("q", "", "run the ready-made query `NAME` (list: show them)")
	limit := fs.Int("limit", 1000, "print at most this many results (0: no limit)")
	timeout := fs.Duration("timeout", 30*time.Second, "stop the query after this long")
	table := fs.Bool("table", false, "print an aligned text table instead of JSON lines")
	qargs := queryArgs{}
	fs.Var(qargs, "arg", "give the query an argument `NAME=VALUE` (args.NAME in the query; repeatable)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *limit < 0 {
		return fmt.Errorf("--limit must be 0 (no limit) or more, got %d", *limit)
	}
	var src string
	switch {
	case *name == "list":
		return listQueries(e.stdout)
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
	src = queries.Args(qargs) + src
	if *table {
		src = keyOrderJS + src
	}
	n := *limit
	if n == 0 {
		n = math.MaxInt
	}
	results, err := runGizmo(ctx, st, vocab.New(*base), src, n, *timeout)
	if err != nil {
		return err
	}
	if len(results) == n {
		e.log.Info("results cut at --limit", "limit", n)
	}
	w := bufio.NewWriter(e.stdout)
	if *table {
		writeTable(w, results)
		return w.Flush()
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, r := range results {
		if err := enc.Encode(r); err != nil {
			return err
		}
	}
	return w.Flush()
}

// listQueries prints the ready-made queries with their questions and
// arguments.
func listQueries(w io.Writer) error {
	bw := bufio.NewWriter(w)
	for _, q := range queries.All() {
		fmt.Fprintf(bw, "%-20s %s\n", q.Name, q.Question)
		if q.Arguments != "" && q.Arguments != "none." {
			fmt.Fprintf(bw, "%-20s arguments: %s\n", "", q.Arguments)
		}
	}
	return bw.Flush()
}

// runGizmo runs a query with the prelude, within timeout.
func runGizmo(ctx context.Context, st *store.Store, v vocab.Vocab, src string, limit int, timeout time.Duration) ([]any, error) {
	if timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, timeout)
		defer cancel()
	}
	var res []any
	rels, err := queries.Relations(ctx, st, v)
	if err == nil {
		res, err = st.Query(ctx, queries.Prelude(v, rels)+src, limit)
	}
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

// orderKey is the key under which keyOrderJS records the order of an
// emitted object's keys, which Gizmo's results (Go maps) lose.
const orderKey = "\x00keys"

// keyOrderJS makes g.Emit record the order of an object's keys under
// orderKey, for --table to order its columns as the query wrote them. g
// is Gizmo's graph object, whose methods cannot be replaced: the script's
// g becomes a copy of it whose Emit wraps the original.
const keyOrderJS = `var g = (function (graph) {
  var w = {};
  // for-in, not Object.keys: the store's guard gives g its methods
  // through a prototype.
  for (var k in graph) {
    (function (f) {
      w[k] = typeof f === "function" ? function () { return f.apply(graph, arguments); } : f;
    })(graph[k]);
  }
  w.Emit = w.emit = function (o) {
    if (o === null || typeof o !== "object" || Array.isArray(o)) return graph.Emit(o);
    var c = {};
    Object.keys(o).forEach(function (k) { c[k] = o[k]; });
    c["\u0000keys"] = Object.keys(o);
    return graph.Emit(c);
  };
  return w;
})(g);
`

// valueColumn is the column of results that are not objects.
const valueColumn = "value"

// writeTable writes results as an aligned text table: a header of column
// names, a rule, and one row per result. The columns are the union of the
// results' keys in the order first seen (an object's keys in the order the
// query wrote them when it was run with keyOrderJS, else sorted); a result
// that is not an object fills the column "value".
func writeTable(w io.Writer, results []any) {
	if len(results) == 0 {
		return
	}
	var cols []string
	index := map[string]int{}
	addCol := func(k string) {
		if _, ok := index[k]; !ok {
			index[k] = len(cols)
			cols = append(cols, k)
		}
	}
	rows := make([]map[string]string, len(results))
	for i, r := range results {
		row := map[string]string{}
		m, ok := r.(map[string]any)
		if !ok {
			addCol(valueColumn)
			row[valueColumn] = cell(r)
			rows[i] = row
			continue
		}
		for _, k := range keyOrder(m) {
			addCol(k)
			row[k] = cell(m[k])
		}
		rows[i] = row
	}
	width := make([]int, len(cols))
	for c, k := range cols {
		width[c] = utf8.RuneCountInString(k)
		for _, row := range rows {
			width[c] = max(width[c], utf8.RuneCountInString(row[k]))
		}
	}
	line := func(cells []string) {
		var b strings.Builder
		for c, s := range cells {
			if c > 0 {
				b.WriteString("  ")
			}
			b.WriteString(s)
			if c < len(cells)-1 {
				b.WriteString(strings.Repeat(" ", width[c]-utf8.RuneCountInString(s)))
			}
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
	line(cols)
	rule := make([]string, len(cols))
	for c := range cols {
		rule[c] = strings.Repeat("-", width[c])
	}
	line(rule)
	cells := make([]string, len(cols))
	for _, row := range rows {
		for c, k := range cols {
			cells[c] = row[k]
		}
		line(cells)
	}
}

// keyOrder returns an object's keys: in the order recorded under orderKey
// (without it), else sorted.
func keyOrder(m map[string]any) []string {
	if order, ok := m[orderKey].([]any); ok {
		keys := make([]string, 0, len(order))
		for _, k := range order {
			if s, ok := k.(string); ok {
				if _, ok := m[s]; ok {
					keys = append(keys, s)
				}
			}
		}
		return keys
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// cell formats a value for a table cell: strings as they are, null as
// nothing, arrays joined with ", ", anything else as JSON; on one line.
func cell(v any) string {
	var s string
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		s = v
	case []any:
		parts := make([]string, len(v))
		for i, x := range v {
			parts[i] = cell(x)
		}
		s = strings.Join(parts, ", ")
	default:
		b, err := json.Marshal(v)
		if err != nil {
			s = fmt.Sprint(v)
		} else {
			s = string(b)
		}
	}
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '\t' {
			return ' '
		}
		return r
	}, s)
}
