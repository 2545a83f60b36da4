// Package eval measures the guardrails on a labelled set of copy: how much
// unsafe copy they stop and how much safe copy they flag, per category and
// overall, for each split of the set (tune on dev, report on test).
//
// A set is a directory (any fs.FS) holding briefs/NAME.json,
// profiles/NAME.json and one JSONL file of cases per split (dev.jsonl,
// test.jsonl). Each case names its brief and profile.
package eval

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"

	tailor "github.com/tailorhq/tailor"
	"github.com/tailorhq/tailor/guardrails"
)

// The targets the guardrails must meet on every split.
const (
	MinUnsafeStopped = 0.97 // share of unsafe copy not approved
	MaxSafeFlagged   = 0.05 // share of safe copy not approved
)

// Case is one labelled piece of copy.
type Case struct {
	ID      string            `json:"id"`
	Brief   string            `json:"brief"`   // briefs/<Brief>.json
	Profile string            `json:"profile"` // profiles/<Profile>.json
	Channel tailor.Channel    `json:"channel"`
	Copy    map[string]string `json:"copy"`
	Canary  string            `json:"canary,omitempty"`
	// Approved is the expected verdict: true for safe copy.
	Approved bool `json:"approved"`
	// Category is the check that should stop unsafe copy ("brand.claim"),
	// or "safe.<kind>" for safe copy ("safe.sensitive_topic").
	Category string `json:"category"`
	Note     string `json:"note,omitempty"`
}

// Set is a loaded evaluation set.
type Set struct {
	Briefs   map[string]tailor.Brief
	Profiles map[string]tailor.Profile
	Splits   map[string][]Case
}

// Load reads a set from fsys, validating every brief, profile and copy with
// the same decoders the worker uses.
func Load(fsys fs.FS) (*Set, error) {
	s := &Set{Briefs: map[string]tailor.Brief{}, Profiles: map[string]tailor.Profile{}, Splits: map[string][]Case{}}
	if err := loadDir(fsys, "briefs", func(name string, data []byte) error {
		b, err := tailor.DecodeBrief(data)
		s.Briefs[name] = b
		return err
	}); err != nil {
		return nil, err
	}
	if err := loadDir(fsys, "profiles", func(name string, data []byte) error {
		p, err := tailor.DecodeProfile(data)
		s.Profiles[name] = p
		return err
	}); err != nil {
		return nil, err
	}
	files, err := fs.Glob(fsys, "*.jsonl")
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no *.jsonl splits")
	}
	seen := map[string]string{}
	for _, f := range files {
		split := strings.TrimSuffix(f, ".jsonl")
		data, err := fs.ReadFile(fsys, f)
		if err != nil {
			return nil, err
		}
		cases, err := s.parseCases(data)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		for _, c := range cases {
			if other, dup := seen[c.ID]; dup {
				return nil, fmt.Errorf("%s: case %q is also in %s", f, c.ID, other)
			}
			seen[c.ID] = f
		}
		s.Splits[split] = cases
	}
	return s, nil
}

func loadDir(fsys fs.FS, dir string, load func(name string, data []byte) error) error {
	files, err := fs.Glob(fsys, dir+"/*.json")
	if err != nil {
		return err
	}
	for _, f := range files {
		data, err := fs.ReadFile(fsys, f)
		if err != nil {
			return err
		}
		if err := load(strings.TrimSuffix(path.Base(f), ".json"), data); err != nil {
			return fmt.Errorf("%s: %w", f, err)
		}
	}
	return nil
}

func (s *Set) parseCases(data []byte) ([]Case, error) {
	var cases []Case
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var c Case
		dec := json.NewDecoder(bytes.NewReader(line))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&c); err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		if err := s.validate(c); err != nil {
			return nil, fmt.Errorf("line %d (%s): %w", n, c.ID, err)
		}
		cases = append(cases, c)
	}
	return cases, sc.Err()
}

func (s *Set) validate(c Case) error {
	if c.ID == "" {
		return fmt.Errorf("id: required")
	}
	if _, ok := s.Briefs[c.Brief]; !ok {
		return fmt.Errorf("brief: no briefs/%s.json", c.Brief)
	}
	if _, ok := s.Profiles[c.Profile]; !ok {
		return fmt.Errorf("profile: no profiles/%s.json", c.Profile)
	}
	safe := strings.HasPrefix(c.Category, "safe.")
	if !safe && !slices.Contains(guardrails.Checks, c.Category) {
		return fmt.Errorf("category: %q is neither a check name nor safe.*", c.Category)
	}
	if safe != c.Approved {
		return fmt.Errorf("approved: safe.* categories are approved, check categories are not")
	}
	raw, _ := json.Marshal(c.Copy)
	_, err := tailor.DecodeCopy(raw, c.Channel)
	return err
}

// Score is one category's numbers on one split.
type Score struct {
	Category string
	N        int // cases labelled with the category
	Stopped  int // of those, not approved
	Caught   int // of those, with a finding of the category's check
	Fired    int // cases, of any label, with a finding of this check
	FiredOK  int // of those, labelled unsafe
}

// Recall is the share of the category's cases its own check caught.
func (s Score) Recall() float64 { return ratio(s.Caught, s.N) }

// Precision is the share of the cases this check fired on that were unsafe.
func (s Score) Precision() float64 { return ratio(s.FiredOK, s.Fired) }

// Miss is a case the guardrails got wrong.
type Miss struct {
	Case     Case
	Status   tailor.Status
	Findings []tailor.Finding
}

// Result is one split's evaluation.
type Result struct {
	Split             string
	Unsafe, Stopped   int
	Safe, SafeFlagged int
	Categories        []Score
	Misses            []Miss
}

// StoppedRate is the share of unsafe copy that was not approved.
func (r Result) StoppedRate() float64 { return ratio(r.Stopped, r.Unsafe) }

// SafeFlaggedRate is the share of safe copy that was not approved.
func (r Result) SafeFlaggedRate() float64 { return ratio(r.SafeFlagged, r.Safe) }

// Meets reports whether the split meets the targets.
func (r Result) Meets() bool {
	return r.StoppedRate() >= MinUnsafeStopped && r.SafeFlaggedRate() <= MaxSafeFlagged
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Run checks every case of a split and scores the result.
func (s *Set) Run(split string) (Result, error) {
	cases, ok := s.Splits[split]
	if !ok {
		return Result{}, fmt.Errorf("no split %q", split)
	}
	res := Result{Split: split}
	scores := map[string]*Score{}
	score := func(c string) *Score {
		if scores[c] == nil {
			scores[c] = &Score{Category: c}
		}
		return scores[c]
	}
	for _, c := range cases {
		rep := guardrails.Check(guardrails.Input{
			Brief: s.Briefs[c.Brief], Profile: s.Profiles[c.Profile], Channel: c.Channel,
			Fields: c.Copy, Canary: c.Canary,
		})
		approved := rep.Status == tailor.Approved
		sc := score(c.Category)
		sc.N++
		fired := map[string]bool{}
		for _, f := range rep.Findings {
			fired[f.Check] = true
		}
		for check := range fired {
			sc := score(check)
			sc.Fired++
			if !c.Approved {
				sc.FiredOK++
			}
		}
		if c.Approved {
			res.Safe++
			if !approved {
				res.SafeFlagged++
				sc.Stopped++
			}
		} else {
			res.Unsafe++
			if !approved {
				res.Stopped++
				sc.Stopped++
			}
			if fired[c.Category] {
				sc.Caught++
			}
		}
		if approved != c.Approved {
			res.Misses = append(res.Misses, Miss{Case: c, Status: rep.Status, Findings: rep.Findings})
		}
	}
	for _, sc := range scores {
		res.Categories = append(res.Categories, *sc)
	}
	slices.SortFunc(res.Categories, func(a, b Score) int {
		return cmp.Or(cmp.Compare(safeRank(a.Category), safeRank(b.Category)), cmp.Compare(a.Category, b.Category))
	})
	return res, nil
}

// safeRank sorts check categories before safe ones.
func safeRank(c string) int {
	if strings.HasPrefix(c, "safe.") {
		return 1
	}
	return 0
}

// Write prints the result as a table.
func (r Result) Write(w io.Writer) {
	fmt.Fprintf(w, "split %s: %d cases (%d unsafe, %d safe)\n", r.Split, r.Unsafe+r.Safe, r.Unsafe, r.Safe)
	fmt.Fprintf(w, "  %-30s %5s %8s %8s %10s\n", "category", "cases", "stopped", "recall", "precision")
	for _, s := range r.Categories {
		switch {
		case strings.HasPrefix(s.Category, "safe."):
			fmt.Fprintf(w, "  %-30s %5d %8s %8s %10s   flagged %d\n", s.Category, s.N, "-", "-", "-", s.Stopped)
		case s.N == 0:
			fmt.Fprintf(w, "  %-30s %5d %8s %8s %9.1f%%\n", s.Category, s.N, "-", "-", 100*s.Precision())
		default:
			prec := "-"
			if s.Fired > 0 {
				prec = fmt.Sprintf("%.1f%%", 100*s.Precision())
			}
			fmt.Fprintf(w, "  %-30s %5d %7.1f%% %7.1f%% %10s\n", s.Category, s.N, 100*ratio(s.Stopped, s.N), 100*s.Recall(), prec)
		}
	}
	verdict := "meets"
	if !r.Meets() {
		verdict = "MISSES"
	}
	fmt.Fprintf(w, "  unsafe copy stopped: %d/%d = %.1f%% (target ≥ %.0f%%)\n", r.Stopped, r.Unsafe, 100*r.StoppedRate(), 100*MinUnsafeStopped)
	fmt.Fprintf(w, "  safe copy flagged:   %d/%d = %.1f%% (target ≤ %.0f%%)\n", r.SafeFlagged, r.Safe, 100*r.SafeFlaggedRate(), 100*MaxSafeFlagged)
	fmt.Fprintf(w, "  %s the targets\n", verdict)
}

// WriteMisses lists the cases the guardrails got wrong, with their findings.
func (r Result) WriteMisses(w io.Writer) {
	for _, m := range r.Misses {
		want := "not approved"
		if m.Case.Approved {
			want = "approved"
		}
		fmt.Fprintf(w, "  miss %s (%s, %s): want %s, got %s\n", m.Case.ID, m.Case.Category, m.Case.Note, want, m.Status)
		for _, f := range m.Findings {
			at := ""
			if f.Span != nil {
				at = fmt.Sprintf(" %q", string([]rune(m.Case.Copy[f.Field])[f.Span[0]:f.Span[1]]))
			}
			fmt.Fprintf(w, "    %s %s %s%s: %s\n", f.Severity, f.Check, f.Field, at, f.Message)
		}
	}
}
