package openai_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	goopenai "github.com/sashabaranov/go-openai"

	tailor "github.com/tailorhq/tailor"
	"github.com/tailorhq/tailor/generator"
	"github.com/tailorhq/tailor/generator/openai"
	"github.com/tailorhq/tailor/internal/openaitest"
	"github.com/tailorhq/tailor/prompts"
)

func request(t *testing.T, ch tailor.Channel, n int) generator.Request {
	t.Helper()
	brief := tailor.Brief{
		Brand:    tailor.Brand{ID: "acme-outdoor", Name: "Acme Outdoor", Voice: "Warm and outdoorsy."},
		Campaign: tailor.Campaign{ID: "winter", Objective: "Drive purchase", Product: "Pegasus Trail 5 GTX", CTA: "Shop winter trail", Version: 1},
	}
	p, err := prompts.Render(prompts.Input{Brief: brief, Channel: ch, N: n, Canary: "CANARY-1"})
	if err != nil {
		t.Fatal(err)
	}
	return generator.Request{Brief: brief, Channel: ch, N: n, Prompt: p, Seed: 42}
}

// answerWith returns a hook that alters the server's default answer.
func answerWith(edit func(*goopenai.ChatCompletionResponse)) func(http.ResponseWriter, *http.Request, goopenai.ChatCompletionRequest) bool {
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

func fail(status int, retryAfter, message string) func(http.ResponseWriter, *http.Request, goopenai.ChatCompletionRequest) bool {
	return func(w http.ResponseWriter, _ *http.Request, _ goopenai.ChatCompletionRequest) bool {
		if retryAfter != "" {
			w.Header().Set("Retry-After", retryAfter)
		}
		openaitest.WriteError(w, status, message)
		return true
	}
}

type retryAfter interface{ RetryAfter() time.Duration }

func TestModelGenerate(t *testing.T) {
	t.Parallel()
	future := time.Now().Add(30 * time.Second).UTC().Format(http.TimeFormat)
	tests := []struct {
		name    string
		opts    openaitest.Options
		cfg     openai.Config
		n       int
		cancel  time.Duration // cancel the caller's context after this long
		drafts  int
		kind    string // "", "transient", "invalid", "refused", "canceled", "other"
		after   time.Duration
		afterLo time.Duration // for HTTP dates: RetryAfter within [afterLo, after]
		errHas  string
	}{
		{name: "three drafts", n: 3, drafts: 3},
		{name: "one draft", n: 1, drafts: 1},
		{name: "rate limited with seconds", opts: openaitest.Options{Handle: fail(429, "3", "Rate limit reached")}, n: 2, kind: "transient", after: 3 * time.Second, errHas: "Rate limit reached"},
		{name: "rate limited with a date", opts: openaitest.Options{Handle: fail(429, future, "Rate limit reached")}, n: 2, kind: "transient", afterLo: 25 * time.Second, after: 30 * time.Second},
		{name: "rate limited without header", opts: openaitest.Options{Handle: fail(429, "", "Rate limit reached")}, n: 2, kind: "transient"},
		{name: "server error", opts: openaitest.Options{Handle: fail(500, "", "The server had an error")}, n: 2, kind: "transient", errHas: "server had an error"},
		{name: "overloaded", opts: openaitest.Options{Handle: fail(503, "7", "Overloaded")}, n: 2, kind: "transient", after: 7 * time.Second},
		{name: "bad request", opts: openaitest.Options{Handle: fail(400, "", "Invalid schema for response_format 'tailor_email_v1'")}, n: 2, kind: "invalid", errHas: "Invalid schema for response_format"},
		{name: "unauthorized", opts: openaitest.Options{Handle: fail(401, "", "Incorrect API key provided")}, n: 2, kind: "other", errHas: "Incorrect API key"},
		{
			name: "malformed body",
			opts: openaitest.Options{Handle: func(w http.ResponseWriter, _ *http.Request, _ goopenai.ChatCompletionRequest) bool {
				w.Header().Set("Content-Type", "application/json")
				io.WriteString(w, `{"id":"x","choices":[{"message":{"content":"{\"vari`)
				return true
			}},
			n: 2, kind: "transient",
		},
		{name: "answer is not JSON", opts: openaitest.Options{Handle: answerWith(func(r *goopenai.ChatCompletionResponse) {
			r.Choices[0].Message.Content = "Here are three variants: ..."
		})}, n: 2, kind: "transient", errHas: "decoding answer"},
		{name: "answer misses a field", opts: openaitest.Options{Handle: answerWith(func(r *goopenai.ChatCompletionResponse) {
			r.Choices[0].Message.Content = `{"variants":[{"angle":"a","used_facts":[],"subject":"s","preheader":"p","body":"b"}]}`
		})}, n: 2, kind: "transient", errHas: `missing field "cta"`},
		{name: "no choices", opts: openaitest.Options{Handle: answerWith(func(r *goopenai.ChatCompletionResponse) {
			r.Choices = nil
		})}, n: 2, kind: "transient", errHas: "no choices"},
		{name: "refusal", opts: openaitest.Options{Handle: answerWith(func(r *goopenai.ChatCompletionResponse) {
			r.Choices[0].Message.Content = ""
			r.Choices[0].Message.Refusal = "I'm sorry, I can't help with that."
		})}, n: 2, kind: "refused", errHas: "can't help"},
		{name: "truncated", opts: openaitest.Options{Handle: answerWith(func(r *goopenai.ChatCompletionResponse) {
			r.Choices[0].FinishReason = goopenai.FinishReasonLength
			r.Choices[0].Message.Content = r.Choices[0].Message.Content[:40]
		})}, n: 2, kind: "transient", errHas: "truncated"},
		{name: "content filter", opts: openaitest.Options{Handle: answerWith(func(r *goopenai.ChatCompletionResponse) {
			r.Choices[0].FinishReason = goopenai.FinishReasonContentFilter
		})}, n: 2, kind: "refused", errHas: "content filter"},
		{name: "per-call timeout", opts: openaitest.Options{Latency: 2 * time.Second}, cfg: openai.Config{Timeout: 50 * time.Millisecond}, n: 2, kind: "transient", errHas: "timed out"},
		{name: "caller cancels", opts: openaitest.Options{Latency: 2 * time.Second}, cancel: 50 * time.Millisecond, n: 2, kind: "canceled"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			tt.opts.Model = "gpt-4o-mini-2024-07-18"
			srv := openaitest.New(t, tt.opts)
			tt.cfg.BaseURL, tt.cfg.APIKey = srv.URL, "test-key"
			m, err := openai.New(tt.cfg)
			if err != nil {
				t.Fatal(err)
			}
			ctx := context.Background()
			if tt.cancel > 0 {
				var cancel context.CancelFunc
				ctx, cancel = context.WithCancel(ctx)
				time.AfterFunc(tt.cancel, cancel)
			}
			start := time.Now()
			resp, err := m.Generate(ctx, request(t, tailor.Email, tt.n))
			if time.Since(start) > time.Second {
				t.Errorf("Generate took %s", time.Since(start))
			}
			checkKind(t, err, tt.kind, tt.errHas)
			if tt.kind == "transient" {
				var ra retryAfter
				errors.As(err, &ra)
				lo := cmpOr(tt.afterLo, tt.after)
				if got := ra.RetryAfter(); got < lo || got > tt.after {
					t.Errorf("RetryAfter = %s, want within [%s, %s]", got, lo, tt.after)
				}
			}
			if err != nil {
				return
			}
			if len(resp.Drafts) != tt.drafts {
				t.Fatalf("got %d drafts, want %d", len(resp.Drafts), tt.drafts)
			}
			for i, d := range resp.Drafts {
				if len(d.Fields) != 4 || d.Fields["subject"] == "" || d.Fields["body"] == "" || d.Fields["cta"] == "" || d.Fields["preheader"] == "" {
					t.Errorf("draft %d fields = %v", i, d.Fields)
				}
				if d.Angle == "" || d.UsedFacts == nil {
					t.Errorf("draft %d: angle %q, used facts %v", i, d.Angle, d.UsedFacts)
				}
			}
			if resp.Model != "gpt-4o-mini-2024-07-18" {
				t.Errorf("Model = %q, want the server's", resp.Model)
			}
			if resp.Usage.PromptTokens == 0 || resp.Usage.CompletionTokens == 0 {
				t.Errorf("Usage = %+v", resp.Usage)
			}
		})
	}
}

func cmpOr(a, b time.Duration) time.Duration {
	if a != 0 {
		return a
	}
	return b
}

// checkKind asserts the class of err: transient errors carry RetryAfter and
// never wrap the permanent sentinels.
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
	transient := errors.As(err, &ra)
	invalid, refused := errors.Is(err, tailor.ErrInvalid), errors.Is(err, tailor.ErrRefused)
	want := map[string][3]bool{
		"transient": {true, false, false},
		"invalid":   {false, true, false},
		"refused":   {false, false, true},
		"canceled":  {false, false, false},
		"other":     {false, false, false},
	}[kind]
	if got := [3]bool{transient, invalid, refused}; got != want {
		t.Errorf("err %q: transient, invalid, refused = %v, want %v", err, got, want)
	}
	if kind == "canceled" && !errors.Is(err, context.Canceled) {
		t.Errorf("err %q is not context.Canceled", err)
	}
	if has != "" && !strings.Contains(err.Error(), has) {
		t.Errorf("err %q does not contain %q", err, has)
	}
}

func TestModelSendsStrictSchemaSeedAndMessages(t *testing.T) {
	t.Parallel()
	var (
		mu  sync.Mutex
		got goopenai.ChatCompletionRequest
		raw []byte
	)
	srv := openaitest.New(t, openaitest.Options{Handle: func(_ http.ResponseWriter, r *http.Request, req goopenai.ChatCompletionRequest) bool {
		mu.Lock()
		defer mu.Unlock()
		got = req
		raw, _ = io.ReadAll(r.Body)
		return false
	}})
	m, err := openai.New(openai.Config{BaseURL: srv.URL, Model: "gpt-test", MaxTokens: 900, Temperature: 0.7})
	if err != nil {
		t.Fatal(err)
	}
	req := request(t, tailor.SMS, 2)
	if _, err := m.Generate(context.Background(), req); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	if got.Model != "gpt-test" || got.MaxCompletionTokens != 900 || got.Temperature != 0.7 || got.N != 0 {
		t.Errorf("model %q, max tokens %d, temperature %g, n %d", got.Model, got.MaxCompletionTokens, got.Temperature, got.N)
	}
	if got.Seed == nil || *got.Seed != 42 {
		t.Errorf("seed = %v, want 42", got.Seed)
	}
	if len(got.Messages) != 2 ||
		got.Messages[0].Role != "system" || got.Messages[0].Content != req.Prompt.System ||
		got.Messages[1].Role != "user" || got.Messages[1].Content != req.Prompt.User {
		t.Errorf("messages = %+v", got.Messages)
	}
	rf := got.ResponseFormat
	if rf == nil || rf.Type != "json_schema" || rf.JSONSchema == nil || !rf.JSONSchema.Strict || rf.JSONSchema.Name != "tailor_sms_v1" {
		t.Fatalf("response_format = %+v", rf)
	}
	schema, err := rf.JSONSchema.Schema.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	if !jsonEqual(t, schema, req.Prompt.Schema) {
		t.Errorf("schema sent = %s\nwant %s", schema, req.Prompt.Schema)
	}
	if !bytes.Contains(raw, []byte(`"strict":true`)) || !bytes.Contains(raw, []byte(`"type":"json_schema"`)) {
		t.Errorf("raw body lacks strict json_schema: %s", raw)
	}
}

func jsonEqual(t *testing.T, a, b []byte) bool {
	t.Helper()
	var x, y any
	if err := json.Unmarshal(a, &x); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &y); err != nil {
		t.Fatal(err)
	}
	ca, _ := json.Marshal(x)
	cb, _ := json.Marshal(y)
	return bytes.Equal(ca, cb)
}

func TestModelNetworkFailureIsTransient(t *testing.T) {
	t.Parallel()
	srv := openaitest.NewServer(openaitest.Options{})
	url := srv.URL
	srv.Close() // nothing listens there any more
	m, err := openai.New(openai.Config{BaseURL: url})
	if err != nil {
		t.Fatal(err)
	}
	_, err = m.Generate(context.Background(), request(t, tailor.Push, 1))
	checkKind(t, err, "transient", "network error")
}

func TestModelRejectsBadRequests(t *testing.T) {
	t.Parallel()
	srv := openaitest.New(t, openaitest.Options{})
	m, err := openai.New(openai.Config{BaseURL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		edit func(*generator.Request)
	}{
		{"unknown channel", func(r *generator.Request) { r.Channel = "fax" }},
		{"no prompt", func(r *generator.Request) { r.Prompt = prompts.Rendered{} }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			req := request(t, tailor.Push, 1)
			tt.edit(&req)
			_, err := m.Generate(context.Background(), req)
			checkKind(t, err, "invalid", "")
		})
	}
	if srv.Requests() != 0 {
		t.Errorf("sent %d requests for invalid input", srv.Requests())
	}
}

func TestModelNewValidatesConfig(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		cfg  openai.Config
		ok   bool
	}{
		{"zero is fine", openai.Config{}, true},
		{"local server", openai.Config{BaseURL: "http://127.0.0.1:11434/v1", Model: "llama3.2"}, true},
		{"relative URL", openai.Config{BaseURL: "localhost/v1"}, false},
		{"negative timeout", openai.Config{Timeout: -time.Second}, false},
		{"negative max tokens", openai.Config{MaxTokens: -1}, false},
		{"temperature too high", openai.Config{Temperature: 3}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			m, err := openai.New(tt.cfg)
			if (err == nil) != tt.ok {
				t.Fatalf("New(%+v) err = %v, want ok %v", tt.cfg, err, tt.ok)
			}
			if tt.ok && m.Name() != cmpString(tt.cfg.Model, openai.DefaultModel) {
				t.Errorf("Name = %q", m.Name())
			}
		})
	}
}

func cmpString(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
