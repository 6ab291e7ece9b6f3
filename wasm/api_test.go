//go:build js && wasm

package main

import (
	"encoding/json"
	"reflect"
	"syscall/js"
	"testing"
)

// decode parses a JSON reply of the raw API.
func decode(t *testing.T, out js.Value) map[string]any {
	t.Helper()
	if out.Type() != js.TypeString {
		t.Fatalf("got a %s, want a JSON string", out.Type())
	}
	var res map[string]any
	if err := json.Unmarshal([]byte(out.String()), &res); err != nil {
		t.Fatalf("got %q: %v", out.String(), err)
	}
	return res
}

// openDB opens a database through the raw API and returns its handle.
func openDB(t *testing.T, api js.Value, opts ...any) js.Value {
	t.Helper()
	res := decode(t, api.Call("open", opts...))
	h, ok := res["value"].(float64)
	if !ok {
		t.Fatalf("open: got %v, want a handle", res)
	}
	return js.ValueOf(h)
}

// errorMessage returns the message of a reply's error, or "".
func errorMessage(res map[string]any) string {
	e, _ := res["error"].(map[string]any)
	msg, _ := e["message"].(string)
	return msg
}

func TestAPIExec(t *testing.T) {
	api := newAPI().object()
	db := openDB(t, api)
	u8 := js.Global().Get("Uint8Array").New(2)
	u8.SetIndex(0, 1)
	u8.SetIndex(1, 255)
	bigint := js.ValueOf(map[string]any{"int": "9007199254740993"})
	params := js.ValueOf([]any{nil, true, 7, 2.5, "é", u8, bigint})

	res := decode(t, api.Call("exec", db, "select ?, ?, ?, ?, ?, ?, ?", params))
	if res["error"] != nil {
		t.Fatalf("got error %v", res["error"])
	}
	rows := res["statements"].([]any)[0].(map[string]any)["rows"]
	want := []any{[]any{nil, 1.0, 7.0, 2.5, "é", map[string]any{"blob": "Af8="},
		map[string]any{"int": "9007199254740993"}}}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("got rows %v, want %v", rows, want)
	}

	named := js.ValueOf(map[string]any{"$a": 1, "b": "x"})
	res = decode(t, api.Call("exec", db, "select $a, :b", named))
	if rows := res["statements"].([]any)[0].(map[string]any)["rows"]; !reflect.DeepEqual(rows, []any{[]any{1.0, "x"}}) {
		t.Errorf("named: got %v %v", rows, res["error"])
	}
}

func TestAPITimeLimit(t *testing.T) {
	api := newAPI().object()
	db := openDB(t, api, js.ValueOf(map[string]any{"timeLimitMs": 150}))
	res := decode(t, api.Call("exec", db, "with recursive c(x) as (select 1 union all select x + 1 from c) select count(*) from c"))
	if got := errorMessage(res); got != "statement stopped: it ran past the 150ms time limit" {
		t.Errorf("got %q, want the time limit", got)
	}
}

func TestAPIStatements(t *testing.T) {
	api := newAPI().object()
	db := openDB(t, api)
	decode(t, api.Call("exec", db, "create table t(a); insert into t values (1), (2)"))
	res := decode(t, api.Call("prepare", db, "select a from t where a > ?"))
	h := js.ValueOf(res["value"].(map[string]any)["handle"])
	decode(t, api.Call("bind", h, js.ValueOf([]any{1})))
	if got := decode(t, api.Call("step", h))["value"]; !reflect.DeepEqual(got, []any{2.0}) {
		t.Errorf("step: got %v, want [2]", got)
	}
	if got := decode(t, api.Call("step", h)); got["value"] != nil || got["error"] != nil {
		t.Errorf("last step: got %v, want null", got)
	}
	api.Call("close", db)
	if got := errorMessage(decode(t, api.Call("step", h))); got != "statement is freed" {
		t.Errorf("after close: got %q", got)
	}
}

func TestAPIMisuse(t *testing.T) {
	api := newAPI().object()
	db := openDB(t, api)
	for _, tt := range []struct {
		name string
		fn   string
		args []any
		want string
	}{
		{"no sql", "exec", []any{db}, "sql must be a string, got undefined"},
		{"sql not a string", "exec", []any{db, 42}, "sql must be a string, got number"},
		{"unknown handle", "exec", []any{12345, "select 1"}, "database is closed"},
		{"params not a list", "exec", []any{db, "select ?", "x"}, "params must be an array or an object, got string"},
		{"unbindable param", "exec", []any{db, "select ?", js.ValueOf([]any{js.Global().Get("Symbol").Invoke()})}, "params[0]: cannot bind a symbol"},
		{"bytes not bytes", "deserialize", []any{db, "x"}, "data must be a Uint8Array, got string"},
		{"not a database", "deserialize", []any{db, js.Global().Get("Uint8Array").New(20)}, "deserialize: not an SQLite database file"},
		{"unknown statement", "step", []any{99}, "statement is freed"},
		{"csv without table", "importCSV", []any{db}, "table must be a string, got undefined"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := errorMessage(decode(t, api.Call(tt.fn, tt.args...))); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
	api.Call("close", db)
	if got := errorMessage(decode(t, api.Call("exec", db, "select 1"))); got != "database is closed" {
		t.Errorf("after close: got %q", got)
	}
}
