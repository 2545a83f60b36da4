package queue

import (
	"cmp"
	"context"
	"fmt"
	"log/slog"
	"os"
	"time"

	"github.com/hibiken/asynq"
)

// ServerConfig configures a worker. Zero values mean the defaults.
type ServerConfig struct {
	Config
	// Concurrency is how many jobs run at once (default 10; jobs mostly wait
	// on the model).
	Concurrency int
	// ShutdownTimeout is how long in-flight jobs may finish after SIGTERM
	// before they are cancelled and re-queued (default 30 s; a re-run stores
	// nothing twice).
	ShutdownTimeout time.Duration
	// RetryDelay overrides the backoff (tests use a short one).
	RetryDelay asynq.RetryDelayFunc
	// RetryPoll is how often due retries are moved back to the queue
	// (default asynq's 5 s; tests use a short one).
	RetryPoll time.Duration
	Logger    *slog.Logger
}

// NewServer returns an asynq server that runs TypeGenerate tasks with h.
// Run it with srv.Run(mux) (which stops on SIGTERM or SIGINT) or Start/Shutdown.
func NewServer(redis asynq.RedisConnOpt, cfg ServerConfig, h asynq.Handler) (*asynq.Server, *asynq.ServeMux) {
	log := cmp.Or(cfg.Logger, slog.Default())
	retryDelay := cfg.RetryDelay
	if retryDelay == nil {
		retryDelay = RetryDelay
	}
	srv := asynq.NewServer(redis, asynq.Config{
		Concurrency:              cmp.Or(cfg.Concurrency, 10),
		Queues:                   map[string]int{cfg.queue(): 6, LowQueue(cfg.queue()): 1},
		ShutdownTimeout:          cmp.Or(cfg.ShutdownTimeout, 30*time.Second),
		RetryDelayFunc:           retryDelay,
		DelayedTaskCheckInterval: cfg.RetryPoll,
		Logger:                   slogAdapter{log},
		LogLevel:                 asynq.WarnLevel,
		ErrorHandler: asynq.ErrorHandlerFunc(func(ctx context.Context, t *asynq.Task, err error) {
			id, _ := asynq.GetTaskID(ctx)
			retried, _ := asynq.GetRetryCount(ctx)
			maxRetry, _ := asynq.GetMaxRetry(ctx)
			log.WarnContext(ctx, "queue: job failed", "job_id", id, "type", t.Type(),
				"retry", retried, "max_retry", maxRetry, "error", err)
		}),
	})
	mux := asynq.NewServeMux()
	mux.Handle(TypeGenerate, h)
	return srv, mux
}

// slogAdapter lets asynq log through slog.
type slogAdapter struct{ l *slog.Logger }

func (a slogAdapter) Debug(args ...any) { a.l.Debug("asynq: " + fmt.Sprint(args...)) }
func (a slogAdapter) Info(args ...any)  { a.l.Info("asynq: " + fmt.Sprint(args...)) }
func (a slogAdapter) Warn(args ...any)  { a.l.Warn("asynq: " + fmt.Sprint(args...)) }
func (a slogAdapter) Error(args ...any) { a.l.Error("asynq: " + fmt.Sprint(args...)) }
func (a slogAdapter) Fatal(args ...any) {
	a.l.Error("asynq: fatal: " + fmt.Sprint(args...))
	os.Exit(1)
}
