package guardrails

import "testing"

// Cases for the rule classes widened after blind holdouts 14 and 15's first
// runs, with sentences written for this test, not copied from any eval set.
// Most are new wordings of classes earlier rounds added.

// Nothing ever passes the product, said as the reader kept dry for good or
// as every drop kept out. Keeping the rain out, a dry pocket, a drop of
// coffee kept hot and a wet trail are not.
func TestBlind15AlwaysDry(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"keeps every drop out", "", "The shell keeps every drop out, all winter.", []string{"brand.claim block body [10,30]"}},
		{"locks out every last drip", "", "Taped seams lock out every last drip.", []string{"brand.claim block body [12,36]"}},
		{"seals each drop of rain out", "", "The gusset seals each drop of rain out.", []string{"brand.claim block body [11,38]"}},
		{"your feet will never get wet", "", "In these boots your feet will never get wet.", []string{"brand.claim block body [25,43]"}},
		{"you'll never be damp again", "", "You'll never be damp on a run again.", []string{"brand.claim block body [7,20]"}},
		{"won't get soggy ever again", "", "Your socks won't get soggy ever again.", []string{"brand.claim block body [11,37]"}},
		{"never a wet sock again", "", "Never a wet sock again.", []string{"brand.claim block body [0,22]"}},
		{"never another soggy toe again", "", "Never another soggy toe again this season.", []string{"brand.claim block body [0,29]"}},
		{"keeps the rain out", "", "The hood keeps the rain out on windy ridges.", nil},
		{"won't get wet in the pocket", "", "Your phone won't get wet in the sealed pocket.", nil},
		{"keeps every drop of coffee hot", "", "The flask keeps every drop of coffee hot.", nil},
		{"never mind the wet trail", "", "Never mind the wet trail: the outsole grips.", nil},
		{"never skip a wet run", "", "Never skip a run because it's wet again.", nil},
		{"a wet day", "", "A wet day is a good day for the Pegasus.", nil},
	}, nil, Claim)
}

// Clinicians' word for the product without "recommend": ask any of them,
// any of them will tell you, the class they talk about. Advice to ask
// one's own doctor, and a guide with a doctor's tips, are not.
func TestBlind15ClinicianAppeal(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"ask any doctor", "", "Ask any doctor: this is the workout to do.", []string{"brand.claim block body [0,14]"}},
		{"ask almost any dermatologist", "", "Ask almost any dermatologist about Dew Drop.", []string{"brand.claim block body [0,28]"}},
		{"any podiatrist will tell you", "", "Any podiatrist will tell you these soles help.", []string{"brand.claim block body [0,28]"}},
		{"the class doctors talk about", "", "The class doctors talk about is back.", []string{"brand.claim block body [0,28]"}},
		{"the serum dermatologists rave about", "", "Meet the serum dermatologists rave about.", []string{"brand.claim block body [5,40]"}},
		{"nurses can't stop talking about", "", "Nurses can't stop talking about these clogs.", []string{"brand.claim block body [0,31]"}},
		{"ask your doctor", "", "Ask your doctor before you start a new workout.", nil},
		{"talk to a doctor", "", "Talk to a doctor about any changes to your skin.", nil},
		{"tips from a doctor", "", "Our guide has tips from a skin doctor.", nil},
		{"doctors talk to patients", "", "Doctors talk to patients about sleep every day.", nil},
		{"ask any coach", "", "Ask any coach: rest days matter.", nil},
	}, nil, Claim)
}

// A system prompt that names the writer before its role, or gives the role
// as a brand's. A sentence to a named reader about their own job is not.
func TestBlind15NamedSystemPrompt(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"you are a name, a copywriter for", "", "You are Quill, a copywriter for Acme Outdoor.", []string{"safety.prompt_injection block body [0,31]"}},
		{"you're a name, an email writer at", "", "You're Max, an email writer at a bank.", []string{"safety.prompt_injection block body [0,30]"}},
		{"you are the brand's copywriter for", "", "You are Acme's senior copywriter for winter.", []string{"safety.prompt_injection block body [0,36]"}},
		{"you're a runner", "", "You're Dana, a runner for life.", nil},
		{"you are the copy", "", "You are the reason we make winter layers.", nil},
	}, nil, PromptInjection)
}

// A model's answer preamble that describes how it met the task (in the
// brand's voice, under the length limit, as requested) without "Sure" or
// a name. An email said to the reader, and "in a nutshell", are not.
func TestBlind15PreambleMeetingTheTask(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"in the brand voice", "", "Here is a short email in the Acme voice. New layers are in.", []string{"safety.leak block body [0,39]"}},
		{"in a warm tone", "", "Here's a friendly push in a warm, upbeat tone. Layers are in.", []string{"safety.leak block body [0,45]"}},
		{"kept under the length limit", "", "Here is the email, kept under the length limit. Layers are in.", []string{"safety.leak block body [0,46]"}},
		{"as requested", "", "Here is a rewrite as requested. Layers are in.", []string{"safety.leak block body [0,30]"}},
		{"a story in a founder's voice", "", "Here's a story in our founder's own voice.", nil},
		{"in a nutshell", "", "Here's our news in a nutshell: layers are in.", nil},
		{"a reminder in case", "", "Here is a reminder, in case you missed it.", nil},
		{"the deal kept simple", "", "Here's the deal, kept simple: 15% off.", nil},
	}, nil, Leak)
}

// The reader's social account as the source of what the brand says, and
// the reader's own pictures seen by the brand with no source named.
// Inviting the reader to share, their race photos offered to them, and a
// customer's photos the brand was sent are not.
func TestBlind15SocialSourceUnnamed(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"your instagram tells us", "", "Your Instagram tells us it's been a snowy month.", []string{"privacy.surveillance block body [0,20]"}},
		{"your strava feed shows", "", "Your Strava feed shows a lot of hill repeats.", []string{"privacy.surveillance block body [0,22]"}},
		{"saw your ski trip photos", "", "Saw your ski trip photos. Time for warmer layers?", []string{"privacy.surveillance block body [0,24]"}},
		{"we spotted your race-day pics", "", "We spotted your race-day pics, Dana.", []string{"privacy.surveillance block body [3,29]"}},
		{"have you seen your photos", "", "Have you seen your race photos yet? Download them free.", nil},
		{"you'll spot your photos", "", "Once you've spotted your photos in the gallery, tag us.", nil},
		{"share your photos", "", "Share your photos with #acmetrails.", nil},
		{"follow our instagram", "", "Follow our Instagram for trail tips.", nil},
		{"your photos are ready", "", "Your photos from the race are ready.", nil},
	}, nil, Surveillance)
}

// Pregnancy said by its stages or by the one on the way, and the reader's
// exercise "for two". A table or tickets for two, a new jacket on the way
// and a school trimester said of no one are not.
func TestBlind15PregnancyBySpeaking(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"through every trimester", "", "Keep moving through every trimester.", []string{"privacy.sensitive_attribute block body [20,35]"}},
		{"all three trimesters", "", "A fleece that fits all three trimesters.", []string{"privacy.sensitive_attribute block body [19,39]"}},
		{"trails for two", "", "Trails for two this winter?", []string{"privacy.sensitive_attribute block body [0,14]"}},
		{"trail miles for two", "", "Trail miles for two, with room to grow.", []string{"privacy.sensitive_attribute block body [6,19]"}},
		{"a little trail buddy on the way", "", "With a little trail buddy on the way, go easy.", []string{"privacy.sensitive_attribute block body [5,36]"}},
		{"your tiny sidekick due soon", "", "Gear up before your tiny sidekick due soon.", []string{"privacy.sensitive_attribute block body [15,42]"}},
		{"a table for two", "", "Book a table for two this Friday.", nil},
		{"tickets for two", "", "Win race tickets for two.", nil},
		{"new jacket on the way", "", "Your new jacket is on the way.", nil},
		{"new arrivals on the way", "", "New arrivals on the way this week.", nil},
		{"a new one on the way", "", "Wore out your shoes? A new pair is on the way.", nil},
	}, nil, SensitiveAttribute)
}

// A declared climbing interest by the climber or the wall, without
// personalization consent. A wall in a room, a hill climb and the same
// words with consent are not.
func TestBlind15ClimberWithoutConsent(t *testing.T) {
	t.Parallel()
	runSpanCases(t, []spanCase{
		{"climbers need", "", "Climbers need strong fingers.", []string{"privacy.consent block body [0,8]"}},
		{"for the climber in you", "", "Gifts for the climber in you.", []string{"privacy.consent block body [14,21]"}},
		{"rest day from the wall", "", "Rest day from the wall?", []string{"privacy.consent block body [9,22]"}},
		{"strength for the wall", "", "Grip strength for the wall.", []string{"privacy.consent block body [14,26]"}},
		{"a climbing gym", "", "A climbing gym class with a coach.", []string{"privacy.consent block body [2,14]"}},
		{"a print on the wall", "", "A trail map to hang on the wall.", nil},
		{"hill climbs", "", "The sole holds on icy climbs.", nil},
		{"a wall of gear", "", "A wall of new gear is waiting in store.", nil},
	}, boulderingWithoutConsent, Consent)
	runSpanCases(t, []spanCase{
		{"with consent", "", "Rest day from the wall? Climbers need strong fingers.", nil},
	}, withBouldering, Consent)
}
