package main

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// country is one c line.
type country struct {
	code, name  string
	population  int64
	names, adjs []string
}

func (c *country) line() string {
	return fmt.Sprintf("c\t%s\t%s\t%d\t%s\t%s\n", c.code, c.name, c.population, clean(c.names), clean(c.adjs))
}

// mledoze is the part of a countries.json record that is read.
type mledoze struct {
	CCA2 string `json:"cca2"`
	Name struct {
		Common   string `json:"common"`
		Official string `json:"official"`
	} `json:"name"`
	AltSpellings []string                     `json:"altSpellings"`
	Demonyms     map[string]map[string]string `json:"demonyms"`
	Translations map[string]map[string]string `json:"translations"`
}

// readCountries reads GeoNames' countries and adds mledoze's names and
// demonyms, then gives each shared name to one country or none.
func readCountries(dir string) (map[string]*country, error) {
	data, err := readFile(dir, "geonames/countryInfo.txt")
	if err != nil {
		return nil, err
	}
	out := map[string]*country{}
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Split(line, "\t")
		if strings.HasPrefix(line, "#") || len(f) < 8 {
			continue
		}
		pop, _ := strconv.ParseInt(f[7], 10, 64)
		out[f[0]] = &country{code: f[0], name: f[4], population: pop, names: []string{f[4]}}
	}
	data, err = readFile(dir, "mledoze-countries/countries.json")
	if err != nil {
		return nil, err
	}
	var recs []mledoze
	if err := json.Unmarshal(data, &recs); err != nil {
		return nil, fmt.Errorf("countries.json: %w", err)
	}
	for _, r := range recs {
		if c := out[r.CCA2]; c != nil {
			c.add(r)
		}
	}
	dedupe(out, func(c *country) *[]string { return &c.names })
	dedupe(out, func(c *country) *[]string { return &c.adjs })
	return out, nil
}

// add takes a mledoze record's names and demonyms.
func (c *country) add(r mledoze) {
	c.names = append(c.names, r.Name.Common, r.Name.Official)
	for _, a := range r.AltSpellings {
		if keepSpelling(a) {
			c.names = append(c.names, a)
		}
	}
	for _, ja := range r.Translations["jpn"] {
		c.names = append(c.names, ja)
	}
	if ja := r.Translations["jpn"]["common"]; ja != "" {
		c.adjs = append(c.adjs, ja+"人") // 日本人, アメリカ人
	}
	for _, d := range r.Demonyms["eng"] {
		for _, d := range strings.FieldsFunc(strings.ReplaceAll(d, " or ", ","), func(r rune) bool { return r == ',' }) {
			d = strings.TrimSpace(d)
			c.adjs = append(c.adjs, d)
			if strings.HasSuffix(d, "an") || strings.HasSuffix(d, "i") {
				c.adjs = append(c.adjs, d+"s") // Americans, Israelis
			}
		}
	}
}

// shortCodes are the abbreviations among mledoze's spellings that news
// writes; other codes of three letters or less ("IT", "NO", "AM") are words.
var shortCodes = map[string]bool{"US": true, "USA": true, "UK": true, "UAE": true, "DRC": true, "DPRK": true}

// keepSpelling reports whether an alternative spelling is kept: in Latin or
// Japanese script, without a comma ("Korea, Republic of"), and no code but
// a known abbreviation.
func keepSpelling(s string) bool {
	if strings.Contains(s, ",") || s == "Mann" { // Mann: the Isle of Man's, a surname
		return false
	}
	if len(s) <= 4 && strings.ToUpper(s) == s && !shortCodes[s] {
		return false
	}
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.In(r, unicode.Latin, unicode.Han, unicode.Hiragana, unicode.Katakana) {
			return false
		}
	}
	return true
}

// dedupe gives each name that several countries list (case-insensitively)
// to the most populous when it has ten times the people of the next, and
// takes it from the others.
func dedupe(cs map[string]*country, list func(*country) *[]string) {
	owners := map[string][]*country{}
	for _, c := range cs {
		for _, n := range *list(c) {
			k := strings.ToLower(n)
			if !slices.Contains(owners[k], c) {
				owners[k] = append(owners[k], c)
			}
		}
	}
	for _, c := range cs {
		l := list(c)
		*l = slices.DeleteFunc(*l, func(n string) bool {
			own := owners[strings.ToLower(n)]
			if len(own) < 2 {
				return false
			}
			slices.SortFunc(own, func(a, b *country) int { return compareCountries(b, a) })
			return own[0] != c || own[0].population < 10*own[1].population
		})
	}
}

// compareCountries orders countries by population, then code.
func compareCountries(a, b *country) int {
	if a.population != b.population {
		if a.population < b.population {
			return -1
		}
		return 1
	}
	return strings.Compare(a.code, b.code)
}
