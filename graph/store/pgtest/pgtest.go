// Package pgtest gives tests a PostgreSQL store of their own: a fresh
// schema in the test database, dropped when the test ends.
package pgtest

import (
	crand "crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"testing"

	_ "github.com/lib/pq" // the "postgres" database/sql driver
)

// Env names the variable holding the URL of a PostgreSQL database the
// tests may create schemas in (.ci/run sets it after starting a server):
// postgres://user:password@127.0.0.1:5432/db?sslmode=disable.
const Env = "NEWSGRAPH_TEST_POSTGRES"

// DSN makes a new schema in the test database, dropped when the test
// ends, and returns the URL of a store in it (the schema first in its
// search path). It skips the test when Env is not set.
func DSN(t testing.TB) string {
	t.Helper()
	base := os.Getenv(Env)
	if base == "" {
		t.Skipf("%s is not set: no PostgreSQL server to test on (.ci/run starts one)", Env)
	}
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("%s: %v", Env, err)
	}
	db, err := sql.Open("postgres", base)
	if err != nil {
		t.Fatal(err)
	}
	var b [8]byte
	crand.Read(b[:])
	schema := "newsgraph_test_" + hex.EncodeToString(b[:])
	if _, err := db.Exec("CREATE SCHEMA " + schema); err != nil {
		db.Close()
		t.Fatalf("create a schema in %s: %v", u.Redacted(), err)
	}
	t.Cleanup(func() {
		defer db.Close()
		if _, err := db.Exec("DROP SCHEMA " + schema + " CASCADE"); err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
		}
	})
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}
