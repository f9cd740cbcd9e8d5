package extract

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/markusmobius/go-trafilatura"

	"github.com/sagasu-search/sagasu/corpus/htmlpage"
)

// Dir is the benchmark's folder under a data directory.
const Dir = "html/scrapinghub"

// Page is one benchmark page: its raw HTML, URL and gold article body.
type Page struct {
	ID, URL, Gold string
	HTML          []byte
}

// Extractor pulls an article body out of a page.
type Extractor struct {
	// Name is the extractor's name in reports.
	Name string
	// Extract returns the article body of page, found at pageURL.
	Extract func(page []byte, pageURL string) (string, error)
}

// Extractors are Sagasu's extractor and its peers, with their defaults.
func Extractors() []Extractor {
	return []Extractor{
		{"sagasu", func(page []byte, u string) (string, error) {
			p, err := htmlpage.Extract(page, htmlpage.Options{URL: u})
			return p.Body, err
		}},
		{"go-trafilatura", func(page []byte, u string) (string, error) {
			opts := trafilatura.Options{}
			opts.OriginalURL, _ = url.Parse(u)
			res, err := trafilatura.Extract(bytes.NewReader(page), opts)
			if err != nil {
				return "", err
			}
			return res.ContentText, nil
		}},
		{"go-readability", func(page []byte, u string) (string, error) {
			pu, _ := url.Parse(u)
			a, err := readability.FromReader(bytes.NewReader(page), pu)
			if err != nil || a.Node == nil {
				return "", err
			}
			var b strings.Builder
			err = a.RenderText(&b)
			return b.String(), err
		}},
	}
}

// Load reads the benchmark under dataDir (Dir): its ground truth and
// every page, in the order of their ids.
func Load(dataDir string) ([]Page, error) {
	dir := filepath.Join(dataDir, Dir)
	raw, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		return nil, fmt.Errorf("extract: %w", err)
	}
	var truth map[string]struct{ ArticleBody, URL string }
	if err := json.Unmarshal(raw, &truth); err != nil {
		return nil, fmt.Errorf("extract: ground-truth.json: %w", err)
	}
	pages := make([]Page, 0, len(truth))
	for id, g := range truth {
		data, err := readGzip(filepath.Join(dir, "html", id+".html.gz"))
		if err != nil {
			return nil, fmt.Errorf("extract: page %s: %w", id, err)
		}
		pages = append(pages, Page{ID: id, URL: g.URL, Gold: g.ArticleBody, HTML: data})
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].ID < pages[j].ID })
	return pages, nil
}

// readGzip reads a gzipped file whole.
func readGzip(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}

// Result is one extractor's figures on the benchmark.
type Result struct {
	Extractor string `json:"extractor"`
	Measures
	// Failed counts pages the extractor returned an error for (scored as
	// an empty prediction).
	Failed      int         `json:"failed"`
	PagesPerSec float64     `json:"pages_per_second"`
	Scores      []PageScore `json:"-"`
}

// Run scores extractor e on pages; it stops early when ctx is done.
func Run(ctx context.Context, e Extractor, pages []Page) (Result, error) {
	res := Result{Extractor: e.Name, Scores: make([]PageScore, 0, len(pages))}
	start := time.Now()
	for _, p := range pages {
		if err := ctx.Err(); err != nil {
			return res, fmt.Errorf("extract %s: %w", e.Name, err)
		}
		body, err := e.Extract(p.HTML, p.URL)
		if err != nil {
			res.Failed++
			body = ""
		}
		s := ScorePage(p.Gold, body)
		s.ID = p.ID
		res.Scores = append(res.Scores, s)
	}
	if d := time.Since(start).Seconds(); d > 0 {
		res.PagesPerSec = float64(len(pages)) / d
	}
	res.Measures = Score(res.Scores)
	return res, nil
}
