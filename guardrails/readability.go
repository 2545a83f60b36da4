package guardrails

import (
	"fmt"
	"strings"

	tailor "github.com/tailorhq/tailor"
)

// Reading level is the Flesch-Kincaid grade of the copy's longer fields.
// The formula is unstable on short text (a subject line with no full stop
// reads as one endless sentence), so: fields under minReadingWords words are
// skipped, line breaks, colons, semicolons and dashes end sentences, a
// sentence counts at most 25 words, and copy under 40 words gets one grade
// of slack.
const (
	minReadingWords  = 12
	shortCopyWords   = 40
	maxSentenceWords = 25
)

// A field too short for the formula still reads far above any grade a
// brand sets when most of its words are long ("individualized,
// professionally facilitated experiences"): from minDenseWords words, with
// minLongWords words of four syllables or more making 40% of them.
const (
	minDenseWords = 6
	minLongWords  = 4
)

func checkReadability(r *run) {
	maxGrade := r.rules.gradeMax
	if maxGrade <= 0 {
		return
	}
	for _, f := range r.fields {
		g, words, worst, run := grade(f.t)
		if words < minReadingWords {
			if long := longWords(f.t); words >= minDenseWords && long >= minLongWords && 10*long >= 4*words {
				r.addAt(ReadingLevel, tailor.Flag, f.name, f.t.span(f.t.words[0].b, f.t.words[len(f.t.words)-1].e),
					fmt.Sprintf("%d of its %d words have four syllables or more; the brand's maximum grade is %d", long, words, maxGrade))
				continue
			}
			checkDenseSentence(r, f, maxGrade)
			continue
		}
		limit := float64(maxGrade)
		if words < shortCopyWords {
			limit++
		}
		if g > limit {
			r.addAt(ReadingLevel, tailor.Flag, f.name, worst,
				fmt.Sprintf("reads at grade %.1f; the brand's maximum is %d", g, maxGrade))
			continue
		}
		if run.words >= runOnWords && run.grade > limit {
			r.addAt(ReadingLevel, tailor.Flag, f.name, run.span,
				fmt.Sprintf("one sentence of %d words reads at grade %.1f; the brand's maximum is %d", run.words, run.grade, maxGrade))
			continue
		}
		checkDenseSentence(r, f, maxGrade)
	}
}

// runOnWords is the length from which one sentence is hard to read
// whatever its words: the grade formula caps a sentence at
// maxSentenceWords, so a run-on sentence of short everyday words ("when
// the days get shorter and the trails get wetter and…") averages out
// under the limit in a long field. Measured alone and uncapped, a sentence
// of 40 words is over grade 12.
const runOnWords = 40

// runOn is a field's longest sentence of runOnWords words or more, with
// its uncapped Flesch-Kincaid grade (words 0: none so long).
type runOn struct {
	words int
	grade float64
	span  [2]int
}

// grade returns the Flesch-Kincaid grade of t, its word count, the span
// of its hardest sentence and its longest run-on sentence.
func grade(t *text) (float64, int, [2]int, runOn) {
	var (
		words, sentences, syllables int
		worst                       [2]int
		worstScore                  float64
		sw, ss, sb                  int // current sentence: words, syllables, first word's byte
		run                         runOn
	)
	end := func(e int) {
		if sw == 0 {
			return
		}
		if sw >= runOnWords && sw > run.words {
			run = runOn{sw, 0.39*float64(sw) + 11.8*float64(ss)/float64(sw) - 15.59, t.span(sb, e)}
		}
		sentences++
		if sw > maxSentenceWords {
			sentences += (sw - 1) / maxSentenceWords
		}
		if score := 0.39*float64(min(sw, maxSentenceWords)) + 11.8*float64(ss)/float64(sw); score > worstScore {
			worstScore, worst = score, t.span(sb, e)
		}
		sw, ss = 0, 0
	}
	prevEnd := 0
	for _, w := range t.words {
		gap := t.norm[prevEnd:w.b]
		if gap == "'" && sw > 0 {
			prevEnd = w.e // "you're" is one word
			continue
		}
		if prevEnd > 0 && (hasByteIn(gap, ".!?;:\n") || strings.Contains(gap, " -")) {
			end(prevEnd)
		}
		if sw == 0 {
			sb = w.b
		}
		n := syllableCount(w.s)
		sw++
		ss += n
		words++
		syllables += n
		prevEnd = w.e
	}
	end(prevEnd)
	if words == 0 {
		return 0, 0, worst, run
	}
	g := 0.39*float64(words)/float64(sentences) + 11.8*float64(syllables)/float64(words) - 15.59
	return g, words, worst, run
}

// syllableCount estimates syllables by vowel groups, with the usual
// corrections for a silent final e and "-le".
func syllableCount(w string) int {
	if hasDigit(w) {
		return 1
	}
	n, prevVowel := 0, false
	for i := 0; i < len(w); i++ {
		c := w[i]
		v := c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'
		if v && !prevVowel {
			n++
		}
		prevVowel = v
	}
	if strings.HasSuffix(w, "e") && !strings.HasSuffix(w, "le") && n > 1 {
		n--
	}
	if strings.HasSuffix(w, "es") || strings.HasSuffix(w, "ed") {
		if len(w) > 3 && !strings.ContainsRune("tdscxz", rune(w[len(w)-3])) && n > 1 {
			n--
		}
	}
	return max(n, 1)
}

// longWords counts the words of t with four syllables or more.
func longWords(t *text) int {
	n := 0
	for _, w := range t.words {
		if syllableCount(w.s) >= 4 {
			n++
		}
	}
	return n
}

// checkDenseSentence flags one sentence of jargon inside plain copy: the
// field's grade is diluted by its plain sentences ("Reply STOP to opt
// out"), but a sentence of minDenseWords words or fewer than a dozen, at
// least minLongWords-1 of them of four syllables or more and half its
// words, with 3.3 syllables a word or more, reads far above any brand's
// grade ("Proprietary hydrophobic membranes optimise multidirectional
// traction."). "Comfortable, affordable shoes for everyday adventures"
// has the long words but not the weight.
func checkDenseSentence(r *run, f field, maxGrade int) {
	ws := f.t.words
	for start := 0; start < len(ws); {
		end := start + 1
		for end < len(ws) && !hasByteIn(f.t.norm[ws[end-1].e:ws[end].b], ".!?\n;:") {
			end++
		}
		n, long, syl := end-start, 0, 0
		if n >= minDenseWords-1 && n < minReadingWords && longish(ws[start:end]) >= minLongWords-1 {
			for _, w := range ws[start:end] {
				c := syllableCount(w.s)
				syl += c
				if c >= 4 {
					long++
				}
			}
			if long >= minLongWords-1 && 2*long >= n && 10*syl >= 33*n {
				r.addAt(ReadingLevel, tailor.Flag, f.name, f.t.span(ws[start].b, ws[end-1].e),
					fmt.Sprintf("one sentence has %d of its %d words of four syllables or more; the brand's maximum grade is %d", long, n, maxGrade))
				return
			}
		}
		start = end
	}
}

// longish counts the words of seven letters or more: every word of four
// syllables has them, and most sentences have too few to count syllables.
func longish(ws []word) int {
	n := 0
	for _, w := range ws {
		if len(w.s) >= 7 {
			n++
		}
	}
	return n
}
