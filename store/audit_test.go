package store_test

import (
	"context"
	"strings"
	"testing"

	"github.com/tailorhq/tailor/internal/testenv"
	"github.com/tailorhq/tailor/store"
)

// TestAuditLogIsAppendOnly: the database itself refuses to change or remove
// an entry; only an erasure's redaction of the copy is let through.
func TestAuditLogIsAppendOnly(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := testenv.Store(t)
	err := st.AppendAudit(ctx, store.AuditEntry{Actor: "tok_1", BrandID: "acme-outdoor", Action: "variant.edit",
		Subject: "v1", CustomerHash: store.CustomerHash("acme-outdoor", "c-1"),
		Before: map[string]string{"title": "Hi Dana"}, After: map[string]string{"title": "Hi"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, sql := range []string{
		"UPDATE audit_log SET actor = 'someone else'",
		"UPDATE audit_log SET before = NULL, after = NULL, redacted = true, action = 'variant.approve'",
		"DELETE FROM audit_log",
		"TRUNCATE audit_log",
	} {
		if _, err := st.Pool().Exec(ctx, sql); err == nil || !strings.Contains(err.Error(), "append-only") {
			t.Errorf("%s: %v, want refused as append-only", sql, err)
		}
	}
	if _, err := st.Pool().Exec(ctx, "UPDATE audit_log SET before = NULL, after = NULL, redacted = true"); err != nil {
		t.Errorf("redacting the copy: %v", err)
	}
	entries, err := st.Audit(ctx, "acme-outdoor", 0, 0)
	if err != nil || len(entries) != 1 || !entries[0].Redacted || entries[0].Before != nil || entries[0].Actor != "tok_1" {
		t.Errorf("after the attempts: %+v, %v", entries, err)
	}
}
