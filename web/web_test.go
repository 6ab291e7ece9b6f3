package web

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/a-h/templ"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.html")

func render(t *testing.T, c templ.Component) (*goquery.Document, []byte) {
	t.Helper()
	var b bytes.Buffer
	if err := c.Render(context.Background(), &b); err != nil {
		t.Fatal(err)
	}
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	return doc, b.Bytes()
}

// sampleLesson has one cell of each interesting shape.
func sampleLesson() LessonView {
	return LessonView{
		Site:  Site{Root: "../../", Assets: "../../static/v1/"},
		Title: "Sample",
		Blocks: []BlockView{
			{HTML: "<p>Intro.</p>"},
			{Cell: &CellView{Index: 0, Setup: true, Source: "create table t(x);",
				Result: ResultView{Statements: []StatementView{{SQL: "create table t(x);"}}}}},
			{Cell: &CellView{Index: 1, Source: "select * from t; insert into t values (1)",
				Result: ResultView{Statements: []StatementView{
					{SQL: "select * from t;", Columns: []string{"x", "<b>y</b>"}, Truncated: true, TotalRows: 7, Rows: [][]any{
						{nil, int64(42)}, {1234567.5, []byte{0xca, 0xfe}}, {`<img src=x onerror="alert(1)">`, 1e-7},
					}},
					{SQL: "insert into t values (1)", Changes: 1},
				}}}},
			{Cell: &CellView{Index: 2, Source: "selec 1",
				Result: ResultView{Statements: []StatementView{}, Error: &ErrorView{
					Message: `near "selec": syntax error`, Line: 1, Column: 1}}}},
		},
		Next: &LessonLink{Href: "../../lessons/next/", Title: "Next one"},
	}
}

func TestLessonPage(t *testing.T) {
	t.Parallel()
	doc, html := render(t, LessonPage(sampleLesson()))

	if got := doc.Find(`db-panel[data-testid=dbpanel]`).Length(); got != 1 {
		t.Errorf("got %d database panels, want 1 on a page with cells", got)
	}
	cells := doc.Find(`[data-testid=cell]`)
	if got := cells.Length(); got != 3 {
		t.Fatalf("got %d cells, want 3", got)
	}
	if got := doc.Find(`details.setup [data-testid=cell]`).AttrOr("data-index", ""); got != "0" {
		t.Errorf("setup cell: got index %q inside <details>, want 0", got)
	}
	query := cells.Eq(1)
	if got := query.Find("pre.source code").Text(); got != "select * from t; insert into t values (1)" {
		t.Errorf("source: got %q", got)
	}
	var cellsText [][]string
	query.Find("tbody tr").Each(func(_ int, tr *goquery.Selection) {
		var row []string
		tr.Find("td").Each(func(_ int, td *goquery.Selection) { row = append(row, td.Text()+"|"+td.AttrOr("class", "")) })
		cellsText = append(cellsText, row)
	})
	want := [][]string{
		{"NULL|null", "42|num"},
		{"1234567.5|num", "x'cafe' (2 bytes)|blob"},
		{`<img src=x onerror="alert(1)">|text`, "1.0e-07|num"},
	}
	if strings.Join(flatten(cellsText), ",") != strings.Join(flatten(want), ",") {
		t.Errorf("values: got %v, want %v", cellsText, want)
	}
	if query.Find("img").Length() != 0 || query.Find("th b").Length() != 0 {
		t.Error("a value or column name became HTML")
	}
	if got := query.Find(".caption").Length(); got != 2 {
		t.Errorf("got %d statement captions, want 2 for a two-statement cell", got)
	}
	if got := query.Find(".changes").Text(); got != "1 row changed." {
		t.Errorf("changes: got %q", got)
	}
	if got := query.Find(".note").Text(); got != "Showing the first 3 of 7 rows." {
		t.Errorf("truncation note: got %q", got)
	}
	if got := cells.Eq(2).Find("[data-testid=error]").Text(); got != `Line 1, column 1: near "selec": syntax error` {
		t.Errorf("error: got %q", got)
	}
	if got := doc.Find(`[data-testid=pager] a[rel=next]`).AttrOr("href", ""); got != "../../lessons/next/" {
		t.Errorf("next link: got %q", got)
	}
	if doc.Find(`[data-testid=pager] a[rel=prev]`).Length() != 0 {
		t.Error("a first lesson has no previous link")
	}
	golden(t, "lesson", html)
}

func TestIndexPage(t *testing.T) {
	t.Parallel()
	doc, _ := render(t, IndexPage(IndexView{Site: Site{Assets: "static/v1/"}, Title: "Course", Lessons: []LessonLink{
		{Href: "lessons/a/", Title: "A", Summary: "First.", Exercises: 2, Part: "SQL basics"}, {Href: "lessons/b/", Title: "B", Part: "Go"},
	}}))
	var parts []string
	doc.Find(`[data-testid=toc] [data-testid=part]`).Each(func(_ int, p *goquery.Selection) {
		parts = append(parts, p.Find("h2").Text()+": "+p.Find("ol").AttrOr("start", "?")+". "+p.Find("li a").Text())
	})
	if got := strings.Join(parts, " | "); got != "SQL basics: 1. A | Go: 2. B" {
		t.Errorf("parts: got %q, want each lesson under its part's heading", got)
	}
	var marks []string
	doc.Find(`[data-testid=toc] li`).Each(func(_ int, li *goquery.Selection) {
		marks = append(marks, li.AttrOr("data-exercises", "?")+":"+strconv.Itoa(li.Find("[data-testid=progress]").Length()))
	})
	if got := strings.Join(marks, ","); got != "2:1,0:1" {
		t.Errorf("progress marks (exercises:slots): got %s, want 2:1,0:1", got)
	}
	links := doc.Find(`[data-testid=toc] a`)
	if links.Length() != 2 || links.Eq(1).AttrOr("href", "") != "lessons/b/" {
		t.Errorf("toc: got %d links", links.Length())
	}
	if got := doc.Find(`link[rel=stylesheet]`).AttrOr("href", ""); got != "static/v1/css/dbtour.css" {
		t.Errorf("stylesheet: got %q, want a path relative to the root", got)
	}
}

func flatten(rows [][]string) []string {
	var out []string
	for _, r := range rows {
		out = append(out, r...)
	}
	return out
}

// golden compares got with testdata/NAME.golden.html; -update rewrites it.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden.html")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./web -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the rendered page; if the change is intended, run go test ./web -update", path)
	}
}

func TestClip(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("é", TextShown) + "rest"
	for _, tt := range []struct {
		name, s, head string
		ok            bool
	}{
		{"short", "abc", "", false},
		{"exactly the limit", strings.Repeat("a", TextShown), "", false},
		{"long, counted in characters", long, strings.Repeat("é", TextShown), true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			head, ok := Clip(tt.s)
			if head != tt.head || ok != tt.ok {
				t.Errorf("Clip: got %q %v, want %q %v", head, ok, tt.head, tt.ok)
			}
		})
	}
}

func TestCount(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		n    int
		want string
	}{
		{0, "0 rows"}, {1, "1 row"}, {999, "999 rows"}, {1000, "1,000 rows"}, {1234567, "1,234,567 rows"}, {-1500, "-1,500 rows"},
	} {
		if got := Count(tt.n, "row"); got != tt.want {
			t.Errorf("Count(%d): got %q, want %q", tt.n, got, tt.want)
		}
	}
}

func TestKeepSpace(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ in, want string }{
		{"a b", "a b"},
		{"two\n  lines", "two&#10;&#32;&#32;lines"},
		{" edge ", "&#32;edge&#32;"},
		{"tab\there", "tab&#9;here"},
		{`<b> & "q"`, "&lt;b&gt; &amp; &#34;q&#34;"},
		{"é ü", "é ü"},
	} {
		if got := keepSpace(tt.in); got != tt.want {
			t.Errorf("keepSpace(%q): got %q, want %q", tt.in, got, tt.want)
		}
	}
}
