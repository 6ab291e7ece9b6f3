//go:build js && wasm

package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"syscall/js"

	"github.com/dbtour/dbtour/wasm/engine"
	"github.com/ncruces/go-sqlite3"
)

// hostFuncs are the raw API's calls that sql.js's API needs beyond
// engine.js's (web/static/engine/sqljs.js uses them):
//
//	prepareNext(db, sql) -> {handle, columns, params, tail} or null
//	stepRows(stmt, n)    -> {rows: up to n rows, done}
//	createFunction(db, name, nArg, fn)       updateHook(db, fn or null)
//	createAggregate(db, name, nArg, start)   changes(db)
//	errorString(code)
//
// fn, and the step and final methods of the object start returns, are
// JavaScript functions that return {ok: value} or {error: message} (see
// callJS); the SQL arguments reach them as null, numbers, strings and
// Uint8Arrays.
func (a *api) hostFuncs() map[string]func(args []js.Value) any {
	return map[string]func(args []js.Value) any{
		"prepareNext":     a.prepareNext,
		"stepRows":        a.stepRows,
		"createFunction":  a.onDB(createFunction),
		"createAggregate": a.onDB(createAggregate),
		"updateHook":      a.onDB(updateHook),
		"changes":         a.onDB(changes),
		"errorString":     errorString,
	}
}

// prepareNext compiles the first statement of sql, for sql.js's exec and
// iterateStatements, and returns its handle, columns, parameter names and
// the text after it; null when sql holds no statement.
func (a *api) prepareNext(args []js.Value) any {
	db, s, err := a.session(args, 0)
	if err != nil {
		return reply(nil, err)
	}
	sql, err := stringArg(args, 1, "sql")
	if err != nil {
		return reply(nil, err)
	}
	st, tail, err := s.PrepareNext(context.Background(), sql)
	if err != nil {
		return reply(nil, err)
	}
	if st == nil {
		return reply(nil, nil)
	}
	h := a.handle()
	a.stmts[h] = &stmtHandle{stmt: st, db: db}
	return reply(map[string]any{"handle": h, "columns": st.Columns(), "params": st.Params(), "tail": tail}, nil)
}

// stepRows steps up to n rows of a statement in one call, for sql.js's
// exec: a call per row would cost more than the row.
func (a *api) stepRows(args []js.Value) any {
	st, err := a.stmt(args)
	if err != nil {
		return reply(nil, err)
	}
	n := arg(args, 1)
	if n.Type() != js.TypeNumber || n.Int() < 1 {
		return reply(nil, fmt.Errorf("stepRows: the row count must be a positive number, got %s", n.Type()))
	}
	rows, done, err := st.StepRows(context.Background(), n.Int())
	if err != nil {
		return reply(nil, err)
	}
	return reply(map[string]any{"rows": rows, "done": done}, nil)
}

// nameAndArity reads a function's name and argument count, the first two
// arguments of createFunction and createAggregate, and checks that the
// third is a JavaScript function.
func nameAndArity(args []js.Value) (string, int, js.Value, error) {
	name, err := stringArg(args, 0, "name")
	if err != nil {
		return "", 0, js.Value{}, err
	}
	n := arg(args, 1)
	if n.Type() != js.TypeNumber {
		return "", 0, js.Value{}, fmt.Errorf("the argument count must be a number, got %s", n.Type())
	}
	fn := arg(args, 2)
	if fn.Type() != js.TypeFunction {
		return "", 0, js.Value{}, fmt.Errorf("%s: the function must be a function, got %s", name, fn.Type())
	}
	return name, n.Int(), fn, nil
}

func createFunction(s *engine.Session, args []js.Value) (any, error) {
	name, n, fn, err := nameAndArity(args)
	if err != nil {
		return nil, err
	}
	return nil, s.CreateFunction(name, n, func(args []any) (any, error) {
		return callJS(func() js.Value { return fn.Invoke(jsArgs(args)...) })
	})
}

func createAggregate(s *engine.Session, args []js.Value) (any, error) {
	name, n, start, err := nameAndArity(args)
	if err != nil {
		return nil, err
	}
	return nil, s.CreateAggregate(name, n, func() engine.HostAggregate {
		return jsAggregate{start.Invoke()}
	})
}

// jsAggregate is one group's run of a JavaScript aggregate: an object
// with step and final methods.
type jsAggregate struct{ obj js.Value }

func (a jsAggregate) Step(args []any) error {
	_, err := callJS(func() js.Value { return a.obj.Call("step", jsArgs(args)...) })
	return err
}

func (a jsAggregate) Final() (any, error) {
	return callJS(func() js.Value { return a.obj.Call("final") })
}

func updateHook(s *engine.Session, args []js.Value) (any, error) {
	fn := arg(args, 0)
	if fn.IsNull() || fn.IsUndefined() {
		return nil, s.SetUpdateHook(nil)
	}
	if fn.Type() != js.TypeFunction {
		return nil, fmt.Errorf("the update hook must be a function or null, got %s", fn.Type())
	}
	return nil, s.SetUpdateHook(func(op, schema, table string, rowid int64) {
		fn.Invoke(op, schema, table, float64(rowid))
	})
}

func changes(s *engine.Session, _ []js.Value) (any, error) {
	return s.Changes(), nil
}

// errorString is SQLite's text for a result code (sqlite3_errstr), for
// sql.js's handleError.
func errorString(args []js.Value) any {
	code := arg(args, 0)
	if code.Type() != js.TypeNumber {
		return reply(nil, fmt.Errorf("the result code must be a number, got %s", code.Type()))
	}
	return reply(strings.TrimPrefix(sqlite3.ErrorCode(code.Int()&0xff).Error(), "sqlite3: "), nil)
}

// callJS calls JavaScript code that answers {ok: value} or {error:
// message}; {ok: number, real: true} is a number SQL stores as REAL, as
// sql.js stores every number a function returns.
func callJS(call func() js.Value) (any, error) {
	res := call()
	if res.Type() != js.TypeObject {
		return nil, fmt.Errorf("the function's wrapper returned a %s", res.Type())
	}
	if msg := res.Get("error"); msg.Type() == js.TypeString {
		return nil, errors.New(msg.String())
	}
	ok := res.Get("ok")
	if ok.Type() == js.TypeNumber && res.Get("real").Truthy() {
		return ok.Float(), nil
	}
	return goValue(ok)
}

// jsArgs converts SQL arguments to JavaScript values as sql.js passes
// them: integers as numbers, blobs as Uint8Arrays.
func jsArgs(args []any) []any {
	out := make([]any, len(args))
	for i, v := range args {
		switch v := v.(type) {
		case int64:
			out[i] = float64(v)
		case []byte:
			u8 := js.Global().Get("Uint8Array").New(len(v))
			js.CopyBytesToJS(u8, v)
			out[i] = u8
		default:
			out[i] = v
		}
	}
	return out
}
