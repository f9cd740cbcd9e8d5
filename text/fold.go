package text

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// FoldLatin returns s with the diacritics of Latin letters removed:
// "Shinzō", "Shinzô" → "Shinzo", "café" → "cafe", "ﬁ" → "fi". It
// decomposes s (NFKD), drops the combining marks that follow a Latin base
// letter and recomposes the rest (NFC). Marks on other scripts stay: kana
// keep their voicing marks (が stays が), because there the mark changes the
// sound. Case is kept. When s has no non-ASCII Latin letter, combining
// mark or Latin ligature, s itself is returned.
func FoldLatin(s string) string {
	for _, r := range s {
		if isFoldable(r) {
			return string(foldDecomposed(norm.NFKD.String(s)))
		}
	}
	return s
}

// FoldLatinBytes is FoldLatin for the bytes of a token, as the analyzer's
// fold filter needs it. It returns term itself, without allocating, when
// nothing folds, and otherwise a new slice: term is never written to.
func FoldLatinBytes(term []byte) []byte {
	for i := 0; i < len(term); {
		if term[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(term[i:])
		if isFoldable(r) {
			return foldDecomposed(string(norm.NFKD.Bytes(term)))
		}
		i += size
	}
	return term
}

// isFoldable reports whether FoldLatin may change r: a non-ASCII letter of
// the Latin script, a combining mark, or a Latin ligature (ﬀ–ﬆ).
func isFoldable(r rune) bool {
	return r >= utf8.RuneSelf && (unicode.Is(unicode.Latin, r) || unicode.Is(unicode.Mn, r) || isLigature(r))
}

// isLigature reports whether r is one of the Latin presentation forms
// (ﬁ, ﬂ, …, U+FB00–U+FB06) that NFKD spells out.
func isLigature(r rune) bool { return r >= 0xFB00 && r <= 0xFB06 }

// foldDecomposed drops the combining marks of decomposed text that follow
// a Latin base letter and returns the rest recomposed (NFC).
func foldDecomposed(decomposed string) []byte {
	out := make([]byte, 0, len(decomposed))
	prevLatin := false
	for _, r := range decomposed {
		if unicode.Is(unicode.Mn, r) {
			if prevLatin {
				continue
			}
		} else {
			prevLatin = r < utf8.RuneSelf || unicode.Is(unicode.Latin, r)
		}
		out = utf8.AppendRune(out, r)
	}
	return norm.NFC.Bytes(out)
}
