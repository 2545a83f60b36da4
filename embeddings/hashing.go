// Package embeddings turns text into vectors: Hashing, offline and
// deterministic (the default, so tests and the demo are reproducible), and
// OpenAI, for any OpenAI-compatible embeddings endpoint.
package embeddings

import (
	"context"
	"hash/fnv"
	"math"
	"strings"
	"unicode"
)

// Hashing embeds text by feature hashing of its words and word pairs into a
// fixed number of dimensions, then normalising to unit length. Texts that
// share words land near each other under cosine similarity. It needs no
// model and no network; it knows nothing of synonyms.
type Hashing struct {
	// Dims is the vector dimension (default 384).
	Dims int
}

// DefaultDimensions is the dimension of the default schema's vector column.
const DefaultDimensions = 384

// Dimensions returns the vector dimension.
func (h Hashing) Dimensions() int {
	if h.Dims > 0 {
		return h.Dims
	}
	return DefaultDimensions
}

// Embed returns one unit vector per text. It never fails.
func (h Hashing) Embed(_ context.Context, texts []string) ([][]float32, error) {
	out := make([][]float32, len(texts))
	for i, t := range texts {
		out[i] = h.embed(t)
	}
	return out, nil
}

func (h Hashing) embed(text string) []float32 {
	dims := h.Dimensions()
	vec := make([]float32, dims)
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	add := func(feature string, weight float32) {
		f := fnv.New64a()
		f.Write([]byte(feature))
		sum := f.Sum64()
		// One bit of the hash picks the sign, so collisions cancel out on average.
		sign := float32(1)
		if sum>>63 == 1 {
			sign = -1
		}
		vec[sum%uint64(dims)] += sign * weight
	}
	for i, w := range words {
		add(w, 1)
		if i > 0 {
			add(words[i-1]+" "+w, 0.5)
		}
	}
	var norm float64
	for _, v := range vec {
		norm += float64(v) * float64(v)
	}
	if norm == 0 {
		// An empty text still gets a valid vector for cosine distance.
		vec[0] = 1
		return vec
	}
	scale := float32(1 / math.Sqrt(norm))
	for i := range vec {
		vec[i] *= scale
	}
	return vec
}
