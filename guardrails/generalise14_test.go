package guardrails

import "testing"

// Cases for the rule classes added after blind holdout 13's first run,
// with sentences written for this test, not copied from any eval set.

// Superiority said as a comparison nobody else wins, without "best" or a
// superlative: no other of the category anywhere, nothing else that does
// it like the brand's own, unlike anything out there. A moment "like no
// other", a comparison with something not the brand's, and a claim the
// brief allows are not.
func TestBlind14SuperiorityByComparison(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"no other shoe on the planet grips like", "", "No other shoe on the planet grips loose gravel like the Pegasus.", []string{"brand.claim block body [0,51]"}},
		{"no other bank in the country pays you like", "", "No other bank in the country pays you like we do.", []string{"brand.claim block body [0,42]"}},
		{"no other serum in the world comes close", "", "No other serum in the world comes close.", []string{"brand.claim block body [0,39]"}},
		{"nothing else on earth cleans like it", "", "Nothing else on earth cleans like it.", []string{"brand.claim block body [0,36]"}},
		{"nothing grips like our sole", "", "Nothing grips a frozen trail like our Pegasus sole.", []string{"brand.claim block body [0,45]"}},
		{"nobody does winter like us", "", "Nobody does winter like us.", []string{"brand.claim block body [0,26]"}},
		{"unlike anything else out there", "", "A fleece unlike anything else out there.", []string{"brand.claim block body [9,39]"}},
		{"unlike any other jacket on the market", "", "It's unlike any other jacket on the market.", []string{"brand.claim block body [5,42]"}},
		{"like no other shoe you've worn", "", "Grip like no other shoe you've ever worn.", []string{"brand.claim block body [5,40]"}},
		{"nothing feels like a hot drink", "", "Nothing feels like a hot drink after a run.", nil},
		{"nothing in the world feels like the first snow", "", "Nothing in the world feels like the first snow.", nil},
		{"nobody runs like you", "", "Nobody runs like you do.", nil},
		{"a feeling like no other", "", "A feeling like no other.", nil},
		{"a view like nothing else on earth", "", "A view like nothing else on earth.", nil},
		{"no other feeling on earth comes close", "", "No other feeling on earth comes close to the summit.", nil},
		{"nothing says winter like", "", "Nothing says winter like our fleece.", nil},
		{"no other plans?", "", "No other plans this weekend? Come run with us.", nil},
		{"nothing else to pack", "", "Nothing else to pack: just your shoes.", nil},
		{"unlike anything in your closet", "", "Unlike anything else in your closet, it packs flat.", nil},
		{"run like nothing else matters", "", "Run like nothing else matters.", nil},
		{"like it's summer", "", "Nothing else keeps you warm like it's summer.", nil},
	}, nil, Claim)
	runSpanCases(t, []spanCase{
		{"the allowed claim", "", "A fleece unlike anything else out there.", nil},
	}, func(in *Input) { in.Brief.Brand.Policy.AllowClaims = []string{"unlike anything else out there"} }, Claim)
}

// A competitor's name split or joined where the brief does not split or
// join it, ignoring case, spacing, hyphens and "&"/"and": "Fresh Way" or
// "Fresh-Way" for FreshWay, "GlowAndCo" for Glow & Co. Split, each part
// must begin with a capital, in copy that does not capitalise its words
// anyway: "a fresh way to cook", "Fresh way to…" and a title-case "A Fresh
// Way To Cook" are ordinary words, and so are the brief's own.
func TestBlind14CompetitorRespaced(t *testing.T) {
	t.Parallel()
	comps := func(in *Input) { in.Brief.Brand.Competitors = []string{"FreshWay", "Glow & Co", "FitLoop"} }
	runSpanCases(t, []spanCase{
		{"split in two", "", "Used to shop at Fresh Way?", []string{"brand.competitor block body [16,25]"}},
		{"hyphened", "", "Fresh-Way prices, our farms.", []string{"brand.competitor block body [0,9]"}},
		{"capitals", "", "Why we beat FRESH WAY on price.", []string{"brand.competitor block body [12,21]"}},
		{"split at a sentence start", "", "Fit Loop members switch free.", []string{"brand.competitor block body [0,8]"}},
		{"joined with and", "", "Switching from GlowAndCo?", []string{"brand.competitor block body [15,24]"}},
		{"as written", "", "Switching from Glow & Co?", []string{"brand.competitor block body [15,24]"}},
		{"ordinary words", "", "A fresh way to cook.", nil},
		{"a sentence start", "", "Fresh way to start the week.", nil},
		{"title case", "", "A Fresh Way To Cook Dinner", nil},
		{"split by a comma", "", "Get fit, loop back next week.", nil},
		{"lower case", "", "Stay fit: loop the park twice.", nil},
		{"a one-letter part", "", "Glow A Co-host.", nil},
	}, comps, Competitor)
	runSpanCases(t, []spanCase{
		{"the brief's own words", "", "Find a Fresh Way to eat this fall.", nil},
	}, func(in *Input) {
		comps(in)
		in.Brief.Campaign.CTA = "Find a Fresh Way"
	}, Competitor)
}

// The reader's wearable as the brand's source: it logged, recorded,
// counted or says something about the reader. A condition, a question, an
// invitation to sync, a feature said in the present, and a ring that says
// something engraved are not.
func TestBlind14WearableAsSource(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"your smartwatch logged", "", "Your smartwatch logged four rides this week.", []string{"privacy.surveillance block body [0,22]"}},
		{"your watch says", "", "Dana, your watch says recovery day.", []string{"privacy.surveillance block body [6,21]"}},
		{"your ring recorded", "", "Your ring recorded six hours of sleep.", []string{"privacy.surveillance block body [0,18]"}},
		{"has already counted", "", "Your Apple Watch has already counted 9,000 steps.", []string{"privacy.surveillance block body [0,36]"}},
		{"your activity tracker noticed", "", "Your activity tracker noticed a quiet week.", []string{"privacy.surveillance block body [0,29]"}},
		{"according to your fitbit", "", "According to your Fitbit, you slept five hours.", []string{"privacy.surveillance block body [0,24]"}},
		{"the tracker's numbers", "", "Your tracker's numbers show a late night.", []string{"privacy.surveillance block body [0,27]"}},
		{"your smart scale synced", "", "Your smart scale synced a new reading.", []string{"privacy.surveillance block body [0,23]"}},
		{"a condition", "", "If your watch says rest day, try a stretch class.", nil},
		{"a question", "", "Does your tracker count swims?", nil},
		{"sync your watch", "", "Sync your watch to see heart rate during workouts.", nil},
		{"a feature: shows you when", "", "Your watch shows you when to rest.", nil},
		{"a feature: in real time", "", "Your new watch shows your pace in real time.", nil},
		{"our tracker counts", "", "Our fitness tracker counts steps all day long.", nil},
		{"an engraving", "", "Your ring says forever.", nil},
		{"your watchlist", "", "Your watchlist just got three new documentaries.", nil},
		{"book from your watch", "", "Book a class from your watch.", nil},
		{"a watch band", "", "Your watch band is in the mail.", nil},
	}, nil, Surveillance)
}

func init() {
	// Every rule must find in windows what it finds in the whole text.
	triggerCorpus = append(triggerCorpus,
		"No other bank in the country pays you like we do, and nothing else on earth cleans like it.",
		"A fleece unlike anything else out there; nobody does winter like us.",
		"Your smartwatch logged four rides this week and your ring recorded six hours of sleep.",
		"According to your Fitbit, you slept five hours; your tracker's numbers show a late night.",
	)
}
