package tailor

import "unicode/utf8"

// Brief is a brand's voice plus one campaign. It is registered once and
// referenced by {brand_id, campaign_id, version}; a job may also carry it inline.
type Brief struct {
	Brand    Brand    `json:"brand"`
	Campaign Campaign `json:"campaign"`
}

// Ref returns the reference that names this brief.
func (b Brief) Ref() BriefRef {
	return BriefRef{BrandID: b.Brand.ID, CampaignID: b.Campaign.ID, Version: b.Campaign.Version}
}

// Brand is the voice and the rules every piece of copy for the brand must keep.
type Brand struct {
	ID                  string            `json:"id"`
	Name                string            `json:"name"`
	Voice               string            `json:"voice"`
	Tone                []string          `json:"tone,omitempty"`
	AvoidTone           []string          `json:"avoid_tone,omitempty"`
	BannedPhrases       []string          `json:"banned_phrases,omitempty"`
	PreferredTerms      map[string]string `json:"preferred_terms,omitempty"`
	RequiredDisclaimers map[string]string `json:"required_disclaimers,omitempty"`
	Competitors         []string          `json:"competitors,omitempty"`
	Exemplars           []string          `json:"exemplars,omitempty"`
	Policy              Policy            `json:"policy"`
}

// Policy holds the brand's formatting rules and its overrides of guardrail
// severities. The zero value means the defaults.
type Policy struct {
	MaxExclamations *int `json:"max_exclamations,omitempty"`
	ReadingGradeMax *int `json:"reading_grade_max,omitempty"`
	AllowEmoji      bool `json:"allow_emoji,omitempty"`
	// Severity overrides a check's default severity: "block", "flag" or "off"
	// (a relaxed check). Keys are check names such as "brand.tone".
	Severity map[string]string `json:"severity,omitempty"`
	// AllowClaims lists claim phrases the brand may substantiate ("risk-free").
	AllowClaims []string `json:"allow_claims,omitempty"`
	// Limits tightens the channel field limits: {"sms": {"text": 140}}.
	Limits map[string]map[string]int `json:"limits,omitempty"`
}

// Campaign is what this round of copy is for.
type Campaign struct {
	ID        string    `json:"id"`
	Objective string    `json:"objective"`
	Product   string    `json:"product,omitempty"`
	Offer     string    `json:"offer,omitempty"`
	CTA       string    `json:"cta,omitempty"`
	Channels  []Channel `json:"channels"`
	Version   int       `json:"version"`
}

// FieldLimit returns the character limit of a channel field for this brand:
// the contract's default, tightened by the brand's policy.
func (b Brief) FieldLimit(ch Channel, field string) int {
	limit := ch.Spec().Limit(field)
	if l, ok := b.Brand.Policy.Limits[string(ch)][field]; ok && l > 0 && (limit == 0 || l < limit) {
		limit = l
	}
	return limit
}

func (b Brief) validate() error {
	var p problems
	if b.Campaign.Version < 1 {
		p.add("campaign.version", "must be at least 1")
	}
	for ch, disclaimer := range b.Brand.RequiredDisclaimers {
		if !Channel(ch).Valid() {
			p.add("brand.required_disclaimers."+ch, "unknown channel (want one of %s)", channelList())
		} else if utf8.RuneCountInString(disclaimer) > Channel(ch).Spec().BodyLimit() {
			p.add("brand.required_disclaimers."+ch, "longer than the channel's body")
		}
	}
	for ch, fields := range b.Brand.Policy.Limits {
		if !Channel(ch).Valid() {
			p.add("brand.policy.limits."+ch, "unknown channel (want one of %s)", channelList())
			continue
		}
		for f := range fields {
			if Channel(ch).Spec().Limit(f) == 0 {
				p.add("brand.policy.limits."+ch+"."+f, "the %s channel has no field %q", ch, f)
			}
		}
	}
	for check, sev := range b.Brand.Policy.Severity {
		switch sev {
		case "block", "flag", "off":
		default:
			p.add("brand.policy.severity."+check, "must be one of block, flag, off")
		}
	}
	return p.err()
}
