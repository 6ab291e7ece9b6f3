//go:build !js || interp

package runner

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"time"

	"github.com/dbtour/dbtour/lessons/programs"
	"github.com/dbtour/dbtour/wasm/engine"
)

// RunSource runs source, a reader's edit of the program called name (or,
// with no such program, any Go file of package programs that declares a
// function with a program's signature), interpreted, as Run runs the
// compiled program. The interpreted program runs under a guard (see
// guard.go): a run it stops, a goroutine's panic included, leaves the
// session's database as it was before the run.
func RunSource(ctx context.Context, s *engine.Session, name, source string, in programs.Inputs, opts Options) (*Result, error) {
	entry := programs.Entry(name)
	res, err := runOn(ctx, s, name, func(ctx context.Context, dsn string, res *Result) error {
		out := &limitedBuffer{max: maxOutput}
		g := newGuard(ctx)
		p, err := interpret(source, entry, out, g)
		if err != nil {
			res.Output = out.String()
			return err
		}
		if err := runGuarded(ctx, dsn, p, in, opts, res, out); err != nil {
			return err
		}
		g.settle(100 * time.Millisecond)
		return g.goroutineFailure()
	})
	if err == nil && res.Error != "" && slices.ContainsFunc(res.Statements, unnamedTable) {
		res.Error += unnamedModel
	}
	return res, err
}

// unnamedModel explains a failure that comes from a model type the
// program declares: the interpreter's struct types have no name, and
// GORM names a model's table after its type.
const unnamedModel = "\n(a model type your program declares has no name for GORM to make its table's name from, as the interpreter cannot name types: say the table, db.Table(\"notes\").Create(&note), or use one of the lesson's models)"

// unnamedTable reports whether GORM emitted st for a model with no name:
// GORM quotes the empty name as one backtick.
func unnamedTable(st Statement) bool {
	return emptyTableName.MatchString(st.SQL)
}

var emptyTableName = regexp.MustCompile("(?i)\\b(table|into|from|update)\\s+` ")

// runGuarded runs an interpreted program on a goroutine of its own, so
// that one blocked for good (on a channel no one sends to, say) ends at
// its context's end rather than never.
func runGuarded(ctx context.Context, dsn string, p programs.Program, in programs.Inputs, opts Options, res *Result, out *limitedBuffer) error {
	done := make(chan error, 1)
	part := &Result{}
	go func() { done <- run(ctx, dsn, p, in, opts, part, out) }()
	select {
	case err := <-done:
		*res = *part
		return err
	case <-ctx.Done():
		res.Output = out.String()
		return &StopError{Reason: fmt.Sprintf("it was still running at its time limit (%v)", ctx.Err())}
	}
}
