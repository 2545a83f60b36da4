// Package openaitest is an in-process server speaking the OpenAI wire
// protocol (chat completions and embeddings) for tests and benchmarks. Its
// answers are deterministic: a chat answer follows the request's JSON schema
// with plausible short copy, an embedding is a unit vector derived from a
// hash of the text. Options add latency, a generation speed and a hook to
// script failures (429, 5xx, malformed bodies, refusals, truncation).
package openaitest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	goopenai "github.com/sashabaranov/go-openai"
)

// Options configure a Server. The zero value answers at once.
type Options struct {
	// Latency delays every response.
	Latency time.Duration
	// TokensPerSecond, when positive, further delays a chat answer by its
	// completion tokens at this rate, like a model generating at that speed.
	// Answers written by a hook are not delayed.
	TokensPerSecond float64
	// Model is the model name the answers report; empty echoes the request's.
	Model string
	// Handle, when set, sees every decoded chat request first (r.Body can be
	// read again: it holds the raw request). Returning true means it wrote the
	// response; false lets the server answer as usual.
	Handle func(w http.ResponseWriter, r *http.Request, req goopenai.ChatCompletionRequest) bool
	// HandleEmbeddings is Handle for embedding requests.
	HandleEmbeddings func(w http.ResponseWriter, r *http.Request, req goopenai.EmbeddingRequest) bool
}

// Server is a running fake. It is safe for concurrent use.
type Server struct {
	// URL is the base URL to give a client, ending in /v1.
	URL string

	opts       Options
	srv        *httptest.Server
	requests   atomic.Int64
	chats      atomic.Int64
	embeddings atomic.Int64
	inputs     atomic.Int64
}

// NewServer starts a server on a loopback port. Call Close when done.
func NewServer(opts Options) *Server {
	s := &Server{opts: opts}
	mux := http.NewServeMux()
	// Clients differ on whether the base URL carries /v1: accept both.
	for _, prefix := range []string{"/v1", ""} {
		mux.HandleFunc("POST "+prefix+"/chat/completions", s.chat)
		mux.HandleFunc("POST "+prefix+"/embeddings", s.embed)
	}
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.requests.Add(1)
		WriteError(w, http.StatusNotFound, fmt.Sprintf("openaitest: no route for %s %s", r.Method, r.URL.Path))
	})
	s.srv = httptest.NewServer(mux)
	s.URL = s.srv.URL + "/v1"
	return s
}

// New starts a server that is closed when the test ends.
func New(tb testing.TB, opts Options) *Server {
	tb.Helper()
	s := NewServer(opts)
	tb.Cleanup(s.Close)
	return s
}

// Close shuts the server down, waiting for requests in flight.
func (s *Server) Close() { s.srv.Close() }

// Client returns an HTTP client for the server.
func (s *Server) Client() *http.Client { return s.srv.Client() }

// Requests counts every request served, whatever its path.
func (s *Server) Requests() int64 { return s.requests.Load() }

// ChatRequests counts chat completion requests.
func (s *Server) ChatRequests() int64 { return s.chats.Load() }

// EmbeddingRequests counts embedding requests.
func (s *Server) EmbeddingRequests() int64 { return s.embeddings.Load() }

// EmbeddingInputs counts the texts embedded over all requests.
func (s *Server) EmbeddingInputs() int64 { return s.inputs.Load() }

func (s *Server) chat(w http.ResponseWriter, r *http.Request) {
	s.requests.Add(1)
	s.chats.Add(1)
	var req goopenai.ChatCompletionRequest
	if !decode(w, r, &req) {
		return
	}
	if !sleep(r.Context(), s.opts.Latency) {
		return
	}
	if s.opts.Handle != nil && s.opts.Handle(w, r, req) {
		return
	}
	resp, err := Answer(req)
	if err != nil {
		WriteError(w, http.StatusBadRequest, err.Error())
		return
	}
	if s.opts.Model != "" {
		resp.Model = s.opts.Model
	}
	if tps := s.opts.TokensPerSecond; tps > 0 {
		d := time.Duration(float64(resp.Usage.CompletionTokens) / tps * float64(time.Second))
		if !sleep(r.Context(), d) {
			return
		}
	}
	WriteJSON(w, http.StatusOK, resp)
}

func (s *Server) embed(w http.ResponseWriter, r *http.Request) {
	s.requests.Add(1)
	s.embeddings.Add(1)
	var req goopenai.EmbeddingRequest
	if !decode(w, r, &req) {
		return
	}
	if !sleep(r.Context(), s.opts.Latency) {
		return
	}
	if s.opts.HandleEmbeddings != nil && s.opts.HandleEmbeddings(w, r, req) {
		return
	}
	resp, err := Embeddings(req)
	if err != nil {
		WriteError(w, http.StatusBadRequest, err.Error())
		return
	}
	s.inputs.Add(int64(len(resp.Data)))
	if s.opts.Model != "" {
		resp.Model = goopenai.EmbeddingModel(s.opts.Model)
	}
	if req.EncodingFormat == goopenai.EmbeddingEncodingFormatBase64 {
		WriteJSON(w, http.StatusOK, base64Response(resp))
		return
	}
	WriteJSON(w, http.StatusOK, resp)
}

// decode reads the JSON body into v and leaves a fresh copy of the raw body
// in r.Body for a hook; on failure it answers 400 and returns false.
func decode(w http.ResponseWriter, r *http.Request, v any) bool {
	raw, err := io.ReadAll(r.Body)
	if err != nil {
		WriteError(w, http.StatusBadRequest, "reading request body: "+err.Error())
		return false
	}
	r.Body = io.NopCloser(bytes.NewReader(raw))
	if err := json.Unmarshal(raw, v); err != nil {
		WriteError(w, http.StatusBadRequest, "decoding request body: "+err.Error())
		return false
	}
	return true
}

// sleep waits for d unless the client goes away first.
func sleep(ctx context.Context, d time.Duration) bool {
	if d <= 0 {
		return true
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

// WriteJSON writes v as a JSON response with the given status.
func WriteJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// WriteError writes an error in OpenAI's shape ({"error": {"message", "type",
// "code"}}). Set headers such as Retry-After on w before calling it.
func WriteError(w http.ResponseWriter, status int, message string) {
	typ := "invalid_request_error"
	switch {
	case status == http.StatusTooManyRequests:
		typ = "rate_limit_exceeded"
	case status >= 500:
		typ = "server_error"
	case status == http.StatusUnauthorized:
		typ = "authentication_error"
	}
	WriteJSON(w, status, map[string]any{"error": map[string]any{
		"message": message, "type": typ, "param": nil, "code": strings.ToLower(http.StatusText(status)),
	}})
}
