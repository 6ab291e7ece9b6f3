package main

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dbtour/dbtour/lessons"
)

// TestCheckEmbeddedCourse runs every cell of the course that ships.
func TestCheckEmbeddedCourse(t *testing.T) {
	t.Parallel()
	n, problems, err := checkCourse(context.Background(), lessons.Content())
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
	} {
		_, problems, err := checkCourse(context.Background(), fstest.MapFS{"a.md": {Data: []byte(tt.md)}})
		if err != nil {
			t.Fatal(err)
		}
		if len(problems) != 1 || problems[0] != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, problems, tt.want)
		}
	}
	ordered := head + "```sql exercise ordered\nselect x from t\n```\n\n```sql solution\nselect x from t order by x desc\n```\n"
	if _, problems, _ := checkCourse(context.Background(), fstest.MapFS{"a.md": {Data: []byte(ordered)}}); len(problems) != 0 {
		t.Errorf("ordered exercise whose start has the wrong order: got %q, want no problem", problems)
	}
	var stdout, stderr strings.Builder
	if err := run([]string{"check"}, &stdout, &stderr); err != nil || !strings.Contains(stdout.String(), "every exercise checks") {
		t.Errorf("dbtour check: got %v, %q", err, stdout.String())
	}
}
