package embeddings_test

import (
	"context"
	"math"
	"testing"

	"github.com/tailorhq/tailor/embeddings"
)

func cosine(a, b []float32) float64 {
	var dot float64
	for i := range a {
		dot += float64(a[i]) * float64(b[i])
	}
	return dot
}

func TestHashingIsDeterministicUnitAndSimilarityAware(t *testing.T) {
	t.Parallel()
	h := embeddings.Hashing{}
	vecs, err := h.Embed(context.Background(), []string{
		"winter trail running shoes",
		"winter trail running shoes",
		"trail running shoes for winter",
		"camping sleeping bag",
		"",
	})
	if err != nil {
		t.Fatal(err)
	}
	for i, v := range vecs {
		if len(v) != embeddings.DefaultDimensions {
			t.Fatalf("vector %d has %d dimensions", i, len(v))
		}
		if n := math.Sqrt(cosine(v, v)); math.Abs(n-1) > 1e-5 {
			t.Errorf("vector %d has norm %f", i, n)
		}
	}
	if cosine(vecs[0], vecs[1]) < 0.9999 {
		t.Error("same text, different vectors")
	}
	near, far := cosine(vecs[0], vecs[2]), cosine(vecs[0], vecs[3])
	if near <= far || near < 0.5 {
		t.Errorf("similarity near %.2f, far %.2f", near, far)
	}
	if d := (embeddings.Hashing{Dims: 64}).Dimensions(); d != 64 {
		t.Errorf("custom dims %d", d)
	}
}
