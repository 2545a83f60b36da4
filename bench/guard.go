package bench

import (
	"context"
	"fmt"
	"sync"
	"time"

	tailor "github.com/tailorhq/tailor"
	"github.com/tailorhq/tailor/embeddings"
	"github.com/tailorhq/tailor/generator"
	"github.com/tailorhq/tailor/generator/openai"
	"github.com/tailorhq/tailor/guardrails"
	"github.com/tailorhq/tailor/internal/openaitest"
	"github.com/tailorhq/tailor/store"
)

// GuardrailResult is the cost of the full check set on one variant.
type GuardrailResult struct {
	Variants int `json:"variants"`
	// Rounds is how often every variant was checked.
	Rounds       int            `json:"rounds"`
	MeanMicros   float64        `json:"mean_us"`
	PerVariant   Percentiles    `json:"per_variant"`
	ByStatus     map[string]int `json:"by_status"`
	ChecksPerSec float64        `json:"checks_per_second"`
}

type noCreatives struct{}

func (noCreatives) SimilarByChannel(context.Context, string, []tailor.Channel, []float32, int) (map[tailor.Channel][]tailor.Creative, error) {
	return nil, nil
}

// runGuardrails generates variants with the OpenAI provider against the
// stand-in (as the worker does), then times guardrails.Check on each of them.
func runGuardrails(ctx context.Context, env *runEnv, jobs int, budget time.Duration) (GuardrailResult, error) {
	var res GuardrailResult
	brief, err := loadBrief()
	if err != nil {
		return res, err
	}
	srv := openaitest.NewServer(openaitest.Options{})
	defer srv.Close()
	model, err := openai.New(openai.Config{BaseURL: srv.URL, APIKey: "bench", Model: "bench-model"})
	if err != nil {
		return res, err
	}
	rec := &promptRecorder{m: model, system: map[tailor.Channel]string{}}
	p := &generator.Pipeline{Model: rec, Embedder: embeddings.Hashing{Dims: store.Dimensions}, Retriever: noCreatives{}, Logger: env.quiet, RepairRounds: -1}
	var inputs []guardrails.Input
	for i := range jobs {
		job := benchJob(brief, "guard", i, 3, benchChannels)
		out, err := p.Generate(ctx, job, brief)
		if err != nil {
			return res, fmt.Errorf("generating variants to check: %w", err)
		}
		for _, v := range out.Variants {
			// The same input as the pipeline's: with the system prompt, so leaks of it are looked for.
			inputs = append(inputs, guardrails.Input{Brief: brief, Profile: job.Profile, Channel: v.Channel, Fields: v.Fields,
				Canary: generator.Canary(out.JobID, v.Channel), Prompt: rec.system[v.Channel]})
		}
	}
	res.Variants = len(inputs)
	res.ByStatus = map[string]int{}
	for _, in := range inputs {
		res.ByStatus[string(guardrails.Check(in).Status)]++
	}
	// Check every variant, round after round, within the budget (at most 50 rounds).
	var per []time.Duration
	start := time.Now()
	for res.Rounds < 50 && (res.Rounds == 0 || time.Since(start) < budget) {
		for _, in := range inputs {
			t := time.Now()
			guardrails.Check(in)
			per = append(per, time.Since(t))
		}
		res.Rounds++
	}
	elapsed := time.Since(start)
	res.PerVariant = percentiles(per)
	res.MeanMicros = float64(elapsed.Microseconds()) / float64(len(per))
	res.ChecksPerSec = float64(len(per)) / elapsed.Seconds()
	env.logf("guardrails: %d variants × %d rounds: %.0f µs per variant (p99 %.0f µs)", res.Variants, res.Rounds, res.MeanMicros, res.PerVariant.P99*1000)
	return res, nil
}

// promptRecorder keeps the system prompt of each channel's last request.
type promptRecorder struct {
	m      generator.Model
	mu     sync.Mutex // the pipeline may write a job's channels at once
	system map[tailor.Channel]string
}

func (r *promptRecorder) Generate(ctx context.Context, req generator.Request) (generator.Response, error) {
	r.mu.Lock()
	r.system[req.Channel] = req.Prompt.System
	r.mu.Unlock()
	return r.m.Generate(ctx, req)
}
