package engine

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
)

// sumAgg is a HostAggregate that sums integers, failing on 0.
type sumAgg struct{ total int64 }

func (a *sumAgg) Step(args []any) error {
	n, _ := args[0].(int64)
	if n == 0 {
		return errors.New("zero")
	}
	a.total += n
	return nil
}

func (a *sumAgg) Final() (any, error) { return a.total, nil }

func TestHostFunctions(t *testing.T) {
	s := openSession(t)
	echo := func(args []any) (any, error) { return args[0], nil }
	fail := func([]any) (any, error) { return nil, errors.New("bananas") }
	panics := func([]any) (any, error) { panic("boom") }
	odd := func([]any) (any, error) { return struct{}{}, nil }
	for name, fn := range map[string]HostFunc{"echo": echo, "fail": fail, "panics": panics, "odd": odd} {
		if err := s.CreateFunction(name, -1, fn); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.CreateAggregate("jsum", 1, func() HostAggregate { return &sumAgg{} }); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		sql, want, err string
	}{
		{sql: "select echo(1), echo(2.5), echo('x'), echo(x'00ff'), echo(null)", want: `[1 2.5 x [0 255] <nil>]`},
		{sql: "select fail()", err: "bananas"},
		{sql: "select panics()", err: "the function failed: boom"},
		{sql: "select odd()", err: "a function returned a value SQL cannot hold"},
		{sql: "select jsum(column1) from (values (1), (2), (3))", want: "[6]"},
		{sql: "select jsum(column1) from (values (1), (0))", err: "zero"},
		{sql: "select jsum(column1) from (values (1), (2))", want: "[3]"},
		{sql: "select jsum(column1) from (values (1)) where 0", want: "[0]"},
	}
	for _, tt := range tests {
		t.Run(tt.sql, func(t *testing.T) {
			res := s.Exec(context.Background(), tt.sql)
			if tt.err != "" {
				if res.Error == nil || !strings.Contains(res.Error.Message, tt.err) {
					t.Fatalf("error = %v, want one containing %q", res.Error, tt.err)
				}
				return
			}
			if res.Error != nil {
				t.Fatal(res.Error.Message)
			}
			if got := fmt.Sprint(res.Statements[0].Rows[0]); got != tt.want {
				t.Errorf("row = %s, want %s", got, tt.want)
			}
		})
	}
}

func TestHostFunctionReentry(t *testing.T) {
	s := openSession(t)
	var inner Result
	var closeErr error
	err := s.CreateFunction("reenter", 0, func([]any) (any, error) {
		inner = s.Exec(context.Background(), "select 1")
		closeErr = s.Close()
		return s.Busy(), nil
	})
	if err != nil {
		t.Fatal(err)
	}
	res := s.Exec(context.Background(), "select reenter()")
	if res.Error != nil || fmt.Sprint(res.Statements[0].Rows) != "[[1]]" {
		t.Fatalf("outer = %+v %v, want busy reported as 1", res.Statements, res.Error)
	}
	if inner.Error == nil || !strings.Contains(inner.Error.Message, "busy") {
		t.Errorf("inner exec error = %v, want busy", inner.Error)
	}
	if !errors.Is(closeErr, errBusy) {
		t.Errorf("close inside = %v, want errBusy", closeErr)
	}
	if s.Busy() {
		t.Error("busy after the call returned")
	}
}

func TestHostFunctionTimeLimit(t *testing.T) {
	s, err := Open(Options{TimeLimit: 100 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	spin := func([]any) (any, error) { // a millisecond of work per call
		for end := time.Now().Add(time.Millisecond); time.Now().Before(end); {
		}
		return int64(1), nil
	}
	if err := s.CreateFunction("spin", 1, spin); err != nil {
		t.Fatal(err)
	}
	res := s.Exec(context.Background(), "with recursive c(x) as (select 1 union all select x + 1 from c) select sum(spin(x)) from c")
	if res.Error == nil || !strings.Contains(res.Error.Message, "time limit") {
		t.Fatalf("error = %v, want the time limit", res.Error)
	}
}

func TestUpdateHookAndChanges(t *testing.T) {
	s := openSession(t)
	var calls []string
	if err := s.SetUpdateHook(func(op, schema, table string, rowid int64) {
		calls = append(calls, fmt.Sprint(op, " ", schema, ".", table, " ", rowid))
	}); err != nil {
		t.Fatal(err)
	}
	mustExec(t, s, "create table t (a); insert into t values (1), (2); update t set a = 3 where rowid = 2; delete from t where a = 1")
	want := []string{"insert main.t 1", "insert main.t 2", "update main.t 2", "delete main.t 1"}
	if !reflect.DeepEqual(calls, want) {
		t.Errorf("hook calls = %q, want %q", calls, want)
	}
	if got := s.Changes(); got != 1 {
		t.Errorf("Changes = %d, want 1", got)
	}
	if err := s.SetUpdateHook(nil); err != nil {
		t.Fatal(err)
	}
	mustExec(t, s, "insert into t values (9)")
	if len(calls) != len(want) {
		t.Errorf("hook called after removal: %q", calls[len(want):])
	}
}

func TestPrepareNext(t *testing.T) {
	s := openSession(t)
	script := "create table t (x);\n;; insert into t values (?) ; select x from t; -- end"
	var got []string
	for rest := script; ; {
		st, tail, err := s.PrepareNext(context.Background(), rest)
		if err != nil {
			t.Fatal(err)
		}
		if st == nil {
			break
		}
		got = append(got, fmt.Sprintf("%q %q", st.SQL(), st.Params()))
		if _, err := st.Step(context.Background()); err != nil {
			t.Fatal(err)
		}
		st.Close()
		rest = tail
	}
	want := []string{
		`"create table t (x);" []`,
		`" insert into t values (?) ;" [""]`,
		`" select x from t;" []`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("statements = %s, want %s", got, want)
	}
	if _, _, err := s.PrepareNext(context.Background(), "select 1; garbage"); err != nil {
		t.Errorf("first statement failed: %v", err)
	}
	if _, tail, err := s.PrepareNext(context.Background(), "garbage in"); err == nil || tail != "garbage in" {
		t.Errorf("garbage: error %v, tail %q; want a syntax error and the text kept", err, tail)
	}
}

// openSession opens a session closed when the test ends.
func openSession(t *testing.T) *Session {
	t.Helper()
	s, err := Open(Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// mustExec runs sql and fails the test on an error.
func mustExec(t *testing.T, s *Session, sql string) {
	t.Helper()
	if res := s.Exec(context.Background(), sql); res.Error != nil {
		t.Fatalf("%s: %s", sql, res.Error.Message)
	}
}

func TestStepRows(t *testing.T) {
	s := openSession(t)
	st, _, err := s.PrepareNext(context.Background(), "select value from generate_series(1, 5)")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for {
		rows, done, err := st.StepRows(context.Background(), 2)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, fmt.Sprint(rows, done))
		if done {
			break
		}
	}
	want := []string{"[[1] [2]] false", "[[3] [4]] false", "[[5]] true"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("batches = %q, want %q", got, want)
	}
}
