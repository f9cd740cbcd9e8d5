package sagasu

import (
	"fmt"

	"github.com/sagasu-search/sagasu/searcher/score"
)

// Config is a named ranking that an evaluation can compare with others.
type Config struct {
	Name    string
	Ranking score.Ranking
	About   string // what it changes
}

// Configs returns the rankings "sagasu-lab eval --configs" knows, the
// production default first.
func Configs() []Config {
	def := score.DefaultRanking()
	bleve := score.BleveRanking()
	exact := bleve
	exact.BM25.SqrtTF, exact.Coord = false, false
	bm25f := exact
	bm25f.BM25F = true
	rawTF, noCoord := bleve, bleve
	rawTF.BM25.SqrtTF = false
	noCoord.Coord = false
	coordF := bm25f
	coordF.Coord = true
	return []Config{
		{"default", def, "the production ranking"},
		{"before", bleve, "issue 22's starting point: Bleve's sqrt tf and coord, a BM25 per field summed"},
		{"rawtf", rawTF, "before, with the raw term frequency"},
		{"nocoord", noCoord, "before, without coord"},
		{"exact", exact, "BM25 as written: raw tf, no coord, a BM25 per field summed"},
		{"bm25f", bm25f, "exact, with title and body saturated together (BM25F)"},
		{"bm25f+coord", coordF, "bm25f, with coord"},
		{"before+prox", with(bleve, prox), "before, with proximity pairs"},
		{"bm25f+prox", with(bm25f, prox), "bm25f, with proximity pairs"},
	}
}

// FindConfig returns the configuration called name.
func FindConfig(name string) (Config, error) {
	var names []string
	for _, c := range Configs() {
		if c.Name == name {
			return c, nil
		}
		names = append(names, c.Name)
	}
	return Config{}, fmt.Errorf("unknown configuration %q: use one of %v", name, names)
}

// prox and with add a part to a ranking.
func prox(r *score.Ranking) { r.Proximity = true }

func with(r score.Ranking, parts ...func(*score.Ranking)) score.Ranking {
	for _, p := range parts {
		p(&r)
	}
	return r
}
