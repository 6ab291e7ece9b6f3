//go:build js && wasm

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"syscall/js"

	"github.com/dbtour/dbtour/wasm/engine"
)

// api is the raw engine API that JavaScript calls. Its functions never
// throw: failures come back as data (a result whose error is set), because
// a Go function called from JavaScript has no way to throw.
type api struct {
	sessions map[int]*engine.Session
	next     int
}

func newAPI() *api {
	return &api{sessions: map[int]*engine.Session{}, next: 1}
}

// object returns the JavaScript object holding the API's functions:
//
//	open() -> handle (a positive number) or an error message (a string)
//	exec(handle, sql, params?) -> the engine.Result as a JSON string
//	close(handle) -> undefined
func (a *api) object() js.Value {
	return js.ValueOf(map[string]any{
		"open":  js.FuncOf(a.open),
		"exec":  js.FuncOf(a.exec),
		"close": js.FuncOf(a.close),
	})
}

func (a *api) open(js.Value, []js.Value) any {
	s, err := engine.Open(engine.Options{})
	if err != nil {
		return err.Error()
	}
	h := a.next
	a.next++
	a.sessions[h] = s
	return h
}

func (a *api) exec(_ js.Value, args []js.Value) any {
	res := a.execResult(args)
	b, err := json.Marshal(res)
	if err != nil {
		b, _ = json.Marshal(failure(fmt.Errorf("encode result: %w", err)))
	}
	return string(b)
}

func (a *api) execResult(args []js.Value) engine.Result {
	if len(args) < 2 || args[1].Type() != js.TypeString {
		return failure(fmt.Errorf("exec: want (handle, sql[, params])"))
	}
	s, err := a.session(args[0])
	if err != nil {
		return failure(err)
	}
	var params []any
	if len(args) > 2 {
		if params, err = goParams(args[2]); err != nil {
			return failure(err)
		}
	}
	return s.Exec(context.Background(), args[1].String(), params...)
}

func (a *api) close(_ js.Value, args []js.Value) any {
	if len(args) == 0 {
		return nil
	}
	if s, err := a.session(args[0]); err == nil {
		s.Close()
		delete(a.sessions, args[0].Int())
	}
	return nil
}

// session returns the open session a JavaScript handle names.
func (a *api) session(h js.Value) (*engine.Session, error) {
	if h.Type() == js.TypeNumber {
		if s, ok := a.sessions[h.Int()]; ok {
			return s, nil
		}
	}
	return nil, fmt.Errorf("database is closed")
}

// failure is a Result for an error that happened before any SQL ran.
func failure(err error) engine.Result {
	return engine.Result{Statements: []engine.Statement{}, Error: &engine.Error{
		Message: err.Error(), Code: 1, Line: 1, Column: 1,
	}}
}
