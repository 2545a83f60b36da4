package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/tailorhq/tailor/internal/testenv"
	"github.com/tailorhq/tailor/store"
)

// The demo, as make demo runs it, on a schema and queue of the test's own.
func TestDemo(t *testing.T) {
	t.Parallel()
	schema, q := testenv.Name("t_"), testenv.Queue(t)
	t.Cleanup(func() { store.DropSchema(context.Background(), testenv.DatabaseURL(), schema) })
	redis := testenv.Redis()
	var out, errs bytes.Buffer
	code := run(context.Background(), []string{"demo", "-data", "../../examples/acme",
		"-database-url", testenv.DatabaseURL(), "-schema", schema, "-queue", q,
		"-redis-addr", redis.Addr, "-redis-db", strconv.Itoa(redis.DB)}, nil, &out, &errs)
	if code != 0 {
		t.Fatalf("demo exited %d\nstdout:\n%s\nstderr:\n%s", code, out.String(), errs.String())
	}
	text := out.String()
	if !regexp.MustCompile(`Summary: 200 jobs stored, \d+ variants`).MatchString(text) {
		t.Errorf("no summary of 200 stored jobs:\n%s", text)
	}
	for _, want := range []string{"201/201 jobs finished", "brief_ref: brief acme-outdoor/winter-trail-2026 v2 is not registered", "approved", "used facts:"} {
		if !strings.Contains(text, want) {
			t.Errorf("demo output lacks %q", want)
		}
	}
}

// tailor enqueue queues valid lines, reports invalid ones by file and line
// with the field, counts duplicates, and exits non-zero when any was invalid.
func TestEnqueueCommand(t *testing.T) {
	t.Parallel()
	q := testenv.Queue(t)
	job, err := os.ReadFile("../../examples/acme/job.json")
	if err != nil {
		t.Fatal(err)
	}
	oneLine := strings.Join(strings.Fields(string(job)), " ")
	bad := strings.Replace(oneLine, `"variants": 3`, `"variants": 0`, 1)
	path := filepath.Join(t.TempDir(), "jobs.jsonl")
	os.WriteFile(path, []byte(oneLine+"\n"+oneLine+"\n\n"+bad+"\n"), 0o644)
	redis := testenv.Redis()
	var out, errs bytes.Buffer
	code := run(context.Background(), []string{"enqueue", "-queue", q, "-redis-addr", redis.Addr, "-redis-db", strconv.Itoa(redis.DB), path}, nil, &out, &errs)
	if code != 1 {
		t.Errorf("exit %d, want 1 for an invalid line", code)
	}
	if !strings.Contains(out.String(), "1 queued, 1 duplicates, 1 invalid") {
		t.Errorf("stdout %q", out.String())
	}
	if !strings.Contains(errs.String(), "jobs.jsonl:4: variants:") {
		t.Errorf("stderr %q does not name the line and field", errs.String())
	}
}
