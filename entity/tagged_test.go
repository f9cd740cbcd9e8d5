package entity

import (
	"slices"
	"strings"
	"testing"

	"github.com/sagasu-search/sagasu/corpus"
	"github.com/sagasu-search/sagasu/entity/tagger"
	"github.com/sagasu-search/sagasu/namedict"
)

// The tagger adds the ordinary names the rules miss, and the gazetteer
// still names what it knows.
func TestTaggerAddsWhatRulesMiss(t *testing.T) {
	x := NewExtractor(Default(), Discover(namedict.Default()), Tagger(tagger.Default()))
	tests := []struct {
		text, typ, want string
	}{
		{"Chile and Mexico will start negotiations on trade, officials said.", corpus.TypePlace, "Chile"},
		{"Markets fell after Paul Volcker's departure from the Fed.", corpus.TypePerson, "Paul Volcker"},
		{"Toyota shares rose in Tokyo on Tuesday.", corpus.TypeOrganization, "Toyota"},
	}
	for _, tt := range tests {
		got := x.Extract(tt.text).ByType(tt.typ)
		found := false
		for _, name := range got {
			found = found || name == tt.want
		}
		if !found {
			t.Errorf("Extract(%q) %s = %q, want %q among them", tt.text, tt.typ, got, tt.want)
		}
	}
}

// TestHeldOutWithTagger measures the extractor with the tagger on the
// held-out articles, as TestHeldOut does without it; the figures are for
// EVALUATION.md and the floor only catches a collapse.
func TestHeldOutWithTagger(t *testing.T) {
	x := NewExtractor(Default(), Discover(namedict.Default()), Tagger(tagger.Default()))
	byType := scoreGold(t, loadGoldFiles(t, "heldout"), x)
	for _, typ := range namedTypes {
		c := *byType[typ]
		t.Logf("held out with tagger %-12s precision %.3f recall %.3f (tp %d, fp %d, fn %d)", typ, c.precision(), c.recall(), c.tp, c.fp, c.fn)
		if c.precision() < heldOutFloor || c.recall() < heldOutFloor {
			t.Errorf("%s: precision %.3f, recall %.3f with the tagger; below the floor %.2f", typ, c.precision(), c.recall(), heldOutFloor)
		}
	}
}

// TestSeedsWithTagger: with the tagger the seeds' entities stay right, to
// the bars TestSeedPrecisionRecall sets for the rules.
func TestSeedsWithTagger(t *testing.T) {
	gold, articles := loadGold(t), seedArticles(t)
	x := NewExtractor(Default(), Discover(namedict.Default()), Tagger(tagger.Default()))
	for _, typ := range corpus.EntityTypes {
		var c tally
		for name, a := range articles {
			got := x.Annotate(corpus.Article{Title: a.Title, Body: a.Body})
			fps, fns := c.compare(got.ByType(typ), gold[name].ByType(typ))
			if len(fps)+len(fns) > 0 {
				t.Logf("%s %s: false positives %q, false negatives %q", name, typ, fps, fns)
			}
		}
		t.Logf("seeds with tagger %-12s precision %.3f recall %.3f (tp %d, fp %d, fn %d)", typ, c.precision(), c.recall(), c.tp, c.fp, c.fn)
		if c.precision() < 0.8 || c.recall() < 0.8 {
			t.Errorf("%s: precision %.3f, recall %.3f with the tagger; want both ≥ 0.8", typ, c.precision(), c.recall())
		}
	}
}

// "Nikkei slips" is the stock index, not the newspaper, with the tagger or
// without; the newspaper is still found where it is named.
func TestNikkeiIndexIsNoNewspaper(t *testing.T) {
	rules := NewExtractor(Default(), Discover(namedict.Default()))
	tagged := NewExtractor(Default(), Discover(namedict.Default()), Tagger(tagger.Default()))
	tests := []struct {
		text string
		want []string
	}{
		{"Nikkei slips as the yen strengthens against the dollar.", nil},
		{"Tokyo stocks: the Nikkei rose 2% on Tuesday, led by exporters.", nil},
		{"The Nikkei ended lower while the Nikkei newspaper reported on the merger.", []string{"Nikkei"}},
	}
	for _, x := range []*Extractor{rules, tagged} {
		for _, tt := range tests {
			if got := x.Extract(tt.text).ByType(corpus.TypeOrganization); !slices.Equal(got, tt.want) {
				t.Errorf("Extract(%q) organizations = %q, want %q (tagger: %v)", tt.text, got, tt.want, x.tagger != nil)
			}
		}
	}
}

// BenchmarkExtractWithTagger extracts the seeds' entities with the rules
// and with the rules and the tagger (BenchmarkExtract/all is the former).
func BenchmarkExtractWithTagger(b *testing.B) {
	articles := seedArticles(b)
	var size int64
	for _, a := range articles {
		size += int64(len(a.Title) + len(a.Body))
	}
	for _, tc := range []struct {
		name string
		x    *Extractor
	}{
		{"rules", NewExtractor(Default(), Discover(namedict.Default()))},
		{"rules+tagger", NewExtractor(Default(), Discover(namedict.Default()), Tagger(tagger.Default()))},
	} {
		for _, a := range articles {
			tc.x.Annotate(a) // loads the models
		}
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				for _, a := range articles {
					tc.x.Annotate(a)
				}
			}
		})
	}
}

// A title-cased heading keeps the tagger out; a line of names in a results
// table, or a surname starting a sentence, does not.
func TestPlausibleHeadingsAndSentenceStarts(t *testing.T) {
	isWord := tagger.Default().IsWord
	tests := []struct {
		text, name, typ string
		want            bool
	}{
		{"Markets Rally As Fed Cuts Rates", "Fed", corpus.TypeOrganization, false},
		{"Wood , Loren Roberts , Steve Stricker , Brian Claar", "Loren Roberts", corpus.TypePerson, true},
		{"64 Bob Estes", "Bob Estes", corpus.TypePerson, true},
		{"Duran , 45 , takes on little-known Ariel Cruz in Panama City .", "Duran", corpus.TypePerson, true},
		{"Analysts said the bank would cut rates.", "Analysts", corpus.TypePerson, false},
		{"Reuters said the bank would cut rates.", "Reuters", corpus.TypeOrganization, false},
		{"The governor said the Bank would act.", "Bank", corpus.TypeOrganization, false},
		{"Shares of the BANK rose.", "BANK", corpus.TypeOrganization, true},
		// in a Japanese sentence a Latin name's capitals are its own
		{"KGBの文書には死因が記録されている。", "KGB", corpus.TypeOrganization, true},
		{"FBIが捜査を始めた。", "FBI", corpus.TypeOrganization, true},
	}
	for _, tt := range tests {
		i := strings.Index(tt.text, tt.name)
		_, got := plausible(tt.text, tagger.Span{Type: tt.typ, Start: i, End: i + len(tt.name)}, isWord)
		if got != tt.want {
			t.Errorf("plausible(%q in %q) = %v, want %v", tt.name, tt.text, got, tt.want)
		}
	}
}

// A Japanese organization the tagger finds replaces the shorter place the
// rules find in its name; English keeps the rules' words, and a place
// keeps a place in its name.
func TestTaggedNameSwallowsPlaceInIt(t *testing.T) {
	x := NewExtractor(Default(), Discover(namedict.Default()), Tagger(tagger.Default()))
	tests := []struct {
		text                string
		orgs, places, lands []string
	}{
		{"元広島県議会議員。", []string{"広島県議会"}, nil, nil},
		{"韓国軍を中心とした国連軍が警備についている。", []string{"United Nations", "韓国軍"}, nil, nil},
		{"16日の東京株式市場も主力輸出株はさえない。", []string{"東京株式市場"}, nil, nil},
		{"英国議会の書記官が訪れた。", []string{"英国議会"}, nil, nil},
		{"広島県を訪れた。", nil, []string{"Hiroshima"}, []string{"Japan"}},
	}
	for _, tt := range tests {
		got := x.Extract(tt.text)
		if !slices.Equal(got.ByType(corpus.TypeOrganization), tt.orgs) || !slices.Equal(got.ByType(corpus.TypePlace), tt.places) ||
			!slices.Equal(got.ByType(corpus.TypeCountry), tt.lands) {
			t.Errorf("Extract(%q) = organizations %q, places %q, countries %q; want %q, %q, %q", tt.text,
				got.ByType(corpus.TypeOrganization), got.ByType(corpus.TypePlace), got.ByType(corpus.TypeCountry), tt.orgs, tt.places, tt.lands)
		}
	}
}

// A surname the tagger finds alone is the person the text names in full,
// or nobody.
func TestTaggedSurnameAlone(t *testing.T) {
	x := NewExtractor(Default(), Discover(namedict.Default()), Tagger(tagger.Default()))
	tests := []struct {
		text  string
		names []string // the people found
	}{
		{"河野太郎デジタル相は会見で語った。河野氏は新制度を説明した。", []string{"Taro Kono"}},
		{"河野氏は会見で新制度を説明した。", nil},
		{"野田佳彦元首相は会見した。野田元首相は増税を語った。", []string{"Yoshihiko Noda"}},
		{"Haruhiko Kuroda spoke on Tuesday. Later, Kuroda said rates would stay low.", []string{"Haruhiko Kuroda"}},
	}
	for _, tt := range tests {
		if got := x.Extract(tt.text).ByType(corpus.TypePerson); !slices.Equal(got, tt.names) {
			t.Errorf("Extract(%q) people = %q, want %q", tt.text, got, tt.names)
		}
	}
}

// A person the tagger adds yields to an organization or place of the same
// name in the article; the rules' people and other names stay.
func TestWithoutTypeClashes(t *testing.T) {
	person := func(name string, tagged bool) candidate {
		return candidate{ent: Entity{Type: corpus.TypePerson, Name: name}, tagged: tagged}
	}
	org := candidate{ent: Entity{Type: corpus.TypeOrganization, Name: "Nissan"}}
	place := candidate{ent: Entity{Type: corpus.TypePlace, Name: "Georgia"}}
	tests := []struct {
		name string
		in   []candidate
		want []string
	}{
		{"tagged person named as an organization", []candidate{person("nissan", true), org}, []string{"Nissan"}},
		{"tagged person named as a place", []candidate{place, person("Georgia", true)}, []string{"Georgia"}},
		{"the rules' person stays", []candidate{person("Georgia", false), place}, []string{"Georgia", "Georgia"}},
		{"another tagged person stays", []candidate{person("Carlos Ghosn", true), org}, []string{"Carlos Ghosn", "Nissan"}},
		{"no other types", []candidate{person("Nissan", true)}, []string{"Nissan"}},
	}
	for _, tt := range tests {
		var got []string
		for _, c := range withoutTypeClashes(slices.Clone(tt.in)) {
			got = append(got, c.ent.Name)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: kept %q, want %q", tt.name, got, tt.want)
		}
	}
}
