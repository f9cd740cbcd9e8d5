package indexer

import (
	"context"
	"errors"
	"fmt"

	"github.com/blevesearch/bleve/v2"

	"github.com/sagasu-search/sagasu/corpus"
)

// Put indexes articles as one atomic batch: an article whose ID is already
// indexed is replaced. Every article is prepared first (see Prepare); if any
// is refused, nothing is indexed. When Put returns nil the batch is on disk.
func (ix *Index) Put(ctx context.Context, articles []corpus.Article) error {
	if len(articles) == 0 {
		return nil
	}
	if err := ix.Prepare(ctx, articles); err != nil {
		return err
	}
	b := ix.bleve.NewBatch()
	for i, a := range articles {
		if err := b.Index(a.ID, toDocument(a)); err != nil {
			return &BatchError{Index: i, ID: a.ID, Err: fmt.Errorf("analyze: %w", err)}
		}
	}
	if err := ctxErr(ctx, "index batch"); err != nil {
		return err
	}
	ix.writes.Lock()
	defer ix.writes.Unlock()
	if err := ix.bleve.Batch(b); err != nil {
		return fmt.Errorf("index batch of %d articles: %w", len(articles), err)
	}
	return nil
}

// Delete removes the article with the given ID. It returns ErrNotFound when
// the index does not hold it.
func (ix *Index) Delete(ctx context.Context, id string) error {
	ix.writes.Lock()
	defer ix.writes.Unlock()
	if _, err := ix.Get(ctx, id); err != nil {
		return err
	}
	b := ix.bleve.NewBatch()
	b.Delete(id)
	if err := ix.bleve.Batch(b); err != nil {
		return fmt.Errorf("delete article %q: %w", id, err)
	}
	return nil
}

// Get returns the article with the given ID, or ErrNotFound.
func (ix *Index) Get(ctx context.Context, id string) (corpus.Article, error) {
	req := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery([]string{id}), 1, 0, false)
	req.Fields = StoredFields
	res, err := ix.bleve.SearchInContext(ctx, req)
	if err != nil {
		return corpus.Article{}, fmt.Errorf("get article %q: %w", id, err)
	}
	if len(res.Hits) == 0 {
		return corpus.Article{}, fmt.Errorf("get article %q: %w", id, ErrNotFound)
	}
	return FromFields(id, res.Hits[0].Fields)
}

// MissingError reports the IDs of a DeleteMany that the index does not
// hold; nothing was deleted. It wraps ErrNotFound.
type MissingError struct {
	IDs []string
}

func (e *MissingError) Error() string {
	return fmt.Sprintf("no articles with ids %q", e.IDs)
}

func (e *MissingError) Unwrap() error { return ErrNotFound }

// DeleteMany removes the articles with the given IDs as one atomic batch:
// a search sees all of them or none. If the index lacks any of them it
// deletes nothing and returns a *MissingError naming them.
func (ix *Index) DeleteMany(ctx context.Context, ids []string) error {
	ix.writes.Lock()
	defer ix.writes.Unlock()
	var missing []string
	for _, id := range ids {
		if _, err := ix.Get(ctx, id); errors.Is(err, ErrNotFound) {
			missing = append(missing, id)
		} else if err != nil {
			return err
		}
	}
	if len(missing) > 0 {
		return &MissingError{IDs: missing}
	}
	b := ix.bleve.NewBatch()
	for _, id := range ids {
		b.Delete(id)
	}
	if err := ctxErr(ctx, "delete batch"); err != nil {
		return err
	}
	if err := ix.bleve.Batch(b); err != nil {
		return fmt.Errorf("delete %d articles: %w", len(ids), err)
	}
	return nil
}
