package tagger

// FNV-1a, 64 bits: features are hashed from their parts without building
// strings.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// hash is a running FNV-1a hash.
type hash uint64

// newHash starts the hash of a feature of template tmpl.
func newHash(tmpl byte) hash { return (fnvOffset ^ hash(tmpl)) * fnvPrime }

// byte adds one byte.
func (h hash) byte(c byte) hash { return (h ^ hash(c)) * fnvPrime }

// str adds the bytes of s.
func (h hash) str(s string) hash {
	for i := 0; i < len(s); i++ {
		h = (h ^ hash(s[i])) * fnvPrime
	}
	return h
}

// lower adds the bytes of s with ASCII letters lower-cased.
func (h hash) lower(s string) hash {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h = (h ^ hash(c)) * fnvPrime
	}
	return h
}

// u64 adds a value already hashed, byte by byte.
func (h hash) u64(v uint64) hash {
	for i := 0; i < 8; i++ {
		h = (h ^ hash(v&0xff)) * fnvPrime
		v >>= 8
	}
	return h
}

// key is the 32-bit key a feature is stored under.
func (h hash) key() uint32 { return uint32(h ^ h>>32) }
