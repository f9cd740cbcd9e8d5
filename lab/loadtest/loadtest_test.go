package loadtest

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestRun(t *testing.T) {
	var writes atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.Method == http.MethodPost:
			if r.Header.Get("Authorization") != "Bearer k" {
				w.WriteHeader(http.StatusUnauthorized)
				return
			}
			writes.Add(1)
		case r.URL.Query().Get("q") == "broken":
			w.WriteHeader(http.StatusInternalServerError)
		}
	}))
	defer srv.Close()
	rep, err := Run(context.Background(), Config{
		BaseURL: srv.URL, Concurrency: 4, Requests: 400,
		Reads: []Request{{Name: "ok", Path: "/s?q=fine"}, {Name: "bad", Path: "/s?q=broken"}},
		Writer: func(i int) Request {
			return Request{Method: http.MethodPost, Path: "/a", Body: []byte("{}"), Key: "k"}
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Reads.Count != 400 || rep.ByName[0].Count+rep.ByName[1].Count != 400 {
		t.Errorf("reads %d (%d + %d), want 400", rep.Reads.Count, rep.ByName[0].Count, rep.ByName[1].Count)
	}
	if rep.ByName[0].Status[200] != rep.ByName[0].Count || rep.ByName[1].Status[500] != rep.ByName[1].Count {
		t.Errorf("statuses ok %v, bad %v", rep.ByName[0].Status, rep.ByName[1].Status)
	}
	if rep.ServerErrors() != rep.ByName[1].Count {
		t.Errorf("ServerErrors %d, want the %d broken reads", rep.ServerErrors(), rep.ByName[1].Count)
	}
	// The write in flight when the reads end is cut short and not counted.
	if rep.Writes == nil || rep.Writes.Status[200] == 0 || writes.Load()-int64(rep.Writes.Status[200]) > 1 {
		t.Errorf("writes %+v, server saw %d", rep.Writes, writes.Load())
	}
	if !(0 < rep.Reads.P50 && rep.Reads.P50 <= rep.Reads.P95 && rep.Reads.P95 <= rep.Reads.P99 && rep.Reads.P99 <= rep.Reads.Max) {
		t.Errorf("percentiles out of order: %v %v %v %v", rep.Reads.P50, rep.Reads.P95, rep.Reads.P99, rep.Reads.Max)
	}
	var b strings.Builder
	if err := rep.WriteTable(&b); err != nil || !strings.Contains(b.String(), "500×") || !strings.Contains(b.String(), "all reads") {
		t.Errorf("table:\n%s", b.String())
	}
}

func TestRunForADuration(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer srv.Close()
	rep, err := Run(context.Background(), Config{BaseURL: srv.URL, Concurrency: 2, Duration: 200 * time.Millisecond,
		Reads: []Request{{Name: "x", Path: "/"}}})
	if err != nil || rep.Reads.Count == 0 || rep.ServerErrors() != 0 || rep.Elapsed < 200*time.Millisecond {
		t.Errorf("report %+v, %v", rep, err)
	}
}

func TestPercentile(t *testing.T) {
	var d []time.Duration
	for i := 1; i <= 100; i++ {
		d = append(d, time.Duration(i))
	}
	for _, tt := range []struct{ p, want int }{{50, 50}, {95, 95}, {99, 99}, {100, 100}, {1, 1}} {
		if got := percentile(d, tt.p); got != time.Duration(tt.want) {
			t.Errorf("p%d = %d, want %d", tt.p, got, tt.want)
		}
	}
	if percentile(nil, 50) != 0 {
		t.Error("percentile of nothing")
	}
}

func TestConfigErrors(t *testing.T) {
	for _, cfg := range []Config{{}, {Reads: []Request{{}}}, {Reads: []Request{{}}, Concurrency: 1}} {
		if _, err := Run(context.Background(), cfg); err == nil {
			t.Errorf("Run(%+v) accepted", cfg)
		}
	}
}
