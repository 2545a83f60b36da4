package offline

import (
	"strings"
	"unicode/utf8"
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

// splitSentences splits text after ., ! or ? followed by a space.
func splitSentences(text string) []string {
	var out []string
	start := 0
	for i := 0; i < len(text); i++ {
		if (text[i] == '.' || text[i] == '!' || text[i] == '?') && (i+1 == len(text) || text[i+1] == ' ') {
			out = append(out, strings.TrimSpace(text[start:i+1]))
			start = i + 1
		}
	}
	if rest := strings.TrimSpace(text[start:]); rest != "" {
		out = append(out, rest)
	}
	return out
}

func firstSentence(text string) string {
	if s := splitSentences(text); len(s) > 0 {
		return s[0]
	}
	return ""
}
