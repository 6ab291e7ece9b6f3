package engine

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/ncruces/go-sqlite3"
)

// errFreed is the misuse of a statement after Close or after its session
// was closed.
var errFreed = errors.New("statement is freed")

// Stmt is a prepared statement stepped one row at a time, for callers that
// want rows as they come (the sql.js-shaped prepare/step/get API).
type Stmt struct {
	s    *Session
	stmt *sqlite3.Stmt // nil once closed
	sql  string
	cols []string
}

// Prepare compiles the first statement of sql. A script of several
// statements is an error here: Exec runs scripts. The error, as every
// error of a Stmt's methods, is an *Error positioned in sql (errors.As
// finds it).
func (s *Session) Prepare(ctx context.Context, sql string) (*Stmt, error) {
	var st *Stmt
	var perr *Error
	err := s.guard(ctx, func() error {
		stmt, tail, err := s.conn.Prepare(sql)
		switch {
		case err != nil:
			perr = s.newError(ctx, prepareError(err), sql, len(sql), 0, 0)
		case stmt == nil:
			perr = s.newError(ctx, fmt.Errorf("no statement to prepare"), sql, len(sql), 0, 0)
		case strings.TrimSpace(tail) != "":
			stmt.Close()
			perr = s.newError(ctx, fmt.Errorf("prepare takes one statement; use exec for a script"), sql, len(sql), len(sql)-len(tail), 1)
		default:
			st = &Stmt{s: s, stmt: stmt, sql: sql, cols: describeColumns(stmt).Columns}
		}
		return nil
	})
	if err != nil {
		return nil, s.newError(ctx, err, sql, len(sql), 0, 0)
	}
	if perr != nil {
		return nil, perr
	}
	if s.stmts == nil {
		s.stmts = map[*Stmt]struct{}{}
	}
	s.stmts[st] = struct{}{}
	return st, nil
}

// Columns names the statement's result columns.
func (st *Stmt) Columns() []string {
	return st.cols
}

// call runs f on the live statement as one guarded entry point of its
// session, and positions an error in the statement's text.
func (st *Stmt) call(ctx context.Context, f func() error) error {
	err := errFreed
	if st.stmt != nil {
		err = st.s.guard(ctx, func() error {
			if st.stmt == nil { // freed by a callback of this call
				return errFreed
			}
			return f()
		})
	}
	if err != nil {
		return st.s.newError(ctx, err, st.sql, len(st.sql), 0, 0)
	}
	return nil
}

// Bind resets the statement and binds args as Exec does.
func (st *Stmt) Bind(ctx context.Context, args ...any) error {
	return st.call(ctx, func() error {
		if err := st.stmt.Reset(); err != nil {
			return err
		}
		if err := st.stmt.ClearBindings(); err != nil {
			return err
		}
		return bindArgs(st.stmt, args)
	})
}

// Step advances to the next row and returns it, or nil when there are no
// more rows. Each step runs under the session's time limit.
func (st *Stmt) Step(ctx context.Context) (Row, error) {
	var row Row
	err := st.call(ctx, func() error {
		if st.stmt.Step() {
			row = readRow(st.stmt, len(st.cols))
			return nil
		}
		return st.stmt.Err()
	})
	return row, err
}

// Reset rewinds the statement to run again, keeping its bindings.
func (st *Stmt) Reset() {
	st.call(context.Background(), func() error {
		st.stmt.Reset()
		return nil
	})
}

// Close frees the statement; closing twice is harmless.
func (st *Stmt) Close() error {
	if st.stmt == nil {
		return nil
	}
	if st.s.busy {
		return errBusy
	}
	delete(st.s.stmts, st)
	stmt := st.stmt
	st.stmt = nil
	closeStmt(stmt)
	return nil
}
