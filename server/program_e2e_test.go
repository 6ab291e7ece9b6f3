//go:build e2e

package main

import (
	"context"
	"net/http/httptest"
	"strings"
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
