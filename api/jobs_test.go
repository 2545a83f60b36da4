package api_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/tailorhq/tailor/api"
	"github.com/tailorhq/tailor/store"
)

type problem struct{ Field, Message string }

type errorResp struct {
	Error    string
	Problems []problem
}

func (e errorResp) names(field string) bool {
	for _, p := range e.Problems {
		if p.Field == field {
			return true
		}
	}
	return false
}

func TestEnqueueOneJob(t *testing.T) {
	t.Parallel()
	f := setup(t)
	secret := f.bearer(acme, store.Enqueuer)

	var first, again struct {
		JobID     string `json:"job_id"`
		Duplicate bool
	}
	f.want(202, "POST", "/v1/jobs", secret, job(acme, "c-1", "key-1"), &first)
	f.want(202, "POST", "/v1/jobs", secret, job(acme, "c-1", "key-1"), &again)
	if first.JobID == "" || first.Duplicate || again.JobID != first.JobID || !again.Duplicate {
		t.Errorf("enqueue twice: %+v then %+v, want one job and a duplicate", first, again)
	}
	var status struct{ State string }
	f.want(200, "GET", "/v1/jobs/"+first.JobID, secret, nil, &status)
	if status.State != "pending" {
		t.Errorf("state %q, want pending", status.State)
	}

	bad := job(acme, "c-1", "key-2")
	bad["variants"] = 0
	var e errorResp
	f.want(400, "POST", "/v1/jobs", secret, bad, &e)
	if !e.names("variants") {
		t.Errorf("400 does not name variants: %+v", e)
	}
	unknown := job(acme, "c-1", "key-3")
	unknown["brief_ref"] = map[string]any{"brand_id": acme, "campaign_id": "spring", "version": 1}
	f.want(400, "POST", "/v1/jobs", secret, unknown, &e)
	if !e.names("brief_ref") || !strings.Contains(e.Problems[0].Message, "not registered") {
		t.Errorf("unregistered brief: %+v", e)
	}
	f.want(400, "POST", "/v1/jobs", secret, "{not json", &e)
	f.want(404, "GET", "/v1/jobs/job_000000000000000000000000", secret, nil, nil)
}

func TestStoredJobStatus(t *testing.T) {
	t.Parallel()
	f := setup(t)
	jobID, _ := f.seed("c-9", "flagged", "approved", "approved")
	var status struct {
		State string
		Job   store.JobRecord
	}
	f.want(200, "GET", "/v1/jobs/"+jobID, f.bearer(acme, store.Enqueuer), nil, &status)
	if status.State != "stored" || status.Job.Variants["approved"] != 2 || status.Job.Variants["flagged"] != 1 {
		t.Errorf("status %+v, want stored with 2 approved, 1 flagged", status)
	}
}

type batchResp struct {
	Queued, Duplicates, Invalid int
	Error                       string
	Results                     []struct {
		Record    int
		JobID     string `json:"job_id"`
		Duplicate bool
		Problems  []problem
	}
}

func TestEnqueueBatch(t *testing.T) {
	t.Parallel()
	f := setup(t, func(c *api.Config) { c.MaxBatch = 4 })
	secret := f.bearer(acme, store.Enqueuer)
	line := func(v any) string { b, _ := json.Marshal(v); return string(b) + "\n" }
	bad := job(acme, "c-2", "b-bad")
	bad["channels"] = []string{"fax"}
	body := line(job(acme, "c-1", "b-1")) + "\n" + line(bad) + line(job(acme, "c-1", "b-1")) + line(job(globex, "c-3", "b-3"))

	var res batchResp
	f.want(200, "POST", "/v1/jobs/batch", secret, body, &res)
	if res.Queued != 1 || res.Duplicates != 1 || res.Invalid != 2 || len(res.Results) != 4 {
		t.Fatalf("batch = %+v, want 1 queued, 1 duplicate, 2 invalid", res)
	}
	if r := res.Results[1]; r.Record != 2 || len(r.Problems) == 0 || !strings.HasPrefix(r.Problems[0].Field, "channels") {
		t.Errorf("record 2: %+v, want a problem naming channels", r)
	}
	if r := res.Results[3]; len(r.Problems) != 1 || r.Problems[0].Field != "brief_ref.brand_id" {
		t.Errorf("another brand's job: %+v", r)
	}

	// One job over the limit: the first four are handled, then 413.
	body = ""
	for i := range 5 {
		body += line(job(acme, "c-1", fmt.Sprintf("over-%d", i)))
	}
	f.want(413, "POST", "/v1/jobs/batch", secret, body, &res)
	if res.Queued != 4 || !strings.Contains(res.Error, "more than 4") {
		t.Errorf("over the limit: %+v", res)
	}
	// Broken JSON stops the batch where it is, naming the record.
	f.want(400, "POST", "/v1/jobs/batch", secret, line(job(acme, "c-1", "x-1"))+"{oops\n", &res)
	if res.Queued != 1 || !strings.Contains(res.Error, "record 2") {
		t.Errorf("broken JSON: %+v", res)
	}
}

// TestEnqueueTenThousandStreamed sends the largest batch from a pipe, so the
// request is never whole in memory on either side.
func TestEnqueueTenThousandStreamed(t *testing.T) {
	if testing.Short() {
		t.Skip("enqueues 10,000 jobs (a few seconds); skipped with -short")
	}
	t.Parallel()
	f := setup(t)
	pr, pw := io.Pipe()
	go func() {
		enc := json.NewEncoder(pw)
		for i := range api.DefaultMaxBatch {
			if err := enc.Encode(job(acme, fmt.Sprintf("c-%d", i%500), fmt.Sprintf("bulk-%d", i))); err != nil {
				pw.CloseWithError(err)
				return
			}
		}
		pw.Close()
	}()
	req, _ := http.NewRequest("POST", f.srv.URL+"/v1/jobs/batch", pr)
	req.Header.Set("Authorization", "Bearer "+f.bearer(acme, store.Enqueuer))
	req.Header.Set("Content-Type", "application/x-ndjson")
	resp, err := f.srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var res batchResp
	if err := json.NewDecoder(resp.Body).Decode(&res); err != nil || resp.StatusCode != 200 {
		t.Fatalf("status %d, err %v", resp.StatusCode, err)
	}
	if res.Queued != api.DefaultMaxBatch || res.Invalid != 0 {
		t.Errorf("queued %d, invalid %d; want %d, 0", res.Queued, res.Invalid, api.DefaultMaxBatch)
	}
}

func TestOversizedBodiesAre413(t *testing.T) {
	t.Parallel()
	f := setup(t, func(c *api.Config) { c.MaxBodyBytes = 1 << 10; c.MaxBatchBytes = 4 << 10 })
	secret := f.bearer(acme, store.Admin)
	huge := `{"brand": {"id": "` + strings.Repeat("a", 2<<10) + `"}}`
	var e errorResp
	f.want(413, "POST", "/v1/briefs", secret, huge, &e)
	f.want(413, "POST", "/v1/jobs", secret, huge, &e)
	var res batchResp
	f.want(413, "POST", "/v1/jobs/batch", secret, strings.Repeat(huge+"\n", 3), &res)
}

func TestBriefs(t *testing.T) {
	t.Parallel()
	f := setup(t)
	secret := f.bearer(acme, store.Enqueuer)
	b := f.brief
	b.Campaign.Version = 2
	var reg struct{ Created bool }
	f.want(201, "POST", "/v1/briefs", secret, b, &reg)
	f.want(200, "POST", "/v1/briefs", secret, b, &reg)
	b.Campaign.Objective = "something else"
	f.want(409, "POST", "/v1/briefs", secret, b, nil)

	var e errorResp
	f.want(400, "POST", "/v1/briefs", secret, `{"brand": {"id": "acme-outdoor"}, "campaign": {}, "extra": 1}`, &e)
	if len(e.Problems) == 0 {
		t.Errorf("bad brief: %+v, want problems by field", e)
	}
	var list struct{ Briefs []store.BriefVersion }
	f.want(200, "GET", "/v1/briefs", secret, nil, &list)
	if len(list.Briefs) != 2 || list.Briefs[1].Version != 2 {
		t.Errorf("briefs = %+v", list.Briefs)
	}
	f.want(200, "GET", "/v1/briefs/winter-trail-2026/2", secret, nil, nil)
	f.want(404, "GET", "/v1/briefs/winter-trail-2026/3", secret, nil, nil)
	f.want(400, "GET", "/v1/briefs/winter-trail-2026/x", secret, nil, &e)
	if !e.names("version") {
		t.Errorf("bad version: %+v", e)
	}
}
