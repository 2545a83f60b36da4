package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/tailorhq/tailor/internal/testenv"
	"github.com/tailorhq/tailor/store"
)

// tokenCmd runs `tailor token …` against a store config and returns the exit
// status, stdout and stderr.
func tokenCmd(t *testing.T, cfg store.Config, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	args = append([]string{"token", args[0], "-database-url", cfg.URL, "-schema", cfg.Schema}, args[1:]...)
	code := run(context.Background(), args, strings.NewReader(""), &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

func TestTokenCommands(t *testing.T) {
	t.Parallel()
	cfg := testenv.StoreConfig(t)
	code, secret, stderr := tokenCmd(t, cfg, "create", "--brand", "acme-outdoor", "--role", "reviewer")
	if code != 0 || !strings.HasPrefix(secret, "tailor_") || !strings.Contains(stderr, "shown once") {
		t.Fatalf("create: %d %q %q", code, secret, stderr)
	}
	st, err := store.Open(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	tok, err := st.TokenBySecret(context.Background(), strings.TrimSpace(secret))
	if err != nil || tok.Role != store.Reviewer || tok.BrandID != "acme-outdoor" {
		t.Fatalf("the created token: %+v, %v", tok, err)
	}

	code, out, _ := tokenCmd(t, cfg, "list", "--brand", "acme-outdoor")
	if code != 0 || !strings.Contains(out, tok.ID) || !strings.Contains(out, "reviewer") {
		t.Errorf("list: %d %q", code, out)
	}
	if code, out, _ = tokenCmd(t, cfg, "revoke", tok.ID); code != 0 || !strings.Contains(out, "revoked") {
		t.Errorf("revoke: %d %q", code, out)
	}
	if _, err := st.TokenBySecret(context.Background(), strings.TrimSpace(secret)); err == nil {
		t.Error("a revoked token still works")
	}
	if code, _, stderr = tokenCmd(t, cfg, "revoke", "tok_nope"); code != 1 || !strings.Contains(stderr, "not found") {
		t.Errorf("revoke an unknown token: %d %q", code, stderr)
	}
	if code, _, stderr = tokenCmd(t, cfg, "create", "--brand", "acme-outdoor", "--role", "owner"); code != 1 || !strings.Contains(stderr, "role") {
		t.Errorf("create with a bad role: %d %q", code, stderr)
	}
	if code, _, _ = tokenCmd(t, cfg, "create", "--role", "admin"); code != 2 {
		t.Errorf("create without a brand: %d, want usage (2)", code)
	}
	entries, err := st.Audit(context.Background(), "acme-outdoor", 0, 10)
	if err != nil || len(entries) != 2 || entries[0].Action != "token.revoke" || entries[1].Action != "token.create" || entries[0].Actor != "cli" {
		t.Errorf("audit: %+v, %v; want token.create and token.revoke by cli", entries, err)
	}
}
