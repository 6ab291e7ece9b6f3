package main

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/dbtour/dbtour/web"
)

// serviceWorker returns /sw.js: web's service worker preceded by this
// build's version and the list of everything to precache, relative to
// the site's root, where the worker lives so that its scope is the site.
func (s *server) serviceWorker() []byte {
	precache := []string{}
	for _, p := range s.paths() {
		if p == "/sw.js" {
			continue
		}
		precache = append(precache, "./"+strings.TrimPrefix(p, "/"))
	}
	list, _ := json.Marshal(precache) // a []string always encodes
	head := fmt.Sprintf("const VERSION = %q;\nconst PRECACHE = %s;\n", s.version, list)
	return append([]byte(head), web.ServiceWorker()...)
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
