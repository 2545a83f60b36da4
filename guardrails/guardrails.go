// Package guardrails checks copy against a brand's rules and a customer's
// privacy: text + brief + profile → findings. It does no I/O, so every check
// runs in microseconds and can be fuzzed.
//
// Every field is normalised first (NFKC, invisible and bidi characters
// stripped, look-alike letters folded) so that tricks do not slip past, and
// every finding's span points back into the field as it was given.
//
// Check names and their default severities:
//
//	brand.banned_phrase         block  a banned phrase, whole word, with simple inflections
//	brand.preferred_term        flag   a word the brand replaces ("customers" → "members")
//	brand.disclaimer            block  the channel's required disclaimer, or the SMS
//	                                   opt-out wording ("Reply STOP to opt out"), is missing
//	brand.length                block  a field over its limit; SMS counted in GSM-7 or UCS-2
//	brand.format                block  an unknown or missing field (cannot be relaxed);
//	                            flag   shouting, more "!" in the copy than max_exclamations
//	                                   (default 1), emoji unless allow_emoji
//	brand.competitor            block  a competitor named
//	brand.claim                 block  guarantees, absolute and medical claims
//	brand.offer                 block  a discount, price, date or code the offer does not give
//	brand.reading_level         flag   above the brand's reading_grade_max (none set: no check)
//	brand.tone                  flag   a tone the brand avoids (pushy, fearful, guilt…)
//	privacy.sensitive_attribute block  asserts or implies a sensitive attribute of the reader;
//	                            flag   "people like you", or a sentence that addresses the
//	                                   reader and names a special category
//	privacy.pii_echo            block  the customer's address, phone, e-mail or birth date
//	privacy.inferred_fact       block  an inferred (without consent) or sensitive fact's value
//	privacy.surveillance        flag   times, counts, amounts, places; block for "we've been
//	                                   watching" and unexpected data sources
//	privacy.consent             block  the name or a fact without personalization consent
//	safety.prompt_injection     block  instruction-like text in the copy
//	safety.leak                 block  the canary, the system prompt, "as an AI language model"
//
// implied.go adds shapes for meaning carried by paraphrase: notes addressed
// to a reviewer or a model, role tags, answer preambles and generation
// metadata, scarcity and shaming idioms, special categories by euphemism,
// hints at an inferred fact (head noun, stem, synonym), unexpected data
// sources, competitors by a distinctive short name, and absolute claim shapes.
//
// judge.go runs last: a statistical judge (package classify) reads each
// sentence and flags, never blocks, meaning the patterns missed: a sensitive
// attribute implied, surveillance, a note to a reviewer or a model, a tone the
// brand avoids. Its message says it is the judge and how sure it is.
//
// A brand's Policy.Severity raises a check to "block", lowers it to "flag" or
// turns it "off"; brand.length, privacy.pii_echo, privacy.consent, safety.leak
// and structural brand.format findings can be raised but never relaxed.
package guardrails

import (
	"cmp"
	"slices"

	tailor "github.com/tailorhq/tailor"
)

// Input is one piece of copy to check and what it was written for.
type Input struct {
	Brief   tailor.Brief
	Profile tailor.Profile
	Channel tailor.Channel
	// Fields are the copy's fields by name ("subject", "body", …).
	Fields map[string]string
	// Canary is a marker planted in the system prompt; copy that contains it
	// leaks the prompt. Empty when the copy did not come from a model.
	Canary string
	// Prompt is the system prompt the copy was written with, if any; copy
	// that repeats a stretch of it leaks the prompt.
	Prompt string
}

// field is one field of the copy, prepared for matching.
type field struct {
	name string
	t    *text
}

// run is one Check call: the input, the brief's compiled rules and the
// findings so far.
type run struct {
	in     Input
	rules  *rules
	fields []field // the channel's fields in order, then unknown ones by name
	order  map[string]int
	out    []tailor.Finding
}

// Check runs every guardrail on the input and returns the report. Findings
// come in the order of the channel's fields, then by span; Findings is never
// nil, so an approved report shows "findings": [].
func Check(in Input) tailor.Report {
	r := &run{in: in, rules: rulesFor(in.Brief), order: map[string]int{}}
	r.prepare()
	checkFields(r)
	checkBrand(r)
	checkSMS(r)
	checkFormat(r)
	checkClaims(r)
	checkOffer(r)
	checkTone(r)
	checkReadability(r)
	checkPrivacy(r)
	checkSensitive(r)
	checkProximity(r)
	checkSurveillance(r)
	checkSafety(r)
	checkJudge(r) // last: it skips what the pattern checks found
	r.sort()
	if r.out == nil {
		r.out = []tailor.Finding{}
	}
	return tailor.Report{Status: tailor.StatusOf(r.out), Findings: r.out}
}

func (r *run) prepare() {
	spec := r.in.Channel.Spec()
	for i, f := range spec.Fields {
		r.order[f.Name] = i
		if s, ok := r.in.Fields[f.Name]; ok {
			r.fields = append(r.fields, field{f.Name, newText(s)})
		}
	}
	var unknown []string
	for name := range r.in.Fields {
		if _, ok := r.order[name]; !ok {
			unknown = append(unknown, name)
		}
	}
	slices.Sort(unknown)
	for _, name := range unknown {
		r.order[name] = len(r.order)
		r.fields = append(r.fields, field{name, newText(r.in.Fields[name])})
	}
}

// add records a finding at the severity the brand's policy gives it.
func (r *run) add(check, sev, field string, span *[2]int, msg string) {
	r.addSev(check, sev, false, field, span, msg)
}

// addHard records a finding the brand's policy may raise but not relax.
func (r *run) addHard(check, field string, span *[2]int, msg string) {
	r.addSev(check, tailor.Block, true, field, span, msg)
}

func (r *run) addSev(check, sev string, hard bool, field string, span *[2]int, msg string) {
	sev = severity(r.in.Brief.Brand.Policy, check, sev, hard)
	if sev == "" {
		return
	}
	r.out = append(r.out, tailor.Finding{Check: check, Severity: sev, Field: field, Span: span, Message: msg})
}

// addAt records a finding with a span.
func (r *run) addAt(check, sev, field string, sp [2]int, msg string) {
	r.add(check, sev, field, &sp, msg)
}

func (r *run) sort() {
	pos := func(f tailor.Finding) (int, int, int) {
		o, ok := r.order[f.Field]
		if !ok {
			o = -1 // findings about the whole copy first
		}
		if f.Span == nil {
			return o, -1, -1
		}
		return o, f.Span[0], f.Span[1]
	}
	slices.SortStableFunc(r.out, func(a, b tailor.Finding) int {
		ao, as, ae := pos(a)
		bo, bs, be := pos(b)
		return cmp.Or(cmp.Compare(ao, bo), cmp.Compare(as, bs), cmp.Compare(be, ae), // longer span first
			cmp.Compare(a.Check, b.Check), cmp.Compare(a.Message, b.Message))
	})
	// One finding per check and stretch of text: drop a finding whose span
	// lies within another one of the same check (the street inside the
	// whole address), and join overlapping ones that say the same thing.
	out := r.out[:0]
	for _, f := range r.out {
		if slices.ContainsFunc(out, func(g tailor.Finding) bool { return within(f, g) }) {
			continue
		}
		if n := len(out); n > 0 && overlaps(f, out[n-1]) {
			end := max(out[n-1].Span[1], f.Span[1])
			out[n-1].Span = &[2]int{out[n-1].Span[0], end}
			continue
		}
		out = append(out, f)
	}
	r.out = out
}

// overlaps reports whether f continues prev: same check, field, severity and
// message, and spans that overlap.
func overlaps(f, prev tailor.Finding) bool {
	return f.Check == prev.Check && f.Field == prev.Field && f.Severity == prev.Severity && f.Message == prev.Message &&
		f.Span != nil && prev.Span != nil && f.Span[0] < prev.Span[1]
}

// within reports whether f repeats prev: same check and field, and a span
// inside prev's (or neither has a span and the messages are the same).
func within(f, prev tailor.Finding) bool {
	if f.Check != prev.Check || f.Field != prev.Field {
		return false
	}
	if f.Span == nil || prev.Span == nil {
		return f.Span == nil && prev.Span == nil && f.Message == prev.Message
	}
	return f.Span[0] >= prev.Span[0] && f.Span[1] <= prev.Span[1]
}

// quote returns a short excerpt of the original text under a span for a
// message. Use it only for the brand's own words and phrases, never for a
// customer's values.
func quote(s string) string {
	r := []rune(s)
	if len(r) > 40 {
		s = string(r[:37]) + "…"
	}
	return "'" + s + "'"
}
