package bench_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	goredis "github.com/redis/go-redis/v9"
	"github.com/tailorhq/tailor/bench"
	"github.com/tailorhq/tailor/internal/testenv"
)

func TestMain(m *testing.M) {
	bench.MaybeRunChild() // the harness re-executes the test binary as its worker
	os.Exit(m.Run())
}

// TestHarness runs a tiny version of the whole harness against the real
// services and checks what it did, never how fast.
func TestHarness(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	redis := testenv.Redis()
	prefix := testenv.Name("t_")
	const jobs = 50
	res, err := bench.Execute(ctx, bench.Config{
		DatabaseURL: testenv.DatabaseURL(), SchemaPrefix: prefix,
		RedisAddr: redis.Addr, RedisDB: redis.DB,
		Jobs: jobs, Concurrency: 4, HighConcurrency: 8, ModelLatency: 20 * time.Millisecond,
		Sweep: []int{2}, SweepJobs: 20, SeedCreatives: 150,
		RetrievalCreatives: 1000, RetrievalBrands: 5, RetrievalQueries: 40,
		GuardrailJobs: 5, Mode: "test",
	})
	if err != nil {
		t.Fatalf("Execute: %v", err)
	}

	wantRuns := map[string]int{
		"asynq no-op": 2000, "asynq, handler waits 20ms": jobs, "minimal job": jobs, "minimal job, handler waits 20ms": jobs, "tailor, model latency 0": jobs, "tailor, model latency 20ms": jobs,
		"sweep: minimal job, concurrency 2": 20, "sweep: tailor, concurrency 2": 20,
		"tailor, 3 channels, model latency 0": jobs, "tailor, 3 channels, model latency 20ms": jobs,
	}
	if len(res.Runs) != len(wantRuns) {
		t.Errorf("got %d runs, want %d", len(res.Runs), len(wantRuns))
	}
	for _, r := range res.Runs {
		want, ok := wantRuns[r.Name]
		if !ok {
			t.Errorf("unexpected run %q", r.Name)
			continue
		}
		if r.Succeeded != want || r.Failed != 0 {
			t.Errorf("%s: %d succeeded, %d failed, %d retried; want %d, 0 and 0 (last error %q)", r.Name, r.Succeeded, r.Failed, r.Retried, want, r.LastError)
		}
		if r.JobsPerSec <= 0 || r.WorkerCPUMs <= 0 || r.PeakRSSMB <= 0 || len(r.RSS) == 0 {
			t.Errorf("%s: missing measurements: %+v", r.Name, r)
		}
		// Every task is dequeued and acknowledged once: the Redis timing
		// hook must have seen both scripts for each job.
		if r.DequeuesPerJob < 1 || r.QueueDequeue.P50 <= 0 || r.QueueAck.P50 <= 0 {
			t.Errorf("%s: asynq's round trips not timed: %.2f dequeues per job, dequeue %+v, ack %+v", r.Name, r.DequeuesPerJob, r.QueueDequeue, r.QueueAck)
		}
		if r.Role == "tailor" {
			// One model call per channel (the stand-in's copy passes the guardrails).
			want := 1
			if strings.Contains(r.Name, "3 channels") {
				want = 3
			}
			if r.Channels != want || r.ModelCalls < float64(want) {
				t.Errorf("%s: %d channels, %.2f model calls per job, want %d and at least %d", r.Name, r.Channels, r.ModelCalls, want, want)
			}
			timed := map[string]bool{}
			for _, st := range r.Stages {
				timed[st.Name] = st.MsPerJob > 0
			}
			// Stages behind no interface come from the Observe hooks.
			for _, name := range []string{"validate (decode, JSON Schema)", "prompt", "guardrails", "model call", "save (one transaction)"} {
				if !timed[name] {
					t.Errorf("%s: stage %q not timed: %+v", r.Name, name, r.Stages)
				}
			}
			if r.ModelRounds < 1 || r.ModelRounds > r.ModelCalls || r.ModelWaitMs <= 0 {
				t.Errorf("%s: %.2f model calls one after another and %.1f ms waiting on the model, for %.2f calls", r.Name, r.ModelRounds, r.ModelWaitMs, r.ModelCalls)
			}
		}
	}
	if res.RatioToMinimal <= 0 || res.RatioToBound <= 0 || res.LatencyBound <= 0 || res.QueueRatioToBound <= 0 || res.MinimalRatioToBound <= 0 {
		t.Errorf("ratios not computed: to minimal %v, to bound %v (bound %v), the queue's to its bound %v, the minimal job's %v",
			res.RatioToMinimal, res.RatioToBound, res.LatencyBound, res.QueueRatioToBound, res.MinimalRatioToBound)
	}
	if r := res.Retrieval; r == nil || r.Creatives != 1000 || r.Queries != 40 || r.RecallAt <= 0.9 || r.BuildSeconds <= 0 {
		t.Errorf("retrieval: %+v, want 1000 creatives, 40 queries, recall > 0.9", r)
	}
	if g := res.Guardrails; g == nil || g.Variants != 5*3*3 || g.Rounds < 1 {
		t.Errorf("guardrails: %+v, want 45 variants checked", g)
	}
	if res.Memory == nil || res.Memory.Samples == 0 {
		t.Errorf("no memory section: %+v", res.Memory)
	}

	dir := t.TempDir()
	if err := bench.Write(dir, res); err != nil {
		t.Fatalf("Write: %v", err)
	}
	md, err := os.ReadFile(filepath.Join(dir, bench.FileMarkdown))
	if err != nil {
		t.Fatal(err)
	}
	goals := map[string]bool{}
	for _, g := range res.Goals {
		goals[g.Name] = true
	}
	for _, name := range []string{
		"throughput at model latency 0 ÷ minimal job (1 channel × 3 variants)",
		"throughput at model latency 0 ÷ minimal job (3 channels × 3 variants)",
		"throughput at model latency 20ms, concurrency 8 ÷ bound (3 channels × 3 variants)",
		"machine CPU per job at model latency 0, worker + Redis + Postgres (ms) (1 channel × 3 variants)",
	} {
		if !goals[name] {
			t.Errorf("no goal %q among %v", name, goals)
		}
	}
	for _, s := range []string{"## Goals", "## Throughput and cost per job", "## Retrieval", "## Guardrails", "## Memory", "| minimal job |", "A worker slot's time"} {
		if !strings.Contains(string(md), s) {
			t.Errorf("%s lacks %q", bench.FileMarkdown, s)
		}
	}
	raw, err := os.ReadFile(filepath.Join(dir, bench.FileJSON))
	if err != nil {
		t.Fatal(err)
	}
	var back bench.Results
	if err := json.Unmarshal(raw, &back); err != nil || len(back.Runs) != len(res.Runs) {
		t.Errorf("%s does not read back (%v): %d runs", bench.FileJSON, err, len(back.Runs))
	}
	png, err := os.ReadFile(filepath.Join(dir, bench.FileChart))
	if err != nil || len(png) < 1000 || string(png[1:4]) != "PNG" {
		t.Errorf("%s is not a PNG (%d bytes, %v)", bench.FileChart, len(png), err)
	}

	// The harness leaves no queue behind in Redis.
	rdb := goredis.NewClient(&goredis.Options{Addr: redis.Addr, DB: redis.DB})
	defer rdb.Close()
	if res.RunID == "" {
		t.Fatal("no run ID")
	}
	keys, err := rdb.Keys(ctx, "asynq:{bench_"+res.RunID+"_*").Result()
	if err != nil || len(keys) > 0 {
		t.Errorf("%d Redis keys left behind (%v), such as %v", len(keys), err, keys[:min(3, len(keys))])
	}

	// The harness leaves no schema behind.
	conn, err := pgx.Connect(ctx, testenv.DatabaseURL())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var left int
	if err := conn.QueryRow(ctx, "SELECT count(*) FROM pg_namespace WHERE nspname LIKE $1", prefix+"%").Scan(&left); err != nil {
		t.Fatal(err)
	}
	if left != 0 {
		t.Errorf("%d schemas named %s* left behind", left, prefix)
	}
}
