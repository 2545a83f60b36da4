package guardrails

import (
	"fmt"
	"slices"
	"strings"

	tailor "github.com/tailorhq/tailor"
	"github.com/tailorhq/tailor/guardrails/classify"
)

// The statistical judge (package classify) reads each sentence after the
// pattern checks and flags meaning they missed: a sensitive attribute
// implied in new words, surveillance stated plainly, text addressed to a
// reviewer or a model, a tone the brand avoids. It only ever flags: a human
// reviewer decides, because a statistical reading can be wrong.
//
// Labels about the reader (all but injection) count only in a sentence that
// addresses the reader ("you", the first name, a question): "As a
// Black-owned business, we…" is about the brand. Surveillance needs more
// certainty than the judge's threshold, because plain first-party copy
// ("You looked at the jacket") reads close to it.
var judgeChecks = map[string]struct {
	check, what string
	tone        string  // the avoid_tone family that must be on, if any
	min         float64 // the P(unsafe) from which it is reported
}{
	classify.Sensitive:    {SensitiveAttribute, "implies a sensitive attribute of the reader", "", classify.Threshold},
	classify.Surveillance: {Surveillance, "reveals tracking detail about the reader", "", 0.95},
	classify.Injection:    {PromptInjection, "reads like a note to a reviewer or a model, not copy", "", classify.Threshold},
	classify.Pushy:        {Tone, "sounds pushy, a tone the brand avoids", "pushy", classify.Threshold},
	classify.Fear:         {Tone, "sounds like a fear appeal, a tone the brand avoids", "fear", classify.Threshold},
	classify.Guilt:        {Tone, "sounds like a guilt trip, a tone the brand avoids", "guilt", classify.Threshold},
}

// Warm trains the statistical judge now rather than in the first Check,
// which would otherwise hold up every check that starts while it trains
// (a few tenths of a second of CPU): a worker calls it before it takes
// jobs, so its first jobs are as fast as the rest.
func Warm() error {
	_, err := classify.Default()
	return err
}

func checkJudge(r *run) {
	m, err := classify.Default()
	if err != nil {
		// The corpus is embedded and tested; failing here is a build defect.
		panic(err)
	}
	avoided := r.rules.avoid // toneFamilies of the brand's avoid_tone, worked out once per brief
	brandPrefix := strings.ToLower(r.in.Brief.Brand.Name) + ":"
	name := ""
	if v, ok := r.in.Profile.Fact("first_name"); ok {
		name = strings.ToLower(v)
	}
	for _, f := range r.fields {
		for _, b := range sentenceBounds(f.t.norm) {
			sentence := f.t.norm[b[0]:b[1]]
			// An SMS opens with the sender's name ("Acme Outdoor: …"); a
			// label before a colon otherwise reads like a note to someone.
			v := m.Classify(strings.TrimPrefix(sentence, brandPrefix))
			if v.Label == classify.OK {
				continue
			}
			jc := judgeChecks[v.Label]
			if jc.tone != "" && !avoided[jc.tone] {
				label, ok := avoidedPressure(v, avoided)
				if !ok {
					continue
				}
				jc = judgeChecks[label]
			}
			// One word is too little to go on: a report needs two features
			// that pushed towards the label, one with a content word ("?" and
			// "your" alone make any question to the reader look sensitive).
			if v.Unsafe < jc.min || len(v.Evidence) < 2 || !slices.ContainsFunc(v.Evidence, hasContentWord) ||
				v.Label != classify.Injection && !addressesReader(sentence, name) {
				continue
			}
			sp := f.t.span(b[0], b[1])
			if r.covered(jc.check, f.name, sp) {
				continue // a pattern check already said it, more precisely
			}
			r.addAt(jc.check, tailor.Flag, f.name, sp, fmt.Sprintf("%s (statistical judge, %.0f%% sure; words: %s)",
				jc.what, 100*v.Unsafe, quoteAll(v.Evidence)))
		}
	}
}

// pressureTones are the judge's tone labels: neighbouring pressure tactics
// the model often splits one sentence between ("everyone else already
// upgraded, so why are you still waiting?" is about half pushy, half guilt).
var pressureTones = []string{classify.Pushy, classify.Fear, classify.Guilt}

// nearTie is how close to the most likely label a pressure tone must come
// to count: a brand that avoids guilt trips is not let off because the
// model leaned, by a few points, to calling the sentence pushy.
const nearTie = 0.8

// avoidedPressure returns the likeliest pressure tone the brand avoids, when
// it comes within nearTie of the sentence's most likely label.
func avoidedPressure(v classify.Verdict, avoided map[string]bool) (string, bool) {
	top := slices.Index(classify.Labels, v.Label)
	best, bestP := "", 0.0
	for _, l := range pressureTones {
		if p := v.P[slices.Index(classify.Labels, l)]; avoided[judgeChecks[l].tone] && p >= nearTie*v.P[top] && p > bestP {
			best, bestP = l, p
		}
	}
	return best, best != ""
}

// addressesReader reports whether a (normalised, lower-case) sentence speaks
// to the reader: second person, the first name, or a question.
func addressesReader(sentence, name string) bool {
	if strings.HasSuffix(sentence, "?") {
		return true
	}
	for _, w := range classify.Words(sentence) {
		switch w {
		case "you", "your", "you're", "yours", "yourself", "you've", "you'll", "you'd", "ya", "u", name:
			return true
		}
	}
	return false
}

// covered reports whether a finding of the check, or of the same family
// (safety.*), already overlaps the span.
func (r *run) covered(check, field string, sp [2]int) bool {
	family := func(c string) string { return c[:strings.IndexByte(c, '.')+1] }
	for _, g := range r.out {
		same := g.Check == check || family(check) == "safety." && family(g.Check) == "safety."
		if same && g.Field == field && (g.Span == nil || g.Span[0] < sp[1] && sp[0] < g.Span[1]) {
			return true
		}
	}
	return false
}

// sentenceBounds splits text into sentences at ".", "!", "?" or a line
// break followed by space or the end, trimming the spaces around each.
func sentenceBounds(s string) [][2]int {
	var out [][2]int
	begin := 0
	flush := func(end int) {
		b, e := begin, end
		for b < e && isSpace(s[b]) {
			b++
		}
		for e > b && isSpace(s[e-1]) {
			e--
		}
		if e > b {
			out = append(out, [2]int{b, e})
		}
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\n':
			flush(i)
			begin = i + 1
		case (c == '.' || c == '!' || c == '?') && (i+1 == len(s) || isSpace(s[i+1])):
			flush(i + 1)
			begin = i + 1
		}
	}
	flush(len(s))
	return out
}

// hasContentWord reports whether an evidence feature ("of your", "your
// recovery") holds a word that is not a function word or a marker.
func hasContentWord(feature string) bool {
	for _, w := range strings.Fields(feature) {
		if !functionWords[w] && !strings.HasPrefix(w, "<") && len(w) > 1 {
			return true
		}
	}
	return false
}

var functionWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a an the and or but if so as at by for from in into of on onto to up with about
		is are was were be been being am do does did have has had will would can could should may might must shall
		i me my we us our you your yours yourself he him his she her it its they them their this that these those
		not no nor too very just also than then there here what which who whom whose when where why how all any
		each every some such only own same other more most much many few again still yet ever even out off over
		under down now ago while because until before after since during don't can't won't it's you're you've
		you'll we're we've let's that's there's`) {
		m[w] = true
	}
	return m
}()

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func quoteAll(ws []string) string {
	q := make([]string, len(ws))
	for i, w := range ws {
		q[i] = fmt.Sprintf("%q", w)
	}
	return strings.Join(q, ", ")
}
