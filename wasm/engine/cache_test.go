package engine

import (
	"context"
	"fmt"
	"reflect"
	"testing"
)

// TestStatementCache runs scripts one after another on one session, where
// every step may reuse statements the earlier steps prepared, and checks
// each result is what a fresh statement would give.
func TestStatementCache(t *testing.T) {
	s, err := Open(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	steps := []struct {
		name   string
		sql    string
		args   []any
		rows   []Row
		errMsg string
	}{
		{"setup", "create table t(a integer primary key, b text); insert into t values (1, 'x'), (2, 'y')", nil, nil, ""},
		{"lookup 1", "select b from t where a = ?", []any{int64(1)}, []Row{{"x"}}, ""},
		{"lookup 2 reuses it with new values", "select b from t where a = ?", []any{int64(2)}, []Row{{"y"}}, ""},
		{"no values: old bindings are cleared", "select ? as p", nil, []Row{{nil}}, ""},
		{"named values", "select :v as p", []any{Named{"v": "n"}}, []Row{{"n"}}, ""},
		{"named values again", "select :v as p", []any{Named{"v": "m"}}, []Row{{"m"}}, ""},
		{"columns before a schema change", "select * from t where a = 1", nil, []Row{{int64(1), "x"}}, ""},
		{"schema change", "alter table t add column c default 'z'", nil, nil, ""},
		{"columns after it", "select * from t where a = 1", nil, []Row{{int64(1), "x", "z"}}, ""},
		{"a failing statement", "insert into t(a) values (1)", nil, nil, "UNIQUE constraint failed: t.a"},
		{"the same statement succeeds later", "insert into t(a) values (1)", nil, nil, "UNIQUE constraint failed: t.a"},
		{"a script of several statements, twice", "select 1; select 2", nil, []Row{{int64(2)}}, ""},
		{"and again", "select 1; select 2", nil, []Row{{int64(2)}}, ""},
	}
	for _, st := range steps {
		res := s.Exec(ctx, st.sql, st.args...)
		if st.errMsg != "" {
			if res.Error == nil || res.Error.Message != st.errMsg {
				t.Fatalf("%s: got error %v, want %q", st.name, res.Error, st.errMsg)
			}
			continue
		}
		if res.Error != nil {
			t.Fatalf("%s: %v", st.name, res.Error)
		}
		if got := res.Statements[len(res.Statements)-1].Rows; !reflect.DeepEqual(got, st.rows) {
			t.Fatalf("%s: got rows %v, want %v", st.name, got, st.rows)
		}
	}
}

// TestStatementCacheBounds checks the cache stays bounded and survives
// replacing the database.
func TestStatementCacheBounds(t *testing.T) {
	s, err := Open(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	for i := range 3 * maxCached {
		if res := s.Exec(ctx, fmt.Sprintf("select %d", i)); res.Error != nil {
			t.Fatal(res.Error)
		}
		if len(s.cache) > maxCached {
			t.Fatalf("%d statements kept, want at most %d", len(s.cache), maxCached)
		}
	}
	if res := s.Exec(ctx, "create table k(x); insert into k values (1)"); res.Error != nil {
		t.Fatal(res.Error)
	}
	snap, err := s.Serialize()
	if err != nil {
		t.Fatal(err)
	}
	if res := s.Exec(ctx, "insert into k values (2)"); res.Error != nil {
		t.Fatal(res.Error)
	}
	if err := s.Deserialize(snap); err != nil {
		t.Fatal(err)
	}
	res := s.Exec(ctx, "select count(*) from k")
	if res.Error != nil || !reflect.DeepEqual(res.Statements[0].Rows, []Row{{int64(1)}}) {
		t.Fatalf("after restoring a snapshot: got %+v", res)
	}
}
