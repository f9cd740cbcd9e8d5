package tagger

import "testing"

func TestTable(t *testing.T) {
	tests := []struct {
		name    string
		keys    []uint32 // sorted
		missing []uint32
	}{
		{"zero is a key", []uint32{0, 1, 7, 16, 32, 48, 0xffffffff}, []uint32{2, 64, 17, 0xfffffffe}},
		{"zero is free", []uint32{1, 16, 32, 0xffffffff}, []uint32{0, 2, 17}},
	}
	for _, tt := range tests {
		w := make([]int16, len(tt.keys)*int(nLabels))
		for i := range w {
			w[i] = int16(i)
		}
		tb := newTable(tt.keys, w)
		for i, k := range tt.keys {
			got := tb.get(k)
			if got == nil || got[0] != int16(i*int(nLabels)) || got[nLabels-1] != int16((i+1)*int(nLabels)-1) {
				t.Errorf("%s: get(%d) = %v; want the weights from %d", tt.name, k, got, i*int(nLabels))
			}
		}
		for _, k := range tt.missing {
			if got := tb.get(k); got != nil {
				t.Errorf("%s: get(%d) = %v; want nil", tt.name, k, got)
			}
		}
	}
}
