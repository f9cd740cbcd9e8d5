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

// Span is an entity the tagger finds: its corpus type and its byte span in
// the text.
type Span struct {
	Type       string // corpus.TypePerson, TypeOrganization or TypePlace
	Start, End int
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
		wk.s.reset(m.lang, &m.lex, wk.words)
		m.decode(&wk.s)
		out = appendSpans(out, toks, wk.s.out)
	})
	return out
}

// appendSpans appends the entities that labels mark on toks.
func appendSpans(out []Span, toks []tok, labels []Label) []Span {
	open := -1
	for i, l := range labels {
		if open >= 0 && (l == O || l%2 == 1 || l.Type() != out[open].Type) {
			open = -1
		}
		if l == O {
			continue
		}
		if open < 0 {
			out = append(out, Span{Type: l.Type(), Start: toks[i].start})
			open = len(out) - 1
		}
		out[open].End = toks[i].end
	}
	return out
}

// IsWord reports whether the English model's dictionary lists word in
// lower case, as a common word ("markets", "fine"), not only as a name
// ("Kishida", "Paris"). The case of word does not matter.
func (t *Tagger) IsWord(word string) bool {
	return t.en.lex.has(English, LexWord, word)
}
