// Package metrics exposes what an operator watches on a worker, in the
// Prometheus text format: jobs by result and duration, the time of each
// stage of a job, variants by channel and status, guardrail findings by
// check, and the queue's depth.
package metrics

import (
	"context"
	"errors"
	"net/http"
	"time"

	"github.com/hibiken/asynq"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	tailor "github.com/tailorhq/tailor"
)

// Metrics holds a worker's collectors.
type Metrics struct {
	reg      *prometheus.Registry
	jobs     *prometheus.CounterVec
	duration prometheus.Histogram
	stages   *prometheus.HistogramVec
	variants *prometheus.CounterVec
	findings *prometheus.CounterVec
	refusals prometheus.Counter
}

// New returns metrics on a registry of their own, with Go and process
// collectors and, when inspector is set, the depth of the queue.
func New(inspector *asynq.Inspector, queue string) *Metrics {
	m := &Metrics{
		reg: prometheus.NewRegistry(),
		jobs: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "tailor_jobs_total", Help: "Job attempts by result: ok, retry (a transient failure) or archived (final).",
		}, []string{"result"}),
		duration: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "tailor_job_duration_seconds", Help: "Time of one job attempt.",
			Buckets: prometheus.ExponentialBuckets(0.005, 2, 14),
		}),
		stages: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "tailor_stage_duration_seconds", Help: "Time of one stage of a job: validate, gate, embed, retrieve, prompt, model, guardrails, store.",
			Buckets: prometheus.ExponentialBuckets(0.0001, 4, 10),
		}, []string{"stage"}),
		variants: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "tailor_variants_total", Help: "Variants stored, by channel and status.",
		}, []string{"channel", "status"}),
		findings: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "tailor_findings_total", Help: "Guardrail findings in stored variants, by check and severity.",
		}, []string{"check", "severity"}),
		refusals: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "tailor_refused_channels_total", Help: "Channels refused for lack of the customer's consent.",
		}),
	}
	m.reg.MustRegister(m.jobs, m.duration, m.stages, m.variants, m.findings, m.refusals,
		prometheus.NewGoCollector(), prometheus.NewProcessCollector(prometheus.ProcessCollectorOpts{}))
	if inspector != nil {
		m.reg.MustRegister(queueCollector{inspector, queue})
	}
	return m
}

// Handler serves the metrics.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg})
}

// Stage records how long one stage of a job took; the handler, the
// generator's pipeline and runner call it (their Observe fields).
func (m *Metrics) Stage(stage string, d time.Duration) {
	m.stages.WithLabelValues(stage).Observe(d.Seconds())
}

// Saved counts what a stored job produced. generator.Runner calls it.
func (m *Metrics) Saved(r tailor.JobResult) {
	for _, v := range r.Variants {
		m.variants.WithLabelValues(string(v.Channel), string(v.Status)).Inc()
		for _, f := range v.Report.Findings {
			m.findings.WithLabelValues(f.Check, f.Severity).Inc()
		}
	}
	m.refusals.Add(float64(len(r.Refusals)))
}

// Middleware times every job attempt and counts its result.
func (m *Metrics) Middleware(next asynq.Handler) asynq.Handler {
	return asynq.HandlerFunc(func(ctx context.Context, t *asynq.Task) error {
		start := time.Now()
		err := next.ProcessTask(ctx, t)
		m.duration.Observe(time.Since(start).Seconds())
		switch {
		case err == nil:
			m.jobs.WithLabelValues("ok").Inc()
		case errors.Is(err, asynq.SkipRetry):
			m.jobs.WithLabelValues("archived").Inc()
		default:
			m.jobs.WithLabelValues("retry").Inc()
		}
		return err
	})
}

// queueCollector reads the queue's depth from Redis at scrape time.
type queueCollector struct {
	inspector *asynq.Inspector
	queue     string
}

var queueDepth = prometheus.NewDesc("tailor_queue_tasks", "Tasks in the queue by state.", []string{"queue", "state"}, nil)

func (c queueCollector) Describe(ch chan<- *prometheus.Desc) { ch <- queueDepth }

func (c queueCollector) Collect(ch chan<- prometheus.Metric) {
	info, err := c.inspector.GetQueueInfo(c.queue)
	if err != nil {
		ch <- prometheus.NewInvalidMetric(queueDepth, err)
		return
	}
	for state, n := range map[string]int{"pending": info.Pending, "active": info.Active, "scheduled": info.Scheduled,
		"retry": info.Retry, "archived": info.Archived, "completed": info.Completed} {
		ch <- prometheus.MustNewConstMetric(queueDepth, prometheus.GaugeValue, float64(n), c.queue, state)
	}
}
