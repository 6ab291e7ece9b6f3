//go:build js && wasm

package main

import (
	"context"
	"errors"
	"syscall/js"

	"github.com/dbtour/dbtour/wasm/engine"
)

// errFreed is the misuse of a statement after free or after its database
// was closed.
var errFreed = errors.New("statement is freed")

func (a *api) prepare(args []js.Value) any {
	db, s, err := a.session(args, 0)
	if err != nil {
		return reply(nil, err)
	}
	sql, err := stringArg(args, 1, "sql")
	if err != nil {
		return reply(nil, err)
	}
	st, err := s.Prepare(context.Background(), sql)
	if err != nil {
		return reply(nil, err)
	}
	h := a.handle()
	a.stmts[h] = &stmtHandle{stmt: st, db: db}
	return reply(map[string]any{"handle": h, "columns": st.Columns()}, nil)
}

func (a *api) bind(args []js.Value) any {
	st, err := a.stmt(args)
	if err != nil {
		return reply(nil, err)
	}
	params, err := goParams(arg(args, 1))
	if err != nil {
		return reply(nil, err)
	}
	return reply(nil, st.Bind(context.Background(), params...))
}

func (a *api) step(args []js.Value) any {
	st, err := a.stmt(args)
	if err != nil {
		return reply(nil, err)
	}
	row, err := st.Step(context.Background())
	if err != nil {
		return reply(nil, err)
	}
	if row == nil {
		return reply(nil, nil) // no more rows
	}
	return reply(row, nil)
}

func (a *api) reset(args []js.Value) any {
	st, err := a.stmt(args)
	if err != nil {
		return reply(nil, err)
	}
	st.Reset()
	return reply(nil, nil)
}

func (a *api) free(args []js.Value) any {
	if v := arg(args, 0); v.Type() == js.TypeNumber {
		if h, ok := a.stmts[v.Int()]; ok {
			if err := h.stmt.Close(); err != nil {
				return reply(nil, err) // running: the handle stays valid
			}
			delete(a.stmts, v.Int())
			return reply(nil, nil)
		}
	}
	return reply(nil, nil) // freeing twice is harmless, as in sql.js
}

// stmt returns the live statement that the first argument names.
func (a *api) stmt(args []js.Value) (*engine.Stmt, error) {
	if v := arg(args, 0); v.Type() == js.TypeNumber {
		if h, ok := a.stmts[v.Int()]; ok {
			return h.stmt, nil
		}
	}
	return nil, errFreed
}
