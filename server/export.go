package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
)

// export writes the whole site into dir as static files, requesting every
// path through the server's own handlers, so the exported site is the
// served one. A path ending in "/" becomes that directory's index.html.
func (s *server) export(dir string) (files int, err error) {
	for _, p := range s.paths() {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, p, nil))
		if rec.Code != http.StatusOK {
			return files, fmt.Errorf("export %s: status %d", p, rec.Code)
		}
		name := filepath.Join(dir, filepath.FromSlash(strings.TrimPrefix(p, "/")))
		if strings.HasSuffix(p, "/") {
			name = filepath.Join(name, "index.html")
		}
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			return files, fmt.Errorf("export %s: %w", p, err)
		}
		if err := os.WriteFile(name, rec.Body.Bytes(), 0o644); err != nil {
			return files, fmt.Errorf("export %s: %w", p, err)
		}
		files++
	}
	return files, nil
}
