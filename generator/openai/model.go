// Package openai is a generator.Model for any server that speaks OpenAI's
// chat completions protocol (OpenAI, Azure-style proxies, vLLM, Ollama's
// OpenAI endpoint…). It asks for all of a request's variants in one call with
// strict structured output against the prompt's hand-written schema.
package openai

import (
	"cmp"
	"context"
	"fmt"
	"net/http"
	"time"

	goopenai "github.com/sashabaranov/go-openai"

	tailor "github.com/tailorhq/tailor"
	"github.com/tailorhq/tailor/generator"
	"github.com/tailorhq/tailor/generator/internal/answer"
	"github.com/tailorhq/tailor/internal/openaierr"
)

// Defaults for the zero values of Config.
const (
	DefaultModel   = "gpt-4o-mini"
	DefaultTimeout = 2 * time.Minute
)

// Config configures a Model. Zero values mean the defaults.
type Config struct {
	// BaseURL is the API's base URL, up to and including /v1
	// ("http://127.0.0.1:11434/v1"); empty means OpenAI's.
	BaseURL string
	// APIKey is sent as a bearer token; local servers may not need one.
	APIKey string
	// Model is the model name; default DefaultModel.
	Model string
	// MaxTokens bounds the completion (max_completion_tokens); 0 leaves it
	// to the server.
	MaxTokens int
	// Temperature is the sampling temperature; 0 leaves it to the server.
	Temperature float32
	// Timeout bounds one call; default DefaultTimeout.
	Timeout time.Duration
	// HTTPClient sends the requests; nil means a new http.Client. It is
	// copied, not modified.
	HTTPClient *http.Client
}

// Model writes drafts with one chat completion call per request.
type Model struct {
	client *goopenai.Client
	cfg    Config
}

var _ generator.Model = (*Model)(nil)

// New returns a Model for cfg, or an error naming a bad setting.
func New(cfg Config) (*Model, error) {
	cfg.Model = cmp.Or(cfg.Model, DefaultModel)
	cfg.Timeout = cmp.Or(cfg.Timeout, DefaultTimeout)
	switch {
	case cfg.Timeout < 0:
		return nil, fmt.Errorf("openai model: timeout must not be negative, got %s", cfg.Timeout)
	case cfg.MaxTokens < 0:
		return nil, fmt.Errorf("openai model: max tokens must not be negative, got %d", cfg.MaxTokens)
	case cfg.Temperature < 0 || cfg.Temperature > 2:
		return nil, fmt.Errorf("openai model: temperature must be within [0, 2], got %g", cfg.Temperature)
	}
	client, err := openaierr.NewClient(cfg.APIKey, cfg.BaseURL, cfg.HTTPClient)
	if err != nil {
		return nil, fmt.Errorf("openai model: %w", err)
	}
	return &Model{client: client, cfg: cfg}, nil
}

// Name returns the configured model name.
func (m *Model) Name() string { return m.cfg.Model }

// Generate asks for req.N drafts in one call. Errors wrap tailor.ErrRefused
// when the model declined, tailor.ErrInvalid when the server rejected the
// request, and are transient (with RetryAfter) for rate limits, server
// errors, timeouts, truncated or unreadable answers. When the server answered,
// the Response carries Model and Usage even with an error: the tokens were
// spent.
func (m *Model) Generate(ctx context.Context, req generator.Request) (generator.Response, error) {
	fields := req.Channel.Spec().FieldNames()
	if len(fields) == 0 {
		return generator.Response{}, fmt.Errorf("generating with %s: unknown channel %q: %w", m.cfg.Model, req.Channel, tailor.ErrInvalid)
	}
	if req.Prompt.User == "" || len(req.Prompt.Schema) == 0 {
		return generator.Response{}, fmt.Errorf("generating with %s: request has no rendered prompt and schema: %w", m.cfg.Model, tailor.ErrInvalid)
	}

	callCtx, cancel := context.WithTimeout(ctx, m.cfg.Timeout)
	defer cancel()
	callCtx, capture := openaierr.WithCapture(callCtx)
	resp, err := m.client.CreateChatCompletion(callCtx, m.request(req))
	if err != nil {
		return generator.Response{}, fmt.Errorf("calling chat completions (%s): %w", m.cfg.Model, openaierr.Map(ctx, err, capture))
	}
	out := generator.Response{
		Model: cmp.Or(resp.Model, m.cfg.Model),
		Usage: tailor.Usage{PromptTokens: resp.Usage.PromptTokens, CompletionTokens: resp.Usage.CompletionTokens},
	}
	if len(resp.Choices) == 0 {
		return out, fmt.Errorf("reading answer of %s: %w", out.Model, openaierr.Transientf("no choices"))
	}
	choice := resp.Choices[0]
	if choice.Message.Refusal != "" {
		return out, fmt.Errorf("%s refused: %q: %w", out.Model, choice.Message.Refusal, tailor.ErrRefused)
	}
	switch choice.FinishReason {
	case goopenai.FinishReasonLength:
		// A larger MaxTokens or a retry with fewer words may fit.
		return out, fmt.Errorf("reading answer of %s: %w", out.Model, openaierr.Transientf("answer truncated at %d completion tokens (finish_reason length)", resp.Usage.CompletionTokens))
	case goopenai.FinishReasonContentFilter:
		return out, fmt.Errorf("%s: answer withheld by the content filter: %w", out.Model, tailor.ErrRefused)
	}
	drafts, err := answer.Parse(choice.Message.Content, fields, req.N)
	if err != nil {
		// Sampling again usually gives a well-formed answer.
		return out, fmt.Errorf("reading answer of %s: %w", out.Model, &openaierr.Transient{Err: err})
	}
	out.Drafts = drafts
	return out, nil
}

// request builds the chat completion request: the schema travels as raw
// JSON, not through go-openai's reflected jsonschema, which mishandles it.
func (m *Model) request(req generator.Request) goopenai.ChatCompletionRequest {
	cr := goopenai.ChatCompletionRequest{
		Model: m.cfg.Model,
		Messages: []goopenai.ChatCompletionMessage{
			{Role: goopenai.ChatMessageRoleSystem, Content: req.Prompt.System},
			{Role: goopenai.ChatMessageRoleUser, Content: req.Prompt.User},
		},
		// max_completion_tokens, not the deprecated max_tokens that
		// reasoning models reject.
		MaxCompletionTokens: m.cfg.MaxTokens,
		Temperature:         m.cfg.Temperature,
		ResponseFormat: &goopenai.ChatCompletionResponseFormat{
			Type: goopenai.ChatCompletionResponseFormatTypeJSONSchema,
			JSONSchema: &goopenai.ChatCompletionResponseFormatJSONSchema{
				Name:   cmp.Or(req.Prompt.SchemaName, "tailor_answer"),
				Schema: req.Prompt.Schema,
				Strict: true,
			},
		},
	}
	if req.Seed != 0 {
		seed := req.Seed
		cr.Seed = &seed
	}
	return cr
}
