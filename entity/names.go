package entity

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/sagasu-search/sagasu/corpus"
	"github.com/sagasu-search/sagasu/namedict"
	"github.com/sagasu-search/sagasu/romaji"
	sagasutext "github.com/sagasu-search/sagasu/text"
)

// canonical returns the entity that a name found by discovery stands for:
// the gazetteer's when it knows the name, a new entity otherwise.
func (x *Extractor) canonical(typ, name string) Entity {
	if e, ok := x.g.Lookup(typ, name); ok {
		return e
	}
	return Entity{Type: typ, Name: name}
}

// known reports whether e is one of the gazetteer's entities.
func (x *Extractor) known(e Entity) bool {
	g, ok := x.g.find(e.Type, unitKeys(appendUnits(nil, e.Name)))
	return ok && g.Name == e.Name
}

// japaneseName returns the person that two romanized words name when the
// name lexicon reads them as a given name and a surname, in either order:
// "Taro Kono", "Kono Taro" and "Kōno Tarō" are all Taro Kono, with the
// person's kana as aliases when the lexicon knows the full name, and the
// kanji too when exactly one person of the lexicon has that reading (Koji
// Sato is not 佐藤公治, 佐藤幸治 and 左藤公治 at once).
func (x *Extractor) japaneseName(a, b string) (Entity, bool) {
	if x.lex == nil {
		return Entity{}, false
	}
	if x.nonPersonNames()[romajiPhrase(a+" "+b)] {
		return Entity{}, false // "Asahi Shinbun" is the newspaper
	}
	given, family, ok := nameOrder(x.lex, a, b)
	if !ok {
		return Entity{}, false
	}
	e := Entity{Type: corpus.TypePerson, Name: spell(given) + " " + spell(family),
		Aliases: []string{spell(family) + " " + spell(given)}}
	people := x.lex.ByName(given, family)
	if len(people) > 0 {
		e.Name, e.Aliases = people[0].Name(), people[0].Aliases()[:1]
	}
	for _, p := range people {
		if len(people) == 1 { // a kanji spelling only on evidence: the one person of that reading
			e.Aliases = append(e.Aliases, p.Writing)
		}
		e.Aliases = append(e.Aliases, p.FamilyReading+p.GivenReading)
	}
	e.Aliases = slices.Compact(e.Aliases)
	if g, ok := x.g.Lookup(corpus.TypePerson, e.Name); ok {
		return g, true
	}
	return e, true
}

// romajiPhrase is the key of a name under which romanization variants
// meet: "Asahi Shinbun" = "Asahi Shimbun", "Toukyou" = "Tokyo".
func romajiPhrase(name string) string {
	words := strings.Fields(name)
	for i, w := range words {
		if key, ok := romaji.WordKey(w); ok {
			words[i] = key
		} else {
			words[i] = fold(w)
		}
	}
	return strings.Join(words, " ")
}

// nonPersonNames returns the romaji keys of the gazetteer's organization
// and place names and aliases, built on first use.
func (x *Extractor) nonPersonNames() map[string]bool {
	x.nonPersonOnce.Do(func() {
		x.nonPerson = map[string]bool{}
		for _, e := range x.g.entities {
			if e.Type != corpus.TypePerson {
				for _, n := range e.names() {
					x.nonPerson[romajiPhrase(n)] = true
				}
			}
		}
	})
	return x.nonPerson
}

// knownFullName reports whether the lexicon lists a person named a b or
// b a.
func (x *Extractor) knownFullName(a, b string) bool {
	return len(x.lex.ByName(a, b))+len(x.lex.ByName(b, a)) > 0
}

// nameOrder tells which of two words is the given name: the order of a
// person the lexicon knows by full name, else the order in which the
// words read as given name and surname, the given name first when both do.
func nameOrder(lex *namedict.Lexicon, a, b string) (given, family string, ok bool) {
	switch {
	case len(lex.ByName(a, b)) > 0:
		return a, b, true
	case len(lex.ByName(b, a)) > 0:
		return b, a, true
	case lex.IsGivenName(a) && lex.IsSurname(b):
		return a, b, true
	case lex.IsSurname(a) && lex.IsGivenName(b):
		return b, a, true
	}
	return "", "", false
}

// spell writes a romanized word as the lexicon does: Hepburn, long vowels
// once, capitalized ("KOUNO", "Kōno" → "Kono").
func spell(word string) string {
	key, ok := romaji.WordKey(word)
	if !ok || key == "" {
		return word
	}
	return strings.ToUpper(key[:1]) + key[1:]
}

// lexiconPerson returns the person the lexicon knows by the Japanese full
// name s, as an entity (the gazetteer's if it has the person).
func (x *Extractor) lexiconPerson(p namedict.Person) Entity {
	if g, ok := x.g.Lookup(corpus.TypePerson, p.Writing); ok {
		return g
	}
	if g, ok := x.g.Lookup(corpus.TypePerson, p.Name()); ok {
		return g
	}
	return Entity{Type: corpus.TypePerson, Name: p.Name(), Aliases: p.Aliases()}
}

// Lookup returns the entity of type typ ("" for any) that name names: any
// name or alias the gazetteer knows (see Gazetteer.Lookup), and, with the
// name lexicon, a Japanese person by full name in Japanese script (河野太郎,
// 河野太郎外相) or romanized in either order ("Kono Taro", "Foreign
// Minister Taro Kōno"). An organization's legal suffix is ignored
// ("Rakuten Inc."). A country is known by any name or adjective package geo
// gives it ("米国", "American" → United States). It makes *Extractor a
// searcher.EntityResolver. With CorpusAliases, a person also goes by the
// Japanese writings the corpus pairs with the name (佐藤恒治 → Koji Sato,
// with 佐藤恒治 among its aliases).
func (x *Extractor) Lookup(typ, name string) (Entity, bool) {
	if x.pairs == nil || !typeOK(typ, corpus.TypePerson) {
		return x.lookup(typ, name)
	}
	if p, ok := x.pairs.Person(strings.TrimSpace(name)); ok {
		name = p
	}
	e, ok := x.lookup(typ, name)
	return x.withCorpusAliases(strings.TrimSpace(name), e, ok)
}

// lookup is Lookup without the corpus's pairs.
func (x *Extractor) lookup(typ, name string) (Entity, bool) {
	if e, ok := x.g.Lookup(typ, name); ok {
		return e, true
	}
	if typ == corpus.TypeCountry {
		return defaultGeo().lookupCountry(name)
	}
	name = strings.TrimSpace(name)
	if typeOK(typ, corpus.TypePerson) && x.lex != nil {
		if e, ok := x.lookupPerson(name); ok {
			return e, true
		}
	}
	if typeOK(typ, corpus.TypeOrganization) {
		if bare := withoutLegalSuffix(name); bare != name {
			return x.g.Lookup(corpus.TypeOrganization, bare)
		}
	}
	return Entity{}, false
}

// lookupPerson finds a Japanese person by the lexicon, without titles.
func (x *Extractor) lookupPerson(name string) (Entity, bool) {
	if sagasutext.HasJapanese(name) {
		for _, s := range append([]string{name}, withoutSuffixes(name)...) {
			if p, ok := x.lex.ByWriting(s); ok {
				return x.lexiconPerson(p), true
			}
		}
		return Entity{}, false
	}
	words := strings.Fields(strings.NewReplacer("’s", "", "'s", "").Replace(name))
	for len(words) > 2 && (sagasutext.IsTitleWord(fold(strings.Trim(words[0], "."))) || functionWords[fold(words[0])] ||
		nonNameWords[fold(words[0])]) {
		words = words[1:]
	}
	if len(words) != 2 {
		return Entity{}, false
	}
	return x.japaneseName(words[0], words[1])
}

// withoutSuffixes returns a Japanese name without the titles that may
// follow it (河野太郎外相 → 河野太郎), longest title first.
func withoutSuffixes(name string) []string {
	var out []string
	for _, t := range japaneseSuffixKeys() {
		suffix := strings.Join(t, "")
		if s, ok := strings.CutSuffix(name, suffix); ok && s != "" {
			out = append(out, s)
		}
	}
	return out
}

// withoutLegalSuffix drops a final Inc., Corp., Co., Ltd. and the like.
func withoutLegalSuffix(name string) string {
	for {
		i := strings.LastIndexAny(name, " ,")
		if i < 0 || !legalSuffixes[fold(strings.Trim(name[i+1:], "."))] {
			return name
		}
		name = strings.TrimRight(name[:i], " ,")
	}
}

// discoverJapanese finds people the name lexicon knows by full name, and
// organizations by their final word, in the Japanese script of text.
func (x *Extractor) discoverJapanese(text string) []candidate {
	var out []candidate
	for i := 0; i < len(text); {
		if text[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if !sagasutext.IsJapaneseScript(r) {
			i += size
			continue
		}
		if c, ok := x.japanesePerson(text, i); ok {
			out = append(out, c)
			i = c.end
			continue
		}
		if c, ok := x.unlistedPerson(text, i); ok {
			out = append(out, c)
			i = c.end
			continue
		}
		if c, ok := x.japaneseOrganization(text, i); ok {
			out = append(out, c)
			i = c.end
			continue
		}
		i += size
	}
	return out
}

// japanesePerson matches a full name the lexicon knows at text[i:]: three
// characters or more, or two followed by a title (林修氏), since two
// characters often make an ordinary word. A longer name recognized by its
// structure wins (佐藤真樹氏 is not the listed 佐藤真).
func (x *Extractor) japanesePerson(text string, i int) (candidate, bool) {
	if x.lex == nil {
		return candidate{}, false
	}
	p, ok := x.lex.Prefix(text[i:])
	if !ok {
		return candidate{}, false
	}
	if name, _, ok := x.lex.NameAt(text, i); ok && len(name) > len(p.Writing) {
		return candidate{}, false
	}
	end := i + len(p.Writing)
	if utf8.RuneCountInString(p.Writing) < 3 && !startsWithSuffix(text[end:]) {
		return candidate{}, false
	}
	return candidate{ent: x.lexiconPerson(p), start: i, end: end, lexicon: true}, true
}

// unlistedPerson matches at text[i:] a Japanese name the lexicon
// recognizes by its structure though it does not list it (岸信夫氏; see
// namedict.Lexicon.NameAt). The entity is named by the name's most common
// reading, given name first, and its writing, so that two people who read
// alike but are written differently (岸信夫, 岸伸夫) stay two entities:
// "Nobuo Kishi (岸信夫)", with "Kishi Nobuo" and 岸信夫 as aliases.
func (x *Extractor) unlistedPerson(text string, i int) (candidate, bool) {
	if x.lex == nil {
		return candidate{}, false
	}
	name, surname, ok := x.lex.NameAt(text, i)
	if !ok {
		return candidate{}, false
	}
	family, given := x.lex.Readings(surname, name[len(surname):], 1)
	f, g := spell(family[0]), spell(given[0])
	e := Entity{Type: corpus.TypePerson, Name: g + " " + f + " (" + name + ")", Aliases: []string{f + " " + g, name}}
	return candidate{ent: e, start: i, end: i + len(name), writing: name}, true
}

func startsWithSuffix(s string) bool {
	for _, t := range sagasutext.JapaneseNameSuffixes() {
		if strings.HasPrefix(s, t) {
			return true
		}
	}
	return false
}

// japaneseOrganization matches at text[i:] a word of kanji and katakana
// ending in 省, 庁, 党, 大学, 銀行, 連盟 or 協会 (外務省, デジタル庁,
// 東北大学, 日本スケート連盟), or of katakana ending in ホールディングス or
// グループ, with at least two characters before that ending and not a
// generic one (同省, 私立大学, 中央銀行, 与党).
func (x *Extractor) japaneseOrganization(text string, i int) (candidate, bool) {
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	for _, suf := range japaneseOrgSuffixes {
		kana := strings.ContainsFunc(suf, sagasutext.IsKatakanaWordRune)
		if i > 0 && (sagasutext.IsKatakanaWordRune(prev) || !kana && sagasutext.IsHan(prev)) {
			continue // not the start of the word
		}
		j := i
		for j < len(text) && !strings.HasPrefix(text[j:], suf) {
			r, size := utf8.DecodeRuneInString(text[j:])
			// The full-width middle dot only: ･ ends the word.
			if !(sagasutext.IsKatakanaWordRune(r) || r == sagasutext.MiddleDot || !kana && sagasutext.IsHan(r)) {
				break
			}
			j += size
		}
		if j >= len(text) || !strings.HasPrefix(text[j:], suf) {
			continue
		}
		prefix := text[i:j]
		if utf8.RuneCountInString(prefix) < 2 || genericJapanesePrefix(prefix) {
			continue
		}
		name := text[i : j+len(suf)]
		return candidate{ent: x.canonical(corpus.TypeOrganization, name), start: i, end: j + len(suf)}, true
	}
	return candidate{}, false
}

// japaneseOrgSuffixes end organization names in Japanese.
var japaneseOrgSuffixes = []string{"ホールディングス", "グループ", "大学", "銀行", "省", "庁", "党", "連盟", "協会"}

// genericJapanesePrefix reports whether an organization word is preceded
// by a word that makes it generic: 同省 (the ministry), 私立大学 (private
// universities), 中央銀行 (central banks).
func genericJapanesePrefix(prefix string) bool {
	first, _ := utf8.DecodeRuneInString(prefix)
	if strings.ContainsRune("同各両本当他全元前新旧諸", first) {
		return true
	}
	for _, g := range []string{"私立", "国立", "公立", "女子", "中央", "地方", "民間", "大手", "商業", "投資",
		"外資", "有名", "海外", "市中", "地銀", "都市", "関係", "所管", "主要", "複数", "中央省",
		"与", "野", "政", "友", "連立", "少数", "最大", "第一", "第二", "第三", "保守", "革新", "既成", "二大", "公認"} {
		if strings.HasPrefix(prefix, g) || strings.HasSuffix(prefix, g) {
			return true
		}
	}
	return false
}
