package corpus

import "testing"

// TestDetectLangMarks records DetectLang's answers, including on texts made of
// the marks whose script is disputed: ー is counted as Japanese, while ｰ
// and 〆 count as other letters, and ・ not at all.
func TestDetectLangMarks(t *testing.T) {
	tests := []struct {
		text, want string
	}{
		{"", LangEnglish},
		{"Fumio Kishida met Joe Biden.", LangEnglish},
		{"岸田文雄首相はバイデン大統領と会談した。", LangJapanese},
		{"ひらがな", LangJapanese},
		{"カタカナ", LangJapanese},
		{"ｶﾀｶﾅ", LangJapanese},
		{"AIとGPU", LangEnglish},
		{"佐々木 Abe", LangEnglish},
		{"佐々木 Ab", LangJapanese},
		{"々", LangJapanese},
		{"ー", LangJapanese},
		{"ーa", LangEnglish},
		{"ーー a", LangJapanese},
		{"ｰ", LangEnglish},
		{"ｰｰ ア", LangEnglish},
		{"〆", LangEnglish},
		{"〆〆 ア", LangEnglish},
		{"・・・ ab", LangEnglish},
		{"・ ア", LangJapanese},
		{"ﾞﾟ ア", LangEnglish},
		{"゛゜ ア", LangJapanese},
		{"ヶ a", LangEnglish},
		{"ヶヶ a", LangJapanese},
		{"123 456 。、", LangEnglish},
		{"한국어 日本", LangEnglish},
		{"ＡＩ 日本", LangEnglish},
	}
	for _, tt := range tests {
		if got := DetectLang(tt.text); got != tt.want {
			t.Errorf("DetectLang(%q) = %s, want %s", tt.text, got, tt.want)
		}
	}
}

// TestDetectLangSeeds records the language of each seed article.
func TestDetectLangSeeds(t *testing.T) {
	articles, err := Seeds()
	if err != nil {
		t.Fatal(err)
	}
	for i, a := range articles {
		if got := DetectLang(a.Title + "\n" + a.Body); got != LangEnglish {
			t.Errorf("seed %d: DetectLang = %s, want %s", i, got, LangEnglish)
		}
	}
}
