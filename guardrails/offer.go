package guardrails

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	tailor "github.com/tailorhq/tailor"
)

// offer is what the brief promises: the only discounts, prices, dates,
// codes and perks copy may state. A model that invents "25% off" makes a
// promise the brand never made.
type offer struct {
	percents []float64
	amounts  []float64
	codes    []string // upper case
	minimum  bool     // the offer holds only above a spend: "on orders over $40"
}

var (
	percentRe = newStartRe(`(\d{1,3}(?:\.\d+)?)\s*(?:%|percent\b|per\s+cent\b)|half\s+(?:off|price)`)
	moneyRe   = regexp.MustCompile(`[$€£]\s?(\d[\d,]*(?:\.\d{1,2})?)(?:\s?(k)\b)?|(\d[\d,]*(?:\.\d{1,2})?)\s?(?:dollars|usd|euros?|eur|pounds|gbp|bucks)\b`)
	minimumRe = regexp.MustCompile(`\b(?:over|above|of|more\s+than|at\s+least|minimum(?:\s+(?:order|spend|purchase))?(?:\s+of)?)\s+[$€£]\s?\d|\bminimum\b`)
	codeRe    = regexp.MustCompile(`(?:code|coupon|promo|voucher)\s*:?\s*["']?([a-z0-9][a-z0-9\-]{2,19})`)
)

// Words before or after a percentage that make it a discount, so that
// "100% waterproof" is not read as an offer.
var discountBefore = map[string]bool{"save": true, "saving": true, "savings": true, "extra": true, "discount": true, "to": true,
	"cut": true, "slash": true, "slashed": true, "reduced": true, "get": true, "take": true, "enjoy": true, "additional": true}
var discountAfter = map[string]bool{"off": true, "discount": true, "savings": true, "saving": true, "less": true,
	"reduction": true, "cashback": true, "back": true, "sale": true, "markdown": true, "rebate": true}

func parseOffer(t *text) offer {
	var o offer
	for _, m := range percents(t) {
		o.percents = append(o.percents, m.v)
	}
	for _, m := range amounts(t) {
		o.amounts = append(o.amounts, m.v)
	}
	for _, m := range codes(t, false) {
		o.codes = append(o.codes, m.s)
	}
	o.minimum = minimumRe.MatchString(t.norm)
	return o
}

type numMatch struct {
	b, e int
	v    float64
	s    string
}

// percents returns the percentages in t that read as discounts.
func percents(t *text) []numMatch {
	var out []numMatch
	if !strings.Contains(t.norm, "%") && !strings.Contains(t.norm, "per") && !strings.Contains(t.norm, "half") {
		return nil
	}
	for _, m := range percentRe.findAll(t.norm, "0123456789h", percentStart()) {
		if m[2] < 0 {
			out = append(out, numMatch{m[0], m[1], 50, "half"})
			continue
		}
		if !t.wordAt(m[2], m[3]) {
			continue
		}
		v, _ := strconv.ParseFloat(t.norm[m[2]:m[3]], 64)
		prev := prevWord(t, m[0])
		if discountBefore[prev] || discountAfter[nextWord(t, m[1])] || strings.HasSuffix(strings.TrimSpace(t.norm[:m[0]]), "up to") {
			out = append(out, numMatch{m[0], m[1], v, t.norm[m[2]:m[3]] + "%"})
		}
	}
	return out
}

// percentStart returns a test of where a percentRe match can start: at
// "half", or at a digit whose run of digits, dots and spaces (what the
// pattern allows before its suffix) is followed by "%" or "p" (percent, per
// cent). Positions are asked in increasing order; a run is measured once.
func percentStart() func(s string, i int) bool {
	end, ok := -1, false
	return func(s string, i int) bool {
		switch c := s[i]; {
		case c == 'h':
			return strings.HasPrefix(s[i:], "half")
		case !isDigitByte(c):
			return false
		case i >= end:
			end = i
			for end < len(s) && (isDigitByte(s[end]) || s[end] == '.' || isSpaceRE(s[end])) {
				end++
			}
			ok = end < len(s) && (s[end] == '%' || s[end] == 'p')
		}
		return ok
	}
}

// isSpaceRE reports whether c is in `\s` of Go's regexp: [\t\n\f\r ].
func isSpaceRE(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

func amounts(t *text) []numMatch {
	var out []numMatch
	// hasCurrency is strings.ContainsAny(t.norm, "$€£") without its rune-by-rune search.
	hasCurrency := strings.IndexByte(t.norm, '$') >= 0 || strings.Contains(t.norm, "€") || strings.Contains(t.norm, "£")
	if !hasCurrency && !strings.Contains(t.norm, "dollar") && !strings.Contains(t.norm, "eur") &&
		!strings.Contains(t.norm, "usd") && !strings.Contains(t.norm, "pound") && !strings.Contains(t.norm, "gbp") && !strings.Contains(t.norm, "buck") {
		return nil
	}
	for _, m := range moneyRe.FindAllStringSubmatchIndex(t.norm, -1) {
		g := 2
		if m[2] < 0 {
			g = 6
		}
		s := strings.ReplaceAll(t.norm[m[g]:m[g+1]], ",", "")
		v, err := strconv.ParseFloat(s, 64)
		if err != nil || !t.wordAt(m[0], m[1]) && g == 6 {
			continue
		}
		if m[4] >= 0 {
			v *= 1000
		}
		out = append(out, numMatch{m[0], m[1], v, t.norm[m[0]:m[1]]})
	}
	return out
}

// codes returns promo codes: after "code", "coupon" or "promo", or, in copy,
// a capitalised word with digits ("WINTER15").
func codes(t *text, loose bool) []numMatch {
	var out []numMatch
	if strings.Contains(t.norm, "code") || strings.Contains(t.norm, "coupon") || strings.Contains(t.norm, "promo") || strings.Contains(t.norm, "voucher") {
		for _, m := range codeRe.FindAllStringSubmatchIndex(t.norm, -1) {
			c := strings.ToUpper(t.norm[m[2]:m[3]])
			if isCode(t.origAt(t.span(m[2], m[3]))) || hasDigit(c) {
				out = append(out, numMatch{m[2], m[3], 0, c})
			}
		}
	}
	if !loose {
		return out
	}
	for _, w := range t.words {
		if !hasDigit(w.s) {
			continue
		}
		orig := t.origAt(t.span(w.b, w.e))
		// Three letters or more: "10K" and "5G" are not codes.
		if isCode(orig) && hasDigit(orig) && letterCount(orig) >= 3 &&
			!slices.ContainsFunc(out, func(n numMatch) bool { return n.b <= w.b && w.e <= n.e }) {
			out = append(out, numMatch{w.b, w.e, 0, strings.ToUpper(orig)})
		}
	}
	return out
}

func letterCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// isCode reports whether s is written like a code: capitals and digits.
func isCode(s string) bool {
	if len(s) < 3 {
		return false
	}
	for _, r := range s {
		if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

// perks are offers beyond numbers: free shipping, BOGO, a free month.
var perks = []*rule{
	newRule("perk", "free bogo buy points cashback cash gift us",
		`free\s+(?:[a-z0-9\-]+\s+){0,2}(?:shipping|delivery|returns|gift|gifts|sample|samples|upgrade|trial|pair|item|socks|t-shirt|hat|express\s+shipping|gift\s+wrap|gift\s+wrapping)`+
			// "your first two months of Pulse Live are free"
			`|(?:\d+|one|two|three|four|six|twelve)\s+(?:months?|weeks?|days?|years?)\s+(?:of\s+(?:[a-z0-9\-]+\s+){1,3})?(?:are|is)\s+(?:free|on\s+us)`+
			`|bogo|buy\s+one,?\s+get\s+one(?:\s+free|\s+half\s+off)?|(?:double|triple)\s+points|cash\s*back|\$?\d+\s+gift\s+card`+
			`|(?:first\s+)?(?:\d+|one|two|three|four|six|twelve)?\s*(?:months?|weeks?|days?|years?)\s+(?:free|on\s+us)|free\s+for\s+(?:\d+|one|two|three|six|twelve)?\s*(?:months?|weeks?|days?|years?)`),
	newRule("multibuy", "for", `\d\s+for\s+\d\b|two\s+for\s+one`),
	// "on every order" drops a minimum the offer sets ("orders over $40").
	newRule("minimum", "every all any minimum",
		`(?:on|for)\s+(?:every|all|any)\s+(?:single\s+)?(?:orders?|purchases?|baskets?|carts?)|no\s+minimum(?:\s+(?:order|spend|purchase))?`),
	// A deadline in words moves the offer's end as surely as a date does.
	newRule("deadline", "any anytime this end deadline expiry expiration expires",
		`any\s*time\s+(?:this\s+)?(?:summer|winter|spring|fall|autumn|season|year|month)`+
			`|(?:through|until|till|by)\s+the\s+end\s+of\s+(?:the\s+)?(?:summer|winter|spring|fall|autumn|season|year|month|january|february|march|april|may|june|july|august|september|october|november|december)`+
			`|no\s+(?:deadline|expiry|expiration\s+date|end\s+date)|never\s+expires`),
}

func checkOffer(r *run) {
	o := r.rules.offer
	for _, f := range r.fields {
		for _, m := range percents(f.t) {
			if !slices.Contains(o.percents, m.v) {
				r.addAt(Offer, tailor.Block, f.name, f.t.span(m.b, m.e),
					fmt.Sprintf("a %s discount the campaign's offer does not give", m.s))
			}
		}
		for _, m := range amounts(f.t) {
			if !slices.Contains(o.amounts, m.v) {
				r.addAt(Offer, tailor.Block, f.name, f.t.span(m.b, m.e), "a price or amount the campaign's offer does not give")
			}
		}
		for _, m := range codes(f.t, true) {
			if !slices.Contains(o.codes, m.s) && r.rules.brief.findWords(wordsOf(m.s)) == nil {
				r.addAt(Offer, tailor.Block, f.name, f.t.span(m.b, m.e), "a promo code the campaign's offer does not give")
			}
		}
		for _, d := range findDates(f.t) {
			if !anySame(d.dates, r.rules.briefDates) {
				r.addAt(Offer, tailor.Block, f.name, f.t.span(d.b, d.e), "a date the brief does not give")
			}
		}
		if o.minimum {
			for _, m := range perks[2].find(f.t) {
				r.addAt(Offer, tailor.Block, f.name, m.span, "drops the minimum the campaign's offer sets")
			}
		}
		for _, m := range slices.Concat(perks[0].find(f.t), perks[1].find(f.t), perks[3].find(f.t)) {
			loc := []int{m.b, m.e}
			perk := f.t.norm[m.b:m.e]
			if r.rules.brief.findWords(wordsOf(perk)) != nil || strings.HasPrefix(perk, "half") && slices.Contains(o.percents, 50) {
				continue
			}
			r.addAt(Offer, tailor.Block, f.name, f.t.span(loc[0], loc[1]),
				fmt.Sprintf("an offer (%s) the campaign does not give", perk))
		}
	}
}
