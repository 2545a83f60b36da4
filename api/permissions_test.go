package api_test

import (
	"context"
	"net/http"
	"slices"
	"strings"
	"testing"

	tailor "github.com/tailorhq/tailor"
	"github.com/tailorhq/tailor/store"
)

// objects are acme's things one permission case addresses. Cases that
// change state get their own, so the cases run in any order.
type objects struct {
	jobID, variantID, customer, tokenID string
}

// routeCase says how to call one route on acme's objects and what a token
// of the other brand (globex) gets when its role may use the route: 404
// for an object (as if it did not exist), or 200/201 for a list or a create
// that then must not show anything of acme's.
type routeCase struct {
	path      func(o objects) string
	body      func(f *fixture, o objects) any
	own       int // status for an allowed role of acme
	other     int // status for an allowed role of globex
	mutates   bool
	postCheck func(f *fixture, o objects) // after a globex call: acme's objects are intact
}

func permissionCases() map[string]routeCase {
	variantIntact := func(f *fixture, o objects) {
		f.t.Helper()
		v, err := f.st.Variant(context.Background(), acme, o.variantID)
		if err != nil || v.Status != tailor.Flagged || v.Fields["title"] != pushCopy["title"] {
			f.t.Errorf("globex changed acme's variant: %+v, %v", v, err)
		}
	}
	return map[string]routeCase{
		"POST /v1/briefs": {
			path: func(objects) string { return "/v1/briefs" },
			body: func(f *fixture, _ objects) any { return f.brief },
			own:  200, other: 404,
		},
		"GET /v1/briefs": {path: func(objects) string { return "/v1/briefs" }, own: 200, other: 200},
		"GET /v1/briefs/{campaign_id}/{version}": {
			path: func(objects) string { return "/v1/briefs/winter-trail-2026/1" }, own: 200, other: 200,
		},
		"POST /v1/jobs": {
			path: func(objects) string { return "/v1/jobs" },
			body: func(_ *fixture, o objects) any { return job(acme, o.customer, "perm-"+newUUID()) },
			own:  202, other: 404,
		},
		"POST /v1/jobs/batch": {
			path: func(objects) string { return "/v1/jobs/batch" },
			body: func(_ *fixture, o objects) any { return job(acme, o.customer, "perm-"+newUUID()) },
			own:  200, other: 200,
		},
		"GET /v1/jobs/{job_id}": {path: func(o objects) string { return "/v1/jobs/" + o.jobID }, own: 200, other: 404},
		"GET /v1/customers/{customer_id}/variants": {
			path: func(o objects) string { return "/v1/customers/" + o.customer + "/variants?status=flagged" }, own: 200, other: 200,
		},
		"DELETE /v1/customers/{customer_id}": {
			path: func(o objects) string { return "/v1/customers/" + o.customer }, own: 200, other: 200, mutates: true,
			postCheck: variantIntact,
		},
		"GET /v1/variants/{variant_id}":     {path: func(o objects) string { return "/v1/variants/" + o.variantID }, own: 200, other: 404},
		"GET /v1/variants/{variant_id}/why": {path: func(o objects) string { return "/v1/variants/" + o.variantID + "/why" }, own: 200, other: 404},
		"GET /v1/review":                    {path: func(objects) string { return "/v1/review" }, own: 200, other: 200},
		"POST /v1/variants/{variant_id}/approve": {
			path: func(o objects) string { return "/v1/variants/" + o.variantID + "/approve" }, own: 200, other: 404, mutates: true,
			postCheck: variantIntact,
		},
		"POST /v1/variants/{variant_id}/reject": {
			path: func(o objects) string { return "/v1/variants/" + o.variantID + "/reject" }, own: 200, other: 404, mutates: true,
			postCheck: variantIntact,
		},
		"POST /v1/variants/{variant_id}/edit": {
			path: func(o objects) string { return "/v1/variants/" + o.variantID + "/edit" },
			body: func(*fixture, objects) any {
				return map[string]any{"fields": map[string]string{"title": "Your next trail awaits"}}
			},
			own: 200, other: 404, mutates: true, postCheck: variantIntact,
		},
		"GET /v1/tokens": {path: func(objects) string { return "/v1/tokens" }, own: 200, other: 200},
		"POST /v1/tokens": {
			path: func(objects) string { return "/v1/tokens" },
			body: func(*fixture, objects) any { return map[string]string{"role": "reviewer"} },
			own:  201, other: 201,
		},
		"DELETE /v1/tokens/{token_id}": {
			path: func(o objects) string { return "/v1/tokens/" + o.tokenID }, own: 200, other: 404, mutates: true,
			postCheck: func(f *fixture, o objects) {
				toks, _ := f.st.Tokens(context.Background(), acme)
				for _, tok := range toks {
					if tok.ID == o.tokenID && tok.RevokedAt != nil {
						f.t.Errorf("globex revoked acme's token %s", o.tokenID)
					}
				}
			},
		},
		"GET /v1/audit": {path: func(objects) string { return "/v1/audit" }, own: 200, other: 200},
	}
}

// TestPermissionMatrix walks every route × role (none, enqueuer, reviewer,
// admin) × brand (acme owns the objects, globex does not): no token is 401,
// a role the route does not allow is 403, another brand's object is 404 (or
// a list without it), and the allowed roles of the owning brand succeed.
func TestPermissionMatrix(t *testing.T) {
	t.Parallel()
	f := setup(t)
	cases := permissionCases()
	ctx := context.Background()

	fresh := func() objects {
		customer := "c-" + newUUID()[:8]
		jobID, vs := f.seed(customer, tailor.Flagged, tailor.Approved)
		tok, _, err := f.st.CreateToken(ctx, acme, store.Enqueuer, "test")
		if err != nil {
			t.Fatal(err)
		}
		return objects{jobID: jobID, variantID: vs[0].VariantID, customer: customer, tokenID: tok.ID}
	}
	shared := fresh()
	checked := 0

	for _, route := range f.api.Routes() {
		key := route.Method + " " + route.Pattern
		rc, ok := cases[key]
		if !ok {
			t.Errorf("route %s has no permission case: add one", key)
			continue
		}
		delete(cases, key)
		for _, brand := range []string{acme, globex} {
			for _, role := range []store.Role{"", store.Enqueuer, store.Reviewer, store.Admin} {
				o := shared
				if rc.mutates {
					o = fresh()
				}
				var body any
				if rc.body != nil {
					body = rc.body(f, o)
				}
				secret := ""
				if role != "" {
					secret = f.bearer(brand, role)
				}
				want := rc.own
				switch {
				case role == "":
					want = http.StatusUnauthorized
				case !slices.Contains(route.Roles, role):
					want = http.StatusForbidden
				case brand == globex:
					want = rc.other
				}
				checked++
				got, data := f.do(route.Method, rc.path(o), secret, body)
				name := key + " as " + brand + "/" + string(cmpRole(role))
				if got != want {
					t.Errorf("%s: status %d, want %d; body %s", name, got, want, data)
					continue
				}
				if brand == globex && role != "" && got < 300 {
					// A globex answer must not show anything of acme's.
					for _, secretOfAcme := range []string{acme, o.variantID, o.customer, o.jobID} {
						if strings.Contains(string(data), secretOfAcme) {
							t.Errorf("%s: answer shows acme's %q: %s", name, secretOfAcme, data)
						}
					}
					if rc.postCheck != nil {
						rc.postCheck(f, o)
					}
				}
			}
		}
	}
	for key := range cases {
		t.Errorf("permission case %s names no route", key)
	}
	if want := len(f.api.Routes()) * 2 * 4; checked != want {
		t.Errorf("checked %d route × brand × role cases, want %d", checked, want)
	}
	t.Logf("checked %d route × brand × role cases", checked)
}

func cmpRole(r store.Role) store.Role {
	if r == "" {
		return "no token"
	}
	return r
}

func TestRevokedAndUnknownTokensAre401(t *testing.T) {
	t.Parallel()
	f := setup(t)
	tok := f.tokens[acme][store.Admin]
	f.want(200, "GET", "/v1/briefs", f.secret[tok.ID], nil, nil)
	f.want(401, "GET", "/v1/briefs", "tailor_not-a-token", nil, nil)
	var revoked store.Token
	f.want(200, "DELETE", "/v1/tokens/"+tok.ID, f.secret[tok.ID], nil, &revoked)
	if revoked.RevokedAt == nil {
		t.Errorf("revoked token has no revoked_at: %+v", revoked)
	}
	f.want(401, "GET", "/v1/briefs", f.secret[tok.ID], nil, nil)
	code, _ := f.do("GET", "/v1/briefs", "", nil)
	if code != 401 {
		t.Errorf("no token: %d, want 401", code)
	}
}
