// Package entity finds the people, organizations and places a news article
// names.
//
// A Gazetteer lists entities, each with a canonical name and aliases in any
// script; Default is the one embedded from gazetteer.json, and a user's own
// file (same format, see README.md) extends it with Merge. An Extractor
// compiles a gazetteer into a token trie and scans text once: Latin-script
// aliases match whole words with a capitalization rule, Japanese, Chinese and
// Korean aliases match as substrings, and the longest match wins. With the
// Discover option it also finds people, organizations and places the
// gazetteer does not list, reading Japanese names with the namedict lexicon,
// and gives each a canonical name (see discover.go and README.md). With the
// Tagger option, a trained tagger (package entity/tagger) adds the names
// the rules miss, where they find nothing (see tagged.go).
//
// The package is pure: it reads no index and serves nothing. It imports
// corpus, romaji, namedict and entity/tagger of Sagasu's packages.
package entity
