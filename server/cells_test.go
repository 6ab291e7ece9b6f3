package main

import (
	"reflect"
	"testing"

	"github.com/dbtour/dbtour/wasm/engine"
	"github.com/dbtour/dbtour/wasm/runner"
	"github.com/dbtour/dbtour/web"
)

// TestResultView checks that the page's view of a result keeps every
// field the page shows.
func TestResultView(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name string
		in   engine.Result
		want web.ResultView
	}{
		{"nothing ran", engine.Result{}, web.ResultView{Statements: []web.StatementView{}}},
		{"rows, changes and an error",
			engine.Result{Statements: []engine.Statement{
				{SQL: "select 1 as a;", Offset: 3, Columns: []string{"a"}, Rows: []engine.Row{{int64(1)}, {nil}},
					Truncated: true, TotalRows: 7, DurationMs: 2},
				{SQL: "insert into t values (1)", Changes: 1, LastInsertRowID: 1},
			}, Error: &engine.Error{Message: "boom", Code: 1, Statement: 2, Offset: 40, Line: 2, Column: 5}},
			web.ResultView{Statements: []web.StatementView{
				{SQL: "select 1 as a;", Columns: []string{"a"}, Rows: [][]any{{int64(1)}, {nil}}, Truncated: true, TotalRows: 7},
				{SQL: "insert into t values (1)", Rows: [][]any{}, Changes: 1},
			}, Error: &web.ErrorView{Message: "boom", Line: 2, Column: 5}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := resultView(tt.in); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

// TestProgramResultView checks the same of a program's run.
func TestProgramResultView(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name string
		in   runner.Result
		want web.ProgramResultView
	}{
		{"printed nothing", runner.Result{}, web.ProgramResultView{Statements: []web.ProgramStatementView{}}},
		{"statements, output and error",
			runner.Result{Statements: []runner.Statement{{SQL: "SELECT 1", Rows: 1}, {SQL: "bad", Rows: -1, Error: "no"}},
				Output: "hi\n", Error: "failed", Line: 3, DurationMs: 1},
			web.ProgramResultView{Statements: []web.ProgramStatementView{{SQL: "SELECT 1", Rows: 1}, {SQL: "bad", Rows: -1, Error: "no"}},
				Output: "hi\n", Error: "failed"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := programResultView(&tt.in); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}
