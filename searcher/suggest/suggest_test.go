package suggest

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// fakeIndex holds terms with their article counts and how articles write
// them; Near measures edits as the index's Levenshtein automaton does.
type fakeIndex struct {
	freq    map[string]uint64
	surface map[string]string
	fail    bool
}

func (f fakeIndex) Freq(_ context.Context, t string) (uint64, error) {
	if f.fail {
		return 0, errors.New("index closed")
	}
	return f.freq[t], nil
}

func (f fakeIndex) Near(_ context.Context, t string, edits int) ([]Candidate, error) {
	var out []Candidate
	for term, n := range f.freq {
		if d := levenshtein(t, term); d > 0 && d <= edits {
			out = append(out, Candidate{Term: term, Freq: n, Edits: d})
		}
	}
	return out, nil
}

func (f fakeIndex) Surface(_ context.Context, t string) (string, error) { return f.surface[t], nil }

func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur := make([]int, len(rb)+1)
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(rb)]
}

// analyze lower-cases a word and drops a possessive and a plural s, as
// Sagasu's analyzer does; "high-tech" is two terms.
func analyze(w string) []string {
	if strings.Contains(w, "-") {
		return strings.Split(strings.ToLower(w), "-")
	}
	w = strings.TrimSuffix(strings.ToLower(w), "'s")
	return []string{strings.TrimSuffix(w, "s")}
}

var news = fakeIndex{
	freq: map[string]uint64{
		"panasonic": 5, "earning": 4, "toyota": 9, "honda": 7, "semiconductor": 3, "conductor": 1,
		"mitsubishi": 2, "heavy": 6, "prime": 8, "minister": 8, "summit": 4, "sony": 10, "song": 3,
		"nissan": 5, "kishida": 6, "g7": 2,
	},
	surface: map[string]string{
		"panasonic": "Panasonic", "semiconductor": "semiconductors", "sony": "Sony", "kishida": "岸田",
		"honda": "Honda", "mitsubishi": "Mitsubishi", "nissan": "Nissan",
	},
}

func TestSuggest(t *testing.T) {
	cases := []struct{ query, want string }{
		{"Panasonnic", "Panasonic"},
		{"panasonnic earnings", "panasonic earnings"},
		{"PANASONNIC", "PANASONIC"},
		{"toyotahonda", "toyota honda"},
		{"semi conductor", "semiconductors"},
		{"conductor semi", "conductor semi"}, // "conductorsemi" is no word
		{"Hnda", "Honda"},
		{"Hnda motors", "Honda motors"},
		{"Mitsubshi Heavy", "Mitsubishi Heavy"},
		{"Mitsbshi", "Mitsubishi"}, // two edits, eight letters
		{"Hnd", "Hnd"},             // two edits from honda, three letters
		{"-Panasonnic toyota", "-Panasonic toyota"},
		{"title:Panasonnic", "title:Panasonic"},
		{"titel:Panasonic", "titel:Panasonic"}, // a field name is not a word
		{`"prime ministr"`, `"prime minister"`},
		{"Honda OR Nisan", "Honda OR Nissan"},
		{"Honda AND NOT Nissan", "Honda AND NOT Nissan"},
		{"semiconductr", "semiconductors"}, // written as articles write it
		{"Sonu", "Sony"},                   // the commoner of two at one edit
		{"Kishidaa", "Kishida"},            // a reading: the term, not 岸田
		{"岸田 Panasonnic", "岸田 Panasonic"},
		{"Toyotta自動車", "Toyotta自動車"},
		{"g7 summitt", "g7 summit"},
		{"semicond*", "semicond*"},
		{"Panasonnic~", "Panasonnic~"},
		{"high-tekk", "high-tekk"},
		{"xyzzyq", "xyzzyq"},
		{"Kishida's summitt", "Kishida's summit"},
		{"", ""},
	}
	s := New(news, analyze)
	for _, c := range cases {
		got, changed, err := s.Suggest(context.Background(), c.query)
		if err != nil {
			t.Fatalf("%q: %v", c.query, err)
		}
		if got != c.want || changed != (c.want != c.query) {
			t.Errorf("Suggest(%q) = %q, %v; want %q", c.query, got, changed, c.want)
		}
	}
}

func TestSuggestError(t *testing.T) {
	_, _, err := New(fakeIndex{fail: true}, analyze).Suggest(context.Background(), "Panasonnic")
	if err == nil || !strings.Contains(err.Error(), "index closed") {
		t.Fatalf("err = %v, want the index's error", err)
	}
}

func TestScan(t *testing.T) {
	cases := []struct {
		query string
		words []string // the correctable words, in order
	}{
		{"Kishida's visit", []string{"Kishida's", "visit"}},
		{"'quoted' words", []string{"quoted", "words"}},
		{"person:Kishida AND Toyota", []string{"Kishida", "Toyota"}},
		{"a an the", []string{"the"}},
		{"Shinzō Abe", []string{"Shinzō", "Abe"}},
		{"x2 covid19 テスト word", []string{"word"}},
	}
	for _, c := range cases {
		var got []string
		for _, p := range scan(c.query) {
			if p.word {
				got = append(got, p.text)
			}
		}
		if strings.Join(got, "|") != strings.Join(c.words, "|") {
			t.Errorf("scan(%q) words = %q, want %q", c.query, got, c.words)
		}
		if join(scan(c.query)) != c.query {
			t.Errorf("scan(%q) does not give the query back", c.query)
		}
	}
}
