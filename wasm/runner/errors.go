package runner

import "fmt"

// SourceError is a problem the interpreter found in a reader's program
// before running it, at a line and column of the source (1-based).
type SourceError struct {
	Line, Column int
	Msg          string
}

// Error says where and what, as the Go compiler does.
func (e *SourceError) Error() string {
	return fmt.Sprintf("line %d, column %d: %s", e.Line, e.Column, e.Msg)
}

// StopError is how a guard ends a program: it ran past its time, too
// deep, or asked for too much memory, or one of its goroutines panicked.
// The runner puts the database back as it was before such a run.
type StopError struct{ Reason string }

// Error says why the program was stopped.
func (e *StopError) Error() string { return "program stopped: " + e.Reason }
