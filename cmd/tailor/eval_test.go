package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

func TestEval(t *testing.T) {
	t.Parallel()
	var out, errb bytes.Buffer
	code := runEval(context.Background(), []string{"--set", "../../guardrails/testdata/eval"}, &out, &errb)
	if code != 0 {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, out.String(), errb.String())
	}
	for _, want := range []string{"split dev:", "split test:", "unsafe copy stopped:", "safe copy flagged:", "privacy.sensitive_attribute"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}

func TestEvalBadInput(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{
		{"--set", t.TempDir()},
		{"--set", "../../guardrails/testdata/eval", "--split", "nope"},
		{"--set", "../../guardrails/testdata/eval", "extra"},
		{"--bogus"},
	} {
		var out, errb bytes.Buffer
		if code := runEval(context.Background(), args, &out, &errb); code != 2 {
			t.Errorf("%q: exit %d, want 2 (stderr %q)", args, code, errb.String())
		}
		if errb.Len() == 0 {
			t.Errorf("%q: no reason on stderr", args)
		}
	}
}
