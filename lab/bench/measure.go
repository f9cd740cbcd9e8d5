package bench

import (
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"sync/atomic"
	"time"
)

// procStatus returns a field of /proc/<pid>/status in bytes (pid 0 is this
// process): "VmHWM" is the peak resident set size, "VmRSS" the current one.
// It fails where there is no /proc (not Linux).
func procStatus(pid int, field string) (int64, error) {
	path := "/proc/self/status"
	if pid > 0 {
		path = "/proc/" + strconv.Itoa(pid) + "/status"
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return 0, fmt.Errorf("read %s: %w", path, err)
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	prefix := []byte(field + ":")
	for sc.Scan() {
		line := sc.Bytes()
		if !bytes.HasPrefix(line, prefix) {
			continue
		}
		f := bytes.Fields(line[len(prefix):])
		if len(f) == 0 {
			break
		}
		n, err := strconv.ParseInt(string(f[0]), 10, 64)
		if err != nil {
			return 0, fmt.Errorf("%s: %s: %w", path, line, err)
		}
		if len(f) > 1 && string(f[1]) == "kB" {
			n *= 1024
		}
		return n, nil
	}
	return 0, fmt.Errorf("%s: no %s line", path, field)
}

// resetPeakRSS returns as much memory as it can to the operating system
// and resets this process's peak resident set size (VmHWM) to its current
// size (Linux 4.0 and later: "5" written to /proc/self/clear_refs), so
// that the next peak read is that of what runs from now on. It reports
// whether the reset worked; when it did not, a later VmHWM is the peak
// since the process started.
func resetPeakRSS() bool {
	runtime.GC()
	debug.FreeOSMemory()
	return os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) == nil
}

// diskUsage returns the bytes the files under path take on disk: the
// blocks allocated where the system says (sparse files count what they
// use, not their length), else their lengths.
func diskUsage(path string) (int64, error) {
	var total int64
	err := filepath.WalkDir(path, func(_ string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		total += allocated(info)
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("disk usage of %s: %w", path, err)
	}
	return total, nil
}

// sampleAnonRSS polls the anonymous resident memory (RssAnon: heap and
// stacks, not the pages of memory-mapped files such as Bleve's segments,
// which the kernel may drop and read again) of the process pid names (0:
// this one; below 0: none yet) every interval, until the returned stop is
// called; stop returns the largest value seen, or 0 where /proc has no
// RssAnon. VmHWM counts mapped
// index pages as well, so at a million articles it says more about the
// index's size than about the memory the engine needs.
func sampleAnonRSS(pid func() int, interval time.Duration) (stop func() int64) {
	var peak atomic.Int64
	sample := func() {
		p := pid()
		if p < 0 {
			return
		}
		if n, err := procStatus(p, "RssAnon"); err == nil && n > peak.Load() {
			peak.Store(n)
		}
	}
	sample()
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				sample()
			}
		}
	}()
	return func() int64 {
		close(done)
		<-finished
		sample()
		return peak.Load()
	}
}
