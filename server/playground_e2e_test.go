//go:build e2e

package main

import (
	"bytes"
	"compress/flate"
	"context"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"iter"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/dbtour/dbtour/wasm/engine"
)

// The playground's parts, as the tests read them.
const (
	pgContent = `document.querySelector('[data-testid=pg-editor] .editor').shadowRoot.querySelector('.cm-content')`
	pgText    = `Array.from(` + pgContent + `.querySelectorAll('.cm-line'), (l) => l.textContent).join('\n')`
	pgMessage = `document.querySelector('[data-testid=pg-message]').textContent`
	pgTables  = `Array.from(document.querySelectorAll('[data-testid=pg-table]'), (d) => d.dataset.name).join(',')`
	pgRows    = `Array.from(document.querySelectorAll('[data-testid=pg-app] .output table'),
		(table) => Array.from(table.tBodies[0].rows, (tr) => Array.from(tr.cells, (td) => td.textContent)))`
	pgFile = `[data-testid=pg-file]`
)

// openPlayground serves the site and opens the playground in a new
// browser; it returns the browser, the playground's URL and the browser's
// console, listened to from before the page loaded.
func openPlayground(t *testing.T) (context.Context, string, iter.Seq2[chromedp.ConsoleMessage, error]) {
	t.Helper()
	s, err := newServer(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := s.files["/static/"+s.version+"/engine/engine.wasm"]; !ok {
		t.Fatal("engine.wasm is not embedded: run ./build.sh wasm before the browser tests")
	}
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	url := ts.URL + "/playground/"
	ctx := newBrowser(t)
	console := chromedp.Console(ctx)
	if err := chromedp.Do(ctx, chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS(`[data-testid=pg-editor] .editor`))); err != nil {
		t.Fatal(err)
	}
	return ctx, url, console
}

// TestBrowserPlayground uses the playground as a reader would: every
// control without a CSP violation, runs on the current database, the SQL
// kept across a reload.
func TestBrowserPlayground(t *testing.T) {
	ctx, _, console := openPlayground(t)
	files := t.TempDir()
	t.Run("no CSP violations: load, run, import, export, share", func(t *testing.T) { testPlaygroundCSP(ctx, t, console, files) })
	t.Run("run a query", func(t *testing.T) { testPlaygroundRun(ctx, t) })
	t.Run("stop a runaway query", func(t *testing.T) { testPlaygroundStop(ctx, t) })
	t.Run("reload keeps the SQL", func(t *testing.T) { testPlaygroundReload(ctx, t) })
}

// TestBrowserPlaygroundFiles imports files by the picker and by drag and
// drop, refuses bad ones keeping the database, and exports and imports
// back.
func TestBrowserPlaygroundFiles(t *testing.T) {
	ctx, _, _ := openPlayground(t)
	files := t.TempDir()
	t.Run("import .sqlite", func(t *testing.T) { testPlaygroundImportSQLite(ctx, t, files) })
	t.Run("import .sql and .csv", func(t *testing.T) { testPlaygroundImportText(ctx, t, files) })
	t.Run("drag and drop", func(t *testing.T) { testPlaygroundDrop(ctx, t, files) })
	t.Run("bad files keep the database", func(t *testing.T) { testPlaygroundBadFiles(ctx, t, files) })
	t.Run("export and import back", func(t *testing.T) { testPlaygroundRoundTrip(ctx, t, files) })
}

// TestBrowserPlaygroundShare makes share links and opens them in another
// browser.
func TestBrowserPlaygroundShare(t *testing.T) {
	ctx, url, _ := openPlayground(t)
	files := t.TempDir()
	pgUpload(ctx, t, writeFile(t, files, "cities.sql", []byte("create table cities (name text, people integer);\ninsert into cities values ('Lyon', 522000), ('Oslo', 709000);\n")))
	pgWaitMessage(ctx, t, "Ran “cities.sql”: 2 statements.")
	testPlaygroundShare(ctx, t, url)
}

// TestBrowserPlaygroundBadLinks opens damaged share links: each says what
// is wrong and changes nothing. (A test of its own: every browser test is
// bounded to two minutes, and two browsers at once are slow here.)
func TestBrowserPlaygroundBadLinks(t *testing.T) {
	ctx, url, _ := openPlayground(t)
	testPlaygroundBadLinks(ctx, t, url)
}

// TestBrowserPlaygroundOffline exports the site, serves it under a
// sub-path of a plain file server, visits the playground once, then takes
// the network away: the playground still loads and runs SQL.
func TestBrowserPlaygroundOffline(t *testing.T) {
	s, err := newServer(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if _, err := s.export(dir); err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(http.StripPrefix(subPath[:len(subPath)-1], http.FileServer(http.Dir(dir))))
	url := ts.URL + subPath + "playground/"
	ctx := newBrowser(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS(`[data-testid=pg-editor] .editor`))); err != nil {
		t.Fatal(err)
	}
	pgRun(ctx, t, "select 'online' as state", [][][]string{{{"online"}}})
	ready := fmt.Sprintf(`navigator.serviceWorker.controller !== null &&
		caches.open("dbtour-%s").then((c) => c.keys()).then((k) => k.length >= %d)`, s.version, len(s.precached()))
	wait, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	if _, err := chromedp.Run(wait, chromedp.Poll[bool](ready, chromedp.WithPollingInterval(200*time.Millisecond))); err != nil {
		t.Fatalf("service worker did not take over and precache: %v", err)
	}
	ts.Close()
	if _, err := chromedp.Call(ctx, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
		MatchedNetworkConditions: []*network.Conditions{{Offline: true}},
	}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`[data-testid=pg-editor] .editor`))); err != nil {
		t.Fatalf("offline reload: %v", err)
	}
	pgRun(ctx, t, "select 'offline' as state", [][][]string{{{"offline"}}})
}

// testPlaygroundCSP uses every kind of control once, before any typing,
// and checks that the page logged no error. (Typing over a selection of
// several lines makes Chromium's own contenteditable editing try an inline
// style on CodeMirror's line, which the CSP blocks and logs, on lesson
// pages too; CodeMirror redraws the line, so nothing is lost.)
func testPlaygroundCSP(ctx context.Context, t *testing.T, console iter.Seq2[chromedp.ConsoleMessage, error], dir string) {
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`[data-testid=pg-app] button[data-action=run]`))); err != nil {
		t.Fatal(err)
	}
	pgWait(ctx, t, pgRows+`.flat(2).includes("Hello from the playground")`, pgRows, "the example's rows")
	pgWaitTables(ctx, t, "notes")
	pgUpload(ctx, t, writeFile(t, dir, "first.csv", []byte("n\n1\n")))
	pgWaitMessage(ctx, t, "Imported 1 row from “first.csv” into table first.")
	if name, _ := download(ctx, t, dir, "export-sqlite"); name != "playground.sqlite" {
		t.Errorf("export: got %q", name)
	}
	shareLink(ctx, t, true)
	pgUpload(ctx, t, writeFile(t, dir, "clean.sql", []byte("drop table notes; drop table first;")))
	pgWaitTables(ctx, t, "")
	noConsoleErrors(ctx, t, console)
}

// noConsoleErrors fails on any error the page logged, which is where the
// browser reports a Content-Security-Policy violation.
func noConsoleErrors(ctx context.Context, t *testing.T, console iter.Seq2[chromedp.ConsoleMessage, error]) {
	t.Helper()
	// A marker ends the stream: every message before it has arrived.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[any](`console.info("dbtour-test-end")`)); err != nil {
		t.Fatal(err)
	}
	for m, err := range console {
		if err != nil {
			t.Fatal(err)
		}
		if m.Type == chromedp.ConsoleError || m.IsException() {
			t.Errorf("console: %s (%s:%d)", m, m.URL, m.Line)
		}
		if strings.Contains(m.Text, "Content Security Policy") {
			t.Errorf("CSP violation: %s", m)
		}
		if m.Text == "dbtour-test-end" {
			break
		}
	}
}

// pgType replaces the editor's text as a reader would: select all, then
// type it line by line, pressing Enter between lines.
func pgType(ctx context.Context, t *testing.T, text string) {
	t.Helper()
	if err := typeText(ctx, pgContent, text); err != nil {
		t.Fatal(err)
	}
}

// pgRun runs the editor's SQL with Ctrl+Enter and waits for exactly want
// (one table per statement with rows).
func pgRun(ctx context.Context, t *testing.T, sql string, want [][][]string) {
	t.Helper()
	pgType(ctx, t, sql)
	if err := chromedp.Do(ctx, chromedp.KeyEvent("\r", chromedp.KeyModifiers(chromedp.ModifierCtrl))); err != nil {
		t.Fatal(err)
	}
	wantJSON, _ := json.Marshal(want)
	pgWait(ctx, t, fmt.Sprintf("JSON.stringify(%s) === %q", pgRows, wantJSON),
		`[`+pgRows+`, document.querySelector('[data-testid=pg-app] .output').textContent, `+pgText+`]`, "rows of "+sql)
}

// pgWait waits until the expression cond is true; if it never is, it fails
// and shows the value of the expression show.
func pgWait(ctx context.Context, t *testing.T, cond, show, what string) {
	t.Helper()
	wait, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if _, err := chromedp.Run(wait, chromedp.Poll[bool](cond)); err != nil {
		got, _ := chromedp.Run(context.WithoutCancel(ctx), chromedp.Evaluate[any](show))
		t.Fatalf("%s: got %v (%v)", what, got, err)
	}
}

// pgWaitMessage waits until the page's message contains want.
func pgWaitMessage(ctx context.Context, t *testing.T, want string) {
	t.Helper()
	pgWait(ctx, t, fmt.Sprintf("%s.includes(%q)", pgMessage, want), pgMessage, "message, want one containing "+want)
}

// pgWaitTables waits until the schema panel lists exactly want.
func pgWaitTables(ctx context.Context, t *testing.T, want string) {
	t.Helper()
	pgWait(ctx, t, fmt.Sprintf("%s === %q", pgTables, want), pgTables, "schema panel, want tables "+want)
}

// pgUpload picks path in the file picker.
func pgUpload(ctx context.Context, t *testing.T, path string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.SetUploadFiles(chromedp.CSS(pgFile), []string{path})); err != nil {
		t.Fatal(err)
	}
}

// writeFile writes data into dir/name and returns its path.
func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// sqliteFile makes a .sqlite file with the native engine.
func sqliteFile(t *testing.T, sql string) []byte {
	t.Helper()
	s, err := engine.Open(engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if r := s.Exec(context.Background(), sql); r.Error != nil {
		t.Fatalf("%s: %s", sql, r.Error.Message)
	}
	b, err := s.Serialize()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func testPlaygroundRun(ctx context.Context, t *testing.T) {
	pgRun(ctx, t, "select 1 + 1 as two, 'a' || 'b' as ab;\nselect null as empty", [][][]string{{{"2", "ab"}}, {{"NULL"}}})
	// The Run button, and a table the schema panel shows afterwards.
	pgType(ctx, t, "create table pets (id integer primary key, name text not null);\ninsert into pets (name) values ('Rex'), ('Tom');\nselect name from pets order by id")
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`[data-testid=pg-app] button[data-action=run]`))); err != nil {
		t.Fatal(err)
	}
	pgWait(ctx, t, pgRows+`.flat(2).join() === "Rex,Tom"`, pgRows, "rows after Run")
	pgWaitTables(ctx, t, "pets")
	cols := `Array.from(document.querySelectorAll('[data-testid=pg-table][data-name=pets] .pg-columns li'), (li) => li.textContent).join('|')`
	if got, want := text(ctx, t, cols), "id INTEGER primary key|name TEXT not null"; got != want {
		t.Errorf("schema panel columns: got %q, want %q", got, want)
	}
	// A run works on the current database: it is not replayed from scratch.
	pgRun(ctx, t, "insert into pets (name) values ('Kit');\nselect count(*) from pets", [][][]string{{{"3"}}})
	// An error shows beside the editor with its position.
	pgType(ctx, t, "select * from nowhere")
	if err := chromedp.Do(ctx, chromedp.KeyEvent("\r", chromedp.KeyModifiers(chromedp.ModifierCtrl))); err != nil {
		t.Fatal(err)
	}
	errText := `(document.querySelector('[data-testid=pg-app] [data-testid=error]') || {}).textContent`
	pgWait(ctx, t, errText+` === "Line 1, column 1: no such table: nowhere"`, errText, "error")
}

func testPlaygroundStop(ctx context.Context, t *testing.T) {
	const runaway = "with recursive c(x) as (select 1 union all select x + 1 from c) select count(*) from c"
	pgType(ctx, t, runaway)
	run := chromedp.CSS(`[data-testid=pg-app] button[data-action=run]`)
	if err := chromedp.Do(ctx, chromedp.Click(run)); err != nil {
		t.Fatal(err)
	}
	button := `document.querySelector('[data-testid=pg-app] button[data-action=run]').textContent`
	pgWait(ctx, t, button+` === "Stop"`, button, "Run becomes Stop while running")
	armed := `document.querySelector('[data-testid=pg-app] button[data-action=run]').dataset.stopReady !== undefined`
	pgWait(ctx, t, armed, button, "Stop to be armed")
	if err := chromedp.Do(ctx, chromedp.Click(run)); err != nil {
		t.Fatal(err)
	}
	stopped, cancel := context.WithTimeout(ctx, 3*time.Second) // well inside the engine's 5 s limit
	defer cancel()
	if _, err := chromedp.Run(stopped, chromedp.Poll[bool](pgMessage+` === "Stopped. The database is back as it was before this run."`)); err != nil {
		t.Fatalf("Stop did not stop the query: message %q (%v)", text(ctx, t, pgMessage), err)
	}
	if got := text(ctx, t, pgText); got != runaway {
		t.Errorf("after Stop the editor holds %q, want the reader's text", got)
	}
	// The new worker has the database the run started from.
	pgWaitTables(ctx, t, "pets")
	pgRun(ctx, t, "select group_concat(name) from pets", [][][]string{{{"Rex,Tom,Kit"}}})
}

func testPlaygroundReload(ctx context.Context, t *testing.T) {
	const sql = "select 'kept' as note"
	pgType(ctx, t, sql)
	if err := chromedp.Do(ctx, chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`[data-testid=pg-editor] .editor`))); err != nil {
		t.Fatal(err)
	}
	if got := text(ctx, t, pgText); got != sql {
		t.Errorf("after reload the editor holds %q, want %q", got, sql)
	}
}

func testPlaygroundImportSQLite(ctx context.Context, t *testing.T, dir string) {
	db := sqliteFile(t, `create table authors (id integer primary key, name text);
		create table books (id integer primary key, title text, author integer references authors(id));
		create index books_by_author on books(author);
		insert into authors values (1, 'Kernighan');
		insert into books values (1, 'The C Programming Language', 1)`)
	pgUpload(ctx, t, writeFile(t, dir, "library.sqlite", db))
	pgWaitMessage(ctx, t, "Opened “library.sqlite”: 2 tables.")
	pgWaitTables(ctx, t, "authors,books")
	index := `document.querySelector('[data-testid=pg-table][data-name=books] .pg-indexes').textContent`
	if got := text(ctx, t, index); got != "index books_by_author (author)" {
		t.Errorf("schema panel index: got %q", got)
	}
	pgRun(ctx, t, "select b.title, a.name from books b join authors a on a.id = b.author", [][][]string{{{"The C Programming Language", "Kernighan"}}})
}

func testPlaygroundImportText(ctx context.Context, t *testing.T, dir string) {
	pgUpload(ctx, t, writeFile(t, dir, "cities.sql", []byte("create table cities (name text, people integer);\ninsert into cities values ('Lyon', 522000), ('Oslo', 709000);\n")))
	pgWaitMessage(ctx, t, "Ran “cities.sql”: 2 statements.")
	pgWaitTables(ctx, t, "authors,books,cities")
	pgUpload(ctx, t, writeFile(t, dir, "sales 2024.csv", []byte("region,amount,note\nnorth,12.5,first\nsouth,7,\n")))
	pgWaitMessage(ctx, t, "Imported 2 rows from “sales 2024.csv” into table sales_2024.")
	pgWaitTables(ctx, t, "authors,books,cities,sales_2024")
	pgRun(ctx, t, "select c.name, s.amount, typeof(s.amount), s.note from cities c, sales_2024 s where c.name = 'Oslo' order by s.amount",
		[][][]string{{{"Oslo", "7.0", "real", "NULL"}, {"Oslo", "12.5", "real", "first"}}})
}

// testPlaygroundDrop drops a file on the page, as a reader dragging it from
// their file manager would.
func testPlaygroundDrop(ctx context.Context, t *testing.T, dir string) {
	path := writeFile(t, dir, "dropped.csv", []byte("word\nhello\n"))
	data := &input.DragData{Files: []string{path}, DragOperationsMask: 1, Items: []*input.DragDataItem{}}
	for _, typ := range []input.DispatchDragEventType{input.DispatchDragEventTypeDragEnter, input.DispatchDragEventTypeDragOver, input.DispatchDragEventTypeDrop} {
		if _, err := chromedp.Call(ctx, input.DispatchDragEvent, input.DispatchDragEventParams{Type: typ, X: 100, Y: 200, Data: data}); err != nil {
			t.Fatalf("%s: %v", typ, err)
		}
	}
	pgWaitMessage(ctx, t, "Imported 1 row from “dropped.csv” into table dropped.")
	pgWaitTables(ctx, t, "authors,books,cities,dropped,sales_2024")
	if got := text(ctx, t, pgText); strings.Contains(got, "hello") {
		t.Errorf("the editor took the dropped file's text: %q", got)
	}
	if hidden := text(ctx, t, `String(document.querySelector('[data-testid=pg-drop]').hidden)`); hidden != "true" {
		t.Error("the drop hint stays on screen after the drop")
	}
}

func testPlaygroundBadFiles(ctx context.Context, t *testing.T, dir string) {
	const tables = "authors,books,cities,dropped,sales_2024"
	damaged := sqliteFile(t, "create table big (x); insert into big select randomblob(3000) from generate_series(1, 20)")
	copy(damaged[100:], make([]byte, 4000)) // wipe the schema page
	for _, tt := range []struct {
		name string
		data []byte
		want string
	}{
		{"notes.sqlite", []byte("just some text"), "“notes.sqlite” is not an SQLite database file"},
		{"broken.db", damaged, "“broken.db” looks like an SQLite database but is damaged"},
		{"bad.csv", []byte("a,b\n1,2\n3\n"), "“bad.csv” is not CSV the playground can read: record on line 3: wrong number of fields"},
		{"half.sql", []byte("create table half (x);\ninsert into half values (1);\n  selec * from half;\n"), `“half.sql” failed at line 3, column 3: near "selec": syntax error. Nothing from it was kept.`},
		{"cities.csv", []byte("name\nRome\n"), "“cities.csv” would become table cities, which already exists"},
		{"picture.png", []byte("\x89PNG"), "“picture.png” is not a file the playground imports"},
	} {
		pgUpload(ctx, t, writeFile(t, dir, tt.name, tt.data))
		pgWaitMessage(ctx, t, tt.want)
		if got := text(ctx, t, `document.querySelector('[data-testid=pg-message]').className`); got != "pg-message error" {
			t.Errorf("%s: message class %q, want it shown as an error", tt.name, got)
		}
		pgWaitTables(ctx, t, tables)
	}
	pgRun(ctx, t, "select count(*) from authors; select count(*) from sqlite_schema where name = 'half'", [][][]string{{{"1"}}, {{"0"}}})
}

// download clicks the button of action and returns the file the browser
// saved and the name the page gave it.
func download(ctx context.Context, t *testing.T, dir, action string) (name string, data []byte) {
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
	if err := chromedp.Do(wait, chromedp.Click(chromedp.CSS(`[data-testid=pg-app] button[data-action=`+action+`]`))); err != nil {
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
			t.Fatalf("download did not complete: %v", err)
		}
		if ev.State == browser.DownloadProgressStateCanceled {
			t.Fatalf("download canceled")
		}
		if ev.State == browser.DownloadProgressStateCompleted {
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

func testPlaygroundRoundTrip(ctx context.Context, t *testing.T, dir string) {
	const query = "select name, people from cities order by name"
	want := [][][]string{{{"Lyon", "522000"}, {"Oslo", "709000"}}}
	pgRun(ctx, t, query, want)

	name, image := download(ctx, t, dir, "export-sqlite")
	if name != "playground.sqlite" || !strings.HasPrefix(string(image), "SQLite format 3\x00") {
		t.Fatalf("export .sqlite: got %q, %d bytes starting %q", name, len(image), image[:min(16, len(image))])
	}
	name, dump := download(ctx, t, dir, "export-sql")
	if name != "playground.sql" || !strings.Contains(string(dump), "INSERT INTO \"cities\"") {
		t.Fatalf("export .sql: got %q:\n%s", name, dump)
	}

	// Change the database, then import the export: the rows are back.
	pgRun(ctx, t, "drop table cities; create table later (x); select count(*) from sqlite_schema where name = 'cities'", [][][]string{{{"0"}}})
	pgUpload(ctx, t, writeFile(t, dir, "exported.sqlite", image))
	pgWaitMessage(ctx, t, "Opened “exported.sqlite”: 5 tables.")
	pgWaitTables(ctx, t, "authors,books,cities,dropped,sales_2024")
	pgRun(ctx, t, query, want)

	// The .sql export rebuilds the same database from nothing.
	pgRun(ctx, t, "drop table books; drop table authors; drop table cities; drop table dropped; drop table sales_2024; select 1", [][][]string{{{"1"}}})
	pgWaitTables(ctx, t, "")
	pgUpload(ctx, t, writeFile(t, dir, "exported.sql", dump))
	pgWaitMessage(ctx, t, "Ran “exported.sql”")
	pgWaitTables(ctx, t, "authors,books,cities,dropped,sales_2024")
	pgRun(ctx, t, query, want)
}

// shareLink makes a share link, with the database or without, and returns
// it as the page shows it.
func shareLink(ctx context.Context, t *testing.T, withDB bool) string {
	t.Helper()
	checked := text(ctx, t, `String(document.querySelector('[data-testid=pg-share-db]').checked)`)
	steps := []chromedp.Action[chromedp.Void]{}
	if (checked == "true") != withDB {
		// The element's own click, not a mouse click at its place: the
		// share box above it may still be moving when the mouse lands.
		steps = append(steps, chromedp.Evaluate[chromedp.Void](`document.querySelector('[data-testid=pg-share-db]').click()`))
	}
	steps = append(steps, chromedp.Evaluate[chromedp.Void](`document.querySelector('[data-testid=pg-link]').value = ""`),
		chromedp.Click(chromedp.CSS(`[data-testid=pg-app] button[data-action=share]`)))
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
	if got := text(ctx, t, `String(document.querySelector('[data-testid=pg-share-db]').checked)`); got != fmt.Sprint(withDB) {
		t.Fatalf("with the database: checked %s, want %v", got, withDB)
	}
	link := `document.querySelector('[data-testid=pg-link]').value`
	pgWait(ctx, t, link+`.includes("#share=")`, link, "share link")
	got := text(ctx, t, link)
	if loc := text(ctx, t, `location.href`); loc != got {
		t.Errorf("address bar: got %q, want the share link %q", loc, got)
	}
	return got
}

func testPlaygroundShare(ctx context.Context, t *testing.T, url string) {
	const sql = "select name, people from cities order by people desc"
	pgType(ctx, t, sql)
	withDB := shareLink(ctx, t, true)
	sqlOnly := shareLink(ctx, t, false)
	if !strings.HasPrefix(withDB, url+"#share=") || len(sqlOnly) >= len(withDB) {
		t.Errorf("links: with the database %d chars, SQL only %d chars (%q)", len(withDB), len(sqlOnly), sqlOnly)
	}

	// A new browser, with nothing stored: the link brings both back.
	other := newBrowser(t)
	if err := chromedp.Do(other, chromedp.Navigate(withDB), chromedp.WaitVisible(chromedp.CSS(`[data-testid=pg-editor] .editor`))); err != nil {
		t.Fatal(err)
	}
	pgWaitMessage(other, t, "Opened a shared playground: its SQL is in the editor and its database (1 table) is loaded.")
	if got := text(other, t, pgText); got != sql {
		t.Errorf("shared SQL: got %q, want %q", got, sql)
	}
	if got := text(other, t, `location.hash`); got != "" {
		t.Errorf("the fragment stays after opening (%q): a reload would open the link again", got)
	}
	if err := chromedp.Do(other, chromedp.KeyEvent("\r", chromedp.KeyModifiers(chromedp.ModifierCtrl))); err != nil {
		t.Fatal(err)
	}
	pgWait(other, t, pgRows+`.flat(2).join() === "Oslo,709000,Lyon,522000"`, pgRows, "shared data")

	// The SQL alone, opened in the page that is already there (hashchange).
	if err := chromedp.Do(other, chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`location.hash = %q`, sqlOnly[strings.Index(sqlOnly, "#"):]))); err != nil {
		t.Fatal(err)
	}
	pgWaitMessage(other, t, "Opened a shared playground: its SQL is in the editor.")

	// A link packed outside the browser, as the format is documented.
	db := sqliteFile(t, "create table made (by text); insert into made values ('Go')")
	if err := chromedp.Do(other, chromedp.Navigate("about:blank"), chromedp.Navigate(url+shareFragment(t, "select by from made", db)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=pg-editor] .editor`))); err != nil {
		t.Fatal(err)
	}
	pgWaitMessage(other, t, "its database (1 table) is loaded")
	if err := chromedp.Do(other, chromedp.Click(chromedp.CSS(`[data-testid=pg-app] button[data-action=run]`))); err != nil {
		t.Fatal(err)
	}
	pgWait(other, t, pgRows+`.flat(2).join() === "Go"`, pgRows, "rows of a link made in Go")

	// A database too big for a link: the link holds the SQL only, and says so.
	pgRun(ctx, t, "create table noise as select randomblob(100000) as b; select length(b) from noise", [][][]string{{{"100000"}}})
	shareLink(ctx, t, true)
	pgWaitMessage(ctx, t, "The database is too big for a link")
}

// shareFragment packs sql and image as a share link's fragment, the way
// the page documents it (web/static/js/playground-share.js): a format
// byte, the SQL's length, the SQL, the image; deflate-raw; base64url.
func shareFragment(t *testing.T, sql string, image []byte) string {
	t.Helper()
	var packed bytes.Buffer
	packed.WriteByte(1)
	binary.Write(&packed, binary.BigEndian, uint32(len(sql)))
	packed.WriteString(sql)
	packed.Write(image)
	return deflateFragment(t, packed.Bytes())
}

// deflateFragment compresses packed bytes into a share fragment.
func deflateFragment(t *testing.T, packed []byte) string {
	t.Helper()
	var compressed bytes.Buffer
	w, err := flate.NewWriter(&compressed, flate.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write(packed); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return "#share=" + base64.RawURLEncoding.EncodeToString(compressed.Bytes())
}

func testPlaygroundBadLinks(ctx context.Context, t *testing.T, url string) {
	const sql = "select 'mine' as kept"
	pgType(ctx, t, sql)
	good := shareLink(ctx, t, true)
	for _, tt := range []struct{ name, hash, want string }{
		{"not base64url", "#share=ab$cd", "it holds characters a share link never has"},
		{"cut short", good[strings.Index(good, "#") : len(good)*2/3], "it is damaged or cut short"},
		{"not deflate", "#share=" + strings.Repeat("_", 40), "it is damaged or cut short"},
		{"unknown format", deflateFragment(t, []byte{2, 0, 0, 0, 0}), "its contents are not in a format this page knows"},
		{"SQL cut short", deflateFragment(t, []byte{1, 0, 0, 0, 9, 's'}), "its SQL is cut short"},
		{"not a database", shareFragment(t, "select 1", []byte("not a database at all")), "its database is damaged (the file does not start with SQLite's header)"},
		{"damaged database", shareFragment(t, "select 1", append([]byte("SQLite format 3\x00"), make([]byte, 8000)...)), "its database is damaged"},
	} {
		if err := chromedp.Do(ctx, chromedp.Navigate("about:blank"), chromedp.Navigate(url+tt.hash), chromedp.WaitVisible(chromedp.CSS(`[data-testid=pg-editor] .editor`))); err != nil {
			t.Fatal(err)
		}
		pgWaitMessage(ctx, t, "This share link cannot be opened: "+tt.want)
		if got := text(ctx, t, pgText); got != sql {
			t.Errorf("%s: the editor holds %q, want the reader's SQL kept", tt.name, got)
		}
	}
}
