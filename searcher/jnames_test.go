package searcher

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/sagasu-search/sagasu/corpus"
	"github.com/sagasu-search/sagasu/entity"
	"github.com/sagasu-search/sagasu/indexer"
	"github.com/sagasu-search/sagasu/namedict"
)

// The unlisted-names evaluation: people whom ENAMDICT names in full but
// the name lexicon keeps out of its full-name table (namedict.Unlisted),
// each named in kanji in a Japanese article and in romaji, in one of
// several spellings and orders, in an English one. A kanji query must find
// the English article and a romaji query the Japanese one, by the name's
// structure and readings alone. Every other person is the development
// half (tuned on); the rest is held out and only measured.

// jaTemplates are Japanese article bodies, with a variety of cues.
var jaTemplates = []string{
	"%s氏は月曜日、記者団の取材に応じ、来年度の予算案について説明した。",
	"%s議員は火曜日の委員会で、政府の対応を厳しく批判した。",
	"俳優の%sさんが水曜日、都内で開かれた映画の完成披露試写会に出席した。",
	"%s選手は木曜日の試合で決勝点を挙げ、チームの勝利に貢献した。",
	"警察は金曜日、無職%s容疑者を詐欺の疑いで逮捕したと発表した。",
	"%s社長は記者会見で、新しい中期経営計画を発表した。",
	"%s監督は試合後、「選手たちはよく戦った」と述べた。",
	"%s知事は定例の記者会見で、防災対策の強化を表明した。",
	"%s防衛相は閣議後の記者会見で、装備品の調達について説明した。",
	"%s被告の初公判が月曜日、地裁で開かれた。",
}

// enTemplates are English article bodies.
var enTemplates = []string{
	"On Monday, lawmaker %s told reporters that the budget would be revised.",
	"%s, a member of the upper house, said on Tuesday that the plan would go ahead.",
	"The actor %s attended the premiere of the film in Tokyo on Wednesday.",
	"Striker %s scored the winning goal in Thursday's match.",
	"Police said on Friday they had arrested %s on suspicion of fraud.",
	"Chief executive %s unveiled the company's new medium-term plan.",
	"After the game, coach %s said the players had fought well.",
	"Governor %s announced stronger disaster preparedness measures.",
}

// evalPerson is one person of the evaluation, with the ids of their
// articles.
type evalPerson struct {
	namedict.Person
	ja, en string
	dev    bool
}

// unlistedPeople returns the unlisted people written in kanji, each once,
// alternately in the development and the held-out half.
func unlistedPeople() []evalPerson {
	var out []evalPerson
	seen := map[string]bool{}
	for _, p := range namedict.Default().Unlisted() {
		if seen[p.Writing] || !allNameRunes(p.Writing) {
			continue
		}
		seen[p.Writing] = true
		k := len(out)
		out = append(out, evalPerson{Person: p, ja: fmt.Sprint("ja", k), en: fmt.Sprint("en", k), dev: k%2 == 0})
	}
	return out
}

func allNameRunes(s string) bool {
	for _, r := range s {
		if !(r >= 0x4E00 && r <= 0x9FFF || r == '々' || r == 'ヶ' || r == 'ノ') {
			return false
		}
	}
	return true
}

// evalArticles writes each person's two articles.
func evalArticles(people []evalPerson) []corpus.Article {
	day := time.Date(2025, 6, 2, 9, 0, 0, 0, time.UTC)
	var out []corpus.Article
	for k, p := range people {
		sp := spellings[k%len(spellings)]
		out = append(out,
			corpus.Article{ID: p.ja, Title: "ニュース", Lang: "ja", Source: "eval-ja", Published: &day,
				Body: fmt.Sprintf(jaTemplates[k%len(jaTemplates)], p.Writing)},
			corpus.Article{ID: p.en, Title: "News", Lang: "en", Source: "eval-en", Published: &day,
				Body: fmt.Sprintf(enTemplates[k%len(enTemplates)], sp.name(p.FamilyReading, p.GivenReading))})
	}
	return out
}

// direction counts one direction of the evaluation on one half.
type direction struct {
	queries, found, hits, others int
	misses                       []string
}

func (d direction) recall() float64 { return float64(d.found) / float64(max(d.queries, 1)) }
func (d direction) otherShare() float64 {
	return float64(d.others) / float64(max(d.hits, 1))
}

// evalQuery runs one query and counts whether want is among the hits and
// how many hits are other people's articles (not own).
func evalQuery(t *testing.T, s *Searcher, q, want string, own [2]string, d *direction) {
	t.Helper()
	res, err := s.Search(context.Background(), Request{Query: q, Size: 100})
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	d.queries++
	found := false
	for _, h := range res.Hits {
		found = found || h.ID == want
		if h.ID != own[0] && h.ID != own[1] {
			d.others++
		}
	}
	d.hits += len(res.Hits)
	if found {
		d.found++
	} else {
		d.misses = append(d.misses, q)
	}
}

// TestUnlistedNames indexes the evaluation's articles, queries every
// person in kanji (the English article wanted) and in romaji, in another
// spelling than the article's (the Japanese article wanted), prints recall
// per direction and the share of hits that are other people's articles
// for both halves, and fails when the held-out half falls under 0.95
// recall in either direction or over 1% other people.
func TestUnlistedNames(t *testing.T) {
	people := unlistedPeople()
	ix, err := indexer.NewInMemory(indexer.Options{
		Annotator: entity.NewExtractor(entity.Default(), entity.Discover(namedict.Default()))})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	if err := ix.Put(context.Background(), evalArticles(people)); err != nil {
		t.Fatal(err)
	}
	s := New(ix, entity.NewExtractor(entity.Default(), entity.Discover(namedict.Default())))
	var kanji, roman [2]direction // [development, held out]
	for k, p := range people {
		half := 1
		if p.dev {
			half = 0
		}
		own := [2]string{p.ja, p.en}
		evalQuery(t, s, p.Writing, p.en, own, &kanji[half])
		q := `"` + spellings[(k+4)%len(spellings)].name(p.FamilyReading, p.GivenReading) + `"`
		evalQuery(t, s, q, p.ja, own, &roman[half])
	}
	for half, label := range []string{"development", "held out"} {
		t.Logf("%s, %d people: kanji → English recall %.3f (%d/%d), other people %.3f of %d hits; "+
			"romaji → Japanese recall %.3f (%d/%d), other people %.3f of %d hits", label, kanji[half].queries,
			kanji[half].recall(), kanji[half].found, kanji[half].queries, kanji[half].otherShare(), kanji[half].hits,
			roman[half].recall(), roman[half].found, roman[half].queries, roman[half].otherShare(), roman[half].hits)
	}
	t.Logf("development misses: kanji %q; romaji %q", kanji[0].misses, roman[0].misses)
	if len(people) < 400 {
		t.Errorf("%d people, want at least 400 (200 a half)", len(people))
	}
	for _, d := range []direction{kanji[1], roman[1]} {
		if d.recall() < 0.95 || d.otherShare() > 0.01 {
			t.Errorf("held out: recall %.3f (want >= 0.95), other people %.3f of hits (want <= 0.01)", d.recall(), d.otherShare())
		}
	}
}
