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

// The ORM variant of the engine (engine-orm.wasm) carries the course's
// example programs, GORM and all; pages without program cells load the
// smaller SQL-only engine.
func init() {
	variantFuncs["runProgram"] = runProgram
}

// runProgram(db, name, inputs) runs an example program on the database
// and returns its runner.Result; inputs is an object of strings.
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
	return runner.Run(context.Background(), s, name, in, runner.Options{})
}
