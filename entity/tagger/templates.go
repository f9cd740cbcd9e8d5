package tagger

import "math/bits"

// appendStatic appends the keys of the features of word i that do not
// depend on the labels before it.
func (s *sentence) appendStatic(lang Lang, i int, keys []uint32) []uint32 {
	if lang == Japanese {
		return s.appendJapanese(i, keys)
	}
	return s.appendEnglish(i, keys)
}

// appendEnglish appends the word features of word i.
func (s *sentence) appendEnglish(i int, keys []uint32) []uint32 {
	w, low, sh := s.words[i], s.low, s.shape
	keys = append(keys,
		newHash(10).key(),
		newHash(11).str(w).key(),
		newHash(12).u64(low[i]).key(),
		newHash(13).u64(sh[i]).key(),
		newHash(14).u64(at(low, i-1)).key(),
		newHash(15).u64(at(low, i+1)).key(),
		newHash(16).u64(at(low, i-2)).key(),
		newHash(17).u64(at(low, i+2)).key(),
		newHash(18).u64(at(sh, i-1)).key(),
		newHash(19).u64(at(sh, i+1)).key(),
		newHash(20).u64(at(low, i-1)).u64(low[i]).key(),
		newHash(21).u64(low[i]).u64(at(low, i+1)).key(),
		newHash(22).u64(at(sh, i-1)).u64(sh[i]).u64(at(sh, i+1)).key(),
		newHash(23).u64(at(sh, i-1)).u64(sh[i]).u64(at(low, i+1)).key(),
		newHash(24).u64(at(low, i-1)).u64(sh[i]).key(),
	)
	if i == 0 {
		keys = append(keys, newHash(25).u64(sh[i]).key())
	}
	if s.caps {
		keys = append(keys, newHash(28).key(), newHash(29).u64(low[i]).key(),
			newHash(30).u64(s.sig[i]).key(), newHash(31).u64(at(low, i-1)).u64(low[i]).key())
	}
	keys = s.appendLex(i, keys)
	for n := 1; n <= 4 && n < len(w); n++ {
		keys = append(keys, newHash(26).byte(byte(n)).lower(w[:n]).key(),
			newHash(27).byte(byte(n)).lower(w[len(w)-n:]).key())
	}
	return keys
}

// appendJapanese appends the character features of character i.
func (s *sentence) appendJapanese(i int, keys []uint32) []uint32 {
	c, cl := s.low, s.shape
	keys = s.appendMorph(i, keys)
	keys = s.appendLex(i, keys)
	return append(keys,
		newHash(40).key(),
		newHash(41).u64(c[i]).key(),
		newHash(42).u64(at(c, i-1)).key(),
		newHash(43).u64(at(c, i+1)).key(),
		newHash(44).u64(at(c, i-2)).key(),
		newHash(45).u64(at(c, i+2)).key(),
		newHash(46).u64(at(c, i-1)).u64(c[i]).key(),
		newHash(47).u64(c[i]).u64(at(c, i+1)).key(),
		newHash(48).u64(at(c, i-2)).u64(at(c, i-1)).key(),
		newHash(49).u64(at(c, i+1)).u64(at(c, i+2)).key(),
		newHash(50).u64(at(c, i-1)).u64(c[i]).u64(at(c, i+1)).key(),
		newHash(51).u64(cl[i]).key(),
		newHash(52).u64(at(cl, i-1)).u64(cl[i]).u64(at(cl, i+1)).key(),
		newHash(53).u64(at(cl, i-2)).u64(at(cl, i-1)).u64(cl[i]).u64(at(cl, i+1)).u64(at(cl, i+2)).key(),
		newHash(54).u64(at(c, i-2)).u64(at(c, i-1)).u64(c[i]).key(),
		newHash(55).u64(c[i]).u64(at(c, i+1)).u64(at(c, i+2)).key(),
		newHash(56).u64(at(cl, i-1)).u64(c[i]).key(),
		newHash(57).u64(c[i]).u64(at(cl, i+1)).key(),
	)
}

// appendLex appends the lexicon features of word i: the lists it is in,
// alone, with its shape and with the lists of the words either side, and
// each list on its own.
func (s *sentence) appendLex(i int, keys []uint32) []uint32 {
	sig := s.sig[i]
	keys = append(keys,
		newHash(80).u64(sig).key(),
		newHash(81).u64(at(s.sig, i-1)).u64(sig).key(),
		newHash(82).u64(sig).u64(at(s.sig, i+1)).key(),
		newHash(83).u64(sig).u64(s.shape[i]).key(),
	)
	for sig != 0 {
		b := bits.TrailingZeros64(sig)
		keys = append(keys, newHash(84).byte(byte(b)).key())
		sig &^= 1 << b
	}
	return keys
}
