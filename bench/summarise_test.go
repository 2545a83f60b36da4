package bench

import (
	"fmt"
	"strings"
	"testing"
)

// The headline goals are judged on the median of their repeats, each
// Tailor run against the minimal job of its own block.
func TestSummariseJudgesTheMedianOfRepeats(t *testing.T) {
	cfg := Config{Repeat: 3}.withDefaults()
	slowName := fmt.Sprintf(runTailorSlow, cfg.ModelLatency)
	res := &Results{}
	for k, v := range []struct{ minimal, tailor, cpu, slow float64 }{
		{1000, 600, 2.8, 300}, // ratio 0.6, 0.9 of the bound
		{800, 320, 3.5, 320},  // 0.4, 0.96
		{1000, 550, 2.9, 310}, // 0.55, 0.93
	} {
		res.Runs = append(res.Runs,
			Run{Name: repeatName(runMinimal, k+1), Role: roleMinimal, JobsPerSec: v.minimal, MachineCPUMs: 1.5},
			Run{Name: repeatName(runTailor0, k+1), Role: roleTailor, JobsPerSec: v.tailor, MachineCPUMs: v.cpu},
			Run{Name: repeatName(slowName, k+1), Role: roleTailor, JobsPerSec: v.slow, ModelCalls: 1, ModelRounds: 1,
				ModelLatencyMs: ms(cfg.ModelLatency), Concurrency: cfg.HighConcurrency, Latency: Percentiles{Mean: 310}})
	}
	res.summarise(cfg)

	want := map[string]float64{
		"throughput at model latency 0":                            0.55,
		"machine CPU per job at model latency 0, worker":           2.9,
		"machine CPU per job at model latency 0 ÷ the minimal":     2.9 / 1.5,
		"throughput at model latency " + cfg.ModelLatency.String(): 0.93,
	}
	for prefix, v := range want {
		var found bool
		for _, g := range res.Goals {
			if !strings.HasPrefix(g.Name, prefix) {
				continue
			}
			found = true
			if d := g.Value - v; d > 1e-9 || d < -1e-9 {
				t.Errorf("%s: %v, want the median %v", g.Name, g.Value, v)
			}
			if !strings.Contains(g.Note, "median of 3 runs") {
				t.Errorf("%s: note %q does not say it is a median of 3", g.Name, g.Note)
			}
		}
		if !found {
			t.Errorf("no goal %q… among %+v", prefix, res.Goals)
		}
	}
	if res.RatioToMinimal != 0.55 {
		t.Errorf("RatioToMinimal %v, want 0.55", res.RatioToMinimal)
	}
}

func TestMedian(t *testing.T) {
	for _, c := range []struct {
		in   []float64
		want float64
	}{{nil, 0}, {[]float64{3}, 3}, {[]float64{3, 1}, 2}, {[]float64{5, 1, 3}, 3}, {[]float64{4, 1, 3, 2}, 2.5}} {
		if got := median(c.in); got != c.want {
			t.Errorf("median(%v) = %v, want %v", c.in, got, c.want)
		}
	}
}
