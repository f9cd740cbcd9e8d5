package api

import (
	"bytes"
	"encoding/json"
	"net/http"

	"github.com/rs/zerolog"
)

// encode writes v as JSON with the given status.
func encode(w http.ResponseWriter, r *http.Request, status int, v interface{}) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	if r.Method == http.MethodHead {
		return
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false) // snippets carry <mark>; they are escaped already
	if err := enc.Encode(v); err != nil {
		zerolog.Ctx(r.Context()).Warn().Err(err).Msg("write response")
	}
}

// statusClientClosed answers a request whose client went away before it
// was done.
const statusClientClosed = 499

// errorBody is the JSON of every error answer.
type errorBody struct {
	Error errorDetail `json:"error"`
}

type errorDetail struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// Error codes.
const (
	codeInvalidQuery         = "invalid_query"
	codeInvalidParameter     = "invalid_parameter"
	codeInvalidArticle       = "invalid_article"
	codeBodyTooLarge         = "body_too_large"
	codeUnsupportedMediaType = "unsupported_media_type"
	codeNotFound             = "not_found"
	codeMethodNotAllowed     = "method_not_allowed"
	codeUnauthorized         = "unauthorized"
	codeForbidden            = "forbidden"
	codeBackupsDisabled      = "backups_disabled"
	codeConflict             = "conflict"
	codeWritesDisabled       = "writes_disabled"
	codeTimeout              = "timeout"
	codeUnavailable          = "unavailable"
	codeCancelled            = "cancelled"
	codeNotImplemented       = "not_implemented"
	codeInternal             = "internal"
)

// writeError answers with status and {"error":{"code","message"}}.
func writeError(w http.ResponseWriter, r *http.Request, status int, code, msg string) {
	encode(w, r, status, errorBody{Error: errorDetail{Code: code, Message: msg}})
}

// writeInternal logs err and answers 500 without exposing it.
func writeInternal(w http.ResponseWriter, r *http.Request, err error) {
	zerolog.Ctx(r.Context()).Error().Err(err).Msg("internal error")
	writeError(w, r, http.StatusInternalServerError, codeInternal, "internal error; the server log has the details (look for this request's id)")
}

// jsonDecoder returns a strict decoder of body: unknown fields are errors.
func jsonDecoder(body []byte) *json.Decoder {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	return dec
}
