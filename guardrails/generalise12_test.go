package guardrails

import "testing"

// Cases for the fix and rule classes added after blind holdout 11's first
// run, with sentences written for this test, not copied from any eval set.
// The false alarm comes first: the fix tells the safe reading apart, and
// the unsafe reading next to it must still be caught.

// "Whatever you celebrate" with several festivals listed leaves the
// reader's holiday open: the festivals are a topic. One festival, no
// inclusive opener, or a festival made the reader's own is still caught
// as before.
func TestBlind12InclusiveCelebration(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"whatever you celebrate, two festivals", "", "Whatever you celebrate this winter, from Hanukkah candles to Christmas dinner, our boxes have you covered.", nil},
		{"however you mark it", "", "However you mark the season, Eid or Christmas, we have the sweets you need.", nil},
		{"whether you celebrate", "", "Whether you celebrate Passover or Easter, our spring boxes have you covered.", nil},
		{"whatever, three festivals", "", "Whatever you celebrate, Diwali, Kwanzaa or Thanksgiving, you'll find a feast here.", nil},
		{"your Diwali", "", "Whatever you celebrate, your Diwali sweets are here.", []string{"privacy.sensitive_attribute block body [24,35]"}},
		{"as a Hindu, you", "", "As a Hindu, you know how much Diwali and Thanksgiving sweets matter.", []string{"privacy.sensitive_attribute block body [0,10]"}},
		{"since you celebrate Diwali", "", "Since you celebrate Diwali, we made a box for you.", []string{"privacy.sensitive_attribute block body [0,19]"}},
		{"one festival only", "", "Whatever you celebrate this Diwali, we have sweets for you.", []string{"privacy.sensitive_attribute flag body [0,58]"}},
		{"two festivals, no opener", "", "Celebrate Diwali and Thanksgiving with your family.", []string{"privacy.sensitive_attribute flag body [0,50]"}},
	}, nil, SensitiveAttribute)
}

// Harm to the reader as the price of not buying, with no fear word: out
// for months, sidelined, a season ended. Only where the brief avoids fear,
// and a finish "on a high" or a trip "out for weeks" is not a threat.
func TestBlind12FearOfHarm(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"one slip and you're out for months", "", "One slip on a wet root and you're out for months.", []string{"brand.tone flag body [23,48]"}},
		{"can end your season", "", "Icy descents can end your season.", []string{"brand.tone flag body [13,32]"}},
		{"and you'll be sidelined", "", "Pick the wrong sole and you'll be sidelined.", []string{"brand.tone flag body [20,43]"}},
		{"could end up on crutches", "", "Skip the grip and you could end up on crutches.", []string{"brand.tone flag body [14,46]"}},
		{"could cut short your season", "", "Worn treads could cut short your whole season.", []string{"brand.tone flag body [12,45]"}},
		{"a slip is all it takes", "", "One misstep on black ice is all it takes.", []string{"brand.tone flag body [0,40]"}},
		{"cost you everything", "", "A flooded basement could cost you everything.", []string{"brand.tone flag body [19,44]"}},
		{"out the door", "", "Lace up and you're out the door in minutes.", nil},
		{"done for the day", "", "Ten minutes of stretching and you're done for the day.", nil},
		{"hooked", "", "One fall hike and you're hooked.", nil},
		{"end your season on a high", "", "This race can end your season on a high.", nil},
		{"end your season with", "", "End your season with a trail race.", nil},
		{"out for a ride", "", "Sign up and you're out for a ride with friends.", nil},
		{"out for weeks on a trip", "", "You'll be out for weeks on the Camino, so pack light.", nil},
		{"one coupon is all it takes", "", "One click is all it takes to join.", nil},
	}, nil, Tone)
	runSpanCases(t, []spanCase{
		{"fear allowed", "", "One slip on a wet root and you're out for months.", nil},
	}, func(in *Input) { in.Brief.Brand.AvoidTone = []string{"pushy"} }, Tone)
}

// The reader as the one who would get it wrong or get confused, where the
// brief avoids condescension.
func TestBlind12Condescension(t *testing.T) {
	t.Parallel()
	condescending := func(in *Input) { in.Brief.Brand.AvoidTone = []string{"condescending"} }
	runSpanCases(t, []spanCase{
		{"even a beginner can't mess up", "", "A jacket even a complete novice can't mess up.", []string{"brand.tone flag body [9,42]"}},
		{"even a child can't get it wrong", "", "So simple even a child can't get it wrong.", []string{"brand.tone flag body [10,41]"}},
		{"even you can't screw up", "", "Three steps even you can't screw up.", []string{"brand.tone flag body [12,32]"}},
		{"we know these get confusing", "", "We know these settings get confusing, so we kept two.", []string{"brand.tone flag body [0,36]"}},
		{"we know it all feels overwhelming", "", "We know it all feels overwhelming, so here is one step.", []string{"brand.tone flag body [0,33]"}},
		{"too complicated for you", "", "If the app is too complicated for you, call us.", []string{"brand.tone flag body [14,37]"}},
		{"foolproof", "", "A foolproof way to layer.", []string{"brand.tone flag body [2,11]"}},
		{"even kids can't get enough", "", "Even kids can't get enough of it.", nil},
		{"even beginners love", "", "Even beginners love our Saturday runs.", nil},
		{"can't go wrong", "", "Even beginners can't go wrong with this serum.", nil},
		{"even a beginner can use it", "", "Even a beginner can use it from day one.", nil},
		{"a topic can be confusing", "", "Skincare can be confusing, so we wrote a plain guide.", nil},
		{"we know mornings get busy", "", "We know mornings get busy, so it takes one minute.", nil},
		{"new to it?", "", "New to skincare? Start with one serum.", nil},
		{"too hot for a jacket", "", "Too hot for a jacket? Try the vest.", nil},
	}, condescending, Tone)
	runSpanCases(t, []spanCase{
		{"condescension allowed", "", "A jacket even a complete novice can't mess up.", nil},
	}, nil, Tone)
}

// A clinician's preference is a medical endorsement, whatever the verb or
// noun: only the claim the brief allows ("dermatologist tested") passes.
func TestBlind12ClinicianPreference(t *testing.T) {
	t.Parallel()
	allow := func(in *Input) { in.Brief.Brand.Policy.AllowClaims = []string{"dermatologist tested"} }
	runSpanCases(t, []spanCase{
		{"skin doctors reach for", "", "The balm skin doctors reach for.", []string{"brand.claim block body [9,31]"}},
		{"the pick of dermatologists", "", "Our toner is the pick of dermatologists.", []string{"brand.claim block body [13,39]"}},
		{"a favourite among podiatrists", "", "A favourite among podiatrists for long days.", []string{"brand.claim block body [0,29]"}},
		{"dermatologists' top pick", "", "Dermatologists' top pick for winter.", []string{"brand.claim block body [0,24]"}},
		{"a derm favourite", "", "A derm favorite for dry hands.", []string{"brand.claim block body [2,15]"}},
		{"pharmacist-picked", "", "Pharmacist-picked vitamins for winter.", []string{"brand.claim block body [0,17]"}},
		{"nurses rely on", "", "The clogs nurses rely on.", []string{"brand.claim block body [10,24]"}},
		{"the allowed claim", "", "Dermatologist tested and fragrance free.", nil},
		{"advice to see a doctor", "", "See a doctor about any changes.", nil},
		{"nurses pick up shifts", "", "Nurses pick up extra shifts in winter; our clogs keep up.", nil},
		{"a pick for nurses", "", "Our pick for nurses on night shifts.", nil},
		{"ask your dermatologist", "", "Ask your dermatologist which serum to choose.", nil},
		{"doctors choose to run", "", "Doctors choose to run with us every Sunday.", nil},
		{"our pharmacist picked", "", "Our pharmacist picked these for the display.", nil},
		{"a staff favourite", "", "A staff favourite for the season.", nil},
	}, allow, Claim)
}

// The birth date as month and day alone ("3/14"), whatever word comes
// before it; fractions, sizes, ratings and the brief's own dates are not.
func TestBlind12BareBirthDate(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"almost 3/14", "", "Dana, it's almost 3/14.", []string{"privacy.pii_echo block body [18,22]"}},
		{"day first", "", "Your big day, 14/3, is close.", []string{"privacy.pii_echo block body [14,18]"}},
		{"another day", "", "See you on 3/15 for the group run.", nil},
		{"a longer number", "", "Order 13/145 has shipped.", nil},
	}, nil, PIIEcho)
	march4 := func(in *Input) {
		for i, f := range in.Profile.Facts {
			if f.Key == "birth_date" {
				in.Profile.Facts[i].Value = "1990-03-04"
			}
		}
	}
	runSpanCases(t, []spanCase{
		{"bare 3/4", "", "Only days to go until 3/4!", []string{"privacy.pii_echo block body [22,25]"}},
		{"a measure", "", "Mix 3/4 cup of oats.", nil},
		{"a mixed number", "", "Only 1 3/4 miles to the summit.", nil},
		{"a size", "", "Kids' sizes 3/4 and 5/6 are back.", nil},
		{"a rating", "", "Rated 4/3 by nobody, loved by all.", nil},
		{"three quarters of", "", "We're 3/4 of the way to our goal.", nil},
	}, march4, PIIEcho)
	runSpanCases(t, []spanCase{
		{"the brief's own date", "", "Offer ends 3/14.", nil},
	}, func(in *Input) { in.Brief.Campaign.Offer = "15% off for members through 3/14" }, PIIEcho)
}
