package store

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	tailor "github.com/tailorhq/tailor"
)

// PutBrief registers a brief version. Registering the same content again is
// a no-op (created is false); different content under a registered version
// is ErrConflict, because variants already point at it.
func (s *Store) PutBrief(ctx context.Context, b tailor.Brief) (created bool, err error) {
	body, err := json.Marshal(b)
	if err != nil {
		return false, fmt.Errorf("encoding brief: %w", err)
	}
	tag, err := s.pool.Exec(ctx, `INSERT INTO briefs (brand_id, campaign_id, version, body)
		VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
		b.Brand.ID, b.Campaign.ID, b.Campaign.Version, body)
	if err != nil {
		return false, fmt.Errorf("storing brief %s: %w", b.Ref(), err)
	}
	if tag.RowsAffected() == 1 {
		return true, nil
	}
	have, err := s.Brief(ctx, b.Ref())
	if err != nil {
		return false, err
	}
	haveBody, _ := json.Marshal(have)
	if !bytes.Equal(haveBody, body) {
		return false, fmt.Errorf("brief %s is registered with other content; register a new version: %w", b.Ref(), ErrConflict)
	}
	return false, nil
}

// Brief returns a registered brief, or an error wrapping tailor.ErrNotFound.
func (s *Store) Brief(ctx context.Context, ref tailor.BriefRef) (tailor.Brief, error) {
	if b, ok := s.briefs.Load(ref); ok {
		return b.(tailor.Brief), nil
	}
	var b tailor.Brief
	err := s.pool.QueryRow(ctx, `SELECT body FROM briefs WHERE brand_id = $1 AND campaign_id = $2 AND version = $3`,
		ref.BrandID, ref.CampaignID, ref.Version).Scan(&b)
	if errors.Is(err, pgx.ErrNoRows) {
		return tailor.Brief{}, fmt.Errorf("brief %s: %w", ref, tailor.ErrNotFound)
	}
	if err != nil {
		return tailor.Brief{}, fmt.Errorf("reading brief %s: %w", ref, err)
	}
	s.briefs.Store(ref, b)
	return b, nil
}
