package guardrails

import (
	"encoding/json"
	"testing"

	tailor "github.com/tailorhq/tailor"
)

func TestCheckApprovedHasEmptyFindings(t *testing.T) {
	t.Parallel()
	rep := Check(Input{Brief: testBrief(), Profile: testProfile(), Channel: tailor.Email, Fields: okEmail()})
	if rep.Status != tailor.Approved {
		t.Fatalf("status %s, findings %q", rep.Status, got(rep))
	}
	b, _ := json.Marshal(rep)
	if string(b) != `{"status":"approved","findings":[]}` {
		t.Errorf("json %s", b)
	}
}

func TestCheckOrderAndStatus(t *testing.T) {
	t.Parallel()
	fields := okEmail()
	fields["cta"] = "Act now"
	fields["subject"] = "Cheap shoes for our customers"
	fields["extra"] = "x"
	rep := Check(Input{Brief: testBrief(), Profile: testProfile(), Channel: tailor.Email, Fields: fields})
	want := []string{
		"brand.banned_phrase block subject [0,5]",
		"brand.preferred_term flag subject [20,29]",
		"brand.banned_phrase block cta [0,7]",
		"brand.format block extra",
	}
	if g := got(rep); !equal(g, want) {
		t.Errorf("got %q\nwant %q", g, want)
	}
	if rep.Status != tailor.Rejected {
		t.Errorf("status %s", rep.Status)
	}
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestBannedPhrases(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"plain", "subject", "Cheap trail shoes", []string{"brand.banned_phrase block subject [0,5]"}},
		{"inflected", "subject", "Cheaper than ever", []string{"brand.banned_phrase block subject [0,7]"}},
		{"multi-word hyphenated", "subject", "ACT-NOW on trail shoes", []string{"brand.banned_phrase block subject [0,7]"}},
		{"zero-width inside", "subject", "Ch\u200beap shoes", []string{"brand.banned_phrase block subject [0,6]"}},
		{"full-width", "subject", "ｃｈｅａｐ shoes", []string{"brand.banned_phrase block subject [0,5]"}},
		{"cyrillic look-alikes", "subject", "\u0441h\u0435ap shoes", []string{"brand.banned_phrase block subject [0,5]"}},
		{"base form of a banned inflection", "subject", "Our guarantee for you", []string{"brand.banned_phrase block subject [4,13]"}},
		{"inside another word", "subject", "Cheapskate no more", nil},
		{"not a word", "subject", "Peaceful trails await", nil},
	}, nil, BannedPhrase)
}

func TestPreferredAndCompetitor(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"preferred term", "", "Our customers love it. Offer valid through Dec 31. Terms apply.", []string{"brand.preferred_term flag body [4,13]"}},
		{"singular", "", "Every customer loves it. Offer valid through Dec 31. Terms apply.", []string{"brand.preferred_term flag body [6,14]"}},
		{"competitor possessive", "", "Better than Peak Gear's. Offer valid through Dec 31. Terms apply.", []string{"brand.competitor block body [12,21]"}},
		{"competitor spaced", "", "Better than PEAK  GEAR. Offer valid through Dec 31. Terms apply.", []string{"brand.competitor block body [12,22]"}},
		{"no competitor", "", "Peak season is here. Offer valid through Dec 31. Terms apply.", nil},
	}, nil, PreferredTerm, Competitor)
}

func TestDisclaimer(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"present", "", "New shoes. Offer valid through Dec 31. Terms apply.", nil},
		{"tolerant of case and punctuation", "", "New shoes.\noffer valid through dec 31 — terms apply", nil},
		{"missing", "", "New shoes. Terms apply.", []string{"brand.disclaimer block body"}},
		{"in another field", "", "New shoes.", []string{"brand.disclaimer block body"}},
	}, nil, Disclaimer)
}

func TestFieldsAndLength(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"subject over 60", "subject", repeat("trail ", 10) + "é", []string{"brand.length block subject [60,61]"}},
		{"exactly 60", "subject", repeat("trail ", 9) + "trail!", nil},
		{"empty cta", "cta", "  ", []string{"brand.format block cta"}},
	}, nil, Length, Format)
	runSpanCases(t, []spanCase{
		{"brand limit", "subject", "Your next trail is calling, Dana", []string{"brand.length block subject [20,32]"}},
	}, func(in *Input) { in.Brief.Brand.Policy.Limits = map[string]map[string]int{"email": {"subject": 20}} }, Length)
	t.Run("unknown channel", func(t *testing.T) {
		t.Parallel()
		rep := Check(Input{Brief: testBrief(), Channel: "fax", Fields: map[string]string{"text": "hi"}})
		if g := only(got(rep), Format); !equal(g, []string{"brand.format block "}) {
			t.Errorf("got %q", g)
		}
	})
}

func TestSMS(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, text string
		want       []string
	}{
		{"ok", "Winter trail shoes are in: 15% off for members through Dec 31. Reply STOP to opt out.", nil},
		{"opt-out variant", "New winter trail shoes. Txt STOP to end", nil},
		{"no opt-out", "Winter trail shoes are in: 15% off for members through Dec 31.", []string{"brand.disclaimer block text"}},
		{"gsm over 160", "Winter trail shoes are in. " + repeat("x", 120) + " Reply STOP to opt out.", []string{"brand.length block text [160,170]"}},
		{"extension chars count twice", repeat("[", 80) + " Reply STOP to opt out", []string{"brand.length block text [80,102]"}},
		{"ucs-2 over 70", "Winter trail shoes are in — 15% off for members. Reply STOP to opt out now.", []string{"brand.length block text [70,75]"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			rep := Check(Input{Brief: testBrief(), Profile: testProfile(), Channel: tailor.SMS, Fields: map[string]string{"text": tc.text}})
			g := only(got(rep), Length, Disclaimer)
			if tc.want == nil {
				tc.want = []string{}
			}
			if !equal(g, tc.want) {
				t.Errorf("got %q want %q", g, tc.want)
			}
		})
	}
}

func repeat(s string, n int) string {
	out := ""
	for range n {
		out += s
	}
	return out
}

func TestPIIEcho(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"street", "", "We'll ship to 14 Elm St. in no time.", []string{"privacy.pii_echo block body [14,23]"}},
		{"whole address", "", "Ship to 14 Elm Street, Portland today", []string{"privacy.pii_echo block body [8,31]"}},
		{"city alone is fine", "", "Our Portland store is open.", nil},
		{"phone dotted", "", "Call 503.555.0142 now", []string{"privacy.pii_echo block body [5,17]"}},
		{"phone with country code", "", "Call +15035550142 now", []string{"privacy.pii_echo block body [5,17]"}},
		{"other phone", "", "Call 503.555.0199 now", nil},
		{"e-mail", "", "We wrote to DANA.R@example.com.", []string{"privacy.pii_echo block body [12,30]"}},
		{"birth date words", "", "Happy birthday, March 14th is yours!", []string{"privacy.pii_echo block body [16,26]"}},
		{"birth date numeric", "", "Born 03/14/1990? Us too.", []string{"privacy.pii_echo block body [5,15]"}},
		{"offer date is not the birth date", "", "Ends Dec 31.", nil},
		{"first name is fine", "", "Dana, your next trail is calling.", nil},
	}, nil, PIIEcho)
}

func TestConsent(t *testing.T) {
	t.Parallel()
	noConsent := func(in *Input) {
		in.Profile.Consent.Personalization = false
		in.Fields["subject"] = "Your next trail is calling"
	}
	runSpanCases(t, []spanCase{
		{"name", "subject", "Dana, your trail is calling", []string{"privacy.consent block subject [0,4]"}},
		{"fact value", "", "Pairs well with a Summit fleece jacket.", []string{"privacy.consent block body [18,38]"}},
		{"fact value also in the brief", "", "Made for trail running fans.", nil},
		{"product of the brief is not personal", "", "The Pegasus Trail 5 GTX is here.", nil},
		{"brief-only copy", "", "New winter layers are here.", nil},
	}, noConsent, Consent)
	runSpanCases(t, []spanCase{
		{"common-word name not addressed", "", "Will you hit the trail this weekend?", nil},
		{"common-word name addressed", "", "Hi Will, the trail is calling.", []string{"privacy.consent block body [3,7]"}},
	}, func(in *Input) {
		noConsent(in)
		in.Profile.Facts[0].Value = "Will"
	}, Consent)
	runSpanCases(t, []spanCase{
		{"with consent", "subject", "Dana, your trail is calling", nil},
	}, nil, Consent)
}

func TestInferredFact(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"inferred without consent", "", "Earning over 150k? Treat yourself.", []string{"privacy.inferred_fact block body [8,17]"}},
		{"sensitive", "", "Easy on knee arthritis.", []string{"privacy.inferred_fact block body [8,22]"}},
	}, nil, InferredFact)
	runSpanCases(t, []spanCase{
		{"inferred with consent", "", "Earning over 150k? Treat yourself.", nil},
	}, func(in *Input) { in.Profile.Consent.InferredData = true }, InferredFact)
}

func TestLeak(t *testing.T) {
	t.Parallel()
	canary := func(in *Input) { in.Canary = "tlr-9f8e7d" }
	runSpanCases(t, []spanCase{
		{"canary", "", "Trail time. TLR-9F8E7D", []string{"safety.leak block body [12,22]"}},
		{"canary spaced", "", "Trail time. t l r 9 f 8 e 7 d!", []string{"safety.leak block body [12,29]"}},
		{"canary zero-width", "", "tlr-9f8\u200be7d", []string{"safety.leak block body [0,11]"}},
		{"no canary", "", "Trail time.", nil},
	}, canary, Leak)
}

// TestCheckConcurrent runs checks of one brief from many goroutines, as the
// worker does; run with -race.
func TestCheckConcurrent(t *testing.T) {
	t.Parallel()
	done := make(chan tailor.Report)
	for i := range 8 {
		go func() {
			fields := okEmail()
			if i%2 == 0 {
				fields["subject"] = "Cheap shoes, Dana: 25% off until Jan 5"
			}
			done <- Check(Input{Brief: testBrief(), Profile: testProfile(), Channel: tailor.Email, Fields: fields})
		}()
	}
	for range 8 {
		<-done
	}
}
