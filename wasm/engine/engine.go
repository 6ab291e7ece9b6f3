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
}

func (o Options) withDefaults() Options {
	if o.TimeLimit <= 0 {
		o.TimeLimit = DefaultTimeLimit
	}
	if o.MaxRows <= 0 {
		o.MaxRows = DefaultMaxRows
	}
	return o
}

// Session is one private in-memory database and the limits that apply to
// it. A Session is not safe for concurrent use.
type Session struct {
	conn *sqlite3.Conn
	opts Options
}

// setupSQL makes an in-memory database work where there is no file system:
// without it, a large sort or transaction tries to spill to a temp file.
const setupSQL = `PRAGMA temp_store = MEMORY;`

// Open creates a session on a new, empty in-memory database.
func Open(opts Options) (*Session, error) {
	conn, err := sqlite3.Open(":memory:")
	if err != nil {
		return nil, fmt.Errorf("open database: %w", err)
	}
	if err := conn.Exec(setupSQL); err != nil {
		conn.Close()
		return nil, fmt.Errorf("configure database: %w", err)
	}
	return &Session{conn: conn, opts: opts.withDefaults()}, nil
}

// Close releases the database; its contents are gone.
func (s *Session) Close() error {
	return s.conn.Close()
}
