package openaierr

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Capture records the status and headers of the last HTTP response of one
// call. go-openai's APIError (and langchaingo's errors) drop the response
// headers, so Retry-After would be lost: a Transport wrapped around the
// client's own records them in the Capture carried by the request's context.
// Keeping it in the context, not in the Transport, makes one client safe for
// concurrent calls.
type Capture struct {
	mu     sync.Mutex
	status int
	header http.Header
}

type captureKey struct{}

// WithCapture returns a context whose HTTP responses, when sent through a
// Transport, are recorded in the returned Capture.
func WithCapture(ctx context.Context) (context.Context, *Capture) {
	c := new(Capture)
	return context.WithValue(ctx, captureKey{}, c), c
}

// Last returns the status and headers of the last response; 0 and nil when
// none arrived.
func (c *Capture) Last() (int, http.Header) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.status, c.header
}

func (c *Capture) record(res *http.Response) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.status, c.header = res.StatusCode, res.Header.Clone()
}

// Transport records each response in the request context's Capture.
type Transport struct {
	// Base sends the requests; nil means http.DefaultTransport.
	Base http.RoundTripper
}

// RoundTrip sends req through Base and records the response.
func (t *Transport) RoundTrip(req *http.Request) (*http.Response, error) {
	base := t.Base
	if base == nil {
		base = pooled
	}
	res, err := base.RoundTrip(req)
	if err == nil {
		if c, ok := req.Context().Value(captureKey{}).(*Capture); ok {
			c.record(res)
		}
	}
	return res, err
}

// IdleConnsPerHost is how many idle connections to the model's server a
// client without a transport of its own keeps. Go's default, 2, is far
// below the calls a worker has in flight (concurrency × channels), so most
// calls would open a connection, a TLS handshake each against a real API.
// 512 covers a worker at concurrency 100 writing three channels at once
// (300 calls), which at 100 opened and closed 200 connections a round.
const IdleConnsPerHost = 512

// pooled is http.DefaultTransport keeping IdleConnsPerHost idle connections.
var pooled = func() http.RoundTripper {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConns, t.MaxIdleConnsPerHost = IdleConnsPerHost, IdleConnsPerHost
	return t
}()

// Client returns a copy of c (nil means a zero http.Client) whose transport
// records responses and, if c has none, keeps IdleConnsPerHost connections
// alive. c itself is not modified.
func Client(c *http.Client) *http.Client {
	var out http.Client
	if c != nil {
		out = *c
	}
	if _, ok := out.Transport.(*Transport); !ok {
		out.Transport = &Transport{Base: out.Transport}
	}
	return &out
}

// maxRetryAfter bounds a server's request so that a garbled header cannot
// park a task for years.
const maxRetryAfter = 24 * time.Hour

// RetryAfter reads how long the server asked us to wait: OpenAI's
// retry-after-ms when present, else Retry-After in seconds or as an HTTP
// date. It returns 0 when the server did not say or said nonsense.
func RetryAfter(h http.Header, now time.Time) time.Duration {
	return min(retryAfter(h, now), maxRetryAfter)
}

func retryAfter(h http.Header, now time.Time) time.Duration {
	if h == nil {
		return 0
	}
	if v := strings.TrimSpace(h.Get("Retry-After-Ms")); v != "" {
		if ms, err := strconv.ParseFloat(v, 64); err == nil && ms > 0 {
			return seconds(ms / 1000)
		}
	}
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0
	}
	if s, err := strconv.ParseFloat(v, 64); err == nil {
		if !(s > 0) { // also NaN
			return 0
		}
		return seconds(s)
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

// seconds converts without overflowing on absurd values.
func seconds(s float64) time.Duration {
	if s >= maxRetryAfter.Seconds() {
		return maxRetryAfter
	}
	return time.Duration(s * float64(time.Second))
}
