package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode"

	"golang.org/x/text/encoding/charmap"

	"github.com/sagasu-search/sagasu/entity/tagger"
	"github.com/sagasu-search/sagasu/text"
)

// gmbTypes maps GMB's tags to the tagger's types; gpe (mostly nationality
// words, "Iraqi") is no place, as in CoNLL.
var gmbTypes = map[string]tagger.Label{"per": tagger.BPer, "org": tagger.BOrg, "geo": tagger.BLoc}

// readGMB reads the GMB extract (CSV, Windows-1252): a sentence starts at a
// row whose first column is "Sentence: N".
func readGMB(path string) ([]tagger.Example, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open GMB: %w", err)
	}
	defer f.Close()
	r := csv.NewReader(charmap.Windows1252.NewDecoder().Reader(f))
	r.FieldsPerRecord = 4
	r.LazyQuotes = true
	if _, err := r.Read(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	var out []tagger.Example
	var ex tagger.Example
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", path, err)
		}
		if rec[0] != "" && len(ex.Words) > 0 {
			out = append(out, stripTitles(ex))
			ex = tagger.Example{}
		}
		ex.Words = append(ex.Words, rec[1])
		ex.Labels = append(ex.Labels, bioLabel(rec[3], func(t string) tagger.Label { return gmbTypes[t] }))
	}
	if len(ex.Words) > 0 {
		out = append(out, stripTitles(ex))
	}
	return out, nil
}

// bioLabel reads an IOB2 tag ("B-per", "I-GPE", "O") with types mapped by
// typ to B- labels.
func bioLabel(tag string, typ func(string) tagger.Label) tagger.Label {
	prefix, t, ok := strings.Cut(tag, "-")
	if !ok {
		return tagger.O
	}
	b := typ(t)
	if prefix == "I" {
		return b.Inside()
	}
	return b
}

// moreTitles are words of titles the text package does not list as titles
// on their own ("Prime Minister", "Vice President", "Foreign Minister").
var moreTitles = map[string]bool{"prime": true, "vice": true, "foreign": true, "finance": true,
	"defense": true, "interior": true, "prince": true, "princess": true, "general": true, "gen": true,
	"colonel": true, "col": true, "lieutenant": true, "lt": true, "sergeant": true, "pope": true,
	"cardinal": true, "rev": true, "reverend": true, "sheikh": true, "ayatollah": true, "former": true}

// stripTitles takes titles out of people's names ("President Bush" → Bush),
// which GMB includes and CoNLL, like Sagasu, does not.
func stripTitles(ex tagger.Example) tagger.Example {
	for i := 0; i+1 < len(ex.Words); i++ {
		if ex.Labels[i] != tagger.BPer || ex.Labels[i+1] != tagger.IPer {
			continue
		}
		key := strings.ToLower(strings.TrimSuffix(ex.Words[i], "."))
		if text.IsTitleWord(key) || moreTitles[key] {
			ex.Labels[i], ex.Labels[i+1] = tagger.O, tagger.BPer
		}
	}
	return ex
}

// wikiTypes maps the Japanese Wikipedia set's types; facilities (施設名)
// are not places.
var wikiTypes = map[string]tagger.Label{"人名": tagger.BPer, "法人名": tagger.BOrg,
	"政治的組織名": tagger.BOrg, "その他の組織名": tagger.BOrg, "地名": tagger.BLoc}

// readWikipedia reads the Stockmark set: sentences with entity spans in
// characters.
func readWikipedia(path string) ([]tagger.Example, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("open Japanese Wikipedia NER: %w", err)
	}
	var recs []struct {
		Text     string `json:"text"`
		Entities []struct {
			Span [2]int `json:"span"`
			Type string `json:"type"`
		} `json:"entities"`
	}
	if err := json.Unmarshal(data, &recs); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	out := make([]tagger.Example, 0, len(recs))
	for _, r := range recs {
		chars := []rune(r.Text)
		labels := make([]tagger.Label, len(chars))
		for _, e := range r.Entities {
			b := wikiTypes[e.Type]
			if b == tagger.O || e.Span[0] < 0 || e.Span[1] > len(chars) || e.Span[0] >= e.Span[1] {
				continue
			}
			labels[e.Span[0]] = b
			for i := e.Span[0] + 1; i < e.Span[1]; i++ {
				labels[i] = b.Inside()
			}
		}
		out = append(out, characters(chars, labels))
	}
	return out, nil
}

// characters makes an example of Japanese characters, leaving out spaces
// as the tagger does.
func characters(chars []rune, labels []tagger.Label) tagger.Example {
	var ex tagger.Example
	for i, c := range chars {
		if unicode.IsSpace(c) || c == '\u3000' {
			if i+1 < len(chars) && labels[i] != tagger.O && labels[i]%2 == 1 {
				labels[i+1] = labels[i] // a name that began with a space begins after it
			}
			continue
		}
		ex.Words = append(ex.Words, string(c))
		ex.Labels = append(ex.Labels, labels[i])
	}
	return ex
}

// gsdTypes maps UD Japanese-GSD's types; GPE and LOC are places.
var gsdTypes = map[string]tagger.Label{"PERSON": tagger.BPer, "ORG": tagger.BOrg,
	"GPE": tagger.BLoc, "LOC": tagger.BLoc}

// readGSD reads a GSD .bio file (token TAB tag, a blank line after each
// sentence) into character examples.
func readGSD(path string) ([]tagger.Example, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open GSD: %w", err)
	}
	defer f.Close()
	var out []tagger.Example
	var chars []rune
	var labels []tagger.Label
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		tokText, tag, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			if len(chars) > 0 {
				out = append(out, characters(chars, labels))
			}
			chars, labels = nil, nil
			continue
		}
		l := bioLabel(tag, func(t string) tagger.Label { return gsdTypes[t] })
		for i, c := range []rune(tokText) {
			chars = append(chars, c)
			labels = append(labels, map[bool]tagger.Label{true: l, false: l.Inside()}[i == 0])
		}
	}
	if len(chars) > 0 {
		out = append(out, characters(chars, labels))
	}
	return out, sc.Err()
}
