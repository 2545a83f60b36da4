// Package openaierr decides whether a failed call to an OpenAI-compatible
// server is worth retrying. It is shared by the chat models and the embedder
// so that "retry or give up" means the same thing for both.
//
// Transient failures (HTTP 429 and 5xx, network errors, per-call timeouts,
// unreadable answers) become a *Transient, which carries how long the server
// asked us to wait. A request the server can never accept (HTTP 400) wraps
// tailor.ErrInvalid. Everything else is returned unclassified: the queue
// retries it with its own backoff. NewClient builds the go-openai client whose
// responses it can read.
package openaierr

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"

	goopenai "github.com/sashabaranov/go-openai"
	tailor "github.com/tailorhq/tailor"
)

// Transient is a failure that may succeed when retried. It never wraps
// tailor.ErrInvalid or tailor.ErrRefused.
type Transient struct {
	Err error
	// After is how long the server asked us to wait (Retry-After); 0 when it
	// did not say.
	After time.Duration
}

// Error describes the failure.
func (e *Transient) Error() string {
	if e.After > 0 {
		return fmt.Sprintf("%v (retry after %s)", e.Err, e.After)
	}
	return e.Err.Error()
}

// Unwrap returns the underlying failure.
func (e *Transient) Unwrap() error { return e.Err }

// RetryAfter returns the wait the server asked for, or 0 when it did not say.
func (e *Transient) RetryAfter() time.Duration { return e.After }

// Temporary reports true: the call may succeed later.
func (e *Transient) Temporary() bool { return true }

// Transientf returns a transient error without a server-requested wait.
func Transientf(format string, args ...any) error {
	return &Transient{Err: fmt.Errorf(format, args...)}
}

// FromStatus maps an HTTP error status to an error wrapping err, the
// client library's error (which carries the server's message). header holds
// the response's headers (may be nil).
func FromStatus(status int, header http.Header, err error) error {
	switch {
	case status == http.StatusTooManyRequests:
		return &Transient{Err: fmt.Errorf("rate limited: %w", err), After: RetryAfter(header, time.Now())}
	case status >= 500, status == http.StatusRequestTimeout, status == http.StatusConflict:
		return &Transient{Err: fmt.Errorf("server error: %w", err), After: RetryAfter(header, time.Now())}
	case status == http.StatusBadRequest, status == http.StatusRequestEntityTooLarge, status == http.StatusUnprocessableEntity:
		// The same request would be rejected again: give up on it.
		return fmt.Errorf("request rejected: %w: %w", tailor.ErrInvalid, err)
	default:
		// 401, 403, 404: a deployment problem (key, model name), not a
		// property of this job. Left unclassified so the queue retries with
		// its own backoff while an operator fixes it.
		return err
	}
}

// Map classifies an error returned by a go-openai call. parent is the
// caller's context (before any per-call timeout) and capture the one the
// call's context carried (may be nil).
func Map(parent context.Context, err error, capture *Capture) error {
	if err == nil {
		return nil
	}
	var (
		status int
		header http.Header
	)
	if capture != nil {
		status, header = capture.Last()
	}
	var apiErr *goopenai.APIError
	if errors.As(err, &apiErr) && apiErr.HTTPStatusCode != 0 {
		return FromStatus(apiErr.HTTPStatusCode, header, err)
	}
	var reqErr *goopenai.RequestError
	if errors.As(err, &reqErr) && reqErr.HTTPStatusCode != 0 {
		return FromStatus(reqErr.HTTPStatusCode, header, err)
	}
	if status >= 200 && status < 300 && parent.Err() == nil {
		// The server answered but its body did not decode.
		return &Transient{Err: fmt.Errorf("reading response: %w", err)}
	}
	return Network(parent, err)
}

// Network classifies an error that carries no HTTP status: the caller's own
// cancellation is returned as is; a per-call timeout or a network failure is
// transient.
func Network(parent context.Context, err error) error {
	if perr := parent.Err(); perr != nil {
		// The caller gave up (shutdown, task deadline): not ours to classify,
		// but keep ctx's error in the chain whatever the client made of it.
		if errors.Is(err, perr) {
			return err
		}
		return fmt.Errorf("%w: %w", perr, err)
	}
	var netErr net.Error
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		return &Transient{Err: fmt.Errorf("timed out: %w", err)}
	case errors.As(err, &netErr), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return &Transient{Err: fmt.Errorf("network error: %w", err)}
	}
	return err
}
