package guardrails

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	tailor "github.com/tailorhq/tailor"
)

// checkFormat checks how the copy looks: shouting, exclamation marks over
// the brand's maximum, and emoji the brand does not allow. All are flags: a
// reviewer decides.
func checkFormat(r *run) {
	allowCaps := r.rules.caps
	checkExclamations(r)
	for _, f := range r.fields {
		checkShouting(r, f, allowCaps)
		checkMarkup(r, f)
		checkPlaceholders(r, f)
		if !r.in.Brief.Brand.Policy.AllowEmoji {
			checkEmoji(r, f)
		}
	}
}

// checkExclamations counts "!" over the whole copy, as a reader meets it: a
// brand that allows one does not mean one per field. Each field that holds
// marks past the allowance gets a finding over them.
func checkExclamations(r *run) {
	type mark struct {
		field string
		at    int // rune offset in orig; NFKC makes '！' one and '‼' two
	}
	var marks []mark
	for _, f := range r.fields {
		for i := 0; i < len(f.t.norm); i++ {
			if f.t.norm[i] == '!' {
				marks = append(marks, mark{f.name, f.t.origStart(i)})
			}
		}
	}
	if len(marks) <= r.rules.maxExcl {
		return
	}
	msg := fmt.Sprintf("%d exclamation marks in the copy; the brand allows %d", len(marks), r.rules.maxExcl)
	over := marks[r.rules.maxExcl:]
	for len(over) > 0 {
		n := 1
		for n < len(over) && over[n].field == over[0].field {
			n++
		}
		r.addAt(Format, tailor.Flag, over[0].field, [2]int{over[0].at, over[n-1].at + 1}, msg)
		over = over[n:]
	}
}

// capsAllowed returns the all-caps words the copy may use: those the brief
// itself writes in capitals (product names, codes) and common initialisms.
// It depends on the brief alone, so compileRules keeps it with the rules.
func capsAllowed(brief tailor.Brief) map[string]bool {
	allow := map[string]bool{}
	for _, w := range []string{"STOP", "HELP", "FAQ", "USA", "UK", "EU", "DIY", "VIP", "SMS", "GPS", "LED", "USB", "UV", "SPF", "NYC", "CEO", "ID", "PIN", "TV", "HD", "MSRP", "XL", "XXL", "XS", "OK", "RSVP", "PS", "AM", "PM", "BBQ", "ASAP", "NEW", "EST", "PST", "UTC", "APR", "FAQS"} {
		allow[w] = true
	}
	b, c := brief.Brand, brief.Campaign
	for _, s := range append([]string{b.Name, c.Product, c.Offer, c.CTA, c.Objective}, mapValues(b.RequiredDisclaimers)...) {
		for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			if w == strings.ToUpper(w) {
				allow[w] = true
			}
		}
	}
	return allow
}

// checkShouting flags copy in capitals: most of a field's letters, or a run
// of capitalised words that is not an initialism the brand uses.
func checkShouting(r *run, f field, allow map[string]bool) {
	runes := f.t.runeSlice()
	letters, upper := 0, 0
	for _, c := range runes {
		if unicode.IsLetter(c) {
			letters++
			if unicode.IsUpper(c) {
				upper++
			}
		}
	}
	if letters >= 12 && upper*10 > letters*6 {
		r.addAt(Format, tailor.Flag, f.name, [2]int{0, len(runes)},
			fmt.Sprintf("shouts: %d%% of the letters are capitals", upper*100/letters))
		return
	}
	// A run of all-caps words shouts when one of them is a shouting word or
	// long (not an initialism like "HIIT"), or when the run is several words.
	type capsWord struct{ b, e, n int }
	var run []capsWord
	shouty := false
	flush := func() {
		letters := 0
		for _, w := range run {
			letters += w.n
		}
		if len(run) > 0 && (shouty || len(run) >= 2 && letters >= 6) {
			r.addAt(Format, tailor.Flag, f.name, [2]int{run[0].b, run[len(run)-1].e}, "shouts in capitals")
		}
		run, shouty = run[:0], false
	}
	for i := 0; i < len(runes); {
		if !unicode.IsLetter(runes[i]) {
			i++
			continue
		}
		// The word runs over letters, digits and apostrophes; count them.
		j := i
		n, caps, digit, lower := 0, true, false, false
		for ; j < len(runes); j++ {
			switch c := runes[j]; {
			case unicode.IsLetter(c):
				n++
				caps = caps && unicode.IsUpper(c)
				lower = lower || c >= 'a' && c <= 'z'
				continue
			case unicode.IsDigit(c):
				digit = true
				continue
			case c == '\'':
				continue
			}
			break
		}
		if lower {
			// Not in capitals, and not in allow, whose words all equal their
			// upper case: the switch below would only look at digit.
			if !digit {
				flush()
			}
			i = j
			continue
		}
		w := string(runes[i:j])
		base := strings.TrimSuffix(strings.Trim(w, "'"), "'S")
		switch {
		case caps && n >= 2 && !digit && !allow[base]:
			run = append(run, capsWord{i, j, n})
			// A long word with a vowel is a word, not an initialism ("LGBTQ").
			shouty = shouty || n >= 5 && strings.ContainsAny(base, "AEIOUY") || shoutWords[base]
		case caps && n == 1 || digit || allow[base]:
			// "A", "5K", codes and initialisms neither shout nor break a run.
		default:
			flush()
		}
		i = j
	}
	flush()
}

// shoutWords are short words that only ever shout.
var shoutWords = map[string]bool{
	"SALE": true, "FREE": true, "NOW": true, "HURRY": true, "LAST": true, "OFF": true, "BEST": true,
	"DEAL": true, "DEALS": true, "WOW": true, "HUGE": true, "MEGA": true, "BIG": true, "OMG": true,
	"BUY": true, "SAVE": true, "FAST": true, "EVER": true, "WIN": true, "ONLY": true, "ENDS": true,
}

// isEmoji reports whether r is an emoji or a pictograph (not ©, ® or ™).
func isEmoji(r rune) bool {
	switch {
	case r >= 0x1F000 && r <= 0x1FAFF, r >= 0x2600 && r <= 0x27BF, r >= 0x2B00 && r <= 0x2BFF,
		r >= 0x1F1E6 && r <= 0x1F1FF, r == 0x2B50, r == 0x2B55, r >= 0x231A && r <= 0x231B,
		r >= 0x23E9 && r <= 0x23FA, r == 0x3030, r == 0x303D, r == 0x3297, r == 0x3299:
		return true
	}
	return false
}

// checkEmoji reports each run of emoji (with its joiners and modifiers).
func checkEmoji(r *run, f field) {
	if f.t.ascii {
		return // every emoji is above U+2000
	}
	runes := f.t.runeSlice()
	for i := 0; i < len(runes); i++ {
		if !isEmoji(runes[i]) {
			continue
		}
		j := i + 1
		for j < len(runes) && (isEmoji(runes[j]) || runes[j] == 0x200D || runes[j] == 0xFE0F || runes[j] == 0x20E3) {
			j++
		}
		r.addAt(Format, tailor.Flag, f.name, [2]int{i, j}, "uses emoji, which the brand does not allow")
		i = j - 1
	}
}

// Markdown or HTML left in copy reaches the reader as raw symbols: "**Get
// $100**", "<b>", a "- " list, a "## heading", "[link](https://…)". A
// single "*" (a footnote) or a "-" that starts one line (a sign-off) is
// not markup.
var markup = regexp.MustCompile(`(?i)\*\*[^*\n]+\*\*|__[^_\n]+__|~~[^~\n]+~~` +
	`|</?(?:b|i|u|em|strong|p|br|div|span|a|ul|ol|li|h[1-6]|table|tr|td|img|font|small|sup|sub|hr)(?:\s[^<>\n]{0,200})?/?>` +
	`|(?:^|\n)[ \t]*#{1,6}[ \t]+\S[^\n]*` +
	`|(?:(?:^|\n)[ \t]*[-*+][ \t]+\S[^\n]*){2,}` +
	`|\[[^\]\n]+\]\((?:https?://|www\.|/)[^)\s]*\)`)

// markupMarks are what a match of markup holds one of: most copy has none,
// and the pattern is not run on it.
func hasMarkupMarks(s string) bool {
	return strings.Contains(s, "**") || strings.Contains(s, "__") || strings.Contains(s, "~~") ||
		strings.ContainsRune(s, '<') || strings.ContainsRune(s, '#') || strings.Contains(s, "](") ||
		strings.Contains(s, "- ") || strings.Contains(s, "* ") || strings.Contains(s, "+ ")
}

func checkMarkup(r *run, f field) {
	s := f.t.orig // norm folds line breaks, which a list is made of
	if !hasMarkupMarks(s) {
		return
	}
	for _, loc := range markup.FindAllStringIndex(s, -1) {
		b, e := loc[0], loc[1]
		for b < e && (s[b] == '\n' || s[b] == '\r' || s[b] == ' ' || s[b] == '\t') {
			b++
		}
		rb := utf8.RuneCountInString(s[:b])
		r.addAt(Format, tailor.Flag, f.name, [2]int{rb, rb + utf8.RuneCountInString(s[b:e])}, "leaves markdown or HTML markup in the copy")
	}
}

// An unfilled template placeholder reaches the reader as code: "Hi
// {{first_name}}", "{firstName}", "[First Name]", "<first_name>", "%FNAME%",
// "*|FNAME|*", "${name}". Braces in ordinary copy ("{new}") have no underscore, dot or
// name field in them.
var placeholder = regexp.MustCompile(`\{\{[^{}\n]{1,60}\}\}|\{%[^%\n]{1,60}%\}|\$\{[A-Za-z_][\w.]{0,40}\}|\*\|[A-Za-z_]{1,40}\|\*` +
	`|\{[A-Za-z]+(?:[_.][A-Za-z]+)+\}|\{(?i:name|first|firstname|lastname|fname|lname|city|email|customer|recipient|company)\}` +
	`|\[(?i:first[\s_]?name|last[\s_]?name|full[\s_]?name|name|customer(?:[\s_]?name)?|recipient|city|company(?:[\s_]?name)?|insert[^\]\n]{1,40})\]` +
	`|%%?[A-Z]+_[A-Z_]+%%?|%(?:NAME|FNAME|FIRSTNAME|LNAME)%` +
	`|<(?i:first[_\s]?name|last[_\s]?name|full[_\s]?name|name|fname|customer[_\s]?name|recipient)>|\{[a-z]+[A-Z][A-Za-z]*\}`)

// hasPlaceholderMarks reports whether s holds what every placeholder
// starts with: a brace, a bracket, "*|" or "%" before a capital ("15%
// off" has none, and the pattern is not run on it).
func hasPlaceholderMarks(s string) bool {
	if strings.ContainsAny(s, "{[<") || strings.Contains(s, "*|") {
		return true
	}
	for i := strings.IndexByte(s, '%'); i >= 0 && i+1 < len(s); {
		if c := s[i+1]; c >= 'A' && c <= 'Z' || c == '%' {
			return true
		}
		j := strings.IndexByte(s[i+1:], '%')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

func checkPlaceholders(r *run, f field) {
	s := f.t.orig
	if !hasPlaceholderMarks(s) {
		return
	}
	for _, loc := range placeholder.FindAllStringIndex(s, -1) {
		rb := utf8.RuneCountInString(s[:loc[0]])
		r.addAt(Format, tailor.Block, f.name, [2]int{rb, rb + utf8.RuneCountInString(s[loc[0]:loc[1]])}, "leaves an unfilled template placeholder in the copy")
	}
}
