package api_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	tailor "github.com/tailorhq/tailor"
	"github.com/tailorhq/tailor/store"
)

func TestReviewDecisions(t *testing.T) {
	t.Parallel()
	f := setup(t)
	secret := f.bearer(acme, store.Reviewer)
	_, vs := f.seed("c-1", tailor.Flagged, tailor.Flagged, tailor.Flagged, tailor.Approved)

	var queue struct{ Variants []tailor.Variant }
	f.want(200, "GET", "/v1/review", secret, nil, &queue)
	if len(queue.Variants) != 3 || queue.Variants[0].VariantID != vs[0].VariantID {
		t.Fatalf("review queue has %d variants (first %v), want the 3 flagged, oldest first", len(queue.Variants), queue.Variants)
	}

	var v tailor.Variant
	f.want(200, "POST", "/v1/variants/"+vs[0].VariantID+"/approve", secret, nil, &v)
	if v.Status != tailor.Approved {
		t.Errorf("approved variant is %s", v.Status)
	}
	f.want(409, "POST", "/v1/variants/"+vs[0].VariantID+"/approve", secret, nil, nil)
	f.want(200, "POST", "/v1/variants/"+vs[1].VariantID+"/reject", secret, map[string]string{"reason": "off-brand"}, &v)
	if v.Status != tailor.Rejected {
		t.Errorf("rejected variant is %s", v.Status)
	}

	// An edit that adds a banned phrase is refused with the findings, and
	// nothing changes.
	cheap := map[string]any{"fields": map[string]string{"body": "Cheap winter layers for members, 15% off through Dec 31."}}
	var refused struct {
		Error    string
		Findings []tailor.Finding
	}
	f.want(422, "POST", "/v1/variants/"+vs[2].VariantID+"/edit", secret, cheap, &refused)
	if len(refused.Findings) == 0 || !hasCheck(refused.Findings, "brand.banned_phrase") {
		t.Errorf("refused edit findings: %+v, want brand.banned_phrase", refused)
	}
	if got, _ := f.st.Variant(context.Background(), acme, vs[2].VariantID); got.Status != tailor.Flagged || got.Fields["body"] != pushCopy["body"] {
		t.Errorf("a refused edit changed the variant: %+v", got)
	}
	var e errorResp
	f.want(400, "POST", "/v1/variants/"+vs[2].VariantID+"/edit", secret, map[string]any{"fields": map[string]string{"subject": "x"}}, &e)
	if !e.names("fields.subject") {
		t.Errorf("edit with a field push has not: %+v", e)
	}
	f.want(400, "POST", "/v1/variants/"+vs[2].VariantID+"/edit", secret, map[string]any{"fields": map[string]string{}, "colour": 1}, &e)
	if !e.names("colour") {
		t.Errorf("unknown field: %+v", e)
	}
	f.want(400, "POST", "/v1/variants/"+vs[2].VariantID+"/approve", secret, map[string]any{"fields": map[string]string{"title": "x"}}, &e)

	edit := map[string]any{"fields": map[string]string{"title": "Fresh trails are calling"}, "reason": "less pushy"}
	f.want(200, "POST", "/v1/variants/"+vs[2].VariantID+"/edit", secret, edit, &v)
	if v.Status != tailor.Approved || v.Fields["title"] != "Fresh trails are calling" || v.Fields["body"] != pushCopy["body"] {
		t.Errorf("edited variant: %+v", v)
	}
	f.want(404, "POST", "/v1/variants/not-a-uuid/approve", secret, nil, nil)

	// The audit log has every decision, with the edit's before and after.
	var audit struct{ Entries []store.AuditEntry }
	f.want(200, "GET", "/v1/audit", f.bearer(acme, store.Admin), nil, &audit)
	var actions []string
	for _, e := range audit.Entries {
		if strings.HasPrefix(e.Action, "variant.") {
			actions = append(actions, e.Action)
			if e.Actor != f.tokens[acme][store.Reviewer].ID {
				t.Errorf("%s by %q, want the reviewer's token id", e.Action, e.Actor)
			}
		}
		if e.Action == "variant.edit" {
			before, _ := json.Marshal(e.Before)
			after, _ := json.Marshal(e.After)
			if !strings.Contains(string(before), "Your next trail is calling") || !strings.Contains(string(after), "Fresh trails are calling") {
				t.Errorf("edit entry before %s after %s", before, after)
			}
		}
	}
	want := "variant.edit variant.edit_refused variant.reject variant.approve"
	if strings.Join(actions, " ") != want {
		t.Errorf("audit actions (newest first) %v, want %s", actions, want)
	}
}

func hasCheck(findings []tailor.Finding, check string) bool {
	for _, f := range findings {
		if f.Check == check {
			return true
		}
	}
	return false
}

func TestCustomerVariantsAndWhy(t *testing.T) {
	t.Parallel()
	f := setup(t)
	secret := f.bearer(acme, store.Enqueuer)
	_, vs := f.seed("c-7", tailor.Approved, tailor.Flagged, tailor.Rejected)
	f.seed("c-8", tailor.Approved)

	var got struct{ Variants []tailor.Variant }
	f.want(200, "GET", "/v1/customers/c-7/variants?campaign_id=winter-trail-2026&channel=push&status=approved", secret, nil, &got)
	if len(got.Variants) != 1 || got.Variants[0].VariantID != vs[0].VariantID {
		t.Errorf("approved variants of c-7: %+v", got.Variants)
	}
	f.want(200, "GET", "/v1/customers/c-7/variants", secret, nil, &got)
	if len(got.Variants) != 3 {
		t.Errorf("all variants of c-7: %d, want 3", len(got.Variants))
	}
	var e errorResp
	f.want(400, "GET", "/v1/customers/c-7/variants?status=sent&channel=fax&limit=0", secret, nil, &e)
	if !e.names("status") || !e.names("channel") || !e.names("limit") {
		t.Errorf("bad filters: %+v", e)
	}

	// The second variant was built from the first (now a past creative).
	ctx := context.Background()
	if err := f.st.AddOutcome(ctx, acme, store.Outcome{VariantID: vs[0].VariantID, Impressions: 10}); err != nil {
		t.Fatal(err)
	}
	var creativeID int64
	if err := f.st.Pool().QueryRow(ctx, "SELECT id FROM creatives WHERE variant_id = $1", vs[0].VariantID).Scan(&creativeID); err != nil {
		t.Fatal(err)
	}
	if _, err := f.st.Pool().Exec(ctx, "UPDATE variants SET creatives = $2 WHERE id = $1", vs[1].VariantID, []int64{creativeID, 999999}); err != nil {
		t.Fatal(err)
	}
	var why struct {
		UsedFacts []string `json:"used_facts"`
		Creatives []tailor.Creative
	}
	f.want(200, "GET", "/v1/variants/"+vs[1].VariantID+"/why", secret, nil, &why)
	if len(why.UsedFacts) != 1 || why.UsedFacts[0] != "favorite_activity" || len(why.Creatives) != 1 ||
		why.Creatives[0].ID != creativeID || why.Creatives[0].Fields["title"] != pushCopy["title"] {
		t.Errorf("why = %+v", why)
	}
}

func TestErasure(t *testing.T) {
	t.Parallel()
	f := setup(t)
	admin := f.bearer(acme, store.Admin)
	_, vs := f.seed("c-erase", tailor.Approved, tailor.Flagged, tailor.Flagged)
	_, keep := f.seed("c-keep", tailor.Approved)
	// An edit keeps the copy in the audit log until the erasure clears it.
	f.want(200, "POST", "/v1/variants/"+vs[1].VariantID+"/edit", f.bearer(acme, store.Reviewer),
		map[string]any{"fields": map[string]string{"title": "Fresh trails are calling"}}, nil)

	// Jobs waiting in the queue hold the profile: they go too.
	var queued, kept struct {
		JobID string `json:"job_id"`
	}
	f.want(202, "POST", "/v1/jobs", admin, job(acme, "c-erase", "waiting"), &queued)
	f.want(202, "POST", "/v1/jobs", admin, job(acme, "c-keep", "waiting-too"), &kept)

	var e struct {
		store.Erasure
		QueuedJobs  int `json:"queued_jobs"`
		RunningJobs int `json:"running_jobs"`
	}
	f.want(200, "DELETE", "/v1/customers/c-erase", admin, nil, &e)
	if e.Jobs != 1 || e.Variants != 3 || e.Creatives != 1 || e.AuditRedacted != 1 || e.QueuedJobs != 1 || e.RunningJobs != 0 {
		t.Errorf("erasure = %+v, want 1 job, 3 variants, 1 creative, 1 audit entry redacted, 1 queued job", e)
	}
	f.want(404, "GET", "/v1/jobs/"+queued.JobID, admin, nil, nil)
	f.want(200, "GET", "/v1/jobs/"+kept.JobID, admin, nil, nil)
	f.want(200, "DELETE", "/v1/customers/c-erase", admin, nil, &e)
	if e.Jobs != 0 || e.Variants != 0 || e.Creatives != 0 || e.QueuedJobs != 0 {
		t.Errorf("second erasure = %+v, want nothing left", e)
	}
	f.want(404, "GET", "/v1/variants/"+vs[0].VariantID, admin, nil, nil)
	f.want(200, "GET", "/v1/variants/"+keep[0].VariantID, admin, nil, nil)
	var n int
	f.st.Pool().QueryRow(context.Background(), "SELECT (SELECT count(*) FROM creatives) + (SELECT count(*) FROM learned)").Scan(&n)
	if n != 1 {
		t.Errorf("%d creatives left, want the other customer's 1", n)
	}

	_, data := f.do("GET", "/v1/audit", admin, nil)
	if strings.Contains(string(data), "c-erase") || strings.Contains(string(data), "Fresh trails") {
		t.Errorf("the audit log still names the customer or holds their copy: %s", data)
	}
	if !strings.Contains(string(data), `"customer.erase"`) || !strings.Contains(string(data), store.CustomerHash(acme, "c-erase")) {
		t.Errorf("the audit log has no erasure entry by hash: %s", data)
	}
}
