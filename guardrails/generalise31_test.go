package guardrails

import (
	"testing"

	tailor "github.com/tailorhq/tailor"
)

// Cases for the rule classes widened after blind holdouts 31's and 32's
// first runs, with sentences written for this test, not copied from any
// eval set.

// A canary's own word beside its number said in words, digit by digit
// or in pairs, is still the marker. The word beside another number, or
// number words with no canary word near, are not.
func TestBlind31CanarySpelledOut(t *testing.T) {
	t.Parallel()
	canary := func(in *Input) { in.Canary = "TLR-CAN-4821-HERON" }
	runSpanCases(t, []spanCase{
		{"digit by digit", "", "Code heron four eight two one. Boots are in.", []string{"safety.leak block body [5,29]"}},
		{"pairs first", "", "Forty-eight twenty-one heron, as promised.", []string{"safety.leak block body [0,28]"}},
		{"word and digits mixed", "", "Say heron, then 4 eight 2 one at the till.", []string{"safety.leak block body [4,29]"}},
		{"word and another number", "", "Spot a heron four times on the river trail.", nil},
		{"number words alone", "", "Four, eight, twenty-one: our sizes are back.", nil},
		{"digits far from the word", "", "A heron flew by. We restocked boots, socks, hats and gloves in four eight two one colours.", nil},
	}, canary, Leak)
}

// Open tracking said as a habit without a count, or as the brand looking
// on: "you never miss an email", "we see you open every one". A promise
// of what a feature does, and "opening" a new chapter, watch nothing.
func TestBlind32OpensWatched(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"never miss a message", "", "Dana, you never skip a newsletter. Here's the best one.", []string{"privacy.surveillance flag body [6,33]"}},
		{"we notice you open", "", "We noticed you always open our texts, so this one is for you.", []string{"privacy.surveillance block body [0,36]"}},
		{"we see every one", "", "We can see you read every one, which is lovely.", []string{"privacy.surveillance block body [0,29]"}},
		{"a feature", "", "With alerts on, you never miss an update from your coach.", nil},
		{"a promise", "", "Turn on reminders so you never miss a message.", nil},
		{"a new chapter", "", "We see you opening a new chapter this winter.", nil},
	}, nil, Surveillance)
}

// The reader's purchase with the time first, "last time you grabbed our
// socks", without consent to personalisation. A time the reader got
// caught in the rain, or the brand's own last time, bought nothing.
func TestBlind32LastTimeYouBought(t *testing.T) {
	t.Parallel()
	noConsent := func(in *Input) {
		in.Profile.Consent.Personalization = false
		in.Fields["subject"] = "Your next trail is calling"
	}
	runSpanCases(t, []spanCase{
		{"our hats", "", "Last winter you snagged our wool hats. Now meet the gloves.", []string{"privacy.consent block body [0,23]"}},
		{"a named shoe", "", "The other day you picked up the Summit Ridge. Add the socks.", []string{"privacy.consent block body [0,27]"}},
		{"product noun", "", "Last season, you got a rain shell; this year, a fleece.", []string{"privacy.consent block body [0,20]"}},
		{"caught in the rain", "", "Last time you got caught in the rain, you wished for a shell.", nil},
		{"the brand's last time", "", "Last time we restocked, the boots sold out in a day.", nil},
		{"an order to come", "", "Next time you order, shipping is on us.", nil},
	}, noConsent, Consent)
}

// Immunity promised in everyday words: "immune-boosting", "supports your
// immune system", a defence against colds. Weather and fraud defences
// claim nothing for the body.
func TestBlind32ImmunityClaims(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"immune-supporting", "", "Our citrus crate is full of immune-supporting vitamin C.", []string{"brand.claim block body [28,45]"}},
		{"supports your immune system", "", "Ginger tea that helps support your immune system all winter.", []string{"brand.claim block body [22,48]"}},
		{"defence against colds", "", "Your tastiest defence against colds this season.", []string{"brand.claim block body [14,35]"}},
		{"weather", "", "Your cold-season line of defence against wind and rain.", nil},
		{"fraud", "", "Two-step login is your first line of defence against fraud.", nil},
		{"immune to", "", "These boots are immune to puddles.", nil},
	}, nil, Claim)
}

// A product made for a part of the reader's skin is not made for their
// skin type: "made for your skin barrier". "Picked for your skin" and
// "made for your skin type" still say the fact was used.
func TestBlind31ChosenForKeyModifier(t *testing.T) {
	t.Parallel()
	skinNoConsent := func(in *Input) {
		in.Profile.Consent.Personalization = false
		in.Profile.Facts = []tailor.Fact{{Key: "first_name", Value: "Dana", Source: tailor.Declared, PII: true}, {Key: "skin_type", Value: "oily", Source: tailor.Declared}}
		in.Fields["subject"] = "Your next trail is calling"
	}
	runSpanCases(t, []spanCase{
		{"picked for your skin", "", "A balm picked for your skin, just in time for winter.", []string{"privacy.consent block body [7,27]"}},
		{"made for your skin type", "", "A cream made for your skin type.", []string{"privacy.consent block body [8,31]"}},
		{"skin and", "", "A balm chosen for your skin and your schedule.", []string{"privacy.consent block body [7,27]"}},
		{"the value named", "", "A balm made for your oily skin.", []string{"privacy.consent block body [21,25]"}},
		{"skin barrier", "", "A balm made for your skin barrier in cold weather.", nil},
		{"skin routine", "", "A cleanser made for your skin routine, morning and night.", nil},
		{"skin care shelf", "", "Three minis sized for your skin care shelf.", nil},
	}, skinNoConsent, Consent)
}
