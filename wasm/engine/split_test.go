package engine

import (
	"context"
	"reflect"
	"testing"
)

func TestStatementEnd(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ text, first string }{
		{"select 1; select 2", "select 1;"},
		{"select ';'; select 2", "select ';';"},
		{`select ";" as "a;b"; x`, `select ";" as "a;b";`},
		{"select [a;b], `c;d`; x", "select [a;b], `c;d`;"},
		{"select 1 -- ; comment\n; x", "select 1 -- ; comment\n;"},
		{"select /* ; */ 1; x", "select /* ; */ 1;"},
		{"select 1 /* open", "select 1 /* open"},
		{"select 'open", "select 'open"},
		{";;select 1", ";"},
		{"create trigger t after insert on a begin insert into b values (1); update b set x = 2; end; select 1",
			"create trigger t after insert on a begin insert into b values (1); update b set x = 2; end;"},
		{"CREATE TEMP TRIGGER t AFTER INSERT ON a BEGIN SELECT CASE WHEN 1 THEN 2 END; END; x",
			"CREATE TEMP TRIGGER t AFTER INSERT ON a BEGIN SELECT CASE WHEN 1 THEN 2 END; END;"},
		{"explain create trigger t after insert on a begin select 1; end; x", "explain create trigger t after insert on a begin select 1; end;"},
		{"create table trigger_log(x); x", "create table trigger_log(x);"},
		{"select 'é;'; x", "select 'é;';"},
		{"no end", "no end"},
	} {
		if got := tt.text[:statementEnd(tt.text)]; got != tt.first {
			t.Errorf("%q: got %q, want %q", tt.text, got, tt.first)
		}
	}
}

// TestExecSplitsAsSQLite runs scripts whose statements hide semicolons and
// checks each statement's text and offset.
func TestExecSplitsAsSQLite(t *testing.T) {
	t.Parallel()
	s := openTest(t, Options{})
	script := "create table a(x); create table b(x);\n" +
		"create trigger t after insert on a begin insert into b values (';'); insert into b values (2); end;\n" +
		"insert into a values (1);;; -- a comment; with a semicolon\nselect group_concat(x, ';') from b /* ; */"
	res := s.Exec(context.Background(), script)
	if res.Error != nil {
		t.Fatal(res.Error)
	}
	var sqls []string
	for _, st := range res.Statements {
		if script[st.Offset:st.Offset+len(st.SQL)] != st.SQL {
			t.Errorf("%q is not at offset %d", st.SQL, st.Offset)
		}
		sqls = append(sqls, st.SQL)
	}
	if len(sqls) != 5 || !reflect.DeepEqual(res.Statements[4].Rows, []Row{{";;2"}}) {
		t.Errorf("got %q, rows %v", sqls, res.Statements[len(res.Statements)-1].Rows)
	}
}
