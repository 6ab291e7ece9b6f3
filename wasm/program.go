//go:build js && wasm && orm

package main

import (
	"context"
	"fmt"
	"syscall/js"

	"github.com/dbtour/dbtour/lessons/programs"
	"github.com/dbtour/dbtour/wasm/engine"
	"github.com/dbtour/dbtour/wasm/runner"
)

// The engine comes in three variants, one build of this package each, so
// that a page downloads only what it runs:
//
//	engine.wasm      (no tag)          SQL only; runProgram refuses
//	engine-orm.wasm  (-tags orm)       the course's programs, compiled
//	engine-go.wasm   (-tags orm,interp) those and the Go interpreter, for
//	                                   programs a reader edited or wrote
//
// runProgram(db, name, inputs, source?, exercise?) runs an example
// program on the database and returns its runner.Result; inputs is an
// object of strings. With source (a reader's edit of the program's file,
// or an exercise's program) the engine interprets that source instead of
// running the compiled program; with exercise ({solution, check}) it
// judges source against the exercise's solution (runner.RunExercise).
func runProgram(s *engine.Session, args []js.Value) (any, error) {
	name, err := stringArg(args, 0, "program name")
	if err != nil {
		return nil, err
	}
	in := programs.Inputs{}
	if v := arg(args, 1); v.Type() == js.TypeObject {
		keys := js.Global().Get("Object").Call("keys", v)
		for i := range keys.Length() {
			k := keys.Index(i).String()
			x := v.Get(k)
			if x.Type() != js.TypeString {
				return nil, fmt.Errorf("input %s: want a string, got %s", k, x.Type())
			}
			in[k] = x.String()
		}
	}
	src, ex := arg(args, 2), arg(args, 3)
	switch {
	case src.Type() == js.TypeUndefined || src.Type() == js.TypeNull:
		return runner.Run(context.Background(), s, name, in, runner.Options{})
	case src.Type() != js.TypeString:
		return nil, fmt.Errorf("program source: want a string, got %s", src.Type())
	}
	var e *runner.Exercise
	if ex.Type() == js.TypeObject {
		e = &runner.Exercise{Solution: ex.Get("solution").String()}
		if c := ex.Get("check"); c.Type() == js.TypeString {
			e.Check = c.String()
		}
	}
	return runSource(s, name, src.String(), in, e)
}
