package analysis

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/ikawaha/kagome/v2/tokenizer"

	"github.com/sagasu-search/sagasu/namedict"
	sagasutext "github.com/sagasu-search/sagasu/text"
)

// appendUnlisted adds a Japanese name that the name lexicon recognizes by
// its structure (namedict.Lexicon.NameAt) but does not list: the surname
// and the given name, each with every plausible reading at its position
// (岸 kishi, 信夫 nobuo shinobu …, at most namedict.MaxReadings
// combinations), most common first, so that any of them matches a romaji
// query and a phrase still needs both words.
func appendUnlisted(out analysis.TokenStream, lex *namedict.Lexicon, name, surname string, start, pos int) (analysis.TokenStream, int) {
	family, givens := lex.Readings(surname, name[len(surname):], namedict.MaxReadings)
	parts := []struct {
		written  string
		readings []string
	}{{surname, family}, {name[len(surname):], givens}}
	for _, part := range parts {
		pos++
		end := start + len(part.written)
		out = append(out, &analysis.Token{Term: []byte(part.written), Start: start, End: end, Position: pos,
			Type: analysis.Ideographic})
		for _, r := range part.readings {
			out = append(out, &analysis.Token{Term: []byte(r), Start: start, End: end, Position: pos,
				Type: analysis.AlphaNumeric})
		}
		start = end
	}
	return out, pos
}

// linkRomajiNames lets a romanized Japanese name written given name first
// ("… minister Yasushi Kaneko said") match as a phrase in the other order
// too, the order of a Japanese name and its readings (金子|kaneko
// 恭之|yasushi): the surname is also indexed at the position before the
// given name, so that "kaneko yasushi" matches there. A name is two
// capitalized Latin words at adjacent positions that the name lexicon
// reads as a given name and a surname. Both words still have to match;
// nothing is added for a name at the very start of the text, since a
// position before it would lengthen a query typed as that name.
func linkRomajiNames(input []byte, toks analysis.TokenStream) analysis.TokenStream {
	var lex *namedict.Lexicon
	var out analysis.TokenStream
	first := firstAtPositions(toks)
	for i, tok := range toks {
		if j := first.at(tok.Position + 1); j >= 0 && first.at(tok.Position) == i && tok.Position > 1 &&
			isCapitalized(input, tok) && isCapitalized(input, toks[j]) {
			if lex == nil {
				lex = namedict.Default()
			}
			if lex.IsGivenName(string(tok.Term)) && lex.IsSurname(withoutPossessive(string(toks[j].Term))) {
				if out == nil {
					out = append(make(analysis.TokenStream, 0, len(toks)+4), toks[:i]...)
				}
				s := *toks[j]
				s.Term, s.Position = append([]byte(nil), s.Term...), tok.Position-1
				out = append(out, &s)
			}
		}
		if out != nil {
			out = append(out, tok)
		}
	}
	if out == nil {
		return toks
	}
	return out
}

// firstTokens maps a position to the index in a token stream of its first
// token, -1 for a position no token has.
type firstTokens []int32

// firstAtPositions returns the index of the first token at each position
// of toks. Positions are small (at most a few more than the tokens), so a
// slice indexed by position does what a map would, without hashing: the
// map this replaced was 3% of ingest CPU and 6% of its allocations.
func firstAtPositions(toks analysis.TokenStream) firstTokens {
	maxPos := 0
	for _, tok := range toks {
		maxPos = max(maxPos, tok.Position)
	}
	first := make(firstTokens, maxPos+1)
	for i := range first {
		first[i] = -1
	}
	for i, tok := range toks {
		if tok.Position >= 0 && first[tok.Position] < 0 {
			first[tok.Position] = int32(i)
		}
	}
	return first
}

// at returns the index of the first token at position pos, -1 for none.
func (f firstTokens) at(pos int) int {
	if pos < 0 || pos >= len(f) {
		return -1
	}
	return int(f[pos])
}

// isCapitalized reports whether tok is a Latin word whose first letter, as
// written in input, is a capital.
func isCapitalized(input []byte, tok *analysis.Token) bool {
	if tok.Type != analysis.AlphaNumeric || tok.Start >= len(input) {
		return false
	}
	r, _ := utf8.DecodeRune(input[tok.Start:])
	return unicode.IsUpper(r) && !sagasutext.IsJapanese(r)
}

// withoutPossessive drops a final 's or ’s (Kishida's → Kishida).
func withoutPossessive(word string) string {
	for _, suffix := range []string{"'s", "’s", "'S", "’S"} {
		if w, ok := strings.CutSuffix(word, suffix); ok {
			return w
		}
	}
	return word
}

// personReadings returns, by morpheme index, the name lexicon's plausible
// readings of a surname and given name that UniDic tags as a person's
// (人名,姓 then 人名,名: 岸 | 信夫 in 岸信夫と会った, with no cue), so that
// such a name, too, matches any of its readings; nil when there is none.
func personReadings(ms []tokenizer.Token) map[int][]string {
	var out map[int][]string
	for k := 0; k+1 < len(ms); k++ {
		if !isPersonPart(ms[k], "姓") || !isPersonPart(ms[k+1], "名") {
			continue
		}
		family, givens := namedict.Default().Readings(ms[k].Surface, ms[k+1].Surface, namedict.MaxReadings)
		if family == nil {
			continue
		}
		if out == nil {
			out = map[int][]string{}
		}
		out[k], out[k+1] = family, givens
	}
	return out
}

// isPersonPart reports whether UniDic tags m as part of a person's name,
// a surname (姓) or a given name (名).
func isPersonPart(m tokenizer.Token, part string) bool {
	pos := m.POS()
	return len(pos) > 3 && pos[2] == "人名" && pos[3] == part
}
