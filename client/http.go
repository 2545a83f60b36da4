package client

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	tailor "github.com/tailorhq/tailor"
)

// HTTP talks to `tailor api` with a bearer token of the enqueuer (or admin)
// role. The zero Client is http.DefaultClient.
type HTTP struct {
	// BaseURL is where the API is, such as "https://tailor.example.com".
	BaseURL string
	Token   string
	Client  *http.Client
}

// APIError is an answer other than success. Bad input comes back as a
// *tailor.ValidationError instead, with the fields the API named.
type APIError struct {
	Status  int
	Message string
}

func (e *APIError) Error() string { return fmt.Sprintf("tailor api: %d %s", e.Status, e.Message) }

// ErrNotFound is returned (wrapped) for a 404: no such object for the token's brand.
var ErrNotFound = tailor.ErrNotFound

// Enqueue validates one job locally, then queues it through POST /v1/jobs.
func (c *HTTP) Enqueue(ctx context.Context, job tailor.Job) (Enqueued, error) {
	if err := Validate(job); err != nil {
		return Enqueued{}, err
	}
	var out Enqueued
	return out, c.do(ctx, "POST", "/v1/jobs", "application/json", job, &out)
}

// BatchResult is the outcome of EnqueueBatch, one result per job in order.
type BatchResult struct {
	Queued     int `json:"queued"`
	Duplicates int `json:"duplicates"`
	Invalid    int `json:"invalid"`
	Results    []struct {
		Record    int                 `json:"record"`
		JobID     string              `json:"job_id,omitempty"`
		Duplicate bool                `json:"duplicate,omitempty"`
		Problems  []tailor.FieldError `json:"problems,omitempty"`
	} `json:"results"`
}

// EnqueueBatch sends up to 10,000 jobs in one request as JSON Lines,
// streamed from jobs as they are encoded. Jobs are validated here first; an
// invalid one stops the batch before anything is sent, with its index.
func (c *HTTP) EnqueueBatch(ctx context.Context, jobs []tailor.Job) (BatchResult, error) {
	for i, job := range jobs {
		if err := Validate(job); err != nil {
			return BatchResult{}, fmt.Errorf("job %d: %w", i, err)
		}
	}
	pr, pw := io.Pipe()
	go func() {
		enc := json.NewEncoder(pw)
		for _, job := range jobs {
			if err := enc.Encode(job); err != nil {
				pw.CloseWithError(err)
				return
			}
		}
		pw.Close()
	}()
	var out BatchResult
	err := c.do(ctx, "POST", "/v1/jobs/batch", "application/x-ndjson", pr, &out)
	pr.Close()
	return out, err
}

// VariantQuery filters a customer's variants; empty fields match all.
type VariantQuery struct {
	CampaignID string
	Channel    tailor.Channel
	Status     tailor.Status
}

// Variants returns a customer's variants, oldest first. A sending system
// asks for Status: tailor.Approved just before it sends.
func (c *HTTP) Variants(ctx context.Context, customerID string, q VariantQuery) ([]tailor.Variant, error) {
	v := url.Values{}
	for k, val := range map[string]string{"campaign_id": q.CampaignID, "channel": string(q.Channel), "status": string(q.Status)} {
		if val != "" {
			v.Set(k, val)
		}
	}
	path := "/v1/customers/" + url.PathEscape(customerID) + "/variants"
	if len(v) > 0 {
		path += "?" + v.Encode()
	}
	var out struct {
		Variants []tailor.Variant `json:"variants"`
	}
	return out.Variants, c.do(ctx, "GET", path, "", nil, &out)
}

// RegisterBrief registers a brief version; created is false when the same
// content was registered before.
func (c *HTTP) RegisterBrief(ctx context.Context, b tailor.Brief) (created bool, err error) {
	var out struct {
		Created bool `json:"created"`
	}
	return out.Created, c.do(ctx, "POST", "/v1/briefs", "application/json", b, &out)
}

// do sends one request. body is an io.Reader (sent as is) or a value
// (sent as JSON); the answer is decoded into out.
func (c *HTTP) do(ctx context.Context, method, path, contentType string, body, out any) error {
	var r io.Reader
	switch b := body.(type) {
	case nil:
	case io.Reader:
		r = b
	default:
		data, err := json.Marshal(b)
		if err != nil {
			return fmt.Errorf("encoding request: %w", err)
		}
		r = bytes.NewReader(data)
	}
	req, err := http.NewRequestWithContext(ctx, method, strings.TrimRight(c.BaseURL, "/")+path, r)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+c.Token)
	req.Header.Set("Accept", "application/json")
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := cmp.Or(c.Client, http.DefaultClient).Do(req)
	if err != nil {
		return fmt.Errorf("tailor api: %w", err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		return fmt.Errorf("tailor api: reading the answer: %w", err)
	}
	if resp.StatusCode >= 300 {
		var e struct {
			Error    string              `json:"error"`
			Problems []tailor.FieldError `json:"problems"`
		}
		json.Unmarshal(data, &e)
		switch {
		case resp.StatusCode == http.StatusBadRequest && len(e.Problems) > 0:
			return &tailor.ValidationError{Problems: e.Problems}
		case resp.StatusCode == http.StatusNotFound:
			return fmt.Errorf("tailor api: %s %s: %w", method, path, ErrNotFound)
		}
		return &APIError{Status: resp.StatusCode, Message: cmp.Or(e.Error, http.StatusText(resp.StatusCode))}
	}
	if out == nil {
		return nil
	}
	if err := json.Unmarshal(data, out); err != nil {
		return fmt.Errorf("tailor api: decoding the answer: %w", err)
	}
	return nil
}

// IsInvalid reports whether err is bad input (from Validate or the API).
func IsInvalid(err error) bool { return errors.Is(err, tailor.ErrInvalid) }
