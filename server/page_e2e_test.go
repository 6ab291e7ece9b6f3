//go:build e2e

package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	pngpkg "image/png"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chromedp/cdproto/emulation"
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
	"insert into t (label, n, r, b) values ('alpha', 3, 1.5, x'cafe'), ('beta', 5, null, zeroblob(2048)), ('gamma', -2, 7.0, null);\n" +
	"```\n\n" +
	"```sql\nselect label, n, r from t order by id;\n```\n\n" +
	"```sql\nselect b, '<img src=x onerror=\"document.title=1\">' as v,\n" +
	"  'long ' || replace(hex(zeroblob(150)), '00', 'ab') as t, 'two\n  lines' as w from t order by id;\n```\n\n" +
	"```sql\nwith recursive c(x) as (select 1 union all select x + 1 from c limit 1500) select x from c;\n```\n"

// openLesson serves a course of the given lessons (file name → Markdown;
// nil for dbtour's own course) and opens the page of slug in a new
// browser. It returns the browser and the site's address.
func openLesson(t *testing.T, files map[string]string, slug string) (context.Context, string) {
	t.Helper()
	var opts []option
	if files != nil {
		fsys := fstest.MapFS{}
		for name, text := range files {
			fsys[name] = &fstest.MapFile{Data: []byte(text)}
		}
		opts = append(opts, withLessons(fsys))
	}
	s, err := newServer(context.Background(), opts...)
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
	// A Run renders its cell's result in the browser: it must read as the
	// server rendered it.
	for i := range cells {
		click(ctx, t, fmt.Sprintf(`sql-cell[data-index="%d"] .toolbar button`, i))
		poll(ctx, t, fmt.Sprintf(`document.querySelector('sql-cell[data-index="%d"]').getAttribute("aria-busy") === "false"`, i), "the run to end")
	}
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

// dbState is the database panel's state label.
const dbState = `document.querySelector("[data-testid=db-state]").textContent`

// source is the text of cell i's editor.
func source(i int) string {
	return fmt.Sprintf(`document.querySelector('sql-cell[data-index="%d"]').source`, i)
}

func TestBrowserDatabasePanel(t *testing.T) {
	ctx, _ := openLesson(t, map[string]string{"shapes.md": shapesLesson}, "shapes")
	tables := `Array.from(document.querySelectorAll("[data-testid=schema] .tables > li"),
		(li) => Array.from(li.querySelectorAll("h3, li"), (e) => e.textContent).join(" / ")).join(" | ")`
	poll(ctx, t, dbState+` === "fresh"`, "database state after the page's first run")
	want := "t / id INTEGER primary key / label TEXT not null / n INTEGER / r REAL / b BLOB / unique (label) / index t_n (n)"
	if got := text(ctx, t, tables); got != want {
		t.Errorf("schema: got %q, want %q", got, want)
	}

	t.Run("a run that changes the database", func(t *testing.T) {
		if err := typeInto(ctx, 1, "create table extra (x integer references t(id));\nselect 1 as one"); err != nil {
			t.Fatal(err)
		}
		click(ctx, t, `sql-cell[data-index="1"] .toolbar button`)
		poll(ctx, t, dbState+` === "modified"`, "state after a run that adds a table")
		if got := text(ctx, t, tables); !strings.HasPrefix(got, "extra / x INTEGER → t(id) | t / id") {
			t.Errorf("schema after the run: got %q", got)
		}
	})
	t.Run("reset database", func(t *testing.T) {
		click(ctx, t, `[data-action=reset-db]`)
		poll(ctx, t, dbState+` === "fresh"`, "state after Reset database")
		if got := text(ctx, t, source(1)); got != "select label, n, r from t order by id;" {
			t.Errorf("the cell that changed the database holds %q, want the lesson's SQL", got)
		}
		if got := text(ctx, t, tables); got != want {
			t.Errorf("schema after Reset: got %q", got)
		}
		if eval[bool](ctx, t, `document.querySelector("[data-action=reset-db]").checkVisibility()`) {
			t.Error("Reset database shows on a fresh database")
		}
	})
	t.Run("an edit that only reads keeps it fresh", func(t *testing.T) {
		if err := typeInto(ctx, 2, "select count(*) as n from t"); err != nil {
			t.Fatal(err)
		}
		click(ctx, t, `sql-cell[data-index="2"] .toolbar button`)
		waitRows(ctx, t, 2, [][][]string{{{"3"}}})
		if got := text(ctx, t, dbState); got != "fresh" {
			t.Errorf("state after a read-only edit: got %q, want fresh", got)
		}
	})
	t.Run("reset page asks, then restores every cell", func(t *testing.T) {
		if err := typeInto(ctx, 0, "create table t (a);"); err != nil {
			t.Fatal(err)
		}
		click(ctx, t, `[data-action=reset-page]`)
		poll(ctx, t, `document.querySelector("[data-testid=reset-page-dialog]").open`, "confirmation")
		click(ctx, t, `[data-action=cancel-reset]`)
		if got := text(ctx, t, source(0)); got != "create table t (a);" {
			t.Errorf("after Cancel: got %q, want the edit kept", got)
		}
		click(ctx, t, `[data-action=reset-page]`)
		click(ctx, t, `[data-action=confirm-reset]`)
		for i, prefix := range []string{"create table t (id integer primary key", "select label, n, r", "select b, '<img", "with recursive"} {
			if got := text(ctx, t, source(i)); !strings.HasPrefix(got, prefix) {
				t.Errorf("cell %d after Reset page: got %q, want the lesson's SQL", i, got)
			}
		}
		if got := text(ctx, t, `document.querySelector('sql-cell[data-index="2"] tbody td').textContent`); got != "x'cafe' (2 bytes)" {
			t.Errorf("cell 2 shows %q after Reset page, want the lesson's result", got)
		}
		poll(ctx, t, dbState+` === "fresh"`, "state after Reset page")
		if err := chromedp.Do(ctx, chromedp.Reload(), chromedp.WaitVisible(cell(0))); err != nil {
			t.Fatal(err)
		}
		if got := text(ctx, t, source(0)); !strings.HasPrefix(got, "create table t (id") {
			t.Errorf("after Reset page and a reload: got %q", got)
		}
	})
}

func TestBrowserPlan(t *testing.T) {
	ctx, _ := openLesson(t, map[string]string{"shapes.md": shapesLesson}, "shapes")
	plan := `document.querySelector('sql-cell[data-index="1"] [data-testid=plan]')`
	planText := `Array.from(` + plan + `.querySelectorAll("li"), (li) => li.firstChild.textContent).join(" | ")`
	click(ctx, t, `sql-cell[data-index="1"] [data-action=plan]`)
	poll(ctx, t, plan+` !== null`, "plan")
	if got := text(ctx, t, planText); got != "SCAN t" {
		t.Errorf("plan: got %q, want SCAN t", got)
	}
	if got := text(ctx, t, `document.querySelector('sql-cell[data-index="1"] [data-action=plan]').getAttribute("aria-expanded")`); got != "true" {
		t.Errorf("Plan button aria-expanded: got %s", got)
	}
	click(ctx, t, `sql-cell[data-index="1"] [data-action=plan]`)
	if eval[bool](ctx, t, plan+` !== null`) {
		t.Error("a second click does not hide the plan")
	}

	// Each statement is planned after the ones before it ran: the index
	// made in the cell is the one the query uses, and a subquery is a
	// child in the tree.
	if err := typeInto(ctx, 1, "create table u (a, b);\ncreate index u_a on u(a);\nselect * from u where a = 1 and b in (select n from t where n > 2)"); err != nil {
		t.Fatal(err)
	}
	click(ctx, t, `sql-cell[data-index="1"] [data-action=plan]`)
	poll(ctx, t, plan+` !== null`, "plan")
	got := text(ctx, t, `Array.from(`+plan+`.querySelectorAll(":scope > .stmt li"), (li) => (li.parentElement.closest("li") ? "  " : "") + li.firstChild.textContent).join(" | ")`)
	if !strings.Contains(got, "SEARCH u USING INDEX u_a (a=?)") || !strings.Contains(got, "|   SEARCH t USING COVERING INDEX t_n (n>?)") {
		t.Errorf("plan of a cell that makes its index: got %q", got)
	}
	if got := text(ctx, t, plan+`.querySelectorAll(".stmt").length + ""`); got != "1" {
		t.Errorf("got %s statements with plans, want 1 (create statements have none)", got)
	}
}

func TestBrowserChart(t *testing.T) {
	ctx, _ := openLesson(t, map[string]string{"shapes.md": shapesLesson}, "shapes")
	const c1 = `sql-cell[data-index="1"] `
	if got := text(ctx, t, `Array.from(document.querySelectorAll("sql-cell"), (c) => c.querySelectorAll(".views button").length).join(",")`); got != "0,3,0,0" {
		t.Errorf("chart toggles per cell: got %s, want only the label+numbers result (3 buttons)", got)
	}
	click(ctx, t, c1+`[data-view=bar]`)
	if !eval[bool](ctx, t, `document.querySelector('`+c1+`.grid').hidden && document.querySelector('`+c1+`[data-testid=chart] svg').checkVisibility()`) {
		t.Fatal("Bar does not swap the table for a chart")
	}
	got := text(ctx, t, `Array.from(document.querySelectorAll('`+c1+`svg rect title'), (t) => t.textContent).join(" | ")`)
	if want := "alpha · n: 3 | alpha · r: 1.5 | beta · n: 5 | gamma · n: -2 | gamma · r: 7"; got != want {
		t.Errorf("bars: got %q, want %q", got, want)
	}
	if got := text(ctx, t, `document.querySelector('`+c1+`.legend').textContent`); got != "nr" {
		t.Errorf("legend: got %q", got)
	}
	// The negative value's bar lies left of the zero line.
	if !eval[bool](ctx, t, `(() => { const rs = document.querySelectorAll('`+c1+`svg rect'); const zero = Number(document.querySelector('`+c1+`svg line.axis').getAttribute("x1"));
		return Number(rs[3].getAttribute("x")) + Number(rs[3].getAttribute("width")) <= zero + 0.01 && Number(rs[2].getAttribute("x")) >= zero - 0.01; })()`) {
		t.Error("bars are not drawn from a zero line")
	}
	light := text(ctx, t, `getComputedStyle(document.querySelector('`+c1+`svg rect')).fill`)
	click(ctx, t, `[data-testid=theme-toggle]`)
	if dark := text(ctx, t, `getComputedStyle(document.querySelector('`+c1+`svg rect')).fill`); dark == light {
		t.Errorf("bar colour %s is the same in dark mode", dark)
	}
	click(ctx, t, c1+`[data-view=line]`)
	// n is one line through three points; r has a NULL between its two
	// values, so it is two points and no line.
	if got := eval[string](ctx, t, `document.querySelectorAll('`+c1+`svg polyline').length + "," + document.querySelectorAll('`+c1+`svg circle').length`); got != "1,5" {
		t.Errorf("got %s lines,points; want 1,5", got)
	}
	click(ctx, t, c1+`[data-view=table]`)
	if !eval[bool](ctx, t, `document.querySelector('`+c1+`.grid').checkVisibility() && document.querySelector('`+c1+`[data-testid=chart]').hidden`) {
		t.Error("Table does not bring the table back")
	}
}

// courseLessons are two lessons, the first with an exercise, for progress
// and navigation.
var courseLessons = map[string]string{
	"one.md": "---\ntitle: One\nsummary: The first.\norder: 1\n---\n\n```sql\ncreate table t (a);\n```\n\n" +
		"```sql exercise\nselect 1;\n```\n\n```sql solution\nselect 2 as two;\n```\n",
	"two.md": "---\ntitle: Two\nsummary: The second.\norder: 2\n---\n\n```sql\nselect 3;\n```\n",
}

func TestBrowserProgress(t *testing.T) {
	ctx, base := openLesson(t, courseLessons, "one")
	marks := `Array.from(document.querySelectorAll("[data-testid=toc] li"), (li) => li.querySelector("a").textContent + ": " + li.querySelector("[data-testid=progress]").textContent).join(" | ")`
	if err := typeInto(ctx, 1, "select 2 as two"); err != nil {
		t.Fatal(err)
	}
	click(ctx, t, `sql-cell[data-index="1"] [data-action=check]`)
	poll(ctx, t, `document.querySelector("[data-testid=feedback]").textContent.includes("Correct")`, "exercise solved")
	if got := text(ctx, t, `document.querySelector("[data-testid=pager] a[rel=next]").textContent`); got != "Two →" {
		t.Errorf("next link: got %q", got)
	}

	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=toc]`))); err != nil {
		t.Fatal(err)
	}
	poll(ctx, t, `document.querySelector("[data-testid=progress]").textContent !== ""`, "progress marks")
	if got, want := text(ctx, t, marks), "One: ✓ Visited · 1 of 1 exercise solved | Two: "; got != want {
		t.Errorf("table of contents: got %q, want %q", got, want)
	}
	// Follow the link to the second lesson with the keyboard alone, then
	// come back by its previous link.
	if err := chromedp.Do(ctx, chromedp.Focus(chromedp.CSS(`[data-testid=toc] li:nth-child(2) a`)), chromedp.KeyEvent("\r"),
		chromedp.WaitVisible(cell(0)), chromedp.Click(chromedp.CSS(`[data-testid=pager] a[rel=prev]`)), chromedp.WaitVisible(cell(0)),
		chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=toc]`))); err != nil {
		t.Fatal(err)
	}
	poll(ctx, t, `document.querySelectorAll("[data-testid=progress].visited").length === 2`, "both lessons visited")
	if got, want := text(ctx, t, marks), "One: ✓ Visited · 1 of 1 exercise solved | Two: ✓ Visited"; got != want {
		t.Errorf("table of contents: got %q, want %q", got, want)
	}
}

// contrastFailures is a JavaScript expression listing the page's visible
// text whose colour has less than 4.5:1 contrast (WCAG AA) against the
// background behind it, after how many texts it checked.
const contrastFailures = `(() => {
	const rgb = (c) => (c.match(/[\d.]+/g) || []).map(Number);
	const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
		.reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
	const background = (el) => {
		for (; el; el = el.parentElement) {
			const c = rgb(getComputedStyle(el).backgroundColor);
			if (c.length === 3 || c[3] > 0) return c.slice(0, 3);
		}
		return rgb(getComputedStyle(document.body).backgroundColor);
	};
	const bad = [];
	let checked = 0;
	const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
	for (let n = walker.nextNode(); n; n = walker.nextNode()) {
		const el = n.parentElement;
		if (n.textContent.trim() === "" || !el.checkVisibility({ opacityProperty: true }) || el.closest("svg")) continue;
		checked++;
		const fg = lum(rgb(getComputedStyle(el).color)), bg = lum(background(el));
		const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
		if (ratio < 4.5) bad.push(el.localName + "." + el.className + " " + JSON.stringify(n.textContent.trim().slice(0, 20)) + " " + ratio.toFixed(2));
	}
	return checked + " checked; " + bad.join("; ");
})()`

// checkContrast fails t when text on the page is below AA contrast, or
// when too little text was checked for the check to mean anything.
func checkContrast(ctx context.Context, t *testing.T, mode string) {
	t.Helper()
	got := text(ctx, t, contrastFailures)
	n, bad, _ := strings.Cut(got, " checked; ")
	if bad != "" {
		t.Errorf("%s mode, text below AA contrast: %s", mode, bad)
	}
	if checked, err := strconv.Atoi(n); err != nil || checked < 100 {
		t.Errorf("%s mode: contrast checked on %s texts, want the whole page's", mode, n)
	}
}

// setColorScheme makes the browser prefer light or dark.
func setColorScheme(ctx context.Context, t *testing.T, scheme string) {
	t.Helper()
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
	}); err != nil {
		t.Fatal(err)
	}
}

// keyword is the colour of the first SQL keyword in cell 1's editor,
// which lives in a shadow root.
const keyword = `(() => { const root = document.querySelector('sql-cell[data-index="1"] .editor').shadowRoot;
	const span = Array.from(root.querySelectorAll(".cm-line span")).find((s) => s.textContent === "create");
	return getComputedStyle(span).color; })()`

func TestBrowserLookAndReach(t *testing.T) {
	ctx, base := openLesson(t, nil, "first-database")
	bg := `getComputedStyle(document.body).backgroundColor`
	setColorScheme(ctx, t, "light")
	poll(ctx, t, `document.querySelector("[data-testid=db-state]").textContent === "fresh"`, "page ready")
	if got := text(ctx, t, bg); got != "rgb(253, 252, 250)" {
		t.Errorf("light background: got %s", got)
	}
	checkContrast(ctx, t, "light")
	if got := text(ctx, t, keyword); got != "rgb(138, 42, 158)" {
		t.Errorf("light editor keyword colour: got %s", got)
	}

	t.Run("dark by the system, and by the toggle, kept", func(t *testing.T) {
		setColorScheme(ctx, t, "dark")
		if got := text(ctx, t, bg); got != "rgb(22, 24, 27)" {
			t.Errorf("dark background by the system: got %s", got)
		}
		setColorScheme(ctx, t, "light")
		click(ctx, t, `[data-testid=theme-toggle]`)
		if got := text(ctx, t, bg); got != "rgb(22, 24, 27)" {
			t.Errorf("dark background by the toggle: got %s", got)
		}
		if err := chromedp.Do(ctx, chromedp.Reload(), chromedp.WaitVisible(cell(1))); err != nil {
			t.Fatal(err)
		}
		if got := text(ctx, t, bg+` + " " + document.querySelector("[data-testid=theme-toggle]").getAttribute("aria-pressed")`); got != "rgb(22, 24, 27) true" {
			t.Errorf("after a reload: got %s, want the dark choice kept", got)
		}
		poll(ctx, t, `document.querySelector("[data-testid=db-state]").textContent === "fresh"`, "page ready")
		checkContrast(ctx, t, "dark")
		if got := text(ctx, t, keyword); got != "rgb(210, 168, 255)" {
			t.Errorf("dark editor keyword colour: got %s", got)
		}
	})

	t.Run("keyboard only", func(t *testing.T) {
		run := `document.querySelector('sql-cell[data-index="1"] .toolbar button')`
		if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`document.activeElement.blur(); window.scrollTo(0, 0)`)); err != nil {
			t.Fatal(err)
		}
		for range 40 {
			if eval[bool](ctx, t, `document.activeElement === `+run) {
				break
			}
			if err := chromedp.Do(ctx, chromedp.KeyEvent("\t")); err != nil {
				t.Fatal(err)
			}
		}
		if !eval[bool](ctx, t, `document.activeElement === `+run) {
			t.Fatalf("Tab never reached the second cell's Run button (at %s)", text(ctx, t, `document.activeElement.outerHTML.slice(0, 80)`))
		}
		if got := text(ctx, t, `getComputedStyle(document.activeElement).outlineStyle`); got != "solid" {
			t.Errorf("focused button outline: got %s, want a visible one", got)
		}
		if err := chromedp.Do(ctx, chromedp.KeyEvent("\r")); err != nil {
			t.Fatal(err)
		}
		poll(ctx, t, `document.querySelector('sql-cell[data-index="1"] .changes .time') !== null`, "run by the keyboard")
	})

	t.Run("a 360 px phone", func(t *testing.T) {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(360, 780), chromedp.Navigate(base+"/lessons/first-database/"), chromedp.WaitVisible(cell(0))); err != nil {
			t.Fatal(err)
		}
		// A wide result: it scrolls inside its own box, not the page.
		if err := typeInto(ctx, 3, "select *, title || ' by ' || author || ', a longer text for a wider table' as wide from books"); err != nil {
			t.Fatal(err)
		}
		click(ctx, t, `sql-cell[data-index="3"] .toolbar button`)
		poll(ctx, t, `document.querySelectorAll('sql-cell[data-index="3"] th').length === 5`, "wide result")
		if got := text(ctx, t, `document.documentElement.scrollWidth + " " + innerWidth`); got != "360 360" {
			t.Errorf("page width on a phone: got %s (scrollWidth, innerWidth), want no sideways scroll", got)
		}
		if !eval[bool](ctx, t, `(() => { const g = document.querySelector('sql-cell[data-index="3"] .grid'); return g.scrollWidth > g.clientWidth && g.getBoundingClientRect().right <= innerWidth; })()`) {
			t.Error("the wide result does not scroll inside its own box")
		}
	})
}

// screenshots is where TestBrowserScreenshots also writes its pictures
// (the README's are made with -args -screenshots=../docs).
var screenshots = flag.String("screenshots", "", "write the lesson page's screenshots (PNG) into this directory")

// TestBrowserScreenshots photographs a lesson page in light mode, in dark
// mode with a query plan and a chart open, and on a 360 px phone, and
// checks each picture is a whole PNG of the window's size.
func TestBrowserScreenshots(t *testing.T) {
	dir := *screenshots
	if dir == "" {
		dir = t.TempDir()
	}
	ctx, base := openLesson(t, nil, "first-database")
	ready := func() {
		t.Helper()
		poll(ctx, t, `document.querySelector("[data-testid=db-state]").textContent === "fresh"`, "page ready")
	}
	for _, shot := range []struct {
		name          string
		width, height int64
		scheme        string
		setUp         string // JavaScript run before the picture
	}{
		{"lesson-light", 1440, 1000, "light", `window.scrollTo(0, 0)`},
		{"lesson-dark", 1440, 1000, "dark", `(async () => {
			const cells = document.querySelectorAll("sql-cell");
			cells[4].querySelector("[data-view=bar]").click();
			cells[4].querySelector("[data-action=plan]").click();
			await new Promise((ok) => { const wait = () => (cells[4].querySelector("[data-testid=plan]") ? ok() : setTimeout(wait, 50)); wait(); });
			cells[4].scrollIntoView();
			window.scrollBy(0, -20);
		})()`},
		{"lesson-phone", 360, 780, "light", `window.scrollTo(0, document.querySelector('sql-cell[data-index="3"]').offsetTop - 260)`},
	} {
		t.Run(shot.name, func(t *testing.T) {
			setColorScheme(ctx, t, shot.scheme)
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(shot.width, shot.height), chromedp.Navigate(base+"/lessons/first-database/"), chromedp.WaitVisible(cell(0))); err != nil {
				t.Fatal(err)
			}
			ready()
			if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](shot.setUp, chromedp.EvalAwaitPromise)); err != nil {
				t.Fatal(err)
			}
			// CodeMirror measures an editor when it scrolls into view, a frame
			// later: wait for two frames to be drawn.
			if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](`new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))`, chromedp.EvalAwaitPromise)); err != nil {
				t.Fatal(err)
			}
			png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
			if err != nil {
				t.Fatal(err)
			}
			img, err := pngpkg.Decode(bytes.NewReader(png))
			if err != nil {
				t.Fatalf("screenshot is not a PNG: %v", err)
			}
			if b := img.Bounds(); int64(b.Dx()) != shot.width || int64(b.Dy()) != shot.height {
				t.Errorf("screenshot is %dx%d, want %dx%d", b.Dx(), b.Dy(), shot.width, shot.height)
			}
			if err := os.WriteFile(filepath.Join(dir, shot.name+".png"), png, 0o644); err != nil {
				t.Fatal(err)
			}
		})
	}
}
