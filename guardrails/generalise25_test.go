package guardrails

import (
	"testing"
)

// Cases for the rule classes added after blind holdouts 24's, 25's and
// 26's first runs, with sentences written for this test, not copied from
// any eval set.

// The reader taken to be doing it wrong, or among those who never learn
// the basics. "The wrong size" names a thing, and "you can't go wrong"
// judges no one.
func TestBlind25DoingItWrong(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"still washing wrong", "", "Still washing your face wrong? Our guide helps.", []string{"brand.tone flag body [0,29]"}},
		{"are you layering incorrectly", "", "Are you still layering your serums incorrectly?", []string{"brand.tone flag body [0,46]"}},
		{"been lacing the wrong way", "", "You've been lacing those boots the wrong way.", []string{"brand.tone flag body [0,44]"}},
		{"never master the fundamentals", "", "Most folks never master the fundamentals of sunscreen.", []string{"brand.tone flag body [0,40]"}},
		{"the wrong size", "", "Still using the wrong size? Our fit guide helps.", nil},
		{"can't go wrong", "", "You can't go wrong with a calm serum.", nil},
		{"feeling something is wrong", "", "Still feeling something is wrong? Talk to us.", nil},
		{"learn the basics", "", "Learn the basics of layering in our short video.", nil},
	}, func(in *Input) { in.Brief.Brand.AvoidTone = []string{"condescending"} }, Tone)
}

// A new-member offer given to the reader who has joined, in any wording
// of the other side: "new or already signed up", "newcomers and
// regulars". Levels of skill, and a sentence without a gain, widen
// nothing.
func TestBlind25OfferToJoinedReader(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"new or already", "", "New or already signed up, your first month is free.", []string{"brand.offer block body [0,24]"}},
		{"newcomers and regulars", "", "Newcomers and regulars alike get the first month free.", []string{"brand.offer block body [0,22]"}},
		{"new or a longtime member", "", "New or a longtime member, the first month is free.", []string{"brand.offer block body [0,24]"}},
		{"no gain", "", "New or already a member, there's a class for every level.", nil},
		{"two sentences", "", "New members get the first month free. Already a member? Book a class.", nil},
		{"beginners", "", "Newcomers and beginners get the first month free.", nil},
	}, func(in *Input) { in.Brief.Campaign.Offer = "First month free for new members" }, Offer)
}

// Popularity said as a market fact: more of some people choose the brand
// than any rival. A time ("than ever"), the brand's own line and a thing
// that is not a product are no market.
func TestBlind25PopularityClaim(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"than any other store", "", "More families shop at Acme than at any other outdoor store in the state.", []string{"brand.claim block body [0,58]"}},
		{"than anyone else", "", "More runners trust us than anyone else.", []string{"brand.claim block body [0,38]"}},
		{"than any other shoe", "", "More hikers pick the Pegasus than any other shoe.", []string{"brand.claim block body [0,48]"}},
		{"than ever", "", "More runners joined us this year than ever before.", nil},
		{"a question", "", "More people asked about sizing than any other question.", nil},
		{"own line", "", "More members chose the Pegasus than any other shoe we make.", nil},
		{"than last winter", "", "More people are hitting the trails than last winter.", nil},
	}, nil, Claim)
}

// Open tracking said as the reader's compulsion to open "these". A
// product they cannot stop opening, and a promise, are not.
func TestBlind25CantStopOpening(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"can't stop opening these", "", "You can't stop opening these, can you?", []string{"privacy.surveillance flag body [0,28]"}},
		{"can't resist our emails", "", "You just can't resist clicking our emails.", []string{"privacy.surveillance flag body [0,41]"}},
		{"keep tapping these", "", "You keep tapping these every morning.", []string{"privacy.surveillance flag body [0,22]"}},
		{"jars", "", "You can't stop opening these jars once you start.", nil},
		{"a promise", "", "Once you try one, you won't stop reading.", nil},
		{"stop these emails", "", "You can stop these emails at any time.", nil},
	}, nil, Surveillance)
}

// Pregnancy's own span of time said as the reader's. The same months as
// an offer's term, or a project's, are not.
func TestBlind25NineMonths(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"coming nine months", "", "Soft layers for the coming nine months and beyond.", []string{"privacy.sensitive_attribute block body [16,49]"}},
		{"through all nine months", "", "Stay comfy through all nine months.", []string{"privacy.sensitive_attribute block body [11,34]"}},
		{"three trimesters", "", "Support for all three trimesters.", []string{"privacy.sensitive_attribute block body [12,32]"}},
		{"an interest term", "", "Enjoy 0% interest for the next nine months and beyond.", nil},
		{"a project", "", "Our trail crew spent nine months building the new loop.", nil},
		{"closures", "", "The next nine months of trail closures are posted online.", nil},
	}, nil, SensitiveAttribute)
}

// Faith listed with the other parts of anyone's life is every reader's.
// Faith alone, or with a festival that names it, is still the reader's.
func TestBlind25FaithAmongLifeDomains(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"faith and family", "", "Plan runs around your faith and family.", nil},
		{"family and your faith", "", "Make room for your family and your faith this winter.", nil},
		{"family, friends and faith", "", "Time for family, friends and your faith.", nil},
		{"with a festival", "", "Celebrate your faith and family this Diwali.", []string{"privacy.sensitive_attribute block body [10,20]"}},
		{"faith alone", "", "Your faith matters to us.", []string{"privacy.sensitive_attribute block body [0,10]"}},
		{"keep your faith", "", "Keep your faith strong this winter.", []string{"privacy.sensitive_attribute block body [5,15]"}},
	}, nil, SensitiveAttribute)
}

// A condition in advice to see someone qualified speaks to any reader.
// Without the advice, the condition picks the reader out.
func TestBlind25ConditionalAdvice(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"ask your doctor", "", "If you are pregnant or nursing, ask your doctor before using any new balm.", nil},
		{"check with your midwife", "", "If you're pregnant, check with your midwife before starting a new class.", nil},
		{"talk to a pharmacist", "", "If you have asthma, talk to a pharmacist before you try it.", nil},
		{"no advice", "", "If you're pregnant, our prenatal class is for you.", []string{"privacy.sensitive_attribute block body [3,18]"}},
		{"not a condition", "", "You are pregnant, so ask your doctor about our balm.", []string{"privacy.sensitive_attribute block body [0,16]"}},
		{"whether, no advice", "", "Whether you are diabetic, our socks keep feet dry.", []string{"privacy.sensitive_attribute block body [8,24]"}},
	}, nil, SensitiveAttribute)
}

// The reader's income said as what they can afford. A price they can
// afford is the price's.
func TestBlind25CanAfford(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"go on", "", "Go on, you can afford it.", []string{"privacy.inferred_fact block body [7,24]"}},
		{"easily afford to splurge", "", "Spoil yourself; you can easily afford to splurge.", []string{"privacy.inferred_fact block body [16,48]"}},
		{"money no object", "", "For you, money is no object.", []string{"privacy.inferred_fact block body [0,27]"}},
		{"a shoe you can afford", "", "A trail shoe you can afford.", nil},
		{"at 15% off", "", "At 15% off, you can afford it.", nil},
		{"now you can", "", "Now you can afford the best.", nil},
	}, nil, InferredFact)
}

// A surname the profile holds only inside the e-mail address, used as a
// name. The same word elsewhere, and the first name, are not.
func TestBlind25SurnameFromEmail(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"after a title", "", "A warm welcome, Mr. Reyes.", []string{"privacy.pii_echo block body [20,25]"}},
		{"family", "", "Gear for the whole Reyes family.", []string{"privacy.pii_echo block body [19,24]"}},
		{"after the first name", "", "Dana Reyes, your boots are ready.", []string{"privacy.pii_echo block body [5,10]"}},
		{"greeting", "", "Hi Reyes, the boots are back.", []string{"privacy.pii_echo block body [3,8]"}},
		{"a place", "", "Ride the Reyes Creek trail this weekend.", nil},
		{"first name", "", "Dear Dana, the boots are back.", nil},
		{"lower case", "", "the reyes family recipe is online.", nil},
	}, func(in *Input) {
		for i, f := range in.Profile.Facts {
			if f.Key == "email" {
				in.Profile.Facts[i].Value = "dana.reyes@example.com"
			}
		}
	}, PIIEcho)
}
