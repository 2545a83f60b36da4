package store_test

import (
	"context"
	"sync"
	"testing"
	"time"

	tailor "github.com/tailorhq/tailor"
	"github.com/tailorhq/tailor/internal/testenv"
	"github.com/tailorhq/tailor/store"
)

// A job is stored once, whole: duplicates racing it and replays after it
// store nothing, and every column of its variants and learned rows round-trips.
func TestSaveJobOnceAndWhole(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := testenv.Store(t)
	b := brief(t)
	key := uuid()
	created := time.Date(2026, 11, 22, 9, 30, 0, 0, time.UTC)
	res := tailor.JobResult{JobID: tailor.JobID(b.Brand.ID, key), Ref: b.Ref(), IdempotencyKey: key, CustomerID: "c-9",
		Refusals: []tailor.Refusal{{Channel: tailor.SMS, Reason: "no consent"}}, Learned: map[string]tailor.Learned{}}
	for i, s := range []tailor.Status{tailor.Approved, tailor.Flagged, tailor.Approved} {
		v := tailor.Variant{VariantID: uuid(), JobID: res.JobID, CustomerID: "c-9", BrandID: b.Brand.ID,
			CampaignID: b.Campaign.ID, BriefVersion: b.Campaign.Version, Channel: tailor.Email,
			Fields: map[string]string{"subject": "Trails", "preheader": "Warm layers", "body": "Body " + string(s)},
			Angle:  "warmth", UsedFacts: []string{"first_name", "favorite_activity"}, Status: s,
			Report: tailor.Report{Status: s, Findings: []tailor.Finding{}}, Model: "test", PromptVersion: "email/v1",
			Usage: tailor.Usage{PromptTokens: 100 + i, CompletionTokens: 20}, Creatives: []int64{7, 9}, CreatedAt: created}
		if s == tailor.Approved {
			vec := make([]float32, store.Dimensions)
			vec[i] = 1
			res.Learned[v.VariantID] = tailor.Learned{Fields: v.Fields, Vector: vec}
		}
		res.Variants = append(res.Variants, v)
	}
	// A flagged variant with a learned entry must not be learned from.
	res.Learned[res.Variants[1].VariantID] = tailor.Learned{Fields: res.Variants[1].Fields, Vector: make([]float32, store.Dimensions)}

	var wg sync.WaitGroup
	var mu sync.Mutex
	saves := 0
	for range 8 {
		wg.Go(func() {
			saved, err := st.SaveJob(ctx, res)
			if err != nil {
				t.Error(err)
			}
			if saved {
				mu.Lock()
				saves++
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if saves != 1 {
		t.Fatalf("%d of 8 racing saves stored the job, want 1", saves)
	}
	if saved, err := st.SaveJob(ctx, res); err != nil || saved {
		t.Fatalf("replay: saved=%v err=%v, want nothing stored", saved, err)
	}

	got, err := st.Variants(ctx, store.VariantFilter{BrandID: b.Brand.ID, JobID: res.JobID})
	if err != nil || len(got) != 3 {
		t.Fatalf("variants: %d, %v; want 3", len(got), err)
	}
	for i, v := range got {
		want := res.Variants[i]
		if v.VariantID != want.VariantID || v.Status != want.Status || v.Fields["body"] != want.Fields["body"] ||
			len(v.UsedFacts) != 2 || len(v.Creatives) != 2 || v.Creatives[1] != 9 || v.Usage != want.Usage ||
			!v.CreatedAt.Equal(created) || v.Angle != "warmth" || v.PromptVersion != "email/v1" {
			t.Errorf("variant %d round-tripped as %+v, want %+v", i, v, want)
		}
	}
	var learned int
	var refusals string
	if err := st.Pool().QueryRow(ctx, `SELECT (SELECT count(*) FROM learned), refusals::text FROM jobs WHERE id = $1`,
		res.JobID).Scan(&learned, &refusals); err != nil {
		t.Fatal(err)
	}
	if learned != 2 || refusals != `[{"reason": "no consent", "channel": "sms"}]` {
		t.Errorf("learned %d rows (want the 2 approved), refusals %s", learned, refusals)
	}

	// A job whose channels were all refused is stored with no variants.
	empty := tailor.JobResult{JobID: tailor.JobID(b.Brand.ID, "k-empty"), Ref: b.Ref(), IdempotencyKey: "k-empty", CustomerID: "c-10"}
	if saved, err := st.SaveJob(ctx, empty); err != nil || !saved {
		t.Fatalf("job without variants: saved=%v err=%v", saved, err)
	}
}
