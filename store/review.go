package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	tailor "github.com/tailorhq/tailor"
)

// This file holds what the API reads and what reviewers decide: one variant,
// the creatives it was built from, a brand's briefs, and review decisions.

// staleExpr is true for a variant of the variants table whose brief has a
// newer registered version.
const staleExpr = `brief_version < coalesce((SELECT max(b.version) FROM briefs b
		WHERE b.brand_id = variants.brand_id AND b.campaign_id = variants.campaign_id), 0)`

// variantColumns selects a variant from the variants table, for scanVariant.
const variantColumns = `id, job_id, customer_id, brand_id, campaign_id, brief_version, channel,
	fields, angle, used_facts, status, report, model, prompt_version, prompt_tokens, completion_tokens, creatives, created_at,
	` + staleExpr

func scanVariant(row pgx.Row) (tailor.Variant, error) {
	var v tailor.Variant
	err := row.Scan(&v.VariantID, &v.JobID, &v.CustomerID, &v.BrandID, &v.CampaignID, &v.BriefVersion, &v.Channel,
		&v.Fields, &v.Angle, &v.UsedFacts, &v.Status, &v.Report, &v.Model, &v.PromptVersion,
		&v.Usage.PromptTokens, &v.Usage.CompletionTokens, &v.Creatives, &v.CreatedAt, &v.Stale)
	return v, err
}

// Variant returns one of a brand's variants. A variant of another brand, or
// an ID that is not a UUID, is not found: callers must not learn it exists.
func (s *Store) Variant(ctx context.Context, brandID, variantID string) (tailor.Variant, error) {
	v, err := scanVariant(s.pool.QueryRow(ctx, `SELECT `+variantColumns+` FROM variants
		WHERE brand_id = $1 AND id::text = $2`, brandID, variantID))
	if errors.Is(err, pgx.ErrNoRows) {
		return tailor.Variant{}, fmt.Errorf("variant %s: %w", variantID, tailor.ErrNotFound)
	}
	if err != nil {
		return tailor.Variant{}, fmt.Errorf("reading variant %s: %w", variantID, err)
	}
	return v, nil
}

// SourceCreative is a past creative a variant was built from, as the answer
// to "why did I get this?" shows it.
type SourceCreative struct {
	ID      int64          `json:"id"`
	Channel tailor.Channel `json:"channel"`
	// Origin is "library" for a loaded past creative, "variant" for copy
	// approved earlier for a customer.
	Origin string `json:"origin"`
	// Fields is the creative's copy. It is left out when the creative was
	// another customer's variant: that copy may use their name or facts.
	Fields map[string]string `json:"fields,omitempty"`
}

// CreativesByID returns a brand's past creatives with the IDs, in the order
// given, as shown to customerID; IDs that no longer exist (erased, or another
// brand's) are skipped.
func (s *Store) CreativesByID(ctx context.Context, brandID, customerID string, ids []int64) ([]SourceCreative, error) {
	rows, err := s.pool.Query(ctx, `SELECT c.id, c.channel, CASE WHEN c.variant_id IS NULL THEN 'library' ELSE 'variant' END,
			CASE WHEN c.variant_id IS NULL OR v.customer_id = $3 THEN c.fields END
		FROM unnest($2::bigint[]) WITH ORDINALITY AS w(id, n)
		JOIN creatives c ON c.id = w.id LEFT JOIN variants v ON v.id = c.variant_id
		WHERE c.brand_id = $1 ORDER BY w.n`, brandID, nonNil(ids), customerID)
	if err != nil {
		return nil, fmt.Errorf("reading creatives: %w", err)
	}
	out, err := pgx.CollectRows(rows, pgx.RowToStructByPos[SourceCreative])
	if err != nil {
		return nil, fmt.Errorf("reading creatives: %w", err)
	}
	return out, nil
}

// BriefVersion is one registered version of a brand's brief.
type BriefVersion struct {
	CampaignID string    `json:"campaign_id"`
	Version    int       `json:"version"`
	CreatedAt  time.Time `json:"created_at"`
}

// Briefs lists a brand's registered brief versions by campaign and version.
func (s *Store) Briefs(ctx context.Context, brandID string) ([]BriefVersion, error) {
	rows, err := s.pool.Query(ctx, `SELECT campaign_id, version, created_at FROM briefs WHERE brand_id = $1
		ORDER BY campaign_id, version`, brandID)
	if err != nil {
		return nil, fmt.Errorf("listing briefs: %w", err)
	}
	return pgx.CollectRows(rows, pgx.RowToStructByPos[BriefVersion])
}

// Action is a reviewer's decision on a flagged variant.
type Action string

// The review actions.
const (
	Approve Action = "approve"
	Reject  Action = "reject"
	// Edit replaces the copy and approves it. The caller runs the guardrails
	// on the new copy first and passes their report.
	Edit Action = "edit"
)

// Decision is one review decision.
type Decision struct {
	BrandID   string
	VariantID string
	// Actor is the token that decided.
	Actor  string
	Action Action
	// Fields and Report are the edited copy and its guardrail report (Edit).
	Fields map[string]string
	Report tailor.Report
	// Reason is the reviewer's note, kept in the audit log.
	Reason string
}

// ErrNotFlagged is returned when a decision is asked for a variant that is
// not (or no longer) waiting for review.
var ErrNotFlagged = fmt.Errorf("variant is not waiting for review: %w", ErrConflict)

// Decide records a review decision on a flagged variant and its audit entry
// in one transaction, and returns the variant as it now is.
func (s *Store) Decide(ctx context.Context, d Decision) (tailor.Variant, error) {
	var out tailor.Variant
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		// FOR UPDATE: two reviewers deciding at once are serialised, and the
		// second finds the variant no longer flagged.
		v, err := scanVariant(tx.QueryRow(ctx, `SELECT `+variantColumns+` FROM variants
			WHERE brand_id = $1 AND id::text = $2 FOR UPDATE`, d.BrandID, d.VariantID))
		if errors.Is(err, pgx.ErrNoRows) {
			return fmt.Errorf("variant %s: %w", d.VariantID, tailor.ErrNotFound)
		}
		if err != nil {
			return err
		}
		if v.Status != tailor.Flagged {
			return fmt.Errorf("variant %s is %s: %w", d.VariantID, v.Status, ErrNotFlagged)
		}
		entry := AuditEntry{Actor: d.Actor, BrandID: d.BrandID, Action: "variant." + string(d.Action), Subject: d.VariantID,
			CustomerHash: CustomerHash(v.BrandID, v.CustomerID)}
		if d.Reason != "" {
			entry.Detail = map[string]any{"reason": d.Reason}
		}
		switch d.Action {
		case Approve:
			v.Status = tailor.Approved
		case Reject:
			v.Status = tailor.Rejected
		case Edit:
			entry.Before, entry.After = v.Fields, d.Fields
			entry.Detail = map[string]any{"report": d.Report}
			if d.Reason != "" {
				entry.Detail["reason"] = d.Reason
			}
			v.Fields, v.Report, v.Status = d.Fields, d.Report, tailor.Approved
		default:
			return fmt.Errorf("unknown review action %q", d.Action)
		}
		report, _ := json.Marshal(v.Report)
		_, err = tx.Exec(ctx, `UPDATE variants SET status = $3, fields = $4, report = $5, reviewed_by = $6, reviewed_at = now()
			WHERE brand_id = $1 AND id::text = $2`, d.BrandID, d.VariantID, v.Status, v.Fields, report, d.Actor)
		if err != nil {
			return err
		}
		out = v
		return appendAudit(ctx, tx, entry)
	})
	if err != nil {
		return tailor.Variant{}, fmt.Errorf("deciding on variant %s: %w", d.VariantID, err)
	}
	return out, nil
}

// JobRecord is a stored (finished) job as the API shows it.
type JobRecord struct {
	JobID        string            `json:"job_id"`
	BrandID      string            `json:"brand_id"`
	CampaignID   string            `json:"campaign_id"`
	BriefVersion int               `json:"brief_version"`
	CustomerID   string            `json:"customer_id"`
	Refusals     []tailor.Refusal  `json:"refusals"`
	Withheld     []tailor.Withheld `json:"withheld"`
	// Variants counts the job's variants by status.
	Variants  map[tailor.Status]int `json:"variants"`
	CreatedAt time.Time             `json:"created_at"`
}

// Job returns one of a brand's stored jobs, or an error wrapping
// tailor.ErrNotFound (also for another brand's job).
func (s *Store) Job(ctx context.Context, brandID, jobID string) (JobRecord, error) {
	j := JobRecord{Variants: map[tailor.Status]int{}}
	var counts map[string]int
	err := s.pool.QueryRow(ctx, `SELECT j.id, j.brand_id, j.campaign_id, j.brief_version, j.customer_id, j.refusals, j.withheld, j.created_at,
			coalesce((SELECT jsonb_object_agg(status, n) FROM (SELECT status, count(*) AS n FROM variants WHERE job_id = j.id GROUP BY status) c), '{}')
		FROM jobs j WHERE j.brand_id = $1 AND j.id = $2`, brandID, jobID).
		Scan(&j.JobID, &j.BrandID, &j.CampaignID, &j.BriefVersion, &j.CustomerID, &j.Refusals, &j.Withheld, &j.CreatedAt, &counts)
	if errors.Is(err, pgx.ErrNoRows) {
		return JobRecord{}, fmt.Errorf("job %s: %w", jobID, tailor.ErrNotFound)
	}
	if err != nil {
		return JobRecord{}, fmt.Errorf("reading job %s: %w", jobID, err)
	}
	for status, n := range counts {
		j.Variants[tailor.Status(status)] = n
	}
	return j, nil
}
