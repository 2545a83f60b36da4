package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// A number read from the environment that is not a number is refused with
// the variable named, not replaced by the default.
func TestBadNumberInTheEnvironmentIsRefused(t *testing.T) {
	t.Setenv("TAILOR_HNSW_EF_SEARCH", "lots")
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"migrate"}, strings.NewReader(""), &stdout, &stderr)
	if code != 2 || !strings.Contains(stderr.String(), `TAILOR_HNSW_EF_SEARCH="lots"`) {
		t.Fatalf("exit %d, stderr %q; want 2 and the variable named", code, stderr.String())
	}
}

// An ef_search pgvector would refuse fails before anything starts.
func TestEfSearchOutOfRange(t *testing.T) {
	t.Parallel()
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"worker", "-ef-search", "5000"}, strings.NewReader(""), &stdout, &stderr)
	if code != 1 || !strings.Contains(stderr.String(), "ef_search 5000") {
		t.Fatalf("exit %d, stderr %q; want 1 and ef_search named", code, stderr.String())
	}
}
