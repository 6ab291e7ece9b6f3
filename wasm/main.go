//go:build js && wasm

// Command wasm is engine.wasm: it publishes the engine to JavaScript as
// globalThis.dbtourEngine and then waits for calls. The public, sql.js-shaped
// API (web/static/engine/engine.js) is built on top of it.
package main

import "syscall/js"

func main() {
	exported = newAPI()
	js.Global().Set("dbtourEngine", exported.object())
	select {}
}
