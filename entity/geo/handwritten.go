package geo

// The hand-written tables: read-only, small, and facts of usage rather than
// data taken from a source.

// names is the extra names and adjectives of one country.
type names struct{ names, adjectives []string }

// extraNames are the names and adjectives of current countries that the
// generated table lacks: the forms news writes ("U.S." as a modifier,
// "Britain") and the short forms of Japanese news, where 米 is the United
// States, 英 Britain, 日 Japan in compounds (米政府, 日米, 訪米; 米 alone is
// rice and 日 a day, so only compounds are listed). A compound naming two
// countries (日米) is an adjective of both.
var extraNames = map[string]names{
	"US": {[]string{"U.S.", "U.S.A.", "America", "米国", "合衆国"}, []string{"米国人", "米政府", "米大統領", "米軍", "米企業",
		"米紙", "米議会", "米連邦", "米国務省", "米商務省", "米財務省", "米国防総省", "米側", "米当局", "訪米", "対米", "駐米",
		"在米", "全米", "在日米軍", "日米", "米中", "米韓", "米英", "米露", "米ロ", "米欧", "米朝"}},
	"JP": {nil, []string{"日米", "日韓", "日英", "日豪", "日印", "日露", "日ロ", "日中韓", "日中関係", "日中首脳", "訪日", "来日",
		"駐日", "在日", "対日", "日本政府", "日本企業", "日本側"}},
	"CN": {[]string{"中国"}, []string{"米中", "日中関係", "日中首脳", "日中韓", "中国政府", "訪中", "対中", "駐中", "中国側", "中露", "中ロ"}},
	"KR": {[]string{"Korea", "韓国"}, []string{"米韓", "日韓", "日中韓", "訪韓", "対韓", "駐韓", "韓国政府", "韓国側"}},
	"KP": {[]string{"北朝鮮"}, []string{"米朝", "北朝鮮政府"}},
	"GB": {[]string{"Britain", "U.K.", "英国"}, []string{"英国人", "英政府", "米英", "日英", "訪英", "英首相"}},
	"RU": {nil, []string{"日露", "日ロ", "米露", "米ロ", "中露", "中ロ", "露政府", "ロシア政府", "訪露", "対露", "露軍", "ロシア軍"}},
	"AU": {[]string{"豪州"}, []string{"日豪", "豪政府"}},
	"IN": {nil, []string{"日印"}},
	"FR": {nil, []string{"仏政府", "訪仏"}},
	"DE": {nil, []string{"独政府", "訪独"}},
}

// historical are states that no longer exist, each its own country: the
// Soviet Union, the two Germanys, Yugoslavia and Czechoslovakia (the UK
// country register's ended states). Codes are ISO 3166-3's, and XWDE for
// West Germany, which has none.
var historical = []Country{
	{Code: "SUHH", Name: "Soviet Union", Names: []string{"Soviet Union", "USSR", "U.S.S.R.", "Union of Soviet Socialist Republics",
		"ソ連", "ソビエト連邦", "ソヴィエト連邦"}, Adjectives: []string{"Soviet", "Soviets", "ソ連人"}},
	{Code: "XWDE", Name: "West Germany", Names: []string{"West Germany", "西ドイツ", "西独"}, Adjectives: []string{"West German", "West Germans"}},
	{Code: "DDDE", Name: "East Germany", Names: []string{"East Germany", "German Democratic Republic", "GDR", "東ドイツ", "東独"},
		Adjectives: []string{"East German", "East Germans"}},
	{Code: "YUCS", Name: "Yugoslavia", Names: []string{"Yugoslavia", "ユーゴスラビア", "ユーゴスラヴィア"},
		Adjectives: []string{"Yugoslav", "Yugoslavs", "Yugoslavian", "Yugoslavians"}},
	{Code: "CSHH", Name: "Czechoslovakia", Names: []string{"Czechoslovakia", "チェコスロバキア"},
		Adjectives: []string{"Czechoslovak", "Czechoslovaks", "Czechoslovakian"}},
}

// prefectures are Japan's 47 prefectures as Japanese writes them without
// 都, 道, 府 or 県 (GeoNames' regions are named in English only).
var prefectures = []string{"北海道", "青森", "岩手", "宮城", "秋田", "山形", "福島", "茨城", "栃木", "群馬", "埼玉", "千葉",
	"東京", "神奈川", "新潟", "富山", "石川", "福井", "山梨", "長野", "岐阜", "静岡", "愛知", "三重", "滋賀", "京都", "大阪",
	"兵庫", "奈良", "和歌山", "鳥取", "島根", "岡山", "広島", "山口", "徳島", "香川", "愛媛", "高知", "福岡", "佐賀", "長崎",
	"熊本", "大分", "宮崎", "鹿児島", "沖縄"}

// ignore are phrases that contain a country's name or adjective and
// mention no country.
var ignore = []string{
	"Latin America", "Latin American", "Latin Americans", "South America", "South American", "South Americans",
	"North America", "North American", "North Americans", "Central America", "Central American", "Central Americans",
	"Native American", "Native Americans", "African American", "African Americans", "Asian American", "Asian Americans",
	"American Indian", "American Indians", "West Indian", "West Indians", "Indian Ocean", "New Mexico", "New Mexican",
	"New Guinea", "New Jersey", "Chinese New Year", "French fries", "Turkish delight", "Pan American",
	"中国地方", "中国電力", "中国新聞", "中国銀行", "日本語", "中国語", "韓国語", "英語", "ロシア語",
	"タイ記録", "ジョージア州", "インド洋", "トルコ石",
}
