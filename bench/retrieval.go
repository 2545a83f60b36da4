package bench

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/pgvector/pgvector-go"
	tailor "github.com/tailorhq/tailor"
	"github.com/tailorhq/tailor/embeddings"
	"github.com/tailorhq/tailor/store"
)

// RetrievalResult measures similarity search over a large set of past creatives.
type RetrievalResult struct {
	Creatives int `json:"creatives"`
	Brands    int `json:"brands"`
	// PerFilter is how many rows one brand and channel hold on average.
	PerFilter   int     `json:"rows_per_brand_channel"`
	LoadSeconds float64 `json:"load_seconds"`
	// BuildSeconds is the build of the schema's retrieval index (migration
	// 004: HNSW over the grouped vector), the one store.Similar uses.
	BuildSeconds float64 `json:"hnsw_build_seconds"`
	// UngroupedBuildSeconds is the build of an HNSW index over the plain
	// embedding, which the benchmark adds for the unfiltered and the
	// ungrouped comparison queries (and drops before measuring inserts).
	UngroupedBuildSeconds float64 `json:"hnsw_ungrouped_build_seconds"`
	Queries               int     `json:"queries"`
	// Plan names the index the planner chose for the worker's filtered query.
	Plan string `json:"plan"`
	// EfSearch is the worker's hnsw.ef_search: -ef-search, or the server's
	// setting (pgvector's default 40 unless the database or role sets it).
	EfSearch int `json:"ef_search"`
	// SharedBuffers is Postgres's buffer cache and IndexMB the size of the
	// worker's HNSW index: an index larger than the cache is read through
	// the operating system's, page by page, which makes queries slower.
	SharedBuffers string  `json:"shared_buffers"`
	IndexMB       float64 `json:"index_mb"`
	// Query is the worker's filtered query (store.Nearest, top 10, at the
	// worker's ef_search); Similar is store.Similar as the worker calls it
	// (k=5, 20 candidates re-ranked by performance).
	Query    Percentiles `json:"query"`
	Similar  Percentiles `json:"store_similar"`
	Exact    Percentiles `json:"exact_query"`
	RecallAt float64     `json:"recall_at_10"`
	// QueryCPUMs is the Postgres backend's CPU per filtered query (the worker's ef_search).
	QueryCPUMs float64 `json:"query_cpu_ms"`
	// Ungrouped is the filtered query as it was before migration 004: the
	// plain-embedding HNSW index with iterative scan, for comparison.
	Ungrouped       Percentiles `json:"ungrouped_query"`
	UngroupedRecall float64     `json:"ungrouped_recall_at_10"`
	UngroupedCPUMs  float64     `json:"ungrouped_query_cpu_ms"`
	ExactCPUMs      float64     `json:"exact_query_cpu_ms"`
	// Unfiltered is the top 10 over every creative, which always walks the
	// HNSW graph, with its recall against an exact scan (on at most 200 queries).
	Unfiltered       Percentiles `json:"unfiltered_query"`
	UnfilteredRecall float64     `json:"unfiltered_recall_at_10"`
	UnfilteredChecks int         `json:"unfiltered_queries_checked"`
	// ByEfSearch repeats the HNSW queries at several hnsw.ef_search values;
	// the fields above are those of the first, the worker's.
	ByEfSearch []EfResult `json:"by_ef_search"`
	// Inserts is the cost of adding past creatives.
	Inserts InsertCost `json:"inserts"`
}

const (
	// ungroupedSQL is the worker's query before migration 004, on the plain HNSW index.
	ungroupedSQL = `SELECT id FROM creatives WHERE brand_id = $1 AND channel = $2 ORDER BY embedding <=> $3 LIMIT 10`
	// Adding zero to the distance keeps the planner off the HNSW index: an exact scan.
	exactSQL           = `SELECT id FROM creatives WHERE brand_id = $1 AND channel = $2 ORDER BY (embedding <=> $3) + 0 LIMIT 10`
	unfilteredSQL      = `SELECT id FROM creatives ORDER BY embedding <=> $1 LIMIT 10`
	exactUnfilteredSQL = `SELECT id FROM creatives ORDER BY (embedding <=> $1) + 0 LIMIT 10`
)

// overlap counts the ids of want that got holds.
func overlap(got, want []int64) int {
	seen := map[int64]bool{}
	for _, id := range got {
		seen[id] = true
	}
	n := 0
	for _, id := range want {
		if seen[id] {
			n++
		}
	}
	return n
}

func runRetrieval(ctx context.Context, env *runEnv, n, brands, queries int) (RetrievalResult, error) {
	res := RetrievalResult{Creatives: n, Brands: brands, Queries: queries}
	if len(benchChannels)*brands > 0 {
		res.PerFilter = n / (len(benchChannels) * brands)
	}
	schema := env.schemaPrefix + "_retrieval"
	st, err := freshStore(ctx, env.dbURL, schema, env.cfg.EfSearch)
	if err != nil {
		return res, err
	}
	defer func() {
		st.Close()
		if !env.keep {
			_ = store.DropSchema(context.WithoutCancel(ctx), env.dbURL, schema)
		}
	}()
	pool := st.Pool()
	// loadCreatives drops the schema's own HNSW index for the load and
	// builds a plain one instead; the schema's is built again below.
	defs, err := store.HNSWIndexes(ctx, pool)
	if err != nil {
		return res, err
	}
	env.logf("retrieval: loading %d creatives (%d brands × %d channels) with COPY", n, brands, len(benchChannels))
	load, build, err := loadCreatives(ctx, st, n, func(i int) string { return benchBrand((i / len(benchChannels)) % brands) }, 42, true, env.logf)
	if err != nil {
		return res, err
	}
	res.LoadSeconds, res.UngroupedBuildSeconds = load.Seconds(), build.Seconds()
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return res, err
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, buildMemory(n)); err != nil {
		return res, err
	}
	start := time.Now()
	for name, def := range defs {
		stop := watchBuild(ctx, pool, name, env.logf)
		_, err := conn.Exec(ctx, def)
		stop()
		if err != nil {
			return res, fmt.Errorf("building %s: %w", name, err)
		}
	}
	res.BuildSeconds = time.Since(start).Seconds()
	if _, err := conn.Exec(ctx, "RESET maintenance_work_mem"); err != nil {
		return res, err
	}
	if _, err := conn.Exec(ctx, "ANALYZE creatives"); err != nil {
		return res, err
	}
	env.logf("retrieval: loaded in %.1fs, retrieval HNSW index built in %.1fs (plain-embedding HNSW index for comparison in %.1fs)",
		res.LoadSeconds, res.BuildSeconds, res.UngroupedBuildSeconds)

	emb := embeddings.Hashing{Dims: store.Dimensions}
	rng := rand.New(rand.NewPCG(4242, 2))
	type query struct {
		brand string
		ch    tailor.Channel
		vec   []float32
	}
	qs := make([]query, queries)
	for i := range qs {
		v, _ := emb.Embed(ctx, []string{topicText(rng, max(n/100, 10))})
		qs[i] = query{brand: benchBrand(rng.IntN(brands)), ch: benchChannels[rng.IntN(len(benchChannels))], vec: v[0]}
	}

	plan, err := store.ExplainSimilar(ctx, conn, qs[0].brand, qs[0].ch, qs[0].vec, 5)
	if err != nil {
		return res, err
	}
	switch {
	case strings.Contains(plan, "creatives_embedding_grouped"):
		res.Plan = "HNSW index over the grouped vector (creatives_embedding_grouped), iterative scan"
	case strings.Contains(plan, "creatives_embedding"):
		res.Plan = "HNSW index (creatives_embedding), iterative scan"
	case strings.Contains(plan, "creatives_brand_channel"):
		res.Plan = "btree (brand_id, channel) then exact sort"
	default:
		res.Plan = "sequential scan"
	}

	var pid int32
	if err := conn.QueryRow(ctx, "SELECT pg_backend_pid()").Scan(&pid); err != nil {
		return res, err
	}
	// timed runs f on every query and returns the times and the backend's CPU per query.
	timed := func(f func(i int) error) ([]time.Duration, float64, error) {
		out := make([]time.Duration, len(qs))
		c0, err := procCPU(int(pid))
		if err != nil {
			return nil, 0, err
		}
		for i := range qs {
			t := time.Now()
			if err := f(i); err != nil {
				return nil, 0, err
			}
			out[i] = time.Since(t)
		}
		c1, err := procCPU(int(pid))
		return out, ms(c1-c0) / float64(len(qs)), err
	}

	// The exact answers first, with no index: what recall is measured against.
	env.logf("retrieval: exact answers for %d queries, filtered and (for %d) unfiltered: slow on a large table",
		len(qs), min(len(qs), 200))
	exactFiltered := make([][]int64, len(qs))
	exact, exactCPU, err := timed(func(i int) (err error) {
		exactFiltered[i], err = ids(ctx, conn, exactSQL, qs[i].brand, string(qs[i].ch), qs[i].vec)
		return err
	})
	if err != nil {
		return res, err
	}
	res.Exact, res.ExactCPUMs = percentiles(exact), exactCPU
	// An exact scan of every row is slow: check the unfiltered recall on a sample.
	res.UnfilteredChecks = min(len(qs), 200)
	exactAll := make([][]int64, res.UnfilteredChecks)
	for i := range exactAll {
		if exactAll[i], err = ids(ctx, conn, exactUnfilteredSQL, qs[i].vec); err != nil {
			return res, err
		}
	}

	// store.Similar as the worker calls it, on the worker's pool settings.
	for i := range min(20, len(qs)) { // warm up
		if _, err := st.Similar(ctx, qs[i].brand, qs[i].ch, qs[i].vec, 5); err != nil {
			return res, err
		}
	}
	similar := make([]time.Duration, len(qs))
	for i, q := range qs {
		t := time.Now()
		if _, err := st.Similar(ctx, q.brand, q.ch, q.vec, 5); err != nil {
			return res, err
		}
		similar[i] = time.Since(t)
	}
	res.Similar = percentiles(similar)

	// The HNSW queries on one connection, at each ef_search: the worker's
	// (store.Nearest, top 10), the ungrouped one it replaced, the unfiltered one.
	defer conn.Exec(context.WithoutCancel(ctx), "RESET hnsw.ef_search")
	nearest := func(i int) ([]int64, error) {
		cs, err := store.Nearest(ctx, conn, qs[i].brand, qs[i].ch, qs[i].vec, 10)
		out := make([]int64, len(cs))
		for j, c := range cs {
			out[j] = c.ID
		}
		return out, err
	}
	recall := func(got [][]int64, want [][]int64) float64 {
		var hits, total int
		for i := range want {
			hits += overlap(got[i], want[i])
			total += len(want[i])
		}
		if total == 0 {
			return 0
		}
		return float64(hits) / float64(total)
	}
	// The worker's setting first: what a connection of its pool has.
	var workerEf string
	// (Unset and pgvector not yet loaded in the session: its default, 40.)
	if err := st.Pool().QueryRow(ctx, "SELECT coalesce(current_setting('hnsw.ef_search', true), '40')").Scan(&workerEf); err != nil {
		return res, err
	}
	if res.EfSearch, err = strconv.Atoi(workerEf); err != nil {
		return res, fmt.Errorf("hnsw.ef_search %q: %w", workerEf, err)
	}
	if err := conn.QueryRow(ctx, `SELECT current_setting('shared_buffers'),
		pg_relation_size('creatives_embedding_grouped') / 1048576.0`).Scan(&res.SharedBuffers, &res.IndexMB); err != nil {
		return res, err
	}
	efs := []int{res.EfSearch}
	for _, ef := range env.cfg.EfSweep {
		if ef != res.EfSearch && !slices.Contains(efs, ef) {
			efs = append(efs, ef)
		}
	}
	for _, ef := range efs {
		if _, err := conn.Exec(ctx, fmt.Sprintf("SET hnsw.ef_search = %d", ef)); err != nil {
			return res, err
		}
		e := EfResult{EfSearch: ef}
		// Warm the cache and the prepared statements before timing: before
		// the first ef_search every query once, so that the first row is not
		// measured on a cold index (a freshly built one is mostly outside
		// shared_buffers: at 1,000,000 creatives its p99 was 7× the next).
		warm := 20
		if len(res.ByEfSearch) == 0 {
			warm = len(qs)
		}
		for i := range min(warm, len(qs)) {
			if _, err := nearest(i); err != nil {
				return res, err
			}
			if _, err := ids(ctx, conn, ungroupedSQL, qs[i].brand, string(qs[i].ch), qs[i].vec); err != nil {
				return res, err
			}
			if _, err := ids(ctx, conn, unfilteredSQL, qs[i].vec); err != nil {
				return res, err
			}
		}
		got := make([][]int64, len(qs))
		filtered, cpu, err := timed(func(i int) (err error) { got[i], err = nearest(i); return err })
		if err != nil {
			return res, err
		}
		e.Filtered, e.FilteredCPUMs, e.FilteredRecall = percentiles(filtered), cpu, recall(got, exactFiltered)
		ungrouped, cpu, err := timed(func(i int) (err error) {
			got[i], err = ids(ctx, conn, ungroupedSQL, qs[i].brand, string(qs[i].ch), qs[i].vec)
			return err
		})
		if err != nil {
			return res, err
		}
		e.Ungrouped, e.UngroupedCPUMs, e.UngroupedRecall = percentiles(ungrouped), cpu, recall(got, exactFiltered)
		all, _, err := timed(func(i int) (err error) { got[i], err = ids(ctx, conn, unfilteredSQL, qs[i].vec); return err })
		if err != nil {
			return res, err
		}
		e.Unfiltered, e.UnfilteredRecall = percentiles(all), recall(got[:len(exactAll)], exactAll)
		res.ByEfSearch = append(res.ByEfSearch, e)
		env.logf("retrieval: ef_search %d: filtered p50 %.2f ms, p99 %.2f ms, recall@10 %.3f, %.2f ms CPU; "+
			"ungrouped p50 %.2f ms, p99 %.2f ms, recall@10 %.3f, %.2f ms CPU; unfiltered p50 %.2f ms, p99 %.2f ms, recall@10 %.3f",
			ef, e.Filtered.P50, e.Filtered.P99, e.FilteredRecall, e.FilteredCPUMs,
			e.Ungrouped.P50, e.Ungrouped.P99, e.UngroupedRecall, e.UngroupedCPUMs,
			e.Unfiltered.P50, e.Unfiltered.P99, e.UnfilteredRecall)
	}
	dflt := res.ByEfSearch[0] // the worker's ef_search
	res.Query, res.RecallAt, res.QueryCPUMs = dflt.Filtered, dflt.FilteredRecall, dflt.FilteredCPUMs
	res.Ungrouped, res.UngroupedRecall, res.UngroupedCPUMs = dflt.Ungrouped, dflt.UngroupedRecall, dflt.UngroupedCPUMs
	res.Unfiltered, res.UnfilteredRecall = dflt.Unfiltered, dflt.UnfilteredRecall
	env.logf("retrieval: exact filtered p50 %.2f ms, p99 %.2f ms, %.2f ms CPU; store.Similar p50 %.2f ms, p99 %.2f ms",
		res.Exact.P50, res.Exact.P99, res.ExactCPUMs, res.Similar.P50, res.Similar.P99)

	// Inserts meet the schema's indexes only, as in production.
	if _, err := conn.Exec(ctx, "DROP INDEX creatives_embedding"); err != nil {
		return res, err
	}
	if res.Inserts, err = insertCost(ctx, conn, rng, n, 100); err != nil {
		return res, fmt.Errorf("measuring inserts: %w", err)
	}
	env.logf("retrieval: an insert costs %.2f ms of Postgres CPU with the HNSW index, %.2f ms without",
		res.Inserts.HNSWCPUMs, res.Inserts.PlainCPUMs)
	return res, nil
}

// InsertCost is what storing an approved variant as a past creative costs
// Postgres: rows inserted nine to a transaction, as SaveJob does, into the
// HNSW-indexed creatives table and into a copy of it without indexes.
type InsertCost struct {
	Rows        int     `json:"rows"`
	HNSWCPUMs   float64 `json:"hnsw_cpu_ms_per_row"`
	PlainCPUMs  float64 `json:"plain_cpu_ms_per_row"`
	HNSWWallMs  float64 `json:"hnsw_wall_ms_per_row"`
	PlainWallMs float64 `json:"plain_wall_ms_per_row"`
}

// insertCost measures the backend's CPU time (/proc/<pid>/stat) over
// transactions of nine inserts each.
func insertCost(ctx context.Context, conn *pgxpool.Conn, rng *rand.Rand, n, txs int) (InsertCost, error) {
	res := InsertCost{Rows: 9 * txs}
	var pid int32
	if err := conn.QueryRow(ctx, "SELECT pg_backend_pid()").Scan(&pid); err != nil {
		return res, err
	}
	if _, err := conn.Exec(ctx, "CREATE TABLE creatives_plain (LIKE creatives INCLUDING DEFAULTS)"); err != nil {
		return res, err
	}
	emb := embeddings.Hashing{Dims: store.Dimensions}
	rows := make([][]any, res.Rows)
	for i := range rows {
		text := topicText(rng, max(n/100, 10))
		v, _ := emb.Embed(ctx, []string{text})
		rows[i] = []any{benchBrand(i % 10), string(tailor.Email), fieldsFor(tailor.Email, text), pgvector.NewVector(v[0])}
	}
	measure := func(table string) (cpu, wall time.Duration, err error) {
		c0, err := procCPU(int(pid))
		if err != nil {
			return 0, 0, err
		}
		start := time.Now()
		for t := range txs {
			err := pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
				b := &pgx.Batch{}
				for _, r := range rows[9*t : 9*t+9] {
					b.Queue("INSERT INTO "+table+" (brand_id, channel, fields, embedding) VALUES ($1, $2, $3, $4)", r...)
				}
				return tx.SendBatch(ctx, b).Close()
			})
			if err != nil {
				return 0, 0, err
			}
		}
		wall = time.Since(start)
		c1, err := procCPU(int(pid))
		return c1 - c0, wall, err
	}
	cpu, wall, err := measure("creatives")
	if err != nil {
		return res, err
	}
	res.HNSWCPUMs, res.HNSWWallMs = ms(cpu)/float64(res.Rows), ms(wall)/float64(res.Rows)
	if cpu, wall, err = measure("creatives_plain"); err != nil {
		return res, err
	}
	res.PlainCPUMs, res.PlainWallMs = ms(cpu)/float64(res.Rows), ms(wall)/float64(res.Rows)
	return res, nil
}

// LeastEfForRecall returns the measurement with the smallest ef_search whose
// filtered recall@10 reaches recall.
func (r RetrievalResult) LeastEfForRecall(recall float64) (EfResult, bool) {
	var best EfResult
	found := false
	for _, e := range r.ByEfSearch {
		if e.FilteredRecall >= recall && (!found || e.EfSearch < best.EfSearch) {
			best, found = e, true
		}
	}
	return best, found
}

// EfResult is the HNSW queries at one hnsw.ef_search.
type EfResult struct {
	EfSearch         int         `json:"ef_search"`
	Filtered         Percentiles `json:"filtered"`
	FilteredRecall   float64     `json:"filtered_recall_at_10"`
	FilteredCPUMs    float64     `json:"filtered_cpu_ms"`
	Ungrouped        Percentiles `json:"ungrouped"`
	UngroupedRecall  float64     `json:"ungrouped_recall_at_10"`
	UngroupedCPUMs   float64     `json:"ungrouped_cpu_ms"`
	Unfiltered       Percentiles `json:"unfiltered"`
	UnfilteredRecall float64     `json:"unfiltered_recall_at_10"`
}

func ids(ctx context.Context, q interface {
	Query(context.Context, string, ...any) (pgx.Rows, error)
}, sql string, args ...any) ([]int64, error) {
	for i, a := range args {
		if v, ok := a.([]float32); ok {
			args[i] = pgvector.NewVector(v)
		}
	}
	rows, err := q.Query(ctx, sql, args...)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[int64])
}

// RunRetrieval runs the retrieval measurement alone (tailor-bench -only
// retrieval): no Redis, no worker runs.
func RunRetrieval(ctx context.Context, cfg Config) (RetrievalResult, error) {
	cfg = cfg.withDefaults()
	if cfg.DatabaseURL == "" {
		return RetrievalResult{}, errors.New("bench: a database URL is required")
	}
	env := &runEnv{cfg: cfg, dbURL: cfg.DatabaseURL, schemaPrefix: cfg.SchemaPrefix, keep: cfg.Keep, log: cfg.Log}
	return runRetrieval(ctx, env, cfg.RetrievalCreatives, cfg.RetrievalBrands, cfg.RetrievalQueries)
}
