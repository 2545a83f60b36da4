package guardrails

import (
	"fmt"
	"unicode"

	tailor "github.com/tailorhq/tailor"
)

// checkBrand checks the brand's own word lists: banned phrases, preferred
// terms, competitors, and the channel's required disclaimer.
func checkBrand(r *run) {
	rl := r.rules
	for _, f := range r.fields {
		for _, m := range rl.banned.find(f.t) {
			r.addAt(BannedPhrase, tailor.Block, f.name, m.span,
				fmt.Sprintf("uses the banned phrase %s", quote(rl.banned.name(m))))
		}
		for _, m := range rl.preferred.find(f.t) {
			r.addAt(PreferredTerm, tailor.Flag, f.name, m.span,
				fmt.Sprintf("the brand says %s, not %s", quote(rl.replaceWith[m.group-1]), quote(rl.preferred.name(m))))
		}
		for _, m := range rl.competitors.find(f.t) {
			r.addAt(Competitor, tailor.Block, f.name, m.span,
				fmt.Sprintf("names the competitor %s", quote(rl.competitors.name(m))))
		}
		// A short name counts only as a name: capitalised, as the copy
		// would write "Keystone" for "Keystone Bank".
		for _, m := range rl.shortComp.find(f.t) {
			if first := []rune(f.t.origAt(m.span)); len(first) > 0 && unicode.IsUpper(first[0]) {
				r.addAt(Competitor, tailor.Block, f.name, m.span,
					fmt.Sprintf("names the competitor %s by its short name", quote(rl.shortFor[m.group-1])))
			}
		}
	}
	checkDisclaimer(r)
}

// checkDisclaimer looks for the channel's disclaimer word for word, ignoring
// case, spacing and punctuation, in any field (it belongs in the body).
func checkDisclaimer(r *run) {
	want := r.rules.disclaimers[r.in.Channel]
	if len(want) == 0 {
		return
	}
	for _, f := range r.fields {
		if len(f.t.findWords(want)) > 0 {
			return
		}
	}
	d := r.in.Brief.Brand.RequiredDisclaimers[string(r.in.Channel)]
	r.add(Disclaimer, tailor.Block, r.in.Channel.Spec().Body, nil,
		fmt.Sprintf("the brand's %s disclaimer is missing: %s", r.in.Channel, quote(d)))
}
