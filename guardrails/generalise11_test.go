package guardrails

import (
	"testing"

	tailor "github.com/tailorhq/tailor"
)

// Cases for the fixes and rule classes added after blind holdout 10's first
// run, with sentences written for this test, not copied from any eval set.
// The false alarms come first: each fix tells the safe reading apart, and
// the unsafe reading next to it must still be caught.

// A health term that names a cause or an event ("the cancer-research 10K",
// "an autism charity") is a topic, even in a sentence to the reader; the
// condition as the reader's ("your cancer journey") is not.
func TestBlind11HealthTermAsCause(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"see you at the research run", "", "See you at the cancer-research 10K on Sunday.", nil},
		{"you can cheer a charity walk", "", "You can cheer our crew at the diabetes awareness walk.", nil},
		{"your order helps a charity", "", "Your order helps an autism charity this month.", nil},
		{"join you at the fundraiser", "", "We'd love to run with you at the arthritis fundraiser.", nil},
		{"your cancer journey", "", "Wherever you are in your cancer journey, we're here.", []string{"privacy.sensitive_attribute block body [20,31]"}},
		{"your condition beside a walk", "", "Your diabetes shouldn't stop you joining the walk.", []string{"privacy.sensitive_attribute block body [0,13]"}},
		{"a month is no cause", "", "You beat cancer last month, and we're cheering.", []string{"privacy.sensitive_attribute flag body [0,46]"}},
		{"you and cancer, no cause", "", "After cancer, you deserve a gentle trail.", []string{"privacy.sensitive_attribute flag body [0,40]"}},
	}, nil, SensitiveAttribute)
}

// "As <group>" said of someone else in the sentence is their story, not
// the reader's status; said of the reader it still is.
func TestBlind11StatusOfSomeoneElse(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"growers who came as refugees", "", "Meet the growers who came here as refugees and now farm our apples.", nil},
		{"our founder as an immigrant", "", "Our founder arrived as an immigrant with one pair of boots.", nil},
		{"they started as veterans", "", "They walked the trail as veterans of three wars.", nil},
		{"we as fellow", "", "As fellow runners, we test every shoe ourselves.", nil},
		{"as a refugee, you", "", "As a refugee, you know how far a warm coat goes.", []string{"privacy.sensitive_attribute block body [0,12]"}},
		{"you came as a refugee", "", "You came here as a refugee, so this one is for you.", []string{"privacy.sensitive_attribute block body [14,26]"}},
		{"name, as an immigrant", "", "Dana, as an immigrant you will love our story.", []string{"privacy.sensitive_attribute block body [6,21]"}},
		{"fellow is always the reader", "", "Our team, as fellow Muslims, wishes you Eid Mubarak.", []string{"privacy.sensitive_attribute block body [10,27]"}},
	}, nil, SensitiveAttribute)
}

// "Guilty pleasure" is a treat; guilt pressed on the reader is still guilt.
func TestBlind11GuiltyPleasure(t *testing.T) {
	t.Parallel()
	guilt := func(in *Input) { in.Brief.Brand.AvoidTone = []string{"guilt-tripping"} }
	runSpanCases(t, []spanCase{
		{"the team's guilty pleasure", "", "Our staff's favourite guilty pleasure is back: apple crumble.", nil},
		{"your guilty pleasure", "", "Hot chocolate after a cold run: your new guilty pleasure.", nil},
		{"a guilty secret", "", "Our guilty secret? Trail mix with extra chocolate.", nil},
		{"feeling guilty about skipping", "", "Feeling guilty about skipping your runs this week?", []string{"brand.tone flag body [8,14]"}},
		{"you should feel guilty", "", "You should feel guilty for leaving these in the cart.", []string{"brand.tone flag body [16,22]"}},
		{"guilty, with a question", "", "Still guilty over last winter's missed miles?", []string{"brand.tone flag body [6,12]"}},
	}, guilt, Tone)
}

// A pledge to someone else "for every order" gives the reader nothing, so
// it drops no minimum; an offer on every order still does.
func TestBlind11PledgeForEveryOrder(t *testing.T) {
	t.Parallel()
	minimum := func(in *Input) { in.Brief.Campaign.Offer = "Free shipping on orders over $40 through Dec 31" }
	runSpanCases(t, []spanCase{
		{"a kit to a charity", "", "For every order this spring, we give a kit to a cancer care charity.", nil},
		{"a tree planted", "", "For every order you place, we plant a tree.", nil},
		{"meals to a food bank", "", "We donate two meals to the food bank for every order in December.", nil},
		{"free shipping on every order", "", "Free shipping on every order this winter.", []string{"brand.offer block body [14,28]"}},
		{"a pledge and a perk", "", "For every order, we donate to charity and you get free shipping.", []string{"brand.offer block body [0,15]"}},
		{"ten dollars off every order", "", "Take $10 off every order this month.", []string{"brand.offer block body [5,8]"}},
	}, minimum, Offer)
}

// The brand noticing a habit, the hour as "up late again", a place passed
// on a routine, and a device's location as the source: surveillance
// without a count or a clock time.
func TestBlind11SurveillanceByImplication(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"we noticed you keep checking", "", "We noticed you keep checking the class schedule.", []string{"privacy.surveillance flag body [0,28]"}},
		{"looks like you've been browsing", "", "Looks like you've been browsing our rain shells.", []string{"privacy.surveillance flag body [0,31]"}},
		{"you keep coming back to our", "", "You keep coming back to our winter boots.", []string{"privacy.surveillance flag body [0,27]"}},
		{"coming back after midnight", "", "You keep coming back to the schedule long after midnight.", []string{"privacy.surveillance flag body [0,56]"}},
		{"up late again", "", "Up late again, Dana?", []string{"privacy.surveillance flag body [0,13]"}},
		{"another late night of scrolling", "", "Another late night of scrolling? Treat yourself.", []string{"privacy.surveillance flag body [0,31]"}},
		{"walk past our branch most mornings", "", "You walk past our branch most mornings, so drop in.", []string{"privacy.surveillance flag body [0,38]"}},
		{"every day you pass our store", "", "Every day, you pass our Pearl Street store on the bus.", []string{"privacy.surveillance flag body [0,42]"}},
		{"the phone's location", "", "Your phone's location shows you near our shop.", []string{"privacy.surveillance block body [0,21]"}},
		{"location data says", "", "Location data says you hike on weekends.", []string{"privacy.surveillance block body [0,18]"}},
		{"keep checking back", "", "Keep checking back for new colours.", nil},
		{"you keep going", "", "You keep going; these keep you dry.", nil},
		{"you keep coming back to the trail", "", "You keep coming back to the trail, and so do we.", nil},
		{"stay up late", "", "Stay up late with our new headlamp.", nil},
		{"up late?", "", "Up late? Our night-run lights have you covered.", nil},
		{"next time you walk past", "", "Next time you walk past our branch, say hi.", nil},
		{"if you pass our store daily", "", "If you pass our store daily, pop in for a coffee.", nil},
		{"turn on location settings", "", "Turn on your phone's location settings to find a branch.", nil},
		{"we noticed the weather", "", "We noticed the trails are icy this week.", nil},
	}, nil, Surveillance)
}

// Buy-one-get-one in words the brief never gave.
func TestBlind11SecondItemFree(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"your second one is on us", "", "Buy the Pegasus and your second one is on us.", []string{"brand.offer block body [20,44]"}},
		{"the second pair is free", "", "Grab a pair, and the second pair is free.", []string{"brand.offer block body [17,40]"}},
		{"get another half price", "", "Get another jacket half price this week.", []string{"brand.offer block body [0,29]"}},
		{"every other pair on the house", "", "Every other pair is on the house in December.", []string{"brand.offer block body [0,32]"}},
		{"your second box arrives", "", "Your second box arrives on Tuesday.", nil},
		{"the next class is free to book", "", "Your next class is free to book in the app.", nil},
		{"every other item is free of plastic", "", "Every other item is free of plastic packaging.", nil},
		{"a second pair of socks", "", "Get a second pair of socks for wet days.", nil},
	}, nil, Offer)
}

// A comparison nobody can win, with the brand's own product after "than";
// "the last X you'll ever need".
func TestBlind11NothingBetterThanOurs(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"nothing grips better than the product", "", "Nothing on any trail grips better than the Pegasus Trail 5 GTX.", []string{"brand.claim block body [0,42]"}},
		{"no jacket keeps you warmer than ours", "", "No jacket keeps you warmer than ours.", []string{"brand.claim block body [0,36]"}},
		{"no other shoe is lighter than this", "", "No other shoe is lighter than this one.", []string{"brand.claim block body [0,34]"}},
		{"the last shoe you'll need", "", "The last trail shoe you'll ever need.", []string{"brand.claim block body [0,36]"}},
		{"nothing feels better than a drink", "", "Nothing feels better than a hot drink after a run.", nil},
		{"nothing is better than sunday", "", "Nothing is better than Sunday mornings on the ridge.", nil},
		{"no one runs faster than you think", "", "No one gets faster than the runner who rests.", nil},
		{"the last gift you'll need to buy", "", "The last gift you'll need to buy this year.", nil},
	}, nil, Claim)
}

// An e-mail address spelled out to get past a pattern.
func TestBlind11SpelledEmail(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"dot and at", "", "We saved your spot under dana dot r at example dot com.", []string{"privacy.pii_echo block body [25,54]"}},
		{"brackets", "", "Your login is dana.r [at] example [dot] com.", []string{"privacy.pii_echo block body [14,43]"}},
		{"at with the dots kept", "", "Confirmation sent to dana.r at example.com today.", []string{"privacy.pii_echo block body [21,42]"}},
		{"the address as written", "", "Write to dana.r@example.com any time.", []string{"privacy.pii_echo block body [9,27]"}},
		{"a name and a site", "", "Dana, see example.com for more.", nil},
		{"someone else's address", "", "Questions? Write to help at example dot com.", nil},
	}, nil, PIIEcho)
}

// A declared activity by its own gear or place, without personalization
// consent: "chalk" for bouldering. Everyday words stay clean.
func TestBlind11ActivityWithoutConsent(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"trade chalk for mud", "", "Trade chalk for mud this winter.", []string{"privacy.consent block body [6,11]"}},
		{"from the crag", "", "From the crag to the trail, one pair does it.", []string{"privacy.consent block body [9,13]"}},
		{"a boulder problem", "", "Swap the boulder problem for a trail loop.", []string{"privacy.consent block body [9,16]"}},
		{"icy climbs", "", "The sole holds on icy climbs.", nil},
		{"runners", "", "Gifts for the runners on your list.", nil},
		{"returns", "", "Free returns within 30 days.", nil},
	}, boulderingWithoutConsent, Consent)
	runSpanCases(t, []spanCase{
		{"with consent", "", "Trade chalk for mud this winter.", nil},
	}, withBouldering, Consent)
}

// withBouldering gives the reader a declared bouldering interest.
func withBouldering(in *Input) {
	in.Profile.Facts = append(in.Profile.Facts, tailor.Fact{Key: "favorite_sport", Value: "bouldering", Source: tailor.Declared})
}

// boulderingWithoutConsent is withBouldering for a reader without
// personalization consent, under a subject that names nothing of theirs.
func boulderingWithoutConsent(in *Input) {
	withBouldering(in)
	in.Profile.Consent.Personalization = false
	in.Fields["subject"] = "New winter layers are here"
}

// A complexion or hair texture that stands for ethnicity, said of the
// reader.
func TestBlind11SkinToneOfTheReader(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"melanin-rich like yours", "", "Made for deeper, melanin-rich skin tones like yours.", []string{"privacy.sensitive_attribute block body [17,51]"}},
		{"your darker skin", "", "A serum for your darker skin tone.", []string{"privacy.sensitive_attribute block body [12,33]"}},
		{"coily hair like yours", "", "Oils for coily hair like yours.", []string{"privacy.sensitive_attribute block body [9,30]"}},
		{"your melanin", "", "Protect your melanin this summer.", []string{"privacy.sensitive_attribute block body [8,20]"}},
		{"shades for every tone", "", "Shades for every skin tone, from fair to deep.", nil},
		{"deeper skin tones, no reader", "", "Tested on deeper skin tones and fair ones alike.", nil},
		{"your skin tone", "", "Find the shade that matches your skin tone.", nil},
		{"your deeper skin layers", "", "Hydration that reaches your deeper skin layers.", nil},
		{"dark hair like yours", "", "A beanie for dark hair like yours.", nil},
		{"dark circles", "", "Cooling gel for your dark circles.", nil},
	}, nil, SensitiveAttribute)
}
