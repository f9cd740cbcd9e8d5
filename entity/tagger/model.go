package tagger

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
)

// Model is a trained tagger for one language: a weight per label for each
// kept feature, scaled to 16 bits. It is read-only and safe for
// concurrent use.
type Model struct {
	lang  Lang
	keys  []uint32                // feature keys, sorted
	index table                   // key → its nLabels weights
	trans [nLabels][nLabels]int32 // score of label l after label p
	lex   Lexicon                 // the lists the features read
}

// Lang is the language m tags.
func (m *Model) Lang() Lang { return m.lang }

// Features is the number of features m keeps.
func (m *Model) Features() int { return len(m.keys) }

// newModel builds a model from sorted keys and their weights.
func newModel(lang Lang, keys []uint32, w []int16, lex Lexicon) *Model {
	m := &Model{lang: lang, keys: keys, lex: lex, index: newTable(keys, w)}
	for p := range nLabels {
		m.score([]uint32{transKey(p)}, &m.trans[p])
	}
	return m
}

// score adds the weights of the features keys to sc.
func (m *Model) score(keys []uint32, sc *[nLabels]int32) {
	for _, k := range keys {
		w := m.index.get(k)
		if w == nil {
			continue
		}
		for l := range sc {
			sc[l] += int32(w[l])
		}
	}
}

// decode labels the words of s with the best labelling under m (Viterbi
// over the labels' transitions) in which the words s.free leaves out are
// O, writing s.out. Only the free words' features are scored.
func (m *Model) decode(s *sentence) {
	s.sc = s.sc[:0]
	for i := range s.words {
		var sc [nLabels]int32
		if s.free == nil || s.free[i] {
			s.keys = s.appendStatic(m.lang, i, s.keys[:0])
			m.score(s.keys, &sc)
		}
		s.sc = append(s.sc, sc)
	}
	s.out, s.back = viterbi(s.sc, s.free, &m.trans, s.back, s.out)
}

// Label labels words (English words, or Japanese characters one per
// string), one sentence.
func (m *Model) Label(words []string) []Label {
	var s sentence
	s.reset(m.lang, &m.lex, words, false)
	m.decode(&s)
	return s.out
}

// magic opens a model file.
const magic = "sagasu-ner-2\n"

// WriteTo writes m gzip-compressed: the language, the number of features,
// the keys as varint deltas, then each label's weights as zigzag varints,
// then the lexicon: its size, its phrase hashes sorted as varint deltas
// and each one's lists. The bytes depend only on m.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	buf := append([]byte(magic), byte(m.lang), byte(nLabels))
	buf = binary.AppendUvarint(buf, uint64(len(m.keys)))
	var last uint32
	for _, k := range m.keys {
		buf = binary.AppendUvarint(buf, uint64(k-last))
		last = k
	}
	for l := range nLabels {
		for _, k := range m.keys {
			buf = binary.AppendVarint(buf, int64(m.index.get(k)[l]))
		}
	}
	buf = m.lex.appendTo(buf)
	if _, err := zw.Write(buf); err != nil {
		return 0, fmt.Errorf("write model: %w", err)
	}
	return int64(len(buf)), zw.Close()
}

// Read reads a model that WriteTo wrote.
func Read(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("read model: %w", err)
	}
	br := bufio.NewReader(zr)
	head := make([]byte, len(magic)+2)
	if _, err := io.ReadFull(br, head); err != nil || string(head[:len(magic)]) != magic {
		return nil, errors.New("read model: not a model file")
	}
	if Label(head[len(magic)+1]) != nLabels {
		return nil, fmt.Errorf("read model: %d labels, want %d", head[len(magic)+1], nLabels)
	}
	keys, w, err := readWeights(br)
	if err != nil {
		return nil, fmt.Errorf("read model: %w", err)
	}
	lex, err := readLexicon(br)
	if err != nil {
		return nil, fmt.Errorf("read model: %w", err)
	}
	if _, err := br.ReadByte(); err != io.EOF {
		return nil, errors.New("read model: data after the lexicon")
	}
	return newModel(Lang(head[len(magic)]), keys, w, lex), nil
}

// readWeights reads the keys and weights of a model file.
func readWeights(br *bufio.Reader) ([]uint32, []int16, error) {
	n, err := binary.ReadUvarint(br)
	if err != nil || n > 1<<26 {
		return nil, nil, fmt.Errorf("bad feature count: %v", err)
	}
	keys := make([]uint32, n)
	var last uint64
	for j := range keys {
		d, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, nil, err
		}
		last += d
		keys[j] = uint32(last)
	}
	if !slices.IsSorted(keys) {
		return nil, nil, errors.New("keys out of order")
	}
	w := make([]int16, int(n)*int(nLabels))
	for l := range int(nLabels) {
		for j := range keys {
			v, err := binary.ReadVarint(br)
			if err != nil || v < math.MinInt16 || v > math.MaxInt16 {
				return nil, nil, fmt.Errorf("weights: %v", err)
			}
			w[j*int(nLabels)+l] = int16(v)
		}
	}
	return keys, w, nil
}
