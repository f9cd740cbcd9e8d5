package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"strings"
	"testing"
	"time"
)

// seedBoilerplate returns text from the seed pages that must not survive
// in a body, checked as substrings.
func seedBoilerplate() []string {
	return []string{
		"Post a Comment", "Share on Facebook", "Read More", "4 reads", "Avatar", "Your Name", "Characters Left",
		"Your comment has been forwarded to the administrator for approval.", "×",
		"Warning! Will constitute a criminal offense", "Most people like", "Find AI tools in YBX",
		"Related Articles", "Refresh Articles", "Photo:", "Microsoft Bing", "2024-04-10 03:33", "invest $2.\n",
	}
}

// seedBoilerplateLines returns boilerplate lines too common as words to be
// checked as substrings: no paragraph may be exactly one of them.
func seedBoilerplateLines() []string {
	return []string{"Print", "Share", "- 4 reads.", "Microsoft announced Tuesday that it would invest $2."}
}

func TestSeedsAreByteIdentical(t *testing.T) {
	want := map[string]string{ // first 16 hex digits of each file's SHA-256
		"000_54227f677efe69fd.txt": "489776b04399bbe1",
		"001_9ff6f013cf416a85.txt": "c2cdb878aa6e40d3",
		"002_3246ae01c6ab132f.txt": "cb34ab7e4d94d063",
		"003_159c5c82d0ea2de1.txt": "c27927c89529ea1b",
		"004_570460325b1e30f2.txt": "1fb7d94521844612",
	}
	for name, sum := range want {
		raw, err := fs.ReadFile(SeedFS(), name)
		if err != nil {
			t.Fatal(err)
		}
		if h := sha256.Sum256(raw); hex.EncodeToString(h[:])[:16] != sum {
			t.Errorf("%s: SHA-256 %x, want %s…: the seed was changed", name, h[:8], sum)
		}
	}
}

func TestSeeds(t *testing.T) {
	tests := []struct {
		file      string
		title     string
		first     string // the body starts with this
		last      string // and ends with this
		published string
	}{
		{"000_54227f677efe69fd.txt", "Japan’s PM Kishida Aims to Forge Stronger AI Collaboration on US Visit",
			"Japan’s Prime Minister Kishida Fumio has announced his intentions to enhance cooperation between Japan and the US in the field of artificial intelligence (AI).",
			"to invest $6.94 billion in AI by 2027 to maintain its leadership role in producing advanced semiconductor chips.",
			"2024-04-10T03:33:00Z"},
		{"001_9ff6f013cf416a85.txt", "Japan and the United States are gearing up to announce closer collaboration in high-tech domains…",
			"Key Points:\n\n- During Prime Minister Kishida’s visit to the U.S. on April 10, Japan and the U.S. plan to announce closer cooperation in high-tech fields.",
			"maintaining technological superiority and safeguarding strategic interests in the rapidly evolving global landscape.", ""},
		{"002_3246ae01c6ab132f.txt", "Japan: Microsoft will invest nearly $3 billion to boost artificial intelligence",
			"Microsoft announced Tuesday that it would invest $2.9 billion over the next two years in Japan to strengthen the development of artificial intelligence (AI) in this country, currently lagging behind in this now crucial technological sector.",
			"and the group has already confirmed that it intends to build a second on site.", ""},
		{"003_159c5c82d0ea2de1.txt", "Japan and the United States are poised to deepen ties in the high-tech sector, signaling a…",
			"Japan and the United States are poised to deepen ties in the high-tech sector, signaling a strategic move to enhance their global partnership with a focus on artificial intelligence and semiconductor cooperation.",
			"indicating a broader attempt to foster innovation, secure supply chains, and address global challenges collaboratively.", ""},
		{"004_570460325b1e30f2.txt", "US and Japan Join Forces on AI Research for Life Sciences and Workforce Development",
			"Japan is forging new partnerships with U.S. universities to accelerate advancements in artificial intelligence (AI) research.",
			"while ensuring ethical considerations remain at the forefront of technological innovation.", ""},
	}
	headlines := trailingHeadlines(t)
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			a := parseSeed(t, tt.file)
			if a.Title != tt.title {
				t.Errorf("title = %q, want %q", a.Title, tt.title)
			}
			if !strings.HasPrefix(a.Body, tt.first) {
				t.Errorf("body starts %q, want %q", prefix(a.Body, 160), tt.first)
			}
			if !strings.HasSuffix(a.Body, tt.last) {
				t.Errorf("body ends %q, want %q", suffix(a.Body, 160), tt.last)
			}
			if got := formatTime(a.Published); got != tt.published {
				t.Errorf("published = %q, want %q", got, tt.published)
			}
			if a.Lang != LangEnglish || a.ID != ContentID(a.Title, a.Body) {
				t.Errorf("lang %q, id %q", a.Lang, a.ID)
			}
			if strings.Contains(a.Body, a.Title) {
				t.Errorf("the title is repeated in the body")
			}
			if err := a.Validate(Limits{}); err != nil {
				t.Errorf("invalid: %v", err)
			}
			assertNoBoilerplate(t, a.Body, append(seedBoilerplate(), headlines...))
		})
	}
}

// assertNoBoilerplate fails when body holds any of texts, or has a
// paragraph that is one of seedBoilerplateLines.
func assertNoBoilerplate(t *testing.T, body string, texts []string) {
	t.Helper()
	for _, b := range texts {
		if strings.Contains(body, b) {
			t.Errorf("boilerplate %q survived", b)
		}
	}
	for _, p := range strings.Split(body, "\n\n") {
		for _, b := range seedBoilerplateLines() {
			if p == b {
				t.Errorf("boilerplate line %q survived", b)
			}
		}
	}
}

func TestSeedSubheadingsKept(t *testing.T) {
	for file, sub := range map[string]string{
		"000_54227f677efe69fd.txt": "AI Collaboration Accelerates Between Japan and the US",
		"003_159c5c82d0ea2de1.txt": "Strengthening Bilateral High-Tech Ties",
	} {
		if body := parseSeed(t, file).Body; !strings.Contains(body, "\n\n"+sub+"\n\n") {
			t.Errorf("%s: subheading %q is not a paragraph of its own", file, sub)
		}
	}
}

// trailingHeadlines are the seventeen unrelated headlines that end seed 003.
func trailingHeadlines(t *testing.T) []string {
	raw, err := fs.ReadFile(SeedFS(), "003_159c5c82d0ea2de1.txt")
	if err != nil {
		t.Fatal(err)
	}
	_, after, _ := strings.Cut(string(raw), "Photo: Microsoft Bing")
	var out []string
	for _, l := range strings.Split(after, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	if len(out) != 17 {
		t.Fatalf("found %d trailing headlines in seed 003, want 17", len(out))
	}
	return out
}

func TestSeedsInOrder(t *testing.T) {
	arts, err := Seeds()
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 5 {
		t.Fatalf("Seeds() = %d articles, want 5", len(arts))
	}
	names, err := fs.Glob(SeedFS(), "*.txt")
	if err != nil {
		t.Fatal(err)
	}
	for i, name := range names {
		want := parseSeed(t, name)
		if arts[i].Title != want.Title || arts[i].ID != FileID("", name, 0, false) {
			t.Errorf("Seeds()[%d] is %s %q, want %s: %s %q", i, arts[i].ID, arts[i].Title, name, FileID("", name, 0, false), want.Title)
		}
	}
}

// parseSeed parses the embedded seed page name.
func parseSeed(t *testing.T, name string) Article {
	t.Helper()
	raw, err := fs.ReadFile(SeedFS(), name)
	if err != nil {
		t.Fatal(err)
	}
	a, err := ParsePage(string(raw))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return a
}

func formatTime(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.Format(time.RFC3339)
}

func prefix(s string, n int) string {
	if len(s) < n {
		return s
	}
	return s[:n]
}

func suffix(s string, n int) string {
	if len(s) < n {
		return s
	}
	return s[len(s)-n:]
}
