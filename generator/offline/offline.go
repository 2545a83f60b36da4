// Package offline is Tailor's default model: a deterministic composer that
// writes channel-correct copy from the brief, the allowed facts, the
// customer's lifecycle stage and the retrieved creatives. It is not a
// language model and does not pretend to be one: its copy is assembled from
// sentence patterns, so the demo and the tests run offline and repeatably.
package offline

import (
	"context"
	"strings"
	"unicode"
	"unicode/utf8"

	tailor "github.com/tailorhq/tailor"
	"github.com/tailorhq/tailor/generator"
)

// Name is what variants written by this model record as their model.
const Name = "offline-composer/v1"

// Model is the offline composer. The zero value is ready to use.
type Model struct{}

var _ generator.Model = Model{}

// Generate writes req.N drafts, each from a different angle, or rewrites one
// draft when req.Repair is set.
func (Model) Generate(ctx context.Context, req generator.Request) (generator.Response, error) {
	if err := ctx.Err(); err != nil {
		return generator.Response{}, err
	}
	c := newContext(req)
	if req.Repair != nil {
		return generator.Response{Drafts: []generator.Draft{c.repair(req.Repair.Fields, req.Repair.Findings)}, Model: Name}, nil
	}
	angles := c.angles(max(req.N, 1))
	drafts := make([]generator.Draft, len(angles))
	for i, a := range angles {
		drafts[i] = c.compose(a, i)
	}
	return generator.Response{Drafts: drafts, Model: Name}, nil
}

// composer holds what one request's copy is made of.
type composer struct {
	brief     tailor.Brief
	channel   tailor.Channel
	name      string // first name, if allowed
	interest  string
	viewed    string
	stage     string
	creatives []tailor.Creative
	facts     []tailor.Fact
	seed      int
}

func newContext(req generator.Request) *composer {
	c := &composer{brief: req.Brief, channel: req.Channel, stage: req.Stage, creatives: req.Creatives, facts: req.Facts, seed: req.Seed}
	for _, f := range req.Facts {
		switch f.Key {
		case "first_name":
			c.name = strings.TrimSpace(f.Value)
		case "favorite_activity", "interest", "favorite_category":
			if c.interest == "" && isPhrase(f.Value) {
				c.interest = strings.TrimSpace(f.Value)
			}
		case "viewed_product", "cart_product", "last_purchase":
			if c.viewed == "" && f.Source == tailor.Observed && isPhrase(f.Value) {
				c.viewed = strings.TrimSpace(f.Value)
			}
		}
	}
	return c
}

// isPhrase reports whether a customer-supplied value reads as a short name
// ("trail running", "Pegasus Trail 5 GTX"). The composer pastes values into
// sentences, so it leaves anything longer or sentence-like unused rather than
// echo untrusted text; a language model sees such values only fenced as data.
func isPhrase(v string) bool {
	v = strings.TrimSpace(v)
	if v == "" || len(strings.Fields(v)) > 5 || utf8.RuneCountInString(v) > 40 {
		return false
	}
	for _, r := range v {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != ' ' && r != '-' && r != '\'' && r != '&' {
			return false
		}
	}
	return true
}

// stageAngle maps a lifecycle stage to the angle that fits it: loyalty for a
// returning customer, trust and education for a new one, a warm welcome back
// for a lapsed one.
func stageAngle(stage string) string {
	switch strings.NewReplacer("-", "_", " ", "_").Replace(stage) {
	case "returning", "loyal", "repeat", "vip", "active":
		return "loyalty"
	case "new", "first_time", "prospect", "lead", "subscriber":
		return "education"
	case "lapsed", "dormant", "churned", "inactive", "at_risk":
		return "win-back"
	}
	return ""
}

// angles picks n angles, the stage's first; past the distinct ones it
// repeats them with other wording.
func (c *composer) angles(n int) []string {
	pool := c.pool()
	out := make([]string, n)
	for i := range out {
		out[i] = pool[i%len(pool)]
	}
	return out
}

// pool lists the distinct angles this customer's facts support, best first.
func (c *composer) pool() []string {
	var pool []string
	add := func(a string, ok bool) {
		if ok && a != "" && !contains(pool, a) {
			pool = append(pool, a)
		}
	}
	add(stageAngle(c.stage), true)
	add("interest", c.interest != "")
	add("browsed", c.viewed != "")
	add("offer", c.brief.Campaign.Offer != "")
	add("inspiration", len(c.creatives) > 0)
	add("product", true)
	return pool
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// compose writes one draft from one angle; i varies the wording.
func (c *composer) compose(angle string, i int) generator.Draft {
	head := c.headline(angle, i)
	body := c.sentences(angle, i)
	fields := map[string]string{}
	spec := c.channel.Spec()
	for _, f := range spec.Fields {
		limit := c.brief.FieldLimit(c.channel, f.Name)
		switch f.Name {
		case "subject", "title", "headline":
			fields[f.Name] = fit(head, limit)
		case "preheader":
			fields[f.Name] = fitSentences(body[1:], limit, "")
		case "cta":
			fields[f.Name] = fit(c.cta(), limit)
		case "body", "text":
			fields[f.Name] = c.bodyText(body, limit)
		}
	}
	return generator.Draft{Fields: fields, Angle: angle, UsedFacts: c.usedFacts(fields, angle)}
}

func (c *composer) cta() string {
	if c.brief.Campaign.CTA != "" {
		return c.brief.Campaign.CTA
	}
	return "Shop now"
}

func (c *composer) product() string {
	if c.brief.Campaign.Product != "" {
		return c.brief.Campaign.Product
	}
	return "our new collection"
}

func (c *composer) headline(angle string, i int) string {
	name, product := c.name, c.product()
	pick := func(options ...string) string { return options[(c.seed+i)%len(options)] }
	switch angle {
	case "loyalty":
		if name != "" {
			return pick(name+", this one's for you", "Welcome back, "+name)
		}
		return pick("This one's for you", "Good to see you again")
	case "education":
		return pick("Meet the "+product, "New here? Start with the "+product)
	case "win-back":
		if name != "" {
			return pick(name+", your next adventure awaits", "We kept a spot for you, "+name)
		}
		return "Your next adventure awaits"
	case "interest":
		return pick("Made for "+strings.ToLower(c.interest), "More "+strings.ToLower(c.interest)+", less waiting")
	case "browsed":
		return pick("Still thinking about the "+c.viewed+"?", "The "+c.viewed+" is ready when you are")
	case "offer":
		return c.brief.Campaign.Offer
	case "inspiration":
		if h := firstField(c.inspiration(i).Fields, "subject", "headline", "title", "text"); h != "" {
			return h
		}
	}
	return "Say hello to the " + product
}

// inspiration picks the retrieved creative draft i borrows a line from:
// the best for the first draft, the next for the second, and so on.
func (c *composer) inspiration(i int) tailor.Creative {
	return c.creatives[i%len(c.creatives)]
}

// sentences returns the body's sentences, most important first; the first is
// the angle's opener.
func (c *composer) sentences(angle string, i int) []string {
	product, offer := c.product(), c.brief.Campaign.Offer
	var opener string
	switch angle {
	case "loyalty":
		opener = "Thanks for being part of the " + c.brief.Brand.Name + " crew."
		if c.name != "" {
			opener = "Thanks for sticking with us, " + c.name + "."
		}
	case "education":
		opener = "Here is what makes the " + product + " worth a look."
	case "win-back":
		opener = "It has been a while, and a lot is new at " + c.brief.Brand.Name + "."
	case "interest":
		opener = "Built for " + strings.ToLower(c.interest) + ", the " + product + " keeps up with you."
	case "browsed":
		opener = "The " + c.viewed + " you looked at is still here."
	case "offer":
		opener = "Good news: " + lowerFirst(offer) + "."
	case "inspiration":
		opener = firstSentence(firstField(c.inspiration(i).Fields, "body", "text"))
	}
	var out []string
	add := func(s string) {
		if s != "" && !contains(out, s) {
			out = append(out, s)
		}
	}
	add(opener)
	add("The " + product + " is ready for your next outing.")
	if offer != "" && angle != "offer" {
		add("Right now: " + lowerFirst(offer) + ".")
	}
	// Ground the draft in what worked before: a line of a retrieved creative,
	// else one of the brand's exemplars.
	if len(c.creatives) > 0 && angle != "inspiration" {
		line := firstSentence(firstField(c.inspiration(i).Fields, "body", "text"))
		repeatsOffer := offer != "" && strings.Contains(strings.ToLower(line), strings.ToLower(offer))
		if !strings.HasSuffix(line, ":") && !repeatsOffer {
			add(line)
		}
	} else if len(c.brief.Brand.Exemplars) > 0 {
		add(c.brief.Brand.Exemplars[(c.seed+i)%len(c.brief.Brand.Exemplars)])
	}
	return out
}

// bodyText fills the body up to its limit, keeping room for what must end it.
func (c *composer) bodyText(sentences []string, limit int) string {
	var tail string
	if c.channel == tailor.Email || c.channel == tailor.Web || c.channel == tailor.Push {
		tail = c.brief.Brand.RequiredDisclaimers[string(c.channel)]
	}
	switch c.channel {
	case tailor.SMS:
		tail = strings.TrimSpace(c.brief.Brand.RequiredDisclaimers["sms"] + " " + optOut)
		sentences = append([]string{c.brief.Brand.Name + ":"}, sentences...)
	case tailor.Email:
		sentences = append(sentences, c.cta()+" today.")
	}
	return fitSentences(sentences, limit, tail)
}

const optOut = "Reply STOP to opt out"

// usedFacts names the facts the draft relies on: a fact whose value appears
// in the copy, and the lifecycle stage when the angle came from it.
func (c *composer) usedFacts(fields map[string]string, angle string) []string {
	var used []string
	text := strings.ToLower(strings.Join(values(fields), "\n"))
	for _, f := range c.facts {
		switch {
		case f.Key == "lifecycle_stage":
			if stageAngle(c.stage) == angle && angle != "" {
				used = append(used, f.Key)
			}
		case strings.TrimSpace(f.Value) != "" && strings.Contains(text, strings.ToLower(strings.TrimSpace(f.Value))):
			used = append(used, f.Key)
		}
	}
	return used
}

func values(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for _, v := range m {
		out = append(out, v)
	}
	return out
}

func firstField(fields map[string]string, names ...string) string {
	for _, n := range names {
		if v := strings.TrimSpace(fields[n]); v != "" {
			return v
		}
	}
	return ""
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}
