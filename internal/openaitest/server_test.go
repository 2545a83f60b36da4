package openaitest_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"math"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"
	goopenai "github.com/sashabaranov/go-openai"

	tailor "github.com/tailorhq/tailor"
	"github.com/tailorhq/tailor/internal/openaitest"
	"github.com/tailorhq/tailor/prompts"
)

func brief() tailor.Brief {
	return tailor.Brief{
		Brand: tailor.Brand{
			ID: "acme-outdoor", Name: "Acme Outdoor", Voice: "Warm and outdoorsy.",
			RequiredDisclaimers: map[string]string{"email": "Offer valid through Dec 31. Terms apply."},
			Policy:              tailor.Policy{Limits: map[string]map[string]int{"push": {"title": 20}}},
		},
		Campaign: tailor.Campaign{
			ID: "winter", Objective: "Drive purchase", Product: "Pegasus Trail 5 GTX",
			Offer: "15% off for members through Dec 31", CTA: "Shop winter trail", Version: 1,
		},
	}
}

func client(s *openaitest.Server) *goopenai.Client {
	cfg := goopenai.DefaultConfig("test-key")
	cfg.BaseURL = s.URL
	return goopenai.NewClientWithConfig(cfg)
}

func chatRequest(t *testing.T, ch tailor.Channel, n int) (goopenai.ChatCompletionRequest, prompts.Rendered) {
	t.Helper()
	p, err := prompts.Render(prompts.Input{Brief: brief(), Channel: ch, N: n, Canary: "CANARY"})
	if err != nil {
		t.Fatal(err)
	}
	return goopenai.ChatCompletionRequest{
		Model: "gpt-test",
		Messages: []goopenai.ChatCompletionMessage{
			{Role: goopenai.ChatMessageRoleSystem, Content: p.System},
			{Role: goopenai.ChatMessageRoleUser, Content: p.User},
		},
		ResponseFormat: &goopenai.ChatCompletionResponseFormat{
			Type:       goopenai.ChatCompletionResponseFormatTypeJSONSchema,
			JSONSchema: &goopenai.ChatCompletionResponseFormatJSONSchema{Name: p.SchemaName, Schema: p.Schema, Strict: true},
		},
	}, p
}

func validate(t *testing.T, schema json.RawMessage, content string) {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schema))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("answer.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("answer.json")
	if err != nil {
		t.Fatal(err)
	}
	v, err := jsonschema.UnmarshalJSON(strings.NewReader(content))
	if err != nil {
		t.Fatalf("answer is not JSON: %v\n%s", err, content)
	}
	if err := sch.Validate(v); err != nil {
		t.Fatalf("answer does not follow the schema: %v\n%s", err, content)
	}
}

func TestServerChatFollowsSchema(t *testing.T) {
	t.Parallel()
	s := openaitest.New(t, openaitest.Options{})
	tests := []struct {
		channel tailor.Channel
		n       int
	}{
		{tailor.Email, 3}, {tailor.Email, 1}, {tailor.SMS, 2}, {tailor.Push, 5}, {tailor.Web, 7},
	}
	for _, tt := range tests {
		t.Run(string(tt.channel), func(t *testing.T) {
			t.Parallel()
			req, p := chatRequest(t, tt.channel, tt.n)
			resp, err := client(s).CreateChatCompletion(context.Background(), req)
			if err != nil {
				t.Fatal(err)
			}
			if resp.Model != "gpt-test" || len(resp.Choices) != 1 || resp.Choices[0].FinishReason != goopenai.FinishReasonStop {
				t.Fatalf("response = %+v", resp)
			}
			if resp.Usage.PromptTokens == 0 || resp.Usage.CompletionTokens == 0 {
				t.Errorf("usage = %+v, want token counts", resp.Usage)
			}
			content := resp.Choices[0].Message.Content
			validate(t, p.Schema, content)
			var doc struct {
				Variants []map[string]any `json:"variants"`
			}
			if err := json.Unmarshal([]byte(content), &doc); err != nil {
				t.Fatal(err)
			}
			if len(doc.Variants) != tt.n {
				t.Fatalf("got %d variants, want %d", len(doc.Variants), tt.n)
			}
			for _, v := range doc.Variants {
				if v["angle"] == "" {
					t.Errorf("variant without angle: %v", v)
				}
				if facts, _ := v["used_facts"].([]any); facts == nil || len(facts) != 0 {
					t.Errorf("used_facts = %v, want []", v["used_facts"])
				}
				switch tt.channel {
				case tailor.Email:
					if body, _ := v["body"].(string); !strings.HasSuffix(body, "Offer valid through Dec 31. Terms apply.") {
						t.Errorf("email body lacks the disclaimer: %q", body)
					}
				case tailor.SMS:
					if text, _ := v["text"].(string); !strings.HasSuffix(text, "Reply STOP to opt out") {
						t.Errorf("sms text lacks the opt-out: %q", text)
					}
				}
			}
		})
	}
}

func TestServerChatIsDeterministic(t *testing.T) {
	t.Parallel()
	s := openaitest.New(t, openaitest.Options{})
	req, _ := chatRequest(t, tailor.Email, 3)
	var contents []string
	for range 2 {
		resp, err := client(s).CreateChatCompletion(context.Background(), req)
		if err != nil {
			t.Fatal(err)
		}
		contents = append(contents, resp.Choices[0].Message.Content)
	}
	if contents[0] != contents[1] {
		t.Errorf("answers differ:\n%s\n%s", contents[0], contents[1])
	}
}

func TestServerChatJSONModeFindsSchemaInMessages(t *testing.T) {
	t.Parallel()
	s := openaitest.New(t, openaitest.Options{})
	req, p := chatRequest(t, tailor.Push, 2)
	req.ResponseFormat = &goopenai.ChatCompletionResponseFormat{Type: goopenai.ChatCompletionResponseFormatTypeJSONObject}
	req.Messages[0].Content += "\n\nSchema:\n" + string(p.Schema)
	resp, err := client(s).CreateChatCompletion(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	validate(t, p.Schema, resp.Choices[0].Message.Content)
}

func TestServerHandleScriptsResponses(t *testing.T) {
	t.Parallel()
	s := openaitest.New(t, openaitest.Options{
		Handle: func(w http.ResponseWriter, r *http.Request, req goopenai.ChatCompletionRequest) bool {
			raw, _ := io.ReadAll(r.Body)
			if !bytes.Contains(raw, []byte(`"strict":true`)) {
				t.Errorf("hook's body lacks the raw request: %s", raw)
			}
			if req.Seed != nil && *req.Seed == 429 {
				w.Header().Set("Retry-After", "3")
				openaitest.WriteError(w, http.StatusTooManyRequests, "slow down")
				return true
			}
			return false
		},
	})
	req, _ := chatRequest(t, tailor.SMS, 1)
	seed := 429
	req.Seed = &seed
	_, err := client(s).CreateChatCompletion(context.Background(), req)
	var apiErr *goopenai.APIError
	if !errors.As(err, &apiErr) || apiErr.HTTPStatusCode != http.StatusTooManyRequests || apiErr.Message != "slow down" {
		t.Fatalf("err = %v, want the scripted 429", err)
	}
	req.Seed = nil
	if _, err := client(s).CreateChatCompletion(context.Background(), req); err != nil {
		t.Fatalf("unscripted request: %v", err)
	}
	if got := s.ChatRequests(); got != 2 {
		t.Errorf("ChatRequests = %d, want 2", got)
	}
}

func TestServerLatencyHonoursCancellation(t *testing.T) {
	t.Parallel()
	s := openaitest.New(t, openaitest.Options{Latency: 5 * time.Second})
	req, _ := chatRequest(t, tailor.SMS, 1)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := client(s).CreateChatCompletion(ctx, req)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want deadline exceeded", err)
	}
	if time.Since(start) > 2*time.Second {
		t.Errorf("took %s", time.Since(start))
	}
}

func TestServerTokensPerSecondSlowsAnswers(t *testing.T) {
	t.Parallel()
	s := openaitest.New(t, openaitest.Options{TokensPerSecond: 1000})
	req, _ := chatRequest(t, tailor.Email, 3)
	start := time.Now()
	resp, err := client(s).CreateChatCompletion(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	want := time.Duration(resp.Usage.CompletionTokens) * time.Millisecond
	if got := time.Since(start); got < want {
		t.Errorf("answered in %s, want at least %s for %d tokens", got, want, resp.Usage.CompletionTokens)
	}
}

func TestServerEmbeddings(t *testing.T) {
	t.Parallel()
	s := openaitest.New(t, openaitest.Options{})
	tests := []struct {
		name   string
		dims   int
		format goopenai.EmbeddingEncodingFormat
		want   int
	}{
		{"default dimensions", 0, "", openaitest.DefaultDimensions},
		{"requested dimensions", 256, "", 256},
		{"base64", 64, goopenai.EmbeddingEncodingFormatBase64, 64},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			texts := []string{"winter trail shoes", "a second text", "winter trail shoes"}
			resp, err := client(s).CreateEmbeddings(context.Background(), goopenai.EmbeddingRequest{
				Input: texts, Model: "text-embedding-3-small", Dimensions: tt.dims, EncodingFormat: tt.format,
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(resp.Data) != len(texts) {
				t.Fatalf("got %d vectors, want %d", len(resp.Data), len(texts))
			}
			for i, e := range resp.Data {
				if e.Index != i || len(e.Embedding) != tt.want {
					t.Fatalf("vector %d: index %d, %d dims; want %d dims", i, e.Index, len(e.Embedding), tt.want)
				}
				var norm float64
				for _, x := range e.Embedding {
					norm += float64(x) * float64(x)
				}
				if math.Abs(norm-1) > 1e-4 {
					t.Errorf("vector %d has squared norm %g, want 1", i, norm)
				}
			}
			if !equal(resp.Data[0].Embedding, resp.Data[2].Embedding) || equal(resp.Data[0].Embedding, resp.Data[1].Embedding) {
				t.Error("vectors are not a function of the text")
			}
			if !equal(resp.Data[1].Embedding, openaitest.Vector(texts[1], tt.want)) {
				t.Error("vector differs from openaitest.Vector")
			}
		})
	}
}

func equal(a, b []float32) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestServerRoutes(t *testing.T) {
	t.Parallel()
	s := openaitest.NewServer(openaitest.Options{Model: "fixed-model"})
	defer s.Close()
	base := strings.TrimSuffix(s.URL, "/v1")
	tests := []struct {
		method, path, body string
		want               int
	}{
		{"POST", "/v1/embeddings", `{"input":"hi","model":"m","dimensions":4}`, http.StatusOK},
		{"POST", "/embeddings", `{"input":["hi"],"model":"m","dimensions":4}`, http.StatusOK},
		{"POST", "/chat/completions", `{"model":"m","messages":[{"role":"user","content":"hi"}]}`, http.StatusOK},
		{"POST", "/v1/chat/completions", `{not json`, http.StatusBadRequest},
		{"POST", "/v1/chat/completions", `{"model":"m","messages":[]}`, http.StatusBadRequest},
		{"POST", "/v1/embeddings", `{"input":[1,2],"model":"m"}`, http.StatusBadRequest},
		{"GET", "/v1/chat/completions", ``, http.StatusNotFound},
		{"POST", "/v1/models", `{}`, http.StatusNotFound},
	}
	for _, tt := range tests {
		req, _ := http.NewRequest(tt.method, base+tt.path, strings.NewReader(tt.body))
		res, err := s.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != tt.want {
			t.Errorf("%s %s %s: status %d, want %d (%s)", tt.method, tt.path, tt.body, res.StatusCode, tt.want, body)
		}
		if res.StatusCode == http.StatusOK && !bytes.Contains(body, []byte(`"model":"fixed-model"`)) {
			t.Errorf("%s %s: model not overridden: %s", tt.method, tt.path, body)
		}
	}
	if got := s.Requests(); got != int64(len(tests)) {
		t.Errorf("Requests = %d, want %d", got, len(tests))
	}
}

func TestServerConcurrentCounters(t *testing.T) {
	t.Parallel()
	s := openaitest.New(t, openaitest.Options{})
	req, _ := chatRequest(t, tailor.Push, 2)
	const n = 20
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			if _, err := client(s).CreateChatCompletion(context.Background(), req); err != nil {
				t.Error(err)
			}
			if _, err := client(s).CreateEmbeddings(context.Background(), goopenai.EmbeddingRequest{Input: []string{"a", "b"}, Model: "m", Dimensions: 8}); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if s.ChatRequests() != n || s.EmbeddingRequests() != n || s.EmbeddingInputs() != 2*n || s.Requests() != 2*n {
		t.Errorf("counters: chat %d, embeddings %d, inputs %d, all %d", s.ChatRequests(), s.EmbeddingRequests(), s.EmbeddingInputs(), s.Requests())
	}
}
