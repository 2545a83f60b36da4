// Command tailor-bench measures how fast Tailor is next to the limits it
// cannot beat, in one run against the Redis and Postgres on loopback, and
// writes results.md, results.json and chart.png (see package bench).
//
//	tailor-bench -out bench/results/full            # the full run (make bench)
//	tailor-bench -quick -out bench/results/quick    # a smoke check in under a minute (make bench-quick)
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"net/url"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/tailorhq/tailor/bench"
	"github.com/tailorhq/tailor/store"
)

func main() {
	bench.MaybeRunChild() // this binary is also the worker under test
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "tailor-bench:", err)
		os.Exit(1)
	}
}

func env(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

func envInt(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil {
		return n
	}
	return def
}

func run(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("tailor-bench", flag.ContinueOnError)
	var (
		quick     = fs.Bool("quick", false, "a smoke check in under a minute: few jobs, small retrieval set")
		out       = fs.String("out", "bench/results/full", "folder for results.md, results.json and chart.png")
		dbURL     = fs.String("database-url", env("TAILOR_BENCH_DATABASE_URL", ""), "Postgres with pgvector; default TAILOR_DATABASE_URL with the database tailor_bench, created if missing (TAILOR_BENCH_DATABASE_URL)")
		redisAddr = fs.String("redis-addr", env("TAILOR_REDIS_ADDR", "127.0.0.1:6379"), "Redis host:port (TAILOR_REDIS_ADDR)")
		redisDB   = fs.Int("redis-db", envInt("TAILOR_BENCH_REDIS_DB", 10), "Redis database of the benchmark's queues (TAILOR_BENCH_REDIS_DB)")
		jobs      = fs.Int("jobs", 5000, "jobs per end-to-end run")
		conc      = fs.Int("concurrency", 10, "worker concurrency of the latency-0 runs and the bounds")
		highConc  = fs.Int("high-concurrency", 100, "worker concurrency of the model-latency run")
		latency   = fs.Duration("model-latency", 300*time.Millisecond, "latency of the model stand-in in the model-latency run")
		sweep     = fs.String("sweep", "1,4,16,64", "concurrencies of the throughput chart")
		sweepJobs = fs.Int("sweep-jobs", 0, "jobs per sweep run (default jobs/5)")
		seed      = fs.Int("seed-creatives", 3000, "past creatives of the brand each worker run starts with")
		creatives = fs.Int("creatives", 100_000, "past creatives of the retrieval measurement (1000000 for the large run); -1 skips it")
		queries   = fs.Int("queries", 1000, "queries of the retrieval measurement")
		soak      = fs.Int("soak-jobs", 20000, "jobs of an extra latency-0 run for the memory section; 0 uses the longest run instead")
		probe     = fs.Int("probe-db-conns", 50, "add a model-latency run with the worker's Postgres pool at this size (tailor worker caps it at 20); 0 skips it")
		channels  = fs.Int("channels", 1, "channels each job of the headline runs asks for (1 to 3): one is the minimal job's like")
		wide      = fs.Int("wide-channels", 3, "add runs whose jobs ask for this many channels, judged against the same goals; 0 skips them")
		profile   = fs.String("cpuprofile", "", "write the worker's CPU profile of the latency-0 run to this file")
		efSearch  = fs.Int("ef-search", 0, "the worker's hnsw.ef_search, as tailor worker -ef-search; 0 keeps the server's (pgvector's default 40)")
		efSweep   = fs.String("ef-sweep", joinInts(bench.DefaultEfSweep), "hnsw.ef_search values the retrieval section measures besides the worker's")
		keep      = fs.Bool("keep", false, "keep the benchmark's schemas for inspection")
		only      = fs.String("only", "", "run one section alone and print its results as JSON: retrieval")
		repeat    = fs.Int("repeat", 3, "run the headline runs this many times, one block after another, and judge their goals by the median")
		runs      = fs.String("runs", "", "run only the end-to-end runs whose names contain this text (e.g. \"300ms\"): goals whose runs are left out are not judged")
	)
	if err := fs.Parse(args); err != nil {
		return err
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	cfg := bench.Config{
		RedisAddr: *redisAddr, RedisDB: *redisDB, Jobs: *jobs, Concurrency: *conc, HighConcurrency: *highConc,
		ModelLatency: *latency, SweepJobs: *sweepJobs, SeedCreatives: *seed, RetrievalCreatives: *creatives,
		RetrievalQueries: *queries, SoakJobs: *soak, Keep: *keep, Log: os.Stderr, Mode: "full",
		ProbeDBConns: *probe, CPUProfile: *profile, EfSearch: *efSearch, Channels: *channels, WideChannels: *wide,
		Runs: *runs, Repeat: *repeat,
	}
	if *repeat < 1 {
		return fmt.Errorf("-repeat: %d is not 1 or more", *repeat)
	}
	if *channels < 1 || *channels > 3 {
		return fmt.Errorf("-channels: %d is not 1, 2 or 3 (the brief's email, sms and push)", *channels)
	}
	if *wide < 0 || *wide > 3 {
		return fmt.Errorf("-wide-channels: %d is not 0 (skip) to 3", *wide)
	}
	if *wide == 0 {
		cfg.WideChannels = -1
	}
	var err error
	if cfg.Sweep, err = positiveInts("sweep", *sweep, 1<<20); err != nil {
		return err
	}
	// pgvector takes hnsw.ef_search from 1 to 1000.
	if cfg.EfSweep, err = positiveInts("ef-sweep", *efSweep, 1000); err != nil {
		return err
	}
	if *quick {
		cfg.Mode = "quick"
		// Quick defaults, unless a flag says otherwise.
		quickInt := func(name string, v *int, q int) {
			if !set[name] {
				*v = q
			}
		}
		quickInt("jobs", &cfg.Jobs, 300)
		quickInt("sweep-jobs", &cfg.SweepJobs, 100)
		quickInt("seed-creatives", &cfg.SeedCreatives, 600)
		quickInt("creatives", &cfg.RetrievalCreatives, 10_000)
		quickInt("queries", &cfg.RetrievalQueries, 100)
		quickInt("probe-db-conns", &cfg.ProbeDBConns, 0)
		quickInt("soak-jobs", &cfg.SoakJobs, 0)
		quickInt("repeat", &cfg.Repeat, 1)
		if !set["sweep"] {
			cfg.Sweep = []int{2, 32}
		}
		if !set["ef-sweep"] {
			cfg.EfSweep = []int{40, 100}
		}
		cfg.GuardrailJobs = 30
	}
	u, err := databaseURL(ctx, *dbURL)
	if err != nil {
		return err
	}
	cfg.DatabaseURL = u
	switch *only {
	case "":
	case "retrieval":
		r, err := bench.RunRetrieval(ctx, cfg)
		if err != nil {
			return err
		}
		enc := json.NewEncoder(os.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	default:
		return fmt.Errorf("-only %q: want retrieval", *only)
	}
	start := time.Now()
	res, err := bench.Execute(ctx, cfg)
	if res != nil && len(res.Runs) > 0 {
		if werr := bench.Write(*out, res); werr != nil {
			return werr
		}
		fmt.Fprintf(os.Stderr, "wrote %s/{%s,%s,%s} in %.0fs\n", *out, bench.FileMarkdown, bench.FileJSON, bench.FileChart, time.Since(start).Seconds())
	}
	return err
}

// databaseURL returns the benchmark's database: the given URL, or
// TAILOR_DATABASE_URL's server with the database tailor_bench, created when
// missing so the benchmark never touches an operator's data.
func databaseURL(ctx context.Context, given string) (string, error) {
	if given != "" {
		return given, nil
	}
	base := env("TAILOR_DATABASE_URL", store.DefaultURL)
	u, err := url.Parse(base)
	if err != nil {
		return "", fmt.Errorf("TAILOR_DATABASE_URL: %w", err)
	}
	const name = "tailor_bench"
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		// The operator's database may not exist yet: try the maintenance one.
		m := *u
		m.Path = "/postgres"
		if conn, err = pgx.Connect(ctx, m.String()); err != nil {
			return "", fmt.Errorf("connecting to postgres (run scripts/setup.sh): %w", err)
		}
	}
	defer conn.Close(context.WithoutCancel(ctx))
	var exists bool
	if err := conn.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)", name).Scan(&exists); err != nil {
		return "", err
	}
	if !exists {
		if _, err := conn.Exec(ctx, "CREATE DATABASE "+name); err != nil {
			return "", fmt.Errorf("creating database %s: %w", name, err)
		}
	}
	u.Path = "/" + name
	return u.String(), nil
}

// positiveInts parses a flag's comma-separated list of numbers from 1 to max.
func positiveInts(flagName, list string, max int) ([]int, error) {
	var out []int
	for _, s := range strings.Split(list, ",") {
		if s = strings.TrimSpace(s); s == "" {
			continue
		}
		n, err := strconv.Atoi(s)
		if err != nil || n <= 0 || n > max {
			return nil, fmt.Errorf("-%s: %q is not a number from 1 to %d", flagName, s, max)
		}
		out = append(out, n)
	}
	return out, nil
}

// joinInts writes numbers as positiveInts reads them.
func joinInts(ns []int) string {
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = strconv.Itoa(n)
	}
	return strings.Join(s, ",")
}
