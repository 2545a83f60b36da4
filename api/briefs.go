package api

import (
	"net/http"
	"strconv"

	tailor "github.com/tailorhq/tailor"
	"github.com/tailorhq/tailor/store"
)

// putBrief registers a brief version of the token's brand: 201 when new,
// 200 when the same content is already registered, 409 when the version is
// registered with other content.
func (s *Server) putBrief(w http.ResponseWriter, r *http.Request, tok store.Token) {
	data, err := readBody(w, r, s.cfg.MaxBodyBytes)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	b, err := tailor.DecodeBrief(data)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if b.Brand.ID != tok.BrandID {
		notFound(w)
		return
	}
	created, err := s.cfg.Store.PutBrief(r.Context(), b)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	status := http.StatusOK
	if created {
		status = http.StatusCreated
	}
	writeJSON(w, status, map[string]any{"brief_ref": b.Ref(), "created": created})
}

func (s *Server) listBriefs(w http.ResponseWriter, r *http.Request, tok store.Token) {
	briefs, err := s.cfg.Store.Briefs(r.Context(), tok.BrandID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"briefs": nonNil(briefs)})
}

func (s *Server) getBrief(w http.ResponseWriter, r *http.Request, tok store.Token) {
	version, err := strconv.Atoi(r.PathValue("version"))
	if err != nil || version < 1 {
		s.fail(w, r, tailor.Invalidf("version", "must be a whole number, at least 1"))
		return
	}
	b, err := s.cfg.Store.Brief(r.Context(), tailor.BriefRef{BrandID: tok.BrandID, CampaignID: r.PathValue("campaign_id"), Version: version})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, b)
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
