package guardrails

import (
	"slices"
	"strings"
	"unicode"

	tailor "github.com/tailorhq/tailor"
)

// The patterns in sensitive.go find the ways copy usually points an
// attribute at the reader, but copy finds new ways ("healthy snacks for your
// second trimester"). As a second net, a sentence that addresses the reader
// and names an unambiguous special-category term is flagged for a reviewer:
// it may be fine ("Celebrate Diwali with your family") or may not.

// proximityTerms are special-category words that rarely mean anything else,
// by category name as in sensitiveCategories.
var proximityTerms = map[string]string{
	"health (physical or mental)":           "diabetes diabetic depression depressed anxiety cancer chemo chemotherapy arthritis eczema psoriasis adhd autism autistic bipolar ptsd dementia alzheimer asthma migraine migraines insomnia obesity obese overweight incontinence hiv herpes therapist antidepressants medication medications prescription diagnosis diagnosed illness disease cholesterol hypertension menopause infertility addiction sobriety sober rehab relapse surgery",
	"pregnancy or family plans":             "pregnant pregnancy trimester prenatal postpartum fertility ivf miscarriage conceive conceiving maternity newborn",
	"religion":                              "muslim muslims christian christians jewish jew hindu hindus catholic buddhist sikh mormon atheist ramadan eid iftar diwali hanukkah passover sabbath shabbat lent kosher halal mosque synagogue church bible quran torah prayer prayers kippur navratri",
	"sexual orientation or gender identity": "gay lesbian bisexual queer transgender nonbinary lgbt lgbtq homosexual",
	"race or ethnicity":                     "latino latina latinx hispanic mexican asian arab indigenous biracial bipoc caucasian ethnicity ethnic nigerian korean chinese filipino vietnamese caribbean haitian somali pakistani",
	"political views":                       "democrat democrats republican republicans maga trump biden vote voted voting ballot political politics partisan progressives conservatives patriots",
	"financial situation or credit":         "debt debts bankruptcy bankrupt foreclosure eviction payday broke unemployed unemployment welfare poverty",
	"criminal record":                       "prison jail incarcerated conviction convicted felony felon parole probation arrest arrested mugshot",
	"disability":                            "disability disabled wheelchair prosthetic prosthesis amputee blind deaf paralyzed paralysed",
	"age as a vulnerability":                "seniors elderly retirees pensioner pensioners mature aging ageing",
	"relationship status":                   "divorce divorced widowed widow widower breakup separated lonely loneliness newlywed",
	"union membership":                      "teamster teamsters unionized unionised",
	"immigration status":                    "immigrant immigrants immigration visa refugee refugees asylum deportation undocumented citizenship",
}

var (
	proximityIndex = map[string]string{} // term → category
	secondPerson   = map[string]bool{"you": true, "your": true, "yours": true, "yourself": true, "yourselves": true}
	greetings      = map[string]bool{"happy": true, "merry": true, "wishing": true, "blessed": true, "joyous": true, "joyful": true, "mubarak": true}
)

// proximityKind is what a word is to checkSentence; proximityWords joins
// secondPerson, greetings and proximityIndex so that a word is looked up once.
type proximityKind struct {
	you, greeting bool
	cat           string
}

var proximityWords = map[string]proximityKind{}

func init() {
	for cat, terms := range proximityTerms {
		for _, w := range strings.Fields(terms) {
			proximityIndex[w] = cat
		}
	}
	for w, cat := range proximityIndex {
		proximityWords[w] = proximityKind{cat: cat}
	}
	for w := range greetings {
		proximityWords[w] = proximityKind{greeting: true, cat: proximityIndex[w]}
	}
	for w := range secondPerson {
		proximityWords[w] = proximityKind{you: true, greeting: greetings[w], cat: proximityIndex[w]}
	}
}

// checkProximity flags sentences that address the reader and name a special
// category, unless a pattern already reported the sentence.
func checkProximity(r *run) {
	// The reader's first name addresses them as "you" does: "Priya, save
	// up for Diwali".
	name := ""
	if v, ok := r.in.Profile.Fact("first_name"); ok && r.in.Profile.Consent.Personalization {
		if ws := wordsOf(v); len(ws) == 1 && len(ws[0]) > 1 {
			name = ws[0]
		}
	}
	for _, f := range r.fields {
		ws := f.t.words
		for start := 0; start < len(ws); {
			end := start + 1
			for end < len(ws) && !hasByteIn(f.t.norm[ws[end-1].e:ws[end].b], ".!?\n;") {
				end++
			}
			checkSentence(r, f, ws[start:end], name)
			start = end
		}
	}
}

func checkSentence(r *run, f field, ws []word, name string) {
	you, greeting, cat := false, false, ""
	// inclusive is inclusiveCelebration(ws), worked out only for a
	// sentence that names a religion, which few do.
	inclusive, known := false, false
	for i, w := range ws {
		k, ok := proximityWords[w.s]
		switch {
		case !ok && name != "" && w.s == name && namedAddress(f.t, w):
			you = true
		case !ok:
		case k.you:
			you = true
		case k.greeting:
			greeting = true
		case cat == "" && k.cat != "" && !namesCause(ws, i) && !audienceList(ws, i) && !generalPeriod(ws, i) && !anyReaders(f.t, ws, i) && !accommodationOffer(ws, i, k.cat):
			if k.cat == religionCategory {
				if !known {
					inclusive, known = inclusiveCelebration(ws), true
				}
				if inclusive {
					continue
				}
			}
			cat = k.cat
		}
	}
	if !you || cat == "" || greeting {
		return
	}
	sp := f.t.span(ws[0].b, ws[len(ws)-1].e)
	for _, g := range r.out {
		if g.Check == SensitiveAttribute && g.Field == f.name && g.Span != nil && g.Span[0] < sp[1] && sp[0] < g.Span[1] {
			return
		}
	}
	r.addAt(SensitiveAttribute, tailor.Flag, f.name, sp,
		"names "+cat+" while addressing the reader: check it does not imply the reader's own")
}

// causeNouns after a special-category term make it the name of a cause or
// an event ("the cancer-research 10K", "an autism charity", "a diabetes
// awareness walk"): a topic the reader may cheer for, not the reader's own.
var causeNouns = map[string]bool{
	"research": true, "charity": true, "charities": true, "awareness": true, "fundraiser": true, "fundraising": true,
	"foundation": true, "society": true, "trust": true, "fund": true, "appeal": true, "walk": true, "run": true,
	"race": true, "ride": true, "relay": true, "marathon": true, "5k": true, "10k": true, "gala": true,
	"campaign": true, "drive": true, "benefit": true, "nonprofit": true, "charity's": true, "month": true,
	"week": true, "day": true, "parade": true, "march": true, "vigil": true, "telethon": true, "advocates": true, "advocacy": true, "scientists": true, "researchers": true,
}

// namesCause reports whether word i of a sentence names a cause or an event
// rather than a condition: a cause noun follows it, or follows "research",
// "awareness" or "care" after it ("cancer care charity"); and "your" does
// not come right before it ("your cancer research" is the reader's). "You
// beat cancer last month" is still the reader's.
func namesCause(ws []word, i int) bool {
	if i > 0 && (ws[i-1].s == "your" || ws[i-1].s == "you") || i+1 >= len(ws) {
		return false
	}
	next := ws[i+1].s
	if causeNouns[next] {
		return true
	}
	return causeModifiers[next] && i+2 < len(ws) && causeNouns[ws[i+2].s]
}

// causeModifiers sit between a condition and a cause noun.
var causeModifiers = map[string]bool{"care": true, "support": true, "relief": true, "patients": true, "survivors": true}

const religionCategory = "religion"

// festivals are holidays, religious or not, that copy lists side by side.
var festivals = map[string]bool{"diwali": true, "eid": true, "ramadan": true, "hanukkah": true, "chanukah": true,
	"passover": true, "easter": true, "christmas": true, "xmas": true, "kwanzaa": true, "thanksgiving": true,
	"halloween": true, "navratri": true, "holi": true, "lent": true, "purim": true, "kippur": true, "hashanah": true,
	"solstice": true, "friendsgiving": true, "vaisakhi": true, "nowruz": true, "lunar": true, "iftar": true}

// inclusiveOpeners start a clause that leaves the reader's holiday open:
// "whatever you celebrate", "however you mark the season", "whether you
// celebrate".
var inclusiveOpeners = map[string]bool{"whatever": true, "however": true, "whichever": true, "whether": true}

// inclusiveCelebration reports whether a sentence leaves the reader's
// holiday open and lists two festivals or more ("Whatever you celebrate,
// from Diwali sweets to a Thanksgiving dinner…"): the festivals are the
// range of the brand's customers, not the reader's faith. One festival
// ("Whatever you cook this Diwali") or a festival as the reader's ("your
// Diwali", "since you celebrate Diwali") is not that: the patterns in
// sensitive.go report the second kind.
func inclusiveCelebration(ws []word) bool {
	open, n := false, 0
	seen := map[string]bool{}
	for i, w := range ws {
		if inclusiveOpeners[w.s] && i+2 < len(ws) && ws[i+1].s == "you" && celebrateVerbs[ws[i+2].s] {
			open = true
		}
		// "Whatever you are making, Hanukkah latkes or a weeknight soup":
		// what readers do, with the festival one of its options.
		if inclusiveOpeners[w.s] && i+3 < len(ws) && ws[i+1].s == "you" && (ws[i+2].s == "are" || ws[i+2].s == "re") &&
			(optionVerbs[strings.TrimSuffix(ws[i+3].s, "ing")] || optionVerbs[strings.TrimSuffix(ws[i+3].s, "ing")+"e"] || celebrateVerbs[strings.TrimSuffix(ws[i+3].s, "ing")]) {
			open = true
		}
		// "Whether you're making sweets for Diwali, pie for Thanksgiving or
		// soup on a Tuesday": the festivals are options, one of them the
		// reader's or none. ("Whether your Diwali…" makes one theirs.)
		if w.s == "whether" && i+2 < len(ws) && (ws[i+1].s == "you" || ws[i+1].s == "your") && (ws[i+2].s == "are" || ws[i+2].s == "re" || optionVerbs[ws[i+2].s] || ws[i+1].s == "your") {
			open = true
		}
		if festivals[w.s] && !seen[w.s] {
			seen[w.s] = true
			n++
		}
	}
	return open && (n >= 2 || n == 1 && orOption(ws)) || festivalAmongOptions(ws)
}

// festivalAmongOptions reports whether a festival in a sentence is one of
// alternatives joined by "or" within a few words of it, and not made the
// reader's by "your": "Cooking for Eid, a birthday or just you?", "set
// for Passover, a potluck or a quiet night". "Your Diwali or ours" and
// "Ramadan or not" are left to the other checks.
func festivalAmongOptions(ws []word) bool {
	for i, w := range ws {
		if !festivals[w.s] || i > 0 && (ws[i-1].s == "your" || ws[i-1].s == "yours") {
			continue
		}
		for j := max(0, i-6); j < min(len(ws), i+7); j++ {
			if ws[j].s != "or" || j+1 >= len(ws) {
				continue
			}
			switch ws[j+1].s {
			case "not", "no", "otherwise", "never", "nothing", "else":
			default:
				return true
			}
		}
	}
	return false
}

// orOption reports whether a sentence offers alternatives joined by "or":
// "cooking for Diwali, a harvest supper or a quiet Tuesday". "Diwali or
// not" and "or otherwise" leave the one festival the reader's to deny.
func orOption(ws []word) bool {
	for i, w := range ws {
		if w.s == "or" && i+1 < len(ws) {
			switch ws[i+1].s {
			case "not", "no", "otherwise", "never", "nothing", "else":
			default:
				return true
			}
		}
	}
	return false
}

// groupTerms are special-category words for a group of people, which copy
// may list among the audiences it serves.
var groupTerms = map[string]bool{"seniors": true, "retirees": true, "pensioners": true, "elderly": true,
	"immigrants": true, "refugees": true, "muslims": true, "christians": true, "hindus": true, "democrats": true,
	"republicans": true, "progressives": true, "conservatives": true, "patriots": true, "teamsters": true}

// audienceGroups are everyday audiences a group term may be listed with.
var audienceGroups = map[string]bool{"students": true, "grads": true, "graduates": true, "parents": true, "families": true,
	"kids": true, "teens": true, "teenagers": true, "children": true, "professionals": true, "commuters": true,
	"beginners": true, "newcomers": true, "couples": true, "freelancers": true, "workers": true, "first-timers": true,
	"savers": true, "runners": true, "travelers": true, "travellers": true, "creators": true, "makers": true,
	"homeowners": true, "renters": true, "millennials": true, "boomers": true, "everyone": true, "everybody": true,
	"shoppers": true, "cooks": true, "walkers": true, "hikers": true, "athletes": true, "founders": true, "retailers": true,
	"teachers": true, "nurses": true, "musicians": true, "gamers": true, "moms": true, "dads": true, "grandparents": true,
	"timers": true, "pros": true, "adults": true, "juniors": true, "grandkids": true, "regulars": true}

// listJoins may stand between the items of a list of audiences.
var listJoins = map[string]bool{"for": true, "and": true, "or": true, "to": true, "from": true, "the": true,
	"plus": true, "alike": true, "both": true, "all": true}

// audienceList reports whether word i of a sentence, a group term, is one
// item of a list of audiences: "for students, for retirees, for you",
// "from students to retirees". The group is one the brand serves, not the
// reader's own.
func audienceList(ws []word, i int) bool {
	if !groupTerms[ws[i].s] {
		return false
	}
	for _, dir := range []int{-1, 1} {
		for j := i + dir; j >= 0 && j < len(ws) && j != i+4*dir; j += dir {
			if audienceGroups[ws[j].s] {
				return true
			}
			if !listJoins[ws[j].s] {
				break
			}
		}
	}
	return false
}

// optionVerbs after "whether you" start a list of what readers do.
var optionVerbs = map[string]bool{"cook": true, "bake": true, "host": true, "make": true, "plan": true, "serve": true,
	"need": true, "want": true, "prefer": true, "like": true, "love": true}

var celebrateVerbs = map[string]bool{"celebrate": true, "observe": true, "mark": true, "honor": true, "honour": true, "spend": true, "gather": true, "feast": true}

// periodTerms are special-category words for a time of life that general
// guidance names: "safe to use during pregnancy".
var periodTerms = map[string]bool{"pregnancy": true, "menopause": true, "chemo": true, "chemotherapy": true, "postpartum": true}

// generalPeriod reports whether word i names a time of life as general
// guidance: after "during", "throughout" or "in" with no owner, in a
// sentence about safety or advice ("you and your doctor can check them,
// even during pregnancy", "gentle enough to use in pregnancy"). "During
// your pregnancy" makes it the reader's, and "stay active during
// pregnancy, Dana" is advice to the reader with no label's word, so
// neither is this.
func generalPeriod(ws []word, i int) bool {
	if !periodTerms[ws[i].s] || i == 0 {
		return false
	}
	switch ws[i-1].s {
	case "during", "throughout", "in":
		return slices.ContainsFunc(ws, func(w word) bool { return guidanceWords[w.s] })
	}
	return false
}

// guidanceWords make a sentence a label's advice: safety, a clinician, the
// ingredients.
var guidanceWords = map[string]bool{"safe": true, "safely": true, "safety": true, "doctor": true, "doctors": true,
	"midwife": true, "physician": true, "pharmacist": true, "ingredient": true, "ingredients": true, "label": true,
	"labels": true, "suitable": true, "consult": true, "advice": true, "check": true, "gentle": true, "tested": true}

// namedAddress reports whether word w, the reader's first name, is
// written as a name (with a capital: "Will", not the verb "will").
func namedAddress(t *text, w word) bool {
	if i := t.origStart(w.b); t.ascii && i < len(t.orig) {
		return t.orig[i] >= 'A' && t.orig[i] <= 'Z' // no rune copy of orig for ASCII copy
	}
	rs := []rune(t.origAt(t.span(w.b, w.e)))
	return len(rs) > 0 && unicode.IsUpper(rs[0])
}

// accommodationOffer reports whether word i, a disability, is the
// condition of help offered to anyone who needs it: "if you have a
// disability, our team can walk you through it by phone", "anyone who
// uses a wheelchair can ask for step-free seating". "Since you use a
// wheelchair" and "with your disability" make it the reader's, and a
// conditional without help ("if you are disabled, you'll love this") is
// still flagged.
func accommodationOffer(ws []word, i int, cat string) bool {
	if cat != "disability" || i > 0 && ws[i-1].s == "your" {
		return false
	}
	cond := false
	for j := max(0, i-5); j < i; j++ {
		if ws[j].s == "if" || ws[j].s == "anyone" || ws[j].s == "anybody" || ws[j].s == "whoever" {
			cond = true
		}
		if ws[j].s == "since" || ws[j].s == "because" || ws[j].s == "as" {
			return false
		}
	}
	return cond && slices.ContainsFunc(ws, func(w word) bool { return helpWords[w.s] }) || aidAmongOptions(ws, i)
}

// aidAmongOptions reports whether word i, a disability, is "a" thing
// among alternatives joined by "or" that anyone may come with: "come with
// a wheelchair, a cane or just yourself", "on foot or in a wheelchair".
// "You", "your" or "if" before it ("if you're in a wheelchair or use a
// cane") keeps it the reader's, for the other checks.
func aidAmongOptions(ws []word, i int) bool {
	if i == 0 || ws[i-1].s != "a" && ws[i-1].s != "an" {
		return false
	}
	for j := max(0, i-6); j < i; j++ {
		switch ws[j].s {
		case "you", "your", "you're", "re", "if", "since", "because":
			return false
		}
	}
	for j := max(0, i-6); j < min(len(ws), i+7); j++ {
		if ws[j].s == "or" && j+1 < len(ws) && ws[j+1].s != "not" {
			return true
		}
	}
	return false
}

// helpWords make a sentence an offer of help or access.
var helpWords = map[string]bool{"team": true, "help": true, "assist": true, "assistance": true, "support": true,
	"accessible": true, "accessibility": true, "accommodation": true, "accommodations": true, "format": true,
	"formats": true, "braille": true, "captions": true, "captioned": true, "interpreter": true, "phone": true,
	"branch": true, "arrange": true, "request": true, "step-free": true, "ramp": true, "staff": true, "adjustments": true}
