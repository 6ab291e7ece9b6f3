package engine

import (
	"context"
	"reflect"
	"testing"
	"time"
)

// FuzzExec runs arbitrary scripts against a database holding one known
// table. Whatever the script does, Exec must not panic or hang, must say
// where an error happened, and the session must stay usable. The seed
// corpus is in testdata/fuzz/FuzzExec; run with
// go test -fuzz=FuzzExec ./wasm/engine.
func FuzzExec(f *testing.F) {
	for _, seed := range []string{
		"select 1", "select * from kept", "selec 1", "insert into kept values (2)",
		"begin; delete from kept; rollback", "with recursive c(x) as (select 1 union all select x+1 from c) select x from c",
		"select randomblob(1e9)", "attach 'x.db' as x", "vacuum into 'y.db'", "select 'é', nope",
		"create table t(a); insert into t values (?)", "select :a, @b, $c", "-- only a comment", "select 1;;;select 2",
		"pragma temp_store = file; select * from kept order by x", "select zeroblob(20000000)",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, script string) {
		s, err := Open(Options{TimeLimit: 200 * time.Millisecond, MaxRows: 50, MaxMemory: 64 << 20})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		ctx := context.Background()
		s.Exec(ctx, "create table kept(x); insert into kept values (1)")

		res := s.Exec(ctx, script)
		if e := res.Error; e != nil {
			if e.Offset < 0 || e.Offset > len(script) || e.Line < 1 || e.Column < 1 || e.Message == "" {
				t.Errorf("error without a position or message: %+v", e)
			}
		}
		for _, st := range res.Statements {
			if st.Offset < 0 || st.Offset+len(st.SQL) > len(script) || script[st.Offset:st.Offset+len(st.SQL)] != st.SQL {
				t.Errorf("statement %q is not at offset %d of the script", st.SQL, st.Offset)
			}
		}
		// The session still answers, whatever the script did to it.
		s.Exec(ctx, "rollback")
		if after := s.Exec(ctx, "select 41 + 1"); after.Error != nil || !reflect.DeepEqual(after.Statements[0].Rows, []Row{{int64(42)}}) {
			t.Errorf("session unusable after %q: %+v", script, after)
		}
	})
}
