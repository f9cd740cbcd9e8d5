package tagger

import "testing"

func TestTable(t *testing.T) {
	keys := []uint32{0, 16, 32, 1, 0xffffffff, 48, 7}
	tb := newTable(keys)
	for i, k := range keys {
		if p, ok := tb.get(k); !ok || p != int32(i) {
			t.Errorf("get(%d) = %d, %v; want %d, true", k, p, ok, i)
		}
	}
	for _, k := range []uint32{2, 64, 17, 0xfffffffe} {
		if p, ok := tb.get(k); ok {
			t.Errorf("get(%d) = %d, true; want not found", k, p)
		}
	}
}
