package tagger

import (
	"strings"
	"sync"

	"github.com/ikawaha/kagome-dict/uni"
	"github.com/ikawaha/kagome/v2/tokenizer"
)

// analyzer is kagome over UniDic, the morphological analyzer Sagasu's
// Japanese analysis uses, loaded as the analysis loads it: without the
// feature columns, of which the tagger reads none (the part of speech is
// kept). It is safe for concurrent use.
var analyzer = sync.OnceValue(func() *tokenizer.Tokenizer {
	t, err := tokenizer.New(uni.DictShrink(), tokenizer.OmitBosEos())
	if err != nil {
		panic("tagger: kagome with UniDic: " + err.Error()) // the dictionary is embedded
	}
	return t
})

// Where a character stands in its morpheme.
const (
	morphBegin = iota + 1
	morphInside
	morphEnd
	morphSingle
)

// analyze fills s's morpheme features of Japanese characters: for each,
// the part of speech of the UniDic morpheme it is in (UniDic's four
// levels: 名詞,固有名詞,人名,姓), of the morphemes before and after, and
// the morpheme's surface with the character's place in it.
func (s *sentence) analyze(words []string) {
	var b strings.Builder
	for _, w := range words {
		b.WriteString(w)
	}
	text := b.String()
	toks := analyzer().Tokenize(text)
	s.mpos, s.mprev, s.mnext, s.msurf, s.mplace = s.mpos[:0], s.mprev[:0], s.mnext[:0], s.msurf[:0], s.mplace[:0]
	pos, function := s.tpos[:0], s.tfunc[:0]
	for range toks {
		pos, function = append(pos, 0), append(function, false)
	}
	s.tpos, s.tfunc = pos, function
	for i, t := range toks {
		h := newHash(2)
		parts := t.POS()
		for _, p := range parts {
			h = h.str(p).byte(0)
		}
		pos[i] = uint64(h)
		function[i] = len(parts) > 0 && (parts[0] == "助詞" || parts[0] == "助動詞")
	}
	s.free = s.free[:0]
	ti, off := 0, 0
	for _, w := range words {
		for ti+1 < len(toks) && toks[ti+1].Position <= off {
			ti++
		}
		t := toks[ti]
		var place byte = morphInside
		switch first, last := off == t.Position, off+len(w) >= t.Position+len(t.Surface); {
		case first && last:
			place = morphSingle
		case first:
			place = morphBegin
		case last:
			place = morphEnd
		}
		s.mpos = append(s.mpos, pos[ti])
		s.mprev = append(s.mprev, at(pos, ti-1))
		s.mnext = append(s.mnext, at(pos, ti+1))
		s.msurf = append(s.msurf, uint64(newHash(3).str(t.Surface).byte(place)))
		s.mplace = append(s.mplace, uint64(place))
		s.free = append(s.free, !function[ti])
		off += len(w)
	}
	s.free = freePunct(s.shape, s.free)
}

// freePunct leaves out of free the Japanese punctuation marks (by class)
// that do not stand between two free characters, and returns free.
func freePunct(class []uint64, free []bool) []bool {
	for i, c := range class {
		if c != classPunct && c != classOther {
			continue
		}
		free[i] = i > 0 && i+1 < len(class) && free[i-1] && free[i+1] &&
			class[i-1] != classPunct && class[i+1] != classPunct
	}
	return free
}

// appendMorph appends the morpheme features of character i.
func (s *sentence) appendMorph(i int, keys []uint32) []uint32 {
	if len(s.mpos) <= i {
		return keys
	}
	return append(keys,
		newHash(70).u64(s.mpos[i]).key(),
		newHash(71).u64(s.mpos[i]).u64(s.mplace[i]).key(),
		newHash(72).u64(s.mprev[i]).u64(s.mpos[i]).key(),
		newHash(73).u64(s.mpos[i]).u64(s.mnext[i]).key(),
		newHash(74).u64(s.msurf[i]).key(),
		newHash(75).u64(s.mpos[i]).u64(s.low[i]).key(),
		newHash(76).u64(s.mprev[i]).key(),
		newHash(77).u64(s.mnext[i]).key(),
	)
}
