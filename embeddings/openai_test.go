package embeddings_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	goopenai "github.com/sashabaranov/go-openai"

	tailor "github.com/tailorhq/tailor"
	"github.com/tailorhq/tailor/embeddings"
	"github.com/tailorhq/tailor/generator"
	"github.com/tailorhq/tailor/internal/openaitest"
)

var _ generator.Embedder = (*embeddings.OpenAI)(nil)

func openAITexts(n int) []string {
	texts := make([]string, n)
	for i := range texts {
		texts[i] = fmt.Sprintf("creative %d: winter trail shoes", i)
	}
	return texts
}

func openAIEmbedder(t *testing.T, srv *openaitest.Server, cfg embeddings.OpenAIConfig) *embeddings.OpenAI {
	t.Helper()
	cfg.BaseURL, cfg.APIKey = srv.URL, "test-key"
	cfg.Dimensions = max(cfg.Dimensions, 16)
	e, err := cfg.New()
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func TestOpenAIEmbedBatches(t *testing.T) {
	t.Parallel()
	tests := []struct {
		texts, calls int
		sizes        []int
	}{
		{0, 0, nil},
		{1, 1, []int{1}},
		{256, 1, []int{256}},
		{257, 2, []int{256, 1}},
		{600, 3, []int{256, 256, 88}},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.texts), func(t *testing.T) {
			t.Parallel()
			var (
				mu    sync.Mutex
				sizes []int
				dims  []int
				model []string
			)
			srv := openaitest.New(t, openaitest.Options{HandleEmbeddings: func(_ http.ResponseWriter, _ *http.Request, req goopenai.EmbeddingRequest) bool {
				mu.Lock()
				defer mu.Unlock()
				in, _ := req.Input.([]any)
				sizes = append(sizes, len(in))
				dims = append(dims, req.Dimensions)
				model = append(model, string(req.Model))
				return false
			}})
			e := openAIEmbedder(t, srv, embeddings.OpenAIConfig{Dimensions: 32})
			texts := openAITexts(tt.texts)
			vecs, err := e.Embed(context.Background(), texts)
			if err != nil {
				t.Fatal(err)
			}
			if got := srv.EmbeddingRequests(); got != int64(tt.calls) {
				t.Errorf("%d calls, want %d", got, tt.calls)
			}
			mu.Lock()
			defer mu.Unlock()
			if !slices.Equal(sizes, tt.sizes) {
				t.Errorf("batch sizes %v, want %v", sizes, tt.sizes)
			}
			for i := range dims {
				if dims[i] != 32 || model[i] != embeddings.OpenAIDefaultModel {
					t.Errorf("call %d sent dimensions %d, model %q", i, dims[i], model[i])
				}
			}
			if len(vecs) != len(texts) {
				t.Fatalf("%d vectors for %d texts", len(vecs), len(texts))
			}
			for i, v := range vecs {
				if !slices.Equal(v, openaitest.Vector(texts[i], 32)) {
					t.Fatalf("vector %d is not the one of its text", i)
				}
			}
			if e.Dimensions() != 32 {
				t.Errorf("Dimensions = %d", e.Dimensions())
			}
		})
	}
}

func TestOpenAIEmbedReordersByIndex(t *testing.T) {
	t.Parallel()
	srv := openaitest.New(t, openaitest.Options{HandleEmbeddings: func(w http.ResponseWriter, _ *http.Request, req goopenai.EmbeddingRequest) bool {
		resp, err := openaitest.Embeddings(req)
		if err != nil {
			t.Error(err)
			return false
		}
		slices.Reverse(resp.Data)
		openaitest.WriteJSON(w, http.StatusOK, resp)
		return true
	}})
	e := openAIEmbedder(t, srv, embeddings.OpenAIConfig{})
	texts := openAITexts(5)
	vecs, err := e.Embed(context.Background(), texts)
	if err != nil {
		t.Fatal(err)
	}
	for i, v := range vecs {
		if !slices.Equal(v, openaitest.Vector(texts[i], 16)) {
			t.Errorf("vector %d out of order", i)
		}
	}
}

type openAIRetryAfter interface{ RetryAfter() time.Duration }

func TestOpenAIEmbedErrors(t *testing.T) {
	t.Parallel()
	edit := func(f func(*goopenai.EmbeddingResponse)) func(http.ResponseWriter, *http.Request, goopenai.EmbeddingRequest) bool {
		return func(w http.ResponseWriter, _ *http.Request, req goopenai.EmbeddingRequest) bool {
			resp, _ := openaitest.Embeddings(req)
			f(&resp)
			openaitest.WriteJSON(w, http.StatusOK, resp)
			return true
		}
	}
	status := func(code int, retryAfter string) func(http.ResponseWriter, *http.Request, goopenai.EmbeddingRequest) bool {
		return func(w http.ResponseWriter, _ *http.Request, _ goopenai.EmbeddingRequest) bool {
			if retryAfter != "" {
				w.Header().Set("Retry-After", retryAfter)
			}
			openaitest.WriteError(w, code, fmt.Sprintf("scripted %d", code))
			return true
		}
	}
	tests := []struct {
		name      string
		opts      openaitest.Options
		cfg       embeddings.OpenAIConfig
		transient bool
		after     time.Duration
		invalid   bool
		errHas    string
	}{
		{name: "dimension mismatch", opts: openaitest.Options{HandleEmbeddings: func(w http.ResponseWriter, _ *http.Request, req goopenai.EmbeddingRequest) bool {
			req.Dimensions = 8 // a model that ignores the parameter
			resp, _ := openaitest.Embeddings(req)
			openaitest.WriteJSON(w, http.StatusOK, resp)
			return true
		}}, errHas: "returned 8-dimensional vectors, configured for 16"},
		{name: "rate limited", opts: openaitest.Options{HandleEmbeddings: status(429, "2")}, transient: true, after: 2 * time.Second, errHas: "scripted 429"},
		{name: "server error", opts: openaitest.Options{HandleEmbeddings: status(500, "")}, transient: true},
		{name: "bad request", opts: openaitest.Options{HandleEmbeddings: status(400, "")}, invalid: true, errHas: "scripted 400"},
		{name: "malformed body", opts: openaitest.Options{HandleEmbeddings: func(w http.ResponseWriter, _ *http.Request, _ goopenai.EmbeddingRequest) bool {
			io.WriteString(w, `{"data":[{"embedding":[0.1,`)
			return true
		}}, transient: true},
		{name: "too few vectors", opts: openaitest.Options{HandleEmbeddings: edit(func(r *goopenai.EmbeddingResponse) { r.Data = r.Data[1:] })}, transient: true, errHas: "2 vectors for 3 texts"},
		{name: "repeated index", opts: openaitest.Options{HandleEmbeddings: edit(func(r *goopenai.EmbeddingResponse) { r.Data[1].Index = 0 })}, transient: true, errHas: "index 0"},
		{name: "timeout", opts: openaitest.Options{Latency: 2 * time.Second}, cfg: embeddings.OpenAIConfig{Timeout: 50 * time.Millisecond}, transient: true, errHas: "timed out"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := openaitest.New(t, tt.opts)
			e := openAIEmbedder(t, srv, tt.cfg)
			_, err := e.Embed(context.Background(), openAITexts(3))
			if err == nil {
				t.Fatal("Embed succeeded")
			}
			var ra openAIRetryAfter
			if got := errors.As(err, &ra); got != tt.transient {
				t.Errorf("transient = %v, want %v (%v)", got, tt.transient, err)
			} else if got && ra.RetryAfter() != tt.after {
				t.Errorf("RetryAfter = %s, want %s", ra.RetryAfter(), tt.after)
			}
			if got := errors.Is(err, tailor.ErrInvalid); got != tt.invalid {
				t.Errorf("invalid = %v, want %v (%v)", got, tt.invalid, err)
			}
			if tt.errHas != "" && !strings.Contains(err.Error(), tt.errHas) {
				t.Errorf("err %q does not contain %q", err, tt.errHas)
			}
		})
	}
}

func TestOpenAIEmbedCancel(t *testing.T) {
	t.Parallel()
	srv := openaitest.New(t, openaitest.Options{Latency: 2 * time.Second})
	e := openAIEmbedder(t, srv, embeddings.OpenAIConfig{})
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, err := e.Embed(ctx, openAITexts(2))
	var ra openAIRetryAfter
	if !errors.Is(err, context.DeadlineExceeded) || errors.As(err, &ra) {
		t.Errorf("err = %v, want the caller's deadline, not a transient error", err)
	}
}

func TestOpenAIEmbedConcurrent(t *testing.T) {
	t.Parallel()
	srv := openaitest.New(t, openaitest.Options{})
	e := openAIEmbedder(t, srv, embeddings.OpenAIConfig{Dimensions: 24})
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Go(func() {
			texts := openAITexts(i + 1)
			vecs, err := e.Embed(context.Background(), texts)
			if err != nil || len(vecs) != len(texts) || len(vecs[i]) != 24 {
				t.Errorf("Embed(%d texts) = %d vectors, %v", len(texts), len(vecs), err)
			}
		})
	}
	wg.Wait()
}

func TestOpenAIConfigNew(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		cfg  embeddings.OpenAIConfig
		ok   bool
	}{
		{"dimensions set", embeddings.OpenAIConfig{Dimensions: 384}, true},
		{"local server", embeddings.OpenAIConfig{BaseURL: "http://127.0.0.1:8000/v1", Model: "bge-small", Dimensions: 384}, true},
		{"dimensions missing", embeddings.OpenAIConfig{}, false},
		{"negative timeout", embeddings.OpenAIConfig{Dimensions: 384, Timeout: -time.Second}, false},
		{"bad URL", embeddings.OpenAIConfig{Dimensions: 384, BaseURL: "::"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if _, err := tt.cfg.New(); (err == nil) != tt.ok {
				t.Errorf("New() err = %v, want ok %v", err, tt.ok)
			}
		})
	}
}
