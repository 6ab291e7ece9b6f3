package engine

import (
	"context"
	"errors"
	"fmt"

	"github.com/ncruces/go-sqlite3"
)

// HostFunc is an SQL function written in the host's language (JavaScript,
// in engine.wasm): it takes the SQL arguments as nil, int64, float64,
// string or []byte and returns one of those (or a bool), or an error that
// becomes the statement's error. It runs between SQLite's steps, so the
// time limit stops a statement that calls it too often, but not one call
// that never returns.
type HostFunc func(args []any) (any, error)

// HostAggregate is one group's run of an aggregate function written in the
// host's language: Step takes each row's arguments, Final the result.
type HostAggregate interface {
	Step(args []any) error
	Final() (any, error)
}

// CreateFunction defines (or redefines) the SQL function name, taking
// nArg arguments (-1: any number), as fn.
func (s *Session) CreateFunction(name string, nArg int, fn HostFunc) error {
	err := s.guard(context.Background(), func() error {
		return s.conn.CreateFunction(name, nArg, 0, func(ctx sqlite3.Context, arg ...sqlite3.Value) {
			v, err := callHost(func() (any, error) { return fn(hostArgs(arg)) })
			setResult(ctx, v, err)
		})
	})
	if err != nil {
		return fmt.Errorf("create function %s: %w", name, err)
	}
	return nil
}

// CreateAggregate defines (or redefines) the aggregate SQL function name,
// taking nArg arguments; start begins the run of one group.
func (s *Session) CreateAggregate(name string, nArg int, start func() HostAggregate) error {
	err := s.guard(context.Background(), func() error {
		return s.conn.CreateWindowFunction(name, nArg, 0, func() sqlite3.AggregateFunction {
			return &aggregate{run: start()}
		})
	})
	if err != nil {
		return fmt.Errorf("create aggregate %s: %w", name, err)
	}
	return nil
}

// aggregate adapts a HostAggregate to go-sqlite3; after a failed step it
// takes no more rows (SQLite stops the statement anyway).
type aggregate struct {
	run    HostAggregate
	failed bool
}

func (a *aggregate) Step(ctx sqlite3.Context, arg ...sqlite3.Value) {
	if a.failed {
		return
	}
	_, err := callHost(func() (any, error) { return nil, a.run.Step(hostArgs(arg)) })
	if err != nil {
		a.failed = true
		ctx.ResultError(err)
	}
}

func (a *aggregate) Value(ctx sqlite3.Context) {
	if a.failed {
		return
	}
	v, err := callHost(a.run.Final)
	setResult(ctx, v, err)
}

// SetUpdateHook calls fn after each row a statement inserts, updates or
// deletes in a rowid table, with op "insert", "update" or "delete"; nil
// removes it. https://sqlite.org/c3ref/update_hook.html
func (s *Session) SetUpdateHook(fn func(op, schema, table string, rowid int64)) error {
	if s.conn == nil {
		return ErrClosed
	}
	if fn == nil {
		s.conn.UpdateHook(nil)
		return nil
	}
	ops := map[sqlite3.AuthorizerActionCode]string{
		sqlite3.AUTH_INSERT: "insert", sqlite3.AUTH_UPDATE: "update", sqlite3.AUTH_DELETE: "delete",
	}
	s.conn.UpdateHook(func(op sqlite3.AuthorizerActionCode, schema, table string, rowid int64) {
		_, _ = callHost(func() (any, error) { fn(ops[op], schema, table, rowid); return nil, nil })
	})
	return nil
}

// Changes is the number of rows the last INSERT, UPDATE or DELETE changed
// (sqlite3_changes); 0 on a closed session.
func (s *Session) Changes() int64 {
	if s.conn == nil {
		return 0
	}
	return s.conn.Changes()
}

// Busy reports whether one of the session's calls is running: a host
// function or hook that calls back into the session sees true.
func (s *Session) Busy() bool {
	return s.busy
}

// callHost runs host code, turning a panic into an error: a panic must not
// unwind through SQLite's frames.
func callHost(f func() (any, error)) (v any, err error) {
	defer func() {
		if p := recover(); p != nil {
			v, err = nil, fmt.Errorf("the function failed: %v", p)
		}
	}()
	return f()
}

// hostArgs converts SQL arguments to Go values.
func hostArgs(arg []sqlite3.Value) []any {
	out := make([]any, len(arg))
	for i, v := range arg {
		switch v.Type() {
		case sqlite3.INTEGER:
			out[i] = v.Int64()
		case sqlite3.FLOAT:
			out[i] = v.Float()
		case sqlite3.TEXT:
			out[i] = v.Text()
		case sqlite3.BLOB:
			out[i] = v.Blob(nil)
		default:
			out[i] = nil
		}
	}
	return out
}

// errResultType is a host function's result that SQL cannot hold.
var errResultType = errors.New("a function returned a value SQL cannot hold")

// setResult makes v (or err) the SQL function's result.
func setResult(ctx sqlite3.Context, v any, err error) {
	if err != nil {
		ctx.ResultError(err)
		return
	}
	switch v := v.(type) {
	case nil:
		ctx.ResultNull()
	case int64:
		ctx.ResultInt64(v)
	case float64:
		ctx.ResultFloat(v)
	case bool:
		ctx.ResultBool(v)
	case string:
		ctx.ResultText(v)
	case []byte:
		ctx.ResultBlob(v)
	default:
		ctx.ResultError(fmt.Errorf("%w: %T", errResultType, v))
	}
}
