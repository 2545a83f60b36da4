// Package client is for campaign systems written in Go: it enqueues jobs
// either straight onto Tailor's asynq queue (Queue, for systems that share
// Tailor's Redis) or through the HTTP API (HTTP, for everyone else), and
// fetches copy back over HTTP. Both validate a job exactly as the worker
// will (tailor.DecodeJob), so a bad job fails here, naming the field, and
// never reaches the queue.
package client

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/hibiken/asynq"
	tailor "github.com/tailorhq/tailor"
	"github.com/tailorhq/tailor/queue"
)

// Enqueued says what became of one job: its ID, and whether the same
// idempotency key was already queued.
type Enqueued = queue.Enqueued

// Enqueuer queues jobs. Queue and HTTP implement it.
type Enqueuer interface {
	Enqueue(ctx context.Context, job tailor.Job) (Enqueued, error)
}

var (
	_ Enqueuer = (*Queue)(nil)
	_ Enqueuer = (*HTTP)(nil)
)

// Validate checks a job as the worker will: the JSON Schema and the
// contract's rules. The error is a *tailor.ValidationError naming each field.
func Validate(job tailor.Job) error {
	data, err := json.Marshal(job)
	if err != nil {
		return fmt.Errorf("encoding job: %w", err)
	}
	_, err = tailor.DecodeJob(data)
	return err
}

// Queue enqueues directly on Tailor's Redis. It checks neither the token
// nor that the brief is registered (a job for an unknown brief is archived
// by the worker with the reason); use HTTP when that matters.
type Queue struct {
	c *queue.Client
}

// NewQueue connects to the Redis Tailor's workers read. cfg.Queue must name
// the workers' queue (default "tailor").
func NewQueue(redis asynq.RedisConnOpt, cfg queue.Config) *Queue {
	return &Queue{c: queue.NewClient(redis, cfg)}
}

// Enqueue validates and queues one job.
func (q *Queue) Enqueue(ctx context.Context, job tailor.Job) (Enqueued, error) {
	return q.c.Enqueue(ctx, job)
}

// Close closes the Redis connection.
func (q *Queue) Close() error { return q.c.Close() }
