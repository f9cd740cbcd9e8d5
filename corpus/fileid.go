package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/url"
	"strconv"
	"strings"
)

// FileID returns the stable ID of an article read from a file that gives
// it no id, so that editing the file replaces the article rather than
// adding a second one:
//
//   - with a URL: "u" and the first 16 hex digits of the SHA-256 of the
//     canonical URL (scheme and host lower-cased, fragment dropped);
//   - without: "f" and the first 16 hex digits of the SHA-256 of rel, the
//     file's name under its corpus folder with that folder's own name in
//     front ("news/2024/quake.txt"), followed for an article of a JSON
//     file by "#" and its 1-based position in the file, and for a JSON
//     Lines file by ":" and its line number.
//
// seq is that position or line number, 0 for a file that holds one page.
// Both forms satisfy ValidateID and cannot clash with ContentID's bare hex.
func FileID(rawURL, rel string, seq int, jsonLines bool) string {
	if u := strings.TrimSpace(rawURL); u != "" {
		return "u" + hex16(CanonicalURL(u))
	}
	key := rel
	switch {
	case seq > 0 && jsonLines:
		key += ":" + strconv.Itoa(seq)
	case seq > 0:
		key += "#" + strconv.Itoa(seq)
	}
	return "f" + hex16(key)
}

// CanonicalURL returns u with its scheme and host lower-cased and its
// fragment dropped; a URL that does not parse is returned trimmed.
func CanonicalURL(u string) string {
	u = strings.TrimSpace(u)
	p, err := url.Parse(u)
	if err != nil || p.Host == "" {
		return u
	}
	p.Scheme, p.Host, p.Fragment, p.RawFragment = strings.ToLower(p.Scheme), strings.ToLower(p.Host), "", ""
	return p.String()
}

// hex16 returns the first 16 hex digits of the SHA-256 of s.
func hex16(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])[:16]
}

// hasID reports whether the JSON object raw gives a non-blank "id".
func hasID(raw []byte) bool {
	var v struct {
		ID *string `json:"id"`
	}
	return json.Unmarshal(raw, &v) == nil && v.ID != nil && strings.TrimSpace(*v.ID) != ""
}
