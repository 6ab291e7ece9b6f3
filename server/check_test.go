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
	course := fstest.MapFS{
		"a.md": {Data: []byte("---\ntitle: A\n---\n\n```sql\nselect 1;\nselec 2;\n```\n")},
	}
	_, problems, err := checkCourse(context.Background(), course)
	if err != nil {
		t.Fatal(err)
	}
	want := `a.md:7: cell fails: line 2, column 1: near "selec": syntax error`
	if len(problems) != 1 || problems[0] != want {
		t.Errorf("got %q, want %q", problems, want)
	}
	var stdout, stderr strings.Builder
	if err := run([]string{"check"}, &stdout, &stderr); err != nil || !strings.Contains(stdout.String(), "every cell runs") {
		t.Errorf("dbtour check: got %v, %q", err, stdout.String())
	}
}
