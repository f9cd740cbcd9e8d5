package searcher

import (
	"context"
	"fmt"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/sagasu-search/sagasu/indexer"
	"github.com/sagasu-search/sagasu/searcher/score"
	"github.com/sagasu-search/sagasu/searcher/suggest"
)

// suggestion is the corrected query ("did you mean") for r, which found
// nothing: "" when no word could be corrected or the correction finds
// nothing either.
func (s *Searcher) suggestion(ctx context.Context, r Request, a analysis.Analyzer) (string, error) {
	readers, closeAll, err := s.readers()
	if err != nil {
		return "", fmt.Errorf("suggest for %q: %w", r.Query, err)
	}
	defer closeAll()
	dict := &dictionary{readers: readers, bleve: s.index.Bleve(), analyzer: a}
	q, changed, err := suggest.New(dict, dict.terms).Suggest(ctx, r.Query)
	if err != nil || !changed {
		return "", err
	}
	r.Query = q
	res, err := s.find(ctx, r)
	if err != nil || res.Total == 0 {
		return "", err
	}
	return q, nil
}

// suggestFields are the fields whose words a suggestion may use.
var suggestFields = []string{indexer.FieldTitle, indexer.FieldBody}

// dictionary is the index as package suggest sees it: the words of the
// title and body fields, over every shard.
type dictionary struct {
	readers  []index.IndexReader // one per shard
	bleve    bleve.Index
	analyzer analysis.Analyzer
}

// terms is the index's analysis of one word.
func (d *dictionary) terms(word string) []string {
	var out []string
	for _, t := range d.analyzer.Analyze([]byte(word)) {
		out = append(out, string(t.Term))
	}
	return out
}

// Freq is the number of articles holding term in their title or body (the
// larger of the two counts, each summed over the shards).
func (d *dictionary) Freq(ctx context.Context, term string) (uint64, error) {
	var most uint64
	for _, f := range suggestFields {
		var n uint64
		for _, r := range d.readers {
			c, err := score.DocFreq(ctx, r, []string{term}, f)
			if err != nil {
				return 0, err
			}
			n += c
		}
		most = max(most, n)
	}
	return most, nil
}

// Near lists the title and body terms within edits of term.
func (d *dictionary) Near(ctx context.Context, term string, edits int) ([]suggest.Candidate, error) {
	found := map[string]suggest.Candidate{}
	for _, r := range d.readers {
		fuzzy, ok := r.(index.IndexReaderFuzzy)
		if !ok {
			continue
		}
		for _, f := range suggestFields {
			if err := nearIn(ctx, fuzzy, f, term, edits, found); err != nil {
				return nil, err
			}
		}
	}
	out := make([]suggest.Candidate, 0, len(found))
	for _, c := range found {
		// A fuzzy dictionary's entries carry no counts: ask for them.
		n, err := d.Freq(ctx, c.Term)
		if err != nil {
			return nil, err
		}
		c.Freq = n
		out = append(out, c)
	}
	return out, nil
}

// nearIn adds to found the terms of field within edits of term.
func nearIn(ctx context.Context, r index.IndexReaderFuzzy, field, term string, edits int, found map[string]suggest.Candidate) error {
	dict, err := r.FieldDictFuzzy(field, term, edits, "")
	if err != nil {
		return fmt.Errorf("terms near %q in %s: %w", term, field, err)
	}
	defer dict.Close()
	for {
		e, err := dict.Next()
		if err != nil {
			return fmt.Errorf("terms near %q in %s: %w", term, field, err)
		}
		if e == nil || ctx.Err() != nil {
			return ctx.Err()
		}
		if e.Term == term {
			continue
		}
		found[e.Term] = suggest.Candidate{Term: e.Term, Edits: int(e.EditDistance)}
	}
}

// Surface is term as the first article holding it writes it: the text of
// the token that analyzes to term.
func (d *dictionary) Surface(ctx context.Context, term string) (string, error) {
	for _, f := range []string{indexer.FieldBody, indexer.FieldTitle} {
		tq := query.NewTermQuery(term)
		tq.SetField(f)
		req := bleve.NewSearchRequestOptions(tq, 1, 0, false)
		req.Fields = []string{f}
		res, err := d.bleve.SearchInContext(ctx, req)
		if err != nil {
			return "", fmt.Errorf("how articles write %q: %w", term, err)
		}
		if len(res.Hits) == 0 {
			continue
		}
		text, _ := res.Hits[0].Fields[f].(string)
		if w := d.tokenText(text, term); w != "" {
			return w, nil
		}
	}
	return "", nil
}

// tokenText is the text of text's first token that analyzes to term.
func (d *dictionary) tokenText(text, term string) string {
	for _, t := range d.analyzer.Analyze([]byte(text)) {
		if string(t.Term) == term && t.End <= len(text) {
			return strings.TrimSpace(text[t.Start:t.End])
		}
	}
	return ""
}
