package entity

import (
	"testing"

	"github.com/sagasu-search/sagasu/corpus"
)

func TestLookup(t *testing.T) {
	g := Default()
	tests := []struct {
		typ, name string
		want      string // canonical name, "" for not found
	}{
		{corpus.TypePerson, "Fumio Kishida", "Fumio Kishida"},
		{corpus.TypePerson, "Kishida Fumio", "Fumio Kishida"},
		{corpus.TypePerson, "kishida", "Fumio Kishida"},
		{corpus.TypePerson, "KISHIDA", "Fumio Kishida"},
		{corpus.TypePerson, "Kishida's", "Fumio Kishida"},
		{corpus.TypePerson, "Kishida’s", "Fumio Kishida"},
		{corpus.TypePerson, "岸田文雄", "Fumio Kishida"},
		{corpus.TypePerson, "ﾊﾞｲﾃﾞﾝ", "Joe Biden"},
		{corpus.TypePerson, "ＫＩＳＨＩＤＡ", "Fumio Kishida"},
		{corpus.TypePerson, "PM Kishida", "Fumio Kishida"},
		{corpus.TypePerson, "Prime Minister Kishida", "Fumio Kishida"},
		{corpus.TypePerson, "Japan's Prime Minister Fumio Kishida", "Fumio Kishida"},
		{corpus.TypePerson, "岸田首相", "Fumio Kishida"},
		{corpus.TypePerson, "孫正義氏", "Masayoshi Son"},
		{corpus.TypePerson, "President Biden", "Joe Biden"},
		{corpus.TypePerson, "U.S. President Joe Biden", "Joe Biden"},
		{corpus.TypePerson, "Former Prime Minister Shinzō Abe", "Shinzo Abe"},
		{corpus.TypePerson, "abe shinzo", "Shinzo Abe"},
		{corpus.TypePerson, "Commerce Secretary Raimondo", "Gina Raimondo"},
		{corpus.TypePerson, "yoon suk-yeol", "Yoon Suk Yeol"},
		{corpus.TypePerson, "President", ""},
		{corpus.TypePerson, "Son", ""},
		{corpus.TypePlace, "U.S.", "United States"},
		{corpus.TypePlace, "US", "United States"},
		{corpus.TypePlace, "u.s", "United States"},
		{corpus.TypePlace, "the United States", "United States"},
		{corpus.TypePlace, "アメリカ", "United States"},
		{corpus.TypePlace, "Washington D.C.", "Washington"},
		{corpus.TypeOrganization, "softbank", "SoftBank Group"},
		{corpus.TypeOrganization, "the Asahi Shimbun", "Asahi Shimbun"},
		{corpus.TypeOrganization, "Microsoft’s", "Microsoft"},
		{corpus.TypeOrganization, "慶応大学", "Keio University"},
		{corpus.TypeOrganization, "President Microsoft", ""},
		{corpus.TypeOrganization, "Kishida", ""},
		{"", "Kishida", "Fumio Kishida"},
		{"", "東京", "Tokyo"},
		{"", "PM Kishida", "Fumio Kishida"},
		{"country", "Japan", ""},
		{corpus.TypePlace, "", ""},
		{corpus.TypePlace, "Atlantis", ""},
	}
	for _, tt := range tests {
		e, ok := g.Lookup(tt.typ, tt.name)
		if ok != (tt.want != "") || e.Name != tt.want {
			t.Errorf("Lookup(%q, %q) = %q %v, want %q", tt.typ, tt.name, e.Name, ok, tt.want)
		}
		if ok && tt.typ != "" && e.Type != tt.typ {
			t.Errorf("Lookup(%q, %q) has type %q", tt.typ, tt.name, e.Type)
		}
	}
}
