package namedict

import (
	"slices"
	"testing"

	"github.com/sagasu-search/sagasu/romaji"
)

// devUnlisted is the development half of the unlisted people: every
// other one, in dictionary order. The other half is held out for the
// end-to-end evaluation and never tuned on.
func devUnlisted(l *Lexicon) []Person {
	var dev []Person
	for i, p := range l.Unlisted() {
		if i%2 == 0 {
			dev = append(dev, p)
		}
	}
	return dev
}

// TestReadingCap prints, for several caps, how often an unlisted person's
// own reading is among the readings Readings gives, on the development
// half, and fails if the cap in use falls under 0.95.
func TestReadingCap(t *testing.T) {
	l := Default()
	dev := devUnlisted(l)
	for _, limit := range []int{1, 2, 4, 6, 9, 12, 16} {
		hit := 0
		for _, p := range dev {
			fam, giv := l.Readings(p.Surname, p.GivenName(), limit)
			if slices.Contains(fam, romaji.FromKana(p.FamilyReading)) && slices.Contains(giv, romaji.FromKana(p.GivenReading)) {
				hit++
			}
		}
		share := float64(hit) / float64(len(dev))
		t.Logf("cap %2d: own reading among the candidates for %d of %d (%.3f)", limit, hit, len(dev), share)
		if limit == MaxReadings && share < 0.95 {
			t.Errorf("cap %d covers %.3f of the development people, want >= 0.95", limit, share)
		}
	}
}

func TestNameAt(t *testing.T) {
	tests := []struct {
		text          string
		at            int // byte offset
		name, surname string
	}{
		{"岸信夫氏は", 0, "岸信夫", "岸"},
		{"月曜日、岸信夫防衛相は", len("月曜日、"), "岸信夫", "岸"},
		{"俳優の山田花子が", len("俳優の"), "山田花子", "山田"},
		{"無職鈴木一郎容疑者", len("無職"), "鈴木一郎", "鈴木"},
		{"の金子恭之議員", len("の"), "金子恭之", "金子"},
		{"岸信夫", 0, "岸信夫", "岸"},            // a whole query
		{"佐藤真樹氏は", 0, "佐藤真樹", "佐藤"},       // longer than the listed 佐藤真
		{"石破茂元幹事長", 0, "石破茂", "石破"},       // a former title
		{"野田元首相", 0, "", ""},              // 野田 is too short, 野田元 ends in the cue
		{"東京都知事の", 0, "", ""},             // a place
		{"自民党議員", 0, "", ""},              // an organization
		{"長谷川氏", 0, "", ""},               // a surname alone
		{"岸田首相は", 0, "", ""},              // two characters
		{"岸信夫と会った", 0, "", ""},            // no cue
		{"官房長官の岸信夫氏", len("官房長"), "", ""}, // not the start of a word
		{"日本人選手が", 0, "", ""},             // 日本|人
	}
	l := Default()
	for _, tt := range tests {
		name, surname, ok := l.NameAt(tt.text, tt.at)
		if name != tt.name || surname != tt.surname || ok != (tt.name != "") {
			t.Errorf("NameAt(%q, %d) = %q, %q, %v; want %q, %q", tt.text, tt.at, name, surname, ok, tt.name, tt.surname)
		}
	}
}

func TestReadings(t *testing.T) {
	tests := []struct {
		surname, given string
		limit          int
		family, givens []string
	}{
		{"岸", "信夫", 1, []string{"kishi"}, []string{"nobuo"}},
		{"佐々木", "朗希", 6, []string{"sasaki"}, []string{"aki"}}, // no reading under minShare
		{"金子", "恭之", 6, []string{"kaneko"}, []string{"yasuyuki", "mitsuyuki", "kyosuke"}},
		{"岸", "無い名", 6, nil, nil},
	}
	l := Default()
	for _, tt := range tests {
		family, givens := l.Readings(tt.surname, tt.given, tt.limit)
		if !slices.Equal(family, tt.family) || !slices.Equal(givens, tt.givens) {
			t.Errorf("Readings(%s, %s, %d) = %q, %q; want %q, %q", tt.surname, tt.given, tt.limit, family, givens, tt.family, tt.givens)
		}
	}
}
