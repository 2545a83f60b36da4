package classify

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// feature is one hashed unigram or bigram of a sentence.
type feature struct {
	hash uint64
	// a and b index the words the feature was made of (b = -1 for a
	// unigram); they name the feature when it is shown as evidence.
	a, b int
}

// Sentence boundary markers of the first and last bigram.
const (
	start = "<s>"
	end   = "</s>"
)

// features are a sentence's words, their stems and word pairs, hashed
// (FNV-1a, so the same sentence always gives the same features). Numbers
// are reduced to their shape by Words, so the model learns "the <num> times
// you" rather than particular counts.
func features(words []string) []feature {
	feats := make([]feature, 0, 3*len(words)+1)
	for i, w := range words {
		feats = append(feats, feature{hashString(w), i, -1})
	}
	prev, prevHash := -1, hashString(start)
	for i := range words {
		h := feats[i].hash // word i's unigram
		feats = append(feats, feature{pair(prevHash, h), prev, i})
		prev, prevHash = i, h
	}
	feats = append(feats, feature{pair(prevHash, hashString(end)), prev, len(words)})
	// A word's stem too, when it has one: the corpus has "browsing" where
	// fresh copy says "browsed".
	for i, w := range words {
		if st := stem(w); st != w {
			feats = append(feats, feature{hashString(st) ^ stemSalt, i, -1})
		}
	}
	return feats
}

// stemSalt keeps a stem's feature apart from the same letters as a word:
// "brows" the stem is not "brows" the word.
const stemSalt = 0x5bd1e995

// stem strips a few English suffixes: a crude stemmer, enough to let
// "browsing", "browsed" and "browses" share a feature.
func stem(w string) string {
	for _, suf := range []string{"ing", "ed", "es", "s", "ly", "er"} {
		if len(w) > len(suf)+3 && strings.HasSuffix(w, suf) {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

// name spells a feature out for evidence.
func (f feature) name(words []string) string {
	word := func(i int) string {
		switch {
		case i < 0:
			return start
		case i >= len(words):
			return end
		}
		return words[i]
	}
	if f.b < 0 {
		return word(f.a)
	}
	return word(f.a) + " " + word(f.b)
}

func hashString(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// pair combines two word hashes into a bigram hash, order-sensitive.
func pair(a, b uint64) uint64 { return (a*31+0x9e3779b97f4a7c15)*1099511628211 ^ b }

// Words splits a sentence into lower-cased tokens: runs of letters (with
// inner apostrophes) and number shapes. Punctuation that carries meaning in
// copy ("?", ":" after a role name, "[") becomes a token of its own.
//
// It walks s by byte offset, so that a word already in lower case (all of
// them, for the guardrails' normalised text) is a substring of s rather than
// a new string: the judge reads every sentence of every variant.
func Words(s string) []string {
	out := make([]string, 0, len(s)/5+1) // about a word per five bytes of copy
	// at returns the rune at byte i (-1 past the end) and the byte after it.
	at := func(i int) (rune, int) {
		if i >= len(s) {
			return -1, i
		}
		if c := s[i]; c < utf8.RuneSelf {
			return rune(c), i + 1
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		return r, i + n
	}
	for i := 0; i < len(s); {
		r, next := at(i)
		switch {
		case unicode.IsLetter(r):
			j := i
			for j < len(s) {
				c, after := at(j)
				if unicode.IsLetter(c) || unicode.IsDigit(c) {
					j = after
					continue
				}
				if n, _ := at(after); isApostrophe(c) && unicode.IsLetter(n) {
					j = after
					continue
				}
				break
			}
			out = append(out, lowerWord(s[i:j]))
			i = j
		case unicode.IsDigit(r) || (r == '$' || r == '£' || r == '€') && isDigitAt(s, next):
			money := !unicode.IsDigit(r)
			hasColon := false
			j := next
			// Digits with inner separators: "1,200", "4.5", "11:42".
			for j < len(s) {
				c, after := at(j)
				if unicode.IsDigit(c) || strings.ContainsRune(",.:", c) && isDigitAt(s, after) {
					hasColon = hasColon || c == ':'
					j = after
					continue
				}
				break
			}
			// Ordinals and units glued to the number: "3rd", "10am", "5k".
			k := j
			for k < len(s) {
				c, after := at(k)
				if !unicode.IsLetter(c) {
					break
				}
				k = after
			}
			suffix := strings.ToLower(s[j:k])
			switch {
			case money:
				out = append(out, "<money>")
			case hasColon || suffix == "am" || suffix == "pm":
				out = append(out, "<time>")
			case suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th":
				out = append(out, "<ordinal>")
			case j < len(s) && s[j] == '%':
				out = append(out, "<percent>")
				k = j + 1
			default:
				out = append(out, "<num>")
				if suffix != "" {
					out = append(out, suffix)
				}
			}
			i = k
		case r == '?' || r == '[' || r == ':' || r == '%':
			out = append(out, string(r))
			i = next
		default:
			i = next
		}
	}
	return out
}

// isDigitAt reports whether the rune at byte i of s is a digit.
func isDigitAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsDigit(r)
}

// lowerWord is strings.ToLower(strings.Map(foldApostrophe, w)): w itself
// when it is already lower case with plain apostrophes, else one new string.
func lowerWord(w string) string {
	if isLower(w) {
		return w
	}
	var b strings.Builder
	b.Grow(len(w))
	for _, r := range w {
		b.WriteRune(unicode.ToLower(foldApostrophe(r)))
	}
	return b.String()
}

// isLower reports whether lowerWord leaves w as it is: ASCII without
// capitals byte by byte, other text rune by rune.
func isLower(w string) bool {
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c >= utf8.RuneSelf:
			return isLowerRunes(w)
		case 'A' <= c && c <= 'Z':
			return false
		}
	}
	return true
}

func isLowerRunes(w string) bool {
	for _, r := range w {
		if unicode.ToLower(foldApostrophe(r)) != r {
			return false
		}
	}
	return true
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

func foldApostrophe(r rune) rune {
	if isApostrophe(r) {
		return '\''
	}
	return r
}
