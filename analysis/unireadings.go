package analysis

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/ikawaha/kagome-dict/dict"
	"github.com/ikawaha/kagome-dict/uni"
)

//go:generate go run ./gen/unireadings -out unidic_readings.txt.gz

// The Japanese analysis reads one of UniDic's feature columns, the reading
// (lForm) of proper nouns, and kagome keeps all of them in memory as 9.8
// million strings (260 MB) that the garbage collector marks on every
// cycle of a long ingest. So the readings are generated once
// (gen/unireadings) into unidic_readings.txt.gz, and the dictionary is
// loaded without its feature columns (uni.DictShrink): kagome cuts text
// the same way without them. When the embedded table does not fit the
// dictionary (another kagome-dict version), the full dictionary is loaded
// and read as before.
//
//go:embed unidic_readings.txt.gz
var uniReadingsGz []byte

// properReadings holds readings by morpheme ID in one string, so that the
// garbage collector has no pointers to follow in it.
type properReadings struct {
	morphemes int      // morphemes of the dictionary the table was made from
	ids       []int32  // morpheme IDs, ascending
	ends      []uint32 // ends[i]: where the reading of ids[i] ends in text
	text      string
}

// reading returns the reading of morpheme id, if it is a proper noun with one.
func (r *properReadings) reading(id int) (string, bool) {
	i := sort.Search(len(r.ids), func(i int) bool { return int(r.ids[i]) >= id })
	if i == len(r.ids) || int(r.ids[i]) != id {
		return "", false
	}
	start := uint32(0)
	if i > 0 {
		start = r.ends[i-1]
	}
	return r.text[start:r.ends[i]], true
}

// parseProperReadings reads the table gen/unireadings writes.
func parseProperReadings(gz []byte) (*properReadings, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, err
	}
	r := &properReadings{}
	var text strings.Builder
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		line := sc.Text()
		key, value, ok := strings.Cut(line, "\t")
		switch {
		case strings.HasPrefix(line, "#"):
			continue
		case !ok:
			return nil, fmt.Errorf("malformed line %q", line)
		case key == "morphemes":
			r.morphemes, err = strconv.Atoi(value)
		default:
			var id int
			id, err = strconv.Atoi(key)
			r.ids = append(r.ids, int32(id))
			text.WriteString(value)
			r.ends = append(r.ends, uint32(text.Len()))
		}
		if err != nil {
			return nil, fmt.Errorf("line %q: %w", line, err)
		}
	}
	r.text = text.String()
	return r, sc.Err()
}

// japaneseDict returns the dictionary kagome analyzes Japanese with, and
// the proper nouns' readings when it was loaded without its features
// (nil: read them from the features).
var japaneseDict = sync.OnceValues(func() (*dict.Dict, *properReadings) {
	r, err := parseProperReadings(uniReadingsGz)
	if err != nil {
		panic("analysis: embedded UniDic readings: " + err.Error()) // generated and tested
	}
	if d := uni.DictShrink(); len(d.Morphs) == r.morphemes && d.Contents == nil {
		return d, r
	}
	return uni.Dict(), nil
})

// ProperNounReading returns the reading (lForm) of morpheme id of d, a
// dictionary loaded with its features, when it is a proper noun that has
// one: what the Japanese analysis reads of UniDic's features.
func ProperNounReading(d *dict.Dict, id int) (string, bool) {
	pos := d.POSTable.POSs[id]
	if len(pos) < 2 || d.POSTable.NameList[pos[1]] != "固有名詞" {
		return "", false
	}
	// The features are the POS levels, then the contents.
	var f string
	switch k := uni.LForm - len(pos); {
	case k < 0:
		f = d.POSTable.NameList[pos[uni.LForm]]
	case k < len(d.Contents[id]):
		f = d.Contents[id][k]
	default:
		return "", false
	}
	return f, f != "*"
}
