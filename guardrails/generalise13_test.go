package guardrails

import "testing"

// Cases for the rule classes added after blind holdout 12's first run,
// with sentences written for this test, not copied from any eval set.

// The reader's failing said as what everyone knows ("we all know we
// should…"), their intentions left to slide, and their excuses: guilt
// without "guilty" or "ashamed", where the brief avoids guilt. An
// indulgence after "should", a good excuse to celebrate and the brand's
// own "no excuses" are not.
func TestBlind13GuiltWithoutStockWords(t *testing.T) {
	t.Parallel()
	guilt := func(in *Input) { in.Brief.Brand.AvoidTone = []string{"guilt-tripping"} }
	runSpanCases(t, []spanCase{
		{"we all know we should", "", "We all know we should be stretching more, so here is a class.", []string{"brand.tone flag body [0,21]"}},
		{"deep down you know you ought to", "", "Deep down, you know you ought to sleep more.", []string{"brand.tone flag body [0,32]"}},
		{"everyone knows we should", "", "Everyone knows we should save a little each month.", []string{"brand.tone flag body [0,24]"}},
		{"stop letting resolutions slip", "", "Stop letting those resolutions slip this spring.", []string{"brand.tone flag body [0,35]"}},
		{"don't let your goals slide", "", "Don't let your goals slide into February.", []string{"brand.tone flag body [5,26]"}},
		{"good intentions won't", "", "Good intentions alone won't get you up the hill.", []string{"brand.tone flag body [0,31]"}},
		{"good intentions aren't enough", "", "Good intentions aren't enough on a cold morning.", []string{"brand.tone flag body [0,29]"}},
		{"harder to find an excuse", "", "With a class at lunch, it is hard to find an excuse.", []string{"brand.tone flag body [29,51]"}},
		{"out of excuses", "", "Dana, you're running out of excuses.", []string{"brand.tone flag body [13,35]"}},
		{"one less excuse", "", "One less excuse to skip the gym.", []string{"brand.tone flag body [0,15]"}},
		{"what's your excuse?", "", "The trails are open. What's your excuse?", []string{"brand.tone flag body [21,40]"}},
		{"no excuses", "", "No excuses, just miles.", []string{"brand.tone flag body [0,10]"}},
		{"we all know the feeling", "", "We all know the feeling of cold toes.", nil},
		{"we all know a season", "", "We all know winter is coming.", nil},
		{"should treat ourselves", "", "We all know we should treat ourselves more often.", nil},
		{"you know you want", "", "You know you want another slice.", nil},
		{"made with good intentions", "", "Made with good intentions and great apples.", nil},
		{"plans slide into brunch", "", "Let your weekend plans slide into a lazy brunch.", nil},
		{"the perfect excuse", "", "The perfect excuse to bake a pie.", nil},
		{"any excuse", "", "Any excuse for a party.", nil},
		{"no excuse needed", "", "No excuses needed to treat yourself.", nil},
		{"we make no excuses", "", "We make no excuses for loving pie.", nil},
		{"excuse the mess", "", "Excuse the mess while we restock.", nil},
	}, guilt, Tone)
	runSpanCases(t, []spanCase{
		{"guilt allowed", "", "Dana, you're running out of excuses.", nil},
		{"preachy: the shared should", "", "We all know we should be stretching more, so here is a class.", []string{"brand.tone flag body [0,21]"}},
	}, func(in *Input) { in.Brief.Brand.AvoidTone = []string{"moralising"} }, Tone)
}

// The brand slowing down or simplifying for a reader it takes to be
// slow, where the brief avoids condescension. A simple product, a plain
// guide, or ease "for you to" do something is not.
func TestBlind13SlowedDownForTheReader(t *testing.T) {
	t.Parallel()
	condescending := func(in *Input) { in.Brief.Brand.AvoidTone = []string{"condescending"} }
	runSpanCases(t, []spanCase{
		{"keep this very simple for you", "", "Fees can be confusing, so we'll keep this very simple for you.", []string{"brand.tone flag body [26,61]"}},
		{"let's make it nice and easy for you", "", "Let's make it nice and easy for you: one step.", []string{"brand.tone flag body [0,35]"}},
		{"explained slowly", "", "Layering, explained slowly.", []string{"brand.tone flag body [10,26]"}},
		{"we'll explain it really slowly", "", "We'll explain it really slowly this time.", []string{"brand.tone flag body [6,30]"}},
		{"break it down slowly", "", "We'll break it down slowly, step by step.", []string{"brand.tone flag body [6,26]"}},
		{"in small words", "", "Here it is in small words: wax, then ride.", []string{"brand.tone flag body [11,25]"}},
		{"we keep it simple", "", "We keep it simple: one serum, one cream.", nil},
		{"simple for you to switch", "", "We've made it super easy for you to switch.", nil},
		{"checkout simple for you", "", "We made checkout simple for you.", nil},
		{"a plain guide", "", "Skincare can be confusing, so we wrote a plain guide.", nil},
		{"in plain words", "", "Credit scores, in plain words.", nil},
		{"explained simply", "", "Credit scores, explained simply.", nil},
		{"absorbs slowly", "", "The balm absorbs slowly overnight.", nil},
		{"start slowly", "", "Start slowly and build up over the month.", nil},
	}, condescending, Tone)
	runSpanCases(t, []spanCase{
		{"condescension allowed", "", "Layering, explained slowly.", nil},
	}, nil, Tone)
}

// A model's opener naming its answer by a word copy also uses ("text",
// "note", "reminder"), or such an answer labelled for someone other than
// the reader. "Here's a reminder:" and "Sure, text us" are copy.
func TestBlind13AnswerPreamble(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"sure, here is a text for", "", "Sure, here is a short, friendly text for Dana: new layers are in.", []string{"safety.leak block body [0,36]"}},
		{"of course, here's a reminder", "", "Of course! Here's a gentle reminder about the sale.", []string{"safety.leak block body [0,35]"}},
		{"absolutely, below is a blurb", "", "Absolutely. Below is a blurb for the winter launch.", []string{"safety.leak block body [0,28]"}},
		{"no opener, a text for a name", "", "Here's a text for Dana: the Pegasus is back.", []string{"safety.leak block body [0,23]"}},
		{"no opener, a note for the customer", "", "Here is the note for the member: your size is back.", []string{"safety.leak block body [0,32]"}},
		{"here's a reminder", "", "Here's a reminder: the sale ends Dec 31.", nil},
		{"here's a note for you", "", "Here's a note for you: members save 15%.", nil},
		{"sure, text us", "", "Sure, text us anytime with questions.", nil},
		{"sure thing", "", "Sure thing: reply with your size.", nil},
		{"here's the deal", "", "Here's the deal: 15% off for members.", nil},
		{"absolutely, one more reason", "", "Absolutely, here's one more reason to love winter.", nil},
		{"a note from the founder", "", "Here's a note from our founder.", nil},
	}, nil, Leak)
}

// Records another company keeps about the reader, read by the brand:
// another bank's statements, a card statement from elsewhere, pay stubs.
// Asking the reader to bring or upload them, the brand's own statements,
// and a question the reader answers are not.
func TestBlind13OtherCompanysRecords(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"statements from your other bank show", "", "Your statements from your other bank show two late fees.", []string{"privacy.surveillance block body [0,41]"}},
		{"another store's receipts show", "", "Another store's receipts show you buy socks every month.", []string{"privacy.surveillance block body [0,29]"}},
		{"we noticed on a card statement", "", "We noticed a fee on your card statement from another bank.", []string{"privacy.surveillance block body [0,57]"}},
		{"we looked at old records", "", "We looked at your transactions at your old bank.", []string{"privacy.surveillance block body [0,47]"}},
		{"records from your previous lender suggest", "", "Records from your previous lender suggest you'd qualify.", []string{"privacy.surveillance block body [0,41]"}},
		{"your pay stubs show", "", "Your pay stubs show a raise this year.", []string{"privacy.surveillance block body [0,19]"}},
		{"your tax return says", "", "Your latest tax return says you moved.", []string{"privacy.surveillance block body [0,27]"}},
		{"upload a statement to switch", "", "Upload a statement from your other bank to switch.", nil},
		{"bring your pay stubs", "", "Bring your pay stubs to the branch to apply.", nil},
		{"our statements", "", "Your statements show every fee up front.", nil},
		{"your statements in the app", "", "Your statements are in the app.", nil},
		{"a question to the reader", "", "Does your other bank's statement show a monthly fee?", nil},
		{"if it shows", "", "If your statements from your other bank show a monthly fee, switch today.", nil},
		{"check yours", "", "Check your statements from your other bank for fees like these.", nil},
		{"have you checked", "", "Have you checked your statements from other banks lately?", nil},
		{"move your payments", "", "We'll move your payments from your other bank for you.", nil},
		{"our tax guide", "", "Our tax return guide shows how to file.", nil},
	}, nil, Surveillance)
}

func init() {
	// Every rule must find in windows what it finds in the whole text.
	triggerCorpus = append(triggerCorpus,
		"Deep down, you know you ought to sleep more, and good intentions alone won't get you up the hill.",
		"With a class at lunch, it is hard to find an excuse; stop letting those resolutions slip.",
		"Fees can be confusing, so we'll keep this very simple for you. Layering, explained slowly.",
		"Sure, here is a short, friendly text for Dana: new layers are in.",
		"We noticed a fee on your card statement from another bank, and your pay stubs show a raise.",
	)
}
