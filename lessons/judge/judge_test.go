package judge

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/dbtour/dbtour/internal/wiretest"
	"github.com/dbtour/dbtour/wasm/engine"
)

// vectors are lessons/testdata/judge.json, which the page's judge
// (web/jstest/judge.test.js) must pass too.
type vectors struct {
	Cases []struct {
		Name      string
		Ordered   bool
		Got, Want struct{ Plan, Rows *wireTable }
		Verdict   *string
	}
}

// wireTable is a table as the engine sends it to the page.
type wireTable struct {
	Columns []string
	Rows    [][]json.RawMessage
}

func TestVectors(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile("../testdata/judge.json")
	if err != nil {
		t.Fatal(err)
	}
	var v vectors
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	if len(v.Cases) < 20 {
		t.Fatalf("got %d cases; the file lost some", len(v.Cases))
	}
	for _, c := range v.Cases {
		t.Run(c.Name, func(t *testing.T) {
			if c.Verdict == nil {
				t.Fatal("the case has no verdict")
			}
			got := Answer{Plan: table(t, c.Got.Plan), Rows: table(t, c.Got.Rows)}
			want := Answer{Plan: table(t, c.Want.Plan), Rows: table(t, c.Want.Rows)}
			if v := Verdict(got, want, c.Ordered); v != *c.Verdict {
				t.Errorf("got verdict %q, want %q", v, *c.Verdict)
			}
		})
	}
}

// table decodes a wire table; nil stays nil.
func table(t *testing.T, w *wireTable) *Table {
	if w == nil {
		return nil
	}
	tab := &Table{Columns: w.Columns, Rows: []engine.Row{}}
	for _, r := range w.Rows {
		row := engine.Row{}
		for _, raw := range r {
			v, err := wiretest.Value(raw)
			if err != nil {
				t.Fatalf("%s: %v", raw, err)
			}
			row = append(row, v)
		}
		tab.Rows = append(tab.Rows, row)
	}
	return tab
}

func TestSame(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		a, b any
		want bool
	}{
		{int64(1), int64(1), true},
		{int64(9007199254740993), int64(9007199254740992), false},
		{int64(440), 440.00000000000006, true},
		{0.1 + 0.2, 0.3, true},
		{1e-12, 0.0, true},
		{12.3456, 12.35, false},
		{1e20, 1e20 + 1e12, false},
		{int64(1000000000), int64(1000000001), false},
		{int64(1<<53 + 1), float64(1 << 53), false},
		{int64(7), 7.0, true},
		{7.5, 7.5 + 1e-12, true},
		{"a", "a", true},
		{"7", int64(7), false},
		{nil, nil, true},
		{nil, "", false},
		{[]byte("a"), "a", false},
		{[]byte("a"), []byte("a"), true},
	} {
		if got := Same(tt.a, tt.b); got != tt.want {
			t.Errorf("Same(%#v, %#v) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := Same(tt.b, tt.a); got != tt.want {
			t.Errorf("Same(%#v, %#v) = %v, want %v", tt.b, tt.a, got, tt.want)
		}
	}
}

func TestExplained(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ sql, want string }{
		{"explain query plan select 1", "select 1"},
		{"EXPLAIN  QUERY\nPLAN\nselect x from t", "select x from t"},
		{"explain select 1", ""},
		{"select 'explain query plan'", ""},
	} {
		got, ok := Explained(tt.sql)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("Explained(%q) = %q, %v; want %q", tt.sql, got, ok, tt.want)
		}
	}
}
