package entity

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/sagasu-search/sagasu/corpus"
)

// found lists the mentions of text as "type:Name=text", in text order.
func found(x *Extractor, text string) []string {
	var out []string
	for _, m := range x.Mentions(text) {
		out = append(out, fmt.Sprintf("%s:%s=%s", m.Entity.Type, m.Entity.Name, m.Text))
	}
	return out
}

// mentionCase is a text, the rule of the extractor it exercises, and the
// mentions found in it as "type:name=text".
type mentionCase struct {
	rule, text string
	want       []string
}

// mentionCases is TestMentions' table; several cases may test one rule.
// Read only.
var mentionCases = []mentionCase{
	{"whole words only", "Armenia bought USB drives from Amazonia.", nil},
	{"whole words only", "Arm, USA and US.", []string{"organization:Arm=Arm", "place:United States=USA", "place:United States=US"}},
	{"whole words only", "Japanese and Taiwanese firms", nil},
	{"capitalized alias needs a capitalized word", "he broke his arm on the amazon river", nil},
	{"capitalized alias needs a capitalized word", "Arm and ARM and Nvidia and NVIDIA", []string{"organization:Arm=Arm", "organization:Arm=ARM", "organization:Nvidia=Nvidia", "organization:Nvidia=NVIDIA"}},
	{"acronym alias needs all caps", "Let us go. Us too. US too.", []string{"place:United States=US"}},
	{"mixed-case alias matches capitalized text", "Softbank Group and SOFTBANK", []string{"organization:SoftBank Group=Softbank Group", "organization:SoftBank Group=SOFTBANK"}},
	{"lower-case alias words match any case", "University Of Washington", []string{"organization:University of Washington=University Of Washington"}},
	{"lower-case alias words match any case", "Lai Ching-te spoke", []string{"person:Lai Ching-te=Lai Ching-te"}},
	{"diacritics fold", "Shinzō Abe and Shinzo Abe", []string{"person:Shinzo Abe=Shinzō Abe", "person:Shinzo Abe=Shinzo Abe"}},
	{"width folds", "ＩＢＭ and ｿﾆｰ", []string{"organization:IBM=ＩＢＭ", "organization:Sony=ｿﾆｰ"}},
	{"possessive, straight apostrophe", "Kishida's visit", []string{"person:Fumio Kishida=Kishida"}},
	{"possessive, curly apostrophe", "Microsoft’s president", []string{"organization:Microsoft=Microsoft"}},
	{"possessive, all caps", "TSMC'S PLANT", []string{"organization:TSMC=TSMC"}},
	{"plural possessive", "Reuters' report", []string{"organization:Reuters=Reuters"}},
	{"possessive ends a name", "SoftBank’s Group", []string{"organization:SoftBank Group=SoftBank"}},
	{"possessive inside a name", "the Democratic People's Republic of Korea fired", []string{"place:North Korea=Democratic People's Republic of Korea"}},
	{"possessive inside a name, curly", "the People’s Republic of China said", []string{"place:China=People’s Republic of China"}},
	{"possessive inside a name, ended", "Democratic People's party", nil},
	{"dotted form mid-sentence", "the U.S. plan", []string{"place:United States=U.S."}},
	{"dotted form at sentence end", "a visit to the U.S. Japan agreed.", []string{"place:United States=U.S.", "place:Japan=Japan"}},
	{"dotted form without final dot", "a visit to the U.S", []string{"place:United States=U.S"}},
	{"dotted form in a compound", "the Japan-U.S. accord", []string{"place:Japan=Japan", "place:United States=U.S."}},
	{"single initials keep their dot", "Joseph R. Biden Jr. spoke", []string{"person:Joe Biden=Joseph R. Biden Jr"}},
	{"longest match suppresses a place in a newspaper", "The Washington Post and ワシントン・ポスト", []string{"organization:The Washington Post=The Washington Post", "organization:The Washington Post=ワシントン・ポスト"}},
	{"Washington D.C.", "in Washington D.C. during", []string{"place:Washington=Washington D.C."}},
	{"Washington, D.C. (spelled with its comma)", "in Washington, D.C. during", []string{"place:Washington=Washington, D.C."}},
	{"a comma the name has not", "in Washington, Tokyo and", []string{"place:Washington=Washington", "place:Tokyo=Tokyo"}},
	{"Ministry of Economy, Trade and Industry", "The Ministry of Economy, Trade and Industry said", []string{"organization:Ministry of Economy, Trade and Industry=Ministry of Economy, Trade and Industry"}},
	{"titles via aliases", "PM Kishida met President Biden and Prime Minister Kishida Fumio.", []string{"person:Fumio Kishida=Kishida", "person:Joe Biden=Biden", "person:Fumio Kishida=Kishida Fumio"}},
	{"hyphen joins name words", "Yoon Suk-yeol and Yoon Suk Yeol", []string{"person:Yoon Suk Yeol=Yoon Suk-yeol", "person:Yoon Suk Yeol=Yoon Suk Yeol"}},
	{"one line break joins name words", "Prime Minister Fumio\nKishida", []string{"person:Fumio Kishida=Fumio\nKishida"}},
	{"punctuation ends a name", "Fumio, Kishida", []string{"person:Fumio Kishida=Kishida"}},
	{"longest match suppresses a place in an organization", "the University of Washington said", []string{"organization:University of Washington=University of Washington"}},
	{"longest match suppresses a shorter alias", "SoftBank Group and SoftBank", []string{"organization:SoftBank Group=SoftBank Group", "organization:SoftBank Group=SoftBank"}},
	{"longest match suppresses a shorter alias", "the US Chamber of Commerce", []string{"organization:U.S. Chamber of Commerce=US Chamber of Commerce"}},
	{"longest match suppresses a shorter alias", "Microsoft Research Asia lab", []string{"organization:Microsoft Research Asia=Microsoft Research Asia"}},
	{"longest match falls back when capitalization fails", "US chamber of commerce", []string{"place:United States=US"}},
	{"ignore phrases hide aliases", "Latin America and the Amazon rainforest", nil},
	{"Japanese substrings", "岸田首相とバイデン大統領が会談", []string{"person:Fumio Kishida=岸田", "person:Joe Biden=バイデン"}},
	{"Japanese longest match", "岸田文雄首相は日本経済新聞に", []string{"person:Fumio Kishida=岸田文雄", "organization:Nikkei=日本経済新聞"}},
	{"Japanese longest match", "ソフトバンクグループの孫正義氏", []string{"organization:SoftBank Group=ソフトバンクグループ", "person:Masayoshi Son=孫正義"}},
	{"Japanese place names", "日本と米国、韓国、中国、台湾。東京と広島", []string{"place:Japan=日本", "place:United States=米国", "place:South Korea=韓国", "place:China=中国", "place:Taiwan=台湾", "place:Tokyo=東京", "place:Hiroshima=広島"}},
	{"Japanese demonyms are ignored", "日本人と中国語", nil},
	{"katakana words are not cut", "ロボットアームとアメリカンフットボール", nil},
	{"katakana with a middle dot", "ジョー・バイデン氏とマイクロソフト", []string{"person:Joe Biden=ジョー・バイデン", "organization:Microsoft=マイクロソフト"}},
	{"half-width katakana", "ｿﾌﾄﾊﾞﾝｸｸﾞﾙｰﾌﾟ", []string{"organization:SoftBank Group=ｿﾌﾄﾊﾞﾝｸｸﾞﾙｰﾌﾟ"}},
	{"Latin name inside Japanese", "米Microsoftと日本IBM", []string{"organization:Microsoft=Microsoft", "organization:IBM=日本IBM"}},
	{"mixed-script alias", "主要７カ国首脳会議", []string{"organization:G7=主要７カ国"}},
}

// TestMentions checks the mentions the default extractor finds in each
// text of mentionCases.
func TestMentions(t *testing.T) {
	x := NewExtractor(Default())
	for _, tt := range mentionCases {
		t.Run(tt.rule, func(t *testing.T) {
			if got := found(x, tt.text); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Mentions(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestMentionOffsets(t *testing.T) {
	x := NewExtractor(Default())
	text := "東京で、Japan’s PM Kishida’s visit to the U.S."
	for _, m := range x.Mentions(text) {
		if m.Start < 0 || m.End > len(text) || text[m.Start:m.End] != m.Text {
			t.Errorf("mention %+v: Text is not text[Start:End] = %q", m, text[m.Start:m.End])
		}
	}
	got := x.Mentions(text)
	want := []struct {
		name       string
		start, end int
	}{{"Tokyo", 0, 6}, {"Japan", 12, 17}, {"Fumio Kishida", 25, 32}, {"United States", 50, 54}}
	if len(got) != len(want) {
		t.Fatalf("got %d mentions %+v, want %d", len(got), got, len(want))
	}
	for i, w := range want {
		if got[i].Entity.Name != w.name || got[i].Start != w.start || got[i].End != w.end {
			t.Errorf("mention %d: %s [%d:%d], want %s [%d:%d]", i, got[i].Entity.Name, got[i].Start, got[i].End, w.name, w.start, w.end)
		}
	}
}

func TestMentionsSharedAcrossTypes(t *testing.T) {
	g := mustParse(t, `{"entities":[
		{"type":"person","name":"George Washington","aliases":["Washington"]},
		{"type":"place","name":"Washington"}]}`)
	got := found(NewExtractor(g), "Washington spoke.")
	want := []string{"person:George Washington=Washington", "place:Washington=Washington"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestExtract(t *testing.T) {
	x := NewExtractor(Default())
	tests := []struct {
		name  string
		texts []string
		want  corpus.Entities
	}{
		{"nothing", []string{"", "no names here"}, corpus.Entities{}},
		{"title and body, sorted and de-duplicated",
			[]string{"Japan’s PM Kishida visits the US", "Kishida Fumio met Joe Biden in Washington; 岸田首相 and Microsoft’s Brad Smith, Microsoft."},
			corpus.Entities{
				Person:       []string{"Brad Smith", "Fumio Kishida", "Joe Biden"},
				Organization: []string{"Microsoft"},
				Place:        []string{"Japan", "United States", "Washington"},
				Country:      []string{"Japan", "United States"},
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := x.Extract(tt.texts...); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Extract = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestAnnotate(t *testing.T) {
	x := NewExtractor(Default())
	a := corpus.Article{
		Title: "Kishida in Tokyo",
		Body:  "The prime minister met Nvidia.",
		Entities: corpus.Entities{
			Person:       []string{"PM Kishida", "Jane Doe"},
			Organization: []string{"ソフトバンク", " "},
		},
	}
	want := corpus.Entities{
		Person:       []string{"Fumio Kishida", "Jane Doe"},
		Organization: []string{"Nvidia", "SoftBank Group"},
		Place:        []string{"Tokyo"},
		Country:      []string{"Japan"},
	}
	if got := x.Annotate(a); !reflect.DeepEqual(got, want) {
		t.Errorf("Annotate = %+v, want %+v", got, want)
	}
}

func TestExtractorDoesNotShareMemory(t *testing.T) {
	g := Default()
	x := NewExtractor(g)
	ms := x.Mentions("Kishida")
	if len(ms) != 1 {
		t.Fatalf("got %d mentions, want 1", len(ms))
	}
	ms[0].Entity.Aliases[0] = "changed"
	e, _ := g.Lookup(corpus.TypePerson, "Kishida")
	if strings.Contains(strings.Join(e.Aliases, ","), "changed") {
		t.Errorf("changing a mention changed the gazetteer: %q", e.Aliases)
	}
}

func TestNilGazetteer(t *testing.T) {
	if got := NewExtractor(nil).Mentions("Kishida in Tokyo"); len(got) != 0 {
		t.Errorf("an empty extractor found %v", got)
	}
}

func TestExtractConcurrently(t *testing.T) {
	x := NewExtractor(Default())
	want := x.Extract("PM Kishida met Microsoft in 東京")
	done := make(chan corpus.Entities)
	for range 8 {
		go func() { done <- x.Extract("PM Kishida met Microsoft in 東京") }()
	}
	for range 8 {
		if got := <-done; !reflect.DeepEqual(got, want) {
			t.Errorf("concurrent Extract = %+v, want %+v", got, want)
		}
	}
}
