package api

import (
	"context"
	"encoding/json"
	"errors"
	"maps"
	"net/http"
	"strconv"
	"unicode/utf8"

	tailor "github.com/tailorhq/tailor"
	"github.com/tailorhq/tailor/guardrails"
	"github.com/tailorhq/tailor/store"
)

// customerVariants is what a sending system calls before it sends: one
// customer's variants, filtered by campaign_id, channel and status
// (status=approved for copy that may go out).
func (s *Server) customerVariants(w http.ResponseWriter, r *http.Request, tok store.Token) {
	q := r.URL.Query()
	// A sending system wants only copy of the current brief: stale variants
	// are left out unless asked for.
	f := store.VariantFilter{BrandID: tok.BrandID, CustomerID: r.PathValue("customer_id"),
		CampaignID: q.Get("campaign_id"), Channel: tailor.Channel(q.Get("channel")), Status: tailor.Status(q.Get("status")),
		Current: q.Get("include_stale") != "true"}
	var problems []tailor.FieldError
	if f.Channel != "" && !f.Channel.Valid() {
		problems = append(problems, tailor.FieldError{Field: "channel", Message: "must be one of email, sms, push, web"})
	}
	switch f.Status {
	case "", tailor.Approved, tailor.Flagged, tailor.Rejected:
	default:
		problems = append(problems, tailor.FieldError{Field: "status", Message: "must be one of approved, flagged, rejected"})
	}
	limit, err := limitParam(q.Get("limit"), 1000)
	if err != nil {
		problems = append(problems, tailor.FieldError{Field: "limit", Message: err.Error()})
	}
	if problems != nil {
		s.fail(w, r, &tailor.ValidationError{Problems: problems})
		return
	}
	f.Limit = limit
	vs, err := s.cfg.Store.Variants(r.Context(), f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"variants": nonNil(vs)})
}

func limitParam(v string, max int) (int, error) {
	if v == "" {
		return max, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > max {
		return 0, errors.New("must be a whole number from 1 to " + strconv.Itoa(max))
	}
	return n, nil
}

func (s *Server) getVariant(w http.ResponseWriter, r *http.Request, tok store.Token) {
	v, err := s.cfg.Store.Variant(r.Context(), tok.BrandID, r.PathValue("variant_id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, v)
}

// whyAnswer answers a customer's "why did I get this?": the facts the copy
// relies on and the past creatives it was built from.
type whyAnswer struct {
	VariantID  string                 `json:"variant_id"`
	CustomerID string                 `json:"customer_id"`
	Brief      tailor.BriefRef        `json:"brief_ref"`
	Channel    tailor.Channel         `json:"channel"`
	Angle      string                 `json:"angle"`
	UsedFacts  []string               `json:"used_facts"`
	Creatives  []store.SourceCreative `json:"creatives"`
}

func (s *Server) why(w http.ResponseWriter, r *http.Request, tok store.Token) {
	v, err := s.cfg.Store.Variant(r.Context(), tok.BrandID, r.PathValue("variant_id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	creatives, err := s.cfg.Store.CreativesByID(r.Context(), tok.BrandID, v.CustomerID, v.Creatives)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, whyAnswer{VariantID: v.VariantID, CustomerID: v.CustomerID,
		Brief:   tailor.BriefRef{BrandID: v.BrandID, CampaignID: v.CampaignID, Version: v.BriefVersion},
		Channel: v.Channel, Angle: v.Angle, UsedFacts: nonNil(v.UsedFacts), Creatives: nonNil(creatives)})
}

// reviewQueue lists the brand's flagged variants, oldest first.
func (s *Server) reviewQueue(w http.ResponseWriter, r *http.Request, tok store.Token) {
	limit, err := limitParam(r.URL.Query().Get("limit"), 1000)
	if err != nil {
		s.fail(w, r, tailor.Invalidf("limit", "%v", err))
		return
	}
	vs, err := s.cfg.Store.Variants(r.Context(), store.VariantFilter{BrandID: tok.BrandID, Status: tailor.Flagged, Limit: limit})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"variants": nonNil(vs)})
}

// decisionBody is the body of approve, reject and edit; all optional but
// fields, which an edit requires.
type decisionBody struct {
	Fields map[string]string `json:"fields,omitempty"`
	Reason string            `json:"reason,omitempty"`
}

const maxReason = 1000

func (s *Server) decide(action store.Action) func(http.ResponseWriter, *http.Request, store.Token) {
	return func(w http.ResponseWriter, r *http.Request, tok store.Token) {
		data, err := readBody(w, r, s.cfg.MaxBodyBytes)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		var body decisionBody
		if err := decodeStrict(data, &body, action != store.Edit); err != nil {
			s.fail(w, r, err)
			return
		}
		v, refused, err := s.review(r.Context(), tok, r.PathValue("variant_id"), action, body)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		if refused != nil {
			writeJSON(w, http.StatusUnprocessableEntity, errorBody{
				Error: "the edited copy fails the guardrails; nothing was changed", Findings: refused.Findings})
			return
		}
		writeJSON(w, http.StatusOK, v)
	}
}

// review applies one decision for the API and the reviewer page. An edit is
// checked by the guardrails first, with the variant's brief and a profile
// without facts (profiles are not stored); one that the guardrails reject
// is refused (the refusal is returned and audited) and nothing changes. Flag
// findings do not refuse an edit: the reviewer is the one who decides them.
func (s *Server) review(ctx context.Context, tok store.Token, id string, action store.Action, body decisionBody) (tailor.Variant, *tailor.Report, error) {
	if utf8.RuneCountInString(body.Reason) > maxReason {
		return tailor.Variant{}, nil, tailor.Invalidf("reason", "longer than %d characters", maxReason)
	}
	d := store.Decision{BrandID: tok.BrandID, VariantID: id, Actor: tok.ID, Action: action, Reason: body.Reason}
	if action != store.Edit {
		if body.Fields != nil {
			return tailor.Variant{}, nil, tailor.Invalidf("fields", "only an edit takes fields")
		}
		v, err := s.cfg.Store.Decide(ctx, d)
		return v, nil, err
	}
	if len(body.Fields) == 0 {
		return tailor.Variant{}, nil, tailor.Invalidf("fields", "required: the edited copy's fields")
	}
	v, err := s.cfg.Store.Variant(ctx, tok.BrandID, id)
	if err != nil {
		return tailor.Variant{}, nil, err
	}
	if v.Status != tailor.Flagged {
		return tailor.Variant{}, nil, store.ErrNotFlagged
	}
	raw, _ := json.Marshal(body.Fields)
	if _, err := tailor.DecodeCopy(raw, v.Channel); err != nil {
		return tailor.Variant{}, nil, prefixProblems(err, "fields.")
	}
	brief, err := s.cfg.Store.Brief(ctx, tailor.BriefRef{BrandID: v.BrandID, CampaignID: v.CampaignID, Version: v.BriefVersion})
	if err != nil {
		return tailor.Variant{}, nil, err
	}
	// An edit names the fields it changes; the others stay as they were.
	fields := maps.Clone(v.Fields)
	maps.Copy(fields, body.Fields)
	report := guardrails.Check(guardrails.Input{Brief: brief, Channel: v.Channel, Fields: fields,
		Profile: tailor.Profile{CustomerID: v.CustomerID, Consent: tailor.Consent{Personalization: true, Channels: []tailor.Channel{v.Channel}}}})
	if report.Status == tailor.Rejected {
		err := s.cfg.Store.AppendAudit(ctx, store.AuditEntry{Actor: tok.ID, BrandID: tok.BrandID, Action: "variant.edit_refused",
			Subject: id, CustomerHash: store.CustomerHash(v.BrandID, v.CustomerID), Before: v.Fields, After: fields,
			Detail: map[string]any{"findings": report.Findings}})
		return tailor.Variant{}, &report, err
	}
	d.Fields, d.Report = fields, report
	v, err = s.cfg.Store.Decide(ctx, d)
	return v, nil, err
}

// prefixProblems puts a prefix before the field names of a validation error.
func prefixProblems(err error, prefix string) error {
	var verr *tailor.ValidationError
	if !errors.As(err, &verr) {
		return err
	}
	out := &tailor.ValidationError{Problems: make([]tailor.FieldError, len(verr.Problems))}
	for i, p := range verr.Problems {
		p.Field = prefix + p.Field
		out.Problems[i] = p
	}
	return out
}
