package main

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"
)

// TestRunCheck runs `dbtour check` on the built-in course (the checks
// themselves are tested in lessons/course).
func TestRunCheck(t *testing.T) {
	t.Parallel()
	var stdout, stderr strings.Builder
	if err := run([]string{"check"}, &stdout, &stderr); err != nil || !strings.Contains(stdout.String(), "every exercise checks") {
		t.Errorf("dbtour check: got %v, %q %q", err, stdout.String(), stderr.String())
	}
	stdout.Reset()
	stderr.Reset()
	err := run([]string{"check", t.TempDir()}, &stdout, &stderr)
	if err == nil || !strings.Contains(err.Error(), "no lessons") {
		t.Errorf("dbtour check on an empty folder: got %v, want no lessons", err)
	}
}

// TestUnknownProgramStopsStartUp: a lesson that names no program is
// malformed, so the server does not start (check reports it too).
func TestUnknownProgramStopsStartUp(t *testing.T) {
	t.Parallel()
	md := "---\ntitle: A\n---\n\n```go orm=no-such-program\n```\n"
	_, err := newServer(context.Background(), withLessons(fstest.MapFS{"a.md": {Data: []byte(md)}}))
	if err == nil || !strings.Contains(err.Error(), "a.md:5: ```go orm=no-such-program: no example program") {
		t.Errorf("got %v, want the lesson's file and line", err)
	}
}
