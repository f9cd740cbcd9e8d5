package tagger

// table maps feature keys to their weights: open addressing with linear
// probing over a power-of-two array at most half full, each slot holding
// a key and its nLabels weights, so that a look-up reads one slot (a Go
// map, and then separate arrays of keys, positions and weights, spent most
// of the tagger's time waiting for memory). Keys are hashes already, so
// their low bits pick the slot. Empty slots hold the key empty, which no
// feature has.
type table struct {
	slots []slot
	mask  uint32
	empty uint32
}

// slot is one key of a table and its weights.
type slot struct {
	key uint32
	w   [nLabels]int16
}

// newTable returns the table of keys, sorted, with
// the weights w (nLabels per key, in keys' order).
func newTable(keys []uint32, w []int16) table {
	size := 16
	for size < 2*len(keys) {
		size *= 2
	}
	t := table{slots: make([]slot, size), mask: uint32(size - 1), empty: unusedKey(keys)}
	for i := range t.slots {
		t.slots[i].key = t.empty
	}
	for i, k := range keys {
		s := k & t.mask
		for t.slots[s].key != t.empty {
			s = (s + 1) & t.mask
		}
		t.slots[s].key = k
		copy(t.slots[s].w[:], w[i*int(nLabels):(i+1)*int(nLabels)])
	}
	return t
}

// unusedKey returns the least key not in keys, which are sorted (there
// is one: keys are fewer than 2³²).
func unusedKey(keys []uint32) uint32 {
	var c uint32
	for _, k := range keys {
		if k == c {
			c++
		} else if k > c {
			break
		}
	}
	return c
}

// get returns the weights of key k, nil when the table does not have it.
func (t *table) get(k uint32) *[nLabels]int16 {
	if k == t.empty {
		return nil
	}
	for s := k & t.mask; ; s = (s + 1) & t.mask {
		sl := &t.slots[s]
		switch sl.key {
		case k:
			return &sl.w
		case t.empty:
			return nil
		}
	}
}
