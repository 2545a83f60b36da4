package guardrails

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	tailor "github.com/tailorhq/tailor"
)

// rules are the brief's phrases compiled for matching. A worker checks many
// variants of few briefs, so they are compiled once per brief and cached.
type rules struct {
	banned      *phrases
	preferred   *phrases
	replaceWith []string // preferred[i] → replaceWith[i]
	competitors *phrases
	// shortComp are distinctive first words of multi-word competitor names
	// ("Keystone" for "Keystone Bank"); shortFor[i] is the full name.
	shortComp *phrases
	shortFor  []string
	// spacedComp are competitor names with their parts split or joined
	// anyhow ("Fresh Way" for FreshWay); checkBrand keeps the spellings
	// that read as the name.
	spacedComp  *phrases
	allowClaims []string // normalised phrases the brand may use
	disclaimers map[tailor.Channel][]string
	// brief is the campaign's own text, normalised: a value that appears in
	// the brief (the product, the offer) is not personal when copy repeats it.
	brief      *text
	briefDates []ymd
	offer      offer
	avoid      map[string]bool // tone families the brand avoids
	caps       map[string]bool // all-caps words the copy may use (capsAllowed)
	maxExcl    int
	gradeMax   int // 0: no reading-level check
	// voice is the brand's voice description, its words stemmed (see
	// voiceStem), sentence by sentence: an instruction to the writer.
	voice [][]string
}

// phrases is a list of phrases compiled into one alternation; the capture
// group of a match says which phrase it was. It runs only near words that
// start like one of its phrases.
type phrases struct {
	rule *rule
	list []string // by capture group - 1
}

func (p *phrases) find(t *text) []match {
	if p == nil {
		return nil
	}
	return p.rule.find(t)
}

func (p *phrases) name(m match) string {
	if m.group < 1 || m.group > len(p.list) {
		return ""
	}
	return p.list[m.group-1]
}

// defaultMaxExclamations is the exclamation marks a field may have when the
// brand does not say.
const defaultMaxExclamations = 1

var (
	cacheMu sync.Mutex
	cache   = map[string]*rules{}
)

const maxCached = 256

func rulesFor(b tailor.Brief) *rules {
	key := cacheKey(b)
	cacheMu.Lock()
	r, ok := cache[key]
	cacheMu.Unlock()
	if ok {
		return r
	}
	r = compileRules(b)
	cacheMu.Lock()
	if len(cache) >= maxCached {
		clear(cache) // briefs change rarely; a full cache means a flood of one-offs
	}
	cache[key] = r
	cacheMu.Unlock()
	return r
}

// cacheKey spells out every part of the brief the rules depend on.
func cacheKey(b tailor.Brief) string {
	var sb strings.Builder
	sb.Grow(512) // most briefs' keys fit: one allocation
	sep := func(parts ...string) {
		for _, p := range parts {
			sb.WriteString(strconv.Itoa(len(p)))
			sb.WriteByte(':')
			sb.WriteString(p)
		}
		sb.WriteByte('|')
	}
	br, c, p := b.Brand, b.Campaign, b.Brand.Policy
	sep(br.BannedPhrases...)
	sep(br.Competitors...)
	sep(br.AvoidTone...)
	sep(p.AllowClaims...)
	for _, k := range sortedKeys(br.PreferredTerms) {
		sep(k, br.PreferredTerms[k])
	}
	for _, k := range sortedKeys(br.RequiredDisclaimers) {
		sep(k, br.RequiredDisclaimers[k])
	}
	sep(br.Name, br.Voice, c.Product, c.Offer, c.CTA, c.Objective)
	sep(intOr(p.MaxExclamations, -1), intOr(p.ReadingGradeMax, -1))
	return sb.String()
}

func intOr(p *int, def int) string {
	if p == nil {
		return strconv.Itoa(def)
	}
	return strconv.Itoa(*p)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func compileRules(b tailor.Brief) *rules {
	br, p := b.Brand, b.Brand.Policy
	r := &rules{
		banned:      compilePhrases(br.BannedPhrases, true),
		competitors: compilePhrases(br.Competitors, false),
		disclaimers: map[tailor.Channel][]string{},
		avoid:       toneFamilies(br.AvoidTone),
		caps:        capsAllowed(b),
		maxExcl:     defaultMaxExclamations,
	}
	from := sortedKeys(br.PreferredTerms)
	var keep []string
	for _, f := range from {
		if strings.TrimSpace(f) != "" && !strings.EqualFold(f, br.PreferredTerms[f]) {
			keep = append(keep, f)
		}
	}
	r.preferred = compilePhrases(keep, true)
	if r.preferred != nil {
		for _, f := range r.preferred.list {
			r.replaceWith = append(r.replaceWith, br.PreferredTerms[f])
		}
	}
	for _, c := range p.AllowClaims {
		if n := strings.TrimSpace(normalize(c)); n != "" {
			r.allowClaims = append(r.allowClaims, n)
		}
	}
	for ch, d := range br.RequiredDisclaimers {
		if ws := wordsOf(d); len(ws) > 0 {
			r.disclaimers[tailor.Channel(ch)] = ws
		}
	}
	c := b.Campaign
	r.brief = newText(strings.Join(append([]string{br.Name, c.Product, c.Offer, c.CTA, c.Objective}, mapValues(br.RequiredDisclaimers)...), "\n"))
	r.offer = parseOffer(r.brief)
	r.offer.newOnly, r.offer.membersOnly = offerAudience(c.Offer)
	var shorts []string
	full := map[string]string{}
	for _, c := range br.Competitors {
		if w := shortName(c, r.brief); w != "" && full[w] == "" {
			shorts = append(shorts, w)
			full[w] = c
		}
	}
	if r.shortComp = compilePhrases(shorts, false); r.shortComp != nil {
		for _, w := range r.shortComp.list {
			r.shortFor = append(r.shortFor, full[w])
		}
	}
	r.spacedComp = compileSpaced(br.Competitors)
	// Rules are shared between goroutines: no lazy state left to fill.
	r.brief.runeSlice()
	r.brief.pairs()
	for _, m := range findDates(r.brief) {
		r.briefDates = append(r.briefDates, m.dates...)
	}
	r.voice = voiceSentences(br.Voice)
	if p.MaxExclamations != nil {
		r.maxExcl = *p.MaxExclamations
	}
	if p.ReadingGradeMax != nil {
		r.gradeMax = *p.ReadingGradeMax
	}
	return r
}

// compilePhrases compiles phrases into one case-insensitive alternation,
// longest first so that "act now" wins over "act". With inflect, each word
// also matches its simple inflections (a ban on "deal" covers "deals").
func compilePhrases(list []string, inflect bool) *phrases {
	type item struct{ orig, pat string }
	var items []item
	seen := map[string]bool{}
	for _, p := range list {
		pat := phrasePattern(p, inflect)
		if pat == "" || seen[pat] {
			continue
		}
		seen[pat] = true
		items = append(items, item{p, pat})
	}
	if len(items) == 0 {
		return nil
	}
	slices.SortStableFunc(items, func(a, b item) int { return len(b.pat) - len(a.pat) })
	out := &phrases{}
	pats := make([]string, len(items))
	var triggers []string
	for i, it := range items {
		out.list = append(out.list, it.orig)
		pats[i] = "(" + it.pat + ")"
		// Every inflection of a word keeps its first three letters.
		first := splitWords(normalize(it.orig))[0].s
		if r := []rune(first); len(r) > 3 {
			first = string(r[:3])
		}
		triggers = append(triggers, first+"*")
		for _, v := range spellingVariants(splitWords(normalize(it.orig))[0].s) {
			if r := []rune(v); len(r) > 3 && string(r[:3]) != first {
				triggers = append(triggers, string(r[:3])+"*")
			}
		}
	}
	out.rule = compileRule("phrase", strings.Join(triggers, " "), strings.Join(pats, "|"))
	return out
}

// phrasePattern turns a phrase into a regular expression over normalised
// text: its words in order, with at most a little punctuation between them.
func phrasePattern(phrase string, inflect bool) string {
	norm := normalize(phrase)
	ws := splitWords(norm)
	// A name with "&" or "and" is written either way: "Glow & Co", "Glow
	// and Co".
	sep := `[^\p{L}\p{N}]{0,4}`
	if strings.Contains(norm, "&") || len(ws) > 2 && slices.ContainsFunc(ws[1:len(ws)-1], func(w word) bool { return w.s == "and" }) {
		ws = slices.DeleteFunc(ws, func(w word) bool { return w.s == "and" })
		sep = `(?:\s+(?:and|n)\s+|[^\p{L}\p{N}]{0,4})`
	}
	if len(ws) == 0 {
		return ""
	}
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = regexp.QuoteMeta(w.s)
		if inflect {
			parts[i] = inflections(w.s)
		}
	}
	// Any short run of spacing or punctuation between words: "act-now",
	// "Glow & Co", "no - brainer".
	return strings.Join(parts, sep)
}

// inflections returns a pattern for a word and its simple English
// inflections: plurals, -ed, -ing, -er, -est, possessives.
func inflections(w string) string {
	if len(w) < 3 || !isASCIIAlpha(w) {
		return regexp.QuoteMeta(w)
	}
	var alts []string
	add := func(a string) {
		if !slices.Contains(alts, a) {
			alts = append(alts, a)
		}
	}
	// Longest suffix first: the first alternative that matches wins. "-ly"
	// too: a ban on "flawless" means "flawlessly".
	const anySuffix, vowel = "(?:ers|est|ing|'s|ed|es|er|ly|s|d)?", "(?:ers|est|ing|ed|er)"
	forms := func(base string) {
		n := len(base)
		add(base + anySuffix)
		if n < 2 {
			return // "ies" back to "y": no stem to change
		}
		switch {
		case base[n-1] == 'e':
			add(base[:n-1] + vowel) // save → saving
		case base[n-1] == 'y' && !isVowel(base[n-2]):
			add(base[:n-1] + "i(?:est|es|ed|er)") // hurry → hurries
		case n <= 4 && !isVowel(base[n-1]) && isVowel(base[n-2]) && !strings.ContainsRune("wxy", rune(base[n-1])):
			add(base + base[n-1:] + vowel) // shop → shopping
		}
	}
	forms(w)
	for _, v := range spellingVariants(w) {
		forms(v)
	}
	derived(w, add)
	// Back to a base form, so that a ban on "guaranteed" covers "guarantee".
	n := len(w)
	switch {
	case strings.HasSuffix(w, "ies") || strings.HasSuffix(w, "ied"):
		forms(w[:n-3] + "y")
	case strings.HasSuffix(w, "ing") && n > 5:
		forms(w[:n-3] + "e")
		add(w[:n-3] + vowel)
		if n-3 >= 4 {
			forms(w[:n-3])
		}
	case strings.HasSuffix(w, "ed") && n > 4:
		forms(w[:n-1])
		add(w[:n-2] + vowel)
		if n-2 >= 4 {
			forms(w[:n-2])
		}
	case strings.HasSuffix(w, "es") && n > 4:
		forms(w[:n-1])
		if b := w[:n-2]; strings.HasSuffix(b, "s") || strings.HasSuffix(b, "x") || strings.HasSuffix(b, "z") ||
			strings.HasSuffix(b, "ch") || strings.HasSuffix(b, "sh") {
			forms(b)
		}
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && n > 3:
		forms(w[:n-1])
	}
	return "(?:" + strings.Join(alts, "|") + ")"
}

// derived adds the adjectives a noun of five letters or more is turned
// into, which say the same banned thing: "miracle" as "miraculous" or
// "miraculously", "spectacle" as "spectacular", "mystery" as
// "mysterious", "hazard" as "hazardous", "wonder" as "wonderful". Only
// whole derived words: "miracles" and "miracle-working" are inflections.
func derived(w string, add func(string)) {
	n := len(w)
	if n < 5 {
		return
	}
	switch {
	case strings.HasSuffix(w, "le") && !isVowel(w[n-3]):
		add(w[:n-2] + "ul(?:ously|ous|arly|ar)") // miracle → miraculous
	case w[n-1] == 'y' && !isVowel(w[n-2]):
		add(w[:n-1] + "i(?:ously|ous)") // mystery → mysterious
	case w[n-1] == 'e':
		add(w[:n-1] + "(?:ously|ous)") // fame → famous
	case !isVowel(w[n-1]):
		add(w + "(?:ously|ous|fully|ful)") // hazard → hazardous
	}
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

func isASCIIAlpha(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}

// compileSpaced compiles each competitor name as its letters in order with
// any spacing, hyphen or "&" between them, and "and" where the name has
// one: "Fresh Way" and "Fresh-Way" for FreshWay, "GlowAndCo" for Glow & Co.
// A name shorter than five letters is left to the exact match.
func compileSpaced(names []string) *phrases {
	out := &phrases{}
	var pats, triggers []string
	seen := map[string]bool{}
	for _, n := range names {
		key, and := nameKey(n)
		if len([]rune(key)) < 5 || seen[key] {
			continue
		}
		seen[key] = true
		sep := `[ \t\-&+/]{1,3}`
		if and {
			sep = `(?:[ \t]*(?:and|n)[ \t]*|[ \t\-&+/]{1,3})`
		}
		var letters []string
		for _, c := range key {
			letters = append(letters, regexp.QuoteMeta(string(c)))
		}
		pats = append(pats, "("+strings.Join(letters, "(?:"+sep+")?")+")")
		out.list = append(out.list, n)
		triggers = append(triggers, string([]rune(key)[:2])+"*")
	}
	if len(pats) == 0 {
		return nil
	}
	out.rule = compileRule("phrase", strings.Join(triggers, " "), strings.Join(pats, "|"))
	return out
}

// nameKey returns a name's letters and digits without spacing, and whether
// it joins its parts with "&" or "and" (which phrasePattern drops too).
func nameKey(name string) (key string, and bool) {
	norm := normalize(name)
	ws := splitWords(norm)
	if strings.Contains(norm, "&") || len(ws) > 2 && slices.ContainsFunc(ws[1:len(ws)-1], func(w word) bool { return w.s == "and" }) {
		ws = slices.DeleteFunc(ws, func(w word) bool { return w.s == "and" })
		and = true
	}
	var sb strings.Builder
	for _, w := range ws {
		sb.WriteString(w.s)
	}
	return sb.String(), and
}

// spellingVariants returns a word's other English spellings, British or
// American, so that a ban on "anti-aging" covers "anti-ageing" and one on
// "colour" covers "color": an e kept or dropped before -ing ("aging",
// "ageing"), -our and -or ("flavour", "flavor"), -ise and -ize
// ("moisturising", "moisturizing").
func spellingVariants(w string) []string {
	if len(w) < 5 || !isASCIIAlpha(w) {
		return nil
	}
	var out []string
	n := len(w)
	switch {
	case strings.HasSuffix(w, "eing") && n > 5:
		out = append(out, w[:n-4]+"ing") // ageing → aging
	case strings.HasSuffix(w, "ging") && isVowel(w[n-5]):
		out = append(out, w[:n-3]+"eing") // aging → ageing
	}
	if i := strings.Index(w, "our"); i > 1 {
		out = append(out, w[:i]+"or"+w[i+3:]) // flavour → flavor
	} else if i := strings.LastIndex(w, "or"); i > 1 && !isVowel(w[i-1]) {
		out = append(out, w[:i]+"our"+w[i+2:]) // color → colour
	}
	for _, p := range [][2]string{{"iz", "is"}, {"is", "iz"}} {
		if i := strings.Index(w, p[0]); i > 1 && i+2 < n && strings.IndexByte("eia", w[i+2]) >= 0 {
			out = append(out, w[:i]+p[1]+w[i+2:]) // moisturizing → moisturising
			break
		}
	}
	return out
}
