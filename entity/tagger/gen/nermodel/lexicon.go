package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/sagasu-search/sagasu/entity/tagger"
	"github.com/sagasu-search/sagasu/romaji"
	"github.com/sagasu-search/sagasu/text"
)

// sources are the files the lexicons are read from.
type sources struct {
	geoDir    string // GeoNames: geonames/cities15000.txt, countryInfo.txt, regionInfo.tsv
	gazetteer string // entity/gazetteer.json
	enamdict  string // namedict/enamdict.tsv.gz
	dict      string // an English word list, one word a line (Debian's wamerican)
}

// lexicons holds the lexicon of each language as it is built.
type lexicons map[tagger.Lang]*tagger.Lexicon

// add puts name in list c of the lexicon of its script: Japanese when it
// holds kana or kanji, English when it is all Latin letters, digits,
// spaces and marks; other scripts are left out.
func (l lexicons) add(c tagger.LexClass, name string) {
	switch {
	case text.HasJapanese(name):
		for _, r := range name {
			if unicode.IsLetter(r) && !text.IsJapaneseScript(r) && r >= 0x2E80 {
				return // Hangul and the like
			}
		}
		l[tagger.Japanese].Add(tagger.Japanese, c, name)
	case isLatin(name):
		l[tagger.English].Add(tagger.English, c, name)
	}
}

// isLatin reports whether s is written in Latin letters.
func isLatin(s string) bool {
	letter := false
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
			return false
		}
		letter = letter || unicode.IsLetter(r)
	}
	return letter
}

// readLexicons builds the English and Japanese lexicons.
func readLexicons(src sources) (lexicons, error) {
	l := lexicons{tagger.English: &tagger.Lexicon{}, tagger.Japanese: &tagger.Lexicon{}}
	for _, read := range []func(lexicons, sources) error{readGeoNames, readGazetteer, readENAMDICT, readDictionary} {
		if err := read(l, src); err != nil {
			return nil, err
		}
	}
	return l, nil
}

// readGeoNames adds the cities' names (and their Japanese and Latin
// alternate names), the countries and capitals, and the regions.
func readGeoNames(l lexicons, src sources) error {
	dir := filepath.Join(src.geoDir, "geonames")
	err := eachRow(filepath.Join(dir, "cities15000.txt"), func(f []string) {
		if len(f) < 4 {
			return
		}
		l.add(tagger.LexPlace, f[1])
		l.add(tagger.LexPlace, f[2])
		for _, alt := range strings.Split(f[3], ",") {
			if text.HasJapanese(alt) {
				l.add(tagger.LexPlace, alt)
			}
		}
	})
	if err != nil {
		return err
	}
	err = eachRow(filepath.Join(dir, "countryInfo.txt"), func(f []string) {
		if len(f) > 5 && !strings.HasPrefix(f[0], "#") {
			l.add(tagger.LexPlace, f[4])
			l.add(tagger.LexPlace, f[5])
		}
	})
	if err != nil {
		return err
	}
	return eachRow(filepath.Join(dir, "regionInfo.tsv"), func(f []string) {
		if len(f) > 2 && !strings.HasPrefix(f[0], "#") {
			l.add(tagger.LexPlace, f[1])
			l.add(tagger.LexPlace, f[2])
		}
	})
}

// gazetteerLists maps the gazetteer's types to lists.
var gazetteerLists = map[string]tagger.LexClass{"person": tagger.LexPerson,
	"organization": tagger.LexOrg, "place": tagger.LexPlace}

// readGazetteer adds the gazetteer's entities by name and alias.
func readGazetteer(l lexicons, src sources) error {
	data, err := os.ReadFile(src.gazetteer)
	if err != nil {
		return fmt.Errorf("read gazetteer: %w", err)
	}
	var g struct {
		Entities []struct {
			Type    string   `json:"type"`
			Name    string   `json:"name"`
			Aliases []string `json:"aliases"`
		} `json:"entities"`
	}
	if err := json.Unmarshal(data, &g); err != nil {
		return fmt.Errorf("read %s: %w", src.gazetteer, err)
	}
	for _, e := range g.Entities {
		c, ok := gazetteerLists[e.Type]
		if !ok {
			continue
		}
		for _, name := range append([]string{e.Name}, e.Aliases...) {
			l.add(c, name)
		}
	}
	return nil
}

// readENAMDICT adds the surnames and given names of the people ENAMDICT
// lists by full name ("p" and "u" lines of namedict's table: writing,
// surname, surname's reading, given name's reading), as written for
// Japanese and romanized for English.
func readENAMDICT(l lexicons, src sources) error {
	f, err := os.Open(src.enamdict)
	if err != nil {
		return fmt.Errorf("open ENAMDICT table: %w", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return fmt.Errorf("read %s: %w", src.enamdict, err)
	}
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		p := strings.Split(sc.Text(), "\t")
		if len(p) != 5 || p[0] != "p" && p[0] != "u" || !strings.HasPrefix(p[1], p[2]) || p[1] == p[2] {
			continue
		}
		l.add(tagger.LexSurname, p[2])
		l.add(tagger.LexGiven, p[1][len(p[2]):])
		l.add(tagger.LexSurname, romaji.FromKana(p[3]))
		l.add(tagger.LexGiven, romaji.FromKana(p[4]))
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", src.enamdict, err)
	}
	return nil
}

// readDictionary adds the English dictionary's lower-case words, and its
// capitalized words that it does not also list in lower case.
func readDictionary(l lexicons, src sources) error {
	data, err := os.ReadFile(src.dict)
	if err != nil {
		return fmt.Errorf("read English word list: %w", err)
	}
	words := strings.Fields(string(data))
	lower := map[string]bool{}
	for _, w := range words {
		if isLetters(w) && strings.ToLower(w) == w {
			lower[w] = true
			l.add(tagger.LexWord, w)
		}
	}
	for _, w := range words {
		if isLetters(w) && unicode.IsUpper([]rune(w)[0]) && !lower[strings.ToLower(w)] {
			l.add(tagger.LexProper, w)
		}
	}
	return nil
}

// isLetters reports whether w is ASCII letters only ("Paris", not "Paris's").
func isLetters(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i] | 0x20; c < 'a' || c > 'z' {
			return false
		}
	}
	return w != ""
}

// eachRow calls f with the tab-separated fields of each line of the file
// at path.
func eachRow(path string, f func([]string)) error {
	file, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	defer file.Close()
	sc := bufio.NewScanner(file)
	sc.Buffer(make([]byte, 1<<16), 1<<24)
	for sc.Scan() {
		f(strings.Split(sc.Text(), "\t"))
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	return nil
}
