package bench

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/pgvector/pgvector-go"
	tailor "github.com/tailorhq/tailor"
	"github.com/tailorhq/tailor/embeddings"
	"github.com/tailorhq/tailor/store"
)

var benchChannels = []tailor.Channel{tailor.Email, tailor.SMS, tailor.Push}

// freshStore drops and re-creates a schema, migrates it and opens a store on it.
func freshStore(ctx context.Context, dbURL, schema string, efSearch int) (*store.Store, error) {
	if err := store.DropSchema(ctx, dbURL, schema); err != nil {
		return nil, fmt.Errorf("dropping schema %s: %w", schema, err)
	}
	cfg := store.Config{URL: dbURL, Schema: schema, EfSearch: efSearch}
	if _, err := store.Migrate(ctx, cfg); err != nil {
		return nil, err
	}
	return store.Open(ctx, cfg)
}

// loadCreatives fills the creatives table with n synthetic past creatives
// spread over brands and the three channels, with the hashing embedder: the
// schema's HNSW indexes are dropped, the rows are copied in (COPY), and the
// indexes are built again, or, with plain, only an HNSW index over the
// plain embedding (the retrieval section's comparison; it rebuilds the
// schema's own). It returns how long the build took.
func loadCreatives(ctx context.Context, st *store.Store, n int, brand func(i int) string, seed uint64, plain bool, logf func(string, ...any)) (load, build time.Duration, err error) {
	pool := st.Pool()
	defs, err := store.HNSWIndexes(ctx, pool)
	if err != nil {
		return 0, 0, err
	}
	for name := range defs {
		if _, err := pool.Exec(ctx, "DROP INDEX "+pgx.Identifier{name}.Sanitize()); err != nil {
			return 0, 0, fmt.Errorf("dropping the HNSW index %s: %w", name, err)
		}
	}
	start := time.Now()
	emb := embeddings.Hashing{Dims: store.Dimensions}
	rng := rand.New(rand.NewPCG(seed, 1))
	topics := max(n/100, 10)
	const batch = 5000
	for done := 0; done < n; done += batch {
		m := min(batch, n-done)
		texts := make([]string, m)
		for i := range texts {
			texts[i] = topicText(rng, topics)
		}
		vecs, _ := emb.Embed(ctx, texts)
		rows := make([][]any, m)
		for i := range rows {
			ch := benchChannels[(done+i)%len(benchChannels)]
			imp := int64(100 + rng.IntN(20000))
			clicks := int64(rng.IntN(int(imp/10) + 1))
			conv := int64(rng.IntN(int(clicks/5) + 1))
			rows[i] = []any{brand(done + i), string(ch), fieldsFor(ch, texts[i]), pgvector.NewVector(vecs[i]), imp, clicks, conv}
		}
		_, err := pool.CopyFrom(ctx, pgx.Identifier{"creatives"},
			[]string{"brand_id", "channel", "fields", "embedding", "impressions", "clicks", "conversions"}, pgx.CopyFromRows(rows))
		if err != nil {
			return 0, 0, fmt.Errorf("copying creatives: %w", err)
		}
	}
	load = time.Since(start)

	conn, err := pool.Acquire(ctx)
	if err != nil {
		return load, 0, err
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, buildMemory(n)); err != nil {
		return load, 0, err
	}
	defer conn.Exec(context.WithoutCancel(ctx), "RESET maintenance_work_mem")
	start = time.Now()
	if plain {
		defs = map[string]string{"creatives_embedding": "CREATE INDEX creatives_embedding ON creatives USING hnsw (embedding vector_cosine_ops)"}
	}
	for name, def := range defs {
		stop := watchBuild(ctx, st.Pool(), name, logf)
		_, err := conn.Exec(ctx, def)
		stop()
		if err != nil {
			return load, 0, fmt.Errorf("building the HNSW index %s: %w", name, err)
		}
	}
	build = time.Since(start)
	_, err = conn.Exec(ctx, "ANALYZE creatives")
	return load, build, err
}

// watchBuild logs an index build's progress every half minute, from
// pg_stat_progress_create_index, until stop is called: a build over a
// million rows takes many minutes. A nil logf watches nothing.
func watchBuild(ctx context.Context, pool *pgxpool.Pool, index string, logf func(string, ...any)) (stop func()) {
	if logf == nil {
		return func() {}
	}
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		start := time.Now()
		tick := time.NewTicker(30 * time.Second)
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
			}
			var phase string
			var tuples, blocks, totalBlocks int64
			err := pool.QueryRow(ctx, `SELECT phase, tuples_done, blocks_done, blocks_total FROM pg_stat_progress_create_index
				WHERE relid = 'creatives'::regclass LIMIT 1`).Scan(&phase, &tuples, &blocks, &totalBlocks)
			if err != nil {
				continue // between phases, or the build just ended
			}
			// pgvector reports the table's blocks scanned, not a row total.
			logf("retrieval: building %s, %s: %d rows, %d of %d blocks (%.0f %%), %s so far", index, phase, tuples,
				blocks, totalBlocks, 100*float64(blocks)/float64(max(totalBlocks, 1)), time.Since(start).Round(time.Second))
		}
	}()
	return func() { cancel(); <-done }
}

// buildMemory sets maintenance_work_mem for building HNSW indexes over n
// rows. The build is fastest when the whole graph fits: about 1.3 kB a row
// for a 448-dimension halfvec, 1.8 kB for a 384-dimension vector, with
// their neighbour lists. Past that pgvector goes on building on disk, many
// times slower (a plain index over 1,000,000 rows was 64 % built after 15
// minutes with 1 GB). 4 kB a row leaves room; never under 1 GB.
func buildMemory(n int) string {
	return fmt.Sprintf("SET maintenance_work_mem = '%dMB'", max(1024, n*4/1024))
}

// fieldsFor spreads a text over a channel's fields.
func fieldsFor(ch tailor.Channel, text string) map[string]string {
	names := ch.Spec().FieldNames()
	parts := strings.Fields(text)
	out := map[string]string{}
	for i, name := range names {
		lo, hi := i*len(parts)/len(names), (i+1)*len(parts)/len(names)
		out[name] = strings.Join(parts[lo:hi], " ")
	}
	return out
}

// prepareWorkerSchema is the state every worker run starts from: a fresh
// schema with the brief, seed past creatives of its brand and the tables of
// the minimal job.
func prepareWorkerSchema(ctx context.Context, dbURL, schema string, seed int, brief tailor.Brief) error {
	st, err := freshStore(ctx, dbURL, schema, 0)
	if err != nil {
		return err
	}
	defer st.Close()
	if _, err := st.PutBrief(ctx, brief); err != nil {
		return err
	}
	if _, _, err := loadCreatives(ctx, st, seed, func(int) string { return brief.Brand.ID }, 7, false, nil); err != nil {
		return err
	}
	_, err = st.Pool().Exec(ctx, `
		CREATE TABLE minimal_jobs (id text PRIMARY KEY, brand_id text NOT NULL, found integer NOT NULL,
			created_at timestamptz NOT NULL DEFAULT now());
		CREATE TABLE minimal_variants (job_id text NOT NULL, ordinal integer NOT NULL, body text NOT NULL,
			created_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (job_id, ordinal));`)
	return err
}
