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
	// newOnly and membersOnly: the offer is for new customers ("First
	// month free for new members") or for members ("15% off for members").
	newOnly, membersOnly bool
}

// offerAudience reads who the brief's offer is for.
func offerAudience(o string) (newOnly, membersOnly bool) {
	ws := wordsOf(o)
	for i, w := range ws {
		next := ""
		if i+1 < len(ws) {
			next = ws[i+1]
		}
		switch {
		case (w == "new" || w == "first") && audienceNouns[next] || w == "newcomers" || w == "first-time":
			newOnly = true
		case w == "members" || w == "member" || w == "cardholders" || w == "subscribers" || w == "loyalty":
			membersOnly = true
		}
	}
	return newOnly, membersOnly && !newOnly
}

var audienceNouns = map[string]bool{"members": true, "member": true, "customers": true, "customer": true, "clients": true,
	"subscribers": true, "accounts": true, "account": true, "users": true, "riders": true, "students": true, "time": true,
	"signups": true, "sign": true, "joiners": true, "shoppers": true, "patients": true}

// An offer widened beyond the audience the brief gives it: "new or coming
// back, everyone gets their first month free" for new members, "15% off
// for everyone, no membership needed" for members. The sentence must hold
// an offer word: "whether you're new or coming back, there's a class for
// you" widens nothing.
var (
	widenedToAll = newRule("an offer widened to everyone", "everyone everybody anyone anybody all non nonmembers nonmember membership",
		`(?:everyone|everybody|anyone|anybody|all\s+of\s+you)\s+(?:(?:else\s+|here\s+|who\s+\w+\s+)?(?:gets?|can\s+(?:get|claim|have|enjoy|grab|take)|qualifies|is\s+eligible|enjoys?|saves?))\b`+
			`|(?:for|to)\s+(?:everyone|everybody|anyone|anybody)\b`+
			`|(?:no|without\s+(?:a|any))\s+membership\s+(?:needed|required|necessary)|non-?members?\s+(?:too|included|get|can|as\s+well)|members\s+(?:and|or)\s+non-?members`)
	widenedToOld = newRule("an offer widened to returning customers", "new returning existing old current lapsed former longtime long past loyal all even welcome again rejoin come return newcomers newcomer",
		`new\s+(?:members?\s+|customers?\s+)?(?:or|and|&|\+)\s+(?:returning|coming\s+back|existing|old|current|lapsed|former|long-?time|loyal|back|not)`+
			// The other side said as the reader who has joined: "new or
			// already a member", "newcomers and regulars alike", "new or
			// a longtime subscriber".
			`|(?:new|newcomers?|first-?timers?)\s+(?:members?\s+|customers?\s+)?(?:or|and|&|\+)\s+(?:already\s+(?:(?:an?|one\s+of\s+(?:our|the|us))\s+)?(?:members?|customers?|subscribers?|clients?|regulars?|riders?)|already\s+(?:with\s+us|signed\s+up|subscribed|joined|on\s+board|part\s+of\s+(?:the\s+|our\s+)?(?:club|family|community))|an?\s+(?:existing|current|long-?time|loyal|returning|regular|seasoned|old)\s+(?:member|customer|subscriber|client|rider|regular)|regulars|(?:been|joined|signed\s+up|banking|shopping|training)\s+(?:with\s+us\s+)?(?:for\s+(?:years|ages|a\s+while)|before|already|a\s+while))`+
			`|(?:returning|existing|old|current|former|lapsed|long-?time|loyal)\s+(?:members?\s+|customers?\s+)?(?:or|and|&)\s+new`+
			`|(?:returning|existing|old|current|former|past|lapsed|long-?time|loyal)\s+(?:members|customers|clients|subscribers)\s+(?:too|included|as\s+well|also|alike|get|can)`+
			`|even\s+(?:if\s+you(?:'ve|\s+have)\s+(?:been|joined|trained|banked|shopped|ordered)\s+(?:with\s+us\s+)?before|(?:returning|existing|current|old|former|lapsed)\s+(?:members|customers))`+
			`|all\s+(?:our\s+)?(?:members|customers|clients|subscribers)\s+(?:get|can|enjoy|qualify)|welcome\s+back\s+(?:members|customers)\s+(?:too|get|can)`+
			// "your first month is free again", "rejoin and claim your first month"
			`|(?:free|on\s+us)\s+(?:for\s+you\s+)?again\b|(?:rejoin|come\s+back|return)\s+(?:\w+\s+){0,3}?(?:and|to)\s+(?:get|claim|enjoy|grab)\s+(?:your\s+|a\s+|the\s+|another\s+)?(?:first\s+)?(?:month|free)`)
)

// gainWords in a sentence make it one about what the offer gives.
var gainWords = map[string]bool{"free": true, "off": true, "bonus": true, "discount": true, "save": true, "savings": true,
	"deal": true, "offer": true, "trial": true, "percent": true}

// offerSentence reports whether the sentence around a match holds a gain
// word or a percentage.
func offerSentence(t *text, m match) bool {
	ws := sentenceWords(t, m.b)
	if len(ws) == 0 {
		return false
	}
	if strings.Contains(t.norm[ws[0].b:ws[len(ws)-1].e], "%") {
		return true
	}
	return slices.ContainsFunc(ws, func(w word) bool { return gainWords[w.s] })
}

// widenedOffer returns where the copy gives the offer to more people than
// the brief does.
func widenedOffer(o offer, t *text) []match {
	if !o.newOnly && !o.membersOnly {
		return nil
	}
	var out []match
	if o.newOnly {
		out = append(out, returningToo(t)...)
	}
	for _, rl := range []*rule{widenedToAll, widenedToOld} {
		if rl == widenedToOld && !o.newOnly {
			continue
		}
		for _, m := range rl.find(t) {
			if strings.HasPrefix(t.norm[m.b:m.e], "for ") || strings.HasPrefix(t.norm[m.b:m.e], "to ") {
				// "Gear for everyone, 15% off for members": the offer
				// keeps its audience in the sentence.
				if slices.ContainsFunc(sentenceWords(t, m.b), func(w word) bool { return w.s == "members" || w.s == "member" }) {
					continue
				}
			}
			if offerSentence(t, m) {
				out = append(out, m)
			}
		}
	}
	return out
}

var (
	percentRe = newStartRe(`(\d{1,3}(?:\.\d+)?)\s*(?:%|percent\b|per\s+cent\b)|half[\s\-]+(?:off|price)`)
	moneyRe   = regexp.MustCompile(`[$€£]\s?(\d[\d,]*(?:\.\d{1,2})?)(?:\s?(k)\b)?|(\d[\d,]*(?:\.\d{1,2})?)\s?(?:dollars|usd|euros?|eur|pounds|gbp|bucks|quid)\b`)
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
	for _, m := range slices.Concat(percents(t), wordPercents(t)) {
		o.percents = append(o.percents, m.v)
	}
	for _, m := range slices.Concat(amounts(t), wordAmounts(t)) {
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
		!strings.Contains(t.norm, "usd") && !strings.Contains(t.norm, "pound") && !strings.Contains(t.norm, "gbp") && !strings.Contains(t.norm, "buck") && !strings.Contains(t.norm, "quid") {
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
			`|(?:first\s+)?(?:\d+|one|two|three|four|six|twelve)?\s*(?:months?|weeks?|days?|years?)\s+(?:free|on\s+us)`+
			// "their first two months of Pulse Live classes free"
			`|(?:(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+)?(?:months?|weeks?|days?|years?)\s+of\s+(?:[a-z0-9\-]+\s+){1,4}?(?:free|on\s+us)\b`+
			`|free\s+for\s+(?:\d+|one|two|three|six|twelve)?\s*(?:months?|weeks?|days?|years?)`),
	// "three months for the price of two" (not "for the price of two
	// coffees": a comparison with things named after the number).
	newRule("multibuy", "for price", `\d\s+for\s+\d\b|two\s+for\s+one|for\s+the\s+price\s+of\s+(?:one|two|three|four|five|\d+)\b`).filter(func(t *text, m match) bool {
		if !strings.Contains(t.norm[m.b:m.e], "price of") {
			return true
		}
		rest := strings.TrimLeft(t.norm[m.e:], " ")
		if rest != "" && !asciiWord[rest[0]] {
			return true // punctuation: the number ends the phrase
		}
		next := nextWord(t, m.e)
		return !strings.HasSuffix(next, "s") || next == "this" || next == "is"
	}),
	// "on every order" drops a minimum the offer sets ("orders over $40").
	newRule("minimum", "every all any minimum",
		`(?:on|for)\s+(?:every|all|any)\s+(?:single\s+)?(?:orders?|purchases?|baskets?|carts?)|no\s+minimum(?:\s+(?:order|spend|purchase))?`).filter(notPledge),
	// A deadline in words moves the offer's end as surely as a date does.
	newRule("deadline", "any anytime this end deadline expiry expiration expires",
		`any\s*time\s+(?:this\s+)?(?:summer|winter|spring|fall|autumn|season|year|month)`+
			`|(?:through|until|till|by)\s+the\s+end\s+of\s+(?:the\s+)?(?:summer|winter|spring|fall|autumn|season|year|month|january|february|march|april|may|june|july|august|september|october|november|december)`+
			`|no\s+(?:deadline|expiry|expiration\s+date|end\s+date)|never\s+expires`),
	// Buy-one-get-one in words: "your second one is on us", "get another
	// box free", "every other pair half price".
	newRule("a second item free", "second 2nd next other extra another",
		`(?:your|the|a|every|each)\s+(?:second|2nd|next|other|extra)\s+(?:one|[a-z]+)?\s*(?:is|are|'s|comes?|goes)\s+(?:(?:completely|totally|absolutely)\s+)?(?:on\s+us|on\s+the\s+house|free|for\s+free|half\s+(?:off|price)|at\s+half\s+price)`+
			`|get\s+(?:a\s+|the\s+|your\s+|one\s+)?(?:second|2nd|another|extra)\s+(?:[a-z]+\s+)?(?:free|on\s+us|on\s+the\s+house|for\s+free|half\s+(?:off|price)|at\s+half\s+price)`).filter(func(t *text, m match) bool {
		switch nextWord(t, m.e) {
		case "to", "of", "from":
			return false // "your next class is free to book", "free of plastic"
		}
		return true
	}),
}

func checkOffer(r *run) {
	o := r.rules.offer
	scoped := scopedOffers.get(r.in.Brief.Campaign.Offer)
	for _, f := range r.fields {
		for _, ms := range [2][]numMatch{percents(f.t), wordPercents(f.t)} {
			for _, m := range ms {
				// Within half a point: "a third off" is the brief's 33%.
				if !slices.ContainsFunc(o.percents, func(p float64) bool { return p > m.v-0.5 && p < m.v+0.5 }) {
					r.addAt(Offer, tailor.Block, f.name, f.t.span(m.b, m.e),
						fmt.Sprintf("a %s discount the campaign's offer does not give", m.s))
				}
			}
		}
		for _, ms := range [2][]numMatch{amounts(f.t), wordAmounts(f.t)} {
			for _, m := range ms {
				if !slices.Contains(o.amounts, m.v) {
					r.addAt(Offer, tailor.Block, f.name, f.t.span(m.b, m.e), "a price or amount the campaign's offer does not give")
				}
			}
		}
		for _, m := range codes(f.t, true) {
			if !slices.Contains(o.codes, m.s) && r.rules.brief.findWords(wordsOf(m.s)) == nil {
				r.addAt(Offer, tailor.Block, f.name, f.t.span(m.b, m.e), "a promo code the campaign's offer does not give")
			}
		}
		for _, d := range findDates(f.t) {
			if !d.inWords && !anySame(d.dates, r.rules.briefDates) && !eventDate(f.t, d.b) {
				r.addAt(Offer, tailor.Block, f.name, f.t.span(d.b, d.e), "a date the brief does not give")
			}
		}
		if o.minimum {
			for _, m := range perks[2].find(f.t) {
				r.addAt(Offer, tailor.Block, f.name, m.span, "drops the minimum the campaign's offer sets")
			}
		}
		for _, m := range wholePeriod.find(f.t) {
			if len(r.rules.briefDates) > 0 && offerBefore(f.t, m) && !periodEndsWithBrief(f.t.norm[m.b:m.e], r.rules.briefDates) {
				r.addAt(Offer, tailor.Block, f.name, m.span, "stretches the offer's end date to a whole month or season")
			}
		}
		for _, m := range widenedOffer(o, f.t) {
			r.addAt(Offer, tailor.Block, f.name, m.span, "gives the offer to more people than the campaign does")
		}
		if scoped {
			for _, m := range widenedScope.find(f.t) {
				if offerSentence(f.t, m) && r.rules.brief.findWords(wordsOf(f.t.norm[m.b:m.e])) == nil {
					r.addAt(Offer, tailor.Block, f.name, m.span, "gives the offer on more than the campaign does")
				}
			}
		}
		for _, m := range slices.Concat(perks[0].find(f.t), perks[1].find(f.t), perks[3].find(f.t), perks[4].find(f.t)) {
			loc := []int{m.b, m.e}
			perk := f.t.norm[m.b:m.e]
			if r.rules.brief.findWords(wordsOf(perk)) != nil || r.rules.brief.findWords(wordsOf(perkTerm(perk))) != nil ||
				strings.HasPrefix(perk, "half") && slices.Contains(o.percents, 50) ||
				monthEndOfBrief(perk, r.rules.briefDates) {
				continue
			}
			r.addAt(Offer, tailor.Block, f.name, f.t.span(loc[0], loc[1]),
				fmt.Sprintf("an offer (%s) the campaign does not give", perk))
		}
	}
}

// Numbers written as words: "fifteen percent off", "a quarter off", "ten
// bucks off", "a fiver off". A model that writes the discount out in words
// promises it as surely as one that writes "15%".
var (
	unitWords = map[string]float64{"zero": 0, "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
		"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
		"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
	tensWords = map[string]float64{"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
		"eighty": 80, "ninety": 90}
	// fractionWords are shares of a price: "a third off", "three quarters off".
	fractionWords = map[string]float64{"third": 100.0 / 3, "thirds": 100.0 / 3, "quarter": 25,
		"quarters": 25, "fifth": 20, "fifths": 20, "tenth": 10, "tenths": 10}
	// slangMoney are amounts by name.
	slangMoney = map[string]float64{"fiver": 5, "tenner": 10, "grand": 1000}
	// currencyWords follow a number in words.
	currencyWords = map[string]bool{"dollars": true, "dollar": true, "bucks": true, "buck": true, "euros": true,
		"euro": true, "quid": true, "pounds": true, "pound": true}
)

// A share of a price is a discount before "off" ("a third off"), or after
// a verb of saving and before "on" or "of" ("save a quarter on"); "get a
// third pair" is no discount.
var (
	shareOff   = map[string]bool{"off": true, "discount": true, "less": true, "cheaper": true}
	shareVerbs = map[string]bool{"save": true, "saving": true, "cut": true, "slash": true, "slashed": true, "reduced": true,
		"knock": true, "knocks": true, "knocked": true, "take": true, "taking": true, "shave": true, "shaving": true}
)

// moneyOff after an amount in words makes it an offer ("ten pounds off",
// "a fifty dollar bonus"); "two pounds less" is a weight.
var moneyOff = map[string]bool{"off": true, "discount": true, "back": true, "cashback": true, "credit": true, "voucher": true,
	"rebate": true, "bonus": true, "coupon": true, "reward": true}

// wordNumberBefore reads a number written in words that ends with word i-1
// of t ("fifteen", "twenty five", "twenty-five", "a hundred"): its value
// and the index of its first word, or ok false.
func wordNumberBefore(t *text, i int) (v float64, first int, ok bool) {
	j := i - 1
	if j < 0 {
		return 0, 0, false
	}
	w := t.words[j].s
	if w == "hundred" {
		if j > 0 {
			if u, ok := unitWords[t.words[j-1].s]; ok {
				return u * 100, j - 1, true
			}
		}
		return 0, 0, false
	}
	if u, isUnit := unitWords[w]; isUnit && u < 10 && w != "a" && w != "an" {
		if j > 0 {
			if tens, ok := tensWords[t.words[j-1].s]; ok {
				return tens + u, j - 1, true
			}
		}
		return u, j, true
	}
	if u, isUnit := unitWords[w]; isUnit && w != "a" && w != "an" {
		return u, j, true
	}
	if tens, ok := tensWords[w]; ok {
		return tens, j, true
	}
	return 0, 0, false
}

// percentWordsGate and moneyWordsGate are rules only for their triggers:
// copy without a word for percent, a share or a currency (most copy) has
// no number in words worth reading, and the package's index of trigger
// words says so at no cost.
var (
	percentWordsGate = newRule("a discount in words", "percent cent third thirds quarter quarters fifth fifths tenth tenths",
		`percent|cent|thirds?|quarters?|fifths?|tenths?`)
	moneyWordsGate = newRule("an amount in words", "dollar dollars buck bucks euro euros quid pound pounds fiver tenner grand",
		`dollars?|bucks?|euros?|quid|pounds?|fiver|tenner|grand`)
)

// wordPercents returns discounts written in words: a number in words
// before "percent" or "per cent", or a share ("a quarter", "two thirds")
// before "off" or after a word of saving. Digits are percents' work.
func wordPercents(t *text) []numMatch {
	if !t.hasHits(percentWordsGate.id) {
		return nil
	}
	var out []numMatch
	for i, w := range t.words {
		switch {
		case w.s == "percent" || w.s == "cent" && i > 0 && t.words[i-1].s == "per":
			k := i
			if w.s == "cent" {
				k = i - 1
			}
			v, first, ok := wordNumberBefore(t, k)
			if !ok {
				continue
			}
			b := t.words[first].b
			if discountBefore[prevWord(t, b)] || discountAfter[nextWord(t, w.e)] || strings.HasSuffix(strings.TrimSpace(t.norm[:b]), "up to") {
				out = append(out, numMatch{b, w.e, v, t.norm[b:w.e]})
			}
		case fractionWords[w.s] > 0: // "half off" and "half price" are percentRe's
			share := fractionWords[w.s]
			first := i
			if i > 0 {
				if n, ok := unitWords[t.words[i-1].s]; ok && n >= 1 && n < 10 {
					share *= n
					first = i - 1
				}
			}
			if first > 0 && (t.words[first-1].s == "a" || t.words[first-1].s == "an") {
				first--
			}
			b := t.words[first].b
			next := nextWord(t, w.e)
			if shareOff[next] || shareVerbs[prevWord(t, b)] && (next == "on" || next == "of") {
				out = append(out, numMatch{b, w.e, share, t.norm[b:w.e]})
			}
		}
	}
	return out
}

// wordAmounts returns discounts of money written in words: a number in
// words before a currency ("twenty dollars off", "save ten quid"), or a
// slang amount ("a fiver off").
func wordAmounts(t *text) []numMatch {
	if !t.hasHits(moneyWordsGate.id) {
		return nil
	}
	var out []numMatch
	for i, w := range t.words {
		var v float64
		var first int
		switch {
		case currencyWords[w.s]:
			n, f, ok := wordNumberBefore(t, i)
			if !ok {
				continue
			}
			v, first = n, f
		case slangMoney[w.s] > 0:
			v, first = slangMoney[w.s], i
			if w.s == "grand" {
				n, f, ok := wordNumberBefore(t, i)
				if !ok {
					continue
				}
				v, first = n*1000, f
			}
		default:
			continue
		}
		if first > 0 && (t.words[first-1].s == "a" || t.words[first-1].s == "an") {
			first--
		}
		b := t.words[first].b
		// Only as a discount: "ten pounds" also weighs, and "ten dollars
		// from every sale goes to…" gives nothing to the reader.
		if !(discountBefore[prevWord(t, b)] && prevWord(t, b) != "to" || moneyOff[nextWord(t, w.e)]) {
			continue
		}
		out = append(out, numMatch{b, w.e, v, t.norm[b:w.e]})
	}
	return out
}

// A pledge gives to someone else for every order ("For every order, we
// give a kit to a cancer care charity"): nothing reaches the reader, so no
// minimum is dropped. pledgeVerbs and pledgeTo must both be in the
// sentence, and nothing the reader gets (readerGains).
var (
	pledgeVerbs = map[string]bool{"give": true, "gives": true, "donate": true, "donates": true, "donating": true,
		"plant": true, "plants": true, "fund": true, "funds": true, "feed": true, "feeds": true, "send": true, "sends": true,
		"contribute": true, "contributes": true, "goes": true, "go": true, "sponsor": true, "sponsors": true, "pledge": true}
	pledgeTo = map[string]bool{"charity": true, "charities": true, "cause": true, "causes": true, "nonprofit": true,
		"foundation": true, "bank": true, "shelter": true, "shelters": true, "school": true, "schools": true,
		"tree": true, "trees": true, "meal": true, "meals": true, "need": true, "hospital": true, "hospitals": true,
		"research": true, "fund": true, "families": true, "refuge": true, "rescue": true, "clinic": true, "clinics": true}
	readerGains = map[string]bool{"off": true, "free": true, "save": true, "saves": true,
		"discount": true, "get": true, "gets": true, "bonus": true, "credit": true, "points": true, "shipping": true}
)

func notPledge(t *text, m match) bool {
	verb, to := false, false
	for _, w := range sentenceWords(t, m.b) {
		switch {
		case readerGains[w.s]:
			return true
		case pledgeVerbs[w.s]:
			verb = true
		case pledgeTo[w.s]:
			to = true
		}
	}
	return !(verb && to)
}

// sentenceWords returns the words of the sentence around byte b of norm.
func sentenceWords(t *text, b int) []word {
	ws := t.words
	s, e := 0, len(ws)
	for i, w := range ws {
		if i > 0 && hasByteIn(t.norm[ws[i-1].e:w.b], ".!?;\n") {
			if w.b <= b {
				s = i
			} else {
				e = i
				break
			}
		}
	}
	return ws[s:e]
}

// An event's day is not an offer's term: "Trail cleanup day is Dec 6",
// "join the tasting on Oct 3". A date is an event's when its sentence
// names an event and nothing of an offer: no discount, price, code,
// deadline or sale ("sale day is Dec 6", "ends Dec 6", "15% off on Dec 6"
// are offers, and a made-up one stays blocked).
var (
	eventDayNouns = map[string]bool{"cleanup": true, "clean-up": true, "meetup": true, "meet-up": true, "race": true,
		"workshop": true, "festival": true, "fair": true, "market": true, "tasting": true, "talk": true, "party": true,
		"concert": true, "parade": true, "potluck": true, "fundraiser": true, "hike": true, "swap": true,
		"screening": true, "volunteer": true, "volunteers": true, "volunteering": true, "drive": true, "walk": true,
		"ride": true, "run": true, "clinic": true, "demo": true, "open": true, "celebration": true, "gathering": true}
	offerWords = map[string]bool{"off": true, "save": true, "saving": true, "savings": true, "discount": true,
		"discounts": true, "deal": true, "deals": true, "sale": true, "sales": true, "offer": true, "offers": true,
		"code": true, "promo": true, "coupon": true, "free": true, "bonus": true, "credit": true, "price": true,
		"prices": true, "cashback": true, "ends": true, "end": true, "ending": true, "expires": true, "expire": true,
		"valid": true, "through": true, "thru": true, "until": true, "till": true, "til": true, "by": true,
		"last": true, "only": true, "deadline": true, "apply": true, "terms": true, "member": true, "members": true,
		"percent": true, "rate": true, "apr": true, "apy": true, "points": true, "reward": true, "rewards": true}
)

func eventDate(t *text, b int) bool {
	event := false
	for _, w := range sentenceWords(t, b) {
		switch {
		case offerWords[w.s] || strings.ContainsAny(w.s, "%$€£"):
			return false
		case eventDayNouns[w.s]:
			event = true
		}
	}
	return event
}

// returningReader is the reader addressed as one who has been a customer:
// "been with us for years?", "back after a break?", "a loyal member".
var returningReader = newRule("an offer widened to returning customers", "been back loyal longtime long returning rejoining",
	`(?:you've\s+|you\s+have\s+)?been\s+with\s+us\s+(?:for\s+)?(?:years|a\s+while|ages|a\s+long\s+time|since)|back\s+after\s+a\s+(?:break|while|pause|few\s+months)|(?:a|our)\s+(?:long-?time|loyal|returning)\s+(?:member|customer)|rejoining\s+us`)

// returningToo finds a new-customer offer given to the returning reader
// across sentences: "Been with us for years? You get the first month free
// too." The returning reader and, after it, a sentence with a gain word and
// "too", "as well" or "also".
func returningToo(t *text) []match {
	ms := returningReader.find(t)
	if len(ms) == 0 {
		return nil
	}
	ws := t.words
	for i := range ws {
		if ws[i].b < ms[0].e {
			continue
		}
		sent := sentenceWords(t, ws[i].b)
		gain, also := false, false
		for k, w := range sent {
			gain = gain || gainWords[w.s]
			also = also || w.s == "too" || w.s == "also" || w.s == "as" && k+1 < len(sent) && sent[k+1].s == "well"
		}
		if gain && also {
			return ms[:1]
		}
	}
	return nil
}

// monthEndOfBrief reports whether a deadline in words ("through the end of
// December", "until the end of the year") names the last day of a month
// the brief's own end date is: "the end of December" for an offer through
// Dec 31 is the same day in words. "The end of the month" names no month,
// and "the end of October" for an offer ending Oct 12 moves the date.
func monthEndOfBrief(perk string, dates []ymd) bool {
	ws := wordsOf(perk)
	if len(ws) < 4 || ws[len(ws)-2] != "of" && ws[len(ws)-2] != "the" {
		return false
	}
	last := ws[len(ws)-1]
	m := 0
	switch {
	case last == "year":
		m = 12
	case last == "may" || len(last) > 3 && monthIndex(last) > 0:
		m = monthIndex(last)
	default:
		return false
	}
	for _, d := range dates {
		if d.m == m && d.d == daysIn(m, d.y) {
			return true
		}
	}
	return false
}

// daysIn is the number of days in month m of year y (y 0: a year unknown,
// when February may end on the 28th or the 29th; 29 is the later).
func daysIn(m, y int) int {
	switch m {
	case 2:
		if y == 0 || y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// scopedOffers reports whether an offer holds for one line of products:
// "20% off produce boxes", "$10 off trail shoes", not "15% off for
// members" or "20% off through Oct 12".
var scopedOffers = newMemo(func(o string) bool {
	ws := wordsOf(o)
	for i, w := range ws {
		if w != "off" || i+1 >= len(ws) {
			continue
		}
		switch ws[i+1] {
		case "for", "through", "thru", "until", "till", "to", "on", "your", "when", "with", "members", "new", "all", "everything", "any", "every", "sitewide", "storewide", "orders", "by", "before", "at", "in":
			continue
		}
		return true
	}
	return false
})

// widenedScope is an offer said of the whole shop: "everything in the
// store", "sitewide", "across the range", "all products". For an offer on
// one line of products it gives more than the campaign does; the
// sentence must hold an offer word ("everything in the shop is fresh"
// widens nothing).
var widenedScope = newRule("an offer widened to the whole shop", "everything anything sitewide storewide shopwide wide whole entire items products purchases orders lines departments item product purchase order aisle department across",
	`\b(?:everything|anything)\s+(?:in|at|on|across)\s+(?:the|our)\s+(?:shop|store|site|range|catalog|catalogue|market|app)\b`+
		`|\b(?:site|store|shop)[\s\-]?wide\b`+
		`|\b(?:the|our)\s+(?:whole|entire)\s+(?:shop|store|site|range|catalog|catalogue|market|menu|collection)\b`+
		`|\ball\s+(?:our\s+)?(?:items|products|purchases|orders|lines|departments)\b`+
		`|\bevery\s+(?:item|product|purchase|order|aisle|department)\b`+
		`|\bacross\s+the\s+(?:board|shop|store|site|range)\b`)

// perkTerm is a free span of time without what it is of: "first two
// months of Pulse Live classes free" is "first two months free", and
// "first month of Pulse Live is on us" is "first month free", which the
// brief's words must give.
func perkTerm(perk string) string {
	ws := wordsOf(perk)
	i := slices.Index(ws, "of")
	if i < 1 || i+1 >= len(ws) || !strings.HasPrefix(ws[i-1], "month") && !strings.HasPrefix(ws[i-1], "week") &&
		!strings.HasPrefix(ws[i-1], "day") && !strings.HasPrefix(ws[i-1], "year") {
		return perk
	}
	return strings.Join(ws[:i], " ") + " free" // "on us" is free too
}

// An offer's end widened in words to a whole month or season: "20% off
// all October long", "all month", "throughout the winter", "for the whole
// of November". It moves the brief's end date unless that date is the
// month's last day.
var wholePeriod = newRule("an offer stretched over a whole period", "all throughout whole entire",
	`\b(?:all|throughout|all\s+through|for\s+(?:the\s+)?(?:whole|entire)(?:\s+of)?|the\s+(?:whole|entire))\s+(?:of\s+)?(?:the\s+|this\s+)?`+
		`(?:month|season|summer|winter|spring|fall|autumn|year|january|february|march|april|may|june|july|august|september|october|november|december)(?:\s+long)?\b`)

// offerBefore reports whether the offer comes before a match in its
// sentence and the match is its term: "20% off produce boxes all month".
// A clause in between makes the period the product's ("15% off a jacket
// that keeps you warm all winter long").
func offerBefore(t *text, m match) bool {
	ws := sentenceWords(t, m.b)
	gain := -1
	for i, w := range ws {
		if w.b >= m.b {
			break
		}
		if gainWords[w.s] || i+1 < len(ws) && strings.Contains(t.norm[w.e:ws[i+1].b], "%") {
			gain = i
		}
	}
	if gain < 0 {
		return false
	}
	for _, w := range ws[gain+1:] {
		if w.b >= m.b {
			break
		}
		if periodBreakers[w.s] {
			return false
		}
	}
	return true
}

// periodBreakers between an offer and a period make the period something
// else's: what the product does, or a relative clause.
var periodBreakers = map[string]bool{"that": true, "which": true, "who": true, "keep": true, "keeps": true, "stay": true,
	"stays": true, "last": true, "lasts": true, "will": true, "to": true, "warm": true, "dry": true, "and": true}

// periodEndsWithBrief reports whether a whole period ends on the brief's
// end date: "all October" for an offer through Oct 31, "all month" for
// one ending on some month's last day, "all year" through Dec 31.
func periodEndsWithBrief(period string, dates []ymd) bool {
	ws := wordsOf(period)
	last := ws[len(ws)-1]
	if last == "long" {
		last = ws[len(ws)-2]
	}
	for _, d := range dates {
		if d.d != daysIn(d.m, d.y) {
			continue
		}
		switch {
		case last == "month", last == "year" && d.m == 12, last == "may" && d.m == 5,
			len(last) > 3 && monthIndex(last) == d.m:
			return true
		}
	}
	return false
}
