package langchain_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	goopenai "github.com/sashabaranov/go-openai"
	"github.com/tmc/langchaingo/llms"
	lcopenai "github.com/tmc/langchaingo/llms/openai"

	tailor "github.com/tailorhq/tailor"
	"github.com/tailorhq/tailor/generator"
	"github.com/tailorhq/tailor/generator/langchain"
	"github.com/tailorhq/tailor/internal/openaitest"
	"github.com/tailorhq/tailor/prompts"
)

func request(t *testing.T, ch tailor.Channel, n int) generator.Request {
	t.Helper()
	brief := tailor.Brief{
		Brand:    tailor.Brand{ID: "acme-outdoor", Name: "Acme Outdoor", Voice: "Warm and outdoorsy."},
		Campaign: tailor.Campaign{ID: "winter", Objective: "Drive purchase", Product: "Pegasus Trail 5 GTX", Version: 1},
	}
	p, err := prompts.Render(prompts.Input{Brief: brief, Channel: ch, N: n, Canary: "CANARY-1"})
	if err != nil {
		t.Fatal(err)
	}
	return generator.Request{Brief: brief, Channel: ch, N: n, Prompt: p, Seed: 7}
}

// model builds the Model on langchaingo's OpenAI client pointed at srv.
func model(t *testing.T, srv *openaitest.Server, cfg langchain.Config) *langchain.Model {
	t.Helper()
	llm, err := lcopenai.New(
		lcopenai.WithBaseURL(srv.URL),
		lcopenai.WithToken("test-key"),
		lcopenai.WithModel("gpt-test"),
		lcopenai.WithHTTPClient(langchain.HTTPClient(nil)),
	)
	if err != nil {
		t.Fatal(err)
	}
	m, err := langchain.New(llm, "gpt-test", cfg)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

type hook = func(http.ResponseWriter, *http.Request, goopenai.ChatCompletionRequest) bool

func fail(status int, retryAfter, message string) hook {
	return func(w http.ResponseWriter, _ *http.Request, _ goopenai.ChatCompletionRequest) bool {
		if retryAfter != "" {
			w.Header().Set("Retry-After", retryAfter)
		}
		openaitest.WriteError(w, status, message)
		return true
	}
}

func answerWith(edit func(*goopenai.ChatCompletionResponse)) hook {
	return func(w http.ResponseWriter, _ *http.Request, req goopenai.ChatCompletionRequest) bool {
		resp, err := openaitest.Answer(req)
		if err != nil {
			openaitest.WriteError(w, http.StatusBadRequest, err.Error())
			return true
		}
		edit(&resp)
		openaitest.WriteJSON(w, http.StatusOK, resp)
		return true
	}
}

type retryAfter interface{ RetryAfter() time.Duration }

func checkKind(t *testing.T, err error, kind, has string) {
	t.Helper()
	if kind == "" {
		if err != nil {
			t.Fatalf("Generate: %v", err)
		}
		return
	}
	if err == nil {
		t.Fatalf("Generate succeeded, want a %s error", kind)
	}
	var ra retryAfter
	got := [3]bool{errors.As(err, &ra), errors.Is(err, tailor.ErrInvalid), errors.Is(err, tailor.ErrRefused)}
	want := map[string][3]bool{
		"transient": {true, false, false},
		"invalid":   {false, true, false},
		"refused":   {false, false, true},
		"canceled":  {false, false, false},
		"other":     {false, false, false},
	}[kind]
	if got != want {
		t.Errorf("err %q: transient, invalid, refused = %v, want %v", err, got, want)
	}
	if kind == "canceled" && !errors.Is(err, context.Canceled) {
		t.Errorf("err %q is not context.Canceled", err)
	}
	if has != "" && !strings.Contains(err.Error(), has) {
		t.Errorf("err %q does not contain %q", err, has)
	}
}

func TestLangchainGenerate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		opts   openaitest.Options
		cfg    langchain.Config
		cancel time.Duration
		kind   string
		after  time.Duration
		errHas string
	}{
		{name: "drafts"},
		{name: "rate limited", opts: openaitest.Options{Handle: fail(429, "4", "Rate limit reached")}, kind: "transient", after: 4 * time.Second},
		{name: "server error", opts: openaitest.Options{Handle: fail(502, "", "bad gateway")}, kind: "transient"},
		{name: "bad request", opts: openaitest.Options{Handle: fail(400, "", "context_length_exceeded")}, kind: "invalid", errHas: "context_length_exceeded"},
		{
			name: "malformed body",
			opts: openaitest.Options{Handle: func(w http.ResponseWriter, _ *http.Request, _ goopenai.ChatCompletionRequest) bool {
				io.WriteString(w, `{"choices":[{"message":`)
				return true
			}},
			kind: "transient",
		},
		{name: "answer is not JSON", opts: openaitest.Options{Handle: answerWith(func(r *goopenai.ChatCompletionResponse) {
			r.Choices[0].Message.Content = "Sure! Variant 1: ..."
		})}, kind: "transient", errHas: "decoding answer"},
		{name: "truncated", opts: openaitest.Options{Handle: answerWith(func(r *goopenai.ChatCompletionResponse) {
			r.Choices[0].FinishReason = goopenai.FinishReasonLength
		})}, kind: "transient", errHas: "truncated"},
		{name: "content filter", opts: openaitest.Options{Handle: answerWith(func(r *goopenai.ChatCompletionResponse) {
			r.Choices[0].FinishReason = goopenai.FinishReasonContentFilter
		})}, kind: "refused"},
		{name: "per-call timeout", opts: openaitest.Options{Latency: 2 * time.Second}, cfg: langchain.Config{Timeout: 50 * time.Millisecond}, kind: "transient", errHas: "timed out"},
		{name: "caller cancels", opts: openaitest.Options{Latency: 2 * time.Second}, cancel: 50 * time.Millisecond, kind: "canceled"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := openaitest.New(t, tt.opts)
			m := model(t, srv, tt.cfg)
			ctx := context.Background()
			if tt.cancel > 0 {
				var cancel context.CancelFunc
				ctx, cancel = context.WithCancel(ctx)
				time.AfterFunc(tt.cancel, cancel)
			}
			resp, err := m.Generate(ctx, request(t, tailor.Push, 3))
			checkKind(t, err, tt.kind, tt.errHas)
			if tt.kind == "transient" {
				var ra retryAfter
				errors.As(err, &ra)
				if ra.RetryAfter() != tt.after {
					t.Errorf("RetryAfter = %s, want %s", ra.RetryAfter(), tt.after)
				}
			}
			if err != nil {
				return
			}
			if len(resp.Drafts) != 3 {
				t.Fatalf("got %d drafts, want 3", len(resp.Drafts))
			}
			for _, d := range resp.Drafts {
				if len(d.Fields) != 2 || d.Fields["title"] == "" || d.Fields["body"] == "" || d.Angle == "" {
					t.Errorf("draft = %+v", d)
				}
			}
			if resp.Model != "gpt-test" || resp.Usage.PromptTokens == 0 || resp.Usage.CompletionTokens == 0 {
				t.Errorf("model %q, usage %+v", resp.Model, resp.Usage)
			}
		})
	}
}

func TestLangchainSendsMessagesJSONModeAndSeed(t *testing.T) {
	t.Parallel()
	var (
		mu  sync.Mutex
		got goopenai.ChatCompletionRequest
	)
	srv := openaitest.New(t, openaitest.Options{Handle: func(_ http.ResponseWriter, _ *http.Request, req goopenai.ChatCompletionRequest) bool {
		mu.Lock()
		defer mu.Unlock()
		got = req
		return false
	}})
	m := model(t, srv, langchain.Config{MaxTokens: 500})
	req := request(t, tailor.Email, 2)
	if _, err := m.Generate(context.Background(), req); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	if got.Model != "gpt-test" || got.Seed == nil || *got.Seed != 7 || got.MaxCompletionTokens != 500 {
		t.Errorf("model %q, seed %v, max tokens %d", got.Model, got.Seed, got.MaxCompletionTokens)
	}
	if got.ResponseFormat == nil || got.ResponseFormat.Type != goopenai.ChatCompletionResponseFormatTypeJSONObject {
		t.Errorf("response_format = %+v, want json_object", got.ResponseFormat)
	}
	if len(got.Messages) != 2 || got.Messages[0].Role != "system" || got.Messages[1].Role != "user" {
		t.Fatalf("messages = %+v", got.Messages)
	}
	if !strings.HasPrefix(got.Messages[0].Content, strings.TrimRight(req.Prompt.System, "\n")) ||
		!strings.HasSuffix(got.Messages[0].Content, "\n"+string(req.Prompt.Schema)) {
		t.Errorf("system message does not end with the schema:\n%s", got.Messages[0].Content)
	}
	if got.Messages[1].Content != req.Prompt.User {
		t.Errorf("user message = %q", got.Messages[1].Content)
	}
}

// stub is an llms.Model that is not wired through HTTPClient, like a
// provider with its own SDK.
type stub struct {
	resp *llms.ContentResponse
	err  error
}

func (s stub) GenerateContent(context.Context, []llms.MessageContent, ...llms.CallOption) (*llms.ContentResponse, error) {
	return s.resp, s.err
}

func (s stub) Call(context.Context, string, ...llms.CallOption) (string, error) { return "", s.err }

func TestLangchainProviderStopReasonsAndErrors(t *testing.T) {
	t.Parallel()
	valid := `{"variants":[{"angle":"offer","used_facts":[],"title":"Hi","body":"New shoes."}]}`
	choice := func(content, stop string) *llms.ContentResponse {
		return &llms.ContentResponse{Choices: []*llms.ContentChoice{{
			Content: content, StopReason: stop,
			GenerationInfo: map[string]any{"InputTokens": int32(120), "OutputTokens": 30},
		}}}
	}
	tests := []struct {
		name string
		llm  stub
		kind string
	}{
		{"anthropic end_turn", stub{resp: choice(valid, "end_turn")}, ""},
		{"anthropic max_tokens", stub{resp: choice(valid[:30], "max_tokens")}, "transient"},
		{"anthropic refusal", stub{resp: choice("", "refusal")}, "refused"},
		{"gemini SAFETY", stub{resp: choice("", "SAFETY")}, "refused"},
		{"gemini MAX_TOKENS", stub{resp: choice(valid[:30], "MAX_TOKENS")}, "transient"},
		{"empty response", stub{resp: &llms.ContentResponse{}}, "transient"},
		{"rate limit code", stub{err: llms.NewError(llms.ErrCodeRateLimit, "anthropic", "slow down")}, "transient"},
		{"invalid request code", stub{err: llms.NewError(llms.ErrCodeInvalidRequest, "anthropic", "bad")}, "invalid"},
		{"content filter code", stub{err: llms.NewError(llms.ErrCodeContentFilter, "googleai", "blocked")}, "refused"},
		{"unknown error", stub{err: errors.New("boom")}, "other"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			m, err := langchain.New(tt.llm, "claude-test", langchain.Config{})
			if err != nil {
				t.Fatal(err)
			}
			resp, err := m.Generate(context.Background(), request(t, tailor.Push, 1))
			checkKind(t, err, tt.kind, "")
			if err == nil && (len(resp.Drafts) != 1 || resp.Usage != (tailor.Usage{PromptTokens: 120, CompletionTokens: 30})) {
				t.Errorf("response = %+v", resp)
			}
		})
	}
}

func TestLangchainNewOllama(t *testing.T) {
	t.Parallel()
	var calls sync.Map
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var req struct {
			Model    string `json:"model"`
			Format   string `json:"format"`
			Messages []struct{ Role, Content string }
			Options  struct {
				Seed int `json:"seed"`
			} `json:"options"`
		}
		if r.URL.Path != "/api/chat" || json.NewDecoder(r.Body).Decode(&req) != nil {
			http.Error(w, "unexpected request", http.StatusNotFound)
			return
		}
		calls.Store(req.Model+"/"+req.Format, req.Options.Seed)
		if len(req.Messages) != 2 || req.Messages[0].Role != "system" || req.Messages[1].Role != "user" {
			http.Error(w, "want system and user messages", http.StatusBadRequest)
			return
		}
		if req.Model == "busy" {
			w.Header().Set("Retry-After", "5")
			http.Error(w, `{"error":"server busy"}`, http.StatusServiceUnavailable)
			return
		}
		json.NewEncoder(w).Encode(map[string]any{
			"model": req.Model, "done": true, "prompt_eval_count": 80, "eval_count": 20,
			"message": map[string]any{"role": "assistant", "content": `{"variants":[{"angle":"a","used_facts":[],"text":"Hi. Reply STOP to opt out"}]}`},
		})
	}))
	defer srv.Close()

	m, err := langchain.NewOllama(srv.URL, "llama3.2", langchain.Config{})
	if err != nil {
		t.Fatal(err)
	}
	resp, err := m.Generate(context.Background(), request(t, tailor.SMS, 1))
	if err != nil {
		t.Fatal(err)
	}
	if len(resp.Drafts) != 1 || resp.Model != "llama3.2" || resp.Usage != (tailor.Usage{PromptTokens: 80, CompletionTokens: 20}) {
		t.Errorf("response = %+v", resp)
	}
	if seed, ok := calls.Load("llama3.2/json"); !ok || seed != 7 {
		t.Errorf("ollama did not get JSON mode and the seed: %v %v", seed, ok)
	}

	busy, err := langchain.NewOllama(srv.URL, "busy", langchain.Config{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = busy.Generate(context.Background(), request(t, tailor.SMS, 1))
	checkKind(t, err, "transient", "")
	var ra retryAfter
	if errors.As(err, &ra) && ra.RetryAfter() != 5*time.Second {
		t.Errorf("RetryAfter = %s, want 5s", ra.RetryAfter())
	}

	for _, bad := range []struct{ url, model string }{{"127.0.0.1:11434", "llama3.2"}, {"http://127.0.0.1:11434", ""}} {
		if _, err := langchain.NewOllama(bad.url, bad.model, langchain.Config{}); err == nil {
			t.Errorf("NewOllama(%q, %q) succeeded", bad.url, bad.model)
		}
	}
	if _, err := langchain.New(nil, "x", langchain.Config{}); err == nil {
		t.Error("New(nil) succeeded")
	}
}
