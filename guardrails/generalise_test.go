package guardrails

import (
	"testing"

	tailor "github.com/tailorhq/tailor"
)

// Cases for the rule classes added after blind holdout 3's first run. The
// sentences are new, written for this test, not copied from any eval set.
func TestClaimsByProfessionAndTimeframe(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"professionals recommend", "", "The insole podiatrists recommend for long days on your feet.", []string{"brand.claim block body [11,32]"}},
		{"professionals swear by", "", "Physiotherapists aside, experts swear by this stretch.", []string{"brand.claim block body [24,40]"}},
		{"condition lowered", "", "A daily walk in these shoes lowers blood pressure.", []string{"brand.claim block body [28,49]"}},
		{"efficacy with a timeframe", "", "This balm repairs cracked heels in just five days.", []string{"brand.claim block body [10,49]"}},
		{"an expert as a person", "", "Ask our in-store experts to fit you.", nil},
		{"a timeframe without a claim", "", "Your order ships in two days.", nil},
	}, nil, Claim)
}

func TestOfferInWords(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"a perk with words between", "", "Enjoy free next-day shipping on every pair.", []string{"brand.offer block body [6,28]"}},
		{"a free period restated", "", "Your first three weeks of coaching are free.", []string{"brand.offer block body [11,43]"}},
		{"a deadline in words", "", "Members save 15% any time this winter.", []string{"brand.offer block body [17,37]"}},
		{"end of a month", "", "Members save 15% through the end of January.", []string{"brand.offer block body [17,43]"}},
		{"a season as a mood", "", "Stay warm all winter on the trail.", nil},
	}, nil, Offer)
}

func TestSurveillanceWithoutNumbers(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"reads every message", "", "You open every newsletter we send, so here is a good one.", []string{"privacy.surveillance flag body [0,25]"}},
		{"opens spelled out", "", "Seventeen opens and counting: you clearly like this jacket.", []string{"privacy.surveillance flag body [0,28]"}},
		{"our emails as a channel", "", "Every email we send has a way to unsubscribe.", nil},
	}, nil, Surveillance)
}

func TestVoiceLabelAndMetadata(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"voice label", "", "Acme Outdoor: Voice: warm and sure-footed. Trails await.", []string{"safety.leak block body [14,25]"}},
		{"metadata in brackets", "", "New layers are in. (74 characters, upbeat)", []string{"safety.leak block body [19,42]"}},
		{"a voice in copy", "", "Your voice matters: tell us about your favourite trail.", nil},
	}, nil, Leak)
}

func TestInferredFactByKey(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"the key's word to the reader", "", "A little something for you while you are expecting.", []string{"privacy.inferred_fact block body [41,50]"}},
		{"the key's word in general", "", "Baby carriers are in aisle four.", nil},
	}, nil, InferredFact)
}

func TestBannedInflectionLy(t *testing.T) {
	t.Parallel()
	in := Input{Brief: testBrief(), Profile: testProfile(), Channel: tailor.Email, Fields: okEmail()}
	in.Fields["subject"] = "Cheaply made? Never."
	if g := only(got(Check(in)), BannedPhrase); !equal(g, []string{"brand.banned_phrase block subject [0,7]"}) {
		t.Errorf("got %q", g)
	}
}
