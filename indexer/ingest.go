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
	return ix.Apply(ctx, Change{Put: articles})
}

// Change is what one atomic batch does: a search sees all of it or none,
// and a crash keeps all of it or none.
type Change struct {
	// Put are the articles to index (see Put).
	Put []corpus.Article
	// From is, for each article of Put, the file it was read from
	// (corpus.Record.Path, stored as FieldSourceFile); nil or "" for none.
	From []string
	// Delete are IDs to remove; an ID the index lacks is ignored. An ID
	// both put and deleted is put.
	Delete []string
	// Digests maps a file's path to the digest to record for it (see
	// FileDigest); "" forgets the file.
	Digests map[string]string
	// Internal maps a Bleve internal key to the value to store under it in
	// the same batch (nil deletes the key): state that must be exactly as
	// durable as the articles, such as the stream sequence a cluster
	// replica has applied (package cluster). Keys beginning "sagasu." other
	// than a caller's own are the indexer's: do not write them here.
	Internal map[string][]byte
	// NamePairs maps the ID of an article of Put to the name pairs it
	// makes, stored with it (FieldNamePairs); Apply fills it from
	// Options.NamePairs.
	NamePairs map[string][]string `json:",omitempty"`
}

// empty reports whether c does nothing.
func (c Change) empty() bool {
	return len(c.Put) == 0 && len(c.Delete) == 0 && len(c.Digests) == 0 && len(c.Internal) == 0
}

// Apply makes the change as one batch, with the same checks as Put. When it
// returns nil the batch is on disk: a digest is recorded with, never
// before, the articles read from its file. On an index of several shards
// each shard applies its part, in parallel, and the batch log keeps the
// whole batch atomic across them (see batchLog).
func (ix *Index) Apply(ctx context.Context, c Change) error {
	if c.empty() {
		return nil
	}
	if err := ix.Prepare(ctx, c.Put); err != nil {
		return err
	}
	return ix.applyPrepared(ctx, c)
}

// applyPrepared is Apply for a change whose articles are prepared.
func (ix *Index) applyPrepared(ctx context.Context, c Change) error {
	if err := ctxErr(ctx, "index batch"); err != nil {
		return err
	}
	c = ix.withNamePairs(c)
	ix.writes.Lock()
	defer ix.writes.Unlock()
	var err error
	if ix.shards != nil {
		err = ix.applyLoggedLocked(ctx, c)
	} else {
		err = ix.write(ctx, c)
	}
	ix.afterWrite(ctx, c, err)
	return err
}

// write applies a prepared change to one shard's Bleve index as one
// batch. The caller holds the writes lock of the index the change came
// through.
func (ix *Index) write(ctx context.Context, c Change) error {
	b := ix.bleve.NewBatch()
	for _, id := range c.Delete {
		b.Delete(id)
	}
	for i, a := range c.Put {
		doc := toDocument(a)
		if i < len(c.From) && c.From[i] != "" {
			doc[FieldSourceFile] = c.From[i]
		}
		if ps := c.NamePairs[a.ID]; len(ps) > 0 {
			doc[FieldNamePairs] = ps
		}
		if err := b.Index(a.ID, doc); err != nil {
			return &BatchError{Index: i, ID: a.ID, Err: fmt.Errorf("analyze: %w", err)}
		}
	}
	for path, digest := range c.Digests {
		if digest == "" {
			b.DeleteInternal(digestKey(path))
		} else {
			b.SetInternal(digestKey(path), []byte(digest))
		}
	}
	for key, v := range c.Internal {
		if v == nil {
			b.DeleteInternal([]byte(key))
		} else {
			b.SetInternal([]byte(key), v)
		}
	}
	if err := ctxErr(ctx, "index batch"); err != nil {
		return err
	}
	if ix.beforeBatch != nil {
		if err := ix.beforeBatch(); err != nil {
			return fmt.Errorf("index batch: %w", err)
		}
	}
	if err := ix.bleve.Batch(b); err != nil {
		return fmt.Errorf("index batch of %d articles, %d deletes, %d file digests: %w",
			len(c.Put), len(c.Delete), len(c.Digests), err)
	}
	return nil
}

// Internal returns the value stored under an internal key by
// Change.Internal, nil when there is none. An index of several shards
// keeps them in its first, with the file digests.
func (ix *Index) Internal(key string) ([]byte, error) {
	v, err := ix.digests().GetInternal([]byte(key))
	if err != nil {
		return nil, fmt.Errorf("read internal key %s: %w", key, err)
	}
	return v, nil
}

// Delete removes the article with the given ID. It returns ErrNotFound when
// the index does not hold it.
func (ix *Index) Delete(ctx context.Context, id string) error {
	ix.writes.Lock()
	defer ix.writes.Unlock()
	if _, err := ix.Get(ctx, id); err != nil {
		return err
	}
	c := Change{Delete: []string{id}}
	if ix.shards != nil {
		err := ix.applyLoggedLocked(ctx, c)
		ix.afterWrite(ctx, c, err)
		return err
	}
	b := ix.bleve.NewBatch()
	b.Delete(id)
	if err := ix.bleve.Batch(b); err != nil {
		return fmt.Errorf("delete article %q: %w", id, err)
	}
	ix.afterWrite(ctx, c, nil)
	return nil
}

// Get returns the article with the given ID, or ErrNotFound.
func (ix *Index) Get(ctx context.Context, id string) (corpus.Article, error) {
	if ix.shards != nil {
		return ix.shards[ShardOf(id, len(ix.shards))].Get(ctx, id)
	}
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
	c := Change{Delete: ids}
	if ix.shards != nil {
		err := ix.applyLoggedLocked(ctx, c)
		ix.afterWrite(ctx, c, err)
		return err
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
	ix.afterWrite(ctx, c, nil)
	return nil
}
