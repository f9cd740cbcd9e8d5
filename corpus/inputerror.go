package corpus

import (
	"errors"
	"fmt"
	"strings"
)

// InputError says where in an input an article could not be read and why.
type InputError struct {
	// Index is the 0-based position of the article in the input.
	Index int
	// Line is the 1-based line where the article starts, 0 when the error
	// concerns the input as a whole (as "no articles" does).
	Line int
	// Field is the JSON name of the field to blame ("entities.person" for
	// entity names), empty when the error is not about one field.
	Field string
	// Err is what is wrong.
	Err error
}

// Error returns the position, the field and the problem, as in
// `article 3 (line 4): field "published": not an RFC 3339 time: "soon"`.
func (e *InputError) Error() string {
	var b strings.Builder
	if e.Line > 0 {
		fmt.Fprintf(&b, "article %d (line %d): ", e.Index, e.Line)
	}
	var fe *FieldError
	if e.Field != "" && !(errors.As(e.Err, &fe) && fe.Field == e.Field) {
		fmt.Fprintf(&b, "field %q: ", e.Field)
	}
	if e.Err == nil {
		b.WriteString("invalid input")
	} else {
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

// Unwrap returns Err, so that errors.As finds a *FieldError inside.
func (e *InputError) Unwrap() error { return e.Err }

// inputError places err, which may be a *FieldError, at an article.
func inputError(index, line int, err error) *InputError {
	ie := &InputError{Index: index, Line: line, Err: err}
	var fe *FieldError
	if errors.As(err, &fe) {
		ie.Field = fe.Field
	}
	return ie
}
