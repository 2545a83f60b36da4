package api_test

import (
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"testing"

	tailor "github.com/tailorhq/tailor"
	"github.com/tailorhq/tailor/store"
)

// pageClient signs in on the reviewer page with a token and returns a client
// holding the session cookie, and the sign-in response.
func (f *fixture) pageClient(secret string) (*http.Client, *http.Response) {
	f.t.Helper()
	jar, _ := cookiejar.New(nil)
	c := *f.srv.Client() // a copy: the server's client is shared
	c.Jar = jar
	resp, err := c.PostForm(f.srv.URL+"/review/login", url.Values{"token": {secret}})
	if err != nil {
		f.t.Fatal(err)
	}
	resp.Body.Close()
	return &c, resp
}

func TestReviewerPageSessionsAndCSRF(t *testing.T) {
	t.Parallel()
	f := setup(t)
	_, vs := f.seed("c-page", tailor.Flagged)

	// Sign-in: only reviewers and admins; a cookie scripts cannot read and
	// other sites cannot send.
	if _, resp := f.pageClient(f.bearer(acme, store.Enqueuer)); resp.StatusCode != http.StatusForbidden {
		t.Errorf("an enqueuer signing in: %d, want 403", resp.StatusCode)
	}
	if _, resp := f.pageClient("tailor_wrong"); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("a wrong token signing in: %d, want 401", resp.StatusCode)
	}
	c, resp := f.pageClient(f.bearer(acme, store.Reviewer))
	if resp.StatusCode != http.StatusOK || resp.Request.URL.Path != "/review" {
		t.Fatalf("sign-in ended at %s with %d", resp.Request.URL, resp.StatusCode)
	}
	setCookie := resp.Request.Response.Header.Get("Set-Cookie")
	for _, attr := range []string{"HttpOnly", "SameSite=Strict", "Path=/review"} {
		if !strings.Contains(setCookie, attr) {
			t.Errorf("session cookie %q lacks %s", setCookie, attr)
		}
	}
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") {
		t.Errorf("Content-Security-Policy %q", csp)
	}

	// A form without the session's CSRF value changes nothing.
	post := func(form url.Values) int {
		resp, err := c.PostForm(f.srv.URL+"/review/variants/"+vs[0].VariantID+"/approve", form)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if code := post(url.Values{}); code != http.StatusForbidden {
		t.Errorf("approve without CSRF: %d, want 403", code)
	}
	if code := post(url.Values{"csrf": {"guess"}}); code != http.StatusForbidden {
		t.Errorf("approve with a wrong CSRF: %d, want 403", code)
	}
	if v, _ := f.st.Variant(t.Context(), acme, vs[0].VariantID); v.Status != tailor.Flagged {
		t.Errorf("a forged form changed the variant to %s", v.Status)
	}

	// Without a session the page sends the reviewer to sign in.
	anon := f.srv.Client()
	resp, err := anon.Get(f.srv.URL + "/review")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.Request.URL.Path != "/review/login" {
		t.Errorf("/review without a session ended at %s", resp.Request.URL.Path)
	}
}
