package engine

import (
	"context"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"
)

// TestLimits runs hostile or runaway scripts: each must fail with a clear
// message and leave the session usable with its data intact.
func TestLimits(t *testing.T) {
	for _, tt := range []struct {
		name     string
		opts     Options
		script   string
		wantMsg  string
		wantCode int
	}{
		{"huge blob", Options{}, "select randomblob(2e9)", "string or blob too big: the limit is 2 MiB", 18},
		{"growing string", Options{MaxLength: 1 << 20}, "select hex(zeroblob(600000))",
			"string or blob too big: the limit is 1 MiB", 18},
		{"endless aggregate", Options{TimeLimit: 200 * time.Millisecond},
			"with recursive c(x) as (select 1 union all select x + 1 from c) select group_concat(x) from c",
			"statement stopped: it ran past the 200ms time limit", 9},
		{"memory", Options{MaxMemory: 8 << 20, MaxLength: 64 << 20}, "select length(randomblob(50e6))",
			"out of memory: a statement needed more than the 8 MiB limit", 1},
		{"runaway sort", Options{MaxMemory: 8 << 20, TimeLimit: 30 * time.Second},
			"with recursive c(x) as (select 1 union all select x + 1 from c) select x from c order by -x",
			"out of memory: a statement needed more than the 8 MiB limit", 1},
		{"attach a file", Options{}, "attach 'stolen.db' as s", "not allowed: this database lives in memory", 23},
		{"attach a file by URI", Options{}, "attach 'file:stolen.db?vfs=unix' as s", "not allowed", 23},
		{"vacuum into a file", Options{}, "vacuum into 'copy.db'", "not allowed", 23},
		{"load an extension", Options{}, "select load_extension('x')", "no such function: load_extension", 1},
		{"time inside a transaction", Options{TimeLimit: 100 * time.Millisecond},
			"begin; insert into kept values (2); with recursive c(x) as (select 1 union all select x + 1 from c) insert into kept select x from c",
			"statement stopped: it ran past the 100ms time limit; the open transaction was rolled back", 9},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			t.Chdir(dir)
			s := openTest(t, tt.opts)
			ctx := context.Background()
			if res := s.Exec(ctx, "create table kept(x); insert into kept values (1)"); res.Error != nil {
				t.Fatal(res.Error)
			}
			res := s.Exec(ctx, tt.script)
			if res.Error == nil || !strings.Contains(res.Error.Message, tt.wantMsg) || res.Error.Code&0xff != tt.wantCode {
				t.Errorf("got %+v, want code %d and message containing %q", res.Error, tt.wantCode, tt.wantMsg)
			}
			res = s.Exec(ctx, "select x from kept")
			if res.Error != nil || !reflect.DeepEqual(res.Statements[0].Rows, []Row{{int64(1)}}) {
				t.Errorf("afterwards: got %+v %v, want the table intact", res.Statements, res.Error)
			}
			if files, _ := os.ReadDir(dir); len(files) != 0 {
				t.Errorf("the script created %d files", len(files))
			}
		})
	}
}

func TestAttachMemory(t *testing.T) {
	t.Parallel()
	res := openTest(t, Options{}).Exec(context.Background(), "attach ':memory:' as scratch; create table scratch.t(x); select count(*) from scratch.t")
	if res.Error != nil {
		t.Errorf("attach ':memory:': %v", res.Error)
	}
}

func TestStatementDetails(t *testing.T) {
	t.Parallel()
	s := openTest(t, Options{MaxRows: 2})
	ctx := context.Background()
	res := s.Exec(ctx, "create table p(id integer primary key, name text, score real); insert into p(name) values ('a'), ('b'), ('c'); select id, name, score * 2 from p")
	if res.Error != nil {
		t.Fatal(res.Error)
	}
	ins, sel := res.Statements[1], res.Statements[2]
	if ins.LastInsertRowID != 3 || ins.Changes != 3 {
		t.Errorf("insert: got rowid %d, changes %d; want 3, 3", ins.LastInsertRowID, ins.Changes)
	}
	if want := []string{"INTEGER", "TEXT", ""}; !reflect.DeepEqual(sel.DeclTypes, want) {
		t.Errorf("declared types: got %q, want %q", sel.DeclTypes, want)
	}
	if !sel.Truncated || sel.TotalRows != 3 || len(sel.Rows) != 2 {
		t.Errorf("truncation: got %v, total %d, %d rows; want true, 3, 2", sel.Truncated, sel.TotalRows, len(sel.Rows))
	}
	if sel.Duration <= 0 || sel.DurationMs < 0 {
		t.Errorf("duration: got %v", sel.Duration)
	}
	many := s.Exec(ctx, "select value from generate_series(1, 200000)").Statements[0]
	if !many.Truncated || many.TotalRows != -1 {
		t.Errorf("too many to count: got truncated %v, total %d; want true, -1", many.Truncated, many.TotalRows)
	}
}

func TestNamedParameters(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name    string
		script  string
		args    []any
		want    Row
		wantErr string
	}{
		{"numbered", "select ?2, ?1, ?2", []any{"a", "b"}, Row{"b", "a", "b"}, ""},
		{"colon with prefix", "select :x + 1", []any{Named{":x": int64(1)}}, Row{int64(2)}, ""},
		{"at without prefix", "select @x || @y", []any{Named{"x": "a", "y": "b"}}, Row{"ab"}, ""},
		{"dollar", "select $v", []any{Named{"$v": 1.5}}, Row{1.5}, ""},
		{"missing name", "select :x, :y", []any{Named{"x": 1}}, nil, "no value for parameter :y"},
		{"named into positional", "select ?", []any{Named{"x": 1}}, nil, "parameter 1 has no name: pass values by position"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			res := openTest(t, Options{}).Exec(context.Background(), tt.script, tt.args...)
			if tt.wantErr != "" {
				if res.Error == nil || res.Error.Message != tt.wantErr {
					t.Errorf("got error %v, want %q", res.Error, tt.wantErr)
				}
				return
			}
			if res.Error != nil || !reflect.DeepEqual(res.Statements[0].Rows[0], tt.want) {
				t.Errorf("got %v %v, want %v", res.Statements, res.Error, tt.want)
			}
		})
	}
}
