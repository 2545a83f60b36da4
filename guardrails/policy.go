package guardrails

import tailor "github.com/tailorhq/tailor"

// Check names. The contract's names, plus brand.preferred_term (a word the
// brand would rather replace) and brand.offer (numbers, dates and codes that
// do not match the campaign's offer).
const (
	BannedPhrase       = "brand.banned_phrase"
	PreferredTerm      = "brand.preferred_term"
	Disclaimer         = "brand.disclaimer" // also the SMS opt-out wording
	Length             = "brand.length"     // field limits and SMS segments
	Tone               = "brand.tone"
	Competitor         = "brand.competitor"
	Claim              = "brand.claim"
	Offer              = "brand.offer"
	ReadingLevel       = "brand.reading_level"
	Format             = "brand.format" // unknown or missing fields, shouting, "!!", emoji
	SensitiveAttribute = "privacy.sensitive_attribute"
	PIIEcho            = "privacy.pii_echo"
	InferredFact       = "privacy.inferred_fact"
	Surveillance       = "privacy.surveillance"
	Consent            = "privacy.consent"
	PromptInjection    = "safety.prompt_injection"
	Leak               = "safety.leak" // canary, system prompt echo, the model talking about itself
)

// Checks lists every check name in a stable order.
var Checks = []string{
	BannedPhrase, PreferredTerm, Disclaimer, Length, Tone, Competitor, Claim, Offer,
	ReadingLevel, Format, SensitiveAttribute, PIIEcho, InferredFact, Surveillance,
	Consent, PromptInjection, Leak,
}

// hardChecks are promises of the contract or limits of the channel: a brand's
// policy may not relax them. (Structural brand.format findings, such as an
// unknown field, are hard too; they are added with hard set.)
var hardChecks = map[string]bool{
	Length:  true,
	PIIEcho: true,
	Consent: true,
	Leak:    true,
}

// severity applies the brand's policy to a finding's default severity. It
// returns "" when the brand turned the check off.
func severity(p tailor.Policy, check, def string, hard bool) string {
	override, ok := p.Severity[check]
	if !ok {
		return def
	}
	switch {
	case override == tailor.Block:
		return tailor.Block
	case hard || hardChecks[check]:
		return def
	case override == tailor.Flag:
		return tailor.Flag
	case override == "off":
		return ""
	}
	return def
}
