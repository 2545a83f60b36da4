package guardrails

import (
	"regexp"
	"slices"
	"strings"

	tailor "github.com/tailorhq/tailor"
)

// Sensitive attributes follow Meta's personal-attributes ad policy, GDPR
// Art. 9 and CPRA's sensitive personal information: copy may mention a topic
// ("Our Ramadan gift guide is here") but never assert or imply that the
// reader has the attribute ("As a fellow Muslim…", "Trying for a baby?").
// The patterns therefore pair the reader (you, your, as a, fellow, a question
// aimed at them) with an attribute term; a term on its own is never enough.

// The ways copy points an attribute at the reader.
const (
	youAre = `(?:you're|youre|you are|you were|you've been|you have been|you seem|you look|you must be|are you|aren't you|were you|you may be|you might be|you could be)` +
		`(?:\s+(?:so|really|still|recently|newly|now|currently|already|probably|likely|finally|clearly|obviously|feeling|getting|becoming|soon|about to be|very|also|officially|a little|kind of))*\s+(?:an?\s+|the\s+)?`
	asA     = `(?:(?:as|being)\s+(?:an?\s+)?(?:fellow\s+|proud\s+|devout\s+|practicing\s+|practising\s+)?|fellow\s+)`
	your    = `your\s+(?:own\s+|recent\s+|current\s+|growing\s+|chronic\s+|ongoing\s+|latest\s+|upcoming\s+|little\s+|new\s+|bad\s+|poor\s+)?`
	struggl = `(?:struggling|dealing|coping|living|suffering|battling|fighting|diagnosed|worried|anxious|embarrassed|ashamed|tired|sick|stressed|trying|hoping|planning|thinking|ready|afraid|scared|need\s+help|having\s+trouble|help)\s+(?:with|from|about|of|for|to|by|on)\s+(?:your\s+|a\s+|an\s+|the\s+|those\s+|that\s+)?`
)

// ourFolks is the reader's family, whose faith is the reader's too.
const ourFolks = `(?:your\s+(?:whole\s+|extended\s+|big\s+)?(?:family's|family|household's|parents'|grandparents'|kids'|children's|folks'|community's|clan's)` +
	`|(?:you\s+and\s+your|your)\s+(?:whole\s+)?(?:family|household|kids|children|parents|loved\s+ones|folks)\s+(?:celebrates?|observes?|marks?|keeps?|gathers?\s+for|get\s+together\s+for)` +
	`|you\s+and\s+your\s+(?:whole\s+)?(?:family|household|kids|children|parents|loved\s+ones|folks)(?:'s)?)\s+(?:own\s+|annual\s+|big\s+|first\s+)?`

// skinTone is a complexion or hair texture that stands for ethnicity.
const (
	skinTone    = `melanin[\s\-]+rich|melanated|deep(?:er)?|dark(?:er)?|brown|black|olive`
	hairTexture = `textured|coily|kinky|afro|tightly\s+coiled`
)

// skinParts after "skin" make it the organ, not a complexion.
var skinParts = map[string]bool{"layer": true, "layers": true, "cells": true, "barrier": true, "hydration": true,
	"care": true, "moisture": true, "renewal": true, "pores": true, "spots": true, "patches": true, "circles": true,
	"tissue": true, "texture": true}

// sensitiveCategory is one special category and the rules that find it.
type sensitiveCategory struct {
	name  string // for the message: "implies the reader's <name>"
	rules []*rule
}

// attrRule builds a rule from a way of pointing at the reader and a list of
// terms ("a|b c|d"); every word of the terms triggers it.
func attrRule(label, prefix, terms string, extra ...string) *rule {
	return newRule(label, triggerWords(terms)+" "+strings.Join(extra, " "), prefix+words(terms)+`(?:s|es)?`).filter(func(t *text, m match) bool {
		return notFollowedByOwner(t, m) && !inclusiveYour(t, m.b, m.e) && !advisoryIf(t, m)
	})
}

// advisoryIf reports whether the match is a condition in a piece of
// advice to see a professional: "if you are pregnant or nursing, check
// with your doctor first" speaks to any reader the label would. "If
// you're expecting, our bump class is for you" still picks the reader out.
func advisoryIf(t *text, m match) bool {
	if w := prevWord(t, m.b); w != "if" && w != "whether" {
		return false
	}
	return adviceToSee(sentenceWords(t, m.b))
}

// adviceToSee reports whether a sentence advises seeing someone qualified:
// a verb of consulting and an adviser ("check with your doctor").
func adviceToSee(ws []word) bool {
	consult, expert := false, false
	for _, w := range ws {
		consult = consult || consultVerbs[w.s]
		expert = expert || adviserNouns[w.s]
	}
	return consult && expert
}

// conditionalAdvice reports whether word i of a sentence is the condition
// of advice to see someone qualified: "if you are pregnant or nursing,
// ask your doctor first".
func conditionalAdvice(ws []word, i int) bool {
	for j := max(0, i-4); j+1 < i; j++ {
		if ws[j].s == "if" && ws[j+1].s == "you" {
			return adviceToSee(ws)
		}
	}
	return false
}

// consultVerbs and adviserNouns make a sentence advice to see someone
// qualified.
var (
	consultVerbs = map[string]bool{"check": true, "consult": true, "ask": true, "talk": true, "speak": true, "see": true,
		"clear": true, "run": true, "discuss": true, "seek": true, "get": true}
	adviserNouns = map[string]bool{"doctor": true, "doctors": true, "gp": true, "physician": true, "midwife": true, "pharmacist": true,
		"dermatologist": true, "healthcare": true, "clinician": true, "nurse": true, "obstetrician": true, "ob": true, "professional": true,
		"provider": true, "practitioner": true, "advice": true}
)

// asRule finds the reader given an attribute by "as a" ("As a fellow
// Muslim…", "As a refugee, you…"). Said of someone else in the sentence
// ("growers who came here as refugees", "our founder arrived as a
// refugee") it is their story, not the reader's: see readerIsSubject.
func asRule(terms string) *rule {
	r := attrRule("as-a", asA, terms)
	return r.filter(func(t *text, m match) bool { return notFollowedByOwner(t, m) && readerIsSubject(t, m) })
}

// thirdParties are words that, between the start of a sentence and a
// match, make someone other than the reader its subject.
var thirdParties = map[string]bool{"who": true, "whose": true, "whom": true, "which": true, "they": true, "them": true,
	"he": true, "she": true, "we": true, "i": true, "our": true, "their": true, "his": true, "her": true, "my": true,
	"us": true, "its": true}

// readerIsSubject reports whether the match is said of the reader: it holds
// "fellow", or, reading back from it to the start of its sentence, "you"
// comes before any word of a third party (or neither comes).
func readerIsSubject(t *text, m match) bool {
	if strings.Contains(t.norm[m.b:m.e], "fellow") {
		return true
	}
	for i := len(t.words) - 1; i >= 0; i-- {
		w := t.words[i]
		if w.e > m.b {
			continue
		}
		if hasByteIn(t.norm[w.e:m.b], ".!?;\n") {
			return true
		}
		switch {
		case secondPerson[w.s]:
			return true
		case thirdParties[w.s]:
			return false
		}
		m.b = w.b
	}
	return true
}

// questionRule finds an attribute asked of the reader ("Pregnant?",
// "Newly single?", "On a fixed income?").
func questionRule(terms string) *rule {
	return newRule("question", triggerWords(terms), `(?:just\s+|recently\s+|newly\s+|still\s+|so\s+)?`+words(terms)+`(?:s|es)?\s*\?`)
}

// likeYouRule finds the reader put in a group: "trans women like you",
// "wheelchair users like yours".
func likeYouRule(terms string) *rule {
	return newRule("like-you", triggerWords(terms), words(terms)+`(?:s|es)?(?:\s+[a-z]+){0,2}\s+like\s+you(?:rs|rself)?`)
}

var wordToken = regexp.MustCompile(`[a-z][a-z']+`)

// stopTriggers are words too common to gate a rule on.
var stopTriggers = map[string]bool{
	"a": true, "an": true, "the": true, "to": true, "of": true, "on": true, "in": true, "with": true,
	"your": true, "you": true, "for": true, "and": true, "this": true, "be": true, "is": true, "are": true,
	"my": true, "out": true, "up": true, "at": true, "by": true, "from": true, "new": true, "s": true, "d": true,
	"that": true, "it": true, "or": true, "as": true, "so": true, "all": true,
}

// triggerWords returns one trigger per phrase of a term list: its most
// telling word among those every match of the phrase contains, or, when a
// phrase has none outside its groups, all its words (and "#" for numbers).
func triggerWords(terms string) string {
	var out []string
	for _, phrase := range splitTop(terms) {
		best := ""
		for _, w := range wordToken.FindAllString(topLevel(phrase), -1) {
			w, _, _ = strings.Cut(w, "'") // words split at apostrophes: "crohn's" is "crohn", "s"
			if len(w) < 2 || stopTriggers[w] {
				continue
			}
			if best == "" || commonTriggers[best] && !commonTriggers[w] || commonTriggers[best] == commonTriggers[w] && len(w) > len(best) {
				best = w
			}
		}
		if best != "" {
			out = append(out, best)
			continue
		}
		for _, w := range wordToken.FindAllString(phrase, -1) {
			if w, _, _ = strings.Cut(w, "'"); len(w) > 1 && !stopTriggers[w] {
				out = append(out, w)
			}
		}
		switch {
		case strings.Contains(phrase, `\d{2}`) || strings.Contains(phrase, `\d0s`):
			out = append(out, "#age")
		case strings.Contains(phrase, `\d`):
			out = append(out, "#")
		}
	}
	return strings.Join(out, " ")
}

// commonTriggers are words copy uses all the time; a phrase triggers on one
// only when it has no better word.
var commonTriggers = map[string]bool{
	"going": true, "through": true, "short": true, "every": true, "member": true, "members": true, "being": true,
	"still": true, "really": true, "about": true, "after": true, "again": true, "other": true, "first": true,
	"never": true, "always": true, "getting": true, "people": true, "little": true, "back": true, "over": true,
	"off": true, "time": true, "day": true, "life": true, "home": true, "family": true, "care": true, "get": true,
	"work": true, "more": true, "one": true, "two": true, "living": true, "with": true, "order": true, "new": true,
	"trouble": true, "help": true, "way": true, "not": true, "last": true, "late": true, "here": true, "down": true,
}

// ownerWords after an attribute mean the copy describes the brand or a
// thing ("as a Christian-owned business", "are you Black Friday ready").
var ownerWords = map[string]bool{
	"owned": true, "founded": true, "led": true, "run": true, "company": true, "brand": true, "business": true,
	"team": true, "retailer": true, "store": true, "shop": true, "friday": true, "history": true, "month": true,
	"tie": true, "label": true, "artisans": true, "makers": true, "designers": true, "designed": true,
	"creators": true, "community": true, "charity": true, "charities": true, "organization": true, "organizations": true,
}

func notFollowedByOwner(t *text, m match) bool {
	return !ownerWords[nextWord(t, m.e)]
}

// nextWord returns the word that starts at or after byte e of norm.
func nextWord(t *text, e int) string {
	for _, w := range t.words {
		if w.b >= e {
			return w.s
		}
	}
	return ""
}

// prevWord returns the word that ends at or before byte b of norm.
func prevWord(t *text, b int) string {
	for i := len(t.words) - 1; i >= 0; i-- {
		if t.words[i].e <= b {
			return t.words[i].s
		}
	}
	return ""
}

const (
	healthTerms = `diabetes|diabetic|cancer|depression|anxiety|anxiety disorder|adhd|autism|bipolar|bipolar disorder|ptsd|ocd|schizophrenia|dementia|alzheimer's|arthritis|chronic pain|back pain|joint pain|migraines|migraine|asthma|allergies|eczema|psoriasis|acne|hair loss|balding|thinning hair|erectile dysfunction|incontinence|bladder|ibs|crohn's|hiv|std|stds|herpes|high blood pressure|blood pressure|hypertension|cholesterol|heart disease|heart condition|obesity|weight problem|weight issues|weight|extra weight|excess weight|extra pounds|belly fat|muffin top|bmi|eating disorder|anorexia|bulimia|insomnia|sleep apnea|addiction|alcoholism|drinking problem|substance abuse|illness|condition|diagnosis|medication|meds|prescription|prescriptions|symptoms|therapy|therapist|treatment|chemo|chemotherapy|surgery|mental health|mental illness|panic attacks|loneliness|memory loss|menopause|hot flashes|low testosterone|infertility|fertility|disease|injury|injuries|wound|scar|scars|weight loss journey|weight loss|sobriety|relapse|rehab|overweight|obese|health condition|health problems|health issues`
	healthAdjs  = `diabetic|depressed|obese|overweight|anorexic|bulimic|bipolar|sick|ill|unwell|chronically ill|in recovery|sober|recovering addict|recovering alcoholic|alcoholic|addict|cancer survivor|cancer patient|patient|battling cancer|fighting cancer|in chemo|going through chemo|on medication|on meds|on antidepressants|in therapy|hypertensive|insomniac|suicidal|mentally ill|living with \w+|suffering from \w+|diagnosed with \w+|a type 1 diabetic|a type 2 diabetic|heavier|out of shape|a bit heavier|carrying extra weight`
	pregTerms   = `pregnancy|baby bump|bump|due date|trimester|little one on the way|baby on the way|bundle of joy|nursery|baby shower|ivf|ivf journey|fertility|fertility journey|ovulation|morning sickness|birth plan|maternity leave|paternity leave|newborn|new baby|unborn baby|growing belly|growing family|miscarriage|pregnancy loss|conception`
	pregAdjs    = `pregnant|expecting(?:\s*[.!?,]|\s*$|\s+(?:a\s+baby|a\s+little|twins|your\s+first|again))|with child|trying to conceive|trying for a baby|ttc|mom-to-be|mum-to-be|mother-to-be|mama-to-be|dad-to-be|father-to-be|parent-to-be|parents-to-be|expectant (?:mom|mother|mum|parent|dad|father)|infertile|going through ivf|in your (?:first|second|third) trimester|due soon|nesting|eating for two|eating for 2`
	religion    = `muslim|christian|jewish|jew|hindu|catholic|protestant|buddhist|sikh|mormon|atheist|evangelical|believer|person of faith|woman of faith|man of faith|churchgoer|born-again|born again christian|jain|pagan|wiccan|religious|devout|observant jew|orthodox jew|believing christian|practicing muslim`
	relTerms    = `faith|religion|church|mosque|synagogue|temple|parish|congregation|prayers|prayer|fast|fasting|iftar|suhoor|sehri|sabbath|shabbat|bible study|beliefs|religious beliefs|god|rosary|hijab|kippah|yarmulke|turban|ramadan|eid|diwali|hanukkah|passover|yom kippur|rosh hashanah|lent|vaisakhi|holi|navratri|lord and savior|imam|pastor|rabbi|priest|gurdwara|mandir|puja|pooja|festival of lights|festival of colours|festival of colors|holy day|holy days|high holy days|holy month|holy week|feast day|feast days|fast day|religious holiday|religious festival|religious calendar|faith's holidays|faith's festivals|day of atonement`
	sexTerms    = `gay|lesbian|bi|bisexual|queer|trans|transgender|trans woman|trans man|nonbinary|non-binary|genderqueer|genderfluid|gender fluid|asexual|pansexual|lgbt|lgbtq|lgbtqia|homosexual|closeted|in the closet|intersex|two-spirit|questioning`
	sexPoss     = `sexuality|sexual orientation|orientation|gender identity|pronouns|transition|gender transition|coming out|same-sex partner|same sex partner|boyfriend's|sexual preference|sex life`
	raceTerms   = `african american|latino|latina|latinx|hispanic|asian|asian american|arab|indigenous|native american|first nations|aboriginal|pacific islander|mixed-race|mixed race|biracial|person of color|woman of color|man of color|people of color|poc|bipoc|caucasian|black (?:woman|women|man|men|person|people|mom|moms|mum|dad|dads|father|mother|customer|shopper|family|families|girl|guy|runner|entrepreneur|household)|white (?:woman|women|man|men|person|people|mom|dad|guy|girl|family|families)|brown (?:woman|women|man|men|person|people|girl|guy|family|families)`
	raceHerit   = `(?:black|latino|latina|hispanic|asian|african|mexican|indian|arab|jewish|indigenous|native|irish|italian|korean|chinese|filipino|nigerian|caribbean)\s+(?:heritage|roots|ancestry|culture|community|identity|pride|family|background|skin|hair)|race|ethnicity|ethnic background|ethnic roots|racial identity|skin color|skin colour|heritage`
	politics    = `democrat|republican|liberal|conservative|progressive|socialist|communist|libertarian|leftist|right-winger|left-winger|maga supporter|maga|trump supporter|biden supporter|harris supporter|green party voter|tory|labour voter|independent voter|activist|feminist|gun owner|pro-life|pro-choice|pro-life supporter|pro-choice supporter`
	polPoss     = `political views|politics|political party|party affiliation|political beliefs|political leanings|candidate|vote for|voting record|ballot choice`
	finAdjs     = `broke|in debt|drowning in debt|deep in debt|bankrupt|poor|low-income|low income|unemployed|out of work|between jobs|jobless|laid off|on a tight budget|tight on money|tight on cash|struggling financially|struggling to make ends meet|behind on rent|behind on bills|behind on payments|behind on your mortgage|behind on your bills|living paycheck to paycheck|on benefits|on welfare|on food stamps|short on cash|strapped for cash|cash-strapped|in financial trouble|facing foreclosure|facing eviction|a bad credit risk|maxed out|in the red|in collections|on unemployment|on a fixed income|on a low income|on a small income|on a modest income|on a limited income|on one income|on a single income|on a small salary|on a modest salary|on a low salary|on a limited salary`
	finPoss     = `debt|debts|credit score|credit rating|credit history|credit report|bad credit|poor credit|loan|loans|overdraft|bankruptcy|foreclosure|eviction|financial trouble|financial troubles|financial hardship|financial struggles|financial situation|financial problems|money troubles|money problems|money worries|tight budget|low income|unpaid bills|missed payments|collections|net worth|unemployment|benefits check|food stamps|late payments|payday loan|repossession`
	crimeAdjs   = `felon|convicted felon|ex-con|ex-convict|ex-offender|convict|on parole|on probation|former inmate|formerly incarcerated|recently released|out of prison|out of jail|out on bail|under investigation|registered sex offender|arrested|convicted|charged with \w+|in trouble with the law|behind bars`
	crimePoss   = `arrest|arrests|conviction|convictions|criminal record|criminal history|record expunged|mugshot|parole|probation|parole officer|probation officer|court date|court case|trial|jail time|prison time|time in prison|time inside|sentence|bail|dui|dwi|felony|misdemeanor|police record|rap sheet|ankle monitor|release from prison|release from jail|expungement`
	disAdjs     = `disabled|handicapped|wheelchair user|in a wheelchair|wheelchair-bound|wheelchair bound|blind|visually impaired|deaf|hard of hearing|hearing impaired|paralyzed|paralysed|paraplegic|quadriplegic|amputee|autistic|on the spectrum|dyslexic|mute|bedridden|housebound|immunocompromised|neurodivergent|person with a disability|person with disabilities|living with a disability|special needs`
	disPoss     = `disability|disabilities|wheelchair|hearing aid|hearing aids|walker|cane|crutches|prosthetic|prosthesis|prosthetic leg|mobility scooter|mobility aid|impairment|guide dog|service dog|special needs|accessibility needs|hearing loss|vision loss|blindness|paralysis|limited mobility|learning disability`
	ageAdjs     = `senior|senior citizen|elderly|old|older|getting older|getting on|aging|ageing|over (?:\d{2}|fifty|sixty|seventy|eighty)|in your (?:\d0s|fifties|sixties|seventies|eighties)|past your prime|past (?:\d{2}|fifty|sixty|seventy)|pensioner|retiree|of a certain age|not getting any younger|no spring chicken|too old`
	agePoss     = `golden years|old age|aging body|ageing body|aging joints|aging skin|age|senior years|twilight years|retirement years|hip replacement|wrinkles|grey hair|gray hair|senior moments|reading glasses|dentures`
	relAdjs     = `single|newly single|single again|divorced|recently divorced|going through a divorce|getting divorced|separated|widowed|widow|widower|single mom|single mum|single dad|single parent|lonely|all alone|alone this (?:valentine's|valentines|holiday|christmas|weekend|year)|unmarried|dating again|back on the market|heartbroken|going through a breakup|going through a break-up|recently dumped|dumped|cheated on|childless|still single|forever alone`
	relPoss     = `divorce|breakup|break-up|ex|ex-wife|ex-husband|ex-partner|ex-boyfriend|ex-girlfriend|separation|custody battle|custody|dating life|love life|late husband|late wife|late partner|single life|relationship status|marriage problems|failed marriage|lonely nights|empty nest`
	unionAdjs   = `union member|member of a union|member of the union|unionized|unionised|in a union|teamster|union worker|union man|union woman|union brother|union sister|union rep|shop steward`
	unionPoss   = `union|union membership|union dues|union card|union local|union rep|shop steward|picket line|strike`
	immAdjs     = `immigrant|undocumented|illegal|illegal alien|refugee|asylum seeker|dreamer|daca recipient|non-citizen|noncitizen|green card holder|visa holder|on a visa|new to this country|new to the country|new to america|newly arrived|migrant|foreigner|not from here|fresh off the boat`
	immPoss     = `visa|green card|immigration status|immigration case|immigration papers|asylum|asylum case|asylum claim|citizenship|citizenship application|citizenship test|naturalization|deportation|work permit|residency status|daca status|papers|home country|accent|first language|native language|mother tongue|legal status`
)

var sensitiveCategories = []sensitiveCategory{
	{"health (physical or mental)", []*rule{
		attrRule("your-condition", your, healthTerms),
		attrRule("you-are", youAre, healthAdjs),
		questionRule(healthAdjs),
		likeYouRule(healthAdjs),
		attrRule("asking", struggl, healthTerms),
		attrRule("you-have", `(?:you\s+have|you've\s+got|you've\s+been\s+diagnosed\s+with|you\s+suffer\s+from|you\s+live\s+with)\s+(?:an?\s+)?`, healthTerms),
		attrRule("feeling", `(?:feeling|you\s+feel|you\s+seem)\s+(?:so\s+|really\s+)?`, `depressed|anxious|lonely|hopeless|suicidal|worthless|fat|unattractive|self-conscious about your body|ashamed of your body`),
		newRule("lose-weight", "lose losing shed shedding drop dropping burn burning slim slimming",
			`(?:lose|losing|shed|shedding|drop|dropping|burn|burning|slim|slimming)\s+(?:down\s+)?(?:the\s+|that\s+|those\s+|your\s+)?(?:extra\s+|baby\s+|stubborn\s+|holiday\s+|unwanted\s+|excess\s+)?(?:weight|pounds|belly\s+fat|fat|\d+\s*(?:lbs|pounds|kg|kilos))`),
		newRule("question", "depressed anxious lonely overweight diabetic sick pain insomnia",
			`(?:depressed|anxious|lonely|overweight|diabetic|in\s+pain|can't\s+sleep|insomnia)\s*\?`),
		newRule("body-shame", "body bikini beach embarrassing ashamed",
			`(?:hate|hide|ashamed\s+of|embarrassed\s+by|self-conscious\s+about)\s+your\s+(?:body|belly|thighs|arms|skin|weight)|(?:bikini|beach|summer)\s+body\s+ready\s*\?`),
	}},
	{"pregnancy or family plans", []*rule{
		attrRule("you-are", youAre, pregAdjs),
		questionRule(pregAdjs),
		attrRule("your-pregnancy", your, pregTerms),
		newRule("trying", "baby conceive pregnant family kids children",
			`(?:trying|hoping|planning|ready|thinking\s+about|thinking\s+of|want|wanting|hoping\s+to)\s+(?:for\s+|to\s+|on\s+)?(?:a\s+baby|to\s+conceive|conceive|to\s+get\s+pregnant|getting\s+pregnant|get\s+pregnant|to\s+start\s+a\s+family|starting\s+a\s+family|start\s+a\s+family|a\s+family|have\s+a\s+baby|having\s+a\s+baby|another\s+baby|baby\s+number\s+(?:two|three|2|3))`),
		newRule("congrats", "congrats congratulations",
			`(?:congrats|congratulations)\s+(?:on|about)\s+(?:your|the)\s+(?:pregnancy|baby|new\s+baby|bump|baby\s+bump|little\s+one|growing\s+family|bundle\s+of\s+joy|new\s+arrival|happy\s+news|big\s+news|exciting\s+news)`),
		newRule("addressed", "mom mum mama mommy mother dad daddy father parent parents",
			`(?:mom|mum|mama|mommy|mother|dad|daddy|father|parents?)[\s\-]+to[\s\-]+be`).filter(func(t *text, m match) bool { return addressed(t, m.span) || prevWord(t, m.b) == "you" }),
		newRule("question", "expecting pregnant way trimester",
			`(?:expecting|pregnant|baby\s+on\s+the\s+way|little\s+one\s+on\s+the\s+way)\s*\?|little\s+one\s+on\s+the\s+way|(?:first|second|third)\s+trimester\s*\?`),
		// Pregnancy's own span of time, said as the reader's: "gentle
		// classes for the next nine months and beyond", "through all
		// three trimesters". A term of an offer ("0% APR for the next 9
		// months") is an offer's.
		newRule("nine-months", "months weeks trimesters",
			`(?:the\s+)?(?:next|coming|upcoming|these|those|whole|full)\s+(?:nine|9)\s+months\s+(?:and\s+beyond|ahead|and\s+after|to\s+come|of\s+(?:growing|waiting|changes?|nesting))`+
				`|(?:through|during|across)\s+(?:all\s+)?(?:the|your|those|these|all)\s+(?:nine|9)\s+months\b|(?:the\s+)?(?:next|coming|upcoming)\s+(?:40|forty)\s+weeks\b|(?:all|every\s+one\s+of\s+the|each\s+of\s+the)\s+(?:three|3)\s+trimesters\b`).filter(notAnOfferTerm),
		newRule("we-know", "baby pregnant expecting",
			`(?:we\s+know|we\s+noticed|we\s+hear|we\s+heard|word\s+is)\s+(?:that\s+)?(?:you're|you\s+are|you've\s+got|you\s+have)\s+(?:a\s+)?(?:baby|pregnant|expecting)`),
	}},
	{"religion", []*rule{
		attrRule("you-are", youAre, religion),
		questionRule(religion),
		likeYouRule(religion),
		asRule(religion),
		attrRule("your-faith", your, relTerms),
		// The reader's family's festival or faith: "your family's Holi
		// colours", "when you and your kids celebrate Eid". The festival
		// said to everyone ("Holi colours wash off with Dew Drop") is not.
		attrRule("your-family's-faith", ourFolks, relTerms),
		newRule("practice", "fast fasting observe observing celebrate celebrating practice pray praying worship attend church keeping kosher halal passover ramadan lent diwali eid hanukkah shabbat sabbath navratri kippur",
			`(?:break|breaking)\s+your\s+fast|(?:since|as|because|now\s+that|while|when)\s+you\s+(?:observe|celebrate|practice|practise|pray|fast|attend\s+church|go\s+to\s+church|go\s+to\s+mosque|worship|keep\s+kosher|keep\s+halal|eat\s+halal|eat\s+kosher)|(?:are\s+you\s+)?(?:fasting|observing|celebrating|keeping\s+(?:kosher|halal)|keeping)\s+(?:[a-z]+\s+){0,2}(?:ramadan|lent|yom\s+kippur|passover|diwali|eid|hanukkah|shabbat|the\s+sabbath|navratri|kosher|halal)(?:\s+[a-z]+){0,3}\s*\?`),
	}},
	{"sexual orientation or gender identity", []*rule{
		attrRule("you-are", youAre, sexTerms),
		questionRule(sexTerms),
		likeYouRule(sexTerms),
		asRule(sexTerms),
		attrRule("your-sexuality", your, sexPoss),
		newRule("coming-out", "coming come came out questioning singles",
			`(?:thinking\s+(?:about|of)\s+|ready\s+for\s+|ready\s+to\s+|planning\s+)?(?:coming|come)\s+out\s*\?|(?:since|now\s+that|after)\s+you(?:'ve|\s+have)?\s+(?:came|come)\s+out|questioning\s+your\s+(?:sexuality|gender|identity)|(?:gay|lesbian|queer|trans|lgbtq?\+?|bi)\s+singles\s+(?:near|like|for)\s+you`),
	}},
	{"race or ethnicity", []*rule{
		attrRule("you-are", youAre, raceTerms),
		likeYouRule(raceTerms),
		asRule(raceTerms),
		attrRule("your-heritage", your, raceHerit),
		newRule("people-like-you", "color colour", `people\s+of\s+colou?r\s+like\s+you`),
		// A complexion or hair texture that stands for ethnicity, pointed
		// at the reader: "melanin-rich skin tones like yours", "your deeper
		// skin tone", "textured hair like yours". "Shades for deeper skin
		// tones" and "your skin tone" name no one's ethnicity.
		newRule("skin-tone", "melanin melanated deep deeper dark darker brown black olive colour color textured coily kinky afro",
			`(?:`+skinTone+`)\s+(?:skin(?:\s+(?:tones?|types?))?|complexions?|tones?)\s+(?:just\s+)?like\s+(?:yours|you)\b`+
				`|(?:`+hairTexture+`)\s+hair\s+(?:just\s+)?like\s+(?:yours|you)\b`+
				`|your\s+(?:(?:beautiful|gorgeous|lovely|own|natural)\s+)?(?:(?:`+skinTone+`)(?:[\s\-]+toned)?\s+(?:skin(?:\s+tone)?|complexion)|(?:`+hairTexture+`)\s+hair)`+
				`|(?:skin|complexions?)\s+of\s+colou?r\s+like\s+(?:yours|you)|your\s+melanin`).filter(func(t *text, m match) bool {
			return !skinParts[nextWord(t, m.e)] // "your deeper skin layers"
		}),
	}},
	{"political views", []*rule{
		attrRule("you-are", youAre, politics),
		questionRule(politics),
		likeYouRule(politics),
		asRule(politics),
		attrRule("your-politics", your, polPoss),
		newRule("voted", "voted vote voting donated support supported",
			`(?:since|because|as|now\s+that)\s+you\s+(?:voted|vote|support|supported|donated\s+to)\s+(?:for\s+)?(?:the\s+)?(?:democrats?|republicans?|trump|biden|harris|obama|labour|tories|conservatives|liberals|gop|maga|left|right)|(?:people|those|folks)\s+who\s+vote\s+like\s+you|you\s+voted\s+(?:for|against)`),
	}},
	{"financial situation or credit", []*rule{
		attrRule("you-are", youAre, finAdjs),
		questionRule(finAdjs),
		likeYouRule(finAdjs),
		attrRule("your-finances", your, finPoss),
		attrRule("asking", `(?:in|drowning\s+in|buried\s+in|struggling\s+with|struggling\s+to\s+pay|behind\s+on|worried\s+about|stressed\s+about|can't\s+pay|cannot\s+pay|tired\s+of|sick\s+of|help\s+with|trouble\s+paying)\s+(?:your\s+|the\s+)?`, `debt|debts|bills|rent|payments|loans|credit card debt|money|finances|mortgage|student loans|medical bills`),
		// The reader's pay or balance is ordinary banking copy ("your
		// paycheck, bills and card in one app", "stretch your paycheck
		// further"); its size or shortfall is the reader's finances.
		newRule("pay-sized", "salary income paycheck paychecks pay wage wages earnings balance pension hours savings egg money cash",
			`your\s+(?:(?:small|smaller|low|lower|modest|meagre|meager|tiny|limited|fixed|shrinking|reduced|dwindling|lean|thin|shrunken|vanishing|disappearing)\s+)(?:salary|income|paycheck|pay|wages?|earnings|pension|savings|nest\s+egg|(?:bank\s+|account\s+)?balance)\b`+
				`|your\s+(?:salary|income|paycheck|pay|wages?|earnings|pension|money|cash)\s+(?:always\s+|often\s+|usually\s+|keeps\s+|tends\s+to\s+)?(?:runs?|running|ran)\s+(?:out|dry|short)\b`+
				`|your\s+(?:salary|income|paycheck|pay|wages?|earnings|pension|(?:bank\s+|account\s+)?balance)\s+(?:(?:just|barely|never|rarely|hardly|doesn't|does\s+not|don't|do\s+not|won't|will\s+not|can't|cannot|isn't|is\s+not|simply|still|quite|always)\s+)+(?:covers?|cover|stretch(?:es)?|lasts?|go(?:es)?\s+(?:far|as\s+far|the\s+distance)|enough|keeps?\s+up|make\s+it|makes\s+it|runs?\s+out)`+
				`|your\s+(?:salary|income|paycheck|pay|wages?|earnings|pension|(?:bank\s+|account\s+)?balance)\s+(?:is|are|was|were|looks?|feels?|seems?|has\s+been|keeps?|kept|went|goes|going|running|getting|dipped|dips|dropped|drops|fell|falls|shrank|shrinks|hits?|sits?)\s+(?:(?:so|too|pretty|a\s+bit|a\s+little|really|very|still|getting|running|dipping|dangerously)\s+)*(?:low|lower|small|thin|tight|short|negative|zero|empty|overdrawn|in\s+the\s+red|below\s+zero)\b`+
				`|your\s+(?:salary|income|paycheck|pay|wages?|earnings|pension|hours|(?:bank\s+|account\s+)?balance)\s+(?:(?:has|have|had|just|recently|suddenly)\s+)*(?:dropped|fell|fallen|shrank|shrunk|dipped|plummeted|plunged|dried\s+up|took\s+a\s+(?:hit|dive|cut)|taken\s+a\s+(?:hit|dive|cut)|(?:was|were|got|been)\s+(?:cut|slashed|reduced)|went\s+down|gone\s+down)\b`+
				`|your\s+(?:income|salary|pay|wage|earnings)\s+(?:level|bracket|band|range|grade|group)|(?:based\s+on|given|matched\s+to|suited\s+to|for\s+people\s+on)\s+your\s+(?:income|salary|earnings|wages)`).filter(func(t *text, m match) bool {
			// "We'll text you if your balance is running low", "never let
			// your cash run out": a balance alert is a feature, said of
			// any reader.
			mt := t.norm[m.b:m.e]
			if !strings.Contains(mt, "balance") && !strings.Contains(mt, "money") && !strings.Contains(mt, "cash") {
				return true
			}
			switch prevWord(t, m.b) {
			case "if", "when", "whenever", "before", "once", "case", "let", "never":
				return false
			}
			return true
		}),
		newRule("credit", "credit money afford paycheck cash loan payday ends meet",
			`(?:bad|poor|low|no|damaged|ruined)\s+credit\s*\??|money(?:'s|\s+is)?\s+(?:tight|short)|(?:can't|cannot|can\s+not)\s+afford|paycheck\s+to\s+paycheck|short\s+on\s+cash|cash[\s\-]strapped|(?:quick|fast|emergency|instant)\s+(?:cash|loan)|payday\s+loan|make\s+ends\s+meet|broke\s+(?:again\s+)?(?:this|until)\s+(?:month|payday)`),
	}},
	{"criminal record", []*rule{
		attrRule("you-are", youAre, crimeAdjs),
		questionRule(crimeAdjs),
		likeYouRule(crimeAdjs),
		asRule(crimeAdjs),
		attrRule("your-record", your, crimePoss),
		newRule("record", "record arrested convicted prison jail incarceration sentence released expunge slate",
			`criminal\s+record\s*\?|(?:after|since|out\s+of|start\s+after|chance\s+after)\s+(?:prison|jail|incarceration|your\s+sentence|doing\s+time)|(?:ever\s+been|been)\s+(?:arrested|convicted)\s*\?|(?:since|now\s+that|after)\s+(?:you\s+got\s+out|you\s+were\s+released|your\s+release)|(?:expunge|clear|seal)\s+your\s+record|clean\s+slate\s+after\s+(?:prison|jail)`),
	}},
	{"disability", []*rule{
		attrRule("you-are", youAre, disAdjs),
		questionRule(disAdjs),
		likeYouRule(disAdjs),
		asRule(disAdjs),
		attrRule("your-disability", your, disPoss),
		attrRule("asking", struggl, disPoss),
	}},
	{"age as a vulnerability", []*rule{
		// An age is 40 to 99 ("#age"), as the trigger class reads it: "now
		// that you're 21" says nothing about vulnerability.
		newRule("now-that", "over past nearly almost pushing fifty sixty seventy eighty fifties sixties seventies eighties senior retired older elderly aging ageing age #age",
			`(?:now\s+that|since|because|once|as|if|when)\s+you(?:'re|\s+are|\s+have\s+turned|\s+turned|'ve\s+turned|'re\s+turning|\s+are\s+turning)\s+(?:over\s+|past\s+|nearly\s+|almost\s+|pushing\s+|in\s+your\s+|a\s+)?(?:[4-9]\d|fifty|sixty|seventy|eighty|[4-9]0s|fifties|sixties|seventies|eighties|senior|retired|older|elderly|getting\s+older|getting\s+on|aging|ageing|of\s+a\s+certain\s+age)`),
		attrRule("you-are", youAre, ageAdjs, "over", "past"),
		questionRule(ageAdjs),
		attrRule("your-age", your, agePoss),
		newRule("at-your-age", "age over past turning", `(?:at|for)\s+your\s+age|(?:over|past)\s+(?:50|55|60|65|70|75|80|fifty|sixty|seventy)\s*\?|turning\s+(?:50|60|65|70|fifty|sixty|seventy)\s*\?`),
		newRule("like-you", "seniors retirees pensioners boomers older elderly aging", `(?:seniors|retirees|pensioners|boomers|older\s+(?:adults|folks|people|women|men|customers|runners)|elderly\s+(?:people|folks|customers))\s+like\s+you`),
	}},
	{"relationship status", []*rule{
		attrRule("you-are", youAre, relAdjs),
		questionRule(relAdjs),
		likeYouRule(relAdjs),
		attrRule("your-relationship", your, relPoss),
		attrRule("since-the", `(?:since|after|through|during)\s+(?:the|your)\s+`, `divorce|breakup|break-up|separation|split`),
		newRule("question", "single lonely divorced heartbroken breakup break alone valentine valentines",
			`(?:single|lonely|divorced|newly\s+single|recently\s+divorced|heartbroken|going\s+through\s+a\s+(?:divorce|breakup|break-up))\s*\?|(?:alone|lonely|single)\s+this\s+(?:valentine's|valentines|holiday|christmas|weekend)|(?:feeling|so)\s+lonely`),
	}},
	{"union membership", []*rule{
		attrRule("you-are", youAre, unionAdjs),
		questionRule(unionAdjs),
		likeYouRule(unionAdjs),
		asRule(unionAdjs),
		attrRule("your-union", your, unionPoss),
	}},
	{"immigration status", []*rule{
		attrRule("you-are", youAre, immAdjs),
		questionRule(immAdjs),
		likeYouRule(immAdjs),
		asRule(immAdjs),
		attrRule("your-visa", your, immPoss),
		newRule("immigrated", "immigrated emigrated arrived moved came", `(?:since|now\s+that|after|when)\s+you\s+(?:immigrated|emigrated|came\s+to\s+(?:this\s+country|america|the\s+us)|arrived\s+in\s+(?:this\s+country|america|the\s+us))`),
	}},
}

// groupLikeYou implies the reader belongs to a group without naming it: a
// flag, since "members like you" is fine but "people like you" is the
// classic personal-attributes phrase.
var groupLikeYou = newRule("people like you", "people folks someone those others situation position circumstances",
	`(?:people|folks|someone|those|others)\s+(?:just\s+)?like\s+you(?:rself)?|(?:people|someone|anyone)\s+in\s+your\s+(?:situation|position|circumstances|condition)`).severity(tailor.Flag)

func checkSensitive(r *run) {
	for _, f := range r.fields {
		for _, c := range sensitiveCategories {
			for _, rl := range c.rules {
				for _, m := range rl.find(f.t) {
					r.addAt(SensitiveAttribute, tailor.Block, f.name, m.span, "implies the reader's "+c.name)
				}
			}
		}
		for _, m := range groupLikeYou.find(f.t) {
			r.addAt(SensitiveAttribute, tailor.Flag, f.name, m.span, "speaks of 'people like you', implying a personal attribute")
		}
	}
}

// dimensionNouns are sides of a person that everyone has one of: said as
// "whatever your politics" or "whatever your income" they take in every
// reader, and name none. A condition ("whatever your diabetes throws at
// you") is still the reader's.
var dimensionNouns = map[string]bool{"politics": true, "political views": true, "views": true, "faith": true, "religion": true,
	"beliefs": true, "religious beliefs": true, "income": true, "salary": true, "earnings": true, "budget": true, "age": true,
	"background": true, "heritage": true, "culture": true, "gender": true, "status": true, "relationship status": true,
	"party": true, "political party": true, "political beliefs": true, "political leanings": true, "pay": true, "wage": true, "wages": true}

// inclusiveLeads before "your" make it any reader's: "whatever your",
// "no matter your", "regardless of your".
var inclusiveLeads = []string{"whatever", "whichever", "regardless of", "no matter", "no matter what", "irrespective of", "whatever's"}

// careVerbs before "your mental health" make it everyone's wellbeing, not
// a condition: "a calm way to look after your mental health".
var careVerbs = []string{"care for", "look after", "take care of", "looking after", "caring for", "taking care of", "support",
	"supporting", "protect", "protecting", "prioritise", "prioritize", "prioritising", "prioritizing", "nurture", "nurturing",
	"boost", "boosting", "invest in", "investing in", "tend to", "be kind to", "check in on", "good for", "great for", "for"}

// inclusiveYour reports whether norm[b:e], "your" and a term, takes in every
// reader: a dimension everyone has after "whatever", mental health after
// a verb of care, or any term offered as one of alternatives after
// "whether" ("whether you're religious or secular"; "or not" is no
// alternative).
func inclusiveYour(t *text, b, e int) bool {
	if prevWord(t, b) == "whether" && nextWord(t, e) == "or" && !strings.HasPrefix(strings.TrimLeft(t.norm[e:], " ,"), "or not") {
		return true // "whether you're religious or secular", "whether you're single or married"
	}
	mt := t.norm[b:e]
	term, ok := strings.CutPrefix(mt, "your ")
	if !ok {
		return false
	}
	before := strings.TrimRight(t.norm[:b], " ,")
	if dimensionNouns[term] {
		for _, l := range inclusiveLeads {
			if strings.HasSuffix(before, l) && (len(before) == len(l) || !isWordByte(before[len(before)-len(l)-1])) {
				return true
			}
		}
	}
	if dimensionNouns[term] && amongLifeDomains(t, b, e) {
		return true // "fit classes around your faith and family"
	}
	if term == "mental health" {
		for _, v := range careVerbs {
			if strings.HasSuffix(before, v) && (len(before) == len(v) || !isWordByte(before[len(before)-len(v)-1])) {
				return true
			}
		}
	}
	return false
}

// dietWords are ways of eating a shop offers, which a religious food rule
// ("halal", "kosher") may be listed among as one option of several.
var dietWords = map[string]bool{"vegan": true, "vegetarian": true, "veggie": true, "pescatarian": true, "keto": true, "paleo": true,
	"gluten-free": true, "dairy-free": true, "nut-free": true, "plant-based": true, "low-carb": true, "organic": true, "halal": true, "kosher": true}

// openChoice reports whether word i follows "whoever you", "however you"
// or "no matter who you" within a few words: the reader's choice left
// open, as "whatever your politics" leaves it ("whoever you vote for",
// "no matter which party you back"). "Who you vote for" names the choice.
func openChoice(ws []word, i int) bool {
	if proximityIndex[ws[i].s] == religionCategory {
		return false // "however you mark Diwali": inclusiveCelebration's to judge
	}
	for j := max(0, i-4); j < i; j++ {
		open := openChoiceWords[ws[j].s] || ws[j].s == "matter" && j > 0 && ws[j-1].s == "no"
		if open && slices.ContainsFunc(ws[j+1:i], func(w word) bool { return w.s == "you" }) {
			return true
		}
	}
	return false
}

// openChoiceWords start a clause that leaves any choice to the reader.
var openChoiceWords = map[string]bool{"whoever": true, "whomever": true, "however": true, "whichever": true}

// anyReaders reports whether word i of a sentence, a special-category
// term, takes in every reader: "whatever your politics", or "halal" as one
// of the options in "vegan, halal, kosher or anything goes". A term the
// reader owns ("your kosher kitchen") is not one of a list of options.
func anyReaders(t *text, ws []word, i int) bool {
	if i > 0 && ws[i-1].s == "your" && (inclusiveYour(t, ws[i-1].b, ws[i].e) || i+1 < len(ws) && inclusiveYour(t, ws[i-1].b, ws[i+1].e)) {
		return true // "whatever your politics", "regardless of your political views"
	}
	if openChoice(ws, i) {
		return true // "whoever you vote for", "however you vote"
	}
	if conditionalAdvice(ws, i) {
		return true // "if you are pregnant or nursing, check with your doctor"
	}
	if len(ws) > 0 && ws[0].s == "whether" {
		for j := i + 1; j < min(len(ws), i+6); j++ {
			if ws[j].s == "or" {
				// "whether you keep kosher or eat anything"; "or not"
				// leaves the reader's own practice named.
				return j+1 < len(ws) && ws[j+1].s != "not"
			}
		}
	}
	if !dietWords[ws[i].s] || i > 0 && ws[i-1].s == "your" {
		return false
	}
	others, or := 0, false
	for j := max(0, i-4); j < min(len(ws), i+5); j++ {
		switch {
		case j == i:
		case dietWords[ws[j].s]:
			others++
		case ws[j].s == "or":
			or = true
		case ws[j].s == "your" && j == i-1:
			return false
		}
	}
	return others > 0 && or
}

// notAnOfferTerm drops a span of time that is an offer's term: a sentence
// with a price, a rate or an offer word ("0% APR for the next 9 months",
// "pay nothing for the next nine months and beyond").
func notAnOfferTerm(t *text, m match) bool {
	ws := sentenceWords(t, m.b)
	if len(ws) > 0 && strings.ContainsAny(t.norm[ws[0].b:ws[len(ws)-1].e], "%$€£") {
		return false
	}
	return !slices.ContainsFunc(ws, func(w word) bool { return termWords[w.s] })
}

// termWords make a span of time an offer's or a contract's.
var termWords = map[string]bool{"apr": true, "interest": true, "financing": true, "finance": true, "payment": true, "payments": true,
	"pay": true, "paying": true, "free": true, "off": true, "subscription": true, "membership": true, "plan": true, "warranty": true,
	"contract": true, "rate": true, "rates": true, "save": true, "savings": true, "loan": true, "bonus": true, "intro": true,
	"introductory": true, "promo": true, "lease": true, "trial": true, "guarantee": true, "cd": true, "term": true, "deposit": true}

// lifeDomains are the parts of anyone's life a dimension of a person may
// be listed with: "your faith and family", "your work, culture and
// friends". So listed, the dimension is every reader's, whatever it is;
// an observance named in the sentence ("your faith and family this
// Diwali") still says which faith.
var (
	lifeDomains      = `family|families|friends|work|job|career|life|schedule|commitments|routine|home|hobbies|community|values|goals|kids|children`
	lifeDomainAfter  = regexp.MustCompile(`^(?:\s*,\s*|\s+(?:and|&|or)\s+)(?:your\s+)?(?:` + lifeDomains + `)\b`)
	lifeDomainBefore = regexp.MustCompile(`\b(?:` + lifeDomains + `)(?:\s*,|\s+(?:and|&|or))\s*$`)
	observances      = map[string]bool{"ramadan": true, "eid": true, "diwali": true, "hanukkah": true, "passover": true, "lent": true,
		"kippur": true, "rosh": true, "shabbat": true, "sabbath": true, "navratri": true, "holi": true, "vaisakhi": true, "iftar": true,
		"suhoor": true, "church": true, "mosque": true, "synagogue": true, "temple": true, "gurdwara": true, "prayer": true,
		"prayers": true, "worship": true, "puja": true, "pooja": true, "mass": true}
)

func amongLifeDomains(t *text, b, e int) bool {
	if !lifeDomainAfter.MatchString(t.norm[e:]) && !lifeDomainBefore.MatchString(t.norm[:b]) {
		return false
	}
	return !slices.ContainsFunc(sentenceWords(t, b), func(w word) bool { return observances[w.s] })
}
