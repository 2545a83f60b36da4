package api_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/hibiken/asynq"
	tailor "github.com/tailorhq/tailor"
	"github.com/tailorhq/tailor/api"
	"github.com/tailorhq/tailor/guardrails"
	"github.com/tailorhq/tailor/internal/testenv"
	"github.com/tailorhq/tailor/queue"
	"github.com/tailorhq/tailor/store"
)

// The two brands of every test: acme owns the objects, globex must not see them.
const (
	acme   = "acme-outdoor"
	globex = "globex"
)

// fixture is one test's API on its own schema and queue, with a token per
// brand and role.
type fixture struct {
	t      *testing.T
	st     *store.Store
	srv    *httptest.Server
	api    *api.Server
	queue  string
	brief  tailor.Brief
	tokens map[string]map[store.Role]store.Token // brand → role → token
	secret map[string]string                     // token ID → secret
}

func setup(t *testing.T, tweak ...func(*api.Config)) *fixture {
	t.Helper()
	st := testenv.Store(t)
	q := testenv.Queue(t)
	qc := queue.NewClient(testenv.Redis(), queue.Config{Queue: q})
	t.Cleanup(func() { qc.Close() })
	in := asynq.NewInspector(testenv.Redis())
	t.Cleanup(func() { in.Close() })
	cfg := api.Config{Store: st, Queue: qc, Inspector: in, QueueName: q, Logger: testenv.Logger(), InsecureCookies: true}
	for _, fn := range tweak {
		fn(&cfg)
	}
	s, err := api.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	f := &fixture{t: t, st: st, srv: srv, api: s, queue: q, brief: acmeBrief(t),
		tokens: map[string]map[store.Role]store.Token{}, secret: map[string]string{}}
	ctx := context.Background()
	for _, brand := range []string{acme, globex} {
		b := f.brief
		b.Brand.ID = brand
		if _, err := st.PutBrief(ctx, b); err != nil {
			t.Fatal(err)
		}
		f.tokens[brand] = map[store.Role]store.Token{}
		for _, role := range store.Roles {
			tok, secret, err := st.CreateToken(ctx, brand, role, "test")
			if err != nil {
				t.Fatal(err)
			}
			f.tokens[brand][role] = tok
			f.secret[tok.ID] = secret
		}
	}
	return f
}

func acmeBrief(t *testing.T) tailor.Brief { return testenv.Brief(t) }

// bearer returns the secret of a brand's token of a role.
func (f *fixture) bearer(brand string, role store.Role) string {
	return f.secret[f.tokens[brand][role].ID]
}

// do sends a request with a bearer token (none when secret is "") and
// returns the status and body.
func (f *fixture) do(method, path, secret string, body any) (int, []byte) {
	f.t.Helper()
	var r io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		r = strings.NewReader(b)
	case []byte:
		r = bytes.NewReader(b)
	default:
		data, err := json.Marshal(b)
		if err != nil {
			f.t.Fatal(err)
		}
		r = bytes.NewReader(data)
	}
	req, err := http.NewRequest(method, f.srv.URL+path, r)
	if err != nil {
		f.t.Fatal(err)
	}
	if secret != "" {
		req.Header.Set("Authorization", "Bearer "+secret)
	}
	resp, err := f.srv.Client().Do(req)
	if err != nil {
		f.t.Fatal(err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		f.t.Fatal(err)
	}
	return resp.StatusCode, data
}

// want checks a response's status and decodes its body into v (if not nil).
func (f *fixture) want(status int, method, path, secret string, body, v any) {
	f.t.Helper()
	got, data := f.do(method, path, secret, body)
	if got != status {
		f.t.Fatalf("%s %s: status %d, want %d; body %s", method, path, got, status, data)
	}
	if v != nil {
		if err := json.Unmarshal(data, v); err != nil {
			f.t.Fatalf("%s %s: decoding %s: %v", method, path, data, err)
		}
	}
}

func newUUID() string {
	b := make([]byte, 16)
	rand.Read(b)
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
}

// pushCopy is push copy the guardrails approve for acme's brief.
var pushCopy = map[string]string{
	"title": "Your next trail is calling",
	"body":  "New winter layers are here, and members save 15% through Dec 31.",
}

// seed stores a finished job for a customer of acme with one push variant
// per status given, each flagged variant with a finding over "trail", and
// returns the job ID and the variants. Approved variants become past
// creatives (with an embedding), as the worker stores them.
func (f *fixture) seed(customer string, statuses ...tailor.Status) (string, []tailor.Variant) {
	f.t.Helper()
	report := guardrails.Check(guardrails.Input{Brief: f.brief, Channel: tailor.Push, Fields: pushCopy,
		Profile: tailor.Profile{CustomerID: customer, Consent: tailor.Consent{Personalization: true}}})
	if report.Status != tailor.Approved {
		f.t.Fatalf("seed copy is not approved by the guardrails: %+v", report)
	}
	key := "k-" + newUUID()
	jobID := tailor.JobID(acme, key)
	res := tailor.JobResult{JobID: jobID, Ref: f.brief.Ref(), IdempotencyKey: key, CustomerID: customer,
		Learned: map[string]tailor.Learned{}}
	for i, status := range statuses {
		v := tailor.Variant{VariantID: newUUID(), JobID: jobID, CustomerID: customer, BrandID: acme,
			CampaignID: f.brief.Campaign.ID, BriefVersion: 1, Channel: tailor.Push, Fields: pushCopy,
			Angle: "adventure", UsedFacts: []string{"favorite_activity"}, Status: status,
			Report: tailor.Report{Status: status, Findings: []tailor.Finding{}}, Model: "test", PromptVersion: "push/v1",
			CreatedAt: time.Now().Add(time.Duration(i) * time.Millisecond)}
		switch status {
		case tailor.Flagged:
			v.Report.Findings = []tailor.Finding{{Check: "brand.tone", Severity: tailor.Flag, Field: "title",
				Span: &[2]int{19, 26}, Message: "sounds pushy ('calling')"}}
		case tailor.Rejected:
			v.Report.Findings = []tailor.Finding{{Check: "brand.claim", Severity: tailor.Block, Field: "body", Message: "a claim"}}
		case tailor.Approved:
			vec := make([]float32, store.Dimensions)
			vec[i%store.Dimensions] = 1
			res.Learned[v.VariantID] = tailor.Learned{Fields: v.Fields, Vector: vec}
		}
		res.Variants = append(res.Variants, v)
	}
	if _, err := f.st.SaveJob(context.Background(), res); err != nil {
		f.t.Fatal(err)
	}
	return jobID, res.Variants
}

// job returns a valid job for a customer of a brand, as JSON.
func job(brand, customer, key string) map[string]any {
	return map[string]any{
		"brief_ref": map[string]any{"brand_id": brand, "campaign_id": "winter-trail-2026", "version": 1},
		"profile": map[string]any{"customer_id": customer, "facts": []any{},
			"consent": map[string]any{"personalization": true, "channels": []string{"push"}}},
		"channels": []string{"push"}, "variants": 1, "idempotency_key": key,
	}
}

func TestHealthReadyAndUnknownRoutes(t *testing.T) {
	t.Parallel()
	f := setup(t)
	var ok map[string]string
	f.want(200, "GET", "/healthz", "", nil, &ok)
	f.want(200, "GET", "/readyz", "", nil, &ok)
	if ok["postgres"] != "ok" || ok["redis"] != "ok" {
		t.Errorf("readyz = %v", ok)
	}
	var e struct{ Error string }
	var schema map[string]any
	f.want(200, "GET", "/tailor.schema.json", "", nil, &schema)
	if schema["$defs"] == nil {
		t.Errorf("/tailor.schema.json has no $defs")
	}
	f.want(404, "GET", "/v1/nothing", f.bearer(acme, store.Admin), nil, &e)
	f.want(404, "PUT", "/v1/briefs", f.bearer(acme, store.Admin), nil, &e)
	f.want(404, "GET", "/", "", nil, &e)
	if !strings.Contains(e.Error, "no such route") {
		t.Errorf("404 body %q", e.Error)
	}
}

func TestReadyzFailsWithoutRedis(t *testing.T) {
	t.Parallel()
	f := setup(t, func(c *api.Config) {
		// Nothing listens on port 1 of loopback.
		c.Inspector = asynq.NewInspector(asynq.RedisClientOpt{Addr: "127.0.0.1:1", DialTimeout: 200 * time.Millisecond})
	})
	var got map[string]string
	f.want(503, "GET", "/readyz", "", nil, &got)
	if got["postgres"] != "ok" || got["redis"] == "ok" {
		t.Errorf("readyz = %v, want postgres ok and redis failing", got)
	}
}

// TestOpenAPIDescribesEveryRoute keeps the document and the routes in step:
// every route is documented and every documented operation exists.
func TestOpenAPIDescribesEveryRoute(t *testing.T) {
	t.Parallel()
	f := setup(t)
	_, doc := f.do("GET", "/openapi.yaml", "", nil)
	if !bytes.HasPrefix(doc, []byte("openapi: 3.1")) {
		t.Fatalf("/openapi.yaml does not start with openapi: 3.1: %.60s", doc)
	}
	documented := map[string]bool{}
	var path string
	for _, line := range strings.Split(string(doc), "\n") {
		if p, ok := strings.CutPrefix(line, "  /"); ok && strings.HasSuffix(p, ":") {
			path = "/" + strings.TrimSuffix(p, ":")
			continue
		}
		for _, m := range []string{"get", "post", "delete", "put", "patch"} {
			if line == "    "+m+":" {
				documented[strings.ToUpper(m)+" "+path] = true
			}
		}
	}
	for _, r := range f.api.Routes() {
		key := r.Method + " " + r.Pattern
		if !documented[key] {
			t.Errorf("route %s is not in openapi.yaml", key)
		}
		delete(documented, key)
	}
	for _, extra := range []string{"GET /healthz", "GET /readyz"} {
		if !documented[extra] {
			t.Errorf("%s is not in openapi.yaml", extra)
		}
		delete(documented, extra)
	}
	for key := range documented {
		t.Errorf("openapi.yaml documents %s, which is not a route", key)
	}
}
