package guardrails

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
)

// rule is one pattern of a check. A large alternation costs tens of
// microseconds per kilobyte, so a rule runs only in windows of text around
// its trigger words (one of which every match contains), and not at all on
// copy without them. That keeps the whole check set well under a millisecond.
type rule struct {
	id       int  // index in allRules, for text.ruleHits
	indexed  bool // in allRules and triggerIndex
	re       *regexp.Regexp
	anchored bool            // re holds "^": a search of it cannot resume mid-text
	pre      *prefilter      // literals every match of re contains
	exact    map[string]bool // trigger words
	prefixes []string        // trigger prefixes ("pregnan*")
	classes  []string        // "#": a word with a digit; "#time": "6pm", "11:42"; "#age": "60", "60s"; "#money": "$40"
	// keep, when set, rejects matches the pattern alone cannot rule out.
	keep func(t *text, m match) bool
	// label says what the rule found, for the finding's message.
	label string
	// sev overrides the check's default severity for this rule.
	sev string
	// alts are re's top-level alternatives, compiled alone on first use
	// (see searchFor).
	alts     []alternative
	altsOnce sync.Once
}

// alternative is one top-level alternative of a rule's pattern, compiled
// alone, with its own prefilter.
type alternative struct {
	re  *regexp.Regexp
	pre *prefilter
}

// newRule compiles a pattern over normalised text. triggers is a space
// separated list of words; a word ending in '*' is a prefix, and "#",
// "#time", "#age" and "#money" are the classes of numbers above.
func newRule(label, triggers, pattern string) *rule {
	r := compileRule(label, triggers, pattern)
	r.id, r.indexed = len(allRules), true
	for w := range r.exact {
		triggerIndex[w] = append(triggerIndex[w], r.id)
	}
	if len(r.prefixes) > 0 || len(r.classes) > 0 {
		scanRules = append(scanRules, r)
	}
	for _, p := range r.prefixes {
		for c := range scanFirst {
			scanFirst[c] = scanFirst[c] || p == "" || byte(c) == p[0] // "" prefixes every word
		}
	}
	allRules = append(allRules, r)
	return r
}

// compileRule compiles a rule that is not in the package's index, such as
// one of a brief's phrase lists; it finds its triggers word by word.
func compileRule(label, triggers, pattern string) *rule {
	// Leftmost-longest, so that "you|your" matches all of "your" and the
	// match is not then rejected for ending inside a word.
	re := regexp.MustCompile(pattern)
	re.Longest()
	r := &rule{re: re, anchored: anchored(pattern), pre: newPrefilter(pattern), exact: map[string]bool{}, label: label}
	for _, w := range strings.Fields(triggers) {
		switch p, prefix := strings.CutSuffix(w, "*"); {
		case strings.HasPrefix(w, "#"):
			r.classes = append(r.classes, w)
		case prefix:
			r.prefixes = append(r.prefixes, p)
		default:
			r.exact[w] = true
		}
	}
	return r
}

// Every rule, and an index from trigger word to rules, so that a text finds
// the rules it triggers in one pass over its words rather than one pass per
// rule (which, for sixty rules, cost more than the matching).
var (
	allRules     []*rule
	triggerIndex = map[string][]int{}
	scanRules    []*rule   // rules with prefix or class triggers, checked word by word
	scanFirst    [256]bool // the first bytes of scanRules' prefixes
)

// ruleHits returns which words of t trigger which rules: rule id<<32 | word
// index, sorted and without repeats, so that a rule's words are one stretch
// in order (see hitsOf). Few words trigger anything, so this is much less
// than a list per rule.
func (t *text) ruleHits() []uint64 {
	if t.hitsDone {
		return t.hits
	}
	var hits []uint64
	add := func(id, i int) { hits = append(hits, uint64(id)<<32|uint64(i)) }
	for i, w := range t.words {
		for _, id := range triggerIndex[w.s] {
			add(id, i)
		}
		// Plurals: "progressives" triggers "progressive". A form equal to
		// one looked up already adds nothing (add keeps one hit per word).
		if s, ok := strings.CutSuffix(w.s, "s"); ok {
			for _, id := range triggerIndex[s] {
				add(id, i)
			}
			if s, ok := strings.CutSuffix(s, "e"); ok {
				for _, id := range triggerIndex[s] {
					add(id, i)
				}
			}
		}
		// The exact triggers of scanRules are in triggerIndex: only their
		// prefixes and classes are left to check (as triggeredBy does).
		digit := hasDigit(w.s)
		if !digit && (w.s == "" || !scanFirst[w.s[0]]) {
			continue // only a prefix could trigger, and none starts like w
		}
		for _, r := range scanRules {
			if (digit || len(r.prefixes) > 0) && r.triggeredByScan(t, i, digit) {
				add(r.id, i)
			}
		}
	}
	slices.Sort(hits)
	t.hits, t.hitsDone = slices.Compact(hits), true
	t.hitRules = make([]uint64, (len(allRules)+63)/64)
	for _, h := range t.hits {
		id := h >> 32
		t.hitRules[id/64] |= 1 << (id % 64)
	}
	return t.hits
}

// hasHits reports whether any word of t triggers rule id.
func (t *text) hasHits(id int) bool {
	t.ruleHits()
	return t.hitRules[id/64]&(1<<(id%64)) != 0
}

// eachHit calls f with the index of each word of t that triggers rule id,
// in order.
func (t *text) eachHit(id int, f func(i int)) {
	for _, h := range t.hitsOf(id) {
		f(int(uint32(h)))
	}
}

// hitsOf returns the hits of rule id (see ruleHits), in word order: a
// stretch of t's hits, not a copy. uint32(h) is the word's index.
func (t *text) hitsOf(id int) []uint64 {
	if !t.hasHits(id) {
		return nil // most rules: no word triggers them
	}
	all := t.hits
	k, _ := slices.BinarySearch(all, uint64(id)<<32)
	n := k
	for n < len(all) && all[n]>>32 == uint64(id) {
		n++
	}
	return all[k:n]
}

func (r *rule) severity(s string) *rule { r.sev = s; return r }

func (r *rule) filter(keep func(*text, match) bool) *rule { r.keep = keep; return r }

// window is the number of words either side of a trigger that a match may
// reach into.
const window = 10

// find returns the rule's whole-word matches in t.
func (r *rule) find(t *text) []match {
	if r.indexed && !t.hasHits(r.id) || !r.pre.mayMatch(t.pairs()) {
		return nil // no trigger word, or the text lacks what every match holds
	}
	var buf [8][2]int
	wins := buf[:0] // byte ranges of norm, merged; most rules have a few
	if r.indexed {
		for _, h := range t.hitsOf(r.id) {
			wins = addWindow(t, wins, int(uint32(h)))
		}
	} else if r.pre.matchIn(t.norm, t.pairs()) { // no match in the text: none in a window of it
		for i := range t.words {
			if r.triggeredBy(t, i) {
				wins = addWindow(t, wins, i)
			}
		}
	}
	var out []match
	for _, win := range wins {
		s := t.norm[win[0]:win[1]]
		if !r.pre.matchIn(s, t.pairs()) {
			continue // the window lacks a literal every match holds
		}
		re := r.searchFor(s, t.pairs())
		if re == nil {
			continue // no alternative's literals are all there
		}
		for _, loc := range t.wholeWords(re, !r.anchored, win[0], win[1]) {
			b, e := loc[0], loc[1]
			m := match{b: b, e: e, span: t.span(b, e)}
			for g := 2; g+1 < len(loc); g += 2 {
				if loc[g] >= 0 {
					m.group = g / 2 // which alternative of a phrase list
					break
				}
			}
			if r.keep != nil && !r.keep(t, m) {
				continue
			}
			out = append(out, m)
		}
	}
	return out
}

// addWindow adds the window around word i to wins, joining it to the last
// one when they meet; words come in order. A window runs from the end of
// the word before it (keeping "</" or "$" in front of its first word) to
// the start of the word after it (keeping "?" after its last).
func addWindow(t *text, wins [][2]int, i int) [][2]int {
	b, e := 0, len(t.norm)
	if j := i - window - 1; j >= 0 {
		b = t.words[j].e
	}
	if j := i + window + 1; j < len(t.words) {
		e = t.words[j].b
	}
	if n := len(wins); n > 0 && b <= wins[n-1][1] {
		wins[n-1][1] = max(wins[n-1][1], e)
		return wins
	}
	return append(wins, [2]int{b, e})
}

// searchFor returns the pattern to search s, a window of a text whose byte
// pairs are seen, with: the rule's one alternative that can match in s when
// only one can, else the whole pattern; nil when none can. The regexp
// package's NFA costs time in proportion to the pattern's size, and the
// alternatives that cannot match in s add no match: the leftmost-longest
// matches of the rest are the same.
func (r *rule) searchFor(s string, seen *pairSet) *regexp.Regexp {
	r.altsOnce.Do(func() { r.alts = alternatives(r.re) })
	if len(r.alts) == 0 {
		return r.re
	}
	var only *regexp.Regexp
	for _, a := range r.alts {
		if !a.pre.matchIn(s, seen) {
			continue
		}
		if only != nil {
			return r.re
		}
		only = a.re
	}
	return only
}

// alternatives compiles the top-level alternatives of re, leftmost-longest
// like re. It returns nil for a pattern of one alternative, for one with
// capture groups, which a part would number differently, and for one that
// sets flags for what follows ("(?i)"), which a part would lose.
func alternatives(re *regexp.Regexp) []alternative {
	if re.NumSubexp() > 0 {
		return nil
	}
	parts := topAlternatives(re.String())
	if len(parts) < 2 {
		return nil
	}
	alts := make([]alternative, len(parts))
	for i, p := range parts {
		if setsFlags.MatchString(p) {
			return nil
		}
		are, err := regexp.Compile(p)
		if err != nil {
			return nil
		}
		are.Longest()
		alts[i] = alternative{are, newPrefilter(p)}
	}
	return alts
}

// setsFlags finds a flag group without a body, "(?i)" or "(?s-m)".
var setsFlags = regexp.MustCompile(`\(\?[a-zA-Z\-]*\)`)

// topAlternatives splits a pattern at its top-level bars, minding groups,
// escapes and character classes; nil when the pattern is not well formed.
func topAlternatives(pattern string) []string {
	if strings.Contains(pattern, `\Q`) {
		return nil // a quoted stretch may hold bars and brackets
	}
	var parts []string
	depth, start := 0, 0
	for i := 0; i < len(pattern); i++ {
		switch pattern[i] {
		case '\\':
			i++ // the escaped character
		case '[':
			end := classEnd(pattern, i)
			if end < 0 {
				return nil
			}
			i = end
		case '(':
			depth++
		case ')':
			depth--
		case '|':
			if depth == 0 {
				parts = append(parts, pattern[start:i])
				start = i + 1
			}
		}
	}
	if depth != 0 {
		return nil
	}
	return append(parts, pattern[start:])
}

// classEnd returns the index of the "]" that closes the class opening at
// pattern[i], or -1. A "]" right after "[" or "[^" is a member, and so is
// an escaped one; "[:alpha:]" closes inside.
func classEnd(pattern string, i int) int {
	j := i + 1
	if j < len(pattern) && pattern[j] == '^' {
		j++
	}
	if j < len(pattern) && pattern[j] == ']' {
		j++
	}
	for ; j < len(pattern); j++ {
		switch {
		case pattern[j] == '\\':
			j++
		case strings.HasPrefix(pattern[j:], "[:"):
			if k := strings.Index(pattern[j+2:], ":]"); k >= 0 {
				j += 2 + k + 1
			}
		case pattern[j] == ']':
			return j
		}
	}
	return -1
}

func (r *rule) triggeredBy(t *text, i int) bool {
	w := t.words[i].s
	if r.exact[w] || r.exact[strings.TrimSuffix(w, "s")] || r.exact[strings.TrimSuffix(w, "es")] {
		return true // plurals: "progressives" triggers "progressive"
	}
	return r.triggeredByScan(t, i, hasDigit(w))
}

// triggeredByScan reports whether word i triggers the rule by a prefix or a
// class of numbers; digit says whether the word has a digit.
func (r *rule) triggeredByScan(t *text, i int, digit bool) bool {
	w := t.words[i].s
	for _, p := range r.prefixes {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	for _, c := range r.classes {
		if !digit {
			return false
		}
		e := t.words[i].e
		switch c {
		case "#":
			return true
		case "#time":
			if strings.HasSuffix(w, "am") || strings.HasSuffix(w, "pm") || e < len(t.norm) && t.norm[e] == ':' {
				return true
			}
		case "#age":
			// An age: a two-digit number from 40 up, or a decade ("60s").
			n := strings.TrimSuffix(w, "s")
			if len(n) == 2 && n >= "40" && n <= "99" && strings.Trim(n, "0123456789") == "" {
				return true
			}
		case "#money":
			if b := t.words[i].b; b > 0 && strings.ContainsAny(t.norm[max(0, b-3):b], "$€£") {
				return true
			}
		}
	}
	return false
}

// splitTop splits a "|"-separated list at the top level only: a phrase may
// hold a regular expression with its own bars. The lists are the rules'
// own, so one that is not well formed is a build defect, as a pattern that
// does not compile is.
func splitTop(list string) []string {
	parts := topAlternatives(list)
	if parts == nil {
		panic(fmt.Sprintf("guardrails: phrase list %q is not well formed", list))
	}
	return parts
}

// topLevel blanks out the parenthesised groups of a phrase, leaving the
// words every match of it contains.
func topLevel(phrase string) string {
	var b strings.Builder
	depth := 0
	for _, c := range phrase {
		switch {
		case c == '(':
			depth++
		case c == ')':
			depth--
		case depth == 0:
			b.WriteRune(c)
			continue
		}
		b.WriteByte(' ')
	}
	return b.String()
}

// alt joins alternatives into a non-capturing group.
func alt(parts ...string) string { return "(?:" + strings.Join(parts, "|") + ")" }

// words turns a "|"-separated list of phrases into an alternation whose
// phrases allow any spacing or hyphen between their words. A phrase may hold
// a regular expression; only top-level bars separate phrases.
func words(list string) string {
	parts := splitTop(list)
	for i, p := range parts {
		parts[i] = strings.Join(strings.Fields(strings.TrimSpace(p)), `[\s\-]+`)
	}
	return alt(parts...)
}
