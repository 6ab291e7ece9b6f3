//go:build js && wasm

package main

import (
	"encoding/json"
	"reflect"
	"syscall/js"
	"testing"
)

// call runs exec through JavaScript and decodes its JSON answer.
func call(t *testing.T, api js.Value, args ...any) map[string]any {
	t.Helper()
	out := api.Call("exec", args...)
	if out.Type() != js.TypeString {
		t.Fatalf("exec returned a %s, want a JSON string", out.Type())
	}
	var res map[string]any
	if err := json.Unmarshal([]byte(out.String()), &res); err != nil {
		t.Fatalf("exec returned %q: %v", out.String(), err)
	}
	return res
}

func TestAPIExec(t *testing.T) {
	api := newAPI().object()
	db := api.Call("open")
	if db.Type() != js.TypeNumber {
		t.Fatalf("open returned %v, want a handle", db)
	}
	u8 := js.Global().Get("Uint8Array").New(2)
	u8.SetIndex(0, 1)
	u8.SetIndex(1, 255)
	bigint := js.ValueOf(map[string]any{"int": "9007199254740993"})
	params := js.ValueOf([]any{nil, true, 7, 2.5, "é", u8, bigint})

	res := call(t, api, db, "select ?, ?, ?, ?, ?, ?, ?", params)
	if res["error"] != nil {
		t.Fatalf("got error %v", res["error"])
	}
	rows := res["statements"].([]any)[0].(map[string]any)["rows"]
	want := []any{[]any{nil, 1.0, 7.0, 2.5, "é", map[string]any{"blob": "Af8="},
		map[string]any{"int": "9007199254740993"}}}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("got rows %v, want %v", rows, want)
	}
}

func TestAPIMisuse(t *testing.T) {
	api := newAPI().object()
	db := api.Call("open")
	for _, tt := range []struct {
		name string
		args []any
		want string
	}{
		{"no sql", []any{db}, "exec: want (handle, sql[, params])"},
		{"sql not a string", []any{db, 42}, "exec: want (handle, sql[, params])"},
		{"unknown handle", []any{12345, "select 1"}, "database is closed"},
		{"params not an array", []any{db, "select ?", "x"}, "params must be an array"},
		{"unbindable param", []any{db, "select ?", js.ValueOf([]any{map[string]any{}})}, "params[0]: cannot bind a object"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := call(t, api, tt.args...)
			e, _ := res["error"].(map[string]any)
			if e == nil || e["message"] != tt.want {
				t.Errorf("got error %v, want message %q", res["error"], tt.want)
			}
		})
	}

	api.Call("close", db)
	res := call(t, api, db, "select 1")
	if e, _ := res["error"].(map[string]any); e == nil || e["message"] != "database is closed" {
		t.Errorf("after close: got %v, want database is closed", res["error"])
	}
}
