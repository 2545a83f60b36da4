package tailor_test

import (
	"reflect"
	"testing"
	"time"

	tailor "github.com/tailorhq/tailor"
)

func TestGate(t *testing.T) {
	t.Parallel()
	at := time.Date(2026, 11, 20, 18, 3, 0, 0, time.UTC)
	facts := []tailor.Fact{
		{Key: "first_name", Value: "Dana", Source: tailor.Declared, PII: true},
		{Key: "lifecycle_stage", Value: "returning", Source: tailor.Observed},
		{Key: "favorite_activity", Value: "trail running", Source: tailor.Declared},
		{Key: "viewed_product", Value: "Pegasus Trail 5 GTX", Source: tailor.Observed, At: &at},
		{Key: "likely_expecting_baby", Value: "true", Source: tailor.Inferred, Sensitive: true},
		{Key: "home_address", Value: "14 Elm Street, Portland", Source: tailor.Declared, PII: true},
		{Key: "favorite_category", Value: "winter layers", Source: tailor.Inferred},
		{Key: "email_opens_this_week", Value: "4", Source: tailor.Observed},
		{Key: "last_order_total", Value: "$182.40", Source: tailor.Observed},
		{Key: "religion", Value: "buddhist", Source: tailor.Declared, Sensitive: true},
	}
	tests := []struct {
		name     string
		consent  tailor.Consent
		allowed  []string
		withheld map[string]string
	}{
		{
			name:    "personalization without inferred data",
			consent: tailor.Consent{Personalization: true},
			allowed: []string{"first_name", "lifecycle_stage", "favorite_activity", "viewed_product"},
			withheld: map[string]string{
				"likely_expecting_baby": "sensitive", "home_address": "pii", "favorite_category": "inferred without consent",
				"email_opens_this_week": "surveillance detail", "last_order_total": "surveillance detail", "religion": "sensitive",
			},
		},
		{
			name:    "inferred data allowed, never when sensitive",
			consent: tailor.Consent{Personalization: true, InferredData: true},
			allowed: []string{"first_name", "lifecycle_stage", "favorite_activity", "viewed_product", "favorite_category"},
			withheld: map[string]string{
				"likely_expecting_baby": "sensitive", "home_address": "pii",
				"email_opens_this_week": "surveillance detail", "last_order_total": "surveillance detail", "religion": "sensitive",
			},
		},
		{
			name:     "no personalization: not even the name",
			consent:  tailor.Consent{Personalization: false, InferredData: true},
			allowed:  nil,
			withheld: map[string]string{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			allowed, withheld := tailor.Gate(tailor.Profile{CustomerID: "c", Facts: facts, Consent: tt.consent})
			var keys []string
			for _, f := range allowed {
				keys = append(keys, f.Key)
				if f.At != nil {
					t.Errorf("%s kept its timestamp", f.Key)
				}
			}
			if !reflect.DeepEqual(keys, tt.allowed) {
				t.Errorf("allowed %v, want %v", keys, tt.allowed)
			}
			if len(tt.allowed) == 0 && len(withheld) != len(facts) {
				t.Errorf("withheld %d facts, want all %d", len(withheld), len(facts))
			}
			for _, w := range withheld {
				if want, ok := tt.withheld[w.Key]; ok && want != w.Reason {
					t.Errorf("%s withheld as %q, want %q", w.Key, w.Reason, want)
				}
			}
			for key := range tt.withheld {
				found := false
				for _, w := range withheld {
					found = found || w.Key == key
				}
				if !found {
					t.Errorf("%s was not withheld", key)
				}
			}
		})
	}
}

func TestStatusOf(t *testing.T) {
	t.Parallel()
	flag := tailor.Finding{Check: "brand.tone", Severity: tailor.Flag}
	block := tailor.Finding{Check: "brand.banned_phrase", Severity: tailor.Block}
	for _, tt := range []struct {
		in   []tailor.Finding
		want tailor.Status
	}{
		{nil, tailor.Approved},
		{[]tailor.Finding{flag}, tailor.Flagged},
		{[]tailor.Finding{flag, block}, tailor.Rejected},
		{[]tailor.Finding{block, flag}, tailor.Rejected},
	} {
		if got := tailor.StatusOf(tt.in); got != tt.want {
			t.Errorf("StatusOf(%v) = %s, want %s", tt.in, got, tt.want)
		}
	}
}
