// Package text holds the character classes, folding and word lists that
// Sagasu's analysis, entity extraction, corpus reading and romanization
// share, so that each decision is written once.
//
// # Script classes
//
// Unicode assigns every character a script. The kana and kanji are in the
// Han, Hiragana and Katakana scripts (IsHan, IsHiragana, IsKatakana), but a
// few marks used in Japanese text are not, and the predicates here decide
// for each of them once:
//
//   - ー U+30FC (long vowel mark) and its half-width form ｰ U+FF70 are in
//     the Common script. IsLongVowelMark is true for both; IsKanaLetter and
//     IsJapaneseLetter count ー (it lengthens the kana before it), the
//     script predicates do not.
//   - ・ U+30FB (katakana middle dot) and ･ U+FF65 are punctuation of the
//     Common script: IsMiddleDot. Only IsJapanese, which decides where a run
//     of Japanese text ends, includes ・ (not ･), so that ジョー・バイデン
//     stays one run.
//   - 々 U+3005 (ideographic iteration mark) is Han: 佐々木 is three kanji
//     for every predicate here.
//   - 〆 U+3006 (closing mark) is in the Common script and is a kanji only
//     for IsJapanese (〆切 is one run of Japanese text).
//   - ヶ U+30F6 is Katakana; the half-width katakana ｱ–ﾝ are Katakana too,
//     while the half-width voicing marks ﾞ ﾟ U+FF9E–U+FF9F are Common
//     (IsVoicingMark, IsHalfwidthKatakana).
//
// Several predicates differ on purpose (IsJapaneseScript, IsJapaneseLetter,
// IsJapanese): each documents which caller needs it and why, since changing
// which characters a caller accepts changes that caller's output.
//
// # Folding
//
// FoldLatin and FoldLatinBytes remove the diacritics of Latin letters
// ("Shinzō" → "Shinzo") with one implementation, for strings and for the
// bytes of analysis tokens.
//
// # Word lists
//
// Titles and honorifics around a person's name are kept as distinct
// tables, one for each use: IsTitleWord, IsAbbreviatedTitle, PersonTitles,
// JapaneseNameSuffixes and IsNameAffix.
//
// The package imports only the standard library and golang.org/x/text.
package text
