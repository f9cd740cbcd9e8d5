package htmlpage

import (
	"bytes"
	"fmt"
	"mime"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/transform"

	sagasutext "github.com/sagasu-search/sagasu/text"
)

// maxBadRatio is the share of undecodable characters (U+FFFD produced by
// decoding) or control characters above which a page is not text in the
// encoding tried.
const maxBadRatio = 0.01

// japaneseEncodings are tried, in order, on a page whose bytes are not
// what it declares, or that declares nothing and is not UTF-8.
var japaneseEncodings = []struct {
	name string
	enc  encoding.Encoding
}{
	{"iso-2022-jp", japanese.ISO2022JP},
	{"shift_jis", japanese.ShiftJIS},
	{"euc-jp", japanese.EUCJP},
}

// Decode returns data as UTF-8 and the name of the encoding it was read
// in. The encoding is the one named by a byte order mark, contentType's
// charset, or the page's <meta charset> or http-equiv (see
// charset.DetermineEncoding). A declaration the bytes contradict is not
// trusted: a page that is valid UTF-8 is read as UTF-8, and a page that
// is not is tried as ISO-2022-JP, Shift_JIS and EUC-JP. Data that is no
// text in any of these (binary, or a wrong declaration no fallback fits)
// is an error.
func Decode(data []byte, contentType string) ([]byte, string, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	enc, name, certain := charset.DetermineEncoding(data, contentType)
	name = strings.ToLower(name)
	valid := utf8.Valid(data)
	iso2022 := !hasNonASCII(data) && bytes.Contains(data, []byte("\x1b$"))
	switch {
	case iso2022:
		out, err := decodeWith(data, japanese.ISO2022JP)
		return out, "iso-2022-jp", err
	case valid && (name == "utf-8" || !certain || hasNonASCII(data)):
		if err := checkText(string(data)); err != nil {
			return nil, "", err
		}
		return data, "utf-8", nil
	case name == "utf-8":
		return sniffJapanese(data, name)
	case !certain:
		if out, n, err := sniffJapanese(data, ""); err == nil {
			return out, n, nil
		}
	}
	out, err := decodeWith(data, enc)
	if err != nil {
		if certain {
			return sniffJapanese(data, name)
		}
		if declared, where := declaredCharset(data, ""); declared != "" {
			return nil, "", fmt.Errorf("the page declares charset %s in %s but its bytes are not valid %s, nor UTF-8, Shift_JIS, EUC-JP or ISO-2022-JP", declared, where, declared)
		}
		return nil, "", fmt.Errorf("%w (read as %s)", err, name)
	}
	return out, name, nil
}

// sniffJapanese decodes data with the first Japanese encoding it is text
// in; declared names what the page declared, for the error.
func sniffJapanese(data []byte, declared string) ([]byte, string, error) {
	for _, j := range japaneseEncodings {
		if j.name == "iso-2022-jp" && !bytes.Contains(data, []byte("\x1b$")) {
			continue
		}
		if out, err := decodeWith(data, j.enc); err == nil && hasKana(out) {
			return out, j.name, nil
		}
	}
	if declared != "" {
		return nil, "", fmt.Errorf("the page declares charset %s but its bytes are not valid %s, nor Shift_JIS, EUC-JP or ISO-2022-JP", declared, declared)
	}
	return nil, "", fmt.Errorf("not text: the bytes are not UTF-8, Shift_JIS, EUC-JP or ISO-2022-JP")
}

// decodeWith decodes data with enc and checks that the result is text.
func decodeWith(data []byte, enc encoding.Encoding) ([]byte, error) {
	out, _, err := transform.Bytes(enc.NewDecoder(), data)
	if err != nil {
		return nil, fmt.Errorf("decode: %w", err)
	}
	if err := checkText(string(out)); err != nil {
		return nil, err
	}
	return out, nil
}

// checkText refuses text with too many replacement or control characters:
// binary data, or bytes read in the wrong encoding.
func checkText(s string) error {
	var n, bad int
	for _, r := range s {
		n++
		if r == utf8.RuneError || r == 0 || (r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f') {
			bad++
		}
	}
	if n == 0 {
		return fmt.Errorf("empty page")
	}
	if float64(bad) > maxBadRatio*float64(n) {
		return fmt.Errorf("binary data, not an HTML page: %d of %d characters are control or undecodable characters", bad, n)
	}
	return nil
}

// hasNonASCII reports whether data holds a byte above 0x7f.
func hasNonASCII(data []byte) bool {
	for _, b := range data {
		if b >= 0x80 {
			return true
		}
	}
	return false
}

// hasKana reports whether s holds a kana letter: text decoded in a
// Japanese encoding that holds none was most likely read in the wrong one.
func hasKana(s []byte) bool {
	return strings.IndexFunc(string(s), sagasutext.IsKanaLetter) >= 0
}

// metaCharsetRe finds the charset a <meta charset> or http-equiv
// Content-Type declares.
var metaCharsetRe = regexp.MustCompile(`(?i)<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_:.+-]+)`)

// declaredCharset returns the canonical name of the charset the page
// declares, in contentType or else in a <meta> of its first 1024 bytes
// (where browsers look), and where it was declared; "" when it declares
// none, or one with no known encoding.
func declaredCharset(data []byte, contentType string) (name, where string) {
	if _, params, err := mime.ParseMediaType(contentType); err == nil && params["charset"] != "" {
		if e, n := charset.Lookup(params["charset"]); e != nil {
			return strings.ToLower(n), "its Content-Type"
		}
	}
	if m := metaCharsetRe.FindSubmatch(data[:min(len(data), 1024)]); m != nil {
		if e, n := charset.Lookup(string(m[1])); e != nil {
			return strings.ToLower(n), "a <meta> tag"
		}
	}
	return "", ""
}

// charsetWarning says that the page was read in another charset than the
// one it declares, or "" when it was not: the bytes decided (see Decode).
func charsetWarning(data []byte, contentType, used string) string {
	declared, where := declaredCharset(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), contentType)
	if declared == "" || declared == used {
		return ""
	}
	return fmt.Sprintf("wrong charset declaration: the page declares %s in %s, but its bytes are %s: read as %s", declared, where, used, used)
}
