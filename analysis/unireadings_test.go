package analysis

import (
	"testing"

	"github.com/ikawaha/kagome-dict/uni"
)

// TestUniReadingsMatchDictionary checks the embedded table against the
// full dictionary's features: the same reading for every proper noun that
// has one, and no other morpheme. When it fails, kagome-dict changed: run
// go generate.
func TestUniReadingsMatchDictionary(t *testing.T) {
	// First, before uni.Dict makes the full dictionary the one
	// uni.DictShrink returns.
	if _, table := japaneseDict(); table == nil {
		t.Error("the analysis loads the full dictionary, not the one without features")
	}
	table, err := parseProperReadings(uniReadingsGz)
	if err != nil {
		t.Fatal(err)
	}
	d := uni.Dict()
	if table.morphemes != len(d.Morphs) {
		t.Fatalf("table made for %d morphemes, the dictionary has %d", table.morphemes, len(d.Morphs))
	}
	n := 0
	for id := range d.Morphs {
		want, wantOK := ProperNounReading(d, id)
		got, ok := table.reading(id)
		if got != want || ok != wantOK {
			t.Fatalf("morpheme %d: table %q, %v; dictionary %q, %v", id, got, ok, want, wantOK)
		}
		if ok {
			n++
		}
	}
	if n < 100_000 {
		t.Errorf("only %d proper nouns with readings", n)
	}
}

func TestProperReadingsLookUp(t *testing.T) {
	r := &properReadings{ids: []int32{3, 7, 9}, ends: []uint32{6, 6, 15}, text: "キシアベノ"}
	if got, ok := r.reading(9); got != "アベノ" || !ok {
		t.Errorf("reading(9) = %q, %v", got, ok)
	}
	if got, ok := r.reading(3); got != "キシ" || !ok {
		t.Errorf("reading(3) = %q, %v", got, ok)
	}
	if got, ok := r.reading(7); got != "" || !ok {
		t.Errorf("reading(7) = %q, %v", got, ok)
	}
	for _, id := range []int{0, 4, 10} {
		if got, ok := r.reading(id); ok {
			t.Errorf("reading(%d) = %q, want none", id, got)
		}
	}
}
