// Package api serves Tailor over HTTP: the JSON API under /v1 for campaign
// systems, reviewers and admins (described by the OpenAPI document at
// /openapi.yaml; inputs follow /tailor.schema.json), the reviewer page under
// /review, and /healthz and /readyz.
//
// Every /v1 route takes a bearer token (see store.CreateToken) that acts for
// one brand in one role. No token is 401, a role that may not use the route
// is 403, and another brand's object is 404, so a token never learns what
// other brands hold.
package api

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/hibiken/asynq"
	"github.com/tailorhq/tailor/queue"
	"github.com/tailorhq/tailor/store"
)

// Defaults for Config.
const (
	DefaultMaxBodyBytes  = 1 << 20  // one brief, job or decision
	DefaultMaxBatchBytes = 64 << 20 // one batch of jobs, read as a stream
	DefaultMaxBatch      = 10_000
	DefaultSessionTTL    = 12 * time.Hour
	// MaxJobBytes bounds one job of a batch.
	MaxJobBytes = 64 << 10
)

// Config wires the server to the services. Store, Queue and Inspector are
// required; zero values of the rest mean the defaults.
type Config struct {
	Store *store.Store
	// Queue enqueues jobs; Inspector reads their state and pings Redis.
	Queue     *queue.Client
	Inspector *asynq.Inspector
	// QueueName is the asynq queue jobs go to (default queue.DefaultQueue);
	// job status looks there.
	QueueName string
	Logger    *slog.Logger
	// MaxBodyBytes bounds a request body (default 1 MiB); larger is 413.
	MaxBodyBytes int64
	// MaxBatchBytes bounds a batch body (default 64 MiB); MaxBatch bounds its
	// jobs (default 10,000).
	MaxBatchBytes int64
	MaxBatch      int
	// SessionTTL is how long a reviewer stays signed in (default 12 h).
	SessionTTL time.Duration
	// InsecureCookies drops the Secure flag of the session cookie, for
	// plain-HTTP development and tests. Leave it false behind TLS.
	InsecureCookies bool
}

// Server is the HTTP handler. Create it with New.
type Server struct {
	cfg Config
	log *slog.Logger
	mux *http.ServeMux
}

// New validates the config and returns the server.
func New(cfg Config) (*Server, error) {
	if cfg.Store == nil || cfg.Queue == nil || cfg.Inspector == nil {
		return nil, errors.New("api: Store, Queue and Inspector are required")
	}
	cfg.QueueName = cmp.Or(cfg.QueueName, queue.DefaultQueue)
	cfg.MaxBodyBytes = cmp.Or(cfg.MaxBodyBytes, DefaultMaxBodyBytes)
	cfg.MaxBatchBytes = cmp.Or(cfg.MaxBatchBytes, DefaultMaxBatchBytes)
	cfg.MaxBatch = cmp.Or(cfg.MaxBatch, DefaultMaxBatch)
	cfg.SessionTTL = cmp.Or(cfg.SessionTTL, DefaultSessionTTL)
	s := &Server{cfg: cfg, log: cmp.Or(cfg.Logger, slog.Default()), mux: http.NewServeMux()}
	s.routes()
	return s, nil
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.mux.ServeHTTP(w, r) }

// Route is one API route and the roles that may use it.
type Route struct {
	Method, Pattern string
	Roles           []store.Role
}

var (
	all        = []store.Role{store.Enqueuer, store.Reviewer, store.Admin}
	enqueuers  = []store.Role{store.Enqueuer, store.Admin}
	reviewers  = []store.Role{store.Reviewer, store.Admin}
	adminsOnly = []store.Role{store.Admin}
)

// Routes lists the /v1 routes with their roles; the permission test walks it.
func (s *Server) Routes() []Route {
	var out []Route
	for _, r := range s.v1() {
		out = append(out, r.Route)
	}
	return out
}

type v1Route struct {
	Route
	h func(w http.ResponseWriter, r *http.Request, tok store.Token)
}

func (s *Server) v1() []v1Route {
	return []v1Route{
		{Route{"POST", "/v1/briefs", enqueuers}, s.putBrief},
		{Route{"GET", "/v1/briefs", all}, s.listBriefs},
		{Route{"GET", "/v1/briefs/{campaign_id}/{version}", all}, s.getBrief},
		{Route{"POST", "/v1/jobs", enqueuers}, s.enqueue},
		{Route{"POST", "/v1/jobs/batch", enqueuers}, s.enqueueBatch},
		{Route{"GET", "/v1/jobs/{job_id}", enqueuers}, s.jobStatus},
		{Route{"GET", "/v1/customers/{customer_id}/variants", enqueuers}, s.customerVariants},
		{Route{"DELETE", "/v1/customers/{customer_id}", adminsOnly}, s.erase},
		{Route{"GET", "/v1/variants/{variant_id}", all}, s.getVariant},
		{Route{"GET", "/v1/variants/{variant_id}/why", all}, s.why},
		{Route{"GET", "/v1/review", reviewers}, s.reviewQueue},
		{Route{"POST", "/v1/variants/{variant_id}/approve", reviewers}, s.decide(store.Approve)},
		{Route{"POST", "/v1/variants/{variant_id}/reject", reviewers}, s.decide(store.Reject)},
		{Route{"POST", "/v1/variants/{variant_id}/edit", reviewers}, s.decide(store.Edit)},
		{Route{"GET", "/v1/tokens", adminsOnly}, s.listTokens},
		{Route{"POST", "/v1/tokens", adminsOnly}, s.createToken},
		{Route{"DELETE", "/v1/tokens/{token_id}", adminsOnly}, s.revokeToken},
		{Route{"GET", "/v1/audit", adminsOnly}, s.audit},
	}
}

func (s *Server) routes() {
	for _, r := range s.v1() {
		s.mux.Handle(r.Method+" "+r.Pattern, s.authorize(r.Roles, r.h))
	}
	s.mux.HandleFunc("GET /healthz", s.healthz)
	s.mux.HandleFunc("GET /readyz", s.readyz)
	s.mux.HandleFunc("GET /openapi.yaml", serveOpenAPI)
	s.mux.HandleFunc("GET /tailor.schema.json", serveSchema)
	s.pageRoutes()
	// Everything else, including a known path with another method, is a
	// JSON 404 rather than the mux's plain-text reply.
	s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "no such route: "+r.Method+" "+r.URL.Path, nil)
	})
}

// healthz says the process is up; it touches no service.
func (s *Server) healthz(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

// readyz pings Postgres and Redis, each within two seconds.
func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	checks := map[string]string{"postgres": "ok", "redis": "ok"}
	status := http.StatusOK
	if err := s.cfg.Store.Ping(ctx); err != nil {
		checks["postgres"], status = err.Error(), http.StatusServiceUnavailable
	}
	// The inspector takes no context: run it aside and stop waiting at the deadline.
	done := make(chan error, 1)
	go func() { _, err := s.cfg.Inspector.Queues(); done <- err }()
	select {
	case err := <-done:
		if err != nil {
			checks["redis"], status = err.Error(), http.StatusServiceUnavailable
		}
	case <-ctx.Done():
		checks["redis"], status = fmt.Sprintf("no answer: %v", ctx.Err()), http.StatusServiceUnavailable
	}
	writeJSON(w, status, checks)
}
