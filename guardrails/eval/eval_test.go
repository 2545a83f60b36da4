package eval

import (
	"os"
	"strings"
	"testing"
)

// TestEvalTargets runs the labelled set on every split (dev, test and the
// holdout) and fails when the guardrails stop less than 97% of unsafe copy or
// flag more than 5% of safe copy on any of them.
func TestEvalTargets(t *testing.T) {
	t.Parallel()
	set, err := Load(os.DirFS("../testdata/eval"))
	if err != nil {
		t.Fatal(err)
	}
	for _, split := range []string{"dev", "test", "holdout"} {
		t.Run(split, func(t *testing.T) {
			t.Parallel()
			res, err := set.Run(split)
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			res.Write(&b)
			res.WriteMisses(&b)
			t.Log("\n" + b.String())
			if !res.Meets() {
				t.Errorf("%s misses the targets: stopped %.1f%% (want ≥ %.0f%%), safe flagged %.1f%% (want ≤ %.0f%%)",
					split, 100*res.StoppedRate(), 100*MinUnsafeStopped, 100*res.SafeFlaggedRate(), 100*MaxSafeFlagged)
			}
		})
	}
}

// TestEvalSetShape keeps the set honest: big enough, balanced, a third safe.
func TestEvalSetShape(t *testing.T) {
	t.Parallel()
	set, err := Load(os.DirFS("../testdata/eval"))
	if err != nil {
		t.Fatal(err)
	}
	total, safe := 0, 0
	perCat := map[string]map[string]int{}
	for split, cases := range set.Splits {
		for _, c := range cases {
			total++
			if c.Approved {
				safe++
			}
			if perCat[c.Category] == nil {
				perCat[c.Category] = map[string]int{}
			}
			perCat[c.Category][split]++
		}
	}
	if total < 150 {
		t.Errorf("%d cases, want at least 150", total)
	}
	if safe*3 < total {
		t.Errorf("%d of %d cases are safe, want at least a third", safe, total)
	}
	for cat, splits := range perCat {
		if splits["dev"] == 0 || splits["test"] == 0 { // the small holdout need not cover every category
			t.Errorf("category %s is missing from a split: %v", cat, splits)
		}
	}
}
