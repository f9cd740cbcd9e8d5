package api

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

const (
	readKey  = "read-key-0123456789"
	writeKey = "write-key-0123456789"
)

func TestRequireScope(t *testing.T) {
	ok := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })
	both := []Key{{readKey, ScopeRead}, {writeKey, ScopeWrite}}
	tests := []struct {
		name       string
		keys       []Key
		need       Scope
		readKey    bool
		header     string
		wantStatus int
		wantCode   string
	}{
		{"writes without write keys", []Key{{readKey, ScopeRead}}, ScopeWrite, false, "Bearer " + readKey, 403, codeWritesDisabled},
		{"no header", both, ScopeWrite, false, "", 401, codeUnauthorized},
		{"wrong scheme", both, ScopeWrite, false, "Basic " + writeKey, 401, codeUnauthorized},
		{"wrong key", both, ScopeWrite, false, "Bearer write-key-0123456788", 401, codeUnauthorized},
		{"prefix of the key", both, ScopeWrite, false, "Bearer write-key-012345678", 401, codeUnauthorized},
		{"read key cannot write", both, ScopeWrite, false, "Bearer " + readKey, 403, codeForbidden},
		{"write key writes", both, ScopeWrite, false, "Bearer " + writeKey, 204, ""},
		{"reads are open by default", both, ScopeRead, false, "", 204, ""},
		{"required read key missing", both, ScopeRead, true, "", 401, codeUnauthorized},
		{"required read key given", both, ScopeRead, true, "Bearer " + readKey, 204, ""},
		{"write key reads too", both, ScopeRead, true, "Bearer " + writeKey, 204, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest("POST", "/api/v1/articles", nil)
			if tt.header != "" {
				req.Header.Set("Authorization", tt.header)
			}
			rec := httptest.NewRecorder()
			requireScope(newKeyring(tt.keys), tt.need, tt.readKey, ok).ServeHTTP(rec, req)
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

func TestParseKeys(t *testing.T) {
	tests := []struct {
		name, text string
		want       []Key
		wantErr    string
	}{
		{"empty", "", nil, ""},
		{"environment form", readKey + ":read, " + writeKey + ":write", []Key{{readKey, ScopeRead}, {writeKey, ScopeWrite}}, ""},
		{"file form with comments", "# keys\n" + readKey + " read\n\n" + writeKey + " write\n", []Key{{readKey, ScopeRead}, {writeKey, ScopeWrite}}, ""},
		{"comment with commas", "# keys, one a line: secret scope\n" + readKey + " read\n", []Key{{readKey, ScopeRead}}, ""},
		{"no scope", readKey, nil, "key 1: write secret:read"},
		{"second key bad", readKey + ":read\n" + writeKey + ":admin", nil, `key 2: scope "admin"`},
		{"unknown scope", readKey + ":admin", nil, `scope "admin"`},
		{"short key", "short:read", nil, "at least 16 characters"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseKeys(tt.text)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want %q", err, tt.wantErr)
				}
				if strings.Contains(err.Error(), readKey) {
					t.Errorf("error %q repeats the secret", err)
				}
				return
			}
			if err != nil || len(got) != len(tt.want) {
				t.Fatalf("ParseKeys = %v, %v; want %v", got, err, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("key %d = %v, want %v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestCORS(t *testing.T) {
	ok := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })
	tests := []struct {
		name             string
		origins          []string
		method, origin   string
		preflight        bool
		wantStatus       int
		wantAllowOrigin  string
		wantAllowMethods bool
	}{
		{"off by default", nil, "GET", "https://a.example", false, 204, "", false},
		{"listed origin", []string{"https://a.example"}, "GET", "https://a.example", false, 204, "https://a.example", false},
		{"unlisted origin", []string{"https://a.example"}, "GET", "https://b.example", false, 204, "", false},
		{"preflight", []string{"https://a.example"}, "OPTIONS", "https://a.example", true, 204, "https://a.example", true},
		{"any origin", []string{"*"}, "GET", "https://c.example", false, 204, "https://c.example", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest(tt.method, "/api/v1/search", nil)
			req.Header.Set("Origin", tt.origin)
			if tt.preflight {
				req.Header.Set("Access-Control-Request-Method", "POST")
			}
			rec := httptest.NewRecorder()
			withCORS(tt.origins, ok).ServeHTTP(rec, req)
			if rec.Code != tt.wantStatus || rec.Header().Get("Access-Control-Allow-Origin") != tt.wantAllowOrigin ||
				(rec.Header().Get("Access-Control-Allow-Methods") != "") != tt.wantAllowMethods {
				t.Errorf("status %d, headers %v", rec.Code, rec.Header())
			}
		})
	}
}

func TestGate(t *testing.T) {
	g := NewGate()
	get := func(path string) int {
		rec := httptest.NewRecorder()
		g.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		return rec.Code
	}
	if get("/healthz") != 200 || get("/readyz") != 503 || get("/api/v1/search") != 503 {
		t.Errorf("closed gate: healthz %d, readyz %d, search %d", get("/healthz"), get("/readyz"), get("/api/v1/search"))
	}
	g.Open(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusOK) }))
	if get("/readyz") != 200 || get("/api/v1/search") != 200 {
		t.Errorf("open gate: readyz %d, search %d", get("/readyz"), get("/api/v1/search"))
	}
	g.Drain()
	if get("/readyz") != 503 || get("/api/v1/search") != 200 {
		t.Errorf("draining gate: readyz %d, search %d", get("/readyz"), get("/api/v1/search"))
	}
}
