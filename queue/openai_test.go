package queue_test

import (
	"context"
	"net/http"
	"sync/atomic"
	"testing"

	goopenai "github.com/sashabaranov/go-openai"
	tailor "github.com/tailorhq/tailor"
	"github.com/tailorhq/tailor/embeddings"
	"github.com/tailorhq/tailor/generator"
	"github.com/tailorhq/tailor/generator/openai"
	"github.com/tailorhq/tailor/internal/openaitest"
	"github.com/tailorhq/tailor/internal/testenv"
	"github.com/tailorhq/tailor/store"
)

// The worker runs jobs through the OpenAI-compatible provider and embedder:
// the server's first answers are a 429 and a malformed body, both retried,
// and each job still stores exactly one set of variants.
func TestEndToEndThroughOpenAIProvider(t *testing.T) {
	t.Parallel()
	b := setup(t)
	var chats atomic.Int32
	srv := openaitest.New(t, openaitest.Options{
		Handle: func(w http.ResponseWriter, r *http.Request, req goopenai.ChatCompletionRequest) bool {
			switch chats.Add(1) {
			case 1:
				w.Header().Set("Retry-After", "0")
				openaitest.WriteError(w, http.StatusTooManyRequests, "slow down")
				return true
			case 2:
				w.Header().Set("Content-Type", "application/json")
				w.Write([]byte(`{"id": "x", "choices": [{"message": {"role": "assistant", "content": "{\"variants\": [{\"angle\""}, "finish_reason": "stop"}]}`))
				return true
			}
			return false
		},
	})
	model, err := openai.New(openai.Config{BaseURL: srv.URL, Model: "test-model"})
	if err != nil {
		t.Fatal(err)
	}
	emb, err := embeddings.OpenAIConfig{BaseURL: srv.URL, Dimensions: store.Dimensions}.New()
	if err != nil {
		t.Fatal(err)
	}
	p := &generator.Pipeline{Model: model, Embedder: emb, Retriever: b.st, Logger: testenv.Logger()}
	runner := &generator.Runner{Pipeline: p, Store: b.st, Logger: testenv.Logger()}
	for _, c := range []string{"o-1", "o-2", "o-3"} {
		if _, err := b.client.Enqueue(context.Background(), b.job(c, tailor.Email, tailor.Push)); err != nil {
			t.Fatal(err)
		}
	}
	b.serve(t, runner)
	waitFor(t, "three jobs stored", func() bool {
		n, _, _ := b.st.JobCounts(context.Background(), b.brief.Brand.ID)
		return n == 3
	})
	for _, c := range []string{"o-1", "o-2", "o-3"} {
		vs := b.variants(t, c)
		if len(vs) != 4 {
			t.Fatalf("%s: %d variants, want 4", c, len(vs))
		}
		for _, v := range vs {
			if v.Model != "test-model" || v.Usage.CompletionTokens == 0 {
				t.Errorf("%s: model %q usage %+v", c, v.Model, v.Usage)
			}
		}
	}
	info, err := b.inspector.GetQueueInfo(b.queue)
	if err != nil || info.Archived != 0 {
		t.Fatalf("archived %d tasks (%v); transient errors must be retried", info.Archived, err)
	}
}
