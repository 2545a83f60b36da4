package guardrails

import (
	"testing"

	tailor "github.com/tailorhq/tailor"
)

// Cases for the rule classes added or widened after blind holdouts 19's
// and 20's first runs, with sentences written for this test, not copied
// from any eval set.

// A banned phrase or a competitor's name is one phrase only when nothing
// but spacing or a disguise stands between its words: a clause's comma or
// a sentence's end between them makes two ordinary words. Punctuation
// used to disguise the phrase ("act...now", "act.now", "Act - now") is
// still the phrase.
func TestBlind19PhraseAcrossPunctuation(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"banned phrase whole", "", "Act now and save.", []string{"brand.banned_phrase block body [0,7]"}},
		{"banned phrase with ellipsis", "", "Act... now and save.", []string{"brand.banned_phrase block body [0,10]"}},
		{"banned phrase with a dot inside", "", "Act.now and save.", []string{"brand.banned_phrase block body [0,7]"}},
		{"banned phrase staccato", "", "ACT. NOW. Winter trails are open.", []string{"brand.banned_phrase block body [0,8]"}},
		{"banned phrase one-word clause", "", "Act, now! The trails are open.", []string{"brand.banned_phrase block body [0,8]"}},
		{"competitor whole", "", "Lighter than Peak Gear shells.", []string{"brand.competitor block body [13,22]"}},
		{"competitor after a list comma", "", "Lighter than Nova, Peak Gear and the rest.", []string{"brand.competitor block body [19,28]"}},
		{"banned across sentences", "", "Come and act. Now is the time to plan a route.", nil},
		{"banned across a comma", "", "We act, now that the snow is here.", nil},
		{"banned across a question", "", "Ready to act? Now the trails are open.", nil},
		{"competitor across a comma", "", "Climb to the peak, gear that stays dry on your back.", nil},
		{"competitor across a colon", "", "Our tip for the peak: gear up early.", nil},
		{"competitor across sentences", "", "Reach the peak. Gear up with the Pegasus.", nil},
	}, nil, BannedPhrase, Competitor)
}

// A deadline in words that names the last day of the month the offer
// ends on is the brief's date in words: "through the end of December" for
// an offer through Dec 31. A month the offer does not end at, or a month
// left unnamed, still moves the deadline.
func TestBlind20MonthEndDeadline(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"until the end of December", "", "Members save 15% until the end of December.", nil},
		{"by the end of the year", "", "Members save 15% by the end of the year.", nil},
		{"through the end of Dec", "", "Members save 15% through the end of December, so plan a run.", nil},
		{"end of January", "", "Members save 15% until the end of January.", []string{"brand.offer block body [17,41]"}},
		{"end of November", "", "Members save 15% through the end of November.", []string{"brand.offer block body [17,44]"}},
		{"end of the month", "", "Members save 15% through the end of the month.", []string{"brand.offer block body [17,45]"}},
	}, nil, Offer)
	runSpanCases(t, []spanCase{
		{"end of October for Oct 12", "", "Members save 15% through the end of October.", []string{"brand.offer block body [17,43]"}},
		{"end of the year for Oct 12", "", "Members save 15% until the end of the year.", []string{"brand.offer block body [17,42]"}},
	}, func(in *Input) {
		in.Brief.Campaign.Offer = "15% off for members through Oct 12"
		in.Brief.Brand.RequiredDisclaimers = nil
	}, Offer)
}

// Skin types offered as alternatives with "or" are the product's range,
// even in a sentence that says "your skin": the reader's own type is one
// of them, unnamed. A skin type given as the reader's alone, or joined
// with "and" as theirs, is still the declared fact.
func TestBlind19SkinTypeAlternatives(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"whether your skin is oily, dry or combination", "", "Whether your skin is oily, normal or combination, the gel sinks in fast.", nil},
		{"is your skin dry or combination", "", "Is your skin dry or combination? The gel suits both.", nil},
		{"for you: normal, combination or oily", "", "You can use it on normal, combination or oily skin.", nil},
		{"your combination skin", "", "Your combination skin will love the gel.", []string{"privacy.consent block body [5,16]"}},
		{"made for your combination skin", "", "Made for your combination skin, not dry skin.", []string{"privacy.consent block body [14,25]"}},
		{"your dry and combination patches", "", "Your dry and combination patches need a light gel.", []string{"privacy.consent block body [13,24]"}},
	}, func(in *Input) {
		in.Profile.Consent.Personalization = false
		in.Profile.Facts = []tailor.Fact{{Key: "skin_type", Value: "combination", Source: tailor.Declared}}
	}, Consent)
}

// A time of life named as general guidance ("safe during pregnancy",
// "ask your doctor before use in pregnancy") is a label's advice, not the
// reader's condition. "During your pregnancy" and "your pregnancy" are
// the reader's, and "stay active during pregnancy, Dana", with no word of
// safety or advice, is said to the reader.
func TestBlind19GeneralPeriodGuidance(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"check with your doctor during pregnancy", "", "You can ask your doctor about any ingredient, even during pregnancy.", nil},
		{"safe to use in pregnancy", "", "Gentle enough for you to use in pregnancy, says our label.", nil},
		{"safe throughout menopause", "", "The gel is safe for your skin throughout menopause.", nil},
		{"stay active during pregnancy", "", "Stay active during pregnancy, Dana, with our gentlest shoe.", []string{"privacy.sensitive_attribute flag body [0,58]"}},
		{"during your pregnancy", "", "You can keep running during your pregnancy.", []string{"privacy.sensitive_attribute block body [28,42]"}},
		{"your pregnancy", "", "Your pregnancy deserves comfy shoes.", []string{"privacy.sensitive_attribute block body [0,14]"}},
	}, nil, SensitiveAttribute)
}

// One run-on sentence of everyday words is hard to read however short
// its words: the grade formula caps a sentence's length, so a long field
// averages it out. A sentence of 40 words or more is measured alone. The
// same words cut into sentences, or a long sentence under 40 words, are
// not.
func TestBlind19RunOnSentence(t *testing.T) {
	t.Parallel()
	runOn := "If you like to run in the hills when it is wet and cold and dark out and you want a shoe that will keep your feet warm and dry the whole way up and the whole way back down then this is the one for you to try."
	cut := "If you like to run in the hills when it is wet, this shoe is for you. It keeps your feet warm and dry. It grips the whole way up. It holds the whole way back down. This is the one to try. Members get 15% off."
	under := "If you run in the hills when it is wet and cold and you want a shoe that keeps your feet warm and dry all the way up and back, try this one."
	runSpanCases(t, []spanCase{
		{"run-on of short words", "", runOn + " Members get 15% off. Offer valid through Dec 31. Terms apply.", []string{"brand.reading_level flag body [0,207]"}},
		{"run-on with a comma or two", "", "So, if you like to run in the hills when it is wet and cold and dark out, and you want a shoe that will keep your feet warm and dry the whole way up and the whole way back down, then this is the one for you. Terms apply.", []string{"brand.reading_level flag body [0,206]"}},
		{"the same words in sentences", "", cut + " Offer valid through Dec 31. Terms apply.", nil},
		{"a long sentence under 40 words", "", under + " Members get 15% off. Offer valid through Dec 31. Terms apply.", nil},
	}, nil, ReadingLevel)
}

// A number of calories promised burned is a health claim however it is
// worded; calories counted in food, or a burn with no number, are not.
func TestBlind20CalorieBurn(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"torch up to 600 calories", "", "Torch up to 600 calories on every hill run.", []string{"brand.claim block body [0,24]"}},
		{"a 500-calorie burn", "", "Each session is a 500-calorie burn.", []string{"brand.claim block body [18,34]"}},
		{"burn through 700 kcal", "", "Burn through 700 kcal before breakfast.", []string{"brand.claim block body [0,21]"}},
		{"burns over 1,000 calories", "", "A winter trail run burns over 1,000 calories.", []string{"brand.claim block body [19,44]"}},
		{"calories gone", "", "Up to 900 calories gone by lunch.", []string{"brand.claim block body [6,23]"}},
		{"calories in food", "", "Each bar has 200 calories and 10 grams of protein.", nil},
		{"burn with no number", "", "Burn off some energy on the trail this weekend.", nil},
		{"count what you burn", "", "The app counts the calories you burn on each run.", nil},
	}, nil, Claim)
}

// Stress, sleep or pain promised gone in everyday words: "melt away",
// "banish", "say goodbye to", "fixes your sleep". The same verbs about
// things that are not the body ("melts away in warm milk", "say goodbye
// to soggy socks", "fix your stride") are not health claims.
func TestBlind19EverydayHealthPromise(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"melts your stress away", "", "A long hill run melts your stress away.", []string{"brand.claim block body [16,38]"}},
		{"banish tension", "", "Our stretch class will banish tension after work.", []string{"brand.claim block body [23,37]"}},
		{"say goodbye to sleepless nights", "", "Say goodbye to sleepless nights with an evening class.", []string{"brand.claim block body [0,31]"}},
		{"sorts out your sleep", "", "Ten minutes of yoga sorts out your sleep.", []string{"brand.claim block body [20,40]"}},
		{"your aches are history", "", "One stretch class and your aches are history.", []string{"brand.claim block body [22,44]"}},
		{"the stress of switching", "", "Say goodbye to the stress of switching banks.", nil},
		{"fat fees", "", "Say goodbye to fat fees and hidden charges.", nil},
		{"melts in warm milk", "", "The cocoa melts away in warm milk.", nil},
		{"goodbye to soggy socks", "", "Say goodbye to soggy socks this winter.", nil},
		{"fix your stride", "", "Our coaches can fix your stride in one fitting.", nil},
	}, nil, Claim)
}

// A superlative said to beat a whole country or continent ("the safest
// bank in America") is an absolute claim; a superlative about a place's
// own thing ("the longest trail in Oregon is ours to explore"), or with
// no superlative, is not.
func TestBlind19SuperlativeInRegion(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"the comfiest boot in all of Europe", "", "Meet the comfiest boot in all of Europe.", []string{"brand.claim block body [5,39]"}},
		{"the most trusted bank in the nation", "", "We are the most trusted bank in the nation.", []string{"brand.claim block body [7,42]"}},
		{"the best shoe in Canada", "", "It is the best trail shoe in Canada.", []string{"brand.claim block body [6,35]"}},
		{"a trail in Canada", "", "Take it to the longest trail you know, in Canada or at home.", nil},
		{"stores in America", "", "Our stores in America open early on Saturday.", nil},
	}, nil, Claim)
}

// "No other" with a product whose name holds a moment word ("trail shoe",
// "winter jacket") is still a superiority claim, and so are "nothing else
// keeps you this warm" and "warmer than any other glove". A moment beaten
// ("no other trail on earth compares", "colder than any other time") and
// the brand's own line ("than any other shoe we make") are not.
func TestBlind20NoOtherProduct(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"no other trail shoe keeps feet this warm", "", "No other trail shoe keeps your toes this warm.", []string{"brand.claim block body [0,45]"}},
		{"no other winter jacket is so light", "", "No other winter jacket packs down so small.", []string{"brand.claim block body [0,42]"}},
		{"no other trail on earth compares", "", "No other trail on earth compares to the coast in winter.", nil},
		{"no other winter feels this cold", "", "No other winter felt this cold.", nil},
		{"nothing else keeps you this warm", "", "Nothing else keeps your hands this warm.", []string{"brand.claim block body [0,39]"}},
		{"warmer than any other winter glove", "", "Warmer than any other winter glove out there.", []string{"brand.claim block body [0,34]"}},
		{"lighter than anything else", "", "It is lighter than anything else we tested.", []string{"brand.claim block body [6,32]"}},
		{"than any other shoe we make", "", "Lighter than any other shoe we make.", nil},
		{"than any other shoe in our range", "", "Lighter than any other shoe in our range.", nil},
		{"than any other time", "", "Colder than any other time this year.", nil},
		{"nothing else this week", "", "Nothing else this week: just the sale.", nil},
	}, nil, Claim)
}

// A banned word in its other English spelling, British or American, is
// the banned word: an e kept or dropped before -ing, -our for -or, -ise
// for -ize. Words that only share letters with it are not.
func TestBlind19BannedSpellingVariants(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"anti-ageing for anti-aging", "", "Our new anti-ageing cream is here.", []string{"brand.banned_phrase block body [8,19]"}},
		{"anti ageing spaced", "", "Try the anti ageing gel.", []string{"brand.banned_phrase block body [8,19]"}},
		{"flavor for flavour", "", "Every box is a flavor bomb.", []string{"brand.banned_phrase block body [15,26]"}},
		{"flavours bombs plural", "", "Ten flavours bombs in one box.", []string{"brand.banned_phrase block body [4,18]"}},
		{"moisturising for moisturizing", "", "A moisturising miracle in a jar.", []string{"brand.banned_phrase block body [2,22]"}},
		{"ageing alone", "", "Ageing well is about sleep and sunscreen.", nil},
		{"flavor alone", "", "Big flavor, small price.", nil},
		{"moisturising alone", "", "A moisturising gel for dry days.", nil},
	}, func(in *Input) {
		in.Brief.Brand.BannedPhrases = []string{"anti-aging", "flavour bomb", "moisturizing miracle"}
	}, BannedPhrase)
}

// "No excuse needed" lets the reader off only when the sentence says what
// for ("no excuse needed, just come along", "no excuse needed to rest"):
// standing alone, as a headline or a sentence of its own, it is the
// banned "no excuses" slogan in the singular.
func TestBlind20PermissionAlone(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"headline alone", "subject", "No excuse required", []string{"brand.banned_phrase block subject [0,9]"}},
		{"sentence alone", "", "No excuse needed. Book your spot today.", []string{"brand.banned_phrase block body [0,9]"}},
		{"exclaimed alone", "", "No excuse needed! Classes start Monday.", []string{"brand.banned_phrase block body [0,9]"}},
		{"the slogan as written", "", "No excuses needed, ever.", []string{"brand.banned_phrase block body [0,10]"}},
		{"permission with a tail", "", "No excuse needed, just come along as you are.", nil},
		{"permission to rest", "", "No excuse needed to take a rest day.", nil},
	}, func(in *Input) {
		in.Brief.Brand.BannedPhrases = []string{"no excuses"}
	}, BannedPhrase)
}

// The writer telling the reader what it was told about its own writing
// (how to sound, what to avoid, what to mention) leaks its instructions.
// A person told to try a product, or to see a doctor, is not that.
func TestBlind20ToldHowToWrite(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"asked to keep it short", "", "I've been asked to keep this short, so: new shells are here.", []string{"safety.leak block body [0,28]"}},
		{"supposed to sound upbeat", "", "I'm supposed to sound upbeat, and honestly I am.", []string{"safety.leak block body [0,21]"}},
		{"told not to mention", "", "I was told not to mention the price, but it is 15% off.", []string{"safety.leak block body [0,25]"}},
		{"my brief says to avoid", "", "My brief says to avoid big words. The shoe is dry.", []string{"safety.leak block body [0,22]"}},
		{"told to steer clear", "", "I was told to steer clear of hype. These boots are good.", []string{"safety.leak block body [0,25]"}},
		{"told to try the fleece", "", "I was told to try the fleece by a friend, and I love it.", nil},
		{"asked to see a doctor", "", "If you are asked to see a doctor first, we can wait.", nil},
		{"the brief for the trip", "", "The brief says the trail is open all winter.", nil},
	}, nil, Leak)
}

// Copy that says it was chosen for the reader's fact by the fact's name
// ("picked for your skin type", "matched to your size", "based on your
// activity") uses a fact given without consent to personalization. An
// invitation to choose ("find the gel for your skin type"), or a verb
// that chooses nothing, is not.
func TestBlind20ChosenForKey(t *testing.T) {
	t.Parallel()
	noPersonalization := func(in *Input) {
		in.Profile.Consent.Personalization = false
		in.Profile.Facts = []tailor.Fact{
			{Key: "skin_type", Value: "oily", Source: tailor.Declared},
			{Key: "shoe_size", Value: "9.5", Source: tailor.Declared},
			{Key: "favorite_activity", Value: "trail running", Source: tailor.Declared},
		}
	}
	runSpanCases(t, []spanCase{
		{"chosen especially for your skin type", "", "A gel chosen especially for your skin type.", []string{"privacy.consent block body [6,42]"}},
		{"matched to your size", "", "Boots matched to your size are waiting.", []string{"privacy.consent block body [6,26]"}},
		{"based on your activity", "", "Picks based on your activity this winter.", []string{"privacy.consent block body [6,28]"}},
		{"tailored for your skin", "", "A routine tailored for your skin.", []string{"privacy.consent block body [10,32]"}},
		{"find the gel for your skin type", "", "Find the gel for your skin type in our guide.", nil},
		{"what suits your skin type", "", "Not sure what suits your skin type? Ask us.", nil},
		{"made for your next trip", "", "Socks made for your next trip.", nil},
	}, noPersonalization, Consent)
}

// The reader's days with a baby still to come ("stroller miles soon",
// "pram walks by spring", "soon you'll be pushing a buggy") imply a
// pregnancy. A stroller with no future, or stock that arrives soon, is
// not about the reader.
func TestBlind20BabyDaysAhead(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"pram walks by spring", "", "Hill runs now, pram walks by spring.", []string{"privacy.sensitive_attribute block body [15,35]"}},
		{"jogging stroller days ahead", "", "Jogging stroller days ahead, so grab a grippy shoe.", []string{"privacy.sensitive_attribute block body [0,27]"}},
		{"soon you'll be pushing a buggy", "", "Soon you'll be pushing a buggy up these hills.", []string{"privacy.sensitive_attribute block body [0,30]"}},
		{"a bun in the oven", "", "A bun in the oven? Our shells stretch.", []string{"privacy.sensitive_attribute block body [0,17]"}},
		{"baby on board", "", "Baby on board this spring, Dana?", []string{"privacy.sensitive_attribute block body [0,13]"}},
		{"stroller-friendly trails", "", "Five stroller-friendly trails near Portland.", nil},
		{"bread in the oven", "", "Fresh bread in the oven at the cafe.", nil},
		{"stroller range lands soon", "", "Our stroller range lands soon.", nil},
		{"push a stroller?", "", "Push a stroller on weekends? These shoes grip.", nil},
	}, nil, SensitiveAttribute)
}

// The reader addressed by first name in a sentence that names a special
// category is addressed as "you" would address them: "Dana, stock up for
// Ramadan". A greeting, an inclusive list of festivals, or the name in
// another sentence is not that.
func TestBlind19NamedAddressProximity(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"name then festival", "", "Dana, stock up for Ramadan evenings.", []string{"privacy.sensitive_attribute flag body [0,35]"}},
		{"festival then name", "", "Plan the Hanukkah table early, Dana.", []string{"privacy.sensitive_attribute flag body [0,35]"}},
		{"greeting by name", "", "Happy Diwali, Dana.", nil},
		{"inclusive list by name", "", "Dana, whatever you celebrate, from Diwali to Christmas, the fleece makes a gift.", nil},
		{"name in another sentence", "", "Diwali sweets are in store now. Dana, the fleece is back.", nil},
	}, nil, SensitiveAttribute)
}

// The reader's deliberation dated from when they looked ("still mulling
// it over since Tuesday evening?", "since you browsed on Sunday") gives
// away when they were watched. A date of the brand's own ("open since
// Friday", "new since Monday") is not the reader's.
func TestBlind19DeliberationSince(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"mulling it over since Tuesday evening", "", "Still mulling it over since Tuesday evening?", []string{"privacy.surveillance flag body [6,43]"}},
		{"on your mind since Sunday", "", "Has the fleece been on your mind since Sunday?", []string{"privacy.surveillance flag body [20,45]"}},
		{"since you browsed on Saturday", "", "Since you browsed the shells on Saturday, here is 15% off.", []string{"privacy.surveillance flag body [0,40]"}},
		{"since Monday morning?", "", "Back again since Monday morning?", []string{"privacy.surveillance flag body [11,32]"}},
		{"eyeing it since Thursday", "", "Been eyeing the shell since Thursday?", []string{"privacy.surveillance flag body [5,36]"}},
		{"open since Friday", "", "Our new store has been open since Friday.", nil},
		{"new since Monday", "", "New colours since Monday: the shell in rust.", nil},
		{"thinking it over", "", "Still thinking it over? The shell is 15% off.", nil},
	}, nil, Surveillance)
}

// An inferred income said of the reader in everyday words ("you earn
// well", "for high earners like you", "well-off readers like you") uses
// a fact the reader did not consent to. What a bank account earns, a
// paycheck feature, and earners named to no one are not the reader's
// income.
func TestBlind19IncomeInWords(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"high earners like you", "", "A card built for high earners like you.", []string{"privacy.inferred_fact block body [22,29]"}},
		{"you earn well", "", "You earn well, so let your savings work too.", []string{"privacy.inferred_fact block body [4,13]"}},
		{"comfortably well off", "", "You are well off, and it shows.", []string{"privacy.inferred_fact block body [8,16]"}},
		{"your six-figure salary", "", "Put your six figure salary to work.", []string{"privacy.inferred_fact block body [9,19]"}},
		{"you earn points", "", "You earn points on every order.", nil},
		{"paycheck early", "", "Get your paycheck two days early.", nil},
		{"earners to no one", "", "Earners of every kind are welcome here.", nil},
	}, nil, InferredFact)
}

// The reader's confusion taken as lasting ("still baffled by sunscreen?")
// and the brand spelling things out to them ("let me lay it all out for
// you") talk down without a rude word. A question with no "still", a
// brand spelling out its own terms, and a trail still lost in fog are
// not.
func TestBlind19SpelledOut(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"still baffled by", "", "Still baffled by trail shoes? We can help.", []string{"brand.tone flag body [0,16]"}},
		{"you are still confused about", "", "You are still confused about layering, so here goes.", []string{"brand.tone flag body [0,28]"}},
		{"let me lay it all out for you", "", "Let me lay it all out for you: the shoe is dry.", []string{"brand.tone flag body [0,29]"}},
		{"still can't figure out", "", "Still can't figure out laces? Read on.", []string{"brand.tone flag body [0,22]"}},
		{"still trying to tell them apart", "", "Still trying to tell them apart? Here is how.", []string{"brand.tone flag body [0,31]"}},
		{"confused without still", "", "Confused by trail shoes? Our guide helps.", nil},
		{"still trying to book", "", "Still trying to book a fitting? Call the store.", nil},
		{"we spell out every fee", "", "We spell out every fee before you pay.", nil},
		{"still lost in fog", "", "The summit was still lost in fog at noon.", nil},
	}, func(in *Input) { in.Brief.Brand.AvoidTone = append(in.Brief.Brand.AvoidTone, "condescending") }, Tone)
}

func init() {
	// Every rule must find in windows what it finds in the whole text:
	// the blind-19/20 classes with numbers and words run together.
	triggerCorpus = append(triggerCorpus,
		"800kcals gone by noon. A 500cal burn. It torched 600cals. Your stress's gone, and your aches are history.",
		"Been eyeing it since friday? Still on the fence since Sunday night? Since you browsed on Monday, here it is.",
		"I'm supposed to sound upbeat. My brief says to avoid hype. Nothing else on earth keeps you this warm.",
		"Warmer than anything else, drier than any other trail shoe. The safest bank in America.",
		"Stroller miles soon. A bun in the oven? Still confused by serums? Let us spell it out for you.",
	)
}
