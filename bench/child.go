package bench

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"os"
	"os/exec"
	"runtime/pprof"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/hibiken/asynq"
	"github.com/jackc/pgx/v5"
	tailor "github.com/tailorhq/tailor"
	"github.com/tailorhq/tailor/embeddings"
	"github.com/tailorhq/tailor/generator"
	"github.com/tailorhq/tailor/generator/openai"
	"github.com/tailorhq/tailor/guardrails"
	"github.com/tailorhq/tailor/queue"
	"github.com/tailorhq/tailor/store"
)

// The worker under test runs in a child process (this binary, re-executed),
// so that its CPU time and memory are its own: the model stand-in, the
// enqueuer and the measuring stay in the parent.
const childEnv = "TAILOR_BENCH_CHILD"

// Roles of a child worker.
const (
	roleNoop    = "noop"    // bare asynq, a handler that does nothing (or only waits, as on a model)
	roleMinimal = "minimal" // asynq + one filtered pgvector query + three inserts in one transaction
	roleTailor  = "tailor"  // queue.NewServer + generator.Runner + generator/openai
)

// childSpec tells a child what to run. It travels as JSON in childEnv.
type childSpec struct {
	Role        string `json:"role"`
	RedisAddr   string `json:"redis_addr"`
	RedisDB     int    `json:"redis_db"`
	DatabaseURL string `json:"database_url"`
	Schema      string `json:"schema"`
	Queue       string `json:"queue"`
	Concurrency int    `json:"concurrency"`
	Jobs        int    `json:"jobs"`
	ModelURL    string `json:"model_url"`
	StatsPath   string `json:"stats_path"`
	// DBConns caps the worker's pool (0: as tailor worker sizes it, concurrency + 2 capped at 20).
	DBConns int32 `json:"db_conns,omitempty"`
	// CPUProfile, when set, is where the worker writes a CPU profile.
	CPUProfile string `json:"cpu_profile,omitempty"`
	// EfSearch is the worker's hnsw.ef_search (0: the server's).
	EfSearch int `json:"ef_search,omitempty"`
	// Sleep is how long the no-op handler waits, as if on a model: bare
	// asynq's own ceiling at a model latency.
	Sleep time.Duration `json:"sleep,omitempty"`
}

// childStats is what a child reports when it is told to stop.
type childStats struct {
	Succeeded int `json:"succeeded"`
	Failed    int `json:"failed"`
	// Attempts counts every run of a task, retries included.
	Attempts int `json:"attempts"`
	// Elapsed is from the first task's start to the last one's end.
	Elapsed time.Duration            `json:"elapsed_ns"`
	Latency Percentiles              `json:"latency"`
	CPU     time.Duration            `json:"cpu_ns"`
	MaxRSS  int64                    `json:"max_rss_bytes"`
	RSS     []RSSSample              `json:"rss"`
	Stages  map[string]time.Duration `json:"stages_ns,omitempty"`
	// ModelWait sums, over jobs, the time a job had a model call in flight.
	ModelWait time.Duration `json:"model_wait_ns"`
	// ModelRounds sums, over jobs, how many model calls a job made one after
	// another: its calls divided by how many of them were in flight at once.
	ModelRounds int    `json:"model_rounds"`
	LastError   string `json:"last_error,omitempty"`
	// Dequeue and Ack time asynq's two round trips to Redis per task
	// (timedRedis); Dequeues counts the first, empty queues included.
	Dequeue  Percentiles `json:"dequeue"`
	Ack      Percentiles `json:"ack"`
	Dequeues int         `json:"dequeues"`
}

// RSSSample is the worker's resident memory at a moment of a run.
type RSSSample struct {
	Seconds float64 `json:"s"`
	Bytes   int64   `json:"bytes"`
}

// Percentiles of a latency distribution, in milliseconds.
type Percentiles struct {
	P50  float64 `json:"p50_ms"`
	P95  float64 `json:"p95_ms"`
	P99  float64 `json:"p99_ms"`
	Mean float64 `json:"mean_ms"`
	Max  float64 `json:"max_ms"`
}

func percentiles(ds []time.Duration) Percentiles {
	if len(ds) == 0 {
		return Percentiles{}
	}
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	at := func(q float64) float64 {
		i := int(q*float64(len(s)-1) + 0.5)
		return ms(s[i])
	}
	var sum time.Duration
	for _, d := range s {
		sum += d
	}
	return Percentiles{P50: at(0.50), P95: at(0.95), P99: at(0.99), Mean: ms(sum / time.Duration(len(s))), Max: ms(s[len(s)-1])}
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// MaybeRunChild runs the child worker and exits when this process was started
// as one; otherwise it returns at once. Call it first in main (and TestMain).
func MaybeRunChild() {
	raw := os.Getenv(childEnv)
	if raw == "" {
		return
	}
	var spec childSpec
	if err := json.Unmarshal([]byte(raw), &spec); err != nil {
		fmt.Fprintln(os.Stderr, "tailor-bench child:", err)
		os.Exit(2)
	}
	if err := runChild(context.Background(), spec, os.Stdin, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "tailor-bench child:", err)
		os.Exit(1)
	}
	os.Exit(0)
}

// appName marks the child's Postgres connections, so the parent can find
// their backends' CPU time.
func appName(queueName string) string { return "tailor-bench-" + queueName }

func withAppName(dbURL, name string) (string, error) {
	u, err := url.Parse(dbURL)
	if err != nil {
		return "", err
	}
	q := u.Query()
	q.Set("application_name", name)
	u.RawQuery = q.Encode()
	return u.String(), nil
}

// recorder counts a child's tasks and times them.
type recorder struct {
	want      int
	done      chan struct{}
	once      sync.Once
	succeeded atomic.Int64
	failed    atomic.Int64

	mu          sync.Mutex
	first       time.Time
	last        time.Time
	latencies   []time.Duration
	lastErr     error
	stages      map[string]time.Duration
	modelWait   time.Duration
	modelRounds int
}

// jobTrack collects the model calls of one job, to find how long the job
// waited on the model when calls overlap (channels written at once).
type jobTrack struct {
	mu    sync.Mutex
	spans [][2]time.Time
}

type trackKey struct{}

func (j *jobTrack) add(start, end time.Time) {
	j.mu.Lock()
	j.spans = append(j.spans, [2]time.Time{start, end})
	j.mu.Unlock()
}

// rounds is the calls divided by the most that were in flight at once,
// rounded up: 1 when a job's calls all overlap, the calls when none do.
func (j *jobTrack) rounds() int {
	j.mu.Lock()
	defer j.mu.Unlock()
	peak := 0
	for _, a := range j.spans {
		n := 0
		for _, b := range j.spans {
			if !b[0].After(a[0]) && b[1].After(a[0]) {
				n++
			}
		}
		peak = max(peak, n)
	}
	if peak == 0 {
		return 0
	}
	return (len(j.spans) + peak - 1) / peak
}

// wait is the length of the union of the spans.
func (j *jobTrack) wait() time.Duration {
	j.mu.Lock()
	defer j.mu.Unlock()
	s := append([][2]time.Time(nil), j.spans...)
	sort.Slice(s, func(a, b int) bool { return s[a][0].Before(s[b][0]) })
	var total time.Duration
	var cur [2]time.Time
	for i, sp := range s {
		switch {
		case i == 0:
			cur = sp
		case sp[0].After(cur[1]):
			total += cur[1].Sub(cur[0])
			cur = sp
		case sp[1].After(cur[1]):
			cur[1] = sp[1]
		}
	}
	if len(s) > 0 {
		total += cur[1].Sub(cur[0])
	}
	return total
}

func newRecorder(want int) *recorder {
	return &recorder{want: want, done: make(chan struct{}), stages: map[string]time.Duration{}}
}

func (r *recorder) stage(name string, d time.Duration) {
	r.mu.Lock()
	r.stages[name] += d
	r.mu.Unlock()
}

// wrap times h and counts outcomes; a failure counts once it is final.
func (r *recorder) wrap(h asynq.Handler) asynq.Handler {
	return asynq.HandlerFunc(func(ctx context.Context, t *asynq.Task) error {
		track := &jobTrack{}
		start := time.Now()
		err := h.ProcessTask(context.WithValue(ctx, trackKey{}, track), t)
		end := time.Now()
		wait, rounds := track.wait(), track.rounds()
		r.mu.Lock()
		r.modelWait += wait
		r.modelRounds += rounds
		if r.first.IsZero() || start.Before(r.first) {
			r.first = start
		}
		if end.After(r.last) {
			r.last = end
		}
		r.latencies = append(r.latencies, end.Sub(start))
		if err != nil {
			r.lastErr = err
		}
		r.mu.Unlock()
		final := err == nil
		if err == nil {
			r.succeeded.Add(1)
		} else {
			n, _ := asynq.GetRetryCount(ctx)
			max, _ := asynq.GetMaxRetry(ctx)
			if errors.Is(err, asynq.SkipRetry) || n >= max {
				r.failed.Add(1)
				final = true
			}
		}
		if final && int(r.succeeded.Load()+r.failed.Load()) >= r.want {
			r.once.Do(func() { close(r.done) })
		}
		return err
	})
}

func runChild(ctx context.Context, spec childSpec, stdin io.Reader, stdout io.Writer) error {
	started := time.Now()
	discard := slog.New(slog.NewTextHandler(io.Discard, nil))
	redisOpt := &timedRedis{opt: asynq.RedisClientOpt{Addr: spec.RedisAddr, DB: spec.RedisDB}}
	rec := newRecorder(spec.Jobs)

	var st *store.Store
	if spec.Role != roleNoop {
		u, err := withAppName(spec.DatabaseURL, appName(spec.Queue))
		if err != nil {
			return err
		}
		conns := spec.DBConns
		if conns == 0 {
			conns = int32(min(max(spec.Concurrency+2, 4), 20)) // as tailor worker does
		}
		if st, err = store.Open(ctx, store.Config{URL: u, Schema: spec.Schema, MaxConns: conns, EfSearch: spec.EfSearch}); err != nil {
			return err
		}
		defer st.Close()
	}

	var srv *asynq.Server
	var mux *asynq.ServeMux
	switch spec.Role {
	case roleNoop:
		srv = asynq.NewServer(redisOpt, asynq.Config{
			Concurrency: spec.Concurrency, Queues: map[string]int{spec.Queue: 1},
			LogLevel: asynq.ErrorLevel,
		})
		mux = asynq.NewServeMux()
		mux.Handle(taskNoop, rec.wrap(asynq.HandlerFunc(func(ctx context.Context, _ *asynq.Task) error {
			return wait(ctx, spec.Sleep)
		})))
	case roleMinimal:
		srv = asynq.NewServer(redisOpt, asynq.Config{
			Concurrency: spec.Concurrency, Queues: map[string]int{spec.Queue: 1},
			LogLevel: asynq.ErrorLevel,
		})
		mux = asynq.NewServeMux()
		mux.Handle(taskMinimal, rec.wrap(minimalHandler(st, spec.Sleep)))
	case roleTailor:
		queue.TuneGC()                            // as tailor worker does
		if err := guardrails.Warm(); err != nil { // as tailor worker does
			return err
		}
		model, err := openai.New(openai.Config{BaseURL: spec.ModelURL, APIKey: "bench", Model: "bench-model"})
		if err != nil {
			return err
		}
		p := &generator.Pipeline{
			Model:     timedModel{model, rec},
			Embedder:  timedEmbedder{embeddings.Hashing{Dims: store.Dimensions}, rec},
			Retriever: timedRetriever{st, rec},
			Logger:    discard,
			// The stages behind no interface; the wrappers time the rest.
			Observe: func(stage string, d time.Duration) {
				switch stage {
				case generator.StageGate, generator.StagePrompt, generator.StageGuardrails:
					rec.stage(stage, d)
				}
			},
		}
		runner := &generator.Runner{Pipeline: p, Store: timedStore{st, rec}, Logger: discard}
		srv, mux = queue.NewServer(redisOpt, queue.ServerConfig{
			Config: queue.Config{Queue: spec.Queue}, Concurrency: spec.Concurrency, Logger: discard,
		}, rec.wrap(&queue.Handler{Runner: runner, Observe: func(_ string, d time.Duration) { rec.stage(stageValidate, d) }}))
	default:
		return fmt.Errorf("unknown role %q", spec.Role)
	}

	// Sample resident memory through the run, a bounded number of times.
	var rssMu sync.Mutex
	var rss []RSSSample
	stopSampling := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		every := 200 * time.Millisecond
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			if b, err := procRSS(os.Getpid()); err == nil {
				rssMu.Lock()
				rss = append(rss, RSSSample{Seconds: time.Since(started).Seconds(), Bytes: b})
				if len(rss) >= 4000 { // keep every other sample, and sample half as often
					kept := rss[:0]
					for i := 0; i < len(rss); i += 2 {
						kept = append(kept, rss[i])
					}
					rss = kept
					every *= 2
					t.Reset(every)
				}
				rssMu.Unlock()
			}
			select {
			case <-stopSampling:
				return
			case <-t.C:
			}
		}
	}()

	if spec.CPUProfile != "" {
		f, err := os.Create(spec.CPUProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
	}
	if err := srv.Start(mux); err != nil {
		return fmt.Errorf("starting the worker: %w", err)
	}
	fmt.Fprintln(stdout, "ready")

	// The parent closes stdin to stop the child early (a timeout).
	eof := make(chan struct{})
	go func() {
		_, _ = io.Copy(io.Discard, stdin)
		close(eof)
	}()
	select {
	case <-rec.done:
	case <-eof:
	}
	cpu, maxRSS := selfCPU(), selfMaxRSS()
	if spec.CPUProfile != "" {
		pprof.StopCPUProfile()
	}
	close(stopSampling)
	<-sampled
	fmt.Fprintln(stdout, "done")
	<-eof
	srv.Shutdown()

	rec.mu.Lock()
	stats := childStats{
		Succeeded: int(rec.succeeded.Load()), Failed: int(rec.failed.Load()), Attempts: len(rec.latencies),
		Elapsed: rec.last.Sub(rec.first), Latency: percentiles(rec.latencies),
		CPU: cpu, MaxRSS: maxRSS, RSS: rss, Stages: rec.stages, ModelWait: rec.modelWait, ModelRounds: rec.modelRounds,
	}
	if rec.lastErr != nil {
		stats.LastError = rec.lastErr.Error()
	}
	stats.Dequeue, stats.Ack, stats.Dequeues = redisOpt.stats()
	rec.mu.Unlock()
	b, err := json.Marshal(stats)
	if err != nil {
		return err
	}
	return os.WriteFile(spec.StatsPath, b, 0o644)
}

// Task types of the two bounds.
const (
	taskNoop    = "bench:noop"
	taskMinimal = "bench:minimal"
)

// minimalPayload is the minimal job: what to search for and what to store.
type minimalPayload struct {
	ID      string         `json:"id"`
	BrandID string         `json:"brand_id"`
	Channel tailor.Channel `json:"channel"`
	Text    string         `json:"text"`
}

// wait sleeps for d (nothing when d is 0), as a handler waits on a model,
// and gives up when ctx ends.
func wait(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// minimalHandler is the least work any worker of this shape must do: decode
// the task, one filtered pgvector query, three plain inserts in one
// transaction; with modelWait, it waits that long between the two, as a
// job waits on its model.
func minimalHandler(st *store.Store, modelWait time.Duration) asynq.Handler {
	emb := embeddings.Hashing{Dims: store.Dimensions}
	return asynq.HandlerFunc(func(ctx context.Context, t *asynq.Task) error {
		var p minimalPayload
		if err := json.Unmarshal(t.Payload(), &p); err != nil {
			return fmt.Errorf("%w (%w)", err, asynq.SkipRetry)
		}
		vecs, _ := emb.Embed(ctx, []string{p.Text})
		found, err := st.Similar(ctx, p.BrandID, p.Channel, vecs[0], 5)
		if err != nil {
			return err
		}
		if err := wait(ctx, modelWait); err != nil {
			return err
		}
		return pgx.BeginFunc(ctx, st.Pool(), func(tx pgx.Tx) error {
			b := &pgx.Batch{}
			b.Queue(`INSERT INTO minimal_jobs (id, brand_id, found) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, p.ID, p.BrandID, len(found))
			for i := range 2 {
				b.Queue(`INSERT INTO minimal_variants (job_id, ordinal, body) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, p.ID, i, p.Text)
			}
			return tx.SendBatch(ctx, b).Close()
		})
	})
}

// The decorators below time the stages of a Tailor job from outside the
// generator, through the interfaces it declares.

type timedModel struct {
	m   generator.Model
	rec *recorder
}

func (t timedModel) Generate(ctx context.Context, req generator.Request) (generator.Response, error) {
	start := time.Now()
	defer func() {
		end := time.Now()
		t.rec.stage("model call", end.Sub(start))
		if tr, ok := ctx.Value(trackKey{}).(*jobTrack); ok {
			tr.add(start, end)
		}
	}()
	return t.m.Generate(ctx, req)
}

type timedEmbedder struct {
	e   generator.Embedder
	rec *recorder
}

func (t timedEmbedder) Embed(ctx context.Context, texts []string) ([][]float32, error) {
	start := time.Now()
	defer func() { t.rec.stage("embed", time.Since(start)) }()
	return t.e.Embed(ctx, texts)
}

type timedRetriever struct {
	r   generator.Retriever
	rec *recorder
}

func (t timedRetriever) SimilarByChannel(ctx context.Context, brandID string, chs []tailor.Channel, q []float32, k int) (map[tailor.Channel][]tailor.Creative, error) {
	start := time.Now()
	defer func() { t.rec.stage("retrieve (pgvector)", time.Since(start)) }()
	return t.r.SimilarByChannel(ctx, brandID, chs, q, k)
}

type timedStore struct {
	s   generator.Store
	rec *recorder
}

func (t timedStore) Brief(ctx context.Context, ref tailor.BriefRef) (tailor.Brief, error) {
	start := time.Now()
	defer func() { t.rec.stage("load brief", time.Since(start)) }()
	return t.s.Brief(ctx, ref)
}

func (t timedStore) PutBrief(ctx context.Context, b tailor.Brief) (bool, error) {
	start := time.Now()
	defer func() { t.rec.stage("load brief", time.Since(start)) }()
	return t.s.PutBrief(ctx, b)
}

func (t timedStore) JobDone(ctx context.Context, jobID string) (bool, error) {
	start := time.Now()
	defer func() { t.rec.stage("job done?", time.Since(start)) }()
	return t.s.JobDone(ctx, jobID)
}

func (t timedStore) SaveJob(ctx context.Context, r tailor.JobResult) (bool, error) {
	start := time.Now()
	defer func() { t.rec.stage("save (one transaction)", time.Since(start)) }()
	return t.s.SaveJob(ctx, r)
}

// child is a running child worker, seen from the parent.
type child struct {
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	lines  chan string
	stats  string
	waited chan error
}

// startChild re-executes this binary as a worker and waits until it runs.
func startChild(ctx context.Context, spec childSpec) (*child, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	f, err := os.CreateTemp("", "tailor-bench-stats-*.json")
	if err != nil {
		return nil, err
	}
	f.Close()
	spec.StatsPath = f.Name()
	raw, _ := json.Marshal(spec)
	cmd := exec.Command(exe, "-test.run=^$") // the flag keeps a test binary from running tests; main ignores it
	cmd.Env = append(os.Environ(), childEnv+"="+string(raw))
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	c := &child{cmd: cmd, stdin: stdin, lines: make(chan string, 4), stats: spec.StatsPath, waited: make(chan error, 1)}
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			c.lines <- sc.Text()
		}
		close(c.lines)
	}()
	if err := c.await(ctx, "ready", 30*time.Second); err != nil {
		c.kill()
		return nil, err
	}
	return c, nil
}

// await waits for the child to print line.
func (c *child) await(ctx context.Context, line string, timeout time.Duration) error {
	t := time.NewTimer(timeout)
	defer t.Stop()
	for {
		select {
		case l, ok := <-c.lines:
			if !ok {
				return fmt.Errorf("the worker process exited before %q", line)
			}
			if l == line {
				return nil
			}
		case <-t.C:
			return fmt.Errorf("the worker process did not say %q within %s", line, timeout)
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// stop tells the child to finish and returns its statistics.
func (c *child) stop() (childStats, error) {
	c.stdin.Close()
	done := make(chan error, 1)
	go func() { done <- c.cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			return childStats{}, fmt.Errorf("worker process: %w", err)
		}
	case <-time.After(60 * time.Second):
		c.kill()
		return childStats{}, errors.New("worker process did not stop within 60s")
	}
	defer os.Remove(c.stats)
	b, err := os.ReadFile(c.stats)
	if err != nil {
		return childStats{}, err
	}
	var s childStats
	return s, json.Unmarshal(b, &s)
}

func (c *child) kill() {
	if c.cmd.Process != nil {
		_ = c.cmd.Process.Kill()
		_, _ = c.cmd.Process.Wait()
	}
	os.Remove(c.stats)
}
