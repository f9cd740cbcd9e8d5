package groonga

import (
	"fmt"
	"strings"
	"testing"
)

func TestTail(t *testing.T) {
	tests := []struct {
		writes []string
		max    int
		want   string
	}{
		{[]string{"short\n"}, 16, "short"},
		{[]string{"0123456789", "abcdef"}, 8, "89abcdef"},
		{[]string{"error: one\n", "error: two\n"}, 11, "error: two"},
		{nil, 8, ""},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.writes), func(t *testing.T) {
			tl := newTail(tt.max)
			for _, w := range tt.writes {
				if n, err := tl.Write([]byte(w)); n != len(w) || err != nil {
					t.Fatalf("Write(%q) = %d, %v", w, n, err)
				}
			}
			if got := tl.String(); got != tt.want {
				t.Errorf("String() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestHead(t *testing.T) {
	long := strings.Repeat("x", 250)
	for _, tt := range []struct{ in, want string }{
		{"select Docs", "select Docs"},
		{long[:200], long[:200]},
		{long, long[:200] + "…"},
	} {
		if got := head(tt.in); got != tt.want {
			t.Errorf("head(%d bytes) = %d bytes, want %d", len(tt.in), len(got), len(tt.want))
		}
	}
}
