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

// maxCountedRows bounds how far a truncated statement is stepped to count
// its rows: counting is cheap up to here and a bound keeps it so.
const maxCountedRows = 100_000

// oomPanic is what go-sqlite3 panics with when SQLite reports SQLITE_NOMEM.
const oomPanic = "sqlite3: out of memory"

// Named holds parameter values by name. A key may carry its prefix
// (":id", "@id", "$id") or not ("id" matches whichever the SQL uses).
type Named map[string]any

// Exec runs every statement of script in order and stops at the first
// error. Parameters bind to each statement that has them: pass values
// for ?, ?NNN by position, or one Named for :name, @name and $name.
// Exec never returns a Go error and never panics: failures are part of
// the Result, as they are for the reader. It costs the script's length,
// not its length times its statement count (see statementEnd).
func (s *Session) Exec(ctx context.Context, script string, args ...any) Result {
	res := Result{Statements: []Statement{}}
	budget := s.opts.MaxResultBytes
	var at int // where the statement being run starts, for a panic's error
	err := s.guard(ctx, func() error {
		for start := 0; start < len(script); {
			at = start
			st, n, err := s.execOne(ctx, script, start, len(res.Statements), args, &budget)
			if err != nil {
				res.Error = err
				return nil
			}
			if st != nil {
				res.Statements = append(res.Statements, *st)
			}
			start += n
		}
		return nil
	})
	if err != nil {
		res.Error = s.newError(ctx, err, script, len(script), at, len(res.Statements))
	}
	return res
}

// execOne prepares and runs the first statement of script[start:] and
// returns it (nil when there was only space or comments) and how many
// bytes of script it took.
func (s *Session) execOne(ctx context.Context, script string, start, index int, args []any, budget *int) (*Statement, int, *Error) {
	s.conn.SetInterrupt(withClockDeadline(ctx, s.opts.TimeLimit)) // each statement has its own time
	rest := script[start:]
	text := rest[:statementEnd(rest)]
	stmt, tail, err := s.prepare(text)
	if err != nil && len(text) < len(rest) {
		// Where the splitter and SQLite disagree, SQLite decides.
		text = rest
		stmt, tail, err = s.prepare(text)
	}
	lead := len(text) - len(strings.TrimLeft(text, " \t\r\n"))
	if err != nil {
		err = prepareError(err)
		// Without a failing token (say, "no such table") the error is
		// at the statement: past the blank space before it.
		return nil, 0, s.newError(ctx, err, script, start+len(text), start+lead, index)
	}
	if stmt == nil { // only space or comments
		return nil, len(text), nil
	}
	used := text[:len(text)-len(tail)]
	st, err := s.run(ctx, stmt, args, budget)
	if err != nil {
		s.forget(text)
	}
	trimmed := used[lead:]
	st.Offset = start + lead
	st.SQL = strings.TrimRight(trimmed, " \t\r\n")
	if err != nil {
		return nil, 0, s.newError(ctx, err, script, start+len(text), st.Offset, index)
	}
	return &st, len(used), nil
}

// isOOM reports whether p, a recovered panic, is go-sqlite3's out of memory.
func isOOM(p any) bool {
	err, ok := p.(error)
	return ok && err.Error() == oomPanic
}

// run binds args to stmt, steps it to completion and collects its rows,
// at most MaxRows of them and, over the whole Exec, at most budget bytes.
func (s *Session) run(ctx context.Context, stmt *sqlite3.Stmt, args []any, budget *int) (Statement, error) {
	if err := bindArgs(stmt, args); err != nil {
		return Statement{}, err
	}
	inTxn := !s.conn.GetAutocommit()
	before := s.conn.TotalChanges()
	began := time.Now()
	// Columns are described after the first step: a kept statement that
	// SQLite re-prepares there for a changed schema may have new ones.
	more := stmt.Step()
	st := describeColumns(stmt)
	for ; more; more = stmt.Step() {
		if len(st.Rows) == s.opts.MaxRows {
			st.Truncated = true
			st.TotalRows = countRest(stmt, int64(len(st.Rows)))
			break
		}
		row := readRow(stmt, len(st.Columns))
		if *budget -= rowSize(row); *budget < 0 {
			st.Truncated = true
			st.ByteLimit = true
			st.TotalRows = countRest(stmt, int64(len(st.Rows)))
			break
		}
		st.Rows = append(st.Rows, row)
	}
	err := stmt.Err()
	if err == nil {
		err = stmt.Reset()
	}
	if err != nil {
		if inTxn && s.conn.GetAutocommit() {
			err = &rolledBack{err}
		}
		return st, err
	}
	st.Duration = time.Since(began)
	st.DurationMs = float64(st.Duration.Microseconds()) / 1000
	if s.conn.TotalChanges() != before {
		st.Changes = s.conn.Changes()
	}
	st.LastInsertRowID = s.conn.LastInsertRowID()
	return st, nil
}

// rowSize is about how many bytes row takes in a result's JSON: a blob's
// base64, a string's bytes with its escaped control characters, and a
// little for everything else.
func rowSize(row Row) int {
	n := 2
	for _, v := range row {
		switch v := v.(type) {
		case string:
			n += len(v) + 3
			for i := 0; i < len(v); i++ {
				if v[i] < 0x20 {
					n += 5
				}
			}
		case []byte:
			n += len(v)*4/3 + 16
		default:
			n += 24
		}
	}
	return n
}

// rolledBack marks an error after which SQLite rolled back the open
// transaction, so the reader knows earlier changes are gone too.
type rolledBack struct{ err error }

func (r *rolledBack) Error() string { return r.err.Error() }
func (r *rolledBack) Unwrap() error { return r.err }

// describeColumns starts the Statement of stmt with its result columns.
func describeColumns(stmt *sqlite3.Stmt) Statement {
	st := Statement{TotalRows: -1}
	n := stmt.ColumnCount()
	if n == 0 {
		return st
	}
	st.Columns = make([]string, n)
	st.DeclTypes = make([]string, n)
	for i := range n {
		st.Columns[i] = stmt.ColumnName(i)
		st.DeclTypes[i] = stmt.ColumnDeclType(i)
	}
	st.Rows = []Row{}
	return st
}

// countRest steps through the remaining rows of stmt, having read n, and
// returns the total, or -1 when there are too many to count cheaply.
func countRest(stmt *sqlite3.Stmt, n int64) int64 {
	for n++; stmt.Step(); n++ {
		if n >= maxCountedRows {
			return -1
		}
	}
	if stmt.Err() != nil {
		return -1
	}
	return n
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

// newError describes err, raised by statement number index that starts at
// byte offset start of script. end is where the text SQLite was given
// ends in script: SQLite points at a failing token by the text after it.
func (s *Session) newError(ctx context.Context, err error, script string, end, start, index int) *Error {
	e := &Error{Message: message(err), Statement: index, Offset: start, Code: int(sqlite3.ERROR)}
	var sqlErr *sqlite3.Error
	var code sqlite3.ErrorCode
	switch {
	case errors.As(err, &sqlErr):
		e.Code = int(sqlErr.ExtendedCode())
		if tok := sqlErr.SQL(); tok != "" && len(tok) <= end {
			e.Offset = end - len(tok)
		}
	case errors.As(err, &code):
		e.Code = int(code)
	}
	switch {
	case errors.Is(err, sqlite3.INTERRUPT) && ctx.Err() == nil:
		e.Message = fmt.Sprintf("statement stopped: it ran past the %v time limit", s.opts.TimeLimit)
	case errors.Is(err, sqlite3.TOOBIG):
		e.Message = fmt.Sprintf("string or blob too big: the limit is %d MiB", s.opts.MaxLength>>20)
	case errors.Is(err, sqlite3.AUTH):
		e.Message = "not allowed: this database lives in memory and cannot open files (ATTACH and VACUUM INTO accept only the literal ':memory:')"
	case strings.Contains(e.Message, "pattern too complex"):
		e.Message += fmt.Sprintf(": a GLOB pattern may have at most %d bytes", MaxLikePattern)
	}
	if errors.As(err, new(*rolledBack)) {
		e.Message += "; the open transaction was rolled back"
	}
	e.Line, e.Column = position(script, e.Offset)
	return e
}

// errStatementTooLong is SQLITE_TOOBIG from the parser.
var errStatementTooLong = fmt.Errorf("statement too long: one statement may have at most %d bytes", MaxStatementLength)

// prepareError is err, which preparing a statement returned, with the
// limit named: SQLite says only "string or blob too big".
func prepareError(err error) error {
	if errors.Is(err, sqlite3.TOOBIG) {
		return errStatementTooLong
	}
	return err
}

// message returns SQLite's own message for err, without the name of its
// result code when SQLite said more than that.
func message(err error) string {
	var sqlErr *sqlite3.Error
	if errors.As(err, &sqlErr) {
		if msg, ok := strings.CutPrefix(sqlErr.Error(), sqlErr.ExtendedCode().Error()+": "); ok {
			return strings.Replace(err.Error(), sqlErr.Error(), msg, 1)
		}
	}
	return strings.ReplaceAll(err.Error(), "sqlite3: ", "")
}

// position returns the 1-based line and column of byte offset off in text.
func position(text string, off int) (line, column int) {
	before := text[:off]
	lineStart := strings.LastIndexByte(before, '\n') + 1
	return strings.Count(before, "\n") + 1, utf8.RuneCountInString(before[lineStart:]) + 1
}
