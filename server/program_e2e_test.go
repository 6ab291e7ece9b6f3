//go:build e2e

package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chromedp/chromedp"
)

// programLesson has one cell of each kind that is not plain SQL: a CSV
// import, a SQL cell with parameters, and a GORM program with inputs,
// followed by a SQL cell that reads the program's table.
const programLesson = "---\ntitle: Programs\n---\n\n" +
	"```csv table=people\nname,age\nAda,36\nLinus,28\n```\n\n" +
	"```sql\nselect name from people where age > :min order by name;\n```\n```params\nmin = 30\n```\n\n" +
	"```go orm=gorm-basics\n```\n```params\nname = Grace\nyear = 1953\n```\n\n" +
	"```sql\nselect name, joined_year from members order by name;\n```\n"

// TestBrowserProgramCells runs a GORM program in the page's engine
// (engine-orm.wasm) with an input the reader changed, sees the SQL GORM
// emitted and the program's output, and queries the table it created from
// the SQL cell below; it also runs a parameter cell and a CSV cell.
func TestBrowserProgramCells(t *testing.T) {
	s, err := newServer(context.Background(), withLessons(fstest.MapFS{"programs.md": {Data: []byte(programLesson)}}))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := s.files["/static/"+s.version+"/engine/engine-orm.wasm"]; !ok {
		t.Fatal("engine-orm.wasm is not embedded: run ./build.sh wasm before the browser tests")
	}
	ts := httptest.NewServer(s)
	defer ts.Close()
	ctx := newBrowser(t)
	run := func(selector string) chromedp.Action[chromedp.Void] {
		return chromedp.Click(chromedp.CSS(selector + ` .toolbar button`))
	}
	if err := chromedp.Do(ctx,
		chromedp.Navigate(ts.URL+"/lessons/programs/"),
		chromedp.WaitVisible(chromedp.CSS(`program-cell .toolbar`)),
		chromedp.SetValue(chromedp.CSS(`program-cell input[name="name"]`), "Grace Hopper"),
		run(`program-cell`),
	); err != nil {
		t.Fatal(err)
	}
	waitText(ctx, t, `program-cell [data-testid="sql-log"]`, "INSERT INTO `members` (`name`,`joined_year`) VALUES (\"Grace Hopper\",1953)")
	waitText(ctx, t, `program-cell [data-testid="program-output"]`, "created member 1: Grace Hopper")

	if err := chromedp.Do(ctx, run(`sql-cell[data-index="3"]`)); err != nil {
		t.Fatal(err)
	}
	waitRows(ctx, t, 3, [][][]string{{{"Grace Hopper", "1952"}}})

	if err := chromedp.Do(ctx,
		chromedp.SetValue(chromedp.CSS(`sql-cell[data-index="1"] input[name="min"]`), "20"),
		run(`sql-cell[data-index="1"]`),
	); err != nil {
		t.Fatal(err)
	}
	waitRows(ctx, t, 1, [][][]string{{{"Ada"}, {"Linus"}}})

	if err := chromedp.Do(ctx,
		chromedp.SetValue(chromedp.CSS(`sql-cell[data-index="1"] input[name="min"]`), "x' or 1=1 --"),
		run(`sql-cell[data-index="1"]`),
	); err != nil {
		t.Fatal(err)
	}
	// A bound value is data, never SQL: the crafted text matches nothing.
	waitRows(ctx, t, 1, [][][]string{{}})
}

// waitText waits until the element matching selector contains want.
func waitText(ctx context.Context, t *testing.T, selector, want string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	js := `(document.querySelector(` + quoteJS(selector) + `) || {}).textContent || ""`
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`(`+js+`).includes(`+quoteJS(want)+`)`)); err != nil {
		got, _ := chromedp.Run(context.WithoutCancel(ctx), chromedp.Evaluate[string](js))
		t.Fatalf("%s: got %q, want it to contain %q (%v)", selector, got, want, err)
	}
}

// quoteJS is s as a JavaScript string literal.
func quoteJS(s string) string {
	return "`" + strings.NewReplacer("\\", "\\\\", "`", "\\`", "${", "\\${").Replace(s) + "`"
}

// editLesson has a GORM program to edit after the one that makes its
// tables, and a Go exercise.
const editLesson = "---\ntitle: Edit\n---\n\n" +
	"```go orm=gorm-authors\n```\n```params\nauthors = 3\n```\n\n" +
	"```go orm=gorm-preload\n```\n\n" +
	"```go exercise\npackage programs\n\nimport (\n\t\"fmt\"\n\t\"io\"\n\n\t\"gorm.io/gorm\"\n)\n\n" +
	"func countAuthors(db *gorm.DB, in Inputs, out io.Writer) error {\n\tfmt.Fprintln(out, \"authors: ?\")\n\treturn nil\n}\n```\n\n" +
	"```go solution\n" + countAuthorsSolution + "```\n"

const countAuthorsSolution = "package programs\n\nimport (\n\t\"fmt\"\n\t\"io\"\n\n\t\"gorm.io/gorm\"\n)\n\n" +
	"func countAuthors(db *gorm.DB, in Inputs, out io.Writer) error {\n\tvar n int64\n" +
	"\tif err := db.Model(&Author{}).Count(&n).Error; err != nil {\n\t\treturn err\n\t}\n" +
	"\tfmt.Fprintf(out, \"authors: %d\\n\", n)\n\treturn nil\n}\n"

// TestBrowserEditedGoProgram edits a GORM program (adds a Where), runs it
// interpreted and sees the changed SQL and output: the page loads the
// interpreter's engine (engine-go.wasm) only then, and moves its
// database there without running the cells above again;
// the edit survives a reload and Revert puts back the compiled program;
// a program that never ends is stopped with a message and the engine
// still runs the next one, which fails to compile and is marked at its
// line; and a Go exercise is checked, first wrong, then solved.
func TestBrowserEditedGoProgram(t *testing.T) {
	s, err := newServer(context.Background(), withLessons(fstest.MapFS{"edit.md": {Data: []byte(editLesson)}}))
	if err != nil {
		t.Fatal(err)
	}
	fetched := &fetchLog{}
	ts := httptest.NewServer(fetched.wrap(s))
	defer ts.Close()
	ctx := newBrowser(t)
	const preload = `program-cell[data-index="1"]`
	const exercise = `program-cell[data-index="2"]`
	do := func(actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatal(err)
		}
	}
	// edit replaces a cell's program with the value of js, where c is the cell.
	edit := func(cell, js string) {
		t.Helper()
		do(chromedp.Evaluate[chromedp.Void](`(() => { const c = document.querySelector(` + quoteJS(cell) + `); c.editor.replace(` + js + `); })()`))
	}
	// press clicks a cell's button once the cell's last run is over, with
	// its output cleared, so that what appears next is this run's.
	press := func(cell, button string) {
		t.Helper()
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector(`+quoteJS(cell)+`).getAttribute("aria-busy") !== "true"`)); err != nil {
			t.Fatalf("%s: still running: %v", cell, err)
		}
		do(chromedp.Evaluate[chromedp.Void](`document.querySelector(`+quoteJS(cell+` .output`)+`).replaceChildren()`),
			chromedp.Click(chromedp.CSS(cell+` `+button)))
	}
	do(chromedp.Navigate(ts.URL+"/lessons/edit/"), chromedp.WaitVisible(chromedp.CSS(preload+` .toolbar`)))
	// The unedited page runs its programs compiled: the interpreter's
	// engine is not fetched, nor precached by the service worker.
	press(preload, `.toolbar button`)
	waitText(ctx, t, preload+` [data-testid="program-output"]`, "Chinua Achebe: 1 book(s)")
	if fetched.has("/engine/engine-go.wasm") || !fetched.has("/engine/engine-orm.wasm") {
		t.Errorf("before any edit the page fetched %v, want engine-orm.wasm and not engine-go.wasm", fetched.engines())
	}
	if sw := get(t, ts.URL+"/sw.js", ""); strings.Contains(sw, "engine-go.wasm") || !strings.Contains(sw, "engine-orm.wasm") {
		t.Error("the service worker's precache list should name engine-orm.wasm and not engine-go.wasm")
	}
	// Focus in the Go editor fetches it ahead of the first edited Run.
	do(chromedp.Evaluate[chromedp.Void](`document.querySelector(` + quoteJS(preload) + `).editor.view.focus()`))
	waitFor(ctx, t, "the interpreter's engine fetched when a Go editor got focus", func() bool { return fetched.has("/engine/engine-go.wasm") })
	edit(preload, `c.source.replace('Order("id").Find(&authors)', 'Where("name <> ?", "Chinua Achebe").Order("id").Find(&authors)')`)
	press(preload, `.toolbar button`)
	waitText(ctx, t, preload+` [data-testid="sql-log"]`, "WHERE name <> \"Chinua Achebe\"")
	if ran := text(ctx, t, `document.querySelector('`+preload+`').dataset.ran`); ran != "1" {
		t.Errorf("the edited program's Run ran %s cells, want 1: the states the cells above left did not move to the interpreter", ran)
	}
	waitText(ctx, t, preload+` [data-testid="program-output"]`, "Toni Morrison: 2 book(s)")
	waitText(ctx, t, preload+` .status`, "Edited")
	if out := text(ctx, t, `document.querySelector('`+preload+` [data-testid="program-output"]').textContent`); strings.Contains(out, "Achebe") {
		t.Errorf("the Where did not apply: %q", out)
	}

	// The edit is kept across a reload; Revert brings back the lesson's
	// program, which runs compiled again.
	do(chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(preload+` .toolbar`)))
	if src := text(ctx, t, `document.querySelector('`+preload+`').source`); !strings.Contains(src, "Chinua Achebe") {
		t.Fatalf("the edit was lost on reload: %q", src)
	}
	do(chromedp.Click(chromedp.CSS(preload + ` button[data-action="revert"]`)))
	press(preload, `.toolbar button`)
	waitText(ctx, t, preload+` [data-testid="program-output"]`, "Chinua Achebe: 1 book(s)")

	// A program that never ends is stopped by its guard at the time limit.
	edit(preload, `c.source.replace('var authors []Author', 'for {\n\t}\n\tvar authors []Author')`)
	press(preload, `.toolbar button`)
	waitText(ctx, t, preload+` [data-testid="error"]`, "program stopped")

	// Stop ends an interpreted program at once; a new worker on the
	// interpreter starts from the database as it was, and runs the next.
	edit(preload, `c.source.replace('var authors []Author', 'for {\n\t}\n\tvar authors []Author')`)
	press(preload, `.toolbar button`)
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector(`+quoteJS(preload+` .toolbar button`)+`).dataset.stopReady !== undefined`)); err != nil {
		t.Fatalf("Stop was not armed: %v", err)
	}
	do(chromedp.Click(chromedp.CSS(preload + ` .toolbar button`)))
	waitText(ctx, t, preload+` [data-testid="error"]`, "Stopped.")
	edit(preload, `c.original.replace('Order("id")', 'Order("id desc")')`)
	press(preload, `.toolbar button`)
	waitText(ctx, t, preload+` [data-testid="program-output"]`, "Toni Morrison: 2 book(s)\nChinua Achebe")

	// A compile error is shown with its line and column, and the editor
	// puts the caret on that line.
	edit(preload, `c.original.replace('var authors []Author', 'var authors []Author; nope()')`)
	press(preload, `.toolbar button`)
	waitText(ctx, t, preload+` [data-testid="error"]`, "undefined: nope")
	waitText(ctx, t, preload+` [data-testid="error"]`, "line 15, column")
	caretLine := text(ctx, t, `(() => { const e = document.querySelector('`+preload+`').editor; return String(e.view.state.doc.lineAt(e.selection()[0]).number); })()`)
	if caretLine != "15" {
		t.Errorf("the caret is on line %s, want 15", caretLine)
	}

	// The exercise: the starting program is judged wrong, the solution right.
	press(exercise, `button[data-action="check"]`)
	waitText(ctx, t, exercise+` [data-testid="feedback"]`, `Not yet: output line 1 is "authors: ?"; expected "authors: 3"`)
	edit(exercise, quoteJS(countAuthorsSolution))
	press(exercise, `button[data-action="check"]`)
	waitText(ctx, t, exercise+` [data-testid="feedback"]`, "Correct!")
}

// fetchLog records the paths a test server was asked for.
type fetchLog struct {
	mu    sync.Mutex
	paths []string
}

func (f *fetchLog) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		f.paths = append(f.paths, r.URL.Path)
		f.mu.Unlock()
		h.ServeHTTP(w, r)
	})
}

// has reports whether a path ending in suffix was asked for.
func (f *fetchLog) has(suffix string) bool {
	return slices.ContainsFunc(f.engines(), func(p string) bool { return strings.HasSuffix(p, suffix) })
}

// engines lists the engine files asked for.
func (f *fetchLog) engines() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []string
	for _, p := range f.paths {
		if strings.HasSuffix(p, ".wasm") {
			out = append(out, p)
		}
	}
	return out
}

// waitFor polls ok until it holds, for at most a minute, and fails the
// test saying what it waited for.
func waitFor(ctx context.Context, t *testing.T, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for !ok() {
		if time.Now().After(deadline) || ctx.Err() != nil {
			t.Fatalf("waited a minute for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
