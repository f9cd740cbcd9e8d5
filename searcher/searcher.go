// Package searcher answers search requests over a Sagasu index: it plans
// the query (package queryplan), translates the plan and the request's
// filters into a Bleve query scored by package score, and turns the result
// into ranked hits with highlighted snippets and facet counts.
package searcher

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/sagasu-search/sagasu/corpus"
	"github.com/sagasu-search/sagasu/entity"
	"github.com/sagasu-search/sagasu/indexer"
	"github.com/sagasu-search/sagasu/queryplan"
	"github.com/sagasu-search/sagasu/searcher/facet"
	"github.com/sagasu-search/sagasu/searcher/score"
)

// Defaults of a request and of Limits.
const (
	DefaultSize      = 10
	DefaultFacetSize = 10
	MaxSize          = 100
	MaxWindow        = 10000 // from + size
	MaxFacetSize     = 1000
	MaxQueryRunes    = 1024
	MaxEntityFilters = 20
)

// Limits bound what one request may ask for; a request beyond them is
// refused with a *RequestError naming the parameter. The zero value of a
// field means its default (MaxSize, MaxWindow, …).
type Limits struct {
	MaxSize          int // hits per page
	MaxWindow        int // from + size: how deep a page may be
	MaxFacetSize     int // values per facet, related entities, entity listings
	MaxQueryRunes    int // characters in q
	MaxEntityFilters int // entity= parameters
}

// WithDefaults returns l with its zero fields set to their defaults.
func (l Limits) WithDefaults() Limits {
	for _, f := range []struct {
		v   *int
		def int
	}{{&l.MaxSize, MaxSize}, {&l.MaxWindow, MaxWindow}, {&l.MaxFacetSize, MaxFacetSize},
		{&l.MaxQueryRunes, MaxQueryRunes}, {&l.MaxEntityFilters, MaxEntityFilters}} {
		if *f.v <= 0 {
			*f.v = f.def
		}
	}
	return l
}

// Sort orders.
const (
	SortRelevance = "relevance"
	SortDate      = "date"
)

// EntityResolver maps an entity's name or any alias to the entity;
// *entity.Gazetteer is one.
type EntityResolver interface {
	Lookup(typ, name string) (entity.Entity, bool)
}

// Searcher searches one index. It is safe for concurrent use.
type Searcher struct {
	index    *indexer.Index
	entities EntityResolver
	limits   Limits
	columns  *facet.Cache
	bm25     score.BM25
	ranking  score.Ranking
	lengths  *score.Lengths // the index's average field lengths, shared by Ranked copies
	// shards are the shards a search reaches, by number: the index's
	// own, or a cluster's (WithShards).
	shards []Shard
	// clustered says the shards are a cluster's (WithShards): the
	// answer then always says whether it is partial.
	clustered bool
}

// Option configures a Searcher.
type Option func(*Searcher)

// WithLimits sets the limits of a request (zero fields keep their defaults).
func WithLimits(l Limits) Option {
	return func(s *Searcher) { s.limits = l.WithDefaults() }
}

// New returns a Searcher over ix that resolves entity names with r (which may
// be nil: entity filters then match canonical names only).
func New(ix *indexer.Index, r EntityResolver, opts ...Option) *Searcher {
	s := &Searcher{index: ix, entities: r, limits: Limits{}.WithDefaults(), columns: facet.NewCache()}
	for _, shard := range ix.Shards() {
		s.shards = append(s.shards, newLocalShard(s, shard))
	}
	WithRanking(score.DefaultRanking())(s)
	for _, o := range opts {
		o(s)
	}
	if s.fansOut() && !s.ranking.TrueLengths {
		WithRanking(s.ranking)(s) // shards rank by true lengths, whatever the options' order
	}
	return s
}

// WithShards makes the searcher search the n shards of a cluster: shard
// i is local[i] when this process holds it (an index of one shard), else
// remote(i), which asks the nodes that hold it. The index New gets must
// be one of the local ones: it gives the mapping and the dictionary of
// suggestions. Searches then always rank by true average lengths and
// their answers say whether they are partial.
func WithShards(n int, local map[int]*indexer.Index, remote func(shard int) Shard) Option {
	return func(s *Searcher) {
		s.shards, s.clustered = make([]Shard, n), true
		for i := range n {
			if ix, ok := local[i]; ok {
				s.shards[i] = newLocalShard(s, ix)
			} else {
				s.shards[i] = remote(i)
			}
		}
	}
}

// fansOut reports whether a search runs in rounds over several shards
// (collectShards) rather than in one index.
func (s *Searcher) fansOut() bool { return s.clustered || len(s.shards) > 1 }

// LocalShard returns shard i when this process holds it: for answering
// the rounds of a search that another node of a cluster runs.
func (s *Searcher) LocalShard(i int) (Shard, bool) {
	if i < 0 || i >= len(s.shards) {
		return nil, false
	}
	l, ok := s.shards[i].(*localShard)
	return l, ok
}

// locals returns the shards this process holds.
func (s *Searcher) locals() []*localShard {
	var out []*localShard
	for _, sh := range s.shards {
		if l, ok := sh.(*localShard); ok {
			out = append(out, l)
		}
	}
	return out
}

// Limits returns the limits s enforces.
func (s *Searcher) Limits() Limits { return s.limits }

// EntityFilter restricts results to articles naming an entity.
type EntityFilter struct {
	Type string // corpus.TypePerson, TypeOrganization, TypePlace or TypeCountry
	Name string // canonical name or any alias
}

// Request is a search request. The zero values of Size and FacetSize mean
// their defaults; FacetsOnly asks for no hits.
type Request struct {
	Query     string
	Entities  []EntityFilter
	Since     *time.Time // inclusive
	Until     *time.Time // exclusive
	Lang      string
	Source    string
	Sort      string // SortRelevance (default) or SortDate
	From      int
	Size      int
	FacetSize int
	// FacetsOnly asks for the total and the facets without hits (the API's
	// size=0); Size must then be 0.
	FacetsOnly bool
	// NoTypos turns typo tolerance off: words match only as typed (the
	// API's typos=false). See queryplan.Options.Typos.
	NoTypos bool
	// Prefix makes the last word of the query also a prefix, ranked below
	// the whole word (the API's prefix=true, for search as you type).
	Prefix bool
	// SearchAfter asks for the Size hits that come after this one in the
	// listing's order (the API's search_after, a hit's cursor): deep
	// paging with no MaxWindow, and with From 0.
	SearchAfter *Cursor
}

// RequestError reports a request parameter that is out of range or
// malformed.
type RequestError struct {
	Param string // the parameter's name, as in the API
	Msg   string // what is wrong with it
}

// Error implements error.
func (e *RequestError) Error() string { return fmt.Sprintf("parameter %q: %s", e.Param, e.Msg) }

// Normalize fills r's defaults and checks it against l: a request
// beyond them is refused with a *RequestError naming the parameter.
func (r *Request) Normalize(l Limits) error {
	if r.Size == 0 && !r.FacetsOnly {
		r.Size = DefaultSize
	}
	if r.FacetSize == 0 {
		r.FacetSize = DefaultFacetSize
	}
	if r.Sort == "" {
		r.Sort = SortRelevance
	}
	switch {
	case utf8.RuneCountInString(r.Query) > l.MaxQueryRunes:
		return &RequestError{"q", fmt.Sprintf("the query is longer than %d characters", l.MaxQueryRunes)}
	case r.FacetsOnly && r.Size != 0:
		return &RequestError{"size", "must be 0 for facets only"}
	case !r.FacetsOnly && (r.Size < 1 || r.Size > l.MaxSize):
		return &RequestError{"size", fmt.Sprintf("must be between 0 (facets only) and %d", l.MaxSize)}
	case r.From < 0:
		return &RequestError{"from", "must not be negative"}
	case r.SearchAfter != nil && r.From != 0:
		return &RequestError{"from", "must not be given with search_after: the cursor says where the page starts"}
	case r.SearchAfter == nil && r.From > l.MaxWindow-r.Size:
		return &RequestError{"from", fmt.Sprintf("from + size must not exceed %d (page deeper with search_after)", l.MaxWindow)}
	case r.FacetSize < 1 || r.FacetSize > l.MaxFacetSize:
		return &RequestError{"facet_size", fmt.Sprintf("must be between 1 and %d", l.MaxFacetSize)}
	case r.Sort != SortRelevance && r.Sort != SortDate:
		return &RequestError{"sort", `must be "relevance" or "date"`}
	case r.Since != nil && r.Until != nil && !r.Since.Before(*r.Until):
		return &RequestError{"until", "must be after since"}
	case len(r.Entities) > l.MaxEntityFilters:
		return &RequestError{"entity", fmt.Sprintf("at most %d entity filters", l.MaxEntityFilters)}
	case r.SearchAfter != nil:
		return r.SearchAfter.check(r.Sort)
	}
	return nil
}

// pageEnd is from + size, the hits a page needs for the query not to be
// relaxed. A facets-only request counts as a default page, so that its
// total and facets are those of the page it stands for.
func (r *Request) pageEnd() int {
	if r.FacetsOnly {
		return r.From + DefaultSize
	}
	return r.From + r.Size
}

// Search runs r. A malformed query is a *queryplan.QueryError and a bad
// parameter a *RequestError; other errors are the index's.
//
// Every required word must match. A query of RelaxMinClauses or more
// required clauses that finds fewer articles than the page asks for
// (from + size) is run again relaxed (see minShould) without its stop
// words, ranked by BM25, and the answer says "relaxed": true. Phrases and
// names keep their words together either way, and excluded words stay
// excluded.
//
// A query that finds nothing gets a Suggestion when correcting its words
// (package suggest) finds articles.
func (s *Searcher) Search(ctx context.Context, r Request) (*Response, error) {
	start := time.Now()
	out, err := s.find(ctx, r)
	if err != nil || out.Total > 0 || strings.TrimSpace(r.Query) == "" {
		return out, err
	}
	a, err := queryplan.IndexAnalyzer(s.index.Mapping())
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", r.Query, err)
	}
	if out.Suggestion, err = s.suggestion(ctx, r, a); err != nil {
		return nil, err
	}
	out.TookMS = float64(time.Since(start).Microseconds()) / 1000
	return out, nil
}

// find runs r, without a suggestion.
func (s *Searcher) find(ctx context.Context, r Request) (*Response, error) {
	start := time.Now()
	if err := r.Normalize(s.limits); err != nil {
		return nil, err
	}
	pl, filters, err := s.plan(r)
	if err != nil {
		return nil, err
	}
	form := pl.Strict()
	res, err := s.run(ctx, form, filters, r)
	if err != nil {
		return nil, err
	}
	relaxed := form.Required >= RelaxMinClauses && res.Total < uint64(r.pageEnd())
	if relaxed {
		form = pl.Relaxed()
		if res, err = s.runRelaxed(ctx, form, filters, r); err != nil {
			return nil, err
		}
	}
	out, err := newResponse(r, res, time.Since(start))
	if err != nil {
		return nil, err
	}
	out.QueryEntities = form.Entities
	out.Relaxed = relaxed
	if s.clustered {
		partial := len(res.missing) > 0
		out.Partial, out.MissingShards = &partial, res.missing
	}
	return out, nil
}

// plan plans r's query and builds its filters, once for both runs.
func (s *Searcher) plan(r Request) (*queryplan.Plan, []query.Query, error) {
	a, err := queryplan.IndexAnalyzer(s.index.Mapping())
	if err != nil {
		return nil, nil, fmt.Errorf("search %q: %w", r.Query, err)
	}
	pl, err := queryplan.NewPlanner(a, s.entities).PlanWith(r.Query, queryplan.Options{Typos: !r.NoTypos, Prefix: r.Prefix})
	if err != nil {
		return nil, nil, err
	}
	filters, err := s.filters(r)
	if err != nil {
		return nil, nil, err
	}
	return pl, filters, nil
}

// run translates a form of the query, with the filters, and searches.
func (s *Searcher) run(ctx context.Context, f *queryplan.Form, filters []query.Query, r Request) (*result, error) {
	res, err := s.collect(ctx, ShardQuery{Request: r, Relaxed: f.Relaxed, built: s.buildQuery(f, filters)})
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", r.Query, err)
	}
	return res, nil
}

// RelaxMinClauses is the number of required clauses from which a query
// that finds too few articles is relaxed: shorter queries stay precise.
const RelaxMinClauses = 3

// RelaxShare is the share of a relaxed query's required clauses an article
// must match, rounded down, and at least one.
const RelaxShare = 0.0

// minShould is how many of n required clauses a relaxed query needs.
func minShould(n int) int {
	return max(1, int(float64(n)*RelaxShare))
}

// hitFields are the stored fields loaded with each hit. The body is loaded
// (highlighting reads it anyway) for the snippet of a hit without a body
// match, but it is not part of the Hit.
var hitFields = []string{indexer.FieldTitle, indexer.FieldBody, indexer.FieldPublished, indexer.FieldSource, indexer.FieldURL,
	indexer.FieldLang, corpus.TypePerson, corpus.TypeOrganization, corpus.TypePlace, corpus.TypeCountry}

// resolveEntity returns the canonical name for f, or f.Name itself when the
// resolver does not know it.
func (s *Searcher) resolveEntity(f EntityFilter) (string, error) {
	if !isEntityType(f.Type) {
		return "", &RequestError{"entity", fmt.Sprintf("unknown entity type %q: use person, organization, place or country", f.Type)}
	}
	name := strings.TrimSpace(f.Name)
	if name == "" {
		return "", &RequestError{"entity", "the entity name is empty; write type:Name, e.g. person:Fumio Kishida"}
	}
	if s.entities != nil {
		if e, ok := s.entities.Lookup(f.Type, name); ok {
			return e.Name, nil
		}
	}
	return name, nil
}

func isEntityType(typ string) bool {
	for _, t := range corpus.EntityTypes {
		if t == typ {
			return true
		}
	}
	return false
}
