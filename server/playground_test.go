package main

import (
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPlaygroundServedAndExported checks that /playground/ is a page of the
// site like a lesson: served, linked from every page's header, written by
// export and precached by the service worker for offline use.
func TestPlaygroundServedAndExported(t *testing.T) {
	t.Parallel()
	s := newTestServer(t)
	get := func(path string) (int, string) {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		return rec.Code, rec.Body.String()
	}
	for _, tt := range []struct {
		name, path string
		wantStatus int
		wantBody   string
	}{
		{"page", "/playground/", 200, `data-testid="playground"`},
		{"its script, as a module from the versioned assets", "/playground/", 200, `<script type="module" src="../static/` + s.version + `/js/playground.js">`},
		{"relative header link from the index", "/", 200, `href="playground/"`},
		{"relative header link from a lesson", "/lessons/first-database/", 200, `href="../../playground/"`},
		{"precached for offline use", "/sw.js", 200, `"./playground/"`},
		{"without slash", "/playground", 307, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, body := get(tt.path)
			if code != tt.wantStatus {
				t.Errorf("%s: got status %d, want %d", tt.path, code, tt.wantStatus)
			}
			if !strings.Contains(body, tt.wantBody) {
				t.Errorf("%s: got %.400q, want it to contain %q", tt.path, body, tt.wantBody)
			}
		})
	}

	dir := t.TempDir()
	if _, err := s.export(dir); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "playground", "index.html"))
	if err != nil {
		t.Fatalf("export: %v", err)
	}
	if _, served := get("/playground/"); string(b) != served {
		t.Error("exported playground/index.html differs from the served page")
	}
}
