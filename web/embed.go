//go:build !slim

package web

import "embed"

// static is web/static whole: what tests and development builds serve.
// It compiles before any engine is built; the slim build (embed_slim.go)
// lists its files and needs the engines.
//
//go:embed static
var static embed.FS
