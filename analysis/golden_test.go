package analysis

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/registry"

	"github.com/sagasu-search/sagasu/corpus"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// goldenSamples reach every filter and the script classes the tokenizer
// cuts on: English with accents, possessives and acronyms, Japanese names,
// katakana runs, mixed scripts, full- and half-width forms, and the marks
// whose script is disputed (ー ・ 〆 々 ｰ ･ ﾞ ﾟ ゛ ゜ ゝ ヽ and the katakana
// extensions).
var goldenSamples = []string{
	"Japan’s Prime Minister Fumio Kishida met U.S. President Joe Biden in Washington D.C. on April 10.",
	"Shinzō Abe, Tarō Kōno and Yōko Kamikawa; Shinzou Shinzoh Shinzoo Ohno Oono Tiba Husimi Shimbun.",
	"Café naïve façade Zoë Brontë Łódź Ærøskøbing São Paulo résumé ﬁnance ﬂow straße",
	"The CEO's plan: N.A.T.O., e.g. the U.K.'s NHS, 3.5% growth, node.js and AT&T's O’Brien.",
	"Mr. Kishida. Dr. Smith said St. Louis Jr. was fine. Gen. Milley! Yoon Suk-yeol (Yoon Suk Yeol).",
	"安倍晋三元首相は岸田文雄首相と官邸で会談し、河野太郎デジタル相も同席した。",
	"林修氏と石破茂氏、小泉進次郎氏が出席。孫正義社長は「AIに投資する」と述べた。",
	"トヨタ自動車とソフトバンクグループ、ファーストリテイリングの株価が上昇した。",
	"ジョー・バイデン米大統領とドナルド・トランプ氏。ロボットアーム、コンピューター、サーバー",
	"ｿﾌﾄﾊﾞﾝｸ ﾄﾖﾀ ｺﾝﾋﾟｭｰﾀｰ ﾊﾞｲﾃﾞﾝ･ﾄﾗﾝﾌﾟ ｱｰﾑ",
	"ＡＩ ＩＢＭ ＧＰＵ１２３ Ｋｉｓｈｉｄａ　東京都 ＮＶＩＤＩＡ（エヌビディア）",
	"佐々木朗希 代々木 日々 人々 〆切 〆る ヶ月 三ヶ日 ゝゞヽヾ こゝろ いすゞ",
	"ー・〆々 ｰ ･ ﾞ ﾟ ゛ ゜ ゠ ㇰㇱㇲ ㋐㋑ ㌀ 𛀁 〇 〻",
	"AIとGPUの話をした。iPhone 15とPixelを比較。G7広島サミットで合意",
	"東京大学、京都大学、外務省、デジタル庁、日本銀行、自民党、日本スケート連盟",
	"Microsoftは日本に29億ドル（約4400億円）を投資すると発表した。",
	"Nvidia's H100 GPUs power OpenAI's ChatGPT; SoftBank Group Corp. and Arm Holdings plc.",
	"ヴァイオリン ヴィエンナ ティーカップ ディズニー フィットネス ウィキペディア",
	"「引用」『二重』（括弧）！？ 〜 ～ ― … ‥",
	"Привет мир Ελληνικά 한국어 윤석열 中文 简体字 繁體字 عربي",
	"Sukyeol sukyeol SUK-YEOL; high-tech hi-fi x-ray; Mr Kishida's; The Kishidas' house",
	"ホールディングス グループ 三菱UFJフィナンシャル・グループ みずほフィナンシャルグループ",
	"ひらがなだけのぶんしょうです カタカナダケノブンショウデス",
	"アアアアアアアアアアアアアアアアアアアアアアアアアアアアアアアアアアアアアアアアアアアアア",
}

// goldenTexts returns the samples, FuzzAnalyzers' seeds and the titles and
// bodies of corpus.Seeds, each with a name.
func goldenTexts(t *testing.T) [][2]string {
	t.Helper()
	var out [][2]string
	for i, s := range goldenSamples {
		out = append(out, [2]string{fmt.Sprintf("sample %d", i), s})
	}
	for i, s := range fuzzSeeds {
		out = append(out, [2]string{fmt.Sprintf("fuzz seed %d", i), s})
	}
	seeds, err := corpus.Seeds()
	if err != nil {
		t.Fatalf("seeds: %v", err)
	}
	for i, a := range seeds {
		out = append(out, [2]string{fmt.Sprintf("seed %d title", i), a.Title}, [2]string{fmt.Sprintf("seed %d body", i), a.Body})
	}
	return out
}

// TestAnalyzerGolden checks that the analyzer's token stream (term,
// position, offsets, type) for varied texts is the one recorded in
// testdata/analyzer.golden. Run with -update to record a deliberate change.
func TestAnalyzerGolden(t *testing.T) {
	a, err := registry.NewCache().AnalyzerNamed(Name)
	if err != nil {
		t.Fatalf("analyzer %s: %v", Name, err)
	}
	var b strings.Builder
	for _, nt := range goldenTexts(t) {
		fmt.Fprintf(&b, "## %s\n", nt[0])
		for _, tok := range a.Analyze([]byte(nt[1])) {
			fmt.Fprintf(&b, "%d\t%d\t%d\t%d\t%q\n", tok.Position, tok.Start, tok.End, tok.Type, tok.Term)
		}
	}
	checkGolden(t, filepath.Join("testdata", "analyzer.golden"), b.String())
}

// checkGolden compares got with the file at path, or writes it with -update.
func checkGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to record it)", err)
	}
	if string(want) != got {
		wl, gl := strings.Split(string(want), "\n"), strings.Split(got, "\n")
		for i := 0; i < len(wl) && i < len(gl); i++ {
			if wl[i] != gl[i] {
				t.Fatalf("%s: line %d differs:\nwant %s\ngot  %s", path, i+1, wl[i], gl[i])
			}
		}
		t.Fatalf("%s: %d lines, want %d", path, len(gl), len(wl))
	}
}
