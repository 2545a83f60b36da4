package guardrails

import (
	"fmt"
	"strings"
	"testing"

	tailor "github.com/tailorhq/tailor"
)

func intp(n int) *int { return &n }

// testBrief is the contract's example brief.
func testBrief() tailor.Brief {
	return tailor.Brief{
		Brand: tailor.Brand{
			ID: "acme-outdoor", Name: "Acme Outdoor",
			Voice:               "Warm, confident and outdoorsy. Speaks like a trail buddy, never like a salesperson.",
			Tone:                []string{"warm", "confident", "playful"},
			AvoidTone:           []string{"pushy", "fearful"},
			BannedPhrases:       []string{"cheap", "act now", "guaranteed"},
			PreferredTerms:      map[string]string{"customers": "members"},
			RequiredDisclaimers: map[string]string{"email": "Offer valid through Dec 31. Terms apply."},
			Competitors:         []string{"Peak Gear"},
			Exemplars:           []string{"Your next trail is calling. New winter layers are here."},
			Policy:              tailor.Policy{MaxExclamations: intp(1), ReadingGradeMax: intp(8)},
		},
		Campaign: tailor.Campaign{
			ID: "winter-trail-2026", Objective: "Drive purchase of winter trail running shoes",
			Product: "Pegasus Trail 5 GTX", Offer: "15% off for members through Dec 31", CTA: "Shop winter trail",
			Channels: []tailor.Channel{tailor.Email, tailor.SMS, tailor.Push}, Version: 1,
		},
	}
}

// testProfile is the contract's example profile, with more PII.
func testProfile() tailor.Profile {
	return tailor.Profile{
		CustomerID: "c-1001", Locale: "en-US",
		Facts: []tailor.Fact{
			{Key: "first_name", Value: "Dana", Source: tailor.Declared, PII: true},
			{Key: "lifecycle_stage", Value: "returning", Source: tailor.Observed},
			{Key: "favorite_activity", Value: "trail running", Source: tailor.Declared},
			{Key: "viewed_product", Value: "Pegasus Trail 5 GTX", Source: tailor.Observed},
			{Key: "likely_expecting_baby", Value: "true", Source: tailor.Inferred, Sensitive: true},
			{Key: "home_address", Value: "14 Elm Street, Portland", Source: tailor.Declared, PII: true},
			{Key: "phone", Value: "+1 (503) 555-0142", Source: tailor.Declared, PII: true},
			{Key: "email", Value: "dana.r@example.com", Source: tailor.Declared, PII: true},
			{Key: "birth_date", Value: "1990-03-14", Source: tailor.Declared, PII: true},
			{Key: "last_purchase", Value: "Summit Fleece Jacket", Source: tailor.Observed},
			{Key: "income_band", Value: "over 150k", Source: tailor.Inferred},
			{Key: "health_interest", Value: "knee arthritis", Source: tailor.Declared, Sensitive: true},
		},
		Consent: tailor.Consent{Personalization: true, Channels: []tailor.Channel{tailor.Email, tailor.SMS, tailor.Push}},
	}
}

// okEmail is approved copy for the test brief; cases change one field.
func okEmail() map[string]string {
	return map[string]string{
		"subject":   "Your next trail is calling, Dana",
		"preheader": "New winter layers and shoes are here.",
		"body":      "The Pegasus Trail 5 GTX keeps your feet dry on wet winter trails. Members get 15% off. Offer valid through Dec 31. Terms apply.",
		"cta":       "Shop winter trail",
	}
}

// got renders findings as "check field [s,e]" lines, the shape tables expect.
func got(rep tailor.Report) []string {
	out := make([]string, 0, len(rep.Findings))
	for _, f := range rep.Findings {
		s := f.Check + " " + f.Severity + " " + f.Field
		if f.Span != nil {
			s += fmt.Sprintf(" [%d,%d]", f.Span[0], f.Span[1])
		}
		out = append(out, s)
	}
	return out
}

// only keeps the findings of the named checks.
func only(lines []string, checks ...string) []string {
	out := []string{}
	for _, l := range lines {
		for _, c := range checks {
			if strings.HasPrefix(l, c+" ") {
				out = append(out, l)
			}
		}
	}
	return out
}

// spanCase is one row of a per-check table: a field's text and the findings
// of the checks under test, with exact spans.
type spanCase struct {
	name  string
	field string // default "body"
	text  string
	want  []string
}

// runSpanCases checks each case's text in one field of otherwise approved
// e-mail copy, keeping only the findings of the given checks.
func runSpanCases(t *testing.T, cases []spanCase, edit func(*Input), checks ...string) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			in := Input{Brief: testBrief(), Profile: testProfile(), Channel: tailor.Email, Fields: okEmail()}
			if edit != nil {
				edit(&in)
			}
			field := tc.field
			if field == "" {
				field = "body"
			}
			in.Fields[field] = tc.text
			g := only(got(Check(in)), checks...)
			want := tc.want
			if want == nil {
				want = []string{}
			}
			if strings.Join(g, "\n") != strings.Join(want, "\n") {
				t.Errorf("text %q\n got  %q\n want %q", tc.text, g, want)
			}
		})
	}
}
