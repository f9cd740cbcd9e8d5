package memlimit

import (
	"os"
	"runtime/debug"
	"strings"
	"testing"
)

func TestDecide(t *testing.T) {
	const gib = 1 << 30
	tests := []struct {
		dir        string // under testdata: a fake root with proc/self/cgroup and sys/fs/cgroup
		env        map[string]string
		wantCgroup int64
		wantSource string
		wantErr    string
	}{
		{"v2-limit", nil, 2 * gib, "/sys/fs/cgroup/memory.max", ""},
		{"v2-max", nil, 0, "", ""},
		{"v2-host-root", nil, 0, "", ""},
		{"v2-nested", nil, 1 * gib, "/sys/fs/cgroup/system.slice/memory.max", ""},
		{"v1-limit", nil, 2 * gib, "/sys/fs/cgroup/memory/memory.limit_in_bytes", ""},
		{"v1-unlimited", nil, 0, "", ""},
		{"v1-hybrid", nil, gib / 2, "/sys/fs/cgroup/memory/batch/memory.limit_in_bytes", ""},
		{"no-proc", nil, 3 * gib, "/sys/fs/cgroup/memory.max", ""},
		{"garbage", nil, 0, "", "memory.max"},
		{"v2-limit", map[string]string{"GOMEMLIMIT": "1GiB"}, 0, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.dir, func(t *testing.T) {
			d, err := Decide(os.DirFS("testdata/"+tt.dir), func(k string) string { return tt.env[k] })
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err %v, want one naming %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			wantLimit := int64(float64(tt.wantCgroup) * Fraction)
			if d.Cgroup != tt.wantCgroup || d.Limit != wantLimit || d.Source != tt.wantSource || d.Reason == "" {
				t.Errorf("got %+v, want cgroup %d, limit %d from %q, and a reason", d, tt.wantCgroup, wantLimit, tt.wantSource)
			}
			if tt.env["GOMEMLIMIT"] != "" && !strings.Contains(d.Reason, "GOMEMLIMIT=1GiB") {
				t.Errorf("reason %q does not say the environment's GOMEMLIMIT was kept", d.Reason)
			}
		})
	}
}

func TestApplySetsTheRuntimeLimit(t *testing.T) {
	old := debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetMemoryLimit(old) })
	d, err := Apply(os.DirFS("testdata/v2-limit"), func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	twoGiB := float64(2 << 30)
	if got := debug.SetMemoryLimit(-1); got != d.Limit || got != int64(twoGiB*Fraction) {
		t.Errorf("runtime limit %d, want %d (90%% of 2 GiB)", got, d.Limit)
	}
}
