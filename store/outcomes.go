package store

import (
	"context"
	"fmt"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	tailor "github.com/tailorhq/tailor"
)

// Outcome is how one sent variant did, as counts to add.
type Outcome struct {
	VariantID   string `json:"variant_id"`
	Impressions int64  `json:"impressions"`
	Clicks      int64  `json:"clicks"`
	Conversions int64  `json:"conversions"`
}

// AddOutcome adds a variant's outcomes to the past creative it becomes, so
// retrieval ranks it by how it did. Only approved variants are learned from;
// any other variant, or one of another brand, is tailor.ErrNotFound.
func (s *Store) AddOutcome(ctx context.Context, brandID string, o Outcome) error {
	if _, err := uuid.Parse(o.VariantID); err != nil {
		return tailor.Invalidf("variant_id", "not a variant ID: %q", o.VariantID)
	}
	if o.Impressions < 0 || o.Clicks < 0 || o.Conversions < 0 {
		return tailor.Invalidf("impressions", "counts must not be negative")
	}
	var updated int64
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		// A learned variant's first outcome makes it a past creative.
		_, err := tx.Exec(ctx, `WITH moved AS (DELETE FROM learned WHERE variant_id = $1 AND brand_id = $2 RETURNING *)
			INSERT INTO creatives (brand_id, channel, fields, embedding, variant_id)
			SELECT brand_id, channel, fields, embedding, variant_id FROM moved`, o.VariantID, brandID)
		if err != nil {
			return err
		}
		tag, err := tx.Exec(ctx, `UPDATE creatives SET impressions = impressions + $3, clicks = clicks + $4,
				conversions = conversions + $5
			WHERE variant_id = $1 AND brand_id = $2`,
			o.VariantID, brandID, o.Impressions, o.Clicks, o.Conversions)
		updated = tag.RowsAffected()
		return err
	})
	if err != nil {
		return fmt.Errorf("adding outcome of variant %s: %w", o.VariantID, err)
	}
	if updated == 0 {
		return fmt.Errorf("variant %s of brand %s is not a past creative: %w", o.VariantID, brandID, tailor.ErrNotFound)
	}
	return nil
}
