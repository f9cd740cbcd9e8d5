package htmlpage

import (
	"encoding/json"
	"strings"
)

// ldInfo is what a page's JSON-LD says about its article.
type ldInfo struct {
	headline, published, publisher, url, lang string
}

// articleTypes are the schema.org types whose fields describe the page's
// article; other objects (a BreadcrumbList, a WebSite) only fill gaps.
var articleTypes = map[string]bool{
	"newsarticle": true, "article": true, "reportagenewsarticle": true, "blogposting": true,
	"analysisnewsarticle": true, "opinionnewsarticle": true, "backgroundnewsarticle": true,
	"reviewnewsarticle": true, "liveblogposting": true, "webpage": true, "scholarlyarticle": true,
}

// readLD reads the JSON-LD scripts; an object of an article type wins
// over others, and a script that is not valid JSON is skipped.
func readLD(scripts []string) ldInfo {
	var best, other ldInfo
	for _, s := range scripts {
		var v any
		if json.Unmarshal([]byte(strings.TrimSpace(s)), &v) != nil {
			continue
		}
		for _, obj := range ldObjects(v) {
			info := ldFields(obj)
			if isArticle(obj["@type"]) {
				best = merge(best, info)
			} else {
				other = merge(other, info)
			}
		}
	}
	return merge(best, other)
}

// ldObjects flattens a JSON-LD value (an object, an array, an @graph) to
// its objects.
func ldObjects(v any) []map[string]any {
	switch v := v.(type) {
	case []any:
		var out []map[string]any
		for _, e := range v {
			out = append(out, ldObjects(e)...)
		}
		return out
	case map[string]any:
		out := []map[string]any{v}
		if g, ok := v["@graph"]; ok {
			out = append(out, ldObjects(g)...)
		}
		return out
	}
	return nil
}

// ldFields reads the fields Sagasu uses from one JSON-LD object.
func ldFields(obj map[string]any) ldInfo {
	info := ldInfo{
		headline:  ldString(obj["headline"]),
		published: firstOf(ldString(obj["datePublished"]), ldString(obj["dateCreated"])),
		url:       ldString(obj["url"]),
		lang:      ldString(obj["inLanguage"]),
	}
	if isArticle(obj["@type"]) {
		info.url = firstOf(ldString(obj["mainEntityOfPage"]), info.url)
	} else {
		info.url = ""
	}
	if pub, ok := obj["publisher"]; ok {
		info.publisher = ldString(pub)
	}
	return info
}

// ldString returns a JSON-LD value as a string: a string itself, an
// object's name, @id or url, or an array's first such value.
func ldString(v any) string {
	switch v := v.(type) {
	case string:
		return strings.TrimSpace(v)
	case []any:
		for _, e := range v {
			if s := ldString(e); s != "" {
				return s
			}
		}
	case map[string]any:
		return firstOf(ldString(v["name"]), ldString(v["@id"]), ldString(v["url"]))
	}
	return ""
}

// isArticle reports whether a JSON-LD @type names an article type.
func isArticle(t any) bool {
	switch t := t.(type) {
	case string:
		return articleTypes[strings.ToLower(t)]
	case []any:
		for _, e := range t {
			if isArticle(e) {
				return true
			}
		}
	}
	return false
}

// merge fills a's empty fields from b.
func merge(a, b ldInfo) ldInfo {
	a.headline = firstOf(a.headline, b.headline)
	a.published = firstOf(a.published, b.published)
	a.publisher = firstOf(a.publisher, b.publisher)
	a.url = firstOf(a.url, b.url)
	a.lang = firstOf(a.lang, b.lang)
	return a
}
