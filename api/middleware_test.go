package api

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/rs/zerolog"
)

func TestRequestIDAndAccessLog(t *testing.T) {
	var logs bytes.Buffer
	logger := zerolog.New(&logs)
	h := withRequestID(logger, accessLog(recoverPanics(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/panic" {
			panic("boom")
		}
		zerolog.Ctx(r.Context()).Info().Msg("inside")
		w.WriteHeader(http.StatusTeapot)
	}))))

	tests := []struct {
		name, path, sentID string
		wantStatus         int
		wantEcho           bool
	}{
		{"client id echoed", "/x", "abc-123", http.StatusTeapot, true},
		{"unsafe id replaced", "/x", "bad id\nwith newline", http.StatusTeapot, false},
		{"panic becomes 500", "/panic", "", http.StatusInternalServerError, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			logs.Reset()
			req := httptest.NewRequest("GET", tt.path, nil)
			if tt.sentID != "" {
				req.Header.Set("X-Request-ID", tt.sentID)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			id := rec.Header().Get("X-Request-ID")
			if rec.Code != tt.wantStatus || id == "" || (id == tt.sentID) != tt.wantEcho {
				t.Errorf("status %d, id %q", rec.Code, id)
			}
			for _, line := range strings.Split(strings.TrimSpace(logs.String()), "\n") {
				if !strings.Contains(line, `"request_id":"`+id+`"`) {
					t.Errorf("log line without the request id %q: %s", id, line)
				}
			}
			if !strings.Contains(logs.String(), `"status":`+itoa(tt.wantStatus)) {
				t.Errorf("access log lacks the status: %s", logs.String())
			}
		})
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}
