package openaitest

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"math"
	"math/rand/v2"

	goopenai "github.com/sashabaranov/go-openai"
)

// DefaultDimensions is the vector size when a request does not ask for one
// (text-embedding-3-small's).
const DefaultDimensions = 1536

// Embeddings is the server's default answer to an embedding request: one
// Vector per input, of the requested dimensions.
func Embeddings(req goopenai.EmbeddingRequest) (goopenai.EmbeddingResponse, error) {
	texts, err := inputs(req.Input)
	if err != nil {
		return goopenai.EmbeddingResponse{}, err
	}
	dims := req.Dimensions
	if dims == 0 {
		dims = DefaultDimensions
	}
	if dims < 0 {
		return goopenai.EmbeddingResponse{}, fmt.Errorf("dimensions: must be positive, got %d", dims)
	}
	resp := goopenai.EmbeddingResponse{Object: "list", Model: req.Model, Data: make([]goopenai.Embedding, len(texts))}
	for i, t := range texts {
		resp.Data[i] = goopenai.Embedding{Object: "embedding", Index: i, Embedding: Vector(t, dims)}
		resp.Usage.PromptTokens += tokens(t)
	}
	resp.Usage.TotalTokens = resp.Usage.PromptTokens
	return resp, nil
}

func inputs(in any) ([]string, error) {
	switch v := in.(type) {
	case string:
		return []string{v}, nil
	case []any:
		if len(v) == 0 {
			return nil, fmt.Errorf("input: must not be empty")
		}
		out := make([]string, len(v))
		for i, s := range v {
			str, ok := s.(string)
			if !ok {
				return nil, fmt.Errorf("input[%d]: want a string, got %T", i, s)
			}
			out[i] = str
		}
		return out, nil
	}
	return nil, fmt.Errorf("input: want a string or an array of strings, got %T", in)
}

// Vector is the deterministic unit vector of a text: normally distributed
// components seeded by the text's SHA-256, normalised to length 1.
func Vector(text string, dims int) []float32 {
	sum := sha256.Sum256([]byte(text))
	rng := rand.New(rand.NewPCG(binary.LittleEndian.Uint64(sum[:8]), binary.LittleEndian.Uint64(sum[8:16])))
	v := make([]float32, dims)
	var norm float64
	for i := range v {
		x := rng.NormFloat64()
		v[i] = float32(x)
		norm += x * x
	}
	norm = math.Sqrt(norm)
	for i := range v {
		v[i] = float32(float64(v[i]) / norm)
	}
	return v
}

type base64Embedding struct {
	Object    string `json:"object"`
	Embedding string `json:"embedding"`
	Index     int    `json:"index"`
}

// base64Response encodes vectors as OpenAI does for encoding_format
// "base64": little-endian float32s.
func base64Response(resp goopenai.EmbeddingResponse) any {
	data := make([]base64Embedding, len(resp.Data))
	for i, e := range resp.Data {
		buf := make([]byte, 4*len(e.Embedding))
		for j, f := range e.Embedding {
			binary.LittleEndian.PutUint32(buf[4*j:], math.Float32bits(f))
		}
		data[i] = base64Embedding{Object: e.Object, Embedding: base64.StdEncoding.EncodeToString(buf), Index: e.Index}
	}
	return map[string]any{"object": resp.Object, "data": data, "model": resp.Model, "usage": resp.Usage}
}
