package queue

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/hibiken/asynq"
	tailor "github.com/tailorhq/tailor"
)

// Runner runs one decoded job. generator.Runner implements it.
type Runner interface {
	Run(ctx context.Context, job tailor.Job) error
}

// Handler is the asynq handler of TypeGenerate tasks.
type Handler struct {
	Runner Runner
	// Observe, when set, is told how long decoding and validating a job
	// took (StageValidate), as generator.Pipeline.Observe is of its stages.
	Observe func(stage string, d time.Duration)
}

// StageValidate names decoding and validating a task's job.
const StageValidate = "validate"

var _ asynq.Handler = (*Handler)(nil)

// ProcessTask decodes the job and runs it. This is the one place that decides
// retry or give up: invalid and refused jobs are archived with their reason,
// everything else is retried with backoff.
func (h *Handler) ProcessTask(ctx context.Context, t *asynq.Task) error {
	start := time.Now()
	job, err := tailor.DecodeJob(t.Payload())
	if h.Observe != nil {
		h.Observe(StageValidate, time.Since(start))
	}
	if err != nil {
		return final(fmt.Errorf("job: %w", err))
	}
	return final(h.Runner.Run(ctx, job))
}

// final marks errors that retrying cannot fix, so asynq archives the task.
func final(err error) error {
	if errors.Is(err, tailor.ErrInvalid) || errors.Is(err, tailor.ErrRefused) {
		return fmt.Errorf("%w (%w)", err, asynq.SkipRetry)
	}
	return err
}

// RetryDelay honours a server's Retry-After (an error with a RetryAfter
// method, such as a model provider's 429) and otherwise backs off like asynq.
func RetryDelay(n int, err error, t *asynq.Task) time.Duration {
	var ra interface{ RetryAfter() time.Duration }
	if errors.As(err, &ra) && ra.RetryAfter() > 0 {
		return ra.RetryAfter()
	}
	return asynq.DefaultRetryDelayFunc(n, err, t)
}
