package course

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/dbtour/dbtour/lessons"
)

// goProgram is a database/sql program that runs body.
func goProgram(body string) string {
	return "package programs\n\nimport (\n\t\"context\"\n\t\"database/sql\"\n\t\"fmt\"\n\t\"io\"\n)\n\n" +
		"func f(ctx context.Context, db *sql.DB, in Inputs, out io.Writer) error {\n\t_ = fmt.Sprint\n" + body + "\n}\n"
}

// goLesson has a table and a Go exercise (cell 1) judged by its output
// and a check query, with the answers given.
func goLesson(answers string) string {
	return "---\ntitle: Go\n---\n\n```sql\ncreate table t (n integer);\ninsert into t values (1), (2);\n```\n\n" +
		"```go exercise\n" + goProgram("\treturn nil") + "```\n" +
		"```go solution\n" + goProgram(`	_, err := db.ExecContext(ctx, "insert into t values (3)")
	fmt.Fprintln(out, "added")
	return err`) + "```\n```sql check\nselect n from t order by n;\n```\n" + answers
}

// TestCheckGoExercise: dbtour check judges a Go exercise's starting
// program and answers by running them, and names each misjudged one.
func TestCheckGoExercise(t *testing.T) {
	t.Parallel()
	right := goProgram("\tfmt.Fprintln(out, \"added\")\n\t_, err := db.ExecContext(ctx, \"insert into t (n) values (1 + 2)\")\n\treturn err")
	wrong := goProgram("\tfmt.Fprintln(out, \"added\")\n\treturn nil")
	for _, tt := range []struct {
		name, answers string
		want          []string
	}{
		{"as written", "```go accept\n" + right + "```\n```go reject\n" + wrong + "```\n", nil},
		{"misjudged", "```go accept\n" + wrong + "```\n```go reject\n" + right + "```\n", []string{
			`go.md:61: exercise: a rejected program is judged right`,
			`go.md:45: exercise: an accepted program is judged wrong: the database your program leaves differs`,
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			l, err := lessons.Parse("go.md", []byte(goLesson(tt.answers)))
			if err != nil {
				t.Fatal(err)
			}
			got, err := checkLesson(context.Background(), l)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
			for i, w := range tt.want {
				if !strings.HasPrefix(got[i], w) {
					t.Errorf("problem %d: got %q, want it to start with %q", i, got[i], w)
				}
			}
		})
	}
}

// TestGradeGoAnswer: a hand-in's program for a Go exercise is judged as
// the page judges it.
func TestGradeGoAnswer(t *testing.T) {
	t.Parallel()
	l, err := lessons.Parse("go.md", []byte(goLesson("")))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name, answer, reason string
	}{
		{"right", goProgram("\t_, err := db.ExecContext(ctx, \"insert into t values (3)\")\n\tfmt.Fprintln(out, \"added\")\n\treturn err"), ""},
		{"wrong output", goProgram("\t_, err := db.ExecContext(ctx, \"insert into t values (3)\")\n\treturn err"), "your program printed nothing"},
		{"does not compile", goProgram("\treturn nope"), "your program fails: line 12, column"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			grades, err := GradeLesson(context.Background(), l, map[int]string{1: tt.answer}, time.Second)
			if err != nil {
				t.Fatal(err)
			}
			g := grades[1]
			if g.Solved != (tt.reason == "") || !strings.Contains(g.Reason, tt.reason) {
				t.Errorf("got solved=%v reason %q, want reason with %q", g.Solved, g.Reason, tt.reason)
			}
		})
	}
}
