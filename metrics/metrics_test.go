package metrics_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/hibiken/asynq"
	tailor "github.com/tailorhq/tailor"
	"github.com/tailorhq/tailor/internal/testenv"
	"github.com/tailorhq/tailor/metrics"
)

func scrape(t *testing.T, m *metrics.Metrics) string {
	t.Helper()
	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	body, _ := io.ReadAll(rec.Body)
	return string(body)
}

func TestMetrics(t *testing.T) {
	t.Parallel()
	q := testenv.Queue(t)
	in := asynq.NewInspector(testenv.Redis())
	defer in.Close()
	client := asynq.NewClient(testenv.Redis())
	defer client.Close()
	if _, err := client.Enqueue(asynq.NewTask("generate", nil), asynq.Queue(q)); err != nil {
		t.Fatal(err)
	}
	m := metrics.New(in, q)
	results := []error{nil, nil, fmt.Errorf("bad job: %w", asynq.SkipRetry), errors.New("model timed out")}
	for _, res := range results {
		h := m.Middleware(asynq.HandlerFunc(func(context.Context, *asynq.Task) error { return res }))
		h.ProcessTask(context.Background(), asynq.NewTask("generate", nil))
	}
	m.Saved(tailor.JobResult{
		Variants: []tailor.Variant{
			{Channel: tailor.Email, Status: tailor.Approved},
			{Channel: tailor.Email, Status: tailor.Flagged, Report: tailor.Report{Findings: []tailor.Finding{{Check: "brand.tone", Severity: "flag"}}}},
		},
		Refusals: []tailor.Refusal{{Channel: tailor.SMS}},
	})
	m.Stage("guardrails", 2*time.Millisecond)
	m.Stage("guardrails", 3*time.Millisecond)
	body := scrape(t, m)
	for _, want := range []string{
		`tailor_jobs_total{result="ok"} 2`,
		`tailor_jobs_total{result="archived"} 1`,
		`tailor_jobs_total{result="retry"} 1`,
		`tailor_job_duration_seconds_count 4`,
		`tailor_variants_total{channel="email",status="approved"} 1`,
		`tailor_findings_total{check="brand.tone",severity="flag"} 1`,
		`tailor_refused_channels_total 1`,
		`tailor_stage_duration_seconds_count{stage="guardrails"} 2`,
		fmt.Sprintf(`tailor_queue_tasks{queue=%q,state="pending"} 1`, q),
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %s", want)
		}
	}
}
