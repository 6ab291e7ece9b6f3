//go:build js && wasm

package main

import (
	"bytes"
	"encoding/json"
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
	return o
}

// jsonParams decodes parameters that engine.js sent as JSON: an array binds
// by position, an object by name, and no bytes mean none. Values convert as
// goParams's do; JSON has no bigint or Infinity, so engine.js tags them as
// {"int": "digits"} and {"real": "Infinity"|"-Infinity"|"NaN"}.
func jsonParams(b []byte) ([]any, error) {
	if len(b) == 0 {
		return nil, nil
	}
	var v any
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	if err := d.Decode(&v); err != nil {
		return nil, fmt.Errorf("params: %w", err)
	}
	switch v := v.(type) {
	case []any:
		for i, x := range v {
			p, err := jsonValue(x)
			if err != nil {
				return nil, fmt.Errorf("params[%d]: %w", i, err)
			}
			v[i] = p
		}
		return v, nil
	case map[string]any:
		named := engine.Named{}
		for k, x := range v {
			p, err := jsonValue(x)
			if err != nil {
				return nil, fmt.Errorf("params.%s: %w", k, err)
			}
			named[k] = p
		}
		return []any{named}, nil
	}
	return nil, fmt.Errorf("params must be an array or an object")
}

// jsonValue converts one decoded JSON value to what the engine binds.
func jsonValue(x any) (any, error) {
	switch x := x.(type) {
	case nil, bool, string:
		return x, nil
	case json.Number:
		f, err := strconv.ParseFloat(string(x), 64)
		if err != nil {
			return nil, fmt.Errorf("number %s: %w", x, err)
		}
		if f == math.Trunc(f) && math.Abs(f) <= 1<<53 {
			return int64(f), nil
		}
		return f, nil
	case map[string]any:
		if digits, ok := x["int"].(string); ok {
			n, err := strconv.ParseInt(digits, 10, 64)
			if err != nil {
				return nil, fmt.Errorf("integer %s does not fit in 64 bits", digits)
			}
			return n, nil
		}
		switch x["real"] {
		case "Infinity":
			return math.Inf(1), nil
		case "-Infinity":
			return math.Inf(-1), nil
		case "NaN":
			return math.NaN(), nil
		}
	}
	return nil, fmt.Errorf("cannot bind %v", x)
}
