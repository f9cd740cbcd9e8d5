package text

// The title and honorific tables. Each serves one purpose and the lists
// differ on purpose; keys are lower-case and, for English, folded
// (FoldLatin) and without dots.

// IsTitleWord reports whether key, one lower-case word without dots, is an
// English title or role that a person's name follows ("President Biden",
// "CEO Masayoshi Son", "Dr. Smith"). Entity discovery takes the capitalized
// words after one for a name and ends an organization's name before one.
func IsTitleWord(key string) bool { return titleWords[key] }

// IsAbbreviatedTitle reports whether key, one lower-case word without its
// dot, is a title that may be written with a dot before a name ("Mr.
// Kishida", "Gov. Koike").
func IsAbbreviatedTitle(key string) bool { return abbreviatedTitles[key] }

// PersonTitles returns, in a new slice, the titles, roles and country
// modifiers that may stand before a person's name when the name is looked
// up ("former", "U.S.", "Prime Minister", "Japan's"), as written.
func PersonTitles() []string { return append([]string(nil), personTitles...) }

// JapaneseNameSuffixes returns, in a new slice, the Japanese titles,
// honorifics and roles written right after a person's name (岸田首相,
// 林修氏, 孫正義社長).
func JapaneseNameSuffixes() []string { return append([]string(nil), japaneseNameSuffixes...) }

// IsNameAffix reports whether folded, one word lower-cased with its
// diacritics and a final dot removed, is a title or honorific that may stand
// at either edge of a quoted name in a query ("PM Kishida", "Kishida-san",
// 岸田首相), so that the name is also matched without it. Besides English
// titles it has romanized honorifics (san, sensei) and Japanese ones (氏,
// 元) as the analyzer cuts them.
func IsNameAffix(folded string) bool { return nameAffixes[folded] }

// set returns a read-only lookup table of words.
func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

var (
	titleWords = set("president", "minister", "pm", "ceo", "cfo", "coo", "cto", "chief", "executive", "officer",
		"chairman", "chairwoman", "chairperson", "secretary", "governor", "gov", "mayor", "senator", "sen", "rep",
		"representative", "ambassador", "director", "professor", "prof", "dr", "mr", "mrs", "ms", "miss", "sir", "dame",
		"spokesman", "spokeswoman", "spokesperson", "founder", "cofounder", "analyst", "economist",
		"lawmaker", "commissioner", "premier", "chancellor", "emperor", "empress", "king", "queen",
		"speaker", "coach", "manager", "captain", "judge", "envoy", "editor", "reporter", "correspondent", "researcher",
		"scientist", "engineer", "vp", "superintendent", "inspector", "governor-general", "secretary-general")

	abbreviatedTitles = set("mr", "mrs", "ms", "dr", "prof", "gov", "sen", "rep")

	personTitles = []string{
		"former", "ex", "then", "late", "the", "U.S.", "US", "American", "Japanese", "Japan's",
		"South Korean", "Korean", "Chinese", "Taiwanese", "British", "EU", "European",
		"Prime Minister", "PM", "President", "Vice President", "VP", "Mr", "Mrs", "Ms", "Dr",
		"Sir", "Dame", "Prof", "Professor", "CEO", "Chief Executive", "Chief Executive Officer",
		"Founder", "Chairman", "Chairwoman", "Chair", "Secretary", "Secretary of Commerce",
		"Commerce Secretary", "Secretary of State", "Treasury Secretary", "Ambassador",
		"Commissioner", "Senator", "Sen", "Rep", "Representative", "Governor", "Gov", "Mayor",
		"Minister", "Foreign Minister", "Finance Minister", "Chancellor", "Premier", "Emperor",
		"King", "Queen", "Prince", "Princess", "Speaker", "Leader", "General", "Gen",
	}

	japaneseNameSuffixes = []string{
		"氏", "さん", "様", "首相", "元首相", "前首相", "総理", "総理大臣", "大統領", "米大統領",
		"前大統領", "副大統領", "社長", "会長", "会長兼社長", "最高経営責任者", "長官", "商務長官",
		"大使", "駐日大使", "委員", "欧州委員", "知事", "総裁", "議員", "国家主席", "主席", "首席",
		"外相", "外務大臣", "防衛相", "財務相", "経済産業相", "経産相", "デジタル相", "大臣", "官房長官", "幹事長",
		"代表", "党首", "市長", "区長", "教授", "准教授", "選手", "監督", "容疑者", "被告", "元外相", "前外相",
	}

	nameAffixes = set("pm", "mr", "mrs", "ms", "miss", "dr",
		"prof", "president", "premier", "chancellor", "minister", "prime",
		"secretary", "ambassador", "governor", "gov", "senator", "sen",
		"rep", "mayor", "ceo", "chairman", "chairwoman", "former",
		"san", "shi", "sama", "kun", "chan", "sensei",
		"首相", "総理", "氏", "さん", "様", "君", "社長", "会長",
		"大統領", "知事", "議員", "大臣", "長官", "元", "前")
)
