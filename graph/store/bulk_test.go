package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"math"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	ckv "github.com/cayleygraph/cayley/graph/kv"
	cproto "github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
	bolt "go.etcd.io/bbolt"
	"google.golang.org/protobuf/proto"
)

// openCayleyPath opens a new bbolt store that writes through Cayley's own
// key-value layer, as stores without the label index do: the reference the
// loader is checked against.
func openCayleyPath(t *testing.T) *Store {
	t.Helper()
	s := openT(t, "bolt:"+filepath.Join(t.TempDir(), "cayley.db"))
	s.bolt.direct = false
	return s
}

// workload is a reproducible series of batches: new articles, articles
// replaced by versions sharing some of their quads, deleted articles, and
// articles stored unchanged, over a pool of shared entities and values.
func workload(seed uint64, rounds, articles int) [][]Graph {
	r := rand.New(rand.NewPCG(seed, 7))
	value := func() quad.Value {
		switch r.IntN(5) {
		case 0, 1:
			return quad.IRI(fmt.Sprintf("%sentity/%d", ex, r.IntN(60)))
		case 2:
			return quad.String(fmt.Sprintf("name %d", r.IntN(40)))
		case 3:
			return quad.LangString{Value: quad.String(fmt.Sprintf("mot %d", r.IntN(10))), Lang: "fr"}
		}
		return quad.TypedString{Value: quad.String(fmt.Sprintf("2024-01-%02d", 1+r.IntN(28))), Type: xsdNS + "date"}
	}
	version := func() []quad.Quad {
		quads := make([]quad.Quad, r.IntN(30))
		for i := range quads {
			s := quad.Value(quad.IRI(fmt.Sprintf("%sentity/%d", ex, r.IntN(60))))
			if r.IntN(10) == 0 {
				s = quad.BNode(fmt.Sprintf("b%d", r.IntN(5)))
			}
			quads[i] = q(s, ng(fmt.Sprintf("p%d", r.IntN(6))), value())
		}
		return quads
	}
	current := make([][]quad.Quad, articles)
	var out [][]Graph
	for range rounds {
		var batch []Graph
		for range 1 + r.IntN(6) {
			a := r.IntN(articles)
			switch r.IntN(6) {
			case 0: // deleted
				current[a] = nil
			case 1, 2: // half kept, half new
				next := version()
				for _, x := range current[a] {
					if r.IntN(2) == 0 {
						next = append(next, x)
					}
				}
				current[a] = next
			case 3: // unchanged
			default:
				current[a] = version()
			}
			batch = append(batch, Graph{Label: quad.IRI(fmt.Sprintf("%sarticle/%d", ex, a)), Quads: slices.Clone(current[a])})
		}
		out = append(out, batch)
	}
	return out
}

// TestLoaderMatchesCayley runs the same batches through the loader and
// through Cayley's own writes: the counts, the quads Cayley's iterators
// read, Gizmo queries and statistics must agree, and both files must be
// consistent in Cayley's layout.
func TestLoaderMatchesCayley(t *testing.T) {
	ctx := context.Background()
	for _, seed := range []uint64{1, 2, 3} {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			ours := openT(t, "bolt:"+filepath.Join(t.TempDir(), "ours.db"))
			if !ours.bolt.direct {
				t.Fatal("a new bbolt store is not written by the loader")
			}
			ref := openCayleyPath(t)
			for i, batch := range workload(seed, 60, 12) {
				a1, r1, err1 := ours.ReplaceGraphs(ctx, batch)
				a2, r2, err2 := ref.ReplaceGraphs(ctx, batch)
				if err1 != nil || err2 != nil || a1 != a2 || r1 != r2 {
					t.Fatalf("batch %d: loader %d added, %d removed, %v; Cayley %d, %d, %v", i, a1, r1, err1, a2, r2, err2)
				}
				if i%10 == 9 {
					compareStores(t, ours, ref)
				}
			}
			compareStores(t, ours, ref)
			checkLayout(t, ours, true)
			checkLayout(t, ref, false)
		})
	}
}

// compareStores checks that two stores hold the same quads, answer
// queries alike and count the same.
func compareStores(t *testing.T, a, b *Store) {
	t.Helper()
	if got, want := graphNQ(t, a, ""), graphNQ(t, b, ""); !slices.Equal(got, want) {
		t.Fatalf("the loader's store holds\n%s\nCayley's\n%s", strings.Join(got, ""), strings.Join(want, ""))
	}
	for _, g := range []string{
		`g.V().Count()`,
		`g.V("<` + ex + `entity/1>").Out().Out().All()`,
		`g.V("<` + ex + `entity/2>").In("<` + ngNS + `p1>").Tag("s").Out().All()`,
		`g.V("name 3").In().Has("<` + ngNS + `p2>").Count()`,
		`g.V().LabelContext("<` + ex + `article/3>").Out("<` + ngNS + `p0>").All()`,
		`g.V().Has("<` + ngNS + `p4>", "<` + ex + `entity/5>").Count()`,
	} {
		ra, err := a.Query(context.Background(), g, 10000)
		if err != nil {
			t.Fatalf("%s: %v", g, err)
		}
		rb, err := b.Query(context.Background(), g, 10000)
		if err != nil {
			t.Fatalf("%s: %v", g, err)
		}
		if ca, cb := canon(t, ra), canon(t, rb); !slices.Equal(ca, cb) {
			t.Fatalf("%s: the loader's store answers %v, Cayley's %v", g, ca, cb)
		}
	}
	if sa, sb := statsT(t, a), statsT(t, b); sa != sb {
		t.Fatalf("Stats: loader %+v, Cayley %+v", sa, sb)
	}
	for i := range 6 {
		for _, o := range []quad.Value{quad.IRI(fmt.Sprintf("%sentity/%d", ex, i)), quad.String(fmt.Sprintf("name %d", i)), quad.String("none")} {
			p := ng(fmt.Sprintf("p%d", i))
			sa, err := a.Subjects(context.Background(), p, o)
			if err != nil {
				t.Fatal(err)
			}
			sb, err := b.Subjects(context.Background(), p, o)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(sa, sb) {
				t.Fatalf("Subjects(%v, %v): loader %v, Cayley %v", p, o, sa, sb)
			}
		}
	}
}

// checkLayout checks that a bbolt store is consistent in Cayley's layout:
// every live quad is in every index once, under its values, and nothing
// else is; every node is in the value and count buckets with its number
// of references; the quad count and the ID horizon are right. With strict,
// the log holds no deleted quads and no index entry names one (the
// loader's writes); otherwise deleted quads are allowed where Cayley
// leaves them.
func checkLayout(t *testing.T, s *Store, strict bool) {
	t.Helper()
	err := s.Locked(false, func() error {
		return s.bolt.db.View(func(tx *bolt.Tx) error {
			return layoutErr(tx, s.bolt.list, strict)
		})
	})
	if err != nil {
		t.Fatalf("layout: %v", err)
	}
}

func layoutErr(tx *bolt.Tx, indexes []ckv.QuadIndex, strict bool) error {
	meta := tx.Bucket(bucketMeta)
	metaInt := func(key string) int64 {
		v := meta.Get([]byte(key))
		if len(v) != 8 {
			return 0
		}
		return int64(binary.LittleEndian.Uint64(v))
	}
	if v := metaInt("version"); v != 2 {
		return fmt.Errorf("version %d", v)
	}
	nodes := map[uint64]quad.Value{}
	quads := map[uint64]primitive{}
	var maxID uint64
	err := tx.Bucket(bucketLog).ForEach(func(k, v []byte) error {
		id := binary.BigEndian.Uint64(k)
		maxID = max(maxID, id)
		p, err := decodePrimitive(v)
		if err != nil || p.id != id {
			return fmt.Errorf("log entry %d: %+v, %v", id, p, err)
		}
		if p.value != nil {
			if nodes[id], err = pquads.UnmarshalValue(p.value); err != nil {
				return err
			}
			return nil
		}
		if p.deleted && strict {
			return fmt.Errorf("quad %d is marked deleted", id)
		}
		quads[id] = p
		return nil
	})
	if err != nil {
		return err
	}
	if h := metaInt("horizon"); uint64(h) < maxID {
		return fmt.Errorf("horizon %d below ID %d", h, maxID)
	}
	refs := map[uint64]int{}
	live := 0
	for id, p := range quads {
		if p.deleted {
			continue
		}
		live++
		for i, n := range p.dirs {
			if n == 0 && i == 3 {
				continue
			}
			if _, ok := nodes[n]; !ok {
				return fmt.Errorf("quad %d refers to node %d, not in the log", id, n)
			}
			refs[n]++
		}
	}
	if size := metaInt("size"); size != int64(live) {
		return fmt.Errorf("size %d, %d live quads", size, live)
	}
	for id, v := range nodes {
		var h valueHash
		quad.HashTo(v, h[:])
		b := tx.Bucket(valueBucket('v', h))
		if b == nil {
			return fmt.Errorf("node %d (%v) has no value bucket", id, v)
		}
		got, _ := binary.Uvarint(b.Get(h[:]))
		if got != id {
			return fmt.Errorf("value %v maps to ID %d, its log entry is %d", v, got, id)
		}
		var count uint64
		if c := tx.Bucket(valueBucket('n', h)); c != nil {
			count, _ = binary.Uvarint(c.Get(h[:]))
		}
		if int(count) != refs[id] {
			return fmt.Errorf("node %d (%v) counts %d references, has %d", id, v, count, refs[id])
		}
		if refs[id] == 0 {
			return fmt.Errorf("node %d (%v) is not used by any quad", id, v)
		}
	}
	for _, ind := range indexes {
		name := indexBucket(ind.Dirs)
		seen := map[uint64]bool{}
		err := tx.Bucket(name).ForEach(func(k, v []byte) error {
			ids, err := decodeIDs(v)
			if err != nil || len(ids) == 0 || !slices.IsSorted(ids) {
				return fmt.Errorf("index %s: entry %x holds %v, %v", name, k, ids, err)
			}
			for _, id := range ids {
				p, ok := quads[id]
				if !ok {
					return fmt.Errorf("index %s names quad %d, not in the log", name, id)
				}
				want := make([]byte, 0, len(k))
				for _, d := range ind.Dirs {
					want = binary.BigEndian.AppendUint64(want, p.dirs[dirIndex(d)])
				}
				if !bytes.Equal(k, want) {
					return fmt.Errorf("index %s: quad %d under %x, want %x", name, id, k, want)
				}
				if seen[id] {
					return fmt.Errorf("index %s names quad %d twice", name, id)
				}
				seen[id] = true
			}
			return nil
		})
		if err != nil {
			return err
		}
		for id, p := range quads {
			if !p.deleted && !seen[id] {
				return fmt.Errorf("index %s lacks quad %d", name, id)
			}
		}
	}
	return nil
}

// TestLoaderAndCayleyWrites mixes the loader's batches with writes through
// Cayley's handle (as Cayley's HTTP API makes them) on one store.
func TestLoaderAndCayleyWrites(t *testing.T) {
	ctx := context.Background()
	s := openT(t, "bolt:"+filepath.Join(t.TempDir(), "mixed.db"))
	replaceT(t, s, art1, article1(), 17, 0)
	extra := quad.Make(tom, quad.IRI(sch+"knows"), ines, art1)
	err := s.Locked(true, func() error {
		h := s.Handle()
		if err := h.AddQuad(extra); err != nil {
			return err
		}
		// Cayley marks a deleted quad in its log and leaves it in the
		// indexes: the loader must skip it.
		return h.RemoveQuad(quad.Make(ines, quad.IRI(sch+"jobTitle"), quad.String("harbour master"), art1))
	})
	if err != nil {
		t.Fatal(err)
	}
	checkLayout(t, s, false)
	fast := statsT(t, s)
	s.bolt.direct = false // counted by Cayley's iterators
	slow := statsT(t, s)
	s.bolt.direct = true
	if fast != slow || fast.Quads != 17 || fast.Graphs != 1 {
		t.Fatalf("Stats = %+v after Cayley's writes; Cayley's iterators count %+v, want 17 quads in 1 graph", fast, slow)
	}
	if got, err := s.Subjects(ctx, quad.IRI(sch+"jobTitle"), quad.String("harbour master")); err != nil || len(got) != 0 {
		t.Fatalf("Subjects of a quad Cayley deleted = %v, %v", got, err)
	}
	want := append(article1(), q(tom, quad.IRI(sch+"knows"), ines))
	want = slices.DeleteFunc(want, func(x quad.Quad) bool { return x.Object == quad.String("harbour master") })
	if got := graphNQ(t, s, art1); !slices.Equal(got, wantNQ(t, art1, want)) {
		t.Fatalf("after Cayley's writes graph 1 holds\n%s", strings.Join(got, ""))
	}
	// Replacing the graph with article 1 again: the title comes back,
	// the quad Cayley added goes.
	replaceT(t, s, art1, article1(), 1, 1)
	replaceT(t, s, art2, article2(), 7, 0)
	if got := graphNQ(t, s, art1); !slices.Equal(got, wantNQ(t, art1, article1())) {
		t.Fatalf("graph 1 holds\n%s", strings.Join(got, ""))
	}
	checkLayout(t, s, false)
	// Cayley writes again after the loader, whose new nodes it must find.
	err = s.Locked(true, func() error {
		return s.Handle().AddQuad(quad.Make(port, quad.IRI(sch+"name"), quad.String("Port Authority"), art1))
	})
	if err != nil {
		t.Fatal(err)
	}
	checkLayout(t, s, false)
	if n, err := s.DeleteGraph(ctx, art1); err != nil || n != 18 {
		t.Fatalf("DeleteGraph = %d, %v; want 18", n, err)
	}
	if got := graphNQ(t, s, ""); !slices.Equal(got, wantNQ(t, art2, article2())) {
		t.Fatalf("the store holds\n%s", strings.Join(got, ""))
	}
	checkLayout(t, s, false)
}

// TestLoaderReopen checks that the loader's writes are on disk in a form a
// new process reads: the file closed and opened again, by the store and by
// Cayley's own bbolt opener.
func TestLoaderReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "reopen.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	batches := workload(9, 20, 8)
	for _, b := range batches {
		if _, _, err := s.ReplaceGraphs(ctx, b); err != nil {
			t.Fatal(err)
		}
	}
	want := graphNQ(t, s, "")
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = openT(t, path)
	if got := graphNQ(t, s, ""); !slices.Equal(got, want) {
		t.Fatalf("reopened, the store holds %d quads, want %d", len(got), len(want))
	}
	// The same batches again change nothing.
	last := map[quad.IRI][]quad.Quad{}
	for _, b := range batches {
		for _, g := range b {
			last[g.Label] = g.Quads
		}
	}
	for label, quads := range last {
		replaceT(t, s, label, quads, 0, 0)
	}
	checkLayout(t, s, true)
}

// TestPrimitiveEncoding checks the loader's log entries against Cayley's
// protobuf messages, both ways.
func TestPrimitiveEncoding(t *testing.T) {
	value, err := pquads.MarshalValue(quad.LangString{Value: "Inês", Lang: "pt"})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []primitive{
		{id: 1, value: value, timestamp: 1732233600000000000},
		{id: 300, dirs: [4]uint64{1, 2, 3, 4}, timestamp: 5},
		{id: 1 << 40, dirs: [4]uint64{1 << 33, 7, 1 << 20, 0}},
		{id: 9, dirs: [4]uint64{1, 2, 3, 4}, deleted: true},
	} {
		want, err := proto.MarshalOptions{Deterministic: true}.Marshal(&cproto.Primitive{
			ID: p.id, Subject: p.dirs[0], Predicate: p.dirs[1], Object: p.dirs[2], Label: p.dirs[3],
			Timestamp: p.timestamp, Value: p.value, Deleted: p.deleted,
		})
		if err != nil {
			t.Fatal(err)
		}
		if got := appendPrimitive(nil, p); !bytes.Equal(got, want) {
			t.Errorf("appendPrimitive(%+v) = %x, protobuf writes %x", p, got, want)
		}
		back, err := decodePrimitive(want)
		if err != nil || back.id != p.id || back.dirs != p.dirs || back.timestamp != p.timestamp || !bytes.Equal(back.value, p.value) || back.deleted != p.deleted {
			t.Errorf("decodePrimitive(%x) = %+v, %v; want %+v", want, back, err, p)
		}
	}
	if _, err := decodePrimitive([]byte{0x08}); err == nil {
		t.Error("decodePrimitive accepted a truncated entry")
	}
}

// TestLoaderCancel checks that a batch cancelled midway leaves the store
// as it was.
func TestLoaderCancel(t *testing.T) {
	s := openT(t, "bolt:"+filepath.Join(t.TempDir(), "cancel.db"))
	replaceT(t, s, art2, article2(), 7, 0)
	ctx, cancel := context.WithCancel(context.Background())
	err := s.Locked(true, func() error {
		return s.batch(ctx, func(ctx context.Context) error {
			cancel()
			_, _, err := s.replace(ctx, []Graph{{Label: art1, Quads: mustPrepare(t, art1, article1())}})
			return err
		})
	})
	if err == nil {
		t.Fatal("a cancelled batch succeeded")
	}
	if got := graphNQ(t, s, ""); !slices.Equal(got, wantNQ(t, art2, article2())) {
		t.Fatalf("after a cancelled batch the store holds\n%s", strings.Join(got, ""))
	}
	checkLayout(t, s, true)
}

func mustPrepare(t *testing.T, label quad.IRI, quads []quad.Quad) []quad.Quad {
	t.Helper()
	g, err := prepareGraph(Graph{Label: label, Quads: quads})
	if err != nil {
		t.Fatal(err)
	}
	return g.Quads
}

// TestReleaseMapping checks that the store reads the same after the pages
// of its memory map are released, as a long ingest does after each batch.
func TestReleaseMapping(t *testing.T) {
	s := openT(t, "bolt:"+filepath.Join(t.TempDir(), "release.db"))
	for _, b := range workload(4, 10, 8) {
		if _, _, err := s.ReplaceGraphs(context.Background(), b); err != nil {
			t.Fatal(err)
		}
	}
	before := graphNQ(t, s, "")
	err := s.Locked(true, func() error {
		return s.bolt.db.View(func(tx *bolt.Tx) error {
			releaseMapping(s.bolt.db, tx.Size())
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := graphNQ(t, s, ""); !slices.Equal(got, before) {
		t.Fatalf("after releasing the map the store holds %d quads, before %d", len(got), len(before))
	}
	checkLayout(t, s, true)
}

// TestSortEntries compares sortEntries with a comparison sort on entries
// in ascending order of ID, as writeQuads makes them: keys of one to three
// IDs, small and large, with many entries under one key.
func TestSortEntries(t *testing.T) {
	byKeyThenID := func(a, b indexEntry) int {
		for i := range a.key {
			if c := cmpUint64(a.key[i], b.key[i]); c != 0 {
				return c
			}
		}
		return cmpUint64(a.id, b.id)
	}
	rng := rand.New(rand.NewPCG(7, 11))
	for _, tc := range []struct {
		n, dirs int
		max     uint64 // of a key's IDs
	}{
		{0, 2, 10}, {1, 2, 10}, {2, 3, 1}, {100, 2, 5}, {1000, 3, 300},
		{5000, 3, 1 << 20}, {5000, 2, 1 << 40}, {3000, 3, math.MaxUint64},
	} {
		entries := make([]indexEntry, tc.n)
		id := uint64(0)
		for i := range entries {
			id += 1 + rng.Uint64N(3)
			entries[i].id = id
			for k := range tc.dirs {
				entries[i].key[k] = rng.Uint64N(tc.max) + 1
				if tc.max == math.MaxUint64 {
					entries[i].key[k] = rng.Uint64()
				}
			}
		}
		want := slices.Clone(entries)
		slices.SortFunc(want, byKeyThenID)
		got, other := sortEntries(entries, make([]indexEntry, tc.n))
		if !slices.Equal(got, want) {
			t.Fatalf("%d entries, %d directions, IDs up to %d: sortEntries differs from a comparison sort", tc.n, tc.dirs, tc.max)
		}
		if tc.n > 0 && &got[0] == &other[0] {
			t.Fatalf("%d entries: the sorted slice and the other are the same", tc.n)
		}
	}
}
