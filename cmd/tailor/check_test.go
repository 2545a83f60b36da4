package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tailor "github.com/tailorhq/tailor"
)

const (
	testBrief   = "../../guardrails/testdata/eval/briefs/acme.json"
	testProfile = "../../guardrails/testdata/eval/profiles/dana.json"
	okCopy      = `{"title": "Winter trail shoes are in", "body": "Members get 15% off the Pegasus Trail 5 GTX through Dec 31."}`
	badCopy     = `{"title": "Cheap winter shoes", "body": "Members get 15% off through Dec 31."}`
	flagCopy    = `{"title": "Winter trail shoes are in", "body": "Our customers get 15% off through Dec 31."}`
)

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func runCheckT(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := runCheck(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestCheckOneCopy(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name   string
		copy   string
		code   int
		status tailor.Status
	}{
		{"approved", okCopy, 0, tailor.Approved},
		{"rejected", badCopy, 1, tailor.Rejected},
		{"flagged", flagCopy, 1, tailor.Flagged},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			copyPath := writeFile(t, "copy.json", tc.copy)
			code, out, errs := runCheckT(t, "", "--brief", testBrief, "--profile", testProfile, "--channel", "push", "--copy", copyPath)
			if code != tc.code {
				t.Fatalf("exit %d, want %d; stderr %q", code, tc.code, errs)
			}
			var rep tailor.Report
			if err := json.Unmarshal([]byte(out), &rep); err != nil {
				t.Fatalf("output is not a report: %v\n%s", err, out)
			}
			if rep.Status != tc.status || rep.Findings == nil {
				t.Errorf("report %+v", rep)
			}
		})
	}
}

func TestCheckStdinAndApprovedJSON(t *testing.T) {
	t.Parallel()
	code, out, errs := runCheckT(t, okCopy, "--brief", testBrief, "--profile", testProfile, "--channel", "push", "--copy", "-")
	if code != 0 {
		t.Fatalf("exit %d; stderr %q", code, errs)
	}
	if !strings.Contains(out, `"findings": []`) {
		t.Errorf("an approved report shows no empty findings list:\n%s", out)
	}
}

func TestCheckCopies(t *testing.T) {
	t.Parallel()
	copies := writeFile(t, "copies.jsonl", okCopy+"\n\n"+badCopy+"\n"+flagCopy+"\n")
	code, out, errs := runCheckT(t, "", "--brief", testBrief, "--profile", testProfile, "--channel", "push", "--copies", copies)
	if code != 1 {
		t.Fatalf("exit %d, want 1; stderr %q", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	want := []tailor.Status{tailor.Approved, tailor.Rejected, tailor.Flagged}
	if len(lines) != len(want) {
		t.Fatalf("%d reports, want %d:\n%s", len(lines), len(want), out)
	}
	for i, l := range lines {
		var rep tailor.Report
		if err := json.Unmarshal([]byte(l), &rep); err != nil || rep.Status != want[i] {
			t.Errorf("line %d: %q (%v), want %s", i+1, l, err, want[i])
		}
	}
	allOK := writeFile(t, "ok.jsonl", okCopy+"\n"+okCopy+"\n")
	if code, _, errs := runCheckT(t, "", "--brief", testBrief, "--channel", "push", "--copies", allOK); code != 0 {
		t.Errorf("all approved: exit %d; stderr %q", code, errs)
	}
}

func TestCheckBadInput(t *testing.T) {
	t.Parallel()
	brief, _ := os.ReadFile(testBrief)
	badBrief := writeFile(t, "brief.json", strings.Replace(string(brief), `"version": 1`, `"version": 0`, 1))
	badProfile := writeFile(t, "profile.json", `{"customer_id": "c-1", "consent": {"personalization": true, "channels": []}, "facts": [{"key": "x", "value": "y", "source": "guessed"}]}`)
	okPath := writeFile(t, "ok.json", okCopy)
	unknownField := writeFile(t, "unknown.json", `{"title": "Hi", "body": "Hello", "subject": "x"}`)
	badLines := writeFile(t, "bad.jsonl", okCopy+"\n{\"title\": 3}\n")
	cases := []struct {
		name, stdin string
		args        []string
		reason      string
	}{
		{"no brief", "", []string{"--channel", "push", "--copy", okPath}, "--brief"},
		{"no channel", "", []string{"--brief", testBrief, "--copy", okPath}, "--channel"},
		{"unknown channel", "", []string{"--brief", testBrief, "--channel", "fax", "--copy", okPath}, "fax"},
		{"no copy", "", []string{"--brief", testBrief, "--channel", "push"}, "--copy"},
		{"both copy and copies", "", []string{"--brief", testBrief, "--channel", "push", "--copy", okPath, "--copies", okPath}, "exactly one"},
		{"missing file", "", []string{"--brief", "nope.json", "--channel", "push", "--copy", okPath}, "nope.json"},
		{"invalid brief", "", []string{"--brief", badBrief, "--channel", "push", "--copy", okPath}, "campaign.version"},
		{"invalid profile", "", []string{"--brief", testBrief, "--profile", badProfile, "--channel", "push", "--copy", okPath}, "facts[0].source"},
		{"unknown copy field", "", []string{"--brief", testBrief, "--channel", "push", "--copy", unknownField}, "subject"},
		{"not JSON on stdin", "{", []string{"--brief", testBrief, "--channel", "push", "--copy", "-"}, "not valid JSON"},
		{"bad JSONL line", "", []string{"--brief", testBrief, "--channel", "push", "--copies", badLines}, "line 2"},
		{"unknown flag", "", []string{"--nope"}, "nope"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			code, out, errs := runCheckT(t, tc.stdin, tc.args...)
			if code != 2 {
				t.Fatalf("exit %d, want 2; stdout %q stderr %q", code, out, errs)
			}
			if !strings.Contains(errs, tc.reason) {
				t.Errorf("stderr %q does not name %q", errs, tc.reason)
			}
			if out != "" {
				t.Errorf("bad input printed a report: %q", out)
			}
		})
	}
}
