package store_test

import (
	"context"
	"strings"
	"testing"

	tailor "github.com/tailorhq/tailor"
	"github.com/tailorhq/tailor/internal/testenv"
	"github.com/tailorhq/tailor/store"
)

func TestEraseCustomer(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := testenv.Store(t)
	b := brief(t)
	if _, err := st.PutBrief(ctx, b); err != nil {
		t.Fatal(err)
	}
	vs := saveVariants(t, st, b, "c-gone", tailor.Approved, tailor.Flagged)
	saveVariants(t, st, b, "c-gone", tailor.Approved)
	saveVariants(t, st, b, "c-stays", tailor.Approved)
	// An outcomes table keyed by brand and customer is erased too.
	if _, err := st.Pool().Exec(ctx, `CREATE TABLE outcomes (brand_id text, customer_id text, clicks int);
		INSERT INTO outcomes VALUES ('acme-outdoor', 'c-gone', 1), ('acme-outdoor', 'c-stays', 2)`); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Decide(ctx, store.Decision{BrandID: b.Brand.ID, VariantID: vs[1].VariantID, Actor: "tok_r", Action: store.Edit,
		Fields: map[string]string{"title": "Hi Dana", "body": "Trails"}, Report: tailor.Report{Status: tailor.Approved}}); err != nil {
		t.Fatal(err)
	}

	e, err := st.EraseCustomer(ctx, b.Brand.ID, "c-gone", "tok_admin")
	if err != nil {
		t.Fatal(err)
	}
	if e.Jobs != 2 || e.Variants != 3 || e.Creatives != 2 || e.Outcomes != 1 || e.AuditRedacted != 1 {
		t.Errorf("erasure %+v, want 2 jobs, 3 variants, 2 creatives, 1 outcome, 1 redacted", e)
	}
	again, err := st.EraseCustomer(ctx, b.Brand.ID, "c-gone", "tok_admin")
	if err != nil || again.Jobs+again.Variants+again.Creatives+again.Outcomes+again.AuditRedacted != 0 {
		t.Errorf("second erasure %+v, %v; want nothing left", again, err)
	}
	var left int
	st.Pool().QueryRow(ctx, `SELECT (SELECT count(*) FROM variants) + (SELECT count(*) FROM jobs) + (SELECT count(*) FROM creatives)
		+ (SELECT count(*) FROM learned) + (SELECT count(*) FROM outcomes)`).Scan(&left)
	if left != 4 {
		t.Errorf("%d rows left, want the other customer's variant, job, creative and outcome", left)
	}
	entries, _ := st.Audit(ctx, b.Brand.ID, 0, 0)
	for _, en := range entries {
		if strings.Contains(en.Subject, "c-gone") || en.Before != nil || en.After != nil {
			t.Errorf("audit entry keeps personal data: %+v", en)
		}
	}
	if entries[0].Action != "customer.erase" || entries[0].CustomerHash != store.CustomerHash(b.Brand.ID, "c-gone") {
		t.Errorf("newest audit entry %+v, want the erasure by hash", entries[0])
	}
}
