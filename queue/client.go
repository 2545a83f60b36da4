package queue

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/hibiken/asynq"
	tailor "github.com/tailorhq/tailor"
)

// Client enqueues jobs. It is safe for concurrent use.
type Client struct {
	client *asynq.Client
	cfg    Config
}

// NewClient returns a client on the Redis that redis names.
func NewClient(redis asynq.RedisConnOpt, cfg Config) *Client {
	return &Client{client: asynq.NewClient(redis), cfg: cfg}
}

// Close closes the Redis connection.
func (c *Client) Close() error { return c.client.Close() }

// Enqueued says what became of one job.
type Enqueued struct {
	JobID string `json:"job_id"`
	// Duplicate is true when a job with the same brand and idempotency key is
	// already queued, running, or finished within the retention window.
	Duplicate bool `json:"duplicate"`
}

// Enqueue validates a job exactly as the worker will, then queues it. The
// task ID derives from the brand and idempotency key, so enqueuing the same
// key twice queues it once.
func (c *Client) Enqueue(ctx context.Context, job tailor.Job) (Enqueued, error) {
	payload, err := json.Marshal(job)
	if err != nil {
		return Enqueued{}, fmt.Errorf("encoding job: %w", err)
	}
	return c.EnqueueJSON(ctx, payload)
}

// EnqueueJSON validates a job given as JSON and queues it.
func (c *Client) EnqueueJSON(ctx context.Context, payload []byte) (Enqueued, error) {
	job, err := tailor.DecodeJob(payload)
	if err != nil {
		return Enqueued{}, err
	}
	// Re-encode so the queue holds the canonical form, not the caller's bytes.
	if payload, err = json.Marshal(job); err != nil {
		return Enqueued{}, fmt.Errorf("encoding job: %w", err)
	}
	id := tailor.JobID(job.Ref().BrandID, job.IdempotencyKey)
	task := asynq.NewTask(TypeGenerate, payload,
		asynq.TaskID(id), asynq.Queue(c.cfg.target()), asynq.MaxRetry(c.cfg.maxRetry()),
		asynq.Timeout(c.cfg.timeout()), asynq.Retention(c.cfg.retention()))
	_, err = c.client.EnqueueContext(ctx, task)
	if errors.Is(err, asynq.ErrTaskIDConflict) {
		return Enqueued{JobID: id, Duplicate: true}, nil
	}
	if err != nil {
		return Enqueued{}, fmt.Errorf("enqueuing job %s: %w", id, err)
	}
	return Enqueued{JobID: id}, nil
}
