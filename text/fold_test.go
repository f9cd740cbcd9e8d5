package text

import "testing"

func TestFoldLatin(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"Kishida", "Kishida"},
		{"Shinzō Ōno", "Shinzo Ono"},
		{"Shinzô", "Shinzo"},
		{"café naïve façade", "cafe naive facade"},
		{"Zoë Brontë São Paulo", "Zoe Bronte Sao Paulo"},
		{"ﬁnance ﬂow", "finance flow"},
		{"e\u0301", "e"},             // a combining mark after a Latin letter
		{"\u0301lone", "\u0301lone"}, // a combining mark with no base stays
		{"が ガ ｶﾞ", "が ガ ｶﾞ"},         // kana keep their voicing marks
		{"ｶ\u3099", "ガ"},             // NFC composes what is left
		{"Łódź", "Łodz"},             // Ł has no decomposition
		{"Ελληνικά", "Ελληνικά"},     // marks on Greek stay
		{"ＡＩ", "AI"},                 // full-width Latin letters are Latin: NFKD narrows them
		{"bad\xff", "bad\xff"},
	}
	for _, tt := range tests {
		if got := FoldLatin(tt.in); got != tt.want {
			t.Errorf("FoldLatin(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := string(FoldLatinBytes([]byte(tt.in))); got != tt.want {
			t.Errorf("FoldLatinBytes(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestFoldLatinBytesKeepsInput checks that FoldLatinBytes returns an
// unchanged term itself and never writes to it.
func TestFoldLatinBytesKeepsInput(t *testing.T) {
	plain := []byte("kishida 岸田")
	if got := FoldLatinBytes(plain); &got[0] != &plain[0] {
		t.Error("FoldLatinBytes copied a term with nothing to fold")
	}
	term := []byte("Shinzō")
	FoldLatinBytes(term)
	if string(term) != "Shinzō" {
		t.Errorf("FoldLatinBytes changed its input to %q", term)
	}
}

func TestFoldLatinDoesNotAllocateWhenPlain(t *testing.T) {
	term := []byte("kishida-fumio")
	if n := testing.AllocsPerRun(100, func() { FoldLatinBytes(term) }); n != 0 {
		t.Errorf("FoldLatinBytes of an ASCII term allocates %v times", n)
	}
	if n := testing.AllocsPerRun(100, func() { FoldLatin("岸田 kishida") }); n != 0 {
		t.Errorf("FoldLatin of a plain string allocates %v times", n)
	}
}
