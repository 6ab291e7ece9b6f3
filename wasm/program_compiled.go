//go:build js && wasm && orm && !interp

package main

import (
	"errors"

	"github.com/dbtour/dbtour/lessons/programs"
	"github.com/dbtour/dbtour/wasm/engine"
	"github.com/dbtour/dbtour/wasm/runner"
)

// runSource refuses: engine-orm.wasm runs the course's programs compiled
// and carries no interpreter (the page loads engine-go.wasm for edits).
func runSource(*engine.Session, string, string, programs.Inputs, *runner.Exercise) (any, error) {
	return nil, errors.New("this engine (engine-orm.wasm) runs the course's programs as compiled; an edited program needs engine-go.wasm")
}
