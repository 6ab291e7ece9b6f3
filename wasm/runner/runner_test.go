package runner

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/dbtour/dbtour/lessons/programs"
	"github.com/dbtour/dbtour/wasm/engine"
)

var fixedNow = func() time.Time { return time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC) }

func open(t testing.TB) *engine.Session {
	t.Helper()
	s, err := engine.Open(engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestRunRecordsStatementsAndKeepsTables(t *testing.T) {
	t.Parallel()
	s := open(t)
	ctx := context.Background()
	res, err := Run(ctx, s, "gorm-basics", programs.Inputs{"name": "Ada", "year": "2024"}, Options{Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	if res.Error != "" {
		t.Fatalf("program failed: %s", res.Error)
	}
	var create, insert *Statement
	for i, st := range res.Statements {
		switch {
		case strings.HasPrefix(st.SQL, "CREATE TABLE `members`"):
			create = &res.Statements[i]
		case strings.HasPrefix(st.SQL, "INSERT INTO `members`"):
			insert = &res.Statements[i]
		}
	}
	if create == nil || insert == nil {
		t.Fatalf("want a CREATE TABLE and an INSERT among %+v", res.Statements)
	}
	if !strings.Contains(insert.SQL, `"Ada"`) || !strings.Contains(insert.SQL, "2024") {
		t.Errorf("insert without its bound values: %s", insert.SQL)
	}
	if insert.Rows != 1 {
		t.Errorf("insert: got %d rows affected, want 1", insert.Rows)
	}
	if !strings.Contains(res.Output, "created member 1: Ada") {
		t.Errorf("output: %q", res.Output)
	}
	after := s.Exec(ctx, "select name, joined_year from members")
	if after.Error != nil || len(after.Statements[0].Rows) != 1 {
		t.Fatalf("the session does not see the program's table: %+v", after)
	}
	if got := after.Statements[0].Rows[0]; got[0] != "Ada" || got[1] != int64(2023) {
		t.Errorf("got row %v, want [Ada 2023]", got)
	}
}

func TestRunSeesTheSessionsTables(t *testing.T) {
	t.Parallel()
	s := open(t)
	ctx := context.Background()
	if r := s.Exec(ctx, "create table notes(id integer primary key, body text not null); insert into notes(body) values ('first')"); r.Error != nil {
		t.Fatal(r.Error)
	}
	res, err := Run(ctx, s, "sql-basics", programs.Inputs{"note": "second"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Error != "" || res.Output != "inserted note 2\n1: first\n2: second\n" {
		t.Errorf("got output %q, error %q", res.Output, res.Error)
	}
}

func TestRunReportsProgramErrors(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name, setup, program string
		in                   programs.Inputs
		want                 string
	}{
		{"bad input", "", "gorm-basics", programs.Inputs{"name": "Ada", "year": "soon"}, `input year: want a whole number, got "soon"`},
		{"constraint", "create table members(id integer primary key, name text not null unique, joined_year integer); insert into members(name) values ('Ada')",
			"gorm-basics", programs.Inputs{"name": "Ada", "year": "2024"}, "duplicated key not allowed"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := open(t)
			ctx := context.Background()
			if r := s.Exec(ctx, tt.setup); r.Error != nil {
				t.Fatal(r.Error)
			}
			res, err := Run(ctx, s, tt.program, tt.in, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if res.Error != tt.want {
				t.Errorf("got error %q, want %q", res.Error, tt.want)
			}
			if r := s.Exec(ctx, "select 1"); r.Error != nil {
				t.Errorf("the session is unusable after a failed program: %v", r.Error)
			}
		})
	}
}

func TestRunUnknownProgram(t *testing.T) {
	t.Parallel()
	if _, err := Run(context.Background(), open(t), "nope", nil, Options{}); err == nil || !strings.Contains(err.Error(), `"nope"`) {
		t.Errorf("got %v, want an error naming the program", err)
	}
}

// TestRunListsStatementsInTheOrderTheyRan: a create with has-many
// associations inserts the parent first, and a preload queries the
// children after the parents it needs the ids of.
func TestRunListsStatementsInTheOrderTheyRan(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := open(t)
	first := func(res *Result, prefix string) int {
		for i, st := range res.Statements {
			if strings.HasPrefix(st.SQL, prefix) {
				return i
			}
		}
		t.Fatalf("no statement starts with %q in %+v", prefix, res.Statements)
		return -1
	}
	res, err := Run(ctx, s, "gorm-authors", programs.Inputs{"authors": "2"}, Options{})
	if err != nil || res.Error != "" {
		t.Fatalf("gorm-authors: %v %s", err, res.Error)
	}
	if a, b := first(res, "INSERT INTO `authors`"), first(res, "INSERT INTO `books`"); a > b {
		t.Errorf("authors inserted at %d, after their books at %d", a, b)
	}
	res, err = Run(ctx, s, "gorm-preload", programs.Inputs{}, Options{})
	if err != nil || res.Error != "" {
		t.Fatalf("gorm-preload: %v %s", err, res.Error)
	}
	if a, b := first(res, "SELECT * FROM `authors`"), first(res, "SELECT * FROM `books`"); a > b {
		t.Errorf("authors queried at %d, after their preloaded books at %d", a, b)
	}
}

// TestRunLimitReachesDerivedContexts: a program's own, longer timeout
// does not outlive the session's time limit.
func TestRunLimitReachesDerivedContexts(t *testing.T) {
	t.Parallel()
	s, err := engine.Open(engine.Options{TimeLimit: 100 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	res, err := Run(context.Background(), s, "query-timeout", programs.Inputs{"timeout_ms": "2000"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	after, _, _ := strings.Cut(strings.TrimPrefix(res.Output, "stopped after "), ":")
	took, err := time.ParseDuration(after)
	if err != nil {
		t.Fatalf("output %q: %v", res.Output, err)
	}
	if took >= 2*time.Second {
		t.Errorf("stopped by the program's own 2 s timeout, not the 100 ms limit: %q", res.Output)
	}
}

// TestRunRecoversPanics: a program that panics fails with a message.
func TestRunRecoversPanics(t *testing.T) {
	t.Parallel()
	boom := programs.Program(func(context.Context, programs.Env) error { panic("boom") })
	err := run(context.Background(), "file:/panics?vfs=memdb", boom, nil, Options{}, &Result{}, &limitedBuffer{max: maxOutput})
	if err == nil || err.Error() != "the program panicked: boom" {
		t.Errorf("got %v, want the panic as an error", err)
	}
}
