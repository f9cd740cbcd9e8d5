// Package procout keeps what a child process (a peer search engine run
// for evaluation or benchmarking) writes, for error messages: the tail of
// its output, and the head of a long command.
package procout

import (
	"strings"
	"sync"
)

// Tail is an io.Writer that keeps the last bytes written to it. It is safe
// for concurrent use.
type Tail struct {
	mu  sync.Mutex
	max int
	b   []byte
}

// NewTail returns a Tail that keeps the last max bytes.
func NewTail(max int) *Tail { return &Tail{max: max} }

// Write implements io.Writer.
func (t *Tail) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.b = append(t.b, p...)
	if len(t.b) > t.max {
		t.b = t.b[len(t.b)-t.max:]
	}
	return len(p), nil
}

// String returns what is kept, trimmed.
func (t *Tail) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return strings.TrimSpace(string(t.b))
}

// Head returns the first 200 bytes of s, with an ellipsis when it is
// longer: enough of a command to recognize it in an error message.
func Head(s string) string {
	if len(s) > 200 {
		return s[:200] + "…"
	}
	return s
}
