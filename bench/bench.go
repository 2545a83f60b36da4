// Package bench measures how fast Tailor is next to the limits it cannot
// beat, in one run: bare asynq with a no-op handler, and with one that only
// waits as long as the model does (the latency goal's own ceiling), a minimal
// job (asynq, one filtered pgvector query, three inserts in one
// transaction), then the real worker (queue.NewServer + generator.Runner +
// generator/openai against the in-process OpenAI stand-in) through the real
// Redis and Postgres. It
// also measures retrieval over a large set of past creatives, the guardrails
// and the worker's memory, and writes a Markdown report, JSON and a chart.
//
// Machines are shared and noisy, so the report leads with ratios measured in
// the same run. Every worker runs in a child process (this binary, started
// again; see MaybeRunChild) so its CPU time and memory are its own.
package bench

import (
	"cmp"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	mrand "math/rand/v2"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/hibiken/asynq"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/redis/go-redis/v9"
	tailor "github.com/tailorhq/tailor"
	"github.com/tailorhq/tailor/generator"
	"github.com/tailorhq/tailor/internal/openaitest"
	"github.com/tailorhq/tailor/queue"
	"github.com/tailorhq/tailor/store"
)

// Config says what to measure. Zero values mean the defaults of a full run.
type Config struct {
	// DatabaseURL is the Postgres (with pgvector) to use; the harness creates
	// and drops schemas named SchemaPrefix_* in it.
	DatabaseURL  string
	SchemaPrefix string
	// RedisAddr and RedisDB: the harness uses queues of its own, deleted at the end.
	RedisAddr string
	RedisDB   int

	// Jobs per end-to-end run (default 5,000).
	Jobs int
	// Concurrency of the latency-0 runs and the bounds (default 10, the worker's default).
	Concurrency int
	// HighConcurrency and ModelLatency make the latency-bound run (default 100 and 300 ms).
	HighConcurrency int
	ModelLatency    time.Duration
	// Sweep lists the concurrencies of the throughput chart (default 1, 4, 16, 64)
	// and SweepJobs the jobs of each of its runs (default Jobs/5).
	Sweep     []int
	SweepJobs int
	// Variants per channel of each job (default 3).
	Variants int
	// Channels each job asks for (default 1, of the brief's email, sms and
	// push): the minimal job searches one channel and inserts a few rows, so
	// a one-channel Tailor job is its like, and the headline ratios use it.
	Channels int
	// WideChannels, when above Channels, adds latency-0 and model-latency
	// runs of jobs with that many channels (default 3; negative skips them):
	// the same goals, judged for a job that writes several channels at once.
	WideChannels int
	// SeedCreatives are the brand's past creatives a worker run starts with (default 3,000).
	SeedCreatives int
	// RetrievalCreatives, RetrievalBrands and RetrievalQueries size the
	// retrieval measurement (default 100,000, 10, 1,000); negative skips it.
	RetrievalCreatives int
	RetrievalBrands    int
	RetrievalQueries   int
	// GuardrailJobs generate the variants the guardrails are timed on (default 100).
	GuardrailJobs int
	// SoakJobs, when positive, adds a run of that many jobs at latency 0 for
	// the memory section; otherwise it uses the longest run.
	SoakJobs int
	// ProbeDBConns, when positive, adds a latency-bound run that explains
	// the gap to the bound: the worker's pool at that many connections.
	ProbeDBConns int
	// Repeat runs the headline runs (the minimal job and Tailor at latency
	// 0; bare asynq, the minimal job and Tailor at the model's latency) that
	// many times, one block after another (default 1), and judges their
	// goals by the median: one run on a shared machine can land either side
	// of a goal.
	Repeat int
	// Runs, when set, keeps only the end-to-end runs whose names contain
	// it: a quick look at one run without the rest.
	Runs string
	// CPUProfile, when set, is where the latency-0 Tailor run writes the
	// worker's CPU profile (go tool pprof).
	CPUProfile string
	// Mode names the run in the report ("quick", "full", "test").
	Mode string
	// EfSearch is the worker's hnsw.ef_search (store.Config.EfSearch; 0:
	// the server's, pgvector's default 40): its runs use it, and the
	// retrieval section reports it as the worker's setting.
	EfSearch int
	// EfSweep are the hnsw.ef_search values the retrieval section
	// measures besides the worker's (default DefaultEfSweep).
	EfSweep []int
	// Keep leaves the schemas in place for inspection.
	Keep bool
	// Log receives progress lines; nil discards them.
	Log io.Writer
}

// DefaultEfSweep are the hnsw.ef_search values measured besides the
// worker's when Config.EfSweep is nil.
var DefaultEfSweep = []int{40, 100, 150, 200}

func (c Config) withDefaults() Config {
	c.SchemaPrefix = cmp.Or(c.SchemaPrefix, "bench")
	c.RedisAddr = cmp.Or(c.RedisAddr, "127.0.0.1:6379")
	c.Jobs = cmp.Or(c.Jobs, 5000)
	c.Concurrency = cmp.Or(c.Concurrency, 10)
	c.HighConcurrency = cmp.Or(c.HighConcurrency, 100)
	c.ModelLatency = cmp.Or(c.ModelLatency, 300*time.Millisecond)
	if c.Sweep == nil {
		c.Sweep = []int{1, 4, 16, 64}
	}
	if c.EfSweep == nil {
		c.EfSweep = DefaultEfSweep
	}
	c.SweepJobs = cmp.Or(c.SweepJobs, max(c.Jobs/5, 20))
	c.Variants = cmp.Or(c.Variants, 3)
	c.Repeat = max(c.Repeat, 1)
	c.Channels = min(cmp.Or(c.Channels, 1), len(benchChannels))
	c.WideChannels = min(cmp.Or(c.WideChannels, 3), len(benchChannels))
	c.SeedCreatives = cmp.Or(c.SeedCreatives, 3000)
	c.RetrievalCreatives = cmp.Or(c.RetrievalCreatives, 100_000)
	c.RetrievalBrands = cmp.Or(c.RetrievalBrands, 10)
	c.RetrievalQueries = cmp.Or(c.RetrievalQueries, 1000)
	c.GuardrailJobs = cmp.Or(c.GuardrailJobs, 100)
	c.Mode = cmp.Or(c.Mode, "full")
	return c
}

// Run is one worker run: a role at a concurrency and model latency.
type Run struct {
	Name        string `json:"name"`
	Role        string `json:"role"`
	Concurrency int    `json:"concurrency"`
	// Channels is how many channels each of a Tailor run's jobs asks for.
	Channels       int     `json:"channels_per_job,omitempty"`
	ModelLatencyMs float64 `json:"model_latency_ms"`
	Jobs           int     `json:"jobs"`
	Succeeded      int     `json:"succeeded"`
	// Retried counts attempts that failed and were retried.
	Retried    int     `json:"retried"`
	Failed     int     `json:"failed"`
	Seconds    float64 `json:"seconds"`
	JobsPerSec float64 `json:"jobs_per_second"`
	// Latency is a job's time in the handler (queue wait excluded: every
	// job is enqueued before the worker starts).
	Latency Percentiles `json:"latency"`
	// CPU per job in milliseconds: the worker process (getrusage), Redis and
	// the Postgres backends of the worker plus Postgres's background writers
	// (/proc/<pid>/stat).
	WorkerCPUMs   float64 `json:"worker_cpu_ms_per_job"`
	RedisCPUMs    float64 `json:"redis_cpu_ms_per_job"`
	PostgresCPUMs float64 `json:"postgres_cpu_ms_per_job"`
	MachineCPUMs  float64 `json:"machine_cpu_ms_per_job"`
	PeakRSSMB     float64 `json:"peak_rss_mb"`
	// Calls per job: Redis commands (INFO commandstats, server-wide),
	// Postgres transactions and rows inserted (pg_stat_database of the
	// database, database-wide) and model calls (the stand-in's counter).
	RedisCmds      float64 `json:"redis_commands_per_job"`
	PGTransactions float64 `json:"postgres_transactions_per_job"`
	PGRowsInserted float64 `json:"postgres_rows_inserted_per_job"`
	ModelCalls     float64 `json:"model_calls_per_job,omitempty"`
	// ModelWaitMs is how long a job had a model call in flight (calls that
	// overlap count once), and ModelRounds how many calls it made one after
	// another (its calls ÷ the most in flight at once).
	ModelWaitMs float64 `json:"model_wait_ms_per_job,omitempty"`
	ModelRounds float64 `json:"model_rounds_per_job,omitempty"`
	// StandInCPUMs is the CPU the harness process spent per job, almost all
	// of it the model stand-in answering: not counted in MachineCPUMs, but it
	// competes for the same cores.
	StandInCPUMs float64 `json:"stand_in_cpu_ms_per_job,omitempty"`
	// OtherCores is how many cores' worth of CPU everything else on the
	// machine (other users' tests, builds) took during the run: the noise.
	OtherCores float64 `json:"other_load_cores"`
	// CreativesAtEnd is how many past creatives the HNSW-indexed table held
	// when the run ended: Tailor adds its approved variants to it.
	// Between jobs: a worker slot's cycle (concurrency ÷ jobs/s) less the
	// mean time in the handler, that is, asynq acknowledging one task and
	// handing the slot the next; and asynq's two Redis round trips for it,
	// timed in the worker (DequeuesPerJob counts tries of empty queues too).
	BetweenJobsMs   float64     `json:"between_jobs_ms"`
	QueueDequeue    Percentiles `json:"asynq_dequeue"`
	QueueAck        Percentiles `json:"asynq_ack"`
	DequeuesPerJob  float64     `json:"asynq_dequeues_per_job"`
	CreativesAtEnd  int64       `json:"creatives_at_end,omitempty"`
	DBConns         int         `json:"db_conns,omitempty"`
	Stages          []Stage     `json:"stages,omitempty"`
	RSS             []RSSSample `json:"rss,omitempty"`
	LastError       string      `json:"last_error,omitempty"`
	redisCPUMissing bool
}

// Stage is the wall time one stage of a job took, per job (summed over its
// calls; with concurrency it includes waiting for a connection).
type Stage struct {
	Name     string  `json:"name"`
	MsPerJob float64 `json:"ms_per_job"`
}

// Goal is one target of the issue and whether this run met it.
type Goal struct {
	Name   string  `json:"name"`
	Value  float64 `json:"value"`
	Target string  `json:"target"`
	Met    bool    `json:"met"`
	// NotJudged is set when the run was too short to tell (quick mode).
	NotJudged bool   `json:"not_judged,omitempty"`
	Note      string `json:"note,omitempty"`
}

// MemoryResult says whether the worker's memory stays flat through a long run.
type MemoryResult struct {
	Run string `json:"run"`
	// AfterWarmupMB is the median RSS from 20 to 40 % of the run, EndMB
	// over its last 20 %: medians, because with GOGC 300 the RSS swings by
	// a tenth or more with each collection, and two single samples would
	// measure where on that swing they fell, not growth.
	AfterWarmupMB float64 `json:"after_warmup_mb"`
	EndMB         float64 `json:"end_mb"`
	PeakMB        float64 `json:"peak_mb"`
	GrowthPct     float64 `json:"growth_pct"`
	Samples       int     `json:"samples"`
}

// Results is everything one run of the harness measured.
type Results struct {
	Mode string `json:"mode"`
	// RunID names the run's queues (bench_<RunID>_…).
	RunID     string    `json:"run_id"`
	StartedAt time.Time `json:"started_at"`
	Seconds   float64   `json:"seconds"`
	Machine   string    `json:"machine"`
	Config    struct {
		Jobs            int     `json:"jobs"`
		Concurrency     int     `json:"concurrency"`
		HighConcurrency int     `json:"high_concurrency"`
		ModelLatencyMs  float64 `json:"model_latency_ms"`
		Variants        int     `json:"variants_per_channel"`
		Channels        int     `json:"channels_per_job"`
		SeedCreatives   int     `json:"seed_creatives"`
	} `json:"config"`
	Runs []Run `json:"runs"`
	// The headline ratios.
	RatioToMinimal float64 `json:"ratio_to_minimal_at_latency_0"`
	LatencyBound   float64 `json:"latency_bound_jobs_per_second"`
	RatioToBound   float64 `json:"ratio_to_latency_bound"`
	// QueueRatioToBound is bare asynq's, its handler waiting the model's
	// latency: the most any worker on this queue can reach.
	QueueRatioToBound float64 `json:"queue_ratio_to_latency_bound,omitempty"`
	// MinimalRatioToBound is the minimal job's, waiting the model's latency
	// between its query and its inserts.
	MinimalRatioToBound float64 `json:"minimal_ratio_to_latency_bound,omitempty"`
	ModelCallsPerJob    float64 `json:"model_calls_per_job"`

	Retrieval  *RetrievalResult `json:"retrieval,omitempty"`
	Guardrails *GuardrailResult `json:"guardrails,omitempty"`
	Memory     *MemoryResult    `json:"memory,omitempty"`
	Goals      []Goal           `json:"goals"`
	Notes      []string         `json:"notes"`
}

// run returns the named run, or nil.
func (r *Results) run(name string) *Run {
	for i := range r.Runs {
		if r.Runs[i].Name == name {
			return &r.Runs[i]
		}
	}
	return nil
}

// repeatName names the k-th run of a headline run (Config.Repeat); the
// first keeps the plain name.
func repeatName(name string, k int) string {
	if k < 2 {
		return name
	}
	return fmt.Sprintf("%s (repeat %d)", name, k)
}

// repeats returns the named run and its repeats, in the order they ran.
func (r *Results) repeats(name string) []*Run {
	var out []*Run
	for i := range r.Runs {
		if n := r.Runs[i].Name; n == name || strings.HasPrefix(n, name+" (repeat ") {
			out = append(out, &r.Runs[i])
		}
	}
	return out
}

// median of vs (the mean of the middle two for an even count); 0 for none.
func median(vs []float64) float64 {
	if len(vs) == 0 {
		return 0
	}
	s := slices.Sorted(slices.Values(vs))
	if n := len(s); n%2 == 0 {
		return (s[n/2-1] + s[n/2]) / 2
	}
	return s[len(s)/2]
}

// repeatNote says which repeats a median came from; "" for a single run.
func repeatNote(vs []float64, format string) string {
	if len(vs) < 2 {
		return ""
	}
	parts := make([]string, len(vs))
	for i, v := range vs {
		parts[i] = fmt.Sprintf(format, v)
	}
	return fmt.Sprintf("median of %d runs, one block after another: %s", len(vs), strings.Join(parts, ", "))
}

// runEnv is what the sections of a run share.
type runEnv struct {
	cfg          Config
	dbURL        string
	schemaPrefix string
	redis        asynq.RedisClientOpt
	rdb          *redis.Client
	monitor      *pgxpool.Pool
	dbName       string
	brief        tailor.Brief
	keep         bool
	log          io.Writer
	logMu        sync.Mutex
	quiet        *slog.Logger
	runID        string
	seq          int
}

func (e *runEnv) logf(format string, a ...any) {
	if e.log == nil {
		return
	}
	e.logMu.Lock()
	defer e.logMu.Unlock()
	fmt.Fprintf(e.log, "%s  "+format+"\n", append([]any{time.Now().Format("15:04:05")}, a...)...)
}

// Names of the runs the ratios use.
const (
	runNoop        = "asynq no-op"
	runNoopSlow    = "asynq, handler waits %s"
	runMinimal     = "minimal job"
	runMinimalSlow = "minimal job, handler waits %s"
	runTailor0     = "tailor, model latency 0"
	runTailorSlow  = "tailor, model latency %s"
	runSoak        = "tailor soak, model latency 0"
	runWide0       = "tailor, %d channels, model latency 0"
	runWideSlow    = "tailor, %d channels, model latency %s"
)

// Execute runs every section and returns the results. A failing section
// stops the run with an error; partial results are returned with it.
func Execute(ctx context.Context, cfg Config) (*Results, error) {
	cfg = cfg.withDefaults()
	if cfg.DatabaseURL == "" {
		return nil, errors.New("bench: a database URL is required")
	}
	b := make([]byte, 3)
	rand.Read(b)
	env := &runEnv{
		cfg: cfg, dbURL: cfg.DatabaseURL, schemaPrefix: cfg.SchemaPrefix, keep: cfg.Keep, log: cfg.Log,
		redis: asynq.RedisClientOpt{Addr: cfg.RedisAddr, DB: cfg.RedisDB},
		quiet: slog.New(slog.NewTextHandler(io.Discard, nil)), runID: hex.EncodeToString(b),
	}
	var err error
	if env.brief, err = loadBrief(); err != nil {
		return nil, err
	}
	env.rdb = redis.NewClient(&redis.Options{Addr: cfg.RedisAddr, DB: cfg.RedisDB})
	defer env.rdb.Close()
	if err := env.rdb.Ping(ctx).Err(); err != nil {
		return nil, fmt.Errorf("reaching Redis at %s (run scripts/setup.sh): %w", cfg.RedisAddr, err)
	}
	pc, err := pgxpool.ParseConfig(cfg.DatabaseURL)
	if err != nil {
		return nil, err
	}
	pc.MaxConns = 2
	pc.ConnConfig.RuntimeParams["application_name"] = "tailor-bench-monitor"
	if env.monitor, err = pgxpool.NewWithConfig(ctx, pc); err != nil {
		return nil, err
	}
	defer env.monitor.Close()
	if err := env.monitor.QueryRow(ctx, "SELECT current_database()").Scan(&env.dbName); err != nil {
		return nil, fmt.Errorf("reaching Postgres (run scripts/setup.sh): %w", err)
	}

	res := &Results{Mode: cfg.Mode, RunID: env.runID, StartedAt: time.Now().UTC(), Machine: machine()}
	res.Config.Jobs, res.Config.Concurrency, res.Config.HighConcurrency = cfg.Jobs, cfg.Concurrency, cfg.HighConcurrency
	res.Config.ModelLatencyMs, res.Config.Variants, res.Config.Channels = ms(cfg.ModelLatency), cfg.Variants, cfg.Channels
	res.Config.SeedCreatives = cfg.SeedCreatives
	defer func() { res.Seconds = time.Since(res.StartedAt).Seconds() }()

	slowName := fmt.Sprintf(runTailorSlow, cfg.ModelLatency)
	steps := []step{
		{name: runNoop, role: roleNoop, conc: cfg.Concurrency, jobs: max(2*cfg.Jobs, 2000)},
		// The latency goal's own limit: the queue alone, its handler waiting
		// as long as the model does, at the same concurrency.
		{name: fmt.Sprintf(runNoopSlow, cfg.ModelLatency), role: roleNoop, conc: cfg.HighConcurrency, jobs: cfg.Jobs, latency: cfg.ModelLatency},
		{name: runMinimal, role: roleMinimal, conc: cfg.Concurrency, jobs: cfg.Jobs},
		// The same, with a model's wait between its query and its inserts:
		// how near the bound a worker that touches the database gets here.
		{name: fmt.Sprintf(runMinimalSlow, cfg.ModelLatency), role: roleMinimal, conc: cfg.HighConcurrency, jobs: cfg.Jobs, latency: cfg.ModelLatency},
		{name: runTailor0, role: roleTailor, conc: cfg.Concurrency, jobs: cfg.Jobs, profile: cfg.CPUProfile},
		{name: slowName, role: roleTailor, conc: cfg.HighConcurrency, jobs: cfg.Jobs, latency: cfg.ModelLatency},
	}
	// Repeats come right after the first block, so that every block meets
	// the machine in much the same state.
	headline := slices.Clone(steps[1:]) // bare asynq at latency 0 needs no second look
	for k := 2; k <= cfg.Repeat; k++ {
		for _, s := range headline {
			s.name, s.profile = repeatName(s.name, k), ""
			steps = append(steps, s)
		}
	}
	if w := cfg.WideChannels; w > cfg.Channels {
		steps = append(steps,
			step{name: fmt.Sprintf(runWide0, w), role: roleTailor, conc: cfg.Concurrency, jobs: cfg.Jobs, channels: w},
			step{name: fmt.Sprintf(runWideSlow, w, cfg.ModelLatency), role: roleTailor, conc: cfg.HighConcurrency, jobs: cfg.Jobs,
				latency: cfg.ModelLatency, channels: w})
	}
	if n := cfg.ProbeDBConns; n > 0 {
		steps = append(steps,
			step{name: fmt.Sprintf("%s, %d DB conns", slowName, n), role: roleTailor, conc: cfg.HighConcurrency, jobs: cfg.Jobs,
				latency: cfg.ModelLatency, dbConns: n})
	}
	for _, c := range cfg.Sweep {
		if c == cfg.Concurrency {
			continue // the main runs give these points
		}
		steps = append(steps,
			step{name: fmt.Sprintf("sweep: minimal job, concurrency %d", c), role: roleMinimal, conc: c, jobs: cfg.SweepJobs},
			step{name: fmt.Sprintf("sweep: tailor, concurrency %d", c), role: roleTailor, conc: c, jobs: cfg.SweepJobs})
	}
	if cfg.SoakJobs > 0 {
		steps = append(steps, step{name: runSoak, role: roleTailor, conc: cfg.Concurrency, jobs: cfg.SoakJobs})
	}
	if cfg.Runs != "" {
		steps = slices.DeleteFunc(steps, func(s step) bool { return !strings.Contains(s.name, cfg.Runs) })
		if len(steps) == 0 {
			return nil, fmt.Errorf("bench: no run's name contains %q", cfg.Runs)
		}
	}
	// A run that fails (a timeout on a loaded machine) is reported and the
	// others still run; Execute returns the failures at the end.
	var failures []error
	for _, s := range steps {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		r, err := env.runWorker(ctx, s)
		if err != nil {
			r.LastError = err.Error()
			failures = append(failures, fmt.Errorf("%s: %w", s.name, err))
			res.Notes = append(res.Notes, fmt.Sprintf("**Run %q did not complete: %v.** Its figures are partial.", s.name, err))
			env.logf("%s: %v", s.name, err)
		}
		res.Runs = append(res.Runs, r)
	}

	if cfg.RetrievalCreatives > 0 {
		r, err := runRetrieval(ctx, env, cfg.RetrievalCreatives, cfg.RetrievalBrands, cfg.RetrievalQueries)
		if err != nil {
			return res, fmt.Errorf("retrieval: %w", err)
		}
		res.Retrieval = &r
	}
	g, err := runGuardrails(ctx, env, cfg.GuardrailJobs, 3*time.Second)
	if err != nil {
		return res, fmt.Errorf("guardrails: %w", err)
	}
	res.Guardrails = &g
	res.summarise(cfg)
	return res, errors.Join(failures...)
}

// summarise computes the ratios, the memory section and the goals.
func (res *Results) summarise(cfg Config) {
	noop, minimal, t0 := res.run(runNoop), res.run(runMinimal), res.run(runTailor0)
	slow := res.run(fmt.Sprintf(runTailorSlow, cfg.ModelLatency))
	if minimal != nil && t0 != nil && minimal.JobsPerSec > 0 {
		// Each Tailor run against the minimal job of its own block.
		var ratios, cpus, cpuRatios []float64
		tailors, minimals := res.repeats(runTailor0), res.repeats(runMinimal)
		for i, t := range tailors {
			if t.MachineCPUMs > 0 && !t.redisCPUMissing {
				cpus = append(cpus, t.MachineCPUMs)
			}
			if i >= len(minimals) {
				continue
			}
			if m := minimals[i]; m.JobsPerSec > 0 {
				ratios = append(ratios, t.JobsPerSec/m.JobsPerSec)
			}
			if m := minimals[i]; m.MachineCPUMs > 0 && t.MachineCPUMs > 0 && !m.redisCPUMissing && !t.redisCPUMissing {
				cpuRatios = append(cpuRatios, t.MachineCPUMs/m.MachineCPUMs)
			}
		}
		res.RatioToMinimal = median(ratios)
		res.Goals = append(res.Goals, Goal{Name: fmt.Sprintf("throughput at model latency 0 ÷ minimal job (%s)", jobShape(cfg.Channels, cfg.Variants)),
			Value: res.RatioToMinimal, Target: "≥ 0.5", Met: res.RatioToMinimal >= 0.5, Note: repeatNote(ratios, "%.2f")})
		if len(cpus) > 0 {
			v := median(cpus)
			res.Goals = append(res.Goals, Goal{Name: fmt.Sprintf("machine CPU per job at model latency 0, worker + Redis + Postgres (ms) (%s)", jobShape(cfg.Channels, cfg.Variants)),
				Value: v, Target: "≤ 3 ms", Met: v <= 3, Note: repeatNote(cpus, "%.2f")})
		}
		// The issue sets 3 ms beside a minimal job of about 1.5 ms: twice its
		// cost. As a ratio within one block it holds when the machine's own
		// speed moves between runs (the minimal job alone has cost 1.5 to
		// 2.2 ms here), as the 3 ms does not.
		if len(cpuRatios) > 0 {
			v := median(cpuRatios)
			res.Goals = append(res.Goals, Goal{Name: fmt.Sprintf("machine CPU per job at model latency 0 ÷ the minimal job's in the same block (%s)", jobShape(cfg.Channels, cfg.Variants)),
				Value: v, Target: "≤ 2 (3 ms beside the minimal job's 1.5 ms)", Met: v <= 2, Note: repeatNote(cpuRatios, "%.2f")})
		}
		if t0.MachineCPUMs > 0 {
			cores := float64(runtime.NumCPU())
			res.Notes = append(res.Notes, fmt.Sprintf("At latency 0 a job costs %.1f ms of machine CPU (plus %.1f ms for the model stand-in): %.0f cores can do at most "+
				"about %.0f jobs/s even with nothing else running; Tailor made %.0f jobs/s. The minimal job costs %.1f ms (ceiling about %.0f jobs/s).",
				t0.MachineCPUMs, t0.StandInCPUMs, cores, cores*1000/(t0.MachineCPUMs+t0.StandInCPUMs), t0.JobsPerSec,
				minimal.MachineCPUMs, cores*1000/max(minimal.MachineCPUMs, 0.001)))
		}
		if !t0.redisCPUMissing && minimal.MachineCPUMs > 0 {
			res.Notes = append(res.Notes, fmt.Sprintf("Machine CPU per job at latency 0: Tailor %.2f ms, minimal job %.2f ms (%.1f×); bare asynq %.2f ms.",
				t0.MachineCPUMs, minimal.MachineCPUMs, t0.MachineCPUMs/minimal.MachineCPUMs, noopCPU(noop)))
		}
	}
	if slow != nil && slow.ModelCalls > 0 {
		res.ModelCallsPerJob = slow.ModelCalls
		// A job waits for the model ModelRounds times in a row (its channels'
		// calls overlap when the pipeline writes them at once).
		rounds := max(slow.ModelRounds, 1)
		res.LatencyBound = float64(cfg.HighConcurrency) / (rounds * cfg.ModelLatency.Seconds())
		// Each run's ratio to its own bound (the queue's and the minimal
		// job's bound: one wait per job), the median of the repeats.
		ratiosOf := func(name string, bound float64) []float64 {
			var out []float64
			for _, r := range res.repeats(name) {
				if r.JobsPerSec > 0 {
					out = append(out, r.JobsPerSec/bound)
				}
			}
			return out
		}
		oneWait := float64(cfg.HighConcurrency) / cfg.ModelLatency.Seconds()
		tailorRatios := ratiosOf(slow.Name, res.LatencyBound)
		res.RatioToBound = median(tailorRatios)
		note := fmt.Sprintf("bound = concurrency ÷ (%.2f model calls one after another per job × latency) = %.1f jobs/s; %.2f calls per job",
			rounds, res.LatencyBound, slow.ModelCalls)
		if q := ratiosOf(fmt.Sprintf(runNoopSlow, cfg.ModelLatency), oneWait); len(q) > 0 {
			res.QueueRatioToBound = median(q)
			note += fmt.Sprintf("; bare asynq, its handler waiting %s, reaches %.3f of its bound in this run", cfg.ModelLatency, res.QueueRatioToBound)
		}
		if m := ratiosOf(fmt.Sprintf(runMinimalSlow, cfg.ModelLatency), oneWait); len(m) > 0 {
			res.MinimalRatioToBound = median(m)
			note += fmt.Sprintf(", the minimal job waiting %s between its query and its inserts %.3f", cfg.ModelLatency, res.MinimalRatioToBound)
			if len(m) > 1 {
				note += " (medians)"
			}
		}
		if rn := repeatNote(tailorRatios, "%.3f"); rn != "" {
			note += "; " + rn
		}
		res.Goals = append(res.Goals, Goal{Name: fmt.Sprintf("throughput at model latency %s, concurrency %d ÷ bound", cfg.ModelLatency, cfg.HighConcurrency),
			Value: res.RatioToBound, Target: "≥ 0.97", Met: res.RatioToBound >= 0.97, Note: note})
		if t0 := res.run(runTailor0); t0 != nil && t0.MachineCPUMs > 0 {
			ceiling := float64(runtime.NumCPU()) * 1000 / (t0.MachineCPUMs + t0.StandInCPUMs)
			if ceiling < res.LatencyBound {
				res.Notes = append(res.Notes, fmt.Sprintf("The latency bound (%.0f jobs/s) is above what the machine's CPU allows: %.1f ms of CPU per job "+
					"(Tailor, Redis, Postgres and the stand-in, at latency 0) on %d cores is at most about %.0f jobs/s, so on this machine the model-latency "+
					"run is CPU-bound, not latency-bound.", res.LatencyBound, t0.MachineCPUMs+t0.StandInCPUMs, runtime.NumCPU(), ceiling))
			}
		}
		if slow.ModelWaitMs > 0 {
			rest := slow.Latency.Mean - slow.ModelWaitMs
			res.Notes = append(res.Notes, fmt.Sprintf("At model latency %s a job waited %.0f ms on the model (%.2f calls one after another × %.0f ms = %.0f ms ideal; "+
				"%.2f calls, overlapping when channels are written at once) and %.0f ms on everything else: concurrency ÷ mean job time = %.0f jobs/s "+
				"against the bound's %.0f.",
				cfg.ModelLatency, slow.ModelWaitMs, rounds, ms(cfg.ModelLatency), rounds*ms(cfg.ModelLatency), slow.ModelCalls, rest,
				float64(cfg.HighConcurrency)*1000/slow.Latency.Mean, res.LatencyBound))
		}
	}
	res.wideGoals(cfg, minimal)
	if r := res.Retrieval; r != nil && strings.HasPrefix(r.Plan, "HNSW") && r.RecallAt < 0.95 && r.Exact.P50 <= 1.25*r.Query.P50 {
		res.Notes = append(res.Notes, fmt.Sprintf("Retrieval: with about %d rows per brand and channel, an exact search of one brand and channel "+
			"(p50 %.2f ms, p99 %.2f ms, recall 1) is about as fast as the HNSW index with iterative scan that the planner picks for the worker's "+
			"query (p50 %.2f ms, p99 %.2f ms, recall %.3f): a filter that keeps a few per cent of the rows makes the graph walk long "+
			"and lossy, while the unfiltered HNSW search meets both goals (p99 %.2f ms, recall %.3f).",
			r.PerFilter, r.Exact.P50, r.Exact.P99, r.Query.P50, r.Query.P99, r.RecallAt, r.Unfiltered.P99, r.UnfilteredRecall))
	}
	if r := res.Retrieval; r != nil && r.Ungrouped.P99 > 0 {
		res.Notes = append(res.Notes, fmt.Sprintf("Retrieval: the worker's query walks an HNSW graph over vectors grouped by brand and channel "+
			"(migration 004): p99 %.2f ms, recall@10 %.3f, %.2f ms of Postgres CPU a query. The same filter over a graph of the plain "+
			"embeddings, in this run: p99 %.2f ms, recall@10 %.3f, %.2f ms; an exact search of the brand and channel: p99 %.2f ms, %.2f ms.",
			r.Query.P99, r.RecallAt, r.QueryCPUMs, r.Ungrouped.P99, r.UngroupedRecall, r.UngroupedCPUMs, r.Exact.P99, r.ExactCPUMs))
	}
	if r := res.Retrieval; r != nil && r.Inserts.Rows > 0 && t0 != nil && t0.PostgresCPUMs > 0 {
		indexed := float64(t0.CreativesAtEnd-int64(cfg.SeedCreatives)) / float64(max(t0.Succeeded, 1))
		res.Notes = append(res.Notes, fmt.Sprintf("A Tailor job inserts %.1f rows, %.2f of them into the HNSW-indexed creatives table. An insert into "+
			"that index costs Postgres %.2f ms of CPU against %.2f ms into a table without it (retrieval section, a table of %d rows; "+
			"the cost grows with the graph). Postgres spent %.1f ms per job in the latency-0 run.",
			t0.PGRowsInserted, indexed, r.Inserts.HNSWCPUMs, r.Inserts.PlainCPUMs, r.Creatives, t0.PostgresCPUMs))
	}
	if r := res.Retrieval; r != nil {
		res.Goals = append(res.Goals,
			Goal{Name: fmt.Sprintf("retrieval p99 over %d creatives, filtered, at the worker's ef_search %d (ms)", r.Creatives, r.EfSearch), Value: r.Query.P99, Target: "≤ 10 ms", Met: r.Query.P99 <= 10},
			Goal{Name: "retrieval recall@10 against exact search", Value: r.RecallAt, Target: "≥ 0.95", Met: r.RecallAt >= 0.95,
				Note: "filtered by brand and channel; plan: " + r.Plan},
			Goal{Name: fmt.Sprintf("unfiltered HNSW p99 over %d creatives (ms)", r.Creatives), Value: r.Unfiltered.P99, Target: "≤ 10 ms", Met: r.Unfiltered.P99 <= 10},
			Goal{Name: "unfiltered HNSW recall@10 against exact search", Value: r.UnfilteredRecall, Target: "≥ 0.95", Met: r.UnfilteredRecall >= 0.95})
	}
	if g := res.Guardrails; g != nil && t0 != nil && t0.WorkerCPUMs > 0 {
		perJob := g.MeanMicros / 1000 * float64(cfg.Variants*cfg.Channels)
		res.Notes = append(res.Notes, fmt.Sprintf("guardrails.Check costs %.0f µs per variant (measured alone, below): %.1f ms for the %d variants of a job, "+
			"about %.0f %% of the worker's %.1f ms of CPU per job at latency 0 (more with repairs, which check again).",
			g.MeanMicros, perJob, cfg.Variants*cfg.Channels, 100*perJob/t0.WorkerCPUMs, t0.WorkerCPUMs))
	}
	for _, r := range res.Runs {
		if r.Retried > 0 {
			res.Notes = append(res.Notes, fmt.Sprintf("**%q: %d attempts failed and were retried** (with asynq's backoff, which the throughput includes); "+
				"the last error: %s", r.Name, r.Retried, r.LastError))
		}
	}
	// Memory: the soak run if there is one, else the longest Tailor run.
	var long *Run
	for i := range res.Runs {
		r := &res.Runs[i]
		if r.Role != roleTailor || len(r.RSS) < 2 || r.DBConns > 0 {
			continue
		}
		if r.Name == runSoak || long == nil || (long.Name != runSoak && r.Seconds > long.Seconds) {
			long = r
		}
	}
	if long != nil {
		m := memoryOf(long)
		res.Memory = &m
		g := Goal{Name: "worker RSS growth after warm-up (%)", Value: m.GrowthPct, Target: "flat (≤ 10 %)",
			Met: m.GrowthPct <= 10, Note: fmt.Sprintf("%s, %d samples", m.Run, m.Samples)}
		if long.Seconds < 20 {
			g.Met, g.NotJudged = false, true
			g.Note += fmt.Sprintf("; a %.0f s run is too short to judge: see a full run", long.Seconds)
		}
		res.Goals = append(res.Goals, g)
	}
}

// wideGoals judges the throughput goals again for the runs whose jobs write
// several channels at once (Config.WideChannels), so the report shows how
// the ratios move with a job's size, not only for the headline shape.
func (res *Results) wideGoals(cfg Config, minimal *Run) {
	w := cfg.WideChannels
	shape := jobShape(w, cfg.Variants)
	if r := res.run(fmt.Sprintf(runWide0, w)); r != nil && minimal != nil && minimal.JobsPerSec > 0 {
		ratio := r.JobsPerSec / minimal.JobsPerSec
		res.Goals = append(res.Goals, Goal{Name: fmt.Sprintf("throughput at model latency 0 ÷ minimal job (%s)", shape), Value: ratio,
			Target: "≥ 0.5", Met: ratio >= 0.5, Note: fmt.Sprintf("per channel, %.2f", ratio*float64(w))})
		if r.MachineCPUMs > 0 && !r.redisCPUMissing {
			res.Goals = append(res.Goals, Goal{Name: fmt.Sprintf("machine CPU per job at model latency 0, worker + Redis + Postgres (ms) (%s)", shape),
				Value: r.MachineCPUMs, Target: "≤ 3 ms", Met: r.MachineCPUMs <= 3, Note: fmt.Sprintf("per channel, %.2f ms", r.MachineCPUMs/float64(w))})
		}
	}
	if r := res.run(fmt.Sprintf(runWideSlow, w, cfg.ModelLatency)); r != nil && r.JobsPerSec > 0 {
		bound := float64(cfg.HighConcurrency) / (max(r.ModelRounds, 1) * cfg.ModelLatency.Seconds())
		ratio := r.JobsPerSec / bound
		res.Goals = append(res.Goals, Goal{Name: fmt.Sprintf("throughput at model latency %s, concurrency %d ÷ bound (%s)", cfg.ModelLatency, cfg.HighConcurrency, shape),
			Value: ratio, Target: "≥ 0.97", Met: ratio >= 0.97,
			Note: fmt.Sprintf("bound %.1f jobs/s; %.2f model calls per job, %.2f one after another", bound, r.ModelCalls, max(r.ModelRounds, 1))})
	}
}

// jobShape names a job's size: "1 channel × 3 variants".
func jobShape(channels, variants int) string {
	if channels == 1 {
		return fmt.Sprintf("1 channel × %d variants", variants)
	}
	return fmt.Sprintf("%d channels × %d variants", channels, variants)
}

func noopCPU(r *Run) float64 {
	if r == nil {
		return 0
	}
	return r.MachineCPUMs
}

func memoryOf(r *Run) MemoryResult {
	m := MemoryResult{Run: r.Name, Samples: len(r.RSS)}
	var peak int64
	for _, s := range r.RSS {
		peak = max(peak, s.Bytes)
	}
	n := len(r.RSS)
	warm := medianBytes(r.RSS[n/5 : max(2*n/5, n/5+1)])
	end := medianBytes(r.RSS[min(4*n/5, n-1):])
	m.AfterWarmupMB, m.EndMB, m.PeakMB = mb(warm), mb(end), mb(peak)
	if warm > 0 {
		m.GrowthPct = 100 * float64(end-warm) / float64(warm)
	}
	return m
}

// medianBytes is the median RSS of some samples (the upper one of an even count).
func medianBytes(ss []RSSSample) int64 {
	bs := make([]int64, len(ss))
	for i, s := range ss {
		bs[i] = s.Bytes
	}
	slices.Sort(bs)
	return bs[len(bs)/2]
}

func mb(b int64) float64 { return float64(b) / (1 << 20) }

func machine() string {
	host, _ := os.Hostname()
	return fmt.Sprintf("%s, %d CPUs, %s %s/%s", host, runtime.NumCPU(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
}

// snapshot is what is read around a run.
type snapshot struct {
	redisCPU  time.Duration
	redisCmds int64
	pgCPU     map[int]time.Duration
	pgXacts   int64
	pgInserts int64
	model     int64
}

func (e *runEnv) snap(ctx context.Context, app string, model *openaitest.Server) (snapshot, error) {
	var s snapshot
	if pid := redisPID(e.cfg.RedisAddr); pid > 0 {
		s.redisCPU, _ = procCPU(pid)
	} else {
		s.redisCPU = -1
	}
	var err error
	if s.redisCmds, err = redisCommands(ctx, e.rdb); err != nil {
		return s, err
	}
	rows, err := e.monitor.Query(ctx, `SELECT pid FROM pg_stat_activity WHERE application_name = $1
		OR backend_type IN ('walwriter', 'checkpointer', 'background writer')`, app)
	if err != nil {
		return s, err
	}
	pids, err := pgx.CollectRows(rows, pgx.RowTo[int32])
	if err != nil {
		return s, err
	}
	ints := make([]int, len(pids))
	for i, p := range pids {
		ints[i] = int(p)
	}
	s.pgCPU = cpuOf(ints)
	err = e.monitor.QueryRow(ctx, `SELECT xact_commit + xact_rollback, tup_inserted FROM pg_stat_database WHERE datname = current_database()`).
		Scan(&s.pgXacts, &s.pgInserts)
	if model != nil {
		s.model = model.ChatRequests()
	}
	return s, err
}

// step is one worker run to make.
type step struct {
	name, role string
	conc, jobs int
	latency    time.Duration
	dbConns    int
	profile    string
	// channels per Tailor job (0: Config.Channels)
	channels int
}

// runWorker measures one worker run: a fresh schema, jobs enqueued, then the
// worker in a child process until it has finished them all.
func (e *runEnv) runWorker(ctx context.Context, s step) (Run, error) {
	name, role, conc, jobs, latency := s.name, s.role, s.conc, s.jobs, s.latency
	r := Run{Name: name, Role: role, Concurrency: conc, ModelLatencyMs: ms(latency), Jobs: jobs, DBConns: s.dbConns}
	if role == roleTailor {
		r.Channels = cmp.Or(s.channels, e.cfg.Channels)
	}
	schema := e.schemaPrefix + "_worker"
	e.seq++
	qname := fmt.Sprintf("bench_%s_%d_%s_%d", e.runID, e.seq, role, conc)
	if role != roleNoop {
		if err := prepareWorkerSchema(ctx, e.dbURL, schema, e.cfg.SeedCreatives, e.brief); err != nil {
			return r, fmt.Errorf("preparing schema: %w", err)
		}
		if !e.keep {
			defer store.DropSchema(context.WithoutCancel(ctx), e.dbURL, schema)
		}
	}
	inspector := asynq.NewInspector(e.redis)
	defer inspector.Close()
	defer func() {
		if err := inspector.DeleteQueue(qname, true); err != nil && !errors.Is(err, asynq.ErrQueueNotFound) {
			e.logf("deleting queue %s: %v", qname, err)
		}
		// DeleteQueue leaves the finished tasks kept for their retention: remove them too.
		if err := e.deleteKeys(context.WithoutCancel(ctx), "asynq:{"+qname+"}*"); err != nil {
			e.logf("deleting the keys of queue %s: %v", qname, err)
		}
	}()

	var model *openaitest.Server
	if role == roleTailor {
		model = openaitest.NewServer(openaitest.Options{Latency: latency, Model: "bench-model"})
		defer model.Close()
	}
	enqStart := time.Now()
	if err := e.enqueue(ctx, role, qname, jobs, r.Channels); err != nil {
		return r, fmt.Errorf("enqueuing: %w", err)
	}
	e.logf("%s: %d jobs enqueued in %.1fs; worker starting (concurrency %d)", name, jobs, time.Since(enqStart).Seconds(), conc)

	app := appName(qname)
	before, err := e.snap(ctx, app, model)
	if err != nil {
		return r, err
	}
	spec := childSpec{Role: role, RedisAddr: e.cfg.RedisAddr, RedisDB: e.cfg.RedisDB, DatabaseURL: e.dbURL, Schema: schema,
		Queue: qname, Concurrency: conc, Jobs: jobs, DBConns: int32(s.dbConns), CPUProfile: s.profile, EfSearch: e.cfg.EfSearch}
	if model != nil {
		spec.ModelURL = model.URL
	}
	if role != roleTailor {
		spec.Sleep = latency
	}
	parentCPU, busy, wall := selfCPU(), machineBusy(), time.Now()
	c, err := startChild(ctx, spec)
	if err != nil {
		return r, err
	}
	// Bounded: generous for the slowest expected rate, at most 20 minutes.
	timeout := min(20*time.Minute, 120*time.Second+time.Duration(jobs)*(100*time.Millisecond+4*latency/time.Duration(conc)))
	waitErr := c.await(ctx, "done", timeout)
	after, snapErr := e.snap(ctx, app, model)
	parentCPU = selfCPU() - parentCPU
	busy, wall2 := machineBusy()-busy, time.Since(wall)
	stats, stopErr := c.stop()
	if err := errors.Join(waitErr, snapErr, stopErr); err != nil {
		return r, err
	}
	if role != roleNoop {
		if err := e.monitor.QueryRow(ctx, "SELECT count(*) FROM "+pgx.Identifier{schema, "creatives"}.Sanitize()).Scan(&r.CreativesAtEnd); err != nil {
			return r, err
		}
	}
	// Backends flush their statistics when they exit: read those again.
	time.Sleep(700 * time.Millisecond)
	var xacts, inserts int64
	if err := e.monitor.QueryRow(ctx, `SELECT xact_commit + xact_rollback, tup_inserted FROM pg_stat_database WHERE datname = current_database()`).
		Scan(&xacts, &inserts); err != nil {
		return r, err
	}

	n := float64(max(stats.Succeeded, 1))
	r.Succeeded, r.Failed, r.LastError = stats.Succeeded, stats.Failed, stats.LastError
	r.Retried = max(0, stats.Attempts-stats.Succeeded-stats.Failed)
	r.Seconds = stats.Elapsed.Seconds()
	if r.Seconds > 0 {
		r.JobsPerSec = float64(stats.Succeeded) / r.Seconds
	}
	r.Latency = stats.Latency
	if r.JobsPerSec > 0 {
		r.BetweenJobsMs = float64(s.conc)*1000/r.JobsPerSec - r.Latency.Mean
	}
	r.QueueDequeue, r.QueueAck, r.DequeuesPerJob = stats.Dequeue, stats.Ack, float64(stats.Dequeues)/n
	r.WorkerCPUMs = ms(stats.CPU) / n
	if before.redisCPU >= 0 && after.redisCPU >= 0 {
		r.RedisCPUMs = ms(after.redisCPU-before.redisCPU) / n
	} else {
		r.redisCPUMissing = true
	}
	r.PostgresCPUMs = ms(cpuDelta(before.pgCPU, after.pgCPU)) / n
	r.MachineCPUMs = r.WorkerCPUMs + r.RedisCPUMs + r.PostgresCPUMs
	r.PeakRSSMB = mb(stats.MaxRSS)
	r.RedisCmds = float64(after.redisCmds-before.redisCmds) / n
	r.PGTransactions = float64(xacts-before.pgXacts) / n
	r.PGRowsInserted = float64(inserts-before.pgInserts) / n
	if model != nil {
		r.ModelCalls = float64(after.model-before.model) / n
		r.StandInCPUMs = ms(parentCPU) / n
		r.ModelWaitMs = ms(stats.ModelWait) / n
		r.ModelRounds = float64(stats.ModelRounds) / n
	}
	r.RSS = stats.RSS
	if wall2 > 0 {
		ours := stats.CPU + parentCPU + time.Duration((r.RedisCPUMs+r.PostgresCPUMs)*n*float64(time.Millisecond))
		r.OtherCores = max(0, (busy-ours).Seconds()/wall2.Seconds())
	}
	if role == roleTailor && stats.Succeeded > 0 {
		var sum time.Duration
		for _, name := range stageOrder {
			if d, ok := stats.Stages[name]; ok {
				r.Stages = append(r.Stages, Stage{Name: name, MsPerJob: ms(d) / n})
				sum += d
			}
		}
		var handler time.Duration
		handler = time.Duration(r.Latency.Mean * float64(time.Millisecond) * n)
		r.Stages = append(r.Stages, Stage{Name: "rest", MsPerJob: max(0, ms(handler-sum)/n)})
	}
	e.logf("%s: %d/%d jobs in %.2fs = %.0f jobs/s; p50 %.1f ms, p99 %.1f ms; CPU/job worker %.2f ms, machine %.2f ms; peak RSS %.0f MB",
		name, stats.Succeeded, jobs, r.Seconds, r.JobsPerSec, r.Latency.P50, r.Latency.P99, r.WorkerCPUMs, r.MachineCPUMs, r.PeakRSSMB)
	if stats.Succeeded < jobs {
		return r, fmt.Errorf("%d of %d jobs succeeded (%d failed; last error: %s)", stats.Succeeded, jobs, stats.Failed, stats.LastError)
	}
	return r, nil
}

// deleteKeys removes the keys matching pattern, a batch at a time.
func (e *runEnv) deleteKeys(ctx context.Context, pattern string) error {
	iter := e.rdb.Scan(ctx, 0, pattern, 1000).Iterator()
	var batch []string
	for iter.Next(ctx) {
		if batch = append(batch, iter.Val()); len(batch) == 1000 {
			if err := e.rdb.Unlink(ctx, batch...).Err(); err != nil {
				return err
			}
			batch = batch[:0]
		}
	}
	if err := iter.Err(); err != nil {
		return err
	}
	if len(batch) > 0 {
		return e.rdb.Unlink(ctx, batch...).Err()
	}
	return nil
}

// stageOrder is the order stages appear in a job.
var stageOrder = []string{stageValidate, "load brief", "job done?", generator.StageGate, "embed", "retrieve (pgvector)",
	generator.StagePrompt, "model call", generator.StageGuardrails, "save (one transaction)"}

// stageValidate is the handler's decoding and validating, as the report names it.
const stageValidate = "validate (decode, JSON Schema)"

// enqueue queues the jobs of a run from four goroutines.
func (e *runEnv) enqueue(ctx context.Context, role, qname string, jobs, channels int) error {
	const workers = 4
	var (
		client  = asynq.NewClient(e.redis)
		qclient = queue.NewClient(e.redis, queue.Config{Queue: qname})
		wg      sync.WaitGroup
		errs    = make([]error, workers)
	)
	defer client.Close()
	defer qclient.Close()
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rng := mrand.New(mrand.NewPCG(uint64(w), 3))
			for i := w; i < jobs; i += workers {
				var err error
				switch role {
				case roleNoop:
					_, err = client.EnqueueContext(ctx, asynq.NewTask(taskNoop, []byte(`{}`)), asynq.Queue(qname))
				case roleMinimal:
					p, _ := json.Marshal(minimalPayload{ID: fmt.Sprintf("%s-%d", qname, i), BrandID: e.brief.Brand.ID,
						Channel: benchChannels[i%len(benchChannels)], Text: creativeText(rng)})
					_, err = client.EnqueueContext(ctx, asynq.NewTask(taskMinimal, p), asynq.Queue(qname))
				case roleTailor:
					var enq queue.Enqueued
					enq, err = qclient.Enqueue(ctx, benchJob(e.brief, qname, i, e.cfg.Variants, benchChannels[:channels]))
					if err == nil && enq.Duplicate {
						err = fmt.Errorf("job %d reported as a duplicate", i)
					}
				}
				if err != nil {
					errs[w] = err
					return
				}
			}
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// trimRSS keeps the JSON readable: at most n RSS samples per run.
func trimRSS(s []RSSSample, n int) []RSSSample {
	if len(s) <= n {
		return s
	}
	out := make([]RSSSample, 0, n)
	for i := range n {
		out = append(out, s[i*len(s)/n])
	}
	return append(out[:n-1], s[len(s)-1])
}
