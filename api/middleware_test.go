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

func TestRequireKey(t *testing.T) {
	ok := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })
	tests := []struct {
		name, configured, header string
		wantStatus               int
		wantCode                 string
	}{
		{"no key configured", "", "Bearer anything", 403, codeWritesDisabled},
		{"no header", "k3y", "", 401, codeUnauthorized},
		{"wrong scheme", "k3y", "Basic k3y", 401, codeUnauthorized},
		{"wrong key", "k3y", "Bearer k3x", 401, codeUnauthorized},
		{"prefix of the key", "k3y", "Bearer k3", 401, codeUnauthorized},
		{"right key", "k3y", "Bearer k3y", 204, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest("POST", "/api/v1/articles", nil)
			if tt.header != "" {
				req.Header.Set("Authorization", tt.header)
			}
			rec := httptest.NewRecorder()
			requireKey(tt.configured, ok).ServeHTTP(rec, req)
			if rec.Code != tt.wantStatus {
				t.Errorf("status %d, want %d", rec.Code, tt.wantStatus)
			}
			if tt.wantCode != "" {
				var body errorBody
				if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil || body.Error.Code != tt.wantCode {
					t.Errorf("body %q, want error code %q", rec.Body.String(), tt.wantCode)
				}
			}
		})
	}
}

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
