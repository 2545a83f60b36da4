package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"

	"github.com/hibiken/asynq"
	"github.com/tailorhq/tailor/api"
	"github.com/tailorhq/tailor/queue"
)

func runAPI(ctx context.Context, args []string, _ io.Reader, _, stderr io.Writer) error {
	var c config
	fs := flag.NewFlagSet("api", flag.ContinueOnError)
	c.register(fs)
	addr := fs.String("addr", env("TAILOR_API_ADDR", "127.0.0.1:8080"), "listen on host:port (TAILOR_API_ADDR)")
	insecure := fs.Bool("insecure-cookies", env("TAILOR_API_INSECURE_COOKIES", "") == "1",
		"send the reviewer session cookie without Secure, for plain HTTP other than localhost (TAILOR_API_INSECURE_COOKIES=1)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: tailor api [flags]: serve the HTTP API (/v1, /openapi.yaml) and the reviewer page (/review)")
		fs.PrintDefaults()
	}
	if err := parse(fs, args, stderr); err != nil {
		return err
	}
	log := c.logger(stderr)
	st, err := openStore(ctx, &c)
	if err != nil {
		return err
	}
	defer st.Close()
	qc := queue.NewClient(c.redis(), queue.Config{Queue: c.queue})
	defer qc.Close()
	inspector := asynq.NewInspector(c.redis())
	defer inspector.Close()
	if _, err := inspector.Queues(); err != nil {
		return fmt.Errorf("reaching Redis at %s: %w", c.redisAddr, err)
	}
	handler, err := api.New(api.Config{Store: st, Queue: qc, Inspector: inspector, QueueName: c.queue, Logger: log,
		InsecureCookies: *insecure})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("-addr: %w", err)
	}
	// Timeouts bound slow clients; WriteTimeout is generous because a
	// batch of 10,000 jobs is read and queued within one request.
	srv := &http.Server{Handler: handler, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 2 * time.Minute,
		WriteTimeout: 10 * time.Minute}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	log.Info("api: serving", "addr", ln.Addr().String(), "queue", c.queue)
	select {
	case err := <-errc:
		return fmt.Errorf("serving: %w", err)
	case <-ctx.Done():
	}
	log.Info("api: shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 15*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("shutting down: %w", err)
	}
	return nil
}
