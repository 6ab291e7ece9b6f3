//go:build js && wasm

package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"syscall/js"

	"github.com/dbtour/dbtour/wasm/engine"
)

// reply encodes a call's outcome as JSON: {"value": v} or {"error": e}.
func reply(v any, err error) string {
	var out struct {
		Value any           `json:"value"`
		Error *engine.Error `json:"error,omitempty"`
	}
	if err != nil {
		out.Error = toError(err)
	} else {
		out.Value = v
	}
	b, jerr := json.Marshal(out)
	if jerr != nil {
		return reply(nil, fmt.Errorf("encode reply: %w", jerr))
	}
	return string(b)
}

// safe calls f, turning a panic into an error reply: a panic that left a
// call from JavaScript would end the Go program, and every later call
// would fail. The engine recovers go-sqlite3's panics itself; this is for
// the rest (a JavaScript value of a shape no one expected).
func safe(f func(args []js.Value) any, args []js.Value) (out any) {
	defer func() {
		if p := recover(); p != nil {
			out = reply(nil, fmt.Errorf("internal error in the engine: %v", p))
		}
	}()
	return f(args)
}

// toError makes err an engine.Error, the one error shape JavaScript sees.
func toError(err error) *engine.Error {
	var e *engine.Error
	if errors.As(err, &e) {
		return e
	}
	return &engine.Error{Message: err.Error(), Code: 1, Line: 1, Column: 1}
}

// arg returns argument i, or undefined when it was not passed.
func arg(args []js.Value, i int) js.Value {
	if i < len(args) {
		return args[i]
	}
	return js.Undefined()
}

// stringArg returns argument i, which must be a string called name.
func stringArg(args []js.Value, i int, name string) (string, error) {
	v := arg(args, i)
	if v.Type() != js.TypeString {
		return "", fmt.Errorf("%s must be a string, got %s", name, v.Type())
	}
	return v.String(), nil
}

// bytesArg returns argument i, which must be a Uint8Array called name.
func bytesArg(args []js.Value, i int, name string) ([]byte, error) {
	v := arg(args, i)
	if v.Type() != js.TypeObject || !v.InstanceOf(js.Global().Get("Uint8Array")) {
		return nil, fmt.Errorf("%s must be a Uint8Array, got %s", name, v.Type())
	}
	b := make([]byte, v.Length())
	js.CopyBytesToGo(b, v)
	return b, nil
}
