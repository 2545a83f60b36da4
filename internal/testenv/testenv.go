// Package testenv gives each test its own slice of the real services: a
// freshly migrated Postgres schema and an asynq queue of its own on the real
// Redis, both removed when the test ends, so tests run in parallel.
package testenv

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/hibiken/asynq"
	tailor "github.com/tailorhq/tailor"
	"github.com/tailorhq/tailor/queue"
	"github.com/tailorhq/tailor/store"
)

// DatabaseURL is the database tests create their schemas in
// (TAILOR_TEST_DATABASE_URL; default the local "test" database).
func DatabaseURL() string {
	if u := os.Getenv("TAILOR_TEST_DATABASE_URL"); u != "" {
		return u
	}
	return "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"
}

// Redis is the Redis tests use (TAILOR_TEST_REDIS_ADDR, TAILOR_TEST_REDIS_DB;
// default 127.0.0.1:6379, database 9, away from an operator's database 0).
func Redis() asynq.RedisClientOpt {
	addr := os.Getenv("TAILOR_TEST_REDIS_ADDR")
	if addr == "" {
		addr = "127.0.0.1:6379"
	}
	db := 9
	if v, err := strconv.Atoi(os.Getenv("TAILOR_TEST_REDIS_DB")); err == nil {
		db = v
	}
	return asynq.RedisClientOpt{Addr: addr, DB: db}
}

// Name returns a unique lower-case name with the prefix, such as "t_3f9a…".
func Name(prefix string) string {
	b := make([]byte, 6)
	rand.Read(b)
	return prefix + hex.EncodeToString(b)
}

// StoreConfig creates a migrated schema of the test's own and returns its
// config; the schema is dropped when the test ends.
func StoreConfig(t testing.TB) store.Config {
	t.Helper()
	cfg := store.Config{URL: DatabaseURL(), Schema: Name("t_"), MaxConns: 4}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := store.Migrate(ctx, cfg); err != nil {
		t.Fatalf("migrating test schema (run scripts/setup.sh to provide Postgres with pgvector): %v", err)
	}
	t.Cleanup(func() {
		if err := store.DropSchema(context.Background(), cfg.URL, cfg.Schema); err != nil {
			t.Errorf("dropping test schema %s: %v", cfg.Schema, err)
		}
	})
	return cfg
}

// Store opens a store on a schema of the test's own.
func Store(t testing.TB) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), StoreConfig(t))
	if err != nil {
		t.Fatalf("opening store: %v", err)
	}
	t.Cleanup(st.Close)
	return st
}

// Queue returns a queue name of the test's own; its keys are deleted from
// Redis when the test ends.
func Queue(t testing.TB) string {
	t.Helper()
	q := Name("t_")
	in := asynq.NewInspector(Redis())
	if _, err := in.Queues(); err != nil {
		in.Close()
		t.Fatalf("reaching Redis (run scripts/setup.sh): %v", err)
	}
	t.Cleanup(func() {
		defer in.Close()
		for _, name := range []string{q, queue.LowQueue(q)} {
			if err := queue.Purge(in, name); err != nil {
				t.Errorf("removing test queue: %v", err)
			}
		}
	})
	return q
}

// Logger discards logs; tests assert on behaviour, not log lines.
func Logger() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// Brief returns the sample brief of examples/acme, the one the demo uses.
func Brief(t testing.TB) tailor.Brief {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	data, err := os.ReadFile(filepath.Join(filepath.Dir(file), "..", "..", "examples", "acme", "brief.json"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := tailor.DecodeBrief(data)
	if err != nil {
		t.Fatalf("examples/acme/brief.json: %v", err)
	}
	return b
}
