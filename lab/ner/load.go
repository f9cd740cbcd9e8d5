// Package ner measures named-entity recognition on the NER dev sets in the
// shared data folder: entity-level precision, recall and F1 per type, for
// an exact span and for the lenient "same last word" match, for the rules
// extractor alone, with the trained tagger, and for the tagger alone. It
// reads CoNLL-2003 eng.testa, ja-gsd/dev.bio and ja-kwdlc/dev.knp; no test
// split is read.
package ner

import (
	"bufio"
	"fmt"
	"os"
	"regexp"
	"strings"

	"github.com/sagasu-search/sagasu/corpus"
)

// Gold is an entity a data set marks: its type and byte span in the
// sentence's text.
type Gold struct {
	Type       string
	Start, End int
}

// Sentence is one sentence of a data set with its gold entities.
type Sentence struct {
	Text string
	Gold []Gold
}

// builder joins a sentence's tokens and records the entities on them.
type builder struct {
	sep   string
	b     strings.Builder
	gold  []Gold
	open  int // index in gold of the entity the last token is in, or -1
	sents []Sentence
}

// add appends a token; typ is its entity type ("" for none), begin whether
// it starts a new entity.
func (b *builder) add(word, typ string, begin bool) {
	if b.b.Len() > 0 {
		b.b.WriteString(b.sep)
	}
	start := b.b.Len()
	b.b.WriteString(word)
	switch {
	case typ == "":
		b.open = -1
	case begin || b.open < 0 || b.gold[b.open].Type != typ:
		b.gold = append(b.gold, Gold{Type: typ, Start: start, End: b.b.Len()})
		b.open = len(b.gold) - 1
	default:
		b.gold[b.open].End = b.b.Len()
	}
}

// end closes the sentence.
func (b *builder) end() {
	if b.b.Len() > 0 {
		b.sents = append(b.sents, Sentence{Text: b.b.String(), Gold: b.gold})
	}
	b.b.Reset()
	b.gold, b.open = nil, -1
}

// conllTypes maps CoNLL-2003 types (MISC is left out).
var conllTypes = map[string]string{"PER": corpus.TypePerson, "ORG": corpus.TypeOrganization, "LOC": corpus.TypePlace}

// ReadCoNLL reads a CoNLL-2003 file (word POS chunk NE, IOB1), joining
// each sentence's words with spaces.
func ReadCoNLL(path string) ([]Sentence, error) {
	b := &builder{sep: " ", open: -1}
	err := eachLine(path, func(line string) {
		f := strings.Fields(line)
		switch {
		case len(f) == 0:
			b.end()
		case f[0] == "-DOCSTART-":
			b.end()
		default:
			prefix, t, _ := strings.Cut(f[len(f)-1], "-")
			b.add(f[0], conllTypes[t], prefix == "B")
		}
	})
	b.end()
	return b.sents, err
}

// gsdTypes maps UD Japanese-GSD types: GPE and LOC are places.
var gsdTypes = map[string]string{"PERSON": corpus.TypePerson, "ORG": corpus.TypeOrganization,
	"GPE": corpus.TypePlace, "LOC": corpus.TypePlace}

// ReadGSD reads a GSD .bio file (token TAB IOB2 tag), joining each
// sentence's tokens without spaces.
func ReadGSD(path string) ([]Sentence, error) {
	b := &builder{open: -1}
	err := eachLine(path, func(line string) {
		tok, tag, ok := strings.Cut(line, "\t")
		if !ok {
			b.end()
			return
		}
		prefix, t, _ := strings.Cut(tag, "-")
		b.add(tok, gsdTypes[t], prefix == "B")
	})
	b.end()
	return b.sents, err
}

// eachLine calls f with each line of the file at path.
func eachLine(path string, f func(string)) error {
	file, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	defer file.Close()
	sc := bufio.NewScanner(file)
	sc.Buffer(make([]byte, 1<<16), 1<<22)
	for sc.Scan() {
		f(sc.Text())
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	return nil
}

// kwdlcTypes maps the IREX types KWDLC uses (ARTIFACT, OPTIONAL and the
// numeric types are left out).
var kwdlcTypes = map[string]string{"PERSON": corpus.TypePerson, "ORGANIZATION": corpus.TypeOrganization,
	"LOCATION": corpus.TypePlace}

var neTag = regexp.MustCompile(`<NE:([A-Z]+):([^>]*)>`)
