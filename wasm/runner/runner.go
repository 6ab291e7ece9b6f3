// Package runner runs the course's example programs (package
// lessons/programs) against a session's database, recording every SQL
// statement they make SQLite run. It is platform-neutral: the server runs
// programs natively to precompute pages, and the engine's ORM variant
// runs them in the reader's browser.
package runner

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dbtour/dbtour/lessons/programs"
	"github.com/dbtour/dbtour/wasm/engine"
	"github.com/ncruces/go-sqlite3"
	"github.com/ncruces/go-sqlite3/driver"
	"github.com/ncruces/go-sqlite3/gormlite"
	"github.com/ncruces/go-sqlite3/vfs/memdb"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// Result is what a program did: for GORM programs the statements GORM
// emitted, in order; what it printed; and the error it returned, if any.
type Result struct {
	Statements []Statement `json:"statements"`
	Output     string      `json:"output"`
	Error      string      `json:"error,omitempty"`
	// Line and Column place Error in an edited program's source, when
	// the interpreter refused it before it ran (1-based; 0 otherwise).
	Line       int     `json:"line,omitempty"`
	Column     int     `json:"column,omitempty"`
	DurationMs float64 `json:"durationMs"`
	// Judged is the verdict on an exercise's program (RunExercise).
	Judged *Judged `json:"judged,omitempty"`
}

// Statement is one SQL statement GORM emitted, with its bound values
// written in, and the rows it affected (changed, or returned by a query;
// -1 when GORM does not know), or its error.
type Statement struct {
	SQL   string `json:"sql"`
	Rows  int64  `json:"rows"`
	Error string `json:"error,omitempty"`
}

// maxOutput bounds what a program's printing keeps.
const maxOutput = 64 << 10

// Options adjust a run.
type Options struct {
	// Now, when set, is GORM's clock: tests fix it so that timestamps
	// in the recorded SQL do not change between runs.
	Now func() time.Time
}

// Exercise is what a Go exercise judges a reader's program against: the
// lesson's solution program and, when the exercise changes the
// database, a SQL query whose result after each program must agree.
type Exercise struct {
	Solution string `json:"solution"`
	Check    string `json:"check,omitempty"`
}

// Judged is the verdict on a reader's program, kept in its Result.
type Judged struct {
	// Problem is "" when the program is right, or else the first
	// difference from the solution, for the reader.
	Problem string `json:"problem"`
}

// dbs numbers the shared in-memory databases that runs create.
var dbs atomic.Int64

// Run runs the program called name with inputs on a copy of the session's
// database and then replaces the session's database with the copy, so
// what the program made is there for the cells after it. A program's own
// failure is reported in the Result; err is for failures to run it at all.
func Run(ctx context.Context, s *engine.Session, name string, in programs.Inputs, opts Options) (*Result, error) {
	p, ok := programs.Lookup(name)
	if !ok {
		return nil, fmt.Errorf("no example program %q", name)
	}
	return runOn(ctx, s, name, func(ctx context.Context, dsn string, res *Result) error {
		return run(ctx, dsn, p, in, opts, res, &limitedBuffer{max: maxOutput})
	})
}

// runOn runs a program (do) on a copy of the session's database, within
// the session's time limit, and keeps the copy as the session's database
// unless a guard stopped the run.
func runOn(ctx context.Context, s *engine.Session, name string, do func(ctx context.Context, dsn string, res *Result) error) (*Result, error) {
	shared := fmt.Sprintf("dbtour-program-%d", dbs.Add(1))
	memdb.Create(shared, nil)
	defer memdb.Delete(shared)
	dsn := "file:/" + shared + "?vfs=memdb"
	if err := s.BackupTo(dsn); err != nil {
		return nil, fmt.Errorf("program %s: %w", name, err)
	}

	// The clock-reading limit stops the program's own statements on time;
	// the timer under it also cancels contexts the program derives, such
	// as a context.WithTimeout longer than the limit.
	timer, cancel := context.WithTimeout(ctx, s.TimeLimit())
	defer cancel()
	res := &Result{}
	start := time.Now()
	runErr := do(s.WithTimeLimit(timer), dsn, res)
	elapsed := time.Since(start)
	res.DurationMs = float64(elapsed.Microseconds()) / 1000
	var stop *StopError
	var bad *SourceError
	switch {
	case errors.As(runErr, &bad):
		res.Error, res.Line, res.Column = bad.Error(), bad.Line, bad.Column
		return res, nil
	case errors.As(runErr, &stop):
		res.Error = stop.Error() + "; the database is as it was before the run"
		return res, nil
	case runErr != nil:
		res.Error = describe(runErr, elapsed, s.TimeLimit())
	}
	if err := s.RestoreFrom(dsn); err != nil {
		return nil, fmt.Errorf("program %s: %w", name, err)
	}
	return res, nil
}

// run opens dsn through database/sql and runs p on it, printing to out;
// a GORM program's database records every statement into res. A program
// that panics fails with the panic's message instead of taking the
// engine down; a guard's stop stays a *StopError.
func run(ctx context.Context, dsn string, p programs.Program, in programs.Inputs, opts Options, res *Result, out *limitedBuffer) (err error) {
	defer func() { res.Output = out.String() }()
	defer func() {
		if v := recover(); v != nil {
			err = panicked(v)
		}
	}()
	db, err := driver.Open(dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	openGORM := func() (*gorm.DB, error) { return recordedGORM(db, opts, res) }
	return p(ctx, programs.Env{DB: db, GORM: openGORM, In: in, Out: out})
}

// recordedGORM opens db through GORM with every statement recorded into
// res.
func recordedGORM(db *sql.DB, opts Options, res *Result) (*gorm.DB, error) {
	gdb, err := gorm.Open(gormlite.OpenDB(db), &gorm.Config{
		Logger:         logger.Discard,
		NowFunc:        opts.Now,
		TranslateError: true,
	})
	if err != nil {
		return nil, err
	}
	if err := (&recorder{res: res}).register(gdb); err != nil {
		return nil, fmt.Errorf("record GORM's statements: %w", err)
	}
	return gdb, nil
}

// panicked words a recovered panic; a guard's stop keeps its reason.
func panicked(v any) error {
	var stop *StopError
	if err, ok := v.(error); ok && errors.As(err, &stop) {
		return stop
	}
	return fmt.Errorf("the program panicked: %v", v)
}

// describe words a program's error for the reader: an interruption is
// blamed on the time limit only when the run lasted that long (a
// program's own shorter timeout interrupts statements too).
func describe(err error, elapsed, limit time.Duration) string {
	interrupted := errors.Is(err, context.DeadlineExceeded) || errors.Is(err, sqlite3.INTERRUPT)
	if interrupted && elapsed >= limit {
		return fmt.Sprintf("program stopped: it ran past the %v time limit (%v)", limit, err)
	}
	return err.Error()
}

// limitedBuffer keeps the first max bytes written to it and notes that
// the rest was cut.
type limitedBuffer struct {
	mu sync.Mutex // an abandoned program's goroutines may still print
	bytes.Buffer
	max int
	cut bool
}

// Write never fails, so a program printing too much is not stopped.
func (b *limitedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if room := b.max - b.Len(); len(p) > room {
		b.Buffer.Write(p[:max(room, 0)])
		b.cut = true
		return len(p), nil
	}
	return b.Buffer.Write(p)
}

// String is what was kept, with a note when output was cut.
func (b *limitedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.cut {
		return b.Buffer.String() + fmt.Sprintf("\n… output cut at %d KiB", b.max>>10)
	}
	return b.Buffer.String()
}
