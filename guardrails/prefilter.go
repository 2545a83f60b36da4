package guardrails

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"unicode"
)

// A prefilter is a necessary condition for a regular expression to match in
// normalised text (text.norm): a formula over literal strings that every
// match contains, derived from the pattern's syntax tree. Text that fails it
// cannot hold a match, so the regular expression need not run there; text
// that passes runs it exactly as before, so no result can change. A nil
// prefilter is always true.
type prefilter struct {
	and  bool     // every literal and sub-formula must hold (else any one)
	lits []string // substrings of the text
	subs []*prefilter
}

// maxExact bounds the sets of strings a sub-pattern can match exactly (and
// so the literals of one "any of").
const maxExact = 64

// newPrefilter derives the prefilter of a pattern; nil when it cannot (which
// only costs the saving).
func newPrefilter(pattern string) *prefilter {
	re, err := syntax.Parse(pattern, syntax.Perl) // as regexp.Compile parses it
	if err != nil {
		return nil
	}
	return analyze(re.Simplify()).query().simplify()
}

// simplify drops the parts of a formula that cannot change its value, so
// that match tests fewer literals: the same literal came back at every
// level of a pattern's tree (and, before notInNorm, the \s of "you\s+are"
// alone gave five literals per word boundary).
//
//   - In "all of", a literal inside another literal of the list is implied
//     by it, as is an "any of" with a literal inside one of the list's.
//   - In "any of", a literal holding another literal of the list adds
//     nothing, nor does an "all of" with a literal holding one of the list's.
//   - Nested formulas of the same kind are one formula; "all of" one
//     formula is that formula, and "any of" one literal is that literal.
func (p *prefilter) simplify() *prefilter {
	if p == nil {
		return nil
	}
	var lits []string
	var subs []*prefilter
	for _, q := range p.subs {
		q = q.simplify()
		switch {
		case q == nil:
			if !p.and {
				return nil // a branch that requires nothing
			}
		case q.and == p.and:
			lits = append(lits, q.lits...)
			subs = append(subs, q.subs...)
		default:
			subs = append(subs, q)
		}
	}
	lits = append(slices.Clone(p.lits), lits...)
	if p.and {
		lits = keepLongest(lits)
		subs = slices.DeleteFunc(subs, func(q *prefilter) bool { return !q.and && anyInside(q.lits, lits) })
		subs = dropImplied(subs)
	} else {
		lits = keepShortest(lits)
		subs = slices.DeleteFunc(subs, func(q *prefilter) bool { return q.and && anyInside(lits, q.lits) })
	}
	out := &prefilter{and: p.and, lits: lits, subs: subs}
	switch {
	case p.and && len(lits) == 0 && len(subs) == 0:
		return nil
	case p.and && len(lits) == 0 && len(subs) == 1:
		return subs[0]
	case !p.and && len(lits) == 0 && len(subs) == 1:
		return subs[0]
	case !p.and && len(lits) == 1 && len(subs) == 0:
		out.and = true
	}
	return out
}

// keepLongest drops the literals of "all of" that another one contains
// (and repeats).
func keepLongest(lits []string) []string {
	var out []string
	for i, s := range lits {
		if !slices.ContainsFunc(lits, func(o string) bool { return inside(s, o, i, lits) }) {
			out = append(out, s)
		}
	}
	return out
}

// keepShortest drops the literals of "any of" that contain another one (and
// repeats).
func keepShortest(lits []string) []string {
	var out []string
	for i, s := range lits {
		if !slices.ContainsFunc(lits, func(o string) bool { return inside(o, s, i, lits) }) {
			out = append(out, s)
		}
	}
	return out
}

// inside reports whether a lies within b, taking a repeated literal to lie
// within its other copies only when they come before lits[i] (so one stays).
func inside(a, b string, i int, lits []string) bool {
	if a != b {
		return strings.Contains(b, a)
	}
	return slices.Index(lits, a) < i
}

// dropImplied drops the "any of" formulas of an "all of" that another one
// implies: "and" or "then" is implied by "and " or "then ".
func dropImplied(subs []*prefilter) []*prefilter {
	var out []*prefilter
	for i, q := range subs {
		if !slices.ContainsFunc(subs, func(o *prefilter) bool { return o != q && implies(o, q, i, subs) }) {
			out = append(out, q)
		}
	}
	return out
}

// implies reports whether subs[i] is implied by o, another "any of" of the
// list. Of two equivalent formulas, the first stays.
func implies(o, q *prefilter, i int, subs []*prefilter) bool {
	if !onlyLitsImply(o, q) {
		return false
	}
	if !onlyLitsImply(q, o) {
		return true // o is strictly stronger
	}
	return slices.Index(subs, o) < i
}

// onlyLitsImply reports whether "any of" o being true makes "any of" q
// true: o has only literals, and each holds one of q's.
func onlyLitsImply(o, q *prefilter) bool {
	if o.and || q.and || len(o.subs) > 0 || len(o.lits) == 0 {
		return false
	}
	for _, l := range o.lits {
		if !slices.ContainsFunc(q.lits, func(s string) bool { return strings.Contains(l, s) }) {
			return false
		}
	}
	return true
}

// anyInside reports whether some literal of small lies within some literal
// of big.
func anyInside(small, big []string) bool {
	return slices.ContainsFunc(small, func(s string) bool {
		return slices.ContainsFunc(big, func(b string) bool { return strings.Contains(b, s) })
	})
}

// match reports whether s satisfies the prefilter.
func (p *prefilter) match(s string) bool { return p.matchIn(s, nil) }

// matchIn reports whether s, a stretch of a text whose byte pairs are seen
// (nil: unknown), satisfies the prefilter. Most literals are in neither:
// a pair the text lacks rules a literal out without searching s for it.
func (p *prefilter) matchIn(s string, seen *pairSet) bool {
	return p.holds(func(lit string) bool { return has(s, lit, seen) })
}

// mayMatch reports whether some stretch of a text whose byte pairs are seen
// may satisfy the prefilter: false for sure when the whole text lacks what
// it requires, which spares trying it window by window.
func (p *prefilter) mayMatch(seen *pairSet) bool { return p.holds(seen.mayHold) }

// holds evaluates the formula with lit telling whether a literal holds.
func (p *prefilter) holds(lit func(string) bool) bool {
	if p == nil {
		return true
	}
	if p.and {
		for _, l := range p.lits {
			if !lit(l) {
				return false
			}
		}
		for _, q := range p.subs {
			if !q.holds(lit) {
				return false
			}
		}
		return true
	}
	for _, l := range p.lits {
		if lit(l) {
			return true
		}
	}
	for _, q := range p.subs {
		if q.holds(lit) {
			return true
		}
	}
	return false
}

// has reports whether s, a stretch of a text whose byte pairs are seen (nil:
// unknown), holds lit.
func has(s, lit string, seen *pairSet) bool {
	if seen != nil && !seen.mayHold(lit) {
		return false
	}
	return strings.Contains(s, lit)
}

// pairSet is the set of adjacent byte pairs of a text, each byte cut to its
// low six bits: 512 bytes that say for sure which literals a text lacks.
// Bytes that share six bits ("p" and "0", "a" and "!") only make a pair
// look present that is not, which costs a search, never a match.
type pairSet [64 * 64 / 64]uint64

// pairOf is the bit of the byte pair a, b.
func pairOf(a, b byte) uint16 { return uint16(a&63)<<6 | uint16(b&63) }

func newPairSet(s string) *pairSet {
	var ps pairSet
	for i := 0; i+1 < len(s); i++ {
		k := pairOf(s[i], s[i+1])
		ps[k/64] |= 1 << (k % 64)
	}
	return &ps
}

// mayHold reports whether the text may hold lit: false for sure when the
// text lacks one of its byte pairs.
func (ps *pairSet) mayHold(lit string) bool {
	for i := 0; i+1 < len(lit); i++ {
		if k := pairOf(lit[i], lit[i+1]); ps[k/64]&(1<<(k%64)) == 0 {
			return false
		}
	}
	return true
}

// reInfo is what a sub-pattern tells about its matches: the exact set of
// strings it matches when that set is small (exact != nil), else strings
// every match starts and ends with (prefix, suffix; nil: unknown) and a
// necessary condition q.
type reInfo struct {
	exact          []string
	prefix, suffix []string
	q              *prefilter
}

func exactly(ss ...string) reInfo { return reInfo{exact: ss} }

// prefixes returns strings every match starts with, or nil.
func (in reInfo) prefixes() []string {
	if in.exact != nil {
		return in.exact
	}
	return in.prefix
}

// suffixes returns strings every match ends with, or nil.
func (in reInfo) suffixes() []string {
	if in.exact != nil {
		return in.exact
	}
	return in.suffix
}

// cross returns every a+b, or nil when either is unknown or there are too many.
func cross(a, b []string) []string {
	if a == nil || b == nil || len(a)*len(b) > maxExact {
		return nil
	}
	out := make([]string, 0, len(a)*len(b))
	for _, x := range a {
		for _, y := range b {
			out = append(out, x+y)
		}
	}
	return out
}

// concat is what a match of a followed by a match of b tells: both
// conditions, and one of a's endings followed by one of b's beginnings.
func concat(a, b reInfo) reInfo {
	if x := cross(a.exact, b.exact); x != nil {
		return exactly(x...)
	}
	out := reInfo{q: allOf(a.query(), b.query(), exactly(cross(a.suffixes(), b.prefixes())...).query())}
	if a.exact != nil {
		if out.prefix = cross(a.exact, b.prefixes()); out.prefix == nil {
			out.prefix = a.exact
		}
	} else {
		out.prefix = a.prefix
	}
	if b.exact != nil {
		if out.suffix = cross(a.suffixes(), b.exact); out.suffix == nil {
			out.suffix = b.exact
		}
	} else {
		out.suffix = b.suffix
	}
	return out
}

// query returns the necessary condition the info gives.
func (in reInfo) query() *prefilter {
	if in.exact == nil {
		return in.q
	}
	if len(in.exact) == 0 || slices.Contains(in.exact, "") {
		return nil // the empty string matches: nothing is required
	}
	// In "any of", a literal that contains another adds nothing.
	var lits []string
	for _, s := range in.exact {
		if !slices.ContainsFunc(in.exact, func(o string) bool { return o != s && strings.Contains(s, o) }) && !slices.Contains(lits, s) {
			lits = append(lits, s)
		}
	}
	if len(lits) == 1 {
		return &prefilter{and: true, lits: lits}
	}
	return &prefilter{lits: lits}
}

func allOf(qs ...*prefilter) *prefilter {
	out := &prefilter{and: true}
	for _, q := range qs {
		switch {
		case q == nil:
		case q.and:
			out.lits = append(out.lits, q.lits...)
			out.subs = append(out.subs, q.subs...)
		default:
			out.subs = append(out.subs, q)
		}
	}
	if len(out.lits) == 0 && len(out.subs) == 0 {
		return nil
	}
	if len(out.lits) == 0 && len(out.subs) == 1 {
		return out.subs[0]
	}
	return out
}

func anyOf(qs ...*prefilter) *prefilter {
	out := &prefilter{}
	for _, q := range qs {
		switch {
		case q == nil:
			return nil // one branch requires nothing
		case !q.and || len(q.lits)+len(q.subs) == 1 && len(q.lits) == 1:
			out.lits = append(out.lits, q.lits...)
			out.subs = append(out.subs, q.subs...)
		default:
			out.subs = append(out.subs, q)
		}
	}
	return out
}

// notInNorm reports whether normalised text never holds r: newText turns
// tabs and line breaks into spaces and drops other control characters. So
// \s ([\t\n\f\r ]) can only be a space there, and the literals around it
// need not be tried with four other separators.
func notInNorm(r rune) bool { return unicode.Is(unicode.Cc, r) }

func analyze(re *syntax.Regexp) reInfo {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return exactly("")
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return reInfo{}
		}
		return exactly(string(re.Rune))
	case syntax.OpCharClass:
		n := 0
		for i := 0; i+1 < len(re.Rune); i += 2 {
			n += int(re.Rune[i+1]-re.Rune[i]) + 1
		}
		if n == 0 || n > 10 {
			return reInfo{}
		}
		var out []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				if !notInNorm(r) {
					out = append(out, string(r))
				}
			}
		}
		if len(out) == 0 {
			return reInfo{} // cannot match normalised text; claim nothing
		}
		return exactly(out...)
	case syntax.OpCapture:
		return analyze(re.Sub[0])
	case syntax.OpQuest:
		if in := analyze(re.Sub[0]); in.exact != nil && len(in.exact) < maxExact {
			return exactly(append(slices.Clone(in.exact), "")...)
		}
		return reInfo{}
	case syntax.OpPlus:
		in := analyze(re.Sub[0])
		return reInfo{q: in.query(), prefix: in.prefixes(), suffix: in.suffixes()}
	case syntax.OpRepeat:
		if re.Min >= 1 {
			in := analyze(re.Sub[0])
			return reInfo{q: in.query(), prefix: in.prefixes(), suffix: in.suffixes()}
		}
		return reInfo{}
	case syntax.OpConcat:
		out := exactly("")
		for _, sub := range re.Sub {
			out = concat(out, analyze(sub))
		}
		return out
	case syntax.OpAlternate:
		var union, pre, suf []string
		exact, hasPre, hasSuf := true, true, true
		qs := make([]*prefilter, len(re.Sub))
		for i, sub := range re.Sub {
			in := analyze(sub)
			qs[i] = in.query()
			exact = exact && in.exact != nil && len(union)+len(in.exact) <= maxExact
			if exact {
				union = append(union, in.exact...)
			}
			p, s := in.prefixes(), in.suffixes()
			if hasPre = hasPre && p != nil && len(pre)+len(p) <= maxExact; hasPre {
				pre = append(pre, p...)
			}
			if hasSuf = hasSuf && s != nil && len(suf)+len(s) <= maxExact; hasSuf {
				suf = append(suf, s...)
			}
		}
		if exact {
			return exactly(union...)
		}
		out := reInfo{q: anyOf(qs...)}
		if hasPre {
			out.prefix = pre
		}
		if hasSuf {
			out.suffix = suf
		}
		return out
	}
	return reInfo{} // any character, stars: nothing required
}

// startRe is a regular expression and a copy of it anchored at the start of
// the text, to try it only at the positions where a match can start.
type startRe struct {
	re, at *regexp.Regexp
}

func newStartRe(pattern string) *startRe {
	return &startRe{regexp.MustCompile(pattern), regexp.MustCompile(`^(?:` + pattern + `)`)}
}

// findAll returns what re.FindAllStringSubmatchIndex(s, -1) returns, trying
// the pattern only at positions i where can(s, i), which must hold wherever
// a match starts. The search runs left to right; at the leftmost start the
// anchored copy picks the same match as the search would, so this holds for
// patterns that never match the empty string and assert nothing about the
// text before a match (no \b or ^ at its start), as the callers' patterns.
//
// first holds the bytes a match can start with; can is asked only there.
func (r *startRe) findAll(s, first string, can func(s string, i int) bool) [][]int {
	var out [][]int
	for i := 0; i < len(s); i++ {
		j := strings.IndexAny(s[i:], first)
		if j < 0 {
			break
		}
		if i += j; !can(s, i) {
			continue
		}
		m := r.at.FindStringSubmatchIndex(s[i:])
		if m == nil {
			continue
		}
		for k := range m {
			if m[k] >= 0 {
				m[k] += i
			}
		}
		out = append(out, m)
		i = m[1] - 1 // the next search starts where this match ends
	}
	return out
}
