package entity

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sagasu-search/sagasu/corpus"
	"github.com/sagasu-search/sagasu/entity/tagger"
	sagasutext "github.com/sagasu-search/sagasu/text"
)

// Tagger makes the extractor add the people, organizations and places a
// trained tagger finds (tagger.Default() in production) where the
// gazetteer and discovery found nothing: the rules win wherever they
// overlap it, and a tagged name the gazetteer knows takes its canonical
// name. Title-cased English headlines are not tagged.
func Tagger(t *tagger.Tagger) Option {
	return func(x *Extractor) { x.tagger = t }
}

// withTagged adds to the rules' candidates cs (in text order) the
// tagger's entities in text that overlap none of them or swallow those
// they overlap (see swallows), in text order.
func (x *Extractor) withTagged(text string, headline bool, cs []candidate) []candidate {
	if x.tagger == nil || text == "" || headline && !sagasutext.HasJapanese(text) {
		return cs
	}
	spans := x.tagger.Tag(text)
	if len(spans) == 0 {
		return cs
	}
	out := make([]candidate, 0, len(cs)+len(spans))
	j := 0
	for _, sp := range spans {
		if !sp.Sure || x.ignored(text, sp) {
			continue
		}
		for j < len(cs) && cs[j].start < sp.Start {
			out = append(out, cs[j])
			j++
		}
		c, n, ok := x.placeTagged(text, sp, cs, j, out)
		if ok {
			out = append(out, c)
			j += n
		}
	}
	return append(out, cs[j:]...)
}

// placeTagged returns the candidate a sure tagged span sp of text adds
// after out, the candidates before it, with how many of cs[j:], the
// rules' candidates after, it replaces (see swallows); ok is false when
// it adds none: it overlaps a candidate it does not swallow, is no
// evidence (taggedCandidate) or is a surname of no one (samePerson).
func (x *Extractor) placeTagged(text string, sp tagger.Span, cs []candidate, j int, out []candidate) (candidate, int, bool) {
	span := candidate{start: sp.Start, end: sp.End}
	if (overlapsAny(out, span) || overlapsAny(cs[j:], span)) && !sagasutext.HasJapanese(text[sp.Start:sp.End]) {
		return candidate{}, 0, false // the rules win (only Japanese swallows)
	}
	c, ok := x.taggedCandidate(text, sp)
	if !ok {
		return candidate{}, 0, false
	}
	n := swallows(text, c, cs[j:])
	if n == 0 && (overlapsAny(out, c) || overlapsAny(cs[j:], c)) {
		return candidate{}, 0, false
	}
	c, ok = x.samePerson(text, c, cs, out)
	return c, n, ok
}

// samePerson resolves a tagged person to the person found before in the
// same text that it names (sameEntity), or drops a bare surname (see
// surnameOf); other candidates are returned as they are.
func (x *Extractor) samePerson(text string, c candidate, cs, out []candidate) (candidate, bool) {
	if e := sameEntity(c.ent, cs, out); e.Name != c.ent.Name {
		c.ent = e
		return c, true
	}
	return x.surnameOf(text, c, cs, out)
}

// sameEntity returns the person found before in the same text (in cs or
// out) whose name has all the words of a tagged person's name ("Hayashi",
// "Hayashi Yoshimasa" after "Yoshimasa Hayashi"), or e itself.
func sameEntity(e Entity, cs, out []candidate) Entity {
	if e.Type != corpus.TypePerson {
		return e
	}
	words := strings.Fields(strings.ToLower(e.Name))
	for _, list := range [][]candidate{cs, out} {
		for _, c := range list {
			if c.ent.Type != corpus.TypePerson || c.ent.Name == e.Name {
				continue
			}
			have := strings.Fields(strings.ToLower(c.ent.Name))
			if len(have) > len(words) && !slices.ContainsFunc(words, func(w string) bool { return !slices.Contains(have, w) }) {
				return c.ent
			}
			if len(have) == len(words) && len(words) > 1 && sameWords(have, words) {
				return c.ent
			}
		}
	}
	return e
}

// surnameOf resolves a tagged entity that is a bare surname of the name
// lexicon and nothing the extractor knows (河野, "Kato"; the tagger may
// call it a place or an organization too): to a person found in the same
// text whose name as written begins or, in Latin letters, ends with it
// (河野 of 河野太郎, "Kuroda" of "Haruhiko Kuroda"). A person that no one
// found is then dropped (ok false), since a surname alone names no one in
// particular; places and organizations are kept. Other candidates are
// returned as they are.
func (x *Extractor) surnameOf(text string, c candidate, cs, out []candidate) (candidate, bool) {
	written := text[c.start:c.end]
	if x.lex == nil || c.ent.Name != written || !x.isSurname(written) {
		return c, true
	}
	for _, list := range [][]candidate{cs, out} {
		for _, p := range list {
			w := text[p.start:p.end]
			if p.ent.Type == corpus.TypePerson && len(w) > len(written) &&
				(strings.HasPrefix(w, written) || strings.HasSuffix(w, " "+written)) {
				c.ent = p.ent
				return c, true
			}
		}
	}
	return c, c.ent.Type != corpus.TypePerson
}

// isSurname reports whether name, as written, is a surname of the name
// lexicon: in kanji or kana, or one romanized word.
func (x *Extractor) isSurname(name string) bool {
	if sagasutext.HasJapanese(name) {
		return len(x.lex.SurnameReadings(name)) > 0
	}
	return !strings.ContainsAny(name, " -") && x.lex.IsSurname(name)
}

// sameWords reports whether a and b hold the same words in any order.
func sameWords(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// ignored reports whether the span sp of text lies in one of the
// gazetteer's ignore phrases ("Nikkei slips" is the stock index, not the
// newspaper), compared ignoring case.
func (x *Extractor) ignored(text string, sp tagger.Span) bool {
	for _, p := range x.g.ignore {
		for i := max(0, sp.End-len(p)); i <= sp.Start && i+len(p) <= len(text); i++ {
			if strings.EqualFold(text[i:i+len(p)], p) {
				return true
			}
		}
	}
	return false
}

// overlapsAny reports whether the candidate t overlaps one of cs.
func overlapsAny(cs []candidate, t candidate) bool {
	for _, c := range cs {
		if c.start < t.end && t.start < c.end {
			return true
		}
	}
	return false
}

// swallows returns how many of cs, the rules' candidates in text order
// from the first that starts at or after the tagged candidate t of text,
// t replaces. Japanese writes a name inside a longer one without a space,
// where the rules find the shorter: t, written in Japanese, replaces the
// shorter candidates it covers when t is an organization and they are
// places in its name (広島 of 広島県議会, 韓国 of 韓国軍), or t a person and
// they people the rules cut short (吉田圭 of 吉田圭佑). It returns 0 when t
// overlaps a candidate it does not so cover, or none, and in English,
// where the rules' words are the text's. It is narrower than outranks,
// by which discovery replaces gazetteer names: a tagged place keeps the
// places inside it (広島 in a tagged 広島県 stays Hiroshima, the
// gazetteer's canonical name; measured: news fixtures' places P 0.991 →
// 0.955 otherwise).
func swallows(text string, t candidate, cs []candidate) int {
	if !sagasutext.HasJapanese(text[t.start:t.end]) {
		return 0
	}
	inner := corpus.TypePlace
	switch t.ent.Type {
	case corpus.TypePerson:
		inner = corpus.TypePerson
	case corpus.TypePlace:
		return 0
	}
	n := 0
	for _, c := range cs {
		if c.start >= t.end {
			break
		}
		if !inside(c, t) || c.ent.Type != inner {
			return 0
		}
		n++
	}
	return n
}

// taggedCandidate names the entity a tagged span sp of text names: the
// entity the extractor knows by that name (Lookup: the gazetteer, and the
// name lexicon for Japanese people), else the name as written with its
// spaces collapsed. Spans that are weak evidence are left out (see
// plausible); a Japanese person's title (知事, 選手) is cut off.
func (x *Extractor) taggedCandidate(text string, sp tagger.Span) (candidate, bool) {
	sp, ok := plausible(text, sp, x.tagger.IsWord)
	if !ok {
		return candidate{}, false
	}
	if sp.Type == corpus.TypePerson {
		sp.End = withoutTitle(text, sp)
	}
	name := strings.Join(strings.Fields(text[sp.Start:sp.End]), " ")
	ent := Entity{Type: sp.Type, Name: name}
	if e, ok := x.Lookup(sp.Type, name); ok {
		ent = e
	}
	return candidate{ent: ent, start: sp.Start, end: sp.End, tagged: true}, true
}

// withoutTypeClashes returns cs without the people the tagger added whose
// name is also, in the same article, the name of an organization or place
// ("Nissan said …" beside "Nissan Motor's Nissan"): one name keeps one
// sense in a text, and the tagger is least sure of its people. On the
// training data's held-out tenth, the tagger's people whose name it also
// tags as another type nearby are right less often than its other people
// (see printConflicts in gen/nermodel). cs keeps its order.
func withoutTypeClashes(cs []candidate) []candidate {
	other := map[string]bool{}
	for _, c := range cs {
		if c.ent.Type == corpus.TypeOrganization || c.ent.Type == corpus.TypePlace {
			other[strings.ToLower(c.ent.Name)] = true
		}
	}
	if len(other) == 0 {
		return cs
	}
	return slices.DeleteFunc(cs, func(c candidate) bool {
		return c.tagged && c.ent.Type == corpus.TypePerson && other[strings.ToLower(c.ent.Name)]
	})
}

// withoutTitle returns the end of a tagged person's span sp of text
// without the Japanese title it ends with (岸田首相), or with the start of a
// title the text goes on with (野田元 of 野田元首相), leaving two characters
// or more.
func withoutTitle(text string, sp tagger.Span) int {
	name := text[sp.Start:sp.End]
	for _, suf := range sagasutext.JapaneseNameSuffixes() {
		for k := len(suf); k > 0; k-- {
			if k < len(suf) && !utf8.RuneStart(suf[k]) {
				continue // not a character boundary of suf
			}
			head, tail := suf[:k], suf[k:]
			if strings.HasSuffix(name, head) && strings.HasPrefix(text[sp.End:], tail) &&
				utf8.RuneCountInString(name[:len(name)-len(head)]) >= 2 {
				return sp.End - len(head)
			}
		}
	}
	return sp.End
}

// plausible reports whether a tagged span is evidence enough, and returns
// it without a leading article or title ("The", "Prime Minister"). It
// takes two characters or more; in English, capitalized words outside a
// title-cased heading line (see inHeading; isWord tells the dictionary's
// lower-case words), not only titles, not a two-letter acronym ("AI") or
// a plural one ("GPUs"), an organization of one dictionary word ("Bank",
// "Cabinet"), and a person or organization of one word at the
// start of a sentence only when the text also capitalizes it elsewhere,
// when it stands in Japanese text ("FBIが"), or, for a person, when it is
// no dictionary word ("Duran , 45 , takes on …" but not "Analysts
// said"); places such as "Chile and Mexico …" are kept.
// In Japanese,
// no piece of a katakana or Latin word ("ダル" of ダルビッシュ) and no
// span starting with a mark that starts no word (ー, ッ, ・).
func plausible(text string, sp tagger.Span, isWord func(string) bool) (tagger.Span, bool) {
	name := text[sp.Start:sp.End]
	if utf8.RuneCountInString(name) < 2 {
		return sp, false
	}
	if sagasutext.HasJapanese(name) {
		return sp, plausibleJapanese(text, sp)
	}
	for {
		word, rest, ok := strings.Cut(text[sp.Start:sp.End], " ")
		if !ok || !isTitleOrArticle(strings.ToLower(strings.TrimSuffix(word, "."))) {
			break
		}
		sp.Start = sp.End - len(rest)
	}
	name = text[sp.Start:sp.End]
	first, _ := utf8.DecodeRuneInString(name)
	switch {
	case !unicode.IsUpper(first), inHeading(text, sp.Start, isWord):
		return sp, false
	case strings.ContainsAny(name, " -"):
		return sp, true
	case isTitleOrArticle(strings.ToLower(strings.TrimSuffix(name, "."))),
		sp.Type == corpus.TypeOrganization && strings.ToUpper(name) != name && isWord(name):
		return sp, false
	case strings.ToUpper(name) == name && len(name) <= 2,
		strings.HasSuffix(name, "s") && strings.ToUpper(name[:len(name)-1]) == name[:len(name)-1]:
		return sp, false
	}
	return sp, sp.Type == corpus.TypePlace || !sentenceStart(text, sp.Start) || capitalizedElsewhere(text, name) ||
		sp.Type == corpus.TypePerson && !isWord(name) || inJapanese(text, sp)
}

// inJapanese reports whether the span sp of text touches Japanese script,
// as a Latin name in a Japanese sentence does ("FBIが…", "KGBの文書"):
// its capitals are its own, not a sentence's.
func inJapanese(text string, sp tagger.Span) bool {
	before, _ := utf8.DecodeLastRuneInString(text[:sp.Start])
	after, _ := utf8.DecodeRuneInString(text[sp.End:])
	return sagasutext.IsJapaneseScript(before) || sagasutext.IsJapaneseScript(after)
}

// isTitleOrArticle reports whether key, a lower-case word, is "the" or a
// title or part of one ("president", "prime").
func isTitleOrArticle(key string) bool {
	return key == "the" || key == "prime" || key == "vice" || sagasutext.IsTitleWord(key)
}

// plausibleJapanese is plausible for a span of Japanese text.
func plausibleJapanese(text string, sp tagger.Span) bool {
	first, _ := utf8.DecodeRuneInString(text[sp.Start:])
	last, _ := utf8.DecodeLastRuneInString(text[:sp.End])
	before, _ := utf8.DecodeLastRuneInString(text[:sp.Start])
	after, _ := utf8.DecodeRuneInString(text[sp.End:])
	switch {
	case sagasutext.IsLongVowelMark(first) || sagasutext.IsMiddleDot(first) || first == 'ッ' || first == 'っ':
		return false
	case sameWordClass(before, first) || sameWordClass(last, after):
		return false
	}
	return true
}

// inHeading reports whether the line holding byte i of text is a
// title-cased heading: no sentence punctuation at its end, every word of
// four letters or more capitalized, and at least two of those and half of
// them dictionary words ("Markets Rally As Fed Cuts Rates", not the line
// of names "Wood , Loren Roberts , Steve Stricker , Brian Claar" of a
// results table).
func inHeading(text string, i int, isWord func(string) bool) bool {
	start := strings.LastIndexByte(text[:i], '\n') + 1
	end := strings.IndexByte(text[i:], '\n')
	if end < 0 {
		end = len(text)
	} else {
		end += i
	}
	line := strings.TrimSpace(text[start:end])
	if line == "" || strings.ContainsAny(line[len(line)-1:], ".?!\"”") {
		return false
	}
	long, words := 0, 0
	for _, w := range strings.Fields(line) {
		r, _ := utf8.DecodeRuneInString(w)
		if utf8.RuneCountInString(w) < 4 {
			continue
		}
		if unicode.IsLower(r) {
			return false
		}
		long++
		if isWord(w) {
			words++
		}
	}
	return words >= 2 && 2*words >= long
}

// sentenceStart reports whether byte i of text starts a sentence: only
// spaces, quotes or brackets stand between it and the text's or line's
// start or a sentence's final punctuation.
func sentenceStart(text string, i int) bool {
	before := strings.TrimRight(text[:i], " \t\"“‘'(")
	if before == "" {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(before)
	return r == '.' || r == '?' || r == '!' || r == '\n' || r == ':'
}

// capitalizedElsewhere reports whether word stands capitalized in text as
// a whole word somewhere not at a sentence's start.
func capitalizedElsewhere(text, word string) bool {
	for from := 0; ; {
		i := strings.Index(text[from:], word)
		if i < 0 {
			return false
		}
		i += from
		end := i + len(word)
		after, _ := utf8.DecodeRuneInString(text[end:])
		before, _ := utf8.DecodeLastRuneInString(text[:i])
		if !unicode.IsLetter(after) && !unicode.IsLetter(before) && !sentenceStart(text, i) {
			return true
		}
		from = end
	}
}

// sameWordClass reports whether a and b are both katakana or both Latin
// letters: a name does not end between them.
func sameWordClass(a, b rune) bool {
	kana := func(r rune) bool { return sagasutext.IsKatakanaWordRune(r) }
	latin := func(r rune) bool { return r < 0x2E80 && unicode.IsLetter(r) }
	return kana(a) && kana(b) || latin(a) && latin(b)
}
