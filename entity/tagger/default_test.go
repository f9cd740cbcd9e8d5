package tagger

import (
	"testing"

	"github.com/sagasu-search/sagasu/corpus"
)

// The embedded models find the ordinary names issue 20 lists as missed.
func TestDefaultFindsOrdinaryNames(t *testing.T) {
	tests := []struct {
		text, name, typ string
	}{
		{"Chile and Mexico will start negotiations.", "Mexico", corpus.TypePlace},
		{"Markets rose after President Reagan spoke.", "Reagan", corpus.TypePerson},
		{"Paul Volcker's departure worried investors in New York.", "Paul Volcker", corpus.TypePerson},
		{"Paul Volcker's departure worried investors in New York.", "New York", corpus.TypePlace},
		{"安倍晋三首相は大阪府を訪れた。", "大阪府", corpus.TypePlace},
	}
	for _, tt := range tests {
		found := false
		for _, sp := range Default().Tag(tt.text) {
			found = found || tt.text[sp.Start:sp.End] == tt.name && sp.Type == tt.typ
		}
		if !found {
			t.Errorf("Tag(%q) = %v: no %s %q", tt.text, Default().Tag(tt.text), tt.typ, tt.name)
		}
	}
}

func TestTagAllocatesLittlePerToken(t *testing.T) {
	text := "Paul Volcker's departure worried investors in New York and London on Tuesday."
	Default().Tag(text)
	allocs := testing.AllocsPerRun(20, func() { Default().Tag(text) })
	if allocs > 4 { // the result slice grows; nothing per token
		t.Errorf("Tag allocates %.0f times for %d words", allocs, 14)
	}
}

func BenchmarkTag(b *testing.B) {
	for _, bb := range []struct{ name, text string }{
		{"en", "Paul Volcker's departure worried investors in New York and London on Tuesday, the Federal Reserve said. "},
		{"ja", "トヨタ自動車の佐藤恒治社長は東京都内で記者会見し、新しい計画を発表した。"},
	} {
		b.Run(bb.name, func(b *testing.B) {
			tg := Default()
			var toks int
			sentences(bb.text, bb.name == "ja", nil, func(ts []tok) { toks += len(ts) })
			tg.Tag(bb.text) // loads the model and, for Japanese, UniDic
			b.ResetTimer()
			for b.Loop() {
				tg.Tag(bb.text)
			}
			b.ReportMetric(float64(toks*b.N)/b.Elapsed().Seconds(), "tokens/s")
		})
	}
}
