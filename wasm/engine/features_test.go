package engine

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
)

// fill opens a session and runs script on it.
func fill(t *testing.T, script string) *Session {
	t.Helper()
	s := openTest(t, Options{})
	if res := s.Exec(context.Background(), script); res.Error != nil {
		t.Fatalf("setup: %v", res.Error)
	}
	return s
}

const shopSQL = `
create table customers (id integer primary key, name text not null unique, tier text default 'free');
create table orders (id integer primary key autoincrement, customer_id integer not null references customers(id), total real check (total >= 0), note blob);
create index orders_by_customer on orders(customer_id, total);
create view big_orders as select * from orders where total > 100;
create trigger no_negative before insert on orders begin select raise(abort, 'negative') where new.total < 0; end;
insert into customers(name) values ('ann'), ('bo''b');
insert into orders(customer_id, total, note) values (1, 250.0, x'00ff'), (2, 3, null), (1, 1e300, 'it''s');
`

func TestSchema(t *testing.T) {
	t.Parallel()
	sch, err := fill(t, shopSQL).Schema()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, tb := range sch.Tables {
		names = append(names, tb.Type+" "+tb.Name)
	}
	if want := []string{"view big_orders", "table customers", "table orders"}; !reflect.DeepEqual(names, want) {
		t.Fatalf("tables: got %q, want %q", names, want)
	}
	orders := sch.Tables[2]
	wantCols := []Column{
		{Name: "id", Type: "INTEGER", PrimaryKey: 1},
		{Name: "customer_id", Type: "INTEGER", NotNull: true, References: "customers(id)"},
		{Name: "total", Type: "REAL"},
		{Name: "note", Type: "BLOB"},
	}
	if !reflect.DeepEqual(orders.Columns, wantCols) {
		t.Errorf("columns:\ngot  %+v\nwant %+v", orders.Columns, wantCols)
	}
	wantIdx := []Index{{Name: "orders_by_customer", Columns: []string{"customer_id", "total"}, Origin: "c"}}
	if !reflect.DeepEqual(orders.Indexes, wantIdx) {
		t.Errorf("indexes: got %+v, want %+v", orders.Indexes, wantIdx)
	}
	if len(orders.Triggers) != 1 || orders.Triggers[0].Name != "no_negative" {
		t.Errorf("triggers: got %+v", orders.Triggers)
	}
	customers := sch.Tables[1]
	if c := customers.Columns[2]; c.Default != "'free'" {
		t.Errorf("default: got %q, want 'free'", c.Default)
	}
	if ix := customers.Indexes; len(ix) != 1 || !ix[0].Unique || ix[0].Origin != "u" || ix[0].Columns[0] != "name" {
		t.Errorf("unique index: got %+v", ix)
	}
}

func TestQueryPlan(t *testing.T) {
	t.Parallel()
	s := fill(t, shopSQL)
	ctx := context.Background()
	plan, err := s.QueryPlan(ctx, "select * from orders where customer_id = 1; drop table orders")
	if err != nil {
		t.Fatal(err)
	}
	if len(plan) != 1 || !strings.Contains(plan[0].Detail, "USING INDEX orders_by_customer") {
		t.Errorf("plan: got %+v, want a search using the index", plan)
	}
	if res := s.Exec(ctx, "select count(*) from orders"); res.Error != nil {
		t.Errorf("QueryPlan ran the statement after the first: %v", res.Error)
	}
	nested, _ := s.QueryPlan(ctx, "select * from customers where id in (select customer_id from orders)")
	if len(nested) == 0 || len(nested[len(nested)-1].Children) == 0 && len(nested[0].Children) == 0 {
		t.Errorf("nested plan: got %+v, want a step with children", nested)
	}
	_, err = s.QueryPlan(ctx, "\n  select * from nope")
	var e *Error
	if !errors.As(err, &e) || e.Message != "no such table: nope" || e.Line != 2 || e.Column != 3 {
		t.Errorf("error: got %+v, want an *Error: no such table at line 2, column 3", err)
	}
}

func TestDumpRestores(t *testing.T) {
	t.Parallel()
	src := fill(t, shopSQL)
	dump, err := src.Dump()
	if err != nil {
		t.Fatal(err)
	}
	dst := fill(t, dump)
	ctx := context.Background()
	const check = "select * from customers; select id, customer_id, total, typeof(total), note from orders; select * from sqlite_sequence; select count(*) from big_orders"
	want, got := src.Exec(ctx, check), dst.Exec(ctx, check)
	if !reflect.DeepEqual(shapes(got.Statements), shapes(want.Statements)) {
		t.Errorf("restored from dump:\ngot  %+v\nwant %+v\ndump:\n%s", shapes(got.Statements), shapes(want.Statements), dump)
	}
	if res := dst.Exec(ctx, "insert into orders(customer_id, total) values (1, -1)"); res.Error == nil || res.Error.Message != "negative" {
		t.Errorf("trigger not restored: got %v", res.Error)
	}
}

func TestSerializeSnapshot(t *testing.T) {
	t.Parallel()
	s := fill(t, shopSQL)
	ctx := context.Background()
	snap, err := s.Serialize()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(snap), fileHeader) {
		t.Fatalf("snapshot is not a database file: %q", snap[:16])
	}
	s.Exec(ctx, "delete from orders; drop view big_orders")
	if err := s.Deserialize(snap); err != nil {
		t.Fatal(err)
	}
	res := s.Exec(ctx, "select count(*) from big_orders; select count(*) from orders")
	if res.Error != nil || res.Statements[1].Rows[0][0] != int64(3) {
		t.Errorf("after restore: got %+v %v, want 3 orders", res.Statements, res.Error)
	}
	if err := s.Deserialize([]byte("hello")); !errors.Is(err, ErrNotDatabase) {
		t.Errorf("got %v, want ErrNotDatabase", err)
	}
	if res := s.Exec(ctx, "select count(*) from orders"); res.Error != nil {
		t.Errorf("after a bad restore the database must be intact: %v", res.Error)
	}
}

func TestImportCSV(t *testing.T) {
	t.Parallel()
	s := openTest(t, Options{})
	n, err := s.ImportCSV("people", []byte("name,age,height,note\nann,31,1.7,\"says \"\"hi\"\"\"\nbob,,1,\ncy,40,2,x\n"))
	if err != nil || n != 3 {
		t.Fatalf("got %d, %v; want 3 rows", n, err)
	}
	res := s.Exec(context.Background(), "select name, age, height, note, typeof(age), typeof(height) from people order by name")
	want := []Row{
		{"ann", int64(31), 1.7, `says "hi"`, "integer", "real"},
		{"bob", nil, 1.0, nil, "null", "real"},
		{"cy", int64(40), 2.0, "x", "integer", "real"},
	}
	if res.Error != nil || !reflect.DeepEqual(res.Statements[0].Rows, want) {
		t.Errorf("got %v %v, want %v", res.Statements, res.Error, want)
	}
	for _, tt := range []struct{ name, table, csv, want string }{
		{"existing table", "people", "a\n1\n", "import people: table \"people\" already exists"},
		{"ragged", "r", "a,b\n1\n", "import r: record on line 2: wrong number of fields"},
		{"empty", "e", "", "import e: no header line"},
	} {
		if _, err := s.ImportCSV(tt.table, []byte(tt.csv)); err == nil || err.Error() != tt.want {
			t.Errorf("%s: got %v, want %q", tt.name, err, tt.want)
		}
	}
	if res := s.Exec(context.Background(), "select count(*) from sqlite_schema"); res.Statements[0].Rows[0][0] != int64(1) {
		t.Errorf("a failed import left tables behind: %v", res.Statements[0].Rows)
	}
}

func TestPrepare(t *testing.T) {
	t.Parallel()
	s := fill(t, "create table t(a, b); insert into t values (1, 'x'), (2, 'y'), (3, 'z')")
	ctx := context.Background()
	st, err := s.Prepare(ctx, "select a, b from t where a >= :min order by a")
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if got := st.Columns(); !reflect.DeepEqual(got, []string{"a", "b"}) {
		t.Errorf("columns: got %q", got)
	}
	for _, min := range []int64{2, 3} {
		if err := st.Bind(ctx, Named{"min": min}); err != nil {
			t.Fatal(err)
		}
		var got []Row
		for {
			row, err := st.Step(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if row == nil {
				break
			}
			got = append(got, row)
		}
		if len(got) != int(4-min) || got[0][0] != min {
			t.Errorf("min %d: got %v", min, got)
		}
	}
	for _, tt := range []struct{ sql, want string }{
		{"select 1; select 2", "prepare takes one statement; use exec for a script"},
		{"-- nothing", "no statement to prepare"},
		{"select nope", "no such column: nope"},
	} {
		var e *Error
		if _, err := s.Prepare(ctx, tt.sql); !errors.As(err, &e) || e.Message != tt.want {
			t.Errorf("Prepare(%q): got %v, want an *Error %q", tt.sql, err, tt.want)
		}
	}
}

func TestBuiltInFunctions(t *testing.T) {
	t.Parallel()
	res := openTest(t, Options{}).Exec(context.Background(),
		`select json_extract('{"a":[1,2]}', '$.a[1]'), '{"b":"x"}' ->> '$.b', sqrt(16.0), floor(2.5), pi() > 3,
		 (select count(*) from json_each('[1,2,3]'))`)
	want := []Row{{int64(2), "x", 4.0, 2.0, int64(1), int64(3)}}
	if res.Error != nil || !reflect.DeepEqual(res.Statements[0].Rows, want) {
		t.Errorf("got %v %v, want %v", res.Statements, res.Error, want)
	}
}

// TestDumpReplays checks dump for what replaying it once failed on:
// generated columns and text holding NUL.
func TestDumpReplays(t *testing.T) {
	t.Parallel()
	src := fill(t, `create table g(a integer, b integer generated always as (a * 2) virtual, c integer generated always as (a + 1) stored, d text);
		insert into g(a, d) values (1, 'x' || char(0) || 'y'), (2, char(0)), (3, 'it''s');`)
	dump, err := src.Dump()
	if err != nil {
		t.Fatal(err)
	}
	dst := fill(t, dump)
	const check = "select a, b, c, d, length(d), hex(d) from g order by a"
	ctx := context.Background()
	want, got := src.Exec(ctx, check), dst.Exec(ctx, check)
	if got.Error != nil || !reflect.DeepEqual(shapes(got.Statements), shapes(want.Statements)) {
		t.Errorf("replayed:\ngot  %+v %v\nwant %+v\ndump:\n%s", shapes(got.Statements), got.Error, shapes(want.Statements), dump)
	}
}
