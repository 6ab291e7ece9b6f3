package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/andybalholm/brotli"
	"github.com/dbtour/dbtour/web"
)

// testStatic stands in for the built assets, so these tests need no
// wasm build. The wasm comes with build-time compressed siblings.
var testStatic = fstest.MapFS{
	"css/dbtour.css":        {Data: []byte("body {\n  color: red;\n}\n" + strings.Repeat("p { margin: 0 }\n", 100))},
	"js/lesson.js":          {Data: []byte("// comment\nexport const answer = 40 + 2;\n")},
	"engine/engine.wasm":    {Data: []byte("\x00asm\x01\x00\x00\x00")},
	"engine/engine.wasm.br": {Data: []byte("brotli bytes")},
	"engine/engine.wasm.gz": {Data: []byte("gzip bytes")},
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
	static := "/static/" + s.version + "/"
	css := s.files[static+"css/dbtour.css"]
	for _, tt := range []struct {
		name, method, path string
		header             map[string]string
		wantStatus         int
		wantHeader         map[string]string
		wantBody           string
	}{
		{"index", "GET", "/", nil, 200, map[string]string{"Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-cache"}, `href="lessons/first-database/"`},
		{"lesson", "GET", "/lessons/first-database/", nil, 200, map[string]string{"Content-Type": "text/html; charset=utf-8"}, ">The C Programming Language</td>"},
		{"lesson links versioned assets", "GET", "/lessons/first-database/", nil, 200, nil, `href="../../static/` + s.version + `/css/dbtour.css"`},
		{"lesson without slash", "GET", "/lessons/first-database", nil, 307, nil, ""},
		{"unknown lesson", "GET", "/lessons/nope/", nil, 404, map[string]string{"Content-Type": "text/plain; charset=utf-8"}, "404 page not found"},
		{"css minified, immutable", "GET", static + "css/dbtour.css", nil, 200,
			map[string]string{"Content-Type": "text/css; charset=utf-8", "Cache-Control": "public, max-age=31536000, immutable", "Vary": "Accept-Encoding"}, "body{color:red}"},
		{"js minified", "GET", static + "js/lesson.js", nil, 200, map[string]string{"Content-Type": "text/javascript; charset=utf-8"}, "export const answer=40+2"},
		{"only scripts may compile wasm", "GET", static + "js/lesson.js", nil, 200, map[string]string{"Content-Security-Policy": web.ScriptCSP}, ""},
		{"wasm", "GET", static + "engine/engine.wasm", nil, 200, map[string]string{"Content-Type": "application/wasm"}, "\x00asm"},
		{"wasm brotli, precompressed", "GET", static + "engine/engine.wasm", map[string]string{"Accept-Encoding": "gzip, deflate, br"}, 200,
			map[string]string{"Content-Type": "application/wasm", "Content-Encoding": "br", "Vary": "Accept-Encoding"}, "brotli bytes"},
		{"wasm gzip", "GET", static + "engine/engine.wasm", map[string]string{"Accept-Encoding": "gzip, br;q=0"}, 200,
			map[string]string{"Content-Encoding": "gzip"}, "gzip bytes"},
		{"precompressed sibling not served", "GET", static + "engine/engine.wasm.br", nil, 404, nil, ""},
		{"old version", "GET", "/static/0000000000/css/dbtour.css", nil, 404, nil, ""},
		{"unversioned asset", "GET", "/static/css/dbtour.css", nil, 404, nil, ""},
		{"traversal", "GET", "/static/../server.go", nil, 307, nil, ""},
		{"post", "POST", "/", nil, 405, nil, ""},
		{"delete asset", "DELETE", static + "css/dbtour.css", nil, 405, nil, ""},
		{"head", "HEAD", static + "css/dbtour.css", nil, 200, map[string]string{"Content-Type": "text/css; charset=utf-8"}, ""},
		{"unchanged", "GET", static + "css/dbtour.css", map[string]string{"If-None-Match": css.etag}, 304, nil, ""},
		{"security headers", "GET", "/", nil, 200, map[string]string{"Content-Security-Policy": web.CSP,
			"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY"}, ""},
		{"security headers on errors", "GET", "/nope", nil, 404, map[string]string{"X-Content-Type-Options": "nosniff"}, ""},
		{"health", "GET", "/healthz", nil, 200, map[string]string{"Cache-Control": "no-store"}, "ok\n"},
		{"service worker", "GET", "/sw.js", nil, 200, map[string]string{"Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "no-cache"},
			`"./lessons/first-database/"`},
		{"manifest", "GET", "/manifest.webmanifest", nil, 200, map[string]string{"Content-Type": "application/manifest+json"}, `"start_url":"./"`},
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
			for k, want := range tt.wantHeader {
				if got := rec.Header().Get(k); got != want {
					t.Errorf("%s: got %q, want %q", k, got, want)
				}
			}
			if !strings.Contains(rec.Body.String(), tt.wantBody) {
				t.Errorf("body: got %.300q, want it to contain %q", rec.Body.String(), tt.wantBody)
			}
		})
	}
}

// TestCompressed decodes what the server sends for each encoding.
func TestCompressed(t *testing.T) {
	t.Parallel()
	s := newTestServer(t)
	path := "/static/" + s.version + "/css/dbtour.css"
	plain := s.files[path].body
	for enc, decode := range map[string]func(io.Reader) (io.Reader, error){
		"br":   func(r io.Reader) (io.Reader, error) { return brotli.NewReader(r), nil },
		"gzip": func(r io.Reader) (io.Reader, error) { return gzip.NewReader(r) },
	} {
		req := httptest.NewRequest("GET", path, nil)
		req.Header.Set("Accept-Encoding", enc)
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Header().Get("Content-Encoding") != enc || rec.Body.Len() >= len(plain) {
			t.Errorf("%s: got encoding %q and %d bytes for %d plain", enc, rec.Header().Get("Content-Encoding"), rec.Body.Len(), len(plain))
		}
		r, err := decode(rec.Body)
		if err != nil {
			t.Fatal(err)
		}
		if got, err := io.ReadAll(r); err != nil || !bytes.Equal(got, plain) {
			t.Errorf("%s: decoded body differs (%v)", enc, err)
		}
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
	if n <= len(s.paths()) {
		t.Errorf("wrote %d files, want one per path (%d) and compressed forms", n, len(s.paths()))
	}
	if br, err := os.ReadFile(filepath.Join(dir, "static", s.version, "engine", "engine.wasm.br")); err != nil || string(br) != "brotli bytes" {
		t.Errorf("engine.wasm.br: got %q, %v", br, err)
	}
	static := "static/" + s.version + "/"
	for _, p := range []string{"index.html", "lessons/first-database/index.html", static + "engine/engine.wasm", static + "css/dbtour.css", "sw.js", "manifest.webmanifest"} {
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
	if err == nil || !strings.Contains(err.Error(), `broken.md:5: unknown cell kind "sql exercize"`) {
		t.Errorf("got %v, want an error naming broken.md:5", err)
	}
}

func TestUnderBase(t *testing.T) {
	t.Parallel()
	h := underBase("/course/", newTestServer(t))
	for _, tt := range []struct {
		path string
		want int
	}{{"/course/", 200}, {"/course/lessons/first-database/", 200}, {"/course", 301}, {"/", 404}, {"/lessons/first-database/", 404}} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", tt.path, nil))
		if rec.Code != tt.want {
			t.Errorf("%s: got %d, want %d", tt.path, rec.Code, tt.want)
		}
	}
}

func TestRun(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		args    []string
		wantErr string
		wantOut string
	}{
		{nil, "no command given", ""},
		{[]string{"bogus"}, `unknown command "bogus"`, ""},
		{[]string{"export"}, "export: want exactly one output directory", ""},
		{[]string{"serve", "-addr", "nonsense"}, `serve: -addr "nonsense"`, ""},
		{[]string{"serve", "-base", "course"}, `serve: -base "course": want a path that starts and ends with /`, ""},
		{[]string{"help"}, "", "dbtour serve [flags]"},
		{[]string{"version"}, "", "dbtour "},
	} {
		var stdout, stderr strings.Builder
		err := run(tt.args, &stdout, &stderr)
		if tt.wantErr == "" && err != nil || tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
			t.Errorf("run(%q): got %v, want %q", tt.args, err, tt.wantErr)
		}
		if !strings.Contains(stdout.String(), tt.wantOut) {
			t.Errorf("run(%q): got output %q, want %q", tt.args, stdout.String(), tt.wantOut)
		}
	}
}

func TestServeHTTPMethods(t *testing.T) {
	t.Parallel()
	rec := httptest.NewRecorder()
	newTestServer(t).ServeHTTP(rec, httptest.NewRequest(http.MethodPut, "/healthz", nil))
	if rec.Code != http.StatusMethodNotAllowed {
		t.Errorf("got %d, want 405", rec.Code)
	}
}

func TestAcceptEncoding(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		header   string
		br, gzip bool
	}{
		{"", false, false},
		{"gzip, deflate, br", true, true},
		{"br;q=0, gzip;q=0.5", false, true},
		{"BR; q=0.000, gzip", false, true},
		{"br;q=1.0, gzip;q=0.00", true, false},
	} {
		got := acceptEncoding(tt.header)
		if got["br"] != tt.br || got["gzip"] != tt.gzip {
			t.Errorf("%q: got br %v gzip %v, want %v %v", tt.header, got["br"], got["gzip"], tt.br, tt.gzip)
		}
	}
}
