package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/tailorhq/tailor/queue"
)

func runWorker(ctx context.Context, args []string, _ io.Reader, _, stderr io.Writer) error {
	var c config
	fs := flag.NewFlagSet("worker", flag.ContinueOnError)
	c.register(fs)
	concurrency := fs.Int("concurrency", envInt("TAILOR_CONCURRENCY", 10), "jobs processed at once (TAILOR_CONCURRENCY)")
	shutdown := fs.Duration("shutdown-timeout", 30*time.Second, "how long in-flight jobs may finish after SIGTERM")
	if err := parse(fs, args, stderr); err != nil {
		return err
	}
	log := c.logger(stderr)
	st, err := openStore(ctx, &c)
	if err != nil {
		return err
	}
	defer st.Close()
	runner, err := c.runner(st, log)
	if err != nil {
		return err
	}
	srv, mux := queue.NewServer(c.redis(), queue.ServerConfig{
		Config:          queue.Config{Queue: c.queue},
		Concurrency:     *concurrency,
		ShutdownTimeout: *shutdown,
		Logger:          log,
	}, &queue.Handler{Runner: runner})
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
