package main

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// place is one p line.
type place struct {
	code   string
	weight int64
	names  []string
}

func (p *place) line() string {
	return fmt.Sprintf("p\t%s\t%d\t%s\n", p.code, p.weight, clean(p.names))
}

// kanjiCountries are the countries whose cities' names in kanji are read
// as Japanese ones: the alternate names carry no language, and a kanji name
// elsewhere is Chinese.
var kanjiCountries = map[string]bool{"JP": true, "CN": true, "TW": true, "HK": true, "MO": true, "KR": true, "KP": true}

// readPlaces reads the cities of at least minPop people (and capitals) and
// the admin-1 regions, weighted by the people of all their cities.
func readPlaces(dir string, minPop int64) ([]*place, error) {
	data, err := readFile(dir, "geonames/cities15000.txt")
	if err != nil {
		return nil, err
	}
	var out []*place
	regionPop := map[string]int64{}
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Split(line, "\t")
		if len(f) < 19 {
			continue
		}
		pop, err := strconv.ParseInt(f[14], 10, 64)
		if err != nil {
			return nil, fmt.Errorf("cities15000.txt: population of %s: %w", f[0], err)
		}
		regionPop[f[8]+"."+f[10]] += pop
		if pop < minPop && f[7] != "PPLC" {
			continue
		}
		out = append(out, &place{code: f[8], weight: max(pop, 1), names: cityNames(f[1], f[2], f[3], f[8])})
	}
	data, err = readFile(dir, "geonames/regionInfo.tsv")
	if err != nil {
		return nil, err
	}
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Split(line, "\t")
		if strings.HasPrefix(line, "#") || len(f) < 3 {
			continue
		}
		code, _, _ := strings.Cut(f[0], ".")
		out = append(out, &place{code: code, weight: max(regionPop[f[0]], 1), names: []string{f[1], f[2]}})
	}
	return out, nil
}

// cityNames returns a city's name, ASCII name and Japanese alternate names.
func cityNames(name, ascii, alternates, code string) []string {
	out := []string{name, ascii}
	for _, a := range strings.Split(alternates, ",") {
		if hasKana(a) || kanjiCountries[code] && isKanjiName(a) {
			out = append(out, a)
		}
	}
	return out
}

func hasKana(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool {
		return unicode.In(r, unicode.Hiragana, unicode.Katakana) && r != '・' && r != 'ー'
	}) >= 0
}

// isKanjiName reports whether s is two or more kanji and nothing else.
func isKanjiName(s string) bool {
	n := 0
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
		n++
	}
	return n >= 2
}
