package bench

import (
	"fmt"
	"math/rand/v2"
	"strings"

	tailor "github.com/tailorhq/tailor"
)

// benchBrief is the sample brief of examples/acme, kept here so the harness
// runs from any directory.
const benchBrief = `{"brand": {"id": "acme-outdoor", "name": "Acme Outdoor", "voice": "Warm, confident and outdoorsy. Speaks like a trail buddy, never like a salesperson.", "tone": ["warm", "confident", "playful"], "avoid_tone": ["pushy", "fearful"], "banned_phrases": ["cheap", "act now", "guaranteed"], "preferred_terms": {"customers": "members"}, "required_disclaimers": {"email": "Offer valid through Dec 31. Terms apply."}, "competitors": ["Peak Gear"], "exemplars": ["Your next trail is calling. New winter layers are here."], "policy": {"max_exclamations": 1, "reading_grade_max": 8, "allow_emoji": false}}, "campaign": {"id": "winter-trail-2026", "objective": "Drive purchase of winter trail running shoes", "product": "Pegasus Trail 5 GTX", "offer": "15% off for members through Dec 31", "cta": "Shop winter trail", "channels": ["email", "sms", "push"], "version": 1}}`

func loadBrief() (tailor.Brief, error) {
	return tailor.DecodeBrief([]byte(benchBrief))
}

var (
	firstNames = []string{"Sam", "Priya", "Lucas", "Mei", "Omar", "Ana", "Jonas", "Zoe", "Kofi", "Ines", "Ravi", "Lena"}
	stages     = []string{"new", "returning", "lapsed", "loyal"}
	activities = []string{"hiking", "camping", "cycling", "skiing", "trail running", "climbing", "kayaking"}
	products   = []string{"Pegasus Trail 5 GTX", "Ridge Hiking Boot", "Summit Shell Jacket", "Canyon Daypack"}
)

// profile returns the i-th synthetic customer: like the sample customers,
// some with facts the gate withholds (PII, sensitive, inferred).
func profile(run string, i int) tailor.Profile {
	facts := []tailor.Fact{
		{Key: "first_name", Value: firstNames[i%len(firstNames)], Source: tailor.Declared, PII: true},
		{Key: "lifecycle_stage", Value: stages[i%len(stages)], Source: tailor.Observed},
	}
	if i%3 != 2 {
		facts = append(facts, tailor.Fact{Key: "favorite_activity", Value: activities[i%len(activities)], Source: tailor.Declared})
	}
	if i%4 == 1 {
		facts = append(facts, tailor.Fact{Key: "viewed_product", Value: products[i%len(products)], Source: tailor.Observed})
	}
	if i%10 == 7 {
		facts = append(facts, tailor.Fact{Key: "likely_expecting_baby", Value: "true", Source: tailor.Inferred, Sensitive: true})
	}
	return tailor.Profile{
		CustomerID: fmt.Sprintf("%s-c%06d", run, i),
		Locale:     "en-US",
		Facts:      facts,
		Consent:    tailor.Consent{Personalization: true, Channels: []tailor.Channel{tailor.Email, tailor.SMS, tailor.Push}},
	}
}

// benchJob is the i-th job of a run: every channel of the brief, variants each.
func benchJob(brief tailor.Brief, run string, i, variants int, channels []tailor.Channel) tailor.Job {
	ref := brief.Ref()
	return tailor.Job{
		BriefRef: &ref, Profile: profile(run, i), Channels: channels, Variants: variants,
		IdempotencyKey: fmt.Sprintf("bench:%s:%d", run, i),
	}
}

// words make synthetic past creatives whose hashing embeddings spread out
// like real copy: shared marketing vocabulary, varied combinations.
var words = strings.Fields(`trail winter run shoe boot grip warm cold frost snow mountain summit ridge
canyon river lake forest path mile climb hike camp bike ski paddle tent pack jacket shell layer
fleece sock glove hat light fast strong dry waterproof breathable comfort fit stride step pace
morning evening weekend season spring summer autumn holiday gift member offer save deal new
fresh limited edition classic favourite explore discover adventure journey outdoor wild open
air sun rain wind storm calm quiet joy fun friend family team together first last best
ready go start finish goal peak valley meadow stone rock sand coast island north south east west
gear kit bottle stove lamp map compass rope harness helmet saddle wheel chain pedal board`)

// creativeText is a synthetic past creative: a few sentences from the vocabulary.
func creativeText(rng *rand.Rand) string {
	n := 8 + rng.IntN(16)
	out := make([]string, n)
	for i := range out {
		out[i] = words[rng.IntN(len(words))]
	}
	return strings.Join(out, " ")
}

// topicText is a synthetic creative on one of topics themes: the theme's
// words with about a quarter of them swapped and a few added. Real copy
// clusters like this (campaigns, their variants, their reworks); bags of
// random words would not, and no index finds neighbours that are hardly
// nearer than any other row.
func topicText(rng *rand.Rand, topics int) string {
	t := rng.IntN(max(topics, 1))
	base := rand.New(rand.NewPCG(uint64(t), 99))
	n := 10 + base.IntN(12)
	out := make([]string, 0, n+4)
	for range n {
		w := words[base.IntN(len(words))]
		if rng.Float64() < 0.25 {
			w = words[rng.IntN(len(words))]
		}
		out = append(out, w)
	}
	for range rng.IntN(5) {
		out = append(out, words[rng.IntN(len(words))])
	}
	return strings.Join(out, " ")
}

// brands of the retrieval set: the filter keeps one brand and channel.
func benchBrand(i int) string { return fmt.Sprintf("brand-%02d", i) }
