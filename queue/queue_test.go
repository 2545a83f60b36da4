package queue_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hibiken/asynq"
	tailor "github.com/tailorhq/tailor"
	"github.com/tailorhq/tailor/embeddings"
	"github.com/tailorhq/tailor/generator"
	"github.com/tailorhq/tailor/generator/offline"
	"github.com/tailorhq/tailor/internal/testenv"
	"github.com/tailorhq/tailor/queue"
	"github.com/tailorhq/tailor/store"
)

// bundle is one test's system: its own schema, its own queue, real services.
type bundle struct {
	st        *store.Store
	queue     string
	client    *queue.Client
	inspector *asynq.Inspector
	brief     tailor.Brief
	runner    *generator.Runner
}

func setup(t *testing.T) *bundle {
	t.Helper()
	st := testenv.Store(t)
	q := testenv.Queue(t)
	data, err := os.ReadFile("../examples/acme/brief.json")
	if err != nil {
		t.Fatal(err)
	}
	b, err := tailor.DecodeBrief(data)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.PutBrief(context.Background(), b); err != nil {
		t.Fatal(err)
	}
	client := queue.NewClient(testenv.Redis(), queue.Config{Queue: q})
	t.Cleanup(func() { client.Close() })
	in := asynq.NewInspector(testenv.Redis())
	t.Cleanup(func() { in.Close() })
	p := &generator.Pipeline{Model: offline.Model{}, Embedder: embeddings.Hashing{}, Retriever: st, Logger: testenv.Logger()}
	return &bundle{st: st, queue: q, client: client, inspector: in, brief: b,
		runner: &generator.Runner{Pipeline: p, Store: st, Logger: testenv.Logger()}}
}

// serve runs a worker on the test's queue until the test ends.
func (b *bundle) serve(t *testing.T, r queue.Runner) *asynq.Server {
	t.Helper()
	srv, mux := queue.NewServer(testenv.Redis(), queue.ServerConfig{
		Config: queue.Config{Queue: b.queue}, Concurrency: 4, ShutdownTimeout: 2 * time.Second,
		RetryDelay: func(int, error, *asynq.Task) time.Duration { return 50 * time.Millisecond },
		RetryPoll:  100 * time.Millisecond, Logger: testenv.Logger(),
	}, &queue.Handler{Runner: r})
	if err := srv.Start(mux); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Shutdown)
	return srv
}

func (b *bundle) job(customer string, channels ...tailor.Channel) tailor.Job {
	ref := b.brief.Ref()
	return tailor.Job{
		BriefRef: &ref,
		Profile: tailor.Profile{CustomerID: customer, Facts: []tailor.Fact{
			{Key: "first_name", Value: "Dana", Source: tailor.Declared, PII: true},
			{Key: "lifecycle_stage", Value: "returning", Source: tailor.Observed},
			{Key: "home_address", Value: "14 Elm Street, Portland", Source: tailor.Declared, PII: true},
		}, Consent: tailor.Consent{Personalization: true, Channels: []tailor.Channel{tailor.Email, tailor.Push}}},
		Channels: channels, Variants: 2, IdempotencyKey: "key-" + customer,
	}
}

// waitFor polls cond until it holds or 20 s pass.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (b *bundle) variants(t *testing.T, customer string) []tailor.Variant {
	t.Helper()
	vs, err := b.st.Variants(context.Background(), store.VariantFilter{BrandID: b.brief.Brand.ID, CustomerID: customer})
	if err != nil {
		t.Fatal(err)
	}
	return vs
}

func TestEndToEnd(t *testing.T) {
	t.Parallel()
	b := setup(t)
	ctx := context.Background()
	const customers = 6
	for i := range customers {
		// sms is in the campaign but not in the customer's consent: refused.
		res, err := b.client.Enqueue(ctx, b.job(fmt.Sprint("c-", i), tailor.Email, tailor.Push, tailor.SMS))
		if err != nil || res.Duplicate {
			t.Fatalf("enqueue %d: %+v %v", i, res, err)
		}
	}
	again, err := b.client.Enqueue(ctx, b.job("c-0", tailor.Email, tailor.Push, tailor.SMS))
	if err != nil || !again.Duplicate {
		t.Fatalf("second enqueue of the same key: %+v %v, want a duplicate", again, err)
	}
	b.serve(t, b.runner)
	waitFor(t, "all jobs stored", func() bool {
		jobs, _, _ := b.st.JobCounts(ctx, b.brief.Brand.ID)
		return jobs == customers
	})
	_, refusals, _ := b.st.JobCounts(ctx, b.brief.Brand.ID)
	if refusals != customers {
		t.Errorf("%d refused channels, want %d (sms without consent)", refusals, customers)
	}
	for i := range customers {
		vs := b.variants(t, fmt.Sprint("c-", i))
		if len(vs) != 4 {
			t.Fatalf("customer %d has %d variants, want 2 email + 2 push", i, len(vs))
		}
		for _, v := range vs {
			if v.Channel == tailor.SMS {
				t.Errorf("sms variant stored without consent")
			}
			if v.Status != tailor.StatusOf(v.Report.Findings) || v.Model != offline.Name || v.PromptVersion != string(v.Channel)+"/v1" {
				t.Errorf("variant %s: status %s, model %s, prompt %s", v.VariantID, v.Status, v.Model, v.PromptVersion)
			}
			if strings.Contains(strings.Join([]string{v.Fields["body"], v.Fields["subject"], v.Fields["title"]}, " "), "Elm Street") {
				t.Errorf("variant echoes the customer's address: %v", v.Fields)
			}
		}
	}
	// Approved variants became past creatives.
	var approved, indexed int
	for i := range customers {
		for _, v := range b.variants(t, fmt.Sprint("c-", i)) {
			if v.Status == tailor.Approved {
				approved++
			}
		}
	}
	if err := b.st.Pool().QueryRow(ctx, "SELECT count(*) FROM learned").Scan(&indexed); err != nil {
		t.Fatal(err)
	}
	if indexed == 0 || indexed > approved {
		t.Errorf("%d approved variants, %d indexed as creatives", approved, indexed)
	}
	var named int
	if err := b.st.Pool().QueryRow(ctx, "SELECT count(*) FROM learned WHERE fields::text LIKE '%Dana%'").Scan(&named); err != nil || named != 0 {
		t.Errorf("%d past creatives carry a customer's name (%v)", named, err)
	}
}

// A malformed job is archived at once with a reason naming the field.
func TestMalformedJobIsArchivedWithReason(t *testing.T) {
	t.Parallel()
	b := setup(t)
	raw := asynq.NewClient(testenv.Redis())
	defer raw.Close()
	payload := `{"brief_ref": {"brand_id": "acme-outdoor", "campaign_id": "winter-trail-2026", "version": 1},
	  "profile": {"customer_id": "c-9", "facts": [{"key": "x", "value": "y", "source": "guessed"}], "consent": {"personalization": true, "channels": ["email"]}},
	  "channels": ["email"], "variants": 1, "idempotency_key": "bad"}`
	if _, err := raw.Enqueue(asynq.NewTask(queue.TypeGenerate, []byte(payload)), asynq.Queue(b.queue), asynq.MaxRetry(5)); err != nil {
		t.Fatal(err)
	}
	unregistered := b.job("c-10", tailor.Email)
	unregistered.BriefRef.Version = 7
	if _, err := b.client.Enqueue(context.Background(), unregistered); err != nil {
		t.Fatal(err)
	}
	b.serve(t, b.runner)
	var archived []*asynq.TaskInfo
	waitFor(t, "two archived tasks", func() bool {
		archived, _ = b.inspector.ListArchivedTasks(b.queue)
		return len(archived) == 2
	})
	reasons := archived[0].LastErr + "\n" + archived[1].LastErr
	for _, want := range []string{"profile.facts[0].source: must be one of declared, observed, inferred", "brief_ref: brief acme-outdoor/winter-trail-2026 v7 is not registered"} {
		if !strings.Contains(reasons, want) {
			t.Errorf("archived reasons %q\nwant %q", reasons, want)
		}
	}
	for _, task := range archived {
		if task.Retried != 0 {
			t.Errorf("task %s was retried %d times before archiving", task.ID, task.Retried)
		}
	}
}

// flakyStore fails the way a crash would: either before the transaction
// commits, or after it commits but before the task is acknowledged.
type flakyStore struct {
	generator.Store
	failBefore, failAfter atomic.Int32
	saves, doneChecks     atomic.Int32
}

func (s *flakyStore) JobDone(ctx context.Context, jobID string) (bool, error) {
	s.doneChecks.Add(1)
	return s.Store.JobDone(ctx, jobID)
}

func (s *flakyStore) SaveJob(ctx context.Context, r tailor.JobResult) (bool, error) {
	s.saves.Add(1)
	if s.failBefore.Add(-1) >= 0 {
		return false, errors.New("connection reset before commit")
	}
	saved, err := s.Store.SaveJob(ctx, r)
	if err == nil && s.failAfter.Add(-1) >= 0 {
		return saved, errors.New("worker died after commit")
	}
	return saved, err
}

// A job re-run after a crash on either side of the commit stores exactly
// one set of variants.
func TestRerunAfterCrashStoresOnce(t *testing.T) {
	t.Parallel()
	b := setup(t)
	flaky := &flakyStore{Store: b.st}
	flaky.failBefore.Store(1)
	flaky.failAfter.Store(1)
	runner := &generator.Runner{Pipeline: b.runner.Pipeline, Store: flaky, Logger: testenv.Logger()}
	if _, err := b.client.Enqueue(context.Background(), b.job("c-crash", tailor.Email, tailor.Push)); err != nil {
		t.Fatal(err)
	}
	b.serve(t, runner)
	waitFor(t, "the job to complete", func() bool {
		info, err := b.inspector.GetQueueInfo(b.queue)
		return err == nil && info.Completed == 1
	})
	if got := len(b.variants(t, "c-crash")); got != 4 {
		t.Fatalf("%d variants stored, want exactly 4", got)
	}
	// Run 1 failed before commit, run 2 committed then "died", run 3 found
	// the job stored and did not save again.
	if got := flaky.saves.Load(); got != 2 {
		t.Errorf("SaveJob called %d times, want 2", got)
	}
	// Every attempt looked in the store before paying for the model.
	if got := flaky.doneChecks.Load(); got != 3 {
		t.Errorf("JobDone called %d times, want 3 (every attempt)", got)
	}
	// A replay long after (the task ID no longer reserved) stores nothing.
	if err := runner.Run(context.Background(), b.job("c-crash", tailor.Email, tailor.Push)); err != nil {
		t.Fatal(err)
	}
	if got := len(b.variants(t, "c-crash")); got != 4 {
		t.Fatalf("after a replay %d variants, want 4", got)
	}
	// It found the job stored before writing anything: no save was tried.
	if got := flaky.saves.Load(); got != 2 {
		t.Errorf("after a replay SaveJob called %d times, want still 2", got)
	}
}

// slowRunner blocks until its context ends, like a long model call.
type slowRunner struct {
	started chan struct{}
	next    queue.Runner
	calls   atomic.Int32
}

func (s *slowRunner) Run(ctx context.Context, job tailor.Job) error {
	if s.calls.Add(1) == 1 {
		close(s.started)
		<-ctx.Done()
		return ctx.Err()
	}
	return s.next.Run(ctx, job)
}

// On shutdown an in-flight job is cancelled and re-queued, and the next
// worker finishes it.
func TestShutdownRequeuesInFlightJob(t *testing.T) {
	t.Parallel()
	b := setup(t)
	slow := &slowRunner{started: make(chan struct{}), next: b.runner}
	if _, err := b.client.Enqueue(context.Background(), b.job("c-slow", tailor.Email)); err != nil {
		t.Fatal(err)
	}
	first := b.serve(t, slow)
	select {
	case <-slow.started:
	case <-time.After(20 * time.Second):
		t.Fatal("job never started")
	}
	first.Shutdown()
	b.serve(t, slow)
	waitFor(t, "the re-queued job to be stored", func() bool { return len(b.variants(t, "c-slow")) == 2 })
}

type retryAfterErr struct{ d time.Duration }

func (e retryAfterErr) Error() string             { return "rate limited" }
func (e retryAfterErr) RetryAfter() time.Duration { return e.d }

func TestRetryDelayHonoursRetryAfter(t *testing.T) {
	t.Parallel()
	task := asynq.NewTask(queue.TypeGenerate, nil)
	if got := queue.RetryDelay(1, fmt.Errorf("calling model: %w", retryAfterErr{7 * time.Second}), task); got != 7*time.Second {
		t.Errorf("delay %v, want 7s from Retry-After", got)
	}
	if got := queue.RetryDelay(1, errors.New("boom"), task); got <= 0 {
		t.Errorf("default delay %v, want a backoff", got)
	}
}

func TestEnqueueRejectsInvalidJob(t *testing.T) {
	t.Parallel()
	b := setup(t)
	bad := b.job("c-x", tailor.Email)
	bad.Variants = 0
	_, err := b.client.Enqueue(context.Background(), bad)
	if !errors.Is(err, tailor.ErrInvalid) || !strings.Contains(err.Error(), "variants") {
		t.Fatalf("got %v, want an invalid-job error naming variants", err)
	}
}

// A job may carry its brief inline: it is registered on first use, and one
// that contradicts the registered version is archived, not retried.
func TestInlineBrief(t *testing.T) {
	t.Parallel()
	b := setup(t)
	ctx := context.Background()
	inline := b.brief
	inline.Campaign.ID = "inline-campaign"
	good := b.job("c-inline", tailor.Email)
	good.BriefRef, good.Brief = nil, &inline
	changed := inline
	changed.Campaign.Offer = "90% off"
	bad := b.job("c-inline-2", tailor.Email)
	bad.BriefRef, bad.Brief = nil, &changed
	if _, err := b.client.Enqueue(ctx, good); err != nil {
		t.Fatal(err)
	}
	b.serve(t, b.runner)
	waitFor(t, "the inline job", func() bool { return len(b.variants(t, "c-inline")) == 2 })
	if _, err := b.st.Brief(ctx, inline.Ref()); err != nil {
		t.Fatalf("inline brief not registered: %v", err)
	}
	if _, err := b.client.Enqueue(ctx, bad); err != nil {
		t.Fatal(err)
	}
	var archived []*asynq.TaskInfo
	waitFor(t, "the contradicting job archived", func() bool {
		archived, _ = b.inspector.ListArchivedTasks(b.queue)
		return len(archived) == 1
	})
	if !strings.Contains(archived[0].LastErr, "registered with other content") {
		t.Errorf("reason %q", archived[0].LastErr)
	}
}

// Jobs on the low-priority queue are served by the same worker.
func TestLowPriorityQueue(t *testing.T) {
	t.Parallel()
	b := setup(t)
	low := queue.NewClient(testenv.Redis(), queue.Config{Queue: b.queue, Low: true})
	defer low.Close()
	if _, err := low.Enqueue(context.Background(), b.job("c-night", tailor.Email)); err != nil {
		t.Fatal(err)
	}
	if info, err := b.inspector.GetQueueInfo(queue.LowQueue(b.queue)); err != nil || info.Pending != 1 {
		t.Fatalf("low queue: %+v %v, want 1 pending", info, err)
	}
	b.serve(t, b.runner)
	waitFor(t, "the low-priority job", func() bool { return len(b.variants(t, "c-night")) == 2 })
}

// The handler reports how long decoding took, also for a job it archives.
func TestHandlerObservesValidation(t *testing.T) {
	t.Parallel()
	var seen []string
	h := &queue.Handler{Runner: nil, Observe: func(stage string, d time.Duration) { seen = append(seen, stage) }}
	err := h.ProcessTask(context.Background(), asynq.NewTask(queue.TypeGenerate, []byte(`{"variants": "three"}`)))
	if !errors.Is(err, asynq.SkipRetry) {
		t.Fatalf("got %v, want a malformed job archived", err)
	}
	if len(seen) != 1 || seen[0] != queue.StageValidate {
		t.Errorf("observed %v, want [%s]", seen, queue.StageValidate)
	}
}
