//go:build slim

package web

import "embed"

// static is web/static without the engines' raw .wasm files: the release
// binary (`./build.sh build` builds with -tags slim) embeds each engine
// only as its build-time .br and .gz, and the server rebuilds the raw file
// from the .gz for the rare client that accepts neither coding and for
// `dbtour export`. That leaves about 70 MB of the three engines out of the
// binary. Every pattern must match a file, so this build needs the engines
// (`./build.sh wasm`); a test (embed_test.go) holds that it leaves out
// nothing else of web/static.
//
//go:embed static/icon.svg static/css static/js
//go:embed static/engine/*.js static/engine/*.d.ts static/engine/*.json static/engine/*.md
//go:embed static/engine/*.wasm.br static/engine/*.wasm.gz
var static embed.FS
