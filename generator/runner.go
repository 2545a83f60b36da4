package generator

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	tailor "github.com/tailorhq/tailor"
	"golang.org/x/sync/errgroup"
)

// Store is what the runner needs from the database.
type Store interface {
	Brief(ctx context.Context, ref tailor.BriefRef) (tailor.Brief, error)
	PutBrief(ctx context.Context, b tailor.Brief) (created bool, err error)
	JobDone(ctx context.Context, jobID string) (bool, error)
	SaveJob(ctx context.Context, r tailor.JobResult) (saved bool, err error)
}

// Runner runs one job end to end: resolve the brief, skip a job already
// stored, generate, store in one transaction.
type Runner struct {
	Pipeline *Pipeline
	Store    Store
	Logger   *slog.Logger
	// Saved, when set, is told of every job this runner stored (metrics).
	Saved func(tailor.JobResult)
	// Observe, when set, is told how long storing a job took (StageStore);
	// the pipeline's own Observe hears of the other stages.
	Observe Observer
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
	// Before paying for the model, look for the job in the store (a retry
	// after a crash past the commit, a replay after the queue forgot its
	// ID). The lookup runs while the pipeline retrieves, so it costs the
	// job no time; SaveJob would store nothing twice anyway.
	var done bool
	var prep Prepared
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() (err error) {
		done, err = r.Store.JobDone(gctx, jobID)
		return err
	})
	g.Go(func() (err error) {
		prep, err = r.Pipeline.Prepare(gctx, job, brief)
		return err
	})
	if err := g.Wait(); err != nil {
		return err
	}
	if done {
		log.InfoContext(ctx, "generator: job already stored, nothing to do")
		return nil
	}
	res, err := r.Pipeline.Write(ctx, prep)
	if err != nil {
		return err
	}
	start := time.Now()
	saved, err := r.Store.SaveJob(ctx, res)
	r.Observe.since(StageStore, start)
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
