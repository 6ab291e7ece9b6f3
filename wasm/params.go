//go:build js && wasm

package main

import (
	"fmt"
	"math"
	"strconv"
	"syscall/js"
)

// goParams converts a JavaScript array of parameter values to Go values
// the engine binds: null and undefined to NULL, an integral number to an
// integer, another number to a real, {int: "digits"} (how engine.js passes
// a bigint, which Go cannot read directly) to an integer, a string to text,
// a boolean to 0 or 1 and a Uint8Array to a blob.
func goParams(v js.Value) ([]any, error) {
	if v.IsUndefined() || v.IsNull() {
		return nil, nil
	}
	if !js.Global().Get("Array").Call("isArray", v).Bool() {
		return nil, fmt.Errorf("params must be an array")
	}
	out := make([]any, v.Length())
	for i := range out {
		p, err := goValue(v.Index(i))
		if err != nil {
			return nil, fmt.Errorf("params[%d]: %w", i, err)
		}
		out[i] = p
	}
	return out, nil
}

func goValue(v js.Value) (any, error) {
	switch v.Type() {
	case js.TypeNull, js.TypeUndefined:
		return nil, nil
	case js.TypeBoolean:
		return v.Bool(), nil
	case js.TypeString:
		return v.String(), nil
	case js.TypeNumber:
		f := v.Float()
		if f == math.Trunc(f) && math.Abs(f) <= 1<<53 {
			return int64(f), nil
		}
		return f, nil
	case js.TypeObject:
		if v.InstanceOf(js.Global().Get("Uint8Array")) {
			b := make([]byte, v.Length())
			js.CopyBytesToGo(b, v)
			return b, nil
		}
		if digits := v.Get("int"); digits.Type() == js.TypeString {
			n, err := strconv.ParseInt(digits.String(), 10, 64)
			if err != nil {
				return nil, fmt.Errorf("integer %s does not fit in 64 bits", digits.String())
			}
			return n, nil
		}
	}
	return nil, fmt.Errorf("cannot bind a %s", v.Type())
}
