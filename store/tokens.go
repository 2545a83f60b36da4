package store

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	tailor "github.com/tailorhq/tailor"
)

// Role is what an API token may do.
type Role string

// The roles of API tokens.
const (
	// Enqueuer is a campaign system: it registers briefs, enqueues jobs and
	// fetches approved copy.
	Enqueuer Role = "enqueuer"
	// Reviewer decides on flagged variants.
	Reviewer Role = "reviewer"
	// Admin may do everything for its brand, including tokens and erasure.
	Admin Role = "admin"
)

// Roles lists every role.
var Roles = []Role{Enqueuer, Reviewer, Admin}

// Valid reports whether r is one of Roles.
func (r Role) Valid() bool { return r == Enqueuer || r == Reviewer || r == Admin }

// Token is an API token as stored: never its secret, only who it acts for.
type Token struct {
	ID        string     `json:"id"`
	BrandID   string     `json:"brand_id"`
	Role      Role       `json:"role"`
	CreatedAt time.Time  `json:"created_at"`
	RevokedAt *time.Time `json:"revoked_at,omitempty"`
}

// tokenPrefix marks Tailor's secrets, so a leaked one is easy to recognise
// (secret scanners) and easy to tell from a token ID.
const tokenPrefix = "tailor_"

// HashSecret returns the stored form of a token or session secret. The
// secrets are 32 random bytes, so a plain SHA-256 is enough: there is
// nothing to brute-force.
func HashSecret(secret string) []byte {
	sum := sha256.Sum256([]byte(secret))
	return sum[:]
}

// randomString returns n random bytes, URL-safe base64 encoded.
func randomString(n int) string {
	b := make([]byte, n)
	rand.Read(b) // never fails (crypto/rand, Go 1.24+)
	return base64.RawURLEncoding.EncodeToString(b)
}

// CreateToken creates a token for a brand and role and returns its secret,
// which is not stored and cannot be shown again. actor names who asked for
// it in the audit log (a token ID, or "cli").
func (s *Store) CreateToken(ctx context.Context, brandID string, role Role, actor string) (Token, string, error) {
	if brandID == "" {
		return Token{}, "", tailor.Invalidf("brand", "required")
	}
	if !role.Valid() {
		return Token{}, "", tailor.Invalidf("role", "must be one of enqueuer, reviewer, admin")
	}
	idBytes := make([]byte, 8)
	rand.Read(idBytes)
	tok := Token{ID: "tok_" + hex.EncodeToString(idBytes), BrandID: brandID, Role: role}
	secret := tokenPrefix + randomString(32)
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		err := tx.QueryRow(ctx, `INSERT INTO api_tokens (id, brand_id, role, hash) VALUES ($1, $2, $3, $4) RETURNING created_at`,
			tok.ID, brandID, role, HashSecret(secret)).Scan(&tok.CreatedAt)
		if err != nil {
			return err
		}
		return appendAudit(ctx, tx, AuditEntry{Actor: actor, BrandID: brandID, Action: "token.create", Subject: tok.ID,
			Detail: map[string]any{"role": role}})
	})
	if err != nil {
		return Token{}, "", fmt.Errorf("creating token: %w", err)
	}
	return tok, secret, nil
}

// TokenBySecret returns the live token with the secret, or an error wrapping
// tailor.ErrNotFound when there is none or it is revoked.
func (s *Store) TokenBySecret(ctx context.Context, secret string) (Token, error) {
	var t Token
	err := s.pool.QueryRow(ctx, `SELECT id, brand_id, role, created_at FROM api_tokens WHERE hash = $1 AND revoked_at IS NULL`,
		HashSecret(secret)).Scan(&t.ID, &t.BrandID, &t.Role, &t.CreatedAt)
	if errors.Is(err, pgx.ErrNoRows) {
		return Token{}, fmt.Errorf("token: %w", tailor.ErrNotFound)
	}
	if err != nil {
		return Token{}, fmt.Errorf("looking up token: %w", err)
	}
	return t, nil
}

// RevokeToken revokes a token. brandID, when not empty, limits it to that
// brand's tokens (the API); the CLI passes "" to revoke any. Revoking a
// revoked token is a no-op; an unknown one wraps tailor.ErrNotFound.
func (s *Store) RevokeToken(ctx context.Context, brandID, id, actor string) (Token, error) {
	var t Token
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		err := tx.QueryRow(ctx, `SELECT id, brand_id, role, created_at, revoked_at FROM api_tokens
			WHERE id = $1 AND ($2 = '' OR brand_id = $2) FOR UPDATE`, id, brandID).
			Scan(&t.ID, &t.BrandID, &t.Role, &t.CreatedAt, &t.RevokedAt)
		if errors.Is(err, pgx.ErrNoRows) {
			return fmt.Errorf("token %s: %w", id, tailor.ErrNotFound)
		}
		if err != nil || t.RevokedAt != nil {
			return err
		}
		if err := tx.QueryRow(ctx, `UPDATE api_tokens SET revoked_at = now() WHERE id = $1 RETURNING revoked_at`, id).
			Scan(&t.RevokedAt); err != nil {
			return err
		}
		return appendAudit(ctx, tx, AuditEntry{Actor: actor, BrandID: t.BrandID, Action: "token.revoke", Subject: id})
	})
	if err != nil {
		return Token{}, fmt.Errorf("revoking token: %w", err)
	}
	return t, nil
}

// Tokens lists a brand's tokens, oldest first, revoked ones included.
func (s *Store) Tokens(ctx context.Context, brandID string) ([]Token, error) {
	rows, err := s.pool.Query(ctx, `SELECT id, brand_id, role, created_at, revoked_at FROM api_tokens
		WHERE brand_id = $1 ORDER BY created_at, id`, brandID)
	if err != nil {
		return nil, fmt.Errorf("listing tokens: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (Token, error) {
		var t Token
		err := row.Scan(&t.ID, &t.BrandID, &t.Role, &t.CreatedAt, &t.RevokedAt)
		return t, err
	})
	if err != nil {
		return nil, fmt.Errorf("listing tokens: %w", err)
	}
	return out, nil
}

// Session is a reviewer's signed-in browser.
type Session struct {
	Token Token
	// CSRF is the value every form of the session must echo.
	CSRF string
}

// CreateSession starts a reviewer page session for a live token and returns
// its secret (the cookie value). A revoked or unknown token wraps
// tailor.ErrNotFound.
func (s *Store) CreateSession(ctx context.Context, tokenID string, ttl time.Duration) (string, Session, error) {
	secret := randomString(32)
	sess := Session{CSRF: randomString(32)}
	t := &sess.Token
	err := s.pool.QueryRow(ctx, `WITH t AS (SELECT id, brand_id, role, created_at FROM api_tokens WHERE id = $2 AND revoked_at IS NULL),
			ins AS (INSERT INTO review_sessions (hash, token_id, csrf, expires_at)
				SELECT $1, id, $3, now() + make_interval(secs => $4) FROM t RETURNING token_id)
		SELECT t.id, t.brand_id, t.role, t.created_at FROM t JOIN ins ON ins.token_id = t.id`,
		HashSecret(secret), tokenID, sess.CSRF, ttl.Seconds()).Scan(&t.ID, &t.BrandID, &t.Role, &t.CreatedAt)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", Session{}, fmt.Errorf("token %s: %w", tokenID, tailor.ErrNotFound)
	}
	if err != nil {
		return "", Session{}, fmt.Errorf("creating session: %w", err)
	}
	return secret, sess, nil
}

// SessionBySecret returns the live session with the secret: not expired and
// its token not revoked. Otherwise it wraps tailor.ErrNotFound.
func (s *Store) SessionBySecret(ctx context.Context, secret string) (Session, error) {
	var sess Session
	t := &sess.Token
	err := s.pool.QueryRow(ctx, `SELECT t.id, t.brand_id, t.role, t.created_at, s.csrf
		FROM review_sessions s JOIN api_tokens t ON t.id = s.token_id
		WHERE s.hash = $1 AND s.expires_at > now() AND t.revoked_at IS NULL`, HashSecret(secret)).
		Scan(&t.ID, &t.BrandID, &t.Role, &t.CreatedAt, &sess.CSRF)
	if errors.Is(err, pgx.ErrNoRows) {
		return Session{}, fmt.Errorf("session: %w", tailor.ErrNotFound)
	}
	if err != nil {
		return Session{}, fmt.Errorf("looking up session: %w", err)
	}
	return sess, nil
}

// DeleteSession ends a session (sign out); expired ones go too.
func (s *Store) DeleteSession(ctx context.Context, secret string) error {
	_, err := s.pool.Exec(ctx, `DELETE FROM review_sessions WHERE hash = $1 OR expires_at < now()`, HashSecret(secret))
	if err != nil {
		return fmt.Errorf("deleting session: %w", err)
	}
	return nil
}
