package main

import (
	"encoding/json"
	"io"
	"net/http"
	"os"
	"regexp"
	"strings"
	"testing"
)

// readmeExample is one curl command of the README.
type readmeExample struct {
	line    string // as written, continuation lines joined
	method  string
	url     string // from localhost:8080 on
	headers []string
	body    string
}

// TestREADMEExamples runs the curl commands of the README's first
// sections, in order, against a server started as its first command
// starts one (on loopback, no key set, on the embedded seeds), with $KEY
// the key the server printed. Each must answer 200 (a backup 201) with a
// non-empty answer: a search finds something, a listing lists something.
func TestREADMEExamples(t *testing.T) {
	examples := readmeExamples(t, "../../README.md", "## Configuration")
	if len(examples) < 15 {
		t.Fatalf("found %d curl examples in README.md, want 15 or more", len(examples))
	}
	s := startServer(t, t.TempDir(), nil, "--backup-dir", t.TempDir())
	m := keyLine.FindStringSubmatch(s.logs.String())
	if m == nil {
		t.Fatalf("serve printed no write key; log:\n%s", s.logs)
	}
	key := m[1]
	for _, ex := range examples {
		if strings.HasPrefix(ex.body, "@") {
			continue // data from a file of the reader's
		}
		status, body := runExample(t, s, ex, key)
		ok := status == http.StatusOK || status == http.StatusCreated && ex.method == http.MethodPost
		if !ok || !answered(ex.url, body) {
			t.Errorf("README: %s\n  answered %d: %.300s", ex.line, status, body)
		}
	}
}

// curlLine finds the curl commands of a shell block.
var curlLine = regexp.MustCompile(`^curl\s`)

// readmeExamples returns the curl commands of the README's ```sh blocks
// before the heading stop.
func readmeExamples(t *testing.T, path, stop string) []readmeExample {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text, _, _ := strings.Cut(string(raw), "\n"+stop+"\n")
	var out []readmeExample
	inSh := false
	lines := strings.Split(strings.ReplaceAll(text, "\\\n", " "), "\n")
	for _, line := range lines {
		switch {
		case strings.HasPrefix(line, "```"):
			inSh = strings.TrimSpace(line) == "```sh"
		case inSh && curlLine.MatchString(line):
			out = append(out, parseCurl(t, line))
		}
	}
	return out
}

// parseCurl reads a curl command's method, URL, headers and body.
func parseCurl(t *testing.T, line string) readmeExample {
	t.Helper()
	ex := readmeExample{line: line, method: http.MethodGet}
	words := shellWords(line)
	for i := 1; i < len(words); i++ {
		w := words[i]
		switch {
		case (w == "-X" || w == "-H" || w == "-d" || w == "--data-binary") && i+1 < len(words):
			i++
			switch w {
			case "-X":
				ex.method = words[i]
			case "-H":
				ex.headers = append(ex.headers, words[i])
			default:
				ex.body = words[i]
			}
		case strings.HasPrefix(w, "localhost:8080/"):
			ex.url = strings.TrimPrefix(w, "localhost:8080")
		}
	}
	if ex.url == "" {
		t.Fatalf("README: no localhost:8080 URL in %s", line)
	}
	return ex
}

// shellWords splits a shell line into words as sh would for these
// examples: single and double quotes, and a # comment at a word's start.
func shellWords(line string) []string {
	var words []string
	var w strings.Builder
	inWord, quote := false, rune(0)
	for _, r := range line {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			w.WriteRune(r)
		case r == '\'' || r == '"':
			quote, inWord = r, true
		case r == ' ' || r == '\t':
			if inWord {
				words, inWord = append(words, w.String()), false
				w.Reset()
			}
		case r == '#' && !inWord:
			return words
		default:
			w.WriteRune(r)
			inWord = true
		}
	}
	if inWord {
		words = append(words, w.String())
	}
	return words
}

// runExample sends one example, with $KEY set to key.
func runExample(t *testing.T, s *testServer, ex readmeExample, key string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(ex.method, s.base+ex.url, strings.NewReader(ex.body))
	if err != nil {
		t.Fatalf("README: %s: %v", ex.line, err)
	}
	for _, h := range ex.headers {
		name, value, _ := strings.Cut(h, ":")
		req.Header.Set(name, strings.TrimSpace(strings.ReplaceAll(value, "$KEY", key)))
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("README: %s: %v", ex.line, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("README: %s: %v", ex.line, err)
	}
	return resp.StatusCode, string(b)
}

// answered reports whether body is a non-empty answer: something found
// for a search, something listed for a listing.
func answered(url, body string) bool {
	if strings.TrimSpace(body) == "" {
		return false
	}
	var v map[string]json.RawMessage
	if err := json.Unmarshal([]byte(body), &v); err != nil {
		return url == "/metrics" // Prometheus text
	}
	switch {
	case strings.HasPrefix(url, "/api/v1/search"):
		var total int
		return json.Unmarshal(v["total"], &total) == nil && total > 0
	case strings.HasPrefix(url, "/api/v1/entities?"):
		var list []json.RawMessage
		return json.Unmarshal(v["entities"], &list) == nil && len(list) > 0
	}
	return body != "{}" && body != "[]"
}
