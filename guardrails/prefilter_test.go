package guardrails

import (
	"bufio"
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"regexp/syntax"
	"strings"
	"testing"
)

// prefilterTexts returns the copy fields of the eval cases, normalised.
func prefilterTexts(t *testing.T) []string {
	var out []string
	seen := map[string]bool{}
	for _, dir := range []string{"testdata/eval", "testdata/eval-blind", "testdata/eval-blind2"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.jsonl"))
		for _, name := range files {
			f, err := os.Open(name)
			if err != nil {
				t.Fatal(err)
			}
			sc := bufio.NewScanner(f)
			sc.Buffer(nil, 1<<20)
			for sc.Scan() {
				var c struct{ Copy map[string]string }
				if json.Unmarshal(sc.Bytes(), &c) != nil {
					continue
				}
				for _, v := range c.Copy {
					if !seen[v] {
						seen[v] = true
						out = append(out, newText(v).norm)
					}
				}
			}
			f.Close()
		}
	}
	return out
}

// TestPrefilterNecessary checks that every rule's prefilter holds on every
// match of its regular expression in the eval copy.
func TestPrefilterNecessary(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	texts := prefilterTexts(t)
	matches := 0
	for _, r := range allRules {
		for _, s := range texts {
			for _, loc := range r.re.FindAllStringIndex(s, -1) {
				matches++
				if m := s[loc[0]:loc[1]]; !r.pre.match(m) {
					t.Fatalf("%s: prefilter fails on the match %q", r.label, m)
				}
			}
		}
	}
	t.Logf("%d texts, %d matches", len(texts), matches)
	if matches < 50 {
		t.Fatalf("only %d matches: the test checks little", matches)
	}
}

// TestPrefilterShapes checks the prefilter of a few pattern shapes.
func TestPrefilterShapes(t *testing.T) {
	for _, p := range []string{`a(?:b|c)d`, `x?y+`, `(?:ab|cd)\s+e(?:f|g)?`, `[0-9]{2,4}\s*%`, `(?:a|b\w+)c`, `(?:you're|you are)\s+(?:so\s+)*(?:single|alone)`} {
		re := regexp.MustCompile(p)
		pre := newPrefilter(p)
		for _, s := range []string{"abd", "acd", "y", "xyy", "ab  ef", "cd e", "12%", "1234 %", "ac", "bxyc", "you are so so alone", "you're single"} {
			if re.MatchString(s) && !pre.match(s) {
				t.Errorf("%s: prefilter fails on %q", p, s)
			}
		}
		if pre.match("zzz") {
			t.Errorf("%s: prefilter holds on unrelated text", p)
		}
	}
}

// equivTexts are the eval copy plus random strings over the characters the
// number and date patterns care about.
func equivTexts(t *testing.T) []string {
	texts := prefilterTexts(t)
	rng := rand.New(rand.NewPCG(1, 2))
	const alphabet = "0123456789  ..%%perchalfoicnt,/-()+\tjanfebdecmaystndrthuly"
	tokens := []string{"1", "12", "31", "2026", "7", "555", "0142", "503", " ", "  ", "of ", "dec", "december", "may", "jun", "june", "sept",
		"st", "th", "nd", ".", ",", "%", "stop", "reply", "text", "to", "opt", "out", "end", "'", "\"", "_", "é", "per", "cent", "percent", "age", "half", "off", "price", "(", ")", "-", "+", "/", "a", "x"}
	for range 20000 {
		b := make([]byte, 1+rng.IntN(40))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		texts = append(texts, string(b))
		var sb strings.Builder
		for range 1 + rng.IntN(12) {
			sb.WriteString(tokens[rng.IntN(len(tokens))])
		}
		texts = append(texts, sb.String())
	}
	return texts
}

// TestStartReSame checks that the patterns tried only where a match can
// start find what the plain search finds.
func TestStartReSame(t *testing.T) {
	found := map[string]int{}
	defer func() {
		for _, name := range []string{"percent", "month-day", "day-month", "phone", "opt-out"} {
			if found[name] < 20 {
				t.Errorf("%s: only %d texts with matches", name, found[name])
			}
		}
	}()
	for _, s := range equivTexts(t) {
		for _, c := range []struct {
			name, first string
			re          *startRe
			can         func(string, int) bool
		}{{"percent", "0123456789h", percentRe, percentStart()}, {"month-day", monthFirst, dateMonthDay, monthStart}, {"day-month", "0123456789", dateDayMonth, dayStart}} {
			want := c.re.re.FindAllStringSubmatchIndex(s, -1)
			if len(want) > 0 {
				found[c.name]++
			}
			if got := c.re.findAll(s, c.first, c.can); !reflect.DeepEqual(got, want) {
				t.Fatalf("%s on %q: got %v, want %v", c.name, s, got, want)
			}
		}
		var want [][]int
		for _, m := range phoneRun.FindAllStringIndex(s, -1) {
			if len(digits(s[m[0]:m[1]])) >= 7 {
				want = append(want, m)
			}
		}
		if len(want) > 0 {
			found["phone"]++
		}
		if tx := newText(s); hasOptOut(tx) != (len(tx.find(optOut)) > 0) {
			t.Fatalf("opt-out on %q: got %v", s, hasOptOut(tx))
		} else if hasOptOut(tx) {
			found["opt-out"]++
		}
		if got := phoneMatches(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("phone on %q: got %v, want %v", s, got, want)
		}
	}
}

// TestPrefilterSimplifySame checks that simplifying a prefilter, leaving
// out the characters normalised text never holds and ruling literals (or
// the whole text) out by the text's byte pairs change no answer on the eval
// copy and its windows.
func TestPrefilterSimplifySame(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	texts := prefilterTexts(t)
	for _, r := range allRules {
		re, err := syntax.Parse(r.re.String(), syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		raw := analyze(re.Simplify()).query()
		for _, s := range texts {
			seen := newPairSet(s)
			for b := 0; b < len(s); b += 40 {
				w := s[b:min(b+120, len(s))]
				if got, want := r.pre.matchIn(w, seen), raw.match(w); got != want {
					t.Fatalf("%s on %q: simplified %v, raw %v", r.label, w, got, want)
				}
				if want := raw.match(w); want && !r.pre.mayMatch(seen) {
					t.Fatalf("%s on %q: the text's pairs rule out a window that matches", r.label, w)
				}
			}
		}
	}
}
