package analysis

import (
	"bufio"
	"math/rand"
	"os"
	"strings"
	"testing"

	porterstemmer "github.com/blevesearch/go-porterstemmer"
)

// libraryStem is the stem go-porterstemmer gives, which porterStemBytes
// must equal.
func libraryStem(w string) string {
	return string(porterstemmer.StemWithoutLowerCasing([]rune(w)))
}

// porterWords returns words to compare the stemmers on: every suffix of
// the rule tables and of steps 1 and 5 after a set of stems, random ASCII
// strings (letters, y, digits, apostrophes), and the words of the system
// dictionary when it is installed.
func porterWords(t *testing.T) []string {
	t.Helper()
	suffixes := []string{"sses", "ies", "ss", "s", "eed", "ed", "ing", "ated", "bled", "ized", "ating",
		"hopping", "filing", "y", "e", "ll", "ion", "sion", "tion", ""}
	for _, rules := range [][]porterRule{porterStep2, porterStep3, porterStep4} {
		for _, r := range rules {
			suffixes = append(suffixes, r.suffix, r.suffix+"s", r.suffix+"ed")
		}
	}
	stems := []string{"", "a", "b", "y", "by", "ay", "tr", "oat", "hop", "fil", "cry", "sky", "rel",
		"gener", "condit", "val", "digit", "conform", "radic", "sens", "formal", "hope", "agree",
		"fizz", "fail", "abl", "adopt", "bomb", "syzyg", "feud", "mov", "yell", "2", "o'", "x9y"}
	var words []string
	for _, st := range stems {
		for _, su := range suffixes {
			words = append(words, st+su)
		}
	}
	rng := rand.New(rand.NewSource(1))
	const letters = "abcdeeiilmnorsstuyyz'09"
	for i := 0; i < 200_000; i++ {
		b := make([]byte, 3+rng.Intn(12))
		for j := range b {
			b[j] = letters[rng.Intn(len(letters))]
		}
		words = append(words, string(b))
	}
	return append(words, dictionaryWords(t)...)
}

// dictionaryWords returns the lower-cased ASCII words of Debian's
// wamerican, or none when it is not installed.
func dictionaryWords(t *testing.T) []string {
	t.Helper()
	f, err := os.Open("/usr/share/dict/american-english")
	if err != nil {
		t.Logf("no system dictionary: %v", err)
		return nil
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if w := strings.ToLower(sc.Text()); isASCII([]byte(w)) {
			out = append(out, w)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestPorterMatchesLibrary(t *testing.T) {
	words := porterWords(t)
	changed := 0
	for _, w := range words {
		want := libraryStem(w)
		got := string(porterStemBytes([]byte(w)))
		if got != want {
			t.Errorf("porterStemBytes(%q) = %q, go-porterstemmer gives %q", w, got, want)
		}
		if got != w {
			changed++
		}
	}
	// The comparison means something only if many words change.
	if changed < len(words)/4 {
		t.Errorf("only %d of %d words changed by stemming", changed, len(words))
	}
	t.Logf("%d words, %d changed", len(words), changed)
}

func TestPorterExamples(t *testing.T) {
	tests := []struct{ word, want string }{
		{"investments", "invest"}, {"caresses", "caress"}, {"ponies", "poni"}, {"agreed", "agre"},
		{"hopping", "hop"}, {"filing", "file"}, {"conflated", "conflat"}, {"happy", "happi"},
		{"relational", "relat"}, {"generalization", "gener"}, {"electrical", "electr"},
		{"adoption", "adopt"}, {"controll", "control"}, {"said", "said"}, {"the", "the"},
	}
	for _, tt := range tests {
		if got := string(porterStemBytes([]byte(tt.word))); got != tt.want {
			t.Errorf("porterStemBytes(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}
