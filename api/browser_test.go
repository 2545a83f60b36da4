package api_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	tailor "github.com/tailorhq/tailor"
	"github.com/tailorhq/tailor/store"
)

// chromiumPath is where Debian's chromium package (scripts/setup.sh
// installs it) puts the browser.
const chromiumPath = "/usr/bin/chromium"

// browser starts headless chromium for one test and returns a tab's context.
func browser(t *testing.T) context.Context {
	t.Helper()
	if os.Getenv("TAILOR_SKIP_BROWSER") != "" {
		t.Skip("TAILOR_SKIP_BROWSER is set")
	}
	if _, err := os.Stat(chromiumPath); err != nil {
		t.Fatalf("no browser at %s: run scripts/setup.sh (or set TAILOR_SKIP_BROWSER=1 to skip the browser tests): %v", chromiumPath, err)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox, // root in CI containers
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.NoFirstRun,
		chromedp.Flag("disable-dev-shm-usage", true), // small /dev/shm in containers
		chromedp.WindowSize(1366, 900),               // a laptop screen
		chromedp.UserDataDir(t.TempDir()),
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(allocCtx)
	t.Cleanup(func() { cancelTab(); cancelAlloc() })
	// The first Run starts the browser; its context must not time out.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting chromium: %v", err)
	}
	return ctx
}

func run(t *testing.T, ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("evaluating %s: %v", js, err)
	}
	return v
}

// TestReviewerPageInBrowser signs in on the reviewer page in headless
// chromium, approves a variant with the keyboard, edits another so that it
// fails a guardrail (a banned phrase), and checks the database afterwards.
// With TAILOR_SCREENSHOT=docs/reviewer.png it saves a screenshot of the page.
func TestReviewerPageInBrowser(t *testing.T) {
	t.Parallel()
	f := setup(t)
	_, vs := f.seed("c-browser", tailor.Flagged, tailor.Flagged, tailor.Flagged)
	// Copy is data: markup in it must show as text, never run.
	ctx0 := context.Background()
	if _, err := f.st.Pool().Exec(ctx0, `UPDATE variants SET angle = '<img src=x id=injected onerror="document.title=1">'
		WHERE id = $1`, vs[2].VariantID); err != nil {
		t.Fatal(err)
	}
	reviewer := f.tokens[acme][store.Reviewer]
	ctx := browser(t)

	run(t, ctx, "signing in",
		chromedp.Navigate(f.srv.URL+"/review"),
		chromedp.WaitVisible(chromedp.ID("token")),
		chromedp.SendKeys(chromedp.ID("token"), f.secret[reviewer.ID]),
		chromedp.Submit(chromedp.ID("token")),
		chromedp.WaitVisible(chromedp.CSS(".card")),
	)
	if n := eval[int](t, ctx, `document.querySelectorAll(".card").length`); n != 3 {
		t.Fatalf("%d cards, want 3 flagged variants", n)
	}
	if first := eval[string](t, ctx, `document.querySelector(".card").dataset.id`); first != vs[0].VariantID {
		t.Errorf("first card %s, want the oldest %s", first, vs[0].VariantID)
	}
	if mark := eval[string](t, ctx, `document.querySelector(".card mark.flag").textContent`); mark != "calling" {
		t.Errorf("highlighted %q, want the finding's span 'calling'", mark)
	}
	if eval[bool](t, ctx, `document.getElementById("injected") !== null`) ||
		!strings.Contains(eval[string](t, ctx, `document.body.innerText`), `<img src=x id=injected`) {
		t.Error("markup in a variant was not escaped")
	}
	if eval[bool](t, ctx, `document.documentElement.scrollWidth > document.documentElement.clientWidth`) {
		t.Error("the page scrolls horizontally at 1366 px")
	}
	if eval[bool](t, ctx, `document.cookie.includes("tailor_session")`) {
		t.Error("the session cookie is readable from JavaScript")
	}
	// "a" approves the selected (first) card.
	run(t, ctx, "approving with the keyboard",
		chromedp.KeyEvent("a"),
		chromedp.WaitVisible(chromedp.CSS(".notice")),
	)
	if notice := eval[string](t, ctx, `document.querySelector(".notice").textContent`); notice != "Approved." {
		t.Errorf("notice %q after approving", notice)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll(".card").length`); n != 2 {
		t.Errorf("%d cards after approving, want 2", n)
	}

	// "e" opens the next card's edit form; the edit adds a banned phrase.
	card := "#v-" + vs[1].VariantID
	cheap := "Cheap winter layers for members, 15% off through Dec 31."
	run(t, ctx, "editing",
		chromedp.KeyEvent("e"),
		chromedp.WaitVisible(chromedp.CSS(card+` textarea[name="field.body"]`)),
		chromedp.SetValue(chromedp.CSS(card+` textarea[name="field.body"]`), cheap),
		chromedp.Click(chromedp.CSS(card+` details.edit button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(card+" .refused")),
	)
	refusal := eval[string](t, ctx, `document.querySelector("`+card+` .refused").textContent`)
	if !strings.Contains(refusal, "brand.banned_phrase") {
		t.Errorf("refusal %q does not name brand.banned_phrase", refusal)
	}
	if kept := eval[string](t, ctx, `document.querySelector("`+card+` textarea[name='field.body']").value`); kept != cheap {
		t.Errorf("the edit form lost the reviewer's text: %q", kept)
	}
	if title := eval[string](t, ctx, `document.querySelector("`+card+` textarea[name='field.title']").value`); title != pushCopy["title"] {
		t.Errorf("the shortcut typed into the edit form: title %q", title)
	}

	// The screenshot shows the queue with a refused edit and its findings.
	if path := os.Getenv("TAILOR_SCREENSHOT"); path != "" {
		if !filepath.IsAbs(path) {
			path = filepath.Join("..", path) // relative to the module root
		}
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatalf("screenshot: %v", err)
		}
		if err := os.WriteFile(path, png, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	// The database: one approved by this reviewer, one untouched, and both
	// decisions in the audit log.
	bg := context.Background()
	approved, err := f.st.Variant(bg, acme, vs[0].VariantID)
	if err != nil || approved.Status != tailor.Approved {
		t.Errorf("first variant: %s, %v; want approved", approved.Status, err)
	}
	var reviewedBy string
	f.st.Pool().QueryRow(bg, "SELECT coalesce(reviewed_by, '') FROM variants WHERE id = $1", vs[0].VariantID).Scan(&reviewedBy)
	if reviewedBy != reviewer.ID {
		t.Errorf("reviewed_by %q, want %s", reviewedBy, reviewer.ID)
	}
	edited, err := f.st.Variant(bg, acme, vs[1].VariantID)
	if err != nil || edited.Status != tailor.Flagged || edited.Fields["body"] != pushCopy["body"] {
		t.Errorf("second variant after a refused edit: %+v, %v; want it flagged and unchanged", edited, err)
	}
	entries, err := f.st.Audit(bg, acme, 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, e := range entries {
		if e.Actor == reviewer.ID {
			actions = append(actions, e.Action+" "+e.Subject)
		}
	}
	want := []string{"variant.edit_refused " + vs[1].VariantID, "variant.approve " + vs[0].VariantID}
	if strings.Join(actions, ", ") != strings.Join(want, ", ") {
		t.Errorf("reviewer's audit entries %v, want %v", actions, want)
	}
}
