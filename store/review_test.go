package store_test

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"testing"
	"time"

	tailor "github.com/tailorhq/tailor"
	"github.com/tailorhq/tailor/internal/testenv"
	"github.com/tailorhq/tailor/store"
)

func uuid() string {
	b := make([]byte, 16)
	rand.Read(b)
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
}

// saveVariants stores one job of a customer with a push variant per status;
// approved ones also become past creatives.
func saveVariants(t *testing.T, st *store.Store, b tailor.Brief, customer string, statuses ...tailor.Status) []tailor.Variant {
	t.Helper()
	key := uuid()
	res := tailor.JobResult{JobID: tailor.JobID(b.Brand.ID, key), Ref: b.Ref(), IdempotencyKey: key, CustomerID: customer,
		Learned: map[string]tailor.Learned{}}
	for i, s := range statuses {
		v := tailor.Variant{VariantID: uuid(), JobID: res.JobID, CustomerID: customer, BrandID: b.Brand.ID,
			CampaignID: b.Campaign.ID, BriefVersion: b.Campaign.Version, Channel: tailor.Push,
			Fields: map[string]string{"title": "Trails are calling", "body": "New winter layers are here."},
			Status: s, Report: tailor.Report{Status: s, Findings: []tailor.Finding{}}, Model: "test", PromptVersion: "push/v1",
			CreatedAt: time.Now().Add(time.Duration(i) * time.Millisecond)}
		if s == tailor.Approved {
			vec := make([]float32, store.Dimensions)
			vec[0] = 1
			res.Learned[v.VariantID] = tailor.Learned{Fields: v.Fields, Vector: vec}
		}
		res.Variants = append(res.Variants, v)
	}
	if _, err := st.SaveJob(context.Background(), res); err != nil {
		t.Fatal(err)
	}
	return res.Variants
}

func TestDecide(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := testenv.Store(t)
	b := brief(t)
	vs := saveVariants(t, st, b, "c-1", tailor.Flagged, tailor.Flagged, tailor.Approved)

	if _, err := st.Variant(ctx, "globex", vs[0].VariantID); !errors.Is(err, tailor.ErrNotFound) {
		t.Errorf("another brand's variant: %v, want not found", err)
	}
	if _, err := st.Decide(ctx, store.Decision{BrandID: "globex", VariantID: vs[0].VariantID, Actor: "t", Action: store.Approve}); !errors.Is(err, tailor.ErrNotFound) {
		t.Errorf("deciding another brand's variant: %v, want not found", err)
	}
	fields := map[string]string{"title": "Fresh trails", "body": "New winter layers are here."}
	v, err := st.Decide(ctx, store.Decision{BrandID: b.Brand.ID, VariantID: vs[0].VariantID, Actor: "tok_r", Action: store.Edit,
		Fields: fields, Report: tailor.Report{Status: tailor.Approved, Findings: []tailor.Finding{}}})
	if err != nil || v.Status != tailor.Approved || v.Fields["title"] != "Fresh trails" {
		t.Fatalf("edit: %+v, %v", v, err)
	}
	if _, err := st.Decide(ctx, store.Decision{BrandID: b.Brand.ID, VariantID: vs[0].VariantID, Actor: "tok_r", Action: store.Reject}); !errors.Is(err, store.ErrConflict) {
		t.Errorf("deciding twice: %v, want a conflict", err)
	}
	if _, err := st.Decide(ctx, store.Decision{BrandID: b.Brand.ID, VariantID: vs[2].VariantID, Actor: "tok_r", Action: store.Reject}); !errors.Is(err, store.ErrNotFlagged) {
		t.Errorf("deciding an approved variant: %v, want not flagged", err)
	}
	if v, err := st.Decide(ctx, store.Decision{BrandID: b.Brand.ID, VariantID: vs[1].VariantID, Actor: "tok_r", Action: store.Reject, Reason: "off-brand"}); err != nil || v.Status != tailor.Rejected {
		t.Errorf("reject: %+v, %v", v, err)
	}
	entries, _ := st.Audit(ctx, b.Brand.ID, 0, 0)
	if len(entries) != 2 || entries[0].Action != "variant.reject" || entries[0].Detail["reason"] != "off-brand" ||
		entries[1].Action != "variant.edit" || entries[1].Before == nil || entries[1].CustomerHash != store.CustomerHash(b.Brand.ID, "c-1") {
		t.Errorf("audit: %+v", entries)
	}

	// Its first outcome makes the approved variant a past creative.
	if err := st.AddOutcome(ctx, b.Brand.ID, store.Outcome{VariantID: vs[2].VariantID, Impressions: 10}); err != nil {
		t.Fatal(err)
	}
	var creative int64
	st.Pool().QueryRow(ctx, "SELECT id FROM creatives WHERE variant_id = $1", vs[2].VariantID).Scan(&creative)
	cs, err := st.CreativesByID(ctx, b.Brand.ID, "c-1", []int64{creative, 424242})
	if err != nil || len(cs) != 1 || cs[0].ID != creative || cs[0].Origin != "variant" || cs[0].Fields["title"] == "" {
		t.Errorf("CreativesByID: %+v, %v", cs, err)
	}
	// Another customer's copy may name them: shown without its fields.
	if cs, _ := st.CreativesByID(ctx, b.Brand.ID, "c-2", []int64{creative}); len(cs) != 1 || cs[0].Fields != nil {
		t.Errorf("another customer's creative: %+v, want it without fields", cs)
	}
	if cs, _ := st.CreativesByID(ctx, "globex", "c-1", []int64{creative}); len(cs) != 0 {
		t.Errorf("another brand's creatives: %+v", cs)
	}
	job, err := st.Job(ctx, b.Brand.ID, vs[0].JobID)
	if err != nil || job.Variants[tailor.Approved] != 2 || job.Variants[tailor.Rejected] != 1 {
		t.Errorf("Job: %+v, %v", job, err)
	}
}
