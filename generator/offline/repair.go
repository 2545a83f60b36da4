package offline

import (
	"strings"
	"unicode/utf8"

	tailor "github.com/tailorhq/tailor"
	"github.com/tailorhq/tailor/generator"
)

// repair rewrites a draft the guardrails blocked: sentences that hold a
// finding's span are dropped, headline and CTA fields with a finding fall
// back to plain ones, and every body is refitted with what must end it (the
// disclaimer, the SMS opt-out) within the channel's limits.
func (c *composer) repair(fields map[string]string, findings []tailor.Finding) generator.Draft {
	out := map[string]string{}
	for _, f := range c.channel.Spec().Fields {
		text, limit := fields[f.Name], c.brief.FieldLimit(c.channel, f.Name)
		spans, flagged := spansOf(findings, f.Name)
		switch f.Name {
		case "subject", "title", "headline":
			if flagged {
				text = c.headline("product", 0)
			}
			out[f.Name] = fit(text, limit)
		case "cta":
			if flagged {
				text = c.cta()
			}
			out[f.Name] = fit(text, limit)
		case "preheader":
			out[f.Name] = fitSentences(keep(text, spans), limit, "")
		default: // the body
			tail := c.brief.Brand.RequiredDisclaimers[string(c.channel)]
			if c.channel == tailor.SMS {
				tail = strings.TrimSpace(tail + " " + optOut)
			}
			kept := keep(strings.Replace(text, tail, "", 1), spans)
			if len(kept) == 0 {
				kept = []string{"The " + c.product() + " is ready for your next outing."}
			}
			out[f.Name] = fitSentences(kept, limit, tail)
		}
	}
	return generator.Draft{Fields: out, UsedFacts: c.usedFacts(out, "")}
}

// spansOf returns the spans of the findings on one field, and whether the
// field has any finding at all.
func spansOf(findings []tailor.Finding, field string) (spans [][2]int, any bool) {
	for _, f := range findings {
		if f.Field != field {
			continue
		}
		any = true
		if f.Span != nil {
			spans = append(spans, *f.Span)
		}
	}
	return spans, any
}

// keep splits text into sentences and keeps those no span touches. Spans are
// rune offsets into text.
func keep(text string, spans [][2]int) []string {
	var out []string
	pos := 0 // rune offset of the sentence's start in text
	rest := text
	for _, s := range generator.Sentences(text) {
		i := strings.Index(rest, s)
		if i < 0 {
			continue
		}
		start := pos + utf8.RuneCountInString(rest[:i])
		end := start + utf8.RuneCountInString(s)
		pos = end
		rest = rest[i+len(s):]
		if !overlaps(start, end, spans) {
			out = append(out, s)
		}
	}
	return out
}

func overlaps(start, end int, spans [][2]int) bool {
	for _, sp := range spans {
		if sp[0] < end && start < sp[1] {
			return true
		}
	}
	return false
}
