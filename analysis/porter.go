package analysis

// This file is Porter's stemming algorithm as github.com/blevesearch/go-porterstemmer
// (v1.0.3, MIT licence, see NOTICE) implements it in StemWithoutLowerCasing,
// with its two departures from the published algorithm (step 2's -bli and
// -logi), rewritten for ASCII bytes: the steps' suffix lists are tables
// instead of chains of if-else, and nothing is converted to runes. It must
// give byte-identical stems (TestPorterMatchesLibrary checks every word of a
// dictionary and of the analysis fixtures).

// porterRule replaces a suffix by a shorter ending when the measure of
// what stays before the suffix is above min.
type porterRule struct {
	suffix, ending string
}

// porterStep2 and porterStep3 apply when the stem's measure is above 0,
// porterStep4 when above 1 (its -ion also wants s or t before it). In
// each, the first suffix the word ends with decides, whether or not its
// condition holds.
var (
	porterStep2 = []porterRule{
		{"ational", "ate"}, {"tional", "tion"}, {"enci", "ence"}, {"anci", "ance"},
		{"izer", "ize"}, {"bli", "ble"}, {"alli", "al"}, {"entli", "ent"}, {"eli", "e"},
		{"ousli", "ous"}, {"ization", "ize"}, {"ation", "ate"}, {"ator", "ate"},
		{"alism", "al"}, {"iveness", "ive"}, {"fulness", "ful"}, {"ousness", "ous"},
		{"aliti", "al"}, {"iviti", "ive"}, {"biliti", "ble"}, {"logi", "log"},
	}
	porterStep3 = []porterRule{
		{"icate", "ic"}, {"ative", ""}, {"alize", "al"}, {"iciti", "ic"}, {"ical", "ic"},
		{"ful", ""}, {"ness", ""},
	}
	porterStep4 = []porterRule{
		{"al", ""}, {"ance", ""}, {"ence", ""}, {"er", ""}, {"ic", ""}, {"able", ""},
		{"ible", ""}, {"ant", ""}, {"ement", ""}, {"ment", ""}, {"ent", ""}, {"ion", ""},
		{"ou", ""}, {"ism", ""}, {"ate", ""}, {"iti", ""}, {"ous", ""}, {"ive", ""}, {"ize", ""},
	}
)

// porterStemBytes stems the ASCII word s in place, as go-porterstemmer's
// StemWithoutLowerCasing does, and returns the stem: s itself, shortened,
// and with some of its bytes rewritten.
func porterStemBytes(s []byte) []byte {
	if len(s) <= 2 {
		return s
	}
	s = porterStep1a(s)
	s = porterStep1b(s)
	s = porterStep1c(s)
	s = applyPorterRules(s, porterStep2, 0, false)
	s = applyPorterRules(s, porterStep3, 0, false)
	s = applyPorterRules(s, porterStep4, 1, true)
	s = porterStep5a(s)
	return porterStep5b(s)
}

// applyPorterRules applies the first rule whose suffix s ends with, when
// the measure of the rest is above min (and, for -ion with ionRule, when s
// or t precedes it).
func applyPorterRules(s []byte, rules []porterRule, min int, ionRule bool) []byte {
	for _, r := range rules {
		if !hasSuffixBytes(s, r.suffix) {
			continue
		}
		stem := s[:len(s)-len(r.suffix)]
		if porterMeasure(stem) <= min {
			return s
		}
		if ionRule && r.suffix == "ion" {
			if c := stem[len(stem)-1]; c != 's' && c != 't' {
				return s
			}
		}
		n := copy(s[len(stem):], r.ending)
		return s[:len(stem)+n]
	}
	return s
}

// porterStep1a removes plurals: -sses → -ss, -ies → -i, -s → "" (not -ss).
func porterStep1a(s []byte) []byte {
	switch {
	case hasSuffixBytes(s, "sses"), hasSuffixBytes(s, "ies"):
		return s[:len(s)-2]
	case hasSuffixBytes(s, "ss"):
		return s
	case hasSuffixBytes(s, "s"):
		return s[:len(s)-1]
	}
	return s
}

// porterStep1b removes -eed, -ed and -ing.
func porterStep1b(s []byte) []byte {
	switch {
	case hasSuffixBytes(s, "eed"):
		if porterMeasure(s[:len(s)-3]) > 0 {
			return s[:len(s)-1]
		}
		return s
	case hasSuffixBytes(s, "ed"):
		return porterStep1bRest(s, 2)
	case hasSuffixBytes(s, "ing"):
		return porterStep1bRest(s, 3)
	}
	return s
}

// porterStep1bRest handles -ed (n = 2) and -ing (n = 3) when the stem
// before them has a vowel: -at, -bl and -iz gain an e, a double consonant
// other than l, s or z loses one, a short stem (measure 1, consonant
// vowel consonant but not w, x or y) gains an e.
func porterStep1bRest(s []byte, n int) []byte {
	stem := s[:len(s)-n]
	if !porterHasVowel(stem) {
		return s
	}
	last := stem[len(stem)-1]
	switch {
	case hasSuffixBytes(stem, "at"), hasSuffixBytes(stem, "bl"), hasSuffixBytes(stem, "iz"):
		out := s[:len(stem)+1]
		out[len(out)-1] = 'e'
		return out
	case last != 'l' && last != 's' && last != 'z' && porterDoubleConsonant(stem):
		return stem[:len(stem)-1]
	case porterMeasure(stem) == 1 && porterCVC(stem) && last != 'w' && last != 'x' && last != 'y':
		out := s[:len(stem)+1]
		out[len(out)-1] = 'e'
		return out
	}
	return stem
}

// porterStep1c turns a final y into i when the rest has a vowel.
func porterStep1c(s []byte) []byte {
	n := len(s)
	if n < 2 || !porterHasVowel(s[:n-1]) {
		return s
	}
	switch s[n-1] {
	case 'y':
		s[n-1] = 'i'
	case 'Y':
		s[n-1] = 'I'
	}
	return s
}

// porterStep5a removes a final e after a stem of measure above 1, or of
// measure 1 that does not end consonant vowel consonant (but w, x, y).
func porterStep5a(s []byte) []byte {
	if s[len(s)-1] != 'e' {
		return s
	}
	stem := s[:len(s)-1]
	switch m := porterMeasure(stem); {
	case m > 1:
		return stem
	case m == 1:
		c := stem[len(stem)-1]
		if !(porterCVC(stem) && c != 'w' && c != 'x' && c != 'y') {
			return stem
		}
	}
	return s
}

// porterStep5b turns a final -ll into -l after a stem of measure above 1.
func porterStep5b(s []byte) []byte {
	n := len(s)
	if n > 2 && s[n-2] == 'l' && s[n-1] == 'l' && porterMeasure(s[:n-1]) > 1 {
		return s[:n-1]
	}
	return s
}

// hasSuffixBytes reports whether s ends with suffix and is longer than it.
func hasSuffixBytes(s []byte, suffix string) bool {
	n, k := len(s), len(suffix)
	if n <= k || s[n-1] != suffix[k-1] {
		return false
	}
	for i := 0; i < k-1; i++ {
		if s[n-k+i] != suffix[i] {
			return false
		}
	}
	return true
}

// porterConsonant reports whether s[i] is a consonant: not a, e, i, o, u,
// and not a y after a consonant.
func porterConsonant(s []byte, i int) bool {
	switch s[i] {
	case 'a', 'e', 'i', 'o', 'u':
		return false
	case 'y':
		return i == 0 || !porterConsonant(s, i-1)
	}
	return true
}

// porterMeasure counts the vowel-consonant sequences of s after its first
// consonants: [C](VC){m}[V].
func porterMeasure(s []byte) int {
	i, m := 0, 0
	for i < len(s) && porterConsonant(s, i) {
		i++
	}
	for i < len(s) {
		for i < len(s) && !porterConsonant(s, i) {
			i++
		}
		if i == len(s) {
			break
		}
		for i < len(s) && porterConsonant(s, i) {
			i++
		}
		m++
	}
	return m
}

// porterHasVowel reports whether s has a vowel.
func porterHasVowel(s []byte) bool {
	for i := range s {
		if !porterConsonant(s, i) {
			return true
		}
	}
	return false
}

// porterDoubleConsonant reports whether s ends with two equal consonants.
func porterDoubleConsonant(s []byte) bool {
	n := len(s)
	return n >= 2 && s[n-1] == s[n-2] && porterConsonant(s, n-1)
}

// porterCVC reports whether s ends consonant, vowel, consonant.
func porterCVC(s []byte) bool {
	n := len(s)
	return n >= 3 && porterConsonant(s, n-3) && !porterConsonant(s, n-2) && porterConsonant(s, n-1)
}
