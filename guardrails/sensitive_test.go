package guardrails

import "testing"

func TestSensitiveAttribute(t *testing.T) {
	t.Parallel()
	const block, flag = "privacy.sensitive_attribute block body", "privacy.sensitive_attribute flag body"
	runSpanCases(t, []spanCase{
		// Asserted or implied about the reader.
		{"health question", "", "Struggling with your weight? Try our classes.", []string{block + " [0,27]"}},
		{"health possessive", "", "Managing your diabetes is easier now.", []string{block + " [9,22]"}},
		{"mental health", "", "Feeling depressed lately? We can help.", []string{block + " [0,17]"}},
		{"pregnancy question", "", "Trying for a baby? Stay active.", []string{block + " [0,18]"}},
		{"pregnancy assertion", "", "Since you're expecting, meet our comfiest shoes.", []string{block + " [6,23]"}},
		{"pregnancy congrats", "", "Congrats on the little one on the way.", []string{block + " [0,37]"}},
		{"religion fellow", "", "As a fellow Muslim, you'll love our Eid boxes.", []string{block + " [0,18]"}},
		{"religion practice", "", "Break your fast with fresh dates.", []string{block + " [0,15]"}},
		{"orientation", "", "As a gay runner, you deserve better.", []string{block + " [0,8]"}},
		{"gender identity like you", "", "Skincare for trans women like you.", []string{block + " [13,33]"}},
		{"ethnicity", "", "As a Latina, you know skincare.", []string{block + " [0,11]"}},
		{"politics plural", "", "Fellow progressives love recycled layers.", []string{block + " [0,19]"}},
		{"finance question", "", "Bad credit? Open an account.", []string{block + " [0,11]"}},
		{"finance idiom", "", "Money tight this month?", []string{block + " [0,11]"}},
		{"criminal record", "", "A fresh start after your conviction.", []string{block + " [20,35]"}},
		{"disability", "", "Being disabled shouldn't stop you.", []string{block + " [0,14]"}},
		{"age", "", "Now that you're over 60, protect your knees.", []string{block + " [0,23]"}},
		{"age at your age", "", "At your age, skin needs care.", []string{block + " [0,11]"}},
		{"relationship", "", "Newly single? Treat yourself.", []string{block + " [0,13]"}},
		{"divorce", "", "Cooking for one since the divorce?", []string{block + " [16,33]"}},
		{"union", "", "As a union member, you save more.", []string{block + " [0,17]"}},
		{"immigration", "", "New to the country? Open an account.", []string{block + " [0,19]"}},
		{"immigration possessive", "", "Your visa status doesn't matter.", []string{block + " [0,9]"}},
		{"people like you", "", "People like you love these shoes.", []string{flag + " [0,15]"}},
		{"obfuscated with zero-width space", "", "Struggling with your wei\u200bght?", []string{block + " [0,28]"}},
		// Topics, not the reader's attributes.
		{"Ramadan topic", "", "Our Ramadan gift guide is here.", nil},
		{"cancer research", "", "We sponsor the city's cancer-research 10K.", nil},
		{"maternity product", "", "Our maternity hiking pants are back.", nil},
		{"members like you", "", "Members like you get 15% off.", nil},
		{"brand describes itself", "", "As a Black-owned business, we source locally.", nil},
		{"black friday", "", "Are you Black Friday ready?", nil},
		{"weather", "", "Expecting rain? We have you covered.", nil},
		{"single track", "", "Single-track season is here.", nil},
		{"lightweight", "", "Our lightweight shell weighs 200 g.", nil},
		{"personal record", "", "Chasing a personal record? Book a class.", nil},
		{"retirement topic", "", "Planning for retirement? Read our guide.", nil},
	}, nil, SensitiveAttribute)
}

// An age in digits after "now that you're" is found through the windowed
// search, as it is in the whole text (the fuzzer found "you're 00" matched
// only in the whole text, and with it "you're 65" missed): ages are 40 to 99.
func TestNowThatYoureAnAgeInDigits(t *testing.T) {
	var nowThat *rule
	for _, c := range sensitiveCategories {
		for _, r := range c.rules {
			if r.label == "now-that" {
				nowThat = r
			}
		}
	}
	if nowThat == nil {
		t.Fatal("no now-that rule")
	}
	for s, want := range map[string]bool{
		"Now that you're 65, treat your knees well.":    true,
		"Since you turned 50 last spring, rest more.":   true,
		"Now that you're in your 60s, go easy.":         true,
		"Now that you're 21, the bar is open.":          false,
		"Now thAt You're 00":                            false,
		"Now that you're 5 races in, try a longer one.": false,
	} {
		if got := len(nowThat.find(newText(s))) > 0; got != want {
			t.Errorf("%q: found %v, want %v", s, got, want)
		}
	}
}
