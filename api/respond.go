package api

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	tailor "github.com/tailorhq/tailor"
	"github.com/tailorhq/tailor/store"
)

// errorBody is every error response: a message and, for bad input, the
// problems by field (the same shape as tailor.ValidationError).
type errorBody struct {
	Error    string              `json:"error"`
	Problems []tailor.FieldError `json:"problems,omitempty"`
	// Findings are the guardrails' findings on a refused edit.
	Findings []tailor.Finding `json:"findings,omitempty"`
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	enc.Encode(v)
}

func writeError(w http.ResponseWriter, status int, msg string, problems []tailor.FieldError) {
	writeJSON(w, status, errorBody{Error: msg, Problems: problems})
}

// fail answers with the status an error deserves: bad input 400 naming the
// field, too large 413, not found 404, conflict 409, anything else 500
// (logged, not shown).
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	var verr *tailor.ValidationError
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("request body larger than %d bytes", tooBig.Limit), nil)
	case errors.As(err, &verr):
		writeError(w, http.StatusBadRequest, "invalid input", verr.Problems)
	case errors.Is(err, tailor.ErrNotFound):
		writeError(w, http.StatusNotFound, "not found", nil)
	case errors.Is(err, store.ErrConflict):
		writeError(w, http.StatusConflict, err.Error(), nil)
	default:
		s.log.ErrorContext(r.Context(), "api: request failed", "method", r.Method, "path", r.URL.Path, "err", err)
		writeError(w, http.StatusInternalServerError, "internal error", nil)
	}
}

// notFound is the answer for another brand's object: the same as for one
// that does not exist.
func notFound(w http.ResponseWriter) { writeError(w, http.StatusNotFound, "not found", nil) }

// readBody reads a whole request body of at most limit bytes.
func readBody(w http.ResponseWriter, r *http.Request, limit int64) ([]byte, error) {
	return io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
}

// decodeStrict decodes a small JSON body into v, refusing unknown fields,
// trailing data and wrong types with an error that names the field. An
// empty body leaves v as it is when optional.
func decodeStrict(data []byte, v any, optional bool) error {
	if optional && len(strings.TrimSpace(string(data))) == 0 {
		return nil
	}
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var typeErr *json.UnmarshalTypeError
		switch {
		case errors.As(err, &typeErr):
			return tailor.Invalidf(typeErr.Field, "must be a %s", typeErr.Type)
		case strings.HasPrefix(err.Error(), "json: unknown field "):
			field := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
			return tailor.Invalidf(field, "unknown field")
		}
		return tailor.Invalidf("", "not valid JSON: %v", err)
	}
	if dec.More() {
		return tailor.Invalidf("", "not valid JSON: data after the object")
	}
	return nil
}
