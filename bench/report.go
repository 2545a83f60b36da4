package bench

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/tailorhq/tailor/internal/openaierr"
)

// Output file names under the output folder.
const (
	FileMarkdown = "results.md"
	FileJSON     = "results.json"
	FileChart    = "chart.png"
)

// Write writes the report, the JSON and the chart into dir.
func Write(dir string, res *Results) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	out := *res
	out.Runs = make([]Run, len(res.Runs))
	for i, r := range res.Runs {
		r.RSS = trimRSS(r.RSS, 60)
		out.Runs[i] = r
	}
	b, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, FileJSON), append(b, '\n'), 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, FileMarkdown), []byte(Markdown(res)), 0o644); err != nil {
		return err
	}
	return writeChart(filepath.Join(dir, FileChart), res)
}

// Markdown renders the results as a report with tables.
func Markdown(res *Results) string {
	var b strings.Builder
	p := func(format string, a ...any) { fmt.Fprintf(&b, format+"\n", a...) }
	p("# Tailor benchmark (%s run)", res.Mode)
	p("")
	p("%s, %s, %.0f s in all. Every figure below was measured in this one run on a shared, noisy machine:", res.StartedAt.Format("2006-01-02 15:04 UTC"), res.Machine, res.Seconds)
	p("compare the ratios, not the absolute numbers. The worker under test runs in a process of its own; Redis, Postgres")
	p("(with pgvector) and the OpenAI stand-in (`internal/openaitest`) run on loopback. Tailor jobs ask for %s, the minimal", jobShape(res.Config.Channels, res.Config.Variants))
	p("job's like (one search, a few inserts), except in runs named \"N channels\", whose jobs write N channels at once. Every job is")
	p("enqueued before the worker starts, so latency is a job's time in the handler.")
	p("")
	if len(res.Goals) > 0 {
		p("## Goals")
		p("")
		p("| measure | value | goal | met |")
		p("| --- | ---: | --- | --- |")
		for _, g := range res.Goals {
			met := "yes"
			switch {
			case g.NotJudged:
				met = "not judged"
			case !g.Met:
				met = "**no**"
			}
			note := ""
			if g.Note != "" {
				note = " (" + g.Note + ")"
			}
			p("| %s%s | %.3g | %s | %s |", g.Name, note, g.Value, g.Target, met)
		}
		p("")
	}
	for _, n := range res.Notes {
		p("%s", n)
		p("")
	}
	p("## Throughput and cost per job")
	p("")
	p("| run | conc. | model latency | jobs | jobs/s | p50 ms | p95 ms | p99 ms | worker CPU ms/job | machine CPU ms/job | peak RSS MB | Redis cmds/job | PG xacts/job | PG rows/job | model calls/job |")
	p("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
	for _, r := range res.Runs {
		calls := "–"
		if r.Role == roleTailor {
			calls = fmt.Sprintf("%.2f", r.ModelCalls)
		}
		pg := func(v float64) string {
			if r.Role == roleNoop {
				return "–"
			}
			return fmt.Sprintf("%.1f", v)
		}
		p("| %s | %d | %.0f ms | %d | %.0f | %.1f | %.1f | %.1f | %.2f | %.2f | %.0f | %.1f | %s | %s | %s |",
			r.Name, r.Concurrency, r.ModelLatencyMs, r.Succeeded, r.JobsPerSec, r.Latency.P50, r.Latency.P95, r.Latency.P99,
			r.WorkerCPUMs, r.MachineCPUMs, r.PeakRSSMB, r.RedisCmds, pg(r.PGTransactions), pg(r.PGRowsInserted), calls)
	}
	p("")
	p("Machine CPU = worker process (getrusage) + redis-server + the worker's Postgres backends and Postgres's background")
	p("writers (/proc/<pid>/stat). Redis commands and Postgres transactions/rows are server- and database-wide counters")
	p("(INFO commandstats, pg_stat_database), so other work on the machine at the same time inflates them.")
	p("")
	p("### Machine CPU per job, by process")
	p("")
	p("| run | worker ms | Redis ms | Postgres ms | total ms | model stand-in ms (not counted) | other load on the machine (cores) | past creatives at the end |")
	p("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
	for _, r := range res.Runs {
		if strings.HasPrefix(r.Name, "sweep") {
			continue
		}
		standIn := "–"
		if r.Role == roleTailor {
			standIn = fmt.Sprintf("%.2f", r.StandInCPUMs)
		}
		p("| %s | %.2f | %.2f | %.2f | %.2f | %s | %.2f | %d |", r.Name, r.WorkerCPUMs, r.RedisCPUMs, r.PostgresCPUMs, r.MachineCPUMs, standIn, r.OtherCores, r.CreativesAtEnd)
	}
	p("")
	p("The model stand-in runs in the harness process on the same two cores: its CPU is not part of Tailor's cost, but it")
	p("takes cores the worker, Redis and Postgres would otherwise have. The last column is the CPU that everything else on the")
	p("machine took during the run (/proc/stat less the processes above), in cores out of %d: the noise in each row. Each run", runtime.NumCPU())
	p("starts from %d past creatives in the HNSW-indexed table; the last column is how many it held at the end.", res.Config.SeedCreatives)
	p("")
	betweenJobs(p, res)
	for _, r := range res.Runs {
		if len(r.Stages) == 0 || strings.HasPrefix(r.Name, "sweep") || strings.Contains(r.Name, " (repeat ") {
			continue
		}
		p("### Where a job's time goes: %s, concurrency %d", r.Name, r.Concurrency)
		p("")
		p("| stage | ms per job | share |")
		p("| --- | ---: | ---: |")
		var total float64
		for _, s := range r.Stages {
			total += s.MsPerJob
		}
		for _, s := range r.Stages {
			share := 0.0
			if total > 0 {
				share = 100 * s.MsPerJob / total
			}
			p("| %s | %.2f | %.0f %% |", s.Name, s.MsPerJob, share)
		}
		p("")
	}
	for _, r := range res.Runs {
		if r.DBConns > 0 {
			p("A run named \"… DB conns\" changes one setting of the worker to see whether the gap to the latency bound depends on")
			p("it: the Postgres pool's size (tailor worker sizes it to concurrency + 2, at most 20). Connections to the model are kept")
			p("alive, %d per host, as tailor worker keeps them.", openaierr.IdleConnsPerHost)
			p("")
			break
		}
	}
	p("Stages are timed by wrapping the interfaces the generator declares (Model, Embedder, Retriever, Store) and, for")
	p("validate, gate, prompt and guardrails, by the handler's and the pipeline's Observe hooks (the worker's")
	p("tailor_stage_duration_seconds metric). Wall time, summed over a job's calls: under concurrency it includes waiting")
	p("for a database connection or a core. The rest is the handler's time less the stages (0 when stages overlap: the")
	p("stored-job lookup runs beside gate, embed and retrieval, and a job's channels are written at once).")
	p("")
	if r := res.Retrieval; r != nil {
		p("## Retrieval")
		p("")
		p("%d past creatives (%d brands × 3 channels, about %d per brand and channel), hashing embedder, 384 dimensions,", r.Creatives, r.Brands, r.PerFilter)
		p("loaded with COPY in %.1f s with the HNSW indexes dropped. The worker's index (migration 004: HNSW over the vector grouped", r.LoadSeconds)
		p("by brand and channel, half precision, m 16, ef_construction 128) was built in **%.1f s**; a plain-embedding HNSW index", r.BuildSeconds)
		p("(m 16, ef_construction 64), for the comparison rows, in %.1f s.", r.UngroupedBuildSeconds)
		p("%d queries filtered by brand and channel, one at a time; plan of the worker's query: %s.", r.Queries, r.Plan)
		p("")
		p("| query | hnsw.ef_search | p50 ms | p95 ms | p99 ms | recall@10 | Postgres CPU ms/query |")
		p("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
		for i, e := range r.ByEfSearch {
			name := "the worker's query at another ef_search"
			if i == 0 {
				name = "**the worker's**: top 10 of one brand and channel (grouped HNSW, iterative scan), at its ef_search"
			}
			p("| %s | %d | %.2f | %.2f | %.2f | %.3f | %.2f |", name, e.EfSearch, e.Filtered.P50, e.Filtered.P95, e.Filtered.P99, e.FilteredRecall, e.FilteredCPUMs)
		}
		for _, e := range r.ByEfSearch {
			p("| before migration 004: the same filter on the plain-embedding HNSW | %d | %.2f | %.2f | %.2f | %.3f | %.2f |", e.EfSearch, e.Ungrouped.P50, e.Ungrouped.P95, e.Ungrouped.P99, e.UngroupedRecall, e.UngroupedCPUMs)
		}
		for _, e := range r.ByEfSearch {
			p("| top 10 of all %d creatives (plain HNSW) | %d | %.2f | %.2f | %.2f | %.3f | |", r.Creatives, e.EfSearch, e.Unfiltered.P50, e.Unfiltered.P95, e.Unfiltered.P99, e.UnfilteredRecall)
		}
		p("| store.Similar as the worker calls it (k 5, 20 candidates, filtered) | %d | %.2f | %.2f | %.2f | | |", r.EfSearch, r.Similar.P50, r.Similar.P95, r.Similar.P99)
		p("| exact top 10 of one brand and channel (no HNSW) | | %.2f | %.2f | %.2f | 1 | %.2f |", r.Exact.P50, r.Exact.P95, r.Exact.P99, r.ExactCPUMs)
		p("")
		p("Recall@10 is against an exact search: every query for the filtered search, the first %d for the unfiltered one.", r.UnfilteredChecks)
		p("The worker's ef_search was %d (tailor worker -ef-search, or the server's setting). The worker's index takes %.0f MB; Postgres's", r.EfSearch, r.IndexMB)
		p("shared_buffers was %s: an index larger than it is read through the operating system's cache, which slows every query.", r.SharedBuffers)
		if e, ok := r.LeastEfForRecall(0.95); ok && r.RecallAt < 0.95 {
			p("Recall 0.95 at this size takes ef_search %d in this run (p99 %.2f ms, recall@10 %.3f): run the worker with -ef-search %d.", e.EfSearch, e.Filtered.P99, e.FilteredRecall, e.EfSearch)
		}
		p("The creatives are synthetic: variations on %d themes (a quarter of each theme's words swapped), so that near neighbours", max(r.Creatives/100, 10))
		p("exist as they do in real copy; recall depends on that shape, so read it as an estimate for real embeddings.")
		if in := r.Inserts; in.Rows > 0 {
			p("")
			p("Storing past creatives: %d rows inserted nine to a transaction (as SaveJob stores a job's approved variants) cost", in.Rows)
			p("Postgres **%.2f ms of CPU per row** into the HNSW-indexed table of %d rows (%.2f ms wall), against %.2f ms (%.2f ms wall)", in.HNSWCPUMs, r.Creatives, in.HNSWWallMs, in.PlainCPUMs, in.PlainWallMs)
			p("into a copy without indexes.")
		}
		p("")
	}
	if g := res.Guardrails; g != nil {
		p("## Guardrails")
		p("")
		p("The full check set (`guardrails.Check`) on %d variants written by `generator/openai` against the stand-in, %d rounds:", g.Variants, g.Rounds)
		p("")
		p("| mean µs per variant | p50 µs | p99 µs | checks/s (one core) | statuses |")
		p("| ---: | ---: | ---: | ---: | --- |")
		var st []string
		for _, k := range []string{"approved", "flagged", "rejected"} {
			st = append(st, fmt.Sprintf("%s %d", k, g.ByStatus[k]))
		}
		p("| %.0f | %.0f | %.0f | %.0f | %s |", g.MeanMicros, g.PerVariant.P50*1000, g.PerVariant.P99*1000, g.ChecksPerSec, strings.Join(st, ", "))
		p("")
	}
	if m := res.Memory; m != nil {
		p("## Memory")
		p("")
		p("Worker RSS sampled every 200 ms through %q (%d samples): median %.0f MB after warm-up (20 to 40 %% of the run),", m.Run, m.Samples, m.AfterWarmupMB)
		p("median %.0f MB over the last 20 %% (%+.1f %%), peak %.0f MB. The samples are in %s.", m.EndMB, m.GrowthPct, m.PeakMB, FileJSON)
		p("")
	}
	p("![throughput against concurrency, and where a job's time goes](%s)", FileChart)
	return b.String()
}

// betweenJobs shows, for the runs with a model latency, how a worker slot's
// time splits between the handler and the queue handing it the next job,
// which the latency bound counts as lost too.
func betweenJobs(p func(string, ...any), res *Results) {
	var rows []Run
	for _, r := range res.Runs {
		if r.ModelLatencyMs > 0 && r.JobsPerSec > 0 {
			rows = append(rows, r)
		}
	}
	if len(rows) == 0 {
		return
	}
	p("### A worker slot's time at model latency %.0f ms", rows[0].ModelLatencyMs)
	p("")
	p("| run | jobs/s ÷ bound | slot cycle ms | in the handler ms (mean) | of it, waiting on the model ms | between jobs ms | asynq dequeue p50 / p99 ms (tries per job) | asynq ack p50 / p99 ms |")
	p("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
	for _, r := range rows {
		model := fmt.Sprintf("%.0f (a sleep)", r.ModelLatencyMs)
		if r.Role == roleTailor {
			model = fmt.Sprintf("%.1f", r.ModelWaitMs)
		}
		bound := float64(r.Concurrency) * 1000 / r.ModelLatencyMs
		p("| %s | %.3f | %.1f | %.1f | %s | %.1f | %.2f / %.1f (%.2f) | %.2f / %.1f |", r.Name, r.JobsPerSec/bound,
			float64(r.Concurrency)*1000/r.JobsPerSec, r.Latency.Mean, model, r.BetweenJobsMs,
			r.QueueDequeue.P50, r.QueueDequeue.P99, r.DequeuesPerJob, r.QueueAck.P50, r.QueueAck.P99)
	}
	p("")
	p("A slot's cycle is concurrency ÷ jobs/s; between jobs is that less the mean time in the handler: asynq acknowledging")
	p("the task in Redis, then waiting for its one dequeuing goroutine, which takes tasks one round trip at a time for the")
	p("whole server. Both round trips are timed in the worker around its Redis client (scheduling included), so they grow")
	p("with the CPU the rest of the job takes from the same cores. The bound assumes a slot never leaves the model.")
	p("")
}
