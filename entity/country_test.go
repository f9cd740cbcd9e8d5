package entity

import (
	"slices"
	"testing"

	"github.com/sagasu-search/sagasu/corpus"
	"github.com/sagasu-search/sagasu/namedict"
)

// countryCases are texts (title, then body) and the countries they
// mention, sorted.
var countryCases = []struct {
	name        string
	title, body string
	want        []string
}{
	{"a country's name", "", "Chile and Mexico will start negotiations.", []string{"Chile", "Mexico"}},
	{"a city rolls up", "", "Ministers met in Kyoto on Monday.", []string{"Japan"}},
	{"a region rolls up", "", "Floods hit Akita Prefecture.", []string{"Japan"}},
	{"a demonym", "", "The Japanese government said so.", []string{"Japan"}},
	{"a plural demonym", "", "Americans voted.", []string{"United States"}},
	{"U.S. as a modifier", "", "He praised U.S. technology.", []string{"United States"}},
	{"West German is West Germany, not Germany", "", "West German exports rose.", []string{"West Germany"}},
	{"West Germany is not also Germany", "", "Exports from West Germany rose.", []string{"West Germany"}},
	{"a Soviet", "", "Soviet tanks rolled in.", []string{"Soviet Union"}},
	{"a state of the past and its heir", "", "Yugoslav and Serbian leaders met.", []string{"Serbia", "Yugoslavia"}},
	{"inside an organization's name", "", "The Bank of Japan raised rates.", nil},
	{"inside a place's name", "", "Tension grew in the South China Sea.", nil},
	{"an ignored phrase", "", "Latin American markets rallied.", nil},
	{"a state named like a country, with the US named", "", "Voters in Georgia and across the U.S. went to the polls.", []string{"United States"}},
	{"a state named like a country, alone: too close to call", "", "Georgia held elections.", nil},
	{"the lower-case word", "", "We met us at the china shop.", nil},
	{"Japanese: a name", "", "日本の首相が語った。", []string{"Japan"}},
	{"Japanese: a short form", "", "米政府は発表した。", []string{"United States"}},
	{"Japanese: a pair", "", "日米首脳会談が開かれた。", []string{"Japan", "United States"}},
	{"Japanese: rice is no country", "", "米価が上がった。", nil},
	{"Japanese: a demonym", "", "中国人観光客が増えた。", []string{"China"}},
	{"Japanese: a language is no country", "", "中国語を学ぶ。", nil},
	{"Japanese: a tie is no Thailand", "", "世界タイ記録を出した。", nil},
	{"Japanese: the US state is not the country", "", "ジョージア州で選挙があった。", nil},
	{"Japanese: a prefecture", "", "大阪府で会見した。", []string{"Japan"}},
	{"dateline: city, date, agency", "", "TOKYO, March 3 (Reuters) - Shares fell.", []string{"Japan"}},
	{"dateline: city and dash", "", "WASHINGTON — The Senate voted.", []string{"United States"}},
	{"dateline: two words", "", "NEW YORK (AP) — Stocks rose.", []string{"United States"}},
	{"dateline: Japanese", "", "【ワシントン＝共同】上院が可決した。", []string{"United States"}},
	{"dateline: Japanese with the agency", "", "【北京共同】会談が開かれた。", []string{"China"}},
	{"dateline: the headline has none", "PARIS, March 3 - a title", "Shares fell.", nil},
	{"dateline: not at the start", "", "Shares fell. PARIS, March 3 - more.", nil},
	{"dateline: a capitalized heading is none", "", "AI Collaboration Accelerates - more.", nil},
	{"a city in two countries: the most populous", "", "CORDOBA, March 3 - Farmers protested.", []string{"Argentina"}},
	{"a city in two countries: the one named", "", "CORDOBA, March 3 - Farmers in Spain protested.", []string{"Spain"}},
}

func TestCountries(t *testing.T) {
	x := NewExtractor(Default(), Discover(namedict.Default()))
	for _, tt := range countryCases {
		t.Run(tt.name, func(t *testing.T) {
			got := x.Annotate(corpus.Article{Title: tt.title, Body: tt.body}).Country
			if !slices.Equal(got, tt.want) {
				t.Errorf("countries %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDateline(t *testing.T) {
	for _, tt := range []struct {
		body, want string
	}{
		{"TOKYO, March 3 (Reuters) - Shares fell.", "TOKYO"},
		{"  SAN FRANCISCO, Calif. — A quake.", "SAN FRANCISCO"},
		{"NEW YORK (AP) — Stocks.", "NEW YORK"},
		{"LONDON - Shares.", "LONDON"},
		{"【ワシントン＝共同】上院", "ワシントン"},
		{"【ニューヨーク時事】株価", "ニューヨーク"},
		{"Tokyo, March 3 - lower case", ""},
		{"AI - a heading", ""},
		{"【】empty", ""},
		{"No dateline here, none.", ""},
	} {
		got, ok := dateline(tt.body)
		if !ok {
			got = ""
		}
		if got != tt.want {
			t.Errorf("dateline(%q) = %q, want %q", tt.body, got, tt.want)
		}
	}
}

func TestLookupCountry(t *testing.T) {
	x := NewExtractor(Default())
	for _, tt := range []struct{ name, want string }{
		{"Japan", "Japan"}, {"日本", "Japan"}, {"米国", "United States"}, {"U.S.", "United States"},
		{"American", "United States"}, {"West German", "West Germany"}, {"USSR", "Soviet Union"},
		{"Congolese", "Democratic Republic of the Congo"}, {"the United Kingdom", "United Kingdom"},
		{"日米", ""}, {"Tokyo", ""}, {"Atlantis", ""},
	} {
		e, ok := x.Lookup(corpus.TypeCountry, tt.name)
		if ok != (tt.want != "") || e.Name != tt.want || ok && e.Type != corpus.TypeCountry {
			t.Errorf("Lookup(country, %q) = %+v, %v; want %q", tt.name, e, ok, tt.want)
		}
	}
}
