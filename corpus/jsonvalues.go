package corpus

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// rawArticle is the JSON text of one article and the line where it starts.
type rawArticle struct {
	JSON []byte
	Line int
}

// splitArticles cuts data into the JSON texts of its articles: the
// elements of a top-level array, or each top-level value (one object, or
// JSON Lines, one object a line). Only syntax is checked here; a syntax
// error, trailing text and an input without articles are *InputErrors.
func splitArticles(data []byte) ([]rawArticle, error) {
	data = bytes.TrimPrefix(data, []byte(bom))
	var raws []rawArticle
	var err error
	if start := skipSpace(data, 0); start < len(data) && data[start] == '[' {
		raws, err = splitArray(data)
	} else {
		raws, err = splitStream(data)
	}
	if err == nil && len(raws) == 0 {
		err = &InputError{Err: errors.New("no articles in the input")}
	}
	return raws, err
}

// splitStream returns each top-level JSON value of data.
func splitStream(data []byte) ([]rawArticle, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	var raws []rawArticle
	for {
		start := skipSpace(data, int(dec.InputOffset()))
		var raw json.RawMessage
		err := dec.Decode(&raw)
		if err == io.EOF {
			return raws, nil
		}
		if err != nil {
			return nil, &InputError{Index: len(raws), Line: lineAt(data, start), Err: syntaxErr(err, data, start)}
		}
		raws = append(raws, rawArticle{JSON: raw, Line: lineAt(data, start)})
	}
}

// splitArray returns the elements of the top-level array in data.
func splitArray(data []byte) ([]rawArticle, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	if _, err := dec.Token(); err != nil {
		return nil, &InputError{Line: 1, Err: syntaxErr(err, data, 0)}
	}
	var raws []rawArticle
	for dec.More() {
		start := skipSpace(data, int(dec.InputOffset()))
		if start < len(data) && data[start] == ',' {
			start = skipSpace(data, start+1)
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, &InputError{Index: len(raws), Line: lineAt(data, start), Err: syntaxErr(err, data, start)}
		}
		raws = append(raws, rawArticle{JSON: raw, Line: lineAt(data, start)})
	}
	end := int(dec.InputOffset())
	if _, err := dec.Token(); err != nil {
		return nil, &InputError{Index: len(raws), Line: lineAt(data, skipSpace(data, end)), Err: syntaxErr(err, data, end)}
	}
	if rest := skipSpace(data, int(dec.InputOffset())); rest < len(data) {
		return nil, &InputError{Index: len(raws), Line: lineAt(data, rest), Err: errors.New("unexpected text after the array")}
	}
	return raws, nil
}

// syntaxErr rewords a JSON syntax error found in a value that starts at
// offset start of data, saying on which line the error is when that is not
// the line where the value starts.
func syntaxErr(err error, data []byte, start int) error {
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return fmt.Errorf("the JSON ends in the middle of a value: %w", io.ErrUnexpectedEOF)
	}
	msg := strings.TrimPrefix(err.Error(), "json: ")
	var se *json.SyntaxError
	if errors.As(err, &se) {
		if at := lineAt(data, int(se.Offset)); at != lineAt(data, start) {
			msg += fmt.Sprintf(" (on line %d)", at)
		}
	}
	return fmt.Errorf("invalid JSON: %s", msg)
}

// skipSpace returns the offset of the first byte at or after i in data that
// is not JSON white space.
func skipSpace(data []byte, i int) int {
	for i < len(data) && strings.IndexByte(" \t\r\n", data[i]) >= 0 {
		i++
	}
	return i
}

// lineAt returns the 1-based line of byte offset i in data.
func lineAt(data []byte, i int) int {
	i = min(max(i, 0), len(data))
	return bytes.Count(data[:i], []byte("\n")) + 1
}
