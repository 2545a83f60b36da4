package guardrails

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	tailor "github.com/tailorhq/tailor"
)

// GSM 03.38: the basic set costs one septet, the extension table two. Text
// with any other character is sent as UCS-2, in 16-bit units, 70 per segment.
const (
	gsmBasic = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡" +
		"ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
	gsmExtension = "^{}\\[~]|€\f"
	ucs2Limit    = 70
)

// smsCost is how an SMS text is encoded and how many units it takes, with the
// units used up to and including each rune.
type smsCost struct {
	ucs2   bool
	first  rune // the first character that forces UCS-2
	units  int
	cumul  []int
	limit  int
	single int // units of a one-segment message
	multi  int // units per segment of a concatenated message
}

func measureSMS(s string, limit int) smsCost {
	c := smsCost{cumul: make([]int, 0, len(s))}
	for _, r := range s {
		if !strings.ContainsRune(gsmBasic, r) && !strings.ContainsRune(gsmExtension, r) {
			c.ucs2, c.first = true, r
			break
		}
	}
	for _, r := range s {
		switch {
		case c.ucs2 && r > 0xFFFF:
			c.units += 2 // a surrogate pair
		case c.ucs2, strings.ContainsRune(gsmBasic, r):
			c.units++
		default:
			c.units += 2 // escape + extension character
		}
		c.cumul = append(c.cumul, c.units)
	}
	c.limit, c.single, c.multi = limit, 160, 153
	if c.ucs2 {
		c.limit, c.single, c.multi = min(limit, ucs2Limit), ucs2Limit, 67
	}
	return c
}

func (c smsCost) segments() int {
	if c.units <= c.single {
		return 1
	}
	return (c.units + c.multi - 1) / c.multi
}

// optOut matches the usual opt-out wording: "Reply STOP to opt out",
// "Text STOP to end", "To unsubscribe, reply STOP".
var optOut = longest(`(?:reply|text|txt|send|msg|sms)\W+(?:"|')?stop(?:"|')?\b|\bstop\W+(?:to\W+)?(?:opt\W*out|unsubscribe|end|cancel|quit)`)

// hasOptOut reports whether t has optOut wording, as len(t.find(optOut)) > 0.
// Every match holds "stop": none starts before the word in front of the
// first "stop" and the non-word characters between them (the pattern's
// "reply\W+"), so the search starts there, after a non-word character.
func hasOptOut(t *text) bool {
	c := strings.Index(t.norm, "stop")
	if c < 0 {
		return false
	}
	for c > 0 && !isREWordByte(t.norm[c-1]) {
		c--
	}
	for c > 0 && isREWordByte(t.norm[c-1]) {
		c--
	}
	return len(t.findFrom(optOut, c)) > 0
}

// isREWordByte reports whether c is a word character for \w, \W and \b in
// Go's regexp: [0-9A-Za-z_]. Bytes of multi-byte runes are not.
func isREWordByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
}

func longest(pattern string) *regexp.Regexp {
	re := regexp.MustCompile(pattern)
	re.Longest()
	return re
}

// checkSMS checks the SMS text's length in its encoding and its opt-out wording.
func checkSMS(r *run) {
	if r.in.Channel != tailor.SMS {
		return
	}
	for _, f := range r.fields {
		if f.name != "text" {
			continue
		}
		c := measureSMS(f.t.orig, r.in.Brief.FieldLimit(tailor.SMS, f.name))
		if c.units > c.limit {
			at := 0
			for at < len(c.cumul) && c.cumul[at] <= c.limit {
				at++
			}
			enc := "GSM-7 characters"
			if c.ucs2 {
				enc = fmt.Sprintf("UCS-2 units (%s needs UCS-2)", quote(string(c.first)))
			}
			r.addAt(Length, tailor.Block, f.name, [2]int{at, utf8.RuneCountInString(f.t.orig)},
				fmt.Sprintf("%d %s (%d segments); the limit is %d", c.units, enc, c.segments(), c.limit))
		}
		if !hasOptOut(f.t) && strings.TrimSpace(f.t.orig) != "" {
			r.add(Disclaimer, tailor.Block, f.name, nil, `the SMS has no opt-out wording ("Reply STOP to opt out")`)
		}
	}
}
