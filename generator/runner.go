package generator

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"

	tailor "github.com/tailorhq/tailor"
)

// Store is what the runner needs from the database.
type Store interface {
	Brief(ctx context.Context, ref tailor.BriefRef) (tailor.Brief, error)
	PutBrief(ctx context.Context, b tailor.Brief) (created bool, err error)
	JobDone(ctx context.Context, jobID string) (bool, error)
	SaveJob(ctx context.Context, r tailor.JobResult) (saved bool, err error)
}

// Runner runs one job end to end: resolve the brief, skip a job already
// stored (on a retry), generate, store in one transaction.
type Runner struct {
	Pipeline *Pipeline
	Store    Store
	Logger   *slog.Logger
	// Saved, when set, is told of every job this runner stored (metrics).
	Saved func(tailor.JobResult)
}

// Run processes a decoded, valid job. Errors wrapping tailor.ErrInvalid or
// tailor.ErrRefused are final; any other may succeed on retry.
func (r *Runner) Run(ctx context.Context, job tailor.Job) error {
	brief, err := r.brief(ctx, job)
	if err != nil {
		return err
	}
	jobID := tailor.JobID(brief.Brand.ID, job.IdempotencyKey)
	log := cmp.Or(r.Logger, slog.Default()).With("job_id", jobID, "brand_id", brief.Brand.ID)
	for i, ch := range job.Channels {
		if !contains(brief.Campaign.Channels, ch) {
			return tailor.Invalidf(fmt.Sprintf("channels[%d]", i), "%q is not one of the channels of brief %s", ch, brief.Ref())
		}
	}
	// A retry looks for its job in the store before paying for the model
	// again. A first attempt does not: its job is almost never stored (see
	// tailor.WithFirstAttempt), and if it is, SaveJob stores nothing twice.
	// That saves a round trip on nearly every job.
	if !tailor.FirstAttempt(ctx) {
		done, err := r.Store.JobDone(ctx, jobID)
		if err != nil {
			return err
		}
		if done {
			log.InfoContext(ctx, "generator: job already stored, nothing to do")
			return nil
		}
	}
	res, err := r.Pipeline.Generate(ctx, job, brief)
	if err != nil {
		return err
	}
	saved, err := r.Store.SaveJob(ctx, res)
	if err != nil {
		return err
	}
	if saved && r.Saved != nil {
		r.Saved(res)
	}
	counts := map[tailor.Status]int{}
	for _, v := range res.Variants {
		counts[v.Status]++
	}
	log.InfoContext(ctx, "generator: job done", "saved", saved, "approved", counts[tailor.Approved],
		"flagged", counts[tailor.Flagged], "rejected", counts[tailor.Rejected], "refused_channels", len(res.Refusals))
	return nil
}

// brief returns the job's brief: the registered one, or the inline one,
// which is registered on first use so variants can refer to it.
func (r *Runner) brief(ctx context.Context, job tailor.Job) (tailor.Brief, error) {
	if job.Brief != nil {
		if _, err := r.Store.PutBrief(ctx, *job.Brief); err != nil {
			return tailor.Brief{}, fmt.Errorf("%w: brief: %w", tailor.ErrInvalid, err)
		}
		return *job.Brief, nil
	}
	brief, err := r.Store.Brief(ctx, *job.BriefRef)
	if errors.Is(err, tailor.ErrNotFound) {
		return tailor.Brief{}, tailor.Invalidf("brief_ref", "brief %s is not registered", *job.BriefRef)
	}
	return brief, err
}

func contains[T comparable](list []T, v T) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}
