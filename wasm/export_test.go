//go:build js && wasm

package main

import (
	"encoding/json"
	"reflect"
	"testing"
	"unsafe"
)

// callExec calls the exports as engine.js does: the SQL and the JSON
// parameters into the input, the result read back from the output.
func callExec(t *testing.T, db int, sql, params string) map[string]any {
	t.Helper()
	in := unsafe.Slice((*byte)(exportInput(int32(len(sql)+len(params)))), len(sql)+len(params))
	copy(in, sql)
	copy(in[len(sql):], params)
	n := exportExec(int32(db), int32(len(sql)), int32(len(params)))
	out := unsafe.Slice((*byte)(exportOutput()), n)
	var res map[string]any
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatalf("got %q: %v", out, err)
	}
	return res
}

func TestExportExec(t *testing.T) {
	exported = newAPI()
	db := int(openDB(t, exported.object()).Int())
	for _, tt := range []struct {
		name, sql, params string
		rows              []any
		err               string
	}{
		{"no parameters", "select 1, 'é'", "", []any{[]any{1.0, "é"}}, ""},
		{"by position, each type", "select ?, ?, ?, ?, ?, typeof(?)", `[null, true, 7, 2.5, "x", 2]`,
			[]any{[]any{nil, 1.0, 7.0, 2.5, "x", "integer"}}, ""},
		{"tagged values", "select ?, ?, ?", `[{"int": "9007199254740993"}, {"real": "Infinity"}, {"real": "NaN"}]`,
			[]any{[]any{map[string]any{"int": "9007199254740993"}, map[string]any{"real": "Infinity"}, nil}}, ""},
		{"by name", "select $a, :b", `{"$a": 1, "b": "x"}`, []any{[]any{1.0, "x"}}, ""},
		{"a big integral number is a real", "select typeof(?)", `[1e300]`, []any{[]any{"real"}}, ""},
		{"too big for 64 bits", "select ?", `[{"int": "99999999999999999999"}]`, nil, "params[0]: integer 99999999999999999999 does not fit in 64 bits"},
		{"not bindable", "select ?", `[{"x": "1"}]`, nil, "params[0]: cannot bind the object map[x:1]"},
		{"string escapes", "select ?, ?, ?", `["a\"b\\c\/\n\t\u00e9", "\ud83d\ude00 é", "\ud800x"]`,
			[]any{[]any{"a\"b\\c/\n\té", "😀 é", "\ufffdx"}}, ""},
		{"white space and an empty list", "select 1", " [ ] ", []any{[]any{1.0}}, ""},
		{"bad JSON", "select ?", `[1,`, nil, "params[1]: params: want a value at byte 3"},
		{"text after the list", "select ?", `[1] x`, nil, "params: unexpected text after the parameters at byte 4"},
		{"not a list", "select ?", `"x"`, nil, "params must be an array or an object"},
		{"wrong count", "select ?", `[1, 2]`, nil, "statement has 1 parameters, got 2 values"},
		{"syntax error", "selec 1", "", nil, `near "selec": syntax error`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := callExec(t, db, tt.sql, tt.params)
			if got := errorMessage(res); got != tt.err {
				t.Fatalf("got error %q, want %q", got, tt.err)
			}
			if tt.err != "" {
				return
			}
			if rows := res["statements"].([]any)[0].(map[string]any)["rows"]; !reflect.DeepEqual(rows, tt.rows) {
				t.Errorf("got rows %v, want %v", rows, tt.rows)
			}
		})
	}
	if got := errorMessage(callExec(t, 12345, "select 1", "")); got != "database is closed" {
		t.Errorf("unknown database: got %q", got)
	}
}
