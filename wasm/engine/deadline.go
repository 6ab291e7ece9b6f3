package engine

import (
	"context"
	"time"
)

// clockDeadline is a context whose Err reads the clock. SQLite's progress
// handler polls Err while a statement runs; inside single-threaded wasm a
// timer-based context.WithDeadline fires late (timers run only when the Go
// scheduler gets control), while reading the clock is exact.
type clockDeadline struct {
	context.Context
	at time.Time
}

// withClockDeadline returns ctx bounded by d from now.
func withClockDeadline(ctx context.Context, d time.Duration) context.Context {
	return clockDeadline{Context: ctx, at: time.Now().Add(d)}
}

// Deadline reports the earlier of the parent's deadline and ours.
func (c clockDeadline) Deadline() (time.Time, bool) {
	if d, ok := c.Context.Deadline(); ok && d.Before(c.at) {
		return d, true
	}
	return c.at, true
}

// Err reports context.DeadlineExceeded once the deadline has passed, or the
// parent's error.
func (c clockDeadline) Err() error {
	if err := c.Context.Err(); err != nil {
		return err
	}
	if !time.Now().Before(c.at) {
		return context.DeadlineExceeded
	}
	return nil
}

// WithTimeLimit returns ctx bounded by the session's time limit from now,
// in the same clock-reading way its statements are: for work on the
// session's database that runs outside Exec, such as an example program.
func (s *Session) WithTimeLimit(ctx context.Context) context.Context {
	return withClockDeadline(ctx, s.opts.TimeLimit)
}

// TimeLimit is how long one run may take.
func (s *Session) TimeLimit() time.Duration { return s.opts.TimeLimit }
