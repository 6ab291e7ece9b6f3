//go:build js && wasm

package main

import (
	"context"
	"fmt"
	"unsafe"

	"github.com/dbtour/dbtour/wasm/engine"
)

// The hot call, exec, has a second path beside syscall/js: WebAssembly
// exports that pass the SQL and parameters, and the result, as UTF-8 in
// the module's memory. A call through js.FuncOf costs tens of µs (a Go
// goroutine wakes for a JavaScript event); an exported function is a plain
// call. engine.js uses it when it can encode the parameters as JSON and
// falls back to the raw API otherwise.
//
//	p = dbtourInput(n)                 room for n bytes of input, at p
//	n = dbtourExec(db, sqlLen, parLen) run input[:sqlLen] with the JSON
//	                                   parameters after it ("" for none)
//	p = dbtourOutput()                 the result (JSON, n bytes) is at p

// exported is the API whose databases the exports reach; main sets it.
var exported *api

var (
	// input is where JavaScript writes a call's arguments.
	input []byte
	// output holds the last call's result until JavaScript has read it.
	output []byte
)

//go:wasmexport dbtourInput
func exportInput(n int32) unsafe.Pointer {
	if cap(input) < int(n) || cap(input) == 0 {
		input = make([]byte, max(n, 1024))
	}
	input = input[:n]
	return unsafe.Pointer(unsafe.SliceData(input))
}

//go:wasmexport dbtourExec
func exportExec(db, sqlLen, paramsLen int32) (n int32) {
	defer func() {
		if p := recover(); p != nil { // as safe does for the raw API
			output = []byte(reply(nil, fmt.Errorf("internal error in the engine: %v", p)))
			n = int32(len(output))
		}
	}()
	output = exported.execBytes(int(db), input[:sqlLen], input[sqlLen:sqlLen+paramsLen])
	return int32(len(output))
}

//go:wasmexport dbtourOutput
func exportOutput() unsafe.Pointer {
	return unsafe.Pointer(unsafe.SliceData(output))
}

// execBytes runs sql with JSON parameters on database db and returns the
// engine.Result as JSON.
func (a *api) execBytes(db int, sql, params []byte) []byte {
	res := engine.Result{Statements: []engine.Statement{}}
	if s, ok := a.sessions[db]; !ok {
		res.Error = toError(errClosed)
	} else if args, err := engine.ParseParams(params); err != nil {
		res.Error = toError(err)
	} else {
		res = s.Exec(context.Background(), string(sql), args...)
	}
	b, err := res.AppendJSON(output[:0])
	if err != nil {
		b = []byte(reply(nil, fmt.Errorf("encode result: %w", err)))
	}
	return b
}
