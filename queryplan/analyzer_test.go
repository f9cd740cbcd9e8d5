package queryplan

import (
	"reflect"
	"testing"

	"github.com/blevesearch/bleve/v2"
)

// TestIndexAnalyzer checks that queries are analyzed with the variant the
// index mapping names, and with the default analyzer when it names none of
// sagasu's.
func TestIndexAnalyzer(t *testing.T) {
	tests := []struct {
		mappingDefault string
		want           []string
	}{
		{"sagasu", []string{"the", "invest", "of", "japan"}},
		{"sagasu_minimal", []string{"the", "investment", "of", "japan"}},
		{"sagasu_none_stop", []string{"investments", "japan"}},
		{"standard", []string{"the", "invest", "of", "japan"}}, // not a variant: sagasu's default
	}
	for _, tt := range tests {
		t.Run(tt.mappingDefault, func(t *testing.T) {
			m := bleve.NewIndexMapping()
			m.DefaultAnalyzer = tt.mappingDefault
			a, err := IndexAnalyzer(m)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, tok := range a.Analyze([]byte("The investments of Japan")) {
				got = append(got, string(tok.Term))
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("terms %q, want %q", got, tt.want)
			}
		})
	}
}
