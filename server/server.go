package main

import (
	"context"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"os"
	"sort"
	"sync"

	"github.com/dbtour/dbtour/lessons"
	"github.com/dbtour/dbtour/web"
	"github.com/tdewolff/minify/v2"
)

// server serves the course. Everything it serves is prepared when it is
// built (pages rendered with their results, assets minified and
// compressed), so requests only copy bytes, and a bad lesson stops
// start-up instead of a page. It holds no reader data.
type server struct {
	mux     *http.ServeMux
	handler http.Handler // mux behind security headers and the access log
	log     *slog.Logger
	// version names the current set of static assets.
	version string
	// files are all responses by URL path: pages, /sw.js, the manifest
	// and the versioned assets under /static/VERSION/. reload replaces
	// the map (never changes it) while holding mu.
	files map[string]*asset
	mu    sync.RWMutex
	// min minifies pages that reload renders.
	min *minify.M
	// collect takes hand-ins (POST /handin) when serve has -collect; nil
	// otherwise, and the server writes nothing.
	collect *collector
}

// config is what newServer's options set.
type config struct {
	lessons fs.FS
	static  fs.FS
	log     *slog.Logger
	collect string
}

// option configures newServer.
type option func(*config)

// withLessons serves the course in fsys instead of the embedded one.
func withLessons(fsys fs.FS) option { return func(c *config) { c.lessons = fsys } }

// lessonsFS is the lessons folder dir, read through an os.Root: a
// symbolic link inside it that leads out of it (to /etc/passwd, say) fails
// to open instead of serving what it points at.
func lessonsFS(dir string) fs.FS {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return errFS{err}
	}
	return root.FS()
}

// errFS is a file system every open of which fails with err: the lessons
// folder that could not be opened, which lessons.Load then reports.
type errFS struct{ err error }

func (e errFS) Open(string) (fs.File, error) { return nil, e.err }

// withStatic serves the assets in fsys instead of the embedded ones.
func withStatic(fsys fs.FS) option { return func(c *config) { c.static = fsys } }

// withCollect takes hand-ins into the folder dir.
func withCollect(dir string) option { return func(c *config) { c.collect = dir } }

// withLogger logs to l instead of discarding.
func withLogger(l *slog.Logger) option { return func(c *config) { c.log = l } }

// newServer loads the course and prepares every response.
func newServer(ctx context.Context, opts ...option) (*server, error) {
	cfg := config{lessons: lessons.Content(), static: web.Static(), log: slog.New(slog.DiscardHandler)}
	for _, o := range opts {
		o(&cfg)
	}
	course, err := lessons.Load(cfg.lessons)
	if err != nil {
		return nil, fmt.Errorf("load lessons: %w", err)
	}
	m := newMinifier()
	assets, err := loadAssets(m, cfg.static)
	if err != nil {
		return nil, err
	}
	s := &server{mux: http.NewServeMux(), log: cfg.log, version: version(assets), files: map[string]*asset{}, min: m}
	for name, a := range assets {
		a.immutable = true
		s.files["/"+assetsDir(s.version)+name] = a
	}
	if err := s.addPages(ctx, m, course); err != nil {
		return nil, err
	}
	if cfg.collect != "" {
		if s.collect, err = newCollector(cfg.collect, cfg.lessons, cfg.log); err != nil {
			return nil, err
		}
	}
	s.routes()
	return s, nil
}

// addPages renders the course's pages, the service worker and the web
// app manifest.
func (s *server) addPages(ctx context.Context, m *minify.M, course *lessons.Course) error {
	html, err := renderPages(ctx, course, s.version)
	if err != nil {
		return err
	}
	for p, b := range html {
		if s.files[p], err = newAsset(m, "text/html; charset=utf-8", b); err != nil {
			return fmt.Errorf("page %s: %w", p, err)
		}
	}
	desc, err := describeCourse(course)
	if err != nil {
		return err
	}
	if s.files[courseJSONPath], err = newAsset(m, "application/json", desc); err != nil {
		return fmt.Errorf("course description: %w", err)
	}
	if s.files["/manifest.webmanifest"], err = newAsset(m, "application/manifest+json", s.manifest()); err != nil {
		return fmt.Errorf("manifest: %w", err)
	}
	// Last: the worker precaches everything above.
	if s.files["/sw.js"], err = newAsset(m, "text/javascript; charset=utf-8", s.serviceWorker()); err != nil {
		return fmt.Errorf("service worker: %w", err)
	}
	return nil
}

// routes registers every route in one place.
func (s *server) routes() {
	s.mux.HandleFunc("GET /{$}", s.handleFile)
	s.mux.HandleFunc("GET /lessons/{slug}/{$}", s.handleFile)
	s.mux.HandleFunc("GET "+playgroundPath+"{$}", s.handleFile)
	s.mux.HandleFunc("GET /static/", s.handleFile)
	s.mux.HandleFunc("GET /sw.js", s.handleFile)
	s.mux.HandleFunc("GET /manifest.webmanifest", s.handleFile)
	s.mux.HandleFunc("GET "+courseJSONPath, s.handleFile)
	s.mux.HandleFunc("GET /healthz", s.handleHealth)
	s.mux.HandleFunc("GET "+handInPath, s.handleHandInStatus)
	if s.collect != nil {
		s.mux.Handle("POST "+handInPath, s.collect)
	}
	s.handler = s.accessLog(securityHeaders(s.mux))
}

// ServeHTTP serves the course.
func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.handler.ServeHTTP(w, r)
}

func (s *server) handleFile(w http.ResponseWriter, r *http.Request) {
	s.mu.RLock()
	a, ok := s.files[r.URL.Path]
	s.mu.RUnlock()
	if !ok {
		http.NotFound(w, r)
		return
	}
	a.serve(w, r)
}

func (s *server) handleHealth(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	fmt.Fprintln(w, "ok")
}

// paths lists every file the server answers, sorted: what an export
// writes and what the service worker precaches.
func (s *server) paths() []string {
	ps := make([]string, 0, len(s.files))
	for p := range s.files {
		ps = append(ps, p)
	}
	sort.Strings(ps)
	return ps
}
