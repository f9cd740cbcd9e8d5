package entity

import "testing"

// TestUnitCapacity checks that unitCapacity leaves room for every unit a
// text cuts into, so that appendUnits never grows the slice, and that it
// stays near the count (no more than twice it, plus one).
func TestUnitCapacity(t *testing.T) {
	tests := []struct {
		text  string
		units int
	}{
		{"", 0},
		{"Kishida", 1},
		{"PM Kishida met U.S. President Biden in Tokyo.", 8},
		{"Kishida's aides — and Yoon Suk-yeol's — said so,\nagain.", 9},
		{"岸田文雄首相は東京で会見した", 14},
		{"ジョー・バイデン大統領とTokyo", 12},
		{"AT&T, O’Brien and 3.5% of the vote", 8},
	}
	for _, tc := range tests {
		us := appendUnits(nil, tc.text)
		if len(us) != tc.units {
			t.Errorf("%q: %d units, want %d", tc.text, len(us), tc.units)
		}
		c := unitCapacity(tc.text)
		if c < len(us) || c > 2*len(us)+1 {
			t.Errorf("%q: capacity %d for %d units, want between %d and %d", tc.text, c, len(us), len(us), 2*len(us)+1)
		}
	}
}

// TestUnitPool checks that a slice given back is cleared, so that the
// pool keeps no text alive, and that get always returns an empty slice with
// the room asked for, reused or not (a sync.Pool may drop what it holds).
func TestUnitPool(t *testing.T) {
	var p unitPool
	us := appendUnits(p.get(16), "Fumio Kishida met Joe Biden")
	p.put(us)
	for i, u := range us[:cap(us)] {
		if u != (unit{}) {
			t.Errorf("unit %d kept after put: %+v", i, u)
		}
	}
	for _, n := range []int{0, 4, 16, 1000} {
		if got := p.get(n); len(got) != 0 || cap(got) < n {
			t.Errorf("get(%d): len %d cap %d", n, len(got), cap(got))
		}
	}
}
