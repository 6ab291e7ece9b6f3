package engine

import (
	"context"
	"errors"
	"fmt"

	"github.com/ncruces/go-sqlite3"
)

// ErrClosed is the misuse of a session after Close.
var ErrClosed = errors.New("database is closed")

// errBusy refuses a call made while another call on the same session runs
// (say, a parameter's getter that closes the database during a bind).
var errBusy = errors.New("database is busy: a call on it is still running")

// enginePanic is a panic of go-sqlite3 (out of memory, a name it cannot
// read back, a misuse) turned into the error of the call that raised it.
type enginePanic struct{ msg string }

func (e *enginePanic) Error() string { return e.msg }

// timeLimitError is SQLITE_INTERRUPT from the session's time limit, said
// as such; it still matches sqlite3.INTERRUPT.
type timeLimitError struct {
	msg string
	err error
}

func (e *timeLimitError) Error() string { return e.msg }
func (e *timeLimitError) Unwrap() error { return e.err }

// guard runs f as one entry point of the session: it refuses a closed or
// busy session, bounds f by the session's time limit, and turns a panic
// into an error, so that no input ends the program. go-sqlite3 panics when
// SQLite runs out of memory and when it meets a string it will not read;
// the connection is still sound then, only the statement failed, and the
// statements that may have stopped half-way are closed.
func (s *Session) guard(ctx context.Context, f func() error) (err error) {
	if s.conn == nil {
		return ErrClosed
	}
	if s.busy {
		return errBusy
	}
	s.busy = true
	old := s.conn.SetInterrupt(withClockDeadline(ctx, s.opts.TimeLimit))
	defer func() {
		if p := recover(); p != nil {
			err = s.recovered(p)
		}
		if errors.Is(err, sqlite3.INTERRUPT) && ctx.Err() == nil {
			err = &timeLimitError{fmt.Sprintf("stopped: it ran past the %v time limit", s.opts.TimeLimit), err}
		}
		s.conn.SetInterrupt(old)
		s.busy = false
	}()
	return f()
}

// recovered makes the panic p an error and closes the kept statements.
func (s *Session) recovered(p any) error {
	func() {
		defer func() { _ = recover() }() // a statement's Close reports the same failure again
		s.clearCache()
	}()
	if isOOM(p) {
		return &enginePanic{fmt.Sprintf("out of memory: a statement needed more than the %d MiB limit", s.opts.MaxMemory>>20)}
	}
	return &enginePanic{fmt.Sprintf("the SQL engine refused this statement: %v", panicMessage(p))}
}

// panicMessage is p's text without go-sqlite3's prefix.
func panicMessage(p any) string {
	var msg string
	switch p := p.(type) {
	case error:
		msg = p.Error()
	case string:
		msg = p
	default:
		msg = fmt.Sprint(p)
	}
	if msg == "sqlite3: missing NUL terminator" {
		return "a name or text it returned is longer than 1,000,000 bytes"
	}
	return message(errors.New(msg))
}
