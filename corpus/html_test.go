package corpus

import (
	"bytes"
	"compress/gzip"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sagasu-search/sagasu/corpus/htmlpage"
)

// htmlFixture reads a page of corpus/htmlpage's fixtures.
func htmlFixture(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("htmlpage", "testdata", "pages", name+".html"))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestParseHTML checks the article made of a page: language, ID, URL.
func TestParseHTML(t *testing.T) {
	tests := []struct {
		name, page string
		opts       HTMLOptions
		lang, url  string
	}{
		{"english", "en-wire-markets", HTMLOptions{}, LangEnglish, "https://www.dailyledger.example/business/2024/03/05/markets-rally-rate-cut"},
		{"japanese undeclared", "ja-no-lang", HTMLOptions{ID: "kyoto-1"}, LangJapanese, "https://kyoto-times.example/culture/temple-restoration"},
		{"url given", "en-no-og", HTMLOptions{URL: "https://quietvalley.example/community/bridge-reopens"}, LangEnglish, "https://quietvalley.example/community/bridge-reopens"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, warnings, err := ParseHTML(htmlFixture(t, tt.page), tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			if a.Lang != tt.lang || a.URL != tt.url || a.Title == "" || a.Body == "" {
				t.Errorf("got lang %q url %q title %q, want lang %q url %q", a.Lang, a.URL, a.Title, tt.lang, tt.url)
			}
			if len(warnings) > 0 {
				t.Errorf("warnings %q, want none", warnings)
			}
			if tt.opts.ID != "" && a.ID != tt.opts.ID {
				t.Errorf("id %q, want %q", a.ID, tt.opts.ID)
			}
		})
	}
}

// TestWalkHTML walks a folder of good and bad HTML pages: each good page
// is one article, each bad one an error record naming the file, and the
// bad ones cost nothing else.
func TestWalkHTML(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.html", htmlFixture(t, "en-wire-markets"))
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(htmlFixture(t, "ja-weather-time"))
	zw.Close()
	write("b.htm.gz", gz.Bytes())
	garbage := make([]byte, 4096)
	rand.New(rand.NewSource(1)).Read(garbage)
	write("garbage.html", garbage)
	write("empty.html", []byte("<html><head><title></title></head><body><nav>Home</nav></body></html>"))
	write("wrong-charset.html", []byte("<html><head><meta charset=\"utf-8\"></head><body><p>"+strings.Repeat("Caf\xe9 cr\xe8me \xe0 la carte, na\xefve r\xe9sum\xe9. ", 40)+"</p></body></html>"))
	write("declared-sjis.html", bytes.Replace(htmlFixture(t, "ja-no-lang"), []byte(`<meta charset="utf-8">`), []byte(`<meta charset="shift_jis">`), 1))
	write("sjis-is-latin1.html", []byte("<html><head><meta charset=\"shift_jis\"></head><body><p>"+strings.Repeat("Caf\xe9 cr\xe8me \xe0 la carte, na\xefve r\xe9sum\xe9. ", 40)+"</p></body></html>"))
	big, err := os.Create(filepath.Join(dir, "huge.html"))
	if err != nil {
		t.Fatal(err)
	}
	if err := big.Truncate(50 << 20); err != nil {
		t.Fatal(err)
	}
	big.Close()
	got := map[string]string{}
	err = Walk([]string{dir}, func(r Record) error {
		name := filepath.Base(r.File)
		if r.Err != nil {
			got[name] = "error: " + r.Err.Error()
		} else {
			got[name] = "article: " + r.Article.Lang + strings.Join(append([]string{""}, r.Warnings...), " warning: ")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"a.html": "article: en", "b.htm.gz": "article: ja", "garbage.html": "error: html: binary data",
		"empty.html": "error: html: no article text", "wrong-charset.html": "error: html: the page declares charset utf-8",
		"huge.html":           "error: larger than",
		"declared-sjis.html":  "article: ja warning: wrong charset declaration: the page declares shift_jis in a <meta> tag, but its bytes are utf-8: read as utf-8",
		"sjis-is-latin1.html": "error: html: the page declares charset shift_jis in a <meta> tag but its bytes are not valid",
	}
	for name, prefix := range want {
		exact := strings.HasPrefix(prefix, "article: ") // an article's warnings are all given
		if exact && got[name] != prefix || !strings.HasPrefix(got[name], prefix) {
			t.Errorf("%s: %q, want %q…", name, got[name], prefix)
		}
	}
	if len(got) != len(want) {
		t.Errorf("records %v, want one for each of %d files", got, len(want))
	}
}

// TestWalkNamedHTML reads HTML files named one by one, as "sagasu index
// page.html" does: a page is an article, a gzipped page that unpacks to
// more than htmlpage.MaxPageBytes (a gzip bomb) an error, and a file that
// says .gz but is not gzip an error.
func TestWalkNamedHTML(t *testing.T) {
	dir := t.TempDir()
	var bomb bytes.Buffer
	zw := gzip.NewWriter(&bomb)
	zw.Write(bytes.Repeat([]byte("<p>a</p>"), (htmlpage.MaxPageBytes/8)+1))
	zw.Close()
	files := map[string][]byte{"page.html": htmlFixture(t, "en-wire-markets"), "bomb.html.gz": bomb.Bytes(), "fake.htm.gz": []byte("<html>not gzip</html>")}
	want := map[string]string{"page.html": "article: en", "bomb.html.gz": "error: larger than 16777216 bytes once decompressed", "fake.htm.gz": "error: gunzip:"}
	for name, data := range files {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		var got []string
		err := Walk([]string{path}, func(r Record) error {
			if r.File != path {
				t.Errorf("record names %q, want %q", r.File, path)
			}
			if r.Err != nil {
				got = append(got, "error: "+r.Err.Error())
			} else {
				got = append(got, "article: "+r.Article.Lang)
			}
			return nil
		})
		if err != nil || len(got) != 1 || !strings.HasPrefix(got[0], want[name]) {
			t.Errorf("Walk(%s): %q, %v; want one record %q…", name, got, err, want[name])
		}
	}
}
