package tagger

import (
	"math"
	"math/rand/v2"
	"slices"
)

// Example is one training sentence: its words (English words, or Japanese
// characters one per string) and their gold labels.
type Example struct {
	Words  []string
	Labels []Label
}

// TrainConfig fixes everything a training run depends on besides its data,
// so that the same data gives the same model byte for byte.
type TrainConfig struct {
	Iterations int    // passes over the data
	Seed       uint64 // of the shuffle before each pass
	MinCount   int    // features seen fewer times in the data are dropped
}

// trainer holds an averaged perceptron's weights while it learns.
type trainer struct {
	lang  Lang
	index map[uint32]int32
	w     []float64 // current weights
	total []float64 // sums of the weights over the steps, to average
	stamp []int64   // step of each weight's last change
	step  int64
}

// Train learns a model of lang from data: greedy left-to-right decoding,
// perceptron updates where the prediction is wrong, weights averaged over
// all steps, then scaled to 16 bits.
func Train(lang Lang, data []Example, cfg TrainConfig) *Model {
	sents := make([]sentence, len(data))
	for i, ex := range data {
		sents[i].reset(lang, ex.Words)
	}
	t := &trainer{lang: lang, index: countFeatures(lang, sents, data, cfg.MinCount)}
	n := len(t.index) * int(nLabels)
	t.w, t.total, t.stamp = make([]float64, n), make([]float64, n), make([]int64, n)
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	var keys []uint32
	for it := range cfg.Iterations {
		rng := rand.New(rand.NewPCG(cfg.Seed, uint64(it)))
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, k := range order {
			keys = t.learn(&sents[k], data[k].Labels, keys)
		}
	}
	return t.model()
}

// countFeatures numbers the features seen at least minCount times in
// data, with the gold labels as history, in order of first sight.
func countFeatures(lang Lang, sents []sentence, data []Example, minCount int) map[uint32]int32 {
	counts := map[uint32]int{}
	var firsts []uint32
	var keys []uint32
	for j, ex := range data {
		s := &sents[j]
		for i := range ex.Words {
			p1, p2 := history(ex.Labels, i)
			keys = s.appendHistory(i, p1, p2, s.appendStatic(lang, i, keys[:0]))
			for _, k := range keys {
				if counts[k] == 0 {
					firsts = append(firsts, k)
				}
				counts[k]++
			}
		}
	}
	index := map[uint32]int32{}
	for _, k := range firsts {
		if counts[k] >= minCount {
			index[k] = int32(len(index))
		}
	}
	return index
}

// history returns the two labels before position i.
func history(labels []Label, i int) (p1, p2 Label) {
	if i > 0 {
		p1 = labels[i-1]
	}
	if i > 1 {
		p2 = labels[i-2]
	}
	return p1, p2
}

// learn decodes one sentence with the current weights and corrects them
// where it errs from the gold labels; it returns the keys buffer.
func (t *trainer) learn(s *sentence, gold []Label, keys []uint32) []uint32 {
	p1, p2 := O, O
	for i := range gold {
		keys = s.appendHistory(i, p1, p2, s.appendStatic(t.lang, i, keys[:0]))
		pred := t.predict(keys, p1)
		if gold := gold[i]; pred != gold {
			for _, k := range keys {
				if j, ok := t.index[k]; ok {
					t.update(int(j)*int(nLabels)+int(gold), 1)
					t.update(int(j)*int(nLabels)+int(pred), -1)
				}
			}
		}
		t.step++
		p1, p2 = pred, p1
	}
	return keys
}

// predict returns the best label allowed after p1 for the features keys.
func (t *trainer) predict(keys []uint32, p1 Label) Label {
	var sc [nLabels]float64
	for _, k := range keys {
		if j, ok := t.index[k]; ok {
			for l := range sc {
				sc[l] += t.w[int(j)*int(nLabels)+l]
			}
		}
	}
	best := O
	for l := Label(1); l < nLabels; l++ {
		if allowed(p1, l) && sc[l] > sc[best] {
			best = l
		}
	}
	return best
}

// update changes weight i by d, first adding its value over the steps
// since it last changed to its total.
func (t *trainer) update(i int, d float64) {
	t.total[i] += float64(t.step-t.stamp[i]) * t.w[i]
	t.stamp[i] = t.step
	t.w[i] += d
}

// model averages the weights, scales them so that the largest is 32,767,
// rounds them to 16 bits and drops the features whose weights all round to
// zero. (Each update adds to one label what it takes from another, so a
// feature's weights already sum to zero.)
func (t *trainer) model() *Model {
	steps := float64(max(t.step, 1))
	avg := make([]float64, len(t.w))
	maxAbs := 0.0
	for i := range avg {
		avg[i] = (t.total[i] + float64(t.step-t.stamp[i])*t.w[i]) / steps
		maxAbs = max(maxAbs, math.Abs(avg[i]))
	}
	scale := 32767 / max(maxAbs, 1e-9)
	keys := make([]uint32, 0, len(t.index))
	for k := range t.index {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var kept []uint32
	var w []int16
	for _, k := range keys {
		j := int(t.index[k]) * int(nLabels)
		var q [nLabels]int16
		zero := true
		for l := range q {
			q[l] = int16(math.Round(avg[j+l] * scale))
			zero = zero && q[l] == 0
		}
		if !zero {
			kept = append(kept, k)
			w = append(w, q[:]...)
		}
	}
	return newModel(t.lang, kept, w)
}
