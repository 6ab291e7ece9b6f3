//go:build e2e

package main

import (
	"context"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chromedp/chromedp"
)

// The lesson page's own parts, tried in headless Chromium: results,
// schema panel, query plan, charts, progress, database state, look and
// reach. The helpers (newBrowser, typeInto, waitRows, text) are in
// e2e_test.go.

// shapesLesson is a page with every shape of result: numbers, NULL, a
// short and a long blob, a long text, an HTML payload, text with line
// breaks and runs of spaces, a capped result, and statements without rows.
const shapesLesson = "---\ntitle: Result shapes\nsummary: Every kind of value.\norder: 1\n---\n\nA page for tests.\n\n" +
	"```sql\n" +
	"create table t (id integer primary key, label text not null unique, n integer, r real, b blob);\n" +
	"create index t_n on t(n);\n" +
	"insert into t (label, n, r, b) values ('alpha', 3, 1.5, x'cafe'), ('beta', 5, null, zeroblob(2048)), ('gamma', -2, 2.25, null);\n" +
	"```\n\n" +
	"```sql\nselect label, n, r from t order by id;\n```\n\n" +
	"```sql\nselect b, '<img src=x onerror=\"document.title=1\">' as v,\n" +
	"  'long ' || replace(hex(zeroblob(150)), '00', 'ab') as t, 'two\n  lines' as w from t order by id;\n```\n\n" +
	"```sql\nwith recursive c(x) as (select 1 union all select x + 1 from c limit 1500) select x from c;\n```\n"

// openLesson serves a course of the given lessons (file name → Markdown)
// and opens the page of the first one's slug in a new browser.
func openLesson(t *testing.T, files map[string]string, slug string) (context.Context, string) {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, text := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	s, err := newServer(context.Background(), withLessons(fsys))
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	ctx := newBrowser(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/lessons/"+slug+"/"),
		chromedp.WaitVisible(chromedp.CSS(`sql-cell .toolbar`))); err != nil {
		t.Fatal(err)
	}
	return ctx, ts.URL
}

// poll waits up to 30 s for a JavaScript condition.
func poll(ctx context.Context, t *testing.T, cond, what string) {
	t.Helper()
	wait, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if _, err := chromedp.Run(wait, chromedp.Poll[bool](cond)); err != nil {
		t.Fatalf("%s: %v (waiting for %s)", what, err, cond)
	}
}

// eval returns the value of a JavaScript expression.
func eval[T any](ctx context.Context, t *testing.T, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}

// click clicks the first element that matches selector.
func click(ctx context.Context, t *testing.T, selector string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(selector))); err != nil {
		t.Fatalf("click %s: %v", selector, err)
	}
}

// outputShape is a JavaScript function that describes a cell's output as
// a string: elements with their attributes, and non-blank text, leaving
// out the run time, which only the browser shows.
const outputShape = `(i) => {
	const shape = (n) => {
		if (n.nodeType === 3) return n.textContent.trim() === "" ? "" : JSON.stringify(n.textContent);
		if (n.nodeType !== 1 || n.classList.contains("time")) return "";
		const attrs = Array.from(n.attributes, (a) => a.name + "=" + JSON.stringify(a.value)).sort().join(" ");
		return "<" + n.localName + " " + attrs + ">" + Array.from(n.childNodes, shape).join("") + "</" + n.localName + ">";
	};
	return shape(document.querySelector('sql-cell[data-index="' + i + '"] .output'));
}`

func TestBrowserResults(t *testing.T) {
	ctx, _ := openLesson(t, map[string]string{"shapes.md": shapesLesson}, "shapes")
	const cells = 4
	server := make([]string, cells)
	for i := range cells {
		server[i] = eval[string](ctx, t, fmt.Sprintf("(%s)(%d)", outputShape, i))
	}
	// Running the last cell reruns them all in the browser, which renders
	// every result again: it must read as the server rendered it.
	click(ctx, t, `sql-cell[data-index="3"] .toolbar button`)
	poll(ctx, t, `document.querySelector('sql-cell[data-index="0"] .changes .time') !== null`, "browser rendering")
	for i := range cells {
		if got := eval[string](ctx, t, fmt.Sprintf("(%s)(%d)", outputShape, i)); got != server[i] {
			t.Errorf("cell %d: the browser renders\n%s\nthe server rendered\n%s", i, got, server[i])
		}
	}

	t.Run("an HTML payload is text", func(t *testing.T) {
		if got := text(ctx, t, `document.querySelector('sql-cell[data-index="2"] tbody td:nth-child(2)').textContent`); got != `<img src=x onerror="document.title=1">` {
			t.Errorf("got %q, want the literal text", got)
		}
		if n := eval[int](ctx, t, `document.querySelectorAll("img").length`); n != 0 {
			t.Errorf("got %d img elements, want none", n)
		}
		if got := text(ctx, t, `document.title`); got != "Result shapes · dbtour" {
			t.Errorf("document.title: got %q, the payload ran", got)
		}
	})
	t.Run("blobs as shortened hex with their length", func(t *testing.T) {
		got := text(ctx, t, `Array.from(document.querySelectorAll('sql-cell[data-index="2"] tbody td:first-child'), (td) => td.className + ":" + td.textContent).join("|")`)
		want := "blob:x'cafe' (2 bytes)|blob:x'" + strings.Repeat("00", 16) + "…' (2,048 bytes)|null:NULL"
		if got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	})
	t.Run("long text clipped, expands", func(t *testing.T) {
		td := `document.querySelector('sql-cell[data-index="2"] tbody td.long')`
		full := "long " + strings.Repeat("ab", 150)
		if got := text(ctx, t, td+`.querySelector(".head").textContent`); got != full[:160]+"…" {
			t.Errorf("clipped text: got %q", got)
		}
		if got := text(ctx, t, td+`.querySelector(".more").textContent`); got != "305 characters" {
			t.Errorf("expand control: got %q", got)
		}
		if eval[bool](ctx, t, td+`.querySelector(".all").checkVisibility()`) {
			t.Error("the full text shows before the reader expands it")
		}
		click(ctx, t, `sql-cell[data-index="2"] tbody td.long summary`)
		if !eval[bool](ctx, t, td+`.querySelector(".all").checkVisibility()`) || text(ctx, t, td+`.querySelector(".all").textContent`) != full {
			t.Error("after a click on the control the full text is not shown")
		}
	})
	t.Run("line breaks and spaces in text kept", func(t *testing.T) {
		if got := text(ctx, t, `document.querySelector('sql-cell[data-index="2"] tbody td:nth-child(4)').innerText`); got != "two\n  lines" {
			t.Errorf("got %q", got)
		}
	})
	t.Run("NULL distinct, numbers right-aligned", func(t *testing.T) {
		got := text(ctx, t, `Array.from(document.querySelectorAll('sql-cell[data-index="1"] th, sql-cell[data-index="1"] tbody tr:nth-child(2) td'),
			(c) => c.textContent + ":" + getComputedStyle(c).textAlign + ":" + getComputedStyle(c).fontStyle).join("|")`)
		want := "label:left:normal|n:right:normal|r:right:normal|beta:left:normal|5:right:normal|NULL:left:italic"
		if got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	})
	t.Run("truncation notice, scrolls in its own box", func(t *testing.T) {
		if got := text(ctx, t, `document.querySelector('sql-cell[data-index="3"] .note').textContent`); got != "Showing the first 1,000 of 1,500 rows." {
			t.Errorf("got %q", got)
		}
		if !eval[bool](ctx, t, `(() => { const g = document.querySelector('sql-cell[data-index="3"] .grid'); return g.scrollHeight > g.clientHeight && document.documentElement.scrollWidth <= innerWidth; })()`) {
			t.Error("a long result does not scroll inside its own box")
		}
	})
	t.Run("rows changed and time", func(t *testing.T) {
		got := text(ctx, t, `Array.from(document.querySelectorAll('sql-cell[data-index="0"] .changes'), (p) => p.textContent).join("|")`)
		parts := strings.Split(got, "|")
		if len(parts) != 3 || !strings.HasPrefix(parts[0], "Done. ") || !strings.HasPrefix(parts[2], "3 rows changed. ") || !strings.HasSuffix(parts[2], " ms") {
			t.Errorf("got %q, want Done. and 3 rows changed. with times in ms", got)
		}
	})
	t.Run("tables have captions and column headers", func(t *testing.T) {
		got := text(ctx, t, `Array.from(document.querySelectorAll("sql-cell table"), (t) => (t.caption ? t.caption.textContent : "NONE") + ":" + Array.from(t.tHead.rows[0].cells, (th) => th.scope).join(",")).join("|")`)
		if !strings.HasPrefix(got, "select label, n, r from t order by id;:col,col,col|select b,") || strings.Contains(got, "NONE") {
			t.Errorf("got %q", got)
		}
	})
}
