package tagger

import (
	"unicode"
)

// Which words a sentence's labelling may make part of an entity. The
// others are O without being scored, which is most of the cost of tagging:
// in English only words with a capital or a digit are free, and the small
// words between them ("Bank of England", "Bank of the Philippines",
// "Procter & Gamble") or before them ("de Klerk"); in Japanese all
// characters are free but those of particles and auxiliary verbs (は, が,
// でした) and punctuation not joining two names (the ・ of ドナルド・トランプ
// is free). On CoNLL-2003 eng.testa 0.24% of the gold people,
// organizations and places hold a word this leaves out, while 60% of the
// words are left out.

// maxGap is how far, in words, a lower-case word may stand from a word
// with a capital on each side and still be free (of and the in "Bank of
// the Philippines").
const maxGap = 2

// nameParticles are the lower-case words that begin people's names before
// a capitalized word: "de Klerk", "van Gogh", "al Qaeda", "bin Laden".
var nameParticles = map[string]bool{
	"de": true, "del": true, "della": true, "der": true, "den": true, "des": true, "du": true,
	"da": true, "di": true, "do": true, "dos": true, "van": true, "von": true, "la": true,
	"le": true, "los": true, "las": true, "al": true, "el": true, "bin": true, "ibn": true,
	"abu": true, "ben": true, "ter": true, "zu": true,
}

// freeEnglish sets free[i] for the English words the tagger may label and
// returns free.
func freeEnglish(words []string, free []bool) []bool {
	free = free[:0]
	for _, w := range words {
		free = append(free, hasCapitalOrDigit(w))
	}
	lastStrong := -maxGap - 1 // the last word with a capital before i
	for i, w := range words {
		if free[i] {
			lastStrong = i
			continue
		}
		next := nextStrong(words, i)
		switch {
		case next < 0:
		case i-lastStrong <= maxGap && next-i <= maxGap:
			free[i] = true
		case next == i+1 && nameParticles[w]:
			free[i] = true
		}
	}
	return free
}

// nextStrong returns the first word after i, at most maxGap away, with a
// capital or a digit, or -1.
func nextStrong(words []string, i int) int {
	for j := i + 1; j < len(words) && j <= i+maxGap; j++ {
		if hasCapitalOrDigit(words[j]) {
			return j
		}
	}
	return -1
}

// hasCapitalOrDigit reports whether w holds an upper-case letter or a
// digit.
func hasCapitalOrDigit(w string) bool {
	for _, r := range w {
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}
