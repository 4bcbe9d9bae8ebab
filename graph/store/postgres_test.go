package store

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/cayley/graph/sql/postgres"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph/store/pgtest"
)

// envHelper makes the test binary a writer process for the PostgreSQL
// tests (see TestPostgresHelper): its value is "ROLE ID DSN".
const envHelper = "NEWSGRAPH_STORE_TEST_PG_HELPER"

// withPostgres adds PostgreSQL to the backends when a test server is given.
func withPostgres(bs []backend) []backend {
	if os.Getenv(pgtest.Env) == "" {
		return bs
	}
	return append(bs, backend{"postgres", pgtest.DSN})
}

// sqlT opens a connection pool on the store's database and schema, for
// looking at the tables.
func sqlT(t testing.TB, dsn string) *sql.DB {
	t.Helper()
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// checkTables checks that Cayley's tables are consistent: each node's
// reference count is the number of quad directions that refer to it, so
// no node is unreferenced, every quad's nodes are stored (the store drops
// Cayley's foreign keys, which would check it on insert), and no quad is
// stored twice.
func checkTables(t testing.TB, dsn string) {
	t.Helper()
	db := sqlT(t, dsn)
	var wrong, dangling, dups int
	err := db.QueryRow(`SELECT count(*) FROM nodes n WHERE n.refs <= 0 OR n.refs <>
		(SELECT count(*) FROM quads WHERE subject_hash = n.hash) +
		(SELECT count(*) FROM quads WHERE predicate_hash = n.hash) +
		(SELECT count(*) FROM quads WHERE object_hash = n.hash) +
		(SELECT count(*) FROM quads WHERE label_hash = n.hash)`).Scan(&wrong)
	if err != nil {
		t.Fatal(err)
	}
	err = db.QueryRow(`SELECT count(*) FROM quads q WHERE
		NOT EXISTS (SELECT 1 FROM nodes WHERE hash = q.subject_hash) OR
		NOT EXISTS (SELECT 1 FROM nodes WHERE hash = q.predicate_hash) OR
		NOT EXISTS (SELECT 1 FROM nodes WHERE hash = q.object_hash) OR
		(q.label_hash IS NOT NULL AND NOT EXISTS (SELECT 1 FROM nodes WHERE hash = q.label_hash))`).Scan(&dangling)
	if err != nil {
		t.Fatal(err)
	}
	err = db.QueryRow(`SELECT count(*) FROM (SELECT 1 FROM quads
		GROUP BY subject_hash, predicate_hash, object_hash, label_hash HAVING count(*) > 1) d`).Scan(&dups)
	if err != nil {
		t.Fatal(err)
	}
	if wrong != 0 || dangling != 0 || dups != 0 {
		t.Errorf("%d nodes with a wrong reference count, %d quads missing a node, %d quads stored more than once", wrong, dangling, dups)
	}
}

func TestPostgresOpen(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.DSN(t)
	// Processes opening a new database at once must not race to create
	// its tables.
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Go(func() {
			s, err := Open(ctx, dsn)
			if err == nil {
				err = s.Close()
			}
			errs[i] = err
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatalf("Open at once: %v", err)
	}

	s := openT(t, dsn)
	replaceT(t, s, art1, article1(), 17, 0)
	mem := openT(t, "memory:")
	replaceT(t, mem, art1, article1(), 17, 0)
	other := openT(t, "postgresql"+strings.TrimPrefix(dsn, "postgres"))
	if got, want := statsT(t, other), statsT(t, mem); got != want {
		t.Fatalf("second store sees %+v, want %+v", got, want)
	}

	// The label index is there and serves lookups by label.
	db := sqlT(t, dsn)
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `SET enable_seqscan = off`); err != nil {
		t.Fatal(err)
	}
	var plan strings.Builder
	rows, err := conn.QueryContext(ctx, `EXPLAIN SELECT horizon FROM quads WHERE label_hash = ANY($1::bytea[])`, `{"\\x00"}`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			t.Fatal(err)
		}
		plan.WriteString(line + "\n")
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(plan.String(), "quads_label_index") {
		t.Errorf("a lookup by label does not use the label index:\n%s", plan.String())
	}
}

// TestPostgresForeignKeys checks that Open drops Cayley's foreign keys from
// a database whose schema Cayley made, and that the store keeps the tables
// consistent without them.
func TestPostgresForeignKeys(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.DSN(t)
	if err := graph.InitQuadStore(postgres.Type, dsn, nil); err != nil {
		t.Fatal(err)
	}
	db := sqlT(t, dsn)
	count := func() int {
		t.Helper()
		var n int
		if err := db.QueryRowContext(ctx, `SELECT count(*) FROM pg_constraint
			WHERE conrelid = 'quads'::regclass AND contype = 'f'`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if n := count(); n != len(cayleyForeignKeys) {
		t.Fatalf("Cayley's schema has %d foreign keys, want %d", n, len(cayleyForeignKeys))
	}
	s := openT(t, dsn)
	if n := count(); n != 0 {
		t.Fatalf("after Open, quads has %d foreign keys", n)
	}
	replaceT(t, s, art1, article1(), 17, 0)
	checkTables(t, dsn)
	// A second Open finds nothing to drop; deleting quads deletes the
	// nodes only they used.
	s = openT(t, dsn)
	replaceT(t, s, art1, article1()[:5], 0, 12)
	checkTables(t, dsn)
}

// TestPostgresValues stores values that SQL arrays and PostgreSQL text
// handle specially, and reads them back both through Store and through
// Cayley's query engine, which reads the same columns its own way.
func TestPostgresValues(t *testing.T) {
	ctx := context.Background()
	doc := quad.IRI(ex + "article/odd")
	says := ng("says")
	objects := []quad.Value{
		quad.String(""), quad.String("NULL"), quad.String("{a,b}"), quad.String(`back\slash "quoted"`),
		quad.String("nul\x00byte"), quad.String(strings.Repeat("long ", 3000)),
		quad.LangString{Value: "ünïcödé, {braces}", Lang: "de"},
		quad.TypedString{Value: "P3D", Type: xsdNS + "duration"},
		quad.BNode("odd-b1"), quad.IRI(ex + "entity/{x}"),
	}
	var quads []quad.Quad
	for _, o := range objects {
		quads = append(quads, q(doc, says, o))
	}
	pg, mem := openT(t, pgtest.DSN(t)), openT(t, "memory:")
	for _, s := range []*Store{pg, mem} {
		replaceT(t, s, doc, quads, len(quads), 0)
	}
	if got, want := graphNQ(t, pg, doc), wantNQ(t, doc, quads); !slices.Equal(got, want) {
		t.Errorf("graph holds\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	query := fmt.Sprintf(`g.V("%v").Out("%v").All()`, doc, says)
	var results [2][]string
	for i, s := range []*Store{pg, mem} {
		res, err := s.Query(ctx, query, 100)
		if err != nil {
			t.Fatal(err)
		}
		results[i] = canon(t, res)
	}
	if !slices.Equal(results[0], results[1]) || len(results[0]) != len(objects) {
		t.Errorf("query on PostgreSQL gave\n%s\nthe memory store\n%s", strings.Join(results[0], "\n"), strings.Join(results[1], "\n"))
	}
}

// TestPostgresCayleyWrites mixes quads written by Cayley's own writer, as
// Cayley's HTTP API would through Handle, with ReplaceGraph: Store must read
// Cayley's columns (an integer, a quad without a label) and keep its
// reference counts right.
func TestPostgresCayleyWrites(t *testing.T) {
	dsn := pgtest.DSN(t)
	s := openT(t, dsn)
	knows := quad.IRI(sch + "knows")
	err := s.Locked(true, func() error {
		return s.Handle().AddQuadSet([]quad.Quad{
			quad.Make(tom, ng("age"), quad.Int(41), art1),
			quad.Make(tom, knows, ines, nil),
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"<" + ex + "person/tom-okafor> <" + ngNS + "age> \"41\"^^<" + xsdNS + "integer> <" + ex + "article/1> .",
		"<" + ex + "person/tom-okafor> <" + sch + "knows> <" + ex + "person/ines-ferreira> .",
	}
	if got := graphNQ(t, s, ""); !slices.Equal(got, want) {
		t.Fatalf("store holds\n%s\nwant\n%s", strings.Join(got, ""), strings.Join(want, ""))
	}
	// Cayley stored a quad.Int, which the canonical form writes as a typed
	// string: a different value, so replacing replaces it.
	replaceT(t, s, art1, article1(), 17, 1)
	if got := graphNQ(t, s, art1); !slices.Equal(got, wantNQ(t, art1, article1())) {
		t.Fatalf("graph 1 holds\n%s", strings.Join(got, ""))
	}
	if st := statsT(t, s); st.Quads != 18 || st.Graphs != 1 {
		t.Fatalf("Stats = %+v, want 18 quads in 1 graph", st)
	}
	checkTables(t, dsn)
}

// TestPostgresRollback checks that a failed batch leaves nothing behind.
func TestPostgresRollback(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.DSN(t)
	s := openT(t, dsn)
	replaceT(t, s, art2, article2(), 7, 0)
	failBatch(t, s)
	if st := statsT(t, s); st != (Stats{Quads: 7, Nodes: 15, Graphs: 1}) {
		t.Fatalf("after a failed batch: %+v, want article 2 only", st)
	}
	// A cancelled context discards the batch too.
	cctx, cancel := context.WithCancel(ctx)
	err := s.Locked(true, func() error {
		return s.batch(cctx, func(ctx context.Context) error {
			g, err := prepareGraph(Graph{Label: art1, Quads: article1()})
			if err != nil {
				return err
			}
			_, _, err = s.replace(ctx, []Graph{g})
			cancel()
			return err
		})
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled batch = %v", err)
	}
	replaceT(t, s, art1, article1(), 17, 0)
	if st := statsT(t, s); st.Quads != 24 || st.Graphs != 2 {
		t.Fatalf("Stats = %+v, want 24 quads in 2 graphs", st)
	}
	checkTables(t, dsn)
}

// TestPostgresDeadlockRetry makes ReplaceGraph the victim of a deadlock
// with another transaction on the nodes it changes: it must run again and
// succeed once the other ends.
func TestPostgresDeadlockRetry(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.DSN(t)
	s := openT(t, dsn)
	replaceT(t, s, art1, article1(), 17, 0)
	// A new quad of stored nodes: ReplaceGraph adds a reference to each,
	// locking their rows in hash order.
	extra := q(tom, ng("callee"), ines)
	hashes := [][]byte{}
	for _, v := range []quad.Value{tom, ng("callee"), ines, art1} {
		h := refs.HashOf(v)
		hashes = append(hashes, h[:])
	}
	slices.SortFunc(hashes, bytes.Compare)
	first, last := hashes[0], hashes[len(hashes)-1]

	db := sqlT(t, dsn)
	other, err := db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Rollback()
	touch := func(h []byte) error {
		_, err := other.ExecContext(ctx, `UPDATE nodes SET refs = refs WHERE hash = $1`, h)
		return err
	}
	if err := touch(last); err != nil {
		t.Fatal(err)
	}
	type result struct {
		added int
		err   error
	}
	done := make(chan result, 1)
	go func() {
		added, _, err := s.ReplaceGraph(ctx, art1, append(article1(), extra))
		done <- result{added, err}
	}()
	// Once ReplaceGraph waits for the last row, the other transaction
	// takes the first one, which ReplaceGraph holds: PostgreSQL aborts
	// whichever transaction has waited a second (deadlock_timeout) first.
	for waiting := 0; waiting == 0; {
		select {
		case r := <-done:
			t.Fatalf("ReplaceGraph ended (%d added, %v) without waiting for the other transaction", r.added, r.err)
		case <-time.After(10 * time.Millisecond):
		}
		if err := db.QueryRowContext(ctx, `SELECT count(*) FROM pg_locks WHERE NOT granted AND locktype = 'transactionid'`).Scan(&waiting); err != nil {
			t.Fatal(err)
		}
	}
	if err := touch(first); err != nil {
		t.Fatalf("the other transaction was the deadlock's victim (%v), not ReplaceGraph", err)
	}
	if err := other.Rollback(); err != nil {
		t.Fatal(err)
	}
	if r := <-done; r.err != nil || r.added != 1 {
		t.Fatalf("ReplaceGraph after a deadlock = %d added, %v; want 1 added", r.added, r.err)
	}
	if got, want := graphNQ(t, s, art1), wantNQ(t, art1, append(article1(), extra)); !slices.Equal(got, want) {
		t.Fatalf("graph 1 holds\n%s", strings.Join(got, ""))
	}
	checkTables(t, dsn)
}

// TestPostgresSubjects compares Subjects on PostgreSQL, which asks SQL,
// with Subjects on a memory store, which asks Cayley.
func TestPostgresSubjects(t *testing.T) {
	ctx := context.Background()
	pg, mem := newsStore(t, pgtest.DSN(t)), newsStore(t, "memory:")
	typ := quad.IRI(rdfNS + "type")
	tests := []struct {
		p quad.IRI
		o quad.Value
	}{
		{typ, quad.IRI(sch + "Person")},
		{typ, ng("PhoneCall")},
		{quad.IRI(sch + "worksFor"), port},
		{ng("caller"), tom},
		{quad.IRI(sch + "name"), quad.LangString{Value: "Tom Okafor", Lang: "en-GB"}},
		{ng("date"), quad.TypedString{Value: "2024-03-05", Type: "xsd:date"}},
		{typ, quad.IRI(sch + "Nothing")},
	}
	for _, tt := range tests {
		got, err := pg.Subjects(ctx, tt.p, tt.o)
		if err != nil {
			t.Fatalf("Subjects(%v, %v): %v", tt.p, tt.o, err)
		}
		want, err := mem.Subjects(ctx, tt.p, tt.o)
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("Subjects(%v, %v) = %v, want %v", tt.p, tt.o, got, want)
		}
	}
	if got, _ := pg.Subjects(ctx, typ, quad.IRI(sch+"Person")); len(got) != 2 {
		t.Errorf("Subjects of schema:Person = %v, want the two people", got)
	}
}

// TestPostgresIdempotent loads the same graphs from two stores at once, in
// opposite orders, three times: the quads are added once in all, by one
// store or the other, and never again.
func TestPostgresIdempotent(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.DSN(t)
	stores := []*Store{openT(t, dsn), openT(t, dsn)}
	data := syntheticGraphs(20, 30)
	mem := openT(t, "memory:")
	total, _, err := mem.ReplaceGraphs(ctx, data)
	if err != nil {
		t.Fatal(err)
	}
	for round := range 3 {
		var wg sync.WaitGroup
		added, removed := make([]int, len(stores)), make([]int, len(stores))
		errs := make([]error, len(stores))
		for i, s := range stores {
			wg.Go(func() {
				for k := range 4 {
					batch := data[k*5 : k*5+5]
					if i == 1 {
						batch = data[15-k*5 : 20-k*5]
					}
					a, r, err := s.ReplaceGraphs(ctx, batch)
					if err != nil {
						errs[i] = err
						return
					}
					added[i] += a
					removed[i] += r
				}
			})
		}
		wg.Wait()
		if err := errors.Join(errs...); err != nil {
			t.Fatal(err)
		}
		want := 0
		if round == 0 {
			want = total
		}
		if added[0]+added[1] != want || removed[0]+removed[1] != 0 {
			t.Errorf("round %d: added %v, removed %v; want %d added in all, none removed", round, added, removed, want)
		}
	}
	if got, want := graphNQ(t, stores[0], ""), graphNQ(t, mem, ""); !slices.Equal(got, want) {
		t.Errorf("PostgreSQL holds %d quads, the memory store %d; they differ", len(got), len(want))
	}
	if got, want := statsT(t, stores[1]), statsT(t, mem); got != want {
		t.Errorf("Stats = %+v, want %+v", got, want)
	}
	checkTables(t, dsn)
}

// writerRounds is how many batches each writer of TestPostgresWriters
// sends.
const writerRounds = 30

// writerBatch is the batch writer w sends in round r: two graphs of its own
// and one that all writers replace, in an order that changes with r.
func writerBatch(w, r int) []Graph {
	own := func(k int) Graph {
		g := Graph{Label: quad.IRI(fmt.Sprintf("%sarticle/w%d-%d", ex, w, k))}
		if k == 0 || r%3 != 2 { // the second is emptied now and then
			g.Quads = writerQuads(10*w+k, r)
		}
		return g
	}
	gs := []Graph{own(0), own(1), {Label: ex + "article/shared", Quads: writerQuads(100+w, r)}}
	return append(gs[r%3:], gs[:r%3]...)
}

// writerQuads is version r of the quads of graph g: facts about a pool of
// entities that all graphs share, so that writers of different graphs
// change the same nodes, and one fact that is only in this version, so that
// nodes are deleted and made again.
func writerQuads(g, r int) []quad.Quad {
	quads := make([]quad.Quad, 6+(g+r)%5)
	for i := range quads {
		s := quad.IRI(fmt.Sprintf("%sentity/%d", ex, (g+i)%12))
		switch i % 3 {
		case 0:
			quads[i] = q(s, ng("knows"), quad.IRI(fmt.Sprintf("%sentity/%d", ex, (g*r+i)%12)))
		case 1:
			quads[i] = q(s, quad.IRI(sch+"name"), quad.String(fmt.Sprintf("name %d", (r+i)%4)))
		default:
			quads[i] = q(s, ng("seen"), quad.String(fmt.Sprintf("graph %d round %d", g, r)))
		}
	}
	return quads
}

// runWriter sends writer w's batches.
func runWriter(ctx context.Context, s *Store, w int) error {
	for r := range writerRounds {
		if _, _, err := s.ReplaceGraphs(ctx, writerBatch(w, r)); err != nil {
			return fmt.Errorf("writer %d, round %d: %w", w, r, err)
		}
	}
	return nil
}

// liveLabel and liveVersion are the graph that TestPostgresReadDuringWrites
// keeps replacing, and its versions: those of TestConcurrentUse, which
// readOnce checks.
const liveLabel = quad.IRI(ex + "article/live")

func liveVersion(n int) []quad.Quad {
	quads := make([]quad.Quad, n)
	for i := range quads {
		quads[i] = q(quad.IRI(ex+"event/live"), ng("mentions"), quad.IRI(fmt.Sprintf("%sperson/p%d", ex, i)))
	}
	return quads
}

// liveSizes are the sizes of the versions of the live graph.
var liveSizes = []int{10, 25}

// runLive replaces the live graph rounds times, between its two versions.
func runLive(ctx context.Context, s *Store, rounds int) error {
	for i := 1; i <= rounds; i++ {
		if _, _, err := s.ReplaceGraph(ctx, liveLabel, liveVersion(liveSizes[i%2])); err != nil {
			return fmt.Errorf("write %d: %w", i, err)
		}
	}
	return nil
}

// TestPostgresHelper is the body of the writer processes of the PostgreSQL
// tests; it does nothing in a normal test run. It opens the store, says
// "ready", waits for a line on its input, writes, and says "done".
func TestPostgresHelper(t *testing.T) {
	spec := os.Getenv(envHelper)
	if spec == "" {
		t.Skip("only run as a writer process of other tests")
	}
	f := strings.SplitN(spec, " ", 3)
	if len(f) != 3 {
		t.Fatalf("%s=%q, want ROLE ID DSN", envHelper, spec)
	}
	id, err := strconv.Atoi(f[1])
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	s := openT(t, f[2])
	fmt.Println("ready")
	if _, err := bufio.NewReader(os.Stdin).ReadString('\n'); err != nil {
		t.Fatal(err)
	}
	switch f[0] {
	case "writer":
		err = runWriter(ctx, s, id)
	case "live":
		err = runLive(ctx, s, 40)
	default:
		err = fmt.Errorf("unknown role %q", f[0])
	}
	if err != nil {
		t.Fatal(err)
	}
	fmt.Println("done")
}

// startHelper starts a writer process (see TestPostgresHelper) and waits
// until it has opened the store. Writing a line to the returned writer lets
// it start; wait waits for it to end and fails the test unless it wrote all
// it had to.
func startHelper(t *testing.T, role string, id int, dsn string) (start io.WriteCloser, wait func()) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute) // stops a hung helper only
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^TestPostgresHelper$", "-test.count=1")
	cmd.Env = append(os.Environ(), fmt.Sprintf("%s=%s %d %s", envHelper, role, id, dsn))
	var stderr strings.Builder
	cmd.Stderr = &stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := bufio.NewScanner(out)
	var said []string
	read := func(want string) bool {
		for lines.Scan() {
			said = append(said, lines.Text())
			if lines.Text() == want {
				return true
			}
		}
		return false
	}
	wait = func() {
		t.Helper()
		defer cancel()
		in.Close()
		done := read("done")
		io.Copy(io.Discard, out)
		err := cmd.Wait()
		if !done || err != nil {
			t.Errorf("%s process %d: %v\n%s%s", role, id, err, strings.Join(said, "\n"), stderr.String())
		}
	}
	if !read("ready") {
		wait()
		t.FailNow()
	}
	return in, wait
}

// TestPostgresWriters runs three writers at once, two stores in this
// process and one in another, each replacing graphs of its own and one
// graph that all of them replace, in batches of three. No quad may be lost
// or stored twice: each graph holds one writer's last version of it, whole,
// and the reference counts of the nodes are right.
func TestPostgresWriters(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.DSN(t)
	const writers = 3
	stores := []*Store{openT(t, dsn), openT(t, dsn)}
	start, wait := startHelper(t, "writer", 2, dsn)
	var wg sync.WaitGroup
	errs := make([]error, len(stores))
	if _, err := io.WriteString(start, "go\n"); err != nil {
		t.Fatal(err)
	}
	for w, s := range stores {
		wg.Go(func() { errs[w] = runWriter(ctx, s, w) })
	}
	wg.Wait()
	wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}

	last := writerRounds - 1
	s := stores[0]
	var wantQuads, wantGraphs int64
	for w := range writers {
		for _, g := range writerBatch(w, last) {
			got := graphNQ(t, s, g.Label)
			if !strings.HasSuffix(string(g.Label), "shared") {
				if want := wantNQ(t, g.Label, g.Quads); !slices.Equal(got, want) {
					t.Errorf("graph %s holds\n%s\nwant\n%s", g.Label, strings.Join(got, ""), strings.Join(want, ""))
				}
			} else if w == 0 {
				var versions [][]string
				for v := range writers {
					versions = append(versions, wantNQ(t, g.Label, writerQuads(100+v, last)))
				}
				if !slices.ContainsFunc(versions, func(v []string) bool { return slices.Equal(got, v) }) {
					t.Errorf("shared graph holds\n%s\nwhich is no writer's last version", strings.Join(got, ""))
				}
			} else {
				continue
			}
			if len(got) > 0 {
				wantQuads += int64(len(got))
				wantGraphs++
			}
		}
	}
	if st := statsT(t, s); st.Quads != wantQuads || st.Graphs != wantGraphs {
		t.Errorf("Stats = %+v, want %d quads in %d graphs", st, wantQuads, wantGraphs)
	}
	checkTables(t, dsn)
}

// TestPostgresReadDuringWrites reads, through a store of its own, a graph
// that another process and another store keep replacing: every read must
// see one version of it or the other, whole (see readOnce).
func TestPostgresReadDuringWrites(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.DSN(t)
	w := newsStore(t, dsn)
	replaceT(t, w, liveLabel, liveVersion(liveSizes[0]), liveSizes[0], 0)
	start, wait := startHelper(t, "live", 0, dsn)
	countQuery := fmt.Sprintf(`g.Emit(g.V("%v").LabelContext("%v").Out("%v").Count())`, quad.IRI(ex+"event/live"), liveLabel, ng("mentions"))
	const readers = 5
	r := openT(t, dsn)
	var (
		wg    sync.WaitGroup
		done  = make(chan struct{})
		errs  = make(chan error, readers+1)
		reads = make([]int, readers)
	)
	if _, err := io.WriteString(start, "go\n"); err != nil {
		t.Fatal(err)
	}
	wg.Go(func() {
		if err := runLive(ctx, w, 40); err != nil {
			errs <- err
		}
		wait()
		close(done)
	})
	for i := range readers {
		wg.Go(func() {
			for {
				select {
				case <-done:
					return
				default:
				}
				if err := readOnce(ctx, r, i, countQuery, liveLabel, liveSizes); err != nil {
					errs <- fmt.Errorf("reader %d: %w", i, err)
					return
				}
				reads[i]++
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	t.Logf("reads per reader during 80 writes: %v", reads)
	checkTables(t, dsn)
}

// BenchmarkReplaceGraphPostgres is BenchmarkReplaceGraph on PostgreSQL:
// the same 100 graphs of 200 quads loaded into a new store (a new schema)
// per iteration, and Cayley's own writer as the baseline.
func BenchmarkReplaceGraphPostgres(b *testing.B) {
	const graphs, size = 100, 200
	data := syntheticGraphs(graphs, size)
	ctx := context.Background()
	for _, batch := range []int{1, 25, graphs, 0} {
		name := fmt.Sprintf("graphs-per-call=%d", batch)
		if batch == 0 {
			name = "cayley-writer"
		}
		b.Run(name, func(b *testing.B) {
			total := 0
			for b.Loop() {
				b.StopTimer()
				s, err := Open(ctx, pgtest.DSN(b))
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				if batch == 0 {
					total += loadWithCayley(b, s, data)
				}
				for i := 0; batch > 0 && i < len(data); i += batch {
					added, _, err := s.ReplaceGraphs(ctx, data[i:i+batch])
					if err != nil {
						b.Fatal(err)
					}
					total += added
				}
				b.StopTimer()
				if err := s.Close(); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
			}
			b.ReportMetric(float64(total)/b.Elapsed().Seconds(), "quads/s")
		})
	}
}

// TestPostgresQuadOrder checks that a graph's quads are read back in the
// order they were given, as eachQuad promises.
func TestPostgresQuadOrder(t *testing.T) {
	ctx := context.Background()
	s := openT(t, pgtest.DSN(t))
	var graphs []Graph
	for _, g := range syntheticGraphs(3, 40) {
		slices.Reverse(g.Quads) // not in any order the hashes give
		graphs = append(graphs, g)
	}
	if _, _, err := s.ReplaceGraphs(ctx, graphs); err != nil {
		t.Fatal(err)
	}
	for _, g := range graphs {
		want, err := prepareGraph(g)
		if err != nil {
			t.Fatal(err)
		}
		var got []quad.Quad
		for q, err := range s.Quads(ctx, g.Label) {
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, q)
		}
		if !slices.Equal(got, want.Quads) {
			t.Errorf("Quads(%s) =\n%v\nwant, in the order given,\n%v", g.Label, got, want.Quads)
		}
	}
}
