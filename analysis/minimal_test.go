package analysis

import "testing"

// TestMinimalStem checks the S-stemmer against the cases of Lucene's
// TestEnglishMinimalStemFilter and the rules it writes.
func TestMinimalStem(t *testing.T) {
	tests := []struct{ in, want string }{
		// Lucene's own test cases.
		{"queries", "query"}, {"phrases", "phrase"}, {"corpus", "corpus"}, {"stress", "stress"},
		{"kings", "king"}, {"panels", "panel"}, {"aerodynamics", "aerodynamic"},
		{"congress", "congress"}, {"serious", "serious"},
		// -ies → -y but not after a or e; -aes, -ees, -oes and a bare -ies stay.
		{"series", "sery"}, {"ties", "ty"}, {"plays", "play"}, {"aies", "aies"}, {"ies", "ies"},
		{"toes", "toes"}, {"trees", "trees"}, {"algaes", "algaes"}, {"eies", "eies"},
		// Only the s of other -es goes.
		{"horses", "horse"}, {"boxes", "boxe"}, {"investments", "investment"}, {"policies", "policy"},
		// Short words, words without s, and no more than plurals.
		{"as", "as"}, {"is", "is"}, {"gas", "ga"}, {"invested", "invested"}, {"running", "running"},
		// Names and romaji readings stay.
		{"ishiba", "ishiba"}, {"kishida", "kishida"}, {"abe", "abe"}, {"shinzo", "shinzo"}, {"kono", "kono"},
		{"岸田", "岸田"}, {"", ""},
	}
	for _, tt := range tests {
		got := MinimalStemFilter{}.Filter(tokens(tt.in))[0].Term
		if string(got) != tt.want {
			t.Errorf("minimal stem of %q = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestMinimalStemLeavesTextAlone checks that -ies → -y writes a new term,
// never the bytes the token shares with the text.
func TestMinimalStemLeavesTextAlone(t *testing.T) {
	text := []byte("policies")
	ts := tokens("x")
	ts[0].Term = text
	MinimalStemFilter{}.Filter(ts)
	if string(text) != "policies" || string(ts[0].Term) != "policy" {
		t.Errorf("text %q, term %q", text, ts[0].Term)
	}
}
