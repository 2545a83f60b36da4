package store

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/pgvector/pgvector-go"
	tailor "github.com/tailorhq/tailor"
)

// AddCreatives stores past creatives with their embeddings in one batch.
func (s *Store) AddCreatives(ctx context.Context, cs []tailor.NewCreative, vectors [][]float32) ([]int64, error) {
	if len(cs) != len(vectors) {
		return nil, fmt.Errorf("adding creatives: %d creatives but %d vectors", len(cs), len(vectors))
	}
	batch := &pgx.Batch{}
	for i, c := range cs {
		batch.Queue(`INSERT INTO creatives (brand_id, channel, fields, embedding, impressions, clicks, conversions)
			VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
			c.BrandID, c.Channel, c.Fields, pgvector.NewVector(vectors[i]), c.Impressions, c.Clicks, c.Conversions)
	}
	ids := make([]int64, len(cs))
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		results := tx.SendBatch(ctx, batch)
		defer results.Close()
		for i := range cs {
			if err := results.QueryRow().Scan(&ids[i]); err != nil {
				return err
			}
		}
		return results.Close()
	})
	if err != nil {
		return nil, fmt.Errorf("adding creatives: %w", err)
	}
	return ids, nil
}

// Retrieval ranks by similarity × performance among the nearest candidates.
const (
	candidatesPerResult = 4
	// A creative with no outcomes yet scores the prior, 1 %, below what a
	// proven creative earns, so new copy does not crowd out what worked
	// until its outcomes come in.
	priorHits, priorViews = 0.2, 20.0
	// goodRate is a performance that counts as good (5 %).
	goodRate = 0.05
)

// Similar returns the k past creatives of the brand and channel nearest to
// the query vector, re-ranked by similarity weighted by how they performed.
// A variant Tailor wrote itself joins them only once outcomes come in for it
// (AddOutcome): otherwise a night's first copy, unproven, would echo into all
// the rest.
func (s *Store) Similar(ctx context.Context, brandID string, ch tailor.Channel, query []float32, k int) ([]tailor.Creative, error) {
	by, err := s.SimilarByChannel(ctx, brandID, []tailor.Channel{ch}, query, k)
	return by[ch], err
}

// SimilarByChannel is Similar for several channels of one query in one
// round trip: a job retrieves once for all its channels.
func (s *Store) SimilarByChannel(ctx context.Context, brandID string, chs []tailor.Channel, query []float32, k int) (map[tailor.Channel][]tailor.Creative, error) {
	if k <= 0 || len(chs) == 0 {
		return map[tailor.Channel][]tailor.Creative{}, nil
	}
	names := make([]string, len(chs))
	grouped := make([]pgvector.HalfVector, len(chs))
	for i, ch := range chs {
		names[i], grouped[i] = string(ch), GroupedQuery(brandID, ch, query)
	}
	rows, err := s.pool.Query(ctx, similarSQL, brandID, names, grouped, k*candidatesPerResult, k)
	if err != nil {
		return nil, fmt.Errorf("retrieving similar creatives: %w", err)
	}
	out := make(map[tailor.Channel][]tailor.Creative, len(chs))
	var c tailor.Creative
	_, err = pgx.ForEachRow(rows, []any{&c.Channel, &c.ID, &c.Fields, &c.Similarity, &c.Performance, &c.Score}, func() error {
		c.BrandID = brandID
		out[c.Channel] = append(out[c.Channel], c)
		c = tailor.Creative{}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("retrieving similar creatives: %w", err)
	}
	return out, nil
}

// Querier runs a query: a pool, a connection or a transaction.
type Querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
}

// performanceSQL and scoreSQL rank past creatives. Performance is (clicks
// + 3·conversions + priorHits) / (impressions + priorViews). The score
// weighs similarity by performance, by a factor from 0.5 (no outcomes) to
// 1.5 (twice the good rate or more), so a proven creative beats a somewhat
// more similar unproven one, never a far more similar one.
var (
	performanceSQL = fmt.Sprintf("(clicks + 3 * conversions + %g::float8) / (impressions + %g::float8)", priorHits, priorViews)
	scoreSQL       = fmt.Sprintf("similarity * (0.5 + 0.5 * least(performance / %g::float8, 2))", goodRate)
)

// nearestRows is the search both queries below run: the n (limit) nearest
// creatives of the brand ($1) and a channel by the grouped vector of
// migration 004 (the stored column creatives.grouped, half precision, under
// the HNSW index creatives_embedding_grouped). Within one brand and channel
// its cosine order is the embedding's own, and the graph keeps the search
// inside the group, so the filter rarely rejects a row.
//
// Similarity is the cosine of the embeddings, worked out from the grouped
// distance the search has already computed: within a group that distance
// is (1 − cosine) / 5 (see migration 004), so the cosine is 1 − 5·distance,
// to half precision (within about 1e-3). Reading the embedding instead
// would fetch each candidate's 1.5 kB vector from its TOAST table: a
// seventh of the query's cost, for digits nobody ranks by.
func nearestRows(channel, grouped, limit string) string {
	return `SELECT id, fields, 1 - ` + strconv.Itoa(groupNorm2) + ` * (grouped <=> ` + grouped + `) AS similarity, ` + performanceSQL + ` AS performance,
		grouped <=> ` + grouped + ` AS distance
	FROM creatives WHERE brand_id = $1 AND channel = ` + channel + `
	ORDER BY grouped <=> ` + grouped + ` LIMIT ` + limit
}

// nearestSQL is Nearest's query, nearest first.
var nearestSQL = `SELECT id, fields, similarity, performance, ` + scoreSQL + ` AS score
FROM (` + nearestRows("$2", "$4::halfvec(448)", "$3") + `) nearest
ORDER BY distance`

// similarSQL runs the search for each channel ($2, with its grouped query
// in $3) and keeps the k ($5) best scored of its n ($4) nearest: only those
// rows' fields are sent back.
var similarSQL = `SELECT q.channel, best.* FROM unnest($2::text[], $3::halfvec(448)[]) AS q (channel, grouped)
CROSS JOIN LATERAL (
	SELECT id, fields, similarity, performance, ` + scoreSQL + ` AS score
	FROM (` + nearestRows("q.channel", "q.grouped", "$4") + `) nearest
	ORDER BY score DESC, distance
	LIMIT $5) best`

// Nearest returns the n past creatives of the brand and channel nearest to
// the query vector by cosine, through the HNSW index on a large table (so
// approximately), nearest first, with their similarity, performance and
// score.
// Benchmarks call it to measure the index on a connection of their own.
func Nearest(ctx context.Context, q Querier, brandID string, ch tailor.Channel, query []float32, n int) ([]tailor.Creative, error) {
	if n <= 0 {
		return nil, nil
	}
	rows, err := q.Query(ctx, nearestSQL, brandID, string(ch), n, GroupedQuery(brandID, ch, query))
	if err != nil {
		return nil, fmt.Errorf("retrieving similar creatives: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (tailor.Creative, error) {
		c := tailor.Creative{BrandID: brandID, Channel: ch}
		err := row.Scan(&c.ID, &c.Fields, &c.Similarity, &c.Performance, &c.Score)
		return c, err
	})
	if err != nil {
		return nil, fmt.Errorf("retrieving similar creatives: %w", err)
	}
	return out, nil
}

// ExplainSimilar returns the plan of the worker's retrieval (Similar,
// SimilarByChannel) for one channel and k results.
func ExplainSimilar(ctx context.Context, q Querier, brandID string, ch tailor.Channel, query []float32, k int) (string, error) {
	rows, err := q.Query(ctx, "EXPLAIN "+similarSQL, brandID, []string{string(ch)}, []pgvector.HalfVector{GroupedQuery(brandID, ch, query)},
		k*candidatesPerResult, k)
	if err != nil {
		return "", fmt.Errorf("explaining retrieval: %w", err)
	}
	lines, err := pgx.CollectRows(rows, pgx.RowTo[string])
	return strings.Join(lines, "\n"), err
}

// HNSWIndexes returns the names and definitions of the HNSW indexes on the
// current schema's creatives table. It filters on the catalogs before
// asking for a definition: pg_indexes would work out every index's
// definition in the database first, and fail on one that another session
// is dropping at that moment.
func HNSWIndexes(ctx context.Context, q Querier) (map[string]string, error) {
	rows, err := q.Query(ctx, `SELECT ix.relname, pg_get_indexdef(ix.oid)
		FROM pg_index i
		JOIN pg_class ix ON ix.oid = i.indexrelid
		JOIN pg_class tbl ON tbl.oid = i.indrelid
		JOIN pg_am am ON am.oid = ix.relam
		WHERE tbl.relnamespace = current_schema()::regnamespace AND tbl.relname = 'creatives' AND am.amname = 'hnsw'`)
	if err != nil {
		return nil, fmt.Errorf("listing HNSW indexes: %w", err)
	}
	defs := map[string]string{}
	var name, def string
	_, err = pgx.ForEachRow(rows, []any{&name, &def}, func() error { defs[name] = def; return nil })
	if err != nil {
		return nil, fmt.Errorf("listing HNSW indexes: %w", err)
	}
	return defs, nil
}

// GroupedQuery is migration 004's creatives_grouped for a query, worked out
// here: the unit vector followed by 64 components of ±0.25, the bits of
// the first 8 bytes of sha256("channel:brand"), most significant first.
// Passing it as a value, rather than calling the SQL function in ORDER BY,
// lets Postgres compare it to the stored column without calling the
// function for each row of a plan that sorts.
func GroupedQuery(brandID string, ch tailor.Channel, query []float32) pgvector.HalfVector {
	out := make([]float32, len(query), len(query)+groupDims)
	var norm float64
	for _, x := range query {
		norm += float64(x) * float64(x)
	}
	norm = math.Sqrt(norm)
	for i, x := range query {
		if norm > 0 {
			out[i] = float32(float64(x) / norm)
		}
	}
	sum := sha256.Sum256([]byte(string(ch) + ":" + brandID))
	bits := binary.BigEndian.Uint64(sum[:8])
	for i := range groupDims {
		c := float32(-groupWeight)
		if bits&(1<<(63-i)) != 0 {
			c = groupWeight
		}
		out = append(out, c)
	}
	return pgvector.NewHalfVector(out)
}

// The group components of migration 004. A grouped vector's squared
// length is 1 + groupDims·groupWeight² = 5, and within a group the cosine
// distance of two grouped vectors is (1 − their cosine) / 5.
const (
	groupDims   = 64
	groupWeight = 0.25
	groupNorm2  = 1 + groupDims*groupWeight*groupWeight
)
