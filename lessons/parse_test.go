package lessons

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	t.Parallel()
	src := "---\ntitle: \"Demo: one\"\nsummary: A demo.\norder: 3\n---\n\n# Hello\n\nSome *prose*.\n\n```sql setup\ncreate table t(x);\n```\n\n```sql\nselect 1;\n\nselect 2;\n```\n\n```go\nfmt.Println()\n```\n"
	l, err := Parse("demo.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if l.Slug != "demo" || l.Title != "Demo: one" || l.Summary != "A demo." || l.Order != 3 {
		t.Errorf("got front matter %q %q %q %d", l.Slug, l.Title, l.Summary, l.Order)
	}
	cells := l.Cells()
	want := []Cell{
		{Kind: Setup, Source: "create table t(x);", Line: 11},
		{Kind: Query, Source: "select 1;\n\nselect 2;", Line: 15},
	}
	if len(cells) != len(want) {
		t.Fatalf("got %d cells, want %d", len(cells), len(want))
	}
	for i := range want {
		if !reflect.DeepEqual(*cells[i], want[i]) {
			t.Errorf("cell %d: got %+v, want %+v", i, *cells[i], want[i])
		}
	}
	if len(l.Blocks) != 4 {
		t.Fatalf("got %d blocks, want prose, setup, query, prose", len(l.Blocks))
	}
	if got := l.Blocks[0].HTML; !strings.Contains(got, `<h1 id="hello">Hello</h1>`) || !strings.Contains(got, "<em>prose</em>") {
		t.Errorf("prose: got %q", got)
	}
	if got := l.Blocks[3].HTML; !strings.Contains(got, `<code class="language-go">`) {
		t.Errorf("a go fence stays prose: got %q", got)
	}
}

func TestParseErrors(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name, src, want string
	}{
		{"no front matter", "# Hi\n", "x.md:1: want front matter starting with ---"},
		{"unclosed front matter", "---\ntitle: x\n", "x.md:1: front matter is not closed by ---"},
		{"no title", "---\norder: 1\n---\n", "x.md:3: front matter has no title"},
		{"bad key", "---\ntitle: x\nauthor: me\n---\n", `x.md:3: unknown front matter key "author" (want title, summary or order)`},
		{"bad order", "---\ntitle: x\norder: first\n---\n", `x.md:3: order: want a whole number, got "first"`},
		{"unknown cell kind", "---\ntitle: x\n---\ntext\n\n```sql exercize\nselect 1;\n```\n", `x.md:6: unknown cell kind "sql exercize" (want ` + "```sql, ```sql setup, ```sql exercise [ordered], ```sql solution, ```sql check or ```hint)"},
		{"empty cell", "---\ntitle: x\n---\n```sql\n\n```\n", "x.md:4: empty ```sql block"},
		{"exercise without solution", "---\ntitle: x\n---\n```sql exercise\nselect 1;\n```\n", "x.md:4: exercise has no ```sql solution after it"},
		{"solution without exercise", "---\ntitle: x\n---\n```sql\nselect 1;\n```\n\n```sql solution\nselect 2;\n```\n", "x.md:8: ```sql solution must follow a ```sql exercise (or its other parts) directly"},
		{"prose between", "---\ntitle: x\n---\n```sql exercise\nselect 1;\n```\n\nNow:\n\n```hint\nthink\n```\n", "x.md:10: ```hint must follow a ```sql exercise (or its other parts) directly"},
		{"no cells", "---\ntitle: x\n---\njust prose\n", "x.md:1: a lesson needs at least one ```sql cell"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("x.md", []byte(tt.src))
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("got %v, want a *lessons.Error", err)
			}
			if err.Error() != tt.want {
				t.Errorf("got %q, want %q", err, tt.want)
			}
		})
	}
}

func TestLoadEmbedded(t *testing.T) {
	t.Parallel()
	c, err := Load(Content())
	if err != nil {
		t.Fatal(err)
	}
	if c.Lessons[0].Slug != "first-database" || c.Lessons[0].Order != 1 {
		t.Errorf("first lesson: got %q (order %d)", c.Lessons[0].Slug, c.Lessons[0].Order)
	}
}

func TestParseExercise(t *testing.T) {
	t.Parallel()
	src := "---\ntitle: x\n---\n```sql setup\ncreate table t(a);\n```\n\n```sql exercise ordered\n-- your query\n```\n\n```sql solution\nselect a from t order by a;\n```\n\n```sql check\nselect count(*) from t;\n```\n\n```hint\nUse order by.\n```\n\n```hint\nDescending is desc.\n```\n"
	l, err := Parse("x.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	cells := l.Cells()
	if len(cells) != 2 {
		t.Fatalf("got %d cells, want setup and exercise", len(cells))
	}
	ex := cells[1]
	if ex.Kind != Exercise || !ex.Ordered || ex.Source != "-- your query" || ex.Solution != "select a from t order by a;" ||
		ex.Check != "select count(*) from t;" || strings.Join(ex.Hints, "|") != "Use order by.|Descending is desc." || ex.Line != 8 {
		t.Errorf("got %+v", ex)
	}
}
