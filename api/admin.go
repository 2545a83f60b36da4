package api

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/hibiken/asynq"
	tailor "github.com/tailorhq/tailor"
	"github.com/tailorhq/tailor/store"
)

// erasure is the answer to an erasure: what the database held, and the
// customer's jobs removed from the queue.
type erasure struct {
	store.Erasure
	// QueuedJobs were waiting (or finished and kept for deduplication) in
	// the queue, with the customer's profile; they are deleted.
	QueuedJobs int `json:"queued_jobs"`
	// RunningJobs are being written right now and cannot be stopped: their
	// copy will be stored when they finish, so erase again after them.
	RunningJobs int `json:"running_jobs"`
}

// erase deletes everything held about one customer of the token's brand:
// first their jobs in the queue (so none starts after), then what the
// database holds. It is idempotent: erasing again answers 200 with zeros.
func (s *Server) erase(w http.ResponseWriter, r *http.Request, tok store.Token) {
	customer := r.PathValue("customer_id")
	queued, running, err := s.eraseQueued(tok.BrandID, customer)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	e, err := s.cfg.Store.EraseCustomer(r.Context(), tok.BrandID, customer, tok.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, erasure{Erasure: e, QueuedJobs: queued, RunningJobs: running})
}

// eraseQueued deletes the customer's tasks from every state of the queue
// that keeps payloads, and counts the active ones it may not touch. It walks
// the whole queue: erasures are rare, and correctness beats speed here.
func (s *Server) eraseQueued(brandID, customerID string) (deleted, running int, err error) {
	type lister func(queue string, opts ...asynq.ListOption) ([]*asynq.TaskInfo, error)
	in := s.cfg.Inspector
	states := []lister{in.ListPendingTasks, in.ListScheduledTasks, in.ListRetryTasks, in.ListArchivedTasks,
		in.ListCompletedTasks, in.ListActiveTasks}
	for i, list := range states {
		var ids []string
		for page := 1; ; page++ {
			tasks, err := list(s.cfg.QueueName, asynq.Page(page), asynq.PageSize(500))
			if errors.Is(err, asynq.ErrQueueNotFound) {
				return 0, 0, nil
			}
			if err != nil {
				return deleted, running, fmt.Errorf("listing queued jobs: %w", err)
			}
			for _, t := range tasks {
				var job tailor.Job
				if json.Unmarshal(t.Payload, &job) == nil && job.Ref().BrandID == brandID && job.Profile.CustomerID == customerID {
					ids = append(ids, t.ID)
				}
			}
			if len(tasks) < 500 {
				break
			}
		}
		if i == len(states)-1 { // active
			running = len(ids)
			break
		}
		// Delete after listing, so deletions do not shift the pages.
		for _, id := range ids {
			err := in.DeleteTask(s.cfg.QueueName, id)
			if err != nil && !errors.Is(err, asynq.ErrTaskNotFound) {
				return deleted, running, fmt.Errorf("deleting queued job %s: %w", id, err)
			}
			if err == nil {
				deleted++
			}
		}
	}
	return deleted, running, nil
}

func (s *Server) listTokens(w http.ResponseWriter, r *http.Request, tok store.Token) {
	toks, err := s.cfg.Store.Tokens(r.Context(), tok.BrandID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"tokens": nonNil(toks)})
}

// createdToken is the only time a token's secret is shown.
type createdToken struct {
	store.Token
	Secret string `json:"secret"`
}

// createToken makes a token for the admin's own brand.
func (s *Server) createToken(w http.ResponseWriter, r *http.Request, tok store.Token) {
	data, err := readBody(w, r, s.cfg.MaxBodyBytes)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var body struct {
		Role store.Role `json:"role"`
	}
	if err := decodeStrict(data, &body, false); err != nil {
		s.fail(w, r, err)
		return
	}
	t, secret, err := s.cfg.Store.CreateToken(r.Context(), tok.BrandID, body.Role, tok.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, createdToken{Token: t, Secret: secret})
}

func (s *Server) revokeToken(w http.ResponseWriter, r *http.Request, tok store.Token) {
	t, err := s.cfg.Store.RevokeToken(r.Context(), tok.BrandID, r.PathValue("token_id"), tok.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, t)
}

// audit pages through the brand's audit log, newest first: pass the last
// entry's id as before for the next page.
func (s *Server) audit(w http.ResponseWriter, r *http.Request, tok store.Token) {
	q := r.URL.Query()
	limit, err := limitParam(q.Get("limit"), 1000)
	if err != nil {
		s.fail(w, r, tailor.Invalidf("limit", "%v", err))
		return
	}
	var before int64
	if v := q.Get("before"); v != "" {
		if before, err = strconv.ParseInt(v, 10, 64); err != nil || before < 1 {
			s.fail(w, r, tailor.Invalidf("before", "must be an audit entry id"))
			return
		}
	}
	entries, err := s.cfg.Store.Audit(r.Context(), tok.BrandID, before, limit)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"entries": nonNil(entries)})
}
