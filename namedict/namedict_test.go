package namedict

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
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

// prefixByEveryLength is Prefix as it was before byStart: a look-up at
// every length from the longest name's down.
func prefixByEveryLength(l *Lexicon, text string) (Person, bool) {
	for end := min(len(text), l.maxBytes); end > 0; end-- {
		if end < len(text) && !utf8.RuneStart(text[end]) {
			continue
		}
		if i, ok := l.byWriting[text[:end]]; ok {
			return l.people[i], true
		}
	}
	return Person{}, false
}

// TestPrefixMatchesEveryLength checks Prefix against a look-up at every
// length, at every character of texts made of listed names (whole, cut
// short, followed by a title) and ordinary Japanese.
func TestPrefixMatchesEveryLength(t *testing.T) {
	l := Default()
	var b strings.Builder
	b.WriteString("政府は東京都で記者会見を開いた。首相は安倍晋三元首相と孫正義社長に会った。林修先生")
	for i := 0; i < len(l.people); i += 97 {
		w := l.people[i].Writing
		_, size := utf8.DecodeLastRuneInString(w)
		b.WriteString(w + "氏は" + w[:len(w)-size] + "、")
	}
	text := b.String()
	found := 0
	for i := range text {
		got, ok := l.Prefix(text[i:])
		want, wantOK := prefixByEveryLength(l, text[i:])
		if got != want || ok != wantOK {
			t.Fatalf("Prefix(%q) = %q, %v; a look-up at every length gives %q, %v",
				text[i:min(len(text), i+30)], got.Writing, ok, want.Writing, wantOK)
		}
		if ok {
			found++
		}
	}
	if found < len(l.people)/97 {
		t.Errorf("only %d names found in %d listed", found, len(l.people)/97)
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
