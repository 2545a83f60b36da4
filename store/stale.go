package store

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// StaleCustomer is a customer whose stored copy follows an older version of
// a brief, with no job yet for the newest one: due for regeneration.
type StaleCustomer struct {
	CustomerID     string `json:"customer_id"`
	CampaignID     string `json:"campaign_id"`
	BriefVersion   int    `json:"brief_version"`
	CurrentVersion int    `json:"current_version"`
	JobID          string `json:"job_id"`
}

// StaleCustomers lists a brand's customers due for regeneration, for one
// campaign or all. Tailor keeps no profiles, so the campaign system (or its
// nightly scheduler) re-enqueues them with their profile and the new version.
func (s *Store) StaleCustomers(ctx context.Context, brandID, campaignID string) ([]StaleCustomer, error) {
	rows, err := s.pool.Query(ctx, `SELECT DISTINCT ON (j.campaign_id, j.customer_id)
			j.customer_id, j.campaign_id, j.brief_version, cur.version, j.id
		FROM jobs j
		JOIN (SELECT brand_id, campaign_id, max(version) AS version FROM briefs GROUP BY 1, 2) cur
			ON cur.brand_id = j.brand_id AND cur.campaign_id = j.campaign_id
		WHERE j.brand_id = $1 AND ($2 = '' OR j.campaign_id = $2) AND j.brief_version < cur.version
			AND NOT EXISTS (SELECT 1 FROM jobs n WHERE n.brand_id = j.brand_id AND n.campaign_id = j.campaign_id
				AND n.customer_id = j.customer_id AND n.brief_version = cur.version)
		ORDER BY j.campaign_id, j.customer_id, j.brief_version DESC`, brandID, campaignID)
	if err != nil {
		return nil, fmt.Errorf("listing stale customers: %w", err)
	}
	out, err := pgx.CollectRows(rows, pgx.RowToStructByPos[StaleCustomer])
	if err != nil {
		return nil, fmt.Errorf("listing stale customers: %w", err)
	}
	return out, nil
}
