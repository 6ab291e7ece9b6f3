package main

import (
	"context"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"sort"

	"github.com/dbtour/dbtour/lessons"
	"github.com/dbtour/dbtour/web"
)

// server serves the course. Everything it serves is prepared when it is
// built (pages rendered with their results, assets minified), so requests
// only copy bytes, and a bad lesson stops start-up instead of a page.
type server struct {
	mux    *http.ServeMux
	log    *slog.Logger
	pages  map[string]asset // by URL path
	assets map[string]asset // by URL path, under /static/
}

// config is what newServer's options set.
type config struct {
	lessons fs.FS
	static  fs.FS
	log     *slog.Logger
}

// option configures newServer.
type option func(*config)

// withLessons serves the course in fsys instead of the embedded one.
func withLessons(fsys fs.FS) option { return func(c *config) { c.lessons = fsys } }

// withStatic serves the assets in fsys instead of the embedded ones.
func withStatic(fsys fs.FS) option { return func(c *config) { c.static = fsys } }

// withLogger logs to l instead of discarding.
func withLogger(l *slog.Logger) option { return func(c *config) { c.log = l } }

// newServer loads the course and prepares every page and asset.
func newServer(ctx context.Context, opts ...option) (*server, error) {
	cfg := config{lessons: lessons.Content(), static: web.Static(), log: slog.New(slog.DiscardHandler)}
	for _, o := range opts {
		o(&cfg)
	}
	course, err := lessons.Load(cfg.lessons)
	if err != nil {
		return nil, fmt.Errorf("load lessons: %w", err)
	}
	html, err := renderPages(ctx, course)
	if err != nil {
		return nil, err
	}
	s := &server{mux: http.NewServeMux(), log: cfg.log, pages: map[string]asset{}}
	m := newMinifier()
	for p, b := range html {
		if s.pages[p], err = newAsset(m, "text/html; charset=utf-8", b); err != nil {
			return nil, fmt.Errorf("page %s: %w", p, err)
		}
	}
	if s.assets, err = loadAssets(m, cfg.static, "/static/"); err != nil {
		return nil, err
	}
	s.routes()
	return s, nil
}

// routes registers every route in one place.
func (s *server) routes() {
	s.mux.HandleFunc("GET /{$}", s.handlePage)
	s.mux.HandleFunc("GET /lessons/{slug}/{$}", s.handlePage)
	s.mux.HandleFunc("GET /static/", s.handleStatic)
}

// ServeHTTP serves the course.
func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mux.ServeHTTP(w, r)
}

func (s *server) handlePage(w http.ResponseWriter, r *http.Request) {
	s.serveFrom(s.pages, w, r)
}

func (s *server) handleStatic(w http.ResponseWriter, r *http.Request) {
	s.serveFrom(s.assets, w, r)
}

func (s *server) serveFrom(m map[string]asset, w http.ResponseWriter, r *http.Request) {
	a, ok := m[r.URL.Path]
	if !ok {
		http.NotFound(w, r)
		return
	}
	a.serve(w, r)
}

// paths lists every URL path the server answers, sorted: what an export
// writes.
func (s *server) paths() []string {
	var ps []string
	for _, m := range []map[string]asset{s.pages, s.assets} {
		for p := range m {
			ps = append(ps, p)
		}
	}
	sort.Strings(ps)
	return ps
}
