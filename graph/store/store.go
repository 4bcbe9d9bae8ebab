// Package store keeps newsgraph's facts: quads in a Cayley graph, one named
// graph per article, so that re-reading an article replaces exactly the facts
// it gave before.
//
// Store wraps a Cayley quad store behind a small API (replace or delete
// articles' graphs, run a Gizmo query, stream quads out) so that the rest of
// newsgraph does not depend on Cayley, which is in maintenance mode and may
// have to be replaced. It also makes up for what Cayley
// (v0.7.7-0.20240706181042) leaves to its users or gets wrong:
//
//   - Cayley's embedded stores are not safe for reads during writes (memstore
//     crashes, bolt and bbolt deadlock), and memstore not even for two reads
//     at once, so every Store operation holds one read-write lock; a Gizmo
//     query that times out is waited for, since Cayley lets it run on.
//   - A bbolt file is locked by the process that opens it; a second process
//     gets a clear error after a short wait instead of hanging.
//   - Cayley's key-value stores do not index quads by graph label, so finding
//     an article's quads would scan the whole store; new bbolt stores get a
//     label index.
//   - Cayley's key-value stores corrupt quads added in the same call that
//     deletes others, cache writes that a failed transaction discarded, and
//     fail to count an absent index entry; see replace, boltKV.batch and
//     kvTx.Get.
//   - Cayley's key-value layer writes about a third as fast as bbolt allows
//     and keeps 400 MB of Bloom filters in memory; bbolt stores with the
//     label index are written by the store's own loader in Cayley's layout,
//     which Cayley reads as its own (see bulk.go), and read directly for
//     Stats and Subjects (see boltread.go).
//   - Values are kept in a form every RDF tool reads back: typed literals
//     carry full XSD datatype IRIs (see ReplaceGraphs).
//   - Cayley's PostgreSQL store writes a row per statement, reads a quad
//     with a query per value, has no index by graph label, and counts
//     references to nodes wrongly when two writers meet; Store writes and
//     reads its tables in bulk itself, adds the index, and locks each graph
//     it replaces (see postgres.go), so that several processes, on several
//     machines, can load and query one graph database at once.
package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/memstore"
	"github.com/cayleygraph/cayley/writer"
	"github.com/cayleygraph/quad"
)

// DefaultPath is the bbolt file used when Open is given an empty DSN.
const DefaultPath = "newsgraph.db"

// ErrClosed is returned by the methods of a closed Store.
var ErrClosed = errors.New("store is closed")

// ErrUnsupported is wrapped by Open's error for a DSN naming a kind of
// store this build cannot open.
var ErrUnsupported = errors.New("unsupported store")

// Store is a Cayley graph of quads grouped in named graphs. It is safe for
// concurrent use.
type Store struct {
	dsn string // as given to Open, for error messages

	h *graph.Handle // set by Open; its fields change only under mu (write)
	// batch runs fn, which writes through h, so that its writes are applied
	// together or not at all; the caller holds mu for writing.
	batch func(ctx context.Context, fn func(context.Context) error) error

	// mu makes Cayley's stores safe: queries and exports hold it for
	// reading (see rlock), writes and Close for writing.
	mu     sync.RWMutex
	closed bool
	// exclusiveReads makes reads hold mu for writing too: Cayley's
	// memstore writes to itself when it starts a scan of all quads or
	// nodes, so two queries at once are a data race.
	exclusiveReads bool

	// bolt is set for a bbolt store.
	bolt *boltKV
	// pg is set for a PostgreSQL store, whose writes, exports, counts and
	// subject lookups are done in SQL rather than through h.
	pg *pgStore
	// pgQuery lets one Gizmo query at a time run on a PostgreSQL store:
	// Cayley's SQL optimizer numbers the tables of the SQL it writes with
	// a counter of the quad store's, unguarded, so two queries at once are
	// a data race that can give two tables the same name.
	pgQuery sync.Mutex
}

// rlock takes the lock for a read; runlock releases it.
func (s *Store) rlock() {
	if s.exclusiveReads {
		s.mu.Lock()
	} else {
		s.mu.RLock()
	}
}

func (s *Store) runlock() {
	if s.exclusiveReads {
		s.mu.Unlock()
	} else {
		s.mu.RUnlock()
	}
}

// Open opens or creates a store. The DSN chooses the backend:
//
//	""             the bbolt file DefaultPath in the working directory
//	"PATH"         a bbolt file (created if absent); PATH has no scheme
//	"bolt:PATH"    the same, explicitly
//	"memory:"      a throwaway store in memory
//	"postgres://user:password@host:port/database?sslmode=disable"
//	               a PostgreSQL database ("postgresql://" too); the URL's
//	               parameters are those of github.com/lib/pq, and others,
//	               such as search_path, are set for the session
//
// Any other scheme is an error wrapping ErrUnsupported.
// A bbolt file can be open in one process only: when another process holds
// it, Open fails after about a second with an error saying so. A PostgreSQL
// database can be open in many processes at once; the first Open creates
// Cayley's tables in it (in the first schema of the search path) and the
// store's label index. Error messages give the URL without its password.
func Open(ctx context.Context, dsn string) (*Store, error) {
	scheme, rest := splitDSN(dsn)
	s := &Store{dsn: dsn}
	if scheme == "postgres" || scheme == "postgresql" {
		var err error
		if s.dsn, err = redactDSN(dsn); err != nil {
			return nil, fmt.Errorf("open store %q: %w", s.dsn, err)
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("open store %q: %w", s.dsn, err)
	}
	switch scheme {
	case "bolt":
		if rest == "" {
			rest = DefaultPath
		}
		b, err := openBolt(ctx, rest)
		if err != nil {
			return nil, fmt.Errorf("open store %q: %w", dsn, err)
		}
		s.h, s.batch, s.bolt = b.h, b.batch, b
	case "memory":
		if rest != "" {
			return nil, fmt.Errorf("open store %q: a memory store takes no path (use \"memory:\")", dsn)
		}
		s.h = newHandle(memstore.New())
		s.exclusiveReads = true
		// A memory store has no transactions: once a batch has started,
		// it runs to the end so that it is not left half done.
		s.batch = func(ctx context.Context, fn func(context.Context) error) error {
			return fn(context.WithoutCancel(ctx))
		}
	case "postgres", "postgresql":
		pg, err := openPostgres(ctx, dsn)
		if err != nil {
			return nil, fmt.Errorf("open store %q: %w", s.dsn, err)
		}
		s.h, s.batch, s.pg = pg.h, pg.batch, pg
	default:
		return nil, fmt.Errorf("open store %q: %w: unknown scheme %q (use a file path, \"bolt:PATH\", \"memory:\" or \"postgres://...\")", dsn, ErrUnsupported, scheme)
	}
	return s, nil
}

// ignoreOpts are the options of every write: ReplaceGraphs and DeleteGraph
// compute exact deltas, and Cayley's HTTP API, writing through Handle,
// expects Cayley's defaults.
func ignoreOpts() graph.IgnoreOpts { return graph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true} }

func newHandle(qs graph.QuadStore) *graph.Handle {
	qw, _ := writer.NewSingle(qs, ignoreOpts()) // never fails
	return &graph.Handle{QuadStore: qs, QuadWriter: qw}
}

// splitDSN returns the DSN's scheme ("bolt" for a plain path or an empty
// DSN) and what follows it ("//host/db" for URLs).
func splitDSN(dsn string) (scheme, rest string) {
	i := strings.IndexByte(dsn, ':')
	if i <= 0 || !isScheme(dsn[:i]) {
		return "bolt", dsn
	}
	return strings.ToLower(dsn[:i]), dsn[i+1:]
}

// isScheme tells whether s is a URI scheme (RFC 3986: a letter, then
// letters, digits, "+", "-" or "."). Single letters are left out so that
// Windows paths ("C:\graph.db") stay paths.
func isScheme(s string) bool {
	if len(s) < 2 {
		return false
	}
	for i, c := range s {
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
		case i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		default:
			return false
		}
	}
	return true
}

// Close closes the store, waiting for running queries and writes to end.
// Closing a closed store does nothing.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	var err error
	if s.pg != nil {
		err = s.pg.close()
	} else {
		err = s.h.Close()
	}
	if err != nil {
		return fmt.Errorf("close store %q: %w", s.dsn, err)
	}
	return nil
}

// Handle returns the underlying Cayley handle, for code that needs Cayley's
// own API (its HTTP API v2 takes a *graph.Handle). Cayley's stores break when
// read during a write, so every use of the handle, and of anything obtained
// from it, must happen inside Locked, and none after Close.
func (s *Store) Handle() *graph.Handle { return s.h }

// Locked runs fn holding the store's lock: shared with queries and exports
// when write is false (except on a memory store, where reads take turns),
// alone when write is true. It is the way to use Handle safely; fn must not
// call the Store's other methods (the lock is not reentrant) and must be
// done with the handle when it returns.
func (s *Store) Locked(write bool, fn func() error) error {
	if write {
		s.mu.Lock()
		defer s.mu.Unlock()
	} else {
		s.rlock()
		defer s.runlock()
	}
	if s.closed {
		return ErrClosed
	}
	return fn()
}

// Stats counts what a store holds.
type Stats struct {
	Quads  int64 // quads in all graphs
	Nodes  int64 // distinct values (IRIs, blank nodes, literals, labels)
	Graphs int64 // distinct graph labels
}

// Stats counts the store's quads, nodes and graphs exactly. It reads every
// node and every quad, so it takes time on a large store, during which
// writes wait.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	s.rlock()
	defer s.runlock()
	if s.closed {
		return Stats{}, ErrClosed
	}
	if s.pg != nil {
		return s.pg.stats(ctx)
	}
	if s.bolt != nil && s.bolt.direct {
		return s.bolt.stats(ctx)
	}
	qs := s.h.QuadStore
	gs, err := qs.Stats(ctx, true)
	if err != nil {
		return Stats{}, fmt.Errorf("store stats: %w", err)
	}
	labels := make(map[any]struct{})
	it := qs.QuadsAllIterator().Iterate()
	defer it.Close()
	for it.Next(ctx) {
		l, err := qs.QuadDirection(it.Result(), quad.Label)
		if err != nil {
			return Stats{}, fmt.Errorf("store stats: %w", err)
		}
		if l != nil {
			labels[l.Key()] = struct{}{}
		}
	}
	if err := it.Err(); err != nil {
		return Stats{}, fmt.Errorf("store stats: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return Stats{}, fmt.Errorf("store stats: %w", err)
	}
	return Stats{Quads: gs.Quads.Value, Nodes: gs.Nodes.Value, Graphs: int64(len(labels))}, nil
}
