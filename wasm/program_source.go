//go:build js && wasm && orm && interp

package main

import (
	"context"

	"github.com/dbtour/dbtour/lessons/programs"
	"github.com/dbtour/dbtour/wasm/engine"
	"github.com/dbtour/dbtour/wasm/runner"
)

// runSource interprets source, a reader's edit of the program called name,
// or with ex judges it as that exercise's answer.
func runSource(s *engine.Session, name, source string, in programs.Inputs, ex *runner.Exercise) (any, error) {
	ctx := context.Background()
	if ex != nil {
		return runner.RunExercise(ctx, s, source, in, *ex, runner.Options{})
	}
	return runner.RunSource(ctx, s, name, source, in, runner.Options{})
}
