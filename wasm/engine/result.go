package engine

import (
	"fmt"
	"time"
)

// Result is what running a script did: one Statement per statement that
// ran, in script order, and the error that stopped the script, if any.
// Statements before a failing one keep their results.
type Result struct {
	Statements []Statement `json:"statements"`
	Error      *Error      `json:"error,omitempty"`
}

// Statement is the outcome of one statement of a script.
type Statement struct {
	// SQL is the statement's own text, without surrounding space.
	SQL string `json:"sql"`
	// Offset is the byte offset of SQL in the script.
	Offset int `json:"offset"`
	// Columns names the result columns; nil for a statement that returns
	// no rows (CREATE, INSERT without RETURNING, ...).
	Columns []string `json:"columns"`
	// DeclTypes are the columns' declared types ("" for an expression).
	DeclTypes []string `json:"declTypes"`
	// Rows holds at most Options.MaxRows rows. Each value is nil, int64,
	// float64, string or []byte, as SQLite stored it.
	Rows []Row `json:"rows"`
	// Truncated reports whether rows beyond Options.MaxRows, or beyond
	// Options.MaxResultBytes, were dropped.
	Truncated bool `json:"truncated,omitempty"`
	// ByteLimit reports that the rows were cut by Options.MaxResultBytes
	// (the whole result's size) rather than by their count.
	ByteLimit bool `json:"byteLimit,omitempty"`
	// TotalRows counts all the rows of a truncated statement, or is -1
	// when it was not truncated or had too many rows to count cheaply.
	TotalRows int64 `json:"totalRows"`
	// Changes counts the rows the statement inserted, updated or deleted.
	Changes int64 `json:"changes"`
	// LastInsertRowID is the rowid of the most recent successful INSERT
	// on the database, as of the end of this statement.
	LastInsertRowID int64 `json:"lastInsertRowid"`
	// Duration is the statement's running time.
	Duration time.Duration `json:"-"`
	// DurationMs is Duration in milliseconds, for JavaScript.
	DurationMs float64 `json:"durationMs"`
}

// Row is one result row.
type Row []any

// Error reports why a script stopped: SQLite's message and code and where
// in the script the failing statement, or its failing token, is.
type Error struct {
	// Message is SQLite's message, e.g. `near "SELEC": syntax error`.
	Message string `json:"message"`
	// Code is SQLite's extended result code (https://sqlite.org/rescode.html).
	Code int `json:"code"`
	// Statement is the index in the script of the failing statement.
	Statement int `json:"statement"`
	// Offset is the byte offset in the script of the failing token when
	// SQLite names one, else of the failing statement.
	Offset int `json:"offset"`
	// Line and Column locate Offset, both from 1; Column counts characters.
	Line   int `json:"line"`
	Column int `json:"column"`
}

// Error formats the error with its position.
func (e *Error) Error() string {
	return fmt.Sprintf("line %d, column %d: %s", e.Line, e.Column, e.Message)
}
