package store

import (
	"context"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/query"
	"github.com/cayleygraph/cayley/query/gizmo"
)

// gizmoGuard runs before every Gizmo query. Cayley's Gizmo
// (v0.7.7-0.20240706181042) panics, in the goroutine that runs the script,
// on arguments it does not expect: the graph object where a path or a
// predicate belongs (g.V().Out(g), g.V().Follow(g)) dereferences nil or
// panics with "unsupported type", so does a function where a path
// belongs (g.V().Follow(g.M), g.M not called), and Has or HasR given
// only an empty predicate panics with "empty has". No caller can recover a panic on
// Cayley's goroutine, so one such query would crash the process: a
// command, or a server and every query it is running. The guard replaces
// g and graph with objects that have the same methods, whose paths have
// them too, and that throw a JavaScript TypeError, which Query returns as
// an error, for those arguments before Cayley sees them. The wrappers of
// all paths share one prototype, made from the first path, so that the
// guard costs little per step. It is one line, so that the query's own
// lines keep their numbers.
const gizmoGuard = `(function (G) { var real = new WeakMap(), pathProto = null, hasNames = {Has: 1, HasR: 1, has: 1, hasR: 1}, ` +
	`callbacks = {ForEach: 1, forEach: 1, Map: 1, map: 1}; ` +
	`function unwrap(a) { if (typeof a === "function") { throw new TypeError("a function cannot be an argument here: give a path, a morphism or a predicate (call g.M() to make a morphism)"); } ` +
	`if (a !== null && typeof a === "object") { if (real.has(a)) { a = real.get(a); } ` +
	`if (a === G) { throw new TypeError("the graph object g cannot be an argument: give a path, a morphism or a predicate"); } ` +
	`if (Array.isArray(a)) { return a.map(unwrap); } } return a; } ` +
	`function method(k) { return function () { var o = real.get(this); var args = callbacks[k] === 1 ? Array.prototype.slice.call(arguments) : Array.prototype.map.call(arguments, unwrap); ` +
	`if (hasNames[k] === 1 && args.length === 1 && args[0] === "") { throw new TypeError(k + " needs a predicate"); } ` +
	`var r = o[k].apply(o, args); if (r !== null && typeof r === "object" && typeof r.Out === "function") { ` +
	`if (pathProto === null) { pathProto = proto(r); } return wrap(r, pathProto); } return r; }; } ` +
	`function proto(o) { var p = {}; Object.getOwnPropertyNames(o).forEach(function (k) { if (typeof o[k] === "function") { p[k] = method(k); } }); return p; } ` +
	`function wrap(o, p) { var w = Object.create(p); real.set(w, o); return w; } ` +
	`g = graph = wrap(G, proto(G)); })(g); `

// executeGuarded starts a Gizmo query with gizmoGuard before it. The
// query is first compiled alone, so that a syntax error is reported at its
// own line and column.
func executeGuarded(ctx context.Context, qs graph.QuadStore, script string, opts query.Options) (query.Iterator, error) {
	it, err := query.Execute(ctx, qs, gizmo.Name, script, opts)
	if err != nil {
		return nil, err
	}
	it.Close() // compiled, never run: Gizmo runs a script at the first Next
	return query.Execute(ctx, qs, gizmo.Name, gizmoGuard+script, opts)
}
