package text

import (
	"slices"
	"testing"
)

func TestTitleTables(t *testing.T) {
	tests := []struct {
		name string
		f    func(string) bool
		yes  []string
		no   []string
	}{
		{"IsTitleWord", IsTitleWord, []string{"president", "pm", "ceo", "mr", "secretary-general"},
			[]string{"President", "prime", "former", "san", "首相", "leader"}},
		{"IsAbbreviatedTitle", IsAbbreviatedTitle, []string{"mr", "dr", "gov", "rep"},
			[]string{"mr.", "president", "st", "jr"}},
		{"IsNameAffix", IsNameAffix, []string{"pm", "prime", "former", "san", "sensei", "首相", "氏", "元"},
			[]string{"PM", "ceo.", "外相", "chief"}},
	}
	for _, tt := range tests {
		for _, w := range tt.yes {
			if !tt.f(w) {
				t.Errorf("%s(%q) = false, want true", tt.name, w)
			}
		}
		for _, w := range tt.no {
			if tt.f(w) {
				t.Errorf("%s(%q) = true, want false", tt.name, w)
			}
		}
	}
}

func TestTitleListsAreCopies(t *testing.T) {
	for name, list := range map[string]func() []string{"PersonTitles": PersonTitles, "JapaneseNameSuffixes": JapaneseNameSuffixes} {
		a := list()
		if len(a) == 0 || slices.Contains(a, "") {
			t.Fatalf("%s: %q", name, a)
		}
		a[0] = "changed"
		if list()[0] == "changed" {
			t.Errorf("%s returns its table, not a copy", name)
		}
	}
	if !slices.Contains(PersonTitles(), "Prime Minister") || !slices.Contains(JapaneseNameSuffixes(), "首相") {
		t.Error("PersonTitles or JapaneseNameSuffixes lacks a common title")
	}
}
