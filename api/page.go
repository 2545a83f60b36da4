package api

import (
	"crypto/subtle"
	"embed"
	"errors"
	"html/template"
	"io/fs"
	"net/http"
	"slices"
	"strings"
	"time"

	tailor "github.com/tailorhq/tailor"
	"github.com/tailorhq/tailor/store"
)

// The reviewer page: server-rendered, with its assets embedded. Everything
// shown is escaped by html/template; copy is never marked template.HTML.

//go:embed page/*.html page/static
var pageFiles embed.FS

var pageTemplates = template.Must(template.New("").Funcs(template.FuncMap{
	"join": strings.Join,
}).ParseFS(pageFiles, "page/*.html"))

const sessionCookie = "tailor_session"

// reviewRoles may sign in to the reviewer page.
var reviewRoles = []store.Role{store.Reviewer, store.Admin}

func (s *Server) pageRoutes() {
	static, _ := fs.Sub(pageFiles, "page/static")
	s.mux.Handle("GET /review/static/", http.StripPrefix("/review/static/", http.FileServerFS(static)))
	s.mux.HandleFunc("GET /review/login", s.loginPage)
	s.mux.HandleFunc("POST /review/login", s.login)
	s.mux.HandleFunc("GET /review", s.withSession(s.reviewPage))
	s.mux.HandleFunc("POST /review/logout", s.withSession(s.logout))
	s.mux.HandleFunc("POST /review/variants/{variant_id}/{action}", s.withSession(s.reviewAction))
}

// pageHeaders keep the page in its own frame, its scripts its own, and its
// URLs out of other sites' logs.
func pageHeaders(w http.ResponseWriter) {
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cache-Control", "no-store")
}

func (s *Server) render(w http.ResponseWriter, status int, name string, data any) {
	pageHeaders(w)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	if err := pageTemplates.ExecuteTemplate(w, name, data); err != nil {
		s.log.Error("api: rendering the reviewer page", "template", name, "err", err)
	}
}

func (s *Server) loginPage(w http.ResponseWriter, r *http.Request) {
	s.render(w, http.StatusOK, "login.html", map[string]string{})
}

// login exchanges a reviewer's or admin's token for a session cookie:
// HttpOnly (scripts cannot read it) and SameSite=Strict (other sites cannot
// send it), with a CSRF value for the forms besides.
func (s *Server) login(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 4<<10)
	secret := strings.TrimSpace(r.PostFormValue("token"))
	tok, err := s.cfg.Store.TokenBySecret(r.Context(), secret)
	if secret == "" || errors.Is(err, tailor.ErrNotFound) {
		s.render(w, http.StatusUnauthorized, "login.html", map[string]string{"Error": "Unknown or revoked token."})
		return
	}
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	if !slices.Contains(reviewRoles, tok.Role) {
		s.render(w, http.StatusForbidden, "login.html", map[string]string{"Error": "This token's role (" + string(tok.Role) + ") may not review."})
		return
	}
	cookie, _, err := s.cfg.Store.CreateSession(r.Context(), tok.ID, s.cfg.SessionTTL)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: cookie, Path: "/review", MaxAge: int(s.cfg.SessionTTL / time.Second),
		HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: !s.cfg.InsecureCookies})
	http.Redirect(w, r, "/review", http.StatusSeeOther)
}

// withSession requires a live session (else: to the sign-in page) and, for
// POSTs, the session's CSRF value in the form.
func (s *Server) withSession(h func(http.ResponseWriter, *http.Request, store.Session)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie(sessionCookie)
		if err != nil {
			http.Redirect(w, r, "/review/login", http.StatusSeeOther)
			return
		}
		sess, err := s.cfg.Store.SessionBySecret(r.Context(), c.Value)
		if errors.Is(err, tailor.ErrNotFound) {
			http.Redirect(w, r, "/review/login", http.StatusSeeOther)
			return
		}
		if err != nil {
			s.pageError(w, r, err)
			return
		}
		if r.Method == http.MethodPost {
			r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxBodyBytes)
			if subtle.ConstantTimeCompare([]byte(r.PostFormValue("csrf")), []byte(sess.CSRF)) != 1 {
				pageHeaders(w)
				http.Error(w, "missing or stale form token: reload the page", http.StatusForbidden)
				return
			}
		}
		h(w, r, sess)
	}
}

func (s *Server) logout(w http.ResponseWriter, r *http.Request, _ store.Session) {
	if c, err := r.Cookie(sessionCookie); err == nil {
		if err := s.cfg.Store.DeleteSession(r.Context(), c.Value); err != nil {
			s.pageError(w, r, err)
			return
		}
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/review", MaxAge: -1,
		HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: !s.cfg.InsecureCookies})
	http.Redirect(w, r, "/review/login", http.StatusSeeOther)
}

func (s *Server) pageError(w http.ResponseWriter, r *http.Request, err error) {
	s.log.ErrorContext(r.Context(), "api: reviewer page failed", "path", r.URL.Path, "err", err)
	pageHeaders(w)
	http.Error(w, "internal error", http.StatusInternalServerError)
}

// notices are the messages a redirect after a decision may show.
var notices = map[string]string{
	"approve": "Approved.", "reject": "Rejected.", "edit": "Edited and approved.",
	"gone": "That variant was already decided or is gone.",
}

func (s *Server) reviewPage(w http.ResponseWriter, r *http.Request, sess store.Session) {
	s.renderQueue(w, r, sess, http.StatusOK, queuePage{Notice: notices[r.URL.Query().Get("done")]}, nil)
}

// refusal is an edit the guardrails refused, shown on its card.
type refusal struct {
	VariantID string
	Fields    map[string]string
	Findings  []tailor.Finding
}

// pageSize bounds the variants shown at once; deciding brings the next.
const pageSize = 50

// renderQueue shows the flagged variants; msg carries the notice or error.
func (s *Server) renderQueue(w http.ResponseWriter, r *http.Request, sess store.Session, status int, msg queuePage, ref *refusal) {
	vs, err := s.cfg.Store.Variants(r.Context(), store.VariantFilter{BrandID: sess.Token.BrandID, Status: tailor.Flagged, Limit: pageSize})
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	briefs := map[tailor.BriefRef]*tailor.Brief{}
	data := queuePage{CSRF: sess.CSRF, Brand: sess.Token.BrandID, Role: string(sess.Token.Role), Notice: msg.Notice, Error: msg.Error}
	for _, v := range vs {
		ref := tailor.BriefRef{BrandID: v.BrandID, CampaignID: v.CampaignID, Version: v.BriefVersion}
		b, ok := briefs[ref]
		if !ok {
			if brief, err := s.cfg.Store.Brief(r.Context(), ref); err == nil {
				b = &brief
			}
			briefs[ref] = b
		}
		data.Cards = append(data.Cards, newCard(v, b, nil))
	}
	if ref != nil {
		for i := range data.Cards {
			if data.Cards[i].ID == ref.VariantID {
				data.Cards[i] = newCard(data.Cards[i].v, data.Cards[i].Brief, ref)
			}
		}
	}
	s.render(w, status, "review.html", data)
}

// reviewAction applies a decision from the page's forms, then shows the
// queue again (an edit the guardrails refuse: with its findings).
func (s *Server) reviewAction(w http.ResponseWriter, r *http.Request, sess store.Session) {
	action := store.Action(r.PathValue("action"))
	if action != store.Approve && action != store.Reject && action != store.Edit {
		http.NotFound(w, r)
		return
	}
	body := decisionBody{Reason: r.PostFormValue("reason")}
	if action == store.Edit {
		body.Fields = map[string]string{}
		for key, vals := range r.PostForm {
			if name, ok := strings.CutPrefix(key, "field."); ok && len(vals) > 0 {
				// Browsers send CRLF line ends from a textarea.
				body.Fields[name] = strings.ReplaceAll(vals[0], "\r\n", "\n")
			}
		}
	}
	id := r.PathValue("variant_id")
	_, refused, err := s.review(r.Context(), sess.Token, id, action, body)
	var verr *tailor.ValidationError
	switch {
	case errors.Is(err, tailor.ErrNotFound), errors.Is(err, store.ErrConflict):
		http.Redirect(w, r, "/review?done=gone", http.StatusSeeOther)
	case errors.As(err, &verr):
		s.renderQueue(w, r, sess, http.StatusBadRequest, queuePage{Error: "Not saved: " + verr.Error()}, nil)
	case err != nil:
		s.pageError(w, r, err)
	case refused != nil:
		s.renderQueue(w, r, sess, http.StatusUnprocessableEntity, queuePage{Error: "Not saved: the edited copy fails the guardrails (see the card)."},
			&refusal{VariantID: id, Fields: body.Fields, Findings: refused.Findings})
	default:
		http.Redirect(w, r, "/review?done="+string(action), http.StatusSeeOther)
	}
}
