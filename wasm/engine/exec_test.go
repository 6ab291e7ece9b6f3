package engine

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"
)

func openTest(t *testing.T, opts Options) *Session {
	t.Helper()
	s, err := Open(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// shape is the part of a Statement a test compares: everything but time.
type shape struct {
	SQL       string
	Offset    int
	Columns   []string
	Rows      []Row
	Truncated bool
	Changes   int64
}

func shapes(sts []Statement) []shape {
	out := []shape{}
	for _, st := range sts {
		out = append(out, shape{st.SQL, st.Offset, st.Columns, st.Rows, st.Truncated, st.Changes})
	}
	return out
}

func TestExec(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name    string
		opts    Options
		script  string
		args    []any
		want    []shape
		wantErr *Error
	}{{
		name:   "one result per statement",
		script: "create table t(a, b);\ninsert into t values (1, 'x'), (2, 'y');\nselect * from t order by a",
		want: []shape{
			{SQL: "create table t(a, b);", Offset: 0},
			{SQL: "insert into t values (1, 'x'), (2, 'y');", Offset: 22, Changes: 2},
			{SQL: "select * from t order by a", Offset: 63, Columns: []string{"a", "b"},
				Rows: []Row{{int64(1), "x"}, {int64(2), "y"}}},
		},
	}, {
		name:   "values keep their type",
		script: "select null, 42, 1.5, 'text', x'00ff', 9007199254740993",
		want: []shape{{
			SQL:     "select null, 42, 1.5, 'text', x'00ff', 9007199254740993",
			Columns: []string{"null", "42", "1.5", "'text'", "x'00ff'", "9007199254740993"},
			Rows:    []Row{{nil, int64(42), 1.5, "text", []byte{0, 0xff}, int64(9007199254740993)}},
		}},
	}, {
		name:   "query without rows has columns and no rows",
		script: "select 1 as one where 0",
		want:   []shape{{SQL: "select 1 as one where 0", Columns: []string{"one"}, Rows: []Row{}}},
	}, {
		name:   "empty script",
		script: "  \n ",
		want:   []shape{},
	}, {
		name:   "comments around statements",
		script: "-- first\nselect 1; /* done */ ",
		want:   []shape{{SQL: "-- first\nselect 1;", Columns: []string{"1"}, Rows: []Row{{int64(1)}}}},
	}, {
		name:   "rows beyond the limit are dropped",
		opts:   Options{MaxRows: 2},
		script: "select value from generate_series(1, 5)",
		want: []shape{{SQL: "select value from generate_series(1, 5)", Columns: []string{"value"},
			Rows: []Row{{int64(1)}, {int64(2)}}, Truncated: true}},
	}, {
		name:   "positional arguments",
		script: "select ? + ?, ?",
		args:   []any{int64(1), 2.5, "x"},
		want:   []shape{{SQL: "select ? + ?, ?", Columns: []string{"? + ?", "?"}, Rows: []Row{{3.5, "x"}}}},
	}, {
		name:    "wrong number of arguments",
		script:  "select ?",
		args:    []any{1, 2},
		want:    []shape{},
		wantErr: &Error{Message: "statement has 1 parameters, got 2 values", Code: 1, Line: 1, Column: 1},
	}, {
		name:   "syntax error points at the failing token",
		script: "select 1;\n  selec 2;",
		want:   []shape{{SQL: "select 1;", Columns: []string{"1"}, Rows: []Row{{int64(1)}}}},
		wantErr: &Error{Message: `near "selec": syntax error`, Code: 1, Statement: 1,
			Offset: 12, Line: 2, Column: 3},
	}, {
		name:   "runtime error points at its statement",
		script: "create table u(x unique);\ninsert into u values (1);\n insert into u values (1);",
		want: []shape{
			{SQL: "create table u(x unique);"},
			{SQL: "insert into u values (1);", Offset: 26, Changes: 1},
		},
		wantErr: &Error{Message: "UNIQUE constraint failed: u.x", Code: 2067, Statement: 2,
			Offset: 53, Line: 3, Column: 2},
	}, {
		name:   "an error without a token points at its statement, not the blank before it",
		script: "select 1;\n  select * from nowhere;",
		want:   []shape{{SQL: "select 1;", Columns: []string{"1"}, Rows: []Row{{int64(1)}}}},
		wantErr: &Error{Message: "no such table: nowhere", Code: 1, Statement: 1,
			Offset: 12, Line: 2, Column: 3},
	}, {
		name:    "column counts characters, not bytes",
		script:  "select 'é', nope",
		want:    []shape{},
		wantErr: &Error{Message: "no such column: nope", Code: 1, Offset: 13, Line: 1, Column: 13},
	}} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			res := openTest(t, tt.opts).Exec(context.Background(), tt.script, tt.args...)
			if got := shapes(res.Statements); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("statements:\ngot  %#v\nwant %#v", got, tt.want)
			}
			if !reflect.DeepEqual(res.Error, tt.wantErr) {
				t.Errorf("error: got %#v, want %#v", res.Error, tt.wantErr)
			}
		})
	}
}

func TestExecTimeLimit(t *testing.T) {
	t.Parallel()
	s := openTest(t, Options{})
	ctx := context.Background()
	if res := s.Exec(ctx, "create table kept(x); insert into kept values (1)"); res.Error != nil {
		t.Fatal(res.Error) // under the default limit: a cold engine in wasm can take 100 ms to prepare
	}
	s.opts.TimeLimit = 100 * time.Millisecond

	began := time.Now()
	res := s.Exec(ctx, "with recursive c(x) as (select 1 union all select x + 1 from c) select count(*) from c")
	if res.Error == nil || !strings.Contains(res.Error.Message, "100ms time limit") {
		t.Fatalf("got error %v, want the time limit named", res.Error)
	}
	if elapsed := time.Since(began); elapsed > 10*time.Second {
		t.Errorf("runaway query stopped after %v", elapsed)
	}

	res = s.Exec(ctx, "select x from kept")
	if res.Error != nil || len(res.Statements) != 1 || !reflect.DeepEqual(res.Statements[0].Rows, []Row{{int64(1)}}) {
		t.Errorf("after the limit: got %+v, want the table intact", res)
	}
}

func TestExecCancelled(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	res := openTest(t, Options{}).Exec(ctx, "select 1")
	if res.Error == nil || strings.Contains(res.Error.Message, "time limit") {
		t.Errorf("got error %v, want an interruption that does not blame the time limit", res.Error)
	}
}
