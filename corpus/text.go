package corpus

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// bom is the UTF-8 byte order mark that some editors put at the start of a file.
const bom = "\uFEFF"

// checkInput reports whether text can be read at all: valid UTF-8 without
// NUL bytes.
func checkInput(text string) error {
	if i := invalidUTF8At(text); i >= 0 {
		return fmt.Errorf("invalid UTF-8 at byte %d", i)
	}
	if i := strings.IndexByte(text, 0); i >= 0 {
		return fmt.Errorf("NUL byte at byte %d", i)
	}
	return nil
}

// invalidUTF8At returns the byte offset of the first invalid UTF-8
// sequence in s, or -1 when s is valid UTF-8.
func invalidUTF8At(s string) int {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return i
			}
		}
	}
	return -1
}

// normalizeNewlines drops a leading byte order mark and turns CRLF and
// lone CR line ends into LF.
func normalizeNewlines(s string) string {
	s = strings.TrimPrefix(s, bom)
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// collapseSpace trims s and replaces each run of white space, line ends
// included, with one space.
func collapseSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
