package embeddings

import (
	"cmp"
	"context"
	"fmt"
	"net/http"
	"time"

	goopenai "github.com/sashabaranov/go-openai"

	"github.com/tailorhq/tailor/internal/openaierr"
)

// Defaults for the zero values of OpenAIConfig.
const (
	OpenAIDefaultModel   = "text-embedding-3-small"
	OpenAIDefaultTimeout = 30 * time.Second
	// OpenAIMaxBatch is the most texts sent in one request.
	OpenAIMaxBatch = 256
)

// OpenAIConfig configures an OpenAI embedder. Zero values mean the defaults,
// except Dimensions, which is required: it must match the vector column.
type OpenAIConfig struct {
	// BaseURL is the API's base URL, up to and including /v1; empty means
	// OpenAI's.
	BaseURL string
	// APIKey is sent as a bearer token; local servers may not need one.
	APIKey string
	// Model is the embedding model; default OpenAIDefaultModel.
	Model string
	// Dimensions is the vector size, sent as the dimensions parameter and
	// checked on every vector returned.
	Dimensions int
	// Timeout bounds one request (one batch); default OpenAIDefaultTimeout.
	Timeout time.Duration
	// HTTPClient sends the requests; nil means a new http.Client. It is
	// copied, not modified.
	HTTPClient *http.Client
}

// New returns an embedder for c, or an error naming a bad setting.
func (c OpenAIConfig) New() (*OpenAI, error) {
	c.Model = cmp.Or(c.Model, OpenAIDefaultModel)
	c.Timeout = cmp.Or(c.Timeout, OpenAIDefaultTimeout)
	switch {
	case c.Dimensions <= 0:
		return nil, fmt.Errorf("openai embedder: dimensions must be set (the vector column's size), got %d", c.Dimensions)
	case c.Timeout < 0:
		return nil, fmt.Errorf("openai embedder: timeout must not be negative, got %s", c.Timeout)
	}
	client, err := openaierr.NewClient(c.APIKey, c.BaseURL, c.HTTPClient)
	if err != nil {
		return nil, fmt.Errorf("openai embedder: %w", err)
	}
	return &OpenAI{client: client, cfg: c}, nil
}

// OpenAI embeds texts with an OpenAI-compatible embeddings endpoint. It is
// safe for concurrent use. Errors are transient (with RetryAfter) for rate
// limits, server errors and timeouts, and wrap tailor.ErrInvalid when the
// server rejects the input.
type OpenAI struct {
	client *goopenai.Client
	cfg    OpenAIConfig
}

// Dimensions returns the size of the vectors Embed returns.
func (o *OpenAI) Dimensions() int { return o.cfg.Dimensions }

// Embed returns one vector per text, in order, sending at most
// OpenAIMaxBatch texts per request.
func (o *OpenAI) Embed(ctx context.Context, texts []string) ([][]float32, error) {
	out := make([][]float32, 0, len(texts))
	for start := 0; start < len(texts); start += OpenAIMaxBatch {
		batch := texts[start:min(start+OpenAIMaxBatch, len(texts))]
		vecs, err := o.embedBatch(ctx, batch)
		if err != nil {
			return nil, fmt.Errorf("embedding texts %d-%d of %d with %s: %w", start, start+len(batch)-1, len(texts), o.cfg.Model, err)
		}
		out = append(out, vecs...)
	}
	return out, nil
}

func (o *OpenAI) embedBatch(ctx context.Context, batch []string) ([][]float32, error) {
	callCtx, cancel := context.WithTimeout(ctx, o.cfg.Timeout)
	defer cancel()
	callCtx, capture := openaierr.WithCapture(callCtx)
	resp, err := o.client.CreateEmbeddings(callCtx, goopenai.EmbeddingRequest{
		Input:      batch,
		Model:      goopenai.EmbeddingModel(o.cfg.Model),
		Dimensions: o.cfg.Dimensions,
	})
	if err != nil {
		return nil, fmt.Errorf("calling embeddings: %w", openaierr.Map(ctx, err, capture))
	}
	if len(resp.Data) != len(batch) {
		return nil, openaierr.Transientf("server returned %d vectors for %d texts", len(resp.Data), len(batch))
	}
	// The API numbers vectors by input; do not trust their order.
	vecs := make([][]float32, len(batch))
	for _, e := range resp.Data {
		if e.Index < 0 || e.Index >= len(batch) || vecs[e.Index] != nil {
			return nil, openaierr.Transientf("server returned a vector with bad or repeated index %d", e.Index)
		}
		if len(e.Embedding) != o.cfg.Dimensions {
			// A configuration mismatch (model or server ignoring the
			// dimensions parameter): retrying will not help, but it is not
			// the input's fault either.
			return nil, fmt.Errorf("model %s returned %d-dimensional vectors, configured for %d: check the model supports the dimensions parameter", cmp.Or(string(resp.Model), o.cfg.Model), len(e.Embedding), o.cfg.Dimensions)
		}
		vecs[e.Index] = e.Embedding
	}
	return vecs, nil
}
