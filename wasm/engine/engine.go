// Package engine runs SQL scripts against an in-memory SQLite database and
// reports what every statement did, as plain data.
//
// The package is platform-neutral: the same code runs natively (tests,
// lesson validation, results precomputed into pages) and inside engine.wasm
// in the reader's browser, so what a page shows before any wasm loads is
// exactly what the browser computes afterwards.
package engine

import (
	"fmt"
	"time"

	"github.com/ncruces/go-sqlite3"
)

// Defaults for the zero values of [Options].
const (
	DefaultTimeLimit      = 5 * time.Second
	DefaultMaxRows        = 1000
	DefaultMaxLength      = 2 << 20
	DefaultMaxMemory      = 256 << 20
	DefaultMaxResultBytes = 32 << 20
)

// Bounds on single operations that SQLite's progress handler cannot
// interrupt: parsing one statement, and one call of LIKE or GLOB (whose
// work grows with the string's length times the pattern's). See
// docs/hostile.md for the measurements behind them.
const (
	// MaxStatementLength bounds, in bytes, the text of one statement. It
	// is below go-sqlite3's bound on the names it reads back (column names,
	// declared types and parameter names come from a statement's text),
	// and keeps the parse of one statement within about a second.
	MaxStatementLength = 1_000_000 - 1
	// MaxLikePattern bounds, in bytes, the pattern of GLOB (and of LIKE
	// when PRAGMA case_sensitive_like puts SQLite's own back).
	MaxLikePattern = 32
)

// Options bound the work one session may do.
type Options struct {
	// TimeLimit bounds the running time of a single statement.
	// Zero means DefaultTimeLimit.
	TimeLimit time.Duration
	// MaxRows bounds the rows returned per statement; further rows are
	// not read and the statement is marked truncated.
	// Zero means DefaultMaxRows.
	MaxRows int
	// MaxLength bounds, in bytes, any one string or blob; LIKE and GLOB
	// take time in proportion to it (see MaxLikePattern).
	// Zero means DefaultMaxLength.
	MaxLength int
	// MaxMemory bounds, in bytes, the memory SQLite may allocate.
	// Zero means DefaultMaxMemory.
	MaxMemory int64
	// MaxResultBytes bounds, roughly in bytes of JSON, the rows one Exec
	// returns over all its statements: rows past it are not read and the
	// statement is marked truncated, as for MaxRows.
	// Zero means DefaultMaxResultBytes.
	MaxResultBytes int
}

func (o Options) withDefaults() Options {
	if o.TimeLimit <= 0 {
		o.TimeLimit = DefaultTimeLimit
	}
	if o.MaxRows <= 0 {
		o.MaxRows = DefaultMaxRows
	}
	if o.MaxLength <= 0 {
		o.MaxLength = DefaultMaxLength
	}
	if o.MaxMemory <= 0 {
		o.MaxMemory = DefaultMaxMemory
	}
	if o.MaxResultBytes <= 0 {
		o.MaxResultBytes = DefaultMaxResultBytes
	}
	return o
}

// Session is one private in-memory database and the limits that apply to
// it. A Session is not safe for concurrent use.
type Session struct {
	conn  *sqlite3.Conn // nil once closed
	opts  Options
	cache map[string]cached  // prepared statements by statement text; see prepare
	stmts map[*Stmt]struct{} // the live statements of Prepare
	busy  bool               // an entry point is running; see guard
}

// setupSQL makes an in-memory database work where there is no file system:
// without it, a large sort or transaction tries to spill to a temp file.
const setupSQL = `PRAGMA temp_store = MEMORY;`

// Open creates a session on a new, empty in-memory database. The session
// is sandboxed: it cannot reach files (ATTACH and VACUUM INTO accept only
// the literal ':memory:'), its schema cannot be corrupted on purpose
// (SQLITE_DBCONFIG_DEFENSIVE), and its strings, blobs, statements and
// memory are bounded by opts and the constants above.
func Open(opts Options) (*Session, error) {
	opts = opts.withDefaults()
	conn, err := sqlite3.Open(":memory:")
	if err != nil {
		return nil, fmt.Errorf("open database: %w", err)
	}
	if err := configure(conn, opts); err != nil {
		conn.Close()
		return nil, fmt.Errorf("configure database: %w", err)
	}
	return &Session{conn: conn, opts: opts}, nil
}

// configure applies the sandbox and the limits of opts to conn.
func configure(conn *sqlite3.Conn, opts Options) error {
	if err := conn.Exec(setupSQL); err != nil {
		return err
	}
	conn.Limit(sqlite3.LIMIT_LENGTH, opts.MaxLength)
	conn.Limit(sqlite3.LIMIT_SQL_LENGTH, MaxStatementLength)
	conn.Limit(sqlite3.LIMIT_LIKE_PATTERN_LENGTH, MaxLikePattern)
	conn.Limit(sqlite3.LIMIT_ATTACHED, 4)
	conn.HardHeapLimit(opts.MaxMemory)
	// https://sqlite.org/c3ref/c_dbconfig_defensive.html
	if _, err := conn.Config(sqlite3.DBCONFIG_DEFENSIVE, true); err != nil {
		return fmt.Errorf("defensive mode: %w", err)
	}
	if err := boundFunctions(conn); err != nil {
		return err
	}
	return conn.SetAuthorizer(authorize)
}

// authorize denies what would reach outside memory: attaching, or
// vacuuming into, anything but a new in-memory database. SQLite passes
// the file name only when it is a string literal; for a computed name
// (ATTACH '/x' || '.db', ATTACH ?) it passes none, and an empty literal
// names a temporary file, so only the literal ':memory:' passes.
//
// https://sqlite.org/c3ref/set_authorizer.html
func authorize(action sqlite3.AuthorizerActionCode, name3rd, _, _, _ string) sqlite3.AuthorizerReturnCode {
	if action == sqlite3.AUTH_ATTACH && name3rd != ":memory:" {
		return sqlite3.AUTH_DENY
	}
	return sqlite3.AUTH_OK
}

// Close releases the database; its contents are gone. Closing twice is
// harmless; closing while one of the session's calls runs (from a callback
// of that call) is refused, and the session stays open.
func (s *Session) Close() error {
	if s.conn == nil {
		return nil
	}
	if s.busy {
		return errBusy
	}
	for st := range s.stmts {
		st.Close()
	}
	s.clearCache()
	err := s.conn.Close()
	s.conn = nil
	return err
}
