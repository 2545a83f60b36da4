package tailor

import "time"

// Status is the verdict on one variant.
type Status string

// The statuses of a variant.
const (
	Approved Status = "approved" // no finding
	Flagged  Status = "flagged"  // a flag finding and no block: a reviewer decides
	Rejected Status = "rejected" // a block finding: never sent
)

// Severities of a finding.
const (
	Flag  = "flag"
	Block = "block"
)

// Finding is one thing a guardrail noticed in one field.
type Finding struct {
	Check    string `json:"check"`
	Severity string `json:"severity"`
	Field    string `json:"field,omitempty"`
	// Span is the [start, end) character (rune) offset in the field, when known.
	Span    *[2]int `json:"span,omitempty"`
	Message string  `json:"message"`
}

// Report is the guardrails' verdict on one variant.
type Report struct {
	Status   Status    `json:"status"`
	Findings []Finding `json:"findings"`
	// Repaired lists what the first draft was blocked for, when the model
	// rewrote it; Findings are about the rewrite.
	Repaired []Finding `json:"repaired,omitempty"`
}

// StatusOf derives a status from findings: any block rejects, any flag flags.
func StatusOf(findings []Finding) Status {
	status := Approved
	for _, f := range findings {
		switch f.Severity {
		case Block:
			return Rejected
		case Flag:
			status = Flagged
		}
	}
	return status
}

// Usage counts the model's tokens for one variant's share of a call.
type Usage struct {
	PromptTokens     int `json:"prompt_tokens"`
	CompletionTokens int `json:"completion_tokens"`
}

// Variant is one piece of copy for one customer and channel, with the
// guardrails' report and what it was built from.
type Variant struct {
	VariantID     string            `json:"variant_id"`
	JobID         string            `json:"job_id"`
	CustomerID    string            `json:"customer_id"`
	BrandID       string            `json:"brand_id"`
	CampaignID    string            `json:"campaign_id"`
	BriefVersion  int               `json:"brief_version"`
	Channel       Channel           `json:"channel"`
	Fields        map[string]string `json:"fields"`
	Angle         string            `json:"angle"`
	UsedFacts     []string          `json:"used_facts"`
	Status        Status            `json:"status"`
	Report        Report            `json:"report"`
	Model         string            `json:"model"`
	PromptVersion string            `json:"prompt_version"`
	Usage         Usage             `json:"usage"`
	// Creatives are the IDs of the past creatives retrieved for this variant.
	Creatives []int64   `json:"creatives,omitempty"`
	CreatedAt time.Time `json:"created_at"`
	// Stale is true once a newer version of the variant's brief is
	// registered: the copy follows rules that no longer hold; do not send it.
	Stale bool `json:"stale"`
}

// Refusal says why a channel of a job got no copy.
type Refusal struct {
	Channel Channel `json:"channel"`
	Reason  string  `json:"reason"`
}

// Creative is a past piece of copy with how it performed, used to ground new copy.
type Creative struct {
	ID      int64             `json:"id"`
	BrandID string            `json:"brand_id"`
	Channel Channel           `json:"channel"`
	Fields  map[string]string `json:"fields"`
	// Similarity is the cosine similarity to the query, in [-1, 1].
	Similarity float64 `json:"similarity"`
	// Performance is the smoothed outcome rate (clicks and conversions per impression).
	Performance float64 `json:"performance"`
	// Score ranks retrieved creatives: similarity weighted by performance.
	Score float64 `json:"score"`
}
