package offline

import (
	"strings"
	"unicode/utf8"

	"github.com/tailorhq/tailor/generator"
)

// fit returns s if it fits in limit runes, else s cut at the last word
// boundary that fits (a lone word is cut hard).
func fit(s string, limit int) string {
	s = strings.TrimSpace(s)
	if limit <= 0 || utf8.RuneCountInString(s) <= limit {
		return s
	}
	r := []rune(s)[:limit]
	if i := strings.LastIndexByte(string(r), ' '); i > 0 {
		return strings.TrimRight(string(r)[:i], " ,;:-")
	}
	return string(r)
}

// fitSentences joins sentences in order while they fit in limit runes with
// tail appended; tail always ends the text.
func fitSentences(sentences []string, limit int, tail string) string {
	room := limit
	if tail != "" {
		room -= utf8.RuneCountInString(tail) + 1
	}
	var b strings.Builder
	for _, s := range sentences {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		need := utf8.RuneCountInString(s)
		if b.Len() > 0 {
			need++
		}
		if utf8.RuneCountInString(b.String())+need > room {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s)
	}
	if tail != "" {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(tail)
	}
	return fit(b.String(), limit)
}

func firstSentence(text string) string {
	if s := generator.Sentences(text); len(s) > 0 {
		return s[0]
	}
	return ""
}
