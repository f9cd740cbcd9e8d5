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
	lex   Lexicon
	index map[uint32]int32
	w     []float64 // current weights
	total []float64 // sums of the weights over the steps, to average
	stamp []int64   // step of each weight's last change
	step  int64
}

// Train learns a model of lang from data as a structured perceptron:
// each sentence is labelled by Viterbi with the current weights and,
// where the labelling differs from the gold one, the gold labels' features
// and transitions gain and the predicted ones lose; weights are averaged
// over all steps, then scaled to 16 bits. Gold I- labels that continue
// nothing are read as B- labels.
func Train(lang Lang, data []Example, lex Lexicon, cfg TrainConfig) *Model {
	sents := make([]sentence, len(data))
	gold := make([][]Label, len(data))
	for i, ex := range data {
		sents[i].reset(lang, &lex, ex.Words, true)
		gold[i] = validLabels(ex.Labels)
	}
	t := &trainer{lang: lang, lex: lex, index: countFeatures(lang, sents, cfg.MinCount)}
	n := len(t.index) * int(nLabels)
	t.w, t.total, t.stamp = make([]float64, n), make([]float64, n), make([]int64, n)
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	var buf learnBuf
	for it := range cfg.Iterations {
		rng := rand.New(rand.NewPCG(cfg.Seed, uint64(it)))
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, k := range order {
			t.learn(&sents[k], gold[k], &buf)
		}
	}
	return t.model()
}

// countFeatures numbers the features seen at least minCount times in
// sents, in order of first sight, then the transitions.
func countFeatures(lang Lang, sents []sentence, minCount int) map[uint32]int32 {
	counts := map[uint32]int{}
	var firsts []uint32
	var keys []uint32
	for j := range sents {
		s := &sents[j]
		for i := range s.words {
			keys = s.appendStatic(lang, i, keys[:0])
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
	for p := range nLabels {
		if _, ok := index[transKey(p)]; !ok {
			index[transKey(p)] = int32(len(index))
		}
	}
	return index
}

// learnBuf holds what learning a sentence reuses from the last.
type learnBuf struct {
	keys  []int32 // the feature indexes of every word, word after word
	ends  []int   // where each word's indexes end in keys
	sc    [][nLabels]float64
	back  [][nLabels]Label
	pred  []Label
	trans [nLabels][nLabels]float64
	raw   []uint32
}

// learn labels one sentence with the current weights and corrects them
// where the labelling differs from gold.
func (t *trainer) learn(s *sentence, gold []Label, b *learnBuf) {
	b.keys, b.ends, b.sc = b.keys[:0], b.ends[:0], b.sc[:0]
	for i := range s.words {
		b.raw = s.appendStatic(t.lang, i, b.raw[:0])
		var sc [nLabels]float64
		for _, k := range b.raw {
			if j, ok := t.index[k]; ok {
				b.keys = append(b.keys, j)
				w := t.w[int(j)*int(nLabels) : int(j+1)*int(nLabels)]
				for l := range sc {
					sc[l] += w[l]
				}
			}
		}
		b.ends = append(b.ends, len(b.keys))
		b.sc = append(b.sc, sc)
	}
	for p := range nLabels {
		j := int(t.index[transKey(p)]) * int(nLabels)
		copy(b.trans[p][:], t.w[j:j+int(nLabels)])
	}
	b.pred, b.back = viterbi(b.sc, nil, &b.trans, b.back, b.pred)
	t.correct(gold, b)
	t.step++
}

// correct moves the weights towards gold and away from b.pred.
func (t *trainer) correct(gold []Label, b *learnBuf) {
	pg, pp, from := O, O, 0
	for i, g := range gold {
		p := b.pred[i]
		if g != p {
			for _, j := range b.keys[from:b.ends[i]] {
				t.update(int(j)*int(nLabels)+int(g), 1)
				t.update(int(j)*int(nLabels)+int(p), -1)
			}
		}
		if g != p || pg != pp {
			t.update(int(t.index[transKey(pg)])*int(nLabels)+int(g), 1)
			t.update(int(t.index[transKey(pp)])*int(nLabels)+int(p), -1)
		}
		pg, pp, from = g, p, b.ends[i]
	}
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
	return newModel(t.lang, kept, w, t.lex)
}
