package entity

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/sagasu-search/sagasu/namedict"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// goldenSamples reach the character classes units are cut by: accents,
// full and half width, katakana words and middle dots, Japanese names with
// titles, and the marks whose script is disputed (ー ・ 〆 々 ｰ ･ ﾞ ﾟ).
var goldenSamples = []string{
	"Japan’s Prime Minister Fumio Kishida met U.S. President Joe Biden in Washington D.C. on April 10.",
	"Foreign Minister Tarō Kōno and Shinzō Abe; Kono Taro, KOUNO Tarou; Yoon Suk-yeol of South Korea.",
	"ＩＢＭ and ＳＯＮＹ; ｿﾆｰ ｿﾌﾄﾊﾞﾝｸ ﾄﾖﾀ ﾊﾞｲﾃﾞﾝ･ﾄﾗﾝﾌﾟ; Zoë Brontë of Łódź; Café Nestlé S.A.",
	"安倍晋三元首相は岸田文雄首相と会談し、河野太郎デジタル相、林修氏、石破茂氏も同席した。",
	"ジョー・バイデン米大統領、ロボットアームのアーム、ソフトバンクグループ、トヨタ自動車",
	"東京大学、東北大学、外務省、デジタル庁、日本銀行、自民党、日本スケート連盟、同省、私立大学",
	"佐々木朗希投手と〆切、ヶ月、ー・〆々ｰ･ﾞﾟ、ｶﾞｲﾑｼｮｳ省、ｿﾌﾄﾊﾞﾝｸｸﾞﾙｰﾌﾟ",
	"윤석열 대통령 and 習近平国家主席 met in Beijing; Microsoft Corp. and SoftBank Group Inc.",
}

// TestExtractionGolden checks the entities and mentions the extractor finds
// in the seeds, the test articles and goldenSamples, the unit keys of the
// samples, and a few lookups, against testdata/extraction.golden. Run with
// -update to record a deliberate change.
func TestExtractionGolden(t *testing.T) {
	x := NewExtractor(Default(), Discover(namedict.Default()))
	var b strings.Builder
	seeds := seedArticles(t)
	names := make([]string, 0, len(seeds))
	for n := range seeds {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		writeJSON(t, &b, "annotate "+n, x.Annotate(seeds[n]))
	}
	for _, set := range [][]goldSet{loadNewsGold(t), loadGoldFiles(t, "heldout")} {
		for _, g := range set {
			writeJSON(t, &b, "annotate "+g.name, x.Annotate(g.article))
			writeJSON(t, &b, "mentions "+g.name, x.Mentions(g.article.Body))
		}
	}
	for i, s := range goldenSamples {
		writeJSON(t, &b, fmt.Sprintf("sample %d mentions", i), x.Mentions(s))
		fmt.Fprintf(&b, "## sample %d units\n%+v\n", i, appendUnits(nil, s))
	}
	for _, name := range []string{"PM Kishida", "岸田首相", "河野太郎外相", "Kono Taro", "Foreign Minister Taro Kōno",
		"Rakuten Inc.", "ＩＢＭ", "the U.S.", "ソニー", "ｿﾆｰ", "ジョー・バイデン", "佐々木朗希", "Mr. Abe's"} {
		e, ok := x.Lookup("", name)
		writeJSON(t, &b, "lookup "+name, struct {
			Entity Entity
			OK     bool
		}{e, ok})
	}
	checkGolden(t, filepath.Join("testdata", "extraction.golden"), b.String())
}

// writeJSON writes a heading and v as one line of JSON.
func writeJSON(t *testing.T, b *strings.Builder, heading string, v any) {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("%s: %v", heading, err)
	}
	fmt.Fprintf(b, "## %s\n%s\n", heading, data)
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
