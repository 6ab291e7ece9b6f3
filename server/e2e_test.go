//go:build e2e

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// The browser tests need engine.wasm (./build.sh wasm) and Chromium
// (./build.sh test installs it); ./build.sh test runs them with -tags e2e.

// newBrowser starts headless Chromium for one test.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	exec := os.Getenv("CHROMIUM")
	if exec == "" {
		exec = "chromium"
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exec), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck, chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(alloc)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil { // start the browser
		t.Fatalf("start chromium (%s): %v", exec, err)
	}
	failOnUncaught(t, ctx)
	// No step of a browser test may hang the run: two minutes bound it all.
	bounded, stop := context.WithTimeout(ctx, 2*time.Minute)
	t.Cleanup(stop)
	return bounded
}

// failOnUncaught fails the test for every exception a page script threw
// and no code caught (a rejected promise no one handled included): such an
// error breaks the page silently, where no other check may look.
func failOnUncaught(t *testing.T, ctx context.Context) {
	t.Helper()
	var mu sync.Mutex
	var uncaught []string
	if err := chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*cdpruntime.EventExceptionThrown); ok {
			mu.Lock()
			d := e.ExceptionDetails
			what := d.Text
			if d.Exception != nil {
				what += " " + d.Exception.Description
			}
			uncaught = append(uncaught, fmt.Sprintf("%s (%s:%d)", what, d.URL, d.LineNumber+1))
			mu.Unlock()
		}
	}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		mu.Lock()
		defer mu.Unlock()
		for _, e := range uncaught {
			t.Errorf("a page script threw and nothing caught it: %s", e)
		}
	})
}

// site is a server under test: dbtour itself, or its export behind a
// plain static file server.
type site struct {
	name    string
	handler func(t *testing.T, s *server) http.Handler
}

func TestBrowserLesson(t *testing.T) {
	s, err := newServer(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := s.files["/static/"+s.version+"/engine/engine.wasm"]; !ok {
		t.Fatal("engine.wasm is not embedded: run ./build.sh wasm before the browser tests")
	}
	for _, st := range []site{
		{"served", func(*testing.T, *server) http.Handler { return s }},
		{"exported, under a sub-path of a plain file server", func(t *testing.T, s *server) http.Handler {
			dir := t.TempDir()
			if _, err := s.export(dir); err != nil {
				t.Fatal(err)
			}
			return http.StripPrefix(subPath[:len(subPath)-1], http.FileServer(http.Dir(dir)))
		}},
	} {
		t.Run(st.name, func(t *testing.T) {
			ts := httptest.NewServer(st.handler(t, s))
			defer ts.Close()
			base := ts.URL + "/"
			if st.name != "served" {
				base = ts.URL + subPath
			}
			ctx := newBrowser(t)
			if err := chromedp.Do(ctx, chromedp.Navigate(base+"lessons/first-database/"),
				chromedp.WaitVisible(chromedp.CSS(`sql-cell .toolbar`))); err != nil {
				t.Fatal(err)
			}
			t.Run("edit and run", func(t *testing.T) { testEditAndRun(ctx, t) })
			t.Run("ctrl+enter and syntax error", func(t *testing.T) { testSyntaxError(ctx, t) })
			t.Run("one result per statement", func(t *testing.T) { testStatements(ctx, t) })
			t.Run("stop a runaway query", func(t *testing.T) { testStop(ctx, t) })
			t.Run("reload keeps edits, revert restores", func(t *testing.T) { testPersistence(ctx, t) })
			t.Run("exercise: hint, wrong, right, kept", func(t *testing.T) { testExercise(ctx, t) })
		})
	}
}

// subPath is where the e2e test serves an exported site, as a project
// page on a static host would be.
const subPath = "/some/path/"

// cell selects the toolbar of the cell with the given index, which the
// page script adds with the editor.
func cell(i int) chromedp.CSS {
	return chromedp.CSS(fmt.Sprintf(`sql-cell[data-index="%d"] .toolbar`, i))
}

// pressEnter presses and releases Enter, with no character event: the
// editor makes the new line from the key, as it does for a reader.
var pressEnter = chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
	for _, typ := range []input.DispatchKeyEventType{input.DispatchKeyEventTypeRawKeyDown, input.DispatchKeyEventTypeKeyUp} {
		if _, err := chromedp.Call(ctx, input.DispatchKeyEvent, input.DispatchKeyEventParams{
			Type: typ, Key: "Enter", Code: "Enter", WindowsVirtualKeyCode: 13, NativeVirtualKeyCode: 13,
		}); err != nil {
			return err
		}
	}
	return nil
})

// typeInto replaces the text of cell i as a reader would: select all,
// then enter the text line by line (as the keyboard's input method does),
// pressing Enter between lines.
func typeInto(ctx context.Context, i int, text string) error {
	return typeText(ctx, fmt.Sprintf(`document.querySelector('sql-cell[data-index="%d"]')`, i), text)
}

// typeText replaces the text of the editor that the JavaScript expression
// target selects, as typeInto does.
func typeText(ctx context.Context, target, text string) error {
	steps := []chromedp.Action[chromedp.Void]{
		chromedp.Evaluate[chromedp.Void](target + `.focus()`),
		chromedp.KeyEvent("a", chromedp.KeyModifiers(chromedp.ModifierCtrl)),
	}
	for n, line := range strings.Split(text, "\n") {
		if n > 0 {
			steps = append(steps, pressEnter)
		}
		steps = append(steps, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := chromedp.Call(ctx, input.InsertText, input.InsertTextParams{Text: line})
			return err
		}))
	}
	return chromedp.Do(ctx, steps...)
}

// waitRows waits until cell i shows exactly want (one table per statement).
func waitRows(ctx context.Context, t *testing.T, i int, want [][][]string) {
	t.Helper()
	js := fmt.Sprintf(`Array.from(document.querySelectorAll('sql-cell[data-index="%d"] .output table'),
		(table) => Array.from(table.tBodies[0].rows, (tr) => Array.from(tr.cells, (td) => td.textContent)))`, i)
	wantJSON, _ := json.Marshal(want)
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](fmt.Sprintf("JSON.stringify(%s) === %q", js, wantJSON))); err != nil {
		got, _ := chromedp.Run(context.WithoutCancel(ctx), chromedp.Evaluate[[][][]string](js))
		t.Fatalf("cell %d: got tables %v, want %v (%v)", i, got, want, err)
	}
}

func testEditAndRun(ctx context.Context, t *testing.T) {
	// Cell 3 is "select * from books"; cells 1 and 2 above it create and fill the table.
	if err := typeInto(ctx, 3, "select title, year from books where year < 2010 order by year"); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`sql-cell[data-index="3"] button`))); err != nil {
		t.Fatal(err)
	}
	waitRows(ctx, t, 3, [][][]string{{{"The C Programming Language", "1978"}, {"SQL and Relational Theory", "2009"}}})
}

func testSyntaxError(ctx context.Context, t *testing.T) {
	if err := typeInto(ctx, 0, "select 1;\n  selec 2"); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.KeyEvent("\r", chromedp.KeyModifiers(chromedp.ModifierCtrl))); err != nil {
		t.Fatal(err)
	}
	waitRows(ctx, t, 0, [][][]string{{{"1"}}})
	msg, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('sql-cell[data-index="0"] [data-testid=error]').textContent`))
	if err != nil {
		t.Fatal(err)
	}
	if want := `Line 2, column 3: near "selec": syntax error`; msg != want {
		t.Errorf("got error %q, want %q", msg, want)
	}
	sel, err := chromedp.Run(ctx, chromedp.Evaluate[[]int](`document.querySelector('sql-cell[data-index="0"]').selection()`))
	if err != nil {
		t.Fatal(err)
	}
	if want := []int{12, 13}; !reflect.DeepEqual(sel, want) {
		t.Errorf("editor selection: got %v, want %v (the failing token)", sel, want)
	}
}

func testStatements(ctx context.Context, t *testing.T) {
	if err := typeInto(ctx, 4, "select 1 as a; select 'x' as b, null as c"); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`sql-cell[data-index="4"] button`))); err != nil {
		t.Fatal(err)
	}
	waitRows(ctx, t, 4, [][][]string{{{"1"}}, {{"x", "NULL"}}})
}

// TestBrowserOffline visits the course once, takes the network away, and
// uses it: reload, open another page, come back, run a query.
func TestBrowserOffline(t *testing.T) {
	s, err := newServer(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	ctx := newBrowser(t)
	lesson := ts.URL + "/lessons/first-database/"
	if err := chromedp.Do(ctx, chromedp.Navigate(lesson), chromedp.WaitVisible(chromedp.CSS(`sql-cell .toolbar`))); err != nil {
		t.Fatal(err)
	}
	// Wait until the service worker controls the page and has cached every file.
	wait, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	ready := fmt.Sprintf(`navigator.serviceWorker.controller !== null &&
		caches.open("dbtour-%s").then((c) => c.keys()).then((k) => k.length >= %d)`, s.version, len(s.precached()))
	for {
		ok, err := chromedp.Run(wait, chromedp.Evaluate[bool](ready, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatalf("service worker did not take over and precache: %v", err)
		}
		if ok {
			break
		}
		time.Sleep(200 * time.Millisecond)
	}

	ts.Close() // the network is gone for real, and emulated offline too
	if _, err := chromedp.Call(ctx, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
		MatchedNetworkConditions: []*network.Conditions{{Offline: true}},
	}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx,
		chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`sql-cell .toolbar`)),
		chromedp.Navigate(ts.URL+"/"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=toc] a`)),
		chromedp.Click(chromedp.CSS(`[data-testid=toc] a`)), chromedp.WaitVisible(chromedp.CSS(`sql-cell .toolbar`)),
	); err != nil {
		t.Fatalf("offline navigation: %v", err)
	}
	if err := typeInto(ctx, 3, "select count(*) from books"); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`sql-cell[data-index="3"] button`))); err != nil {
		t.Fatal(err)
	}
	waitRows(ctx, t, 3, [][][]string{{{"3"}}})
}

// text returns the value of a JavaScript expression that yields a string.
func text(ctx context.Context, t *testing.T, js string) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return s
}

func testStop(ctx context.Context, t *testing.T) {
	const runaway = "with recursive c(x) as (select 1 union all select x + 1 from c) select count(*) from c"
	if err := typeInto(ctx, 5, runaway); err != nil {
		t.Fatal(err)
	}
	button := chromedp.CSS(`sql-cell[data-index="5"] .toolbar button`)
	if err := chromedp.Do(ctx, chromedp.Click(button)); err != nil {
		t.Fatal(err)
	}
	wait, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	if _, err := chromedp.Run(wait, chromedp.Poll[bool](`document.querySelector('sql-cell[data-index="5"] .toolbar button').textContent === "Stop"`)); err != nil {
		t.Fatalf("no Stop button while running: %v", err)
	}
	poll(ctx, t, `document.querySelector('sql-cell[data-index="5"] .toolbar button').dataset.stopReady !== undefined`, "Stop to be armed")
	if err := chromedp.Do(ctx, chromedp.Click(button)); err != nil {
		t.Fatal(err)
	}
	stopped, cancel2 := context.WithTimeout(ctx, 3*time.Second) // well inside the engine's 5 s limit
	defer cancel2()
	if _, err := chromedp.Run(stopped, chromedp.Poll[bool](`(document.querySelector('sql-cell[data-index="5"] [data-testid=error]') || {}).textContent?.includes("Stopped.")`)); err != nil {
		t.Fatalf("Stop did not stop the query: %v", err)
	}
	if got := text(ctx, t, `document.querySelector('sql-cell[data-index="5"]').source`); got != runaway {
		t.Errorf("after Stop the editor holds %q, want the reader's text", got)
	}
	// The page's database works after a stop.
	if err := typeInto(ctx, 5, "select count(*) from books"); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Click(button)); err != nil {
		t.Fatal(err)
	}
	waitRows(ctx, t, 5, [][][]string{{{"3"}}})
}

func testPersistence(ctx context.Context, t *testing.T) {
	const edit = "select 'kept across reloads' as note"
	if err := typeInto(ctx, 4, edit); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Reload(), chromedp.WaitVisible(cell(4))); err != nil {
		t.Fatal(err)
	}
	value := `document.querySelector('sql-cell[data-index="4"]').source`
	if got := text(ctx, t, value); got != edit {
		t.Fatalf("after reload: got %q, want the edit", got)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`sql-cell[data-index="4"] button.secondary`))); err != nil {
		t.Fatalf("no Revert button on an edited cell: %v", err)
	}
	if got := text(ctx, t, value); !strings.HasPrefix(got, "select title, year\nfrom books") {
		t.Errorf("after Revert: got %q, want the lesson's SQL", got)
	}
	if err := chromedp.Do(ctx, chromedp.Reload(), chromedp.WaitVisible(cell(4))); err != nil {
		t.Fatal(err)
	}
	if got := text(ctx, t, value); !strings.HasPrefix(got, "select title, year\nfrom books") {
		t.Errorf("reverted, then reloaded: got %q", got)
	}
}

func testExercise(ctx context.Context, t *testing.T) {
	const ex = `sql-cell[data-index="6"]`
	feedback := `document.querySelector('` + ex + ` [data-testid=feedback]').textContent`
	waitFeedback := func(want string) {
		t.Helper()
		wait, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		if _, err := chromedp.Run(wait, chromedp.Poll[bool](fmt.Sprintf("%s === %q", feedback, want))); err != nil {
			t.Fatalf("feedback: got %q, want %q", text(ctx, t, feedback), want)
		}
	}
	click := func(action string) {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(ex+` button[data-action=`+action+`]`))); err != nil {
			t.Fatal(err)
		}
	}
	if got := text(ctx, t, `getComputedStyle(document.querySelector('`+ex+` .hints')).display`); got != "none" {
		t.Errorf("hints are visible before the reader asks (display %s)", got)
	}
	click("hint")
	if got := text(ctx, t, `Array.from(document.querySelectorAll('`+ex+` .hints li')).filter((li) => !li.hidden).map((li) => li.textContent).join("|")`); !strings.HasPrefix(got, "Keep only some rows with where") || strings.Contains(got, "|") {
		t.Errorf("after one Hint: got %q, want the first hint only", got)
	}
	if err := typeInto(ctx, 6, "select title, author from books where year < 2010 order by year desc"); err != nil {
		t.Fatal(err)
	}
	click("check")
	wait, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if _, err := chromedp.Run(wait, chromedp.Poll[bool](feedback+`.startsWith("Not yet: The rows are right but not in the right order")`)); err != nil {
		t.Fatalf("feedback: got %q, want the order to be wrong", text(ctx, t, feedback))
	}
	if err := typeInto(ctx, 6, "select title, author from books where year < 2010 order by year"); err != nil {
		t.Fatal(err)
	}
	click("check")
	waitFeedback("✓ Correct! Exercise solved.")
	if err := chromedp.Do(ctx, chromedp.Reload(), chromedp.WaitVisible(cell(6))); err != nil {
		t.Fatal(err)
	}
	waitFeedback("✓ Solved")
}
