package guardrails

import (
	"fmt"
	"testing"

	tailor "github.com/tailorhq/tailor"
	"github.com/tailorhq/tailor/prompts"
)

// BenchmarkCheck measures the full check set on one e-mail variant, the
// worker's common case; the brief's rules are cached after the first call.
func BenchmarkCheck(b *testing.B) {
	in := Input{Brief: testBrief(), Profile: testProfile(), Channel: tailor.Email, Canary: "tlr-9f8e7d", Fields: map[string]string{
		"subject":   "Dana, your next trail is calling",
		"preheader": "New winter layers and the Pegasus Trail 5 GTX are here.",
		"body": "Winter trails are wet, cold and wonderful. The Pegasus Trail 5 GTX keeps your feet dry with a waterproof membrane " +
			"and grips on ice and slush, so you can keep your streak going when the days get short. Pair it with merino socks and " +
			"the Summit Fleece Jacket you looked at, and you are set for every muddy mile. Members get 15% off through Dec 31. " +
			"Offer valid through Dec 31. Terms apply.",
		"cta": "Shop winter trail",
	}}
	if rep := Check(in); rep.Status != tailor.Approved {
		b.Fatalf("benchmark copy is not approved: %+v", rep.Findings)
	}
	b.ReportAllocs()
	for b.Loop() {
		Check(in)
	}
}

// BenchmarkCheckWorker checks the three variants of one channel the way the
// worker does: with the rendered system prompt, unique per job (it carries
// the canary), so that the prompt-echo check's cost is counted.
func BenchmarkCheckWorker(b *testing.B) {
	in := Input{Brief: testBrief(), Profile: testProfile(), Channel: tailor.Email, Fields: map[string]string{
		"subject":   "Dana, your next trail is calling",
		"preheader": "New winter layers and the Pegasus Trail 5 GTX are here.",
		"body": "Winter trails are wet, cold and wonderful. The Pegasus Trail 5 GTX keeps your feet dry and grips on ice. " +
			"Members get 15% off through Dec 31. Offer valid through Dec 31. Terms apply.",
		"cta": "Shop winter trail",
	}}
	b.ReportAllocs()
	job := 0
	for b.Loop() {
		job++
		in.Canary = fmt.Sprintf("tlr-%06x", job)
		p, err := prompts.Render(prompts.Input{Brief: in.Brief, Channel: in.Channel, Facts: in.Profile.Facts[:2], N: 3, Canary: in.Canary})
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer() // rendering is the generator's cost, not the check's
		in.Prompt = p.System
		b.StartTimer()
		for range 3 {
			Check(in)
		}
	}
}

// BenchmarkCheckSMS measures a short channel.
func BenchmarkCheckSMS(b *testing.B) {
	in := Input{Brief: testBrief(), Profile: testProfile(), Channel: tailor.SMS, Fields: map[string]string{
		"text": "Acme Outdoor: Dana, winter trail shoes are in. Members get 15% off through Dec 31. Reply STOP to opt out.",
	}}
	b.ReportAllocs()
	for b.Loop() {
		Check(in)
	}
}
