package engine

import (
	"context"
)

// PrepareNext compiles the first statement of script and returns it with
// the text that follows it, for callers that walk a script one statement
// at a time and bind each (sql.js's exec and iterateStatements). The
// statement is nil when script holds only space and comments; its SQL is
// the text it was compiled from, up to the tail. As in Exec, SQLite sees
// one statement's text at a time, so MaxStatementLength bounds each
// statement, not the script. The error is an *Error positioned in script.
func (s *Session) PrepareNext(ctx context.Context, script string) (*Stmt, string, error) {
	var st *Stmt
	var tail string
	var perr *Error
	err := s.guard(ctx, func() error {
		for rest := script; rest != "" && st == nil && perr == nil; rest = tail {
			st, tail, perr = s.prepareOne(ctx, script, rest)
		}
		return nil
	})
	if err != nil {
		return nil, script, s.newError(ctx, err, script, len(script), 0, 0)
	}
	if perr != nil {
		return nil, script, perr
	}
	if st == nil {
		return nil, "", nil
	}
	if s.stmts == nil {
		s.stmts = map[*Stmt]struct{}{}
	}
	s.stmts[st] = struct{}{}
	return st, tail, nil
}

// prepareOne compiles the first statement of rest, the part of script not
// yet taken, and returns it (nil for only space, comments or a lone
// semicolon) and the text after it.
func (s *Session) prepareOne(ctx context.Context, script, rest string) (*Stmt, string, *Error) {
	text := rest[:statementEnd(rest)]
	stmt, tail, err := s.conn.Prepare(text)
	if err != nil && len(text) < len(rest) {
		// Where the splitter and SQLite disagree, SQLite decides.
		text = rest
		stmt, tail, err = s.conn.Prepare(text)
	}
	at := len(script) - len(rest)
	if err != nil {
		return nil, "", s.newError(ctx, prepareError(err), script, at+len(text), at, 0)
	}
	tail += rest[len(text):]
	if stmt == nil {
		return nil, tail, nil
	}
	used := rest[:len(rest)-len(tail)]
	return &Stmt{s: s, stmt: stmt, sql: used, cols: describeColumns(stmt).Columns}, tail, nil
}

// SQL is the text the statement was compiled from.
func (st *Stmt) SQL() string {
	return st.sql
}

// Params names the statement's parameters in order: ":id", "@id", "$id",
// "?NNN", or "" for a plain "?"; nil once the statement is freed.
func (st *Stmt) Params() []string {
	if st.stmt == nil {
		return nil
	}
	names := make([]string, st.stmt.BindCount())
	for i := range names {
		names[i] = st.stmt.BindName(i + 1)
	}
	return names
}

// StepRows steps up to n rows in one call, under one time limit, and
// returns them and whether the statement has no more: for callers that
// read a whole result (sql.js's exec) without a call per row.
func (st *Stmt) StepRows(ctx context.Context, n int) ([]Row, bool, error) {
	rows := []Row{}
	done := false
	err := st.call(ctx, func() error {
		for len(rows) < n {
			if !st.stmt.Step() {
				done = true
				return st.stmt.Err()
			}
			rows = append(rows, readRow(st.stmt, len(st.cols)))
		}
		return nil
	})
	return rows, done, err
}
