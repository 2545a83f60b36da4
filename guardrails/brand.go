package guardrails

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	tailor "github.com/tailorhq/tailor"
)

// checkBrand checks the brand's own word lists: banned phrases, preferred
// terms, competitors, and the channel's required disclaimer.
func checkBrand(r *run) {
	rl := r.rules
	for _, f := range r.fields {
		for _, m := range rl.banned.find(f.t) {
			if permissionNo(f.t, m, rl.banned.name(m)) || brokenByPunct(f.t, m, rl.banned.name(m)) {
				continue
			}
			r.addAt(BannedPhrase, tailor.Block, f.name, m.span,
				fmt.Sprintf("uses the banned phrase %s", quote(rl.banned.name(m))))
		}
		for _, m := range rl.preferred.find(f.t) {
			r.addAt(PreferredTerm, tailor.Flag, f.name, m.span,
				fmt.Sprintf("the brand says %s, not %s", quote(rl.replaceWith[m.group-1]), quote(rl.preferred.name(m))))
		}
		var named [][2]int
		for _, m := range rl.competitors.find(f.t) {
			if brokenByPunct(f.t, m, rl.competitors.name(m)) {
				continue
			}
			named = append(named, m.span)
			r.addAt(Competitor, tailor.Block, f.name, m.span,
				fmt.Sprintf("names the competitor %s", quote(rl.competitors.name(m))))
		}
		// A short name counts only as a name: capitalised, as the copy
		// would write "Keystone" for "Keystone Bank".
		for _, m := range rl.shortComp.find(f.t) {
			if first := []rune(f.t.origAt(m.span)); len(first) > 0 && unicode.IsUpper(first[0]) {
				named = append(named, m.span)
				r.addAt(Competitor, tailor.Block, f.name, m.span,
					fmt.Sprintf("names the competitor %s by its short name", quote(rl.shortFor[m.group-1])))
			}
		}
		for _, m := range rl.spacedComp.find(f.t) {
			if !slices.ContainsFunc(named, func(sp [2]int) bool { return sp[0] < m.span[1] && m.span[0] < sp[1] }) && r.readsAsName(f.t, m) {
				r.addAt(Competitor, tailor.Block, f.name, m.span,
					fmt.Sprintf("names the competitor %s, spaced differently", quote(rl.spacedComp.name(m))))
			}
		}
	}
	checkDisclaimer(r)
}

// permissionNo reports whether a banned "no …" phrase, met only in another
// inflection, starts a permission rather than the slogan: "no excuse
// needed" for a ban on "no excuses" lets the reader off. The phrase as the
// brand wrote it ("no excuses needed") is banned however it goes on.
func permissionNo(t *text, m match, banned string) bool {
	got := t.norm[m.b:m.e]
	if !strings.HasPrefix(got, "no ") || slices.Equal(wordsOf(got), wordsOf(banned)) {
		return false
	}
	switch nextWord(t, m.e) {
	case "needed", "required", "necessary", "asked", "wanted":
		return permissionGoesOn(t, m.e)
	}
	return false
}

// permissionGoesOn reports whether the sentence goes on after the word
// that follows byte e ("No excuse needed, just show up", "no excuse needed
// to rest"): what the reader is let off is said. "No excuse needed." alone,
// as a headline or a sentence of its own, is the slogan in another
// inflection.
func permissionGoesOn(t *text, e int) bool {
	for i, w := range t.words {
		if w.b < e {
			continue
		}
		if i+1 >= len(t.words) {
			return false
		}
		return !hasByteIn(t.norm[w.e:t.words[i+1].b], ".!?\n")
	}
	return false
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

// readsAsName reports whether a competitor's name split or joined where
// the brief does not (a match of spacedComp) reads as the name rather than
// as ordinary words: one word ("GlowAndCo"), or parts of two letters or
// more that each begin with a capital ("Fresh Way", "Fresh-Way"), in copy
// that does not capitalise its words anyway (a title-case headline, "A
// Fresh Way To Cook"), and not words of the brand's own brief. "A fresh
// way to cook" and "Fresh way to cook" are not the name.
func (r *run) readsAsName(t *text, m match) bool {
	parts := strings.FieldsFunc(t.origAt(m.span), func(c rune) bool { return !unicode.IsLetter(c) && !unicode.IsNumber(c) })
	parts = slices.DeleteFunc(parts, func(p string) bool { return strings.EqualFold(p, "and") || strings.EqualFold(p, "n") })
	if len(parts) <= 1 {
		return true
	}
	for _, p := range parts {
		if rs := []rune(p); len(rs) < 2 || !unicode.IsUpper(rs[0]) {
			return false
		}
	}
	return !titleCased(t, m) && len(r.rules.brief.findWords(wordsOf(t.norm[m.b:m.e]))) == 0
}

// titleCased reports whether most words of four letters or more around the
// match, other than a sentence's first, begin with a capital: then a
// capital says nothing about a name.
func titleCased(t *text, m match) bool {
	n, caps := 0, 0
	for _, w := range t.words {
		if w.e > m.b && w.b < m.e || len(w.s) < 4 || hasDigit(w.s) {
			continue
		}
		if before := strings.TrimRight(t.norm[:w.b], " \t\"'("); before == "" || strings.ContainsRune(".!?:\n", rune(before[len(before)-1])) {
			continue // a sentence's first word
		}
		n++
		if rs := []rune(t.origAt(t.span(w.b, w.e))); len(rs) > 0 && unicode.IsUpper(rs[0]) {
			caps++
		}
	}
	return 2*caps > n
}

// brokenByPunct reports whether the words of match m are split by a
// clause's punctuation the phrase itself does not have: "Feel free. Money
// questions…" is not "free money", nor is "from trailhead to peak, gear
// that…" the competitor "Peak Gear". The break is a comma, semicolon or
// colon followed by a space, or a full stop, question or exclamation mark
// followed by a space and a capital, with clauses of two words or more on
// both sides. Punctuation used to disguise or stress the phrase is still
// the phrase: "act...now", "act.now", "ACT. NOW.", "Act, now!" (a clause
// of one word), and an ellipsis holds the words together.
func brokenByPunct(t *text, m match, phrase string) bool {
	const stops = ".,;:!?"
	if strings.ContainsAny(phrase, stops) {
		return false
	}
	s := t.norm
	for i := m.b + 1; i < m.e-1; i++ {
		c := s[i]
		if strings.IndexByte(stops, c) < 0 || strings.IndexByte(stops, s[i-1]) >= 0 || s[i+1] != ' ' && s[i+1] != '\n' {
			continue
		}
		j := i + 1
		for j < m.e && (s[j] == ' ' || s[j] == '\n') {
			j++
		}
		if j >= m.e || strings.IndexByte(stops, s[j]) >= 0 {
			continue
		}
		if c == '.' || c == '!' || c == '?' {
			if first := []rune(t.origAt(t.span(j, j+1))); len(first) == 0 || !unicode.IsUpper(first[0]) {
				continue
			}
		}
		if clauseWords(s, i, -1) >= 2 && clauseWords(s, j, 1) >= 2 {
			return true
		}
	}
	return false
}

// clauseWords counts the words (up to 2) of the clause that ends before
// byte i of s (dir -1) or starts at it (dir 1), up to the next clause
// punctuation or line break.
func clauseWords(s string, i, dir int) int {
	n, in := 0, false
	if dir < 0 {
		i--
	}
	for ; i >= 0 && i < len(s) && n < 2; i += dir {
		c := s[i]
		if strings.IndexByte(".,;:!?\n", c) >= 0 {
			break
		}
		word := c != ' ' && c != '\t' && c != '-' && c != '"' && c != '(' && c != ')'
		if word && !in {
			n++
		}
		in = word
	}
	return n
}
