package queryplan

import (
	"slices"
	"testing"
)

// TestStopWordsInRelaxedQueries checks which words a relaxed query drops.
func TestStopWordsInRelaxedQueries(t *testing.T) {
	tests := []struct {
		query string
		want  []string
	}{
		{"what is the effect of heat on turbine blades", []string{"effect", "heat", "turbine", "blades"}},
		{"What problems are there in titles", []string{"problems", "titles"}},
		{"WHO and IT budgets of the US", []string{"WHO", "IT", "budgets", "US"}},                  // capitals are names
		{"MEASUREMENT OF DIELECTRIC CONSTANT", []string{"MEASUREMENT", "DIELECTRIC", "CONSTANT"}}, // a shouted query
		{`"the who" of rock`, []string{"the who", "rock"}},                                        // quoted phrases stay
		{"the of and", []string{"the", "of", "and"}},                                              // nothing else: kept
		{"turbine -the blades", []string{"turbine", "the", "blades"}},                             // exclusions stay
	}
	for _, tt := range tests {
		pl, err := testPlanner(t, nil).Plan(tt.query)
		if err != nil {
			t.Fatalf("%q: %v", tt.query, err)
		}
		var got []string
		cs, _ := withoutStopWords(pl.clauses)
		for _, c := range cs {
			got = append(got, c.Alternatives[0].Text)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q keeps %q, want %q", tt.query, got, tt.want)
		}
	}
}

// testPlanner returns a planner with Sagasu's analyzer from Bleve's
// registry and resolver r (which may be nil).
func testPlanner(t *testing.T, r EntityResolver) *Planner {
	t.Helper()
	a, err := RegistryAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	return NewPlanner(a, r)
}
