package searcher

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"testing"
	"time"

	"github.com/sagasu-search/sagasu/corpus"
	"github.com/sagasu-search/sagasu/entity"
	"github.com/sagasu-search/sagasu/searcher/internal/testindex"
	"github.com/sagasu-search/sagasu/searcher/score"
)

// TestShardsRankAsOneIndex builds the same articles (with deletes) into
// one shard and into three, and checks that every kind of request gets
// the same answer from both, the one shard ranked by true average lengths
// as shards always are: the same hits in the same order with the same
// scores (to 1e-9) and snippets, the same total, the same facet counts,
// and the same relaxing.
func TestShardsRankAsOneIndex(t *testing.T) {
	lengths := score.DefaultRanking()
	lengths.TrueLengths = true
	one := New(testindex.SyntheticShards(t, 1), entity.Default(), WithRanking(lengths))
	three := New(testindex.SyntheticShards(t, 3), entity.Default())
	since := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, r := range []Request{
		{Query: "said"},
		{Query: "minister", FacetSize: 3},
		{Query: "said", From: 990},
		{Query: "said", Sort: SortDate, From: 20, Size: 30},
		{Query: "the", Sort: SortDate, From: 1050, Size: 100},
		{Query: `"prime minister"`, FacetSize: 1000},
		{Query: "Kishida Fumio", FacetSize: 1000},
		{Query: "new", Entities: []EntityFilter{{Type: corpus.TypeOrganization, Name: "Bank of Japan"}}, FacetSize: 1000},
		{Query: "year -percent", Since: &since, Size: 50},
		{Query: "bank", Lang: "en", Size: 40},
		{Query: "政府"},
		{Query: "minstr"},                          // a typo: near spellings
		{Query: "gov", Prefix: true, Size: 30},     // a prefix
		{Query: "bank minister yen growth export"}, // relaxed
		{Query: "", Size: 20},
		{Query: "bank", FacetsOnly: true, FacetSize: 1000},
		{Query: "zzzznothing"},
	} {
		t.Run(fmt.Sprintf("%s from %d by %s", r.Query, r.From, r.Sort), func(t *testing.T) {
			want, err := one.Search(context.Background(), r)
			if err != nil {
				t.Fatal(err)
			}
			got, err := three.Search(context.Background(), r)
			if err != nil {
				t.Fatal(err)
			}
			if got.Total != want.Total || got.Relaxed != want.Relaxed || len(got.Hits) != len(want.Hits) {
				t.Fatalf("3 shards: total %d, relaxed %v, %d hits; 1 shard: %d, %v, %d",
					got.Total, got.Relaxed, len(got.Hits), want.Total, want.Relaxed, len(want.Hits))
			}
			for i := range got.Hits {
				g, w := got.Hits[i], want.Hits[i]
				if g.ID != w.ID || math.Abs(g.Score-w.Score) > 1e-9 || !slices.Equal(g.Snippets.Body, w.Snippets.Body) {
					t.Fatalf("hit %d: 3 shards %s %.12f %q\n1 shard %s %.12f %q", r.From+i, g.ID, g.Score, g.Snippets.Body, w.ID, w.Score, w.Snippets.Body)
				}
			}
			if fmt.Sprint(got.Facets) != fmt.Sprint(want.Facets) {
				t.Errorf("facets\n%v\n1 shard\n%v", got.Facets, want.Facets)
			}
			if r.Query != "zzzznothing" && want.Total == 0 {
				t.Error("the case finds nothing: it checks nothing")
			}
		})
	}
}

// TestPartialEncodes checks that a shard's part of a search and the
// statistics survive JSON, for shards in other processes.
func TestPartialEncodes(t *testing.T) {
	s := New(testindex.SyntheticShards(t, 2), entity.Default())
	ctx := context.Background()
	r := Request{Query: "minister"}
	if err := r.Normalize(s.limits); err != nil {
		t.Fatal(err)
	}
	q := ShardQuery{Request: r} // built by the shard, as in another process
	st, err := s.shards[0].Stats(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	p, err := s.shards[0].Search(ctx, q, st)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	var back Partial
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if back.Total != p.Total || len(back.Hits) != len(p.Hits) || back.Hits[0] != p.Hits[0] ||
		fmt.Sprint(back.Facets) != fmt.Sprint(p.Facets) || p.Total == 0 {
		t.Errorf("decoded %+v\nencoded %+v", back, p)
	}
}

// TestShardsListEntitiesAsOneIndex checks the answers that go through
// the Bleve alias over the shards: entity listings, an entity page (whose
// related entities each shard would otherwise trim before summing) and
// the index statistics are those of one index.
func TestShardsListEntitiesAsOneIndex(t *testing.T) {
	one := New(testindex.SyntheticShards(t, 1), entity.Default())
	three := New(testindex.SyntheticShards(t, 3), entity.Default())
	ctx := context.Background()
	for _, r := range []EntitiesRequest{{Size: 50}, {Type: corpus.TypePerson, Size: 5}, {Prefix: "ba"}} {
		want, err := one.Entities(ctx, r)
		if err != nil {
			t.Fatal(err)
		}
		got, err := three.Entities(ctx, r)
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(got) != fmt.Sprint(want) || len(want) == 0 {
			t.Errorf("entities %+v: 3 shards\n%v\n1 shard\n%v", r, got, want)
		}
	}
	for _, r := range []EntityPageRequest{{Type: corpus.TypeOrganization, Name: "Bank of Japan", Size: 3},
		{Type: corpus.TypePerson, Name: "Fumio Kishida", Size: 10}} {
		want, err := one.Entity(ctx, r)
		if err != nil {
			t.Fatal(err)
		}
		got, err := three.Entity(ctx, r)
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(*got) != fmt.Sprint(*want) {
			t.Errorf("entity page %+v: 3 shards\n%v\n1 shard\n%v", r, *got, *want)
		}
	}
	want, err := one.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	got, err := three.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got.Articles != want.Articles || fmt.Sprint(got.Languages, got.Entities) != fmt.Sprint(want.Languages, want.Entities) {
		t.Errorf("stats: 3 shards %+v, 1 shard %+v", got, want)
	}
}
