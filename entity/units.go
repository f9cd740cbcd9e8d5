package entity

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	sagasutext "github.com/sagasu-search/sagasu/text"
)

// unit is one word of Latin (or other spaced) script, or one character of
// Japanese, Chinese or Korean script, which have no spaces between words and
// so are matched character by character. Texts and aliases are both cut into
// units; an alias matches a run of text units with the same keys.
type unit struct {
	key        string // fold()ed word without dots or possessive: "U.S." → "us"
	start, end int    // byte span of the name in the text, without a possessive "'s"
	rawEnd     int    // byte offset just past the unit, possessive included
	shape      shape  // capitalization of the word
	joined     bool   // only spaces, hyphens, a middle dot or one line break since the previous unit
	adjacent   bool   // nothing at all since the previous unit
	comma      bool   // a comma and spaces since the previous unit: "Economy, Trade"
	possessive bool   // the word ended in "'s", which a name must end with
	kana       bool   // a katakana character
}

// appendUnits cuts text into units and appends them to dst.
func appendUnits(dst []unit, text string) []unit {
	lower := asciiLower(text)
	prevEnd := -1
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		var u unit
		switch {
		case isCharRune(r):
			u = charUnit(text, i, r, size)
		case isWordRune(r):
			u = wordUnit(text, lower, i)
		default:
			i += size
			continue
		}
		if prevEnd >= 0 {
			gap := text[prevEnd:u.start]
			u.adjacent = gap == ""
			u.joined = u.adjacent || isSoftGap(gap)
			u.comma = !u.joined && isCommaGap(gap)
		}
		dst = append(dst, u)
		prevEnd, i = u.rawEnd, u.rawEnd
	}
	return dst
}

// unitCapacity returns about how many units text cuts into, a little more
// rather than less: one a space or line break, and one every three bytes
// of other than ASCII (a Japanese character is a unit). Sized by it, the
// slice appendUnits fills is allocated once; len(text)/6, the guess before,
// fell short for most English texts (words and spaces average about six
// bytes) and far short for Japanese, and growing the slice was a tenth of
// ingest's allocations.
func unitCapacity(text string) int {
	spaces, other := 0, 0
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case c == ' ' || c == '\n':
			spaces++
		case c >= utf8.RuneSelf:
			other++
		}
	}
	return spaces + other/3 + 1
}

// unitPool recycles the unit slices of texts: after unitCapacity, they
// were the extractor's largest allocation (0.87 of 10.9 GB that
// BenchmarkIngest allocated). The zero value is ready to use.
type unitPool struct {
	pool sync.Pool // of *[]unit
}

// get returns an empty slice with room for n units.
func (p *unitPool) get(n int) []unit {
	if us, ok := p.pool.Get().(*[]unit); ok && cap(*us) >= n {
		return (*us)[:0]
	}
	return make([]unit, 0, n)
}

// put gives us back for reuse; the caller keeps no reference to it. Its
// units are cleared so that the pool holds no text alive.
func (p *unitPool) put(us []unit) {
	clear(us)
	us = us[:0]
	p.pool.Put(&us)
}

// unitKeys returns the keys of us.
func unitKeys(us []unit) []string {
	keys := make([]string, len(us))
	for i, u := range us {
		keys[i] = u.key
	}
	return keys
}

// nameKey returns the key under which a name or alias is indexed: its unit
// keys joined by spaces ("U.S." → "us", "Yoon Suk-yeol" → "yoon suk yeol",
// "岸田" → "岸 田"). It is empty when name has no letters or digits.
func nameKey(name string) string {
	return strings.Join(unitKeys(appendUnits(nil, name)), " ")
}

// isCharRune reports whether r belongs to a script written without spaces
// (or, for Korean, with particles attached), matched character by character:
// Han, kana, Hangul, and the long vowel marks ー ｰ that lengthen kana.
func isCharRune(r rune) bool {
	return sagasutext.IsCJKScript(r) || sagasutext.IsLongVowelMark(r)
}

// isWordRune reports whether r is part of a word: a letter, digit or mark
// that is not matched character by character.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)) && !isCharRune(r)
}

// isApostrophe reports whether r is one of the ways an apostrophe is typed.
func isApostrophe(r rune) bool {
	return r == '\'' || r == '’' || r == '‘' || r == 'ʼ' || r == '＇'
}

// isCommaGap reports whether gap is one comma with spaces around it, which
// separates the words of a few names ("Ministry of Economy, Trade and
// Industry") but only where a name's own spelling has it.
func isCommaGap(gap string) bool {
	t := strings.TrimSpace(gap)
	return (t == "," || t == "、") && !strings.Contains(gap, "\n")
}

// isSoftGap reports whether gap may separate the words of one name: spaces,
// hyphens ("Suk-yeol"), middle dots ("ジョー・バイデン") and at most one line
// break. Any other punctuation ends a name.
func isSoftGap(gap string) bool {
	lines := 0
	for _, r := range gap {
		switch {
		case r == '\n':
			if lines++; lines > 1 {
				return false
			}
		case unicode.IsSpace(r), r == '-', r == '‐', r == '‑', sagasutext.IsMiddleDot(r), r == '＝':
		default:
			return false
		}
	}
	return true
}

// charUnit returns the unit of the character r at text[i:], with any
// voicing marks that follow it.
func charUnit(text string, i int, r rune, size int) unit {
	end := i + size
	for end < len(text) {
		m, msize := utf8.DecodeRuneInString(text[end:])
		if !sagasutext.IsVoicingMark(m) {
			break
		}
		end += msize
	}
	// A katakana unit is part of a word that must not be cut: "アーム" (Arm)
	// is not in "ロボットアーム" (robot arm).
	return unit{key: fold(text[i:end]), start: i, end: end, rawEnd: end, kana: sagasutext.IsKatakanaWordRune(r)}
}

// asciiLower returns text with its ASCII letters in lower case, keeping
// every byte offset.
func asciiLower(text string) string {
	i := strings.IndexFunc(text, func(r rune) bool { return 'A' <= r && r <= 'Z' })
	if i < 0 {
		return text
	}
	b := []byte(text)
	for ; i < len(b); i++ {
		if c := b[i]; 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// wordUnit returns the unit of the word that starts at text[start:]; lower
// is text with ASCII letters in lower case.
func wordUnit(text, lower string, start int) unit {
	end := scanDotted(text, start, scanWord(text, start))
	nameEnd := end
	possessive := false
	if n := possessiveLen(text[start:end]); n > 0 {
		nameEnd, possessive = end-n, true
	}
	word := text[start:nameEnd]
	key := lower[start:nameEnd]
	if !isPlain(key) || strings.ContainsAny(key, ".'") {
		key = fold(cleanWord(word))
	}
	return unit{
		key:        key,
		start:      start,
		end:        nameEnd,
		rawEnd:     end,
		shape:      shapeOf(word),
		possessive: possessive,
	}
}

// scanWord returns the end of the word that starts at text[i:]: word runes,
// also joined by an apostrophe ("O’Brien", "Kishida’s") or an ampersand
// ("AT&T") between two of them.
func scanWord(text string, i int) int {
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf && isWordRune(rune(c)) {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if isWordRune(r) {
			i += size
			continue
		}
		if (isApostrophe(r) || r == '&') && wordRuneAt(text, i+size) {
			i += size
			continue
		}
		break
	}
	return i
}

// scanDotted extends the word text[start:end] over dotted initials: a
// single letter followed by a dot absorbs the dot and the single letters and
// dots that follow, so "U.S.", "U.S" (its final dot taken as the end of the
// sentence), "D.C." and "R." are one word each.
func scanDotted(text string, start, end int) int {
	for end < len(text) && text[end] == '.' && isSingleLetter(text[start:end]) {
		end++
		r, size := utf8.DecodeRuneInString(text[end:])
		if !unicode.IsLetter(r) || !isWordRune(r) || wordRuneAt(text, end+size) {
			break
		}
		start, end = end, end+size
	}
	return end
}

// isSingleLetter reports whether s is exactly one letter.
func isSingleLetter(s string) bool {
	r, size := utf8.DecodeRuneInString(s)
	return size == len(s) && unicode.IsLetter(r)
}

// wordRuneAt reports whether a word rune starts at text[i:].
func wordRuneAt(text string, i int) bool {
	if i >= len(text) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return isWordRune(r)
}

// possessiveLen returns the length of a final "'s" of word (any apostrophe,
// either case), or 0.
func possessiveLen(word string) int {
	if len(word) < 3 || (word[len(word)-1] != 's' && word[len(word)-1] != 'S') {
		return 0
	}
	r, size := utf8.DecodeLastRuneInString(word[:len(word)-1])
	if !isApostrophe(r) || size+1 == len(word) {
		return 0
	}
	return size + 1
}

// cleanWord drops the dots of initials and writes every apostrophe as "'".
func cleanWord(word string) string {
	if !strings.ContainsAny(word, ".’‘ʼ＇") {
		return word
	}
	var b strings.Builder
	for _, r := range word {
		switch {
		case r == '.':
		case isApostrophe(r):
			b.WriteByte('\'')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
