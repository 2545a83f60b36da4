package guardrails

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	tailor "github.com/tailorhq/tailor"
)

// Observed behaviour may be used at the level of "the jacket in your cart",
// never the surveillance detail: when, how often, how much, where, or a data
// source the customer did not expect.

const (
	activity = `(?:browsed|browsing|viewed|viewing|looked|looking|checked|checking|opened|opening|clicked|clicking|visited|visiting|shopped|shopping|searched|searching|scrolled|scrolling|stopped|came|were|logged|walked|drove|passed|read|came\s+back|returned|peeked|peeking|stared|lingered|hovered|added|saved|tapped|saw|spotted|eyeing|eyed|` + dwelt + `)`
	// dwelt is time spent on a page, said as the reader's: "spent a good
	// while on", "spent ages looking".
	dwelt     = `spent\s+(?:a\s+(?:good|long|fair)\s+(?:while|bit|time)|quite\s+a\s+(?:while|bit|time)|ages|so\s+long|a\s+while|some\s+time|\d+\s+minutes)\s+(?:on|looking|browsing|scrolling|reading|over|with)`
	timeOfDay = `(?:\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)|\d{1,2}:\d{2}|midnight|noon|\d{1,2}\s+o'clock|dawn|(?:[1-5]|one|two|three|four|five)\s+(?:o'clock\s+)?in\s+the\s+morning|late\s+(?:last\s+)?night|the\s+middle\s+of\s+the\s+night|lunchtime|your\s+lunch\s+break|bedtime)`
	weekday   = `(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)`
	countWord = `(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|a\s+dozen|dozens\s+of|several|multiple|many|so\s+many|countless|a\s+few)`
)

// Time of day in words: "just after six", "half past nine", "a quarter to
// eleven", "on Sunday night", "in the small hours". A number of the clock
// counts only when a part of the day, "o'clock" or the end of the clause
// follows, so that "after two weeks" is not a time.
const (
	hourWord   = `(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})`
	partOfDay  = `(?:morning|evening|night|afternoon|lunchtime|dinnertime|bedtime)`
	clockWords = `(?:(?:just|shortly|a\s+little|right|not\s+long|well|sometime|some\s+time)\s+)?(?:at|around|about|after|before|past|gone|near|nearly|almost|close\s+to|by)\s+` +
		`(?:(?:half|(?:a\s+)?quarter|ten|twenty|five)\s+(?:past|to|after)\s+` + hourWord + `|` + hourWord + `(?:[\s\-](?:thirty|fifteen|forty[\s\-]five|o'clock))?)` +
		`(?:\s+(?:in\s+the\s+` + partOfDay + `|at\s+night|(?:last|that|this|on\s+(?:a\s+)?\w+)\s+` + partOfDay + `|(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|o'clock|last\s+night|tonight)|\s*(?:am|pm)\b|\s*[ap]\.\s?m\b\.?|\s*[.,;!?]|\s*$|\s+(?:and|but|is|was|are|were|so|when|it|then)\b)`
	dayPart = `(?:on\s+(?:a\s+)?)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+` + partOfDay +
		`|(?:late|early)\s+(?:last\s+|that\s+|on\s+\w+\s+)?(?:night|evening|morning)|in\s+the\s+(?:small|wee|early)\s+hours|over\s+(?:your\s+)?(?:breakfast|lunch|dinner|morning\s+coffee)|on\s+your\s+(?:commute|lunch\s+break|coffee\s+break)|` + routineHour
	// routineHour is the hour said by the reader's routine and pinned to a
	// day: "after work on Friday", "on Sunday before school", "after
	// dinner last night". Without the day ("join a class after work") it
	// is advice, not a time the brand saw.
	routineHour = `(?:(?:just\s+|right\s+|straight\s+)?(?:after|before|during)\s+(?:work|school|class|dinner|lunch|breakfast|the\s+school\s+run|the\s+gym|your\s+(?:shift|workout|run|commute))` +
		`\s+(?:on\s+(?:a\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|yesterday|last\s+night|(?:last|this)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b` +
		`|(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+(?:just\s+|right\s+)?(?:after|before)\s+(?:work|school|class|dinner|lunch|breakfast|the\s+gym|your\s+(?:shift|workout|run|commute))\b)`
	// viewedBy is the reader viewing, done: "you were eyeing", "you
	// browsed", "your last visit" ("if you're visiting on Saturday" plans).
	viewedBy   = `you(?:'ve|\s+have|\s+were|\s+was)?\s+(?:been\s+)?(?:just\s+|still\s+|last\s+|first\s+)?` + viewedVerb
	viewedVerb = `(?:(?:took\s+(?:another|a\s+(?:second|closer|long|quick|good))\s+look\s+at|had\s+(?:another|a\s+(?:second|closer|long|quick|good))\s+look\s+at|came\s+back\s+to|went\s+back\s+to|added|favou?rited|wishlisted|hearted|browsed|browsing|viewed|viewing|looked\s+at|looking\s+at|checked\s+out|checking\s+out|eyeing|eyed|lingered|lingering|hovered|hovering|scrolled|scrolling|searched|searching|peeked|peeking|stared|staring|clicked|clicking|tapped|tapping|visited|visiting|stopped\s+by|popped\s+in|zoomed\s+in|window[\s\-]shopping)|your\s+(?:last|latest|recent)\s+(?:visit|browse|browsing\s+session|session))`
)

var surveillanceRules = []*rule{
	// The reader's deliberation dated from when they looked: "still
	// thinking it over since Friday night?", "on your mind since Tuesday
	// morning", "since you looked on Sunday". A date of the brand's own
	// ("open since Friday", "new since Monday") is not the reader's.
	newRule("the time the customer looked at something", "since",
		`(?:thinking\s+(?:it\s+)?over|thinking\s+(?:about\s+)?(?:it|them|that|this)|mulling\s+(?:it\s+)?over|weighing\s+(?:it\s+)?up|on\s+the\s+fence|on\s+your\s+mind|undecided|deciding|torn|wondering|daydreaming\s+about\s+(?:it|them)|dreaming\s+(?:of|about)\s+(?:it|them))\s+(?:[a-z']+\s+){0,3}?since\s+(?:last\s+)?`+weekday+`(?:\s+`+partOfDay+`)?\b`+
			`|since\s+(?:you\s+)?`+activity+`\s+(?:[a-z']+\s+){0,3}?(?:on\s+|last\s+)`+weekday+`\b`+
			// "been eyeing it since Friday?"
			`|(?:eyeing|eyed|looking\s+at|browsing|viewing|checking\s+out|hovering\s+over|pondering|considering)\s+(?:[a-z']+\s+){0,3}?since\s+(?:last\s+)?`+weekday+`\b`+
			`|since\s+(?:last\s+)?`+weekday+`\s+`+partOfDay+`\s*\?`),
	// "On Sunday night you browsed our rain shells": a time of day in
	// words, then the reader's viewing, in one sentence. (The viewing
	// first is viewingTimes' work.)
	// "m" is "6 p.m."; the days and "yesterday" pin a routineHour.
	newRule("the time of day the customer did something", "morning evening night afternoon lunchtime dinnertime bedtime clock hours breakfast lunch dinner commute half quarter three four five six seven eight nine ten eleven twelve spent spending m monday tuesday wednesday thursday friday saturday sunday yesterday",
		`(?:`+clockWords+`|`+dayPart+`)[,\s]+(?:[^.!?;\n]{0,40}?\s)?`+viewedBy+
			// "Spent the evening browsing our shells?"
			`|(?:spent|spending)\s+(?:the|your|all|last|this|that|another)\s+(?:whole\s+|entire\s+)?(?:evening|night|morning|afternoon|lunch\s+break|lunch\s+hour)\s+(?:\w+\s+)?(?:browsing|looking\s+at|scrolling|searching|shopping|window[\s\-]shopping|eyeing|checking\s+out|clicking)`),
	// "Spent" triggers too: a dwell ("spent a good while on the Pegasus
	// Trail 5 GTX page") runs long before its day and time.
	newRule("the time of day the customer did something", "#time am pm m midnight noon clock dawn morning night lunchtime lunch bedtime evening afternoon spent",
		activity+`\b[^.!?;\n]{0,40}?\b(?:at|around|about|until|till|past|after|before|during|in)\s+`+timeOfDay+
			`|(?:at|around|about)\s+`+timeOfDay+`[,\s]+(?:you|when\s+you|while\s+you)\b`+
			`|(?:up|awake|online|still\s+up|still\s+awake)\s+(?:at|around|until|till|past)\s+`+timeOfDay+
			`|(?:at|around|until|till|past)\s+`+timeOfDay+`\s+(?:[a-z]+\s+){0,2}(?:looking|browsing|shopping|scrolling|searching|checking|reading|viewing)`+
			// "the shoes you were eyeing around 6 on Friday evening"
			`|`+activity+`\b[^.!?;\n]{0,40}?\b(?:at|around|about)\s+\d{1,2}(?::\d{2})?\s+(?:on\s+)?(?:[a-z]+\s+)?(?:morning|evening|night|afternoon)\b`+
			// "you were looking at it on Friday evening", "late last night"
			`|`+activity+`\b[^.!?;\n]{0,40}?\b(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+(?:morning|evening|night|afternoon)\b`+
			`|`+activity+`\b[^.!?;\n]{0,40}?\b(?:late\s+(?:last\s+)?night|in\s+the\s+middle\s+of\s+the\s+night|in\s+the\s+small\s+hours)`),
	newRule("how often the customer did something", "times time visits views opens clicks sessions visit view look read open opened click clicked check checked #time",
		activity+`\b[^.!?;\n]{0,40}?\b`+countWord+`\s+times`+
			`|`+countWord+`\s+(?:visits|views|opens|clicks|sessions|page\s+views)\s+(?:this|last|in|since|and\s+counting|so\s+far)`+
			// "you read every email we send": a count without a number
			`|you(?:'ve|\s+have)?\s+(?:read|opened|open|clicked|click|checked)\s+(?:(?:nearly|almost|just\s+about|pretty\s+much|practically)\s+)?(?:every|each|all)\s+(?:single\s+)?(?:one\s+of\s+)?(?:our\s+|the\s+)?(?:emails?|messages?|newsletters?|texts?|notifications?)`+
			`|your\s+(?:\d+(?:st|nd|rd|th)|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+\w*)\s+(?:visit|view|time\s+looking|look)`+
			`|(?:you've|you\s+have)\s+(?:been|come)\s+back\s+`+countWord+`\s+times`+
			`|(?:second|third|fourth|fifth|sixth|\d+(?:st|nd|rd|th))\s+time\s+(?:that\s+)?(?:you(?:'ve|\s+have)?|today|this\s+week)`+
			`|(?:every|each)\s+(?:morning|evening|night|weekday|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+(?:at|around)\s+`+timeOfDay),
	// Open tracking said as the reader's habit: "you never miss our
	// emails", "you always open our newsletter", "not one of our emails
	// goes unread". A promise ("so you never miss an email") is not.
	newRule("how often the customer did something", "miss missed skip skipped ignore ignored open opened read click clicked check checked unread unopened",
		`you(?:'ve|\s+have)?\s+(?:never|rarely|hardly\s+ever|always|reliably|faithfully|religiously)\s+(?:once\s+)?(?:miss(?:ed)?|skip(?:ped)?|ignored?|open(?:ed)?|read|click(?:ed)?(?:\s+on)?|check(?:ed)?)\s+(?:(?:a\s+|an\s+|one\s+of\s+|any\s+of\s+)?(?:single\s+)?(?:our|the|these)\s+(?:\w+\s+)?|(?:a|an|one|any)\s+(?:single\s+)?)`+ourMail+
			`|(?:not|never)\s+(?:once\s+)?(?:a|one)\s+(?:single\s+)?(?:of\s+our\s+)?`+ourMail+`\s+(?:of\s+ours\s+)?(?:goes|went|has\s+gone|gets\s+left|got\s+left|sits|sat)\s+(?:unread|unopened)`+
			`|you\s+(?:open|read|click)\s+(?:our|the|these)\s+`+ourMail+`\s+(?:the\s+)?(?:minute|moment|second|instant|as\s+soon\s+as)`).filter(func(t *text, m match) bool {
		switch prevWord(t, m.b) {
		case "so", "sure", "that", "ensure", "ensures", "if", "when", "and", "once":
			return false // "add us so you never miss our emails"
		}
		return !mailFeature(t, m)
	}),
	newRule("how much the customer spent", "spent spend spending paid dropped splurged #money",
		`(?:you(?:'ve|\s+have)?\s+(?:spent|spend|paid|dropped|splurged)|after\s+(?:spending|dropping)|your\s+(?:total\s+)?(?:spend|spending))\s+(?:over\s+|more\s+than\s+|nearly\s+|almost\s+|about\s+|a\s+total\s+of\s+)?[$€£]?\s?\d[\d,.]*\d`+
			`|your\s+[$€£]\s?\d[\d,.]*\s+(?:order|orders|purchase|purchases|basket|cart|haul)`+
			`|(?:spent|spending)\s+(?:over\s+|more\s+than\s+|nearly\s+)?[$€£]\s?\d[\d,.]*\s+(?:with|at)\s+us`),
	newRule("where the customer was", "near street road block corner saw spotted noticed seen city town downtown mall airport station gym hospital clinic district neighborhood neighbourhood trailhead location gps whereabouts commute address store park area office avenue ave st",
		`near\s+(?:your|you)\s+(?:home|house|office|work|workplace|apartment|flat|place|school|gym)`+
			`|(?:down|around|up)\s+the\s+(?:street|road|block|corner)\s+from\s+(?:your|you)`+
			`|(?:we\s+)?(?:saw|spotted|noticed|seen)\s+you\s+(?:at|in|near|on|by|outside|walking|running|leaving|entering)`+
			`|(?:you\s+were|you've\s+been|you're\s+currently|you\s+are\s+currently|while\s+you\s+were|since\s+you\s+were|when\s+you\s+were|you\s+were\s+just)\s+(?:in|at|near|around|visiting|by)\s+(?:the\s+)?(?:[a-z]+\s+){0,2}(?:city|town|downtown|mall|store|airport|station|gym|hospital|clinic|park|district|neighborhood|neighbourhood|area|street|st|ave|avenue|road|trailhead|office|location)`+
			`|your\s+(?:home|work|office)\s+(?:address|location)|your\s+(?:gps|location|whereabouts|commute\s+route|daily\s+route)`),
	newRule("that the brand watches the customer", "watching tracking following monitoring watched tracked followed monitored know saw eye eyes",
		`(?:we(?:'ve|\s+have)?|we're|we\s+are|been)\s+(?:been\s+)?(?:watching|tracking|following|monitoring|keeping\s+an\s+eye\s+on|keeping\s+tabs\s+on)\s+(?:you|your)`+
			`|we\s+(?:know|see)\s+(?:where|when|how\s+often|what\s+time|everything)\s+you`+
			`|(?:we've\s+got|we\s+have)\s+(?:our\s+)?eyes?\s+on\s+you|we\s+watched\s+you|we\s+saw\s+(?:that\s+)?you\s+(?:were|walk|left|looking)`).severity(tailor.Block),
	newRule("a data source the customer did not expect", "location history searches search browsing social media partners data instagram facebook tiktok contacts credit report fitness tracker smartwatch health app heart steps sleep bought purchased friends gps phone wifi cookies device",
		`(?:based\s+on|from|using|according\s+to|via|thanks\s+to|judging\s+by|we\s+saw\s+in)\s+your\s+(?:location|location\s+history|location\s+data|gps|gps\s+data|browsing\s+history|search\s+history|searches|web\s+searches|google\s+searches|activity\s+on\s+other\s+(?:sites|apps)|social\s+media|posts|instagram|facebook|tiktok|twitter|contacts|address\s+book|credit\s+report|credit\s+card\s+statements|bank\s+(?:data|transactions)|fitness\s+tracker|smartwatch|health\s+app|health\s+data|fitness\s+data|heart\s+rate|step\s+count|steps|sleep\s+data|cookies|messages|emails\s+to\s+others|calendar|photos)`+
			// "Book from your phone" is a way to act, not a source: a
			// device is one only when the copy says it told us something.
			`|(?:based\s+on|according\s+to|thanks\s+to|judging\s+by|we\s+saw\s+(?:in|on))\s+your\s+(?:phone|device|wifi)`+
			`|our\s+(?:data\s+)?partners\s+(?:told|tell|say|said|shared|showed|report)`+
			`|(?:data|information|info)\s+(?:we|our\s+partners)\s+(?:bought|purchased|collected|acquired)`+
			`|we\s+(?:bought|purchased|obtained|acquired)\s+(?:your|data|information)`+
			`|other\s+(?:sites|websites|apps|stores)\s+you(?:'ve|\s+have)?\s+(?:visited|use|used|shopped)`+
			`|your\s+friends\s+(?:bought|like|liked|purchased|follow)`+
			`|your\s+(?:credit\s+report|credit\s+score|location\s+data|browsing\s+history|search\s+history|fitness\s+tracker|health\s+data|bank\s+statements?|social\s+media|smartwatch|phone)\s+(?:says|shows|tells|told|suggests|reveals|showed)`+
			`|your\s+(?:recent\s+)?searches\s+(?:on|for)`).severity(tailor.Block),
}

// ourMail is what the brand sends, in the words of open tracking.
const ourMail = `(?:emails?|e-mails?|messages?|newsletters?|texts?|notifications?|updates?|mailers?|mailouts?)\b`

// Surveillance by implication: the brand's noticing a habit rather than
// counting it ("we noticed you keep checking the schedule"), the hour said
// as "up late again", a place passed on a routine, and a device's location
// as the source.
const (
	repeatVerb = `(?:checking|looking\s+at|eyeing|visiting|browsing|opening|clicking(?:\s+on)?|tapping(?:\s+on)?|viewing|revisiting|refreshing|scrolling(?:\s+through)?|reading|searching|hovering\s+over|stopping\s+by|popping\s+in|(?:coming|going|popping|heading|checking)\s+back(?:\s+to)?|returning\s+to)`
	passVerb   = `(?:walk|walked|drive|drove|jog|jogged|run|ran|cycle|cycled|bike|biked|pass|passed|go|went|stroll|strolled|commute|commuted)`
	movePast   = `(?:` + passVerb + `\s+(?:right\s+)?(?:past|by)|pass|passed)\s+`
	ourPlace   = `(?:our|the|one\s+of\s+our)\s+(?:[a-z]+\s+){0,2}(?:branch|branches|store|stores|shop|shops|studio|studios|gym|office|location|window|windows|door|doors|cafe|building|stall|stand|pop-up)`
	routine    = `(?:(?:most|every|each)\s+(?:single\s+)?(?:morning|day|evening|night|week|weekday|afternoon|lunchtime|weekend)s?|daily|on\s+your\s+(?:way|commute|walk|run)\s+(?:to|home|from)\b)`
)

var implicationRules = []*rule{
	newRule("how often the customer did something", "noticed notice seen see saw spotted looks seems keep kept keeping",
		`(?:we(?:'ve|\s+have)?\s+(?:noticed|seen|spotted)|we\s+(?:notice|see|saw|can\s+see|can\s+tell)|looks\s+like|seems\s+like)\s+(?:that\s+)?you(?:'ve|\s+have)?\s+(?:keep|kept|been\s+keeping|been)\s+(?:on\s+)?`+repeatVerb+`\b`+
			// "you keep coming back to our class times": a habit, with the brand's things
			`|you(?:'ve|\s+have)?\s+(?:keep|kept|been\s+keeping)\s+(?:on\s+)?`+repeatVerb+`\s+(?:our|us)\b`),
	newRule("the time of day the customer did something", "late midnight bedtime",
		`(?:up|awake|online|browsing|scrolling|shopping|still\s+up)\s+(?:so\s+|very\s+|really\s+|pretty\s+)?late\s+(?:again|last\s+night|every\s+night|most\s+nights|these\s+nights)`+
			`|(?:another|yet\s+another)\s+late\s+night\s+(?:of\s+)?(?:browsing|scrolling|shopping|checking)`+
			`|you(?:'ve|\s+have)?\s+(?:keep\s+|kept\s+)?(?:coming|came|come|going|went|popping|checking|looking)\s+back\b[^.!?;\n]{0,50}?\b(?:(?:long|well|way|just|right)\s+)?(?:at|around|until|till|past|after|before|during|in)\s+`+timeOfDay),
	newRule("where the customer was", "walk walked drive drove jog jogged run ran cycle cycled bike biked pass passed go went stroll strolled commute commuted",
		`you\s+(?:usually\s+|often\s+|always\s+|tend\s+to\s+)?`+movePast+ourPlace+`\b[^.!?;\n]{0,30}?\b`+routine+
			`|`+routine+`,?\s+you\s+(?:usually\s+|often\s+|always\s+)?`+movePast+ourPlace+`\b`).filter(func(t *text, m match) bool {
		switch prevWord(t, m.b) {
		case "if", "when", "whenever", "time", "once", "next":
			return false // "next time you walk past our branch, say hi"
		}
		return true
	}),
	newRule("a data source the customer did not expect", "phone device watch smartwatch car app tracker location gps",
		`your\s+(?:phone|device|watch|smartwatch|car|app|fitness\s+tracker)(?:'s|s)?\s+(?:location(?:\s+(?:data|history))?|gps(?:\s+data)?|movement\s+data|sensors?)`+
			`|(?:location\s+(?:data|history|tracking)|gps(?:\s+data)?)\s+(?:shows?|showed|says|said|tells?\s+us|told\s+us|suggests|puts\s+you|placed\s+you)`).severity(tailor.Block).filter(func(t *text, m match) bool {
		switch nextWord(t, m.e) {
		case "settings", "setting", "permission", "permissions", "services", "access", "sharing", "toggle":
			return false // "turn on your phone's location settings"
		}
		return true
	}),
}

// The hour said by the reader being up late while viewing: "up late
// browsing?", "still awake and scrolling our shells", "your late-night
// browsing". Said to no one ("late-night shopping at the store on
// Thursdays") or as an invitation ("stay up late browsing the catalogue")
// it is not a time the brand saw.
var lateViewing = newRule("the time of day the customer did something", "late latenight hour midnight owl owls",
	`(?:`+lateHour+`)[,\s]+(?:(?:and|again|still|out|here|there|you|you're|you\s+are|are\s+you)[,\s]+){0,3}`+lateVerb+
		`|(?:up|awake|still\s+up|still\s+awake)\s+and\s+`+lateVerb+`\s+(?:(?:so|this|that|very|really|pretty)\s+)?late`+
		`|(?:your|all\s+(?:that|this|those)|those|that)\s+(?:late[\s\-]night|midnight|night[\s\-]owl)\s+(?:`+lateVerb+`|sessions?|visits?|scroll|browse)`+
		`|(?:late[\s\-]night|night[\s\-]owl)\s+`+lateVerb+`\s*(?:again\b|\?)`+
		`|`+lateVerb+`\s+(?:(?:our|the|your|for|some|more|new)\s+)?(?:[a-z]+\s+)?(?:so\s+|pretty\s+|very\s+|really\s+)?(?:late\s+(?:again|into\s+the\s+night|last\s+night|tonight|at\s+night)|at\s+this\s+hour|this\s+late|past\s+midnight|after\s+midnight)`).filter(func(t *text, m match) bool {
	switch prevWord(t, m.b) {
	case "stay", "staying", "can", "could", "if", "when", "whenever", "go", "for", "perfect", "great", "made", "to":
		return false // "stay up late browsing the guide", "perfect for browsing late at night"
	}
	i := 0
	for i < len(t.words) && t.words[i].e <= m.b {
		i++
	}
	return i < len(t.words) && sentenceAddressesReader(t, i, true, "")
})

// lateHour is the reader up late: "up so late", "still awake at this
// hour", "burning the midnight oil", "night owl".
const lateHour = `(?:up|awake|online|still\s+up|still\s+awake)\s+(?:so\s+|very\s+|really\s+|pretty\s+|this\s+|that\s+|a\s+bit\s+|kind\s+of\s+)?(?:late|at\s+this\s+hour|past\s+midnight)(?:\s+(?:again|tonight|last\s+night|these\s+days))?` +
	`|burning\s+the\s+midnight\s+oil|night[\s\-]owl|late\s+nights?(?:\s+spent)?`

const lateVerb = `(?:browsing|scrolling|shopping|searching|clicking|window[\s\-]shopping|looking\s+(?:at|around|through)|checking\s+out|eyeing|comparing|adding\s+to\s+(?:your\s+)?cart)`

// The reader seen at a place by name: "nice to see you down in the Pearl",
// "great seeing you at our Hawthorne store", "good to have you over in
// Alberta". A place without a name ("good to see you in class", "at one of
// our stores") or the brand's own names is left alone (seenPlaces).
var seenAt = newRule("where the customer was", "see seeing spot spotting catch catching bump bumping run running have having stopping popping dropping coming swinging calling",
	`(?:(?:nice|good|great|lovely|glad|happy|fun|wonderful|so\s+good|so\s+nice|always\s+good|always\s+nice)\s+(?:to\s+(?:see|spot|catch|bump\s+into|run\s+into|have)|seeing|spotting|catching|bumping\s+into|running\s+into|having)\s+you`+
		`|(?:thanks|thank\s+you)\s+(?:so\s+much\s+)?for\s+(?:stopping|popping|dropping|coming|swinging|calling)(?:\s+(?:by|in|over|down|round|around))?)`+
		`\s+(?:(?:again|today|yesterday|earlier)\s+)?(?:(?:down|up|over|out|back|round|around)\s+)?(?:in|at|around|near|by|on|along|inside|into|to)\s+(?:(?:the|our|your)\s+)?[a-z][a-z'\-]*`)

// seenPlaces reports the matches of seenAt whose place is a name: its first
// word capitalised in the copy and not the brand's, or a word for a part
// of town.
func seenPlaces(r *run, f field) []match {
	t := f.t
	var out []match
	for _, m := range seenAt.find(t) {
		ws := strings.Fields(t.norm[m.b:m.e])
		last := ws[len(ws)-1]
		sp := t.span(m.e-len(last), m.e)
		orig := []rune(t.origAt(sp))
		switch {
		case placeParts[last]:
		case len(orig) == 0 || !unicode.IsUpper(orig[0]) || calendarWords[last] || r.rules.brief.findWords([]string{last}) != nil:
			continue
		}
		if slices.ContainsFunc(r.out, func(g tailor.Finding) bool {
			return g.Check == Surveillance && g.Field == f.name && g.Span != nil && g.Span[0] < m.span[1] && m.span[0] < g.Span[1]
		}) {
			continue // the place is a tracked fact, reported already
		}
		out = append(out, m)
	}
	return out
}

// calendarWords are capitalised words of time, not of place: "thanks for
// stopping by on Saturday".
var calendarWords = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "january": true, "february": true, "march": true, "april": true, "may": true,
	"june": true, "july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"christmas": true, "thanksgiving": true, "easter": true, "i": true}

// placeParts are words for a part of town, named or not.
var placeParts = map[string]bool{"neighborhood": true, "neighbourhood": true, "district": true, "neck": true, "part": true, "side": true, "end": true, "corner": true, "quarter": true, "suburbs": true, "downtown": true, "uptown": true}

func init() { surveillanceRules = append(surveillanceRules, implicationRules...) }

// viewingTail is a viewing verb and, later in its sentence, a time of day
// in words: "eyeing the boots just after six on Thursday evening".
var viewingTail = func() *regexp.Regexp {
	re := regexp.MustCompile(`^` + viewedVerb + `\b[^.!?;\n]{0,60}?\b(?:` + clockWords + `|` + dayPart + `)`)
	re.Longest()
	return re
}()

// viewingTimes finds the reader's viewing followed by a time of day in
// words: a verb of viewing with "you" among the three words before it
// ("the boots you were eyeing"), then the time, in one sentence. It runs
// the pattern only from such verbs, which copy seldom has.
func viewingTimes(t *text) [][2]int {
	var out [][2]int
	t.eachHit(viewingGate.id, func(i int) {
		w := t.words[i]
		if viewingNouns[w.s] {
			// "your last visit": the match starts at "your".
			if i < 2 || !recentWords[t.words[i-1].s] || t.words[i-2].s != "your" {
				return
			}
			i -= 2
			w = t.words[i]
		} else {
			you := false
			for k := i - 1; k >= max(0, i-3); k-- {
				if s := t.words[k].s; s == "you" || s == "you've" {
					you = true
				}
			}
			if !you {
				return
			}
		}
		// Most viewing has no time of day after it: look for a word of
		// one in the rest of the sentence before running the pattern.
		end := min(len(t.norm), w.b+200)
		for from := w.e; ; {
			k := strings.IndexAny(t.norm[from:end], ".!?;\n")
			if k < 0 {
				break
			}
			if meridiemDot(t.norm, from+k) {
				from += k + 1 // "6 p.m.": the first dot ends no sentence
				continue
			}
			end = from + k + 1
			break
		}
		timely := false
		for _, x := range t.words[i+1:] {
			if x.b >= end {
				break
			}
			if timeWords[x.s] {
				timely = true
				break
			}
		}
		if !timely {
			return
		}
		if m := viewingTail.FindStringIndex(t.norm[w.b:end]); m != nil && t.wordAt(w.b, w.b+m[1]) {
			out = append(out, t.span(w.b, w.b+m[1]))
		}
	})
	return out
}

// meridiemDot reports whether s[i] is the dot inside "a.m." or "p.m.".
func meridiemDot(s string, i int) bool {
	return i >= 1 && i+1 < len(s) && s[i] == '.' && (s[i-1] == 'a' || s[i-1] == 'p') && s[i+1] == 'm' &&
		(i == 1 || s[i-2] == ' ' || isDigitByte(s[i-2]))
}

func checkSurveillance(r *run) {
	for _, f := range r.fields {
		for _, sp := range viewingTimes(f.t) {
			r.addAt(Surveillance, tailor.Flag, f.name, sp, "mentions the time of day the customer did something")
		}
		for _, m := range lateViewing.find(f.t) {
			r.addAt(Surveillance, tailor.Flag, f.name, m.span, "mentions "+lateViewing.label)
		}
		for _, m := range seenPlaces(r, f) {
			r.addAt(Surveillance, tailor.Flag, f.name, m.span, "mentions "+seenAt.label)
		}
		for _, rl := range surveillanceRules {
			sev := tailor.Flag
			if rl.sev != "" {
				sev = rl.sev
			}
			for _, m := range rl.find(f.t) {
				r.addAt(Surveillance, sev, f.name, m.span, "mentions "+rl.label)
			}
		}
	}
}

// timeWords are the words one of which every time of clockWords or
// dayPart holds.
var timeWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`one two three four five six seven eight nine ten eleven twelve 1 2 3 4 5 6 7 8 9 10 11 12
		01 02 03 04 05 06 07 08 09 morning evening night afternoon lunchtime dinnertime bedtime tonight hours breakfast lunch dinner commute break
		monday tuesday wednesday thursday friday saturday sunday yesterday`) {
		m[w] = true
	}
	return m
}()

// viewingGate is a rule only for its triggers, the words a viewedVerb
// starts with: viewingTimes runs from the words of t that trigger it.
var viewingGate = newRule("a viewing", viewingVerbs, strings.Join(strings.Fields(viewingVerbs), "|"))

const viewingVerbs = `browsed browsing viewed viewing looked looking checked checking eyeing eyed lingered lingering hovered hovering
	scrolled scrolling searched searching peeked peeking stared staring clicked clicking tapped tapping visited visiting stopped popped zoomed window
	took had came went added favourited favorited wishlisted hearted visit browse session`

var (
	recentWords  = map[string]bool{"last": true, "latest": true, "recent": true}
	viewingNouns = map[string]bool{"visit": true, "browse": true, "session": true}
)

// The reader's wearable or device as the brand's source: "your smartwatch
// logged three runs this week", "your watch says rest day", "your ring
// recorded six hours of sleep", "according to your fitness tracker". A ring
// or a scale counts only with a verb of measuring ("your ring says
// forever" is an engraving); a question or a condition ("if your watch says
// rest day…") reads nothing, and neither does a feature ("your watch shows
// you when to rest", "shows your pace in real time").
const (
	wearable = `(?:smart\s?watch(?:es)?|watch|apple\s+watch|fitbit|garmin|whoop|oura(?:\s+ring)?|wearables?|tracker|smart\s+ring|(?:fitness|activity|sleep|step|health|running|workout|heart[\s\-]+rate)\s+(?:trackers?|bands?|rings?|watch|monitor|strap))`
	measured = `(?:logged|recorded|tracked|counted|clocked|measured|registered|synced|noted|flagged|picked\s+up|caught)`
	wornSays = `(?:says|said|shows|showed|tells\s+us|told\s+us|reads|suggests|suggested|thinks|reckons|indicates|indicated|reports|reported|noticed|spotted|saw|knows)`
)

var wearableSources = []*rule{
	newRule("a data source the customer did not expect", "smartwatch smartwatches watch fitbit garmin whoop oura wearable wearables tracker ring rings scale band bands monitor strap",
		`your\s+(?:new\s+|old\s+|trusty\s+)?`+wearable+`(?:'s\s+(?:data|stats|numbers|readings))?\s+(?:(?:has|have|just|already|also|apparently|clearly)\s+)*(?:`+measured+`|`+wornSays+`)\b`+
			`|your\s+(?:new\s+|old\s+|trusty\s+)?(?:ring|smart\s+scale|scale)(?:'s\s+(?:data|stats|numbers|readings))?\s+(?:(?:has|have|just|already|also)\s+)*`+measured+`\b`+
			`|your\s+(?:`+wearable+`|ring|smart\s+scale|scale)(?:'s|s)?\s+(?:data|stats|numbers|readings|logs?|history|activity)\s+(?:show|shows|showed|say|says|said|suggest|suggests|tell\s+us|told\s+us)\b`+
			`|(?:according\s+to|judging\s+by|going\s+by|based\s+on|thanks\s+to|we\s+saw\s+(?:on|in))\s+your\s+(?:`+wearable+`|ring|smart\s+scale)(?:'s)?(?:\s+(?:data|stats|numbers|readings|logs?|history))?\b`+
			`|from\s+your\s+(?:`+wearable+`|ring|smart\s+scale)(?:'s)?\s+(?:data|stats|numbers|readings|logs?|history)\b`).severity(tailor.Block).filter(notWearableFeature),
}

func init() { surveillanceRules = append(surveillanceRules, wearableSources...) }

// notWearableFeature drops a question, a condition and a device's feature.
func notWearableFeature(t *text, m match) bool {
	switch prevWord(t, m.b) {
	case "if", "when", "whenever", "whatever", "once", "until", "till", "unless", "does", "did", "do", "has", "have",
		"check", "sync", "let", "what", "how", "whether", "see", "where":
		return false
	}
	rest := strings.TrimLeft(t.norm[m.e:], " ")
	for _, p := range []string{"you how", "you when", "you where", "you what", "you which", "you if", "the time", "what time", "off"} {
		if strings.HasPrefix(rest, p+" ") || rest == p || strings.HasPrefix(rest, p+".") {
			return false
		}
	}
	// A feature is said in the present: "shows your pace as you run".
	switch ws := strings.Fields(t.norm[m.b:m.e]); ws[len(ws)-1] {
	case "says", "shows", "reads", "suggests", "thinks", "reckons", "indicates", "reports", "knows", "us":
	default:
		return true
	}
	clause := rest
	if i := strings.IndexAny(clause, ".!?;\n"); i >= 0 {
		clause = clause[:i]
	}
	for _, p := range []string{"in real time", "at a glance", "as you", "while you", "on the go", "on your wrist", "on screen", "on the screen", "on its screen"} {
		if strings.Contains(clause, p) {
			return false
		}
	}
	return true
}

// The reader's visits counted or dated without a number of times: "fourth
// look today?", "you keep coming back to this listing", "still dreaming
// about Sunday night?", "caught your eye on Tuesday". The brand's own
// trips ("our second visit to the Alps this month") and plans ("thinking
// about Saturday's race?") are not.
var visitsCounted = []*rule{
	newRule("how often the customer did something", "second third fourth fifth sixth seventh another",
		`\b(?:second|third|fourth|fifth|sixth|seventh|another|\d+(?:st|nd|rd|th))\s+(?:visit|look|peek|stop|time\s+here|time\s+looking)\s+(?:here\s+)?(?:this\s+(?:week|month|morning|afternoon|evening)|today|tonight|in\s+(?:a\s+row|\w+\s+days|one\s+day))\b`+
			// "Back for another look?": a return noticed, as a question
			`|\bback\s+(?:again\s+)?for\s+(?:a\s+|your\s+)?(?:second|third|fourth|fifth|sixth|another)\s+(?:look|peek|visit|browse)\b[^.!?\n]{0,40}\?`).filter(func(t *text, m match) bool {
		// "our second visit", "plan a third visit": two words back.
		for _, w := range strings.Fields(t.norm[max(0, m.b-24):m.b]) {
			switch strings.Trim(w, ",.!?:;") {
			case "our", "their", "his", "her", "we", "plan", "planning", "book", "booking", "schedule", "make", "pay", "come", "pop", "stop", "drop":
				return false
			}
		}
		return true
	}),
	newRule("how often the customer did something", "keep kept keeping",
		`\byou(?:'ve|\s+have)?\s+(?:keep|kept|been\s+keeping)\s+(?:on\s+)?(?:coming|checking|popping|looking|heading|going)\s+back\s+(?:to|on|at)\s+(?:this|these|that|those|the\s+same)\s+(?:page|pages|listing|product|item|pair|shoes?|boots?|jacket|account|offer|deal|site|app|class|screen|post)\b`),
	newRule("the time the customer looked at something", "thinking dreaming wondering caught eye mind",
		`\bstill\s+(?:thinking|dreaming|wondering)\s+about\s+(?:last\s+)?`+weekday+`(?:\s+`+partOfDay+`)?\s*\?`+
			`|\b(?:still\s+)?(?:thinking|dreaming|wondering)\s+about\s+(?:the|those|that|these|it|them)\b[^.!?\n]{0,30}?\bfrom\s+(?:last\s+)?`+weekday+`(?:\s+`+partOfDay+`)?\s*\?`+
			`|(?:caught\s+your\s+eye|had\s+your\s+eye\s+on|on\s+your\s+mind|in\s+your\s+(?:cart|basket|bag))\s+(?:on\s+|last\s+|since\s+|from\s+)(?:last\s+)?`+weekday+`\b`),
}

func init() { surveillanceRules = append(surveillanceRules, visitsCounted...) }

// Open tracking said as the reader's compulsion: "you can't stop opening
// these", "you just can't resist clicking our emails", "you keep tapping
// these". "These" must be the brand's messages, not a product ("you can't
// stop opening these jars"), and a product's pull ("you won't stop
// reading") is a promise, not a count.
var cantStopOpening = newRule("how often the customer did something", "stop resist help keep kept keeping",
	`\byou(?:\s+just|\s+simply|\s+really)?\s+(?:can't|cannot|can\s+not|couldn't)\s+(?:seem\s+to\s+)?(?:stop|resist|help)\s+(?:yourself\s+)?(?:from\s+)?(?:opening|clicking(?:\s+on)?|tapping(?:\s+on)?|reading|checking)\s+(?:these|them|our\s+`+ourMail+`|every\s+(?:one|`+ourMail+`))`+
		`|\byou(?:'ve|\s+have)?\s+(?:keep|kept|been\s+keeping)\s+(?:on\s+)?(?:opening|clicking(?:\s+on)?|tapping(?:\s+on)?)\s+(?:these|them)\b`).filter(func(t *text, m match) bool {
	if !strings.HasSuffix(t.norm[m.b:m.e], "these") && !strings.HasSuffix(t.norm[m.b:m.e], "them") {
		return true
	}
	rest := strings.TrimLeft(t.norm[m.e:], " ")
	if rest == "" || strings.ContainsRune("?.!,;:", rune(rest[0])) {
		return true
	}
	next := nextWord(t, m.e)
	return mailWords[next] || habitAdverbs[next]
})

// mailWords name what the brand sends; habitAdverbs close a habit.
var (
	mailWords    = map[string]bool{"email": true, "emails": true, "e-mails": true, "messages": true, "newsletters": true, "texts": true, "notifications": true, "updates": true, "alerts": true}
	habitAdverbs = map[string]bool{"again": true, "lately": true, "anymore": true, "every": true, "each": true, "all": true, "so": true, "do": true, "either": true, "huh": true}
)

func init() { surveillanceRules = append(surveillanceRules, cantStopOpening) }

// mailFeature reports whether "you never miss an email" goes on to say
// what makes it so ("with alerts on", "when you turn on reminders"): a
// feature of the product, not the reader's habit. "Our emails" are the
// brand's own, whatever follows.
func mailFeature(t *text, m match) bool {
	for _, own := range []string{" our ", " the ", " these "} {
		if strings.Contains(t.norm[m.b:m.e], own) {
			return false
		}
	}
	if featureWords[nextWord(t, m.e)] {
		return true
	}
	for i := len(t.words) - 1; i >= 0; i-- { // "with alerts on, you never miss…"
		w := t.words[i]
		if w.e > m.b {
			continue
		}
		if hasByteIn(t.norm[w.e:m.b], ".!?;\n") {
			break
		}
		if featureWords[w.s] {
			return true
		}
	}
	return false
}

// featureWords say what makes "you never miss an email" so.
var featureWords = map[string]bool{"with": true, "when": true, "if": true, "once": true, "thanks": true, "because": true, "now": true, "via": true}

// Open tracking said as the brand looking on: "we see you open every
// one", "we noticed you always click our texts". What is opened must be
// the brand's mail, or "every one", "them", "these": "we see you opening
// a new chapter" watches nothing.
var weSeeYouOpen = newRule("that the brand watches the customer", "open opened opening click clicked tap tapped read",
	`\bwe(?:'ve|\s+have)?\s+(?:can\s+)?(?:see|saw|seen|notice|noticed|spotted|can\s+tell|know)\s+(?:that\s+)?you(?:'ve|\s+have)?\s+(?:always\s+|usually\s+|often\s+|still\s+|actually\s+|really\s+)?(?:open|opened|click|clicked|tap|tapped|read)\s+(?:on\s+)?(?:(?:almost|nearly|just\s+about)\s+)?`+
		`(?:(?:every|each)\s+(?:single\s+)?one\b|all\s+of\s+them\b|them\b|these\b|(?:every|each|all)\s+(?:single\s+)?(?:of\s+)?(?:our\s+|the\s+|these\s+)?`+ourMail+`|(?:our|the|this|that|these)\s+(?:\w+\s+)?`+ourMail+`)`).severity(tailor.Block)

func init() { surveillanceRules = append(surveillanceRules, weSeeYouOpen) }
