package api

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/gorilla/mux"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/sagasu-search/sagasu/indexer"
)

// metrics are the server's Prometheus metrics, in a registry of its own so
// that several servers (in tests) do not share them.
type metrics struct {
	registry     *prometheus.Registry
	requests     *prometheus.CounterVec
	duration     *prometheus.HistogramVec
	indexed      prometheus.Counter
	deleted      prometheus.Counter
	ingestErrors *prometheus.CounterVec
}

func newMetrics(ix *indexer.Index) *metrics {
	m := &metrics{
		registry: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "sagasu_http_requests_total", Help: "HTTP requests answered, by route, method and status.",
		}, []string{"route", "method", "status"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "sagasu_http_request_duration_seconds", Help: "Time to answer HTTP requests, by route.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
		}, []string{"route"}),
		indexed: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "sagasu_articles_indexed_total", Help: "Articles indexed through the API.",
		}),
		deleted: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "sagasu_articles_deleted_total", Help: "Articles deleted through the API.",
		}),
		ingestErrors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "sagasu_ingest_errors_total", Help: "POSTs of articles refused or failed, by reason.",
		}, []string{"reason"}),
	}
	m.registry.MustRegister(m.requests, m.duration, m.indexed, m.deleted, m.ingestErrors,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "sagasu_index_articles", Help: "Articles in the index.",
		}, func() float64 { n, _ := ix.Count(context.Background()); return float64(n) }),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "sagasu_index_size_bytes", Help: "Bytes the index takes on disk.",
		}, func() float64 { n, _ := ix.DiskSize(context.Background()); return float64(n) }),
	)
	return m
}

// handler serves the metrics in Prometheus' text format.
func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{})
}

// routeKey holds, in a request's context, where the router writes the
// matched route's template.
type routeKey struct{}

// instrument counts and times every request by route template ("other"
// for paths no route matches, so that random paths do not create series).
func (m *metrics) instrument(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		route := "other"
		rec := &statusRecorder{ResponseWriter: w}
		next.ServeHTTP(rec, r.WithContext(context.WithValue(r.Context(), routeKey{}, &route)))
		if rec.status == 0 {
			rec.status = http.StatusOK
		}
		m.requests.WithLabelValues(route, r.Method, strconv.Itoa(rec.status)).Inc()
		m.duration.WithLabelValues(route).Observe(time.Since(start).Seconds())
	})
}

// nameRoute is router middleware that records the matched route's
// template for instrument.
func nameRoute(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if p, ok := r.Context().Value(routeKey{}).(*string); ok {
			if t, err := mux.CurrentRoute(r).GetPathTemplate(); err == nil {
				*p = t
			}
		}
		next.ServeHTTP(w, r)
	})
}
