package tailor

import (
	"regexp"
	"strings"
)

// Withheld is a fact the model never sees, with the rule that kept it back.
// It carries the key only: values stay out of logs and reports.
type Withheld struct {
	Key    string `json:"key"`
	Reason string `json:"reason"`
}

// Gate returns the facts copy may use, per CONTRACT.md, and those withheld.
// It runs before the prompt is built, so the model cannot leak what it never
// saw. Allowed facts lose their timestamps: copy may say "the shoes you looked
// at", never when.
func Gate(p Profile) (allowed []Fact, withheld []Withheld) {
	for _, f := range p.Facts {
		if reason := gateReason(p.Consent, f); reason != "" {
			withheld = append(withheld, Withheld{Key: f.Key, Reason: reason})
			continue
		}
		f.At = nil
		allowed = append(allowed, f)
	}
	return allowed, withheld
}

func gateReason(c Consent, f Fact) string {
	switch {
	case !c.Personalization:
		return "no personalization consent"
	case f.Sensitive:
		return "sensitive"
	case f.PII && f.Key != "first_name":
		return "pii"
	case f.Source == Inferred && !c.InferredData:
		return "inferred without consent"
	case f.Source == Observed && isSurveillanceDetail(f):
		return "surveillance detail"
	case strings.TrimSpace(f.Value) == "":
		return "empty"
	}
	return ""
}

// Observed behaviour may be used at the level of "what", never "how often",
// "how much", "when" or "where".
var (
	surveillanceKey   = regexp.MustCompile(`(^|_)(count|counts|times|frequency|visits|opens|clicks|amount|spent|spend|total|location|gps|ip|address|time|timestamp|hour|minutes|seconds|duration|distance)(_|$)`)
	surveillanceValue = regexp.MustCompile(`^\s*[$€£]?\s*\d[\d.,:]*\s*(%|x|times|visits|am|pm|min|mins|minutes|hours|km|mi)?\s*$`)
)

func isSurveillanceDetail(f Fact) bool {
	return surveillanceKey.MatchString(f.Key) || surveillanceValue.MatchString(strings.ToLower(f.Value))
}

// Stage returns the customer's lifecycle stage from the allowed facts, or "".
func Stage(allowed []Fact) string {
	for _, f := range allowed {
		if f.Key == "lifecycle_stage" {
			return strings.ToLower(strings.TrimSpace(f.Value))
		}
	}
	return ""
}
