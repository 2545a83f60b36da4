package guardrails

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// ymd is a calendar date as written; a zero year means none was given.
type ymd struct{ y, m, d int }

// same reports whether two written dates can be the same day.
func (a ymd) same(b ymd) bool {
	return a.m == b.m && a.d == b.d && (a.y == 0 || b.y == 0 || a.y == b.y)
}

// dateMention is a date in normalised text: its bytes and the dates it can
// mean (3/4 is March 4 or 3 April).
type dateMention struct {
	b, e  int
	dates []ymd
	// inWords: the day is an ordinal word ("the twenty-second of July"),
	// which names holidays too ("the Fourth of July"): good enough to find
	// a birth date, not to call a date an offer's.
	inWords bool
}

const monthNames = `(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`

var (
	monthNameRe  = regexp.MustCompile(`^` + monthNames + `$`)
	dateISO      = regexp.MustCompile(`(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})`)
	dateNumeric  = regexp.MustCompile(`(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})|(\d{1,2})/(\d{1,2})`)
	dateMonthDay = newStartRe(monthNames + `\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?`)
	dateDayMonth = newStartRe(`(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?` + monthNames + `\.?(?:,?\s+(\d{4}))?`)
)

var dateContext = map[string]bool{"ends": true, "end": true, "until": true, "through": true, "thru": true, "by": true,
	"on": true, "from": true, "before": true, "after": true, "valid": true, "expires": true, "starting": true, "starts": true,
	"till": true, "til": true, "to": true, "born": true, "birthday": true, "dob": true, "date": true}

// digitSepDigit reports whether s has a digit, a date separator, a digit.
func digitSepDigit(s string) bool {
	for i := 0; i+2 < len(s); i++ {
		if isDigitByte(s[i]) && (s[i+1] == '/' || s[i+1] == '.' || s[i+1] == '-') && isDigitByte(s[i+2]) {
			return true
		}
	}
	return false
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

// monthFirst are the first letters of the months.
const monthFirst = "jfmasond"

// monthStart reports whether a month name can start at s[i]: every one
// starts with one of the twelve three-letter abbreviations.
func monthStart(s string, i int) bool { return len(s)-i >= 3 && monthIndex(s[i:i+3]) > 0 }

// dayStart reports whether a dateDayMonth match can start at s[i]: one or
// two digits that end their run of digits (a third would stop \d{1,2}),
// followed by an ordinal suffix or a space.
func dayStart(s string, i int) bool {
	j := i
	for j < len(s) && isDigitByte(s[j]) {
		j++
	}
	return j > i && j-i <= 2 && j < len(s) && strings.IndexByte("snrt \t\n\f\r", s[j]) >= 0
}

// monthIndex returns the month (1-12) whose three-letter abbreviation s
// starts with, or 0.
func monthIndex(s string) int {
	if len(s) < 3 {
		return 0
	}
	switch s[:3] {
	case "jan":
		return 1
	case "feb":
		return 2
	case "mar":
		return 3
	case "apr":
		return 4
	case "may":
		return 5
	case "jun":
		return 6
	case "jul":
		return 7
	case "aug":
		return 8
	case "sep":
		return 9
	case "oct":
		return 10
	case "nov":
		return 11
	case "dec":
		return 12
	}
	return 0
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

func year(s string) int {
	y := atoi(s)
	if len(s) == 2 {
		y += 1900
		if y < 1930 {
			y += 100
		}
	}
	return y
}

func validDate(d ymd) bool { return d.m >= 1 && d.m <= 12 && d.d >= 1 && d.d <= 31 }

// findDates returns the dates written in t, longest mention first where they overlap.
func findDates(t *text) []dateMention {
	if !t.datesDone {
		t.dates, t.datesDone = scanDates(t), true
	}
	return t.dates
}

func scanDates(t *text) []dateMention {
	var out []dateMention
	digits := hasDigit(t.norm) // every pattern but a day in words has a number in it
	addM := func(b, e int, ds ...ymd) {
		var ok []ymd
		for _, d := range ds {
			if validDate(d) && !slices.Contains(ok, d) {
				ok = append(ok, d)
			}
		}
		if len(ok) == 0 || !t.wordAt(b, e) {
			return
		}
		for _, o := range out {
			if b < o.e && o.b < e {
				return // overlaps a mention found by a more specific pattern
			}
		}
		out = append(out, dateMention{b: b, e: e, dates: ok})
	}
	s := t.norm
	numeric := digitSepDigit(s) // "3/14" or "2026-03-14" shapes
	if !numeric {
		s = ""
	}
	for _, m := range dateISO.FindAllStringSubmatchIndex(s, -1) {
		addM(m[0], m[1], ymd{atoi(s[m[2]:m[3]]), atoi(s[m[4]:m[5]]), atoi(s[m[6]:m[7]])})
	}
	// Month names are rare: run the two patterns that need one only in a
	// few words around each.
	for i, w := range t.words {
		if len(w.s) < 3 || monthIndex(w.s) == 0 || len(w.s) > 4 && !monthNameRe.MatchString(w.s) {
			continue
		}
		if b, e, d := dayInWords(t.words, i); d > 0 {
			n := len(out)
			addM(b, e, ymd{0, monthIndex(w.s), d})
			if len(out) > n {
				out[n].inWords = true
			}
		}
		if !digits {
			continue
		}
		b, e := t.words[max(0, i-2)].b, t.words[min(len(t.words)-1, i+3)].e
		win := t.norm[b:e]
		for _, m := range dateMonthDay.findAll(win, monthFirst, monthStart) {
			d := ymd{0, monthIndex(win[m[2]:m[3]]), atoi(win[m[4]:m[5]])}
			if m[6] >= 0 {
				d.y = atoi(win[m[6]:m[7]])
			}
			addM(b+m[0], b+m[1], d)
		}
		for _, m := range dateDayMonth.findAll(win, "0123456789", dayStart) {
			d := ymd{0, monthIndex(win[m[4]:m[5]]), atoi(win[m[2]:m[3]])}
			if m[6] >= 0 {
				d.y = atoi(win[m[6]:m[7]])
			}
			addM(b+m[0], b+m[1], d)
		}
	}
	s = t.norm
	if !numeric {
		s = ""
	}
	for _, m := range dateNumeric.FindAllStringSubmatchIndex(s, -1) {
		if m[2] >= 0 {
			a, b, y := atoi(s[m[2]:m[3]]), atoi(s[m[4]:m[5]]), year(s[m[6]:m[7]])
			addM(m[0], m[1], ymd{y, a, b}, ymd{y, b, a})
		} else if dateContext[prevWord(t, m[0])] {
			// Without a year, 3/4 is as likely a fraction or "24/7": only
			// after a word that introduces a date.
			a, b := atoi(s[m[8]:m[9]]), atoi(s[m[10]:m[11]])
			addM(m[0], m[1], ymd{0, a, b}, ymd{0, b, a})
		}
	}
	slices.SortFunc(out, func(a, b dateMention) int { return a.b - b.b })
	return out
}

// dayOrdinals are the days of a month written as ordinal words; tens join
// a unit ("twenty-second").
var (
	dayOrdinals = map[string]int{"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
		"seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
		"fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
		"nineteenth": 19, "twentieth": 20, "thirtieth": 30}
	dayTens = map[string]int{"twenty": 20, "thirty": 30}
)

// dayInWords reads a day written in words next to the month at ws[m]: "the
// twenty-second of July", "second July", "July the second", "July
// twenty-second". It returns the bytes from the day to the month, or the
// month to the day, and the day, or 0. "May first" is more often a verb
// and an adverb ("you may first want…"): after May the day needs "the".
func dayInWords(ws []word, m int) (b, e, day int) {
	// Before the month: a day ending at ws[j].
	j := m - 1
	if j >= 0 && ws[j].s == "of" {
		j--
	}
	if j >= 0 && dayOrdinals[ws[j].s] > 0 {
		d, start := dayOrdinals[ws[j].s], j
		if j > 0 && d < 10 && dayTens[ws[j-1].s] > 0 {
			d, start = d+dayTens[ws[j-1].s], j-1
		}
		if d <= 31 {
			return ws[start].b, ws[m].e, d
		}
	}
	// After it.
	k := m + 1
	the := k < len(ws) && ws[k].s == "the"
	if the {
		k++
	}
	if k >= len(ws) || !the && ws[m].s == "may" {
		return 0, 0, 0
	}
	if t := dayTens[ws[k].s]; t > 0 && k+1 < len(ws) {
		if d := dayOrdinals[ws[k+1].s]; d > 0 && d < 10 && t+d <= 31 {
			return ws[m].b, ws[k+1].e, t + d
		}
	}
	if d := dayOrdinals[ws[k].s]; d > 0 {
		return ws[m].b, ws[k].e, d
	}
	return 0, 0, 0
}

// parseDates returns the dates a value (such as a birth date) can mean.
func parseDates(v string) []ymd {
	var out []ymd
	for _, m := range findDates(newText(v)) {
		out = append(out, m.dates...)
	}
	return out
}

func anySame(a, b []ymd) bool {
	for _, x := range a {
		for _, y := range b {
			if x.same(y) {
				return true
			}
		}
	}
	return false
}

// hasDigit reports whether s has an ASCII digit (as strings.ContainsAny(s,
// "0123456789") does, without its rune-by-rune search on short strings).
func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if isDigitByte(s[i]) {
			return true
		}
	}
	return false
}

// hasByteIn reports whether s has one of the ASCII bytes in set: as
// strings.ContainsAny(s, set) for an ASCII set, which on the short gaps
// between words costs a search per rune.
func hasByteIn(s, set string) bool {
	for i := 0; i < len(s); i++ {
		if strings.IndexByte(set, s[i]) >= 0 {
			return true
		}
	}
	return false
}
