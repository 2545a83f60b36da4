package tailor_test

import (
	"errors"
	"os"
	"strings"
	"testing"

	tailor "github.com/tailorhq/tailor"
)

func sampleJob(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("examples/acme/job.json")
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestDecodeJobSample(t *testing.T) {
	t.Parallel()
	job, err := tailor.DecodeJob([]byte(sampleJob(t)))
	if err != nil {
		t.Fatalf("sample job: %v", err)
	}
	if job.Ref().BrandID != "acme-outdoor" || job.Variants != 3 || len(job.Profile.Facts) == 0 {
		t.Fatalf("decoded job lost data: %+v", job)
	}
}

// Each bad input must fail with an error that names the field.
func TestDecodeJobErrorsNameTheField(t *testing.T) {
	t.Parallel()
	base := `{"brief_ref": {"brand_id": "acme", "campaign_id": "c1", "version": 1},
	  "profile": {"customer_id": "c-1", "facts": [FACTS], "consent": {"personalization": true, "channels": ["email"]}},
	  "channels": CHANNELS, "variants": VARIANTS, "idempotency_key": "k1" EXTRA}`
	fact := `{"key": "first_name", "value": "Dana", "source": "declared"}`
	build := func(facts, channels, variants, extra string) string {
		r := strings.NewReplacer("FACTS", facts, "CHANNELS", channels, "VARIANTS", variants, "EXTRA", extra)
		return r.Replace(base)
	}
	tests := []struct {
		name, input, want string
	}{
		{"bad source", build(fact+`, {"key": "x", "value": "y", "source": "guessed"}`, `["email"]`, "3", ""),
			"profile.facts[1].source: must be one of declared, observed, inferred"},
		{"unknown field", build(fact, `["email"]`, "3", `, "priority": 1`), "priority: unknown field"},
		{"wrong type", build(fact, `["email"]`, `"three"`, ""), "variants: must be integer, not string"},
		{"too many variants", build(fact, `["email"]`, "11", ""), "variants:"},
		{"unknown channel", build(fact, `["fax"]`, "3", ""), "channels[0]: must be one of email, sms, push, web"},
		{"missing key", strings.Replace(build(fact, `["email"]`, "3", ""), `, "idempotency_key": "k1"`, "", 1), "idempotency_key: required"},
		{"over-long value", build(`{"key": "bio", "value": "`+strings.Repeat("a", 501)+`", "source": "declared"}`, `["email"]`, "3", ""),
			"profile.facts[0].value: too long: 501 characters, at most 500"},
		{"bad fact key", build(`{"key": "First Name", "value": "x", "source": "declared"}`, `["email"]`, "3", ""), "profile.facts[0].key:"},
		{"not JSON", `{"brief_ref": `, "not valid JSON"},
		{"no brief", strings.Replace(build(fact, `["email"]`, "3", ""), `"brief_ref": {"brand_id": "acme", "campaign_id": "c1", "version": 1},`, "", 1),
			"brief_ref: required"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := tailor.DecodeJob([]byte(tt.input))
			if err == nil {
				t.Fatalf("no error; want %q", tt.want)
			}
			if !errors.Is(err, tailor.ErrInvalid) {
				t.Errorf("error %v does not wrap ErrInvalid", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q\nwant it to contain %q", err, tt.want)
			}
		})
	}
}

func TestDecodeInlineBriefChecksChannels(t *testing.T) {
	t.Parallel()
	brief, err := os.ReadFile("examples/acme/brief.json")
	if err != nil {
		t.Fatal(err)
	}
	job := `{"brief": ` + string(brief) + `, "profile": {"customer_id": "c-1", "consent": {"personalization": false, "channels": ["web"]}},
	  "channels": ["web"], "variants": 1, "idempotency_key": "k"}`
	_, err = tailor.DecodeJob([]byte(job))
	if err == nil || !strings.Contains(err.Error(), `channels[0]: "web" is not one of the campaign's channels`) {
		t.Fatalf("got %v, want the web channel refused", err)
	}
}

func TestDecodeBriefPolicy(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile("examples/acme/brief.json")
	if err != nil {
		t.Fatal(err)
	}
	bad := strings.Replace(string(data), `"allow_emoji": false`, `"allow_emoji": false, "severity": {"brand.tone": "loud"}, "limits": {"sms": {"subject": 10}}`, 1)
	_, err = tailor.DecodeBrief([]byte(bad))
	for _, want := range []string{"brand.policy.severity.brand.tone: must be one of block, flag, off", `brand.policy.limits.sms.subject: the sms channel has no field "subject"`} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("got %v, want it to contain %q", err, want)
		}
	}
	b, err := tailor.DecodeBrief(data)
	if err != nil {
		t.Fatal(err)
	}
	if got := b.FieldLimit(tailor.Email, "subject"); got != 60 {
		t.Errorf("email subject limit = %d, want 60", got)
	}
}

func TestDecodeCopy(t *testing.T) {
	t.Parallel()
	if _, err := tailor.DecodeCopy([]byte(`{"title": "Hi", "body": "Hello"}`), tailor.Push); err != nil {
		t.Fatalf("valid push copy: %v", err)
	}
	_, err := tailor.DecodeCopy([]byte(`{"subject": "Hi"}`), tailor.Push)
	if err == nil || !strings.Contains(err.Error(), "subject: the push channel has no such field") {
		t.Fatalf("got %v", err)
	}
}
