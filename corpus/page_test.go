package corpus

import (
	"io/fs"
	"strings"
	"testing"
	"time"
)

// boilerplate is text from the seed pages that must not survive cleaning.
var boilerplate = []string{
	"Post a Comment", "Share on Facebook", "Read More", "4 reads", "Avatar", "Your Name", "Characters Left",
	"forwarded to the administrator", "Warning! Will constitute", "Most people like", "Find AI tools in YBX",
	"Related Articles", "Refresh Articles", "Photo:", "2024-04-10 03:33", "invest $2.\n",
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
			raw, err := fs.ReadFile(SeedFS(), tt.file)
			if err != nil {
				t.Fatal(err)
			}
			a, err := ParsePage(string(raw))
			if err != nil {
				t.Fatal(err)
			}
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
			if a.Title != "" && strings.Contains(a.Body, a.Title) {
				t.Errorf("the headline is repeated in the body")
			}
			for _, b := range append(boilerplate, headlines...) {
				if strings.Contains(a.Body, b) {
					t.Errorf("boilerplate %q survived", b)
				}
			}
		})
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
	if len(arts) != 5 || !strings.HasPrefix(arts[0].Title, "Japan’s PM Kishida") || !strings.HasPrefix(arts[4].Title, "US and Japan Join") {
		t.Errorf("Seeds() = %d articles, first %q", len(arts), arts[0].Title)
	}
}

func TestParsePage(t *testing.T) {
	tests := []struct {
		name, page        string
		title, body, date string
		lang              string
	}{
		{"date prefixed", "Quake hits Osaka\n\nPublished: 2024-01-02 09:30\n\nA strong quake hit Osaka on Tuesday.", "Quake hits Osaka", "A strong quake hit Osaka on Tuesday.", "2024-01-02T09:30:00Z", "en"},
		{"long date", "Quake hits Osaka\nA strong quake hit Osaka.\nJanuary 2, 2024", "Quake hits Osaka", "A strong quake hit Osaka.", "2024-01-02T00:00:00Z", "en"},
		{"RFC 3339 with zone", "Quake hits Osaka\nA strong quake hit Osaka.\nUpdated 2024-01-02T09:30:00+09:00", "Quake hits Osaka", "A strong quake hit Osaka.", "2024-01-02T00:30:00Z", "en"},
		{"Japanese date", "大阪で地震\n2024年1月2日\n大阪で強い地震があった。", "大阪で地震", "大阪で強い地震があった。", "2024-01-02T00:00:00Z", "ja"},
		{"date in prose is not a date line", "Quake hits Osaka\nOn January 2, 2024 a quake hit Osaka.", "Quake hits Osaka", "On January 2, 2024 a quake hit Osaka.", "", "en"},
		{"CRLF", "Quake hits Osaka\r\n\r\nA strong quake hit Osaka.\r\nRead More\r\n", "Quake hits Osaka", "A strong quake hit Osaka.", "", "en"},
		{"no headline: lead sentence", "A strong quake hit Osaka on Tuesday. Trains stopped.", "A strong quake hit Osaka on Tuesday.", "A strong quake hit Osaka on Tuesday. Trains stopped.", "", "en"},
		{"abbreviations do not end the lead", "Mr. Abe met U.S. officials in Tokyo on Monday. They talked.", "Mr. Abe met U.S. officials in Tokyo on Monday.", "Mr. Abe met U.S. officials in Tokyo on Monday. They talked.", "", "en"},
		{"prose after Related is kept", "Quake hits Osaka\nRelated\nThe quake struck at dawn. Damage was light.", "Quake hits Osaka", "Related\n\nThe quake struck at dawn. Damage was light.", "", "en"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ParsePage(tt.page)
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != tt.title || a.Body != tt.body || formatTime(a.Published) != tt.date || a.Lang != tt.lang {
				t.Errorf("got title %q body %q date %q lang %q\nwant title %q body %q date %q lang %q",
					a.Title, a.Body, formatTime(a.Published), a.Lang, tt.title, tt.body, tt.date, tt.lang)
			}
		})
	}
}

func TestParsePageErrors(t *testing.T) {
	for name, page := range map[string]string{
		"only boilerplate": "Post a Comment Print Share on Facebook\nRead More\nRelated Articles\nRefresh Articles\n",
		"empty":            "  \n\n ",
		"invalid UTF-8":    "Title\nbad \xff byte",
		"NUL":              "Title\nbody\x00",
	} {
		if _, err := ParsePage(page); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestLeadTitle(t *testing.T) {
	long := "Japan and the United States are poised to deepen ties in the high-tech sector, signaling a strategic move to enhance."
	if got := LeadTitle(long); got != "Japan and the United States are poised to deepen ties in the high-tech sector, signaling a…" {
		t.Errorf("LeadTitle = %q", got)
	}
	if got := LeadTitle("Key Points:\n- a bullet.\nThe lead. More."); got != "The lead." {
		t.Errorf("LeadTitle skips labels and bullets: got %q", got)
	}
	ja := strings.Repeat("東京", 80) + "。"
	if got := LeadTitle(ja); len([]rune(got)) != MaxTitleRunes {
		t.Errorf("Japanese lead cut to %d runes, want %d", len([]rune(got)), MaxTitleRunes)
	}
}

func TestDetectLang(t *testing.T) {
	tests := map[string]string{
		"Kishida met Biden.": "en", "岸田首相はバイデン大統領と会談した。": "ja",
		"AIとGPUの話をした会議": "ja", "AIとGPUの話": "en", "Sony (ソニー) said 2024": "en", "": "en",
	}
	for text, want := range tests {
		if got := DetectLang(text); got != want {
			t.Errorf("DetectLang(%q) = %q, want %q", text, got, want)
		}
	}
}

func FuzzParsePage(f *testing.F) {
	f.Add("Title\n\nBody text. More.\n2024-04-10 03:33")
	f.Add("Post a Comment\nRead More")
	f.Add("大阪で地震\n2024年1月2日\n本文。")
	f.Fuzz(func(t *testing.T, page string) {
		a, err := ParsePage(page)
		if err != nil {
			return
		}
		if err := a.Validate(Limits{MaxTitleBytes: 1 << 30, MaxBodyBytes: 1 << 30}); err != nil && !strings.Contains(err.Error(), "control character") {
			t.Errorf("ParsePage(%q) gave an invalid article: %v", page, err)
		}
	})
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
