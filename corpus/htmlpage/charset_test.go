package htmlpage

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"
)

// TestCharsetWarnings checks that a page whose bytes contradict the
// charset it declares is read in the charset its bytes are, with a
// warning naming both, and that a contradiction no encoding resolves is
// an error.
func TestCharsetWarnings(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "pages", "ja-weather-time.html"))
	if err != nil {
		t.Fatal(err)
	}
	const decl = `<meta charset="utf-8">`
	redeclare := func(page []byte, to string) []byte { return bytes.Replace(page, []byte(decl), []byte(to), 1) }
	sjis, err := encoding.HTMLEscapeUnsupported(japanese.ShiftJIS.NewEncoder()).Bytes(redeclare(raw, `<meta charset="euc-jp">`))
	if err != nil {
		t.Fatal(err)
	}
	latin1 := []byte("<html><head><meta charset=\"shift_jis\"></head><body><p>" + strings.Repeat("Caf\xe9 cr\xe8me \xe0 la carte, na\xefve r\xe9sum\xe9. ", 40) + "</p></body></html>")
	tests := []struct {
		name, contentType string
		page              []byte
		encoding, warning string // warning "" for none; encoding "" for an error holding warning
	}{
		{"utf-8 declared shift_jis in meta", "", redeclare(raw, `<meta charset="Shift_JIS">`), "utf-8", "declares shift_jis in a <meta> tag, but its bytes are utf-8: read as utf-8"},
		{"utf-8 declared shift_jis in http-equiv", "", redeclare(raw, `<meta http-equiv="Content-Type" content="text/html; charset=shift_jis">`), "utf-8", "declares shift_jis in a <meta> tag"},
		{"utf-8 declared shift_jis in the header", "text/html; charset=Shift_JIS", redeclare(raw, ""), "utf-8", "declares shift_jis in its Content-Type, but its bytes are utf-8"},
		{"shift_jis declared euc-jp", "", sjis, "shift_jis", "declares euc-jp in a <meta> tag, but its bytes are shift_jis"},
		{"utf-8 declared utf-8", "", raw, "utf-8", ""},
		{"utf-8 declared nothing", "", redeclare(raw, ""), "utf-8", ""},
		{"utf-8 header, meta shift_jis", "text/html; charset=utf-8", redeclare(raw, `<meta charset="shift_jis">`), "utf-8", ""},
		{"latin-1 declared shift_jis", "", latin1, "", "not valid shift_jis"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Extract(tt.page, Options{ContentType: tt.contentType})
			if tt.encoding == "" {
				if err == nil || !strings.Contains(err.Error(), tt.warning) {
					t.Fatalf("err %v, want one holding %q", err, tt.warning)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if p.Encoding != tt.encoding || !strings.Contains(p.Body, "気象庁は暴風や高波") {
				t.Errorf("read as %s, body %q; want %s and the article", p.Encoding, p.Body, tt.encoding)
			}
			switch {
			case tt.warning == "" && len(p.Warnings) > 0:
				t.Errorf("warnings %q, want none", p.Warnings)
			case tt.warning != "" && (len(p.Warnings) != 1 || !strings.Contains(p.Warnings[0], tt.warning)):
				t.Errorf("warnings %q, want one holding %q", p.Warnings, tt.warning)
			}
		})
	}
}
