package guardrails

import (
	"fmt"
	"strings"

	tailor "github.com/tailorhq/tailor"
)

// checkFields checks the copy's shape: the channel's fields, no others, and
// each within the brand's limit. SMS length is counted in sms.go.
func checkFields(r *run) {
	ch := r.in.Channel
	if !ch.Valid() {
		r.addHard(Format, "", nil, fmt.Sprintf("unknown channel %q", ch))
		return
	}
	spec := ch.Spec()
	for _, f := range spec.Fields {
		if strings.TrimSpace(r.in.Fields[f.Name]) == "" {
			r.addHard(Format, f.Name, nil, fmt.Sprintf("the %s %s is missing or empty", ch, f.Name))
		}
	}
	for _, f := range r.fields {
		if spec.Limit(f.name) == 0 {
			r.addHard(Format, f.name, nil, fmt.Sprintf("the %s channel has no field %q (want %s)",
				ch, f.name, strings.Join(spec.FieldNames(), ", ")))
			continue
		}
		if ch == tailor.SMS {
			continue
		}
		if limit := r.in.Brief.FieldLimit(ch, f.name); f.t.runes > limit {
			r.addAt(Length, tailor.Block, f.name, [2]int{limit, f.t.runes},
				fmt.Sprintf("%d characters; the %s %s may have at most %d", f.t.runes, ch, f.name, limit))
		}
	}
}
