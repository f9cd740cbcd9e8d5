package searcher

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/sagasu-search/sagasu/entity"
	"github.com/sagasu-search/sagasu/namedict"
	"github.com/sagasu-search/sagasu/queryplan"
)

// newQuerySearcher indexes testdata/queries.json (Toyota, Honda, Nissan,
// Ishiba, Takaichi and other companies and people, in English and
// Japanese) with the entities the production extractor finds.
func newQuerySearcher(t *testing.T) *Searcher {
	t.Helper()
	x := entity.NewExtractor(entity.Default(), entity.Discover(namedict.Default()))
	return New(annotatedFixture(t, x, "testdata/queries.json"), x)
}

// queryCase is a query as people type it, and what it must find.
type queryCase struct {
	q     string
	req   Request  // options beside the query: NoTypos, Prefix
	want  []string // every hit, as a set
	first []string // the hits that rank before the others, as a set
}

func TestQueriesAsTyped(t *testing.T) {
	s := newQuerySearcher(t)
	for _, tt := range queryCases {
		t.Run(tt.q, func(t *testing.T) {
			r := tt.req
			r.Query, r.Size = tt.q, 50
			res, err := s.Search(context.Background(), r)
			if err != nil {
				t.Fatal(err)
			}
			got := ids(res)
			if !sameSet(got, tt.want) {
				t.Errorf("hits %q, want %q", got, tt.want)
			}
			if len(got) >= len(tt.first) && !sameSet(got[:len(tt.first)], tt.first) {
				t.Errorf("first hits %q, want %q first", got[:len(tt.first)], tt.first)
			}
		})
	}
}

var (
	noTypos = Request{NoTypos: true}
	typing  = Request{Prefix: true}
)

// queryCases: q1 Toyota and Honda (q2 in Japanese), q3 q22 Toyota, q4 Honda,
// q18 Honda with Toyota in the body, q15 Sony with Toyota in the body, q5
// Honda and Nissan, q6 Nissan, q7 Ishiba and Takaichi (q8 in Japanese), q9
// q24 Takaichi (q24 in Japanese), q10 Ishiba, q11 Panasonic, q12
// Mitsubishi Electric, q13 q21 q23 semiconductors and chips in Kumamoto,
// q14 2nm, q16 Fumio Kishida, q17 Fumio Nakamura and Yuko Kishida, q19
// electric vehicles, q20 an election.
var queryCases = []queryCase{
	// Two companies or two people typed together: both, in any script.
	{q: "toyota honda", want: []string{"q1", "q2", "q18"}},
	{q: "Toyota Honda", want: []string{"q1", "q2", "q18"}},
	{q: "TOYOTA HONDA", want: []string{"q1", "q2", "q18"}},
	{q: "honda toyota", want: []string{"q1", "q2", "q18"}},
	{q: "toyota honda", req: noTypos, want: []string{"q1", "q2", "q18"}},
	{q: "ishiba takaichi", want: []string{"q7", "q8"}},
	{q: "Ishiba Takaichi", want: []string{"q7", "q8"}},
	{q: "Ishiba and Takaichi", want: []string{"q7", "q8"}},
	{q: "Ishiba AND Takaichi", want: []string{"q7", "q8"}},
	{q: "ishiba takaichi ldp", want: []string{"q7", "q8"}},
	{q: "石破 高市", want: []string{"q7", "q8"}},
	{q: "トヨタ ホンダ", want: []string{"q1", "q2", "q18"}},
	{q: "トヨタ Honda", want: []string{"q1", "q2", "q18"}},
	{q: "honda nissan", want: []string{"q5"}},
	{q: "takaichi washington", want: []string{"q9", "q24"}},
	{q: "高市 Washington", want: []string{"q9", "q24"}},
	// One entity, any script.
	{q: "toyota", want: []string{"q1", "q2", "q3", "q15", "q18", "q22"}},
	{q: "Toyota", want: []string{"q1", "q2", "q3", "q15", "q18", "q22"}},
	{q: "トヨタ", want: []string{"q1", "q2", "q3", "q15", "q18", "q22"}, first: []string{"q2"}},
	{q: "高市早苗", want: []string{"q7", "q8", "q9", "q24"}},
	{q: "Sanae Takaichi", want: []string{"q7", "q8", "q9", "q24"}},
	{q: `"Sanae Takaichi"`, want: []string{"q7", "q8", "q9", "q24"}},
	{q: `"Honda Motor"`, want: []string{"q1", "q2", "q4", "q5", "q18"}, first: []string{"q1"}},
	{q: "Toyota battery", want: []string{"q1", "q22"}},
	{q: "toyota 電池", want: []string{"q2"}},
	{q: "Mitsubishi Electric", want: []string{"q12"}},
	{q: "semiconductor factories", want: []string{"q13"}},
	// A name adds matches: the words apart match too, after the name.
	{q: "Fumio Kishida", want: []string{"q16", "q17"}, first: []string{"q16"}},
	{q: "Kishida Fumio", want: []string{"q16", "q17"}, first: []string{"q16"}},
	{q: `"Fumio Kishida"`, want: []string{"q16"}},
	// Operators.
	{q: "Honda AND Nissan", want: []string{"q5"}},
	{q: "+Nissan +Honda", want: []string{"q5"}},
	{q: "Nissan NOT Honda", want: []string{"q6"}},
	{q: "Nissan -Honda", want: []string{"q6"}},
	{q: "Honda -Nissan -Toyota", want: []string{"q4"}},
	{q: "Ishiba -石破", want: nil},
	{q: "nissan OR panasonic", want: []string{"q5", "q6", "q11"}},
	{q: "title:Nissan", want: []string{"q5", "q6"}},
	{q: `title:"merger talks"`, want: []string{"q5"}},
	{q: "title:トヨタ", want: []string{"q1", "q2", "q3", "q22"}},
	{q: "body:Toyota", want: []string{"q1", "q2", "q3", "q15", "q18", "q22"}},
	{q: `body:"snap election"`, want: []string{"q10"}},
	{q: "source:Reuters toyota", want: []string{"q1", "q3", "q22"}},
	{q: "source:AP honda", want: []string{"q4", "q18"}},
	{q: "source:Kyodo", want: []string{"q7", "q8", "q9", "q16", "q20", "q24"}},
	{q: "lang:ja", want: []string{"q2", "q8", "q21", "q24"}},
	{q: "lang:ja toyota", want: []string{"q2"}},
	{q: "-lang:en takaichi", want: []string{"q8", "q24"}},
	{q: "person:Takaichi", want: []string{"q7", "q8", "q9", "q24"}},
	{q: "person:高市早苗", want: []string{"q7", "q8", "q9", "q24"}},
	{q: "organization:Toyota", want: []string{"q1", "q2", "q3", "q15", "q18", "q22"}},
	{q: "org:Honda", want: []string{"q1", "q2", "q4", "q5", "q18"}},
	{q: "org:トヨタ", want: []string{"q1", "q2", "q3", "q15", "q18", "q22"}},
	{q: "place:Kumamoto", want: []string{"q13", "q21", "q23"}},
	{q: "semicond*", want: []string{"q12", "q13"}},
	{q: "Semicond*", want: []string{"q12", "q13"}},
	{q: "elect*", want: []string{"q10", "q11", "q12", "q19", "q20"}},
	{q: "kuma*", want: []string{"q13", "q21", "q23"}},
	{q: "batt* plant", want: []string{"q1", "q11", "q22"}},
	{q: `"chip plant"`, want: []string{"q23"}, req: noTypos},
	{q: `"chip plant"~1`, want: []string{"q23"}},
	{q: `"battery plant"`, want: []string{"q1", "q11", "q22"}},
	// Typos: found by default, exact spellings first; not with typos=false.
	{q: "Panasonnic", want: []string{"q11"}},
	{q: "Panasonnic", req: noTypos, want: nil},
	{q: "Mitsubshi", want: []string{"q12"}},
	{q: "Mitsubshi", req: noTypos, want: nil},
	{q: "Takaichii", want: []string{"q7", "q8", "q9", "q24"}},
	{q: "Ishibba", want: []string{"q7", "q8", "q10"}},
	{q: "Nisan", want: []string{"q5", "q6"}},
	{q: "Nisan", req: noTypos, want: nil},
	{q: "semiconductr", want: []string{"q12", "q13"}},
	{q: "Nissan OR Panasonnic", want: []string{"q5", "q6", "q11"}},
	{q: "Nissan OR Panasonnic", req: noTypos, want: []string{"q5", "q6"}},
	{q: "Panasonnic~", req: noTypos, want: []string{"q11"}},
	{q: "Nisan~1", req: noTypos, want: []string{"q5", "q6"}},
	{q: "electric", req: noTypos, want: []string{"q11", "q12", "q19"}},
	// electric (electr) finds articles as typed: elect, one edit away but
	// no commoner, is not added.
	{q: "electric", want: []string{"q11", "q12", "q19"}},
	// Numbers are never fuzzy.
	{q: "2026", want: []string{"q22"}},
	{q: "2nm", want: []string{"q14"}},
	{q: "2025", want: nil},
	// Search as you type: the last word is also a prefix.
	{q: "gover", want: nil},
	{q: "gover", req: typing, want: []string{"q20"}},
	{q: "Toyota Hond", req: typing, want: []string{"q1", "q2", "q18"}},
	{q: "Toyota Hond", want: nil},
	{q: "Honda scoot", req: typing, want: []string{"q4"}},
}

// TestQueryErrors: Lucene syntax that Sagasu does not support is refused
// with a message that says what to type, never read as words.
func TestQueryErrors(t *testing.T) {
	s := newQuerySearcher(t)
	for _, tt := range []struct{ q, want string }{
		{"Takaichi AND", "AND needs a term on each side"},
		{"Nissan NOT", "NOT needs a term after it"},
		{"company:Toyota", `unknown field "company"`},
		{"Toyota^2", "boosts (^) are not supported"},
		{"/toyo.a/", "regular expressions are not supported"},
		{"published:[2024 TO 2025]", `unknown field "published"`},
		{"[2024 TO 2025]", "ranges [a TO b] are not supported"},
		{"to*ta", "* is only a prefix at the end of a word"},
		{"t*", "a prefix needs at least 2 letters"},
		{"toyota~3", "word~ takes 1 or 2 edits"},
		{`"chip plant"~x`, "a phrase's ~ takes a number"},
		{"honda && nissan", "&& is not supported: write AND"},
		{"honda || nissan", "|| is not supported: write OR"},
	} {
		_, err := s.Search(context.Background(), Request{Query: tt.q})
		var qe *queryplan.QueryError
		if !errors.As(err, &qe) || !strings.Contains(qe.Msg, tt.want) {
			t.Errorf("%s: error %v, want a QueryError saying %q", tt.q, err, tt.want)
		}
	}
}

// TestQueriesAsTypedHighlights: the words a near spelling or a prefix
// found are marked as written.
func TestQueriesAsTypedHighlights(t *testing.T) {
	s := newQuerySearcher(t)
	for _, tt := range []struct {
		q    string
		req  Request
		id   string
		want string
	}{
		{"Panasonnic", Request{}, "q11", "<mark>Panasonic</mark> opened"},
		{"Takaichii", Request{}, "q24", "<mark>高市</mark>"},
		{"gover", typing, "q20", "new <mark>governor</mark>"},
		{"semicond*", Request{}, "q13", "for <mark>semiconductor</mark> factories"},
		{`"chip plant"~1`, Request{}, "q23", "<mark>chip</mark> assembly <mark>plant</mark>"},
		{"title:Nissan", Request{}, "q5", "Honda and Nissan ended"},
	} {
		r := tt.req
		r.Query, r.Size = tt.q, 50
		res, err := s.Search(context.Background(), r)
		if err != nil {
			t.Fatalf("%s: %v", tt.q, err)
		}
		i := slices.IndexFunc(res.Hits, func(h Hit) bool { return h.ID == tt.id })
		if i < 0 {
			t.Errorf("%s: %s not found", tt.q, tt.id)
			continue
		}
		if body := strings.Join(res.Hits[i].Snippets.Body, " "); !strings.Contains(body, tt.want) {
			t.Errorf("%s: snippet %q, want it to contain %q", tt.q, body, tt.want)
		}
	}
}
