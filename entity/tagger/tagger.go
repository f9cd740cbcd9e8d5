package tagger

import (
	"bytes"
	_ "embed"
	"sync"
)

//go:embed en.model.gz
var enModel []byte

//go:embed ja.model.gz
var jaModel []byte

// Span is an entity the tagger finds: its corpus type, its span and its
// margin.
type Span struct {
	Type       string // corpus.TypePerson, TypeOrganization or TypePlace
	Start, End int    // byte span in the text (Tag), or word span in the sentence (Model.Entities)
	// Margin is how much lower the best labelling of the sentence scores
	// when none of the span's words may have its type: the model's
	// confidence in the entity, in its scaled units (compare margins of one
	// model only).
	Margin int32
	// Sure is whether the margin reaches the model's threshold for the
	// type (see minMargins).
	Sure bool
}

// minMargins are the margins below which an entity is not Sure, by
// language and B- label. Each is chosen by cross-validation on the
// training data (go run ./gen/nermodel -cv 10 in entity/tagger, which
// trains on nine tenths and prints the held-out tenth's precision and
// recall above quantiles of the margins): the highest quantile threshold
// that costs the held-out tenth at most 0.001 F1 of its type, as printed
// to three places. The thresholds are those of the nine-tenths models; a
// read-only table, to be chosen again when the models are retrained.
var minMargins = [...][nLabels]int32{
	English:  {BPer: 2799, BOrg: 2203, BLoc: 1753},
	Japanese: {BPer: 21422, BOrg: 3318, BLoc: 14187},
}

// Tagger tags English and Japanese text with one model each. It is safe
// for concurrent use.
type Tagger struct {
	en, ja *Model
	pool   sync.Pool // of *work
}

// work is what one call of Tag reuses from the last.
type work struct {
	s     sentence
	toks  []tok
	words []string
}

// New returns a tagger of the two models.
func New(en, ja *Model) *Tagger {
	return &Tagger{en: en, ja: ja, pool: sync.Pool{New: func() any { return new(work) }}}
}

// Default returns the tagger of the embedded models, read on first use.
var Default = sync.OnceValue(func() *Tagger {
	en, err := Read(bytes.NewReader(enModel))
	if err != nil {
		panic("tagger: embedded English model: " + err.Error()) // generated and tested
	}
	ja, err := Read(bytes.NewReader(jaModel))
	if err != nil {
		panic("tagger: embedded Japanese model: " + err.Error())
	}
	return New(en, ja)
})

// Tag returns the entities in text, in text order. Text that is mostly
// kanji and kana is read by the Japanese model, other text by the English.
func (t *Tagger) Tag(text string) []Span {
	m := t.en
	if isJapaneseText(text) {
		m = t.ja
	}
	wk := t.pool.Get().(*work)
	defer t.pool.Put(wk)
	var out []Span
	wk.toks = sentences(text, m.lang == Japanese, wk.toks, func(toks []tok) {
		wk.words = wk.words[:0]
		for _, tk := range toks {
			wk.words = append(wk.words, text[tk.start:tk.end])
		}
		wk.s.reset(m.lang, &m.lex, wk.words, false)
		m.decode(&wk.s)
		first := len(out)
		out = m.appendEntities(out, &wk.s)
		for i := first; i < len(out); i++ {
			out[i].Start, out[i].End = toks[out[i].Start].start, toks[out[i].End-1].end
		}
	})
	return out
}

// Entities returns the entities of a sentence of words (English words, or
// Japanese characters one per string) with their word spans and margins.
func (m *Model) Entities(words []string) []Span {
	var s sentence
	s.reset(m.lang, &m.lex, words, false)
	m.decode(&s)
	return m.appendEntities(nil, &s)
}

// appendEntities appends the entities that s.out, the labels decode chose,
// marks on s's words, as word spans with their margins.
func (m *Model) appendEntities(out []Span, s *sentence) []Span {
	first, open := len(out), -1
	for i, l := range s.out {
		if open >= 0 && (l == O || l%2 == 1 || l.Type() != out[open].Type) {
			open = -1
		}
		if l == O {
			continue
		}
		if open < 0 {
			out = append(out, Span{Type: l.Type(), Start: i})
			open = len(out) - 1
		}
		out[open].End = i + 1
	}
	if len(out) == first {
		return out
	}
	var best int32
	s.alpha, s.beta, best = maxMarginals(s.sc, s.free, &m.trans, s.alpha, s.beta)
	for i := first; i < len(out); i++ {
		sp := &out[i]
		sp.Margin = best - bestWithout(s.sc, s.free, s.alpha, s.beta, &m.trans, sp.Start, sp.End, Begin(sp.Type))
		sp.Sure = sp.Margin >= minMargins[m.lang][Begin(sp.Type)]
	}
	return out
}

// IsWord reports whether the English model's dictionary lists word in
// lower case, as a common word ("markets", "fine"), not only as a name
// ("Kishida", "Paris"). The case of word does not matter.
func (t *Tagger) IsWord(word string) bool {
	return t.en.lex.has(English, LexWord, word)
}
