package api

import (
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"fmt"
	"net/http"
	"strings"
)

// Scope is what an API key may do.
type Scope int

// Scopes, each including the one before.
const (
	ScopeRead  Scope = iota + 1 // search, articles, entities, stats
	ScopeWrite                  // also POST and DELETE articles, backups
)

func (s Scope) String() string {
	switch s {
	case ScopeRead:
		return "read"
	case ScopeWrite:
		return "write"
	}
	return fmt.Sprintf("Scope(%d)", int(s))
}

// Key is an API key and its scope.
type Key struct {
	Secret string
	Scope  Scope
}

// minKeyLen is the shortest key accepted: shorter ones are guessable.
const minKeyLen = 16

// ParseKeys reads keys written "secret:scope" (scope read or write),
// separated by commas or line breaks, as SAGASU_API_KEYS or a keys file
// gives them; in a file a line may also be "secret scope", and a line
// starting with # is a comment (commas and all). Errors never repeat a
// secret.
func ParseKeys(text string) ([]Key, error) {
	var keys []Key
	n := 0
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		for _, f := range strings.Split(line, ",") {
			if f = strings.TrimSpace(f); f == "" {
				continue
			}
			n++
			k, err := parseKey(f)
			if err != nil {
				return nil, fmt.Errorf("key %d: %w", n, err)
			}
			keys = append(keys, k)
		}
	}
	return keys, nil
}

// parseKey reads one key, "secret:scope" or "secret scope".
func parseKey(f string) (Key, error) {
	secret, scope, ok := strings.Cut(f, ":")
	if !ok {
		secret, scope, ok = strings.Cut(f, " ")
	}
	if !ok {
		return Key{}, errors.New("write secret:read or secret:write")
	}
	k := Key{Secret: strings.TrimSpace(secret)}
	switch strings.TrimSpace(scope) {
	case "read":
		k.Scope = ScopeRead
	case "write":
		k.Scope = ScopeWrite
	default:
		return Key{}, fmt.Errorf("scope %q: use read or write", strings.TrimSpace(scope))
	}
	if len(k.Secret) < minKeyLen || strings.ContainsAny(k.Secret, " \t") {
		return Key{}, fmt.Errorf("a key needs at least %d characters and no spaces", minKeyLen)
	}
	return k, nil
}

// keyring checks presented keys against the configured ones by their
// SHA-256 digests, in constant time and against every key, so that
// neither a key's length nor its position leaks through timing.
type keyring struct {
	digests [][sha256.Size]byte
	scopes  []Scope
	writes  bool // some key may write
}

func newKeyring(keys []Key) keyring {
	var k keyring
	for _, key := range keys {
		k.digests = append(k.digests, sha256.Sum256([]byte(key.Secret)))
		k.scopes = append(k.scopes, key.Scope)
		k.writes = k.writes || key.Scope >= ScopeWrite
	}
	return k
}

// scope returns the scope of the key secret, or 0 for none.
func (k keyring) scope(secret string) Scope {
	d := sha256.Sum256([]byte(secret))
	var found Scope
	for i := range k.digests {
		if subtle.ConstantTimeCompare(d[:], k.digests[i][:]) == 1 {
			found = k.scopes[i]
		}
	}
	return found
}

// bearer returns the key of "Authorization: Bearer <key>", or "".
func bearer(r *http.Request) string {
	given, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok {
		return ""
	}
	return strings.TrimSpace(given)
}

// requireScope lets a request through with a key of scope need or more.
// Reads need no key unless readKey is set; writes with no write key
// configured are disabled (403 and how to enable them).
func requireScope(keys keyring, need Scope, readKey bool, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if need == ScopeRead && !readKey {
			next.ServeHTTP(w, r)
			return
		}
		if need == ScopeWrite && !keys.writes {
			writeError(w, r, http.StatusForbidden, codeWritesDisabled,
				"writes are disabled: start the server with SAGASU_API_KEY or SAGASU_API_KEYS set and send Authorization: Bearer <key>")
			return
		}
		got := keys.scope(bearer(r))
		switch {
		case got == 0:
			w.Header().Set("WWW-Authenticate", `Bearer realm="sagasu"`)
			writeError(w, r, http.StatusUnauthorized, codeUnauthorized, "missing or wrong API key: send Authorization: Bearer <key>")
		case got < need:
			writeError(w, r, http.StatusForbidden, codeForbidden, "this key is read-only; "+r.Method+" needs a write key")
		default:
			next.ServeHTTP(w, r)
		}
	})
}
