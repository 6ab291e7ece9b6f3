// Package web holds dbtour's pages (templ components and the view models
// they render) and the static assets a browser loads: CSS, the page
// script, the engine worker and, after a build, engine.wasm.
package web

import (
	_ "embed"
	"io/fs"
)

//go:generate go tool templ generate

//go:embed sw.js
var serviceWorker []byte

// ServiceWorker returns the service worker's script, which expects the
// constants VERSION and PRECACHE to be declared before it.
func ServiceWorker() []byte {
	return serviceWorker
}

// Static returns the assets served under /static/. The engine files
// (static/engine/engine*.wasm, their .br and .gz, and wasm_exec.js) exist
// only after `./build.sh wasm`. In the slim build (embed_slim.go) each
// engine is there only as its .br and .gz.
func Static() fs.FS {
	sub, err := fs.Sub(static, "static")
	if err != nil {
		panic(err) // "static" is a valid path by construction
	}
	return sub
}
