package geo

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"sync"
)

//go:embed geo.tsv.gz
var table []byte

// Country is a country, or a historical state, with its names.
type Country struct {
	Code       string   // ISO 3166 alpha-2, or a four-letter code for a historical state ("SUHH")
	Name       string   // canonical English name: "United States", "West Germany"
	Names      []string // the names it goes by, the canonical one included: "USA", "米国"
	Adjectives []string // demonyms and other words that mention it: "American", "訪米"
	Population int64    // people, 0 for a historical state
}

// Place is a city, a capital or a first-level region.
type Place struct {
	Code   string   // its country's code
	Weight int64    // people: a city's; a region's, its cities' sum
	Names  []string // GeoNames' name, ASCII name and names in Japanese
}

// Table is the countries and places. Its slices are shared: callers must
// not modify them.
type Table struct {
	Countries []Country
	Places    []Place
	// Ignore lists phrases that contain a country's name or adjective but
	// mention no country ("Latin America", "New Mexico", "Indian Ocean").
	Ignore []string
}

// Default returns the embedded table, with the hand-written historical
// states and Japanese short forms added. It is read once; it never fails,
// since the package's tests read it (were the data invalid, the table
// would be empty).
var Default = sync.OnceValue(func() *Table {
	t, err := parse(table)
	if err != nil {
		return &Table{}
	}
	return t
})

// parse reads the generated table (see gen/geotable) and adds the
// hand-written entries.
func parse(data []byte) (*Table, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("geo table: %w", err)
	}
	t := &Table{Ignore: ignore}
	byCode := map[string]int{}
	sc := bufio.NewScanner(zr)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		switch {
		case strings.HasPrefix(sc.Text(), "#"):
			continue // the header: sources and licence
		case len(f) == 6 && f[0] == "c":
			pop, err := strconv.ParseInt(f[3], 10, 64)
			if err != nil {
				return nil, fmt.Errorf("geo table: population of %s: %w", f[1], err)
			}
			byCode[f[1]] = len(t.Countries)
			t.Countries = append(t.Countries, Country{Code: f[1], Name: f[2], Population: pop, Names: split(f[4]), Adjectives: split(f[5])})
		case len(f) == 4 && f[0] == "p":
			w, err := strconv.ParseInt(f[2], 10, 64)
			if err != nil {
				return nil, fmt.Errorf("geo table: weight of %q: %w", f[3], err)
			}
			t.Places = append(t.Places, Place{Code: f[1], Weight: w, Names: split(f[3])})
		default:
			return nil, fmt.Errorf("geo table: bad line %q", sc.Text())
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("geo table: %w", err)
	}
	t.addHandWritten(byCode)
	return t, nil
}

// addHandWritten adds the historical states, the extra names and
// adjectives, and the prefectures of Japan.
func (t *Table) addHandWritten(byCode map[string]int) {
	for code, extra := range extraNames {
		if i, ok := byCode[code]; ok {
			c := &t.Countries[i]
			c.Names = append(c.Names[:len(c.Names):len(c.Names)], extra.names...)
			c.Adjectives = append(c.Adjectives[:len(c.Adjectives):len(c.Adjectives)], extra.adjectives...)
		}
	}
	t.Countries = append(t.Countries, historical...)
	t.Places = append(t.Places, Place{Code: "JP", Weight: 1, Names: prefectures})
}

func split(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}
