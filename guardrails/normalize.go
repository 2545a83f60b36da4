package guardrails

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// text is one field prepared for matching. Copy is untrusted: a model (or a
// prompt injected through a profile) can hide a banned word behind full-width
// letters, zero-width spaces, bidi controls or Cyrillic look-alikes. Every
// check therefore matches against norm, and reports spans in orig.
type text struct {
	orig string
	// norm is orig in NFKC, without invisible characters, lower-cased, with
	// look-alike letters and typographic punctuation folded to ASCII.
	norm string
	// start[i] and end[i] are the rune offsets in orig of the character that
	// produced byte i of norm: a match norm[b:e] came from orig runes
	// [start[b], end[e-1]). Both are nil when byte i of norm came from byte
	// (and rune) i of orig, as in most ASCII copy: see origStart, origEnd.
	start, end []int32
	runes      int  // runes in orig
	ascii      bool // orig is all ASCII
	words      []word
	origRunes  []rune        // orig as runes, made on first use
	dates      []dateMention // the dates in norm, found on first use
	datesDone  bool
	hits       []uint64 // rule id<<32 | word: the words that trigger each rule, found on first use
	hitsDone   bool
	hitRules   []uint64 // bit id: some word triggers rule id
	pairSet    *pairSet // the byte pairs of norm, for prefilters, made on first use
}

// pairs returns the byte pairs of norm, finding them once.
func (t *text) pairs() *pairSet {
	if t.pairSet == nil {
		t.pairSet = newPairSet(t.norm)
	}
	return t.pairSet
}

// contains reports whether norm contains s. Most strings asked about are
// not there, and the byte pairs say so without a search.
func (t *text) contains(s string) bool {
	return t.pairs().mayHold(s) && strings.Contains(t.norm, s)
}

// word is a maximal run of letters and digits in norm, by byte offsets.
type word struct {
	s     string
	canon string // s with address words folded ("street" → "st")
	b, e  int
}

func newText(s string) *text {
	t := &text{orig: s}
	buf := make([]byte, 0, len(s))
	if t.ascii = isASCII(s); t.ascii {
		// NFKC leaves ASCII alone: fold byte by byte.
		buf = buf[:len(s)]
		n := 0
		for i := 0; i < len(s); i++ {
			if c, ok := foldASCII(s[i]); ok {
				buf[n] = c
				n++
			}
		}
		t.norm, t.runes = string(buf[:n]), len(s)
		if n < len(s) {
			t.start, t.end = asciiOffsets(s) // control characters dropped
		}
		t.words = splitWords(t.norm)
		return t
	}
	// One allocation for both; the caps keep an append past len(s) (NFKC
	// can lengthen text) from writing into the other.
	se := make([]int32, 2*len(s))
	t.start, t.end = se[:0:len(s)], se[len(s):len(s):2*len(s)]
	var it norm.Iter
	it.InitString(norm.NFKC, s)
	// pending is where output starts that no input has been consumed for
	// yet: the iterator may hand out a long decomposition ("½" → "1⁄2") in
	// pieces before it advances. Those bytes map to the input consumed next.
	prev, at, pending, last := 0, 0, 0, 0
	for !it.Done() {
		seg := it.Next()
		pos := it.Pos()
		n := utf8.RuneCountInString(s[prev:pos])
		for _, r := range string(seg) {
			r = fold(r)
			if r < 0 {
				continue
			}
			w := utf8.AppendRune(buf, r)
			for range len(w) - len(buf) {
				t.start = append(t.start, int32(at))
				t.end = append(t.end, int32(at+n))
			}
			buf = w
		}
		if n == 0 {
			continue
		}
		for i := pending; i < len(t.start); i++ {
			t.start[i], t.end[i] = int32(at), int32(at+n)
		}
		prev, last, at, pending = pos, at, at+n, len(t.start)
	}
	// Output after the last consumed input belongs to that input.
	for i := pending; i < len(t.start); i++ {
		t.start[i], t.end[i] = int32(last), int32(at)
	}
	t.norm = string(buf)
	t.runes = at
	t.words = splitWords(t.norm)
	return t
}

// foldASCII folds one byte of ASCII copy to its matching form; false drops
// it (a control character).
func foldASCII(c byte) (byte, bool) {
	switch {
	case c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
		return ' ', true
	case c < 0x20 || c == 0x7f:
		return 0, false
	case c >= 'A' && c <= 'Z':
		return c + 'a' - 'A', true
	case c == '`':
		return '\'', true
	}
	return c, true
}

// asciiOffsets returns text.start and text.end for ASCII copy that
// foldASCII drops bytes of.
func asciiOffsets(s string) (start, end []int32) {
	for i := 0; i < len(s); i++ {
		if _, ok := foldASCII(s[i]); ok {
			start, end = append(start, int32(i)), append(end, int32(i+1))
		}
	}
	return start, end
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// span maps a byte range of norm back to a rune range of orig.
func (t *text) span(b, e int) [2]int {
	if e <= b || b >= len(t.norm) {
		return [2]int{0, 0}
	}
	return [2]int{t.origStart(b), t.origEnd(e - 1)}
}

// origStart returns start[i], the rune offset in orig where the character
// that produced byte i of norm starts.
func (t *text) origStart(i int) int {
	if t.start == nil {
		return i
	}
	return int(t.start[i])
}

// origEnd returns end[i], the rune offset in orig where the character that
// produced byte i of norm ends.
func (t *text) origEnd(i int) int {
	if t.end == nil {
		return i + 1
	}
	return int(t.end[i])
}

// origAt returns the original text under a span of orig runes.
func (t *text) origAt(sp [2]int) string {
	r := t.runeSlice()
	if sp[0] < 0 || sp[1] > len(r) || sp[0] > sp[1] {
		return ""
	}
	return string(r[sp[0]:sp[1]])
}

// runeSlice returns orig as runes, converting it once.
func (t *text) runeSlice() []rune {
	if t.origRunes == nil {
		t.origRunes = []rune(t.orig)
	}
	return t.origRunes
}

// normalize returns s folded like text.norm, for the brief's own phrases.
func normalize(s string) string { return newText(s).norm }

// fold maps one NFKC rune to its matching form, or -1 to drop it.
func fold(r rune) rune {
	switch {
	case r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f':
		return ' '
	case unicode.Is(unicode.Cc, r), unicode.Is(unicode.Cf, r),
		unicode.Is(unicode.Mn, r), unicode.Is(unicode.Me, r):
		// Controls, zero-width and bidi formatting, tag characters, and
		// combining marks left over after NFKC (strike-through overlays).
		return -1
	case unicode.Is(unicode.Zs, r), r == '\u2028', r == '\u2029':
		return ' '
	}
	if f, ok := foldMap[r]; ok {
		return f
	}
	return unicode.ToLower(r)
}

// foldMap folds typographic punctuation, blank-looking letters and the
// Cyrillic and Greek letters that pass for Latin ones.
var foldMap = map[rune]rune{
	'\u2018': '\'', '\u2019': '\'', '\u201B': '\'', '\u02BC': '\'', '\u2032': '\'', '\u00B4': '\'', '`': '\'',
	'\u201C': '"', '\u201D': '"', '\u201E': '"', '\u2033': '"', '\u00AB': '"', '\u00BB': '"',
	'\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
	'\u115F': -1, '\u1160': -1, '\u3164': -1, '\uFFA0': -1, '\u2800': -1, '\u034F': -1,
	// Cyrillic.
	'а': 'a', 'в': 'b', 'е': 'e', 'ё': 'e', 'к': 'k', 'м': 'm', 'н': 'h', 'о': 'o', 'р': 'p', 'с': 'c',
	'т': 't', 'у': 'y', 'х': 'x', 'ѕ': 's', 'і': 'i', 'ї': 'i', 'ј': 'j', 'ԁ': 'd', 'ԛ': 'q', 'ԝ': 'w', 'һ': 'h',
	'А': 'a', 'В': 'b', 'Е': 'e', 'К': 'k', 'М': 'm', 'Н': 'h', 'О': 'o', 'Р': 'p', 'С': 'c', 'Т': 't',
	'У': 'y', 'Х': 'x', 'Ѕ': 's', 'І': 'i', 'Ј': 'j',
	// Greek.
	'α': 'a', 'ο': 'o', 'ν': 'v', 'ρ': 'p', 'τ': 't', 'υ': 'u', 'ι': 'i', 'κ': 'k', 'ε': 'e',
	'Α': 'a', 'Β': 'b', 'Ε': 'e', 'Η': 'h', 'Ι': 'i', 'Κ': 'k', 'Μ': 'm', 'Ν': 'n', 'Ο': 'o',
	'Ρ': 'p', 'Τ': 't', 'Υ': 'y', 'Χ': 'x', 'Ζ': 'z',
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// asciiWord[c] is isWordRune(rune(c)) for ASCII c.
var asciiWord = func() (set [256]bool) {
	for c := range utf8.RuneSelf {
		set[c] = isWordRune(rune(c))
	}
	return set
}()

func splitWords(s string) []word {
	ws := make([]word, 0, len(s)/5+1) // most words and their spaces take five bytes or more
	b := -1
	for i := 0; i < len(s); {
		// As ranging over s: ASCII by table, the rest rune by rune.
		in, n := asciiWord[s[i]], 1
		if s[i] >= utf8.RuneSelf {
			var r rune
			r, n = utf8.DecodeRuneInString(s[i:])
			in = isWordRune(r)
		}
		switch {
		case in && b < 0:
			b = i
		case !in && b >= 0:
			ws = append(ws, word{s[b:i], canonWord(s[b:i]), b, i})
			b = -1
		}
		i += n
	}
	if b >= 0 {
		ws = append(ws, word{s[b:], canonWord(s[b:]), b, len(s)})
	}
	return ws
}

// wordAt reports whether norm[b:e] starts and ends on word boundaries.
func (t *text) wordAt(b, e int) bool {
	if b > 0 {
		r, _ := utf8.DecodeLastRuneInString(t.norm[:b])
		f, _ := utf8.DecodeRuneInString(t.norm[b:])
		if isWordRune(r) && isWordRune(f) {
			return false
		}
	}
	if e < len(t.norm) {
		r, _ := utf8.DecodeRuneInString(t.norm[e:])
		l, _ := utf8.DecodeLastRuneInString(t.norm[:e])
		if isWordRune(r) && isWordRune(l) {
			return false
		}
	}
	return true
}

// matcher finds matches in norm. Implemented by *regexp.Regexp.
type matcher interface {
	FindAllStringSubmatchIndex(s string, n int) [][]int
}

// match is one whole-word match: its byte range in norm, its span in orig and
// the index of the first participating capture group (which alternative).
type match struct {
	b, e  int
	span  [2]int
	group int
}

// find returns the whole-word matches of m in norm.
func (t *text) find(m matcher) []match { return t.findFrom(m, 0) }

// findFrom returns the whole-word matches of m in norm that find returns,
// searching from byte c on: no match may start before c, and norm[c-1] must
// not be a letter, digit or '_' (so that \b at c reads the same).
func (t *text) findFrom(m matcher, c int) []match {
	resumable := true
	if s, ok := m.(fmt.Stringer); ok {
		resumable = !anchored(s.String())
	}
	var out []match
	for _, loc := range t.wholeWords(m, resumable, c, len(t.norm)) {
		g := 0
		for i := 2; i+1 < len(loc); i += 2 {
			if loc[i] >= 0 {
				g = i / 2
				break
			}
		}
		out = append(out, match{loc[0], loc[1], t.span(loc[0], loc[1]), g})
	}
	return out
}

// wholeWords returns the matches of m in norm[b:e] that stand as whole words,
// in absolute byte offsets. A match that starts or ends inside a word is
// dropped and the search resumes one character after its start: otherwise
// it would hide an overlapping match that is whole ("aaa aa" in "aaa aaa
// aa", found by fuzzing). Patterns anchored with ^ are not resumed
// (resumable false), since a resumed search would read its start as the
// text's.
func (t *text) wholeWords(m matcher, resumable bool, b, e int) [][]int {
	var out [][]int
	for b < e {
		next := -1
		for _, loc := range m.FindAllStringSubmatchIndex(t.norm[b:e], -1) {
			for i := range loc {
				if loc[i] >= 0 {
					loc[i] += b
				}
			}
			if loc[1] > loc[0] && t.wordAt(loc[0], loc[1]) {
				out = append(out, loc)
				continue
			}
			if resumable && loc[1] > loc[0] {
				_, size := utf8.DecodeRuneInString(t.norm[loc[0]:])
				next = loc[0] + size
				break
			}
		}
		if next < 0 {
			break
		}
		b = next
	}
	return out
}

// anchored reports whether a pattern holds "^" other than as "[^", which
// negates a class.
func anchored(pattern string) bool {
	return strings.Contains(strings.ReplaceAll(pattern, "[^", ""), "^")
}

// findWords returns the spans where the words of phrase occur in a row,
// ignoring case, whitespace and punctuation between them.
func (t *text) findWords(phrase []string) [][2]int {
	if len(phrase) == 0 {
		return nil
	}
	if !canonValues[phrase[0]] && !t.contains(phrase[0]) {
		// A word whose canon is phrase[0], not an abbreviation canonWord
		// makes, is phrase[0] itself, written in norm.
		return nil
	}
	var out [][2]int
	for i := 0; i+len(phrase) <= len(t.words); i++ {
		ok := true
		for j, p := range phrase {
			if t.words[i+j].canon != p {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, t.span(t.words[i].b, t.words[i+len(phrase)-1].e))
		}
	}
	return out
}

// wordsOf returns the canonical words of s, for findWords. The result is
// shared: read it, do not change it.
func wordsOf(s string) []string { return wordsMemo.get(s) }

var wordsMemo = newMemo(wordsOfUncached)

func wordsOfUncached(s string) []string {
	ws := splitWords(normalize(s))
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = canonWord(w.s)
	}
	return out
}

// canonWord folds spelling variants that mean the same words in addresses.
func canonWord(w string) string {
	if len(w) < 2 || len(w) > 9 || canonLens[w[0]]&(1<<len(w)) == 0 {
		return w // no key of canonWords has w's first letter and length
	}
	if c, ok := canonWords[w]; ok {
		return c
	}
	return w
}

// canonLens[c] has bit n set when a key of canonWords (2 to 9 letters)
// starts with c and has n letters: most words need no map lookup.
var canonLens = func() (lens [256]uint16) {
	for k := range canonWords {
		lens[k[0]] |= 1 << len(k)
	}
	return lens
}()

// canonValues are the abbreviations canonWords folds to.
var canonValues = func() map[string]bool {
	m := map[string]bool{}
	for _, v := range canonWords {
		m[v] = true
	}
	return m
}()

var canonWords = map[string]string{
	"street": "st", "avenue": "ave", "av": "ave", "road": "rd", "boulevard": "blvd", "drive": "dr",
	"lane": "ln", "court": "ct", "place": "pl", "apartment": "apt", "suite": "ste", "square": "sq",
	"highway": "hwy", "parkway": "pkwy", "terrace": "ter", "north": "n", "south": "s", "east": "e", "west": "w",
}
