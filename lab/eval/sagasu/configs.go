package sagasu

import (
	"fmt"

	"github.com/sagasu-search/sagasu/analysis"
	"github.com/sagasu-search/sagasu/searcher/score"
)

// Config is a named ranking, over an index analyzed by a named variant,
// that an evaluation can compare with others.
type Config struct {
	Name    string
	Ranking score.Ranking
	About   string // what it changes
	// Analyzer is the analysis variant the index is built with (an
	// analysis.Variant's Name; "" for the default): configurations with
	// the same analyzer share one index.
	Analyzer string
}

// Configs returns the rankings "sagasu-lab eval --configs" knows: the
// production default, the ranking before issue 22, and the steps and
// alternatives between and beside them.
func Configs() []Config {
	def := score.DefaultRanking()
	bleve := score.BleveRanking()
	lengths := bleve
	lengths.TrueLengths = true
	noCoord := bleve
	noCoord.Coord = false
	exact := def
	exact.Coord, exact.TrueLengths = false, true
	bm25f := exact
	bm25f.BM25F = true
	bm25fCoord := def
	bm25fCoord.BM25F = true
	trueLengths := bm25fCoord
	trueLengths.TrueLengths = true
	ql := exact
	ql.BM25.Mu = score.LuceneMu
	lucene := with(def, luceneBM25)
	porterStop := analysis.Variant{Stemmer: analysis.StemPorter, StopWords: true}
	return []Config{
		ranked("default", def, "the production ranking: BM25 with raw tf, coord, a BM25 per field summed"),
		ranked("before", bleve, "before issue 22: Bleve's sqrt tf, coord, a BM25 per field summed"),
		ranked("bm25f+coord", bm25fCoord, "default, with title and body saturated together (BM25F)"),
		ranked("lengths", lengths, "before, with the true average field lengths"),
		ranked("nocoord", noCoord, "before, without coord"),
		ranked("exact", exact, "BM25 as written: raw tf, true average lengths, no coord, a BM25 per field summed"),
		ranked("bm25f", bm25f, "exact, with title and body saturated together (BM25F)"),
		ranked("bm25f+coord+lengths", trueLengths, "bm25f+coord, with the true average field lengths"),
		ranked("bm25f+coord+prox", with(bm25fCoord, prox), "bm25f+coord, with BM25TP proximity pairs"),
		ranked("default+prox", with(def, prox), "default, with BM25TP proximity pairs"),
		ranked("bm25f+coord+rm3", with(bm25fCoord, rm3), "bm25f+coord, with RM3 feedback on relaxed queries"),
		ranked("default+rm3", with(def, rm3), "default, with RM3 feedback on relaxed queries"),
		ranked("ql", ql, "query likelihood, Dirichlet μ 2000 (Lucene's), per field summed, no coord"),
		ranked("lucene", lucene, "default, with Lucene's k1 1.2 and b 0.75 and the true average lengths"),
		ranked("lucene-exact", with(exact, luceneBM25), "exact (no coord), with Lucene's k1 1.2 and b 0.75: Lucene's BM25"),
		ranked("bm25+", with(def, bm25plus), "default, with BM25+'s lower bound, delta 1"),
		ranked("lucene+bm25+", with(lucene, bm25plus), "lucene, with BM25+'s lower bound, delta 1"),
		ranked("qtf-once", with(def, qtfOnce), "default, a word typed more than once counted once"),
		ranked("qtf", with(def, qtfCount), "default, a word typed k times one clause weighing k (coord counts it once)"),
		ranked("rsj", with(def, rsj), "default, with FTS5's idf: RSJ floored at 1e-6"),
		ranked("rsj+qtf", with(def, rsj, qtfCount), "rsj, a word typed k times one clause weighing k"),
		ranked("rsj+qtf-once", with(def, rsj, qtfOnce), "rsj, a word typed more than once counted once"),
		ranked("bm25f+coord+rsj", with(bm25fCoord, rsj), "bm25f+coord, with FTS5's idf"),
		ranked("bm25f+coord+qtf", with(bm25fCoord, qtfCount), "bm25f+coord, a word typed k times one clause weighing k"),
		ranked("bm25f+coord+qtf-once", with(bm25fCoord, qtfOnce), "bm25f+coord, a word typed more than once counted once"),
		ranked("dph", with(def, dfr(score.DPH)), "DPH (Terrier, parameter-free) per field summed, coord, true average lengths"),
		ranked("dph-nocoord", with(exact, dfr(score.DPH)), "DPH per field summed, no coord: as Terrier scores"),
		ranked("dph+qtf", with(def, dfr(score.DPH), qtfCount), "dph, a word typed k times one clause weighing k"),
		ranked("dph+qtf-once", with(def, dfr(score.DPH), qtfOnce), "dph, a word typed more than once counted once"),
		ranked("pl2", with(def, dfr(score.PL2)), "PL2 c 1 (Terrier's default) per field summed, coord, true average lengths"),
		ranked("pl2-nocoord", with(exact, dfr(score.PL2)), "PL2 c 1 per field summed, no coord: as Terrier scores"),
		analyzed(porterStop, "porter+stop", def, "default ranking"),
		analyzed(analysis.Variant{Stemmer: analysis.StemMinimal}, "minimal", def, "default ranking"),
		analyzed(analysis.Variant{Stemmer: analysis.StemMinimal, StopWords: true}, "minimal+stop", def, "default ranking"),
		analyzed(analysis.Variant{Stemmer: analysis.StemNone}, "nostem", def, "default ranking"),
		analyzed(analysis.Variant{Stemmer: analysis.StemNone, StopWords: true}, "nostem+stop", def, "default ranking"),
		analyzed(porterStop, "porter+stop+lucene", lucene, "lucene"),
		analyzed(porterStop, "porter+stop+bm25+", with(def, bm25plus), "bm25+"),
	}
}

// ranked is a ranking over the default analysis.
func ranked(name string, r score.Ranking, about string) Config {
	return Config{Name: name, Ranking: r, About: about}
}

// analyzed is ranking r (called ranking) over an index analyzed by v.
func analyzed(v analysis.Variant, name string, r score.Ranking, ranking string) Config {
	stem := map[string]string{analysis.StemPorter: "Porter stemming", analysis.StemMinimal: "plurals only (S-stemmer)",
		analysis.StemNone: "no stemming"}[v.Stemmer]
	stop := "no stop words"
	if v.StopWords {
		stop = "Lucene's 33 English stop words removed"
	}
	return Config{Name: name, Ranking: r, Analyzer: v.Name(),
		About: ranking + ", index analyzed by " + v.Name() + ": " + stem + ", " + stop}
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

func rm3(r *score.Ranking) { r.RM3 = score.AnseriniRM3() }

// luceneBM25 sets Lucene's published k1 and b, with the true average
// lengths Lucene divides by.
func luceneBM25(r *score.Ranking) {
	r.BM25.K1, r.BM25.B = score.LuceneBM25().K1, score.LuceneBM25().B
	r.TrueLengths = true
}

// qtfOnce and qtfCount say how a repeated query word counts.
func qtfOnce(r *score.Ranking) { r.QueryTF = score.QTFOnce }

func qtfCount(r *score.Ranking) { r.QueryTF = score.QTFCount }

// rsj weighs words by FTS5's idf.
func rsj(r *score.Ranking) { r.BM25.IDF = score.IDFRSJ }

// dfr scores words by model m, with the true average lengths its
// published form divides by.
func dfr(m score.DFR) func(*score.Ranking) {
	return func(r *score.Ranking) {
		r.BM25.DFR = m
		r.TrueLengths = true
	}
}

// bm25plus sets BM25+'s published delta, 1.
func bm25plus(r *score.Ranking) { r.BM25.Delta = 1 }

func with(r score.Ranking, parts ...func(*score.Ranking)) score.Ranking {
	for _, p := range parts {
		p(&r)
	}
	return r
}
