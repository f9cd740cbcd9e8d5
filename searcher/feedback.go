package searcher

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/sagasu-search/sagasu/indexer"
	"github.com/sagasu-search/sagasu/queryplan"
	"github.com/sagasu-search/sagasu/searcher/score"
)

// runRelaxed runs the relaxed form of a query: as typed, or expanded by
// pseudo-relevance feedback (score.RM3) when the ranking asks for it. In
// a cluster the feedback articles come from this node's first shard, and
// shards on other nodes score the relaxed query without the expansion
// words: RM3 (off by default) is not exact there.
func (s *Searcher) runRelaxed(ctx context.Context, f *queryplan.Form, filters []query.Query, r Request) (*result, error) {
	if s.ranking.RM3.Docs <= 0 || s.ranking.RM3.Terms <= 0 {
		return s.run(ctx, f, filters, r)
	}
	q := s.buildQuery(f, filters)
	expanded, err := s.expand(ctx, q, required(f))
	if err != nil {
		return nil, fmt.Errorf("search %q: feedback: %w", r.Query, err)
	}
	res, err := s.collect(ctx, ShardQuery{Request: r, Relaxed: true, built: expanded})
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", r.Query, err)
	}
	return res, nil
}

// required counts the required groups of f: the query's words.
func required(f *queryplan.Form) int {
	n := 0
	for _, g := range f.Groups {
		if g.Kind == queryplan.Required {
			n++
		}
	}
	return n
}

// expand returns q with RM3's expansion words added as optional clauses.
// RM3 scores λ·Σ_{w∈Q} BM25(w)/|Q| + (1 − λ)·Σ_w P(w|R)·BM25(w); times
// |Q|/λ, which changes no order, that is q's own score (each of the n
// words weighing 1) plus each expansion word weighted n·(1 − λ)/λ·P(w|R).
// Unlike Anserini's, the expanded query matches only what q matches.
func (s *Searcher) expand(ctx context.Context, q query.Query, n int) (query.Query, error) {
	p := s.ranking.RM3
	req := bleve.NewSearchRequestOptions(q, p.Docs, 0, false)
	req.Fields = []string{indexer.FieldTitle, indexer.FieldBody}
	res, err := s.index.Bleve().SearchInContext(ctx, req)
	if err != nil {
		return nil, err
	}
	a, err := queryplan.IndexAnalyzer(s.index.Mapping())
	if err != nil {
		return nil, err
	}
	total := 0.0
	for _, h := range res.Hits {
		total += h.Score
	}
	model := map[string]float64{}
	for _, h := range res.Hits {
		if total <= 0 {
			break
		}
		text := fieldText(h.Fields[indexer.FieldTitle]) + "\n" + fieldText(h.Fields[indexer.FieldBody])
		addDocModel(model, a, text, h.Score/total)
	}
	λ := p.OriginalWeight
	if len(model) == 0 || λ <= 0 || λ >= 1 {
		return q, nil
	}
	words := topWords(model, p.Terms)
	clauses := make([]query.Query, 0, len(words))
	for _, w := range words {
		clauses = append(clauses, s.termQuery(w.term, float64(n)*(1-λ)/λ*w.p))
	}
	bq := bleve.NewBooleanQuery()
	bq.AddMust(q)
	bq.AddShould(score.NewSumQuery(1, clauses...))
	return bq, nil
}

// fieldText is a stored field's text ("" when it is not a string).
func fieldText(v any) string {
	s, _ := v.(string)
	return s
}

// addDocModel adds weight × P(w|d) to model for each word w of the
// article text d: its frequency over the article's length in tokens. Stop
// words (those a relaxed query drops), one-letter words and numbers count
// in the length but are not candidates.
func addDocModel(model map[string]float64, a analysis.Analyzer, text string, weight float64) {
	tokens := a.Analyze([]byte(text))
	if len(tokens) == 0 {
		return
	}
	counts := map[string]int{}
	for _, t := range tokens {
		if candidate(t, text) {
			counts[string(t.Term)]++
		}
	}
	for term, c := range counts {
		model[term] += weight * float64(c) / float64(len(tokens))
	}
}

// candidate reports whether a token may expand a query.
func candidate(t *analysis.Token, text string) bool {
	if utf8.RuneCount(t.Term) < 2 || t.Type == analysis.Numeric {
		return false
	}
	if t.Start < 0 || t.End > len(text) || t.Start >= t.End {
		return true
	}
	return !queryplan.IsStopWord(strings.ToLower(text[t.Start:t.End]))
}

// weighted is an expansion word and its probability.
type weighted struct {
	term string
	p    float64
}

// topWords returns the k likeliest words of model, best first (ties by
// the word), their probabilities normalized to sum to 1.
func topWords(model map[string]float64, k int) []weighted {
	ws := make([]weighted, 0, len(model))
	for t, p := range model {
		ws = append(ws, weighted{t, p})
	}
	sort.Slice(ws, func(i, j int) bool {
		if ws[i].p != ws[j].p {
			return ws[i].p > ws[j].p
		}
		return ws[i].term < ws[j].term
	})
	ws = ws[:min(k, len(ws))]
	sum := 0.0
	for _, w := range ws {
		sum += w.p
	}
	for i := range ws {
		ws[i].p /= sum
	}
	return ws
}
