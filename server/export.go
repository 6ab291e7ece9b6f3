package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"strings"
)

// export writes the whole site into dir as static files, requesting every
// path through the server's own handlers, so the exported site is the
// served one. A path ending in "/" becomes that directory's index.html.
// Compressed forms go beside as NAME.br and NAME.gz, for hosts that serve
// precompressed files (nginx gzip_static, brotli_static).
func (s *server) export(dir string) (files int, err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, fmt.Errorf("export: %w", err)
	}
	// Every write goes through an os.Root: a symbolic link inside dir
	// that leads out of it is an error, not a way to write elsewhere.
	root, err := os.OpenRoot(dir)
	if err != nil {
		return 0, fmt.Errorf("export: %w", err)
	}
	defer root.Close()
	for _, p := range s.paths() {
		name := path.Clean(strings.TrimPrefix(p, "/"))
		if strings.HasSuffix(p, "/") {
			name = path.Join(name, "index.html")
		}
		if err := root.MkdirAll(path.Dir(name), 0o755); err != nil {
			return files, fmt.Errorf("export %s: %w", p, err)
		}
		for _, enc := range []struct{ accept, suffix string }{{"", ""}, {"br", ".br"}, {"gzip", ".gz"}} {
			body, ok, err := s.fetch(p, enc.accept)
			if err != nil {
				return files, fmt.Errorf("export %s: %w", p, err)
			}
			if !ok {
				continue
			}
			if err := root.WriteFile(name+enc.suffix, body, 0o644); err != nil {
				return files, fmt.Errorf("export %s: %w", p, err)
			}
			files++
		}
	}
	return files, nil
}

// fetch requests path from the server in the given content coding ("" for
// none) and reports whether the server had it in that coding.
func (s *server) fetch(path, coding string) (body []byte, ok bool, err error) {
	req := httptest.NewRequest(http.MethodGet, path, nil)
	if coding != "" {
		req.Header.Set("Accept-Encoding", coding)
	}
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		return nil, false, fmt.Errorf("status %d", rec.Code)
	}
	return rec.Body.Bytes(), rec.Header().Get("Content-Encoding") == coding, nil
}
