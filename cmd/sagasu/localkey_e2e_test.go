package main

import (
	"net"
	"net/http"
	"regexp"
	"strings"
	"testing"
)

func TestLoopbackOnly(t *testing.T) {
	tests := []struct {
		addr string
		want bool
	}{
		{"127.0.0.1:8080", true},
		{"127.0.0.2:8080", true},
		{"[::1]:8080", true},
		{"localhost:8080", true},
		{":8080", false},
		{"0.0.0.0:8080", false},
		{"[::]:8080", false},
		{"192.168.1.2:8080", false},
		{"example.com:8080", false},
		{"127.0.0.1", false}, // no port: not an address serve can listen on
	}
	for _, tt := range tests {
		if got := loopbackOnly(tt.addr); got != tt.want {
			t.Errorf("loopbackOnly(%q) = %v, want %v", tt.addr, got, tt.want)
		}
	}
}

// keyLine is the line serve prints with the write key it made up.
var keyLine = regexp.MustCompile(`sagasu: no API key set; for this run, writes take the key: ([0-9a-f]{32}) \(export SAGASU_API_KEY to choose one\)`)

// TestLocalWriteKey: a server with no key on loopback prints a write key
// once and takes it (and no other); on a wider address it keeps writes
// disabled and logs why; a configured key is used as it is, and no key
// is made up.
func TestLocalWriteKey(t *testing.T) {
	const post = `{"id":"lk-1","title":"Quolls return","body":"Conservationists released forty quolls."}`
	tests := []struct {
		name        string
		host        string
		env         map[string]string
		wantKeyLine bool
		wantNoKey   int    // status of a write without a key
		wantLog     string // in the log, when not empty
	}{
		{"loopback, no key", "127.0.0.1", nil, true, http.StatusUnauthorized, ""},
		{"all interfaces, no key", "0.0.0.0", nil, false, http.StatusForbidden, "writes are disabled: no API key is set"},
		{"loopback, a key set", "127.0.0.1", map[string]string{"SAGASU_API_KEY": testKey}, false, http.StatusUnauthorized, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, port, _ := net.SplitHostPort(freeAddr(t))
			s := startServerOn(t, net.JoinHostPort(tt.host, port), t.TempDir(), tt.env, "--entities", "off")
			logs := s.logs.String()
			m := keyLine.FindAllStringSubmatch(logs, -1)
			if (len(m) == 1) != tt.wantKeyLine || len(m) > 1 {
				t.Fatalf("%d key lines, want one: %v; log:\n%s", len(m), tt.wantKeyLine, logs)
			}
			if tt.wantLog != "" && !strings.Contains(logs, tt.wantLog) {
				t.Errorf("log lacks %q:\n%s", tt.wantLog, logs)
			}
			if code := s.do(t, "POST", "/api/v1/articles", "", post, nil); code != tt.wantNoKey {
				t.Errorf("write without a key: %d, want %d", code, tt.wantNoKey)
			}
			key := tt.env["SAGASU_API_KEY"]
			if tt.wantKeyLine {
				key = m[0][1]
			}
			if key == "" {
				return
			}
			if code := s.do(t, "POST", "/api/v1/articles", key, post, nil); code != http.StatusOK {
				t.Errorf("write with the key: %d, want 200", code)
			}
			if code := s.do(t, "POST", "/api/v1/articles", strings.Repeat("0", 32), post, nil); code != http.StatusUnauthorized {
				t.Errorf("write with another key: %d, want 401", code)
			}
		})
	}
}
