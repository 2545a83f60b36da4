// Package generator runs one job's pipeline: gate the customer's facts,
// retrieve similar past creatives, render the prompt, ask the model for N
// variants, check each with the guardrails and repair the blocked ones.
// It declares the small interfaces it needs; providers live below it.
package generator

import (
	"context"

	tailor "github.com/tailorhq/tailor"
	"github.com/tailorhq/tailor/prompts"
)

// Model writes drafts of copy. Implementations: offline (default,
// deterministic), openai (any OpenAI-compatible server), langchain.
type Model interface {
	Generate(ctx context.Context, req Request) (Response, error)
}

// Request is one call to a model: for one channel, N drafts, or one repair.
type Request struct {
	Brief   tailor.Brief
	Channel tailor.Channel
	// Facts are gated: only what copy may use.
	Facts     []tailor.Fact
	Stage     string
	Creatives []tailor.Creative
	N         int
	// Prompt is the rendered prompt for models that read text.
	Prompt prompts.Rendered
	// Repair is set when the request rewrites one blocked draft.
	Repair *prompts.Repair
	// Seed makes sampling repeatable per job where the model supports it.
	Seed int
}

// Draft is one piece of copy a model wrote, before the guardrails.
type Draft struct {
	Fields    map[string]string
	Angle     string
	UsedFacts []string
}

// Response is what a model returned for one request.
type Response struct {
	Drafts []Draft
	Model  string
	Usage  tailor.Usage
}

// Embedder turns texts into vectors of a fixed dimension.
type Embedder interface {
	Embed(ctx context.Context, texts []string) ([][]float32, error)
}
