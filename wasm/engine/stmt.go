package engine

import (
	"context"
	"fmt"
	"strings"

	"github.com/ncruces/go-sqlite3"
)

// Stmt is a prepared statement stepped one row at a time, for callers that
// want rows as they come (the sql.js-shaped prepare/step/get API).
type Stmt struct {
	s    *Session
	stmt *sqlite3.Stmt
	sql  string
	cols []string
}

// Prepare compiles the first statement of sql. A script of several
// statements is an error here: Exec runs scripts.
func (s *Session) Prepare(ctx context.Context, sql string) (*Stmt, *Error) {
	stmt, tail, err := s.conn.Prepare(sql)
	if err != nil {
		return nil, s.newError(ctx, err, sql, 0, 0)
	}
	if stmt == nil {
		return nil, s.newError(ctx, fmt.Errorf("no statement to prepare"), sql, 0, 0)
	}
	if strings.TrimSpace(tail) != "" {
		stmt.Close()
		return nil, s.newError(ctx, fmt.Errorf("prepare takes one statement; use exec for a script"), sql, len(sql)-len(tail), 1)
	}
	st := &Stmt{s: s, stmt: stmt, sql: sql, cols: describeColumns(stmt).Columns}
	return st, nil
}

// Columns names the statement's result columns.
func (st *Stmt) Columns() []string {
	return st.cols
}

// Bind resets the statement and binds args as Exec does.
func (st *Stmt) Bind(ctx context.Context, args ...any) *Error {
	if err := st.stmt.Reset(); err != nil {
		return st.s.newError(ctx, err, st.sql, 0, 0)
	}
	if err := st.stmt.ClearBindings(); err != nil {
		return st.s.newError(ctx, err, st.sql, 0, 0)
	}
	if err := bindArgs(st.stmt, args); err != nil {
		return st.s.newError(ctx, err, st.sql, 0, 0)
	}
	return nil
}

// Step advances to the next row and returns it, or nil when there are no
// more rows. Each step runs under the session's time limit.
func (st *Stmt) Step(ctx context.Context) (Row, *Error) {
	old := st.s.conn.SetInterrupt(withClockDeadline(ctx, st.s.opts.TimeLimit))
	defer st.s.conn.SetInterrupt(old)
	if st.stmt.Step() {
		return readRow(st.stmt, len(st.cols)), nil
	}
	if err := st.stmt.Err(); err != nil {
		return nil, st.s.newError(ctx, err, st.sql, 0, 0)
	}
	return nil, nil
}

// Reset rewinds the statement to run again, keeping its bindings.
func (st *Stmt) Reset() {
	st.stmt.Reset()
}

// Close frees the statement.
func (st *Stmt) Close() error {
	return st.stmt.Close()
}
