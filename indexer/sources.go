package indexer

import (
	"context"
	"fmt"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// digestKeyPrefix begins the internal key under which a file's digest is
// recorded; the file's absolute path follows.
const digestKeyPrefix = "sagasu.file_digest:"

// digestKey is the internal key of the digest of the file at path.
func digestKey(path string) []byte { return []byte(digestKeyPrefix + path) }

// FileDigest returns the digest recorded for the file at path (the hex
// SHA-256 of its bytes when its articles were last indexed), or "" when
// none is. A digest is recorded in the same batch as the last of the
// file's articles (see Apply and Loader), so a recorded digest means
// every article of that version of the file is indexed.
func (ix *Index) FileDigest(path string) (string, error) {
	v, err := ix.digests().GetInternal(digestKey(path))
	if err != nil {
		return "", fmt.Errorf("read digest of %s: %w", path, err)
	}
	return string(v), nil
}

// FromFile returns the IDs of the indexed articles read from the file at
// path (FieldSourceFile).
func (ix *Index) FromFile(ctx context.Context, path string) ([]string, error) {
	q := bleve.NewTermQuery(path)
	q.SetField(FieldSourceFile)
	m, err := ix.sourced(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("articles from %s: %w", path, err)
	}
	ids := make([]string, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	return ids, nil
}

// FromFolder returns the file of each indexed article read from a file
// under the folder dir (an absolute path), by article ID.
func (ix *Index) FromFolder(ctx context.Context, dir string) (map[string]string, error) {
	if !strings.HasSuffix(dir, "/") && !strings.HasSuffix(dir, `\`) {
		dir += string(pathSeparator(dir))
	}
	q := bleve.NewPrefixQuery(dir)
	q.SetField(FieldSourceFile)
	m, err := ix.sourced(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("articles from files under %s: %w", dir, err)
	}
	return m, nil
}

// pathSeparator guesses the separator of the absolute path p.
func pathSeparator(p string) byte {
	if strings.HasPrefix(p, "/") {
		return '/'
	}
	return '\\'
}

// sourcedPage is how many hits sourced reads per search.
const sourcedPage = 10000

// sourced returns the source file of every article q matches, by ID.
func (ix *Index) sourced(ctx context.Context, q query.Query) (map[string]string, error) {
	out := map[string]string{}
	for from := 0; ; from += sourcedPage {
		req := bleve.NewSearchRequestOptions(q, sourcedPage, from, false)
		req.Fields = []string{FieldSourceFile}
		req.SortBy([]string{"_id"})
		res, err := ix.bleve.SearchInContext(ctx, req)
		if err != nil {
			return nil, err
		}
		for _, h := range res.Hits {
			out[h.ID] = stringField(h.Fields[FieldSourceFile])
		}
		if len(res.Hits) < sourcedPage {
			return out, nil
		}
	}
}
