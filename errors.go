package tailor

import (
	"errors"
	"fmt"
	"strings"
)

// ErrInvalid marks input that can never succeed however often it is retried.
// The queue archives a task whose error wraps it instead of retrying.
var ErrInvalid = errors.New("invalid input")

// ErrNotFound is returned by lookups of briefs, jobs and variants that do not exist.
var ErrNotFound = errors.New("not found")

// FieldError is one problem with one field, named by its path in the input
// ("profile.facts[3].source").
type FieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

func (e FieldError) Error() string {
	if e.Field == "" {
		return e.Message
	}
	return e.Field + ": " + e.Message
}

// ValidationError lists every problem found in one input. It wraps ErrInvalid.
type ValidationError struct {
	Problems []FieldError `json:"problems"`
}

func (e *ValidationError) Error() string {
	msgs := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		msgs[i] = p.Error()
	}
	return strings.Join(msgs, "; ")
}

func (e *ValidationError) Unwrap() error { return ErrInvalid }

// problems collects field errors; its err method returns nil when there are none.
type problems []FieldError

func (p *problems) add(field, format string, args ...any) {
	*p = append(*p, FieldError{Field: field, Message: fmt.Sprintf(format, args...)})
}

func (p problems) err() error {
	if len(p) == 0 {
		return nil
	}
	return &ValidationError{Problems: p}
}

// Invalidf returns an error wrapping ErrInvalid for one field.
func Invalidf(field, format string, args ...any) error {
	return &ValidationError{Problems: []FieldError{{Field: field, Message: fmt.Sprintf(format, args...)}}}
}

// ErrRefused marks a job that policy or the model declined to write for.
// Like ErrInvalid it is final: retrying would refuse again.
var ErrRefused = errors.New("refused")
