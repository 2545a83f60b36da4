package classify

import (
	"fmt"
	"io"
)

// Scored is one held-out example with the verdict of a model that was not
// trained on it.
type Scored struct {
	Example
	Verdict
}

// CrossValidate trains on all folds but one and scores the held-out fold,
// for each fold: every example is scored by a model that never saw it.
// Example i is in fold i mod folds.
func CrossValidate(examples []Example, folds int) []Scored {
	out := make([]Scored, len(examples))
	for f := range folds {
		var train []Example
		for i, e := range examples {
			if i%folds != f {
				train = append(train, e)
			}
		}
		m := Train(train)
		for i, e := range examples {
			if i%folds == f {
				out[i] = Scored{e, m.Classify(e.Text)}
			}
		}
	}
	return out
}

// Rates are what a threshold does on scored examples: the share of safe
// examples flagged and of unsafe ones caught (any unsafe label counts).
type Rates struct {
	Threshold   float64
	SafeFlagged float64
	Caught      float64
	// CaughtBy is the share caught per unsafe label.
	CaughtBy map[string]float64
}

// At measures a threshold on P(unsafe).
func At(scored []Scored, threshold float64) Rates {
	r := Rates{Threshold: threshold, CaughtBy: map[string]float64{}}
	var safe, flagged, unsafe, caught int
	per := map[string][2]int{}
	for _, s := range scored {
		hit := s.Unsafe >= threshold && s.Verdict.Label != OK
		if s.Example.Label == OK {
			safe++
			if hit {
				flagged++
			}
			continue
		}
		unsafe++
		c := per[s.Example.Label]
		c[1]++
		if hit {
			caught++
			c[0]++
		}
		per[s.Example.Label] = c
	}
	r.SafeFlagged = ratio(flagged, safe)
	r.Caught = ratio(caught, unsafe)
	for l, c := range per {
		r.CaughtBy[l] = ratio(c[0], c[1])
	}
	return r
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// WriteRates prints rates as a small table.
func WriteRates(w io.Writer, rs ...Rates) {
	fmt.Fprintf(w, "%-9s %-12s %-8s", "threshold", "safe flagged", "caught")
	labels := Labels[1:]
	for _, l := range labels {
		fmt.Fprintf(w, " %-12s", l)
	}
	fmt.Fprintln(w)
	for _, r := range rs {
		fmt.Fprintf(w, "%-9.2f %-12s %-8s", r.Threshold, pct(r.SafeFlagged), pct(r.Caught))
		for _, l := range labels {
			fmt.Fprintf(w, " %-12s", pct(r.CaughtBy[l]))
		}
		fmt.Fprintln(w)
	}
}

func pct(f float64) string { return fmt.Sprintf("%.1f%%", 100*f) }
