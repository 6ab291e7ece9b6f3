package course

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/dbtour/dbtour/lessons"
)

// gradeLesson has a table, a query exercise (cell 1), a cell that changes
// the table after it, and an exercise judged by a check query (cell 3)
// that sees that change.
const gradeLesson = "---\ntitle: Grading\norder: 1\n---\n\n" +
	"```sql\ncreate table t (n integer);\ninsert into t values (1), (2), (3);\n```\n\n" +
	"```sql exercise\n-- The sum of n.\nselect n from t;\n```\n```sql solution\nselect sum(n) from t;\n```\n\n" +
	"```sql\ninsert into t values (10);\n```\n\n" +
	"```sql exercise\n-- Add the row 20.\nselect 1;\n```\n```sql solution\ninsert into t values (20);\n```\n```sql check\nselect n from t order by n;\n```\n"

// slowAnswer runs until the time limit stops it.
const slowAnswer = "with recursive c(x) as (select 1 union all select x + 1 from c) select count(*) from c"

func TestGradeLesson(t *testing.T) {
	t.Parallel()
	l, err := lessons.Parse("grading.md", []byte(gradeLesson))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name   string
		cell   int
		answer string
		solved bool
		reason string // a part of the reason, for answers not solved
	}{
		{"the solution", 1, "select sum(n) from t", true, ""},
		{"another right answer", 1, "select total(n) as s from t;", true, ""},
		{"a wrong answer", 1, "select count(n) from t", false, "A row is missing or has a wrong value"},
		{"the starting SQL", 1, "-- The sum of n.\nselect n from t;", false, "Expected 1 row, got 3"},
		{"SQL that fails", 1, "select nope from t", false, "your SQL fails: line 1, column 8: no such column: nope"},
		{"an answer that never ends", 1, slowAnswer, false, "time limit"},
		{"a check exercise: right", 3, "insert into t values (20)", true, ""},
		{"a check exercise: the cells above count", 3, "delete from t where n = 10; insert into t values (20)", false, "Expected 5 rows, got 4"},
		{"a cell that is no exercise", 2, "select 1", false, "lesson grading has no exercise at cell 2"},
		{"a cell past the lesson", 40, "select 1", false, "no exercise at cell 40"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			grades, err := GradeLesson(context.Background(), l, map[int]string{tt.cell: tt.answer}, 200*time.Millisecond)
			if err != nil {
				t.Fatal(err)
			}
			g := grades[tt.cell]
			if g.Solved != tt.solved || !strings.Contains(g.Reason, tt.reason) || (tt.solved && g.Reason != "") {
				t.Errorf("got solved=%v reason %q, want solved=%v reason with %q", g.Solved, g.Reason, tt.solved, tt.reason)
			}
		})
	}
}

// TestGradeLessonAnswersAreIsolated grades a wrong answer that changes
// the database before a right one: each runs on its own copy.
func TestGradeLessonAnswersAreIsolated(t *testing.T) {
	t.Parallel()
	l, err := lessons.Parse("grading.md", []byte(gradeLesson))
	if err != nil {
		t.Fatal(err)
	}
	grades, err := GradeLesson(context.Background(), l, map[int]string{
		1: "begin; delete from t; select 0", 3: "insert into t values (20)",
	}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if grades[1].Solved || !grades[3].Solved {
		t.Errorf("got %+v, want cell 1 wrong and cell 3 right", grades)
	}
	if grades[3].Line == 0 {
		t.Errorf("cell 3's grade names no line")
	}
}
