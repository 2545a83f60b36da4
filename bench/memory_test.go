package bench

import (
	"math"
	"testing"
)

// A worker's RSS swings with each collection; the growth goal must read a
// trend, not where on the swing two samples fell.
func TestMemoryOfReadsTrendNotSawtooth(t *testing.T) {
	t.Parallel()
	// A sawtooth of period 10 from 125 to 156.5 MB, as GOGC 300 draws it:
	// sample 60 (20 % of 300) falls on a trough and the last on a peak, so
	// two single samples read +25 % from a series with no trend.
	series := func(n int, rise float64) *Run {
		r := &Run{Name: "soak"}
		for i := range n {
			mb := 125.0 + 3.5*float64(i%10) + rise*float64(i)/float64(n)
			r.RSS = append(r.RSS, RSSSample{Bytes: int64(mb * (1 << 20))})
		}
		return r
	}
	flat := series(300, 0)
	// The single-sample reading this replaces: sample 60 against the last.
	point := 100 * float64(flat.RSS[299].Bytes-flat.RSS[60].Bytes) / float64(flat.RSS[60].Bytes)
	if m := memoryOf(flat); math.Abs(m.GrowthPct) > 5 {
		t.Errorf("flat sawtooth: growth %.1f%% (two single samples said %.1f%%), want within 5%%", m.GrowthPct, point)
	}
	// 40 MB on 140 over the run must fail the goal (flat: at most 10 %).
	if m := memoryOf(series(300, 40)); m.GrowthPct <= 10 {
		t.Errorf("RSS rising by 40 MB over the run: growth %.1f%%, want over 10%%", m.GrowthPct)
	}
	if m := memoryOf(series(3, 0)); m.Samples != 3 || m.AfterWarmupMB <= 0 || m.EndMB <= 0 {
		t.Errorf("three samples: %+v", m)
	}
}
