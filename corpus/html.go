package corpus

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"strings"

	"github.com/sagasu-search/sagasu/corpus/htmlpage"
)

// HTMLOptions says what is known about an HTML page besides its bytes.
type HTMLOptions struct {
	// ID is the article's ID; empty for one derived from its content.
	ID string
	// URL is where the page was found; the canonical URL when the page
	// names none.
	URL string
	// ContentType is the Content-Type the page came with (its charset
	// decides the encoding), empty when unknown.
	ContentType string
}

// ParseHTML extracts the article in one HTML page (see package htmlpage):
// its main text, headline, published date, source, canonical URL and
// language (the page's own when it declares English or Japanese, else
// detected with DetectLang). The article is normalized and validated but
// for its size (see Unbounded). A page that is not text, holds no article
// text or is larger than htmlpage.MaxPageBytes is an error. The warnings
// say what was odd about a page that was read all the same (a charset
// declaration its bytes contradict: see htmlpage.Page.Warnings); the
// caller must pass them on.
func ParseHTML(data []byte, opts HTMLOptions) (Article, []string, error) {
	p, err := htmlpage.Extract(data, htmlpage.Options{ContentType: opts.ContentType, URL: opts.URL})
	if err != nil {
		return Article{}, nil, err
	}
	a := Article{ID: opts.ID, Title: p.Title, Body: p.Body, Published: p.Published, Source: p.Source, URL: p.URL}
	if lang := normalizeLang(p.Lang); lang == LangEnglish || lang == LangJapanese {
		a.Lang = lang
	}
	if a.Lang == "" || DetectLang(a.Title+"\n"+a.Body) == LangJapanese {
		a.Lang = DetectLang(a.Title + "\n" + a.Body)
	}
	a.Normalize()
	if err := a.Validate(Unbounded); err != nil {
		return Article{}, nil, fmt.Errorf("html: %w", err)
	}
	return a, p.Warnings, nil
}

// isHTMLName reports whether a file name is an HTML page's, gzipped or not.
func isHTMLName(name string) bool {
	name = strings.ToLower(strings.TrimSuffix(strings.ToLower(name), ".gz"))
	return strings.HasSuffix(name, ".html") || strings.HasSuffix(name, ".htm")
}

// html reads one HTML page, gunzipped when its name ends in .gz; the page
// (decompressed) may be at most htmlpage.MaxPageBytes.
func (w walker) html(name string) error {
	data, err := readAtMost(w.fsys, name, htmlpage.MaxPageBytes)
	if err == nil && strings.HasSuffix(strings.ToLower(name), ".gz") {
		data, err = gunzipAtMost(data, htmlpage.MaxPageBytes)
	}
	if err != nil {
		return w.fail(name, 0, err)
	}
	a, warnings, err := ParseHTML(data, HTMLOptions{})
	if err != nil {
		return w.fail(name, 0, err)
	}
	return w.fn(Record{Article: a, File: w.display(name), Warnings: warnings})
}

// gunzipAtMost decompresses gzipped data, refusing more than max bytes out.
func gunzipAtMost(data []byte, max int64) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("gunzip: %w", err)
	}
	out, err := io.ReadAll(io.LimitReader(zr, max+1))
	if err != nil {
		return nil, fmt.Errorf("gunzip: %w", err)
	}
	if int64(len(out)) > max {
		return nil, fmt.Errorf("larger than %d bytes once decompressed: not a news page", max)
	}
	return out, nil
}
