package store_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	tailor "github.com/tailorhq/tailor"
	"github.com/tailorhq/tailor/internal/testenv"
	"github.com/tailorhq/tailor/store"
)

// An approved variant becomes a past creative, but retrieval skips it until
// outcomes come in; then it competes on similarity and performance.
func TestLearnedCreativesNeedOutcomes(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := testenv.Store(t)
	b := brief(t)
	id := saveVariants(t, st, b, "c-1", tailor.Approved)[0].VariantID
	query := make([]float32, store.Dimensions) // the vector saveVariants learns with
	query[0] = 1
	got, err := st.Similar(ctx, b.Brand.ID, tailor.Push, query, 5)
	if err != nil || len(got) != 0 {
		t.Fatalf("unproven learned creative retrieved: %v %v", got, err)
	}
	if err := st.AddOutcome(ctx, b.Brand.ID, store.Outcome{VariantID: id, Impressions: 100, Clicks: 9, Conversions: 2}); err != nil {
		t.Fatal(err)
	}
	got, err = st.Similar(ctx, b.Brand.ID, tailor.Push, query, 5)
	if err != nil || len(got) != 1 || got[0].Performance < 0.1 {
		t.Fatalf("after outcomes: %+v %v", got, err)
	}
	if err := st.AddOutcome(ctx, "other-brand", store.Outcome{VariantID: id, Impressions: 1}); !errors.Is(err, tailor.ErrNotFound) {
		t.Errorf("another brand's variant: %v, want ErrNotFound", err)
	}
	if err := st.AddOutcome(ctx, b.Brand.ID, store.Outcome{VariantID: "nope"}); !errors.Is(err, tailor.ErrInvalid) {
		t.Errorf("bad id: %v, want ErrInvalid", err)
	}
}

// Registering a new brief version makes the older version's variants stale:
// they are marked, and left out when only current copy is asked for.
func TestNewBriefVersionMakesVariantsStale(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := testenv.Store(t)
	b := brief(t)
	if _, err := st.PutBrief(ctx, b); err != nil {
		t.Fatal(err)
	}
	saveVariants(t, st, b, "c-1", tailor.Approved)
	list := func(current bool) []tailor.Variant {
		vs, err := st.Variants(ctx, store.VariantFilter{BrandID: b.Brand.ID, Current: current})
		if err != nil {
			t.Fatal(err)
		}
		return vs
	}
	if vs := list(true); len(vs) != 1 || vs[0].Stale {
		t.Fatalf("before v2: %+v", vs)
	}
	v2 := b
	v2.Campaign.Version = 2
	if _, err := st.PutBrief(ctx, v2); err != nil {
		t.Fatal(err)
	}
	if vs := list(false); len(vs) != 1 || !vs[0].Stale {
		t.Fatalf("after v2, all: %+v", vs)
	}
	if vs := list(true); len(vs) != 0 {
		t.Fatalf("after v2, current: %d variants, want none", len(vs))
	}
}

// A customer is stale while their newest job follows an older brief
// version, until a job for the current version is stored.
func TestStaleCustomers(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := testenv.Store(t)
	b := brief(t)
	save := func(customer string, version int) {
		t.Helper()
		key := fmt.Sprintf("%s:v%d", customer, version)
		ref := b.Ref()
		ref.Version = version
		if _, err := st.SaveJob(ctx, tailor.JobResult{JobID: tailor.JobID(b.Brand.ID, key), Ref: ref, IdempotencyKey: key, CustomerID: customer}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := st.PutBrief(ctx, b); err != nil {
		t.Fatal(err)
	}
	save("c-1", 1)
	save("c-2", 1)
	if got, _ := st.StaleCustomers(ctx, b.Brand.ID, ""); len(got) != 0 {
		t.Fatalf("stale before v2: %+v", got)
	}
	v2 := b
	v2.Campaign.Version = 2
	if _, err := st.PutBrief(ctx, v2); err != nil {
		t.Fatal(err)
	}
	save("c-2", 2)
	got, err := st.StaleCustomers(ctx, b.Brand.ID, b.Campaign.ID)
	if err != nil || len(got) != 1 || got[0].CustomerID != "c-1" || got[0].BriefVersion != 1 || got[0].CurrentVersion != 2 {
		t.Fatalf("stale after v2: %+v %v, want c-1 from v1 to v2", got, err)
	}
	if got, _ := st.StaleCustomers(ctx, "other-brand", ""); len(got) != 0 {
		t.Fatalf("another brand sees %+v", got)
	}
}
