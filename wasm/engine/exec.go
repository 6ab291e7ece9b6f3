package engine

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/ncruces/go-sqlite3"
)

// Exec runs every statement of script in order and stops at the first
// error. If args are given, they are bound by position to each statement
// that has parameters. Exec never returns a Go error: failures are part of
// the Result, as they are for the reader.
func (s *Session) Exec(ctx context.Context, script string, args ...any) Result {
	res := Result{Statements: []Statement{}}
	rest := script
	for strings.TrimSpace(rest) != "" {
		start := len(script) - len(rest)
		stmt, tail, err := s.conn.Prepare(rest)
		if err != nil {
			res.Error = s.newError(ctx, err, script, start, len(res.Statements))
			return res
		}
		if stmt == nil { // only comments were left
			break
		}
		text := rest[:len(rest)-len(tail)]
		st, err := s.run(ctx, stmt, args)
		stmt.Close()
		trimmed := strings.TrimLeft(text, " \t\r\n")
		st.Offset = start + len(text) - len(trimmed)
		st.SQL = strings.TrimRight(trimmed, " \t\r\n")
		if err != nil {
			res.Error = s.newError(ctx, err, script, st.Offset, len(res.Statements))
			return res
		}
		res.Statements = append(res.Statements, st)
		rest = tail
	}
	return res
}

// run binds args to stmt, steps it to completion under the time limit and
// collects its rows.
func (s *Session) run(ctx context.Context, stmt *sqlite3.Stmt, args []any) (Statement, error) {
	if err := bindArgs(stmt, args); err != nil {
		return Statement{}, err
	}
	old := s.conn.SetInterrupt(withClockDeadline(ctx, s.opts.TimeLimit))
	defer s.conn.SetInterrupt(old)

	before := s.conn.TotalChanges()
	began := time.Now()
	st := Statement{}
	if n := stmt.ColumnCount(); n > 0 {
		st.Columns = make([]string, n)
		for i := range st.Columns {
			st.Columns[i] = stmt.ColumnName(i)
		}
		st.Rows = []Row{}
	}
	for stmt.Step() {
		if len(st.Rows) == s.opts.MaxRows {
			st.Truncated = true
			break
		}
		st.Rows = append(st.Rows, readRow(stmt, len(st.Columns)))
	}
	if err := stmt.Err(); err != nil {
		return st, err
	}
	if err := stmt.Reset(); err != nil {
		return st, err
	}
	st.Duration = time.Since(began)
	st.DurationMs = float64(st.Duration.Microseconds()) / 1000
	if s.conn.TotalChanges() != before {
		st.Changes = s.conn.Changes()
	}
	return st, nil
}

// readRow reads the current row of stmt, keeping each value's SQLite type.
func readRow(stmt *sqlite3.Stmt, n int) Row {
	row := make(Row, n)
	for i := range row {
		switch stmt.ColumnType(i) {
		case sqlite3.INTEGER:
			row[i] = stmt.ColumnInt64(i)
		case sqlite3.FLOAT:
			row[i] = stmt.ColumnFloat(i)
		case sqlite3.TEXT:
			row[i] = stmt.ColumnText(i)
		case sqlite3.BLOB:
			row[i] = stmt.ColumnBlob(i, []byte{})
		}
	}
	return row
}

// bindArgs binds args by position to a statement that has parameters.
func bindArgs(stmt *sqlite3.Stmt, args []any) error {
	n := stmt.BindCount()
	if len(args) == 0 || n == 0 {
		return nil
	}
	if n != len(args) {
		return fmt.Errorf("statement has %d parameters, got %d values", n, len(args))
	}
	for i, a := range args {
		if err := bindValue(stmt, i+1, a); err != nil {
			return fmt.Errorf("parameter %d: %w", i+1, err)
		}
	}
	return nil
}

// bindValue binds one Go value with the SQLite type that matches it.
func bindValue(stmt *sqlite3.Stmt, i int, v any) error {
	switch v := v.(type) {
	case nil:
		return stmt.BindNull(i)
	case int64:
		return stmt.BindInt64(i, v)
	case int:
		return stmt.BindInt64(i, int64(v))
	case float64:
		return stmt.BindFloat(i, v)
	case bool:
		return stmt.BindBool(i, v)
	case string:
		return stmt.BindText(i, v)
	case []byte:
		return stmt.BindBlob(i, v)
	default:
		return fmt.Errorf("cannot bind a value of type %T", v)
	}
}

// newError describes err, raised by statement number index that starts at
// byte offset start of script.
func (s *Session) newError(ctx context.Context, err error, script string, start, index int) *Error {
	e := &Error{Message: err.Error(), Statement: index, Offset: start, Code: int(sqlite3.ERROR)}
	var sqlErr *sqlite3.Error
	var code sqlite3.ErrorCode
	switch {
	case errors.As(err, &sqlErr):
		e.Code = int(sqlErr.ExtendedCode())
		e.Message = strings.TrimPrefix(err.Error(), sqlErr.ExtendedCode().Error()+": ")
		if tok := sqlErr.SQL(); tok != "" && len(tok) <= len(script) {
			e.Offset = len(script) - len(tok)
		}
	case errors.As(err, &code):
		e.Code = int(code)
	}
	if errors.Is(err, sqlite3.INTERRUPT) && ctx.Err() == nil {
		e.Message = fmt.Sprintf("statement stopped: it ran past the %v time limit", s.opts.TimeLimit)
	}
	e.Line, e.Column = position(script, e.Offset)
	return e
}

// position returns the 1-based line and column of byte offset off in text.
func position(text string, off int) (line, column int) {
	before := text[:off]
	lineStart := strings.LastIndexByte(before, '\n') + 1
	return strings.Count(before, "\n") + 1, utf8.RuneCountInString(before[lineStart:]) + 1
}
