package groonga

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"

	"github.com/sagasu-search/sagasu/corpus"
)

// entityTables are the tables of the entity types' values.
var entityTables = map[string]string{
	corpus.TypePerson: "Persons", corpus.TypeOrganization: "Organizations", corpus.TypePlace: "Places",
	corpus.TypeCountry: "Countries",
}

// createSchema defines the tables, the columns and the lexicon (whose
// tokenizer Groonga may not have).
func (s *Server) createSchema(ctx context.Context) error {
	for _, typ := range corpus.EntityTypes {
		if err := s.define(ctx, "table_create", "name", entityTables[typ], "flags", "TABLE_HASH_KEY", "key_type", "ShortText"); err != nil {
			return err
		}
	}
	if err := s.define(ctx, "table_create", "name", "Docs", "flags", "TABLE_HASH_KEY", "key_type", "ShortText"); err != nil {
		return err
	}
	for _, c := range [][2]string{{"title", "Text"}, {"body", "LongText"}, {"published", "Time"}, {"source", "ShortText"},
		{"lang", "ShortText"}, {"month", "ShortText"}, {"url", "ShortText"}} {
		if err := s.define(ctx, "column_create", "table", "Docs", "name", c[0], "flags", "COLUMN_SCALAR", "type", c[1]); err != nil {
			return err
		}
	}
	for _, typ := range corpus.EntityTypes {
		if err := s.define(ctx, "column_create", "table", "Docs", "name", typ, "flags", "COLUMN_VECTOR", "type", entityTables[typ]); err != nil {
			return err
		}
	}
	err := s.define(ctx, "table_create", "name", "Terms", "flags", "TABLE_PAT_KEY", "key_type", "ShortText",
		"default_tokenizer", s.opts.Tokenizer, "normalizer", "NormalizerAuto")
	if err != nil && strings.Contains(err.Error(), "unknown tokenizer") {
		return fmt.Errorf("groonga: %s: %w: %w", s.opts.Tokenizer, ErrNoTokenizer, err)
	}
	return err
}

// define runs a schema command with the parameters of kv (name, value,
// name, value…).
func (s *Server) define(ctx context.Context, command string, kv ...string) error {
	v := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		v.Set(kv[i], kv[i+1])
	}
	if _, err := s.Call(ctx, command, v, nil); err != nil {
		return fmt.Errorf("groonga: define the schema: %w", err)
	}
	return nil
}

// Doc is a record of Load. Published is RFC 3339 and Month its first
// seven characters, or both empty.
type Doc struct {
	Key          string   `json:"_key"`
	Title        string   `json:"title"`
	Body         string   `json:"body"`
	Published    string   `json:"published,omitempty"`
	Source       string   `json:"source,omitempty"`
	Lang         string   `json:"lang,omitempty"`
	Month        string   `json:"month,omitempty"`
	URL          string   `json:"url,omitempty"`
	Person       []string `json:"person,omitempty"`
	Organization []string `json:"organization,omitempty"`
	Place        []string `json:"place,omitempty"`
}

// loadBatch bounds one load command, in documents and in bytes of JSON.
const (
	loadBatchDocs  = 1000
	loadBatchBytes = 8 << 20
)

// Load loads docs as JSON, in batches of at most 1,000 documents or 8
// MiB. A document whose key is already there replaces it. NUL characters
// become spaces: Groonga's normalizer would end the text at the first.
func (s *Server) Load(ctx context.Context, docs []Doc) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf) // one record a line, so no line is longer than a document
	enc.SetEscapeHTML(false)
	n := 0
	for i, d := range docs {
		if d.Key == "" {
			return fmt.Errorf("groonga: load: a document has an empty id")
		}
		if n == 0 {
			buf.WriteString("[\n")
		} else {
			buf.WriteString(",")
		}
		d.Title, d.Body = noNUL(d.Title), noNUL(d.Body)
		if err := enc.Encode(d); err != nil {
			return fmt.Errorf("groonga: load: encode %s: %w", d.Key, err)
		}
		n++
		if n >= loadBatchDocs || buf.Len() >= loadBatchBytes || i == len(docs)-1 {
			buf.WriteString("]\n")
			if err := s.loadBatch(ctx, buf.Bytes(), n); err != nil {
				return err
			}
			buf.Reset()
			n = 0
		}
	}
	return nil
}

// loadBatch posts one load of n documents and checks that all were
// loaded.
func (s *Server) loadBatch(ctx context.Context, body []byte, n int) error {
	answer, err := s.Call(ctx, "load", url.Values{"table": {"Docs"}}, body)
	if err != nil {
		return fmt.Errorf("groonga: load: %w", err)
	}
	var loaded int
	if err := json.Unmarshal(answer, &loaded); err != nil {
		return fmt.Errorf("groonga: load: read count %.200s: %w", answer, err)
	}
	if loaded != n {
		return fmt.Errorf("groonga: load: %d of %d documents loaded (log: %s)", loaded, n, s.logTail())
	}
	return nil
}

// BuildIndexes creates, the first time it is called, the index of title
// and body (with positions and sections) in Terms and an index on each
// entity column, over what was loaded: Groonga's offline index
// construction, faster than updating them record by record. Later loads
// update them as they go.
func (s *Server) BuildIndexes(ctx context.Context) error {
	if s.indexed.Load() {
		return nil
	}
	if err := s.define(ctx, "column_create", "table", "Terms", "name", "docs_index",
		"flags", "COLUMN_INDEX|WITH_POSITION|WITH_SECTION", "type", "Docs", "source", "title,body"); err != nil {
		return fmt.Errorf("groonga: build the index: %w", err)
	}
	for _, typ := range corpus.EntityTypes {
		if err := s.define(ctx, "column_create", "table", entityTables[typ], "name", "docs_"+typ,
			"flags", "COLUMN_INDEX", "type", "Docs", "source", typ); err != nil {
			return fmt.Errorf("groonga: build the %s index: %w", typ, err)
		}
	}
	s.indexed.Store(true)
	return nil
}

// noNUL returns s with its NUL characters made spaces.
func noNUL(s string) string { return strings.ReplaceAll(s, "\x00", " ") }
