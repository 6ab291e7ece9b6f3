//go:build js && wasm

package main

import (
	"context"
	"errors"
	"fmt"
	"syscall/js"
	"time"

	"github.com/dbtour/dbtour/wasm/engine"
)

// api is the raw engine API that JavaScript calls (engine.js wraps it).
// Its functions never throw: a Go function called from JavaScript has no
// way to, so failures come back as data.
type api struct {
	sessions map[int]*engine.Session
	stmts    map[int]*stmtHandle
	next     int
}

// stmtHandle is a prepared statement and the database it belongs to.
type stmtHandle struct {
	stmt *engine.Stmt
	db   int
}

// errClosed is the misuse of a closed database or freed statement.
var errClosed = errors.New("database is closed")

// errCloseBusy refuses to close a database from inside one of its own
// calls (a JavaScript SQL function or update hook): the call is running.
var errCloseBusy = errors.New("cannot close the database while one of its statements runs (from a function or hook it called); the database stays open")

func newAPI() *api {
	return &api{sessions: map[int]*engine.Session{}, stmts: map[int]*stmtHandle{}, next: 1}
}

// object returns the JavaScript object holding the API's functions. Each
// returns a JSON string: an engine.Result for exec, else {"value": …} or
// {"error": {message, code, line, column, …}}; serialize returns the bytes.
//
//	open() -> handle                 close(db)
//	exec(db, sql, params?)           schema(db)        plan(db, sql)
//	dump(db)                         serialize(db)     deserialize(db, bytes)
//	importCSV(db, table, text)       prepare(db, sql)  bind(stmt, params?)
//	step(stmt)                       reset(stmt)       free(stmt)
//	setTimeLimit(db, ms)             inTransaction(db)
//	runProgram(db, name, inputs, source?, exercise?)  (see program.go)
func (a *api) object() js.Value {
	funcs := map[string]func(args []js.Value) any{
		"open": a.open, "close": a.close, "exec": a.exec,
		"schema": a.onDB(schema), "plan": a.onDB(plan), "dump": a.onDB(dump),
		"serialize": a.onDB(serialize), "deserialize": a.onDB(deserialize), "importCSV": a.onDB(importCSV),
		"setTimeLimit": a.onDB(setTimeLimit), "inTransaction": a.onDB(inTransaction),
		"prepare": a.prepare, "bind": a.bind, "step": a.step, "reset": a.reset, "free": a.free,
		"runProgram": a.onDB(runProgram),
	}
	for name, f := range a.hostFuncs() {
		funcs[name] = f
	}
	obj := map[string]any{}
	for name, f := range funcs {
		obj[name] = js.FuncOf(func(_ js.Value, args []js.Value) any { return safe(f, args) })
	}
	return js.ValueOf(obj)
}

// open takes optional limits: {timeLimitMs, maxRows, maxLength, maxMemory, maxResultBytes}.
func (a *api) open(args []js.Value) any {
	s, err := engine.Open(goOptions(arg(args, 0)))
	if err != nil {
		return reply(nil, err)
	}
	h := a.handle()
	a.sessions[h] = s
	return reply(h, nil)
}

func (a *api) close(args []js.Value) any {
	h, s, err := a.session(args, 0)
	if err != nil {
		return reply(nil, nil) // closing twice is harmless, as in sql.js
	}
	if s.Busy() {
		return reply(nil, errCloseBusy)
	}
	for id, st := range a.stmts {
		if st.db == h {
			st.stmt.Close()
			delete(a.stmts, id)
		}
	}
	delete(a.sessions, h)
	return reply(nil, s.Close())
}

func (a *api) exec(args []js.Value) any {
	res := a.execResult(args)
	b, err := res.AppendJSON(nil)
	if err != nil {
		return reply(nil, fmt.Errorf("encode result: %w", err))
	}
	return string(b)
}

func (a *api) execResult(args []js.Value) engine.Result {
	_, s, err := a.session(args, 0)
	if err == nil {
		var sql string
		if sql, err = stringArg(args, 1, "sql"); err == nil {
			var params []any
			if params, err = goParams(arg(args, 2)); err == nil {
				return s.Exec(context.Background(), sql, params...)
			}
		}
	}
	return engine.Result{Statements: []engine.Statement{}, Error: toError(err)}
}

// dbFunc is an API call on an open database: args[0] names it and the
// remaining arguments follow.
type dbFunc func(s *engine.Session, args []js.Value) (any, error)

// onDB adapts f to the API: it finds the database and encodes the reply.
func (a *api) onDB(f dbFunc) func(args []js.Value) any {
	return func(args []js.Value) any {
		_, s, err := a.session(args, 0)
		if err != nil {
			return reply(nil, err)
		}
		v, err := f(s, args[1:])
		if u8, ok := v.(js.Value); ok && err == nil {
			return u8 // bytes go to JavaScript as they are
		}
		return reply(v, err)
	}
}

func setTimeLimit(s *engine.Session, args []js.Value) (any, error) {
	if len(args) < 1 || args[0].Type() != js.TypeNumber {
		return nil, errors.New("setTimeLimit: the limit must be a number of milliseconds")
	}
	s.SetTimeLimit(time.Duration(args[0].Float() * float64(time.Millisecond)))
	return nil, nil
}

func inTransaction(s *engine.Session, _ []js.Value) (any, error) {
	return s.InTransaction(), nil
}

func schema(s *engine.Session, _ []js.Value) (any, error) {
	return s.Schema()
}

func dump(s *engine.Session, _ []js.Value) (any, error) {
	return s.Dump()
}

func plan(s *engine.Session, args []js.Value) (any, error) {
	sql, err := stringArg(args, 0, "sql")
	if err != nil {
		return nil, err
	}
	return s.QueryPlan(context.Background(), sql)
}

func serialize(s *engine.Session, _ []js.Value) (any, error) {
	b, err := s.Serialize()
	if err != nil {
		return nil, err
	}
	u8 := js.Global().Get("Uint8Array").New(len(b))
	js.CopyBytesToJS(u8, b)
	return u8, nil
}

func deserialize(s *engine.Session, args []js.Value) (any, error) {
	b, err := bytesArg(args, 0, "data")
	if err != nil {
		return nil, err
	}
	return nil, s.Deserialize(b)
}

func importCSV(s *engine.Session, args []js.Value) (any, error) {
	table, err := stringArg(args, 0, "table")
	if err != nil {
		return nil, err
	}
	text, err := stringArg(args, 1, "csv")
	if err != nil {
		return nil, err
	}
	return s.ImportCSV(table, []byte(text))
}

// handle returns a new handle for a database or statement.
func (a *api) handle() int {
	h := a.next
	a.next++
	return h
}

// session returns the open database that argument i names.
func (a *api) session(args []js.Value, i int) (int, *engine.Session, error) {
	if v := arg(args, i); v.Type() == js.TypeNumber {
		if s, ok := a.sessions[v.Int()]; ok {
			return v.Int(), s, nil
		}
	}
	return 0, nil, errClosed
}
