package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/hibiken/asynq"
	tailor "github.com/tailorhq/tailor"
	"github.com/tailorhq/tailor/queue"
	"github.com/tailorhq/tailor/store"
)

// runDemo runs Tailor's main job on sample data, in one process, against the
// real Redis and Postgres: register the brief, load past creatives, enqueue a
// job per customer, run the worker until the queue drains, print a summary.
// It uses its own schema and queue and resets both first.
func runDemo(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) error {
	var c config
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	c.register(fs)
	data := fs.String("data", "examples/acme", "folder with brief.json, creatives.jsonl and customers.jsonl")
	concurrency := fs.Int("concurrency", 8, "jobs processed at once")
	variants := fs.Int("variants", 3, "variants per channel")
	show := fs.Int("show", 3, "variants to print side by side")
	fs.Lookup("schema").DefValue, c.schema = "tailor_demo", "tailor_demo"
	fs.Lookup("queue").DefValue, c.queue = "tailor_demo", "tailor_demo"
	if os.Getenv("TAILOR_LOG_LEVEL") == "" {
		// Per-job log lines would bury the progress; failures still show.
		fs.Lookup("log-level").DefValue, c.logLevel = "warn", "warn"
	}
	if err := parse(fs, args, stderr); err != nil {
		return err
	}
	if c.schema == "" || c.schema == "public" {
		return errors.New("-schema: the demo drops and recreates its schema; give it one of its own")
	}
	start := time.Now()
	step := func(format string, a ...any) { fmt.Fprintf(stdout, "==> "+format+"\n", a...) }

	step("resetting schema %q and queue %q", c.schema, c.queue)
	if err := store.DropSchema(ctx, c.databaseURL, c.schema); err != nil {
		return err
	}
	if _, err := store.Migrate(ctx, c.store()); err != nil {
		return err
	}
	inspector := asynq.NewInspector(c.redis())
	defer inspector.Close()
	for _, q := range []string{c.queue, queue.LowQueue(c.queue)} {
		if err := queue.Purge(inspector, q); err != nil {
			return err
		}
	}
	st, err := store.Open(ctx, c.storeFor(*concurrency))
	if err != nil {
		return err
	}
	defer st.Close()

	briefData, err := os.ReadFile(filepath.Join(*data, "brief.json"))
	if err != nil {
		return err
	}
	brief, err := tailor.DecodeBrief(briefData)
	if err != nil {
		return fmt.Errorf("brief.json: %w", err)
	}
	if _, err := st.PutBrief(ctx, brief); err != nil {
		return err
	}
	step("registered brief %s (%s)", brief.Ref(), brief.Brand.Name)

	emb, err := c.buildEmbedder()
	if err != nil {
		return err
	}
	n, err := loadCreatives(ctx, st, emb, filepath.Join(*data, "creatives.jsonl"), nil)
	if err != nil {
		return err
	}
	step("loaded %d past creatives with their embeddings", n)

	jobs, err := demoJobs(filepath.Join(*data, "customers.jsonl"), brief, *variants)
	if err != nil {
		return err
	}
	client := queue.NewClient(c.redis(), queue.Config{Queue: c.queue})
	defer client.Close()
	for _, j := range jobs {
		res, err := client.Enqueue(ctx, j)
		if err != nil {
			return err
		}
		if res.Duplicate {
			return fmt.Errorf("job %s is already queued: is another demo or worker using queue %q?", res.JobID, c.queue)
		}
	}
	step("enqueued %d jobs (%d customers × %s, %d variants each; one job names a brief version never registered)",
		len(jobs), len(jobs)-1, strings.Join(channelNames(brief.Campaign.Channels), "/"), *variants)

	log := c.logger(stderr)
	runner, err := c.runner(st, log)
	if err != nil {
		return err
	}
	srv, mux := queue.NewServer(c.redis(), queue.ServerConfig{
		Config: queue.Config{Queue: c.queue}, Concurrency: *concurrency, Logger: log,
		// The only failure the demo provokes is final; keep retries quick anyway.
		RetryDelay: func(int, error, *asynq.Task) time.Duration { return time.Second },
	}, &queue.Handler{Runner: runner})
	if err := srv.Start(mux); err != nil {
		return fmt.Errorf("starting the worker: %w", err)
	}
	step("worker running (%d at once, model %s, embedder %s)", *concurrency, c.model, c.embedder)
	info, err := waitForDrain(ctx, inspector, c.queue, len(jobs), stdout)
	srv.Shutdown()
	if err != nil {
		return err
	}
	elapsed := time.Since(start)
	return printSummary(ctx, stdout, st, inspector, c.queue, brief, info, *show, elapsed)
}

// demoJobs builds one job per customer in the file, plus one that refers to
// a brief version that was never registered, to show how it is archived.
func demoJobs(path string, brief tailor.Brief, variants int) ([]tailor.Job, error) {
	var jobs []tailor.Job
	ref := brief.Ref()
	err := eachRecord(path, nil, func(n int, data []byte) error {
		p, err := tailor.DecodeProfile(data)
		if err != nil {
			return fmt.Errorf("%s:%d: %w", path, n, err)
		}
		jobs = append(jobs, tailor.Job{
			BriefRef: &ref, Profile: p, Channels: brief.Campaign.Channels, Variants: variants,
			IdempotencyKey: fmt.Sprintf("%s:v%d:%s", ref.CampaignID, ref.Version, p.CustomerID),
		})
		return nil
	})
	if err != nil || len(jobs) == 0 {
		return jobs, err
	}
	stale := ref
	stale.Version++
	orphan := jobs[0]
	orphan.BriefRef = &stale
	orphan.IdempotencyKey = fmt.Sprintf("%s:v%d:%s", stale.CampaignID, stale.Version, orphan.Profile.CustomerID)
	return append(jobs, orphan), nil
}

// waitForDrain prints progress until every job has finished or been archived.
func waitForDrain(ctx context.Context, in *asynq.Inspector, q string, total int, w io.Writer) (*asynq.QueueInfo, error) {
	start := time.Now()
	tick := time.NewTicker(500 * time.Millisecond)
	defer tick.Stop()
	lastPrint := time.Time{}
	for {
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-tick.C:
		}
		info, err := in.GetQueueInfo(q)
		if err != nil {
			return nil, fmt.Errorf("reading queue %q: %w", q, err)
		}
		finished := info.Completed + info.Archived
		if time.Since(lastPrint) >= 2*time.Second || finished >= total {
			rate := float64(finished) / time.Since(start).Seconds()
			fmt.Fprintf(w, "    %4d/%d jobs finished  (%d active, %d pending, %d retrying, %d archived)  %.0f jobs/s\n",
				finished, total, info.Active, info.Pending, info.Retry, info.Archived, rate)
			lastPrint = time.Now()
		}
		if finished >= total && info.Active == 0 && info.Pending == 0 && info.Retry == 0 {
			return info, nil
		}
	}
}

func printSummary(ctx context.Context, w io.Writer, st *store.Store, in *asynq.Inspector, q string, brief tailor.Brief,
	info *asynq.QueueInfo, show int, elapsed time.Duration) error {
	counts, err := st.CountVariants(ctx, brief.Brand.ID)
	if err != nil {
		return err
	}
	jobs, refusals, err := st.JobCounts(ctx, brief.Brand.ID)
	if err != nil {
		return err
	}
	byChannel := map[tailor.Channel]map[tailor.Status]int{}
	total := map[tailor.Status]int{}
	for _, c := range counts {
		if byChannel[c.Channel] == nil {
			byChannel[c.Channel] = map[tailor.Status]int{}
		}
		byChannel[c.Channel][c.Status] += c.Count
		total[c.Status] += c.Count
	}
	fmt.Fprintf(w, "\n== Summary: %d jobs stored, %d variants, %d channel(s) refused for lack of consent, %d job(s) archived, %s\n\n",
		jobs, total[tailor.Approved]+total[tailor.Flagged]+total[tailor.Rejected], refusals, info.Archived, elapsed.Round(100*time.Millisecond))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "channel\tapproved\tflagged\trejected\t")
	for _, ch := range brief.Campaign.Channels {
		m := byChannel[ch]
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t\n", ch, m[tailor.Approved], m[tailor.Flagged], m[tailor.Rejected])
	}
	fmt.Fprintf(tw, "all\t%d\t%d\t%d\t\n", total[tailor.Approved], total[tailor.Flagged], total[tailor.Rejected])
	tw.Flush()

	all, err := st.Variants(ctx, store.VariantFilter{BrandID: brief.Brand.ID, Limit: 1_000_000})
	if err != nil {
		return err
	}
	if findings := countChecks(all, func(r tailor.Report) []tailor.Finding { return r.Findings }); len(findings) > 0 {
		fmt.Fprintln(w, "\nGuardrail findings in stored variants (flagged ones wait for a reviewer):")
		printCounts(w, findings)
	}
	if repaired := countChecks(all, func(r tailor.Report) []tailor.Finding { return r.Repaired }); len(repaired) > 0 {
		fmt.Fprintln(w, "\nFirst drafts blocked, then rewritten by the model with their findings:")
		printCounts(w, repaired)
	}
	archived, err := in.ListArchivedTasks(q)
	if err == nil && len(archived) > 0 {
		fmt.Fprintln(w, "\nArchived jobs (not retried):")
		for _, t := range archived {
			fmt.Fprintf(w, "  %s: %s\n", t.ID, t.LastErr)
		}
	}
	return printExamples(w, all, show)
}

type checkCount struct {
	check string
	n     int
}

// countChecks counts findings by check, most frequent first.
func countChecks(vs []tailor.Variant, of func(tailor.Report) []tailor.Finding) []checkCount {
	m := map[string]int{}
	for _, v := range vs {
		for _, f := range of(v.Report) {
			m[f.Check]++
		}
	}
	var out []checkCount
	for k, n := range m {
		out = append(out, checkCount{k, n})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].n > out[j].n || out[i].n == out[j].n && out[i].check < out[j].check })
	return out
}

func printCounts(w io.Writer, counts []checkCount) {
	for _, c := range counts {
		fmt.Fprintf(w, "  %-28s %5d\n", c.check, c.n)
	}
}

// printExamples shows a few customers' e-mail variants side by side with the
// facts they used and their findings: the first customer, then the first
// with a flagged variant and the first with a repaired one.
func printExamples(w io.Writer, all []tailor.Variant, show int) error {
	if show <= 0 || len(all) == 0 {
		return nil
	}
	byCustomer := map[string][]tailor.Variant{}
	var picks []string
	pick := func(c string) {
		if !slices.Contains(picks, c) {
			picks = append(picks, c)
		}
	}
	for _, v := range all {
		if v.Channel == tailor.Email {
			byCustomer[v.CustomerID] = append(byCustomer[v.CustomerID], v)
		}
	}
	firstWhere := func(cond func(tailor.Variant) bool) {
		for _, v := range all {
			if v.Channel == tailor.Email && cond(v) {
				pick(v.CustomerID)
				return
			}
		}
	}
	firstWhere(func(tailor.Variant) bool { return true })
	firstWhere(func(v tailor.Variant) bool { return v.Status == tailor.Flagged })
	firstWhere(func(v tailor.Variant) bool { return len(v.Report.Repaired) > 0 })
	for _, customer := range picks {
		vs := byCustomer[customer]
		fmt.Fprintf(w, "\n-- customer %s, email --\n", customer)
		for _, v := range vs[:min(show, len(vs))] {
			fmt.Fprintf(w, "[%s] angle %-11s used facts: %s\n", v.Status, v.Angle, orNone(v.UsedFacts))
			fmt.Fprintf(w, "    subject: %s\n    body:    %s\n", v.Fields["subject"], v.Fields["body"])
			for _, f := range v.Report.Findings {
				b, _ := json.Marshal(f.Span)
				fmt.Fprintf(w, "    finding: %s (%s) %s %s: %s\n", f.Check, f.Severity, f.Field, b, f.Message)
			}
			for _, f := range v.Report.Repaired {
				fmt.Fprintf(w, "    repaired: the first draft was blocked by %s in %s: %s\n", f.Check, f.Field, f.Message)
			}
		}
	}
	return nil
}

func orNone(s []string) string {
	if len(s) == 0 {
		return "(none)"
	}
	return strings.Join(s, ", ")
}

func channelNames(chs []tailor.Channel) []string {
	out := make([]string, len(chs))
	for i, c := range chs {
		out[i] = string(c)
	}
	return out
}
