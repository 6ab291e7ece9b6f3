//go:build js && wasm

package main

import (
	"fmt"
	"math"
	"strconv"
	"syscall/js"
	"time"

	"github.com/dbtour/dbtour/wasm/engine"
)

// goParams converts JavaScript parameters to what the engine binds: an
// array binds by position, a plain object ({":id": 1} or {id: 1}) by name.
// Values convert as follows: null and undefined to NULL, an integral number to an
// integer, another number to a real, {int: "digits"} (how engine.js passes
// a bigint, which Go cannot read directly) to an integer, a string to text,
// a boolean to 0 or 1 and a Uint8Array to a blob.
func goParams(v js.Value) ([]any, error) {
	if v.IsUndefined() || v.IsNull() {
		return nil, nil
	}
	if v.Type() == js.TypeObject && !js.Global().Get("Array").Call("isArray", v).Bool() {
		named, err := goNamed(v)
		return []any{named}, err
	}
	if v.Type() != js.TypeObject {
		return nil, fmt.Errorf("params must be an array or an object, got %s", v.Type())
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

// goNamed converts an object of named parameters.
func goNamed(v js.Value) (engine.Named, error) {
	keys := js.Global().Get("Object").Call("keys", v)
	named := engine.Named{}
	for i := range keys.Length() {
		k := keys.Index(i).String()
		p, err := goValue(v.Get(k))
		if err != nil {
			return nil, fmt.Errorf("params.%s: %w", k, err)
		}
		named[k] = p
	}
	return named, nil
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

// goOptions reads the engine's limits from a JavaScript object; a field
// that is missing or not a number keeps its default.
func goOptions(v js.Value) engine.Options {
	var o engine.Options
	if v.Type() != js.TypeObject {
		return o
	}
	num := func(name string) float64 {
		if f := v.Get(name); f.Type() == js.TypeNumber {
			return f.Float()
		}
		return 0
	}
	o.TimeLimit = time.Duration(num("timeLimitMs") * float64(time.Millisecond))
	o.MaxRows = int(num("maxRows"))
	o.MaxLength = int(num("maxLength"))
	o.MaxMemory = int64(num("maxMemory"))
	o.MaxResultBytes = int(num("maxResultBytes"))
	return o
}
