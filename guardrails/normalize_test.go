package guardrails

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestNormalize(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, in, norm string
	}{
		{"ascii", "Hello, World", "hello, world"},
		{"full-width", "ＣＨＥＡＰ", "cheap"},
		{"zero-width and bidi", "ch\u200beap\u202e!", "cheap!"},
		{"tag characters", "ok\U000E0041\U000E0042", "ok"},
		{"cyrillic look-alikes", "\u0441\u0430\u0440", "cap"},
		{"combining overlay", "c\u0336h\u0336e\u0336a\u0336p\u0336", "cheap"},
		{"ligature", "\ufb01ne", "fine"},
		{"curly quotes and dashes", "you\u2019re \u201cok\u201d \u2014 fine", "you're \"ok\" - fine"},
		{"newlines", "a\nb\tc", "a b c"},
		{"math bold", "\U0001D41C\U0001D421\U0001D41E\U0001D41A\U0001D429", "cheap"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := newText(tc.in).norm; got != tc.norm {
				t.Errorf("norm(%q) = %q, want %q", tc.in, got, tc.norm)
			}
		})
	}
}

func TestSpanMapsBack(t *testing.T) {
	t.Parallel()
	cases := []struct {
		in, find string
		want     [2]int
	}{
		{"Buy ＣＨＥＡＰ now", "cheap", [2]int{4, 9}},
		{"x ch\u200b\u200beap y", "cheap", [2]int{2, 9}},
		{"\ufb01ne print", "fine", [2]int{0, 3}},
		{"é\u0301 cheap", "cheap", [2]int{3, 8}},
		{"😀 cheap", "cheap", [2]int{2, 7}},
	}
	for _, tc := range cases {
		tx := newText(tc.in)
		ms := tx.findWords([]string{tc.find})
		if len(ms) != 1 || ms[0] != tc.want {
			t.Errorf("%q: spans %v, want %v", tc.in, ms, tc.want)
		}
	}
}

// checkTextInvariants checks what every check relies on: one map entry per
// byte of norm, spans that grow and stay inside orig, no invisible runes.
func checkTextInvariants(t *testing.T, s string) {
	tx := newText(s)
	if tx.start == nil && tx.norm != "" && (tx.end != nil || len(tx.norm) != len(s) || !tx.ascii) {
		t.Fatalf("%q: no map, but norm %q is not byte for byte", s, tx.norm)
	}
	if tx.start != nil && (len(tx.start) != len(tx.norm) || len(tx.end) != len(tx.norm)) {
		t.Fatalf("%q: map lengths %d,%d for %d bytes", s, len(tx.start), len(tx.end), len(tx.norm))
	}
	if tx.runes != utf8.RuneCountInString(s) {
		t.Fatalf("%q: %d runes, want %d", s, tx.runes, utf8.RuneCountInString(s))
	}
	for i := range tx.norm {
		if tx.origStart(i) > tx.origEnd(i) || tx.origEnd(i) > tx.runes || i > 0 && tx.origStart(i) < tx.origStart(i-1) {
			t.Fatalf("%q: bad map at byte %d: [%d,%d)", s, i, tx.origStart(i), tx.origEnd(i))
		}
	}
	if !utf8.ValidString(tx.norm) && utf8.ValidString(s) {
		t.Fatalf("%q: norm %q is not valid UTF-8", s, tx.norm)
	}
	for _, r := range tx.norm {
		if unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Cc, r) {
			t.Fatalf("%q: norm %q keeps invisible %U", s, tx.norm, r)
		}
	}
	for _, w := range tx.words {
		sp := tx.span(w.b, w.e)
		if sp[0] < 0 || sp[1] > tx.runes || sp[0] >= sp[1] {
			t.Fatalf("%q: word %q has span %v", s, w.s, sp)
		}
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"", "Hello", "ＣＨＥＡＰ", "ch\u200beap", "\ufb01ne", "é\u0301", "\xff\xfe", "a\u0336b", "😀👍🏽", "\u202eevil", "İstanbul", "ß"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkTextInvariants(t, s)
	})
}
