package tagger

// table maps feature keys to their positions: open addressing with linear
// probing over a power-of-two array at most half full. Keys are hashes
// already, so their low bits pick the slot; a Go map spent most of the
// English tagger's time on these look-ups.
type table struct {
	keys []uint32
	pos  []int32 // position + 1; 0 marks an empty slot
	mask uint32
}

// newTable returns the table of keys, each at its index in keys.
func newTable(keys []uint32) table {
	size := 16
	for size < 2*len(keys) {
		size *= 2
	}
	t := table{keys: make([]uint32, size), pos: make([]int32, size), mask: uint32(size - 1)}
	for i, k := range keys {
		s := k & t.mask
		for t.pos[s] != 0 {
			s = (s + 1) & t.mask
		}
		t.keys[s], t.pos[s] = k, int32(i+1)
	}
	return t
}

// get returns the position of key k.
func (t *table) get(k uint32) (int32, bool) {
	for s := k & t.mask; ; s = (s + 1) & t.mask {
		switch p := t.pos[s]; {
		case p == 0:
			return 0, false
		case t.keys[s] == k:
			return p - 1, true
		}
	}
}
