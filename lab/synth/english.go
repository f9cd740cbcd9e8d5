package synth

import (
	"strconv"
	"strings"

	"github.com/sagasu-search/sagasu/corpus"
)

// English article bounds, in words (fields separated by white space).
const (
	MinEnglishWords = 300
	MaxEnglishWords = 1200
	// minTitleWords and maxTitleWords bound a headline.
	minTitleWords = 5
	maxTitleWords = 12
	// wordsPerSentence is the mean sentence length, for pacing mentions.
	wordsPerSentence = 16
)

// english makes an English title and body. The body has exactly as many
// words as drawn, between MinEnglishWords and MaxEnglishWords and skewed to
// the short end (mean about 640): sentences of 8 to 25 words, 2 to 5 to a
// paragraph, words drawn by Zipf's law, with the planned entity mentions
// spread through it, the main entity in the first sentence.
func (d *draft) english(r *rng) {
	target := MinEnglishWords + r.intn(MaxEnglishWords-MinEnglishWords+1)*r.between(450, 900)/900
	d.title = d.englishTitle(r, d.title[:0])
	b := d.body[:0]
	remaining, inPara, paraLen, next := target, 0, r.between(2, 5), 0
	for remaining > 0 {
		sl := r.between(8, 25)
		if remaining-sl < 6 {
			sl = remaining
		}
		if remaining != target {
			if inPara == paraLen {
				b = append(b, "\n\n"...)
				inPara, paraLen = 0, r.between(2, 5)
			} else {
				b = append(b, ' ')
			}
		}
		var form string
		var e *named
		if left := len(d.mentions) - next; left > 0 && (next == 0 || r.intn(remaining/wordsPerSentence+1) < left) {
			i := d.mentions[next]
			e = d.ents[i]
			form = d.englishForm(r, i)
			if need := fields(form) + 3; sl < need && remaining >= need {
				sl = need // room for the name
				if remaining-sl < 6 {
					sl = remaining
				}
			}
			if fields(form)+3 <= sl {
				d.mentioned[i] = true
				next++
			} else {
				form, e = "", nil
			}
		}
		b = d.sentence(r, b, sl, form, e)
		remaining -= sl
		inPara++
	}
	d.body = b
}

// englishTitle makes a headline of 5 to 12 words, most led by the main
// entity's short name: "Kishida tax reform prompts …".
func (d *draft) englishTitle(r *rng, b []byte) []byte {
	n := r.between(minTitleWords, maxTitleWords)
	if len(d.ents) > 0 && r.chance(0.7) {
		e := d.ents[0]
		form := e.name
		if len(e.short) > 0 {
			form = pick(r, e.short)
		}
		if f := fields(form); f <= n-3 {
			b = append(b, form...)
			b = append(b, ' ')
			return appendWords(r, b, n-f, false, true, 10)
		}
	}
	return appendWords(r, b, n, true, false, 10)
}

// englishForm returns how mention i of an article names its entity: the
// first mention a full name, with a title (or an invented person's role)
// four times in ten; later ones also the short name, alone or after a
// title. Organizations and places go by their canonical name or an alias.
func (d *draft) englishForm(r *rng, i int) string {
	e := d.ents[i]
	if e.typ != corpus.TypePerson {
		if r.chance(0.6) {
			return e.name
		}
		return pick(r, e.full)
	}
	full := e.name
	if r.chance(0.4) {
		full = pick(r, e.full)
	}
	if !d.mentioned[i] {
		switch {
		case !e.gazetteer && r.chance(0.6):
			return pick(r, enRoles) + " " + full
		case len(e.titles) > 0 && r.chance(0.4):
			return pick(r, e.titles) + " " + full
		}
		return full
	}
	short := full
	if len(e.short) > 0 {
		short = pick(r, e.short)
	}
	switch x := r.intn(4); {
	case x < 2:
		return short
	case x == 2 && len(e.titles) > 0:
		return pick(r, e.titles) + " " + short
	}
	return full
}

// sentence appends a sentence of n words; with a form, one names entity e
// so. The form counts in n, which is at least its words plus three.
func (d *draft) sentence(r *rng, b []byte, n int, form string, e *named) []byte {
	if form == "" {
		b = appendWords(r, b, n, true, false, 0)
		return append(b, '.')
	}
	rest := n - fields(form)
	switch x := r.intn(4); {
	case x == 0: // "Kishida said …."
		start := len(b)
		b = append(b, form...)
		if c := b[start]; c >= 'a' && c <= 'z' { // "analyst Kenta Sato"
			b[start] = c - 'a' + 'A'
		}
		b = append(b, " said "...)
		b = appendWords(r, b, rest-1, false, true, 0)
	case x == 1 && e.typ == corpus.TypePerson: // "…, said Kishida."
		b = appendWords(r, b, rest-1, true, false, 0)
		b = append(b, ", said "...)
		b = append(b, form...)
		return endSentence(b)
	default: // "… Kishida …."
		before := r.between(1, rest-1)
		b = appendWords(r, b, before, true, false, 0)
		b = append(b, ' ')
		b = append(b, form...)
		b = append(b, ' ')
		b = appendWords(r, b, rest-before, false, true, 0)
	}
	return append(b, '.')
}

// endSentence ends a sentence with a full stop, unless it ends with one
// already ("… Joseph R. Biden Jr.").
func endSentence(b []byte) []byte {
	if b[len(b)-1] == '.' {
		return b
	}
	return append(b, '.')
}

// appendWords appends n words drawn by Zipf's law, separated by spaces, an
// occasional comma and number among them. capital capitalizes the first
// word, which is then never a one-word entity name ("Japan", "Apple");
// afterName keeps the first word from extending a name before it
// ("Washington state"); words of rank below skip are drawn again (for
// headlines, to skip "the" and "of").
func appendWords(r *rng, b []byte, n int, capital, afterName bool, skip int) []byte {
	v, gz := vocab(), entities()
	for i := 0; i < n; i++ {
		if i > 0 {
			if r.intn(100) < 5 && i > 1 {
				b = append(b, ',')
			}
			b = append(b, ' ')
		}
		if i > 0 && r.intn(1000) < 15 {
			b = appendNumber(r, b)
			continue
		}
		rank := v.zipf.draw(r)
		for tries := 0; tries < 64 && (rank < skip ||
			i == 0 && (capital && gz.capitalized[v.words[rank]] || afterName && gz.aliasWords[v.words[rank]])); tries++ {
			rank = v.zipf.draw(r)
		}
		w := v.words[rank]
		if i == 0 && capital {
			b = append(b, w[0]-'a'+'A')
			w = w[1:]
		}
		b = append(b, w...)
	}
	return b
}

// appendNumber appends a number as news prints them: a count, a year or a
// percentage.
func appendNumber(r *rng, b []byte) []byte {
	switch r.intn(3) {
	case 0:
		return strconv.AppendInt(b, int64(r.between(2, 999)), 10)
	case 1:
		return strconv.AppendInt(b, int64(r.between(1990, 2024)), 10)
	}
	b = strconv.AppendInt(b, int64(r.between(1, 99)), 10)
	b = append(b, '.')
	return strconv.AppendInt(b, int64(r.intn(10)), 10)
}

// fields counts the words of a name.
func fields(s string) int { return strings.Count(s, " ") + 1 }
