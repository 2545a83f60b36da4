package api

import (
	"slices"
	"strings"

	tailor "github.com/tailorhq/tailor"
)

// queuePage is the data of review.html.
type queuePage struct {
	CSRF, Brand, Role string
	// Notice says what the last decision did; Error why it was not saved.
	Notice, Error string
	Cards         []card
}

// card is one flagged variant as the page shows it.
type card struct {
	v       tailor.Variant
	ID      string
	Channel tailor.Channel
	Angle   string
	Created string
	Fields  []cardField
	// Findings are all the variant's findings, for the list under the copy.
	Findings  []tailor.Finding
	UsedFacts []string
	Brief     *tailor.Brief
	// Refused holds the findings of an edit the guardrails refused; the edit
	// form is filled with the refused copy so the reviewer can fix it.
	Refused []tailor.Finding
}

// cardField is one field of the copy, cut into segments at finding spans.
type cardField struct {
	Name     string
	Value    string // what the edit form starts with
	Limit    int
	Segments []segment
}

// segment is a run of text covered by the same findings.
type segment struct {
	Text string
	// Severity is "block", "flag" or "" (not highlighted).
	Severity string
	// Note lists the covering findings' messages, shown on hover.
	Note string
}

func newCard(v tailor.Variant, b *tailor.Brief, ref *refusal) card {
	c := card{v: v, ID: v.VariantID, Channel: v.Channel, Angle: v.Angle, Created: v.CreatedAt.UTC().Format("2006-01-02 15:04 UTC"),
		Findings: v.Report.Findings, UsedFacts: v.UsedFacts, Brief: b}
	if ref != nil {
		c.Refused = ref.Findings
	}
	names := v.Channel.Spec().FieldNames()
	for name := range v.Fields {
		if !slices.Contains(names, name) {
			names = append(names, name)
		}
	}
	for _, name := range names {
		text, ok := v.Fields[name]
		if !ok {
			continue
		}
		f := cardField{Name: name, Value: text, Segments: segments(text, name, v.Report.Findings)}
		if b != nil {
			f.Limit = b.FieldLimit(v.Channel, name)
		}
		if ref != nil {
			if edited, ok := ref.Fields[name]; ok {
				f.Value = edited
			}
		}
		c.Fields = append(c.Fields, f)
	}
	return c
}

// segments cuts a field's text where findings' spans begin and end. Spans
// are rune offsets [start, end) into the field; they may overlap, and ones
// outside the text are clipped.
func segments(text, field string, findings []tailor.Finding) []segment {
	runes := []rune(text)
	n := len(runes)
	var spans []tailor.Finding
	cuts := []int{0, n}
	for _, f := range findings {
		if f.Field != field || f.Span == nil {
			continue
		}
		start, end := max(0, min(f.Span[0], n)), max(0, min(f.Span[1], n))
		if start >= end {
			continue
		}
		g := f
		g.Span = &[2]int{start, end}
		spans = append(spans, g)
		cuts = append(cuts, start, end)
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	var out []segment
	for i := 0; i+1 < len(cuts); i++ {
		a, b := cuts[i], cuts[i+1]
		seg := segment{Text: string(runes[a:b])}
		var notes []string
		for _, f := range spans {
			if f.Span[0] <= a && b <= f.Span[1] {
				notes = append(notes, f.Check+": "+f.Message)
				if seg.Severity != tailor.Block {
					seg.Severity = f.Severity
				}
			}
		}
		seg.Note = strings.Join(notes, "\n")
		out = append(out, seg)
	}
	return out
}
