package synth

import (
	"strconv"
	"sync"
	"time"
	"unicode/utf8"
)

// outlet is a made-up news outlet; its host is under .example (RFC 2606),
// so no URL of the corpus points anywhere.
type outlet struct{ name, host string }

// The outlets, most popular first: sixteen English, four Japanese.
var (
	enOutlets = []outlet{
		{"Meridian Wire", "meridianwire.example"},
		{"The Pacific Ledger", "pacificledger.example"},
		{"Eastern Standard", "easternstandard.example"},
		{"The Daily Compass", "dailycompass.example"},
		{"Northgate Post", "northgatepost.example"},
		{"Harborview Herald", "harborviewherald.example"},
		{"Summit Business Review", "summitbusiness.example"},
		{"The Civic Observer", "civicobserver.example"},
		{"Lantern News", "lanternnews.example"},
		{"Bayline Tribune", "baylinetribune.example"},
		{"Cedar Street Journal", "cedarstreetjournal.example"},
		{"Atlas Financial News", "atlasfinancial.example"},
		{"The Morning Signal", "morningsignal.example"},
		{"Crossroads Gazette", "crossroadsgazette.example"},
		{"Tidewater Times", "tidewatertimes.example"},
		{"Keystone Report", "keystonereport.example"},
	}
	jaOutlets = []outlet{
		{"東都新聞", "toto-shimbun.example"},
		{"みなと日報", "minato-nippo.example"},
		{"北光新報", "hokko-shimpo.example"},
		{"経済ジャーナル東西", "keizai-tozai.example"},
	}
	outletZipf = sync.OnceValues(func() (*zipf, *zipf) { return newZipf(len(enOutlets)), newZipf(len(jaOutlets)) })
)

// pickOutlet draws an outlet of the article's language by Zipf's law.
func pickOutlet(r *rng, ja bool) outlet {
	en, jz := outletZipf()
	if ja {
		return jaOutlets[jz.draw(r)]
	}
	return enOutlets[en.draw(r)]
}

// Outlets returns the names of the corpus's news outlets, English ones
// first, each group most popular first.
func Outlets() []string {
	var out []string
	for _, o := range append(append([]outlet(nil), enOutlets...), jaOutlets...) {
		out = append(out, o.name)
	}
	return out
}

// appendLine appends the article of d as one line of JSON.
func appendLine(b []byte, d *draft) []byte {
	b = append(b, `{"id":"`...)
	b = appendID(b, d.n)
	b = append(b, `","title":`...)
	b = appendJSONString(b, d.title)
	b = append(b, `,"body":`...)
	b = appendJSONString(b, d.body)
	b = append(b, `,"published":"`...)
	b = time.Unix(d.published, 0).UTC().AppendFormat(b, time.RFC3339)
	b = append(b, `","source":`...)
	b = appendJSONString(b, []byte(d.outlet.name))
	b = append(b, `,"url":"`...)
	b = appendURL(b, d)
	b = append(b, `","lang":"`...)
	b = append(b, d.lang()...)
	return append(b, "\"}\n"...)
}

// appendID appends the ID of article n: syn-000000123.
func appendID(b []byte, n int) []byte {
	b = append(b, "syn-"...)
	for p := 100000000; p > 1 && n < p; p /= 10 {
		b = append(b, '0')
	}
	return strconv.AppendInt(b, int64(n), 10)
}

// appendURL appends the article's URL:
// https://www.meridianwire.example/2019/03/04/syn-000000123.
func appendURL(b []byte, d *draft) []byte {
	b = append(b, "https://www."...)
	b = append(b, d.outlet.host...)
	b = append(b, '/')
	b = time.Unix(d.published, 0).UTC().AppendFormat(b, "2006/01/02")
	b = append(b, '/')
	return appendID(b, d.n)
}

const hexDigits = "0123456789abcdef"

// appendJSONString appends s as a JSON string. s must be valid UTF-8 (the
// generator's text is); quotes, backslashes and control characters are
// escaped, nothing else.
func appendJSONString(b, s []byte) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' {
			continue
		}
		b = append(b, s[start:i]...)
		switch c {
		case '"', '\\':
			b = append(b, '\\', c)
		case '\n':
			b = append(b, '\\', 'n')
		case '\t':
			b = append(b, '\\', 't')
		default:
			b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
		}
		start = i + 1
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// runeCount is utf8.RuneCount, named for what it measures here: a Japanese
// text's length in characters.
func runeCount(b []byte) int { return utf8.RuneCount(b) }
