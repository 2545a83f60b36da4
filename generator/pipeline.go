package generator

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/google/uuid"
	tailor "github.com/tailorhq/tailor"
	"github.com/tailorhq/tailor/guardrails"
	"github.com/tailorhq/tailor/prompts"
	"golang.org/x/sync/errgroup"
)

// Retriever finds, for each of a brand's channels, the k past creatives
// near a query vector, best first, in one call: a job retrieves once for
// all its channels.
type Retriever interface {
	SimilarByChannel(ctx context.Context, brandID string, chs []tailor.Channel, query []float32, k int) (map[tailor.Channel][]tailor.Creative, error)
}

// Pipeline writes and checks one job's variants (steps 2–7 of the design):
// gate facts, retrieve, prompt, generate, guard, repair. It stores nothing.
type Pipeline struct {
	Model     Model
	Embedder  Embedder
	Retriever Retriever
	// K is how many past creatives ground each channel's copy (default 5).
	K int
	// RepairRounds bounds how often a blocked variant is rewritten (default 2;
	// negative disables repair).
	RepairRounds int
	Logger       *slog.Logger
	// Now stamps variants (default time.Now).
	Now func() time.Time
	// Observe, when set, is told how long each stage took (metrics, the
	// benchmark); it is called from a job's channels at once.
	Observe Observer
}

// Observer learns the wall time of one stage of a job: one of the Stage…
// names. It must be safe for concurrent use.
type Observer func(stage string, d time.Duration)

// Stages of a job, as an Observer hears of them. A repair's prompt, model
// call and checks count under the same names.
const (
	StageGate       = "gate"
	StageEmbed      = "embed"
	StageRetrieve   = "retrieve"
	StagePrompt     = "prompt"
	StageModel      = "model"
	StageGuardrails = "guardrails"
	StageStore      = "store"
)

// since tells o how long stage has run since start; with a nil o a stage
// costs only its clock read.
func (o Observer) since(stage string, start time.Time) {
	if o != nil {
		o(stage, time.Since(start))
	}
}

func (p *Pipeline) k() int { return cmp.Or(p.K, 5) }

func (p *Pipeline) repairRounds() int {
	if p.RepairRounds < 0 {
		return 0
	}
	return cmp.Or(p.RepairRounds, 2)
}

// Generate runs the pipeline for a valid job and its brief.
func (p *Pipeline) Generate(ctx context.Context, job tailor.Job, brief tailor.Brief) (tailor.JobResult, error) {
	prep, err := p.Prepare(ctx, job, brief)
	if err != nil {
		return prep.res, err
	}
	return p.Write(ctx, prep)
}

// Prepared is a job up to its model calls: facts gated, channels without
// consent refused, past creatives retrieved. Write finishes it.
type Prepared struct {
	job      tailor.Job
	brief    tailor.Brief
	res      tailor.JobResult
	allowed  []tailor.Fact
	stage    string
	channels []tailor.Channel
	// creatives are the retrieved past creatives by channel.
	creatives map[tailor.Channel][]tailor.Creative
}

// Prepare runs the steps before the model (2 and 3 of the design): the
// database work a job needs before it can spend anything on the model, so
// that a caller can do its own lookups at the same time.
func (p *Pipeline) Prepare(ctx context.Context, job tailor.Job, brief tailor.Brief) (Prepared, error) {
	jobID := tailor.JobID(brief.Brand.ID, job.IdempotencyKey)
	prep := Prepared{job: job, brief: brief, res: tailor.JobResult{
		JobID: jobID, Ref: brief.Ref(), IdempotencyKey: job.IdempotencyKey, CustomerID: job.Profile.CustomerID,
		Learned: map[string]tailor.Learned{},
	}}
	start := time.Now()
	allowed, withheld := tailor.Gate(job.Profile)
	prep.res.Withheld = withheld
	prep.allowed, prep.stage = allowed, tailor.Stage(allowed)
	p.Observe.since(StageGate, start)

	for _, ch := range job.Channels {
		if !job.Profile.Consent.AllowsChannel(ch) {
			prep.res.Refusals = append(prep.res.Refusals, tailor.Refusal{Channel: ch, Reason: "the customer has not consented to " + string(ch)})
			continue
		}
		prep.channels = append(prep.channels, ch)
	}
	if len(prep.channels) == 0 {
		return prep, nil
	}

	start = time.Now()
	query, err := p.embedOne(ctx, contextText(brief, allowed, prep.stage))
	p.Observe.since(StageEmbed, start)
	if err != nil {
		return prep, err
	}
	start = time.Now()
	prep.creatives, err = p.Retriever.SimilarByChannel(ctx, brief.Brand.ID, prep.channels, query, p.k())
	p.Observe.since(StageRetrieve, start)
	return prep, err
}

// Write runs the rest (steps 4 to 7): prompts, model calls, guardrails and
// repair for every channel Prepare kept.
func (p *Pipeline) Write(ctx context.Context, prep Prepared) (tailor.JobResult, error) {
	res, job, brief := prep.res, prep.job, prep.brief
	if len(prep.channels) == 0 {
		return res, nil
	}
	now := time.Now
	if p.Now != nil {
		now = p.Now
	}
	// Channels are written at the same time: a job then waits for one model
	// call, not one per channel. The first failure cancels the others.
	created := now().UTC()
	perChannel := make([][]tailor.Variant, len(prep.channels))
	g, gctx := errgroup.WithContext(ctx)
	for i, ch := range prep.channels {
		g.Go(func() error {
			variants, err := p.channel(gctx, res.JobID, job, brief, ch, prep.allowed, prep.stage, prep.creatives[ch], created)
			if err != nil {
				return fmt.Errorf("%s: %w", ch, err)
			}
			perChannel[i] = variants
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return res, err
	}
	for _, vs := range perChannel {
		res.Variants = append(res.Variants, vs...)
	}
	return res, p.embedApproved(ctx, &res, job.Profile.Facts)
}

func (p *Pipeline) channel(ctx context.Context, jobID string, job tailor.Job, brief tailor.Brief, ch tailor.Channel,
	allowed []tailor.Fact, stage string, creatives []tailor.Creative, now time.Time) ([]tailor.Variant, error) {
	canary := Canary(jobID, ch)
	in := prompts.Input{Brief: brief, Channel: ch, Facts: allowed, Stage: stage, Creatives: creatives, N: job.Variants, Canary: canary}
	req, err := p.request(in, seed(jobID, ch))
	if err != nil {
		return nil, err
	}
	resp, err := p.generate(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("generating: %w", err)
	}
	if len(resp.Drafts) < job.Variants {
		return nil, fmt.Errorf("generating: the model wrote %d of %d variants", len(resp.Drafts), job.Variants)
	}
	usage := share(resp.Usage, job.Variants)
	ids := make([]int64, len(creatives))
	for i, c := range creatives {
		ids[i] = c.ID
	}
	variants := make([]tailor.Variant, job.Variants)
	for i, d := range resp.Drafts[:job.Variants] {
		check := guardrails.Input{Brief: brief, Profile: job.Profile, Channel: ch, Fields: d.Fields, Canary: canary, Prompt: req.Prompt.System}
		report := p.check(check)
		model := resp.Model
		if report.Status == tailor.Rejected {
			first := report.Findings
			d, report, usage, model, err = p.repair(ctx, in, req.Seed, d, report, usage, model, check)
			if err != nil {
				return nil, err
			}
			report.Repaired = first
		}
		variants[i] = tailor.Variant{
			VariantID: VariantID(jobID, ch, i), JobID: jobID, CustomerID: job.Profile.CustomerID,
			BrandID: brief.Brand.ID, CampaignID: brief.Campaign.ID, BriefVersion: brief.Campaign.Version,
			Channel: ch, Fields: d.Fields, Angle: d.Angle, UsedFacts: nonNil(d.UsedFacts),
			Status: report.Status, Report: report, Model: model, PromptVersion: req.Prompt.Version,
			Usage: usage, Creatives: ids, CreatedAt: now,
		}
	}
	return variants, nil
}

// repair asks the model to rewrite a blocked draft with its findings, up to
// RepairRounds times, and returns the last attempt with its report.
func (p *Pipeline) repair(ctx context.Context, in prompts.Input, seed int, d Draft, report tailor.Report, usage tailor.Usage,
	model string, check guardrails.Input) (Draft, tailor.Report, tailor.Usage, string, error) {
	for round := 0; round < p.repairRounds() && report.Status == tailor.Rejected; round++ {
		in.Repair = &prompts.Repair{Fields: d.Fields, Findings: report.Findings}
		in.N = 1
		req, err := p.request(in, seed+round+1)
		if err != nil {
			return d, report, usage, model, err
		}
		resp, err := p.generate(ctx, req)
		if err != nil {
			return d, report, usage, model, fmt.Errorf("repairing: %w", err)
		}
		if len(resp.Drafts) == 0 {
			return d, report, usage, model, fmt.Errorf("repairing: the model wrote no variant")
		}
		fixed := resp.Drafts[0]
		fixed.Angle = cmp.Or(fixed.Angle, d.Angle)
		if fixed.UsedFacts == nil {
			fixed.UsedFacts = d.UsedFacts
		}
		check.Fields = fixed.Fields
		d, report, model = fixed, p.check(check), resp.Model
		usage.PromptTokens += resp.Usage.PromptTokens
		usage.CompletionTokens += resp.Usage.CompletionTokens
		p.logger().DebugContext(ctx, "generator: repaired variant", "round", round+1, "status", report.Status)
	}
	return d, report, usage, model, nil
}

func (p *Pipeline) generate(ctx context.Context, req Request) (Response, error) {
	defer p.Observe.since(StageModel, time.Now())
	return p.Model.Generate(ctx, req)
}

func (p *Pipeline) check(in guardrails.Input) tailor.Report {
	defer p.Observe.since(StageGuardrails, time.Now())
	return guardrails.Check(in)
}

func (p *Pipeline) request(in prompts.Input, seed int) (Request, error) {
	start := time.Now()
	rendered, err := prompts.Render(in)
	p.Observe.since(StagePrompt, start)
	if err != nil {
		return Request{}, err
	}
	return Request{
		Brief: in.Brief, Channel: in.Channel, Facts: in.Facts, Stage: in.Stage, Creatives: in.Creatives,
		N: in.N, Prompt: rendered, Repair: in.Repair, Seed: seed,
	}, nil
}

func (p *Pipeline) embedOne(ctx context.Context, text string) ([]float32, error) {
	vecs, err := p.Embedder.Embed(ctx, []string{text})
	if err != nil {
		return nil, fmt.Errorf("embedding the job's context: %w", err)
	}
	if len(vecs) != 1 {
		return nil, fmt.Errorf("embedding the job's context: got %d vectors for 1 text", len(vecs))
	}
	return vecs[0], nil
}

// embedApproved embeds approved variants in one call so they can join the
// past creatives when the job is stored. Other customers' prompts will see
// them, so what names this customer (a fact's value) is cut out first.
func (p *Pipeline) embedApproved(ctx context.Context, res *tailor.JobResult, facts []tailor.Fact) error {
	var ids, texts []string
	var fields []map[string]string
	for _, v := range res.Variants {
		if v.Status != tailor.Approved {
			continue
		}
		f := Impersonal(v.Channel, v.Fields, facts)
		if f == nil {
			continue
		}
		ids = append(ids, v.VariantID)
		fields = append(fields, f)
		texts = append(texts, CopyText(v.Channel, f))
	}
	if len(texts) == 0 {
		return nil
	}
	vecs, err := p.Embedder.Embed(ctx, texts)
	if err != nil {
		return fmt.Errorf("embedding approved variants: %w", err)
	}
	for i, id := range ids {
		res.Learned[id] = tailor.Learned{Fields: fields[i], Vector: vecs[i]}
	}
	return nil
}

// Impersonal returns the copy without the sentences that contain the value
// of any of the customer's facts, or nil when the body has nothing left.
func Impersonal(ch tailor.Channel, fields map[string]string, facts []tailor.Fact) map[string]string {
	var values []string
	for _, f := range facts {
		if v := strings.ToLower(strings.TrimSpace(f.Value)); len(v) > 1 {
			values = append(values, v)
		}
	}
	personal := func(s string) bool {
		lower := strings.ToLower(s)
		for _, v := range values {
			if strings.Contains(lower, v) {
				return true
			}
		}
		return false
	}
	out := map[string]string{}
	for name, text := range fields {
		var kept []string
		for _, s := range Sentences(text) {
			if !personal(s) {
				kept = append(kept, s)
			}
		}
		if len(kept) > 0 {
			out[name] = strings.Join(kept, " ")
		}
	}
	if out[ch.Spec().Body] == "" {
		return nil
	}
	return out
}

// Sentences splits copy after ., ! or ? followed by a space.
func Sentences(text string) []string {
	var out []string
	start := 0
	for i := 0; i < len(text); i++ {
		if (text[i] == '.' || text[i] == '!' || text[i] == '?') && (i+1 == len(text) || text[i+1] == ' ') {
			out = append(out, strings.TrimSpace(text[start:i+1]))
			start = i + 1
		}
	}
	if rest := strings.TrimSpace(text[start:]); rest != "" {
		out = append(out, rest)
	}
	return out
}

func (p *Pipeline) logger() *slog.Logger { return cmp.Or(p.Logger, slog.Default()) }

// contextText is what retrieval searches with: the campaign and the allowed
// facts about the customer (values only of facts the copy may use).
func contextText(b tailor.Brief, allowed []tailor.Fact, stage string) string {
	parts := []string{b.Campaign.Objective, b.Campaign.Product, b.Campaign.Offer, stage}
	for _, f := range allowed {
		if f.Key != "first_name" {
			parts = append(parts, prompts.Clean(f.Value, prompts.MaxFactValue))
		}
	}
	return strings.Join(parts, "\n")
}

// CopyText joins a channel's fields in reading order, for embedding.
func CopyText(ch tailor.Channel, fields map[string]string) string {
	var parts []string
	for _, name := range ch.Spec().FieldNames() {
		if v := fields[name]; v != "" {
			parts = append(parts, v)
		}
	}
	return strings.Join(parts, "\n")
}

// VariantID is stable for a job, channel and position, so a re-run of a job
// after a crash produces the same IDs and the store's constraints hold.
func VariantID(jobID string, ch tailor.Channel, i int) string {
	return uuid.NewSHA1(uuid.NameSpaceOID, fmt.Appendf(nil, "%s/%s/%d", jobID, ch, i)).String()
}

// Canary is the marker planted in a job's system prompt for one channel.
func Canary(jobID string, ch tailor.Channel) string {
	sum := sha256.Sum256([]byte("canary/" + jobID + "/" + string(ch)))
	return "TLR-" + strings.ToUpper(hex.EncodeToString(sum[:5]))
}

func seed(jobID string, ch tailor.Channel) int {
	sum := sha256.Sum256([]byte(jobID + "/" + string(ch)))
	return int(sum[0])<<8 | int(sum[1])
}

// share splits a call's usage evenly over the variants it produced.
func share(u tailor.Usage, n int) tailor.Usage {
	if n <= 0 {
		return u
	}
	return tailor.Usage{PromptTokens: u.PromptTokens / n, CompletionTokens: u.CompletionTokens / n}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
