package course

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dbtour/dbtour/lessons"
	"github.com/dbtour/dbtour/lessons/programs"
	"github.com/dbtour/dbtour/wasm/engine"
)

// csvExistsError is the engine's message for importing CSV into a table
// that exists.
func csvExistsError(t *testing.T) string {
	s, err := engine.Open(engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.Exec(context.Background(), "create table t(x)")
	_, err = s.ImportCSV("t", []byte("x\n3\n"))
	if err == nil {
		t.Fatal("importing into an existing table works; the test needs another failing CSV")
	}
	return err.Error()
}

// TestCheckBrokenCopyOfTheCourse breaks one cell of a copy of the course
// that ships and expects check to name its file and line.
func TestCheckBrokenCopyOfTheCourse(t *testing.T) {
	t.Parallel()
	course := fstest.MapFS{}
	err := fs.WalkDir(lessons.Content(), ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(lessons.Content(), name)
		course[name] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	lesson := course["first-database.md"]
	src := string(lesson.Data)
	at := strings.Index(src, "select sqlite_version()")
	if at < 0 {
		t.Fatal("the first lesson changed: pick another cell to break")
	}
	lesson.Data = []byte(src[:at] + "selec sqlite_version()" + src[at+len("select sqlite_version()"):])
	line := strings.Count(src[:at], "\n") // the fence's line: the cell starts on the next
	r, err := Check(context.Background(), course)
	problems := r.Problems
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf(`first-database.md:%d: cell fails: line 1, column 1: near "selec": syntax error`, line+1)
	if len(problems) != 1 || problems[0] != want {
		t.Errorf("got %q, want [%q]", problems, want)
	}
}

// TestCheckEmbeddedCourse runs every cell of the course that ships and
// judges every exercise's answers.
func TestCheckEmbeddedCourse(t *testing.T) {
	t.Parallel()
	r, err := Check(context.Background(), lessons.Content())
	n, problems := r.Lessons, r.Problems
	if err != nil || len(problems) > 0 || n == 0 {
		t.Fatalf("got %d lessons, problems %q, error %v", n, problems, err)
	}
}

func TestCheckBrokenCourse(t *testing.T) {
	t.Parallel()
	const head = "---\ntitle: A\n---\n\n```sql\ncreate table t(x); insert into t values (1), (2);\n```\n\n"
	for _, tt := range []struct{ name, md, want string }{
		{"failing cell", head + "```sql\nselect 1;\nselec 2;\n```\n", `a.md:11: cell fails: line 2, column 1: near "selec": syntax error`},
		{"failing solution", head + "```sql exercise\n-- sum x\n```\n\n```sql solution\nselect total(y) from t\n```\n",
			`a.md:9: exercise: solution fails: line 1, column 14: no such column: y`},
		{"solved from the start", head + "```sql exercise\nselect x from t\n```\n\n```sql solution\nselect x from t order by x desc\n```\n",
			"a.md:9: exercise: the starting SQL already gives the solution's result"},
		{"fails cell that runs", head + "```sql fails\nselect x from t;\n```\n", "a.md:9: a ```sql fails cell runs without an error"},
		{"unknown program", head + "```go orm=no-such-program\n```\n", `a.md:9: program no-such-program fails: no example program "no-such-program" (there are: ` + strings.Join(programs.Names(), ", ") + ")"},
		{"failing program", head + "```go orm=gorm-basics\n```\n```params\nname = Ada\nyear = soon\n```\n", `a.md:9: program gorm-basics fails: input year: want a whole number, got "soon"`},
		{"link to no lesson", head + "See [the next lesson](../nowhere/).\n", `a.md:9: link to ../nowhere/: there is no lesson "nowhere"`},
		{"CSV into an existing table", head + "```csv table=t\nx\n3\n```\n", "a.md:9: CSV import fails: " + csvExistsError(t)},
	} {
		r, err := Check(context.Background(), fstest.MapFS{"a.md": {Data: []byte(tt.md)}})
		problems := r.Problems
		if err != nil {
			t.Fatal(err)
		}
		if len(problems) != 1 || problems[0] != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, problems, tt.want)
		}
	}
	for _, c := range []struct{ name, md string }{
		{"fails cell that fails", head + "```sql fails\ninsert into t values (3);\nselect y from t;\n```\n"},
		{"program and CSV", head + "```csv table=people\nname\nAda\n```\n\n```go orm=gorm-basics\n```\n```params\nname = Ada\nyear = 2024\n```\n"},
	} {
		if r, err := Check(context.Background(), fstest.MapFS{"a.md": {Data: []byte(c.md)}}); err != nil || len(r.Problems) != 0 {
			t.Errorf("%s: got %q, %v; want no problem", c.name, r.Problems, err)
		}
	}
	ordered := head + "```sql exercise ordered\nselect x from t\n```\n\n```sql solution\nselect x from t order by x desc\n```\n"
	if r, _ := Check(context.Background(), fstest.MapFS{"a.md": {Data: []byte(ordered)}}); len(r.Problems) != 0 {
		t.Errorf("ordered exercise whose start has the wrong order: got %q, want no problem", r.Problems)
	}
}

// TestCheckAnswers holds dbtour check to judging every accept block right
// and every reject block wrong, with the page's judge, at their lines.
func TestCheckAnswers(t *testing.T) {
	t.Parallel()
	const head = "---\ntitle: A\n---\n\n```sql\ncreate table t(x, d); insert into t values (1, '2025-03-02'), (2, '2025-04-01'), (3, '2025-03-30');\ncreate index t_d on t (d);\n```\n\n"
	const sum = "```sql exercise\n-- the sum of x\n```\n\n```sql solution\nselect sum(x) from t;\n```\n"
	const march = "```sql exercise\nexplain query plan\nselect count(*) from t where substr(d, 1, 7) = '2025-03';\n```\n\n" +
		"```sql solution\nexplain query plan\nselect count(*) from t where d >= '2025-03-01' and d < '2025-04-01';\n```\n"
	for _, tt := range []struct {
		name, md string
		want     []string
	}{
		{"accept and reject judged as meant", head + sum +
			"```sql accept\nselect total(x) * 1.0 from t;\n```\n```sql reject\nselect count(x) from t;\n```\n```sql reject\nselect sum(y) from t;\n```\n", nil},
		{"an accept judged wrong", head + sum + "```hint\nsum()\n```\n```sql accept\nselect max(x) from t;\n```\n",
			[]string{"a.md:20: exercise: an accepted answer is judged wrong: A row is missing or has a wrong value: expected a row (6)."}},
		{"a reject judged right", head + sum + "```sql reject\nselect 6;\n```\n", []string{"a.md:17: exercise: a rejected answer is judged right"}},
		{"float noise accepted", head + sum + "```sql accept\nselect sum(x) * 1.1 / 1.1 from t;\n```\n", nil},
		{"an answer that leaves a transaction open", head + sum +
			"```sql reject\nbegin; select 1 from t where x = 0;\n```\n```sql accept\nselect 1 + 2 + 3;\n```\n", nil},
		{"a plan exercise judges the rows too", head + march +
			"```sql accept\nexplain query plan\nselect count(*) from t where d between '2025-03-01' and '2025-03-31';\n```\n" +
			"```sql reject\nexplain query plan\nselect count(*) from t where d >= '2025-04-01' and d < '2025-05-01';\n```\n" +
			"```sql reject\nselect count(*) from t where d >= '2025-03-01' and d < '2025-04-01';\n```\n", nil},
		{"a plan exercise's wrong month accepted", head + march +
			"```sql accept\nexplain query plan\nselect count(*) from t where d >= '2025-04-01' and d < '2025-05-01';\n```\n",
			[]string{"a.md:19: exercise: an accepted answer is judged wrong: A row is missing or has a wrong value: expected a row (2)."}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Check(context.Background(), fstest.MapFS{"a.md": {Data: []byte(tt.md)}})
			problems := r.Problems
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(problems, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got %q, want %q", problems, tt.want)
			}
		})
	}
}

// TestCheckREADMELesson keeps the README's complete lesson true: it must
// pass check.
func TestCheckREADMELesson(t *testing.T) {
	t.Parallel()
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(readme), "````markdown\n")
	lesson, _, closed := strings.Cut(rest, "\n````\n")
	if !ok || !closed {
		t.Fatal("README.md has no ````markdown block with a lesson")
	}
	r, err := Check(context.Background(), fstest.MapFS{"counting.md": {Data: []byte(lesson + "\n")}})
	n, problems := r.Lessons, r.Problems
	if err != nil || len(problems) > 0 || n != 1 {
		t.Errorf("README lesson: got %d lessons, problems %q, error %v", n, problems, err)
	}
}
