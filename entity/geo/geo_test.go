package geo

import (
	"slices"
	"testing"
)

// TestDefault checks that the embedded table reads and holds what the
// extractor relies on.
func TestDefault(t *testing.T) {
	tb := Default()
	if len(tb.Countries) < 250 || len(tb.Places) < 9000 {
		t.Fatalf("%d countries, %d places; want ≥ 250 and ≥ 9000", len(tb.Countries), len(tb.Places))
	}
	byName := map[string]Country{}
	for _, c := range tb.Countries {
		byName[c.Name] = c
	}
	for _, tc := range []struct {
		country, name, adjective string
	}{
		{"Japan", "日本", "Japanese"},
		{"United States", "U.S.", "American"},
		{"United States", "アメリカ", "日米"},
		{"Japan", "Japan", "日米"},
		{"South Korea", "韓国", "South Korean"},
		{"United Kingdom", "Britain", "British"},
		{"West Germany", "West Germany", "West German"},
		{"Soviet Union", "ソ連", "Soviet"},
		{"Democratic Republic of the Congo", "DR Congo", "Congolese"},
	} {
		c, ok := byName[tc.country]
		if !ok {
			t.Errorf("no country %q", tc.country)
			continue
		}
		if !slices.Contains(c.Names, tc.name) || !slices.Contains(c.Adjectives, tc.adjective) {
			t.Errorf("%s: names %q, adjectives %q; want %q and %q among them", tc.country, c.Names, c.Adjectives, tc.name, tc.adjective)
		}
	}
	if c := byName["Republic of the Congo"]; slices.Contains(c.Adjectives, "Congolese") {
		t.Errorf("Congolese is the Republic of the Congo's too: %q", c.Adjectives)
	}
}

// TestPlaces checks the countries of some places.
func TestPlaces(t *testing.T) {
	for _, tc := range []struct{ name, code string }{
		{"Tokyo", "JP"}, {"東京", "JP"}, {"Kyoto", "JP"}, {"Paris", "FR"}, {"Frankfurt am Main", "DE"},
		{"Bavaria", "DE"}, {"California", "US"}, {"愛知", "JP"},
	} {
		var codes []string
		for _, p := range Default().Places {
			if slices.Contains(p.Names, tc.name) {
				codes = append(codes, p.Code)
			}
		}
		if !slices.Contains(codes, tc.code) {
			t.Errorf("%s: in %q, want %s", tc.name, codes, tc.code)
		}
	}
}
