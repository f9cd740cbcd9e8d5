package api

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/gorilla/mux"

	"github.com/sagasu-search/sagasu/queryplan"
	"github.com/sagasu-search/sagasu/searcher"
)

// handleSearch answers GET /api/v1/search.
func handleSearch(s *searcher.Searcher) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		v, err := queryValues(r)
		if err != nil {
			writeSearchError(w, r, err)
			return
		}
		req, err := ParseParams(v)
		if err != nil {
			writeSearchError(w, r, err)
			return
		}
		res, err := s.Search(r.Context(), req)
		if err != nil {
			writeSearchError(w, r, err)
			return
		}
		encode(w, r, http.StatusOK, res)
	})
}

// handleEntities answers GET /api/v1/entities.
func handleEntities(s *searcher.Searcher) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		v, err := queryValues(r)
		if err != nil {
			writeSearchError(w, r, err)
			return
		}
		req, err := ParseEntitiesParams(v)
		if err != nil {
			writeSearchError(w, r, err)
			return
		}
		list, err := s.Entities(r.Context(), req)
		if err != nil {
			writeSearchError(w, r, err)
			return
		}
		encode(w, r, http.StatusOK, map[string]interface{}{"entities": list})
	})
}

// handleEntity answers GET /api/v1/entities/{type}/{name}: one entity,
// named by any alias.
func handleEntity(s *searcher.Searcher) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		vars := mux.Vars(r)
		v, err := queryValues(r)
		if err != nil {
			writeSearchError(w, r, err)
			return
		}
		req, err := ParseEntityPageParams(vars["type"], vars["name"], v)
		if err != nil {
			writeSearchError(w, r, err)
			return
		}
		page, err := s.Entity(r.Context(), req)
		if errors.Is(err, searcher.ErrNoSuchEntity) {
			writeError(w, r, http.StatusNotFound, codeNotFound, fmt.Sprintf("no article names the %s %q", req.Type, req.Name))
			return
		}
		if err != nil {
			writeSearchError(w, r, err)
			return
		}
		encode(w, r, http.StatusOK, page)
	})
}

// writeSearchError maps the searcher's errors to answers.
func writeSearchError(w http.ResponseWriter, r *http.Request, err error) {
	var qe *queryplan.QueryError
	var re *searcher.RequestError
	switch {
	case errors.As(err, &qe):
		writeError(w, r, http.StatusBadRequest, codeInvalidQuery, qe.Error())
	case errors.As(err, &re):
		writeError(w, r, http.StatusBadRequest, codeInvalidParameter, re.Error())
	case errors.Is(err, searcher.ErrShardUnavailable):
		// An entity listing, an entity page or the statistics in a cluster
		// with shards no replica answered for (a search answers in part).
		writeError(w, r, http.StatusServiceUnavailable, codeUnavailable, err.Error())
	case errors.Is(err, context.DeadlineExceeded):
		writeError(w, r, http.StatusServiceUnavailable, codeTimeout, "the search took too long; narrow the query or try again")
	case errors.Is(err, context.Canceled):
		// The client went away: nobody reads this answer, and it is no
		// server error. 499 is nginx's "client closed request".
		writeError(w, r, statusClientClosed, codeCancelled, "the client closed the request")
	default:
		writeInternal(w, r, err)
	}
}
