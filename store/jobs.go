package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

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
// learn from (past creatives once outcomes come in), in one transaction. A job that is already stored
// (a replay, a retry after a crash past the commit, a duplicate run racing
// this one) is left as it is and saved is false: one key, one set.
func (s *Store) SaveJob(ctx context.Context, r tailor.JobResult) (saved bool, err error) {
	refusals, _ := json.Marshal(nonNil(r.Refusals))
	withheld, _ := json.Marshal(nonNil(r.Withheld))
	err = pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		// Racing duplicates block here until the first commits, then insert nothing.
		tag, err := tx.Exec(ctx, `INSERT INTO jobs (id, brand_id, idempotency_key, campaign_id, brief_version, customer_id, refusals, withheld)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
			r.JobID, r.Ref.BrandID, r.IdempotencyKey, r.Ref.CampaignID, r.Ref.Version, r.CustomerID, refusals, withheld)
		if err != nil || tag.RowsAffected() == 0 {
			return err
		}
		saved = true
		batch := &pgx.Batch{}
		for i, v := range r.Variants {
			report, _ := json.Marshal(v.Report)
			batch.Queue(`INSERT INTO variants (id, job_id, brand_id, campaign_id, brief_version, customer_id, channel, ordinal,
					fields, angle, used_facts, status, report, model, prompt_version, prompt_tokens, completion_tokens, creatives, created_at)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
				ON CONFLICT DO NOTHING`,
				v.VariantID, r.JobID, v.BrandID, v.CampaignID, v.BriefVersion, v.CustomerID, v.Channel, i,
				v.Fields, v.Angle, nonNil(v.UsedFacts), v.Status, report, v.Model, v.PromptVersion,
				v.Usage.PromptTokens, v.Usage.CompletionTokens, nonNil(v.Creatives), v.CreatedAt)
			if l, ok := r.Learned[v.VariantID]; ok && v.Status == tailor.Approved {
				batch.Queue(`INSERT INTO learned (variant_id, brand_id, channel, fields, embedding)
					VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
					v.VariantID, v.BrandID, v.Channel, l.Fields, pgvector.NewVector(l.Vector))
			}
		}
		return tx.SendBatch(ctx, batch).Close()
	})
	if err != nil {
		return false, fmt.Errorf("saving job %s: %w", r.JobID, err)
	}
	return saved, nil
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
