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
