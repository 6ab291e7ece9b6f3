package runner

import (
	"context"
	"sync"
	"time"

	"gorm.io/gorm/logger"
)

// recorder is a GORM logger that keeps every statement GORM runs, in
// order, instead of printing it.
type recorder struct {
	mu  sync.Mutex
	res *Result
}

// LogMode returns the recorder: it has one mode, record everything.
func (r *recorder) LogMode(logger.LogLevel) logger.Interface { return r }

// Info, Warn and Error drop GORM's own messages: what matters to the
// reader is the SQL, and errors reach the program as return values.
func (r *recorder) Info(context.Context, string, ...any)  {}
func (r *recorder) Warn(context.Context, string, ...any)  {}
func (r *recorder) Error(context.Context, string, ...any) {}

// Trace records one statement with its values and rows affected.
func (r *recorder) Trace(_ context.Context, _ time.Time, fc func() (string, int64), err error) {
	sql, rows := fc()
	st := Statement{SQL: sql, Rows: rows}
	if err != nil {
		st.Error = err.Error()
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.res.Statements = append(r.res.Statements, st)
}
