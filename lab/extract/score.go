// Package extract measures article extraction from HTML pages on the
// Scrapinghub article-extraction-benchmark (github.com/scrapinghub/
// article-extraction-benchmark, MIT licence): Sagasu's extractor
// (corpus/htmlpage) beside go-trafilatura's and go-readability's defaults,
// scored exactly as the benchmark scores (Score).
package extract

import (
	"regexp"
	"slices"
	"strings"
)

// tokenRe is the benchmark's token: a run of Unicode letters, numbers and _.
var tokenRe = regexp.MustCompile(`[\p{L}\p{N}_]+`)

// Tokens returns the benchmark's tokens of s, case kept.
func Tokens(s string) []string { return tokenRe.FindAllString(s, -1) }

// shingles returns the multiset of 4-token shingles of tokens; a text of
// one to three tokens is one shingle of them all, no tokens none.
func shingles(tokens []string) map[string]int {
	out := map[string]int{}
	switch {
	case len(tokens) == 0:
	case len(tokens) < 4:
		out[strings.Join(tokens, "\x00")]++
	default:
		for i := 0; i+4 <= len(tokens); i++ {
			out[strings.Join(tokens[i:i+4], "\x00")]++
		}
	}
	return out
}

// PageScore is one page's counts and measures.
type PageScore struct {
	// ID is the page's id; empty when scored outside a run.
	ID                string
	TP, FP, FN        int
	Precision, Recall float64
	// Exact says whether the prediction's tokens equal the gold's.
	Exact bool
}

// ScorePage compares a predicted article body with the gold one.
func ScorePage(gold, pred string) PageScore {
	gt, pt := Tokens(gold), Tokens(pred)
	g, p := shingles(gt), shingles(pt)
	var s PageScore
	for k, gc := range g {
		pc := p[k]
		s.TP += min(gc, pc)
		s.FN += max(0, gc-pc)
	}
	for k, pc := range p {
		s.FP += max(0, pc-g[k])
	}
	if s.FP == 0 && s.FN == 0 {
		s.Precision, s.Recall = 1, 1
	} else {
		if s.TP+s.FP > 0 {
			s.Precision = float64(s.TP) / float64(s.TP+s.FP)
		}
		if s.TP+s.FN > 0 {
			s.Recall = float64(s.TP) / float64(s.TP+s.FN)
		}
	}
	s.Exact = slices.Equal(gt, pt)
	return s
}

// Measures are the benchmark's corpus figures.
type Measures struct {
	F1        float64 `json:"f1"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	Accuracy  float64 `json:"accuracy"`
	Pages     int     `json:"pages"`
	// Predicted is how many pages had a prediction with a shingle (the
	// pages precision is averaged over).
	Predicted int `json:"predicted"`
}

// Score returns the corpus measures of page scores: precision averaged over
// pages with a predicted shingle, recall over pages with a gold shingle,
// F1 from the two, accuracy over all pages.
func Score(pages []PageScore) Measures {
	var m Measures
	var pSum, rSum float64
	var rN, exact int
	for _, s := range pages {
		if s.TP+s.FP > 0 {
			pSum += s.Precision
			m.Predicted++
		}
		if s.TP+s.FN > 0 {
			rSum += s.Recall
			rN++
		}
		if s.Exact {
			exact++
		}
	}
	m.Pages = len(pages)
	if m.Predicted > 0 {
		m.Precision = pSum / float64(m.Predicted)
	}
	if rN > 0 {
		m.Recall = rSum / float64(rN)
	}
	if m.Precision+m.Recall > 0 {
		m.F1 = 2 * m.Precision * m.Recall / (m.Precision + m.Recall)
	}
	if len(pages) > 0 {
		m.Accuracy = float64(exact) / float64(len(pages))
	}
	return m
}
