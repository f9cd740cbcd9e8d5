package corpus

import (
	"reflect"
	"testing"
	"time"
)

func TestNormalize(t *testing.T) {
	tokyo := time.FixedZone("JST", 9*3600)
	at := time.Date(2024, 4, 10, 12, 33, 0, 0, tokyo)
	utc := at.UTC()
	tests := []struct {
		name    string
		in, out Article
	}{
		{"trims and collapses",
			Article{ID: " a1 ", Title: " Big\n  news ", Body: "\r\n  One.  \r\n\r\n\r\n\r\nTwo.\rThree. \n", Source: " Wire\nService ", URL: " https://x.com/a ", Lang: " EN "},
			Article{ID: "a1", Title: "Big news", Body: "One.\n\nTwo.\nThree.", Source: "Wire Service", URL: "https://x.com/a", Lang: "en"}},
		{"title from lead, lang detected, id from content",
			Article{Body: "Key Points:\n- One.\n\nThe lead sentence. The rest."},
			Article{ID: ContentID("The lead sentence.", "Key Points:\n- One.\n\nThe lead sentence. The rest."), Title: "The lead sentence.",
				Body: "Key Points:\n- One.\n\nThe lead sentence. The rest.", Lang: "en"}},
		{"Japanese detected",
			Article{ID: "j", Title: "大阪で地震", Body: "大阪で強い地震があった。"},
			Article{ID: "j", Title: "大阪で地震", Body: "大阪で強い地震があった。", Lang: "ja"}},
		{"language subtag dropped",
			Article{ID: "a", Title: "T", Lang: "ja-JP"},
			Article{ID: "a", Title: "T", Lang: "ja"}},
		{"published in UTC",
			Article{ID: "a", Title: "T", Lang: "en", Published: &at},
			Article{ID: "a", Title: "T", Lang: "en", Published: &utc}},
		{"entities sorted, unique, no empty names",
			Article{ID: "a", Title: "T", Lang: "en", Entities: Entities{Person: []string{"Joe  Biden", "Fumio Kishida", "Joe Biden", " "}, Place: []string{""}}},
			Article{ID: "a", Title: "T", Lang: "en", Entities: Entities{Person: []string{"Fumio Kishida", "Joe Biden"}}}},
		{"empty stays empty",
			Article{},
			Article{Lang: "en"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := tt.in
			a.Normalize()
			if !reflect.DeepEqual(a, tt.out) {
				t.Errorf("Normalize:\n got %+v\nwant %+v", a, tt.out)
			}
			again := a
			again.Normalize()
			if !reflect.DeepEqual(again, a) {
				t.Errorf("Normalize is not idempotent:\n%+v\n%+v", a, again)
			}
		})
	}
}

func TestNormalizeKeepsCallerSlices(t *testing.T) {
	names := []string{"b", "a"}
	a := Article{Title: "T", Entities: Entities{Person: names}}
	a.Normalize()
	if !reflect.DeepEqual(names, []string{"b", "a"}) {
		t.Errorf("Normalize reordered the caller's slice: %q", names)
	}
}
