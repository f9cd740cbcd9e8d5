package groonga

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/sagasu-search/sagasu/lab/peer"
)

// Query turns text a user typed into a Groonga query (the query syntax of
// select's --query), or "" when nothing in it can be searched for: Any of
// its pieces.
//
// Its pieces are the runs of letters and numbers (Unicode categories L and
// N; combining marks, category M, stay inside a run but do not start one);
// everything else, punctuation, quotes, symbols and spaces, only separates
// pieces. Each piece is double-quoted, so that OR, a leading - or +, a
// trailing *, parentheses or "column:" are searched for rather than read as
// syntax, and the quoted pieces are joined with " OR ", repeats kept: a
// document matches when it has any piece (Groonga's own default would be
// AND, which empties most verbose natural-language queries). A quoted
// piece is a phrase of the tokenizer's tokens: a whole word for English
// text, a substring (as bigrams, or as morphemes with TokenMecab) for
// Japanese text without punctuation.
//
// For example, `what's (the) "effect" OR -of AND: near/5?` becomes
// "what" OR "s" OR "the" OR "effect" OR "OR" OR "of" OR "AND" OR "near"
// OR "5".
func Query(text string) string { return Any(peer.Pieces(text)) }

// Any matches a document with any of words: each quoted, joined with OR.
func Any(words []string) string { return peer.JoinQuoted(words, " OR ", quote) }

// All matches a document with every one of words: each quoted, joined by
// spaces (Groonga ANDs them).
func All(words []string) string { return peer.JoinQuoted(words, " ", quote) }

// Phrase matches a document with words in this order, adjacent: one
// quoted string.
func Phrase(words []string) string { return quote(strings.Join(words, " ")) }

// quote makes s a string of the query syntax: in double quotes, with
// backslash and double quote escaped.
func quote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// EntityFilter is the --filter that keeps documents whose entity column
// typ holds name.
func EntityFilter(typ, name string) string { return typ + " @ " + quote(name) }

// Select is a select over Docs, matched against title and body with the
// server's scorer. Empty fields are left to Groonga's defaults.
type Select struct {
	Query         string // the --query (see Query, Any, All, Phrase)
	QueryFlags    string
	Filter        string // as EntityFilter
	OutputColumns string
	SortKeys      string
	Offset, Limit int
	// Drilldowns are columns to count the values of, each labelled with
	// its name, the top DrilldownLimit by count.
	Drilldowns     []string
	DrilldownLimit int
}

// Params returns the parameters of sel's select command.
func (s *Server) Params(sel Select) url.Values {
	columns := "title || body"
	if s.opts.Scorer == TFIDF {
		columns = "scorer_tf_idf(title) || scorer_tf_idf(body)"
	}
	v := url.Values{"table": {"Docs"}, "match_columns": {columns}, "query": {sel.Query},
		"offset": {strconv.Itoa(sel.Offset)}, "limit": {strconv.Itoa(sel.Limit)}}
	for name, value := range map[string]string{"query_flags": sel.QueryFlags, "filter": sel.Filter,
		"output_columns": sel.OutputColumns, "sort_keys": sel.SortKeys} {
		if value != "" {
			v.Set(name, value)
		}
	}
	for _, f := range sel.Drilldowns {
		label := "drilldowns[" + f + "]."
		v.Set(label+"keys", f)
		v.Set(label+"sort_keys", "-_nsubrecs,_key")
		v.Set(label+"limit", strconv.Itoa(sel.DrilldownLimit))
		v.Set(label+"output_columns", "_key,_nsubrecs")
	}
	return v
}

// Path is the HTTP request of sel: /d/select?….
func (s *Server) Path(sel Select) string { return "/d/select?" + s.Params(sel).Encode() }

// Ranked returns the keys of at most k documents that match Query(text),
// best score first, ties in load order. A query without a usable word, or
// any query before BuildIndexes, finds nothing.
func (s *Server) Ranked(ctx context.Context, text string, k int) ([]string, error) {
	query := Query(text)
	if query == "" || k <= 0 || !s.indexed.Load() {
		return nil, nil
	}
	sel := Select{Query: query, QueryFlags: "NONE", OutputColumns: "_key", SortKeys: "-_score,_id", Limit: k}
	body, err := s.Call(ctx, "select", s.Params(sel), nil)
	if err != nil {
		return nil, fmt.Errorf("groonga: search %q: %w", text, err)
	}
	// [[[hits], [[column, type]...], [key], [key]...]]
	var result [][]json.RawMessage
	if err := json.Unmarshal(body, &result); err != nil || len(result) == 0 || len(result[0]) < 2 {
		return nil, fmt.Errorf("groonga: search %q: unexpected response %.200s", text, body)
	}
	rows := result[0][2:]
	ids := make([]string, 0, len(rows))
	for _, r := range rows {
		var row []string
		if err := json.Unmarshal(r, &row); err != nil || len(row) != 1 {
			return nil, fmt.Errorf("groonga: search %q: unexpected row %.200s", text, r)
		}
		ids = append(ids, row[0])
	}
	return ids, nil
}

// Total reads the hit count of an HTTP answer to a select:
// [[header], [[[N], …], {…}]].
func Total(body []byte) (int, error) {
	var resp []json.RawMessage
	if err := json.Unmarshal(body, &resp); err != nil || len(resp) < 2 {
		return 0, fmt.Errorf("not a select answer: %.200s", body)
	}
	var result []json.RawMessage // the hits, then the drilldowns
	if err := json.Unmarshal(resp[1], &result); err != nil || len(result) == 0 {
		return 0, fmt.Errorf("not a select answer: %.200s", body)
	}
	var hits []json.RawMessage // [N], the columns, the rows
	if err := json.Unmarshal(result[0], &hits); err != nil || len(hits) == 0 {
		return 0, fmt.Errorf("not a select answer: %.200s", body)
	}
	var n []int
	if err := json.Unmarshal(hits[0], &n); err != nil || len(n) != 1 {
		return 0, fmt.Errorf("no hit count in %.200s", body)
	}
	return n[0], nil
}
