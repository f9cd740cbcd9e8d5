package main

import (
	"bytes"
	"context"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/sagasu-search/sagasu/api"
	"github.com/sagasu-search/sagasu/internal/cli"
)

func TestHealthcheck(t *testing.T) {
	ready := startServer(t, t.TempDir(), nil)
	starting := httptest.NewServer(api.NewGate()) // a gate never opened: 503 while the index opens
	t.Cleanup(starting.Close)
	nothing := "http://" + freeAddr(t) + "/readyz" // the listener is closed again
	tests := []struct {
		name     string
		args     []string
		env      map[string]string
		wantErr  string // "" for success
		wantExit int
	}{
		{"ready server by --url", []string{"--url", ready.base + "/readyz"}, nil, "", 0},
		{"ready server by SAGASU_ADDR", nil, map[string]string{"SAGASU_ADDR": strings.TrimPrefix(ready.base, "http://")}, "", 0},
		{"starting server answers 503", []string{"--url", starting.URL + "/readyz"}, nil, "503 Service Unavailable", 1},
		{"nothing listening", []string{"--url", nothing}, nil, "connection refused", 1},
		{"argument", []string{"extra"}, nil, "takes no arguments", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			getenv := func(k string) string { return tt.env[k] }
			err := run(context.Background(), append([]string{"sagasu", "healthcheck"}, tt.args...), getenv, &out, &errOut)
			if tt.wantErr == "" {
				if err != nil || !strings.Contains(out.String(), `"status":"ready"`) {
					t.Fatalf("err %v, stdout %q; want ready", err, out.String())
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) || cli.ExitCode(err) != tt.wantExit {
				t.Fatalf("err %v (exit %d), want %q (exit %d)", err, cli.ExitCode(err), tt.wantErr, tt.wantExit)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("the reason is not one line: %q", err)
			}
		})
	}
}

func TestReadyzURL(t *testing.T) {
	tests := []struct {
		addr, want string
		wantErr    bool
	}{
		{"0.0.0.0:8080", "http://127.0.0.1:8080/readyz", false},
		{":9090", "http://127.0.0.1:9090/readyz", false},
		{"[::]:8080", "http://[::1]:8080/readyz", false},
		{"127.0.0.1:8081", "http://127.0.0.1:8081/readyz", false},
		{"search.internal:80", "http://search.internal:80/readyz", false},
		{"8080", "", true},
	}
	for _, tt := range tests {
		got, err := readyzURL(tt.addr)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("readyzURL(%q) = %q, %v; want %q (error %v)", tt.addr, got, err, tt.want, tt.wantErr)
		}
	}
}
