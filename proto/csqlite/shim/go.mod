// The engine prototype's stand-in for go-sqlite3-wasm (see ../README.md):
// build.sh copies this module, adds the generated files and go-sqlite3-wasm's
// own libc.go, and points a replace directive at the copy.
module github.com/ncruces/go-sqlite3-wasm/v6

go 1.26.0
