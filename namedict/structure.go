package namedict

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/sagasu-search/sagasu/romaji"
	"github.com/sagasu-search/sagasu/text"
)

// SurnameReadings returns the kana readings of a surname as written
// (金子 → かねこ, …), the most common first, or nil when no surname is
// written so. Common means read so by more of the people the lexicon lists.
func (l *Lexicon) SurnameReadings(writing string) []string {
	return l.surnameWritings.ranked(writing, l.surnameUse)
}

// GivenReadings returns the kana readings of a given name as written
// (恭之 → やすゆき, やすし, …), the most common first, or nil.
func (l *Lexicon) GivenReadings(writing string) []string {
	return l.givenWritings.ranked(writing, l.givenUse)
}

// Unlisted returns the people ENAMDICT names in full whom the lexicon keeps
// out of its full-name table (one in a hundred, by a hash of the writing),
// in dictionary order: ByWriting and Prefix do not know them, so they
// measure how well names are recognized by their structure alone.
func (l *Lexicon) Unlisted() []Person { return slices.Clone(l.unlisted) }

// SplitName cuts a full name as written (岸信夫) into a surname and a given
// name that the dictionary both lists (岸 | 信夫), and returns the surname.
// Of several cuts the one whose parts more listed people bear wins, then
// the longer surname. ok is false when no cut fits.
func (l *Lexicon) SplitName(writing string) (surname string, ok bool) {
	best := -1
	for i := range writing {
		if i == 0 {
			continue
		}
		sur, giv := writing[:i], writing[i:]
		if !l.surnameWritings.has(sur) || !l.givenWritings.has(giv) {
			continue
		}
		if score := (1 + l.surnameUse[[2]string{sur, ""}]) * (1 + l.givenUse[[2]string{giv, ""}]); score >= best {
			best, surname = score, sur
		}
	}
	return surname, best >= 0 && utf8.ValidString(surname)
}

// The shortest and longest full names NameAt takes, in characters: two
// characters often make an ordinary word (林修 in 森林修復), and six hold
// a long surname and a long given name (長谷川喜美子 is six).
const (
	minNameRunes = 3
	maxNameRunes = 6
)

// NameAt recognizes a Japanese personal name by its structure at text[i:],
// without the full-name table: a surname and a given name that the
// dictionary lists (岸 | 信夫), written in kanji, between cues that mark a
// person. The cue is after the name, a title or honorific (岸信夫氏, 岸信夫
// 防衛相, 鈴木一郎容疑者; see cueAfter), or before it, a role (俳優の山田
// 太郎が; see roleBefore); a name that is the whole of text needs none, as
// in a query. The name must start a word: at the start of text, after a
// character that is not a kanji, or after a role. The longest name that
// fits wins, unless it ends inside the cue after a shorter one. It returns
// the name and its surname.
func (l *Lexicon) NameAt(text string, i int) (name, surname string, ok bool) {
	r, _ := utf8.DecodeRuneInString(text[i:])
	if !isNameRune(r) {
		return "", "", false
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	role := roleBefore(text[:i])
	if i > 0 && isNameRune(prev) && !role {
		return "", "", false
	}
	best, bestCue := -1, 0
	for _, end := range nameEnds(text, i) {
		rest := text[end:]
		_, size := utf8.DecodeLastRuneInString(text[:end])
		if cueAfter(text[end-size:]) > 0 {
			continue // its last character starts the cue: 野田|元首相, not 野田元|首相
		}
		cue := cueAfter(rest)
		if cue == 0 && !(role && endsWord(rest) || i == 0 && rest == "") || best >= 0 && end <= best+bestCue {
			continue // no cue, or inside the cue of a shorter name (石破茂|元首相, not 石破茂元|首相)
		}
		if sur, ok := l.splitUnlisted(text[i:end]); ok {
			best, bestCue, name, surname = end, cue, text[i:end], sur
		}
	}
	return name, surname, best >= 0
}

// nameEnds returns the byte offsets at which a name of minNameRunes to
// maxNameRunes characters of name script starting at text[i] may end,
// shortest first.
func nameEnds(text string, i int) []int {
	var ends []int
	n := 0
	for j := i; j < len(text) && n < maxNameRunes; {
		r, size := utf8.DecodeRuneInString(text[j:])
		if !isNameRune(r) {
			break
		}
		j += size
		if n++; n >= minNameRunes {
			ends = append(ends, j)
		}
	}
	return ends
}

// splitUnlisted cuts a possible name into a surname and a given name, as
// SplitName, unless the whole is a surname or given name itself (長谷川,
// 小野寺), or it ends as places and organizations do (東京|都, 自民|党), or
// the given name is a title (長谷川|氏).
func (l *Lexicon) splitUnlisted(writing string) (string, bool) {
	if l.surnameWritings.has(writing) || l.givenWritings.has(writing) {
		return "", false
	}
	last, _ := utf8.DecodeLastRuneInString(writing)
	if strings.ContainsRune(placeEnds, last) {
		return "", false
	}
	sur, ok := l.SplitName(writing)
	if !ok {
		return "", false
	}
	given := writing[len(sur):]
	if cueAfter(given) > 0 || utf8.RuneCountInString(given) == 1 && strings.ContainsRune(nonNameEnds, last) {
		return "", false
	}
	return sur, true
}

// placeEnds are kanji that end the names of places and organizations, and
// no given name a dictionary lists often.
const placeEnds = "都道府県市区町村郡党省庁社州駅港線局課署館院店軍"

// nonNameEnds are kanji that, alone after a surname-like word, end an
// ordinary noun rather than a given name (日本|人, 国|内).
const nonNameEnds = "国島会部家側内外中上下前後長相人業界園団隊協氏君様"

// isNameRune reports whether r may be part of a name written in kanji:
// a kanji, 々, or the small ヶ and ノ of names such as 一ノ瀬 and 八ヶ代.
func isNameRune(r rune) bool {
	return text.IsHan(r) || r == '々' || r == 'ヶ' || r == 'ノ'
}

// endsWord reports whether s starts after the end of a word: at the end,
// or with a character that is not a kanji.
func endsWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return s == "" || !isNameRune(r)
}

// cueAfter returns the length of the title, honorific or role that
// follows a person's name at the start of s, ending a word there, or 0.
// A former or current title counts (石破茂元幹事長, 故安倍晋三元首相).
func cueAfter(s string) int {
	prefix := 0
	for _, p := range []string{"元", "前", "現", "故"} {
		if strings.HasPrefix(s, p) {
			prefix = len(p)
		}
	}
	for _, cue := range cuesAfter {
		for _, start := range []int{0, prefix} {
			rest, ok := strings.CutPrefix(s[start:], cue)
			if ok && (endsWord(rest) || strings.ContainsRune(cue, 'さ')) {
				return start + len(cue)
			}
		}
	}
	return 0
}

// roleBefore reports whether before ends with a role that precedes a name
// (俳優の, 作家・, 無職).
func roleBefore(before string) bool {
	for _, sep := range []string{"の", "・", "　", ""} {
		s, ok := strings.CutSuffix(before, sep)
		if !ok {
			continue
		}
		for _, role := range rolesBefore {
			if strings.HasSuffix(s, role) {
				return true
			}
		}
	}
	return false
}

// MaxReadings caps how many readings of a full name, surname readings
// times given-name readings, the analyzer indexes for a name it recognizes
// by structure (see Readings). Measured on the development half of the
// unlisted people (TestReadingCap), the person's own reading is among the
// candidates for 77% of them at 1, 90% at 2, 96% at 4, 98.6% at 6 and
// 99.1% at 9 (readings under minShare are never taken).
const MaxReadings = 6

// Readings returns the romanized readings of a full name as written, its
// surname and given name cut as SplitName cuts them: surname readings and
// given-name readings, most common first, chosen so that there are at
// most limit combinations. Each step adds the more likely of the next
// surname reading and the next given-name reading (the share of listed
// people whose part, so written, reads so) while the product stays within
// limit. Readings that romanize alike count once.
func (l *Lexicon) Readings(surname, given string, limit int) (family, givens []string) {
	sr := l.romanized(surname, l.surnameWritings, l.surnameUse)
	gr := l.romanized(given, l.givenWritings, l.givenUse)
	if len(sr) == 0 || len(gr) == 0 {
		return nil, nil
	}
	ns, ng := 1, 1
	for {
		canS := ns < len(sr) && (ns+1)*ng <= limit && sr[ns].share >= minShare
		canG := ng < len(gr) && ns*(ng+1) <= limit && gr[ng].share >= minShare
		switch {
		case canS && (!canG || sr[ns].share >= gr[ng].share):
			ns++
		case canG:
			ng++
		default:
			return names(sr[:ns]), names(gr[:ng])
		}
	}
}

// minShare is the least share of a writing's uses a reading other than
// the first needs to be indexed: 佐々木 is read ささき by hundreds of
// listed people, and いしだ, which ENAMDICT also gives, by none.
const minShare = 0.04

// reading is a romanized reading and the share of the writing's uses it has.
type reading struct {
	name  string
	share float64
}

// romanized returns the readings of writing in romaji, most common first,
// those that romanize alike merged. A reading no listed person has counts
// as half a use, so that the dictionary's order ranks the unused ones.
func (l *Lexicon) romanized(writing string, writings *writingTable, use map[[2]string]int) []reading {
	kana := writings.ranked(writing, use)
	var out []reading
	total := 0.0
	for _, k := range kana {
		n := float64(use[[2]string{writing, k}]) + 0.5
		total += n
		name := romaji.FromKana(k)
		if i := slices.IndexFunc(out, func(r reading) bool { return r.name == name }); i >= 0 {
			out[i].share += n
			continue
		}
		if name != "" {
			out = append(out, reading{name, n})
		}
	}
	for i := range out {
		out[i].share /= total
	}
	slices.SortStableFunc(out, func(a, b reading) int { return cmpDesc(a.share, b.share) })
	return out
}

func cmpDesc(a, b float64) int {
	switch {
	case a > b:
		return -1
	case a < b:
		return 1
	}
	return 0
}

func names(rs []reading) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.name
	}
	return out
}
