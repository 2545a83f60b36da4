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

// RetrievalResult measures similarity search over a large set of past creatives.
type RetrievalResult struct {
	Creatives int `json:"creatives"`
	Brands    int `json:"brands"`
	// PerFilter is how many rows one brand and channel hold on average.
	PerFilter    int     `json:"rows_per_brand_channel"`
	LoadSeconds  float64 `json:"load_seconds"`
	BuildSeconds float64 `json:"hnsw_build_seconds"`
	Queries      int     `json:"queries"`
	// Plan names the index the planner chose for the filtered query.
	Plan string `json:"plan"`
	// Query is the filtered top-10 query; Similar is store.Similar as the
	// worker calls it (k=5, 20 candidates re-ranked by performance).
	Query    Percentiles `json:"query"`
	Similar  Percentiles `json:"store_similar"`
	Exact    Percentiles `json:"exact_query"`
	RecallAt float64     `json:"recall_at_10"`
	// Unfiltered is the top 10 over every creative, which always walks the
	// HNSW graph, with its recall against an exact scan (on at most 200 queries).
	Unfiltered       Percentiles `json:"unfiltered_query"`
	UnfilteredRecall float64     `json:"unfiltered_recall_at_10"`
	UnfilteredChecks int         `json:"unfiltered_queries_checked"`
	// ByEfSearch repeats the HNSW queries at several hnsw.ef_search values;
	// the fields above are those of the first, the default 40.
	ByEfSearch []EfResult `json:"by_ef_search"`
	// Inserts is the cost of adding past creatives.
	Inserts InsertCost `json:"inserts"`
}

const (
	approxSQL = `SELECT id FROM creatives WHERE brand_id = $1 AND channel = $2 ORDER BY embedding <=> $3 LIMIT 10`
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
	st, err := freshStore(ctx, env.dbURL, schema)
	if err != nil {
		return res, err
	}
	defer func() {
		st.Close()
		if !env.keep {
			_ = store.DropSchema(context.WithoutCancel(ctx), env.dbURL, schema)
		}
	}()
	env.logf("retrieval: loading %d creatives (%d brands × %d channels) with COPY", n, brands, len(benchChannels))
	load, build, err := loadCreatives(ctx, st, n, func(i int) string { return benchBrand((i / len(benchChannels)) % brands) }, 42)
	if err != nil {
		return res, err
	}
	res.LoadSeconds, res.BuildSeconds = load.Seconds(), build.Seconds()
	env.logf("retrieval: loaded in %.1fs, HNSW index built in %.1fs", res.LoadSeconds, res.BuildSeconds)

	emb := embeddings.Hashing{Dims: store.Dimensions}
	rng := rand.New(rand.NewPCG(4242, 2))
	type query struct {
		brand string
		ch    int
		vec   []float32
	}
	qs := make([]query, queries)
	for i := range qs {
		v, _ := emb.Embed(ctx, []string{topicText(rng, max(n/100, 10))})
		qs[i] = query{brand: benchBrand(rng.IntN(brands)), ch: rng.IntN(len(benchChannels)), vec: v[0]}
	}
	pool := st.Pool()

	var plan strings.Builder
	rows, err := pool.Query(ctx, "EXPLAIN "+approxSQL, qs[0].brand, string(benchChannels[qs[0].ch]), pgvector.NewVector(qs[0].vec))
	if err != nil {
		return res, err
	}
	lines, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return res, err
	}
	plan.WriteString(strings.Join(lines, "\n"))
	switch p := plan.String(); {
	case strings.Contains(p, "creatives_embedding"):
		res.Plan = "HNSW index (creatives_embedding), iterative scan"
	case strings.Contains(p, "creatives_brand_channel"):
		res.Plan = "btree (brand_id, channel) then exact sort"
	default:
		res.Plan = "sequential scan"
	}

	// The exact answers first, with no index: what recall is measured against.
	exactFiltered := make([][]int64, len(qs))
	exact := make([]time.Duration, len(qs))
	for i, q := range qs {
		t := time.Now()
		if exactFiltered[i], err = ids(ctx, pool, exactSQL, q.brand, benchChannels[q.ch], q.vec); err != nil {
			return res, err
		}
		exact[i] = time.Since(t)
	}
	res.Exact = percentiles(exact)
	// An exact scan of every row is slow: check the unfiltered recall on a sample.
	res.UnfilteredChecks = min(len(qs), 200)
	exactAll := make([][]int64, res.UnfilteredChecks)
	for i := range exactAll {
		if exactAll[i], err = ids(ctx, pool, exactUnfilteredSQL, qs[i].vec); err != nil {
			return res, err
		}
	}

	// store.Similar as the worker calls it, on the worker's pool settings.
	similar := make([]time.Duration, len(qs))
	for i, q := range qs {
		t := time.Now()
		if _, err := st.Similar(ctx, q.brand, benchChannels[q.ch], q.vec, 5); err != nil {
			return res, err
		}
		similar[i] = time.Since(t)
	}
	res.Similar = percentiles(similar)

	// The HNSW queries on one connection, at each ef_search.
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return res, err
	}
	defer conn.Release()
	defer conn.Exec(context.WithoutCancel(ctx), "RESET hnsw.ef_search")
	for _, ef := range efSearches {
		if _, err := conn.Exec(ctx, fmt.Sprintf("SET hnsw.ef_search = %d", ef)); err != nil {
			return res, err
		}
		e := EfResult{EfSearch: ef}
		// Warm the cache and the prepared statements before timing.
		for i := range min(20, len(qs)) {
			if _, err := ids(ctx, conn, approxSQL, qs[i].brand, benchChannels[qs[i].ch], qs[i].vec); err != nil {
				return res, err
			}
		}
		filtered := make([]time.Duration, len(qs))
		all := make([]time.Duration, len(qs))
		var hits, total, hitsAll, totalAll int
		for i, q := range qs {
			t := time.Now()
			got, err := ids(ctx, conn, approxSQL, q.brand, benchChannels[q.ch], q.vec)
			if err != nil {
				return res, err
			}
			filtered[i] = time.Since(t)
			hits += overlap(got, exactFiltered[i])
			total += len(exactFiltered[i])
			t = time.Now()
			if got, err = ids(ctx, conn, unfilteredSQL, q.vec); err != nil {
				return res, err
			}
			all[i] = time.Since(t)
			if i < len(exactAll) {
				hitsAll += overlap(got, exactAll[i])
				totalAll += len(exactAll[i])
			}
		}
		e.Filtered, e.Unfiltered = percentiles(filtered), percentiles(all)
		if total > 0 {
			e.FilteredRecall = float64(hits) / float64(total)
		}
		if totalAll > 0 {
			e.UnfilteredRecall = float64(hitsAll) / float64(totalAll)
		}
		res.ByEfSearch = append(res.ByEfSearch, e)
		env.logf("retrieval: ef_search %d: filtered p50 %.2f ms, p99 %.2f ms, recall@10 %.3f; unfiltered p50 %.2f ms, p99 %.2f ms, recall@10 %.3f",
			ef, e.Filtered.P50, e.Filtered.P99, e.FilteredRecall, e.Unfiltered.P50, e.Unfiltered.P99, e.UnfilteredRecall)
	}
	dflt := res.ByEfSearch[0] // ef_search 40, pgvector's default and the worker's
	res.Query, res.RecallAt, res.Unfiltered, res.UnfilteredRecall = dflt.Filtered, dflt.FilteredRecall, dflt.Unfiltered, dflt.UnfilteredRecall

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

// efSearches are the hnsw.ef_search values measured; the first is the default.
var efSearches = []int{40, 100, 200}

// EfResult is the HNSW queries at one hnsw.ef_search.
type EfResult struct {
	EfSearch         int         `json:"ef_search"`
	Filtered         Percentiles `json:"filtered"`
	FilteredRecall   float64     `json:"filtered_recall_at_10"`
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
