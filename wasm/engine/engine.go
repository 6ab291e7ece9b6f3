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
	DefaultTimeLimit = 5 * time.Second
	DefaultMaxRows   = 1000
	DefaultMaxLength = 16 << 20
	DefaultMaxMemory = 256 << 20
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
	// MaxLength bounds, in bytes, any one string or blob.
	// Zero means DefaultMaxLength.
	MaxLength int
	// MaxMemory bounds, in bytes, the memory SQLite may allocate.
	// Zero means DefaultMaxMemory.
	MaxMemory int64
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
	return o
}

// Session is one private in-memory database and the limits that apply to
// it. A Session is not safe for concurrent use.
type Session struct {
	conn  *sqlite3.Conn
	opts  Options
	cache map[string]cached // prepared statements by script text; see prepare
}

// setupSQL makes an in-memory database work where there is no file system:
// without it, a large sort or transaction tries to spill to a temp file.
const setupSQL = `PRAGMA temp_store = MEMORY;`

// Open creates a session on a new, empty in-memory database. The session
// is sandboxed: it cannot reach files (ATTACH and VACUUM INTO accept only
// ":memory:"), and its strings, blobs and memory are bounded by opts.
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
	conn.Limit(sqlite3.LIMIT_ATTACHED, 4)
	conn.HardHeapLimit(opts.MaxMemory)
	return conn.SetAuthorizer(authorize)
}

// authorize denies what would reach outside memory: attaching, or
// vacuuming into, anything but a new in-memory database.
//
// https://sqlite.org/c3ref/set_authorizer.html
func authorize(action sqlite3.AuthorizerActionCode, name3rd, _, _, _ string) sqlite3.AuthorizerReturnCode {
	if action == sqlite3.AUTH_ATTACH && name3rd != "" && name3rd != ":memory:" {
		return sqlite3.AUTH_DENY
	}
	return sqlite3.AUTH_OK
}

// Close releases the database; its contents are gone.
func (s *Session) Close() error {
	s.clearCache()
	return s.conn.Close()
}
