package guardrails

import (
	"slices"
	"strings"

	tailor "github.com/tailorhq/tailor"
)

// Claims a brand must be able to substantiate: guarantees, absolutes,
// medical and authority claims, superlatives. Policy.AllowClaims lists the
// ones a brand can back ("risk-free" for a brand with a real returns policy).
// The most specific rules come first: one finding per stretch of copy.
// claimConditions are what a health claim cures, beyond the health terms of
// the sensitive-attribute check.
const claimConditions = `blood\s+pressure|cholesterol|blood\s+sugar|insomnia|poor\s+sleep|sleep\s+problems|joint\s+pain|back\s+pain|arthritis|eczema|rosacea|psoriasis|dermatitis|pain|knee\s+pain|wrinkles|aging|plantar\s+fasciitis|shin\s+splints|covid|colds?|flu|infections?|inflammation|headaches|stress|fatigue|hangovers?|blisters|cellulite|sunburn`

// healthOutcome is what a statistic claims changed in the body or mind.
const healthOutcome = `sleep|energy|mood|stress|anxiety|pain|aches|soreness|stiffness|inflammation|weight|pounds|fat|blood\s+pressure|cholesterol|blood\s+sugar|digestion|bloating|breakouts|acne|wrinkles|fine\s+lines|eczema|redness|headaches|migraines|focus|immunity|recovery|symptoms|skin|hydration|fatigue|insomnia`

var claimRules = []*rule{
	newRule("a medical or authority claim", "doctor* physician* dermatologist* dentist* podiatrist* pediatrician* expert* scientist* recommended clinically scientifically fda cdc medical out",
		`(?:doctors?|physicians?|dermatologists?|dentists?|podiatrists?|pediatricians?|experts?|scientists?)[\s\-]+(?:recommended|approved|endorsed|trusted|tested|backed)`+
			// "the serum dermatologists recommend", "doctors swear by it"
			`|(?:doctors|physicians|dermatologists|dentists|podiatrists|pediatricians|pharmacists|nutritionists|experts|scientists)\s+(?:\w+\s+)?(?:recommend|endorse|prescribe|swear\s+by|trust|approve\s+of)\b`+
			`|recommended\s+by\s+(?:doctors|physicians|dermatologists|podiatrists|experts|\d+\s+out\s+of\s+\d+)|clinically\s+(?:proven|tested|shown|studied)|scientifically\s+(?:proven|tested|shown)`+
			`|(?:fda|cdc)[\s\-]+(?:approved|cleared|certified)|medical[\s\-]+grade|\d+\s+out\s+of\s+\d+\s+(?:doctors|dentists|experts|podiatrists)`),
	// The same endorsement in other words: "the serum skin doctors reach
	// for", "the pick of dermatologists", "a dermatologist favourite",
	// "pharmacist-picked" (hyphened: "our pharmacist picked these" is a story).
	newRule("a medical or authority claim", "doctor* physician* dermatologist* derm derms dentist* podiatrist* pediatrician* paediatrician* pharmacist* nurses nutritionist* dietitian* dietician*",
		`(?:`+clinicians+`)\s+(?:often\s+|always\s+|themselves\s+|actually\s+)?(?:reach\s+for|turn\s+to|rely\s+on|prefer|choose|pick|use\s+themselves|keep\s+coming\s+back\s+to)\b`+
			`|(?:the|a|our|their)\s+(?:top\s+|first\s+|number\s+one\s+|#\s*1\s+)?(?:pick|choice|favou?rite|go-to|darling)\s+(?:of|among|with)\s+(?:(?:top|leading|most|many|real|practising|practicing)\s+)?(?:`+clinicians+`)\b`+
			`|(?:`+clinicians+`)'\s*(?:top\s+|first\s+)?(?:pick|choice|favou?rite|go-to)`+
			`|(?:doctor|physician|dermatologist|derm|dentist|podiatrist|pharmacist|nurse)(?:[\s\-]+favou?rites?|-(?:loved|preferred|picked|chosen|favou?red))\b`).filter(notPickUp),
	// Clinicians' word for it without "recommend": "ask any doctor", "any
	// dermatologist will tell you", "the class doctors talk about". "Ask
	// your doctor before you start" is advice, and is left alone.
	// Exact triggers, not prefixes: a prefix rule is looked at for every
	// word that starts with its letter.
	newRule("a medical or authority claim", "doctor doctors physician physicians dermatologist dermatologists derm derms dentist dentists podiatrist podiatrists pediatrician pediatricians paediatrician paediatricians pharmacist pharmacists nurse nurses nutritionist nutritionists dietitian dietitians dietician dieticians",
		`ask\s+(?:any|almost\s+any|pretty\s+much\s+any)\s+(?:`+clinician+`)\b|(?:any|every)\s+(?:`+clinician+`)\s+(?:will|would|can|could)\s+tell\s+you`+
			`|(?:`+clinicians+`)\s+(?:all\s+|just\s+)?(?:rave\s+about|(?:are|keep)\s+(?:all\s+)?(?:talking|raving)\s+about|can't\s+stop\s+(?:talking|raving)\s+about)`+
			`|(?:the|a|an|our|this)\s+(?:[a-z\-]+\s+){1,2}?(?:`+clinicians+`)\s+(?:all\s+|keep\s+)?(?:talk|rave|write)\s+about\b`),
	newRule("a health claim", "cure cures cured heal heals healed treat treats prevent prevents reverse reverses eliminate eliminates relieve relieves fight fights boost boosts miracle detox detoxes detoxify lose burn burns fat keep keeps keeping ward wards warding off lower lowers reduce reduces fix fixes ease eases",
		`(?:cures?|cured|heals?|healed|treats?|prevents?|reverses?|eliminates?|relieves?|fights?|lowers?|reduces?|fix(?:es)?|eases?)\s+(?:your\s+|all\s+|the\s+)?(?:`+claimConditions+`|`+strings.TrimSuffix(strings.TrimPrefix(words(healthTerms), "(?:"), ")")+`)`+
			`|(?:keeps?|keeping)\s+(?:colds?|flu|illness|sickness|infections?|disease|germs|viruses?|the\s+doctor)\s+(?:away|at\s+bay)|(?:wards?|warding|fights?)\s+off\s+(?:colds?|flu|illness|sickness|infections?|germs|viruses?)`+
			`|boosts?\s+(?:your\s+)?(?:immune\s+system|immunity|metabolism)|miracle\s+(?:cure|product|formula|shoe|results|fabric)|detox(?:es|ify)?\s+your|lose\s+\d+\s*(?:lbs|pounds|kg)|burns?\s+(?:belly\s+)?fat`),
	// A share of customers reporting a health outcome: "most members report
	// deeper sleep within two weeks", "9 in 10 users saw less back pain".
	// "Most members say the 6 a.m. class is their favourite" reports no
	// health outcome.
	newRule("a health claim", "report reported reports reporting noticed notice experienced experience saw see felt feel enjoyed enjoy say said",
		`(?:most|many|nearly\s+all|almost\s+all|the\s+majority\s+of|\d+\s*(?:%|percent)\s+of|\d+\s+(?:in|out\s+of)\s+\d+|(?:nine|eight|seven)\s+(?:in|out\s+of)\s+ten)\s+(?:of\s+)?(?:our\s+)?(?:members|customers|users|clients|participants|testers|people|women|men|riders|runners|shoppers|subscribers)\s+(?:who\s+\w+(?:\s+\w+)?\s+)?(?:report|reported|noticed|notice|experienced|experience|saw|see|felt|feel|enjoyed|enjoy|say|said)\s+(?:that\s+)?(?:[a-z]+\s+){0,3}?(?:`+healthOutcome+`)\b`),
	newRule("an efficacy claim with a timeframe", "clear clears repair repairs fix fixes heal heals transform transforms erase erases remove removes eliminate eliminates reverse reverses lower lowers reduce reduces cure cures",
		`(?:clears?|repairs?|fix(?:es)?|heals?|transforms?|erases?|removes?|eliminates?|reverses?|lowers?|reduces?|cures?)\s+[^.!?]{0,60}?\bin\s+(?:just\s+|only\s+|under\s+)?(?:\d+|a|one|two|three|four|five|six|seven|ten|fourteen|thirty)\s+(?:days?|weeks?|nights?|hours?)\b`),
	newRule("a guarantee", "guarantee* guaranty warranty",
		`(?:money[\s\-]+back\s+|satisfaction\s+|lifetime\s+|ironclad\s+|iron[\s\-]+clad\s+)?(?:guarantee[ds]?|guaranteeing|guaranty)(?:\s+(?:results|satisfaction|to\s+\w+))?|lifetime\s+warranty`),
	newRule("an absolute claim", "100 risk riskfree world worlds planet universe country market made created designed built buy best number unbeatable unmatched never always perfect instant permanent guaranteed works lasts forever indestructible lowest need nothing proven 1",
		`100\s*(?:%|percent)\s*(?:effective|safe|guaranteed|proven|natural|satisfaction|success|successful|results|risk[\s\-]*free|pure|accurate|reliable|waterproof|secure|protected|organic|cure|effective)`+
			`|risk[\s\-]*free|no[\s\-]+risk|zero[\s\-]+risk|without\s+(?:any\s+)?risk`+
			`|world'?s\s+(?:best|#?\s*1|number\s+one|first|finest|greatest|most\s+\w+|leading|top)|best\s+in\s+the\s+world|best\s+\w+\s+(?:ever\s+made|on\s+the\s+planet|in\s+the\s+world)`+
			`|#\s*1\s+(?:rated|brand|choice|selling|in\s+\w+)|number\s+one\s+(?:rated|brand|choice|selling)|unbeatable|unmatched|indestructible`+
			`|(?:the\s+)?[a-z]+est\s+(?:[a-z]+\s+){0,3}(?:in|on)\s+the\s+(?:world|planet|universe|country|market)|world'?s\s+[a-z]+est`+
			`|(?:most\s+[a-z]+|[a-z]+est|best)\s+(?:[a-z]+\s+){0,3}(?:ever\s+made|ever\s+created|ever\s+designed|ever\s+built|money\s+can\s+buy|on\s+the\s+market)`+
			`|(?:never|will\s+never)\s+(?:fails?|breaks?|wears?\s+out|leaks?|tears?|fade|fades|let\s+you\s+down)|always\s+works|works\s+every\s+time|lasts?\s+forever`+
			`|(?:perfect|instant|permanent|guaranteed)\s+results|lowest\s+prices?\s+(?:anywhere|guaranteed|ever|in\s+town)|best\s+price\s+guaranteed`+
			`|the\s+only\s+\w+\s+(?:you'll\s+ever\s+need|that\s+works)|nothing\s+(?:works\s+)?better|proven\s+to\s+\w+`),
}

func checkClaims(r *run) {
	for _, f := range r.fields {
		var seen [][2]int // one finding per stretch, the most specific rule first
		for _, rl := range claimRules {
			for _, m := range rl.find(f.t) {
				if r.claimAllowed(f.t.norm[m.b:m.e]) || slices.ContainsFunc(seen, func(sp [2]int) bool { return sp[0] < m.span[1] && m.span[0] < sp[1] }) {
					continue
				}
				seen = append(seen, m.span)
				r.addAt(Claim, tailor.Block, f.name, m.span, "makes "+rl.label+" the brief does not allow")
			}
		}
	}
}

// claimAllowed reports whether the brand allows the claim: an allowed phrase
// within the claim or the claim within an allowed phrase.
func (r *run) claimAllowed(claim string) bool {
	c := strings.Join(wordsOf(claim), " ")
	for _, a := range r.rules.allowClaims {
		a = strings.Join(wordsOf(a), " ")
		if a != "" && (strings.Contains(" "+c+" ", " "+a+" ") || strings.Contains(" "+a+" ", " "+c+" ")) {
			return true
		}
	}
	return false
}

// clinicians are the professionals whose preference is a medical
// endorsement; "skin doctors" and "derms" are theirs too.
// clinician is one of clinicians.
const clinician = `(?:skin\s+)?doctor|physician|dermatologist|derm|dentist|podiatrist|pediatrician|paediatrician|pharmacist|nurse|nutritionist|dietitian|dietician`

const clinicians = `(?:skin\s+)?doctors|physicians|dermatologists|derms|dentists|podiatrists|pediatricians|paediatricians|pharmacists|nurses|nutritionists|dietitians|dieticians`

// notPickUp drops "nurses pick up extra shifts" and "doctors choose to…":
// a verb of their own, not a preference for the product.
func notPickUp(t *text, m match) bool {
	switch nextWord(t, m.e) {
	case "up", "out", "to", "between", "from":
		return !strings.HasSuffix(t.norm[m.b:m.e], "pick") && !strings.HasSuffix(t.norm[m.b:m.e], "choose") && !strings.HasSuffix(t.norm[m.b:m.e], "prefer")
	}
	return true
}

// Superiority said as a comparison nobody else wins, without a superlative:
// "no other shoe on the planet grips like the Pegasus", "nothing else on
// earth cleans like it", "unlike anything else out there". A feeling, a
// view or a season "like no other" praises a moment, not a product, and a
// comparison with something that is not the brand's ("nothing feels like a
// hot drink") claims nothing.
var superiorityShapes = []*rule{
	// "No other bank in the country pays you like…": another of the
	// category, anywhere, falls short.
	newRule("a superiority claim", "other",
		`no\s+other\s+[a-z\-]+(?:\s+[a-z\-]+)?\s+`+everywhere+`\s+(?:[a-z',]+\s+){0,5}?(?:like|as\s+[a-z]+\s+as|compares?|comes?\s+close|matches|measures\s+up|holds?\s+a\s+candle|rivals|can\s+(?:touch|match|rival|beat)|beats|tops|does\s+it)\b`).filter(notAMoment),
	// "No other market in the state picks fruit this fresh", "no other
	// bank pays this much": the category beaten on a degree. "No other
	// plans this weekend?" is a time, not a degree.
	newRule("a superiority claim", "other",
		`no\s+other\s+[a-z\-]+(?:\s+[a-z\-]+)?(?:\s+`+everywhere+`)?\s+(?:[a-z']+\s+){0,3}?(?:this|so)\s+[a-z]+\b`).filter(func(t *text, m match) bool {
		ws := strings.Fields(t.norm[m.b:m.e])
		last := ws[len(ws)-1]
		return notAMoment(t, m) && !moments[last] && !notDegrees[last] && !moments[strings.TrimSuffix(last, "s")] &&
			!slices.Contains(ws, "our") // "no other shoe in our range is this light": the brand's own line
	}),
	// "Nothing else keeps your feet this dry", "drier than any other trail
	// shoe", "lighter than anything else out there": the rest of the
	// category beaten on a degree. "Lighter than any other shoe in our
	// range" compares the brand's own line.
	newRule("a superiority claim", "else other",
		`nothing\s+else(?:\s+`+everywhere+`)?\s+(?:[a-z']+\s+){1,3}?(?:this|so)\s+[a-z]+\b`+
			`|(?:[a-z]+er|more\s+[a-z]+|better)\s+than\s+(?:any\s+other\s+[a-z\-]+(?:\s+[a-z\-]+)?|anything\s+else|anyone\s+else)`).filter(func(t *text, m match) bool {
		ws := strings.Fields(t.norm[m.b:m.e])
		last := ws[len(ws)-1]
		if ws[0] == "nothing" {
			return !notDegrees[last] && !moments[last]
		}
		if notComparative[ws[0]] {
			return false
		}
		k := slices.Index(ws, "other")
		if k < 0 || k+1 >= len(ws) {
			return true // "than anything else", "than anyone else"
		}
		// What follows the thing compared: "any other shoe we have made",
		// "any other shoe in our range" is the brand's own line; "any
		// other time this year" is a moment.
		thing := ws[k+1]
		after := strings.Join(ws[k+2:], " ") + " " + strings.TrimLeft(t.norm[m.e:], " ")
		after = strings.TrimLeft(after, " ")
		for _, own := range []string{"we ", "we'", "i ", "i'", "in our", "of ours", "of our", "from our", "from us", "by us", "you've ", "you have "} {
			if strings.HasPrefix(after, own) {
				return false
			}
		}
		moment := moments[thing] || moments[strings.TrimSuffix(thing, "s")]
		if moment && k+2 < len(ws) && productHeads[strings.TrimSuffix(ws[k+2], "s")] {
			moment = false // "any other trail shoe"
		}
		return !moment && !notDegrees[thing]
	}),
	// "Nothing else on earth cleans like it", "no other shoe grips wet
	// rock like the Pegasus", "nobody does winter like us": the far side
	// of "like" is the brand's own.
	newRule("a superiority claim", "nothing nobody one other",
		`(?:nothing|nobody|no\s+one|no\s+other\s+[a-z\-]+)(?:\s+else)?(?:\s+`+everywhere+`)?\s+(?:[a-z']+\s+){1,4}?like\s+(?:ours|us|we\s+do|it|this|these|our\s+[a-z]+|the\s+[a-z]+|[a-z]+)\b`).filter(func(t *text, m match) bool {
		ws := strings.Fields(t.norm[m.b:m.e])
		return notAMoment(t, m) && !slices.Contains(ws[:min(3, len(ws))], "says") && productAfterLike(t, m)
	}),
	// "Unlike anything else out there", "like nothing else on earth".
	newRule("a superiority claim", "unlike nothing one other",
		`(?:unlike\s+(?:anything|anyone|any\s+other(?:\s+[a-z\-]+)?)|like\s+(?:nothing|no\s+one|no\s+other(?:\s+[a-z\-]+)?))(?:\s+else)?\s+(?:`+everywhere+`|you(?:'ve|\s+have)?\s+(?:ever\s+)?(?:tried|seen|worn|used|had|tasted|felt|owned|known))`).filter(func(t *text, m match) bool {
		return !moments[prevWord(t, m.b)]
	}),
}

// notDegrees after "this" or "so" name a time or a thing, not a degree.
var notDegrees = map[string]bool{"week": true, "month": true, "year": true, "is": true, "was": true, "are": true,
	"one": true, "way": true, "far": true, "you": true, "we": true, "that": true, "the": true, "a": true, "an": true,
	"time": true, "term": true, "quarter": true, "round": true, "offer": true, "deal": true, "sale": true, "box": true,
	"email": true, "message": true, "list": true, "page": true, "card": true, "account": true, "event": true}

// everywhere is the whole field a superiority claim beats.
const everywhere = `(?:on\s+(?:the\s+)?(?:planet|earth|market)|in\s+(?:the\s+)?(?:world|country|universe|land|industry|business|galaxy|nation|state|city|town)|in\s+its\s+class|anywhere(?:\s+else)?|out\s+there|around)`

// moments are what a writer may call unlike any other without claiming
// anything about a product: "a feeling like no other", "no other season
// on earth compares".
var moments = map[string]bool{"feeling": true, "feelings": true, "moment": true, "moments": true, "view": true, "views": true,
	"place": true, "places": true, "time": true, "times": true, "day": true, "days": true, "night": true, "nights": true,
	"morning": true, "mornings": true, "season": true, "seasons": true, "sound": true, "smell": true, "sight": true,
	"thrill": true, "rush": true, "joy": true, "sunrise": true, "sunset": true, "winter": true, "summer": true,
	"spring": true, "autumn": true, "fall": true, "weekend": true, "holiday": true, "holidays": true, "trail": true,
	"trails": true, "city": true, "town": true, "love": true, "family": true, "friend": true, "friends": true, "year": true}

// notAMoment drops a comparison whose subject is a moment ("no other
// feeling on earth comes close").
func notAMoment(t *text, m match) bool {
	ws := strings.Fields(t.norm[m.b:m.e])
	if len(ws) < 3 || ws[1] != "other" || !moments[strings.Trim(ws[2], ",")] {
		return true
	}
	// "No other trail shoe", "no other winter jacket": the moment word
	// only says what the product is for.
	return len(ws) > 3 && productHeads[strings.TrimSuffix(strings.Trim(ws[3], ","), "s")]
}

// productHeads are the things a brand sells, which a moment word may
// describe ("trail shoe", "winter coat", "city bank").
var productHeads = map[string]bool{"shoe": true, "boot": true, "sneaker": true, "runner": true, "jacket": true, "coat": true,
	"shell": true, "layer": true, "sock": true, "glove": true, "pack": true, "tent": true, "gear": true, "serum": true,
	"cream": true, "moisturizer": true, "moisturiser": true, "cleanser": true, "lotion": true, "bank": true, "account": true,
	"card": true, "loan": true, "class": true, "classe": true, "workout": true, "app": true, "box": true, "boxe": true, "brand": true,
	"store": true, "shop": true, "market": true, "product": true, "formula": true, "plan": true}

// productAfterLike keeps a comparison whose far side of "like" is the
// brand's own: "ours", "us", "we do", "it", "this", "our boots", or a name
// written with a capital ("like the Pegasus", "like Everyday Checking").
func productAfterLike(t *text, m match) bool {
	ws := strings.Fields(t.norm[m.b:m.e])
	last := ws[len(ws)-1]
	switch last {
	case "ours", "us", "do", "it", "this", "these":
		return last != "it" || !strings.HasPrefix(strings.TrimLeft(t.norm[m.e:], " "), "'s") // "like it's summer"
	}
	return ownAtEnd(t, m, ws)
}

// moneyHeld is what the reader keeps with a bank or a fund.
const moneyHeld = `(?:hard[\s\-]earned\s+)?(?:money|savings|deposits?|cash|funds|balance|investments?|nest\s+egg|paychecks?|paycheques?)`

// Safety promised without a stock word: the reader's money "simply can't
// be lost", "you'll never lose a cent", "no way to lose your savings",
// "your money is completely safe". A bank may say what protects money
// ("insured up to $250,000", "never lose track of your money", "your
// savings won't disappear into fees"), not that loss cannot happen.
var noLossClaim = newRule("an absolute claim", "money savings deposit deposits cash funds balance investment investments egg paycheck paychecks paycheque paycheques lose losing nothing cent penny dime dollar houses vault knox safe",
	`(?:your|the|our\s+members'|our\s+customers')\s+`+moneyHeld+`\s+(?:(?:simply|just|literally|absolutely|really|truly)\s+)?(?:can't|cannot|can\s+not|can\s+never|could\s+never|will\s+never|won't\s+ever|won't|never)\s+(?:ever\s+)?(?:be\s+(?:lost|stolen|touched|at\s+risk|in\s+danger|wiped\s+out|gone)|disappear|vanish|go\s+missing|shrink|lose\s+(?:value|a\s+(?:single\s+)?(?:cent|penny|dime|dollar)))`+
		`|you(?:'ll)?\s+(?:(?:simply|just|literally)\s+)?(?:can't|cannot|can\s+never|will\s+never|won't\s+ever|never|won't)\s+(?:ever\s+)?lose\s+(?:a\s+(?:single\s+)?(?:cent|penny|dime|dollar|nickel)|(?:any\s+of\s+)?your\s+`+moneyHeld+`|money)`+
		`|(?:no|zero)\s+(?:way|chance|risk)\s+(?:of\s+|to\s+)?(?:you\s+)?(?:ever\s+)?los(?:e|ing)\s+(?:a\s+(?:single\s+)?(?:cent|penny|dime|dollar)|your\s+`+moneyHeld+`|money)`+
		`|(?:impossible|no\s+way)\s+to\s+lose\s+(?:money|your\s+`+moneyHeld+`)`+
		`|(?:nothing|not\s+(?:a|one)\s+(?:single\s+)?(?:cent|penny|dime|dollar))\s+(?:(?:you|that\s+you)\s+(?:deposit|save|put\s+in|keep|hold|bank)\s+(?:here\s+|with\s+us\s+)?)?(?:can|could|will)\s+(?:ever\s+)?(?:be\s+lost|go\s+missing|disappear|vanish|slip\s+away)`+
		`|(?:safe|secure)\s+as\s+(?:houses|a\s+vault|fort\s+knox)|(?:as\s+)?safe\s+as\s+(?:it\s+gets|can\s+be)`+
		`|your\s+`+moneyHeld+`\s+(?:is|are|stays?|remains?|will\s+be)\s+(?:never|not\s+ever|at\s+no\s+point)\s+(?:at\s+risk|in\s+danger|lost|exposed|unsafe)`+
		`|your\s+`+moneyHeld+`\s+(?:is|are|stays?|remains?|will\s+(?:always\s+)?be)\s+(?:always\s+|forever\s+)?(?:completely|totally|perfectly|absolutely|entirely|100%|100\s+percent|fully)\s+(?:safe|secure|protected|risk[\s\-]free)`).filter(func(t *text, m match) bool {
	switch nextWord(t, m.e) {
	case "into", "to", "on", "in", "through", "up", "by":
		return false // "won't disappear into fees", "fully protected up to $250,000"
	}
	return true
})

func init() { claimRules = append(claimRules, noLossClaim) }

func init() { claimRules = append(claimRules, superiorityShapes...) }

// regions are the wide places a superlative claims to beat: "the safest
// bank in America".
const regions = `america|north\s+america|the\s+(?:usa|uk|states|nation)|britain|england|canada|europe|australia|the\s+whole\s+(?:country|world|nation|state)`

// Outcomes promised to the body in everyday words: a number of calories
// burned ("burn 800 calories a class", "a 600-calorie burn"), or stress,
// sleep or pain made to go ("will melt away stress", "fixes your sleep",
// "say goodbye to back pain"). Calories counted in food, and a burn with
// no number ("burn some energy"), are not promises.
var everydayHealthClaims = []*rule{
	// "the safest bank in America", "the comfiest shoe in all of Europe"
	newRule("an absolute claim", "america britain england canada europe australia usa uk states nation whole",
		`the\s+(?:[a-z]+est|best|most\s+[a-z]+)\s+(?:[a-z]+\s+){1,3}in\s+(?:all\s+of\s+)?(?:`+regions+`)\b`),
	newRule("a health claim", "burn burns burning torch torches torching blast blasts melt melts zap zaps calorie calories cal cals kcal kcals gone burned burnt torched melted blasted zapped",
		`(?:burns?|burning|torch(?:es|ing)?|blasts?|melts?|zaps?)\s+(?:off\s+|through\s+|away\s+)?(?:up\s+to\s+|over\s+|more\s+than\s+|as\s+many\s+as\s+|around\s+|about\s+|nearly\s+|almost\s+|at\s+least\s+)?\d[\d,]*\+?\s*(?:calories|cals?|kcals?)\b`+
			`|\d[\d,]*\+?[\s\-]*(?:calorie|cal|kcal)\s+(?:burn|blast|torch|scorcher|burner)s?\b`+
			`|\d[\d,]*\+?\s*(?:calories|cals|kcals?)\s+(?:gone|burned|burnt|torched|melted|blasted|zapped|melted\s+away)\b`),
	newRule("a health claim", "melt melts melting banish banishes banishing goodbye fix fixes fixing sort sorts zap zaps erase erases gone history past",
		`(?:melts?|melting|banish(?:es|ing)?|zaps?|erases?)\s+(?:away\s+)?(?:all\s+)?(?:of\s+)?(?:your\s+|the\s+|that\s+)?(?:`+everydayAilments+`)(?:\s+away)?\b`+
			`|(?:say|kiss|wave)\s+goodbye\s+to\s+(?:your\s+|the\s+|that\s+)?(?:`+everydayAilments+`)\b`+
			`|(?:fix(?:es|ing)?|sorts?\s+out)\s+your\s+(?:sleep|mood|gut|digestion|metabolism|posture|energy|stress|anxiety|skin|breakouts)\b`+
			// "your stress is gone", "your aches will be history"
			`|your\s+(?:`+everydayAilments+`)\s+(?:is|are|will\s+be|'ll\s+be|'s|are\s+all)\s+(?:gone|history|a\s+thing\s+of\s+the\s+past)\b`).filter(func(t *text, m match) bool {
		return nextWord(t, m.e) != "of" // "say goodbye to the stress of switching banks": a chore, not the body
	}),
}

// Immunity promised in everyday words: food or a product "immune-boosting",
// "packed with immune support", "supports your immune system", or a
// "line of defence" against colds and flu. A season's weather ("your
// cold-season line of defence" for a coat) or a bank's fraud defence
// promise nothing to the body.
var immunityClaims = newRule("a health claim", "immune immunity defence defense shield armour armor",
	`\bimmun(?:e|ity)[\s\-]+(?:boosting|boosters?|building|builders?|supporting|support|strengthening|defen[cs]e|defending|enhancing|friendly|loving)\b`+
		`|\b(?:support|supports|supporting|strengthen|strengthens|strengthening|build|builds|building|bolster|bolsters|bolstering|power\s+up|powers\s+up|charge|charges|supercharge|supercharges|rev\s+up|revs\s+up)\s+(?:up\s+)?(?:your\s+|the\s+|their\s+|healthy\s+)?(?:immune\s+(?:system|defen[cs]es?|health|response)|immunity)\b`+
		`|\b(?:line\s+of\s+defen[cs]e|defen[cs]es?|shield|armou?r)\s+against\s+(?:the\s+)?(?:colds?|flu|germs|bugs|viruses?|sniffles|illness|sickness|infections?|winter\s+bugs|cold\s+and\s+flu)\b`+
		`|\b(?:flu|cold[\s\-]+and[\s\-]+flu|sniffle|germ)[\s\-]+season\s+(?:line\s+of\s+)?defen[cs]e\b`)

func init() { claimRules = append(claimRules, immunityClaims) }

// everydayAilments are what casual copy promises to make go.
// Bare "pain", "fat" and "pounds" are left out: "the pain of switching
// banks", "fat fees", a price in pounds.
const everydayAilments = `stress|anxiety|tension|aches|back\s+pain|joint\s+pain|sleepless\s+nights|insomnia|fatigue|tiredness|bloating|breakouts|acne|wrinkles|fine\s+lines|headaches|cravings|belly\s+fat|extra\s+pounds|cellulite|brain\s+fog`

func init() { claimRules = append(claimRules, everydayHealthClaims...) }

// Popularity said as a market fact: "more people switch to Everyday
// Checking than to any other account in the country", "more runners
// choose us than any other brand", "more families trust us than anyone
// else". Counting the rest of the market is a claim the brand must back.
// A comparison with the brand's own line ("than any other serum we make"),
// with a time ("than ever", "than last year") or with something that is
// not a product ("than any other question") claims nothing of the kind.
var popularityClaim = newRule("a market-leader claim", "than",
	`\bmore\s+(?:people|customers|members|families|households|shoppers|consumers|americans|brits|britons|canadians|runners|riders|women|men|parents|savers|users|clients|folks|readers|cooks|hikers)\s+(?:[a-z',]+\s+){1,6}?than\s+(?:to\s+|with\s+|at\s+|for\s+|from\s+|in\s+|on\s+|by\s+)?(?:any\s+other\s+[a-z\-]+(?:\s+[a-z\-]+)?|anyone\s+else|all\s+(?:the\s+)?others|(?:all\s+)?(?:our|their|its)\s+(?:competitors|rivals)|the\s+competition|(?:any|all)\s+of\s+(?:our|their|its|the)\s+(?:competitors|rivals))\b`).filter(func(t *text, m match) bool {
	ws := strings.Fields(t.norm[m.b:m.e])
	k := slices.Index(ws, "other")
	if k < 0 || k+1 >= len(ws) {
		return true // "than anyone else", "than the competition"
	}
	// What follows the thing: "any other serum we make" is the brand's
	// own line.
	for j := k + 1; j < len(ws); j++ {
		after := strings.Join(ws[j:], " ") + " " + strings.TrimLeft(t.norm[m.e:], " ")
		for _, own := range []string{"we ", "we'", "in our", "of ours", "of our", "from our", "from us", "by us"} {
			if strings.HasPrefix(after, own) {
				return false
			}
		}
	}
	return slices.ContainsFunc(ws[k+1:], func(w string) bool {
		w = strings.TrimSuffix(w, "s")
		return productHeads[w] || marketNouns[w]
	})
})

// marketNouns are the rivals a popularity claim beats, beyond the
// products of productHeads.
var marketNouns = map[string]bool{"brand": true, "bank": true, "company": true, "retailer": true, "provider": true,
	"label": true, "service": true, "gym": true, "studio": true, "one": true, "name": true, "supplier": true, "checking": true,
	"grocer": true, "delivery": true, "subscription": true, "skincare": true, "option": true, "choice": true}

func init() { claimRules = append(claimRules, popularityClaim) }
