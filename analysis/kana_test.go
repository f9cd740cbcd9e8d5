package analysis

import (
	"strings"
	"testing"
)

// TestLongKatakanaRun checks that a run of katakana longer than maxKanaRun
// is cut before kagome sees it, that every character is still covered by
// a token (nothing is lost at the cuts), and that ordinary katakana words
// are not cut.
func TestLongKatakanaRun(t *testing.T) {
	tok := NewTokenizer()
	tests := []struct {
		text      string
		wantTerms []string // nil: only check coverage
	}{
		{"コンピューター", []string{"コンピューター"}},
		{"インターナショナルビジネスマシーンズ", nil},
		{strings.Repeat("ア", 10*maxKanaRun+5), nil},
		{"東京" + strings.Repeat("ｱ", 3*maxKanaRun) + "大阪", nil},
	}
	for _, tt := range tests {
		toks := tok.Tokenize([]byte(tt.text))
		covered := make([]bool, len(tt.text))
		var terms []string
		for _, tk := range toks {
			if tk.End-tk.Start > 3*maxKanaRun {
				t.Errorf("%.20q…: token %q spans %d bytes, longer than a cut run", tt.text, tk.Term, tk.End-tk.Start)
			}
			for i := tk.Start; i < tk.End; i++ {
				covered[i] = true
			}
			if tk.Type != 0 || len(terms) == 0 || terms[len(terms)-1] != string(tk.Term) {
				terms = append(terms, string(tk.Term))
			}
		}
		for i, c := range covered {
			if !c {
				t.Errorf("%.20q…: byte %d is in no token", tt.text, i)
				break
			}
		}
		if tt.wantTerms != nil && !strings.HasPrefix(strings.Join(terms, " "), strings.Join(tt.wantTerms, " ")) {
			t.Errorf("%q: terms %q, want %q first", tt.text, terms, tt.wantTerms)
		}
	}
}

// BenchmarkLongKatakana analyzes 30,000 katakana, the hostile input that
// took 26 s before runs were cut.
func BenchmarkLongKatakana(b *testing.B) {
	tok := NewTokenizer()
	text := []byte(strings.Repeat("ア", 30000))
	b.SetBytes(int64(len(text)))
	for i := 0; i < b.N; i++ {
		tok.Tokenize(text)
	}
}
