package guardrails

import (
	"slices"
	"strings"

	tailor "github.com/tailorhq/tailor"
)

// A brand's avoid_tone is free text ("pushy", "fear-mongering", "salesy").
// Each entry maps by its stem to families of phrasing that carry the tone.
var toneStems = []struct {
	stem     string
	families []string
}{
	{"push", []string{"pushy"}}, {"urgen", []string{"pushy"}}, {"sales", []string{"pushy", "hype"}},
	{"aggress", []string{"pushy"}}, {"hard sell", []string{"pushy"}}, {"hard-sell", []string{"pushy"}},
	{"pressur", []string{"pushy"}}, {"spam", []string{"pushy", "hype"}}, {"fomo", []string{"pushy", "fear"}},
	{"scarcity", []string{"pushy"}}, {"manipulat", []string{"pushy", "fear", "guilt"}},
	{"fear", []string{"fear"}}, {"scar", []string{"fear"}}, {"alarm", []string{"fear"}}, {"anxi", []string{"fear"}},
	{"doom", []string{"fear"}}, {"threat", []string{"fear"}}, {"negativ", []string{"fear", "guilt"}},
	{"guilt", []string{"guilt"}}, {"sham", []string{"guilt"}}, {"blam", []string{"guilt"}}, {"passive", []string{"guilt"}},
	{"condescend", []string{"condescending"}}, {"patroni", []string{"condescending"}}, {"preach", []string{"condescending", "preachy"}},
	{"moralis", []string{"preachy"}}, {"moraliz", []string{"preachy"}}, {"sanctimon", []string{"preachy", "condescending"}},
	{"lectur", []string{"preachy"}}, {"judgment", []string{"preachy"}}, {"judgement", []string{"preachy"}},
	{"smug", []string{"condescending"}}, {"arrogan", []string{"condescending"}}, {"superior", []string{"condescending"}},
	{"hype", []string{"hype"}}, {"clickbait", []string{"hype"}}, {"exaggerat", []string{"hype"}}, {"sensational", []string{"hype"}},
	{"hyperbol", []string{"hype"}}, {"cheesy", []string{"hype"}}, {"over-the-top", []string{"hype"}},
	{"desperat", []string{"desperate"}}, {"needy", []string{"desperate"}}, {"beg", []string{"desperate"}}, {"clingy", []string{"desperate"}},
	{"crude", []string{"crude"}}, {"vulgar", []string{"crude"}}, {"profan", []string{"crude"}}, {"rude", []string{"crude"}},
	{"edgy", []string{"crude"}}, {"snark", []string{"crude", "condescending"}}, {"sarcas", []string{"condescending"}},
}

func toneFamilies(avoid []string) map[string]bool {
	out := map[string]bool{}
	for _, a := range avoid {
		a = strings.ToLower(a)
		for _, s := range toneStems {
			if strings.Contains(a, s.stem) {
				for _, f := range s.families {
					out[f] = true
				}
			}
		}
	}
	return out
}

var toneRules = map[string][]*rule{
	"pushy": {newRule("pushy, false urgency", "hurry fast quickly wait delay last final late never today selling gone miss must hours running ticking supplies stocks waiting sleep lifetime once limited minutes seconds forever ends end midnight expires expire grab left remaining stock chance call tonight soon",
		words(`hurry|hurry up|act fast|act quickly|don't wait|do not wait|don't delay|last chance|final chance|final hours|final call|before it's too late|now or never|today only|going fast|selling out|selling fast|almost gone|don't miss out|do not miss out|you must|only hours left|time is running out|running out of time|the clock is ticking|clock's ticking|while supplies last|while stocks last|while they last|before they're gone|before it's gone|what are you waiting for|don't sleep on|won't last|once-in-a-lifetime|one time only|limited time only|last day|quick, |minutes left|seconds left|gone forever|never again`)+
			`|ends?\s+(?:tonight|today|at\s+midnight|soon|in\s+\d+\s+(?:hours?|minutes))|(?:only|just)\s+(?:\d+|a\s+few|a\s+handful\s+of)\s+(?:[a-z]+\s+){0,2}(?:left|remaining|in\s+stock)|(?:before|until|by)\s+midnight|expires?\s+(?:today|tonight|soon|in\s+\d+)|\d+\s+hours\s+only|grab\s+(?:it|yours|them|one)\s+(?:before|now|fast|quick)`)},
	"fear": {newRule("fear appeal", "late drain drains draining eat eats eating undo empty wipe ruin wreck sink regret regrets left behind fall falling lose losing risk dangerous danger scary afraid terrified fear fomo disaster nightmare catastrophe catastrophic sorry warn warned forever afford imagine miss missing suffer ruin wreck destroy spoil freeze",
		words(`you'll regret|you will regret|you'll regret it|don't regret|regret it|don't get left behind|get left behind|left behind|fall behind|falling behind|don't fall behind|before it's too late|you could lose|you might lose|you'll lose|don't risk|dangerous|danger|scary|afraid|terrified|fear|fomo|fear of missing out|disaster|nightmare|catastrophe|catastrophic|you'll be sorry|don't say we didn't warn you|we warned you|miss out forever|can you afford not to|imagine missing|imagine losing|don't suffer|you'll suffer|freeze out there`)+
			`|risk\s+(?:losing|missing)|don't\s+be\s+the\s+(?:only|last)\s+one|don't\s+let\s+(?:\w+\s+){0,3}(?:ruin|wreck|destroy|spoil)`+
			// "most people don't notice until it is too late", "fees drain accounts"
			`|until\s+it(?:'s|\s+is)\s+too\s+late|(?:can|could|will)\s+(?:empty|wipe\s+out|drain|ruin|wreck|sink)\s+(?:an?\s+|your\s+)?(?:account|savings|budget|wallet|bank\s+account)|(?:drain|drains|draining|eat|eats|eating)\s+(?:away\s+)?(?:at\s+)?(?:your\s+)?(?:accounts?|savings|money|wallet|balance)|undo\s+(?:months|years|weeks)\s+of`),
		// Harm to the reader as the price of not buying, without a fear
		// word: "one slip … and you're out for months", "cold trails can end
		// your season", "and you'll be sidelined", "one slip is all it takes".
		newRule("fear appeal", "weeks months season year winter summer month good sidelined laid benched crutches cast brace sling hurt injured pain feet er emergency hospital stranded cold broke debt red end cut derail wreck ruin cost takes",
			`(?:\band|\bthen)\s+(?:you're|you\s+are|you'll\s+be|you\s+will\s+be|you\s+could\s+be|you\s+might\s+be|you'd\s+be|you\s+could\s+end\s+up)\s+(?:`+harmOutcomes+`)`+
				`|(?:can|could|might|may)\s+(?:easily\s+|quickly\s+|soon\s+)?(?:end|cut\s+short|derail|wreck|ruin|cost\s+you)\s+your\s+(?:whole\s+|entire\s+|running\s+|hiking\s+|ski\s+|trail\s+)?(?:season|year|winter|summer|training|streak|running|race|career|trip|holiday|vacation|plans)\b`+
				`|\b(?:one|a\s+single|just\s+one)\s+(?:slip|misstep|wrong\s+step|wrong\s+move|bad\s+fall|nasty\s+fall|tumble|accident|burst\s+pipe|storm|crash)\b[^.!?]{0,40}?\bis\s+all\s+it\s+takes`+
				`|(?:can|could|might|may|will)\s+cost\s+you\s+(?:everything|dearly|your\s+(?:home|savings|health|life|season))\b`).filter(notHappyEnding)},
	"guilt": {newRule("guilt trip", "owe deserve done cared forgot forget ignoring ignored abandoned abandon down shame ashamed guilty bad disappointed really fault everyone friends others already care could hurt left letting",
		words(`you owe it to|after all we've done|we thought you cared|you forgot about us|forgot about us|you've been ignoring|ignoring us|you abandoned|shame on you|you should be ashamed|guilty|feel bad|disappointed in you|are you really going to|your fault|don't you care|how could you|we're hurt|you left us|you're letting|it's on you|it's all on you`)+
			`|(?:let|letting)\s+(?:your\s+(?:family|kids|friends|team|partner)|us|them)\s+down|(?:everyone\s+else|all\s+your\s+friends|your\s+friends|everyone|others)\s+(?:has|have|is|are)?\s*already|(?:abandoned|neglected)\s+(?:us|your\s+\w+)`).filter(notTreatIdiom)},
	"condescending": {newRule("condescending", "obviously even rocket everyone simple believe probably explain clearly wrong newbie offense seriously honestly incorrectly slowly",
		words(`obviously|even you can|it's not rocket science|as everyone knows|simple enough for|believe it or not|you probably didn't know|let us explain|you clearly|you're doing it wrong|newbie|no offense|seriously, |honestly, you`)+
			// "you're probably doing it wrong", "most people use it wrong"
			`|(?:you're|you\s+are)\s+(?:probably|likely|definitely|almost\s+certainly)\s+(?:[\w']+\s+){1,3}wrong|most\s+people\s+(?:\w+\s+){1,3}(?:wrong|incorrectly)\b|walk\s+you\s+through\s+(?:[\w\s]{0,20}),\s*slowly`),
		// The reader as the one who gets confused or gets it wrong: "even a
		// total beginner can't mess up", "we know all these steps get
		// confusing", "too complicated for you".
		newRule("condescending", "even know too confusing complicated overwhelming foolproof idiot idiotproof dummies dummy",
			`\beven\s+(?:a\s+|an\s+|the\s+|your\s+)?(?:total\s+|complete\s+|absolute\s+|clueless\s+|first-time\s+)?(?:beginners?|novices?|newbies?|amateurs?|children|child|kids?|toddlers?|five-year-olds?|grandma|grandpa|monkeys?|you)\s+(?:can't|cannot|can\s+not|couldn't|won't|wouldn't)\s+(?:possibly\s+)?(?:mess|screw|muck|foul|botch|get\s+(?:it|this|that)\s+wrong)\b`+
				`|\bwe\s+know\s+(?:that\s+)?(?:all\s+)?(?:these|this|those|it\s+all)\s+(?:\w+\s+){0,2}(?:gets?|is|are|can\s+be|can\s+get|seems?|feels?)\s+(?:a\s+bit\s+|so\s+|really\s+|pretty\s+|very\s+|too\s+)?(?:confusing|complicated|overwhelming|over\s+your\s+head|too\s+much\s+for\s+you|hard\s+for\s+you|tricky\s+for\s+you)`+
				`|\b(?:too|a\s+bit|rather)\s+(?:complicated|confusing|technical|advanced|hard|difficult)\s+for\s+(?:you|someone\s+like\s+you|people\s+like\s+you)\b|\b(?:idiot|fool|dummy)[\s\-]?proof|\bfor\s+dummies\b`)},
	"hype": {newRule("hype", "believe shocking mind blowing insane unbelievable jaw dropping epic crazy life changing game changer revolutionary breakthrough incredible amazing must best blow world never changes",
		words(`you won't believe|shocking|mind-blowing|mind blowing|insane|unbelievable|jaw-dropping|jaw dropping|epic|crazy deals|crazy prices|crazy sale|life-changing|game-changer|game changer|revolutionary|breakthrough|must-have|the best thing ever|blow your mind|out of this world|never-before-seen|this changes everything`))},
	"desperate": {newRule("desperate", "please begging beg need leave survive go chance",
		words(`please come back|we're begging|we beg you|please buy|we need you|please, please|pretty please|don't leave us|we can't survive|please don't go|one more chance|another chance`))},
	"crude": {newRule("crude", "damn hell crap sucks wtf ass badass omg",
		words(`damn|hell yeah|crap|sucks|wtf|kick ass|badass|omg`))},
}

// Ruin from one mishap, as the price of not buying, without a fear word:
// "one surprise bill could wipe out everything", "a single car repair can
// drain it all", "it could wipe out your savings", "you could lose
// everything". A mishap that "happens to lots of people", a surprise that
// helps, and wiping grime off are not.
var ruinFear = newRule("fear appeal", "wipe wipes wiped wiping empty drain drained erase swallow destroy lose losing everything nothing takes gone toast history bill bills expense expenses cost costs charge charges fee fees emergency repair repairs layoff diagnosis breakdown",
	`\b(?:one|a\s+single|just\s+one|a|an|any|the\s+next|one\s+big|one\s+bad)\s+(?:(?:surprise|unexpected|sudden|surprising|unplanned|big|bad|nasty|medical|hospital|vet|car|roof|emergency|single)\s+)+(?:bill|bills|expense|expenses|cost|costs|charge|charges|fee|fees|emergency|repair|repairs|layoff|diagnosis|breakdown)\b[^.!?;\n]{0,25}?\b(?:can|could|might|may|will|would)\s+(?:easily\s+|quickly\s+|instantly\s+|suddenly\s+|still\s+|overnight\s+)?`+ruinVerb+
		`|(?:could|can|might|may|will|would)\s+(?:easily\s+|quickly\s+|instantly\s+|suddenly\s+)?(?:wipe\s+(?:you\s+)?out|empty|drain|erase|swallow|destroy)\s+(?:everything|it\s+all|all\s+of\s+it|all\s+you(?:'ve|\s+have)\s+(?:saved|built|worked\s+for)|your\s+(?:whole\s+|entire\s+|life\s+|hard-earned\s+)?(?:savings|nest\s+egg|cushion|safety\s+net|finances|future))`+
		`|(?:could|can|might|may|would)\s+(?:easily\s+|quickly\s+|suddenly\s+)?(?:lose|be\s+left\s+with)\s+(?:everything|nothing)\b`+
		// "all it takes is one surprise expense to empty your account",
		// "one job loss and your savings are gone"
		`|(?:all\s+it\s+takes\s+is|it\s+(?:only\s+|just\s+)?takes(?:\s+just|\s+only)?)\s+(?:one|a\s+single|just\s+one|a)\s+(?:[a-z\-]+\s+){1,3}?to\s+(?:`+ruinVerb+`|lose\s+(?:it\s+all|everything|all\s+of\s+it|your\s+(?:savings|money|home|nest\s+egg)))`+
		`|\b(?:one|a\s+single|just\s+one)\s+(?:[a-z\-]+\s+){1,3}?and\s+(?:your\s+|all\s+your\s+)?(?:savings|money|account|nest\s+egg|cushion|safety\s+net|everything|it\s+all)\s+(?:is|are|could\s+be|would\s+be|will\s+be)\s+(?:gone|wiped\s+out|drained|history|toast)`+
		`|(?:leave|leaves|left|leaving)\s+you\s+with\s+nothing\b`+
		`|(?:could|can|might|may|would|will)\s+(?:mean|end\s+in|end\s+with|lead\s+to)\s+losing\s+(?:everything|it\s+all|your\s+(?:home|house|savings|money|nest\s+egg))`).filter(func(t *text, m match) bool {
	switch nextWord(t, m.e) {
	case "to", "but", "else":
		return false // "be left with nothing to worry about"
	}
	return true
})

// ruinVerb is what one mishap does to the reader's money in a fear appeal.
const ruinVerb = `(?:wipe\s+(?:you\s+)?out|empty|drain|ruin|wreck|sink|destroy|bankrupt|break\s+(?:you|the\s+bank)|erase|undo|swallow|derail|devastate|cost\s+you\s+everything|set\s+you\s+back\s+(?:years|months))`

func init() { toneRules["fear"] = append(toneRules["fear"], ruinFear) }

// harmOutcomes are what befalls the reader in a fear appeal that names no
// fear: out for the season, on crutches, in hospital. "Out" needs a span of
// time ("and you're out the door" is not one).
const harmOutcomes = `out\s+for\s+(?:weeks|months|the\s+(?:rest\s+of\s+the\s+)?(?:season|year|winter|summer)|a\s+(?:year|season|month)|good)|sidelined|laid\s+up|benched|on\s+crutches|in\s+a\s+(?:cast|brace|sling)|hurt|injured|in\s+pain|off\s+your\s+feet|in\s+the\s+(?:er|e\.r\.|emergency\s+room)|in\s+(?:the\s+)?hospital|stranded|out\s+in\s+the\s+cold|broke|in\s+debt|in\s+the\s+red`

// notHappyEnding drops "end your season" followed by a finish, not a
// threat: "a race that can end your season on a high".
func notHappyEnding(t *text, m match) bool {
	rest := strings.TrimLeft(t.norm[m.e:], " ,")
	for _, h := range []string{"on a high", "in style", "with ", "strong", "right", "on a good note", "the right way", "well"} {
		if strings.HasPrefix(rest, h) {
			return false
		}
	}
	return true
}

// toneOrder keeps findings deterministic across families.
var toneOrder = []string{"pushy", "fear", "guilt", "preachy", "condescending", "hype", "desperate", "crude"}

func checkTone(r *run) {
	if len(r.rules.avoid) == 0 {
		return
	}
	for _, fam := range toneOrder {
		if !r.rules.avoid[fam] {
			continue
		}
		for _, rl := range toneRules[fam] {
			for _, f := range r.fields {
				for _, m := range rl.find(f.t) {
					r.addAt(Tone, tailor.Flag, f.name, m.span, "sounds "+rl.label+", a tone the brand avoids")
				}
			}
		}
	}
	checkEatenPronounOff(r)
}

// treatIdioms after "guilty" name a treat, not a feeling pressed on the
// reader: "our staff's guilty pleasure", "a guilty secret". "Feeling
// guilty about…" and "guilty?" are still guilt.
var treatIdioms = map[string]bool{"pleasure": true, "pleasures": true, "secret": true, "secrets": true,
	"treat": true, "treats": true, "indulgence": true, "indulgences": true, "favourite": true, "favorite": true,
	"favourites": true, "favorites": true, "snack": true, "snacks": true, "verdict": true, "plea": true}

func notTreatIdiom(t *text, m match) bool {
	return !strings.HasSuffix(t.norm[m.b:m.e], "guilty") || !treatIdioms[nextWord(t, m.e)]
}

// Guilt and condescension by shape, without their stock words.
var (
	// "We all know we should cook more", "deep down you know you ought
	// to": the reader's failing said as something everyone agrees on. "We
	// all know the feeling" has no "should"; "we all know we should treat
	// ourselves" is an indulgence, not a reproach.
	sharedShould = newRule("shaming or guilt", "know knows",
		`(?:we\s+all|we\s+both|all\s+of\s+us|you\s+and\s+i|everyone|everybody|deep\s+down,?\s+(?:we|you)(?:\s+all)?)\s+knows?\s+(?:that\s+)?(?:we|you)(?:\s+all)?\s+(?:really\s+|probably\s+|honestly\s+|definitely\s+|all\s+)?(?:should|ought\s+to)\b`).filter(func(t *text, m match) bool {
		w := nextWord(t, m.e)
		if w == "be" || w == "all" || w == "really" {
			w = nextWord(t, m.e+len(w)+1)
		}
		return !indulgences[w]
	})
	// "Stop letting good intentions slide", "good intentions will not fill
	// the fridge", "it's harder to make excuses", "no excuses": the reader's
	// intentions and excuses held up to them. "The perfect excuse to bake"
	// and "no excuse needed" invite, and "we make no excuses" is the brand.
	intentionsAndExcuses = newRule("shaming or guilt", "intentions resolution resolutions goals promises excuse excuses",
		`(?:stop|quit)?\s*(?:letting|let)\s+(?:(?:your|those|all\s+those|all\s+your|all\s+the|the|good|best|healthy|new\s+year's?)\s+)*(?:intentions|resolutions?|goals|promises)\s+(?:slide|slip|lapse|fade|wither|go\s+to\s+waste|gather\s+dust|fizzle(?:\s+out)?|fall\s+(?:away|apart|through|by\s+the\s+wayside))\b`+
			`|good\s+intentions\s+(?:alone\s+|only\s+)?(?:won't|will\s+not|don't|do\s+not|can't|cannot|never|didn't|did\s+not)\s+(?:\w+\s+)?(?:fill|feed|cook|make|get|pay|count|put|burn|build|move|run|train|stock|change|do|last|cut\s+it)\b`+
			`|good\s+intentions\s+(?:alone\s+|only\s+)?(?:aren't|are\s+not|were\s+never|are\s+never|isn't|is\s+not)\s+enough`+
			`|(?:harder|hard|tough|tougher|impossible|difficult)\s+to\s+(?:make|find|come\s+up\s+with|hide\s+behind)\s+(?:an?\s+|any\s+|more\s+)?excuses?\b`+
			`|(?:run|runs|ran|running)\s+out\s+of\s+excuses|(?:one|no)\s+(?:less|fewer)\s+excuses?\b|fewer\s+excuses\b|no\s+excuses\b`+
			`|what(?:'s|\s+is)\s+(?:your|the)\s+excuse(?:\s+(?:now|this\s+time|today|again))?\s*\?|(?:your|those|all\s+your|all\s+those|the\s+usual)\s+excuses\b`+
			`|(?:take|takes|took|taking)\s+away\s+(?:your|the|every|all|any)\s+(?:\w+\s+)?excuses?\b|excuse[\s\-]?(?:free|proof)\b`).filter(func(t *text, m match) bool {
		switch prevWord(t, m.b) {
		case "make", "makes", "made", "making":
			return false // "we make no excuses": the brand's own
		}
		switch nextWord(t, m.e) {
		case "needed", "required", "necessary":
			return false // "no excuses needed to treat yourself"
		}
		return true
	})
	// "We will keep this very simple for you", "skincare, explained
	// slowly", "in small words": the brand slowing down for a reader it
	// takes to be slow. Ease of the product ("we've made it super easy for
	// you to switch", "we keep it simple") is left alone.
	slowedDown = newRule("condescending", "simple easy basic slow slowly small little syllable",
		`(?:we'll|we\s+will|we're\s+going\s+to|we\s+are\s+going\s+to|let's|let\s+us|let\s+me|i'll|i\s+will)\s+(?:\w+\s+)?(?:keep|make|explain|put|break|say|spell|lay|go\s+over)\s+(?:this|it|things|everything|all\s+(?:of\s+)?this)\s+(?:out\s+|down\s+)?(?:nice\s+and|really|very|extra|super|real|ultra|so|as)\s+(?:simple|easy|basic|slow|slowly)\s+(?:as\s+(?:we\s+can|possible)\s+)?for\s+(?:you|someone\s+like\s+you|people\s+like\s+you)\b`+
			`|(?:explain(?:ed|ing)?|spell(?:ed|ing)?\s+out|spelt\s+out|walk(?:ed|ing)?\s+(?:you\s+)?through|talk(?:ed|ing)?\s+(?:you\s+)?through|break(?:ing)?\s+(?:it|this|things)\s+down|broken\s+down)(?:\s+(?:it|this|things|everything)(?:\s+out)?)?\s+(?:(?:really|very|extra|super|nice\s+and)\s+)?slowly\b`+
			`|(?:in|using|with)\s+(?:nice\s+)?(?:small|little|tiny|short)\s+words\b|words\s+of\s+one\s+syllable`).filter(func(t *text, m match) bool {
		return nextWord(t, m.e) != "to" // "super easy for you to switch": the product's ease
	})
)

// indulgences after a shared "should" make it a treat, not a reproach.
var indulgences = map[string]bool{"treat": true, "try": true, "celebrate": true, "enjoy": true, "indulge": true,
	"splurge": true, "relax": true, "pamper": true, "party": true, "rest": true}

// "Still confused by serums? Let us spell it out for you": the reader's
// confusion taken as lasting, and the brand spelling things out to them.
// A question with no "still" ("Confused by serums? Our guide helps") and a
// brand that lays out its own terms ("we spell out every fee") are left
// alone.
var spelledOut = newRule("condescending", "spell spelt spelled lay still",
	`(?:let\s+us|let\s+me|we'll|we\s+will|allow\s+us\s+to|time\s+to|we\s+have\s+to|we\s+need\s+to)\s+(?:spell|lay)\s+(?:it|this|things|everything|it\s+all)\s+out\s+for\s+you\b`+
		`|(?:(?:you're|you\s+are)\s+)?still\s+(?:so\s+|totally\s+|completely\s+|a\s+bit\s+)?(?:confused|lost|puzzled|baffled|stumped|clueless|in\s+the\s+dark)\s+(?:by|about|over|when\s+it\s+comes\s+to)\b`+
		`|still\s+(?:can't|cannot|don't|do\s+not|struggling\s+to|trying\s+to)\s+(?:figure\s+out|get\s+the\s+hang\s+of|wrap\s+your\s+head\s+around|work\s+out|understand|make\s+sense\s+of|tell\s+(?:them\s+)?apart)\b`)

func init() {
	toneRules["condescending"] = append(toneRules["condescending"], spelledOut)
	toneRules["guilt"] = append(toneRules["guilt"], sharedShould, intentionsAndExcuses)
	toneRules["preachy"] = append(toneRules["preachy"], sharedShould)
	toneRules["condescending"] = append(toneRules["condescending"], slowedDown)
}

// Preachy: the reader's failing told back to them as something they
// already know ("you know you should be cooking more", "you should know
// better"), or what they ought to be eating or doing more of. "You know you deserve a treat" and
// "you know you should treat yourself" are indulgences.
var knowYouShould = newRule("preachy", "know should ought",
	`\byou\s+(?:already\s+|probably\s+|honestly\s+|surely\s+|all\s+)?know\s+(?:that\s+)?you\s+(?:really\s+)?(?:should|ought\s+to|need\s+to)\b`+
		`|\byou\s+(?:really\s+|honestly\s+|surely\s+)?(?:should|ought\s+to)\s+know\s+better\b`+
		`|\byou\s+(?:really\s+|honestly\s+|probably\s+|definitely\s+)?(?:should|ought\s+to)\s+(?:be\s+)?(?:eating|cooking|drinking|exercising|moving|sleeping|working\s+out|stretching|walking|eat|cook|drink|exercise|move|sleep|work\s+out|stretch|walk)\s+(?:a\s+lot\s+|far\s+|much\s+|way\s+)?(?:more|less|better)\b`).filter(func(t *text, m match) bool {
	w := nextWord(t, m.e)
	if w == "be" || w == "really" {
		w = nextWord(t, m.e+len(w)+1)
	}
	return !indulgences[w]
})

// Condescension about what the reader can manage: "one step is all most
// people can handle", "this is about all you can manage", "time
// you learned how your skin actually works". "All you can eat" and "learn
// how it works" invite. So is comfort that the reader need not understand
// ("don't worry, you don't need to understand the science", "leave the
// thinking to us", "don't worry your pretty head"); "don't worry, you
// don't need to sign up" spares the reader a chore, not a thought.
var limitedReader = newRule("condescending", "manage handle cope actually worry worries thinking",
	`(?:(?:don't|do\s+not|never)\s+worry(?:\s+about\s+(?:it|that|a\s+thing))?|no\s+worries|relax)[\s,.;:!\-]+(?:you\s+(?:don't|do\s+not|won't|will\s+not)\s+(?:even\s+|really\s+)?(?:need|have)\s+to|there's\s+no\s+need\s+to|no\s+need\s+to)\s+(?:`+graspVerbs+`)`+
		`|\bleave\s+(?:all\s+)?the\s+(?:thinking|hard\s+thinking|brainwork|brain\s+work)\s+to\s+(?:us|the\s+experts|the\s+pros)\b|\bdon't\s+(?:you\s+)?worry\s+your\s+(?:pretty|little|sweet)\s+(?:little\s+)?head\b`+
		`|\ball\s+(?:most\s+people|most\s+of\s+us|most\s+folks|you|anyone|people\s+like\s+you|the\s+average\s+\w+)\s+(?:can|could|will\s+ever|are\s+able\s+to)\s+(?:really\s+|realistically\s+)?(?:manage|handle|cope\s+with)\b`+
		`|(?:time\s+(?:for\s+you\s+)?to|time\s+you|you\s+(?:need|ought|have)\s+to|you\s+should|you\s+really\s+should)\s+(?:finally\s+)?(?:learn(?:ed|t)?|understand|understood|found\s+out|find\s+out|figure(?:d)?\s+out)\s+how\s+(?:[\w']+\s+){1,3}actually\s+works?\b`)

// graspVerbs are understanding a subject, which comfort that the reader
// need not do takes them to be unable to: "understand skin science",
// "know how it works". Knowing a size or a date is a chore.
const graspVerbs = `understand|get\s+your\s+head\s+around|wrap\s+your\s+head\s+around|make\s+sense\s+of|be\s+an?\s+(?:expert|scientist|chemist)|know\s+(?:the|any|how)\s+(?:science|chemistry|technical|jargon|ingredients|biology|maths?|it\s+works|this\s+works|any\s+of\s+(?:it|this)\s+works)|learn\s+(?:the|any)\s+(?:science|chemistry|jargon|biology)`

// Pressure without a deadline word: "stop scrolling and buy it", "quit
// dithering and order", "winter won't wait for you", "the season waits
// for no one". "Stop by and say hi" and "the trail will wait for you"
// do not press.
var pushyNoWait = newRule("pushy, false urgency", "scrolling browsing dithering stalling hesitating thinking overthinking dreaming waffling putting window wait waits waiting",
	`\b(?:stop|quit)\s+(?:scrolling|browsing|dithering|stalling|hesitating|overthinking|waiting|thinking\s+about\s+it|dreaming|waffling|putting\s+it\s+off|window[\s\-]shopping)\s*(?:,|and|&|\.|!)\s*(?:just\s+)?(?:buy|order|grab|shop|book|get|sign\s+up|subscribe|check\s+out|checkout|open|join|add)\b`+
		`|\b(?:winter|summer|spring|autumn|fall|the\s+season|snow|this\s+deal|the\s+deal|this\s+offer|the\s+offer|this\s+sale|the\s+sale|deals?|prices?|stock|time|it|they|the\s+trails?|the\s+slopes?)\s+(?:won't|will\s+not|doesn't|does\s+not|isn't\s+going\s+to|is\s+not\s+going\s+to|can't|don't|do\s+not)\s+wait\s+(?:for\s+(?:you|anyone|anybody|long)|around|forever)\b`+
		`|\bwaits?\s+for\s+no\s+(?:one|man|body|woman|person)\b`)

// Eaten food as a debt, said with a pronoun once the food has been named:
// "the holidays were fun, now make up for them", "they won't burn off on
// their own". "Make up for it" needs food or a feast in the field before
// it; a missed class made up for is not that.
var eatenDebtPronoun = newRule("shaming or guilt", "holiday holidays treats treat cookies cookie feast feasting christmas thanksgiving festive december pie pies dessert desserts snacks snacking eating ate indulging indulgence calories",
	`\b(?:make|making|made)\s+up\s+for\s+(?:all\s+(?:of\s+)?)?(?:them|it|that|those|these)\b`).filter(func(t *text, m match) bool {
	before := t.norm[max(0, m.b-120):m.b]
	for _, w := range []string{"holiday", "treat", "pie", "cookie", "feast", "ate ", "eat", "indulg", "dessert", "snack", "takeout", "christmas", "thanksgiving", "festive", "december", "weekend's", "calorie"} {
		if strings.Contains(before, w) {
			return true
		}
	}
	return false
})

// Eaten food that "won't burn off on its own", said with a pronoun or
// named.
var eatenWontLeave = newRule("shaming or guilt", "themselves itself own",
	`\b(?:they|it|those|these|that)\s+(?:won't|will\s+not|don't|do\s+not|can't|cannot|aren't\s+going\s+to|are\s+not\s+going\s+to|isn't\s+going\s+to)\s+(?:just\s+)?(?:burn|sweat|work|walk|run|melt|move)\s+(?:(?:themselves|itself)\s+)?(?:off|away)\s+(?:on\s+(?:their|its)\s+own|by\s+(?:themselves|itself))`+
		`|`+eatenThings+`\s+(?:won't|will\s+not|don't|do\s+not|can't|aren't\s+going\s+to)\s+(?:just\s+)?(?:move|melt|shift|vanish|disappear|burn|sweat|work|walk|run)\s+(?:(?:away|off)\s+)?(?:themselves|itself|on\s+(?:their|its)\s+own|by\s+(?:themselves|itself))`)

func init() {
	toneRules["preachy"] = append(toneRules["preachy"], knowYouShould)
	toneRules["guilt"] = append(toneRules["guilt"], knowYouShould, eatenDebtPronoun, eatenWontLeave)
	toneRules["condescending"] = append(toneRules["condescending"], limitedReader)
	toneRules["pushy"] = append(toneRules["pushy"], pushyNoWait)
}

// The reader taken to be doing it wrong: "still doing skincare wrong?",
// "are you washing your face wrong?", "you've been lacing your boots
// incorrectly", and the basics most people "never learn". The wrong must
// close the clause: "still using the wrong size?" names a size, and "you
// can't go wrong" or "feeling something's wrong?" judge no one.
var doingItWrong = newRule("condescending", "wrong incorrectly basics fundamentals",
	`\b(?:still|are\s+you(?:\s+still)?|you(?:'re|\s+are)(?:\s+still)?|you(?:'ve|\s+have)\s+been|been)\s+[a-z]+ing\s+(?:[\w']+\s+){0,3}?(?:(?:all|completely|totally|so)\s+)?(?:wrong|the\s+wrong\s+way|incorrectly)\b`+
		`|\bmost\s+(?:people|folks|of\s+us|shoppers|customers)\s+(?:never|don't|do\s+not|still\s+don't|rarely|won't\s+ever|never\s+really)\s+(?:learn|master|grasp|get|understand|know)\s+(?:even\s+)?the\s+(?:basics|fundamentals)\b`).filter(func(t *text, m match) bool {
	mt := t.norm[m.b:m.e]
	if strings.HasPrefix(mt, "most") {
		return true
	}
	for _, w := range strings.Fields(mt) {
		if notDoingVerbs[w] {
			return false
		}
	}
	rest := strings.TrimLeft(t.norm[m.e:], " ")
	return rest == "" || strings.ContainsRune("?.!,;:", rune(rest[0]))
})

// notDoingVerbs judge no one's practice: "still feeling something's
// wrong?", "still wondering what went wrong?".
var notDoingVerbs = map[string]bool{"feeling": true, "thinking": true, "wondering": true, "worrying": true, "sensing": true,
	"going": true, "saying": true, "believing": true, "noticing": true, "guessing": true, "asking": true, "nothing": true}

func init() { toneRules["condescending"] = append(toneRules["condescending"], doingItWrong) }

// Eaten food worked off, said with a pronoun: "those cookies are still
// there. Time to work them off", "earn it back". The food may be named in
// another field (a title, a subject line), so the check, not the rule,
// looks for it. "Got energy? Burn it off at the park" names no food.
var eatenPronounOff = newRule("shaming or guilt", "work working burn burning sweat sweating walk walking run running jog jogging dance dancing spin spinning earn earning",
	`\b(?:work|working|burn|burning|sweat|sweating|walk|walking|run|running|jog|jogging|dance|dancing|spin|spinning)\s+(?:them|it|those|these|that|all\s+that|'em)\s+(?:all\s+)?off\b`+
		`|\b(?:earn|earning)\s+(?:them|it|those|these|that|all\s+that)\s+back\b`)

// eatenFoodWords name what the reader ate; one of them anywhere in the
// copy gives a pronoun worked off its food.
var eatenFoodWords = map[string]bool{"cookies": true, "cookie": true, "treats": true, "pie": true, "pies": true,
	"feast": true, "feasting": true, "calories": true, "dessert": true, "desserts": true, "candy": true, "cake": true,
	"cakes": true, "pizza": true, "eggnog": true, "leftovers": true, "takeout": true, "sweets": true, "chocolate": true,
	"snacks": true, "snacking": true, "ate": true, "eaten": true, "overate": true, "indulged": true, "indulging": true,
	"stuffing": true, "fudge": true, "brownies": true, "donuts": true, "doughnuts": true, "binge": true}

func checkEatenPronounOff(r *run) {
	if !r.rules.avoid["guilt"] {
		return
	}
	food := false
	for _, f := range r.fields {
		food = food || slices.ContainsFunc(f.t.words, func(w word) bool { return eatenFoodWords[w.s] })
	}
	if !food {
		return
	}
	for _, f := range r.fields {
		for _, m := range eatenPronounOff.find(f.t) {
			r.addAt(Tone, tailor.Flag, f.name, m.span, "sounds "+eatenPronounOff.label+", a tone the brand avoids")
		}
	}
}

// The reader assumed unable to do something basic: "skincare is
// confusing if you've never read a label", "you've probably never even
// opened the instructions", "hard if you can't even boil an egg". What is
// hard for a first try ("daunting if you've never tried retinol") names
// nothing basic.
// Every match names the basic thing, or says "even".
var basicNever = newRule("condescending", "label ingredient ingredients instructions manual recipe map menu receipt bill statement tag chart directions egg water kettle laces shoelaces even",
	`\b(?:confusing|complicated|overwhelming|hard|tricky|difficult|daunting|baffling|intimidating|a\s+mystery|scary|a\s+lot)\s+(?:[\w']+\s+){0,3}?(?:if|when|since|because|for\s+(?:anyone|someone|people|those)\s+who)\s+(?:you(?:'ve|\s+have)?\s+never\s+(?:even\s+|once\s+)?|you\s+(?:can't|cannot)\s+(?:even\s+)?|you\s+don't\s+(?:even\s+)?know\s+how\s+to\s+|(?:have|has)\s+never\s+(?:even\s+)?)`+basicSkill+
		`|\byou(?:'ve|\s+have)?\s+(?:probably|likely|clearly|obviously|surely)\s+never\s+(?:even\s+)?`+basicSkill+
		`|\bif\s+you\s+(?:can't|cannot)\s+even\s+(?:`+basicSkill+`|read\b)`)

// basicSkill is something any adult is taken to manage: reading a label,
// following a recipe, boiling water.
const basicSkill = `(?:(?:read|reading|opened|open|followed|follow|looked\s+at|checked|used|use)\s+(?:a|an|the|your|any)\s+(?:product\s+)?(?:labels?|ingredients?(?:\s+lists?)?|instructions|manual|recipe|map|menu|receipt|bill|statement|price\s+tags?|size\s+charts?|directions)` +
	`|(?:boiled|boil)\s+(?:an?\s+egg|water|a\s+kettle)|(?:tied|tie)\s+(?:your\s+)?(?:shoe)?laces)`

// A probing question about the reader's habits: "how many vegetables did
// you actually eat last week?", "did you really cook once this week?".
// "How many vegetables do you want?" and "how much did you actually
// save?" ask nothing of how the reader lives.
var probingHabits = newRule("preachy, guilt by a probing question", "actually really honestly truly even",
	`\bhow\s+(?:many|much|often)\s+(?:[\w']+\s+){0,3}?(?:did|do|have|has)\s+you\s+(?:actually|really|honestly|truly|even)\s+`+habitVerb+
		`|\b(?:did|do|have)\s+you\s+(?:actually|really|honestly|even)\s+`+habitVerb+`\s+(?:any|enough|a\s+single|one|once)\b`)

// habitVerb is what the reader does with their body and their day.
const habitVerb = `(?:eat|eaten|ate|drink|drunk|drank|cook|cooked|exercise|exercised|move|moved|walk|walked|sleep|slept|stretch|stretched|train|trained|work\s+out|worked\s+out|floss|flossed|run|ran|go\s+to\s+the\s+gym|went\s+to\s+the\s+gym)\b`

func init() {
	toneRules["condescending"] = append(toneRules["condescending"], basicNever)
	toneRules["preachy"] = append(toneRules["preachy"], probingHabits)
	toneRules["guilt"] = append(toneRules["guilt"], probingHabits)
}
