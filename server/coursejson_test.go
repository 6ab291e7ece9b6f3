package main

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dbtour/dbtour/lessons"
)

// TestCourseJSON reads /course.json of a course whose course file hides
// a lesson: the version is the sources', each lesson lists its exercises
// with their starting SQL, and the hidden one is marked.
func TestCourseJSON(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{
		"sums.md":          collectCourse["sums.md"],
		"extra.md":         &fstest.MapFile{Data: []byte("---\ntitle: Extra\norder: 2\n---\n\n```sql\nselect 1;\n```\n")},
		lessons.CourseFile: &fstest.MapFile{Data: []byte("title: Class 3B\nhide: extra\n")},
	}
	s, err := newServer(context.Background(), withLessons(fsys))
	if err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest("GET", courseJSONPath, nil))
	var got courseJSON
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
		t.Fatalf("%s: %v (%d %s)", courseJSONPath, err, rec.Code, rec.Body)
	}
	v, _ := lessons.SourceVersion(fsys)
	if got.Version != v || got.Title != "Class 3B" || len(got.Lessons) != 2 {
		t.Fatalf("got %+v, want version %s, the course file's title, two lessons", got, v)
	}
	sums, extra := got.Lessons[0], got.Lessons[1]
	if sums.Slug != "sums" || sums.Hidden || len(sums.Exercises) != 1 || sums.Exercises[0].Cell != 1 ||
		sums.Exercises[0].Source != "-- The sum of n.\nselect n from t;" {
		t.Errorf("sums: got %+v, want its exercise at cell 1 with its starting SQL", sums)
	}
	if extra.Slug != "extra" || !extra.Hidden || len(extra.Exercises) != 0 {
		t.Errorf("extra: got %+v, want it hidden, without exercises", extra)
	}
	rec = httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	if body := rec.Body.String(); !strings.Contains(body, "Class 3B") || strings.Contains(body, "lessons/extra/") {
		t.Errorf("the front page does not show the course file's title or lists the hidden lesson")
	}
}

func contains(s, sub string) bool {
	return len(sub) == 0 || len(s) >= len(sub) && (s[:len(sub)] == sub || contains(s[1:], sub))
}
