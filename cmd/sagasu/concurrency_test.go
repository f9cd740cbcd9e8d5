package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// rwWriteKey is the write key of TestReadsDuringWrites.
const rwWriteKey = "rw-write-key-0123456789"

// Shape of TestReadsDuringWrites: writers post batchesPerWriter batches
// each, and readers search until they are done.
const (
	rwWriters          = 2
	rwReaders          = 3
	rwBatchesPerWriter = 20
	rwMaxFailures      = 20 // readers stop after this many failures
)

// TestReadsDuringWrites checks what concurrent searches see of batches
// being written. Writers post batches of 3 to 12 articles sharing a marker
// word, and delete every third batch again in one bulk delete; readers
// search for the markers meanwhile. Every search must answer 200; a search
// sees a batch whole or not at all, while it is posted and while it is
// deleted; a search started after a POST was answered 2xx finds the whole
// batch; a search started after the delete was answered 2xx finds none of
// it. Order is told by a logical
// clock ticked before each request is sent and after each answer, so no
// assertion depends on timing.
func TestReadsDuringWrites(t *testing.T) {
	s := startServer(t, t.TempDir(), map[string]string{"SAGASU_API_KEYS": rwWriteKey + ":write"})
	client := &http.Client{Timeout: 60 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: rwWriters + rwReaders}}
	defer client.CloseIdleConnections()
	rw := &rwState{t: t, base: s.base, client: client}
	for i := 0; i < rwWriters*rwBatchesPerWriter; i++ {
		b := &rwBatch{marker: markerWord("zr", i)}
		for j := 0; j < 3+(i*7)%10; j++ {
			b.ids = append(b.ids, fmt.Sprintf("rw-%d-%d", i, j))
		}
		b.deletedAt = make([]atomic.Int64, len(b.ids))
		rw.batches = append(rw.batches, b)
	}

	start := time.Now()
	var writers, readers sync.WaitGroup
	done := make(chan struct{})
	for w := 0; w < rwWriters; w++ {
		writers.Add(1)
		go func() {
			defer writers.Done()
			rw.write(w)
		}()
	}
	var searches, partial atomic.Int64
	for r := 0; r < rwReaders; r++ {
		readers.Add(1)
		go func() {
			defer readers.Done()
			rng := rand.New(rand.NewPCG(uint64(r), 42))
			for n := 0; ; n++ {
				select {
				case <-done:
					return
				default:
				}
				if rw.failures.Load() >= rwMaxFailures {
					return
				}
				if rw.read(rw.pick(rng, n)) {
					partial.Add(1)
				}
				searches.Add(1)
			}
		}()
	}
	writers.Wait()
	close(done)
	readers.Wait()
	t.Logf("%d batches written in %v while %d searches ran (%d saw a batch during its deletion)",
		len(rw.batches), time.Since(start).Round(time.Millisecond), searches.Load(), partial.Load())
	if t.Failed() {
		return
	}
	rw.verifyFinal()
}

// rwBatch is one batch of TestReadsDuringWrites. The clock values are 0
// until the event has happened.
type rwBatch struct {
	marker    string
	ids       []string
	deleted   bool           // the writer deletes it (set before it is posted)
	acked     atomic.Int64   // clock when the POST was answered 2xx
	delStart  atomic.Int64   // clock before the first DELETE was sent
	delDone   atomic.Int64   // clock when the last DELETE was answered 2xx
	deletedAt []atomic.Int64 // clock when each article's DELETE was answered 2xx
}

// rwState is the shared state of TestReadsDuringWrites.
type rwState struct {
	t        *testing.T
	base     string
	client   *http.Client
	batches  []*rwBatch
	clock    atomic.Int64 // logical time: every event ticks it
	posted   atomic.Int64 // POSTs started, for readers to aim at
	failures atomic.Int64
}

// fail reports a test failure from any goroutine and counts it.
func (rw *rwState) fail(format string, args ...any) {
	rw.t.Helper()
	rw.failures.Add(1)
	rw.t.Errorf(format, args...)
}

// tick advances the logical clock and returns the new time.
func (rw *rwState) tick() int64 { return rw.clock.Add(1) }

// write posts writer w's batches (w, w+rwWriters, …) in order and, after
// each, deletes the writer's previous batch when that is one of every
// three, so that deletions overlap with posts and searches.
func (rw *rwState) write(w int) {
	var mine []*rwBatch
	for i := w; i < len(rw.batches); i += rwWriters {
		mine = append(mine, rw.batches[i])
	}
	for k, b := range mine {
		b.deleted = k%3 == 0 && k+1 < len(mine) // the next iteration deletes it
		rw.posted.Add(1)
		status, raw, err := httpCall(context.Background(), rw.client, "POST", rw.base+"/api/v1/articles", rwWriteKey, batchJSON(b.ids, b.marker))
		if err != nil || status != http.StatusOK {
			rw.fail("POST batch %s: status %d, %v: %s", b.marker, status, err, raw)
			return
		}
		b.acked.Store(rw.tick())
		if k == 0 || !mine[k-1].deleted {
			continue
		}
		prev := mine[k-1]
		prev.delStart.Store(rw.tick())
		ids, _ := json.Marshal(map[string][]string{"ids": prev.ids})
		status, raw, err = httpCall(context.Background(), rw.client, "POST", rw.base+"/api/v1/articles/delete", rwWriteKey, string(ids))
		if err != nil || status != http.StatusOK {
			rw.fail("bulk delete of batch %s: status %d, %v: %s", prev.marker, status, err, raw)
			return
		}
		at := rw.tick()
		for j := range prev.ids {
			prev.deletedAt[j].Store(at)
		}
		prev.delDone.Store(rw.tick())
	}
}

// pick chooses the batch for a reader's n-th search: every other time one
// near the writers' progress (being posted or deleted), else any.
func (rw *rwState) pick(rng *rand.Rand, n int) *rwBatch {
	if n%2 == 0 {
		return rw.batches[rng.IntN(len(rw.batches))]
	}
	p := int(rw.posted.Load())
	lo, hi := max(0, p-2*rwWriters), min(len(rw.batches), p+rwWriters)
	return rw.batches[lo+rng.IntN(hi-lo)]
}

// read searches for b's marker and checks the answer against what had
// happened before the search started. It reports whether the search
// overlapped b's deletion.
func (rw *rwState) read(b *rwBatch) (overlapped bool) {
	started := rw.tick()
	ans, err := searchMarker(context.Background(), rw.client, rw.base, b.marker)
	ended := rw.tick()
	if err != nil {
		rw.fail("during writes: %v", err)
		return false
	}
	// Loaded after ended: an event not seen yet happens after the search.
	acked, delStart, delDone := b.acked.Load(), b.delStart.Load(), b.delDone.Load()
	got := ans.ids()
	if ans.Total > len(b.ids) {
		rw.fail("search %q finds %d articles, more than its batch of %d: %v", b.marker, ans.Total, len(b.ids), got)
		return false
	}
	for _, id := range got {
		if !slices.Contains(b.ids, id) {
			rw.fail("search %q finds %s, not of its batch", b.marker, id)
			return false
		}
	}
	for j := range b.ids {
		if at := b.deletedAt[j].Load(); at != 0 && at < started && slices.Contains(got, b.ids[j]) {
			rw.fail("search %q started at %d finds %s, whose DELETE was answered at %d", b.marker, started, b.ids[j], at)
		}
	}
	switch {
	case delDone != 0 && delDone < started:
		if ans.Total != 0 {
			rw.fail("search %q started at %d after the batch was deleted at %d: %d hits %v, want 0", b.marker, started, delDone, ans.Total, got)
		}
	case delStart != 0 && delStart < ended:
		// One bulk delete: the whole batch or none of it.
		if ans.Total != 0 && !sameIDs(got, b.ids) {
			rw.fail("search %q during the deletion of its batch: %v, want all of %v or none", b.marker, got, b.ids)
		}
		return true
	case acked != 0 && acked < started:
		if ans.Total != len(b.ids) {
			rw.fail("search %q started at %d after the POST was answered at %d: %d of %d articles: %v", b.marker, started, acked, ans.Total, len(b.ids), got)
		}
	default:
		if ans.Total != 0 && ans.Total != len(b.ids) {
			rw.fail("search %q during its POST: %d of %d articles, want all or none: %v", b.marker, ans.Total, len(b.ids), got)
		}
	}
	return false
}

// sameIDs reports whether got and want hold the same ids, in any order.
func sameIDs(got, want []string) bool {
	if len(got) != len(want) {
		return false
	}
	for _, id := range want {
		if !slices.Contains(got, id) {
			return false
		}
	}
	return true
}

// verifyFinal checks the index once every writer is done: each batch is
// found whole by its marker and retrievable by id, or, when deleted, not
// found at all.
func (rw *rwState) verifyFinal() {
	t := rw.t
	ctx := context.Background()
	for _, b := range rw.batches {
		ans, err := searchMarker(ctx, rw.client, rw.base, b.marker)
		if err != nil {
			t.Fatalf("after the writes: %v", err)
		}
		want := b.ids
		if b.deleted {
			want = nil
		}
		if !sameIDs(ans.ids(), want) {
			t.Errorf("after the writes: search %q finds %v, want %v (deleted %v)", b.marker, ans.ids(), want, b.deleted)
		}
		for _, id := range b.ids {
			present, err := getArticle(ctx, rw.client, rw.base, id, b.marker)
			if err != nil {
				t.Fatalf("after the writes: %v", err)
			}
			if present == b.deleted {
				t.Errorf("after the writes: GET article %s: present %v, want %v", id, present, !b.deleted)
			}
		}
	}
}
