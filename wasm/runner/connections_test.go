package runner

import (
	"context"
	"strings"
	"testing"
)

// accountsSQL is the table the concurrency programs work on.
const accountsSQL = `create table accounts (
  id integer primary key, owner text not null unique,
  balance integer not null check (balance >= 0));
insert into accounts (owner, balance) values ('Ana', 10000), ('Bo', 5000);`

// TestProgramsWithSeveralConnections runs the programs that open more
// than one connection (to the session's memdb database or to databases
// of their own) and checks the behaviour their lessons describe: the
// :memory: pool trap, pragmas per connection, a transaction escaping
// Exec("begin"), SQLITE_BUSY and the busy timeout, and the lost update.
// Under GOOS=js it checks that locking and waiting work in WebAssembly.
func TestProgramsWithSeveralConnections(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		program string
		setup   string
		want    []string
	}{
		{"memory-pool", "", []string{
			":memory:, no limit\n  fails: sqlite3: SQL logic error: no such table: todo\n",
			":memory:, SetMaxOpenConns(1)\n  fails: context deadline exceeded\n",
			"file:/NAME?vfs=memdb, no limit\n  both queries see the table\n",
		}},
		{"conn-pragmas", "", []string{
			"through Exec:\n  connection 1: busy_timeout 5000 ms\n  connection 2: busy_timeout 60000 ms\n",
			"name:\n  connection 1: busy_timeout 5000 ms\n  connection 2: busy_timeout 5000 ms\n",
		}},
		{"begin-on-pool", "", []string{
			`after Exec("begin") ... rollback: 1 row(s) in audit`,
			"after BeginTx ... Rollback: 1 row(s) in audit",
		}},
		{"two-connections", accountsSQL, []string{
			"A reads Ana's balance: 10500\nB reads Ana's balance: 10000\n",
			"where owner = 'Bo'\n   -> sqlite3: database is locked\nA: commit\nB reads Ana's balance: 10500\n",
			`journal mode is still "memory"`,
		}},
		{"busy-wait", accountsSQL, []string{
			"B: busy_timeout 0, begin immediate: sqlite3: database is locked after",
			"B: busy_timeout 2000, begin immediate: got the lock after",
		}},
		{"lost-update", accountsSQL, []string{
			"[10100]\n  B: update accounts set balance = ? where owner = 'Ana'  [10050]\n  A: reads Ana's balance: 10050\n",
			"  B: begin immediate\n     -> sqlite3: database is locked\n",
			"[10300]\n  B: commit\n  A: reads Ana's balance: 10300\n",
		}},
	} {
		t.Run(tt.program, func(t *testing.T) {
			t.Parallel()
			s := open(t)
			ctx := context.Background()
			if tt.setup != "" {
				if r := s.Exec(ctx, tt.setup); r.Error != nil {
					t.Fatal(r.Error)
				}
			}
			res, err := Run(ctx, s, tt.program, nil, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if res.Error != "" {
				t.Fatalf("program failed: %s\noutput:\n%s", res.Error, res.Output)
			}
			for _, w := range tt.want {
				if !strings.Contains(res.Output, w) {
					t.Errorf("output lacks %q; got:\n%s", w, res.Output)
				}
			}
		})
	}
}
