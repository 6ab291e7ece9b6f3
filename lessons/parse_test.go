package lessons

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
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

func TestParseCellKinds(t *testing.T) {
	t.Parallel()
	src := "---\ntitle: Kinds\n---\n```csv table=people\nname,age\nAda,36\n```\n\n```sql fails\ninsert into people values (1);\n```\n\n```sql\nselect * from people where name = :name;\n```\n```params\nname = Ada\nnote =\n```\n\n```go orm=basics\n```\n```params\nlimit = 10\n```\n"
	l, err := Parse("kinds.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := []Cell{
		{Kind: CSV, Table: "people", Source: "name,age\nAda,36", Line: 4},
		{Kind: Query, Fails: true, Source: "insert into people values (1);", Line: 9},
		{Kind: Query, Source: "select * from people where name = :name;", Line: 13, Params: []Param{{"name", "Ada"}, {"note", ""}}},
		{Kind: Program, Program: "basics", Line: 21, Params: []Param{{"limit", "10"}}},
	}
	cells := l.Cells()
	if len(cells) != len(want) {
		t.Fatalf("got %d cells, want %d", len(cells), len(want))
	}
	for i := range want {
		if !reflect.DeepEqual(*cells[i], want[i]) {
			t.Errorf("cell %d: got %+v, want %+v", i, *cells[i], want[i])
		}
	}
	if got := cells[2].ParamMap(); !reflect.DeepEqual(got, map[string]string{"name": "Ada", "note": ""}) {
		t.Errorf("ParamMap: got %v", got)
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
		{"bad key", "---\ntitle: x\nauthor: me\n---\n", `x.md:3: unknown front matter key "author" (want title, summary, order or part)`},
		{"bad part", "---\ntitle: x\npart: Basics\n---\n", `x.md:3: part: want one of ["SQL basics" "Design" "SQL in depth" "Go" "Practice"], got "Basics"`},
		{"bad order", "---\ntitle: x\norder: first\n---\n", `x.md:3: order: want a whole number, got "first"`},
		{"unknown cell kind", "---\ntitle: x\n---\ntext\n\n```sql exercize\nselect 1;\n```\n", `x.md:6: unknown cell kind "sql exercize" (want ` + "```sql, ```sql fails, ```sql setup, ```sql exercise [ordered], ```sql solution, ```sql check, ```sql accept, ```sql reject, ```hint, ```params, ```csv table=NAME, ```go orm=NAME or ```go exercise)"},
		{"empty cell", "---\ntitle: x\n---\n```sql\n\n```\n", "x.md:4: empty ```sql block"},
		{"exercise without solution", "---\ntitle: x\n---\n```sql exercise\nselect 1;\n```\n", "x.md:4: exercise has no ```sql solution after it"},
		{"solution without exercise", "---\ntitle: x\n---\n```sql\nselect 1;\n```\n\n```sql solution\nselect 2;\n```\n", "x.md:8: ```sql solution must follow a ```sql exercise (or its other parts) directly"},
		{"two solutions", "---\ntitle: x\n---\n```sql exercise\nselect 1;\n```\n```sql solution\nselect 2;\n```\n```sql solution\nselect 3;\n```\n", "x.md:10: an exercise has one ```sql solution; this is a second"},
		{"two checks", "---\ntitle: x\n---\n```sql exercise\nselect 1;\n```\n```sql solution\nselect 2;\n```\n```sql check\nselect 3;\n```\n```sql check\nselect 4;\n```\n", "x.md:13: an exercise has one ```sql check; this is a second"},
		{"accept without exercise", "---\ntitle: x\n---\n```sql\nselect 1;\n```\n```sql accept\nselect 2;\n```\n", "x.md:7: ```sql accept must follow a ```sql exercise (or its other parts) directly"},
		{"reject without solution", "---\ntitle: x\n---\n```sql exercise\nselect 1;\n```\n```sql reject\nselect 2;\n```\n", "x.md:4: exercise has no ```sql solution after it"},
		{"prose between", "---\ntitle: x\n---\n```sql exercise\nselect 1;\n```\n\nNow:\n\n```hint\nthink\n```\n", "x.md:10: ```hint must follow a ```sql exercise (or its other parts) directly"},
		{"no cells", "---\ntitle: x\n---\njust prose\n", "x.md:1: a lesson needs at least one ```sql cell"},
		{"go solution after a sql exercise", "---\ntitle: x\n---\n```sql exercise\nselect 1;\n```\n```go solution\npackage programs\n```\n", "x.md:7: ```go solution after a ```sql exercise: write ```sql solution"},
		{"sql accept after a go exercise", "---\ntitle: x\n---\n```go exercise\npackage programs\n```\n```go solution\npackage programs\n```\n```sql accept\nselect 1;\n```\n", "x.md:10: ```sql accept after a ```go exercise: write ```go accept"},
		{"program with a body", "---\ntitle: x\n---\n```go orm=basics\nfunc main() {}\n```\n", "x.md:4: leave ```go orm=basics empty: the page shows the program's own source file"},
		{"bad program name", "---\ntitle: x\n---\n```go orm=a/b\n```\n", `x.md:4: ` + "```go orm=NAME: bad program name \"a/b\""},
		{"bad table name", "---\ntitle: x\n---\n```csv table=1x\na\n1\n```\n", `x.md:4: ` + "```csv table=NAME: bad table name \"1x\""},
		{"params after setup", "---\ntitle: x\n---\n```sql setup\nselect 1;\n```\n```params\na = 1\n```\n", "x.md:7: ```params must follow a ```sql or ```go orm=NAME cell directly, once"},
		{"params twice", "---\ntitle: x\n---\n```sql\nselect :a;\n```\n```params\na = 1\n```\n```params\nb = 1\n```\n", "x.md:10: ```params must follow a ```sql or ```go orm=NAME cell directly, once"},
		{"bad param line", "---\ntitle: x\n---\n```sql\nselect :a;\n```\n```params\na = 1\njust text\n```\n", `x.md:9: want name = value (a name is letters, digits and _), got "just text"`},
		{"param given twice", "---\ntitle: x\n---\n```sql\nselect :a;\n```\n```params\na = 1\na = 2\n```\n", `x.md:9: parameter "a" given twice`},
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
	if c.Lessons[0].Slug != "first-database" || c.Lessons[0].Part != Parts[0] {
		t.Errorf("first lesson: got %q (part %q)", c.Lessons[0].Slug, c.Lessons[0].Part)
	}
	for _, l := range c.Lessons {
		if l.Part == "" {
			t.Errorf("%s.md has no part", l.Slug)
		}
	}
}

func TestLoadPartsInOrder(t *testing.T) {
	t.Parallel()
	lesson := func(order int, part string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte(fmt.Sprintf("---\ntitle: x\norder: %d\npart: %s\n---\n```sql\nselect 1;\n```\n", order, part))}
	}
	for _, tt := range []struct {
		name string
		fsys fstest.MapFS
		want string
	}{
		{"in order", fstest.MapFS{"a.md": lesson(1, "SQL basics"), "b.md": lesson(2, "Go"), "c.md": lesson(3, "Go")}, ""},
		{"a part out of place", fstest.MapFS{"a.md": lesson(1, "SQL basics"), "b.md": lesson(2, "Go"), "c.md": lesson(3, "Design")},
			`c.md: part "Design" (order 3) comes after lesson b of part "Go": give it an order within its part`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(tt.fsys)
			if got := fmt.Sprint(err); (tt.want == "" && err != nil) || (tt.want != "" && got != tt.want) {
				t.Errorf("got %v, want %q", err, tt.want)
			}
		})
	}
}

func TestParseExercise(t *testing.T) {
	t.Parallel()
	src := "---\ntitle: x\n---\n```sql setup\ncreate table t(a);\n```\n\n```sql exercise ordered\n-- your query\n```\n\n```sql solution\nselect a from t order by a;\n```\n\n```sql check\nselect count(*) from t;\n```\n\n```sql accept\nselect * from t order by 1;\n```\n\n```hint\nUse order by.\n```\n\n```sql reject\nselect a from t;\n```\n\n```hint\nDescending is desc.\n```\n"
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
	if want := []Answer{{"select * from t order by 1;", 20}}; !reflect.DeepEqual(ex.Accept, want) {
		t.Errorf("accept: got %+v, want %+v", ex.Accept, want)
	}
	if want := []Answer{{"select a from t;", 28}}; !reflect.DeepEqual(ex.Reject, want) {
		t.Errorf("reject: got %+v, want %+v", ex.Reject, want)
	}
}

// TestExercisesHaveAnswers holds the course that ships to its policy
// (README.md, Judging): every exercise has at least two accept blocks and
// one reject block, which dbtour check then judges.
func TestExercisesHaveAnswers(t *testing.T) {
	t.Parallel()
	c, err := Load(Content())
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, l := range c.Lessons {
		for _, cell := range l.Cells() {
			if cell.Kind != Exercise {
				continue
			}
			n++
			if len(cell.Accept) < 2 || len(cell.Reject) < 1 {
				t.Errorf("%s.md:%d: exercise has %d accept and %d reject block(s); it needs at least 2 and 1",
					l.Slug, cell.Line, len(cell.Accept), len(cell.Reject))
			}
		}
	}
	t.Logf("%d exercises", n)
	if n == 0 {
		t.Error("the course has no exercises")
	}
}
