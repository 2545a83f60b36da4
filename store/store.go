// Package store keeps Tailor's state in Postgres: briefs, jobs, variants and
// the past creatives with their pgvector embeddings. It owns the schema
// (embedded migrations) and every SQL statement, including similarity search.
package store

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"regexp"
	"sync"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	pgxvec "github.com/pgvector/pgvector-go/pgx"
)

// Config says where the database is. Zero values mean the defaults.
type Config struct {
	// URL is a Postgres connection string.
	URL string
	// Schema, when set, holds Tailor's tables instead of public; public stays
	// on the search path for the vector type. Tests use one schema each.
	Schema string
	// MaxConns caps the pool (default: pgxpool's, 4 or the number of CPUs).
	MaxConns int32
	// EfSearch is hnsw.ef_search for retrieval: how many candidates a
	// graph walk keeps (0: the server's setting, pgvector's default 40).
	// More finds more of the true nearest creatives for more CPU a query.
	// 40 gives recall@10 0.97 with about 3,000 creatives per brand and
	// channel; about 30,000 need 150 for 0.95 (tailor-bench -only retrieval).
	EfSearch int
}

// maxEfSearch is pgvector's upper bound for hnsw.ef_search.
const maxEfSearch = 1000

// DefaultURL is used when Config.URL is empty.
const DefaultURL = "postgres://postgres@127.0.0.1:5432/tailor?sslmode=disable"

// Dimensions is the embedding dimension of this schema (vector(384)).
const Dimensions = 384

// Store is a handle on the database. It is safe for concurrent use.
type Store struct {
	pool *pgxpool.Pool
	// briefs caches registered briefs: a version never changes once
	// registered, and every job reads one.
	briefs sync.Map // tailor.BriefRef → tailor.Brief
}

var schemaName = regexp.MustCompile(`^[a-z_][a-z0-9_]{0,62}$`)

func poolConfig(cfg Config) (*pgxpool.Config, error) {
	pc, err := pgxpool.ParseConfig(cmp.Or(cfg.URL, DefaultURL))
	if err != nil {
		return nil, fmt.Errorf("parsing database URL: %w", err)
	}
	if cfg.Schema != "" {
		if !schemaName.MatchString(cfg.Schema) {
			return nil, fmt.Errorf("schema %q: want lower-case letters, digits and _", cfg.Schema)
		}
		pc.ConnConfig.RuntimeParams["search_path"] = cfg.Schema + ",public"
	}
	if cfg.MaxConns > 0 {
		pc.MaxConns = cfg.MaxConns
	}
	if cfg.EfSearch < 0 || cfg.EfSearch > maxEfSearch {
		return nil, fmt.Errorf("ef_search %d: want 1 to %d, or 0 for the server's setting", cfg.EfSearch, maxEfSearch)
	}
	return pc, nil
}

// Open connects to a migrated database. It fails with a clear error when the
// schema is behind the binary: run `tailor migrate` first.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	pc, err := poolConfig(cfg)
	if err != nil {
		return nil, err
	}
	pc.AfterConnect = func(ctx context.Context, conn *pgx.Conn) error {
		if err := pgxvec.RegisterTypes(ctx, conn); err != nil {
			return fmt.Errorf("registering pgvector types (is the vector extension created? run tailor migrate): %w", err)
		}
		// Without it a filtered HNSW search returns only a few of k rows.
		set := "SET hnsw.iterative_scan = relaxed_order"
		if cfg.EfSearch > 0 {
			set += fmt.Sprintf("; SET hnsw.ef_search = %d", cfg.EfSearch)
		}
		_, err := conn.Exec(ctx, set)
		return err
	}
	pool, err := pgxpool.NewWithConfig(ctx, pc)
	if err != nil {
		return nil, fmt.Errorf("connecting to postgres: %w", err)
	}
	s := &Store{pool: pool}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("connecting to postgres: %w", err)
	}
	if err := s.checkVersion(ctx); err != nil {
		pool.Close()
		return nil, err
	}
	return s, nil
}

// Close releases the pool.
func (s *Store) Close() { s.pool.Close() }

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error { return s.pool.Ping(ctx) }

// Pool exposes the pool to the few callers (benchmarks, tests) that need raw SQL.
func (s *Store) Pool() *pgxpool.Pool { return s.pool }

func (s *Store) checkVersion(ctx context.Context) error {
	var have int
	err := s.pool.QueryRow(ctx, "SELECT coalesce(max(version), 0) FROM schema_migrations").Scan(&have)
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) && pgErr.Code == "42P01" { // undefined_table
		return errors.New("the database has no Tailor schema yet: run tailor migrate")
	}
	if err != nil {
		return fmt.Errorf("reading schema version: %w", err)
	}
	want := len(migrations())
	if have != want {
		return fmt.Errorf("database schema is at version %d, this binary needs %d: run tailor migrate", have, want)
	}
	return nil
}

// ErrConflict is returned when a write would change something immutable,
// such as a registered brief version.
var ErrConflict = errors.New("conflict")
