package main

import (
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dbtour/dbtour/lessons"
)

// TestWatchRendersSavedCourseFile saves a course file in a served folder
// and expects the front page to take its title and hide a lesson.
func TestWatchRendersSavedCourseFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for name, title := range map[string]string{"one.md": "Lesson one", "two.md": "Lesson two"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("---\ntitle: "+title+"\n---\n\n```sql\nselect 1;\n```\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	fsys := os.DirFS(dir)
	s, err := newServer(context.Background(), withLessons(fsys))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s.watch(ctx, fsys, 10*time.Millisecond)
	front := func() string {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
		return rec.Body.String()
	}
	if !strings.Contains(front(), "Lesson two") {
		t.Fatal("the front page does not list lesson two")
	}
	if err := os.WriteFile(filepath.Join(dir, lessons.CourseFile), []byte("title: Class 3B\nhide: two\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(time.Minute); !strings.Contains(front(), "Class 3B"); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("waited a minute for the course file's title on the front page")
		}
	}
	if strings.Contains(front(), "Lesson two") {
		t.Error("the front page still lists the hidden lesson")
	}
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest("GET", "/lessons/two/", nil))
	if rec.Code != 200 {
		t.Errorf("the hidden lesson's page: %d, want it still served for links", rec.Code)
	}
}
