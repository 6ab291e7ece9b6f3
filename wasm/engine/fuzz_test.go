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
		"attach 'x' || '.db' as y", "attach ? as y", "vacuum into ''", "pragma writable_schema = 1; delete from sqlite_schema",
		"select instr(printf('%.*c', 9999, 'a'), 'ab'), replace('aaa', 'a', 'bb'), trim('xxaxx', 'x'), 'a' like '%a%b%'",
		"create trigger t after insert on kept begin select ';'; end; insert into kept values (';')", "select 'é' /* ; */ ; select 2",
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
		s.opts.TimeLimit = DefaultTimeLimit // the check below is not what is timed; a loaded machine can take 200 ms
		if after := s.Exec(ctx, "select 41 + 1"); after.Error != nil || !reflect.DeepEqual(after.Statements[0].Rows, []Row{{int64(42)}}) {
			t.Errorf("session unusable after %q: %+v", script, after)
		}
	})
}

// FuzzImportCSV imports arbitrary CSV: ImportCSV must not panic, and on
// error the database must be as it was and the session usable.
// Run with go test -fuzz=FuzzImportCSV ./wasm/engine.
func FuzzImportCSV(f *testing.F) {
	for _, seed := range []string{"a,b\n1,2\n", "\ufeffname\nann\n", "a,a\n1,2\n", "a\n\"open\n", "", "x,y\n1.5,\n,abc\n",
		"\"a\"\"b\",c\n1,2\n", "a\r\n1\r\n"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, csv string) {
		s, err := Open(Options{TimeLimit: 200 * time.Millisecond, MaxMemory: 64 << 20})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if _, err := s.ImportCSV("t", []byte(csv)); err != nil {
			if res := s.Exec(context.Background(), "select count(*) from sqlite_schema"); res.Error != nil || res.Statements[0].Rows[0][0] != int64(0) {
				t.Errorf("a failed import (%v) left %+v", err, res)
			}
		}
		s.opts.TimeLimit = DefaultTimeLimit // the check below is not what is timed; a loaded machine can take 200 ms
		if after := s.Exec(context.Background(), "select 41 + 1"); after.Error != nil {
			t.Errorf("session unusable after importing %q: %v", csv, after.Error)
		}
	})
}

// FuzzDeserialize imports mutated database images: Deserialize must not
// panic, and reading what it accepted must give answers or errors, never
// a dead session. Run with go test -fuzz=FuzzDeserialize ./wasm/engine.
func FuzzDeserialize(f *testing.F) {
	for _, script := range []string{
		"create table t(a integer primary key, b text); insert into t values (1, 'x'), (2, 'y'); create index tb on t(b)",
		"create table g(a, b generated always as (a * 2)); create view v as select * from g; insert into g(a) values (1)",
		"create table w(x) without rowid; create table w2(x primary key) without rowid; insert into w2 values (1)",
	} {
		s, err := Open(Options{})
		if err != nil {
			f.Fatal(err)
		}
		s.Exec(context.Background(), script)
		img, err := s.Serialize()
		s.Close()
		if err != nil {
			f.Fatal(err)
		}
		f.Add(img)
	}
	f.Fuzz(func(t *testing.T, img []byte) {
		s, err := Open(Options{TimeLimit: 200 * time.Millisecond, MaxRows: 50, MaxMemory: 64 << 20})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		ctx := context.Background()
		if s.Deserialize(img) == nil {
			s.Exec(ctx, "pragma quick_check")
			if sch, err := s.Schema(); err == nil {
				for _, tb := range sch.Tables {
					s.Exec(ctx, "select * from "+quoteIdent(tb.Name))
				}
			}
			s.Dump()
		}
		s.opts.TimeLimit = DefaultTimeLimit // the check below is not what is timed; a loaded machine can take 200 ms
		if after := s.Exec(ctx, "select 41 + 1"); after.Error != nil {
			t.Errorf("session unusable: %v", after.Error)
		}
	})
}
