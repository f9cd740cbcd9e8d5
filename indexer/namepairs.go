package indexer

import (
	"context"
	"fmt"

	"github.com/blevesearch/bleve/v2"
)

// NamePairs keeps in memory the name pairs of the articles an index holds:
// a romanized person and a Japanese writing of the name an article names
// together, each encoded "Person\tWriting". *entity.CorpusPairs, the
// evidence of corpus-wide aliases, is one. The annotator records an
// article's pairs as it annotates it; the index stores them with the
// article (FieldNamePairs), sets them again once its batch is committed,
// sets back what the index holds when the batch fails, forgets them when
// it deletes the article, and sets every article's when it opens, so the
// counts are those of the articles the index holds across restarts.
type NamePairs interface {
	// Encoded returns the pairs recorded for the article with the given ID.
	Encoded(id string) []string
	// SetEncoded records the article's pairs, replacing its earlier ones.
	SetEncoded(id string, pairs []string)
	// Forget drops the article's pairs.
	Forget(id string)
}

// namePairsPage is how many articles with pairs a search at open reads at
// a time.
const namePairsPage = 1000

// withNamePairs returns c with the name pairs of each article it puts, as
// the annotator recorded them (none when the index has no annotator: the
// articles keep the entities they came with, and no pairs).
func (ix *Index) withNamePairs(c Change) Change {
	if ix.opts.NamePairs == nil || ix.opts.Annotator == nil || len(c.Put) == 0 {
		return c
	}
	c.NamePairs = map[string][]string{}
	for _, a := range c.Put {
		if ps := ix.opts.NamePairs.Encoded(a.ID); len(ps) > 0 {
			c.NamePairs[a.ID] = ps
		}
	}
	return c
}

// afterWrite brings the name pairs in line with the index after c was
// applied (err nil) or failed (also when its annotation was cancelled): a
// committed batch sets the pairs of what it put and forgets those of what
// it deleted; a failed one sets back the pairs the index holds for what it
// would have put, read even when ctx is cancelled.
func (ix *Index) afterWrite(ctx context.Context, c Change, err error) {
	np := ix.opts.NamePairs
	if np == nil {
		return
	}
	put := make(map[string]bool, len(c.Put))
	for _, a := range c.Put {
		put[a.ID] = true
		if err == nil {
			np.SetEncoded(a.ID, c.NamePairs[a.ID])
		} else {
			np.SetEncoded(a.ID, ix.storedNamePairs(context.WithoutCancel(ctx), a.ID))
		}
	}
	for _, id := range c.Delete {
		if err == nil && !put[id] {
			np.Forget(id)
		}
	}
}

// storedNamePairs returns the pairs the index stores with the article of
// the given ID; none when it holds no such article or cannot be read.
func (ix *Index) storedNamePairs(ctx context.Context, id string) []string {
	req := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery([]string{id}), 1, 0, false)
	req.Fields = []string{FieldNamePairs}
	res, err := ix.bleve.SearchInContext(ctx, req)
	if err != nil || len(res.Hits) == 0 {
		return nil
	}
	return stringsField(res.Hits[0].Fields[FieldNamePairs])
}

// loadNamePairs sets the pairs of every article the index stores some
// with, reading them a page at a time in the order of their IDs.
func (ix *Index) loadNamePairs(ctx context.Context) error {
	if ix.opts.NamePairs == nil {
		return nil
	}
	q := bleve.NewWildcardQuery("*")
	q.SetField(FieldNamePairs)
	var after []string
	for {
		req := bleve.NewSearchRequestOptions(q, namePairsPage, 0, false)
		req.Fields = []string{FieldNamePairs}
		req.SortBy([]string{"_id"})
		if after != nil {
			req.SearchAfter = after
		}
		res, err := ix.bleve.SearchInContext(ctx, req)
		if err != nil {
			return fmt.Errorf("load name pairs: %w", err)
		}
		for _, h := range res.Hits {
			ix.opts.NamePairs.SetEncoded(h.ID, stringsField(h.Fields[FieldNamePairs]))
		}
		if len(res.Hits) < namePairsPage {
			return nil
		}
		after = []string{res.Hits[len(res.Hits)-1].ID}
	}
}
