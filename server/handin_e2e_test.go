//go:build e2e

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/dbtour/dbtour/lessons/handin"
)

// The classroom, tried in headless Chromium: a learner solves an
// exercise, hands it in to a server started with -collect, and dbtour
// grade reports it solved; the front page downloads a hand-in of the
// whole course, with the name the browser kept.

func TestBrowserHandIn(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "handins")
	s, err := newServer(context.Background(), withLessons(collectCourse), withCollect(dir))
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	ctx := newBrowser(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/lessons/sums/"), chromedp.WaitVisible(cell(1))); err != nil {
		t.Fatal(err)
	}

	// Solve the exercise on the page.
	if err := typeInto(ctx, 1, "select sum(n) from t"); err != nil {
		t.Fatal(err)
	}
	click(ctx, t, `sql-cell[data-index="1"] button[data-action=check]`)
	poll(ctx, t, `document.querySelector('sql-cell[data-index="1"] [data-testid=feedback]').textContent.startsWith("✓")`, "the exercise to be solved")

	// Hand it in without a name, then with one.
	poll(ctx, t, `!document.querySelector('[data-action=handin-send]').hidden`, "the page to offer handing in to the server")
	click(ctx, t, `[data-action=handin-send]`)
	poll(ctx, t, `document.querySelector('[data-testid=handin-status]').textContent === "Type your name first."`, "the page to ask for a name")
	if err := chromedp.Do(ctx, chromedp.SendKeys(`[data-testid=handin-name]`, "Ada Lovelace")); err != nil {
		t.Fatal(err)
	}
	click(ctx, t, `[data-action=handin-send]`)
	poll(ctx, t, `document.querySelector('[data-testid=handin-status]').textContent.startsWith("Handed in. Receipt: ")`, "the hand-in to be received")

	// dbtour grade re-runs it and finds it solved.
	var out, errs bytes.Buffer
	if err := run([]string{"grade", "-json", dir}, &out, &errs); err != nil {
		t.Fatalf("grade: %v (%s)", err, errs.String())
	}
	var r gradeReport
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatal(err)
	}
	if len(r.HandIns) != 1 || r.HandIns[0].Learner != "Ada Lovelace" || r.HandIns[0].Flag != "" || len(r.HandIns[0].Exercises) != 1 {
		t.Fatalf("grade: got %+v, want Ada's one hand-in, graded against its own course", r.HandIns)
	}
	if e := r.HandIns[0].Exercises[0]; !e.Solved || !e.PageSolved || !e.Edited || e.Answer != "select sum(n) from t" {
		t.Errorf("grade: got %+v, want the answer solved, as the page said", e)
	}

	// The front page hands in the whole course as a file, with the name
	// the browser kept.
	if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/")); err != nil {
		t.Fatal(err)
	}
	poll(ctx, t, `document.querySelector('[data-testid=handin-name]')?.value === "Ada Lovelace"`, "the kept name in the front page's hand-in")
	name, data := downloadFrom(ctx, t, t.TempDir(), `[data-action=handin-download]`)
	h, err := handin.Parse(data)
	if err != nil {
		t.Fatalf("the downloaded %s does not read: %v\n%s", name, err, data)
	}
	if h.Scope != "course" || h.Learner != "Ada Lovelace" || len(h.Lessons) != 1 || h.Lessons[0].Slug != "sums" ||
		h.Lessons[0].Exercises[0] != (handin.Exercise{Cell: 1, Answer: "select sum(n) from t", Edited: true, Solved: true}) {
		t.Errorf("downloaded %s: got %+v, want the course with sums solved", name, h)
	}
	if want := "handin-course-Ada-Lovelace-" + time.Now().UTC().Format("2006-01-02") + ".json"; name != want {
		t.Errorf("file name %q, want %q", name, want)
	}
}

// downloadFrom clicks the element selector selects and returns the name
// the page gave the file the browser saved, and its bytes.
func downloadFrom(ctx context.Context, t *testing.T, dir, selector string) (name string, data []byte) {
	t.Helper()
	wait, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	enable := true
	begin := chromedp.BrowserEvents(wait, browser.DownloadWillBegin)
	progress := chromedp.BrowserEvents(wait, browser.DownloadProgress)
	if _, err := chromedp.CallBrowser(wait, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: dir, EventsEnabled: &enable,
	}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(wait, chromedp.Click(chromedp.CSS(selector))); err != nil {
		t.Fatal(err)
	}
	for ev, err := range begin {
		if err != nil {
			t.Fatalf("no download began: %v", err)
		}
		name = ev.SuggestedFilename
		break
	}
	for ev, err := range progress {
		if err != nil {
			t.Fatalf("the download did not complete: %v", err)
		}
		switch ev.State {
		case browser.DownloadProgressStateCanceled:
			t.Fatal("the download was canceled")
		case browser.DownloadProgressStateCompleted:
			b, err := os.ReadFile(filepath.Join(dir, ev.GUID))
			if err != nil {
				t.Fatal(err)
			}
			return name, b
		}
	}
	t.Fatal("no download")
	return "", nil
}
