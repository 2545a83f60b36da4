package api

import (
	"errors"
	"net/http"
	"slices"
	"strings"

	tailor "github.com/tailorhq/tailor"
	"github.com/tailorhq/tailor/store"
)

// authorize wraps a /v1 handler: a live bearer token is required (401), its
// role must be one of roles (403). Brand checks happen in the handlers,
// which look objects up within the token's brand only.
func (s *Server) authorize(roles []store.Role, h func(http.ResponseWriter, *http.Request, store.Token)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		secret, ok := bearer(r)
		if !ok {
			w.Header().Set("WWW-Authenticate", `Bearer realm="tailor"`)
			writeError(w, http.StatusUnauthorized, "a bearer token is required", nil)
			return
		}
		tok, err := s.cfg.Store.TokenBySecret(r.Context(), secret)
		if errors.Is(err, tailor.ErrNotFound) {
			w.Header().Set("WWW-Authenticate", `Bearer realm="tailor", error="invalid_token"`)
			writeError(w, http.StatusUnauthorized, "unknown or revoked token", nil)
			return
		}
		if err != nil {
			s.fail(w, r, err)
			return
		}
		if !slices.Contains(roles, tok.Role) {
			writeError(w, http.StatusForbidden, "the "+string(tok.Role)+" role may not use this route", nil)
			return
		}
		h(w, r, tok)
	})
}

// bearer returns the token of an "Authorization: Bearer …" header.
func bearer(r *http.Request) (string, bool) {
	scheme, secret, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	secret = strings.TrimSpace(secret)
	return secret, secret != ""
}
