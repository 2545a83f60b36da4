package tailor

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
)

// MaxVariants is the most variants one job may ask for per channel.
const MaxVariants = 10

// BriefRef names one registered version of a brief.
type BriefRef struct {
	BrandID    string `json:"brand_id"`
	CampaignID string `json:"campaign_id"`
	Version    int    `json:"version"`
}

func (r BriefRef) String() string {
	return fmt.Sprintf("%s/%s v%d", r.BrandID, r.CampaignID, r.Version)
}

// Job is what a campaign system enqueues: one customer, one brief, the
// channels to write for and how many variants per channel. The same
// idempotency key never produces a second set of variants.
type Job struct {
	BriefRef       *BriefRef `json:"brief_ref,omitempty"`
	Brief          *Brief    `json:"brief,omitempty"`
	Profile        Profile   `json:"profile"`
	Channels       []Channel `json:"channels"`
	Variants       int       `json:"variants"`
	IdempotencyKey string    `json:"idempotency_key"`
}

// Ref returns the brief this job is for, whether referenced or inline.
func (j Job) Ref() BriefRef {
	if j.Brief != nil {
		return j.Brief.Ref()
	}
	if j.BriefRef != nil {
		return *j.BriefRef
	}
	return BriefRef{}
}

func (j Job) validate() error {
	var p problems
	switch {
	case j.Brief == nil && j.BriefRef == nil:
		p.add("brief_ref", "required (or an inline brief)")
	case j.Brief != nil && j.BriefRef != nil:
		p.add("brief", "give either brief_ref or an inline brief, not both")
	case j.Brief != nil:
		if err := j.Brief.validate(); err != nil {
			for _, fe := range err.(*ValidationError).Problems {
				p.add("brief."+fe.Field, "%s", fe.Message)
			}
		}
	case j.BriefRef.Version < 1:
		p.add("brief_ref.version", "must be at least 1")
	}
	if j.Brief != nil {
		for i, ch := range j.Channels {
			if !contains(j.Brief.Campaign.Channels, ch) {
				p.add(fmt.Sprintf("channels[%d]", i), "%q is not one of the campaign's channels", ch)
			}
		}
	}
	return p.err()
}

func contains[T comparable](list []T, v T) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// JobID derives a job's ID from its brand and idempotency key. The queue uses
// it as the task ID and the store as the primary key, so one key can never
// hold two sets of variants.
func JobID(brandID, idempotencyKey string) string {
	sum := sha256.Sum256([]byte(brandID + "\x00" + idempotencyKey))
	return "job_" + hex.EncodeToString(sum[:12])
}

// JobResult is everything one finished job stores, in one transaction.
type JobResult struct {
	JobID          string
	Ref            BriefRef
	IdempotencyKey string
	CustomerID     string
	Variants       []Variant
	Refusals       []Refusal
	Withheld       []Withheld
	// Learned holds, by variant ID, the approved variants that become past
	// creatives for later retrieval, stripped of this customer's facts.
	Learned map[string]Learned
}

// Learned is an approved variant as later jobs may see it: only the sentences
// that name nothing about its customer, and their embedding.
type Learned struct {
	Fields map[string]string
	Vector []float32
}
