package classify

import (
	"strings"
	"unicode"
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

// features are a sentence's words and word pairs, hashed (FNV-1a, so the
// same sentence always gives the same features). Numbers are reduced to
// their shape by Words, so the model learns "the <num> times you" rather
// than particular counts.
func features(words []string) []feature {
	feats := make([]feature, 0, 2*len(words)+1)
	hs := make([]uint64, len(words))
	for i, w := range words {
		hs[i] = hashString(w)
		feats = append(feats, feature{hs[i], i, -1})
	}
	prev, prevHash := -1, hashString(start)
	for i := range words {
		feats = append(feats, feature{pair(prevHash, hs[i]), prev, i})
		prev, prevHash = i, hs[i]
	}
	return append(feats, feature{pair(prevHash, hashString(end)), prev, len(words)})
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
func Words(s string) []string {
	out := make([]string, 0, len(s)/5+1) // about a word per five bytes of copy
	rs := []rune(s)
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case unicode.IsLetter(r):
			j := i
			for j < len(rs) && (unicode.IsLetter(rs[j]) || unicode.IsDigit(rs[j]) ||
				(isApostrophe(rs[j]) && j+1 < len(rs) && unicode.IsLetter(rs[j+1]))) {
				j++
			}
			out = append(out, lowerWord(rs[i:j]))
			i = j
		case unicode.IsDigit(r) || (r == '$' || r == '£' || r == '€') && i+1 < len(rs) && unicode.IsDigit(rs[i+1]):
			money := !unicode.IsDigit(r)
			hasColon := false
			j := i + 1
			// Digits with inner separators: "1,200", "4.5", "11:42".
			for j < len(rs) && (unicode.IsDigit(rs[j]) ||
				strings.ContainsRune(",.:", rs[j]) && j+1 < len(rs) && unicode.IsDigit(rs[j+1])) {
				hasColon = hasColon || rs[j] == ':'
				j++
			}
			// Ordinals and units glued to the number: "3rd", "10am", "5k".
			k := j
			for k < len(rs) && unicode.IsLetter(rs[k]) {
				k++
			}
			suffix := strings.ToLower(string(rs[j:k]))
			switch {
			case money:
				out = append(out, "<money>")
			case hasColon || suffix == "am" || suffix == "pm":
				out = append(out, "<time>")
			case suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th":
				out = append(out, "<ordinal>")
			case j < len(rs) && rs[j] == '%':
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
			i++
		default:
			i++
		}
	}
	return out
}

// lowerWord is strings.ToLower(strings.Map(foldApostrophe, string(rs))) in
// one allocation instead of three: the judge reads every sentence of every
// variant.
func lowerWord(rs []rune) string {
	var b strings.Builder
	b.Grow(len(rs))
	for _, r := range rs {
		b.WriteRune(unicode.ToLower(foldApostrophe(r)))
	}
	return b.String()
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

func foldApostrophe(r rune) rune {
	if isApostrophe(r) {
		return '\''
	}
	return r
}
