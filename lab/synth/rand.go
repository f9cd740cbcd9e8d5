package synth

// The generator's randomness is its own, not math/rand's, so that a seed
// gives the same corpus with every Go release: SplitMix64 for the stream,
// and Walker's alias method for drawing ranks from a Zipf distribution in
// constant time.

// mix64 is the SplitMix64 finalizer: a bijective scramble of z.
func mix64(z uint64) uint64 {
	z = (z ^ z>>30) * 0xBF58476D1CE4E5B9
	z = (z ^ z>>27) * 0x94D049BB133111EB
	return z ^ z>>31
}

// rng is a SplitMix64 generator.
type rng struct{ s uint64 }

// articleRNG returns the generator of article n of the corpus of seed: each
// article has its own stream, so any article can be made without the ones
// before it.
func articleRNG(seed int64, n int) rng {
	return rng{s: mix64(mix64(uint64(seed)^0x5A6A5A6A5A6A5A6A) ^ mix64(uint64(n)*0x9E3779B97F4A7C15))}
}

// u64 returns the next 64 random bits.
func (r *rng) u64() uint64 {
	r.s += 0x9E3779B97F4A7C15
	return mix64(r.s)
}

// intn returns a number in [0, n); n must be in (0, 2³²).
func (r *rng) intn(n int) int {
	return int((r.u64() >> 32) * uint64(n) >> 32)
}

// between returns a number in [lo, hi].
func (r *rng) between(lo, hi int) int {
	return lo + r.intn(hi-lo+1)
}

// chance reports true with probability p.
func (r *rng) chance(p float64) bool {
	return float64(r.u64()>>11)*(1.0/(1<<53)) < p
}

// pick returns a random element of list, which must not be empty.
func pick[T any](r *rng, list []T) T {
	return list[r.intn(len(list))]
}

// zipf draws ranks 0..n-1 with probability proportional to 1/(rank+1):
// Zipf's law with exponent 1, by the alias method.
type zipf struct {
	prob  []uint32 // chance, out of 2³², of keeping column i
	alias []uint32 // the rank column i gives otherwise
}

// newZipf returns the Zipf distribution over n ranks (n > 0).
func newZipf(n int) *zipf {
	w := make([]float64, n)
	var sum float64
	for i := range w {
		w[i] = 1 / float64(i+1)
		sum += w[i]
	}
	return newAlias(w, sum)
}

// newAlias builds an alias table for weights w summing to sum (Vose's
// method). Every operation is rounded on its own, so the table is the same
// on every architecture.
func newAlias(w []float64, sum float64) *zipf {
	n := len(w)
	p := make([]float64, n)
	var small, large []int
	for i, x := range w {
		p[i] = float64(x*float64(n)) / sum
		if p[i] < 1 {
			small = append(small, i)
		} else {
			large = append(large, i)
		}
	}
	z := &zipf{prob: make([]uint32, n), alias: make([]uint32, n)}
	for len(small) > 0 && len(large) > 0 {
		s, l := small[len(small)-1], large[len(large)-1]
		small = small[:len(small)-1]
		z.prob[s] = uint32(float64(p[s] * (1 << 32)))
		z.alias[s] = uint32(l)
		p[l] = float64(p[l]+p[s]) - 1
		if p[l] < 1 {
			large = large[:len(large)-1]
			small = append(small, l)
		}
	}
	for _, i := range append(small, large...) {
		z.prob[i] = 1<<32 - 1
		z.alias[i] = uint32(i)
	}
	return z
}

// draw returns a random rank.
func (z *zipf) draw(r *rng) int {
	x := r.u64()
	i := int((x & 0xFFFFFFFF) * uint64(len(z.prob)) >> 32)
	if uint32(x>>32) < z.prob[i] {
		return i
	}
	return int(z.alias[i])
}
