// Command enamdict builds Sagasu's Japanese name lexicon from ENAMDICT, the
// Japanese proper-name dictionary of the Electronic Dictionary Research and
// Development Group (Debian package enamdict, /usr/share/edict/enamdict,
// EUC-JP, CC BY-SA 4.0). It writes a gzip-compressed, tab-separated file:
//
//	p	安倍晋三	安倍	あべ	しんぞう	(a person: full name, surname, readings)
//	u	岸信夫	岸	きし	のぶお	(an unlisted person, kept for evaluation)
//	s	あべ	(a surname reading)
//	g	しんぞう	(a given-name reading)
//	S	金子	かねこ	かなこ	(a surname's writing and its readings)
//	G	恭之	やすゆき	やすし	(a given name's writing and its readings)
//
// A person is an entry marked (h), a full name, whose writing and reading
// split into a surname entry and a given-name entry of the dictionary;
// entries that split no way are left out. One person in a hundred, chosen
// by a hash of the writing (heldOut), is written as unlisted rather than
// listed: the lexicon does not know them by full name, so that the
// recognition of names nobody listed can be measured on them. Readings of
// a writing keep the dictionary's order. The output depends only on the
// input: lines are sorted and the gzip header carries no name or time.
// Run by go generate in namedict/.
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"slices"
	"strings"

	"golang.org/x/text/encoding/japanese"

	"github.com/sagasu-search/sagasu/text"
)

func main() {
	in := flag.String("in", "/usr/share/edict/enamdict", "ENAMDICT file, EUC-JP (Debian package enamdict)")
	out := flag.String("out", "enamdict.tsv.gz", "file to write")
	flag.Parse()
	if err := run(*in, *out); err != nil {
		fmt.Fprintln(os.Stderr, "enamdict:", err)
		os.Exit(1)
	}
}

func run(in, out string) error {
	f, err := os.Open(in)
	if err != nil {
		return fmt.Errorf("open %s (apt-get install enamdict): %w", in, err)
	}
	defer f.Close()
	d, err := parse(japanese.EUCJP.NewDecoder().Reader(f))
	if err != nil {
		return fmt.Errorf("read %s: %w", in, err)
	}
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return err
	}
	if _, err := io.WriteString(zw, d.lines()); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	fmt.Fprintf(os.Stderr, "enamdict: %d people, %d surname and %d given-name readings, %d bytes\n",
		len(d.people), len(d.surnameReadings), len(d.givenReadings), buf.Len())
	return nil
}

// entry is one dictionary line: a writing, its reading, and its types
// ("s" surname, "g" given name, "m" male, "f" female, "h" full name, ...).
type entry struct {
	writing, reading string
	types            []string
}

// dict holds what the lexicon keeps.
type dict struct {
	surnames, givens               map[string][]string // writing → readings
	surnameReadings, givenReadings map[string]bool
	fullNames                      []entry
	people                         []string
}

func parse(r io.Reader) (*dict, error) {
	d := &dict{surnames: map[string][]string{}, givens: map[string][]string{},
		surnameReadings: map[string]bool{}, givenReadings: map[string]bool{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for sc.Scan() {
		e, ok := parseLine(sc.Text())
		if !ok {
			continue
		}
		for _, t := range e.types {
			switch t {
			case "s":
				d.surnames[e.writing] = append(d.surnames[e.writing], e.reading)
				d.surnameReadings[e.reading] = true
			case "g", "m", "f":
				d.givens[e.writing] = append(d.givens[e.writing], e.reading)
				d.givenReadings[e.reading] = true
			case "h":
				d.fullNames = append(d.fullNames, e)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	for _, e := range d.fullNames {
		if line, ok := d.split(e); ok {
			if heldOut(e.writing) {
				line = "u" + line[1:]
			}
			d.people = append(d.people, line)
		}
	}
	return d, nil
}

// parseLine reads `安倍晋三 [あべしんぞう] /(h) Shinzō Abe (1954.9-)/`.
func parseLine(line string) (entry, bool) {
	writing, rest, ok := strings.Cut(line, " [")
	if !ok {
		return entry{}, false
	}
	reading, rest, ok := strings.Cut(rest, "] /(")
	if !ok {
		return entry{}, false
	}
	types, _, ok := strings.Cut(rest, ")")
	if !ok || !text.AllKana(reading) {
		return entry{}, false
	}
	return entry{writing: writing, reading: reading, types: strings.Split(types, ",")}, true
}

// split cuts a full name into a surname and a given name that the
// dictionary lists with matching readings, and returns its lexicon line.
// The longest surname that fits wins.
func (d *dict) split(e entry) (string, bool) {
	rs := []rune(e.writing)
	for k := len(rs) - 1; k >= 1; k-- {
		sur, giv := string(rs[:k]), string(rs[k:])
		for _, sr := range d.surnames[sur] {
			gr, ok := strings.CutPrefix(e.reading, sr)
			if ok && gr != "" && slices.Contains(d.givens[giv], gr) {
				return strings.Join([]string{"p", e.writing, sur, sr, gr}, "\t"), true
			}
		}
	}
	return "", false
}

// lines renders the lexicon: a header, then people, surname readings and
// given-name readings, each sorted and without duplicates.
func (d *dict) lines() string {
	var b strings.Builder
	b.WriteString("# Japanese name lexicon generated by namedict/gen/enamdict from ENAMDICT\n")
	b.WriteString("# (Electronic Dictionary Research and Development Group, CC BY-SA 4.0; see namedict/NOTICE). Do not edit.\n")
	write := func(lines []string) {
		slices.Sort(lines)
		for _, l := range slices.Compact(lines) {
			b.WriteString(l)
			b.WriteByte('\n')
		}
	}
	write(d.people)
	write(tagged("s", d.surnameReadings))
	write(tagged("g", d.givenReadings))
	write(writings("S", d.surnames))
	write(writings("G", d.givens))
	return b.String()
}

// heldOut reports whether the full name writing is one of the one in a
// hundred people kept out of the lexicon's full-name table (FNV-1a).
func heldOut(writing string) bool {
	h := fnv.New32a()
	h.Write([]byte(writing))
	return h.Sum32()%100 == 0
}

// writings renders each writing with its readings, deduplicated in
// dictionary order.
func writings(tag string, m map[string][]string) []string {
	out := make([]string, 0, len(m))
	for w, rs := range m {
		var uniq []string
		for _, r := range rs {
			if !slices.Contains(uniq, r) {
				uniq = append(uniq, r)
			}
		}
		out = append(out, tag+"\t"+w+"\t"+strings.Join(uniq, "\t"))
	}
	return out
}

func tagged(tag string, set map[string]bool) []string {
	out := make([]string, 0, len(set))
	for r := range set {
		out = append(out, tag+"\t"+r)
	}
	return out
}
