package ner

import (
	"strings"
)

// kwdlcNE is a named-entity tag of a KWDLC basic phrase, with the phrase's
// byte span in the sentence's text.
type kwdlcNE struct {
	typ, name              string
	phraseStart, phraseEnd int
}

// kwdlcReader reads KNP sentences.
type kwdlcReader struct {
	text  strings.Builder
	nes   []kwdlcNE
	sents []Sentence
}

// ReadKWDLC reads a KWDLC .knp file: each sentence's text is its
// morphemes joined, and each <NE:TYPE:name> tag of a basic phrase marks
// the occurrence of name that ends in that phrase (or, failing that, the
// one nearest to it).
func ReadKWDLC(path string) ([]Sentence, error) {
	r := &kwdlcReader{}
	err := eachLine(path, r.line)
	return r.sents, err
}

func (r *kwdlcReader) line(line string) {
	switch {
	case line == "EOS":
		r.end()
	case strings.HasPrefix(line, "#"), strings.HasPrefix(line, "*"):
	case strings.HasPrefix(line, "+"):
		r.closePhrase()
		for _, m := range neTag.FindAllStringSubmatch(line, -1) {
			if typ, ok := kwdlcTypes[m[1]]; ok {
				r.nes = append(r.nes, kwdlcNE{typ: typ, name: m[2], phraseStart: r.text.Len(), phraseEnd: -1})
			}
		}
	default:
		surface, _, _ := strings.Cut(line, " ")
		r.text.WriteString(surface)
	}
}

// closePhrase ends the open phrases' spans at the current length.
func (r *kwdlcReader) closePhrase() {
	for i := range r.nes {
		if r.nes[i].phraseEnd < 0 {
			r.nes[i].phraseEnd = r.text.Len()
		}
	}
}

// end places the sentence's entities and closes it.
func (r *kwdlcReader) end() {
	r.closePhrase()
	text := r.text.String()
	s := Sentence{Text: text}
	for _, ne := range r.nes {
		if start, ok := place(text, ne); ok {
			s.Gold = append(s.Gold, Gold{Type: ne.typ, Start: start, End: start + len(ne.name)})
		}
	}
	if text != "" {
		r.sents = append(r.sents, s)
	}
	r.text.Reset()
	r.nes = nil
}

// place returns where ne's name stands in text: the occurrence ending in
// its phrase, else the one starting nearest the phrase.
func place(text string, ne kwdlcNE) (int, bool) {
	if ne.name == "" {
		return 0, false
	}
	best, bestDist := -1, len(text)+1
	for from := 0; ; {
		i := strings.Index(text[from:], ne.name)
		if i < 0 {
			break
		}
		i += from
		end := i + len(ne.name)
		if end > ne.phraseStart && end <= ne.phraseEnd {
			return i, true
		}
		if d := abs(i - ne.phraseStart); d < bestDist {
			best, bestDist = i, d
		}
		from = i + 1
	}
	return best, best >= 0
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
