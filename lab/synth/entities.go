package synth

import (
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/sagasu-search/sagasu/corpus"
	"github.com/sagasu-search/sagasu/entity"
	sagasutext "github.com/sagasu-search/sagasu/text"
)

// named is an entity an article mentions, with the ways to write it.
type named struct {
	typ  string // corpus.TypePerson, TypeOrganization or TypePlace
	name string // canonical name
	// gazetteer is true for the gazetteer's entities, false for invented
	// people.
	gazetteer bool
	// full are Latin-script names of two words or more, the canonical name
	// first: "Fumio Kishida", "Kishida Fumio". short are one-word aliases:
	// "Kishida". For organizations and places every Latin name is full.
	full, short []string
	// titles go before a person's name in English: "Prime Minister", "PM".
	titles []string
	// jaFull and jaShort are the Japanese names: 岸田文雄 and 岸田,
	// ジョー・バイデン and バイデン; jaTitle follows a person's name: 首相,
	// or 氏 by default.
	jaFull, jaShort []string
	jaTitle         string
}

// roles are the titles of the gazetteer's people, in English and in
// Japanese. A person missing here is named without a title (氏 in Japanese).
var roles = map[string]struct {
	en []string
	ja string
}{
	"Fumio Kishida":       {[]string{"Prime Minister", "PM"}, "首相"},
	"Joe Biden":           {[]string{"President"}, "大統領"},
	"Brad Smith":          {[]string{"President", "Vice Chair"}, "社長"},
	"Yoon Suk Yeol":       {[]string{"President"}, "大統領"},
	"Gina Raimondo":       {[]string{"Commerce Secretary", "Secretary"}, "商務長官"},
	"Rahm Emanuel":        {[]string{"Ambassador"}, "大使"},
	"Masayoshi Son":       {[]string{"Chairman"}, "会長"},
	"Iliana Ivanova":      {[]string{"Commissioner"}, "委員"},
	"Shinzo Abe":          {[]string{"Prime Minister", "PM"}, "首相"},
	"Shigeru Ishiba":      {[]string{"Prime Minister", "PM"}, "首相"},
	"Yoshihide Suga":      {[]string{"Prime Minister", "PM"}, "首相"},
	"Sanae Takaichi":      {[]string{"Minister"}, "大臣"},
	"Yuriko Koike":        {[]string{"Governor"}, "知事"},
	"Kazuo Ueda":          {[]string{"Governor"}, "総裁"},
	"Donald Trump":        {[]string{"President"}, "大統領"},
	"Kamala Harris":       {[]string{"Vice President"}, "副大統領"},
	"Antony Blinken":      {[]string{"Secretary of State"}, "国務長官"},
	"Xi Jinping":          {[]string{"President"}, "国家主席"},
	"Lai Ching-te":        {[]string{"President"}, "総統"},
	"Lee Jae-myung":       {[]string{"President"}, "大統領"},
	"Vladimir Putin":      {[]string{"President"}, "大統領"},
	"Volodymyr Zelenskiy": {[]string{"President"}, "大統領"},
	"Satya Nadella":       {[]string{"CEO"}, "最高経営責任者"},
	"Sundar Pichai":       {[]string{"CEO"}, "最高経営責任者"},
	"Tim Cook":            {[]string{"CEO"}, "最高経営責任者"},
	"Jensen Huang":        {[]string{"CEO"}, "最高経営責任者"},
	"Sam Altman":          {[]string{"CEO"}, "最高経営責任者"},
	"Elon Musk":           {[]string{"CEO"}, "最高経営責任者"},
	"Akio Toyoda":         {[]string{"Chairman"}, "会長"},
	"Hiroshi Mikitani":    {[]string{"CEO"}, "会長"},
}

// mostPopular are the entities at the top of each type's popularity, in
// order; the others follow in a fixed pseudo-random order. A name the
// gazetteer does not have is skipped.
var mostPopular = map[string][]string{
	corpus.TypePerson:       {"Fumio Kishida", "Joe Biden", "Xi Jinping", "Shinzo Abe", "Donald Trump", "Vladimir Putin"},
	corpus.TypeOrganization: {"Bank of Japan", "Toyota", "SoftBank Group", "Sony", "Liberal Democratic Party", "Google", "Apple"},
	corpus.TypePlace:        {"Japan", "United States", "China", "Tokyo", "Russia", "South Korea", "Europe"},
}

// notJapanese are aliases in Han characters that Chinese writes and
// Japanese does not (or rarely): a Japanese article does not use them.
var notJapanese = map[string]bool{
	"拜登": true, "特朗普": true, "习近平": true, "賴清德": true, "黃仁勳": true, "台积电": true, "台積電": true,
	"华为": true, "谷歌": true, "微软亚洲研究院": true, "臺灣": true, "台灣": true, "三星電子": true,
}

// gazetteer holds the entities articles mention, by type in popularity
// order, with their Zipf distributions.
type gazetteer struct {
	byType map[string][]*named
	zipf   map[string]*zipf
	// capitalized are the lower-cased one-word Latin names and aliases
	// ("japan", "apple", "fed"): an ordinary word must not be capitalized
	// into one of them at the start of a sentence.
	capitalized map[string]bool
	// aliasWords are the lower-case words inside Latin names ("of",
	// "state"): none follows a mention, lest it make a longer name
	// ("Washington state").
	aliasWords map[string]bool
}

// entities returns the built-in gazetteer's entities, prepared on first use.
var entities = sync.OnceValue(func() *gazetteer { return newGazetteer(entity.Default()) })

// newGazetteer prepares the entities of gz for mentioning.
func newGazetteer(gz *entity.Gazetteer) *gazetteer {
	g := &gazetteer{byType: map[string][]*named{}, zipf: map[string]*zipf{},
		capitalized: map[string]bool{}, aliasWords: map[string]bool{}}
	x := entity.NewExtractor(gz)
	for _, e := range gz.Entities() {
		n := newNamed(e)
		n.keepFound(x)
		g.byType[e.Type] = append(g.byType[e.Type], n)
		for _, name := range append(slices.Clone(n.full), n.short...) {
			words := strings.Fields(name)
			if len(words) == 1 {
				g.capitalized[strings.ToLower(name)] = true
			}
			for _, w := range words {
				if w == strings.ToLower(w) {
					g.aliasWords[w] = true
				}
			}
		}
	}
	for _, typ := range corpus.EntityTypes {
		g.byType[typ] = popularityOrder(g.byType[typ], mostPopular[typ])
		if len(g.byType[typ]) > 0 {
			g.zipf[typ] = newZipf(len(g.byType[typ]))
		}
	}
	return g
}

// newNamed sorts the names of a gazetteer entity by script and length.
func newNamed(e entity.Entity) *named {
	n := &named{typ: e.Type, name: e.Name, gazetteer: true, full: []string{e.Name}, jaTitle: "氏"}
	if r, ok := roles[e.Name]; ok {
		n.titles, n.jaTitle = r.en, r.ja
	}
	var ja []string
	for _, a := range e.Aliases {
		switch {
		case isLatin(a) && (len(strings.Fields(a)) > 1 || e.Type != corpus.TypePerson):
			n.full = append(n.full, a)
		case isLatin(a):
			n.short = append(n.short, a)
		case isJapanese(a) && !notJapanese[a]:
			ja = append(ja, a)
		}
	}
	for _, a := range ja {
		inside := slices.ContainsFunc(ja, func(b string) bool { return b != a && strings.Contains(b, a) })
		if inside && e.Type == corpus.TypePerson {
			n.jaShort = append(n.jaShort, a)
		} else {
			n.jaFull = append(n.jaFull, a)
		}
	}
	return n
}

// keepFound drops the names that the extractor x does not read as n,
// whole (but for a final dot, "Corp."): the corpus names entities only in
// the variants Sagasu handles.
// (The extractor reads "Democratic People's Republic of Korea" as South
// Korea's "Republic of Korea", for one.)
func (n *named) keepFound(x *entity.Extractor) {
	wrong := func(name string) bool {
		ms := x.Mentions(name)
		return name != n.name && (len(ms) != 1 || ms[0].Entity.Name != n.name || ms[0].Entity.Type != n.typ ||
			ms[0].Text != name && ms[0].Text != strings.TrimSuffix(name, "."))
	}
	n.full = slices.DeleteFunc(n.full, wrong)
	n.short = slices.DeleteFunc(n.short, wrong)
	n.jaFull = slices.DeleteFunc(n.jaFull, wrong)
	n.jaShort = slices.DeleteFunc(n.jaShort, wrong)
}

// popularityOrder returns ents with the names of top first, in that order,
// and the others after them in a fixed pseudo-random order.
func popularityOrder(ents []*named, top []string) []*named {
	out := make([]*named, 0, len(ents))
	for _, name := range top {
		if i := slices.IndexFunc(ents, func(n *named) bool { return n.name == name }); i >= 0 {
			out = append(out, ents[i])
		}
	}
	rest := slices.DeleteFunc(slices.Clone(ents), func(n *named) bool { return slices.Contains(out, n) })
	r := rng{s: 0x5A6A5A6A}
	for i := len(rest) - 1; i > 0; i-- {
		j := r.intn(i + 1)
		rest[i], rest[j] = rest[j], rest[i]
	}
	return append(out, rest...)
}

// isLatin reports whether s is written in the Latin script: "Shinzō Abe",
// "U.S.", not "Київ".
func isLatin(s string) bool {
	for _, r := range s {
		if r >= 0x80 && !unicode.Is(unicode.Latin, r) {
			return false
		}
	}
	return true
}

// isJapanese reports whether s is in kana and kanji (with the middle dot
// and the long vowel mark), digits and Latin letters: "岸田文雄",
// "ジョー・バイデン", "主要7カ国", not "윤석열".
func isJapanese(s string) bool {
	kana := false
	for _, r := range s {
		switch {
		case sagasutext.IsJapaneseLetter(r) || r == sagasutext.MiddleDot:
			kana = true
		case r < 0x80:
		default:
			return false
		}
	}
	return kana
}

// Popular returns the canonical names of the gazetteer's entities of type
// typ (corpus.TypePerson, TypeOrganization or TypePlace) in the order of
// their popularity in the corpus: the first is mentioned most. Article
// entities are drawn by Zipf's law over this order. Benchmarks take entity
// filters from it.
func Popular(typ string) []string {
	var out []string
	for _, n := range entities().byType[typ] {
		out = append(out, n.name)
	}
	return out
}

// Invented Japanese people, named from common surnames and given names
// that the name lexicon (package namedict) reads: "Kenta Sato", 佐藤健太.
// None is a name or alias of the gazetteer.
var (
	jaSurnames = [][2]string{
		{"佐藤", "Sato"}, {"鈴木", "Suzuki"}, {"高橋", "Takahashi"}, {"田中", "Tanaka"}, {"伊藤", "Ito"},
		{"渡辺", "Watanabe"}, {"山本", "Yamamoto"}, {"中村", "Nakamura"}, {"小林", "Kobayashi"}, {"加藤", "Kato"},
		{"吉田", "Yoshida"}, {"山田", "Yamada"}, {"佐々木", "Sasaki"}, {"山口", "Yamaguchi"}, {"松本", "Matsumoto"},
		{"井上", "Inoue"}, {"木村", "Kimura"}, {"林", "Hayashi"}, {"斎藤", "Saito"}, {"清水", "Shimizu"},
		{"山崎", "Yamazaki"}, {"森", "Mori"}, {"池田", "Ikeda"}, {"橋本", "Hashimoto"}, {"石川", "Ishikawa"},
		{"山下", "Yamashita"}, {"中島", "Nakajima"}, {"前田", "Maeda"}, {"藤田", "Fujita"}, {"後藤", "Goto"},
		{"岡田", "Okada"}, {"長谷川", "Hasegawa"}, {"村上", "Murakami"}, {"近藤", "Kondo"}, {"坂本", "Sakamoto"},
		{"遠藤", "Endo"}, {"青木", "Aoki"}, {"西村", "Nishimura"}, {"福田", "Fukuda"}, {"太田", "Ota"},
	}
	jaGivenNames = [][2]string{
		{"健太", "Kenta"}, {"翔太", "Shota"}, {"大輔", "Daisuke"}, {"拓也", "Takuya"}, {"直樹", "Naoki"},
		{"誠", "Makoto"}, {"浩二", "Koji"}, {"亮", "Ryo"}, {"隆", "Takashi"}, {"達也", "Tatsuya"},
		{"和也", "Kazuya"}, {"雄一", "Yuichi"}, {"哲也", "Tetsuya"}, {"修", "Osamu"}, {"大樹", "Daiki"},
		{"裕子", "Yuko"}, {"恵", "Megumi"}, {"美咲", "Misaki"}, {"陽子", "Yoko"}, {"直美", "Naomi"},
		{"由美", "Yumi"}, {"真由美", "Mayumi"}, {"明美", "Akemi"}, {"香織", "Kaori"}, {"彩", "Aya"},
		{"舞", "Mai"}, {"智子", "Tomoko"}, {"恵子", "Keiko"}, {"久美子", "Kumiko"}, {"沙織", "Saori"},
	}
	// enRoles come before an invented person's name: titles that tell
	// Sagasu's entity discovery a name follows.
	enRoles = []string{"analyst", "economist", "researcher", "professor", "spokesperson", "director"}
)

// invent returns a made-up Japanese person; its canonical name is given
// name first, as English news writes it.
func invent(r *rng) *named {
	s, g := pick(r, jaSurnames), pick(r, jaGivenNames)
	return &named{typ: corpus.TypePerson, name: g[1] + " " + s[1],
		full: []string{g[1] + " " + s[1], s[1] + " " + g[1]}, short: []string{s[1]},
		jaFull: []string{s[0] + g[0]}, jaShort: []string{s[0]}, jaTitle: "氏"}
}
