// Command words writes the vocabulary of Sagasu's synthetic corpus
// (package synth): the lower-case ASCII words of an English word list
// (Debian's wamerican, /usr/share/dict/american-english), one a line, in
// rank order, gzip-compressed. Run by go generate in lab/synth/:
//
//	apt-get install wamerican
//	go generate ./synth
//
// The ranks are made up, deterministically: first a fixed list of real
// very common English words (the, of, and, to, ...), so that the text
// reads like English and a common word is common; then the rest of the
// list ordered by length plus a pseudo-random amount from a fixed seed, so
// that short words tend to rank high as they do in English. A few slurs
// and obscenities are left out; they are listed by the first 16 hex digits
// of their SHA-256, not by name.
package main

import (
	"bufio"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
)

func main() {
	dict := flag.String("dict", "/usr/share/dict/american-english", "English word list, one word a line (Debian package wamerican)")
	out := flag.String("out", "words.txt.gz", "file to write")
	flag.Parse()
	if err := run(*dict, *out); err != nil {
		fmt.Fprintln(os.Stderr, "words:", err)
		os.Exit(1)
	}
}

// commonWords are real English words in roughly the order of their
// frequency in news text; they take the top ranks.
var commonWords = []string{
	"the", "of", "and", "to", "a", "in", "that", "is", "for", "on",
	"said", "with", "was", "as", "at", "by", "it", "he", "from", "be",
	"his", "have", "has", "an", "are", "but", "not", "they", "this", "its",
	"who", "were", "had", "will", "their", "been", "would", "which", "more", "after",
	"also", "one", "up", "we", "about", "there", "year", "new", "than", "other",
	"out", "all", "when", "can", "her", "she", "two", "first", "last", "over",
	"into", "could", "some", "government", "percent", "time", "them", "only", "if", "so",
	"no", "what", "years", "just", "before", "most", "many", "while", "against", "him",
	"our", "because", "those", "even", "back", "three", "million", "week", "told", "people",
	"country", "state", "market", "officials", "company", "minister", "president", "since", "under", "between",
	"may", "should", "during", "where", "such", "through", "now", "made", "well", "how",
	"or", "do", "any", "next", "four", "says", "including", "both", "help", "economy",
}

// excluded are the first 16 hex digits of the SHA-256 of words left out.
var excluded = map[string]bool{}

func init() {
	for _, h := range []string{
		"08a841e996781e9e", "0ce875d620076b53", "11cf8376a1575fdc", "120f6e5b4ea32f65", "13a465fc6616da8d", "158869a97379229b",
		"17bde8b4064612e2", "1e02eec4f1095143", "2189c0ed714f0c54", "245c20d383aea7a8", "262f86db0ac788ad", "26578569a290ecbe",
		"31506a8448a761a4", "341d56384afc0f47", "37b57d5556b63cda", "3e8716c272e524b1", "3ed5568cf99e2190", "3f975152b427b9c5",
		"45cd3e1bb472d8e2", "45fb7c3b72b6856c", "517ae3f73216da64", "522788b65f01ccc0", "566f532d486c9477", "5a9d9dcefb56e593",
		"5b3ae48be122f7ed", "63333e4b5d1cde54", "63bd9333b1a0b11d", "64e3bea3ea0893ff", "693ee9961bef39c1", "6ac3c336e4094835",
		"6b538ee08b7362bb", "7497839da7484714", "75073e6508b67979", "7bc671151cbfaee7", "7c4a5c242b72a23d", "82159dd02870c13e",
		"85fc17f7069acd39", "87d1690e74a1d827", "886d51e97ad7931d", "89133bc00e9b3eb8", "8c1c29847d42b041", "8f5083e3e5c7dc89",
		"92a9bf818e7e0002", "937d56e49744d206", "986c99004163a6c5", "9915ba2d822280f2", "9ae315a94e428a7e", "a24efab8d957af0a",
		"b2a7d488cf78ce74", "b690cdbe59f14b3b", "b81d6dc25832a854", "bb61ef40814ce34c", "bc88664f89060395", "bd331fb1d24298f5",
		"c1cabb6f6e431f9c", "c2c3b68b48832afd", "cc02032349c833ac", "d75a838dc758ba17", "d88a67948a9edf8a", "daec0c235d3135fc",
		"db10a7906121f4ea", "de569a7f6852ba73", "df736257aa81e4a7", "e3fe12c0f87e2e49", "e512a05583448f44", "e7b98c6aa5b944e0",
		"ea273cbdc96e9b81", "eb9f46c073404cac", "eef3bd091670c344", "f50c51ed2315dcf3", "f8cc2bdd5fb05bae", "f9d0d9b18ae9033a",
		"ff3ab0eace2614eb",
		"267463e5e36cd787", "2582739e6bb4b910", "7c28a8e09b8f0733", "2df52de1ed7208c0",
		"ad505b0be8a49b89", "99e367bcad7a502f", "28f2b8821f7ec20f", "15c9a6acaec19e77",
	} {
		excluded[h] = true
	}
}

func run(dict, out string) error {
	words, err := readWords(dict)
	if err != nil {
		return err
	}
	ranked := rank(words)
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	zw, err := gzip.NewWriterLevel(f, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	for _, w := range ranked {
		bw.WriteString(w)
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return f.Close()
}

// readWords returns the words of the list that are lower-case ASCII
// letters only (no proper nouns, no apostrophes), without the excluded.
func readWords(dict string) ([]string, error) {
	f, err := os.Open(dict)
	if err != nil {
		return nil, fmt.Errorf("open word list %s (apt-get install wamerican): %w", dict, err)
	}
	defer f.Close()
	var words []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		w := sc.Text()
		if isLowerASCII(w) && !excluded[hash(w)] {
			words = append(words, w)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", dict, err)
	}
	if len(words) < 10000 {
		return nil, fmt.Errorf("%s: only %d lower-case words; is it an English word list?", dict, len(words))
	}
	return words, nil
}

// rank puts the common words first, then the other words of three letters
// or more with a vowel (no "cf", "mph") by length plus a pseudo-random 0
// to 6 from a fixed seed.
func rank(words []string) []string {
	seen := map[string]bool{}
	out := make([]string, 0, len(words)+len(commonWords))
	for _, w := range commonWords {
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	type keyed struct {
		w   string
		key float64
	}
	var rest []keyed
	state := uint64(0x5A6A5A6A5A6A5A6A) // fixed: the ranks must not change between runs
	for _, w := range words {
		noise := float64(splitmix(&state)>>11) / (1 << 53) * 6
		if !seen[w] && len(w) >= 3 && strings.ContainsAny(w, "aeiouy") {
			seen[w] = true
			rest = append(rest, keyed{w, float64(len(w)) + noise})
		}
	}
	sort.SliceStable(rest, func(i, j int) bool { return rest[i].key < rest[j].key })
	for _, k := range rest {
		out = append(out, k.w)
	}
	return out
}

// splitmix is the SplitMix64 generator: a fixed sequence from a seed.
func splitmix(state *uint64) uint64 {
	*state += 0x9E3779B97F4A7C15
	z := *state
	z = (z ^ z>>30) * 0xBF58476D1CE4E5B9
	z = (z ^ z>>27) * 0x94D049BB133111EB
	return z ^ z>>31
}

func hash(w string) string {
	sum := sha256.Sum256([]byte(w))
	return hex.EncodeToString(sum[:8])
}

func isLowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return s != ""
}
