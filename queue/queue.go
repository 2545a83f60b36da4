// Package queue carries jobs over Redis with asynq: the task type and its
// payload, the enqueue client, the handler that runs a job and decides
// whether a failure is retried or archived, and the worker server.
package queue

import (
	"cmp"
	"time"
)

// TypeGenerate is the asynq task type of a personalization job; its payload
// is a tailor.Job as JSON.
const TypeGenerate = "generate"

// Defaults for Config.
const (
	DefaultQueue     = "tailor"
	DefaultTimeout   = 2 * time.Minute
	DefaultMaxRetry  = 8
	DefaultRetention = 24 * time.Hour
)

// Config names the queue and the task options. Zero values mean the defaults.
type Config struct {
	// Queue is the asynq queue name (default "tailor"). Tests use their own.
	Queue string
	// Timeout bounds one attempt of one job (default 2 min). A crashed
	// worker's job becomes retryable once it expires.
	Timeout time.Duration
	// MaxRetry bounds retries of transient failures (default 8).
	MaxRetry int
	// Retention keeps a finished task's ID reserved, so the same idempotency
	// key enqueued again within it is reported as a duplicate (default 24 h).
	// Past it a replay runs but stores nothing: the database has the job.
	Retention time.Duration
	// Low sends jobs to the low-priority queue, "<Queue>_low", which workers
	// serve one time in seven: nightly regeneration goes there, so bulk work
	// never starves the jobs a campaign is waiting for.
	Low bool
}

// LowQueue names the low-priority queue next to a queue.
func LowQueue(queue string) string { return queue + "_low" }

func (c Config) target() string {
	if c.Low {
		return LowQueue(c.queue())
	}
	return c.queue()
}

func (c Config) queue() string            { return cmp.Or(c.Queue, DefaultQueue) }
func (c Config) timeout() time.Duration   { return cmp.Or(c.Timeout, DefaultTimeout) }
func (c Config) maxRetry() int            { return cmp.Or(c.MaxRetry, DefaultMaxRetry) }
func (c Config) retention() time.Duration { return cmp.Or(c.Retention, DefaultRetention) }
