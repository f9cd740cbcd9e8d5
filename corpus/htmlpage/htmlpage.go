// Package htmlpage extracts a news article from one raw HTML page: its
// main text, headline, published date, source, canonical URL and language.
//
// The page's bytes are decoded from their real encoding first (Shift_JIS,
// EUC-JP and ISO-2022-JP as well as UTF-8; see Decode). The main text comes
// from go-trafilatura, after news boilerplate (share bars, related stories,
// newsletter boxes, cookie banners, captions and credits) is pruned from the
// tree, and with a readability fallback when trafilatura finds too little.
// Metadata comes from meta tags, JSON-LD, <time> elements and the URL.
//
// The package knows nothing of Sagasu's Article: corpus.ParseHTML turns a
// Page into one, normalized and validated. It imports none of Sagasu's
// packages, so that corpus can use it.
package htmlpage

import (
	"bytes"
	"errors"
	"fmt"
	"time"

	"golang.org/x/net/html"
)

// MaxPageBytes is the largest page Extract reads: news pages are far
// smaller, and a larger file is refused rather than parsed.
const MaxPageBytes = 16 << 20

// Options says what is known about a page besides its bytes.
type Options struct {
	// ContentType is the page's Content-Type header, if it came with one
	// (its charset parameter decides the encoding).
	ContentType string
	// URL is where the page was found, if known: the canonical URL when
	// the page names none, and a source of a date and a host.
	URL string
}

// Page is what Extract found on a page. Empty fields were not found.
type Page struct {
	// Title is the headline.
	Title string
	// Body is the main text, paragraphs separated by blank lines.
	Body string
	// Published is when the article was published, nil when unknown.
	Published *time.Time
	// Source is the publisher's name, or the host of the URL.
	Source string
	// URL is the canonical URL.
	URL string
	// Lang is the language the page declares (a BCP 47 tag, as written).
	Lang string
	// Encoding is the name of the character encoding the page was read in.
	Encoding string
	// Warnings say what was odd about the page but did not keep its
	// article from being read: a charset declaration its bytes
	// contradict, when they are text in another encoding.
	Warnings []string
}

// ErrNoText is returned for a page with no article text.
var ErrNoText = errors.New("no article text in the page")

// Extract reads the article in one HTML page.
func Extract(data []byte, opts Options) (Page, error) {
	if len(data) > MaxPageBytes {
		return Page{}, fmt.Errorf("html: page of %d bytes is larger than %d bytes: not a news page", len(data), MaxPageBytes)
	}
	text, enc, err := Decode(data, opts.ContentType)
	if err != nil {
		return Page{}, fmt.Errorf("html: %w", err)
	}
	doc, err := html.Parse(bytes.NewReader(text))
	if err != nil {
		return Page{}, fmt.Errorf("html: parse: %w", err)
	}
	p := readMeta(doc, opts.URL)
	p.Encoding = enc
	if w := charsetWarning(data, opts.ContentType, enc); w != "" {
		p.Warnings = append(p.Warnings, w)
	}
	p.Body, err = mainText(doc, p)
	if err != nil {
		return Page{}, fmt.Errorf("html: %w", err)
	}
	if p.Body == "" {
		return Page{}, fmt.Errorf("html: %w", ErrNoText)
	}
	return p, nil
}
