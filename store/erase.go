package store

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
	tailor "github.com/tailorhq/tailor"
)

// Erasure counts what an erasure deleted.
type Erasure struct {
	// CustomerHash is how the audit log names the customer.
	CustomerHash string `json:"customer_hash"`
	Jobs         int64  `json:"jobs"`
	Variants     int64  `json:"variants"`
	// Creatives are the customer's approved variants that had become past
	// creatives (their embeddings).
	Creatives int64 `json:"creatives"`
	Outcomes  int64 `json:"outcomes"`
	// AuditRedacted counts audit entries whose before/after copy was cleared.
	AuditRedacted int64 `json:"audit_redacted"`
}

// EraseCustomer deletes everything held about one customer of a brand: their
// jobs, variants, the embeddings made from those variants and their outcomes
// (when an outcomes table with brand_id and customer_id exists), and clears
// the copy kept in audit entries about them. It is idempotent: erasing again
// deletes nothing more. The erasure itself is audited by a hash of the
// customer ID, so the log keeps no personal data.
//
// Jobs in the queue are not the store's: the API deletes them first (a job
// running meanwhile stores its copy when it finishes; erase again then).
func (s *Store) EraseCustomer(ctx context.Context, brandID, customerID, actor string) (Erasure, error) {
	if brandID == "" || customerID == "" {
		return Erasure{}, tailor.Invalidf("customer_id", "required")
	}
	e := Erasure{CustomerHash: CustomerHash(brandID, customerID)}
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		// Count the creatives first: they go by cascade from their variants.
		err := tx.QueryRow(ctx, `SELECT (SELECT count(*) FROM creatives c JOIN variants v ON v.id = c.variant_id
				WHERE v.brand_id = $1 AND v.customer_id = $2)
			+ (SELECT count(*) FROM learned l JOIN variants v ON v.id = l.variant_id
				WHERE v.brand_id = $1 AND v.customer_id = $2)`, brandID, customerID).Scan(&e.Creatives)
		if err != nil {
			return err
		}
		tag, err := tx.Exec(ctx, `DELETE FROM variants WHERE brand_id = $1 AND customer_id = $2`, brandID, customerID)
		if err != nil {
			return err
		}
		e.Variants = tag.RowsAffected()
		if tag, err = tx.Exec(ctx, `DELETE FROM jobs WHERE brand_id = $1 AND customer_id = $2`, brandID, customerID); err != nil {
			return err
		}
		e.Jobs = tag.RowsAffected()
		if e.Outcomes, err = eraseOutcomes(ctx, tx, brandID, customerID); err != nil {
			return err
		}
		tag, err = tx.Exec(ctx, `UPDATE audit_log SET before = NULL, after = NULL, redacted = true
			WHERE brand_id = $1 AND customer_hash = $2 AND NOT redacted AND (before IS NOT NULL OR after IS NOT NULL)`,
			brandID, e.CustomerHash)
		if err != nil {
			return err
		}
		e.AuditRedacted = tag.RowsAffected()
		return appendAudit(ctx, tx, AuditEntry{Actor: actor, BrandID: brandID, Action: "customer.erase",
			Subject: e.CustomerHash, CustomerHash: e.CustomerHash, Detail: map[string]any{
				"jobs": e.Jobs, "variants": e.Variants, "creatives": e.Creatives, "outcomes": e.Outcomes, "audit_redacted": e.AuditRedacted,
			}})
	})
	if err != nil {
		return Erasure{}, fmt.Errorf("erasing a customer: %w", err)
	}
	return e, nil
}

// eraseOutcomes deletes the customer's rows of an outcomes table if the
// schema has one keyed by brand and customer. Outcomes tied to a variant
// instead go with the variant (ON DELETE CASCADE).
func eraseOutcomes(ctx context.Context, tx pgx.Tx, brandID, customerID string) (int64, error) {
	var has bool
	err := tx.QueryRow(ctx, `SELECT count(*) = 2 FROM information_schema.columns
		WHERE table_schema = current_schema() AND table_name = 'outcomes' AND column_name IN ('brand_id', 'customer_id')`).Scan(&has)
	if err != nil || !has {
		return 0, err
	}
	tag, err := tx.Exec(ctx, `DELETE FROM outcomes WHERE brand_id = $1 AND customer_id = $2`, brandID, customerID)
	return tag.RowsAffected(), err
}
