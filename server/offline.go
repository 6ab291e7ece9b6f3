package main

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/dbtour/dbtour/web"
)

// fetchedWhenNeeded are the assets the service worker does not precache:
// the engine with the Go interpreter (1 MB more than engine-orm.wasm,
// brotli), which a lesson page loads only once a reader edits a program
// (web/static/js/lesson.js). The worker keeps it once fetched.
var fetchedWhenNeeded = []string{"engine/engine-go.wasm"}

// serviceWorker returns /sw.js: web's service worker preceded by this
// build's version and the list of everything to precache.
func (s *server) serviceWorker() []byte {
	list, _ := json.Marshal(s.precached()) // a []string always encodes
	head := fmt.Sprintf("const VERSION = %q;\nconst PRECACHE = %s;\n", s.version, list)
	return append([]byte(head), web.ServiceWorker()...)
}

// precached lists what the service worker caches on install: every file
// but itself and those fetched when needed, relative to the site's root,
// where the worker lives so that its scope is the site.
func (s *server) precached() []string {
	list := []string{}
	for _, p := range s.paths() {
		if p == "/sw.js" || slices.ContainsFunc(fetchedWhenNeeded, func(f string) bool { return strings.HasSuffix(p, "/"+f) }) {
			continue
		}
		list = append(list, "./"+strings.TrimPrefix(p, "/"))
	}
	return list
}

// manifest returns the web app manifest that makes the course installable.
func (s *server) manifest() []byte {
	m := map[string]any{
		"name":             "dbtour: learn databases in your browser",
		"short_name":       "dbtour",
		"start_url":        "./",
		"scope":            "./",
		"display":          "standalone",
		"background_color": "#fdfcfa",
		"theme_color":      "#0b5cad",
		"icons": []map[string]string{
			{"src": assetsDir(s.version) + "icon.svg", "sizes": "any", "type": "image/svg+xml"},
		},
	}
	b, _ := json.Marshal(m) // plain maps of strings always encode
	return b
}
