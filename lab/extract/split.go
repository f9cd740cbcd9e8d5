package extract

import "fmt"

// Splits are the names --split takes: the benchmark has no held-out part
// of its own, so Split makes one.
var Splits = []string{"dev", "heldout", "all"}

// InSplit reports whether the page with id belongs to split. The rule is
// fixed and blind to the pages' content: a page whose id (a hex SHA-256)
// starts with 0-7 is "dev", the pages one may look at when improving the
// extractor; 8-f is "heldout", never looked at, only scored; "all" is
// every page.
func InSplit(id, split string) bool {
	if split == "all" {
		return true
	}
	dev := id != "" && id[0] >= '0' && id[0] <= '7'
	return dev == (split == "dev")
}

// Split returns the pages of split (see InSplit), in their order.
func Split(pages []Page, split string) ([]Page, error) {
	switch split {
	case "dev", "heldout", "all":
	default:
		return nil, fmt.Errorf("extract: split %q: use dev, heldout or all", split)
	}
	var out []Page
	for _, p := range pages {
		if InSplit(p.ID, split) {
			out = append(out, p)
		}
	}
	return out, nil
}

// ScoreSplit returns the corpus measures of the page scores of split.
func ScoreSplit(scores []PageScore, split string) Measures {
	var in []PageScore
	for _, s := range scores {
		if InSplit(s.ID, split) {
			in = append(in, s)
		}
	}
	return Score(in)
}
