package entity

import (
	"slices"
	"strings"

	"github.com/sagasu-search/sagasu/corpus"
	sagasutext "github.com/sagasu-search/sagasu/text"
)

// Discovery finds people, organizations and places the gazetteer does not
// list, from the cues news prose gives. It is kept conservative: a name is
// only taken with evidence, and the gazetteer always wins.
//
// In English text:
//   - a Japanese personal name, two capitalized words that the name lexicon
//     reads as a given name and a surname in either order ("Taro Kono",
//     "Kono Taro", "Kōno Tarō"), reported given name first in Hepburn;
//   - any other person, two or three capitalized words, after a title
//     ("President", "Mr.", "chief executive"), before a reporting verb ("…
//     said") or an apposition ("…, the company's president"), or after
//     "said" — in an article's body, not its title-cased headline;
//   - an organization, capitalized words ending in a word such as Group,
//     University, Bank, Ministry or Holdings, or a legal suffix (Inc., Corp.,
//     Ltd., dropped from the name), and "Ministry of …", "University of …",
//     "Bank of …";
//   - a place, a capitalized name before Prefecture, Province or County.
//
// In Japanese text: people the name lexicon knows by full name (河野太郎),
// and organizations ending in 省, 庁, 大学, 銀行, ホールディングス or
// グループ (外務省, 東北大学), named as written.

// candidate is an entity found by discovery, with the span that names it.
type candidate struct {
	ent        Entity
	start, end int
	lexicon    bool   // a person the name lexicon knows by full name
	writing    string // the name as written, for a person known by its structure (see pairNames)
	tagged     bool   // added by the trained tagger (see tagged.go)
}

// discoverLatin finds candidates in the Latin-script words of us, the units
// of text. In a headline (title-cased) only Japanese names are taken.
func (x *Extractor) discoverLatin(text string, us []unit, headline bool) []candidate {
	var out []candidate
	for _, r := range capitalRuns(us) {
		out = append(out, x.runCandidates(text, us, r, headline)...)
	}
	if headline {
		return out
	}
	return append(out, x.ofOrganizations(text, us)...)
}

// span is a run of units, us[from:to].
type span struct{ from, to int }

// capitalRuns returns the maximal runs of capitalized Latin words joined
// by spaces or hyphens; a possessive ends a run.
func capitalRuns(us []unit) []span {
	var out []span
	for i := 0; i < len(us); {
		if !isCapitalWord(us[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(us) && isCapitalWord(us[j]) && us[j].joined && !us[j-1].possessive {
			j++
		}
		out = append(out, span{i, j})
		i = j
	}
	return out
}

// isCapitalWord reports whether u is a Latin word starting with a capital.
func isCapitalWord(u unit) bool {
	return u.shape == shapeCapital || u.shape == shapeUpper
}

// runCandidates reads one capitalized run: an organization or place that
// ends in a suffix word, then a person after the last title.
func (x *Extractor) runCandidates(text string, us []unit, r span, headline bool) []candidate {
	var out []candidate
	from := r.from
	for from < r.to && functionWords[us[from].key] {
		from++
	}
	if headline {
		// Every word of a headline is capitalized, verbs too ("… and Create
		// Digital Agency"): only people, by the name lexicon, are taken.
	} else if c, end, ok := x.suffixEntity(text, us, span{from, r.to}); ok {
		out = append(out, c)
		from = end
	} else if c, ok := x.roleNamedOrganization(text, us, span{from, r.to}); ok {
		return append(out, c)
	}
	titled := false
	if from > r.from && sagasutext.IsTitleWord(us[from-1].key) || from == r.from && x.titleBefore(text, us, from) {
		titled = true
	}
	for k := from; k < r.to; k++ {
		if sagasutext.IsTitleWord(us[k].key) {
			from, titled = k+1, true
		}
	}
	if c, ok := x.personIn(text, us, span{from, r.to}, titled, headline); ok {
		out = append(out, c)
	}
	return out
}

// suffixEntity finds, at the start of r, an organization ending in an
// organization word or legal suffix ("Tohoku University", "Mizuho
// Financial Group Inc.") or a place before Prefecture, Province or County.
// end is where it stops in r.
func (x *Extractor) suffixEntity(text string, us []unit, r span) (c candidate, end int, ok bool) {
	last, typ := -1, ""
scan:
	for k := r.from + 1; k < r.to; k++ {
		switch key := us[k].key; {
		case sagasutext.IsTitleWord(key):
			break scan // a title ends the name: "Tohoku University President …"
		case orgSuffixes[key] || legalSuffixes[key]:
			last, typ = k, corpus.TypeOrganization
		case placeSuffixes[key] && last < 0:
			last, typ = k, corpus.TypePlace
			break scan
		}
	}
	if last < 0 {
		return candidate{}, 0, false
	}
	nameEnd := last + 1
	if typ == corpus.TypePlace {
		nameEnd = last
	}
	for nameEnd > r.from+1 && legalSuffixes[us[nameEnd-1].key] {
		nameEnd--
	}
	for k := r.from; k < nameEnd; k++ {
		if sagasutext.IsTitleWord(us[k].key) || functionWords[us[k].key] {
			return candidate{}, 0, false
		}
	}
	name := joinWords(text, us[r.from:nameEnd])
	end = us[last].end
	if typ == corpus.TypeOrganization && !legalSuffixes[us[last].key] {
		if place, placeEnd, ok := x.ofPlace(text, us, last+1); ok {
			name, end = name+" of "+place, placeEnd
		} else if us[last].key == "ministry" && nameEnd-r.from > 1 {
			name = "Ministry of " + joinWords(text, us[r.from:last]) // "Defense Ministry"
		}
	}
	return candidate{ent: x.canonical(typ, name), start: us[r.from].start, end: end}, last + 1, true
}

// ofPlace reads "of" and a place the gazetteer knows at us[i:], which ends
// some organizations' names ("Democratic Party of Japan", "Bank of
// America"), and returns the place as written and where it ends.
func (x *Extractor) ofPlace(text string, us []unit, i int) (place string, end int, ok bool) {
	if i+1 >= len(us) || us[i].key != "of" || !us[i].joined || !us[i+1].joined {
		return "", 0, false
	}
	n, nd := x.longest(us, i+1)
	if n == 0 || !slices.ContainsFunc(nd.variants, func(v variant) bool {
		return v.entity >= 0 && x.g.entities[v.entity].Type == corpus.TypePlace
	}) {
		return "", 0, false
	}
	words := us[i+1 : i+1+n]
	return joinWords(text, words), words[n-1].end, true
}

// roleNamedOrganization takes r as an organization when a word that
// describes companies and institutions comes right before it:
// "public broadcaster NHK", "the chipmaker Rapidus".
func (x *Extractor) roleNamedOrganization(text string, us []unit, r span) (candidate, bool) {
	n := r.to - r.from
	if n < 1 || n > 3 || r.from == 0 || !orgRoleWords[us[r.from-1].key] || us[r.from-1].shape != shapeLower ||
		!us[r.from].joined {
		return candidate{}, false
	}
	for _, u := range us[r.from:r.to] {
		if functionWords[u.key] || sagasutext.IsTitleWord(u.key) || nonNameWords[u.key] {
			return candidate{}, false
		}
	}
	words := us[r.from:r.to]
	name := joinWords(text, words)
	return candidate{ent: x.canonical(corpus.TypeOrganization, name), start: words[0].start, end: words[n-1].end}, true
}

// ofOrganizations finds "Ministry of Foreign Affairs", "University of
// Tsukuba", "Bank of Korea": a capitalized head word, "of", an optional
// "the", and capitalized words.
func (x *Extractor) ofOrganizations(text string, us []unit) []candidate {
	var out []candidate
	for i := 0; i+2 < len(us); i++ {
		if !ofHeads[us[i].key] || us[i].shape != shapeCapital || us[i+1].key != "of" || !us[i+1].joined {
			continue
		}
		j := i + 2
		if us[j].key == "the" && j+1 < len(us) && us[j+1].joined {
			j++
		}
		end := j
		for end < len(us) && isCapitalWord(us[end]) && us[end].joined && !functionWords[us[end].key] && !sagasutext.IsTitleWord(us[end].key) {
			end++
			if us[end-1].possessive {
				break
			}
		}
		if end == j {
			continue
		}
		name := text[us[i].start:us[end-1].end]
		e := x.canonical(corpus.TypeOrganization, name)
		out = append(out, candidate{ent: e, start: us[i].start, end: us[end-1].end})
		i = end - 1
	}
	return out
}

// personIn takes r as a person's name when it is a Japanese name the
// lexicon reads, or two or three name words with a cue: a title before
// (titled) or a description after. A reporting verb alone is no cue:
// companies say things too ("Goldman Sachs said").
func (x *Extractor) personIn(text string, us []unit, r span, titled, headline bool) (candidate, bool) {
	n := r.to - r.from
	if n < 2 || n > 3 {
		return candidate{}, false
	}
	words := us[r.from:r.to]
	for _, u := range words {
		if !isNameWord(text, u) {
			return candidate{}, false
		}
	}
	start, end := words[0].start, words[n-1].end
	if n == 2 {
		a, b := text[words[0].start:words[0].end], text[words[1].start:words[1].end]
		if e, ok := x.japaneseName(a, b); ok {
			return candidate{ent: e, start: start, end: end, lexicon: x.knownFullName(a, b)}, true
		}
	}
	if headline || !(titled || roleAfter(text, us, r.to)) {
		return candidate{}, false
	}
	return candidate{ent: x.canonical(corpus.TypePerson, joinWords(text, words)), start: start, end: end}, true
}

// isNameWord reports whether u can be a word of a personal name: a
// capitalized word of letters (or an initial such as "R."), not a stop
// word, title or organization word.
func isNameWord(text string, u unit) bool {
	w := text[u.start:u.end]
	if u.shape != shapeCapital || functionWords[u.key] || nonNameWords[u.key] || sagasutext.IsTitleWord(u.key) ||
		orgSuffixes[u.key] || legalSuffixes[u.key] || placeSuffixes[u.key] || ofHeads[u.key] {
		return false
	}
	for _, r := range w {
		if r >= '0' && r <= '9' {
			return false
		}
	}
	return true
}

// titleBefore reports whether the words before us[i] end in a title, as in
// "chief executive Jane Doe" or "Mr. Smith".
func (x *Extractor) titleBefore(text string, us []unit, i int) bool {
	if i == 0 {
		return false
	}
	prev := us[i-1]
	if !sagasutext.IsTitleWord(prev.key) {
		return false
	}
	gap := text[prev.rawEnd:us[i].start]
	return strings.TrimSpace(gap) == "" || strings.TrimSpace(gap) == "." && sagasutext.IsAbbreviatedTitle(prev.key)
}

// roleAfter reports whether a name ending before us[i] is followed by a
// description of a person: ", who …", or ", the|a|an …" with a role within
// the next five words (", the company's president", "said Jane Doe, an
// analyst at …").
func roleAfter(text string, us []unit, i int) bool {
	if i >= len(us) || strings.TrimSpace(text[us[i-1].rawEnd:us[i].start]) != "," {
		return false
	}
	switch u := us[i]; {
	case u.key == "who":
		return true
	case u.key == "the" || u.key == "a" || u.key == "an":
		return roleWithin(us, i+1, 5, true)
	case isCapitalWord(u):
		// ", IBM's senior vice president", ", Arm's chief executive"
		for k := i; k < len(us) && k < i+3; k++ {
			if us[k].possessive {
				return roleWithin(us, k+1, 3, false)
			}
			if k+1 < len(us) && (!isCapitalWord(us[k+1]) || !us[k+1].joined) {
				return false
			}
		}
	}
	return false
}

// roleWithin reports whether a title or role word, or with who "who", is
// among the n words from us[i] before the clause ends.
func roleWithin(us []unit, i, n int, who bool) bool {
	for k := i; k < len(us) && k < i+n; k++ {
		if sagasutext.IsTitleWord(us[k].key) || roleNouns[us[k].key] || who && us[k].key == "who" {
			return true
		}
		if k+1 < len(us) && !us[k+1].joined {
			return false
		}
	}
	return false
}

// joinWords writes the words us as text spells them, one space apart,
// without a possessive.
func joinWords(text string, us []unit) string {
	parts := make([]string, len(us))
	for i, u := range us {
		parts[i] = text[u.start:u.end]
	}
	return strings.Join(parts, " ")
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// The word lists of discovery, as unit keys (folded, without dots).
var (
	// roleNouns describe a person in an apposition, beside the title
	// words (text.IsTitleWord).
	roleNouns = set("head", "leader", "chair", "member", "son", "daughter", "wife", "husband", "father", "mother",
		"author", "writer", "novelist", "artist", "player", "pitcher", "actor", "actress", "singer", "expert",
		"lecturer", "student", "resident", "lawyer", "attorney", "politician", "official", "candidate", "veteran")
	// functionWords start sentences or headlines and are never part of a
	// name; they are dropped from the start of a capitalized run.
	functionWords = set("the", "a", "an", "this", "that", "these", "those", "in", "on", "at", "for", "but", "and", "or",
		"as", "if", "when", "after", "before", "while", "with", "by", "from", "to", "of", "it", "its", "he", "she",
		"they", "we", "i", "you", "our", "his", "her", "their", "there", "here", "what", "why", "how", "who", "where",
		"also", "more", "most", "many", "some", "all", "no", "not", "yes", "so", "then", "now", "today", "yesterday",
		"tomorrow", "however", "meanwhile", "still", "under", "over", "during", "since", "until", "about", "against",
		"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
		"november", "december")
	// nonNameWords are capitalized words that are not part of a personal
	// name: directions, kinds of places and things, news titles.
	nonNameWords = set("north", "south", "east", "west", "new", "old", "city", "street", "avenue", "road", "house",
		"hall", "park", "station", "airport", "port", "summit", "olympics", "games", "cup", "award", "prize", "act",
		"law", "bill", "plan", "program", "project", "initiative", "strategy", "report", "index", "day", "week", "year",
		"times", "news", "post", "journal", "daily", "online", "ai", "internet", "web", "state", "national", "federal",
		"international", "global", "digital", "foreign", "finance", "defense", "defence", "trade", "economy",
		"cabinet", "general", "deputy", "vice", "former", "late", "senior", "prime", "justice", "affairs")
	// orgSuffixes end an organization's name.
	orgSuffixes = set("group", "university", "bank", "holdings", "agency", "ministry", "institute", "association",
		"foundation", "party", "airlines", "airways", "motors", "industries", "securities", "electronics",
		"technologies", "laboratories", "labs", "college", "hospital", "council", "commission", "federation",
		"corps", "trust", "insurance", "semiconductor", "pharmaceutical", "pharmaceuticals", "chemical", "chemicals")
	// orgRoleWords describe companies and institutions; a name right after
	// one is an organization's: "public broadcaster NHK".
	orgRoleWords = set("broadcaster", "automaker", "carmaker", "chipmaker", "retailer", "lender", "insurer",
		"brokerage", "conglomerate", "startup", "airline", "carrier", "newspaper", "publisher",
		"manufacturer", "drugmaker", "shipbuilder", "steelmaker", "utility", "regulator", "watchdog", "union",
		"tabloid", "outlet", "agency", "firm", "company")
	// legalSuffixes end a company's name and are dropped from it.
	legalSuffixes = set("inc", "corp", "corporation", "co", "ltd", "llc", "plc", "kk", "ag", "gmbh", "sa", "nv")
	// placeSuffixes follow a place's name and are dropped from it.
	placeSuffixes = set("prefecture", "province", "county")
	// ofHeads start "Ministry of …" names.
	ofHeads = set("ministry", "university", "bank", "institute", "department", "bureau", "agency", "office",
		"embassy", "college", "academy", "board", "school")
)
