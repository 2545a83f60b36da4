package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
)

// AuditEntry is one line of the audit log: who (a token ID, or "cli") did
// what to which subject of a brand, and when. Edits keep the copy before and
// after. The log is append-only: the database refuses updates and deletes.
type AuditEntry struct {
	ID      int64     `json:"id"`
	At      time.Time `json:"at"`
	Actor   string    `json:"actor"`
	BrandID string    `json:"brand_id"`
	// Action is a dotted verb: variant.approve, variant.reject, variant.edit,
	// variant.edit_refused, token.create, token.revoke, customer.erase.
	Action  string `json:"action"`
	Subject string `json:"subject,omitempty"`
	// CustomerHash is CustomerHash(brand, customer) when the entry is about a
	// customer's copy, never the customer ID itself.
	CustomerHash string         `json:"customer_hash,omitempty"`
	Before       any            `json:"before,omitempty"`
	After        any            `json:"after,omitempty"`
	Detail       map[string]any `json:"detail,omitempty"`
	// Redacted is true when an erasure cleared Before and After.
	Redacted bool `json:"redacted,omitempty"`
}

// CustomerHash names a customer in the audit log without identifying them.
func CustomerHash(brandID, customerID string) string {
	sum := sha256.Sum256([]byte(brandID + "\x00" + customerID))
	return hex.EncodeToString(sum[:])
}

// appendAudit writes an entry in the caller's transaction, so the change and
// its record commit together or not at all.
func appendAudit(ctx context.Context, tx pgx.Tx, e AuditEntry) error {
	enc := func(v any) ([]byte, error) {
		if v == nil {
			return nil, nil
		}
		return json.Marshal(v)
	}
	before, err := enc(e.Before)
	if err != nil {
		return err
	}
	after, err := enc(e.After)
	if err != nil {
		return err
	}
	var detail []byte
	if e.Detail != nil {
		if detail, err = json.Marshal(e.Detail); err != nil {
			return err
		}
	}
	var customer *string
	if e.CustomerHash != "" {
		customer = &e.CustomerHash
	}
	_, err = tx.Exec(ctx, `INSERT INTO audit_log (actor, brand_id, action, subject, customer_hash, before, after, detail)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
		e.Actor, e.BrandID, e.Action, e.Subject, customer, before, after, detail)
	if err != nil {
		return fmt.Errorf("writing audit entry: %w", err)
	}
	return nil
}

// AppendAudit writes one audit entry on its own, for events that change
// nothing else (an edit refused by the guardrails).
func (s *Store) AppendAudit(ctx context.Context, e AuditEntry) error {
	return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error { return appendAudit(ctx, tx, e) })
}

// Audit lists a brand's audit entries, newest first, with IDs below before
// (0: from the newest), at most limit (default 100).
func (s *Store) Audit(ctx context.Context, brandID string, before int64, limit int) ([]AuditEntry, error) {
	rows, err := s.pool.Query(ctx, `SELECT id, at, actor, brand_id, action, subject, coalesce(customer_hash, ''),
			before, after, detail, redacted
		FROM audit_log WHERE brand_id = $1 AND ($2 = 0 OR id < $2) ORDER BY id DESC LIMIT $3`,
		brandID, before, limitOr(limit, 100))
	if err != nil {
		return nil, fmt.Errorf("reading the audit log: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (AuditEntry, error) {
		var e AuditEntry
		var beforeJSON, afterJSON, detailJSON []byte
		err := row.Scan(&e.ID, &e.At, &e.Actor, &e.BrandID, &e.Action, &e.Subject, &e.CustomerHash,
			&beforeJSON, &afterJSON, &detailJSON, &e.Redacted)
		if err != nil {
			return e, err
		}
		if beforeJSON != nil {
			e.Before = json.RawMessage(beforeJSON)
		}
		if afterJSON != nil {
			e.After = json.RawMessage(afterJSON)
		}
		if detailJSON != nil {
			err = json.Unmarshal(detailJSON, &e.Detail)
		}
		return e, err
	})
	if err != nil {
		return nil, fmt.Errorf("reading the audit log: %w", err)
	}
	return out, nil
}
