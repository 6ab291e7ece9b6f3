package engine

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/ncruces/go-sqlite3"
)

// TestLikeAsSQLite compares the engine's LIKE with SQLite's own on many
// generated patterns and strings: wildcards, escapes, either case, other
// scripts, NUL and invalid UTF-8.
func TestLikeAsSQLite(t *testing.T) {
	t.Parallel()
	ref, err := sqlite3.Open(":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer ref.Close()
	refStmt, _, err := ref.Prepare("select ?1 like ?2, ?1 like ?2 escape ?3")
	if err != nil {
		t.Fatal(err)
	}
	defer refStmt.Close()
	s := openTest(t, Options{})
	pieces := []string{"a", "A", "b", "%", "_", "\\", "é", "É", "ß", "\x00", "\xff", "\xc3", "😀", "z", "Z", "%a", "_b", "ab"}
	rng := rand.New(rand.NewPCG(1, 2))
	gen := func() string {
		var b strings.Builder
		for range rng.IntN(7) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		return b.String()
	}
	for range 4000 {
		str, pat := gen(), gen()
		esc := []string{"\\", "%", "_", "a", "é"}[rng.IntN(5)]
		refStmt.BindText(1, str)
		refStmt.BindText(2, pat)
		refStmt.BindText(3, esc)
		if !refStmt.Step() {
			t.Fatal(refStmt.Err())
		}
		want := [2]int64{refStmt.ColumnInt64(0), refStmt.ColumnInt64(1)}
		refStmt.Reset()
		res := s.Exec(context.Background(), "select ?1 like ?2, ?1 like ?2 escape ?3", str, pat, esc)
		if res.Error != nil {
			t.Fatalf("%q like %q escape %q: %v", str, pat, esc, res.Error)
		}
		got := [2]int64{res.Statements[0].Rows[0][0].(int64), res.Statements[0].Rows[0][1].(int64)}
		if got != want {
			t.Fatalf("%q like %q (escape %q): got %v, SQLite gives %v", str, pat, esc, got, want)
		}
	}
	// Over a table, the pattern read once for a statement (a parameter)
	// and the pattern that changes with each row (a column) agree too.
	const table = "create table pairs(s, p, e)"
	if err := ref.Exec(table); err != nil {
		t.Fatal(err)
	}
	if res := s.Exec(context.Background(), table); res.Error != nil {
		t.Fatal(res.Error)
	}
	for range 500 {
		row := []any{gen(), gen(), []string{"\\", "%", "a"}[rng.IntN(3)]}
		if err := ref.Exec(fmt.Sprintf("insert into pairs values (%s, %s, %s)", quote(row[0]), quote(row[1]), quote(row[2]))); err != nil {
			t.Fatal(err)
		}
		if res := s.Exec(context.Background(), "insert into pairs values (?, ?, ?)", row...); res.Error != nil {
			t.Fatal(res.Error)
		}
	}
	for _, q := range []string{
		"select group_concat(s like p, '') from pairs",
		"select group_concat(s like p escape e, '') from pairs",
		"select group_concat(s like '%a_' escape e, '') from pairs",
		"select group_concat(s like '%a%' || p, '') from pairs",
	} {
		stmt, _, err := ref.Prepare(q)
		if err != nil || !stmt.Step() {
			t.Fatal(q, err, stmt.Err())
		}
		want := stmt.ColumnText(0)
		stmt.Close()
		if got := s.Exec(context.Background(), q).Statements[0].Rows[0][0]; got != want {
			t.Errorf("%s: got %v, SQLite gives %v", q, got, want)
		}
	}

	for _, tt := range []struct{ sql, want string }{
		{"select 'a' like 'a' escape 'ab'", "ESCAPE expression must be a single character"},
		{"select 'a' like 'a' escape ''", "ESCAPE expression must be a single character"},
		{"select 'a' like printf('%.*c', 50001, 'a')", "LIKE pattern too long"},
		{"select 'a' glob printf('%.*c', 33, 'a')", "a GLOB pattern may have at most 32 bytes"},
	} {
		if got := execMsg(s, tt.sql); !strings.Contains(got, tt.want) {
			t.Errorf("%s: got %q, want %q", tt.sql, got, tt.want)
		}
	}
	if rows := s.Exec(context.Background(), "select null like 'a', 'a' like null, 'a' like 'a' escape null").Statements[0].Rows[0]; rows[0] != nil || rows[1] != nil || rows[2] != nil {
		t.Errorf("NULLs: got %v", rows)
	}
}

// TestLikeStopsAtTheTimeLimit: the engine's LIKE at its worst (a long
// string, a long pattern that almost matches everywhere) stops at the
// time limit instead of running on.
func TestLikeStopsAtTheTimeLimit(t *testing.T) {
	t.Parallel()
	s := openTest(t, Options{TimeLimit: 200 * time.Millisecond})
	began := time.Now()
	msg := execMsg(s, "select printf('%.*c', 2000000, 'a') like '%' || printf('%.*c', 40000, 'a') || 'b'")
	if !strings.Contains(msg, "200ms time limit") {
		t.Errorf("got %q, want the time limit", msg)
	}
	if took := time.Since(began); took > 10*time.Second {
		t.Errorf("stopped after %v", took)
	}
}

// quote is s as a SQL blob literal, so that any bytes pass as they are,
// cast to text.
func quote(s any) string {
	return fmt.Sprintf("cast(x'%x' as text)", s)
}
