package bench

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/sagasu-search/sagasu/corpus"
	"github.com/sagasu-search/sagasu/lab/loadtest"
	"github.com/sagasu-search/sagasu/lab/peer/groonga"
)

// groongaEngine is Groonga's HTTP server (package groonga, the peer
// driver the evaluation uses too), a process of its own, with TokenBigram
// and scorer_tf_idf, as the evaluation's English runs. The corpus and
// its entities are loaded in batches of 1,000 articles, then the indexes
// built. A search is one select: the words quoted (Groonga ANDs them) or
// the phrase, --filter for the entity, highlight_html(title) and
// snippet_html(body) in the output, and six labelled drilldowns (the
// entity types, source, lang, month), the top 10 of each by count.
type groongaEngine struct {
	command string // the executable
	threads int    // --max-threads: the highest concurrency
	srv     *groonga.Server
}

// groongaBatch is how many articles one call of Load gets.
const groongaBatch = 1000

func (e *groongaEngine) name() string { return Groonga }

func (e *groongaEngine) baseURL() string { return e.srv.URL() }

func (e *groongaEngine) pid() int { return e.srv.PID() }

func (e *groongaEngine) ingest(ctx context.Context, c *prepared, dir string) error {
	srv, err := groonga.Start(ctx, groonga.Options{Tokenizer: groonga.Bigram, Scorer: groonga.TFIDF,
		Command: e.command, Dir: dir, Threads: e.threads})
	if err != nil {
		return err
	}
	e.srv = srv
	if err := e.load(ctx, c); err != nil {
		return err
	}
	return srv.BuildIndexes(ctx)
}

// load loads the corpus, with the entities of the sidecar.
func (e *groongaEngine) load(ctx context.Context, c *prepared) error {
	nextEntities, closeEntities, err := readEntities(c.entities)
	if err != nil {
		return err
	}
	defer closeEntities()
	batch := make([]groonga.Doc, 0, groongaBatch)
	_, err = c.walk(func(a corpus.Article) error {
		ents, err := nextEntities(a.ID)
		if err != nil {
			return err
		}
		d := groonga.Doc{Key: a.ID, Title: a.Title, Body: a.Body, Source: a.Source, Lang: a.Lang, URL: a.URL,
			Person: ents.Person, Organization: ents.Organization, Place: ents.Place}
		if a.Published != nil {
			d.Published = a.Published.UTC().Format(time.RFC3339)
			d.Month = d.Published[:7]
		}
		if batch = append(batch, d); len(batch) == groongaBatch {
			err = e.srv.Load(ctx, batch)
			batch = batch[:0]
		}
		return err
	})
	if err == nil {
		err = e.srv.Load(ctx, batch)
	}
	if err != nil {
		return fmt.Errorf("groonga: load: %w", err)
	}
	return nil
}

// request is GET /d/select with the query, filter, order, page,
// highlights and drilldowns.
func (e *groongaEngine) request(q Query) loadtest.Request {
	sel := groonga.Select{
		Query: groonga.All(q.Words),
		OutputColumns: "_key,_score,title,published,source,lang,url,person,organization,place," +
			"highlight_html(title),snippet_html(body)",
		SortKeys: "-_score,-published", Offset: q.From, Limit: q.Size,
		Drilldowns:     []string{corpus.TypePerson, corpus.TypeOrganization, corpus.TypePlace, "source", "lang", "month"},
		DrilldownLimit: facetSize,
	}
	if q.Phrase {
		sel.Query = groonga.Phrase(q.Words)
	}
	if q.SortDate {
		sel.SortKeys = "-published,-_score"
	}
	if q.Entity != nil {
		sel.Filter = groonga.EntityFilter(q.Entity.Type, q.Entity.Name)
	}
	return loadtest.Request{Name: q.Name, Path: e.srv.Path(sel)}
}

// total reads the hit count of a select.
func (e *groongaEngine) total(body []byte) (int, error) { return groonga.Total(body) }

// close shuts the server down (killing it after 10 seconds).
func (e *groongaEngine) close() error {
	if e.srv == nil {
		return nil
	}
	return e.srv.Close()
}

// errNoGroonga says why the Groonga peer was skipped.
var errNoGroonga = errors.New("groonga is not on the PATH (apt-get install groonga-bin)")
