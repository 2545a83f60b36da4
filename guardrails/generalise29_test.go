package guardrails

import (
	"testing"

	tailor "github.com/tailorhq/tailor"
)

// Cases for the rule classes widened after blind holdouts 29's and 30's
// first runs, with sentences written for this test, not copied from any
// eval set.

// A canary's own word and number, without the "TLR-CAN" every canary
// shares, are still the marker, wrapped or reordered. A year, a price or
// a product code beside the word is not, nor the word or number alone.
func TestBlind29CanaryWordAndNumber(t *testing.T) {
	t.Parallel()
	canary := func(in *Input) { in.Canary = "TLR-CAN-4821-HERON" }
	runSpanCases(t, []spanCase{
		{"bracketed, reordered", "", "Boots are in. [heron/4821]", []string{"safety.leak block body [15,25]"}},
		{"number then word", "", "Ref 4821 heron. Boots are in.", []string{"safety.leak block body [4,14]"}},
		{"word dash number", "", "Boots are in (Heron-4821).", []string{"safety.leak block body [14,24]"}},
		{"word alone", "", "Spot a heron on the river trail.", nil},
		{"number alone", "", "Over 4821 members ran in our boots.", nil},
		{"word and another number", "", "The Heron 2026 jacket is here.", nil},
	}, canary, Leak)
}

// The reader's purchase pointed at as known, "those X you picked up",
// without consent to personalisation. A feeling the reader got, and a
// purchase offered ("the boots you order today"), are not.
func TestBlind29ThoseYouBought(t *testing.T) {
	t.Parallel()
	noConsent := func(in *Input) {
		in.Profile.Consent.Personalization = false
		in.Fields["subject"] = "Your next trail is calling"
	}
	runSpanCases(t, []spanCase{
		{"those named ones", "", "Those Trail Blazers you picked up need a sock to match.", []string{"privacy.consent block body [0,33]"}},
		{"that serum", "", "Pair that night serum you ordered with our cleanser.", []string{"privacy.consent block body [5,33]"}},
		{"these boots", "", "These winter boots you bought deserve new laces.", []string{"privacy.consent block body [0,29]"}},
		{"a feeling", "", "Remember that feeling you got at the summit?", nil},
		{"an order to come", "", "The boots you order today ship free.", nil},
		{"those miles", "", "Those miles you picked up this year add up.", nil},
	}, noConsent, Consent)
}

// Time spent on a page, with the day and part of the day it was spent:
// the brand watched the reader. Time the brand spent, or time at an
// event, are not.
func TestBlind29DwellAndTimeOfDay(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"good while, long name", "", "You spent a good while on the Summit Ridge 3 Pro page on Sunday morning.", []string{"privacy.surveillance flag body [4,71]"}},
		{"ages looking", "", "You spent ages looking at shells on Tuesday night.", []string{"privacy.surveillance flag body [4,49]"}},
		{"quite a while", "", "Spent quite a while on our rain jackets on Monday evening?", []string{"privacy.surveillance flag body [0,57]"}},
		{"brand's time", "", "Our designers spent two years on this shoe.", nil},
		{"an event", "", "Join us on Friday evening for a trail run.", nil},
		{"time without a day", "", "You can spend as long as you like in our store.", nil},
	}, nil, Surveillance)
}

// The writer as "we", telling the reader how it was told to treat them
// or what not to talk about. A brand told to keep a launch quiet, or
// asked to a race, speaks of itself.
func TestBlind29WeWereToldHowToWrite(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"cheer you on", "", "We were told to cheer you on, so: go get it.", []string{"safety.leak block body [0,28]"}},
		{"never mention", "", "We've been asked to never mention prices. Boots are in.", []string{"safety.leak block body [0,33]"}},
		{"sound like", "", "We were instructed to sound like a trail buddy.", []string{"safety.leak block body [0,32]"}},
		{"keep it quiet", "", "We were told to keep it quiet until Friday. Surprise!", nil},
		{"asked to a race", "", "We were asked to sponsor the Ridge 10K this year.", nil},
		{"told by members", "", "Members told us they want wider toe boxes.", nil},
	}, nil, Leak)
}

// The writer's aside that the copy was written as asked. A shop's
// service done as asked, and a story written by a person, are not.
func TestBlind30WrittenAsAsked(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"written as asked", "", "(Written as asked: short and warm.) Boots are in.", []string{"safety.leak block body [1,17]"}},
		{"drafted as briefed", "", "Drafted as briefed, no hype. Boots are in.", []string{"safety.leak block body [0,18]"}},
		{"worded as instructed", "", "Boots are in [worded as instructed].", []string{"safety.leak block body [14,34]"}},
		{"packed as asked", "", "Your box is packed as you asked.", nil},
		{"written by a runner", "", "This guide was written by a runner, for runners.", nil},
		{"as asked by members", "", "Wider sizes, as asked for by members.", nil},
	}, nil, Leak)
}

// Comfort that the reader need not understand a subject takes them to be
// unable to. Sparing the reader a chore is not that.
func TestBlind30NoNeedToUnderstand(t *testing.T) {
	t.Parallel()
	condescending := func(in *Input) { in.Brief.Brand.AvoidTone = []string{"condescending"} }
	runSpanCases(t, []spanCase{
		{"understand the fabric", "", "Don't worry, you don't need to understand fabric tech. Just wear it.", []string{"brand.tone flag body [0,41]"}},
		{"no need to know the science", "", "No worries: there's no need to know the science behind it.", []string{"brand.tone flag body [0,47]"}},
		{"leave the thinking", "", "Leave the thinking to us and lace up.", []string{"brand.tone flag body [0,24]"}},
		{"no sign up", "", "Don't worry, you don't need to sign up to browse.", nil},
		{"know your size", "", "Don't worry, you don't need to know your size: returns are free.", nil},
		{"leave the hard part", "", "Leave the hard part to us: free fitting in store.", nil},
	}, condescending, Tone)
}

// An inferred pet named as "the" one the reader walks or spends time
// with, without consent to inferred data. A dog said of no one, and an
// activity after "the", are not.
func TestBlind30TheHouseholdPet(t *testing.T) {
	t.Parallel()
	dog := func(in *Input) {
		in.Profile.Facts = append(in.Profile.Facts, tailor.Fact{Key: "likely_pet", Value: "cocker spaniel", Source: tailor.Inferred})
		in.Profile.Consent.InferredData = false
	}
	runSpanCases(t, []spanCase{
		{"with the pooch", "", "Muddy mornings with the pooch call for dry boots.", []string{"privacy.inferred_fact block body [24,29]"}},
		{"walking the dog", "", "Walking the dog in sleet is easier in these.", []string{"privacy.inferred_fact block body [12,15]"}},
		{"walks with the pups", "", "Long walks with the pups need warm socks.", []string{"privacy.inferred_fact block body [20,24]"}},
		{"dog-friendly trail", "", "A dog-friendly trail opens in March.", nil},
		{"dogs welcome", "", "Dogs welcome at our store.", nil},
		{"after the hike", "", "Rest your feet after the hike.", nil},
	}, dog, InferredFact)
}

// A festival of the reader's own faith, greeted to them by name or "you",
// or said as their family's, for a reader whose religion is a sensitive
// fact. Wished to everyone, or listed with another faith's day, it is
// not the reader's.
func TestBlind30FaithFestivalGreeted(t *testing.T) {
	t.Parallel()
	muslim := func(in *Input) {
		in.Profile.Facts = append(in.Profile.Facts, tailor.Fact{Key: "religion", Value: "Muslim", Source: tailor.Declared, Sensitive: true})
	}
	runSpanCases(t, []spanCase{
		{"happy eid by name", "subject", "Happy Eid, Dana", []string{"privacy.inferred_fact block subject [6,9]"}},
		{"wishing you", "", "Wishing you a joyful Ramadan. Boots are in.", []string{"privacy.inferred_fact block body [21,28]"}},
		{"your family's festival", "", "Warm socks for your family's festival walks.", []string{"privacy.inferred_fact block body [29,37]"}},
		{"to everyone", "", "Happy Eid to everyone who celebrates.", nil},
		{"two faiths", "", "Happy Eid and Merry Christmas to you all.", nil},
		{"a festival weekend", "", "Your family's festival weekend needs boots.", nil},
	}, muslim, InferredFact)
}

// A disability aid as one of the things anyone may come with, joined by
// "or": an invitation to all. Said as the reader's, it is still flagged.
func TestBlind30AidAmongOptions(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"with a wheelchair or not", "", "Join the trail day with a wheelchair, a walker or just your boots.", nil},
		{"on foot or in", "", "On foot or in a wheelchair, the boardwalk loop is for you.", nil},
		{"a prosthetic or", "", "Run with a prosthetic, a brace or nothing at all: you are welcome.", nil},
		{"your wheelchair", "", "Your wheelchair or your cane, you will love our grips.", []string{"privacy.sensitive_attribute block body [0,15]", "privacy.sensitive_attribute block body [19,28]"}},
		{"if you use", "", "If you use a wheelchair or a cane, you will love these gloves.", []string{"privacy.sensitive_attribute flag body [0,61]"}},
		{"since you are", "", "Since you are in a wheelchair, these gloves fit you.", []string{"privacy.sensitive_attribute block body [6,29]"}},
	}, nil, SensitiveAttribute)
}

// The reader's vote left open ("whoever you vote for") takes in every
// reader, as "whatever your politics" does. Who the reader votes for,
// said, is still flagged.
func TestBlind30OpenChoicePolitics(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"whoever you vote for", "", "Whoever you vote for, your boots should keep you dry.", nil},
		{"however you vote", "", "However you vote this fall, our shells are on sale.", nil},
		{"no matter who", "", "No matter who you vote for, trail day is on.", nil},
		{"who you voted for", "", "We know who you voted for, and these boots suit you.", []string{"privacy.sensitive_attribute block body [12,25]"}},
		{"since you vote", "", "Since you vote every year, treat yourself to boots.", []string{"privacy.sensitive_attribute flag body [0,50]"}},
		{"your ballot", "", "Before you cast your ballot, lace up.", []string{"privacy.sensitive_attribute flag body [0,36]"}},
	}, nil, SensitiveAttribute)
}
