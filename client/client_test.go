package client_test

import (
	"context"
	"errors"
	"net/http/httptest"
	"testing"

	"github.com/hibiken/asynq"
	tailor "github.com/tailorhq/tailor"
	"github.com/tailorhq/tailor/api"
	"github.com/tailorhq/tailor/client"
	"github.com/tailorhq/tailor/internal/testenv"
	"github.com/tailorhq/tailor/queue"
	"github.com/tailorhq/tailor/store"
)

func brief(t *testing.T) tailor.Brief { return testenv.Brief(t) }

func job(key string) tailor.Job {
	return tailor.Job{
		BriefRef: &tailor.BriefRef{BrandID: "acme-outdoor", CampaignID: "winter-trail-2026", Version: 1},
		Profile: tailor.Profile{CustomerID: "c-1", Consent: tailor.Consent{Personalization: true,
			Channels: []tailor.Channel{tailor.Push}}},
		Channels: []tailor.Channel{tailor.Push}, Variants: 1, IdempotencyKey: key,
	}
}

// setup serves the API on a schema and queue of the test's own and returns
// an HTTP client with an enqueuer token, and the queue's name.
func setup(t *testing.T) (*client.HTTP, string) {
	t.Helper()
	st := testenv.Store(t)
	q := testenv.Queue(t)
	qc := queue.NewClient(testenv.Redis(), queue.Config{Queue: q})
	t.Cleanup(func() { qc.Close() })
	in := asynq.NewInspector(testenv.Redis())
	t.Cleanup(func() { in.Close() })
	s, err := api.New(api.Config{Store: st, Queue: qc, Inspector: in, QueueName: q, Logger: testenv.Logger()})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	_, secret, err := st.CreateToken(context.Background(), "acme-outdoor", store.Enqueuer, "test")
	if err != nil {
		t.Fatal(err)
	}
	return &client.HTTP{BaseURL: srv.URL, Token: secret, Client: srv.Client()}, q
}

func TestHTTPClient(t *testing.T) {
	t.Parallel()
	c, _ := setup(t)
	ctx := context.Background()
	if created, err := c.RegisterBrief(ctx, brief(t)); err != nil || !created {
		t.Fatalf("RegisterBrief: %v, %v", created, err)
	}
	first, err := c.Enqueue(ctx, job("k-1"))
	if err != nil || first.Duplicate {
		t.Fatalf("Enqueue: %+v, %v", first, err)
	}
	again, err := c.Enqueue(ctx, job("k-1"))
	if err != nil || !again.Duplicate || again.JobID != first.JobID {
		t.Errorf("Enqueue again: %+v, %v; want a duplicate of %s", again, err, first.JobID)
	}

	bad := job("k-2")
	bad.Variants = 0
	var verr *tailor.ValidationError
	if _, err := c.Enqueue(ctx, bad); !errors.As(err, &verr) || verr.Problems[0].Field != "variants" {
		t.Errorf("Enqueue of a bad job: %v, want a validation error naming variants", err)
	}
	// Valid to the schema, refused by the API: the brief is not registered.
	unknown := job("k-3")
	unknown.BriefRef.Version = 9
	if _, err := c.Enqueue(ctx, unknown); !client.IsInvalid(err) {
		t.Errorf("Enqueue for an unregistered brief: %v, want invalid", err)
	}

	res, err := c.EnqueueBatch(ctx, []tailor.Job{job("k-1"), job("k-4"), job("k-5")})
	if err != nil || res.Queued != 2 || res.Duplicates != 1 {
		t.Errorf("EnqueueBatch: %+v, %v; want 2 queued, 1 duplicate", res, err)
	}
	if _, err := c.EnqueueBatch(ctx, []tailor.Job{job("k-6"), bad}); !client.IsInvalid(err) {
		t.Errorf("EnqueueBatch with a bad job: %v, want invalid before sending", err)
	}

	vs, err := c.Variants(ctx, "c-1", client.VariantQuery{Status: tailor.Approved, Channel: tailor.Push})
	if err != nil || len(vs) != 0 {
		t.Errorf("Variants: %v, %v; want none yet", vs, err)
	}
	if _, err := c.Variants(ctx, "c-1", client.VariantQuery{Status: "sent"}); !client.IsInvalid(err) {
		t.Errorf("Variants with a bad status: %v, want invalid", err)
	}
	c.Token = "tailor_wrong"
	var apiErr *client.APIError
	if _, err := c.Enqueue(ctx, job("k-7")); !errors.As(err, &apiErr) || apiErr.Status != 401 {
		t.Errorf("Enqueue with a wrong token: %v, want a 401 APIError", err)
	}
}

func TestQueueClient(t *testing.T) {
	t.Parallel()
	q := testenv.Queue(t)
	c := client.NewQueue(testenv.Redis(), queue.Config{Queue: q})
	defer c.Close()
	ctx := context.Background()
	res, err := c.Enqueue(ctx, job("q-1"))
	if err != nil || res.JobID != tailor.JobID("acme-outdoor", "q-1") {
		t.Fatalf("Enqueue: %+v, %v", res, err)
	}
	in := asynq.NewInspector(testenv.Redis())
	defer in.Close()
	if info, err := in.GetTaskInfo(q, res.JobID); err != nil || info.Type != queue.TypeGenerate {
		t.Errorf("task on the queue: %+v, %v", info, err)
	}
	bad := job("q-2")
	bad.Channels = nil
	if _, err := c.Enqueue(ctx, bad); !client.IsInvalid(err) {
		t.Errorf("Enqueue of a job without channels: %v, want invalid", err)
	}
	if err := client.Validate(job("q-3")); err != nil {
		t.Errorf("Validate of a good job: %v", err)
	}
}
