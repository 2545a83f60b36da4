// Package langchain is a generator.Model on top of a langchaingo llms.Model,
// for the providers langchaingo adds (Ollama, Anthropic, Gemini, Bedrock…).
// langchaingo has no per-call JSON schema, so the schema travels in the
// system prompt and JSON mode is asked for where the provider has one; the
// answer is parsed and checked exactly as the OpenAI model's is.
package langchain

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/tmc/langchaingo/llms"
	"github.com/tmc/langchaingo/llms/ollama"

	tailor "github.com/tailorhq/tailor"
	"github.com/tailorhq/tailor/generator"
	"github.com/tailorhq/tailor/generator/internal/answer"
	"github.com/tailorhq/tailor/internal/openaierr"
)

// DefaultTimeout bounds one call when Config.Timeout is zero.
const DefaultTimeout = 2 * time.Minute

// Config tunes a Model. Zero values leave the setting to the provider.
type Config struct {
	// MaxTokens bounds the completion.
	MaxTokens int
	// Temperature is the sampling temperature.
	Temperature float64
	// Timeout bounds one call; default DefaultTimeout.
	Timeout time.Duration
}

// Model writes drafts with one GenerateContent call per request.
type Model struct {
	llm  llms.Model
	name string
	cfg  Config
}

var _ generator.Model = (*Model)(nil)

// New returns a Model on llm. name is the model to ask for (sent with
// llms.WithModel when not empty) and the name drafts record.
func New(llm llms.Model, name string, cfg Config) (*Model, error) {
	if llm == nil {
		return nil, errors.New("langchain model: llm is nil")
	}
	cfg.Timeout = cmp.Or(cfg.Timeout, DefaultTimeout)
	switch {
	case cfg.Timeout < 0:
		return nil, fmt.Errorf("langchain model: timeout must not be negative, got %s", cfg.Timeout)
	case cfg.MaxTokens < 0:
		return nil, fmt.Errorf("langchain model: max tokens must not be negative, got %d", cfg.MaxTokens)
	}
	return &Model{llm: llm, name: name, cfg: cfg}, nil
}

// NewOllama returns a Model on langchaingo's Ollama client for the server at
// baseURL ("http://127.0.0.1:11434") and the given model ("llama3.2").
func NewOllama(baseURL, model string, cfg Config) (*Model, error) {
	// Parse here: ollama.WithServerURL calls log.Fatal on a bad URL.
	u, err := url.Parse(baseURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("ollama model: base URL %q: want an absolute http(s) URL", baseURL)
	}
	if model == "" {
		return nil, errors.New("ollama model: model name is required")
	}
	llm, err := ollama.New(ollama.WithServerURL(baseURL), ollama.WithModel(model), ollama.WithHTTPClient(HTTPClient(nil)))
	if err != nil {
		return nil, fmt.Errorf("ollama model: %w", err)
	}
	return New(llm, model, cfg)
}

// HTTPClient returns a copy of c (nil: a new client) to give the langchaingo
// client that a Model wraps. langchaingo's errors keep neither the HTTP
// status nor the headers; through this client the Model sees both, and maps
// 429 and 5xx to transient errors honouring Retry-After, 400 to
// tailor.ErrInvalid. Without it only langchaingo's error codes, timeouts and
// network errors are classified.
func HTTPClient(c *http.Client) *http.Client { return openaierr.Client(c) }

// Generate asks for req.N drafts in one call. Errors wrap tailor.ErrRefused
// when the model declined, tailor.ErrInvalid when the provider rejected the
// request, and are transient (with RetryAfter) for rate limits, server
// errors, timeouts, truncated or unreadable answers. When the provider
// answered, the Response carries Model and Usage even with an error.
func (m *Model) Generate(ctx context.Context, req generator.Request) (generator.Response, error) {
	fields := req.Channel.Spec().FieldNames()
	if len(fields) == 0 {
		return generator.Response{}, fmt.Errorf("generating with %s: unknown channel %q: %w", m.name, req.Channel, tailor.ErrInvalid)
	}
	if req.Prompt.User == "" || len(req.Prompt.Schema) == 0 {
		return generator.Response{}, fmt.Errorf("generating with %s: request has no rendered prompt and schema: %w", m.name, tailor.ErrInvalid)
	}
	msgs, err := messages(req.Prompt.System, req.Prompt.User, req.Prompt.Schema)
	if err != nil {
		return generator.Response{}, fmt.Errorf("generating with %s: %w", m.name, err)
	}

	callCtx, cancel := context.WithTimeout(ctx, m.cfg.Timeout)
	defer cancel()
	callCtx, capture := openaierr.WithCapture(callCtx)
	resp, err := m.llm.GenerateContent(callCtx, msgs, m.options(req)...)
	if err != nil {
		return generator.Response{}, fmt.Errorf("generating content with %s: %w", m.name, classify(ctx, callCtx, err, capture))
	}
	if resp == nil || len(resp.Choices) == 0 || resp.Choices[0] == nil {
		return generator.Response{}, fmt.Errorf("reading answer of %s: %w", m.name, openaierr.Transientf("no choices"))
	}
	choice := resp.Choices[0]
	out := generator.Response{Model: m.name, Usage: usage(choice.GenerationInfo)}
	switch strings.ToLower(choice.StopReason) {
	case "length", "max_tokens":
		return out, fmt.Errorf("reading answer of %s: %w", m.name, openaierr.Transientf("answer truncated (stop reason %s)", choice.StopReason))
	case "content_filter", "refusal", "safety", "prohibited_content", "blocklist", "spii":
		return out, fmt.Errorf("%s declined (stop reason %s): %w", m.name, choice.StopReason, tailor.ErrRefused)
	}
	drafts, err := answer.Parse(choice.Content, fields, req.N)
	if err != nil {
		return out, fmt.Errorf("reading answer of %s: %w", m.name, &openaierr.Transient{Err: err})
	}
	out.Drafts = drafts
	return out, nil
}

// messages puts the schema, compacted to one line, at the end of the system
// prompt: without per-call structured output it is how the model learns the
// shape of its answer.
func messages(system, user string, schema json.RawMessage) ([]llms.MessageContent, error) {
	var line bytes.Buffer
	if err := json.Compact(&line, schema); err != nil {
		return nil, fmt.Errorf("compacting answer schema: %w", err)
	}
	system = strings.TrimRight(system, "\n") + "\n\nThe JSON schema your answer must be valid against:\n" + line.String()
	return []llms.MessageContent{
		llms.TextParts(llms.ChatMessageTypeSystem, system),
		llms.TextParts(llms.ChatMessageTypeHuman, user),
	}, nil
}

func (m *Model) options(req generator.Request) []llms.CallOption {
	opts := []llms.CallOption{llms.WithJSONMode()}
	if m.name != "" {
		opts = append(opts, llms.WithModel(m.name))
	}
	if req.Seed != 0 {
		opts = append(opts, llms.WithSeed(req.Seed))
	}
	if m.cfg.MaxTokens > 0 {
		opts = append(opts, llms.WithMaxTokens(m.cfg.MaxTokens))
	}
	if m.cfg.Temperature > 0 {
		opts = append(opts, llms.WithTemperature(m.cfg.Temperature))
	}
	return opts
}

// classify maps a GenerateContent error. langchaingo flattens errors to text
// (a timeout becomes "request timeout"), so the HTTP status recorded by
// HTTPClient and the contexts' own state come first, the text last.
func classify(parent, call context.Context, err error, capture *openaierr.Capture) error {
	if status, header := capture.Last(); status >= 400 {
		return openaierr.FromStatus(status, header, err)
	}
	if parent.Err() == nil && call.Err() != nil {
		return &openaierr.Transient{Err: fmt.Errorf("timed out: %w: %w", call.Err(), err)}
	}
	var lerr *llms.Error
	if parent.Err() == nil && errors.As(err, &lerr) {
		switch lerr.Code {
		case llms.ErrCodeRateLimit, llms.ErrCodeProviderUnavailable, llms.ErrCodeTimeout:
			return &openaierr.Transient{Err: err}
		case llms.ErrCodeInvalidRequest, llms.ErrCodeTokenLimit:
			return fmt.Errorf("request rejected: %w: %w", tailor.ErrInvalid, err)
		case llms.ErrCodeContentFilter:
			return fmt.Errorf("%w: %w", tailor.ErrRefused, err)
		}
	}
	if status, _ := capture.Last(); status >= 200 && status < 300 && parent.Err() == nil {
		return &openaierr.Transient{Err: fmt.Errorf("reading response: %w", err)}
	}
	return openaierr.Network(parent, err)
}

// usage reads token counts from GenerationInfo, whose keys and number types
// differ by provider.
func usage(info map[string]any) tailor.Usage {
	return tailor.Usage{
		PromptTokens:     count(info, "PromptTokens", "InputTokens", "input_tokens"),
		CompletionTokens: count(info, "CompletionTokens", "OutputTokens", "output_tokens"),
	}
}

func count(info map[string]any, keys ...string) int {
	for _, k := range keys {
		switch v := info[k].(type) {
		case int:
			return v
		case int32:
			return int(v)
		case int64:
			return int(v)
		case float64:
			return int(v)
		}
	}
	return 0
}
