//go:build !js || interp

package runner

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/dbtour/dbtour/lessons/programs"
	"github.com/dbtour/dbtour/wasm/engine"
)

// program wraps body as a database/sql program's function, in a file of
// package programs, with decls after it.
func program(body, decls string) string {
	return `package programs

import (
	"context"
	"database/sql"
	"fmt"
	"io"
)

func learner(ctx context.Context, db *sql.DB, in Inputs, out io.Writer) error {
	_ = fmt.Sprint
` + body + `
}
` + decls
}

// TestGuardsStopRunawayPrograms: what would hang or kill the engine ends
// with a message, and the database is as it was before the run.
func TestGuardsStopRunawayPrograms(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, body, decls, want string
	}{
		{"endless loop", `for {
	}`, "", "time limit"},
		{"endless loop after a change", `db.ExecContext(ctx, "insert into t values (2)")
	n := 0
	for {
		n++
	}`, "", "time limit"},
		{"deep recursion", `return down(0)`, `func down(n int) error { return down(n + 1) }`, "nested more than"},
		{"goroutine panic", `done := make(chan bool)
	go func() {
		defer close(done)
		var m map[string]int
		m["x"] = 1
	}()
	<-done
	return nil`, "", "a goroutine panicked"},
		{"blocked for good", `<-make(chan int)
	return nil`, "", "still running at its time limit"},
		{"huge make", `b := make([]byte, 1<<40)
	_ = b
	return nil`, "", "make asked for"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			wantStopped(t, c.body, c.decls, c.want, 2*time.Second)
		})
	}
}

// TestGuardStopsGrowingHeap is not parallel: the guard watches the
// process's heap, which other tests' runs would grow too. Its time limit
// is long: under Node, 512 MiB of allocations take seconds.
func TestGuardStopsGrowingHeap(t *testing.T) {
	wantStopped(t, `var all [][]byte
	for {
		all = append(all, make([]byte, 32<<20))
	}`, "", "more than 512 MiB of memory", 60*time.Second)
}

// wantStopped runs a program on a database of one row, within limit, and
// wants it stopped with want in the message, and the row as it was.
func wantStopped(t *testing.T, body, decls, want string, limit time.Duration) {
	t.Helper()
	s, err := engine.Open(engine.Options{TimeLimit: limit})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	if r := s.Exec(ctx, "create table t(x); insert into t values (1)"); r.Error != nil {
		t.Fatal(r.Error)
	}
	start := time.Now()
	res, err := RunSource(ctx, s, "", program(body, decls), programs.Inputs{}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(res.Error, want) || !strings.Contains(res.Error, "as it was before the run") {
		t.Errorf("got error %q, want %q and the database put back", res.Error, want)
	}
	if took := time.Since(start); took > limit+10*time.Second {
		t.Errorf("took %v to stop", took)
	}
	r := s.Exec(ctx, "select count(*) from t")
	if r.Error != nil || r.Statements[0].Rows[0][0] != int64(1) {
		t.Errorf("the database changed: %+v", r)
	}
}

// TestRefusals: what a program may not do is refused before it runs,
// with where and why.
func TestRefusals(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, src, want string
		line, col       int
	}{
		{"os", "package programs\n\nimport \"os\"\n\nfunc f() { os.Exit(1) }\n", `import "os" is not allowed here; a program may import context, crypto/rand, database/sql`, 3, 8},
		{"net/http", "package programs\n\nimport (\n\t\"fmt\"\n\t\"net/http\"\n)\n", `import "net/http" is not allowed`, 5, 2},
		{"syntax", "package programs\n\nfunc f() {\n\tx := \n}\n", "expected operand", 5, 1},
		{"type error", program(`return 1`, ""), "", 12, 8},
		{"undefined", program(`return nope()`, ""), "undefined: nope", 12, 8},
		{"package", "package main\n", "the file must stay in package programs", 1, 9},
		{"no entry", "package programs\n\nfunc helper() {}\n", "with the signature", 1, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			res, err := RunSource(context.Background(), open(t), "", c.src, programs.Inputs{}, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(res.Error, c.want) || res.Line != c.line || res.Column != c.col {
				t.Errorf("got %q at %d:%d, want %q at %d:%d", res.Error, res.Line, res.Column, c.want, c.line, c.col)
			}
		})
	}
}
