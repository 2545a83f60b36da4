package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"

	"github.com/hibiken/asynq"
	tailor "github.com/tailorhq/tailor"
	"github.com/tailorhq/tailor/queue"
	"github.com/tailorhq/tailor/store"
)

// errOtherBrand marks a job for a brand the token does not act for.
var errOtherBrand = fmt.Errorf("brief_ref.brand_id: %w", tailor.ErrNotFound)

// briefCache remembers which brief references are registered during one
// request, so a batch of 10,000 jobs for one brief asks the database once.
type briefCache map[tailor.BriefRef]error

// enqueueOne validates one job exactly as the worker will, checks that it is
// for the token's brand and that its brief is registered, and queues it.
func (s *Server) enqueueOne(ctx context.Context, tok store.Token, data []byte, briefs briefCache) (queue.Enqueued, error) {
	job, err := tailor.DecodeJob(data)
	if err != nil {
		return queue.Enqueued{}, err
	}
	if job.Ref().BrandID != tok.BrandID {
		return queue.Enqueued{}, errOtherBrand
	}
	if job.BriefRef != nil {
		ref := *job.BriefRef
		err, seen := briefs[ref]
		if !seen {
			_, err = s.cfg.Store.Brief(ctx, ref)
			if errors.Is(err, tailor.ErrNotFound) {
				err = tailor.Invalidf("brief_ref", "brief %s is not registered (POST /v1/briefs first)", ref)
			}
			briefs[ref] = err
		}
		if err != nil {
			return queue.Enqueued{}, err
		}
	}
	return s.cfg.Queue.Enqueue(ctx, job)
}

// enqueue queues one job: 202 with its ID, also when it is a duplicate of a
// job already queued with the same idempotency key.
func (s *Server) enqueue(w http.ResponseWriter, r *http.Request, tok store.Token) {
	data, err := readBody(w, r, s.cfg.MaxBodyBytes)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	res, err := s.enqueueOne(r.Context(), tok, data, briefCache{})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusAccepted, res)
}

// batchItem is the outcome of one job of a batch: queued (or a duplicate),
// or refused with the problems by field.
type batchItem struct {
	// Record is the job's position in the body, from 1 (its line in JSONL).
	Record    int                 `json:"record"`
	JobID     string              `json:"job_id,omitempty"`
	Duplicate bool                `json:"duplicate,omitempty"`
	Problems  []tailor.FieldError `json:"problems,omitempty"`
}

type batchResult struct {
	Queued     int         `json:"queued"`
	Duplicates int         `json:"duplicates"`
	Invalid    int         `json:"invalid"`
	Results    []batchItem `json:"results"`
	// Error says why the batch stopped early; the jobs before it stand.
	Error string `json:"error,omitempty"`
}

// enqueueBatch queues up to MaxBatch jobs sent as JSON Lines (or any
// sequence of JSON objects). The body is decoded one job at a time, never
// held whole. An invalid job is reported and skipped; the others are queued.
// Resending a batch is safe: idempotency keys make the repeats duplicates.
func (s *Server) enqueueBatch(w http.ResponseWriter, r *http.Request, tok store.Token) {
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, s.cfg.MaxBatchBytes))
	res := batchResult{Results: []batchItem{}}
	briefs := briefCache{}
	stop := func(status int, msg string) {
		res.Error = msg
		writeJSON(w, status, res)
	}
	for n := 1; ; n++ {
		var raw json.RawMessage
		err := dec.Decode(&raw)
		if err == io.EOF {
			break
		}
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			stop(http.StatusRequestEntityTooLarge, fmt.Sprintf("body larger than %d bytes; the jobs before record %d were handled", tooBig.Limit, n))
			return
		}
		if err != nil {
			stop(http.StatusBadRequest, fmt.Sprintf("record %d: not valid JSON (%v); the jobs before it were handled", n, err))
			return
		}
		if n > s.cfg.MaxBatch {
			stop(http.StatusRequestEntityTooLarge, fmt.Sprintf("more than %d jobs in one batch; the first %d were handled, send the rest in another", s.cfg.MaxBatch, s.cfg.MaxBatch))
			return
		}
		item := batchItem{Record: n}
		var enq queue.Enqueued
		if len(raw) > MaxJobBytes {
			err = tailor.Invalidf("", "job larger than %d bytes", MaxJobBytes)
		} else {
			enq, err = s.enqueueOne(r.Context(), tok, raw, briefs)
		}
		var verr *tailor.ValidationError
		switch {
		case errors.Is(err, errOtherBrand):
			res.Invalid++
			item.Problems = []tailor.FieldError{{Field: "brief_ref.brand_id", Message: "not found"}}
		case errors.As(err, &verr):
			res.Invalid++
			item.Problems = verr.Problems
		case err != nil:
			s.log.ErrorContext(r.Context(), "api: batch enqueue failed", "record", n, "err", err)
			stop(http.StatusInternalServerError, fmt.Sprintf("record %d: internal error; the jobs before it were handled", n))
			return
		case enq.Duplicate:
			res.Duplicates++
			item.JobID, item.Duplicate = enq.JobID, true
		default:
			res.Queued++
			item.JobID = enq.JobID
		}
		res.Results = append(res.Results, item)
	}
	writeJSON(w, http.StatusOK, res)
}

// jobState is a job's status: "stored" once its variants are in the
// database, else asynq's state of its task (pending, active, scheduled,
// retry, archived, completed).
type jobState struct {
	JobID string `json:"job_id"`
	State string `json:"state"`
	// LastError is why the last attempt failed (retry, archived).
	LastError string `json:"last_error,omitempty"`
	Retried   int    `json:"retried,omitempty"`
	MaxRetry  int    `json:"max_retry,omitempty"`
	// Job is the stored job, when State is "stored".
	Job *store.JobRecord `json:"job,omitempty"`
}

func (s *Server) jobStatus(w http.ResponseWriter, r *http.Request, tok store.Token) {
	id := r.PathValue("job_id")
	rec, err := s.cfg.Store.Job(r.Context(), tok.BrandID, id)
	if err == nil {
		writeJSON(w, http.StatusOK, jobState{JobID: id, State: "stored", Job: &rec})
		return
	}
	if !errors.Is(err, tailor.ErrNotFound) {
		s.fail(w, r, err)
		return
	}
	info, err := s.cfg.Inspector.GetTaskInfo(s.cfg.QueueName, id)
	if errors.Is(err, asynq.ErrTaskNotFound) || errors.Is(err, asynq.ErrQueueNotFound) {
		notFound(w)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	// The task ID does not say whose it is; the payload does.
	var job tailor.Job
	if err := json.Unmarshal(info.Payload, &job); err != nil || job.Ref().BrandID != tok.BrandID {
		notFound(w)
		return
	}
	writeJSON(w, http.StatusOK, jobState{JobID: id, State: info.State.String(), LastError: info.LastErr,
		Retried: info.Retried, MaxRetry: info.MaxRetry})
}
