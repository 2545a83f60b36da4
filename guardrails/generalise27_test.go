package guardrails

import (
	"testing"

	tailor "github.com/tailorhq/tailor"
)

// Cases for the rule classes added after blind holdouts 27's and 28's
// first runs, with sentences written for this test, not copied from any
// eval set.

func avoidTone(tones ...string) func(*Input) {
	return func(in *Input) { in.Brief.Brand.AvoidTone = tones }
}

// Eaten food worked off by a pronoun, the food named in the same field.
// Energy or a bad mood burned off names no food.
func TestBlind27EatenPronounOff(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"run them off", "", "All those pies last week? Time to run them off.", []string{"brand.tone flag body [34,46]"}},
		{"sweat it off", "", "You ate the whole cake. Now sweat it off in class.", []string{"brand.tone flag body [28,40]"}},
		{"earn them back", "", "Cookies tonight, then earn them back on the bike.", []string{"brand.tone flag body [22,36]"}},
		{"energy burned off", "", "Kids full of energy? Burn it off at the trampoline park.", nil},
		{"mood walked off", "", "Bad day? Walk it off on a sunny trail.", nil},
		{"cookies without a debt", "", "Fresh cookies are back. Work them into your weekend.", nil},
	}, avoidTone("shaming"), Tone)
}

// The food named in another field gives the pronoun its food.
func TestBlind27EatenPronounOffAcrossFields(t *testing.T) {
	t.Parallel()
	food := func(in *Input) {
		in.Brief.Brand.AvoidTone = []string{"guilt"}
		in.Fields["subject"] = "The leftover brownies are still with you"
	}
	runSpanCases(t, []spanCase{
		{"dance them off", "", "Dance them off at a Friday class.", []string{"brand.tone flag body [0,14]"}},
		{"working it all off", "", "Start working that off this week.", []string{"brand.tone flag body [6,22]"}},
		{"burn them off", "", "A spin class will burn them off.", []string{"brand.tone flag body [18,31]"}},
		{"lace up", "", "Lace up and join a Friday class.", nil},
		{"take it off", "", "Take the weekend off and rest.", nil},
		{"work off hours", "", "Work hours off? Our classes fit around them.", nil},
	}, food, Tone)
}

// The reader assumed unable to do something basic. Hard for a first try,
// or a label that is simply confusing, judges no one.
func TestBlind27BasicSkillMissing(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"tricky if never followed a recipe", "", "Dinner is tricky when you've never followed a recipe.", []string{"brand.tone flag body [10,52]"}},
		{"probably never read the instructions", "", "You've probably never read the instructions, so we kept it short.", []string{"brand.tone flag body [0,43]"}},
		{"can't even boil an egg", "", "Cooking is hard if you can't even boil an egg.", []string{"brand.tone flag body [11,45]"}},
		{"daunting first try", "", "Retinol is daunting if you have never tried it.", nil},
		{"labels are confusing", "", "Labels can be confusing, so ours use plain words.", nil},
		{"never read a guide this short", "", "You have never read a guide this short.", nil},
	}, avoidTone("condescending"), Tone)
}

// A probing question about the reader's habits. What the reader wants,
// or what they saved, asks nothing of how they live.
func TestBlind28ProbingHabitQuestion(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"how much water did you really drink", "", "How much water did you really drink today?", []string{"brand.tone flag body [0,35]"}},
		{"how often do you actually stretch", "", "How often do you actually stretch after a run?", []string{"brand.tone flag body [0,33]"}},
		{"did you even cook once", "", "Did you even cook once this week?", []string{"brand.tone flag body [0,22]"}},
		{"how many do you want", "", "How many apples do you want in your box?", nil},
		{"how much did you save", "", "How much did you actually save last year?", nil},
		{"how often will you run", "", "How often will you run this winter? Pick a plan.", nil},
	}, avoidTone("preachy"), Tone)
}

// A free span of time said with what it is of, compared with the brief's
// span without it.
func TestBlind27FreeSpanOf(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"three months of yoga free", "", "Get your first three months of yoga classes free.", []string{"brand.offer block body [15,48]"}},
		{"two weeks of coaching on us", "", "Two weeks of coaching on us when you join.", []string{"brand.offer block body [0,27]"}},
		{"months of streaming free", "", "Enjoy the first months of streaming free.", []string{"brand.offer block body [16,40]"}},
		{"the brief's month", "", "Your first month of classes free when you join.", nil},
		{"the brief's month on us", "", "Your first month of live classes is on us.", nil},
		{"months of training", "", "Months of training, and one free class pass.", nil},
	}, func(in *Input) { in.Brief.Campaign.Offer = "First month free for new members" }, Offer)
}

// An offer's end widened to a whole month or season. A period of what
// the product does, a period before the offer, and the month the offer
// ends on are not.
func TestBlind27WholePeriodOffer(t *testing.T) {
	t.Parallel()
	midMonth := func(in *Input) {
		in.Brief.Campaign.Offer = "20% off trail shoes through Oct 12"
		in.Brief.Brand.RequiredDisclaimers = map[string]string{"email": "Offer ends Oct 12."}
	}
	runSpanCases(t, []spanCase{
		{"all october long", "", "Get 20% off trail shoes all October long.", []string{"brand.offer block body [24,40]"}},
		{"throughout the fall", "", "Take 20% off trail shoes throughout the fall.", []string{"brand.offer block body [25,44]"}},
		{"for the whole month", "", "Members save 20% on shoes for the whole month.", []string{"brand.offer block body [26,45]"}},
		{"the product's winter", "", "Get 20% off a shoe that keeps you dry all winter long.", nil},
		{"period before the offer", "", "All October long, trails are muddy. Get 20% off through Oct 12.", nil},
		{"no offer", "", "Trails stay muddy all month.", nil},
	}, midMonth, Offer)
	// The brief's own month end: an offer through Dec 31 runs all December.
	runSpanCases(t, []spanCase{
		{"all december", "", "Members get 15% off all December long.", nil},
		{"all winter", "", "Members get 15% off all winter.", []string{"brand.offer block body [20,30]"}},
	}, nil, Offer)
}

// An inferred dog named by its paws or as the reader's furry companion,
// without consent to inferred data. Paws said to no one, and a running
// buddy who is not furry, are not.
func TestBlind27InferredPetParaphrase(t *testing.T) {
	t.Parallel()
	dog := func(in *Input) {
		in.Profile.Facts = append(in.Profile.Facts, tailor.Fact{Key: "likely_pet", Value: "border collie", Source: tailor.Inferred})
		in.Profile.Consent.InferredData = false
	}
	runSpanCases(t, []spanCase{
		{"muddy paws at your door", "", "Muddy paws at your door again?", []string{"privacy.inferred_fact block body [6,10]"}},
		{"your furry hiking buddy", "", "Hit the ridge with your furry hiking buddy.", []string{"privacy.inferred_fact block body [24,42]"}},
		{"your furry sidekick", "", "Warm layers for you and your furry sidekick.", []string{"privacy.inferred_fact block body [29,43]"}},
		{"paws to no one", "", "The paw print logo is back on our socks.", nil},
		{"a running buddy", "", "Bring your running buddy to the Saturday group run.", nil},
		{"furry lining", "", "A furry lining keeps your hands warm.", nil},
	}, dog, InferredFact)
}

// A disability as the condition of help offered to anyone who needs it.
// Said as the reader's, or as a condition without help, it is still
// flagged.
func TestBlind27AccommodationOffer(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"since you use a wheelchair", "", "Since you use a wheelchair, we picked step-free trails.", []string{"privacy.sensitive_attribute flag body [0,54]"}},
		{"conditional without help", "", "If you are disabled, you will love these shoes.", []string{"privacy.sensitive_attribute block body [3,19]"}},
		{"your disability", "", "If your disability makes lacing hard, our team can help.", []string{"privacy.sensitive_attribute block body [3,18]"}},
		{"if you have a disability, our staff", "", "If you have a disability, our staff can help you find a fit.", nil},
		{"anyone who is deaf", "", "Anyone who is deaf can ask for a captioned class.", nil},
		{"if you use a wheelchair, arrange", "", "If you use a wheelchair, call ahead and we will arrange a step-free route.", nil},
	}, nil, SensitiveAttribute)
}

// "Here is the short version:" inside copy heads the brand's own
// summary; an assistant's opener or a handed-over draft is a preamble.
func TestBlind28SummaryHeading(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"sure, the short version", "", "Sure! Here's the short version: new shoes are in.", []string{"safety.leak block body [0,30]"}},
		{"here are two variants", "", "Here are two variants: one warm, one bold.", []string{"safety.leak block body [0,22]"}},
		{"here is the revised copy", "", "Here is the revised copy: new shoes are in.", []string{"safety.leak block body [0,25]"}},
		{"here is the quick version", "", "Here is the quick version: new shoes are in, and members save.", nil},
		{"here's the simple version", "", "Here's the simple version: grip, warmth, and a dry foot.", nil},
		{"here is the plan", "", "Here is the plan: lace up, head out, stay dry.", nil},
	}, nil, Leak)
}
