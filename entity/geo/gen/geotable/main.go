// Command geotable builds Sagasu's table of countries and places from the
// shared geographic data (../shared/data/geo): GeoNames' countryInfo.txt,
// admin-1 regions (regionInfo.tsv) and cities15000.txt (CC BY 4.0), and
// mledoze/countries' countries.json (ODbL 1.0) for names in Japanese,
// other spellings and English demonyms. It writes a gzip-compressed,
// tab-separated file:
//
//	c	JP	Japan	126529100	Japan|Nippon|日本|日本国	Japanese|日本人
//	p	JP	13515271	Tokyo|東京|とうきょう
//
// A c line is a country: its ISO code, its canonical English name (GeoNames'),
// its population (GeoNames'), the names it goes by and its adjectives (demonyms; Japanese names with 人).
// A name or adjective two countries share goes to the more populous when it
// has ten times the people of the other, and to neither otherwise
// ("Congolese" is DR Congo's, "Dominican" the Dominican Republic's).
// A p line is a place: a city of at least -min-population people (or a
// capital), or a first-level region, with its country, a weight (a city's
// population; a region's, the sum of its cities in cities15000.txt) and its
// names: GeoNames' name and ASCII name and, among the alternate names, those
// in kana and, for cities in Japan, China, Taiwan and Korea, those in kanji.
// The output depends only on the input: lines are sorted and the gzip
// header carries no name or time. Run by go generate in entity/geo.
package main

import (
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

func main() {
	dir := flag.String("data-dir", "../../../shared/data/geo", "the shared geo data folder (GeoNames and mledoze-countries)")
	out := flag.String("out", "geo.tsv.gz", "file to write")
	minPop := flag.Int64("min-population", 100000, "smallest city population kept (capitals are always kept)")
	flag.Parse()
	if err := run(*dir, *out, *minPop); err != nil {
		fmt.Fprintln(os.Stderr, "geotable:", err)
		os.Exit(1)
	}
}

func run(dir, out string, minPop int64) error {
	countries, err := readCountries(dir)
	if err != nil {
		return err
	}
	places, err := readPlaces(dir, minPop)
	if err != nil {
		return err
	}
	var lines []string
	for _, c := range countries {
		lines = append(lines, c.line())
	}
	nCountries := len(lines)
	for _, p := range places {
		if _, ok := countries[p.code]; ok {
			lines = append(lines, p.line())
		}
	}
	slices.Sort(lines)
	data, err := compress(strings.Join(lines, ""))
	if err != nil {
		return err
	}
	if err := os.WriteFile(out, data, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	fmt.Fprintf(os.Stderr, "geotable: %d countries, %d places, %d bytes\n", nCountries, len(lines)-nCountries, len(data))
	return nil
}

// compress gzips s at the best compression, with an empty header.
func compress(s string) ([]byte, error) {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, fmt.Errorf("gzip: %w", err)
	}
	if _, err := zw.Write([]byte(s)); err != nil {
		return nil, fmt.Errorf("gzip: %w", err)
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("gzip: %w", err)
	}
	return buf.Bytes(), nil
}

// readFile reads one file of the data folder.
func readFile(dir, name string) ([]byte, error) {
	data, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		return nil, fmt.Errorf("read %s (the shared data folder, see its README): %w", name, err)
	}
	return data, nil
}

// clean joins names with |, without empty ones, tabs or bars, sorted and
// without duplicates.
func clean(names []string) string {
	var out []string
	for _, n := range names {
		n = strings.TrimSpace(strings.NewReplacer("\t", " ", "|", " ").Replace(n))
		if n != "" {
			out = append(out, n)
		}
	}
	slices.Sort(out)
	return strings.Join(slices.Compact(out), "|")
}
