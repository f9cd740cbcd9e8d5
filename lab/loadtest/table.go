package loadtest

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"
	"time"
)

// WriteTable writes the report as an aligned text table: one row per kind
// of read, one for all reads and one for the writes.
func (r *Report) WriteTable(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "request\tcount\tper s\tp50 ms\tp95 ms\tp99 ms\tmax ms\tstatuses\terrors\t\n")
	rows := append(slices.Clone(r.ByName), r.Reads)
	if r.Writes != nil {
		rows = append(rows, *r.Writes)
	}
	for _, s := range rows {
		fmt.Fprintf(tw, "%s\t%d\t%.0f\t%s\t%s\t%s\t%s\t%s\t%d\t\n", s.Name, s.Count, s.PerSecond,
			ms(s.P50), ms(s.P95), ms(s.P99), ms(s.Max), statuses(s.Status), s.Errors)
	}
	fmt.Fprintf(tw, "concurrency %d, %.1f s\t\t\t\t\t\t\t\t\t\n", r.Concurrency, r.Elapsed.Seconds())
	return tw.Flush()
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2f", float64(d)/float64(time.Millisecond)) }

// statuses writes {200: 10, 503: 1} as "200×10 503×1".
func statuses(m map[int]int) string {
	codes := make([]int, 0, len(m))
	for c := range m {
		codes = append(codes, c)
	}
	slices.Sort(codes)
	parts := make([]string, len(codes))
	for i, c := range codes {
		parts[i] = fmt.Sprintf("%d×%d", c, m[c])
	}
	return strings.Join(parts, " ")
}
