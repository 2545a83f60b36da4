package guardrails

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	tailor "github.com/tailorhq/tailor"
)

// checkPrivacy checks the copy against the customer's own facts: PII echoed,
// inferred or sensitive values surfacing, and personalisation without consent.
// Messages name a fact by its key, never by its value.
func checkPrivacy(r *run) {
	if !r.in.Profile.Consent.Personalization {
		for _, f := range r.fields {
			history := ownHistory.find(f.t)
			for _, m := range history {
				r.addAt(Consent, tailor.Block, f.name, m.span, "refers to what the customer did without personalization consent")
			}
			for _, m := range ownedAlready.find(f.t) {
				r.addAt(Consent, tailor.Block, f.name, m.span, "refers to what the customer bought without personalization consent")
			}
			for _, m := range append(thoseYouBought.find(f.t), lastTimeYouBought.find(f.t)...) {
				if slices.ContainsFunc(history, func(h match) bool { return h.b < m.e && m.b < h.e }) {
					continue // "those socks you picked up last time": reported once
				}
				r.addAt(Consent, tailor.Block, f.name, m.span, "refers to what the customer bought without personalization consent")
			}
		}
	}
	for _, fact := range r.in.Profile.Facts {
		switch {
		case fact.Key == "first_name":
			checkName(r, fact)
		case fact.PII:
			checkPII(r, fact)
		default:
			checkFact(r, fact)
		}
	}
}

// ownHistory is the reader's own past with the brand, said without a
// fact's value: "those socks you picked up last time", "since your last
// order". Without personalization consent the copy may not know it.
// "On your next order" and "in your cart" promise, and are left alone.
var ownHistory = newRule("the customer's history", "bought picked ordered purchased grabbed got looked viewed browsed checked added saved tried eyed wishlisted returned last previous recent past",
	`(?:you|you've|you\s+have)\s+(?:recently\s+|just\s+|already\s+)?(?:bought|picked\s+up|ordered|purchased|grabbed|got|looked\s+at|viewed|browsed|checked\s+out|added|saved|tried|eyed|wishlisted|returned)\b[^.!?]{0,40}?\b(?:last\s+(?:time|week|month|year|visit|order|season|fall|winter|spring|summer)|recently|the\s+other\s+day|from\s+us|with\s+us)\b`+
		`|your\s+(?:last|latest|previous|recent|past)\s+(?:order|orders|purchase|purchases|visit|booking|box|stay|trip|basket)\b`)

// commonNames are first names that are also ordinary words: they count as
// the name only where the copy addresses the reader ("Hi Will,").
var commonNames = map[string]bool{
	"will": true, "may": true, "june": true, "april": true, "august": true, "summer": true, "autumn": true,
	"hope": true, "joy": true, "faith": true, "grace": true, "rose": true, "mark": true, "bill": true,
	"art": true, "sky": true, "dawn": true, "sunny": true, "penny": true, "ray": true, "rich": true,
	"chance": true, "max": true, "guy": true, "pat": true, "sue": true, "jack": true, "frank": true,
	"dean": true, "drew": true, "gene": true, "rob": true, "page": true, "paige": true, "river": true,
	"storm": true, "ivy": true, "holly": true, "ruby": true, "pearl": true, "crystal": true, "amber": true,
	"destiny": true, "trinity": true, "miles": true, "chase": true, "hunter": true, "sage": true,
	"brook": true, "harmony": true, "melody": true, "star": true, "lucky": true, "rocky": true, "glen": true,
}

var vocative = regexp.MustCompile(`(?:hi|hey|hello|dear|thanks|thank you|congrats|welcome|welcome back|happy birthday|good morning|good news|psst|yo)[\s,]*$`)

// checkName reports the first name in copy for a customer who did not agree
// to personalisation. The name must be capitalised as a name is; a name that
// is also a word ("Will") counts only where the copy addresses the reader.
func checkName(r *run, fact tailor.Fact) {
	if r.in.Profile.Consent.Personalization {
		return
	}
	name := wordsOf(fact.Value)
	if len(name) == 0 || r.rules.brief.findWords(name) != nil {
		return
	}
	common := len(name) == 1 && commonNames[name[0]]
	for _, f := range r.fields {
		for _, sp := range f.t.findWords(name) {
			first := []rune(f.t.origAt(sp))
			if len(first) == 0 || !unicode.IsUpper(first[0]) {
				continue
			}
			if common && !addressed(f.t, sp) {
				continue
			}
			r.addAt(Consent, tailor.Block, f.name, sp, "uses the customer's first name without personalization consent")
		}
	}
}

// addressed reports whether the words at sp address the reader: after a
// greeting, or followed by a comma or an exclamation mark.
func addressed(t *text, sp [2]int) bool {
	runes := t.runeSlice()
	before := strings.ToLower(strings.TrimSpace(string(runes[:sp[0]])))
	if vocative.MatchString(before) {
		return true
	}
	after := strings.TrimLeft(string(runes[sp[1]:]), " ")
	if strings.HasPrefix(after, ",") || strings.HasPrefix(after, "!") || (after == "" && before != "") {
		return true
	}
	// "…, mama-to-be." closes a sentence addressed to the reader.
	return strings.HasSuffix(before, ",") && (after == "" || strings.ContainsRune(".?!", rune(after[0])))
}

// trivialValues are fact values too common to be personal when they appear.
var trivialValues = map[string]bool{
	"true": true, "false": true, "yes": true, "no": true, "none": true, "null": true, "unknown": true,
	"other": true, "new": true, "returning": true, "active": true, "lapsed": true, "loyal": true, "vip": true,
	"member": true, "customer": true, "male": true, "female": true, "high": true, "low": true, "medium": true,
}

// factWords returns the words to look for when a fact's value appears in
// copy, or nil when the value is too short or common to mean anything, or is
// part of the brief itself (the product the customer viewed is also the
// product of the campaign).
func factWords(r *run, value string) []string {
	ws := wordsOf(value)
	n := 0 // len(strings.Join(ws, "")) without the string
	for _, w := range ws {
		n += len(w)
	}
	if len(ws) == 0 || n < 4 || (len(ws) == 1 && trivialValues[ws[0]]) {
		return nil
	}
	if r.rules.brief.findWords(ws) != nil {
		return nil
	}
	return ws
}

func checkFact(r *run, fact tailor.Fact) {
	c := r.in.Profile.Consent
	switch {
	case fact.Sensitive:
		checkFactHints(r, fact, "hints at the sensitive fact %q without quoting it")
	case fact.Source == tailor.Inferred && !c.InferredData:
		checkFactHints(r, fact, "hints at the inferred fact %q without consent to inferred data")
		if incomeKey(fact.Key) {
			for _, f := range r.fields {
				for _, rl := range affluenceRules {
					for _, m := range rl.find(f.t) {
						r.addAt(InferredFact, tailor.Block, f.name, m.span, fmt.Sprintf("implies the inferred fact %q without consent to inferred data", fact.Key))
					}
				}
			}
		}
	}
	if !c.Personalization && !fact.PII && !fact.Sensitive {
		checkConsentHints(r, fact)
		checkMixedSkin(r, fact)
		checkChosenForKey(r, fact)
	}
	ws := factWords(r, fact.Value)
	if fact.Source == tailor.Observed && trackingKey(fact.Key) {
		checkPlace(r, fact)
	}
	if ws == nil {
		return
	}
	for _, f := range r.fields {
		for _, sp := range f.t.findWords(ws) {
			switch {
			case fact.Sensitive:
				r.addAt(InferredFact, tailor.Block, f.name, sp, fmt.Sprintf("surfaces the sensitive fact %q", fact.Key))
			case fact.Source == tailor.Inferred && !c.InferredData:
				r.addAt(InferredFact, tailor.Block, f.name, sp,
					fmt.Sprintf("surfaces the inferred fact %q without consent to inferred data", fact.Key))
			case fact.Source == tailor.Observed && trackingKey(fact.Key):
				r.addAt(Surveillance, tailor.Flag, f.name, sp, fmt.Sprintf("repeats the tracking detail %q", fact.Key))
			}
			if !c.Personalization && !(len(ws) == 1 && amongSkinTypes(f.t, sp)) {
				r.addAt(Consent, tailor.Block, f.name, sp,
					fmt.Sprintf("uses the customer's %q fact without personalization consent", fact.Key))
			}
		}
	}
}

// trackingKey reports whether surveillanceKey matches a fact's key; keys
// repeat on every call, so the answers are kept (see memo).
func trackingKey(key string) bool { return trackingKeys.get(key) }

var trackingKeys = newMemo(surveillanceKey.MatchString)

// surveillanceKey names facts that record how often, how much, when or where.
var surveillanceKey = regexp.MustCompile(`(^|_)(count|counts|times|frequency|visits|opens|clicks|amount|spent|spend|total|location|gps|ip|address|time|timestamp|hour|minutes|seconds|duration|distance|store|city|place|geo)(_|$)`)

// checkPII looks for a PII fact's value in any formatting.
func checkPII(r *run, fact tailor.Fact) {
	v := strings.TrimSpace(fact.Value)
	if v == "" {
		return
	}
	kind, find := piiMatcher(fact.Key, v)
	if kind == "e-mail address" {
		checkEmailNames(r, fact)
	}
	birth := kind == "birth date" && birthKey(fact.Key)
	anyEcho := false
	defer func() {
		if birth && !anyEcho {
			checkBirthHints(r, fact)
		}
	}()
	for _, f := range r.fields {
		echoed := false
		for _, sp := range find(r, f.t) {
			r.addAt(PIIEcho, tailor.Block, f.name, sp, fmt.Sprintf("echoes the customer's %s (%q)", kind, fact.Key))
			echoed, anyEcho = true, true
		}
		if birth && !echoed { // the date itself, when there, says it already
			for _, m := range ownBirthday.find(f.t) {
				r.addAt(PIIEcho, tailor.Block, f.name, m.span, fmt.Sprintf("points at the customer's birth date (%q) without stating it", fact.Key))
			}
		}
	}
}

// birthKey reports whether a key names a fact that holds the customer's
// birth date: "birth_date", "date_of_birth", "dob", "bday".
func birthKey(key string) bool {
	for _, w := range []string{"birth", "Birth", "BIRTH", "dob", "DOB", "Dob", "bday", "Bday", "BDAY"} {
		if strings.Contains(key, w) {
			return true
		}
	}
	return false
}

// ownBirthday is the reader's birthday said without its date: "your
// birthday month is almost here", "happy early birthday", "it's nearly
// birthday week", "another trip around the sun", "as you turn forty",
// "your star sign". For a customer whose birth date the brand holds, it
// tells them the brand reads it. A birthday that is someone else's ("a
// birthday gift for your dad", "happy birthday to us", "our birthday
// sale") is left alone.
var ownBirthday = newRule("the customer's birthday", "birthday birthdays bday b birth sun older turn turning turns hit reach sign special month born",
	`your\s+(?:(?:big|special|upcoming|next)\s+)?(?:birthday|bday|b-day|birth\s+(?:month|week|day|date))\b`+
		`|happy\s+(?:early\s+|belated\s+|almost\s+)?(?:birthday|bday|b-day)\b`+
		`|(?:it's|it\s+is|it's\s+almost|it's\s+nearly|almost|nearly)\s+(?:almost\s+|nearly\s+)?birthday\s+(?:month|week|season|time)\b`+
		`|(?:hey|hi|hello|dear|calling\s+the|to\s+the)\s+birthday\s+(?:girl|boy|star|person)\b`+
		`|(?:another|one\s+more|a\s+new)\s+(?:trip|lap|orbit|spin|loop)\s+(?:around|round)\s+the\s+sun`+
		`|(?:you(?:'re|\s+are)|you'll\s+be|you\s+will\s+be)\s+(?:another\s+|a\s+|one\s+)?year\s+older`+
		`|(?:as|when|now\s+that|before|once)\s+you\s+(?:turn|hit|reach)\s+(?:\d{2}|thirty|forty|fifty|sixty|seventy|the\s+big\s+\S+)`+
		`|(?:you(?:'re|\s+are)|you'll\s+be|you\s+will\s+be)\s+(?:about\s+to\s+turn|turning)\s+(?:\d{2}|thirty|forty|fifty|sixty|seventy|the\s+big\s+\S+)`+
		`|your\s+(?:star|zodiac|birth)\s+sign`+
		// "a birthday treat for you", "your special day", "July is your
		// month", "the month you were born"
		`|birthday\s+(?:treat|gift|present|surprise|discount|offer|bonus|reward|perk|credit|class|box)\s+(?:just\s+|all\s+)?for\s+you\b`+
		`|(?:celebrate|enjoy|mark|make\s+the\s+most\s+of|ahead\s+of|before|for)\s+your\s+special\s+day\b`+
		`|(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+is\s+your\s+month`+
		`|your\s+month\s+is\s+(?:here|almost\s+here|nearly\s+here|coming|around\s+the\s+corner)`+
		`|(?:the\s+(?:month|day|week|year)\s+)?you\s+were\s+born\b`).filter(func(t *text, m match) bool {
	mt := t.norm[m.b:m.e]
	if strings.HasPrefix(mt, "happy") {
		switch prevWord(t, m.b) {
		case "say", "wish", "wishing", "sing", "them", "him", "her":
			return false // "say happy birthday to your sister"
		}
		return nextWord(t, m.e) != "to" // "happy birthday to us"
	}
	return true
})

// piiMatcher decides by the value's shape (and the key when the shape says
// nothing) what the value is and how to find it in copy.
func piiMatcher(key, v string) (string, func(*run, *text) [][2]int) {
	m := piiMemo.get(strconv.Itoa(len(key)) + ":" + key + v)
	return m.kind, m.find
}

// piiMemo keeps piiMatcher's work per key and value (see memo), keyed by
// the key's length, ":", the key and the value.
var piiMemo = newMemo(func(kv string) piiMatch {
	n, kv, _ := strings.Cut(kv, ":")
	l, _ := strconv.Atoi(n)
	kind, find := piiMatcherUncached(kv[:l], kv[l:])
	return piiMatch{kind, find}
})

type piiMatch struct {
	kind string
	find func(*run, *text) [][2]int
}

func piiMatcherUncached(key, v string) (string, func(*run, *text) [][2]int) {
	key = strings.ToLower(key)
	ds := parseDates(v)
	keyIs := func(words ...string) bool {
		for _, w := range words {
			if strings.Contains(key, w) {
				return true
			}
		}
		return false
	}
	switch {
	case strings.Contains(v, "@"):
		want := strings.TrimSpace(normalize(v))
		spelled := spelledEmail(want)
		return "e-mail address", func(_ *run, t *text) [][2]int { return findEmail(t, want, spelled) }
	case isPhone(v) && (keyIs("phone", "mobile", "tel", "cell", "sms") || len(ds) == 0):
		want := digits(v)
		return "phone number", func(_ *run, t *text) [][2]int { return findPhone(t, want) }
	case len(ds) > 0:
		return "birth date", func(r *run, t *text) [][2]int { return findDate(r, t, ds) }
	}
	kind := "personal detail"
	if strings.Contains(key, "address") || strings.Contains(key, "street") || strings.Contains(key, "zip") || strings.Contains(key, "post") {
		kind = "address"
	}
	parts := addressParts(v)
	return kind, func(r *run, t *text) [][2]int {
		var out [][2]int
		for _, p := range parts {
			if r.rules.brief.findWords(p) != nil {
				continue
			}
			out = append(out, t.findWords(p)...)
		}
		return out
	}
}

func digits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isPhone(v string) bool {
	n := len(digits(v))
	return n >= 7 && n <= 15 && strings.Trim(v, "0123456789+-.() /x") == ""
}

var phoneRun = regexp.MustCompile(`\+?\(?\d[\d\s().\-/]{5,}\d`)

// findPhone finds digit runs that are the phone number, with or without its
// country code or trunk "0" and in any grouping ("+44 7700 900123", "07700
// 900123", "(503) 555-0142", "503.555.0142"), also when the run goes on into
// another number ("07700 900123. 20% off"), and the number's last digits
// written after "ending in" or a mask ("ending 0142", "***-0142").
func findPhone(t *text, want string) [][2]int {
	var out [][2]int
	if len(digits(t.norm)) < 3 {
		return nil
	}
	tail := want[max(0, len(want)-10):]
	matches := func(got string) bool {
		return len(got) >= 7 && (strings.HasSuffix(want, got) || strings.HasSuffix(got, tail))
	}
	for _, m := range phoneMatches(t.norm) {
		// The run's groups of digits; trailing groups, another number
		// the run went on into, are dropped one at a time from the end.
		var groups [][2]int
		for i := m[0]; i < m[1]; {
			if !isDigitByte(t.norm[i]) {
				i++
				continue
			}
			j := i
			for j < m[1] && isDigitByte(t.norm[j]) {
				j++
			}
			groups = append(groups, [2]int{i, j})
			i = j
		}
		for n := len(groups); n > 0; n-- {
			e := groups[n-1][1]
			if matches(digits(t.norm[m[0]:e])) && t.wordAt(m[0], e) {
				out = append(out, t.span(m[0], e))
				break
			}
		}
	}
	if len(want) >= 7 {
		out = append(out, findPhoneEnding(t, want)...)
	}
	return out
}

// phoneEnding is the last digits of a number after a mask or "ending".
var phoneEnding = regexp.MustCompile(`(?:(?:ending|ends|finishing|finishes)(?:\s+(?:in|with))?\s*[:\-]?\s*|(?:[*x•#]{2,}[\s\-.]*)+)(\d{3,4})\b`)

// findPhoneEnding finds the phone's last three or four digits written
// after "ending in" or a mask of stars or x's.
func findPhoneEnding(t *text, want string) [][2]int {
	if !strings.Contains(t.norm, want[len(want)-3:]) {
		return nil // the last three digits are not in the copy at all
	}
	var out [][2]int
	for _, m := range phoneEnding.FindAllStringSubmatchIndex(t.norm, -1) {
		if strings.HasSuffix(want, t.norm[m[2]:m[3]]) && t.wordAt(m[2], m[3]) {
			out = append(out, t.span(m[0], m[1]))
		}
	}
	return out
}

// phoneMatches returns phoneRun's matches in s that have 7 digits or more.
// Every character of a match is a phone character, so matches lie within
// maximal runs of them and the regexp finds the same ones run by run; a run
// with fewer than 7 digits holds none with 7.
func phoneMatches(s string) [][]int {
	var out [][]int
	for b := 0; b < len(s); {
		if !phoneChars[s[b]] {
			b++
			continue
		}
		e, n := b, 0
		for ; e < len(s) && phoneChars[s[e]]; e++ {
			if isDigitByte(s[e]) {
				n++
			}
		}
		if n >= 7 {
			for _, m := range phoneRun.FindAllStringIndex(s[b:e], -1) {
				if len(digits(s[b+m[0]:b+m[1]])) >= 7 {
					out = append(out, []int{b + m[0], b + m[1]})
				}
			}
		}
		b = e
	}
	return out
}

// phoneChars are the bytes a phoneRun match can hold: digits, `\s` (space,
// \t, \n, \f, \r) and "+()./-".
var phoneChars = func() (set [256]bool) {
	for _, c := range []byte("0123456789 \t\n\f\r+()./-") {
		set[c] = true
	}
	return set
}()

func findEmail(t *text, want string, spelled *regexp.Regexp) [][2]int {
	var out [][2]int
	for at := 0; want != ""; {
		i := strings.Index(t.norm[at:], want)
		if i < 0 {
			break
		}
		b, e := at+i, at+i+len(want)
		if t.wordAt(b, e) {
			out = append(out, t.span(b, e))
		}
		at = e
	}
	if spelled == nil {
		return out
	}
	// "dana dot r at example dot com": the address spelled out.
	for _, m := range t.find(spelled) {
		if !slices.ContainsFunc(out, func(sp [2]int) bool { return sp[0] < m.span[1] && m.span[0] < sp[1] }) {
			out = append(out, m.span)
		}
	}
	return out
}

// findDate finds dates in copy that can be the birth date, except those the
// brief itself gives (an offer that ends on the customer's birthday).
func findDate(r *run, t *text, want []ymd) [][2]int {
	var out [][2]int
	for _, m := range findDates(t) {
		if anySame(m.dates, want) && !anySame(m.dates, r.rules.briefDates) {
			out = append(out, t.span(m.b, m.e))
		}
	}
	if strings.IndexByte(t.norm, '/') < 0 {
		return out // the regexp costs more than the copy it usually finds nothing in
	}
	for _, m := range bareMonthDay.FindAllStringSubmatchIndex(t.norm, -1) {
		a, b := atoi(t.norm[m[2]:m[3]]), atoi(t.norm[m[4]:m[5]])
		ds := []ymd{{0, a, b}, {0, b, a}}
		sp := t.span(m[0], m[1])
		if !anySame(ds, want) || anySame(ds, r.rules.briefDates) || !t.wordAt(m[0], m[1]) ||
			notBareDate(t, m[0], m[1]) || slices.Contains(out, sp) {
			continue
		}
		out = append(out, sp)
	}
	return out
}

// bareMonthDay is "3/14" with no year. findDates reads it only after a word
// that introduces a date, because "3/4" is as often a fraction, a score or
// "24/7"; but the customer's own birthday as month and day ("it's almost
// 3/14") is the birth date echoed, whatever comes before it.
var bareMonthDay = regexp.MustCompile(`(\d{1,2})/(\d{1,2})`)

// fractionNouns after a bare n/m make it a measure, a score or a rating
// ("3/4 cup", "4/5 stars"), not a date.
var fractionNouns = map[string]bool{"cup": true, "cups": true, "inch": true, "inches": true, "in": true, "mile": true,
	"miles": true, "of": true, "tsp": true, "tbsp": true, "teaspoon": true, "tablespoon": true, "lb": true, "lbs": true,
	"oz": true, "stars": true, "star": true, "rating": true, "length": true, "sleeve": true, "zip": true, "mi": true,
	"km": true, "pound": true, "pounds": true, "points": true, "ratio": true, "split": true, "off": true, "price": true}

// notBareDate reports whether the n/m at norm[b:e] is part of something
// else: a longer date or number ("3/14/1990", "1 3/4"), or a measure.
func notBareDate(t *text, b, e int) bool {
	s := t.norm
	if b > 0 && (isDigitByte(s[b-1]) || strings.IndexByte("/.-$", s[b-1]) >= 0) ||
		e < len(s) && (isDigitByte(s[e]) || strings.IndexByte("/-%", s[e]) >= 0) ||
		e+1 < len(s) && s[e] == '.' && isDigitByte(s[e+1]) {
		return true
	}
	if before := strings.TrimRight(s[:b], " "); before != "" && isDigitByte(before[len(before)-1]) {
		return true // "1 3/4"
	}
	return fractionNouns[nextWord(t, e)] || fractionLeads[prevWord(t, b)]
}

// fractionLeads before a bare n/m make it a size, an age range or a score
// ("kids' sizes 3/4", "rated 4/5").
var fractionLeads = map[string]bool{"size": true, "sizes": true, "age": true, "ages": true, "aged": true, "score": true,
	"scored": true, "rated": true, "rating": true, "grade": true, "odds": true, "ratio": true, "scale": true}

// addressParts returns the word sequences that identify an address: the
// whole value, each comma-separated part of two words or more, the street
// without its number, and postal codes.
func addressParts(v string) [][]string {
	var out [][]string
	addP := func(ws []string) {
		if len(ws) == 0 || len(strings.Join(ws, "")) < 4 {
			return
		}
		for _, o := range out {
			if strings.Join(o, " ") == strings.Join(ws, " ") {
				return
			}
		}
		out = append(out, ws)
	}
	all := wordsOf(v)
	if len(all) >= 2 {
		addP(all)
	}
	for _, part := range strings.Split(v, ",") {
		ws := wordsOf(part)
		if len(ws) >= 2 {
			addP(ws)
		}
		for len(ws) > 0 && strings.IndexFunc(ws[0], unicode.IsDigit) >= 0 {
			ws = ws[1:]
		}
		if len(ws) >= 2 {
			addP(ws)
		}
		pw := wordsOf(part)
		for i, w := range pw {
			if len(w) >= 5 && len(digits(w)) >= 4 {
				addP([]string{w}) // a ZIP code
			}
			// Two words with digits in a row: a postcode ("E2 8AA", "K1A 0B1").
			if i > 0 && hasDigit(w) && hasDigit(pw[i-1]) &&
				strings.IndexFunc(w+pw[i-1], unicode.IsLetter) >= 0 {
				addP(pw[i-1 : i+1])
			}
		}
	}
	if len(out) == 0 && len(all) == 1 {
		addP(all)
	}
	return out
}

// placeNouns end a place's name without telling it apart: "Pearl District
// store" is told by "Pearl District".
var placeNouns = map[string]bool{"store": true, "shop": true, "location": true, "branch": true, "outlet": true,
	"mall": true, "center": true, "centre": true, "studio": true, "gym": true, "club": true, "office": true}

// checkPlace flags a tracked place named without its generic noun ("good to
// see you in the Pearl District" for last_store_visit "Pearl District
// store"); the whole value is found with the other fact checks.
func checkPlace(r *run, fact tailor.Fact) {
	ws := wordsOf(fact.Value)
	n := len(ws)
	for n > 0 && placeNouns[ws[n-1]] {
		n--
	}
	if n == len(ws) || n == 0 || len(strings.Join(ws[:n], "")) < 4 || r.rules.brief.findWords(ws[:n]) != nil {
		return
	}
	for _, f := range r.fields {
		for _, sp := range f.t.findWords(ws[:n]) {
			r.addAt(Surveillance, tailor.Flag, f.name, sp, fmt.Sprintf("repeats the tracking detail %q", fact.Key))
		}
	}
}

// spelledEmail returns a pattern for an e-mail address written out to get
// past a filter: its words in order, with "at" or "(at)" for "@", "dot" for
// ".", and spaces or "underscore" and "dash" inside the name
// ("dana dot reyes at example dot com", "dana.reyes [at] example.com").
// The exact address is findEmail's other half.
func spelledEmail(addr string) *regexp.Regexp {
	local, domain, ok := strings.Cut(addr, "@")
	lw, dw := wordsOf(local), wordsOf(domain)
	if !ok || len(lw) == 0 || len(dw) < 2 {
		return nil
	}
	quote := func(ws []string) []string {
		out := make([]string, len(ws))
		for i, w := range ws {
			out[i] = regexp.QuoteMeta(w)
		}
		return out
	}
	const (
		inName = `(?:\s*[._\-+]\s*|\s+(?:dot|period|point|underscore|dash|hyphen|plus)\s+|\s*[\[(<{]\s*(?:dot|underscore|dash)\s*[\])>}]\s*|\s+)`
		at     = `(?:\s*@\s*|\s+at\s+|\s*[\[(<{]\s*at\s*[\])>}]\s*|\s+at\s+sign\s+)`
		dot    = `(?:\s*\.\s*|\s+(?:dot|period|point)\s+|\s*[\[(<{]\s*dot\s*[\])>}]\s*)`
	)
	re := regexp.MustCompile(strings.Join(quote(lw), inName) + at + strings.Join(quote(dw), dot))
	re.Longest()
	return re
}

// mixedSkin is combination skin described by its parts rather than named:
// "oily here, dry there", "a shiny T-zone and flaky cheeks", "light enough
// for the T-zone and soft enough for drier cheeks".
var mixedSkin = newRule("combination skin described", "oily oilier oiliest greasy greasier shiny shinier slick t tzone dry drier dryer driest flaky flakier parched tight tighter dehydrated",
	`(?:`+oilySkin+`)\b[^.!?;\n]{0,40}?\b(?:`+drySkin+`)\b|(?:`+drySkin+`)\b[^.!?;\n]{0,40}?\b(?:`+oilySkin+`)\b`).filter(func(t *text, m match) bool {
	// Alternatives ("oily or dry"), a list of skin types, or hair are not
	// one reader's mixed skin.
	for _, w := range strings.Fields(t.norm[m.b:m.e]) {
		switch strings.Trim(w, ",:") {
		case "or", "nor", "either", "whether", "neither":
			return false
		}
	}
	i := 0
	for i < len(t.words) && t.words[i].e <= m.b {
		i++
	}
	if sentenceHas(t, i, skinTypeList) {
		return false
	}
	// "Light enough for oily skin, rich enough for dry skin": two skin
	// types, each a whole skin, not the parts of one face.
	types := 0
	ws := sentenceAround(t, i)
	for k := 0; k+1 < len(ws); k++ {
		if skinTypes[ws[k].s] && ws[k+1].s == "skin" {
			types++
		}
	}
	return types < 2
})

const (
	oilySkin = `oily|oilier|oiliest|greasy|greasier|shiny|shinier|slick|t[\s\-]?zone`
	drySkin  = `dry|drier|dryer|driest|flaky|flakier|parched|tight|tighter|dehydrated`
)

// skinTypeList in a sentence make oily and dry words a list of skin types
// or about hair, not one reader's skin.
var skinTypeList = map[string]bool{"combination": true, "normal": true, "types": true, "type": true, "every": true, "all": true,
	"any": true, "hair": true, "scalp": true, "roots": true, "ends": true, "whatever": true, "whether": true}

// checkMixedSkin reports combination skin described, not named, for a
// customer who declared it without consenting to personalization.
func checkMixedSkin(r *run, fact tailor.Fact) {
	if !strings.Contains(strings.ToLower(fact.Key), "skin") || !slices.ContainsFunc(wordsOf(fact.Value), func(w string) bool { return w == "combination" || w == "combo" || w == "mixed" }) {
		return
	}
	for _, f := range r.fields {
		for _, m := range mixedSkin.find(f.t) {
			r.addAt(Consent, tailor.Block, f.name, m.span, fmt.Sprintf("describes the customer's %q fact without personalization consent", fact.Key))
		}
	}
}

// skinTypes are the skin types copy lists side by side.
var skinTypes = map[string]bool{"oily": true, "dry": true, "normal": true, "combination": true, "sensitive": true, "mature": true}

// amongSkinTypes reports whether the word at sp is a skin type listed with
// another in a sentence that does not address the reader: "it suits dry,
// oily and combination skin" is the product's range, not the reader's
// skin ("your combination skin", "combination skin like yours" are).
func amongSkinTypes(t *text, sp [2]int) bool {
	i := 0
	for i < len(t.words) && t.origEnd(t.words[i].e-1) <= sp[0] {
		i++
	}
	if i >= len(t.words) || !skinTypes[t.words[i].s] {
		return false
	}
	others, you := 0, false
	for _, w := range sentenceAround(t, i) {
		if secondPerson[w.s] {
			you = true
		}
		if skinTypes[w.s] && w.s != t.words[i].s {
			others++
		}
	}
	return others > 0 && (!you || skinAlternatives(t, i))
}

// skinAlternatives reports whether skin-type word i is one of a run of
// skin types offered as alternatives with "or": "whether your skin is dry,
// oily or combination", "is your skin dry or combination?". The reader's
// skin is one of them, unnamed: the list is the product's range. "Your
// combination skin" and "your dry and combination patches" are not
// alternatives.
func skinAlternatives(t *text, i int) bool {
	b, e := i, i
	for b > 0 && (skinTypes[t.words[b-1].s] || t.words[b-1].s == "or" || t.words[b-1].s == "and") {
		b--
	}
	for e+1 < len(t.words) && (skinTypes[t.words[e+1].s] || t.words[e+1].s == "or" || t.words[e+1].s == "and") {
		e++
	}
	or, n := false, 0
	for _, w := range t.words[b : e+1] {
		or = or || w.s == "or"
		if skinTypes[w.s] {
			n++
		}
	}
	return or && n >= 2
}

// chosenVerbs say the copy or product was chosen with a fact in hand.
var chosenVerbs = map[string]bool{"picked": true, "chosen": true, "selected": true, "matched": true, "tailored": true,
	"curated": true, "handpicked": true, "made": true, "suited": true, "personalised": true, "personalized": true,
	"customised": true, "customized": true, "fitted": true}

// keyFillers are words of a fact's key that do not name the fact.
var keyFillers = map[string]bool{"favorite": true, "favourite": true, "preferred": true, "declared": true, "current": true,
	"main": true, "primary": true, "is": true, "has": true, "my": true, "the": true}

// checkChosenForKey reports copy that says it was chosen for the reader's
// fact by the fact's name, without its value: "picked for your skin
// type", "matched to your shoe size", "based on your activity". The
// customer gave the fact without consenting to personalization, and
// copy that says it used the fact uses it. An invitation to choose
// ("find the serum for your skin type") uses nothing.
func checkChosenForKey(r *run, fact tailor.Fact) {
	kw := slices.DeleteFunc(wordsOf(strings.ReplaceAll(fact.Key, "_", " ")), func(w string) bool { return keyFillers[w] })
	if len(kw) == 0 || len(kw[0]) < 3 {
		return
	}
	for _, f := range r.fields {
		if !f.t.contains("your") {
			continue
		}
		ws := f.t.words
		for i := 2; i+1 < len(ws); i++ {
			if ws[i].s != "your" {
				continue
			}
			e := i + 1
			switch head := kw[len(kw)-1]; {
			case len(kw) > 1 && i+len(kw) < len(ws) && slices.Equal(wordStrings(ws[i+1:i+1+len(kw)]), kw):
				e = i + len(kw) // "your skin type"
			case ws[i+1].s == kw[0] || len(kw) > 1 && ws[i+1].s == head && !vagueHeads[head]:
				// "your skin", "your size" for shoe_size
				if len(kw) > 1 && modifiesNext(f.t, i+1) {
					continue // "your skin barrier" names no skin type
				}
			default:
				continue
			}
			b := -1
			switch prep := ws[i-1].s; {
			case (prep == "on" || prep == "off") && ws[i-2].s == "based":
				b = i - 2
			case prep == "for" || prep == "to":
				v := i - 2
				if v > 0 && (ws[v].s == "just" || ws[v].s == "especially" || ws[v].s == "specially" || ws[v].s == "perfectly") {
					v--
				}
				if chosenVerbs[ws[v].s] {
					b = v
				}
			}
			if b < 0 {
				continue
			}
			r.addAt(Consent, tailor.Block, f.name, f.t.span(ws[b].b, ws[e].e),
				fmt.Sprintf("says it was chosen for the customer's %q fact without personalization consent", fact.Key))
		}
	}
}

// modifiesNext reports whether word i, part of a fact's key, qualifies
// the noun after it rather than standing for the fact: "your skin
// barrier", "your skin routine", "your size chart". A word that closes
// the phrase ("your skin and hair", "your skin today") leaves it whole.
func modifiesNext(t *text, i int) bool {
	if i+1 >= len(t.words) || hasByteIn(t.norm[t.words[i].e:t.words[i+1].b], ".,!?;:\n()-") {
		return false
	}
	return !phraseClosers[t.words[i+1].s]
}

// phraseClosers may follow a fact's word without making it a modifier.
var phraseClosers = map[string]bool{"and": true, "or": true, "but": true, "with": true, "so": true, "too": true,
	"today": true, "tonight": true, "now": true, "this": true, "that": true, "all": true, "every": true, "each": true,
	"in": true, "on": true, "at": true, "from": true, "by": true, "for": true, "as": true, "while": true, "when": true,
	"is": true, "are": true, "was": true, "will": true, "can": true, "needs": true, "deserves": true, "just": true,
	"perfectly": true, "better": true, "best": true, "again": true, "year": true, "round": true, "day": true, "to": true,
	"type": true, "types": true, "s": true, "'s": true}

// vagueHeads end a fact's key without naming it alone: "your type".
var vagueHeads = map[string]bool{"type": true, "kind": true, "stage": true, "band": true, "level": true, "name": true, "status": true, "id": true}

func wordStrings(ws []word) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = w.s
	}
	return out
}

// birthParts keeps the months and days a birth date value can mean.
var birthParts = newMemo(func(v string) []ymd { return parseDates(v) })

// birthdayWord is the birthday named in copy, unless it is the brand's own
// ("our birthday sale").
var birthdayWord = newRule("a birthday", "birthday birthdays bday big special", `\b(?:birthday|birthdays|bday|b-day)\b|\byour\s+(?:big|special)\s+day\b`).filter(func(t *text, m match) bool {
	switch prevWord(t, m.b) {
	case "our", "its", "store's", "shop's", "brand's":
		return false
	}
	return true
})

// checkBirthHints finds, in copy that speaks of a birthday, the month or
// the day of the customer's birth date without the whole date: "a
// birthday class in mid-March?", "celebrate the 22nd". A month or day the
// brief itself holds (the offer's deadline) is the brief's.
func checkBirthHints(r *run, fact tailor.Fact) {
	ds := birthParts.get(fact.Value)
	if len(ds) == 0 {
		return
	}
	said := false
	for _, f := range r.fields {
		if len(birthdayWord.find(f.t)) > 0 {
			said = true
			break
		}
	}
	if !said {
		return
	}
	for _, f := range r.fields {
		for _, w := range f.t.words {
			s := w.s
			if i := strings.LastIndexByte(s, '-'); i >= 0 {
				s = s[i+1:] // "mid-march"
			}
			b := w.e - len(s)
			hit := false
			for _, d := range ds {
				switch {
				case len(s) >= 3 && monthIndex(s[:3]) == d.m && (len(s) == 3 || monthNameRe.MatchString(s)):
					if s == "may" || s == "march" { // verbs too: only as a capitalised name
						if first, _ := utf8.DecodeRuneInString(f.t.origAt(f.t.span(b, w.e))); !unicode.IsUpper(first) {
							continue
						}
					}
					hit = true
				case d.d > 0 && ordinalDay(s) == d.d:
					hit = true
				}
			}
			if hit && r.rules.brief.findWords([]string{s}) == nil {
				r.addAt(PIIEcho, tailor.Block, f.name, f.t.span(b, w.e), fmt.Sprintf("points at the customer's birth date (%q) by its month or day", fact.Key))
			}
		}
	}
}

// ordinalDay is the day of "22nd" or "twentieth", or 0.
func ordinalDay(s string) int {
	if d := dayOrdinals[s]; d > 0 {
		return d
	}
	n := len(s)
	if n < 3 || n > 4 {
		return 0
	}
	switch s[n-2:] {
	case "st", "nd", "rd", "th":
	default:
		return 0
	}
	d := 0
	for i := 0; i < n-2; i++ {
		if !isDigitByte(s[i]) {
			return 0
		}
		d = d*10 + int(s[i]-'0')
	}
	if d < 1 || d > 31 {
		return 0
	}
	return d
}

// What the reader already owns of the brand's, said as known: "you
// already own the fleece", "already in our socks?", "now that you have
// the tent", "to go with the boots you got". Without personalization
// consent the copy may not know it. A question that does not assume
// ("already have a tent?"), and what anyone may own ("you already have
// everything you need"), are left alone.
var ownedAlready = newRule("the customer's purchases", "already own owned bought picked got",
	`\byou(?:'ve|\s+have)?\s+already\s+(?:have|own|got|bought|wear|use|love)\s+(?:the|our|those|these|that|your)\s+(?:[\w\-]+\s+){0,2}?(?:socks?|shoes?|boots?|jackets?|fleece|shell|pack|tent|serum|cream|cleanser|box|set|kit|card|account|plan|membership|shorts|tights|leggings|hoodie|tee|shirt|gloves|hat|poles|mat|bottle)\b`+
		`|\balready\s+(?:in|wearing|using|rocking|loving)\s+(?:our|your|the|those)\s+(?:[\w\-]+\s+){0,2}?(?:socks?|shoes?|boots?|jackets?|fleece|shell|pack|tent|serum|cream|tights|leggings|hoodie|tee|shirt|gloves|hat)\s*\?`+
		`|\b(?:now\s+that|since)\s+you(?:'ve|\s+have)?\s+(?:got|own|bought|picked\s+up)\s+(?:the|our|those|these|your)\s+(?:[\w\-]+\s+){0,2}?(?:socks?|shoes?|boots?|jackets?|fleece|shell|pack|tent|serum|cream|cleanser|box|set|kit|tights|leggings|hoodie|tee|shirt|gloves|hat|poles|mat|bottle)\b`+
		`|\b(?:to\s+go\s+with|to\s+match|to\s+pair\s+with)\s+(?:the|those|these|your)\s+(?:[\w\-]+\s+){0,2}?(?:socks?|shoes?|boots?|jackets?|fleece|shell|pack|tent|serum|cream|tights|leggings|hoodie)\s+you\s+(?:already\s+)?(?:own|got|bought)\b`)

// checkEmailNames finds a name the profile holds only inside the
// customer's e-mail address ("dana.reyes@…"), used as a name: after a
// title ("Ms. Reyes"), after the first name ("Dana Reyes"), before
// "family" ("the Reyes household") or after a greeting ("Hi Reyes"). Only
// the first name is the copy's to use; a word of the address elsewhere
// ("reyes" as a street) is not read as a name.
func checkEmailNames(r *run, fact tailor.Fact) {
	local, _, ok := strings.Cut(fact.Value, "@")
	if !ok {
		return
	}
	first := ""
	for _, f := range r.in.Profile.Facts {
		if f.Key == "first_name" {
			first = strings.Join(wordsOf(f.Value), " ")
		}
	}
	for _, name := range wordsOf(local) {
		if len(name) < 3 || name == first || !isASCIIAlpha(name) || r.rules.brief.findWords([]string{name}) != nil {
			continue
		}
		for _, f := range r.fields {
			for _, sp := range f.t.findWords([]string{name}) {
				if nameUse(f.t, sp, first) {
					r.addAt(PIIEcho, tailor.Block, f.name, sp, fmt.Sprintf("echoes a name from the customer's e-mail address (%q)", fact.Key))
				}
			}
		}
	}
}

// nameTitles are the titles a surname follows.
var nameTitles = map[string]bool{"mr": true, "mrs": true, "ms": true, "miss": true, "mx": true, "dr": true, "prof": true,
	"professor": true, "sir": true, "madam": true, "madame": true, "mister": true}

// familyNouns after a surname make it the family's name.
var familyNouns = map[string]bool{"family": true, "household": true, "residence": true, "clan": true, "family's": true, "household's": true}

// nameUse reports whether the word at sp, written with a capital, stands
// where a name does: after a title, the first name or a greeting, or
// before "family".
func nameUse(t *text, sp [2]int, first string) bool {
	w := []rune(t.origAt(sp))
	if len(w) == 0 || !unicode.IsUpper(w[0]) {
		return false
	}
	i := 0
	for i < len(t.words) && t.span(t.words[i].b, t.words[i].e)[0] < sp[0] {
		i++
	}
	if i >= len(t.words) {
		return false
	}
	if i > 0 {
		prev := t.words[i-1].s
		if nameTitles[prev] || first != "" && prev == first {
			return true
		}
	}
	if i+1 < len(t.words) && familyNouns[t.words[i+1].s] {
		return true
	}
	before := strings.ToLower(strings.TrimSpace(string(t.runeSlice()[:sp[0]])))
	return vocative.MatchString(before)
}

// The reader's purchase pointed at as known: "those Ridge Runners you
// picked up", "that serum you ordered". The thing must be a product, by
// its noun or its capitalised name: "that feeling you got at the summit"
// is not one.
var thoseYouBought = newRule("the customer's purchases", "bought picked ordered purchased grabbed got",
	`\b(?:those|these|that)\s+(?:[\w\-]+\s+){1,3}?you\s+(?:recently\s+|just\s+|already\s+)?(?:bought|picked\s+up|ordered|purchased|grabbed|got)\b`).filter(func(t *text, m match) bool {
	return namesProduct(t, m.b, m.e)
})

// The reader's purchase with the time said first: "last time you grabbed
// our trail socks", "the other day you picked up the Ridge Runners". What
// was bought must be the brand's ("our"), a product noun or a name within
// a few words: "last time you got caught in the rain" bought nothing.
var lastTimeYouBought = newRule("the customer's purchases", "last other recently bought picked ordered purchased grabbed got snagged chose scored",
	`\b(?:last\s+(?:time|week|month|year|visit|season|fall|winter|spring|summer|order)|the\s+other\s+day|recently),?\s+you(?:'ve|\s+have)?\s+(?:just\s+)?(?:bought|picked\s+up|ordered|purchased|grabbed|got|snagged|chose|scored|went\s+for|treated\s+yourself\s+to)\b`).filter(func(t *text, m match) bool {
	return objectNamesProduct(t, m.e)
})

// objectWords is how far after the verb the thing bought may be named:
// "our new trail socks".
const objectWords = 4

// objectNamesProduct reports whether one of the few words after byte e,
// in the same sentence, is "our", a product noun or a capitalised name.
func objectNamesProduct(t *text, e int) bool {
	n := 0
	for _, w := range t.words {
		if w.b < e {
			continue
		}
		if n == objectWords || hasByteIn(t.norm[e:w.b], ".!?;\n") {
			return false
		}
		n++
		if w.s == "our" || productNouns[strings.TrimSuffix(w.s, "s")] || namedAddress(t, w) {
			return true
		}
	}
	return false
}

// namesProduct reports whether the words after the first in [b, e), up to
// "you", hold a product noun or a capitalised name.
func namesProduct(t *text, b, e int) bool {
	first := true
	for _, w := range t.words {
		if w.b < b || w.e > e {
			continue
		}
		if first {
			first = false
			continue
		}
		if w.s == "you" {
			return false
		}
		if productNouns[strings.TrimSuffix(w.s, "s")] || namedAddress(t, w) {
			return true
		}
	}
	return false
}

// productNouns are things a shop sells, singular.
var productNouns = map[string]bool{"sock": true, "shoe": true, "boot": true, "jacket": true, "fleece": true, "shell": true,
	"pack": true, "tent": true, "serum": true, "cream": true, "cleanser": true, "box": true, "kit": true, "runner": true,
	"trainer": true, "sneaker": true, "tight": true, "legging": true, "hoodie": true, "tee": true, "shirt": true,
	"glove": true, "hat": true, "pole": true, "mat": true, "bottle": true, "moisturiser": true, "moisturizer": true,
	"balm": true, "short": true, "bag": true, "kicks": true, "lotion": true, "toner": true, "oil": true}
