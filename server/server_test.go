package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// testStatic stands in for the built assets, so these tests need no
// wasm build.
var testStatic = fstest.MapFS{
	"css/dbtour.css":     {Data: []byte("body {\n  color: red;\n}\n")},
	"js/lesson.js":       {Data: []byte("// comment\nexport const answer = 40 + 2;\n")},
	"engine/engine.wasm": {Data: []byte("\x00asm\x01\x00\x00\x00")},
}

func newTestServer(t *testing.T, opts ...option) *server {
	t.Helper()
	s, err := newServer(context.Background(), append([]option{withStatic(testStatic)}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestHandlers(t *testing.T) {
	t.Parallel()
	s := newTestServer(t)
	for _, tt := range []struct {
		name, method, path string
		header             map[string]string
		wantStatus         int
		wantType           string
		wantBody           string
	}{
		{"index", "GET", "/", nil, 200, "text/html; charset=utf-8", `href="lessons/first-database/"`},
		{"lesson", "GET", "/lessons/first-database/", nil, 200, "text/html; charset=utf-8", ">The C Programming Language</td>"},
		{"lesson without slash", "GET", "/lessons/first-database", nil, 307, "", ""},
		{"unknown lesson", "GET", "/lessons/nope/", nil, 404, "text/plain; charset=utf-8", "404 page not found"},
		{"css minified", "GET", "/static/css/dbtour.css", nil, 200, "text/css; charset=utf-8", "body{color:red}"},
		{"js minified", "GET", "/static/js/lesson.js", nil, 200, "text/javascript; charset=utf-8", "export const answer=40+2"},
		{"wasm", "GET", "/static/engine/engine.wasm", nil, 200, "application/wasm", "\x00asm"},
		{"unknown asset", "GET", "/static/nope.js", nil, 404, "text/plain; charset=utf-8", ""},
		{"traversal", "GET", "/static/../server.go", nil, 307, "", ""},
		{"post", "POST", "/", nil, 405, "text/plain; charset=utf-8", ""},
		{"head", "HEAD", "/static/css/dbtour.css", nil, 200, "text/css; charset=utf-8", ""},
		{"unchanged", "GET", "/static/css/dbtour.css", map[string]string{"If-None-Match": s.assets["/static/css/dbtour.css"].etag}, 304, "", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			req := httptest.NewRequest(tt.method, tt.path, nil)
			for k, v := range tt.header {
				req.Header.Set(k, v)
			}
			rec := httptest.NewRecorder()
			s.ServeHTTP(rec, req)
			if rec.Code != tt.wantStatus {
				t.Errorf("status: got %d, want %d", rec.Code, tt.wantStatus)
			}
			if got := rec.Header().Get("Content-Type"); tt.wantType != "" && got != tt.wantType {
				t.Errorf("content type: got %q, want %q", got, tt.wantType)
			}
			if !strings.Contains(rec.Body.String(), tt.wantBody) {
				t.Errorf("body: got %.300q, want it to contain %q", rec.Body.String(), tt.wantBody)
			}
		})
	}
}

func TestExport(t *testing.T) {
	t.Parallel()
	s := newTestServer(t)
	dir := t.TempDir()
	n, err := s.export(dir)
	if err != nil {
		t.Fatal(err)
	}
	if n != len(s.paths()) {
		t.Errorf("wrote %d files, want one per path (%d)", n, len(s.paths()))
	}
	for _, p := range []string{"index.html", "lessons/first-database/index.html", "static/engine/engine.wasm", "static/css/dbtour.css"} {
		b, err := os.ReadFile(filepath.Join(dir, p))
		if err != nil {
			t.Error(err)
			continue
		}
		rec := httptest.NewRecorder()
		url := "/" + strings.TrimSuffix(p, "index.html")
		s.ServeHTTP(rec, httptest.NewRequest("GET", url, nil))
		if rec.Body.String() != string(b) {
			t.Errorf("%s differs from what the server sends for %s", p, url)
		}
	}
}

func TestLessonsDir(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("mine.md", "---\ntitle: Mine\n---\nHello.\n\n```sql\nselect 'from a teacher' as greeting;\n```\n")
	s := newTestServer(t, withLessons(os.DirFS(dir)))
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest("GET", "/lessons/mine/", nil))
	if rec.Code != 200 || !strings.Contains(rec.Body.String(), ">from a teacher</td>") {
		t.Errorf("got %d %.300q, want the teacher's lesson with its result", rec.Code, rec.Body.String())
	}

	write("broken.md", "---\ntitle: Broken\n---\n\n```sql exercize\nselect 1;\n```\n")
	_, err := newServer(context.Background(), withStatic(testStatic), withLessons(os.DirFS(dir)))
	if err == nil || !strings.Contains(err.Error(), `broken.md:5: unknown cell kind "exercize"`) {
		t.Errorf("got %v, want an error naming broken.md:5", err)
	}
}

func TestRun(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		args    []string
		wantErr string
	}{
		{nil, "no command given"},
		{[]string{"bogus"}, `unknown command "bogus"`},
		{[]string{"export"}, "export: want exactly one output directory"},
		{[]string{"serve", "-addr", "nonsense"}, `serve: -addr "nonsense"`},
		{[]string{"help"}, ""},
	} {
		var stderr strings.Builder
		err := run(tt.args, &stderr)
		if tt.wantErr == "" && err != nil || tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
			t.Errorf("run(%q): got %v, want %q", tt.args, err, tt.wantErr)
		}
	}
}

func TestServeHTTPMethodsOnStatic(t *testing.T) {
	t.Parallel()
	rec := httptest.NewRecorder()
	newTestServer(t).ServeHTTP(rec, httptest.NewRequest(http.MethodDelete, "/static/css/dbtour.css", nil))
	if rec.Code != http.StatusMethodNotAllowed {
		t.Errorf("got %d, want 405", rec.Code)
	}
}
