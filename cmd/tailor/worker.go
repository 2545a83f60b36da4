package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/hibiken/asynq"
	"github.com/tailorhq/tailor/guardrails"
	"github.com/tailorhq/tailor/metrics"
	"github.com/tailorhq/tailor/queue"
	"github.com/tailorhq/tailor/store"
)

func runWorker(ctx context.Context, args []string, _ io.Reader, _, stderr io.Writer) error {
	var c config
	fs := flag.NewFlagSet("worker", flag.ContinueOnError)
	c.register(fs)
	concurrency := fs.Int("concurrency", envInt("TAILOR_CONCURRENCY", 10), "jobs processed at once (TAILOR_CONCURRENCY)")
	metricsAddr := fs.String("metrics-addr", env("TAILOR_METRICS_ADDR", ""), "serve Prometheus metrics and /healthz here, e.g. 127.0.0.1:9464; empty: off (TAILOR_METRICS_ADDR)")
	shutdown := fs.Duration("shutdown-timeout", 30*time.Second, "how long in-flight jobs may finish after SIGTERM")
	if err := parse(fs, args, stderr); err != nil {
		return err
	}
	log := c.logger(stderr)
	log.Debug("garbage collector target", "gogc", queue.TuneGC())
	if err := guardrails.Warm(); err != nil {
		return err
	}
	st, err := store.Open(ctx, c.storeFor(*concurrency))
	if err != nil {
		return err
	}
	defer st.Close()
	runner, err := c.runner(st, log)
	if err != nil {
		return err
	}
	qh := &queue.Handler{Runner: runner}
	var handler asynq.Handler = qh
	if *metricsAddr != "" {
		inspector := asynq.NewInspector(c.redis())
		defer inspector.Close()
		m := metrics.New(inspector, c.queue)
		runner.Saved = m.Saved
		runner.Observe, runner.Pipeline.Observe, qh.Observe = m.Stage, m.Stage, m.Stage
		handler = m.Middleware(handler)
		stopMetrics, err := serveMetrics(*metricsAddr, m, log)
		if err != nil {
			return err
		}
		defer stopMetrics()
	}
	srv, mux := queue.NewServer(c.redis(), queue.ServerConfig{
		Config:          queue.Config{Queue: c.queue},
		Concurrency:     *concurrency,
		ShutdownTimeout: *shutdown,
		Logger:          log,
	}, handler)
	if err := srv.Ping(); err != nil {
		return fmt.Errorf("reaching Redis at %s: %w", c.redisAddr, err)
	}
	log.Info("worker: starting", "queue", c.queue, "concurrency", *concurrency, "model", c.model, "embedder", c.embedder)
	if err := srv.Start(mux); err != nil {
		return fmt.Errorf("starting the worker: %w", err)
	}
	<-ctx.Done()
	log.Info("worker: shutting down; in-flight jobs finish or are re-queued", "timeout", *shutdown)
	srv.Shutdown()
	return nil
}

// serveMetrics serves /metrics and /healthz on addr until stop is called.
func serveMetrics(addr string, m *metrics.Metrics, log *slog.Logger) (stop func(), err error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("-metrics-addr: %w", err)
	}
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", m.Handler())
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) { io.WriteString(w, "ok\n") })
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Error("worker: metrics server stopped", "error", err)
		}
	}()
	log.Info("worker: serving metrics", "addr", ln.Addr().String())
	return func() { srv.Close() }, nil
}
