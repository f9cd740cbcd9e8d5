package synth

import (
	"strconv"

	"github.com/sagasu-search/sagasu/corpus"
)

// Japanese article bounds, in characters of the body.
const (
	MinJapaneseChars = 800
	MaxJapaneseChars = 2500
	// jaTargetMax is the most characters a body is drawn to have; the last
	// sentence, at most about a hundred characters, may go past it.
	jaTargetMax = 2350
	// charsPerSentence is about the mean sentence length, for pacing
	// mentions.
	charsPerSentence = 40
)

// japanese makes a Japanese title and body: sentences from templates over
// Zipf-drawn nouns, two to four to a paragraph, until the body is at least
// a length drawn from 800 to 2,350 characters, with the planned entity
// mentions spread through it, the main entity in the first sentence.
func (d *draft) japanese(r *rng) {
	target := r.between(MinJapaneseChars, jaTargetMax)
	d.title = d.japaneseTitle(r, d.title[:0])
	b := d.body[:0]
	chars, inPara, paraLen, next := 0, 0, r.between(2, 4), 0
	for chars < target {
		start := len(b)
		if chars > 0 {
			if inPara == paraLen {
				b = append(b, "\n\n"...)
				inPara, paraLen = 0, r.between(2, 4)
			}
		}
		var name string
		if left := len(d.mentions) - next; left > 0 && (next == 0 || r.intn((target-chars)/charsPerSentence+1) < left) {
			i := d.mentions[next]
			name = d.japaneseForm(r, i)
			d.mentioned[i] = true
			next++
		}
		b = jaSentence(r, b, name)
		chars += runeCount(b[start:])
		inPara++
	}
	d.body = b
}

// japaneseTitle makes a headline: "岸田首相、半導体の支援を表明".
func (d *draft) japaneseTitle(r *rng, b []byte) []byte {
	if len(d.ents) > 0 && r.chance(0.7) {
		e := d.ents[0]
		b = append(b, jaShortName(r, e)...)
		b = append(b, "、"...)
	}
	b = append(b, jaNoun(r)...)
	b = append(b, "の"...)
	b = append(b, jaNoun(r)...)
	b = append(b, "を"...)
	return append(b, pick(r, jaHeadVerbs)...)
}

// japaneseForm returns how mention i names its entity in Japanese: a
// person the first time by full name and title (岸田文雄首相, アナリストの
// 佐藤健太氏), later mostly by surname and title (岸田首相, 佐藤氏); an
// organization or place by one of its Japanese names, or its Latin name
// when it has none.
func (d *draft) japaneseForm(r *rng, i int) string {
	e := d.ents[i]
	if e.typ != corpus.TypePerson {
		return jaName(r, e)
	}
	if !d.mentioned[i] || len(e.jaShort) == 0 || r.chance(0.2) {
		full := jaName(r, e)
		if !e.gazetteer && !d.mentioned[i] {
			return pick(r, jaRoles) + "の" + full + e.jaTitle
		}
		return full + e.jaTitle
	}
	return pick(r, e.jaShort) + e.jaTitle
}

// jaName returns a full Japanese name of e, the first one six times in
// ten, or e's canonical name when it has none.
func jaName(r *rng, e *named) string {
	switch {
	case len(e.jaFull) == 0:
		return e.name
	case r.chance(0.6):
		return e.jaFull[0]
	}
	return pick(r, e.jaFull)
}

// jaShortName returns the name of e for a headline: a person's surname
// and title, or a Japanese name.
func jaShortName(r *rng, e *named) string {
	if e.typ == corpus.TypePerson && len(e.jaShort) > 0 {
		return pick(r, e.jaShort) + e.jaTitle
	}
	if e.typ == corpus.TypePerson {
		return jaName(r, e) + e.jaTitle
	}
	return jaName(r, e)
}

// jaNoun draws a noun by Zipf's law.
func jaNoun(r *rng) string { return jaNouns[jaNounZipf().draw(r)] }

// jaSentence appends a sentence from a template, about name when it is
// not "". Entity names are followed by a particle, never by kana that
// could run into them.
func jaSentence(r *rng, b []byte, name string) []byte {
	if name != "" {
		switch r.intn(4) {
		case 0: // 今月、岸田首相は半導体の支援について説明した。
			b = append(b, pick(r, jaWhen)...)
			b = append(b, "、"...)
			b = append(b, name...)
			b = append(b, "は"...)
			b = appendNouns(r, b, "の")
			b = append(b, pick(r, jaPredicates)...)
		case 1: // トヨタは電池と工場に関する計画を発表した。
			b = append(b, name...)
			b = append(b, "は"...)
			b = appendNouns(r, b, "と")
			b = append(b, "に関する"...)
			b = append(b, jaNoun(r)...)
			b = append(b, pick(r, jaPredicates)...)
		case 2: // 日本銀行によると、物価の見通しは前年比3.2%上昇した。
			b = append(b, name...)
			b = append(b, "によると、"...)
			b = appendNouns(r, b, "の")
			b = append(b, "は前年比"...)
			b = strconv.AppendInt(b, int64(r.between(1, 30)), 10)
			b = append(b, '.')
			b = strconv.AppendInt(b, int64(r.intn(10)), 10)
			b = append(b, "%"...)
			b = append(b, pick(r, jaChanges)...)
		default: // 賃金の見直しについて、岸田首相は「改革を進めたい」と述べた。
			b = appendNouns(r, b, "の")
			b = append(b, "について、"...)
			b = append(b, name...)
			b = append(b, "は「"...)
			b = append(b, jaNoun(r)...)
			b = append(b, "を"...)
			b = append(b, pick(r, jaQuotes)...)
			b = append(b, "」と述べた"...)
		}
		return append(b, "。"...)
	}
	switch r.intn(3) {
	case 0: // 関税をめぐっては、企業の対策が課題となっている。
		b = append(b, jaNoun(r)...)
		b = append(b, "をめぐっては、"...)
		b = appendNouns(r, b, "の")
	case 1: // 今年は観光の回復が続いている。
		b = append(b, pick(r, jaWhen)...)
		b = append(b, "は"...)
		b = appendNouns(r, b, "の")
	default: // 地域では人材や雇用の確保が急務となっている。
		b = append(b, jaNoun(r)...)
		b = append(b, "では"...)
		b = append(b, jaNoun(r)...)
		b = append(b, "や"...)
		b = appendNouns(r, b, "の")
	}
	b = append(b, pick(r, jaStates)...)
	return append(b, "。"...)
}

// appendNouns appends two nouns joined by the particle p: 半導体の支援,
// not 政府の政府.
func appendNouns(r *rng, b []byte, p string) []byte {
	first := jaNoun(r)
	second := jaNoun(r)
	for second == first {
		second = jaNoun(r)
	}
	b = append(b, first...)
	b = append(b, p...)
	return append(b, second...)
}
