package main

import (
	"context"
	"errors"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// The server's part of the hostile catalogue (docs/hostile.md): each case
// must get a clear answer and leave the server answering.

// tinyCourse is a one-lesson course, quicker to render than the real one.
var tinyCourse = fstest.MapFS{
	"one.md": {Data: []byte("---\ntitle: One\n---\nHello.\n\n```sql\nselect 1 as one;\n```\n")},
}

func TestHostileRequests(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, withLessons(tinyCourse))
	static := "/static/" + s.version + "/"
	for _, tt := range []struct {
		name, method, path string
		header             map[string]string
		wantStatus         int
		wantHeader         map[string]string // "" means absent
	}{
		{"upper-case Q=0 refuses brotli", "GET", static + "engine/engine.wasm", map[string]string{"Accept-Encoding": "br;Q=0, gzip"}, 200,
			map[string]string{"Content-Encoding": "gzip"}},
		{"every coding refused", "GET", static + "engine/engine.wasm", map[string]string{"Accept-Encoding": "br;q=0, gzip;Q=0"}, 200,
			map[string]string{"Content-Encoding": ""}},
		{"spaces around a coding", "GET", static + "engine/engine.wasm", map[string]string{"Accept-Encoding": " br ; q = 0 , gzip "}, 200,
			map[string]string{"Content-Encoding": "gzip"}},
		{"a weight that is not a number", "GET", static + "engine/engine.wasm", map[string]string{"Accept-Encoding": "br;q=zero"}, 200,
			map[string]string{"Content-Encoding": "br"}},
		{"dot segments out of the static folder (redirected to the cleaned path, which is not served)", "GET", static + "../../../etc/passwd", nil, 307,
			map[string]string{"Location": "/etc/passwd"}},
		{"encoded dot segments", "GET", "/lessons/%2e%2e/%2e%2e/etc/passwd", nil, 404, nil},
		{"a NUL in the path", "GET", "/lessons/one%00/", nil, 404, nil},
		{"a very long path", "GET", "/lessons/" + strings.Repeat("a", 64<<10) + "/", nil, 404, nil},
		{"a method that writes", "POST", "/lessons/one/", nil, 405, nil},
		{"a range past the end", "GET", "/lessons/one/", map[string]string{"Range": "bytes=999999999-"}, 416, nil},
		{"ranges adding up to more than the file (served whole)", "GET", "/lessons/one/", map[string]string{"Range": "bytes=" + strings.Repeat("0-1,", 2000) + "0-1"}, 200, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			req := httptest.NewRequest(tt.method, "/", nil)
			req.URL.Path = tt.path
			for k, v := range tt.header {
				req.Header.Set(k, v)
			}
			s.ServeHTTP(rec, req)
			if rec.Code != tt.wantStatus {
				t.Errorf("got %d, want %d", rec.Code, tt.wantStatus)
			}
			for k, v := range tt.wantHeader {
				if got := rec.Header().Get(k); got != v {
					t.Errorf("%s: got %q, want %q", k, got, v)
				}
			}
			if strings.Contains(rec.Body.String(), "root:") {
				t.Errorf("the answer holds a system file")
			}
			assertAnswering(t, s)
		})
	}
}

// assertAnswering checks the server still serves its health check.
func assertAnswering(t *testing.T, s *server) {
	t.Helper()
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest("GET", "/healthz", nil))
	if rec.Code != 200 {
		t.Errorf("the server stopped answering: %d", rec.Code)
	}
}

// TestHostileLessonsDir: a lessons folder whose lesson is a symbolic link
// to a file outside it must not serve that file.
func TestHostileLessonsDir(t *testing.T) {
	t.Parallel()
	outside := t.TempDir()
	secret := filepath.Join(outside, "secret.md")
	if err := os.WriteFile(secret, []byte("---\ntitle: Secret\n---\nthe-secret-text\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "one.md"), tinyCourse["one.md"].Data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(secret, filepath.Join(dir, "evil.md")); err != nil {
		t.Fatal(err)
	}
	s, err := newServer(context.Background(), withStatic(testStatic), withLessons(lessonsFS(dir)))
	if err == nil {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest("GET", "/lessons/evil/", nil))
		if strings.Contains(rec.Body.String(), "the-secret-text") {
			t.Fatal("the server served a file outside its lessons folder")
		}
		return
	}
	if !strings.Contains(err.Error(), "evil.md") {
		t.Errorf("got %v, want an error naming evil.md", err)
	}
	if _, err := newServer(context.Background(), withStatic(testStatic), withLessons(lessonsFS(filepath.Join(dir, "missing")))); err == nil {
		t.Error("a missing lessons folder must be an error")
	}
}

// TestHostileExport: an export into a folder holding a symbolic link that
// leads out of it must write nothing outside.
func TestHostileExport(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, withLessons(tinyCourse))
	outside := t.TempDir()
	dir := t.TempDir()
	if err := os.Symlink(outside, filepath.Join(dir, "lessons")); err != nil {
		t.Fatal(err)
	}
	_, err := s.export(dir)
	if err == nil || !strings.Contains(err.Error(), "export /lessons/") {
		t.Errorf("got %v, want an error about the lessons path", err)
	}
	if files, _ := os.ReadDir(outside); len(files) != 0 {
		t.Errorf("the export wrote %d files outside its folder", len(files))
	}
	assertAnswering(t, s)
}

// TestHostileLessonCell: a lesson whose cell makes one long function call
// (SQLite's instr, LIKE, replace on megabytes) must not keep the server
// from starting: it renders within seconds.
func TestHostileLessonCell(t *testing.T) {
	t.Parallel()
	course := fstest.MapFS{
		"slow.md": {Data: []byte("---\ntitle: Slow\n---\nSlow.\n\n```sql\n" +
			"select instr(printf('%.*c', 2000000, 'a'), printf('%.*c', 1000000, 'a') || 'b') as i,\n" +
			"  printf('%.*c', 2000000, 'a') like '%" + strings.Repeat("a", 60) + "b' as l,\n" +
			"  length(replace(printf('%.*c', 2000000, 'a'), printf('%.*c', 1000000, 'a') || 'b', 'x')) as r;\n```\n")},
	}
	began := time.Now()
	s, err := newServer(context.Background(), withStatic(testStatic), withLessons(course))
	if err != nil && !errors.Is(err, context.DeadlineExceeded) && !strings.Contains(err.Error(), "slow.md") {
		t.Fatalf("got %v, want the lesson or an error naming it", err)
	}
	if took := time.Since(began); took > 30*time.Second {
		t.Errorf("start-up took %v", took)
	}
	if s != nil {
		assertAnswering(t, s)
	}
}

// TestHostileCheck: `dbtour check` on a lesson whose cell has a column
// name of 1 MB (go-sqlite3 panicked reading it back, and check crashed)
// reports the cell.
func TestHostileCheck(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	lesson := "---\ntitle: Hostile\n---\nHostile.\n\n```sql\nselect 1 as \"" + strings.Repeat("a", 1_000_000) + "\";\n```\n"
	if err := os.WriteFile(filepath.Join(dir, "hostile.md"), []byte(lesson), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr strings.Builder
	err := run([]string{"check", dir}, &stdout, &stderr)
	if err == nil || !strings.Contains(stderr.String(), "hostile.md") || !strings.Contains(stderr.String(), "statement too long") {
		t.Errorf("got %v, stderr %.300q; want the cell reported as too long", err, stderr.String())
	}
}
