package namedict

import (
	"slices"
	"testing"
)

func TestByWriting(t *testing.T) {
	tests := []struct {
		writing, name, given string
		aliases              []string
	}{
		{"安倍晋三", "Shinzo Abe", "晋三", []string{"Abe Shinzo", "安倍晋三", "あべしんぞう"}},
		{"孫正義", "Masayoshi Son", "正義", []string{"Son Masayoshi", "孫正義", "そんまさよし"}},
		{"岸田文雄", "Fumio Kishida", "文雄", []string{"Kishida Fumio", "岸田文雄", "きしだふみお"}},
		{"河野太郎", "Taro Kono", "太郎", []string{"Kono Taro", "河野太郎", "こうのたろう"}},
		{"小泉進次郎", "Shinjiro Koizumi", "進次郎", []string{"Koizumi Shinjiro", "小泉進次郎", "こいずみしんじろう"}},
	}
	l := Default()
	for _, tt := range tests {
		p, ok := l.ByWriting(tt.writing)
		if !ok {
			t.Errorf("ByWriting(%q): not found", tt.writing)
			continue
		}
		if p.Name() != tt.name || p.GivenName() != tt.given || !slices.Equal(p.Aliases(), tt.aliases) {
			t.Errorf("ByWriting(%q) = %q (given %q, aliases %q); want %q (%q, %q)",
				tt.writing, p.Name(), p.GivenName(), p.Aliases(), tt.name, tt.given, tt.aliases)
		}
	}
	if _, ok := l.ByWriting("東京都"); ok {
		t.Error("ByWriting(東京都) found a person")
	}
}

func TestPrefix(t *testing.T) {
	tests := []struct{ text, want string }{
		{"安倍晋三元首相は", "安倍晋三"},
		{"孫正義社長", "孫正義"},
		{"石破茂首相が", "石破茂"},
		{"首相は安倍晋三", ""},
		{"安倍", ""},
		{"", ""},
	}
	l := Default()
	for _, tt := range tests {
		p, ok := l.Prefix(tt.text)
		if got := p.Writing; got != tt.want || ok != (tt.want != "") {
			t.Errorf("Prefix(%q) = %q, %v; want %q", tt.text, got, ok, tt.want)
		}
	}
}

func TestByName(t *testing.T) {
	l := Default()
	for _, q := range [][2]string{{"Taro", "Kono"}, {"Tarō", "Kōno"}, {"Tarou", "Kouno"}, {"TARO", "KONO"}} {
		people := l.ByName(q[0], q[1])
		if !slices.ContainsFunc(people, func(p Person) bool { return p.Writing == "河野太郎" }) {
			t.Errorf("ByName(%q, %q) = %v, want 河野太郎 among them", q[0], q[1], people)
		}
	}
	if got := l.ByName("Kono", "Taro"); len(got) != 0 {
		t.Errorf("ByName(Kono, Taro) = %v, want none (order matters)", got)
	}
}

func TestSurnamesAndGivenNames(t *testing.T) {
	l := Default()
	// The sets overlap (Shinzo is also a surname, Kono a given name); what
	// matters is that real names are in and English names are out.
	tests := []struct {
		word            string
		surname, givenN bool
	}{
		{"Kishida", true, false}, {"Ishiba", true, false}, {"Watanabe", true, false}, {"Kōno", true, true},
		{"Fumio", false, true}, {"Shinzou", true, true}, {"Toshimitsu", true, true},
		{"Smith", false, false}, {"Microsoft", false, false}, {"Trump", false, false},
	}
	for _, tt := range tests {
		if got := l.IsSurname(tt.word); got != tt.surname {
			t.Errorf("IsSurname(%q) = %v, want %v", tt.word, got, tt.surname)
		}
		if got := l.IsGivenName(tt.word); got != tt.givenN {
			t.Errorf("IsGivenName(%q) = %v, want %v", tt.word, got, tt.givenN)
		}
	}
	if n := l.Len(); n < 40000 {
		t.Errorf("Len() = %d, want the ~42,000 people of ENAMDICT", n)
	}
}
