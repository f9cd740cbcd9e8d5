package api

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/gorilla/mux"
	"github.com/rs/zerolog"

	"github.com/sagasu-search/sagasu/corpus"
	"github.com/sagasu-search/sagasu/indexer"
)

// handleGetArticle answers GET /api/v1/articles/{id} with the whole article.
func handleGetArticle(ix *indexer.Index) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := mux.Vars(r)["id"]
		a, err := ix.Get(r.Context(), id)
		if err != nil {
			writeIndexError(w, r, id, err)
			return
		}
		encode(w, r, http.StatusOK, a)
	})
}

// putResult answers a successful POST /api/v1/articles.
type putResult struct {
	Indexed int      `json:"indexed"`
	IDs     []string `json:"ids"`
	// Warnings say what was odd about a posted page that was indexed all
	// the same (a charset declaration its bytes contradict).
	Warnings []string `json:"warnings,omitempty"`
}

// decoded is what a POST of articles holds.
type decoded struct {
	articles []corpus.Article
	warnings []string
}

// handlePostArticles answers POST /api/v1/articles: one JSON article, an
// array, JSON Lines, or one HTML page (see decodeArticles). The batch is indexed whole or, if any article is
// invalid, not at all.
func handlePostArticles(cfg Config, ix *indexer.Index, m *metrics) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		d, status, err := decodeArticles(w, r, cfg, ix)
		articles := d.articles
		if err != nil {
			m.ingestErrors.WithLabelValues(codeFor(status)).Inc()
			writeError(w, r, status, codeFor(status), err.Error())
			return
		}
		if err := ix.Put(r.Context(), articles); err != nil {
			var be *indexer.BatchError
			if errors.As(err, &be) {
				m.ingestErrors.WithLabelValues(codeInvalidArticle).Inc()
				writeError(w, r, http.StatusBadRequest, codeInvalidArticle, "nothing was indexed: "+be.Error())
				return
			}
			m.ingestErrors.WithLabelValues(codeInternal).Inc()
			writeInternal(w, r, err)
			return
		}
		m.indexed.Add(float64(len(articles)))
		res := putResult{Indexed: len(articles), IDs: make([]string, len(articles)), Warnings: d.warnings}
		for i, a := range articles {
			res.IDs[i] = a.ID
		}
		ev := zerolog.Ctx(r.Context()).Info().Int("articles", len(articles))
		if len(d.warnings) > 0 {
			ev = ev.Strs("warnings", d.warnings)
		}
		ev.Msg("indexed")
		encode(w, r, http.StatusOK, res)
	})
}

// decodeArticles reads the request body within the size limit (see
// readBody) and decodes it by its Content-Type: JSON or JSON Lines
// (application/json, application/x-ndjson, or none), decoded strictly
// (unknown fields are errors), or one HTML page (text/html, with the
// optional ?id= and ?url= parameters). Each article is accepted by ix (so
// that a refusal names the article's line). It returns the status to
// answer with when it fails.
func decodeArticles(w http.ResponseWriter, r *http.Request, cfg Config, ix acceptor) (decoded, int, error) {
	mediaType, err := requestMediaType(r)
	if err != nil {
		return decoded{}, http.StatusUnsupportedMediaType, err
	}
	body, status, err := readBody(w, r, cfg.MaxBodyBytes)
	if err != nil {
		return decoded{}, status, err
	}
	if err := r.Context().Err(); err != nil {
		return decoded{}, http.StatusServiceUnavailable, fmt.Errorf("request ended: %w", err)
	}
	if mediaType == "text/html" {
		return decodeHTML(r, body, ix)
	}
	articles, err := corpus.Decode(bytes.NewReader(body), corpus.DecodeOptions{Strict: true, Accept: ix.Accept})
	if err != nil {
		return decoded{}, http.StatusBadRequest, fmt.Errorf("nothing was indexed: %w", err)
	}
	if len(articles) > cfg.MaxBatch {
		return decoded{}, http.StatusRequestEntityTooLarge, fmt.Errorf("%d articles in one request; the limit is %d", len(articles), cfg.MaxBatch)
	}
	return decoded{articles: articles}, 0, nil
}

// acceptedTypes names the Content-Types POST /api/v1/articles accepts.
const acceptedTypes = "application/json, application/x-ndjson or text/html"

// requestMediaType returns the request's media type, lower case, with no
// parameters: "" (read as JSON) when it has none, an error for one the
// articles endpoint does not read. application/x-www-form-urlencoded, what
// curl -d sends when not told otherwise, is read as JSON too, so that
// the README's curl commands from before content types were checked
// still work.
func requestMediaType(r *http.Request) (string, error) {
	ct := r.Header.Get("Content-Type")
	if ct == "" {
		return "", nil
	}
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return "", fmt.Errorf("Content-Type %q cannot be read: send %s", ct, acceptedTypes)
	}
	switch mt {
	case "application/json", "application/x-ndjson", "application/jsonl", "text/html":
		return mt, nil
	case "application/x-www-form-urlencoded":
		return "", nil
	}
	return "", fmt.Errorf("Content-Type %q is not accepted: send %s", mt, acceptedTypes)
}

// readBody reads the request body, gunzipped when its Content-Encoding is
// gzip. The body as read, and as decompressed, may be at most max bytes: a
// larger one (a gzip bomb included) is a 413.
func readBody(w http.ResponseWriter, r *http.Request, max int64) ([]byte, int, error) {
	tooLarge := fmt.Errorf("the body is larger than %d bytes: send fewer articles per request", max)
	var src io.Reader = http.MaxBytesReader(w, r.Body, max)
	switch enc := strings.ToLower(strings.TrimSpace(r.Header.Get("Content-Encoding"))); enc {
	case "", "identity":
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(src)
		if err != nil {
			return nil, statusForRead(err), readError(err, tooLarge, "gunzip body")
		}
		defer zr.Close()
		src = zr
	default:
		return nil, http.StatusUnsupportedMediaType, fmt.Errorf("Content-Encoding %q is not accepted: send gzip or none", enc)
	}
	body, err := io.ReadAll(io.LimitReader(src, max+1))
	if err != nil {
		return nil, statusForRead(err), readError(err, tooLarge, "read body")
	}
	if int64(len(body)) > max {
		return nil, http.StatusRequestEntityTooLarge, tooLarge
	}
	return body, 0, nil
}

// statusForRead is the status for an error reading the body: 413 when it
// was too large, else 400.
func statusForRead(err error) int {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return http.StatusRequestEntityTooLarge
	}
	return http.StatusBadRequest
}

// readError is the error to answer for err reading the body.
func readError(err, tooLarge error, what string) error {
	if statusForRead(err) == http.StatusRequestEntityTooLarge {
		return tooLarge
	}
	return fmt.Errorf("%s: %w", what, err)
}

// decodeHTML extracts the article of one HTML page (corpus.ParseHTML),
// with the ?id= and ?url= parameters, and has ix accept it; its warnings
// go back in the answer.
func decodeHTML(r *http.Request, body []byte, ix acceptor) (decoded, int, error) {
	q := r.URL.Query()
	a, warnings, err := corpus.ParseHTML(body, corpus.HTMLOptions{ID: q.Get("id"), URL: q.Get("url"), ContentType: r.Header.Get("Content-Type")})
	if err == nil {
		err = ix.Accept(&a)
	}
	if err != nil {
		return decoded{}, http.StatusBadRequest, fmt.Errorf("nothing was indexed: %w", err)
	}
	return decoded{articles: []corpus.Article{a}, warnings: warnings}, 0, nil
}

// codeFor is the error code for a failed request's status.
func codeFor(status int) string {
	switch status {
	case http.StatusRequestEntityTooLarge:
		return codeBodyTooLarge
	case http.StatusUnsupportedMediaType:
		return codeUnsupportedMediaType
	case http.StatusServiceUnavailable:
		return codeCancelled
	}
	return codeInvalidArticle
}

// handleDeleteArticle answers DELETE /api/v1/articles/{id}.
func handleDeleteArticle(ix *indexer.Index, m *metrics) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := mux.Vars(r)["id"]
		err := ix.Delete(r.Context(), id)
		if err != nil {
			writeIndexError(w, r, id, err)
			return
		}
		m.deleted.Inc()
		encode(w, r, http.StatusOK, map[string]string{"deleted": id})
	})
}

// writeIndexError answers a failed lookup of article id: 404 when the
// index does not hold it, 500 otherwise.
func writeIndexError(w http.ResponseWriter, r *http.Request, id string, err error) {
	if errors.Is(err, indexer.ErrNotFound) {
		writeError(w, r, http.StatusNotFound, codeNotFound, fmt.Sprintf("no article with id %q", id))
		return
	}
	writeInternal(w, r, err)
}

// deleteRequest is the body of a bulk delete.
type deleteRequest struct {
	IDs []string `json:"ids"`
}

// handleDeleteArticles deletes the articles named in {"ids": [...]} as one
// atomic batch: 200 with the ids, or 404 naming the ids the index lacks
// (nothing deleted), or 400 for a malformed list.
func handleDeleteArticles(cfg Config, ix *indexer.Index, m *metrics) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ids, status, err := decodeIDs(w, r, cfg)
		if err != nil {
			writeError(w, r, status, codeFor(status), err.Error())
			return
		}
		err = ix.DeleteMany(r.Context(), ids)
		var me *indexer.MissingError
		switch {
		case errors.As(err, &me):
			writeError(w, r, http.StatusNotFound, codeNotFound, "nothing was deleted: "+me.Error())
			return
		case err != nil:
			writeInternal(w, r, err)
			return
		}
		m.deleted.Add(float64(len(ids)))
		zerolog.Ctx(r.Context()).Info().Int("articles", len(ids)).Msg("deleted")
		encode(w, r, http.StatusOK, map[string][]string{"deleted": ids})
	})
}

// decodeIDs reads a bulk delete's ids: at least one, at most MaxBatch,
// each a valid article id, none twice.
func decodeIDs(w http.ResponseWriter, r *http.Request, cfg Config) ([]string, int, error) {
	body, status, err := readBody(w, r, cfg.MaxBodyBytes)
	if err != nil {
		return nil, status, err
	}
	var req deleteRequest
	dec := jsonDecoder(body)
	if err := dec.Decode(&req); err != nil {
		return nil, http.StatusBadRequest, fmt.Errorf(`want {"ids": ["id", ...]}: %w`, err)
	}
	if dec.More() {
		return nil, http.StatusBadRequest, errors.New(`want one JSON object {"ids": [...]}`)
	}
	switch {
	case len(req.IDs) == 0:
		return nil, http.StatusBadRequest, errors.New(`"ids" must list at least one id`)
	case len(req.IDs) > cfg.MaxBatch:
		return nil, http.StatusRequestEntityTooLarge, fmt.Errorf("%d ids in one request; the limit is %d", len(req.IDs), cfg.MaxBatch)
	}
	seen := make(map[string]bool, len(req.IDs))
	for i, id := range req.IDs {
		if err := corpus.ValidateID(id); err != nil {
			return nil, http.StatusBadRequest, fmt.Errorf("ids[%d]: %w", i, err)
		}
		if seen[id] {
			return nil, http.StatusBadRequest, fmt.Errorf("ids[%d]: %q is listed twice", i, id)
		}
		seen[id] = true
	}
	return req.IDs, 0, nil
}
