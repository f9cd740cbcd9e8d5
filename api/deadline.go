package api

import (
	"context"
	"net/http"
	"time"
)

// withDeadline gives a read request d to answer: the searcher stops when
// the request's context ends, and the answer is a 503 saying so instead
// of a connection left hanging.
func withDeadline(d time.Duration, next http.Handler) http.Handler {
	if d <= 0 {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), d)
		defer cancel()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}
