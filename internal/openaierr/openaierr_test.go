package openaierr

import (
	"context"
	"errors"
	"fmt"
	"math"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"testing"
	"time"

	goopenai "github.com/sashabaranov/go-openai"
	tailor "github.com/tailorhq/tailor"
)

func TestRetryAfter(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 11, 20, 18, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		header http.Header
		want   time.Duration
	}{
		{"none", nil, 0},
		{"empty", http.Header{}, 0},
		{"seconds", http.Header{"Retry-After": {"7"}}, 7 * time.Second},
		{"fractional seconds", http.Header{"Retry-After": {"1.5"}}, 1500 * time.Millisecond},
		{"http date", http.Header{"Retry-After": {now.Add(90 * time.Second).Format(http.TimeFormat)}}, 90 * time.Second},
		{"date in the past", http.Header{"Retry-After": {now.Add(-time.Minute).Format(http.TimeFormat)}}, 0},
		{"milliseconds first", http.Header{"Retry-After-Ms": {"250"}, "Retry-After": {"1"}}, 250 * time.Millisecond},
		{"bad milliseconds fall back", http.Header{"Retry-After-Ms": {"soon"}, "Retry-After": {"2"}}, 2 * time.Second},
		{"negative", http.Header{"Retry-After": {"-3"}}, 0},
		{"nan", http.Header{"Retry-After": {"NaN"}}, 0},
		{"garbage", http.Header{"Retry-After": {"whenever"}}, 0},
		{"absurd is capped", http.Header{"Retry-After": {strconv.FormatFloat(math.MaxFloat64, 'f', -1, 64)}}, maxRetryAfter},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := RetryAfter(tt.header, now); got != tt.want {
				t.Errorf("RetryAfter = %s, want %s", got, tt.want)
			}
		})
	}
}

func TestFromStatus(t *testing.T) {
	t.Parallel()
	cause := errors.New("server says no")
	tests := []struct {
		status    int
		header    http.Header
		transient bool
		after     time.Duration
		invalid   bool
	}{
		{http.StatusTooManyRequests, http.Header{"Retry-After": {"4"}}, true, 4 * time.Second, false},
		{http.StatusTooManyRequests, nil, true, 0, false},
		{http.StatusInternalServerError, nil, true, 0, false},
		{http.StatusServiceUnavailable, http.Header{"Retry-After": {"10"}}, true, 10 * time.Second, false},
		{http.StatusBadRequest, http.Header{"Retry-After": {"4"}}, false, 0, true},
		{http.StatusUnprocessableEntity, nil, false, 0, true},
		{http.StatusUnauthorized, nil, false, 0, false},
		{http.StatusNotFound, nil, false, 0, false},
	}
	for _, tt := range tests {
		t.Run(strconv.Itoa(tt.status), func(t *testing.T) {
			t.Parallel()
			err := FromStatus(tt.status, tt.header, cause)
			if !errors.Is(err, cause) {
				t.Errorf("%v does not wrap the cause", err)
			}
			var tr *Transient
			if got := errors.As(err, &tr); got != tt.transient {
				t.Fatalf("transient = %v, want %v (%v)", got, tt.transient, err)
			}
			if tt.transient && tr.RetryAfter() != tt.after {
				t.Errorf("RetryAfter = %s, want %s", tr.RetryAfter(), tt.after)
			}
			if got := errors.Is(err, tailor.ErrInvalid); got != tt.invalid {
				t.Errorf("invalid = %v, want %v (%v)", got, tt.invalid, err)
			}
		})
	}
}

func TestMap(t *testing.T) {
	t.Parallel()
	live := context.Background()
	canceled, cancel := context.WithCancel(context.Background())
	cancel()
	capture := func(status int) *Capture {
		c := new(Capture)
		c.record(&http.Response{StatusCode: status, Header: http.Header{"Retry-After": {"2"}}})
		return c
	}
	tests := []struct {
		name      string
		parent    context.Context
		err       error
		capture   *Capture
		transient bool
		after     time.Duration
		invalid   bool
		is        error
	}{
		{"api 429 with captured header", live, &goopenai.APIError{HTTPStatusCode: 429, Message: "slow"}, capture(429), true, 2 * time.Second, false, nil},
		{"api 400", live, &goopenai.APIError{HTTPStatusCode: 400, Message: "bad schema"}, capture(400), false, 0, true, nil},
		{"request error 502", live, &goopenai.RequestError{HTTPStatusCode: 502, Body: []byte("<html>")}, nil, true, 0, false, nil},
		{"undecodable 200", live, fmt.Errorf("invalid character"), capture(200), true, 0, false, nil},
		{"per-call timeout", live, fmt.Errorf("post: %w", context.DeadlineExceeded), nil, true, 0, false, context.DeadlineExceeded},
		{"network", live, &net.OpError{Op: "dial", Err: errors.New("connection refused")}, nil, true, 0, false, nil},
		{"caller canceled", canceled, fmt.Errorf("post: %w", context.Canceled), nil, false, 0, false, context.Canceled},
		{"caller canceled, chain lost", canceled, errors.New("request cancelled"), nil, false, 0, false, context.Canceled},
		{"other", live, errors.New("boom"), nil, false, 0, false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			err := Map(tt.parent, tt.err, tt.capture)
			var tr *Transient
			if got := errors.As(err, &tr); got != tt.transient {
				t.Fatalf("transient = %v, want %v (%v)", got, tt.transient, err)
			}
			if tt.transient && tr.RetryAfter() != tt.after {
				t.Errorf("RetryAfter = %s, want %s", tr.RetryAfter(), tt.after)
			}
			if got := errors.Is(err, tailor.ErrInvalid); got != tt.invalid {
				t.Errorf("invalid = %v, want %v", got, tt.invalid)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("%v is not %v", err, tt.is)
			}
		})
	}
}

func TestTransportCapturesPerContext(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", r.URL.Query().Get("after"))
		w.WriteHeader(http.StatusTooManyRequests)
	}))
	defer srv.Close()
	client := Client(srv.Client())
	if Client(client).Transport.(*Transport).Base != client.Transport.(*Transport).Base {
		t.Error("Client wrapped an already wrapped transport twice")
	}
	var wg sync.WaitGroup
	for i := 1; i <= 20; i++ {
		wg.Go(func() {
			ctx, c := WithCapture(context.Background())
			req, _ := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL+"?after="+strconv.Itoa(i), nil)
			res, err := client.Do(req)
			if err != nil {
				t.Error(err)
				return
			}
			res.Body.Close()
			status, h := c.Last()
			if status != http.StatusTooManyRequests || RetryAfter(h, time.Now()) != time.Duration(i)*time.Second {
				t.Errorf("request %d: captured %d %v", i, status, h)
			}
		})
	}
	wg.Wait()
	// Without a capture in the context the transport just forwards.
	res, err := client.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
}
