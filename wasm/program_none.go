//go:build js && wasm && !orm

package main

import (
	"errors"
	"syscall/js"

	"github.com/dbtour/dbtour/wasm/engine"
)

// runProgram refuses: engine.wasm is the SQL-only engine (pages with
// program cells load engine-orm.wasm or engine-go.wasm).
func runProgram(*engine.Session, []js.Value) (any, error) {
	return nil, errors.New("this engine (engine.wasm) runs SQL only; Go programs need engine-orm.wasm or engine-go.wasm")
}
