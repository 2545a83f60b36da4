package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/jackc/pgx/v5"
	"github.com/pgvector/pgvector-go"
	tailor "github.com/tailorhq/tailor"
)

// JobDone reports whether a job's variants are already stored.
func (s *Store) JobDone(ctx context.Context, jobID string) (bool, error) {
	var done bool
	err := s.pool.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM jobs WHERE id = $1)", jobID).Scan(&done)
	if err != nil {
		return false, fmt.Errorf("checking job %s: %w", jobID, err)
	}
	return done, nil
}

// SaveJob stores a finished job, its variants and the approved variants to
// learn from (past creatives once outcomes come in) in one statement, so one
// round trip and one transaction. A job that is already stored (a replay, a
// retry after a crash past the commit, a duplicate run racing this one) is
// left as it is and saved is false: one key, one set.
func (s *Store) SaveJob(ctx context.Context, r tailor.JobResult) (saved bool, err error) {
	refusals, _ := json.Marshal(nonNil(r.Refusals))
	withheld, _ := json.Marshal(nonNil(r.Withheld))
	args := []any{r.JobID, r.Ref.BrandID, r.IdempotencyKey, r.Ref.CampaignID, r.Ref.Version, r.CustomerID, refusals, withheld}
	var learned []any
	for i, v := range r.Variants {
		report, _ := json.Marshal(v.Report)
		args = append(args, v.VariantID, r.JobID, v.BrandID, v.CampaignID, v.BriefVersion, v.CustomerID, v.Channel, i,
			v.Fields, v.Angle, nonNil(v.UsedFacts), v.Status, report, v.Model, v.PromptVersion,
			v.Usage.PromptTokens, v.Usage.CompletionTokens, nonNil(v.Creatives), v.CreatedAt)
		if l, ok := r.Learned[v.VariantID]; ok && v.Status == tailor.Approved {
			learned = append(learned, v.VariantID, v.BrandID, v.Channel, l.Fields, pgvector.NewVector(l.Vector))
		}
	}
	args = append(args, learned...)
	query := saveJobSQL(len(r.Variants), len(learned)/len(learnedCasts))
	if err := s.pool.QueryRow(ctx, query, args...).Scan(&saved); err != nil {
		return false, fmt.Errorf("saving job %s: %w", r.JobID, err)
	}
	return saved, nil
}

// saveJobSQL inserts the job ($1–$8) and, only if the job was new, its
// variants rows and then its learned rows, numbered on from $9. Racing
// duplicates block on the job's key until the first commits, then insert
// nothing. Variant IDs derive from the job's, so a new job's variants
// cannot conflict. The text depends only on the two counts and is built
// once per pair.
func saveJobSQL(variants, learned int) string {
	key := [2]int{variants, learned}
	if q, ok := saveJobQueries.Load(key); ok {
		return q.(string)
	}
	var b strings.Builder
	b.WriteString(`WITH job AS (
	INSERT INTO jobs (id, brand_id, idempotency_key, campaign_id, brief_version, customer_id, refusals, withheld)
	VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING id)`)
	n := 8
	if variants > 0 {
		b.WriteString(`, variant AS (
	INSERT INTO variants (id, job_id, brand_id, campaign_id, brief_version, customer_id, channel, ordinal,
		fields, angle, used_facts, status, report, model, prompt_version, prompt_tokens, completion_tokens, creatives, created_at)
	SELECT * FROM (VALUES `)
		n = valuesRows(&b, n, variants, variantCasts)
		b.WriteString(`) AS v WHERE EXISTS (SELECT FROM job) RETURNING id)`)
	}
	if learned > 0 {
		// Joined to the variants this statement inserted: a replay stores
		// nothing here either. (Foreign keys are checked at the statement's
		// end, when the variants are in.)
		b.WriteString(`, learn AS (
	INSERT INTO learned (variant_id, brand_id, channel, fields, embedding)
	SELECT l.* FROM (VALUES `)
		valuesRows(&b, n, learned, learnedCasts)
		b.WriteString(`) AS l (variant_id) JOIN variant ON variant.id = l.variant_id)`)
	}
	b.WriteString(`
SELECT EXISTS (SELECT FROM job)`)
	saveJobQueries.Store(key, b.String())
	return b.String()
}

// saveJobQueries caches saveJobSQL by its counts: a few shapes in all.
var saveJobQueries sync.Map // [2]int → string

// Casts of the VALUES rows: a VALUES list in a SELECT takes no types from
// the table it feeds.
var (
	variantCasts = []string{"uuid", "text", "text", "text", "int", "text", "text", "int",
		"jsonb", "text", "text[]", "text", "jsonb", "text", "text", "int", "int", "bigint[]", "timestamptz"}
	learnedCasts = []string{"uuid", "text", "text", "jsonb", "vector"}
)

// valuesRows writes rows rows of placeholders, "($9::uuid, …), (…)",
// numbered after n, and returns the last number used.
func valuesRows(b *strings.Builder, n, rows int, casts []string) int {
	for r := range rows {
		if r > 0 {
			b.WriteString(", ")
		}
		b.WriteByte('(')
		for i, c := range casts {
			if i > 0 {
				b.WriteString(", ")
			}
			n++
			fmt.Fprintf(b, "$%d::%s", n, c)
		}
		b.WriteByte(')')
	}
	return n
}

// VariantFilter selects variants. Empty fields match everything.
type VariantFilter struct {
	BrandID    string
	CustomerID string
	CampaignID string
	Channel    tailor.Channel
	Status     tailor.Status
	JobID      string
	// Current leaves out stale variants, those of an older brief version.
	Current bool
	Limit   int
}

// Variants lists variants of one brand, oldest first.
func (s *Store) Variants(ctx context.Context, f VariantFilter) ([]tailor.Variant, error) {
	if f.BrandID == "" {
		return nil, errors.New("listing variants: a brand is required")
	}
	rows, err := s.pool.Query(ctx, `SELECT `+variantColumns+` FROM variants
		WHERE brand_id = $1 AND ($2 = '' OR customer_id = $2) AND ($3 = '' OR campaign_id = $3)
			AND ($4 = '' OR channel = $4) AND ($5 = '' OR status = $5) AND ($6 = '' OR job_id = $6)
			AND NOT ($8 AND `+staleExpr+`)
		ORDER BY created_at, job_id, channel, ordinal
		LIMIT $7`,
		f.BrandID, f.CustomerID, f.CampaignID, string(f.Channel), string(f.Status), f.JobID, limitOr(f.Limit, 1000), f.Current)
	if err != nil {
		return nil, fmt.Errorf("listing variants: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (tailor.Variant, error) { return scanVariant(row) })
	if err != nil {
		return nil, fmt.Errorf("listing variants: %w", err)
	}
	return out, nil
}

// StatusCount is how many variants of one channel have one status.
type StatusCount struct {
	Channel tailor.Channel
	Status  tailor.Status
	Count   int
}

// CountVariants counts a brand's variants by channel and status.
func (s *Store) CountVariants(ctx context.Context, brandID string) ([]StatusCount, error) {
	rows, err := s.pool.Query(ctx, `SELECT channel, status, count(*) FROM variants WHERE brand_id = $1
		GROUP BY channel, status ORDER BY channel, status`, brandID)
	if err != nil {
		return nil, fmt.Errorf("counting variants: %w", err)
	}
	return pgx.CollectRows(rows, pgx.RowToStructByPos[StatusCount])
}

// JobCounts says how many jobs of a brand are stored and how many channels were refused.
func (s *Store) JobCounts(ctx context.Context, brandID string) (jobs, refusals int, err error) {
	err = s.pool.QueryRow(ctx, `SELECT count(*), coalesce(sum(jsonb_array_length(refusals)), 0) FROM jobs WHERE brand_id = $1`,
		brandID).Scan(&jobs, &refusals)
	if err != nil {
		return 0, 0, fmt.Errorf("counting jobs: %w", err)
	}
	return jobs, refusals, nil
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func limitOr(n, def int) int {
	if n <= 0 {
		return def
	}
	return n
}
