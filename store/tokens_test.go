package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	tailor "github.com/tailorhq/tailor"
	"github.com/tailorhq/tailor/internal/testenv"
	"github.com/tailorhq/tailor/store"
)

func TestTokensAndSessions(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := testenv.Store(t)
	tok, secret, err := st.CreateToken(ctx, "acme-outdoor", store.Reviewer, "cli")
	if err != nil {
		t.Fatal(err)
	}
	var stored []byte
	if err := st.Pool().QueryRow(ctx, "SELECT hash FROM api_tokens WHERE id = $1", tok.ID).Scan(&stored); err != nil || string(stored) == secret {
		t.Fatalf("stored %x, %v: want the hash, not the secret", stored, err)
	}
	got, err := st.TokenBySecret(ctx, secret)
	if err != nil || got.ID != tok.ID || got.Role != store.Reviewer {
		t.Fatalf("TokenBySecret: %+v, %v", got, err)
	}
	if _, _, err := st.CreateToken(ctx, "acme-outdoor", "owner", "cli"); !errors.Is(err, tailor.ErrInvalid) {
		t.Errorf("a bad role: %v, want invalid", err)
	}

	cookie, sess, err := st.CreateSession(ctx, tok.ID, time.Hour)
	if err != nil || sess.CSRF == "" || sess.Token.ID != tok.ID {
		t.Fatalf("CreateSession: %+v, %v", sess, err)
	}
	if again, err := st.SessionBySecret(ctx, cookie); err != nil || again.CSRF != sess.CSRF {
		t.Errorf("SessionBySecret: %+v, %v", again, err)
	}
	expired, _, err := st.CreateSession(ctx, tok.ID, -time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.SessionBySecret(ctx, expired); !errors.Is(err, tailor.ErrNotFound) {
		t.Errorf("an expired session: %v, want not found", err)
	}

	// Another brand cannot revoke it; revoking ends its sessions too.
	if _, err := st.RevokeToken(ctx, "globex", tok.ID, "tok_x"); !errors.Is(err, tailor.ErrNotFound) {
		t.Errorf("revoke from another brand: %v, want not found", err)
	}
	revoked, err := st.RevokeToken(ctx, "acme-outdoor", tok.ID, "tok_admin")
	if err != nil || revoked.RevokedAt == nil {
		t.Fatalf("RevokeToken: %+v, %v", revoked, err)
	}
	if _, err := st.RevokeToken(ctx, "", tok.ID, "cli"); err != nil {
		t.Errorf("revoking twice: %v, want a no-op", err)
	}
	if _, err := st.TokenBySecret(ctx, secret); !errors.Is(err, tailor.ErrNotFound) {
		t.Errorf("a revoked token: %v, want not found", err)
	}
	if _, err := st.SessionBySecret(ctx, cookie); !errors.Is(err, tailor.ErrNotFound) {
		t.Errorf("a revoked token's session: %v, want not found", err)
	}
	toks, err := st.Tokens(ctx, "acme-outdoor")
	if err != nil || len(toks) != 1 || toks[0].RevokedAt == nil {
		t.Errorf("Tokens: %+v, %v", toks, err)
	}
	entries, _ := st.Audit(ctx, "acme-outdoor", 0, 0)
	if len(entries) != 2 || entries[0].Action != "token.revoke" || entries[0].Actor != "tok_admin" || entries[1].Action != "token.create" {
		t.Errorf("audit: %+v, want one create and one revoke", entries)
	}
}
